//! The index page: the preview's, which lists private papers marked PRIVATE for the
//! secretariat, and the public one `--write` puts in the output folder, which leaves them
//! out as a build's does.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::overlay::Notes;
use super::site::{Page, PaperEntry};
use crate::output::index_entries;
use crate::paper::Status;
use crate::project::Project;
use crate::render::{OutputFormat, Renderer};

/// Who an index is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Audience {
    /// The preview's reviewers: private papers stay listed, marked PRIVATE.
    Preview,
    /// The public output folder (`--write`): private papers left out, as a build's index.
    Public,
}

/// The index: every paper with a good page, listed as that page shows it (a failing paper
/// by its last good metadata), each marked DRAFT unless `status: final` as the preview
/// renders them, with a link to each lazy format (the PDF) as it will be built; a private
/// paper marked PRIVATE for the preview and left out of the public index.
pub(crate) fn index_page(
    papers: &BTreeMap<PathBuf, Arc<PaperEntry>>,
    links: &[crate::render::MeetingLink],
    renderer: Option<&Renderer>,
    (project, private): (&Project, &BTreeMap<PathBuf, String>),
    old: &Page,
    audience: Audience,
) -> Page {
    let Some(renderer) = renderer else {
        return old.clone();
    };
    let is_private =
        |e: &PaperEntry| crate::meeting::file::is_private(private, &e.report.source.rel);
    let reports: Vec<_> = papers
        .values()
        .filter(|e| audience == Audience::Preview || !is_private(e))
        .map(|e| {
            let mut r = e.report.clone();
            r.meta = e.good_meta.clone();
            if let Some(meta) = r.meta.as_mut() {
                meta.status.get_or_insert(Status::Draft);
            }
            r
        })
        .collect();
    let public = audience == Audience::Public;
    let mut entries = index_entries(&reports, &project.house.language, public);
    // Private papers stay listed in the preview (the secretariat reviews them here, on its
    // own machine), marked PRIVATE with the marking their pages carry.
    let private_hrefs: std::collections::BTreeSet<String> = papers
        .values()
        .filter(|e| is_private(e))
        .map(|e| e.href())
        .collect();
    for entry in &mut entries {
        if private_hrefs.contains(&entry.href) {
            entry.private = true;
            entry.classification = Some(crate::pipeline::private_marking(&project.house));
        }
    }
    // The index template has one link per paper besides its page: the PDF, built when
    // first asked for.
    let pdf = OutputFormat::Pdf.extension();
    for entry in &mut entries {
        let html = std::path::Path::new(&entry.href);
        entry.pdf_href = Some(crate::output::href(&html.with_extension(pdf)));
    }
    match renderer.render_index_with_meetings(&entries, links, &project.house) {
        Ok(html) => Page {
            good: Some(html.into_bytes().into()),
            notes: Notes::default(),
        },
        Err(d) => Page {
            good: old.good.clone(),
            notes: Notes::new(&[d], renderer.sources()),
        },
    }
}

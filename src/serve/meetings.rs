//! The preview's meeting pages: after each rebuild the meeting files are read again and the
//! meetings assembled from the papers as the preview shows them (cheap: no paper is
//! rendered), so a change to a paper or a meeting file updates its meeting's page. Each
//! meeting's packs are listed by path; the server builds one when first asked for it.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::overlay::Notes;
use super::site::{Page, PaperEntry, Problems, Site};
use crate::meeting;
use crate::output::meetings::paper_files;
use crate::project::Project;
use crate::render::pdf::pack::PackKind;
use crate::render::{BuiltFile, MeetingLink, PrivateLine, Renderer};

/// Every meeting's page by path (`meetings/SLUG/index.html`); a meeting whose file has an
/// error keeps its last good page; with the index's link to each, and its packs by path.
/// The meeting problems go in `problems.meetings`.
pub(crate) fn pages(
    papers: &BTreeMap<PathBuf, Arc<PaperEntry>>,
    renderer: Option<&Renderer>,
    project: &Project,
    old: &Site,
    problems: &mut Problems,
) -> (BTreeMap<String, Page>, Vec<MeetingLink>, Packs) {
    let files = meeting::load_all(
        &project.root,
        &project.root.join(&project.house.meetings_dir),
        &project.papers_dir,
    );
    let reports: Vec<_> = papers
        .values()
        .map(|e| {
            let mut r = e.report.clone();
            r.meta = e.good_meta.clone();
            r
        })
        .collect();
    let (meetings, diags) = crate::pipeline::assemble_meetings(&files, &reports);
    problems.meetings = files.diagnostics.clone();
    problems.meetings.extend(diags);
    // Their texts, so the overlay can show the lines they point at.
    for f in &files.files {
        problems.sources.add(&f.file, f.text.as_str());
    }
    for r in &reports {
        if problems.meetings.iter().any(|d| d.file == r.source.display) {
            problems.sources.extend(&r.sources);
        }
    }
    let Some(renderer) = renderer else {
        return (old.meetings.clone(), Vec::new(), old.packs.clone());
    };
    let links = meetings
        .iter()
        .map(|m| MeetingLink {
            committee: m.committee.clone(),
            date: m.date.to_string(),
            date_display: project.house.format_date(m.date),
            href: crate::output::href(&m.out_dir().join("index.html")),
            private: m
                .private_items()
                .map(|i| PrivateLine {
                    number: i.number.clone(),
                    title: i.title.clone(),
                    exempt: i.private.clone().unwrap_or_default(),
                })
                .collect(),
        })
        .collect();
    let built = paper_files(&reports);
    let pages = meetings
        .iter()
        .map(|m| {
            let rel = crate::output::href(&m.out_dir().join("index.html"));
            let previous = old.meetings.get(&rel).cloned().unwrap_or_default();
            let page = if m.failed {
                previous
            } else {
                // The packs are made on request, so their links say only their type.
                let packs: Vec<(&str, String, Option<BuiltFile>)> = PackKind::ALL
                    .into_iter()
                    .filter(|k| *k != PackKind::Private && k.wanted(m))
                    .map(|k| (k.label(), k.file_name().to_string(), None))
                    .collect();
                let draft = m.is_draft(true);
                match renderer.render_meeting(m, &built, None, &packs, &project.house, draft) {
                    Ok(html) => Page {
                        good: Some(html.into_bytes().into()),
                        notes: Notes::default(),
                    },
                    Err(d) => Page {
                        good: previous.good,
                        notes: Notes::new(&[d], renderer.sources()),
                    },
                }
            };
            (rel, page)
        })
        .collect();
    let mut packs = Packs::new();
    for m in meetings.into_iter().filter(|m| !m.failed) {
        let m = Arc::new(m);
        for kind in PackKind::ALL.into_iter().filter(|k| k.wanted(&m)) {
            let rel = crate::output::href(&crate::output::packs::pack_path(&m, kind));
            packs.insert(rel, (m.clone(), kind));
        }
    }
    (pages, links, packs)
}

/// Each pack's meeting and kind, by path relative to the output folder.
pub(crate) type Packs = BTreeMap<String, (Arc<meeting::Meeting>, PackKind)>;

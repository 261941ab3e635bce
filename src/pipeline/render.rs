//! One paper loaded, checked, compiled and rendered in memory, writing nothing: what a
//! build writes and `clerk serve` shows.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::BuildOptions;
use crate::diag::{Diagnostic, Sources};
use crate::document::Document;
use crate::document::compile::compile_with;
use crate::document::markdown::PrivatePapers;
use crate::meeting::file::is_private;
use crate::output::timings::StageTimes;
use crate::output::{self, PaperReport, output_path};
use crate::paper::{self, Status};
use crate::project::{PaperSource, Project};
use crate::render::pdf::PdfEngine;
use crate::render::{OutputFormat, Renderer, SiteLinks};

/// One paper checked and rendered in memory: its report (no outputs yet) and the bytes of
/// each output, by path relative to the output folder. `clerk serve` uses this directly.
#[derive(Debug)]
pub struct PaperBuild {
    /// Diagnostics and metadata; `outputs` and `built` are filled in when written.
    pub report: PaperReport,
    /// Rendered outputs (empty when the paper has errors or nothing was asked for).
    pub files: Vec<(PathBuf, Vec<u8>)>,
}

/// The marking every page of a paper taken in private shows, HTML and PDF, in place of
/// its own classification: PRIVATE (`words.private`), and the house's private classification.
pub fn private_marking(house: &crate::config::HouseStyle) -> String {
    house.words.private_marking(&house.private_classification)
}

/// Loads, checks, compiles and renders one paper, writing nothing. A paper `private`
/// holds (an item taken in private, by its path relative to the papers folder) is marked
/// PRIVATE with the house's private classification; a public paper's links to one are
/// left out.
pub fn render_one(
    project: &Project,
    renderer: Option<&Renderer>,
    opts: &BuildOptions,
    source: &PaperSource,
    private: &BTreeMap<PathBuf, String>,
) -> PaperBuild {
    render_with_doc(project, renderer, None, opts, source, private).0
}

/// Where, under the output folder, the page of a paper that appends a PDF links it to the
/// paper's own PDF as an earlier build left it, when a run making `formats` makes none;
/// `None` when it makes one or the paper appends no PDF.
pub(super) fn kept_pdf(
    formats: &[OutputFormat],
    source: &PaperSource,
    private: bool,
    doc: &Document,
) -> Option<PathBuf> {
    (!formats.contains(&OutputFormat::Pdf) && doc.has_pdf_appendix())
        .then(|| output::packs::paper_pdf(&source.rel, private))
}

/// A public paper's links from its page (`resources/budget.html`) to the index and its
/// meeting's page, published with it in the output folder: `../index.html`,
/// `../meetings/2026-05-19-resources-committee/index.html`. Its meeting is the one its
/// own metadata names, whose page every build makes.
fn site_hrefs(source: &PaperSource) -> impl Fn(&crate::paper::PaperMeta) -> (String, String) {
    let up = "../".repeat(source.rel.components().count().saturating_sub(1));
    move |meta| {
        let meeting = crate::meeting::out_dir(&meta.meeting, meta.date);
        let meeting = crate::render::link(&crate::output::href(&meeting));
        (
            format!("{up}index.html"),
            format!("{up}{meeting}/index.html"),
        )
    }
}

/// [`render_one`], with the compiled document (for the files it read) and the stage times
/// in the report. A check (no `renderer`) given the PDF's fonts as `checks` says what the
/// PDF would warn of: characters no font has, tables too wide for the page.
pub(super) fn render_with_doc(
    project: &Project,
    renderer: Option<&Renderer>,
    checks: Option<&PdfEngine>,
    opts: &BuildOptions,
    source: &PaperSource,
    taken: &BTreeMap<PathBuf, String>,
) -> (PaperBuild, Option<Document>) {
    let private = is_private(taken, &source.rel);
    // A public paper's link to a paper taken in private names what is discussed there.
    let names_private = |md: &Path| {
        !private
            && md
                .strip_prefix(&project.papers_dir)
                .is_ok_and(|rel| is_private(taken, rel))
    };
    let unnamed = (project.root.as_path(), PrivatePapers(&names_private));
    let house = &project.house;
    let mut times = StageTimes::default();
    let mut sources = Sources::default();
    let started = Instant::now();
    let (loaded, mut diagnostics) = paper::read(source, house, &mut sources);
    let paper = match loaded {
        Some(paper::Loaded::Checked(p)) => Some(p),
        Some(paper::Loaded::Flawed(p)) => {
            // Its body is checked all the same, so every problem comes out in one run;
            // nothing is built from it.
            let (_, diags) = compile_with(&p, house, unnamed, &mut sources);
            diagnostics.extend(diags);
            None
        }
        None => None,
    };
    times.read = started.elapsed();
    if let Some(p) = &paper {
        crate::alloc::paper_read(p.split.md_text.len());
    }
    let meta = paper.as_ref().map(|p| p.meta.clone());
    let started = Instant::now();
    let doc = paper.as_ref().and_then(|p| {
        let (doc, diags) = compile_with(p, house, unnamed, &mut sources);
        diagnostics.extend(diags);
        doc
    });
    let doc = doc.map(|mut doc| {
        if private {
            doc.take_in_private(private_marking(house));
        }
        doc
    });
    times.check = started.elapsed();
    let mut files = Vec::new();
    if let (Some(doc), Some(renderer)) = (&doc, renderer) {
        sources.extend(renderer.sources());
        let draft = doc
            .meta
            .status
            .map_or(opts.draft_by_default, |s| s == Status::Draft);
        let pdf_beside = kept_pdf(&opts.formats, source, private, doc)
            .is_some_and(|rel| project.out_dir.join(rel).is_file());
        let hrefs = meta.as_ref().filter(|_| !private).map(site_hrefs(source));
        let site = hrefs.as_ref().map(|(index, meeting)| SiteLinks {
            index_href: index,
            meeting_href: meeting,
        });
        for format in opts.formats.iter().filter(|f| f.is_paper()) {
            let (bytes, spent) =
                renderer.render_timed(*format, doc, (house, draft, pdf_beside), site);
            match format {
                OutputFormat::Html => times.html += spent.write,
                OutputFormat::Pdf | OutputFormat::Pack => {
                    times.layout += spent.layout;
                    times.pdf += spent.write;
                }
            }
            match bytes {
                Ok(bytes) => files.push((output_path(&source.rel, *format), bytes)),
                Err(d) => diagnostics.push(d),
            }
            if let Some(p) = &paper {
                let (file, text) = (&source.display, &p.split.md_text);
                diagnostics.extend(renderer.warnings(*format, (doc, house), file, text));
            }
        }
        if diagnostics.iter().any(Diagnostic::is_error) {
            files.clear();
        }
    } else if let (Some(doc), Some(pdf), Some(p)) = (&doc, checks, &paper) {
        let (file, text) = (&source.display, &p.split.md_text);
        diagnostics.extend(pdf.unshown(file, text));
        diagnostics.extend(pdf.wide_tables(doc, house, file, text));
    }
    crate::diag::sort(&mut diagnostics);
    let report = PaperReport {
        withdrawn: Vec::new(),
        source: source.clone(),
        meta,
        diagnostics,
        sources,
        outputs: Vec::new(),
        built: false,
        reused: false,
        last_good: None,
        times,
    };
    (PaperBuild { report, files }, doc)
}

//! Runs the stages in order: the project's papers and meeting files are found and read
//! (sequentially), then each paper is loaded, checked, compiled, rendered and written in
//! parallel, then the meetings are assembled and written, then the calendar, index and
//! manifest; results always in path order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diag::{Diagnostic, Sources};
use crate::document::compile::compile;
use crate::meeting::{self, PaperEntry};
use crate::output::{self, BuildReport, PaperReport, output_path, write};
use crate::paper::{self, Status};
use crate::project::{PaperSource, Project};
use crate::render::{OutputFormat, Renderer};

/// What a run does besides checking.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Output formats to write; empty = check only, nothing rendered or written.
    pub formats: Vec<OutputFormat>,
    /// Papers or folders to limit the run to (empty = all).
    pub paths: Vec<PathBuf>,
    /// Mark papers without a `status` as drafts (the preview's default).
    pub draft_by_default: bool,
}

/// What a run tells while it works, for a progress bar. Papers are built in parallel, so
/// the calls come from several threads, in no set order.
pub trait Progress: Sync {
    /// The papers are found: `total` of them will be built.
    fn start(&self, _total: usize) {}
    /// A paper is being built.
    fn paper_started(&self, _paper: &PaperSource) {}
    /// A paper is done (checked, rendered and written), with its diagnostics.
    fn paper_done(&self, _report: &PaperReport) {}
}

/// Tells nothing.
pub struct Silent;

impl Progress for Silent {}

/// Runs the pipeline over the project's papers: check always; render and write when
/// `opts.formats` is not empty. A paper with errors keeps its previous outputs. The texts the
/// run's own diagnostics point into (the templates') go in `sources`; each paper's report
/// holds its own.
pub fn run(
    project: &Project,
    opts: &BuildOptions,
    sources: &mut Sources,
) -> Result<BuildReport, Vec<Diagnostic>> {
    run_with_progress(project, opts, sources, &Silent)
}

/// [`run`], telling `progress` of each paper as it starts and is done.
pub fn run_with_progress(
    project: &Project,
    opts: &BuildOptions,
    sources: &mut Sources,
    progress: &dyn Progress,
) -> Result<BuildReport, Vec<Diagnostic>> {
    let renderer = if opts.formats.is_empty() {
        None
    } else {
        // Only what the formats asked for: an HTML build never reads the PDF fonts.
        Some(Renderer::for_formats(
            &project.root,
            &project.house,
            &opts.formats,
            sources,
        )?)
    };
    if renderer.is_some() {
        write::clean_leftovers(&project.out_dir);
        output::withdraw_manifest(project).map_err(|d| vec![d])?;
    }
    let (found, mut diagnostics) = project.papers(&opts.paths);
    let files = meeting::load_all(
        &project.root,
        &project.root.join(&project.house.meetings_dir),
        &project.papers_dir,
    );
    let private = files.private_papers();
    progress.start(found.len());
    let papers: Vec<PaperReport> = found
        .par_iter()
        .map(|s| {
            progress.paper_started(s);
            let report = build_one(project, renderer.as_ref(), opts, s, &private);
            progress.paper_done(&report);
            report
        })
        .collect();
    if !opts.paths.is_empty() {
        // Only some papers: the meetings cannot be cross-checked, nor their pages rebuilt.
        return Ok(BuildReport {
            papers,
            diagnostics,
            private,
            ..BuildReport::default()
        });
    }
    diagnostics.extend(files.diagnostics.iter().cloned());
    let (meetings, diags) = assemble_meetings(&files, &papers);
    diagnostics.extend(diags);
    // The meetings' diagnostics point into meeting files and papers: keep their texts.
    for f in &files.files {
        sources.add(&f.file, f.text.as_str());
    }
    for p in &papers {
        let sidecar = p.source.display.with_extension("yaml");
        if diagnostics
            .iter()
            .any(|d| d.file == p.source.display || d.file == sidecar)
        {
            sources.extend(&p.sources);
        }
    }
    let mut report = BuildReport {
        papers,
        diagnostics,
        private,
        ..BuildReport::default()
    };
    if let Some(renderer) = renderer.as_ref() {
        let pdf = opts.formats.contains(&OutputFormat::Pdf);
        let formats = output::meetings::MeetingFormats {
            pdf,
            packs: pdf || opts.formats.contains(&OutputFormat::Pack),
        };
        report.meetings = output::meetings::write_meetings(
            project,
            renderer,
            meetings,
            &report.papers,
            opts.draft_by_default,
            formats,
            &mut report.diagnostics,
        );
        report.calendar = output::meetings::write_calendar(
            project,
            &report.meetings,
            opts.draft_by_default,
            &mut report.diagnostics,
        );
        output::write_index_and_manifest(project, renderer, &mut report);
    } else {
        report.meetings = meetings
            .into_iter()
            .map(|meeting| output::meetings::MeetingOutputs {
                meeting,
                outputs: Vec::new(),
                built: false,
            })
            .collect();
    }
    Ok(report)
}

/// The meetings of the project from its meeting files and papers, cross-checked.
pub fn assemble_meetings(
    files: &meeting::MeetingFiles,
    papers: &[PaperReport],
) -> (Vec<meeting::Meeting>, Vec<Diagnostic>) {
    let entries: Vec<PaperEntry> = papers
        .iter()
        .map(|p| PaperEntry {
            source: &p.source,
            meta: p.meta.as_ref(),
            ok: p.errors() == 0,
            sources: &p.sources,
        })
        .collect();
    let (meetings, mut diags) = meeting::assemble(files, &entries);
    crate::diag::sort(&mut diags);
    (meetings, diags)
}

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
/// its own classification: PRIVATE, and the house's private classification.
pub fn private_marking(house: &crate::config::HouseStyle) -> String {
    format!("PRIVATE – {}", house.private_classification)
}

/// Loads, checks, compiles and renders one paper, writing nothing. A `private` paper (an
/// item taken in private) is marked PRIVATE with the house's private classification.
pub fn render_one(
    project: &Project,
    renderer: Option<&Renderer>,
    opts: &BuildOptions,
    source: &PaperSource,
    private: bool,
) -> PaperBuild {
    let house = &project.house;
    let mut sources = Sources::default();
    let (paper, mut diagnostics) = paper::load(source, house, &mut sources);
    let meta = paper.as_ref().map(|p| p.meta.clone());
    let doc = paper.as_ref().and_then(|p| {
        let (doc, diags) = compile(p, house, &project.root, &mut sources);
        diagnostics.extend(diags);
        doc
    });
    let doc = doc.map(|mut doc| {
        if private {
            doc.meta.classification = Some(private_marking(house));
        }
        doc
    });
    let mut files = Vec::new();
    if let (Some(doc), Some(renderer)) = (&doc, renderer) {
        sources.extend(renderer.sources());
        let draft = doc
            .meta
            .status
            .map_or(opts.draft_by_default, |s| s == Status::Draft);
        for format in opts.formats.iter().filter(|f| f.is_paper()) {
            match renderer.render(*format, doc, house, draft) {
                Ok(bytes) => files.push((output_path(&source.rel, *format), bytes)),
                Err(d) => diagnostics.push(d),
            }
            if let Some(p) = &paper {
                diagnostics.extend(renderer.warnings(*format, &source.display, &p.split.md_text));
            }
        }
        if diagnostics.iter().any(Diagnostic::is_error) {
            files.clear();
        }
    }
    crate::diag::sort(&mut diagnostics);
    let report = PaperReport {
        source: source.clone(),
        meta,
        diagnostics,
        sources,
        outputs: Vec::new(),
        built: false,
    };
    PaperBuild { report, files }
}

fn build_one(
    project: &Project,
    renderer: Option<&Renderer>,
    opts: &BuildOptions,
    source: &PaperSource,
    private: &BTreeMap<PathBuf, String>,
) -> PaperReport {
    let is_private = private.contains_key(&meeting::file::normal(Path::new(&source.rel)));
    let PaperBuild { mut report, files } = render_one(project, renderer, opts, source, is_private);
    if renderer.is_none() {
        return report;
    }
    let formats: Vec<OutputFormat> = opts
        .formats
        .iter()
        .copied()
        .filter(|f| f.is_paper())
        .collect();
    if formats.is_empty() {
        // Only the packs: each paper keeps (and the manifest lists) what the last build made.
        output::kept_outputs(project, &mut report, is_private);
        return report;
    }
    output::write_paper(project, &mut report, &files, &formats, is_private);
    report
}

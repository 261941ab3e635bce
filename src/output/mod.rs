//! The written stage: a paper's outputs put in the output folder atomically (or its last
//! good ones kept), and the index and manifest that describe them.

pub mod cache;
pub mod folder;
pub mod manifest;
pub mod meetings;
pub mod packs;
pub mod record;
pub mod reuse;
pub mod timings;
pub mod withdraw;
pub mod write;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Sources};
use crate::paper::{PaperMeta, Status};
use crate::project::{PaperSource, Project, walk};
use crate::render::{IndexEntry, MeetingLink, OutputFormat, Renderer};
use meetings::MeetingOutputs;
use record::Record;
use timings::{RunTimes, StageTimes};
use write::{OutputFile, slash_path, write_atomic};

/// The index of the papers and meetings, at the top of the output folder.
pub const INDEX_FILE: &str = "index.html";

pub use manifest::{
    MANIFEST, PREVIOUS_MANIFEST, is_private_pack, last_run_unfinished, publish_manifests,
    withdraw_manifest,
};
pub use meetings::PRIVATE_DIR;

/// The outcome of one paper.
#[derive(Debug, Clone)]
pub struct PaperReport {
    /// The paper.
    pub source: PaperSource,
    /// Its checked metadata, when the metadata passed.
    pub meta: Option<PaperMeta>,
    /// Every diagnostic, errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The texts of the paper's files (and of the templates, when rendered), which the
    /// diagnostics point into.
    pub sources: Sources,
    /// Outputs now in the output folder for this paper: new, kept from the last good build,
    /// or of a format this run did not build (those an earlier build wrote, still as written).
    pub outputs: Vec<OutputFile>,
    /// True when this run wrote (or confirmed) the outputs; false when it failed or only checked.
    pub built: bool,
    /// True when nothing the paper's outputs depend on changed since they were written, so
    /// this run did not build it again.
    pub reused: bool,
    /// For a failed paper whose last good outputs are kept: the metadata they were built
    /// from, when remembered.
    pub last_good: Option<PaperMeta>,
    /// Where building it spent its time.
    pub times: StageTimes,
    /// Its public copies this run removed because it is private now (paths relative to the
    /// output folder), for the summary.
    pub withdrawn: Vec<String>,
}

impl PaperReport {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// Does the paper have errors while its last good outputs stay in the output folder?
    pub fn is_stale(&self) -> bool {
        self.errors() > 0 && !self.outputs.is_empty()
    }
}

/// The outcome of a run.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    /// One report per paper, in path order.
    pub papers: Vec<PaperReport>,
    /// Problems not tied to one paper (unreadable folders, meeting files, index or manifest
    /// not written).
    pub diagnostics: Vec<Diagnostic>,
    /// Every meeting, with its outputs (empty when only checking).
    pub meetings: Vec<MeetingOutputs>,
    /// `meetings.ics`, when written.
    pub calendar: Option<OutputFile>,
    /// The papers taken in private (path relative to the papers folder → exempt ground).
    pub private: BTreeMap<PathBuf, String>,
    /// Outputs removed because their paper is gone (paths relative to the output folder).
    pub removed: Vec<String>,
    /// Outputs of papers that are gone, left in place because they changed since clerk
    /// wrote them.
    pub left: Vec<String>,
    /// Outputs of meetings this run no longer has, which a run with errors keeps (it cannot
    /// tell a meeting that is gone from one whose papers failed): still listed in the
    /// manifests, so that the next run without errors removes them.
    pub kept: Vec<OutputFile>,
    /// The wall time of each phase of the run, for `--timings`.
    pub times: RunTimes,
}

impl BuildReport {
    /// Every output the run lists (paths relative to the output folder): its papers',
    /// meetings' and calendar, and the index.
    pub fn listed(&self) -> std::collections::BTreeSet<&str> {
        (self.papers.iter())
            .flat_map(|p| &p.outputs)
            .chain(self.meetings.iter().flat_map(|m| &m.outputs))
            .chain(&self.calendar)
            .map(|o| o.path.as_str())
            .chain([INDEX_FILE])
            .collect()
    }

    /// Does any paper (or the run) have an error?
    pub fn has_errors(&self) -> bool {
        self.papers.iter().any(|p| p.errors() > 0)
            || self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Writes a checked paper's rendered `files` (paths relative to the output folder) and
/// records them in its report, with the outputs of the other formats that earlier builds
/// wrote (per `record`) and are still as written; a paper with errors keeps (and lists) its
/// previous outputs instead.
///
/// A private paper's outputs go under [`PRIVATE_DIR`] instead, and any public copy an
/// earlier build left is removed.
pub fn write_paper(
    project: &Project,
    report: &mut PaperReport,
    files: &[(PathBuf, Vec<u8>)],
    formats: &[OutputFormat],
    private: bool,
    record: &Record,
) {
    if private {
        for f in formats {
            let rel = output_path(&report.source.rel, *f);
            if std::fs::remove_file(project.out_dir.join(&rel)).is_ok() {
                report.withdrawn.push(write::slash_path(&rel));
            }
        }
    }
    let out = &project.out_dir;
    if report.errors() > 0 {
        report.outputs = record.written(out, &report.source.display, |_| true);
        return;
    }
    for (rel, bytes) in files {
        let rel = &if private {
            Path::new(PRIVATE_DIR).join(rel)
        } else {
            rel.clone()
        };
        let path = project.out_dir.join(rel);
        match write_atomic(&path, bytes) {
            Ok(()) => report.outputs.push(OutputFile::describe(rel, bytes)),
            Err(e) => report.diagnostics.push(Diagnostic::file_error(
                "write-failed",
                &walk::relative(&project.root, &path),
                format!("cannot write this output ({e})"),
            )),
        }
    }
    // Only the formats this run did not build are read back to check them.
    let built: Vec<&str> = formats.iter().map(|f| f.extension()).collect();
    let other = |path: &str| !built.iter().any(|e| path.ends_with(&format!(".{e}")));
    let recorded = record.written(out, &report.source.display, other);
    keep_other_formats(report, recorded, private);
    report.built = report.errors() == 0;
}

/// Adds to a paper's outputs those of the formats this run did not build that an earlier
/// build wrote where this one would (public or private) and are still as written; outputs
/// in path order, as a build of every format lists them.
pub fn keep_other_formats(report: &mut PaperReport, recorded: Vec<OutputFile>, private: bool) {
    for o in recorded {
        let in_private = o.path.starts_with(&format!("{PRIVATE_DIR}/"));
        if in_private == private && !report.outputs.iter().any(|n| n.path == o.path) {
            report.outputs.push(o);
        }
    }
    report.outputs.sort_by(|a, b| a.path.cmp(&b.path));
}

/// Where a paper's output of `format` goes, relative to the output folder.
pub fn output_path(rel: &Path, format: OutputFormat) -> PathBuf {
    rel.with_extension(format.extension())
}

/// A paper's outputs as the last build left them (HTML and PDF), for a run that makes only
/// the packs.
pub fn kept_outputs(project: &Project, report: &mut PaperReport, private: bool) {
    let rel = if private {
        Path::new(PRIVATE_DIR).join(&report.source.rel)
    } else {
        report.source.rel.clone()
    };
    report.outputs = previous_outputs(project, &rel, &[OutputFormat::Html, OutputFormat::Pdf]);
}

fn previous_outputs(project: &Project, rel: &Path, formats: &[OutputFormat]) -> Vec<OutputFile> {
    formats
        .iter()
        .filter_map(|f| {
            let rel = output_path(rel, *f);
            let bytes = std::fs::read(project.out_dir.join(&rel)).ok()?;
            Some(OutputFile::describe(&rel, &bytes))
        })
        .collect()
}

/// The index lines for papers that have an output (new, kept from a good build, or of a
/// format this run did not build): linked to the HTML, else the PDF. A failed paper's
/// last good output is listed, marked stale, with the metadata it was built from. On an
/// index for the `public` (the one written), a paper's warnings are left to the
/// secretariat, told by the build and the preview's index, never beside a paper a reader
/// opens.
pub fn index_entries(
    papers: &[PaperReport],
    house_language: &str,
    public: bool,
) -> Vec<IndexEntry> {
    papers
        .iter()
        .filter(|p| !p.outputs.is_empty())
        .filter(|p| {
            !p.outputs
                .iter()
                .any(|o| o.path.starts_with(&format!("{PRIVATE_DIR}/")))
        })
        .filter_map(|p| {
            let stale = p.is_stale();
            let meta = if stale {
                p.last_good.as_ref().or(p.meta.as_ref())?
            } else {
                p.meta.as_ref()?
            };
            let find = |ext: &str| p.outputs.iter().find(|o| o.path.ends_with(ext));
            let pdf = find(".pdf").map(|o| o.path.clone());
            let href = find(".html").map(|o| o.path.clone()).or(pdf.clone())?;
            Some(IndexEntry {
                meeting: meta.meeting.clone(),
                date: meta.date.to_string(),
                date_display: meta.date_display.clone(),
                agenda_item: meta.agenda_item.clone(),
                // Punctuated as the paper's own page shows it (`Chair’s report`).
                title: crate::document::smart::punctuate(&meta.title),
                lang: crate::config::other_language(&meta.language, house_language)
                    .map(str::to_string),
                href: crate::render::link(&href),
                pdf_href: pdf.as_deref().map(crate::render::link),
                warnings: if stale || public { 0 } else { p.warnings() },
                classification: meta.classification.clone(),
                draft: meta.status == Some(Status::Draft),
                private: false,
                stale,
            })
        })
        .collect()
}

/// Runs `a` and `b` side by side when `side_by_side`, else one after the other: rayon's
/// thread pool, started by the first parallel call, costs more than a small project's work
/// (the cold single paper), so only an archive's megabytes are worth it.
pub fn join<RA: Send, RB: Send>(
    side_by_side: bool,
    a: impl FnOnce() -> RA + Send,
    b: impl FnOnce() -> RB + Send,
) -> (RA, RB) {
    if side_by_side {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

/// Writes `index.html`, then `manifest.json` and the build cache at once (in an archive
/// each is megabytes); problems go in the report. The manifest is written only when the
/// index was, so the two always agree. Only speed hangs on the cache: one that cannot be
/// written means a full build next time, which is never wrong (and a cache file half
/// written by a killed run is swept up by the next, see `write::clean_leftovers`).
/// The index is rendered only when what it shows changed since the cache's record of it
/// (or it is not on disk as written).
pub fn write_index_and_manifest(
    project: &Project,
    renderer: &Renderer,
    report: &mut BuildReport,
    (mut cache, run): (cache::Cache, &cache::RunKey),
) {
    let entries = index_entries(&report.papers, &project.house.language, true);
    let links = meeting_links(report, &project.house);
    let key = index_key(run, &entries, &links);
    let index = match cache.fresh_index(project, &key) {
        Some(index) => Some(index),
        None => {
            let index = write_index(project, renderer, report, (&entries, &links));
            if let Some(index) = &index {
                cache.remember_index(project, key, index);
            }
            index
        }
    };
    // What each paper was built from, for the manifest, before the cache is written.
    let inputs = cache.inputs();
    let ((), _) = join(
        report.papers.len() > 1,
        || {
            if index.is_some() {
                let shared = manifest::Shared::read(&project.root, run.house(), report);
                let (public, private) =
                    manifest::manifests(report, index.as_ref(), (&inputs, &shared));
                publish_manifests(project, public, private, &mut report.diagnostics);
            }
        },
        // Written and freed beside the manifests (an archive's cache is tens of thousands
        // of entries: freeing them alone is milliseconds).
        move || cache.write(&project.out_dir),
    );
}

/// What the index shows, hashed with the run's inputs (house style, templates, clerk).
fn index_key(run: &cache::RunKey, entries: &[IndexEntry], links: &[MeetingLink]) -> String {
    let mut bytes = run.hash().as_bytes().to_vec();
    bytes.extend(serde_json::to_vec(&(entries, links)).unwrap_or_default());
    write::sha256_hex(&bytes)
}

/// Renders and writes `index.html` (problems go in the report).
fn write_index(
    project: &Project,
    renderer: &Renderer,
    report: &mut BuildReport,
    (entries, links): (&[IndexEntry], &[MeetingLink]),
) -> Option<OutputFile> {
    let index_path = project.out_dir.join(INDEX_FILE);
    match renderer.render_index_with_meetings(entries, links, &project.house) {
        Ok(html) => match write_atomic(&index_path, html.as_bytes()) {
            Ok(()) => Some(OutputFile::describe(Path::new(INDEX_FILE), html.as_bytes())),
            Err(e) => {
                report.diagnostics.push(Diagnostic::file_error(
                    "write-failed",
                    &walk::relative(&project.root, &index_path),
                    format!("cannot write the index ({e})"),
                ));
                None
            }
        },
        Err(d) => {
            report.diagnostics.push(d);
            None
        }
    }
}

/// Each meeting with a page, as the index links it: private items by title and ground only.
fn meeting_links(report: &BuildReport, house: &crate::config::HouseStyle) -> Vec<MeetingLink> {
    report
        .meetings
        .iter()
        .filter_map(|m| {
            let href = crate::render::link(&m.page()?.path);
            Some(MeetingLink::new(&m.meeting, house, href))
        })
        .collect()
}

/// The href of an output relative to the output folder.
pub fn href(rel: &Path) -> String {
    slash_path(rel)
}

//! Runs the stages in order: the project's papers and meeting files are found and read
//! (sequentially), then each paper is loaded, checked, compiled, rendered and written in
//! parallel, then the meetings are assembled and written, then the calendar, index and
//! manifest; results always in path order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Sources};
use crate::meeting::{self, PaperEntry};
use crate::output::cache::{self, Cache, RunKey};
use crate::output::record::Record;
use crate::output::timings::RunTimes;
use crate::output::{self, BuildReport, PaperReport, write};
use crate::project::{PaperSource, Project};
use crate::render::pdf::PdfEngine;
use crate::render::{OutputFormat, Renderer};

mod folders;
mod named;
mod one;
mod partial;
mod render;
use one::{Learnt, build_one};
use render::render_with_doc;
pub use render::{PaperBuild, private_marking, render_one};

/// What a run does besides checking.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Output formats to write; empty = check only, nothing rendered or written.
    pub formats: Vec<OutputFormat>,
    /// Papers or folders to limit the run to (empty = all).
    pub paths: Vec<PathBuf>,
    /// Mark papers without a `status` as drafts (the preview's default).
    pub draft_by_default: bool,
    /// Build every paper again, even those whose inputs and outputs are unchanged.
    pub force: bool,
}

/// What a writing run knows of earlier builds: the outputs they wrote (from the previous
/// manifests) and the incremental cache, with this run's shared key.
struct Memory {
    record: Record,
    cache: Cache,
    run: RunKey,
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
    // A paper or folder named on the command line that is not there is a usage error:
    // nothing is built (nor the manifest withdrawn) for a mistyped path.
    let missing: Vec<Diagnostic> = opts
        .paths
        .iter()
        .filter(|p| !std::path::absolute(p).is_ok_and(|a| a.exists()))
        .map(|p| project.path_not_found(p))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    let mut times = RunTimes::default();
    let mut phase = Instant::now();
    let mut lap = |into: &mut std::time::Duration| {
        let now = Instant::now();
        *into += now - phase;
        phase = now;
    };
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
    // A check renders nothing, but says what the PDF would warn of, with the fonts a build
    // would use (when they load: a broken font is the build's error to report).
    let checks = renderer
        .is_none()
        .then(|| PdfEngine::new(&project.root, &project.house).ok())
        .flatten();
    if renderer.is_some() {
        // One error up front for an output folder clerk cannot write in, not one per output.
        output::folder::ready(project).map_err(|d| vec![d])?;
    }
    lap(&mut times.setup);
    // Read back what earlier builds wrote before the manifest is withdrawn.
    // The three at once when the manifest and the cache are megabytes (an archive).
    let memory = renderer.as_ref().map(|_| {
        let big = std::fs::metadata(project.out_dir.join(cache::CACHE_FILE))
            .is_ok_and(|m| m.len() > 1 << 20);
        let ((record, cache), run) = output::join(
            big,
            || {
                output::join(
                    big,
                    || Record::read(&project.out_dir),
                    || Cache::read(&project.out_dir),
                )
            },
            || RunKey::new(project, &opts.formats, opts.draft_by_default),
        );
        Memory { record, cache, run }
    });
    lap(&mut times.earlier);
    if let Some(memory) = &memory {
        folders::not_a_part(project, &memory.record).map_err(|d| vec![d])?;
    }
    let files = meeting::load_project(project);
    // A meeting file named is checked whole: every paper is read, to find those it places.
    let whole = partial::named_meetings(project, &opts.paths, &files);
    let (mut found, mut diagnostics) = project.papers(&opts.paths);
    let asked: std::collections::BTreeSet<PathBuf> = found.iter().map(|s| s.rel.clone()).collect();
    if !whole.is_empty() {
        found.extend(project.papers(&[]).0);
        found.sort();
        found.dedup();
    }
    // The house's typefaces matter wherever a PDF is made or checked: all but an HTML build.
    if opts.formats.as_slice() != [OutputFormat::Html] {
        diagnostics.extend(project.house.mixed_fonts());
        diagnostics.extend(crate::render::pdf::epoch_warning());
    }
    let mut private = files.withheld_papers(|| found.clone(), &project.house, &mut diagnostics);
    if let Some(memory) = &memory {
        let last = (&memory.record as &dyn meeting::LastBuild, &project.house);
        files.keep_taken_in_private(&found, last, &mut private, &mut diagnostics);
    }
    lap(&mut times.find);
    if let Some(memory) = &memory {
        // One error per folder below the output folder clerk cannot write in, before
        // anything is written (or the manifest withdrawn), not one per output.
        let folders = folders::output_folders(&found, &private, &memory.record);
        output::folder::ready_below(project, folders.iter().map(AsRef::as_ref))?;
        // Only a build cut short leaves temporary files: the whole output folder is walked
        // for them only then. The cache is written beside the manifest, so a build killed
        // then may leave its temporary file with the manifest in place: the top folder (a
        // few entries) is swept every time.
        let deep = output::last_run_unfinished(&project.out_dir);
        write::clean_leftovers(&project.out_dir, deep);
        output::withdraw_manifest(project).map_err(|d| vec![d])?;
    }
    lap(&mut times.earlier);
    progress.start(found.len());
    let one = |s: &PaperSource| {
        progress.paper_started(s);
        let built = build_one(
            project,
            (renderer.as_ref(), checks.as_ref()),
            memory.as_ref(),
            opts,
            s,
            &private,
        );
        progress.paper_done(&built.0);
        built
    };
    // One paper (`clerk build` of a small project, the cold single-paper case): no thread
    // pool is started for it — starting rayon's costs more CPU than the paper's HTML.
    let built: Vec<(PaperReport, Option<Learnt>)> = if found.len() > 1 {
        found.par_iter().with_max_len(1).map(one).collect()
    } else {
        found.iter().map(one).collect()
    };
    let mut memory = memory;
    let mut papers: Vec<PaperReport> = Vec::with_capacity(built.len());
    for (p, b) in built {
        if let Some(memory) = memory.as_mut() {
            // A private paper is never remembered: the cache sits in the public output
            // folder, and must not name it nor hold its metadata.
            let is_private = meeting::file::is_private(&private, &p.source.rel);
            match b {
                Some(Learnt::Built(b)) if !is_private => memory.cache.remember(*b),
                // Failed or not, a private paper's earlier entry goes too.
                _ if is_private => memory.cache.forget(&p.source),
                Some(Learnt::Restamped(deps)) => memory.cache.restamp(&p.source, deps),
                Some(Learnt::Built(_)) | None => {}
            }
        }
        papers.push(p);
    }
    if let Some(memory) = memory.as_mut()
        && opts.paths.is_empty()
    {
        memory.cache.retain(&found);
    }
    named::explain_named_appendices(&mut papers);
    lap(&mut times.papers);
    if !opts.paths.is_empty() {
        // Only some papers (or a meeting's): the meetings are not built.
        let run = partial::PartialRun {
            project,
            paths: &opts.paths,
            files: &files,
            whole: &whole,
            asked: &asked,
        };
        let (papers, diagnostics) = run.report(
            papers,
            diagnostics,
            (opts.draft_by_default, &private),
            sources,
        );
        return Ok(BuildReport {
            papers,
            diagnostics,
            private,
            times,
            ..BuildReport::default()
        });
    }
    diagnostics.extend(files.diagnostics.iter().cloned());
    let (meetings, diags) = assemble_meetings(
        &files,
        &papers,
        &project.house,
        (opts.draft_by_default, &private),
    );
    diagnostics.extend(diags);
    // The meetings' diagnostics point into meeting files and papers: keep their texts.
    for f in &files.files {
        sources.add(&f.file, f.text.as_str());
    }
    keep_pointed_texts(&diagnostics, &papers, sources);
    let mut report = BuildReport {
        papers,
        diagnostics,
        private,
        ..BuildReport::default()
    };
    if let (Some(renderer), Some(mut memory)) = (renderer.as_ref(), memory) {
        let pdf = opts.formats.contains(&OutputFormat::Pdf);
        let formats = output::meetings::MeetingFormats {
            pdf,
            packs: pdf || opts.formats.contains(&OutputFormat::Pack),
        };
        if !(formats.pdf && formats.packs) {
            // The pages link what the last build made of what this one does not make.
            let (papers, private) = (report.papers.as_slice(), &report.private);
            let stale = output::withdraw::withdraw_unmade(
                project,
                &memory.record,
                (papers, private),
                &meetings,
                formats,
            );
            report.diagnostics.extend(stale);
        }
        report.meetings = output::reuse::write_meetings_reusing(
            project,
            renderer,
            meetings,
            &report.papers,
            (opts.draft_by_default, formats, opts.force),
            (&mut memory.cache, &memory.run, &memory.record),
            &mut report.diagnostics,
        );
        // The calendar once the stale outputs are gone: a failed meeting keeps its last good
        // event only while its last good page stands.
        output::withdraw::withdraw_stale(project, &memory.record, &mut report);
        report.calendar = output::meetings::write_calendar(
            project,
            &report.meetings,
            (opts.draft_by_default, &memory.record),
            &mut report.diagnostics,
        );
        lap(&mut times.meetings);
        folders::tidy(project, &memory.record, &mut report);
        output::write_index_and_manifest(
            project,
            renderer,
            &mut report,
            (memory.cache, &memory.run),
        );
        lap(&mut times.finish);
    } else {
        report.meetings = meetings
            .into_iter()
            .map(|meeting| output::meetings::MeetingOutputs {
                meeting,
                outputs: Vec::new(),
                built: false,
                removed: Vec::new(),
            })
            .collect();
        lap(&mut times.meetings);
    }
    report.times = times;
    Ok(report)
}

/// The meetings of the project from its meeting files and papers, cross-checked; a
/// meeting file without `status` is a draft when `draft_default` (as `clerk serve` has it).
/// `private` is what the run keeps private beyond what the files take in private (see
/// [`PaperEntry::kept_private`]).
pub fn assemble_meetings(
    files: &meeting::MeetingFiles,
    papers: &[PaperReport],
    house: &crate::config::HouseStyle,
    (draft_default, private): (bool, &BTreeMap<PathBuf, String>),
) -> (Vec<meeting::Meeting>, Vec<Diagnostic>) {
    let assemble = |texts: &BTreeMap<usize, Sources>| {
        let entries: Vec<PaperEntry> = papers
            .iter()
            .enumerate()
            .map(|(i, p)| PaperEntry {
                source: &p.source,
                meta: p.meta.as_ref(),
                ok: p.errors() == 0,
                last_good: p.last_good.as_ref(),
                sources: texts.get(&i).unwrap_or(&p.sources),
                kept_private: meeting::file::is_private(private, &p.source.rel),
            })
            .collect();
        meeting::assemble(files, &entries, draft_default, house)
    };
    let (mut meetings, mut diags) = assemble(&BTreeMap::new());
    // A paper this run did not read again (its outputs reused) has no texts to place a
    // diagnostic at its key's line: those the meetings point at are read, and the meetings
    // put together again, so a build says what `--force` says.
    let unplaced: BTreeMap<usize, Sources> = papers
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.reused
                && diags
                    .iter()
                    .any(|d| d.span.is_none() && d.file == p.source.display)
        })
        .map(|(i, p)| (i, texts_of(&p.source)))
        .collect();
    if !unplaced.is_empty() {
        (meetings, diags) = assemble(&unplaced);
    }
    crate::diag::sort(&mut diags);
    (meetings, diags)
}

/// Keeps in `sources` the texts of the papers the run's `diagnostics` point into (the
/// meetings' diagnostics at a paper's key).
fn keep_pointed_texts(diagnostics: &[Diagnostic], papers: &[PaperReport], sources: &mut Sources) {
    let pointed: std::collections::BTreeSet<&Path> =
        diagnostics.iter().map(|d| d.file.as_path()).collect();
    for p in papers {
        let sidecar = p.source.display.with_extension("yaml");
        if pointed.contains(p.source.display.as_path()) || pointed.contains(sidecar.as_path()) {
            sources.extend(&p.sources);
            if p.reused {
                // Not read this run: read its files now, for the meetings' diagnostics, as
                // `assemble_meetings` read them to place those.
                sources.extend(&texts_of(&p.source));
            }
        }
    }
}

/// The texts of a paper's files (its `.md`, and a sidecar `.yaml`) as a check reads them.
fn texts_of(source: &PaperSource) -> Sources {
    let mut sources = Sources::default();
    let _ = source.read(u64::MAX, &mut sources);
    sources
}

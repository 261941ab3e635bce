//! Rebuilds: a new [`Site`] from the last one and a [`ChangeSet`]. A paper's change renders
//! that paper (and the index); a template, asset or house-style change renders them all.
//! A paper that now fails keeps its last good page; a broken `clerk.yaml` or template keeps
//! the last good project and templates, and its error is shown on every page until fixed.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::overlay::{Notes, StatusRow, status_panel};
use super::site::{Changed, EAGER, Page, PaperEntry, Problems, Site};
use super::watch::ChangeSet;
use crate::diag::{Diagnostic, Sources};
use crate::output::output_path;
use crate::output::write::OutputFile;
use crate::pipeline::{BuildOptions, PaperBuild, render_one};
use crate::project::PaperSource;
use crate::project::Project;
use crate::render::{OutputFormat, Renderer};

/// What a rebuild did, for the status line.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    /// Papers rendered.
    pub(crate) rendered: usize,
    /// Papers gone from the index.
    pub(crate) removed: usize,
    /// Errors in the rendered papers and the project.
    pub(crate) errors: usize,
    /// Warnings in the same.
    pub(crate) warnings: usize,
    /// Where the first error is, `papers/a.md:3:7`, and what it says.
    pub(crate) first_error: Option<String>,
    /// The first error's message.
    pub(crate) first_message: Option<String>,
    /// Papers not rendered again that still have errors.
    pub(crate) others_failing: usize,
    /// How long it took.
    pub(crate) elapsed: Duration,
}

/// The options of every preview render: papers without a `status` show DRAFT.
fn options(format: OutputFormat) -> BuildOptions {
    BuildOptions {
        formats: vec![format],
        paths: Vec::new(),
        draft_by_default: true,
        force: true,
    }
}

/// Builds the next site from `old` and what changed; `generation` numbers this rebuild.
pub(crate) fn rebuild(old: &Site, changes: &ChangeSet, generation: u64) -> (Site, Summary) {
    let started = Instant::now();
    let mut setup = setup(old, changes);
    let (sources, walk) = setup.project.papers(&[]);
    setup.problems.walk = walk;
    // Read once a rebuild, for what is private and for the meetings' pages alike.
    let files = crate::meeting::load_project(&setup.project);
    // Once a rebuild: while a meeting file is broken this reads every paper's metadata.
    let (private, withheld) = super::meetings::private_papers(&setup.project, &files, &sources);
    let mut summary = Summary::default();
    let papers = render_papers(
        old,
        &setup,
        changes,
        (&sources, &private),
        generation,
        &mut summary,
    );
    let Setup {
        project,
        renderer,
        mut problems,
        ..
    } = setup;
    let meetings = super::meetings::pages(
        (&papers, &private),
        files,
        renderer.as_deref(),
        &project,
        old,
        &mut problems,
    );
    // What the meeting files withhold, and what stays private, said as `clerk build` says it.
    problems.meetings.extend(withheld);
    // And what the house's PDF settings would do, as `clerk build` says it.
    problems.meetings.extend(project.house.mixed_fonts());
    problems
        .meetings
        .extend(crate::render::pdf::epoch_warning());
    let all = problems.all();
    count(&mut summary, &all, &problems.sources);
    let (notes, project_notes, paper_notes, meeting_notes) =
        super::scoped::scoped_notes(&problems, &meetings.list);
    let index = super::index::index_page(
        &papers,
        &meetings.links,
        renderer.as_deref(),
        (&project, &private),
        &old.index,
        super::index::Audience::Preview,
    );
    let status_panel = panel(&papers, &paper_notes);
    summary.elapsed = started.elapsed();
    let site = Site {
        folders: old.folders.clone(),
        project,
        renderer,
        papers,
        index,
        meetings: meetings.pages,
        meeting_files: meetings.files,
        agendas: meetings.agendas,
        packs: meetings.packs,
        meeting_list: meetings.list,
        meeting_links: meetings.links,
        private,
        status_panel,
        problems,
        notes,
        project_notes,
        paper_notes,
        meeting_notes,
    };
    (site, summary)
}

/// The project and templates a rebuild renders with, and whether every paper must be
/// rendered again because either changed.
struct Setup {
    project: Arc<Project>,
    renderer: Option<Arc<Renderer>>,
    problems: Problems,
    render_all: bool,
}

/// Pass 1: reopens the project when `clerk.yaml` changed and reloads the templates when
/// they (or the house) changed; whatever fails to load keeps its last good version and
/// becomes a problem shown on every page.
fn setup(old: &Site, changes: &ChangeSet) -> Setup {
    let mut project = old.project.clone();
    let mut renderer = old.renderer.clone();
    let mut problems = old.problems.clone();
    // A meeting file says which papers are private, and so how each is marked.
    let mut render_all = changes.all_papers || changes.meetings;
    if changes.house {
        let f = &old.folders;
        let texts = &mut problems.sources;
        match Project::open(&project.root, f.papers.as_deref(), f.out.as_deref(), texts) {
            Ok(p) => {
                project = Arc::new(p);
                problems.house.clear();
            }
            Err(diags) => problems.house = diags,
        }
    }
    let house_gone = changes.house
        && problems.house.is_empty()
        && !project.root.join(crate::config::HOUSE_FILE).is_file();
    if changes.templates || (changes.house && problems.house.is_empty()) {
        match Renderer::new(&project.root, &project.house, &mut problems.sources) {
            Ok(r) => {
                // Every format: the preview serves each paper's PDF beside its page.
                renderer = Some(Arc::new(r));
                problems.templates.clear();
                render_all = true;
            }
            Err(diags) => problems.templates = diags,
        }
    }
    if house_gone {
        // The house style went with the file: say so on every page, not silently.
        problems.house.push(super::scoped::house_gone());
    }
    Setup {
        project,
        renderer,
        problems,
        render_all,
    }
}

/// Pass 2: renders the papers that changed or are new (all of them on `render_all`), in
/// parallel; keeps the others as they were and drops those no longer found.
fn render_papers(
    old: &Site,
    setup: &Setup,
    changes: &ChangeSet,
    (sources, private): (&[PaperSource], &BTreeMap<PathBuf, String>),
    generation: u64,
    summary: &mut Summary,
) -> BTreeMap<PathBuf, Arc<PaperEntry>> {
    let (project, renderer) = (setup.project.as_ref(), setup.renderer.as_deref());
    let wanted: Vec<&PaperSource> = sources
        .iter()
        .filter(|s| {
            setup.render_all || changes.papers.contains(&s.path) || !old.papers.contains_key(&s.rel)
        })
        .collect();
    let opts = options(EAGER);
    let built: Vec<(PathBuf, PaperBuild)> = wanted
        .par_iter()
        .map(|s| {
            (
                s.rel.clone(),
                render_one(project, renderer, &opts, s, private),
            )
        })
        .collect();
    summary.rendered = built.len();
    let mut papers: BTreeMap<PathBuf, Arc<PaperEntry>> = sources
        .iter()
        .filter_map(|s| Some((s.rel.clone(), old.papers.get(&s.rel)?.clone())))
        .collect();
    summary.removed = old
        .papers
        .keys()
        .filter(|rel| !papers.contains_key(*rel))
        .count();
    if changes.templates && !setup.problems.templates.is_empty() {
        super::scoped::forget_template_errors(&mut papers);
    }
    summary.others_failing = papers
        .iter()
        .filter(|(rel, e)| e.report.errors() > 0 && !built.iter().any(|(r, _)| r == *rel))
        .count();
    for (rel, build) in built {
        count(summary, &build.report.diagnostics, &build.report.sources);
        let previous = old.papers.get(&rel).map(Arc::as_ref);
        let entry = paper_entry(build, previous, generation);
        papers.insert(rel, Arc::new(entry));
    }
    papers
}

/// The index's panel of every paper's state: its own problems and what the meeting files
/// and cross-checks say of it (`about`, by display path), as its page shows them.
fn panel(papers: &BTreeMap<PathBuf, Arc<PaperEntry>>, about: &BTreeMap<PathBuf, Notes>) -> String {
    let hrefs: Vec<String> = papers
        .values()
        .map(|e| crate::render::link(&e.href()))
        .collect();
    // Borrowed, but for the few papers something is said of besides their own problems.
    let notes: Vec<Cow<'_, Notes>> = papers
        .values()
        .map(|e| match about.get(&e.report.source.display) {
            Some(a) => Cow::Owned(e.page.notes.plus(a)),
            None => Cow::Borrowed(&e.page.notes),
        })
        .collect();
    let rows: Vec<StatusRow<'_>> = papers
        .values()
        .zip(&hrefs)
        .zip(&notes)
        .map(|((e, href), notes)| StatusRow {
            source: &e.report.source.display,
            href,
            notes,
        })
        .collect();
    status_panel(&rows)
}

fn count(summary: &mut Summary, diags: &[Diagnostic], sources: &Sources) {
    for d in diags {
        if d.is_error() {
            summary.errors += 1;
            if summary.first_error.is_none() {
                summary.first_error = Some(d.place(&d.locate(sources)));
                summary.first_message = Some(d.message.clone());
            }
        } else {
            summary.warnings += 1;
        }
    }
}

/// A rendered paper as an entry: the new HTML when it built, else the last good one.
fn paper_entry(build: PaperBuild, old: Option<&PaperEntry>, generation: u64) -> PaperEntry {
    let PaperBuild { mut report, files } = build;
    let html = files
        .into_iter()
        .find(|(path, _)| path.extension().is_some_and(|e| e == EAGER.extension()));
    let (good, good_meta) = match html {
        Some((path, bytes)) if report.errors() == 0 => {
            report.outputs = vec![OutputFile::describe(&path, &bytes)];
            report.built = true;
            (Some(Arc::<[u8]>::from(bytes)), report.meta.clone())
        }
        _ => {
            report.outputs = old.map(|o| o.report.outputs.clone()).unwrap_or_default();
            let good = old.and_then(|o| o.page.good.clone());
            (good, old.and_then(|o| o.good_meta.clone()))
        }
    };
    let notes = Notes::new(&report.diagnostics, &report.sources);
    PaperEntry {
        report,
        good_meta,
        page: Page { good, notes },
        generation,
    }
}

/// The pages whose content differs between two sites, for the reload event: every page
/// when the problems shown on all of them changed; none when nothing a reader sees did.
pub(crate) fn changed_paths(old: &Site, new: &Site) -> Changed {
    if old.notes != new.notes {
        return Changed::All;
    }
    let mut paths = Vec::new();
    let keys: std::collections::BTreeSet<_> = old.papers.keys().chain(new.papers.keys()).collect();
    let about = |site: &Site, e: Option<&Arc<PaperEntry>>| {
        e.and_then(|e| site.paper_notes.get(&e.report.source.display))
            .cloned()
    };
    for rel in keys {
        let (a, b) = (old.papers.get(rel), new.papers.get(rel));
        if a.map(|e| &e.page) != b.map(|e| &e.page) || about(old, a) != about(new, b) {
            let href = crate::output::href(&output_path(rel, EAGER));
            paths.push(format!("/{href}"));
        }
    }
    let pages: std::collections::BTreeSet<_> =
        old.meetings.keys().chain(new.meetings.keys()).collect();
    let project_notes = old.project_notes != new.project_notes;
    for rel in pages {
        let notes = old.meeting_notes.get(rel) != new.meeting_notes.get(rel);
        if notes || old.meetings.get(rel) != new.meetings.get(rel) {
            paths.push(format!("/{rel}"));
        }
    }
    let files: std::collections::BTreeSet<_> = old
        .meeting_files
        .keys()
        .chain(new.meeting_files.keys())
        .collect();
    for rel in files {
        if old.meeting_files.get(rel) != new.meeting_files.get(rel) {
            paths.push(format!("/{rel}"));
        }
    }
    if project_notes || old.index != new.index || old.status_panel != new.status_panel {
        paths.push("/index.html".to_string());
    }
    Changed::Pages(paths)
}

/// Builds a paper's output in a format not built eagerly (PDF), on first request.
pub(crate) fn render_lazy(
    site: &Site,
    entry: &PaperEntry,
    format: OutputFormat,
) -> Result<Vec<u8>, Notes> {
    let source = &entry.report.source;
    let build = render_one(
        &site.project,
        site.renderer.as_deref(),
        &options(format),
        source,
        &site.private,
    );
    if build.report.errors() > 0 {
        return Err(Notes::new(&build.report.diagnostics, &build.report.sources));
    }
    let mut files = build.files.into_iter();
    files.next().map(|(_, bytes)| bytes).ok_or_else(|| {
        let d = Diagnostic::file_error(
            "no-output",
            &entry.report.source.display,
            format!(
                "no {} output could be made (the templates did not load)",
                format.extension()
            ),
        );
        Notes::new(&[d], &Sources::default())
    })
}

#[cfg(test)]
mod tests;

//! Orchestrates a run: walk (sequential), then load, check, compile, render and write each
//! paper in parallel, then the index and manifest; results always in path order.

pub mod manifest;
pub mod walk;
pub mod write;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::compile::compile;
use crate::config::HouseStyle;
use crate::diag::Diagnostic;
use crate::paper::{self, PaperMeta, PaperSource, Status};
use crate::render::{IndexEntry, OutputFormat, Renderer};
use write::{OutputFile, slash_path, write_atomic};

/// A project: its root, house style and folders, resolved once per run.
#[derive(Debug, Clone)]
pub struct Project {
    /// Absolute project root.
    pub root: PathBuf,
    /// The house style (`clerk.yaml` over the default).
    pub house: HouseStyle,
    /// Absolute folder of papers.
    pub papers_dir: PathBuf,
    /// Absolute output folder.
    pub out_dir: PathBuf,
}

impl Project {
    /// Opens the project at `root`: loads the house style and resolves the folders (flags win
    /// over `clerk.yaml`). Errors here are project-level (exit code 2).
    pub fn open(
        root: &Path,
        papers: Option<&Path>,
        out: Option<&Path>,
    ) -> Result<Project, Vec<Diagnostic>> {
        let root = std::path::absolute(root)
            .and_then(|r| r.canonicalize())
            .map_err(|e| {
                vec![Diagnostic::file_error(
                    "no-project",
                    root,
                    format!("cannot open the project folder ({e})"),
                )]
            })?;
        let house = HouseStyle::load(&root)?;
        let papers_dir = root.join(papers.unwrap_or(&house.papers_dir));
        let out_dir = root.join(out.unwrap_or(&house.output_dir));
        let bad_out = out_dir == root || out_dir == papers_dir || papers_dir.starts_with(&out_dir);
        if bad_out {
            return Err(vec![Diagnostic::file_error(
                "bad-output-folder",
                &walk::relative(&root, &out_dir),
                "the output folder must not be the project root or contain the papers",
            )
            .with_help("set `output_dir` in clerk.yaml (or `--out`) to a folder of its own, such as `out`")]);
        }
        if !papers_dir.is_dir() {
            return Err(vec![Diagnostic::file_error(
                "no-papers",
                &walk::relative(&root, &papers_dir),
                "the papers folder does not exist",
            )
            .with_help("create it, run `clerk init` to start a project, or pass `--root` to the project folder")]);
        }
        Ok(Project {
            root,
            house,
            papers_dir,
            out_dir,
        })
    }

    /// Every paper under the papers folder (or only those under `paths`, when given).
    pub fn papers(&self, paths: &[PathBuf]) -> (Vec<PaperSource>, Vec<Diagnostic>) {
        if paths.is_empty() {
            return walk::walk(
                &self.root,
                &self.papers_dir,
                &self.papers_dir,
                &self.out_dir,
            );
        }
        let mut all = (Vec::new(), Vec::new());
        for p in paths {
            let abs = std::path::absolute(p).unwrap_or_else(|_| p.clone());
            if abs.is_dir() {
                let (found, diags) = walk::walk(&self.root, &self.papers_dir, &abs, &self.out_dir);
                all.0.extend(found);
                all.1.extend(diags);
            } else if abs.is_file() {
                all.0
                    .push(walk::source_for(&self.root, &self.papers_dir, &abs));
            } else {
                all.1.push(
                    Diagnostic::file_error("not-found", p, "no such paper or folder")
                        .with_help("give the path of a `.md` paper or a folder of papers"),
                );
            }
        }
        all.0.sort();
        all.0.dedup();
        all
    }
}

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

/// The outcome of one paper.
#[derive(Debug, Clone)]
pub struct PaperReport {
    /// The paper.
    pub source: PaperSource,
    /// Its checked metadata, when the metadata passed.
    pub meta: Option<PaperMeta>,
    /// Every diagnostic, errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Outputs now in the output folder for this paper (new, or kept from the last good build).
    pub outputs: Vec<OutputFile>,
    /// True when this run wrote (or confirmed) the outputs; false when it failed or only checked.
    pub built: bool,
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
}

/// The outcome of a run.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    /// One report per paper, in path order.
    pub papers: Vec<PaperReport>,
    /// Problems not tied to one paper (unreadable folders, index or manifest not written).
    pub diagnostics: Vec<Diagnostic>,
}

impl BuildReport {
    /// Does any paper (or the run) have an error?
    pub fn has_errors(&self) -> bool {
        self.papers.iter().any(|p| p.errors() > 0)
            || self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Runs the pipeline over the project's papers: check always; render and write when
/// `opts.formats` is not empty. A paper with errors keeps its previous outputs.
pub fn run(project: &Project, opts: &BuildOptions) -> Result<BuildReport, Vec<Diagnostic>> {
    let renderer = if opts.formats.is_empty() {
        None
    } else {
        let pdf = opts.formats.contains(&OutputFormat::Pdf);
        Some(Renderer::new(&project.root, &project.house)?.with_pdf_links(pdf))
    };
    if renderer.is_some() {
        write::clean_leftovers(&project.out_dir);
    }
    let (sources, diagnostics) = project.papers(&opts.paths);
    let papers: Vec<PaperReport> = sources
        .par_iter()
        .map(|s| build_one(project, renderer.as_ref(), opts, s))
        .collect();
    let mut report = BuildReport {
        papers,
        diagnostics,
    };
    if let Some(renderer) = renderer.as_ref().filter(|_| opts.paths.is_empty()) {
        write_index_and_manifest(project, renderer, &mut report);
    }
    Ok(report)
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

/// Loads, checks, compiles and renders one paper, writing nothing.
pub fn render_one(
    project: &Project,
    renderer: Option<&Renderer>,
    opts: &BuildOptions,
    source: &PaperSource,
) -> PaperBuild {
    let house = &project.house;
    let (paper, mut diagnostics) = paper::load(source, house);
    let meta = paper.as_ref().map(|p| p.meta.clone());
    let doc = paper.as_ref().and_then(|p| {
        let (doc, diags) = compile(p, house, &project.root);
        diagnostics.extend(diags);
        doc
    });
    let mut files = Vec::new();
    if let (Some(doc), Some(renderer)) = (&doc, renderer) {
        let draft = doc
            .meta
            .status
            .map_or(opts.draft_by_default, |s| s == Status::Draft);
        for format in &opts.formats {
            match renderer.render(*format, doc, house, draft) {
                Ok(bytes) => files.push((output_path(&source.rel, *format), bytes)),
                Err(d) => diagnostics.push(d),
            }
            if let (OutputFormat::Pdf, Some(p)) = (format, &paper) {
                diagnostics.extend(renderer.pdf_unshown(&source.display, &p.split.md_text));
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
) -> PaperReport {
    let PaperBuild { mut report, files } = render_one(project, renderer, opts, source);
    if renderer.is_none() {
        return report;
    }
    if report.errors() > 0 {
        report.outputs = previous_outputs(project, &source.rel, &opts.formats);
        return report;
    }
    for (rel, bytes) in &files {
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
    report.built = report.errors() == 0;
    report
}

/// Where a paper's output of `format` goes, relative to the output folder.
pub fn output_path(rel: &Path, format: OutputFormat) -> PathBuf {
    rel.with_extension(format.extension())
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

/// The index lines for papers that have an HTML output (new or kept from a good build).
pub fn index_entries(papers: &[PaperReport]) -> Vec<IndexEntry> {
    papers
        .iter()
        .filter(|p| !p.outputs.is_empty())
        .filter_map(|p| {
            let meta = p.meta.as_ref()?;
            let html = p.outputs.iter().find(|o| o.path.ends_with(".html"))?;
            Some(IndexEntry {
                meeting: meta.meeting.clone(),
                date: meta.date.to_string(),
                date_display: meta.date_display.clone(),
                agenda_item: meta.agenda_item.clone(),
                title: meta.title.clone(),
                href: html.path.clone(),
                pdf_href: p
                    .outputs
                    .iter()
                    .find(|o| o.path.ends_with(".pdf"))
                    .map(|o| o.path.clone()),
                warnings: p.warnings(),
                classification: meta.classification.clone(),
                draft: meta.status == Some(Status::Draft),
            })
        })
        .collect()
}

fn write_index_and_manifest(project: &Project, renderer: &Renderer, report: &mut BuildReport) {
    let entries = index_entries(&report.papers);
    let index_path = project.out_dir.join("index.html");
    let index = match renderer.render_index(&entries, &project.house) {
        Ok(html) => match write_atomic(&index_path, html.as_bytes()) {
            Ok(()) => Some(OutputFile::describe(
                Path::new("index.html"),
                html.as_bytes(),
            )),
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
    };
    let json = manifest::manifest_json(&report.papers, index.as_ref());
    let path = project.out_dir.join("manifest.json");
    if let Err(e) = write_atomic(&path, json.as_bytes()) {
        report.diagnostics.push(Diagnostic::file_error(
            "write-failed",
            &walk::relative(&project.root, &path),
            format!("cannot write the manifest ({e})"),
        ));
    }
}

/// The href of an output relative to the output folder.
pub fn href(rel: &Path) -> String {
    slash_path(rel)
}

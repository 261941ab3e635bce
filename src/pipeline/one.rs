//! One paper's build in a writing run: taken from the incremental cache when its inputs
//! and outputs are as recorded, else rendered and written, with what the cache learns.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use super::{BuildOptions, Memory, PaperBuild, render_one, render_with_doc};
use crate::diag::Sources;
use crate::meeting;
use crate::output::cache::{self, Built};
use crate::output::timings::StageTimes;
use crate::output::{self, PaperReport, write};
use crate::project::{PaperSource, Project};
use crate::render::pdf::PdfEngine;
use crate::render::{OutputFormat, Renderer};

/// What the cache learns of a paper from a run.
pub(super) enum Learnt {
    /// It built: all of it, made ready to remember.
    Built(Box<cache::Prepared>),
    /// It was up to date, but its input files' stamps moved (the bytes did not).
    Restamped(Vec<cache::Dep>),
}

/// Builds one paper and writes its outputs, unless the cache shows them up to date; with
/// what the cache should remember of a paper that built.
pub(super) fn build_one(
    project: &Project,
    (renderer, checks): (Option<&Renderer>, Option<&PdfEngine>),
    memory: Option<&Memory>,
    opts: &BuildOptions,
    source: &PaperSource,
    private: &BTreeMap<PathBuf, String>,
) -> (PaperReport, Option<Learnt>) {
    let is_private = meeting::file::is_private(private, &source.rel);
    let (Some(renderer), Some(memory)) = (renderer, memory) else {
        let (built, _) = render_with_doc(project, renderer, checks, opts, source, private);
        return (built.report, None);
    };
    let formats: Vec<OutputFormat> = opts
        .formats
        .iter()
        .copied()
        .filter(|f| f.is_paper())
        .collect();
    if formats.is_empty() {
        // Only the packs: each paper keeps (and the manifest lists) what the last build made;
        // it is loaded and checked, for its diagnostics and metadata, and never rendered.
        let mut report = render_one(project, None, opts, source, private).report;
        output::kept_outputs(project, &mut report, is_private);
        return (report, None);
    }
    let out = &project.out_dir;
    let fresh = (!opts.force && !is_private)
        .then(|| memory.cache.fresh(project, &memory.run, source, &formats))
        .flatten();
    if let Some(cache::Fresh {
        meta,
        outputs,
        restamped,
    }) = fresh
    {
        let mut report = PaperReport {
            withdrawn: Vec::new(),
            source: source.clone(),
            meta: Some(meta),
            diagnostics: Vec::new(),
            sources: Sources::default(),
            outputs,
            built: true,
            reused: true,
            last_good: None,
            times: StageTimes::default(),
        };
        let built: Vec<&str> = formats.iter().map(|f| f.extension()).collect();
        let other = |path: &str| !built.iter().any(|e| path.ends_with(&format!(".{e}")));
        let recorded = memory.record.written(out, &source.display, other);
        output::keep_other_formats(&mut report, recorded, is_private);
        return (report, restamped.map(Learnt::Restamped));
    }
    let mut deps = cache::source_deps(project, source);
    let read_from = std::time::SystemTime::now();
    let (PaperBuild { mut report, files }, doc) =
        render_with_doc(project, Some(renderer), None, opts, source, private);
    let started = Instant::now();
    output::write_paper(
        project,
        &mut report,
        &files,
        &formats,
        is_private,
        &memory.record,
    );
    report.times.output = started.elapsed();
    if !report.built {
        report.last_good = memory.cache.entry(source).map(|e| e.meta.clone());
        return (report, None);
    }
    // A private paper is never remembered (the run forgets any earlier entry): nothing of
    // it is made ready for the cache.
    let (Some(doc), Some(meta), false) = (doc, report.meta.clone(), is_private) else {
        return (report, None);
    };
    deps.extend(cache::doc_deps(project, source, &doc, read_from));
    if let Some(pdf) = super::render::kept_pdf(&formats, source, is_private, &doc) {
        // The page links its PDF appendices to the PDF an earlier build left only while
        // that is there: one deleted, or made since, builds the page again.
        deps.push(cache::kept_pdf_dep(project, &pdf));
    }
    let written: Vec<_> = files
        .iter()
        .map(|(rel, _)| write::slash_path(rel))
        .collect();
    let built = Built {
        deps,
        meta,
        outputs: report
            .outputs
            .iter()
            .filter(|o| written.iter().any(|w| o.path.ends_with(w.as_str())))
            .cloned()
            .collect(),
        // A paper that links another's page or PDF is built every time: whether its link is
        // left out depends on which papers are taken in private now.
        clean: report.diagnostics.is_empty() && !doc.links_papers,
    };
    let prepared = cache::prepare(project, &memory.run, source, built);
    (report, Some(Learnt::Built(Box::new(prepared))))
}

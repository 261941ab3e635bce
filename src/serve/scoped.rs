//! Which page shows which problem: the project's by where they arise, and a paper's own
//! once what made them is gone.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

use super::overlay::Notes;
use super::site::{Page, PaperEntry, Problems};
use crate::diag::Diagnostic;
use crate::meeting::Meeting;

/// The project's problems rendered for where they are shown: `clerk.yaml`'s and the
/// templates' on every page; the rest on the index, each about a paper (its file or
/// sidecar) on that paper's page too, rather than on every paper's, and on each meeting's
/// page those of its own file and none of another meeting's file (`meeting_notes`, by the
/// page's path).
pub(super) fn scoped_notes(
    problems: &Problems,
    meetings: &[Meeting],
) -> (
    Notes,
    Notes,
    BTreeMap<PathBuf, Notes>,
    BTreeMap<String, Notes>,
) {
    let sources = &problems.sources;
    let every: Vec<Diagnostic> = [&problems.house, &problems.templates]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let rest: Vec<Diagnostic> = [&problems.walk, &problems.meetings]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let mut by_paper: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
    for d in &rest {
        let paper = match d.file.extension().and_then(|e| e.to_str()) {
            Some("md") => d.file.clone(),
            Some("yaml") => d.file.with_extension("md"),
            _ => continue,
        };
        by_paper.entry(paper).or_default().push(d.clone());
    }
    let paper_notes = by_paper
        .into_iter()
        .map(|(paper, diags)| (paper, Notes::new(&diags, sources)))
        .collect();
    let files: BTreeSet<&PathBuf> = meetings.iter().filter_map(|m| m.file.as_ref()).collect();
    let meeting_notes = meetings
        .iter()
        .map(|m| {
            let own: Vec<Diagnostic> = rest
                .iter()
                .filter(|d| !files.contains(&d.file) || m.file.as_ref() == Some(&d.file))
                .cloned()
                .collect();
            let page = crate::output::href(&m.out_dir().join(crate::meeting::PAGE_FILE));
            (page, Notes::new(&own, sources))
        })
        .collect();
    (
        Notes::new(&every, sources),
        Notes::new(&rest, sources),
        paper_notes,
        meeting_notes,
    )
}

/// Takes out of the papers' diagnostics those their last render met in a template: the
/// templates have changed since and no longer load (which every page shows), so those
/// point at text that is not there any more. The papers' own problems stay.
pub(super) fn forget_template_errors(papers: &mut BTreeMap<PathBuf, Arc<PaperEntry>>) {
    let in_templates = |d: &Diagnostic| d.file.starts_with(crate::render::TEMPLATES_DIR);
    for entry in papers.values_mut() {
        if !entry.report.diagnostics.iter().any(in_templates) {
            continue;
        }
        let mut report = entry.report.clone();
        report.diagnostics.retain(|d| !in_templates(d));
        let notes = Notes::new(&report.diagnostics, &report.sources);
        *entry = Arc::new(PaperEntry {
            report,
            good_meta: entry.good_meta.clone(),
            page: Page {
                good: entry.page.good.clone(),
                notes,
            },
            generation: entry.generation,
        });
    }
}

/// `clerk.yaml` was deleted (or renamed) while the preview ran: its pages now show the
/// default house style, which the secretariat should know before it reviews them.
pub(super) fn house_gone() -> Diagnostic {
    Diagnostic::file_error(
        "house-style-gone",
        std::path::Path::new(crate::config::HOUSE_FILE),
        "clerk.yaml is gone: the preview now shows clerk's default house style, not this project's",
    )
    .with_help("put clerk.yaml back (from your backup or version control); the preview uses it again as soon as it is there")
    .warning()
}

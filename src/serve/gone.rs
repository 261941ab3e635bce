//! `clerk serve --write`: what an earlier build or preview wrote for papers and meetings
//! that are gone, removed as `clerk build` removes it — a deleted paper's page and PDF, a
//! meeting left with no papers, the copies of a paper on the side (public or private) it
//! is no longer on — so that no withdrawn paper is left in the output folder, unlisted, to
//! be uploaded by mistake. Only files still as clerk wrote them go.

use std::collections::BTreeSet;

use super::site::Site;
use crate::diag::Diagnostic;
use crate::output::BuildReport;
use crate::output::meetings::PRIVATE_DIR;
use crate::output::record::{Record, Unlisted};

/// Removes the outputs `record` (the manifests as the last write left them) lists that
/// `report` (what is written now) does not: those of papers gone, and those of a paper on
/// the other side of private from where it is now; the meetings' too when nothing has an
/// error (an error may hide a meeting that is not gone). A paper still here keeps what was
/// written of it where it is, as a build keeps a failed paper's last good outputs. Returns
/// what was removed, and the meetings' outputs kept (for the manifest to list).
pub(super) fn remove_gone(site: &Site, record: &Record, report: &BuildReport) -> Unlisted {
    let out = &site.project.out_dir;
    // What it lists, and what is still written of a paper here on its side of private.
    let mut kept_here: Vec<String> = Vec::new();
    let private_dir = format!("{PRIVATE_DIR}/");
    for p in &report.papers {
        let private = crate::meeting::file::is_private(&report.private, &p.source.rel);
        let kept = record.written(out, &p.source.display, |path| {
            path.starts_with(&private_dir) == private
        });
        kept_here.extend(kept.into_iter().map(|o| o.path));
    }
    let problems = &site.problems;
    let errors = report.has_errors()
        || [
            &problems.house,
            &problems.templates,
            &problems.walk,
            &problems.meetings,
        ]
        .into_iter()
        .flatten()
        .any(Diagnostic::is_error);
    let mut listed: BTreeSet<&str> = report.listed();
    listed.extend(kept_here.iter().map(String::as_str));
    record.remove_unlisted(out, &listed, !errors)
}

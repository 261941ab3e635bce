//! Public meeting outputs a run did not make and may no longer keep: when a paper that an
//! earlier build published is private now (taken in private, or withheld while its meeting
//! file has an error), its meeting's public packs — and its agenda PDF and page, which
//! listed the item as public — were made with it. Those this run did not write afresh (an
//! HTML-only build, or a meeting whose file has an error keeping its last good outputs)
//! are removed rather than left public, each with a warning; the next build that makes
//! them makes them without it. A supplementary pack that, by its bookmarks, holds only
//! the agenda's public late items never held the paper, and is kept.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::meetings::MeetingFormats;
use super::record::Record;
use super::{BuildReport, PaperReport};
use crate::diag::Diagnostic;
use crate::meeting::file::normal;
use crate::meeting::{AGENDA_FILE, AgendaItem, Meeting, PAGE_FILE};
use crate::paper::PaperMeta;
use crate::project::{Project, walk};
use crate::render::pdf::pack::PackKind;

/// Removes the public outputs of `report`'s meetings that hold a paper private now but
/// public in `record` (the last build's manifests) and that this run did not write; and,
/// for a meeting this run could not assemble at all (its file unreadable), those in the
/// folder the paper's own metadata names; and, in a run with errors, those of every
/// meeting folder `record` has and this run does not (kept otherwise, see
/// `BuildReport::kept`), since which of them held the paper cannot be told.
pub fn withdraw_stale(project: &Project, record: &Record, report: &mut BuildReport) {
    let turned = turned(&report.papers, &report.private, record);
    if turned.is_empty() {
        return;
    }
    let mut warnings = Vec::new();
    let mut seen: BTreeSet<PathBuf> = BTreeSet::new();
    for m in &mut report.meetings {
        let Some(paper) = turned.iter().find(|p| belongs(p, &m.meeting)) else {
            continue;
        };
        let dir = m.meeting.out_dir();
        seen.insert(dir.clone());
        let supplementary = dir.join(PackKind::Supplementary.file_name());
        // A failed meeting keeps its last good page and agenda, which list the paper as
        // public: withdrawn too, with its packs.
        for rel in public_files(&dir) {
            let shown = super::write::slash_path(&rel);
            // Written by this run: made with the paper private.
            if !m.meeting.failed && m.outputs.iter().any(|o| o.path == shown) {
                continue;
            }
            // The supplementary pack holds the late items alone, with no line for the
            // others: one that holds none but this agenda's public late items never
            // held the paper (not late when it was made), and stays.
            if !m.meeting.failed
                && rel == supplementary
                && only_public_late(project, &rel, &m.meeting)
            {
                continue;
            }
            if let Some(w) = withdraw(project, &rel, (paper, &report.private), m.meeting.failed) {
                m.outputs.retain(|o| o.path != shown);
                warnings.push(w);
            }
        }
    }
    // A meeting no file could be read for: its folder, by the paper's own metadata.
    for paper in &turned {
        let Some(meta) = paper.meta.as_ref().or(paper.last_good.as_ref()) else {
            continue;
        };
        let dir = crate::meeting::out_dir(&meta.meeting, meta.date);
        if !seen.insert(dir.clone()) {
            continue;
        }
        warnings.extend(
            public_files(&dir)
                .iter()
                .filter_map(|rel| withdraw(project, rel, (paper, &report.private), true)),
        );
    }
    // A meeting this run has not at all (a run with errors keeps its folder and lists it,
    // for the next run to remove): which paper it held cannot be told once papers have
    // moved on, so while any is newly private its public files go too.
    if report.has_errors() {
        let current: BTreeSet<PathBuf> = report
            .meetings
            .iter()
            .map(|m| m.meeting.out_dir())
            .collect();
        // Papers' outputs never stand under `meetings/` (`reserved-path`).
        let orphans: BTreeSet<PathBuf> = record
            .folders()
            .into_iter()
            .filter(|dir| dir.starts_with(walk::MEETINGS_OUT))
            .filter(|dir| !seen.contains(*dir) && !current.contains(*dir))
            .map(Path::to_path_buf)
            .collect();
        for dir in orphans {
            let paper = turned[0];
            warnings.extend(
                public_files(&dir)
                    .iter()
                    .filter_map(|rel| withdraw(project, rel, (paper, &report.private), true)),
            );
        }
    }
    report.diagnostics.extend(warnings);
}

/// Does the pack at `rel` hold none but `m`'s public late items (read from its bookmarks)?
fn only_public_late(project: &Project, rel: &Path, m: &Meeting) -> bool {
    let late: Vec<&AgendaItem> = m
        .items
        .iter()
        .filter(|i| PackKind::Supplementary.holds(i))
        .collect();
    std::fs::read(project.out_dir.join(rel)).is_ok_and(|bytes| {
        crate::render::pdf::pack::holds_only(&bytes, &late, &project.house.words.front_sheet)
    })
}

/// Removes, before a build that does not make them writes the meetings' pages, the
/// public PDFs the pages would otherwise link as kept from the last build — the agenda
/// PDF (no `pdf` this run), the public and supplementary packs (no `packs`) — of each
/// meeting that holds a paper private now but public in `record`: they were made with
/// it, and the page this run writes must not link them. A supplementary pack that holds
/// only the agenda's public late items never held the paper, and stays. The warnings,
/// one a file removed.
pub fn withdraw_unmade(
    project: &Project,
    record: &Record,
    (papers, private): (&[PaperReport], &BTreeMap<PathBuf, String>),
    meetings: &[Meeting],
    formats: MeetingFormats,
) -> Vec<Diagnostic> {
    let turned = turned(papers, private, record);
    let mut warnings = Vec::new();
    for m in meetings.iter().filter(|m| !m.failed) {
        let Some(paper) = turned.iter().find(|p| belongs(p, m)) else {
            continue;
        };
        let dir = m.out_dir();
        let mut unmade = Vec::new();
        if !formats.pdf {
            unmade.push(dir.join(AGENDA_FILE));
        }
        if !formats.packs {
            unmade.push(dir.join(PackKind::Public.file_name()));
            let supplementary = dir.join(PackKind::Supplementary.file_name());
            if !only_public_late(project, &supplementary, m) {
                unmade.push(supplementary);
            }
        }
        warnings.extend(
            unmade
                .iter()
                .filter_map(|rel| withdraw(project, rel, (paper, private), false)),
        );
    }
    warnings
}

/// The papers `private` now that `record` (the last build's manifests) has as public.
fn turned<'a>(
    papers: &'a [PaperReport],
    private: &BTreeMap<PathBuf, String>,
    record: &Record,
) -> Vec<&'a PaperReport> {
    papers
        .iter()
        .filter(|p| crate::meeting::file::is_private(private, &p.source.rel))
        .filter(|p| record.was_public(&p.source.display))
        .collect()
}

/// The public outputs in a meeting's folder `dir` that can show its papers: its public and
/// supplementary packs, its agenda PDF and its page (the private pack is for members).
pub fn public_files(dir: &Path) -> [PathBuf; 4] {
    [
        dir.join(PackKind::Public.file_name()),
        dir.join(PackKind::Supplementary.file_name()),
        dir.join(AGENDA_FILE),
        dir.join(PAGE_FILE),
    ]
}

/// Removes the output at `rel`, made while `paper` was public: the warning, if there was
/// a file to remove. `private` gives the paper's exempt ground when taken in private, and
/// none when it is withheld (its meeting file has an error, or its meeting's agenda does
/// not list it): the warning says which. `failed`: its meeting's file has errors, so the
/// way out starts with mending it.
fn withdraw(
    project: &Project,
    rel: &Path,
    (paper, private): (&PaperReport, &BTreeMap<PathBuf, String>),
    failed: bool,
) -> Option<Diagnostic> {
    let path = project.out_dir.join(rel);
    std::fs::remove_file(&path).ok()?;
    let withheld = private
        .get(&normal(&paper.source.rel))
        .is_some_and(String::is_empty);
    let now = if withheld {
        "is withheld now, while its meeting file has an error or its meeting's agenda does not list it"
    } else {
        "is taken in private now"
    };
    Some(
        Diagnostic::file_error(
            "output-withdrawn",
            &walk::relative(&project.root, &path),
            format!(
                "removed: it was made when `{}` was public, and that paper {now}",
                paper.source.display.display()
            ),
        )
        .with_help({
            // A meeting's page any build makes again; its agenda and packs, one with PDF.
            let again = if rel.extension().is_some_and(|e| e == "pdf") {
                "a build with PDF (`clerk build`) makes it again without the paper"
            } else {
                "the next build makes it again without the paper"
            };
            if failed {
                format!("{again}, once the meeting file has no error")
            } else {
                again.to_string()
            }
        })
        .warning(),
    )
}

/// Is `p` on `m`'s agenda, or does its metadata place it at `m` (a meeting whose file has
/// an error may have lost the item)?
fn belongs(p: &PaperReport, m: &Meeting) -> bool {
    holds(m, &p.source.rel, p.meta.as_ref().or(p.last_good.as_ref()))
}

/// Does meeting `m` hold the paper at `rel` (relative to the papers folder): is it on the
/// agenda, or does its metadata `meta` place it at `m`?
pub fn holds(m: &Meeting, rel: &Path, meta: Option<&PaperMeta>) -> bool {
    let rel = normal(rel);
    let named = m
        .items
        .iter()
        .filter_map(|i| i.paper())
        .any(|s| normal(s) == rel);
    named || meta.is_some_and(|meta| meta.meeting == m.committee && meta.date == m.date)
}

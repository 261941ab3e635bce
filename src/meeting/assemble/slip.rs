//! The meeting file that disagrees with every paper on its agenda (one other committee or
//! date than theirs): more likely the file's slip than all the papers', or a copy of
//! another meeting's file (last month's, its date changed). One error at the file's line
//! says so, in place of one per paper.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::meeting::file::{FileItem, MeetingFile};
use crate::meeting::place::line_start;

use super::PaperEntry;

/// When every paper on `f`'s agenda (two or more) names one other committee (or date)
/// than the file's, the slip is more likely the file's (`Resources Commitee`), or the file
/// a copy of the agenda those papers belong to (`home`: the file of each paper's own
/// meeting that lists it): an error at its line says so and names the papers, and the
/// `wrong-meeting` errors its items had in `diags` for that difference alone (and, for a
/// copy, their `paper-on-two-agendas`) are left out. A paper that differs in more keeps
/// its own error.
pub(super) fn file_slip(
    f: &MeetingFile,
    by_rel: &BTreeMap<PathBuf, &PaperEntry>,
    home: &BTreeMap<PathBuf, &MeetingFile>,
    diags: &mut Vec<Diagnostic>,
) {
    // A deferred item's paper is another meeting's by design.
    let papers: Vec<(&FileItem, &crate::paper::PaperMeta, &PaperEntry)> = (f.items.iter())
        .filter_map(|i| {
            let e = by_rel.get(i.listed_paper()?)?;
            Some((i, e.meta?, *e))
        })
        .collect();
    if papers.len() < 2 {
        return;
    }
    let committees: BTreeSet<String> = papers.iter().map(|p| p.1.meeting.clone()).collect();
    let dates: BTreeSet<String> = papers.iter().map(|p| p.1.date.to_string()).collect();
    let file_date = f.date.map(|d| d.to_string());
    // The one other file all of them belong to, when this one is its copy.
    let homes: Vec<Option<&Path>> = (papers.iter())
        .map(|(i, ..)| {
            let h = home.get(i.paper.as_deref()?)?;
            (!std::ptr::eq(*h, f)).then_some(h.file.as_path())
        })
        .collect();
    let copy_of = match homes.first() {
        Some(Some(first)) if homes.iter().all(|h| *h == Some(*first)) => Some(*first),
        _ => None,
    };
    let shown: Vec<String> = (papers.iter())
        .map(|(_, _, e)| format!("`{}`", super::slash(&e.source.display)))
        .collect();
    // Each key the file alone gives otherwise: (key, the file's value, the papers').
    let mut slips: Vec<(&str, String)> = Vec::new();
    for (key, own, theirs) in [
        ("committee", f.committee.clone(), committees),
        ("date", file_date.clone(), dates),
    ] {
        let mut names = theirs.iter();
        let (Some(own), Some(other), None) = (own, names.next(), names.next()) else {
            continue;
        };
        if *other == own {
            continue;
        }
        let Some(span) = key_line(&f.text, key) else {
            continue;
        };
        slips.push((key, other.clone()));
        let paper_key = if key == "committee" {
            "meeting"
        } else {
            "date"
        };
        let (message, help) = match copy_of {
            Some(first) => (
                format!(
                    "every paper on this agenda is for “{other}” (its `{paper_key}:`), not “{own}”, and is on the agenda of {}: this file looks like a copy of it",
                    first.display()
                ),
                format!(
                    "list this meeting's own papers in its `items` (those whose `{paper_key}:` is {own}); the papers of {other} stay on {}",
                    first.display()
                ),
            ),
            None => (
                format!(
                    "every paper on this agenda is for “{other}” (its `{paper_key}:`), not “{own}”"
                ),
                format!(
                    "if this file is the one mistaken, write `{key}: {other}` here; if the papers are, write `{paper_key}: {own}` in each: {}",
                    shown.join(", ")
                ),
            ),
        };
        diags.push(Diagnostic::at("file-disagrees", &f.file, span, message).with_help(help));
    }
    if slips.is_empty() {
        return;
    }
    // A paper the slip alone sets apart: each of its keys the file's, or the slipped one.
    let agrees = |key: &str, own: Option<&String>, theirs: &String| {
        own == Some(theirs) || slips.iter().any(|(k, other)| *k == key && other == theirs)
    };
    let explained: BTreeSet<usize> = (papers.iter())
        .filter(|(_, m, _)| {
            agrees("committee", f.committee.as_ref(), &m.meeting)
                && agrees("date", file_date.as_ref(), &m.date.to_string())
        })
        .filter_map(|(i, ..)| Some(i.paper_pos.span_in(&f.text)?.start))
        .collect();
    // Said once, at the file's line: not again at each item it explains.
    let folded = |d: &Diagnostic| {
        d.file == f.file
            && (d.code == "wrong-meeting"
                || (copy_of.is_some() && d.code == "paper-on-two-agendas"))
            && d.span
                .as_ref()
                .is_some_and(|s| explained.contains(&s.start))
    };
    diags.retain(|d| !folded(d));
}

/// The bytes of `key`'s line in `text`, its line end left out (a file may end its lines
/// with CR LF).
fn key_line(text: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let start = line_start(text, &format!("{key}:"))?;
    let line = text[start..].lines().next().unwrap_or_default();
    Some(start..start + line.trim_end().len())
}

//! Two meeting files for one meeting (`duplicate-meeting`): neither is built until one is
//! left, and the way out never loses what only one of them takes in private.

use super::super::file::{MeetingFile, normal};
use super::super::place::line_start;
use crate::diag::Diagnostic;

/// The error at `f`'s `committee:` line: its meeting already has the file `first`. When
/// `f` takes in private an item that `first` does not, deleting `f` would publish that
/// paper: the help says to keep those lines instead.
pub(super) fn duplicate_meeting(f: &MeetingFile, first: &MeetingFile) -> Diagnostic {
    let (committee, date) = (f.committee.as_deref().unwrap_or_default(), f.date);
    let date = date.map(|d| d.to_string()).unwrap_or_default();
    let other = first.file.display();
    let message = format!("{committee} on {date} already has a meeting file, {other}");
    let private_there = |p: &std::path::Path| {
        (first.items.iter())
            .any(|i| i.private && i.paper.as_deref().is_some_and(|q| normal(q) == normal(p)))
    };
    let only_here: Vec<&str> = (f.items.iter())
        .filter(|i| i.private && i.paper.as_deref().is_some_and(|p| !private_there(p)))
        .map(|i| i.number.as_str())
        .collect();
    let help = if only_here.is_empty() {
        format!(
            "keep one file per meeting: merge this one into {other} or delete it; until then the meeting keeps its last good page and agenda"
        )
    } else {
        let items = only_here.join(", ");
        let (its, them) = if only_here.len() == 1 {
            (format!("item {items}"), "it")
        } else {
            (format!("items {items}"), "them")
        };
        format!(
            "keep one file per meeting, and do not delete this one as it stands: it takes {its} in private and {other} does not, so {them} would be published; keep this file and delete {other}, or copy the `private:` and `exempt:` lines into {other} first; until then the meeting keeps its last good page and agenda"
        )
    };
    let d = Diagnostic::file_error("duplicate-meeting", &f.file, message).with_help(help);
    // At this file's `committee:` line, where the clash is.
    match line_start(&f.text, "committee:") {
        Some(off) => d.with_span(off..off + "committee".len()),
        None => d,
    }
}

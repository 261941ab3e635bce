//! A meeting with no file of a committee that took to meeting files before it: most often
//! a paper moved to a later date (deferred) whose meeting nobody has set up yet. The
//! contract allows a meeting made from its papers, so it is made and published; a warning
//! at its first paper's `date:` says so and how to set it up. A committee's meetings from
//! before its first file are its history, and are left be.

use std::collections::BTreeMap;

use super::super::file::MeetingFile;
use super::super::place::paper_diag;
use super::{MeetingKey, PaperEntry};
use crate::diag::Diagnostic;

/// The `meeting-without-file` warnings for the meetings made from papers (`implicit`),
/// given the meetings that have files (`owners`).
pub(super) fn unfiled_meetings(
    owners: &BTreeMap<MeetingKey, &MeetingFile>,
    implicit: &BTreeMap<MeetingKey, Vec<&PaperEntry>>,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for ((committee, date), ps) in implicit {
        let filed = owners.keys().any(|(c, d)| c == committee && d < date);
        if let (true, Some(first)) = (filed, ps.first()) {
            diags.push(
                paper_diag(
                    first,
                    "date",
                    "meeting-without-file",
                    format!("{committee}'s meetings have files, but this one, on {date}, has none: its agenda, page and calendar event are made from its papers and published as they are"),
                    format!("if the paper moved to this meeting, write the meeting's file (`clerk new --meeting-file --meeting \"{committee}\" --date {date}`); if not, correct this paper's `date`"),
                )
                .warning(),
            );
        }
    }
    diags
}

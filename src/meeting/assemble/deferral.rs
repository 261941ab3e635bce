//! An item whose paper is put off to a later meeting (`deferred: 2027-02-16`): it stays on
//! this agenda, said to be deferred, and its paper belongs to the meeting it moves to, so
//! this file's listing of it is checked against that, not against this meeting.

use super::super::file::{FileItem, MeetingFile};
use super::super::place::at_pos;
use crate::diag::Diagnostic;
use crate::paper::PaperMeta;

/// What is wrong with `fi`'s deferral to `to`: a date not after this meeting's, or one its
/// paper (`meta`, when it can be read) does not give.
pub(super) fn checks(
    f: &MeetingFile,
    fi: &FileItem,
    to: jiff::civil::Date,
    meta: Option<&PaperMeta>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if f.date.is_some_and(|d| to <= d) {
        out.push(at_pos(
            f,
            fi.deferred_pos,
            "deferred-backwards",
            format!(
                "item {} is deferred to {to}, which is not after this meeting ({})",
                fi.number,
                f.date.map(|d| d.to_string()).unwrap_or_default()
            ),
            "give the date of the later meeting it is put off to".into(),
        ));
    }
    if let Some(m) = meta.filter(|m| m.date != to) {
        // Its own date offered here only when it is a later meeting's.
        let or_here = if f.date.is_some_and(|d| m.date > d) {
            format!(", or `deferred: {}` here", m.date)
        } else {
            String::new()
        };
        out.push(
            at_pos(
                f,
                fi.deferred_pos,
                "deferred-elsewhere",
                format!(
                    "item {} is deferred to {to}, but its paper says `date: {}`",
                    fi.number, m.date
                ),
                format!(
                    "write `date: {to}` in the paper, which then belongs to that meeting (and its file, if it has one, lists it){or_here}"
                ),
            )
            .warning(),
        );
    }
    out
}

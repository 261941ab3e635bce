//! An item whose paper is put off to a later meeting (`deferred: 2027-02-16`): it stays on
//! this agenda, said to be deferred, and its paper belongs to the meeting it moves to, so
//! this file's listing of it is checked against that, not against this meeting.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::super::file::{FileItem, MeetingFile, normal};
use super::super::place::{at_pos, slash};
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

/// Each paper an item takes in private and defers, with that file and item: the paper
/// stays private (whoever takes it in private keeps it so), so no later file may list it
/// in public.
pub(super) fn taken_in_private<'f>(
    files: impl IntoIterator<Item = &'f MeetingFile>,
) -> BTreeMap<PathBuf, (&'f MeetingFile, &'f FileItem)> {
    let mut out = BTreeMap::new();
    for f in files {
        for fi in f.items.iter().filter(|i| i.private && i.deferred.is_some()) {
            if let Some(p) = &fi.paper {
                out.insert(normal(p), (f, fi));
            }
        }
    }
    out
}

/// An error at each public item of `f` whose paper `taken` holds (another meeting took it
/// in private and deferred it): this agenda would show its title and no paper, its pack
/// "Paper not available".
pub(super) fn public_after_private(
    f: &MeetingFile,
    taken: &BTreeMap<PathBuf, (&MeetingFile, &FileItem)>,
) -> Vec<Diagnostic> {
    let public = f.items.iter().filter(|i| !i.private);
    let listed = public.filter_map(|fi| Some((fi, fi.listed_paper()?)));
    listed
        .filter_map(|(fi, p)| {
            // Only a later meeting: an earlier one that listed the paper is not made wrong
            // by a deferral after it.
            let later = |o: &MeetingFile| f.date.zip(o.date).is_some_and(|(here, there)| here > there);
            let (other, oi) = taken.get(&normal(p)).filter(|(o, _)| later(o))?;
            let to = (oi.deferred.filter(|to| Some(*to) != f.date))
                .map_or("this meeting".to_string(), |to| to.to_string());
            Some(at_pos(
                f,
                fi.paper_pos,
                "deferred-in-private",
                format!(
                    "item {}'s paper `{}` is taken in private by {} (item {}, deferred to {to}), but this item is public",
                    fi.number,
                    slash(p),
                    other.file.display(),
                    oi.number
                ),
                format!(
                    "add `private: true` and its `exempt:` ground under this item, or remove `private: true` from item {} of {} if the paper may be published",
                    oi.number,
                    other.file.display()
                ),
            ))
        })
        .collect()
}

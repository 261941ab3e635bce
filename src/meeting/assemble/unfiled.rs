//! A meeting with no file of a committee that took to meeting files before it: most often
//! a paper moved to a later date (deferred) whose meeting nobody has set up yet. The
//! contract allows a meeting made from its papers, so it is made and published; a warning
//! at its first paper's `date:` says so and how to set it up. A committee's meetings from
//! before its first file are its history, and are left be. Such a meeting is made here,
//! its papers in agenda order.

use std::collections::BTreeMap;

use super::super::file::{MeetingFile, normal};
use super::super::place::{paper_diag, slash};
use super::super::{AgendaItem, ItemKind, Meeting};
use super::{MeetingKey, PaperEntry, set_depths};
use crate::diag::Diagnostic;
use crate::paper::Status;

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

/// A meeting with no file: its papers in agenda order, those without a number last.
pub(super) fn from_papers(
    committee: String,
    date: jiff::civil::Date,
    ps: &[&PaperEntry],
    diags: &mut Vec<Diagnostic>,
) -> Meeting {
    let mut items = Vec::new();
    let mut prev: Option<(&str, &PaperEntry)> = None;
    for p in ps {
        let meta = p.placed_by().expect("grouped by meta");
        match meta.agenda_item.as_deref() {
            None => diags.push(paper_diag(
                p, "meeting", "no-agenda-item",
                format!("this paper has no `agenda_item`, so it comes last on the agenda of {committee} on {date}"),
                "add `agenda_item: \"…\"` with its number on the agenda, or list the meeting's items in a meeting file".into(),
            ).warning()),
            Some(n) if prev.is_some_and(|(m, _)| m == n) => {
                let other = prev.map_or_else(String::new, |(_, o)| slash(&o.source.display));
                diags.push(paper_diag(
                    p, "agenda_item", "duplicate-item",
                    format!("another paper for {committee} on {date}, {other}, is also item {n}"),
                    "give each paper its own `agenda_item`".into(),
                ).warning());
            }
            Some(_) => {}
        }
        if let Some(n) = meta.agenda_item.as_deref() {
            prev = Some((n, p));
        }
        let shown = p.shown().unwrap_or(meta);
        items.push(AgendaItem {
            number: meta.agenda_item.clone(),
            title: shown.title.clone(),
            kind: ItemKind::Paper {
                source: normal(&p.source.rel),
                available: p.ok,
            },
            presenter: Some(shown.presented_by.clone()),
            purpose: Some(shown.recommendation.clone()),
            private: None,
            late: false,
            language: Some(shown.language.clone()),
            depth: 0,
        });
    }
    set_depths(&mut items);
    let metas = ps.iter().filter_map(|p| p.shown());
    let draft = metas.clone().any(|m| m.status == Some(Status::Draft));
    Meeting {
        committee,
        date,
        time: None,
        end: None,
        location: metas.clone().find_map(|m| m.location.clone()),
        chair: None,
        contact: None,
        status: draft.then_some(Status::Draft).or_else(|| {
            metas
                .clone()
                .all(|m| m.status == Some(Status::Final))
                .then_some(Status::Final)
        }),
        items,
        file: None,
        failed: false,
        cancelled: false,
    }
}

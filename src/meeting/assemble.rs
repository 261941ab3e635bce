//! Meetings assembled from the papers' checked metadata and the meeting files, with the
//! cross-checks between them: each problem names both places when two are involved.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::config::HouseStyle;
use crate::diag::Diagnostic;

use super::file::{FileItem, MeetingFile, MeetingFiles, normal};
use super::order::{compare_agenda, compare_names, is_sub_item};
use super::place::{at_pos, key_line, paper_diag, slash};
use super::{AgendaItem, ItemKind, Meeting};

mod deferral;
mod doubled;
mod entry;
mod home;
mod slip;
mod unfiled;

pub use entry::PaperEntry;

use home::{Homes, home_files};
use slip::file_slip;

type MeetingKey = (String, jiff::civil::Date);

/// Joins `files` and `papers` into meetings (by committee name, then date newest first),
/// with every cross-check's diagnostics. A meeting whose file has an error is `failed`; one
/// whose file sets no `status` is a draft when `draft_default`. A public paper marked with
/// the `house`'s private classification is a warning (`sensitive-published`).
pub fn assemble(
    files: &MeetingFiles,
    papers: &[PaperEntry],
    draft_default: bool,
    house: &HouseStyle,
) -> (Vec<Meeting>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let by_rel: BTreeMap<PathBuf, &PaperEntry> =
        papers.iter().map(|p| (normal(&p.source.rel), p)).collect();
    // Which file holds each meeting; a second file for the same meeting is refused.
    let mut owners: BTreeMap<MeetingKey, &MeetingFile> = BTreeMap::new();
    // Meetings with two files: which agenda (and which items are private) is meant cannot
    // be told, so neither is built until one file is left.
    let mut doubled: BTreeSet<MeetingKey> = BTreeSet::new();
    for f in &files.files {
        let (Some(c), Some(d)) = (&f.committee, f.date) else {
            continue;
        };
        match owners.get(&(c.clone(), d)) {
            Some(first) => {
                doubled.insert((c.clone(), d));
                diags.push(doubled::duplicate_meeting(f, first));
            }
            None => {
                owners.insert((c.clone(), d), f);
            }
        }
    }
    // Where each paper stands on an agenda, to find one on two.
    let mut placed: BTreeMap<PathBuf, (&MeetingFile, &FileItem)> = BTreeMap::new();
    let home = home_files(&owners, &by_rel);
    let taken = deferral::taken_in_private(owners.values().copied());
    let mut meetings = Vec::new();
    for f in owners.values() {
        let (m, failed) = from_file(
            f,
            (&by_rel, &home),
            &mut placed,
            &mut diags,
            (draft_default, house),
        );
        let clashes = deferral::public_after_private(f, &taken);
        let failed = failed || !clashes.is_empty();
        diags.extend(clashes);
        let doubled = f
            .committee
            .clone()
            .zip(f.date)
            .is_some_and(|k| doubled.contains(&k));
        meetings.push(Meeting {
            failed: failed || f.has_errors || doubled,
            ..m
        });
    }
    // Papers not on any agenda: their own meeting when it has no file, else a problem.
    let mut implicit: BTreeMap<MeetingKey, Vec<&PaperEntry>> = BTreeMap::new();
    let withheld = files.private_papers();
    // A meeting whose file has an error: its papers are withheld (see `withhold`), so none
    // makes a public meeting of its own from its metadata.
    let broken = files.broken();
    for p in papers {
        // A paper whose metadata fails stays where its last good outputs were while what it
        // says of its meeting still agrees (or cannot be read): not where it has moved from.
        let stays = p.meta.is_some()
            || super::withhold::paper_meeting(p.source, house).is_none_or(|(day, committee)| {
                p.last_good
                    .is_some_and(|lg| lg.date == day && committee.is_none_or(|c| c == lg.meeting))
            });
        let Some(meta) = p.placed_by().filter(|_| stays) else {
            continue;
        };
        let rel = normal(&p.source.rel);
        let held = broken
            .iter()
            .any(|b| b.holds(&rel, Some(meta.date), Some(&meta.meeting)));
        if placed.contains_key(&rel) || withheld.contains_key(&rel) || held {
            continue;
        }
        let key = (meta.meeting.clone(), meta.date);
        match owners.get(&key) {
            // Placed only by its last good outputs: its own metadata, once mended, says
            // where it goes.
            Some(_) if p.meta.is_none() => {}
            Some(f) => diags.push(paper_diag(
                p, "meeting", "not-on-agenda",
                format!("this paper is for {} on {}, but that meeting's agenda does not list it, so it is kept out of every public output (built under `out/private/`) until it does", key.0, key.1),
                format!("add it to the items of {} (`paper: {}`), or correct this paper's `meeting` and `date`", f.file.display(), slash(&p.source.rel)),
            )),
            None if p.kept_private => {}
            None => implicit.entry(key).or_default().push(p),
        }
    }
    diags.extend(unfiled::unfiled_meetings(&owners, &implicit));
    for ((committee, date), mut ps) in implicit {
        ps.sort_by(|a, b| {
            let (ma, mb) = (
                a.placed_by().expect("grouped by meta"),
                b.placed_by().expect("grouped by meta"),
            );
            compare_agenda(ma.agenda_item.as_deref(), mb.agenda_item.as_deref())
                .then_with(|| compare_names(&ma.title, &mb.title))
        });
        meetings.push(unfiled::from_papers(committee, date, &ps, &mut diags));
    }
    let marking = (
        house.private_classification.as_str(),
        &house.classifications[..],
    );
    diags.extend(super::sensitive::sensitive_published(
        papers,
        &placed,
        draft_default,
        marking,
    ));
    meetings.sort_by(super::order::committee_then_newest);
    super::clash::refuse_clashes(&mut meetings, files, papers, &mut diags);
    (meetings, diags)
}

/// A meeting from its file, cross-checked with its papers. Returns it and whether a
/// cross-check found an error.
fn from_file<'f>(
    f: &'f MeetingFile,
    (by_rel, home): (&BTreeMap<PathBuf, &PaperEntry>, &Homes<'f>),
    placed: &mut BTreeMap<PathBuf, (&'f MeetingFile, &'f FileItem)>,
    diags: &mut Vec<Diagnostic>,
    (draft_default, house): (bool, &HouseStyle),
) -> (Meeting, bool) {
    let committee = f.committee.clone().unwrap_or_default();
    let date = f.date.unwrap_or_default();
    let start = diags.len();
    let at = |pos, code, message, help| at_pos(f, pos, code, message, help);
    let mut items = Vec::new();
    let mut location = f.location.clone();
    for (i, fi) in f.items.iter().enumerate() {
        let entry = fi.paper.as_ref().and_then(|p| by_rel.get(p).copied());
        let meta = entry.and_then(|e| e.meta);
        // An item taken in private shows what its paper says now: the last good outputs
        // were made when it was public, under a title the secretary may since have made
        // neutral.
        let shown = entry.and_then(|e| {
            if fi.private || e.kept_private {
                e.meta
            } else {
                e.shown()
            }
        });
        // A paper put off to a later meeting: listed here, said so, and belonging there.
        let deferred = fi.deferred.filter(|_| fi.paper.is_some());
        if let Some(to) = deferred {
            diags.extend(deferral::checks(f, fi, to, meta));
        }
        // Its paper taken in private where it now belongs: this public item says nothing of
        // it but what this file gives (the words of a private item are its meeting's).
        let veiled = deferred.is_some() && !fi.private && entry.is_some_and(|e| e.kept_private);
        let shown = shown.filter(|_| !veiled);
        if let (Some(p), Some(e), None) = (&fi.paper, entry, deferred) {
            // Its own meeting's file lists it too: that file holds it, whichever is read
            // first (a copy of it dated earlier must not take its papers).
            let elsewhere = (home.get(p).copied())
                .filter(|h| !std::ptr::eq(*h, f))
                .and_then(|h| Some((h, h.items.iter().find(|i| i.paper.as_ref() == Some(p))?)));
            if let Some((other, oi)) = elsewhere.or_else(|| placed.get(p).copied()) {
                let (message, help) = if std::ptr::eq(other, f) {
                    (
                        format!(
                            "`{}` is already item {} of this agenda",
                            slash(p),
                            oi.number
                        ),
                        "a paper is one item of its meeting; remove one of the two".to_string(),
                    )
                } else {
                    (
                        format!(
                            "`{}` is already item {} of {}",
                            slash(p),
                            oi.number,
                            other.file.display()
                        ),
                        "a paper belongs to one meeting; remove it from one of the agendas"
                            .to_string(),
                    )
                };
                diags.push(at(fi.paper_pos, "paper-on-two-agendas", message, help));
            } else {
                placed.insert(p.clone(), (f, fi));
            }
            match meta {
                None => diags.push(
                    at(
                        fi.paper_pos,
                        "paper-not-built",
                        format!(
                            "item {}'s paper `{}` has errors: {}",
                            fi.number,
                            slash(p),
                            if fi.private {
                                "the private pack shows it as not available (the meeting's page never links a private item)"
                            } else {
                                "the packs show it as not available, and the meeting's page links its last good version while there is one, saying so"
                            }
                        ),
                        format!(
                            "run `clerk check {}` and put its errors right",
                            e.source.display.display()
                        ),
                    )
                    .warning(),
                ),
                Some(m) => {
                    if m.meeting != committee || m.date != date {
                        diags.push(at(fi.paper_pos, "wrong-meeting",
                            format!("`{}` is for {} on {}, not {committee} on {date}", slash(p), m.meeting, m.date),
                            format!("correct `meeting` and `date` in {}, or move the item to that meeting's file", e.source.display.display())));
                    }
                    // An item with no number has its `missing-key` error already.
                    let mismatch = |n: &&str| *n != fi.number && !fi.number.is_empty();
                    if let Some(n) = m.agenda_item.as_deref().filter(mismatch) {
                        let line = key_line(e, "agenda_item")
                            .map_or(String::new(), |l| format!(" line {l}"));
                        diags.push(at(
                            fi.number_pos,
                            "agenda-item-mismatch",
                            format!(
                                "this is item {}, but its paper says `agenda_item: \"{n}\"`",
                                fi.number
                            ),
                            format!(
                                "{}{line} gives `agenda_item: \"{n}\"`; make the two agree",
                                e.source.display.display()
                            ),
                        ));
                    }
                    diags.extend(super::draft::draft_in_final(f, fi, e, m, draft_default));
                    if location.is_none() {
                        location = m.location.clone();
                    }
                }
            }
        }
        let has_subs = f
            .items
            .get(i + 1)
            .is_some_and(|n| is_sub_item(&fi.number, &n.number));
        let kind = match &fi.paper {
            Some(p) if let Some(to) = deferred => ItemKind::Deferred {
                source: p.clone(),
                to,
            },
            Some(p) => ItemKind::Paper {
                source: p.clone(),
                available: entry.is_some_and(|e| e.ok && e.meta.is_some()),
            },
            None if has_subs => ItemKind::Heading,
            None => ItemKind::Verbal,
        };
        items.push(AgendaItem {
            number: Some(fi.number.clone()),
            title: fi
                .title
                .clone()
                .or_else(|| shown.map(|m| m.title.clone()))
                .or_else(|| {
                    entry
                        .filter(|_| !fi.private && !veiled)
                        .and_then(|e| e.text_title(house))
                })
                // A paper's file name often says what it is about: never shown for an item
                // taken in private, which then has its number and exempt ground only.
                .or_else(|| {
                    (fi.paper.as_ref())
                        .filter(|_| !fi.private && !veiled)
                        .map(|p| slash(p))
                })
                .unwrap_or_default(),
            kind,
            presenter: fi
                .presenter
                .clone()
                .or_else(|| shown.map(|m| m.presented_by.clone())),
            purpose: fi
                .purpose
                .clone()
                .or_else(|| shown.map(|m| m.recommendation.clone())),
            private: fi.private.then(|| fi.exempt.clone().unwrap_or_default()),
            late: fi.late,
            language: shown
                .filter(|_| fi.title.is_none() && fi.presenter.is_none() && fi.purpose.is_none())
                .map(|m| m.language.clone()),
            depth: 0,
        });
    }
    set_depths(&mut items);
    file_slip(f, by_rel, home, diags);
    let failed = diags[start..].iter().any(Diagnostic::is_error);
    let meeting = Meeting {
        committee,
        date,
        time: f.time,
        end: f.end,
        location,
        chair: f.chair.clone(),
        contact: f.contact.clone(),
        status: f.status,
        items,
        file: Some(f.file.clone()),
        failed,
        cancelled: f.cancelled,
    };
    (meeting, failed)
}

/// Sets each item's depth from the numbers before it (`3.1` under `3` is 1 deep).
pub(super) fn set_depths(items: &mut [AgendaItem]) {
    let mut stack: Vec<String> = Vec::new();
    for item in items {
        let Some(n) = item.number.clone() else {
            continue;
        };
        while stack.last().is_some_and(|p| !is_sub_item(p, &n)) {
            stack.pop();
        }
        item.depth = stack.len();
        stack.push(n);
    }
}

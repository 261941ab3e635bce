//! The index page's view: every paper's [`IndexEntry`] grouped by meeting and date and
//! sorted in agenda order, as `index.html` sees it.

use std::collections::BTreeSet;

use serde::Serialize;

use super::view::OrganisationView;
use crate::config::HouseStyle;
pub(crate) use crate::meeting::order::{compare_agenda, compare_names};

/// One line of the index, filled in by the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexEntry {
    /// Committee name.
    pub meeting: String,
    /// Meeting date, `YYYY-MM-DD`.
    pub date: String,
    /// Meeting date in the house format.
    pub date_display: String,
    /// Agenda item, e.g. `4.2`.
    pub agenda_item: Option<String>,
    /// Title of Paper.
    pub title: String,
    /// The paper's language, when it is not the index's (the house's): the title's `lang`.
    pub lang: Option<String>,
    /// Relative link from `index.html` to the paper's HTML.
    pub href: String,
    /// Relative link to the paper's PDF, when one was written.
    pub pdf_href: Option<String>,
    /// How many warnings the paper had.
    pub warnings: usize,
    /// Protective marking.
    pub classification: Option<String>,
    /// Whether the paper is a draft.
    pub draft: bool,
    /// Whether it is taken in private: only the preview lists such a paper (for the
    /// secretariat and reviewers on their own machine), marked PRIVATE; `out/index.html` never.
    pub private: bool,
    /// Whether the paper now fails, so what is linked is its last good output.
    pub stale: bool,
}

/// A meeting as the index links it, filled in by the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingLink {
    /// Committee name.
    pub committee: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The date in the house format.
    pub date_display: String,
    /// The meeting page, relative to `index.html`.
    pub href: String,
    /// Its items taken in private: number, title and exempt ground only.
    pub private: Vec<PrivateLine>,
    /// Its file says `status: cancelled`.
    pub cancelled: bool,
    /// The meeting is a draft: its file says `status: draft`, or (without a file) a paper of it is.
    pub draft: bool,
}

impl MeetingLink {
    /// The index's link to `meeting`'s page at `href`: its items taken in private by
    /// number, title and exempt ground only. The build and the preview both make it here.
    pub fn new(meeting: &crate::meeting::Meeting, house: &HouseStyle, href: String) -> MeetingLink {
        let meeting = &meeting.shown();
        MeetingLink {
            cancelled: meeting.cancelled,
            draft: meeting.status == Some(crate::paper::Status::Draft),
            committee: meeting.committee.clone(),
            date: meeting.date.to_string(),
            date_display: house.format_date(meeting.date),
            href,
            private: meeting
                .private_items()
                .map(|i| PrivateLine {
                    number: i.number.clone(),
                    title: i.title.clone(),
                    exempt: i.private.clone().unwrap_or_default(),
                    exempt_note: house
                        .words
                        .exempt_note(i.private.as_deref().unwrap_or_default()),
                })
                .collect(),
        }
    }
}

/// An item taken in private, as public pages may show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrivateLine {
    /// Agenda number.
    pub number: Option<String>,
    /// Title.
    pub title: String,
    /// The exempt ground.
    pub exempt: String,
    /// The ground as the house words it (`words.exempt`): `Exempt: Standing Orders 20(d)`.
    pub exempt_note: String,
}

/// What `index.html` is rendered with.
#[derive(Debug, Serialize)]
pub(crate) struct IndexView<'a> {
    /// The house's organisation (no logo: the index is a working list).
    pub(crate) organisation: OrganisationView<'a>,
    /// The house language, for `<html lang>`.
    pub(crate) language: &'a str,
    /// The stylesheet, to inline in `<style>`.
    pub(crate) css: &'a str,
    /// Meetings by name, each with its dates newest first.
    pub(crate) meetings: Vec<MeetingGroup<'a>>,
    /// How many papers in all.
    pub(crate) paper_count: usize,
    /// The house's heading for the items taken in private, which labels them.
    pub(crate) private_heading: &'a str,
    /// The calendar of every meeting, `meetings.ics`, beside the index: linked when there
    /// are meetings.
    pub(crate) calendar_href: &'static str,
    /// Always `clerk`.
    pub(crate) generator: &'static str,
    /// The house's words for the page's labels.
    pub(crate) words: &'a crate::config::Words,
}

/// The papers of one committee.
#[derive(Debug, Serialize)]
pub(crate) struct MeetingGroup<'a> {
    /// Committee name.
    pub(crate) meeting: &'a str,
    /// Anchor id, e.g. `policing-performance-committee`.
    pub(crate) id: String,
    /// Its meetings, newest first.
    pub(crate) dates: Vec<DateGroup<'a>>,
}

/// The papers of one meeting (committee and date).
#[derive(Debug, Serialize)]
pub(crate) struct DateGroup<'a> {
    /// `YYYY-MM-DD`.
    pub(crate) date: &'a str,
    /// The date in the house format.
    pub(crate) date_display: &'a str,
    /// Anchor id, e.g. `policing-performance-committee-2021-09-01`.
    pub(crate) id: String,
    /// Papers in agenda order.
    pub(crate) papers: Vec<&'a IndexEntry>,
    /// The meeting's page, relative to `index.html`, when it has one.
    pub(crate) href: Option<&'a str>,
    /// Items taken in private (title and exempt ground only, no link).
    pub(crate) private: &'a [PrivateLine],
    /// The meeting is cancelled (`words.cancelled` beside its date).
    pub(crate) cancelled: bool,
    /// The meeting is a draft (`words.draft` beside its date): see [`MeetingLink::draft`].
    pub(crate) draft: bool,
    /// Some paper of it has a marking: the table has its Marking column.
    pub(crate) markings: bool,
    /// Some paper of it has a note (private, draft, warnings, stale): the table has its
    /// Notes column. Columns empty on every row are left out, so that on a phone the PDF
    /// links are not pushed off the screen.
    pub(crate) notes: bool,
}

impl<'a> IndexView<'a> {
    /// Groups and sorts `entries`: meetings by name, dates newest first, papers in agenda
    /// order (numerically by part, papers without an item last), then by title.
    pub(crate) fn new(entries: &'a [IndexEntry], house: &'a HouseStyle, css: &'a str) -> Self {
        let mut sorted: Vec<&IndexEntry> = entries.iter().collect();
        sorted.sort_by(|a, b| {
            compare_names(&a.meeting, &b.meeting)
                .then_with(|| b.date.cmp(&a.date))
                .then_with(|| compare_agenda(a.agenda_item.as_deref(), b.agenda_item.as_deref()))
                .then_with(|| compare_names(&a.title, &b.title))
                .then_with(|| a.href.cmp(&b.href))
        });
        let mut meetings: Vec<MeetingGroup<'a>> = Vec::new();
        let mut ids = BTreeSet::new();
        for entry in sorted {
            if meetings.last().is_none_or(|m| m.meeting != entry.meeting) {
                meetings.push(MeetingGroup {
                    meeting: &entry.meeting,
                    id: unique_id(slug(&entry.meeting), &mut ids),
                    dates: Vec::new(),
                });
            }
            let group = meetings
                .last_mut()
                .expect("a meeting group was just pushed");
            if group.dates.last().is_none_or(|d| d.date != entry.date) {
                let id = unique_id(format!("{}-{}", group.id, slug(&entry.date)), &mut ids);
                group.dates.push(DateGroup {
                    date: &entry.date,
                    date_display: &entry.date_display,
                    id,
                    papers: Vec::new(),
                    href: None,
                    private: &[],
                    cancelled: false,
                    draft: false,
                    markings: false,
                    notes: false,
                });
            }
            let day = group
                .dates
                .last_mut()
                .expect("a date group was just pushed");
            day.markings |= entry.classification.is_some();
            day.notes |= entry.private || entry.draft || entry.warnings > 0 || entry.stale;
            day.papers.push(entry);
        }
        IndexView {
            organisation: OrganisationView {
                name: &house.organisation.name,
                logo: None,
            },
            language: &house.language,
            css,
            meetings,
            paper_count: entries.len(),
            private_heading: &house.private_heading,
            calendar_href: "meetings.ics",
            generator: "clerk",
            words: &house.words,
        }
    }
}

impl<'a> IndexView<'a> {
    /// Links each meeting's page (and lists its private items) under its date; a meeting
    /// with no public paper gets a group of its own.
    pub(crate) fn with_meetings(mut self, links: &'a [MeetingLink]) -> Self {
        let mut ids: BTreeSet<String> = self
            .meetings
            .iter()
            .flat_map(|m| std::iter::once(m.id.clone()).chain(m.dates.iter().map(|d| d.id.clone())))
            .collect();
        for link in links {
            let group = match self
                .meetings
                .iter()
                .position(|m| m.meeting == link.committee)
            {
                Some(i) => &mut self.meetings[i],
                None => {
                    self.meetings.push(MeetingGroup {
                        meeting: &link.committee,
                        id: unique_id(slug(&link.committee), &mut ids),
                        dates: Vec::new(),
                    });
                    self.meetings.last_mut().expect("just pushed")
                }
            };
            let day = match group.dates.iter().position(|d| d.date == link.date) {
                Some(i) => &mut group.dates[i],
                None => {
                    let id = unique_id(format!("{}-{}", group.id, slug(&link.date)), &mut ids);
                    group.dates.push(DateGroup {
                        date: &link.date,
                        date_display: &link.date_display,
                        id,
                        papers: Vec::new(),
                        href: None,
                        private: &[],
                        cancelled: false,
                        draft: false,
                        markings: false,
                        notes: false,
                    });
                    group.dates.last_mut().expect("just pushed")
                }
            };
            day.href = Some(&link.href);
            day.private = &link.private;
            day.cancelled = link.cancelled;
            day.draft = link.draft;
        }
        self.meetings
            .sort_by(|a, b| compare_names(a.meeting, b.meeting));
        for m in &mut self.meetings {
            m.dates.sort_by(|a, b| b.date.cmp(a.date));
        }
        self
    }
}

/// An anchor id from free text: lower-case ASCII letters and digits joined by `-`.
fn slug(text: &str) -> String {
    let s = slug::slugify(text);
    if s.is_empty() { "group".into() } else { s }
}

/// `id`, or `id-2`, `id-3`, … when an earlier group already took it.
fn unique_id(id: String, taken: &mut BTreeSet<String>) -> String {
    let mut candidate = id.clone();
    let mut n = 1;
    while !taken.insert(candidate.clone()) {
        n += 1;
        candidate = format!("{id}-{n}");
    }
    candidate
}

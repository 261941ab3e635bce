//! Meetings: what a secretariat publishes. Every (`meeting`, `date`) among the papers is a
//! [`Meeting`]; a meeting file (`meetings/*.yaml`) adds its time, chair, verbal items,
//! headings, and the items taken in private or issued late.
//!
//! [`file::load_all`] reads and checks the meeting files key by key (before the papers are
//! built, so private papers are known to be private); [`assemble`] then joins them with the
//! papers' checked metadata into meetings, cross-checking both. The next stage, `render`,
//! lays a meeting out as its page, agenda PDF and calendar event.

pub mod assemble;
mod clash;
mod draft;
pub mod file;
mod kept;
pub mod order;
mod place;
pub mod sensitive;
mod withhold;

use std::path::{Path, PathBuf};

use serde::Serialize;

pub use assemble::{PaperEntry, assemble};
pub use file::{MeetingFile, MeetingFiles, load_all, load_project};
pub use kept::{LastBuild, TakenPaper};
pub use order::compare_agenda;

use crate::paper::Status;

/// A meeting's page, in its output folder.
pub const PAGE_FILE: &str = "index.html";
/// A meeting's agenda PDF, in its output folder.
pub const AGENDA_FILE: &str = "agenda.pdf";

/// The output folder of `committee`'s meeting on `date`, relative to the output folder:
/// `meetings/2026-05-19-resources-committee`.
pub fn out_dir(committee: &str, date: jiff::civil::Date) -> PathBuf {
    Path::new(crate::project::walk::MEETINGS_OUT)
        .join(format!("{date}-{}", slug::slugify(committee)))
}

/// A meeting: a committee on a date, with its agenda in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meeting {
    /// The committee's name (the papers' `meeting`).
    pub committee: String,
    /// The date of the meeting.
    #[serde(serialize_with = "ser_display")]
    pub date: jiff::civil::Date,
    /// Start time, 24-hour, when the meeting file gives one.
    #[serde(serialize_with = "ser_opt_display")]
    pub time: Option<jiff::civil::Time>,
    /// When it is planned to end, when the meeting file says (`end`).
    #[serde(serialize_with = "ser_opt_display")]
    pub end: Option<jiff::civil::Time>,
    /// Where it is held: the meeting file's `location`, else the papers' common one.
    pub location: Option<String>,
    /// Who chairs it.
    pub chair: Option<String>,
    /// The committee officer to contact.
    pub contact: Option<String>,
    /// Draft (DRAFT on every page) or final; `None` when not said.
    pub status: Option<Status>,
    /// The agenda, in order.
    pub items: Vec<AgendaItem>,
    /// The meeting file, as shown to the user, when there is one.
    pub file: Option<PathBuf>,
    /// True when the meeting file has errors: the meeting keeps its last good outputs.
    pub failed: bool,
    /// True when its file says `status: cancelled`: it will not take place.
    pub cancelled: bool,
}

/// One line of the agenda.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaItem {
    /// `3.1`; `None` for a paper with no `agenda_item` and no meeting file (it comes last).
    pub number: Option<String>,
    /// The item's title (the paper's, unless the meeting file gives one).
    pub title: String,
    /// A paper, a verbal item or a heading.
    pub kind: ItemKind,
    /// Who presents it (default: the paper's `presented_by`).
    pub presenter: Option<String>,
    /// What members are asked to do (default: the paper's `recommendation`).
    pub purpose: Option<String>,
    /// The exempt ground, when the item is taken in private.
    pub private: Option<String>,
    /// Issued after the pack (goes in the supplementary pack).
    pub late: bool,
    /// The language of the paper's words the item shows (its title, presenter and
    /// purpose), when the meeting file gives none of them.
    pub language: Option<String>,
    /// How deep it nests: 0 for a top item, 1 for `3.1` under `3`, …
    pub depth: usize,
}

/// What an agenda item is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemKind {
    /// A paper, by its path relative to the papers folder.
    Paper {
        /// E.g. `resources/2026-05-19-budget-monitoring.md`.
        source: PathBuf,
        /// False when the paper has errors and so has no (new) outputs.
        available: bool,
    },
    /// A paper put off to a later meeting (the item's `deferred`): listed, said to be
    /// deferred, its paper neither linked nor packed here.
    Deferred {
        /// The paper, relative to the papers folder.
        source: PathBuf,
        /// The meeting it is put off to.
        #[serde(serialize_with = "ser_display")]
        to: jiff::civil::Date,
    },
    /// No paper: spoken to at the meeting.
    Verbal,
    /// No paper, with sub-items: a heading of the agenda.
    Heading,
}

impl AgendaItem {
    /// The paper's source, for a paper item.
    pub fn paper(&self) -> Option<&Path> {
        match &self.kind {
            ItemKind::Paper { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl Meeting {
    /// The folder name of its outputs: `DATE-COMMITTEE-SLUG`, e.g.
    /// `2026-05-19-resources-committee`.
    pub fn slug(&self) -> String {
        format!("{}-{}", self.date, slug::slugify(&self.committee))
    }

    /// The meeting as its outputs show it: the words of its items, place, chair and
    /// contact smart-punctuated as a paper's metadata is (`Chair’s report`, `10–12`), so
    /// that an agenda and the papers it lists read alike. The committee stays as written:
    /// it names the meeting's folder.
    pub fn shown(&self) -> Meeting {
        use crate::document::smart::punctuate;
        let mut m = self.clone();
        for text in [&mut m.location, &mut m.chair, &mut m.contact]
            .into_iter()
            .flatten()
        {
            *text = punctuate(text);
        }
        for item in &mut m.items {
            item.title = punctuate(&item.title);
            let words = [&mut item.presenter, &mut item.purpose, &mut item.private];
            for text in words.into_iter().flatten() {
                *text = punctuate(text);
            }
        }
        m
    }

    /// Its output folder, relative to the output folder: `meetings/SLUG`.
    pub fn out_dir(&self) -> PathBuf {
        out_dir(&self.committee, self.date)
    }

    /// Is it a draft? `default` when the meeting file does not say.
    pub fn is_draft(&self, default: bool) -> bool {
        self.status.map_or(default, |s| s == Status::Draft)
    }

    /// The public items (not taken in private), in order.
    pub fn public_items(&self) -> impl Iterator<Item = &AgendaItem> {
        self.items.iter().filter(|i| i.private.is_none())
    }

    /// The items taken in private, in order.
    pub fn private_items(&self) -> impl Iterator<Item = &AgendaItem> {
        self.items.iter().filter(|i| i.private.is_some())
    }

    /// What the public agenda lists: the public items, less each heading with no public
    /// business under it (its sub-items all taken in private), which would stand empty;
    /// so nothing when the public items are only such headings.
    pub fn public_agenda(&self) -> Vec<&AgendaItem> {
        let items: Vec<&AgendaItem> = self.public_items().collect();
        let business = |heading: &str| {
            items.iter().any(|i| {
                i.kind != ItemKind::Heading
                    && i.number
                        .as_deref()
                        .is_some_and(|n| order::is_sub_item(heading, n))
            })
        };
        let kept: Vec<&AgendaItem> = items
            .iter()
            .copied()
            .filter(|i| match (&i.kind, i.number.as_deref()) {
                (ItemKind::Heading, Some(n)) => business(n),
                _ => true,
            })
            .collect();
        if kept.iter().all(|i| i.kind == ItemKind::Heading) {
            Vec::new()
        } else {
            kept
        }
    }

    /// What a public agenda says in place of its items when it has none, in the house's
    /// `words`: that every item is taken in private, or that there are none.
    pub fn no_public_items<'w>(&self, words: &'w crate::config::Words) -> &'w str {
        if self.private_items().next().is_some() {
            &words.no_public_items
        } else {
            &words.no_items
        }
    }
}

fn ser_display<S: serde::Serializer>(d: &impl std::fmt::Display, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn ser_opt_display<S: serde::Serializer>(
    d: &Option<jiff::civil::Time>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match d {
        Some(t) => s.collect_str(&t.strftime("%H:%M")),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests;

/// A meeting with an item of every kind, for other modules' tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    fn item(number: &str, title: &str, kind: ItemKind, depth: usize) -> AgendaItem {
        AgendaItem {
            number: Some(number.into()),
            title: title.into(),
            kind,
            presenter: Some("Fiona Keir, Director".into()),
            purpose: Some("For Discussion".into()),
            private: None,
            late: false,
            language: None,
            depth,
        }
    }

    /// Resources Committee, 19 May 2026: verbal, heading, paper `a.md` (late), private.
    pub(crate) fn sample_meeting() -> Meeting {
        let paper = |s: &str| ItemKind::Paper {
            source: s.into(),
            available: true,
        };
        let mut late = item("3.1", "Budget", paper("a.md"), 1);
        late.late = true;
        let mut private = item("4", "Cyber", paper("b.md"), 0);
        private.private = Some("Standing Orders 20(d)".into());
        Meeting {
            committee: "Resources Committee".into(),
            date: jiff::civil::date(2026, 5, 19),
            time: Some(jiff::civil::time(10, 0, 0, 0)),
            end: None,
            location: Some("Room 1".into()),
            chair: Some("Alasdair Grant".into()),
            contact: Some("Fiona Keir".into()),
            status: Some(Status::Draft),
            items: vec![
                item("1", "Opening remarks", ItemKind::Verbal, 0),
                item("3", "Finance", ItemKind::Heading, 0),
                late,
                private,
            ],
            file: None,
            failed: false,
            cancelled: false,
        }
    }
}

//! Which of a meeting's packs ([`PackKind`]): its file, its name in the house's words, the
//! items it holds and its link on the meeting page.

use crate::config::{HouseStyle, Words};
use crate::meeting::{AgendaItem, Meeting};
use crate::render::BuiltFile;

/// Which of a meeting's packs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PackKind {
    /// `pack.pdf`: the public items not issued late.
    Public,
    /// `supplementary-pack.pdf`: the public items issued late.
    Supplementary,
    /// `private-pack.pdf`: the items taken in private.
    Private,
}

impl PackKind {
    /// Every pack, in the order they are built and linked.
    pub const ALL: [PackKind; 3] = [PackKind::Public, PackKind::Supplementary, PackKind::Private];

    /// Its file name in the meeting's folder.
    pub fn file_name(self) -> &'static str {
        match self {
            PackKind::Public => "pack.pdf",
            PackKind::Supplementary => "supplementary-pack.pdf",
            PackKind::Private => "private-pack.pdf",
        }
    }

    /// The pack an output's path (`meetings/…/pack.pdf`, relative to the output folder)
    /// names by its file name, if any.
    pub fn of_path(path: &str) -> Option<PackKind> {
        let name = path.rsplit('/').next()?;
        PackKind::ALL.into_iter().find(|k| k.file_name() == name)
    }

    /// What it is called in clerk's messages (`Public reports pack`); its pages and links
    /// say [`PackKind::name`].
    pub fn label(self) -> &'static str {
        match self {
            PackKind::Public => "Public reports pack",
            PackKind::Supplementary => "Supplementary reports pack",
            PackKind::Private => "Private reports pack",
        }
    }

    /// What it is called in the house's `words` (`Public reports pack`).
    pub fn name(self, words: &Words) -> &str {
        match self {
            PackKind::Public => &words.public_pack,
            PackKind::Supplementary => &words.supplementary_pack,
            PackKind::Private => &words.private_pack,
        }
    }

    /// Does this pack hold `item` (of any kind)?
    pub fn holds(self, item: &AgendaItem) -> bool {
        match self {
            PackKind::Public => item.private.is_none() && !item.late,
            PackKind::Supplementary => item.private.is_none() && item.late,
            PackKind::Private => item.private.is_some(),
        }
    }

    /// Does `meeting` have this pack? Always a public one; the others when it has papers
    /// for them (a late or private verbal item is on the agenda, with nothing to send).
    pub fn wanted(self, meeting: &Meeting) -> bool {
        self == PackKind::Public
            || meeting
                .items
                .iter()
                .any(|i| self.holds(i) && i.paper().is_some())
    }

    /// The packs `meeting`'s page links, in order: the public one, and the supplementary
    /// one when it has late items; never the private one (for members, not publishing).
    pub fn linked(meeting: &Meeting) -> impl Iterator<Item = PackKind> + '_ {
        PackKind::ALL
            .into_iter()
            .filter(|k| *k != PackKind::Private && k.wanted(meeting))
    }

    /// Its link on the meeting page: its name in `words`, its file name (beside the page)
    /// and the built file, when it is known.
    pub fn link(
        self,
        words: &Words,
        built: Option<BuiltFile>,
    ) -> (&str, String, Option<BuiltFile>) {
        (self.name(words), self.file_name().to_string(), built)
    }

    /// The paper items of `meeting` this pack holds, in agenda order.
    pub fn papers(self, meeting: &Meeting) -> Vec<&AgendaItem> {
        meeting
            .items
            .iter()
            .filter(|i| self.holds(i) && i.paper().is_some())
            .collect()
    }

    /// Its title: `Resources Committee – 19 May 2026 – Public reports pack`.
    pub fn title(self, meeting: &Meeting, house: &HouseStyle) -> String {
        format!(
            "{} – {} – {}",
            meeting.committee,
            house.format_date(meeting.date),
            self.name(&house.words)
        )
    }
}

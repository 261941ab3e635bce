//! What assembling the meetings needs of one paper, and which of its metadata its agenda
//! item shows.

use crate::diag::Sources;
use crate::paper::PaperMeta;
use crate::project::PaperSource;

/// What assembling needs of one paper.
#[derive(Debug, Clone, Copy)]
pub struct PaperEntry<'a> {
    /// The paper's files.
    pub source: &'a PaperSource,
    /// Its checked metadata, when the metadata passed.
    pub meta: Option<&'a PaperMeta>,
    /// Does it build (no errors)?
    pub ok: bool,
    /// The metadata of its last good outputs, when it fails now: what the agenda shows for
    /// it (title, presenter, purpose), as the outputs it links say them, rather than what
    /// its failing text says now or its file's path.
    pub last_good: Option<&'a PaperMeta>,
    /// The texts of its files as read when it was checked (its `.md`, and a sidecar
    /// `.yaml`), for pointing at a key's line without reading them again.
    pub sources: &'a Sources,
    /// Private in this run: taken in private, withheld while its meeting file has an error
    /// or its agenda does not list it, or kept private as the last build took it (see
    /// `MeetingFiles::keep_taken_in_private`). Never an item of a meeting made from its
    /// papers' metadata, which would list it as public.
    pub kept_private: bool,
}

impl<'a> PaperEntry<'a> {
    /// The `title` its metadata gives, read without checking the rest: what the agenda
    /// shows for a paper whose metadata fails now and that has no last good outputs (a
    /// wrong date should not put its file's path on the agenda).
    pub(super) fn text_title(&self, house: &crate::config::HouseStyle) -> Option<String> {
        let root = crate::meeting::withhold::front_matter(self.source, house)?;
        let title = root.get("title")?.as_text()?;
        // Curly quotes wrapping the whole title are a word processor's (see
        // `curly-quotes`); one of its own at an end (`“Right Care” Strategy`) stays.
        let t = title.trim();
        let title = crate::paper::curly_wrapped(t, false).map_or(t, |(plain, _)| plain);
        let title = title.split_whitespace();
        let title = title.collect::<Vec<_>>().join(" ");
        (!title.is_empty()).then_some(title)
    }

    /// The metadata that places it at a meeting without a file: its own, else (its
    /// metadata failing now) that of its last good outputs, so that a typo in its only
    /// paper's metadata does not take a meeting's page, index entry and calendar event away
    /// while the last good outputs stand.
    pub(super) fn placed_by(&self) -> Option<&'a PaperMeta> {
        self.meta.or(self.last_good)
    }

    /// The metadata its agenda item shows: its own when it builds, else that of its last
    /// good outputs (which the meeting's page links), else what its text says now.
    pub(super) fn shown(&self) -> Option<&'a PaperMeta> {
        if self.ok {
            self.meta
        } else {
            self.last_good.or(self.meta)
        }
    }
}

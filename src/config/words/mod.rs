//! The house's words for clerk's own furniture (`words`): the PDF's page number, the header
//! table's appendix row, the agenda's and the meeting page's labels, the packs' names and
//! stamps, the index's headings, so that a council writing in Gaelic or Welsh says
//! "Duilleag 1 de 3" rather than "Page 1 of 3". The defaults are clerk's English, in
//! `assets/clerk.yaml`; the lines with `{fields}` are checked in [`check`].

mod check;

use serde::{Deserialize, Serialize};

use super::footer::fields_in;

/// clerk's own words, as the house writes them. Templates see them as `words`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// The PDF footer's page number: `Page {n} of {total}`.
    pub page: String,
    /// The appendix row when the paper has appendices: `Yes`, as in `Yes – Appendix A – Title`.
    pub yes: String,
    /// The appendix row when it has none: `No`.
    pub no: String,
    /// The word before an appendix's letter: `Appendix`.
    pub appendix: String,
    /// The heading of a paper's list of appendices: `Appendices`.
    pub appendices: String,
    /// The word a cross-reference to a numbered section shows before its number:
    /// `section` (`section 2`).
    pub section: String,
    /// The HTML header table's hidden caption: `About this paper`.
    pub about_this_paper: String,
    /// The name of the HTML footnotes' region: `Footnotes`.
    pub footnotes: String,
    /// A draft's mark: `DRAFT`.
    pub draft: String,
    /// A draft paper's banner after the mark: `not the final version of this paper`.
    pub draft_paper: String,
    /// A draft meeting page's banner after the mark: `not the final agenda of this meeting`.
    pub draft_agenda: String,
    /// The agenda's header row of the committee: `Committee`.
    pub committee: String,
    /// The agenda's header row of the date: `Date`.
    pub date: String,
    /// The agenda's header row of the time: `Time`.
    pub time: String,
    /// The agenda's header row of the place: `Location`.
    pub location: String,
    /// The agenda's header row of the chair: `Chair`.
    pub chair: String,
    /// The agenda's header row of the contact: `Contact`.
    pub contact: String,
    /// The agenda's heading and name: `Agenda`.
    pub agenda: String,
    /// The note of a verbal item: `Verbal item`.
    pub verbal_item: String,
    /// The note of a late item: `Late item`.
    pub late_item: String,
    /// Before the date of the meeting a deferred item's paper is put off to: `Deferred to`,
    /// as in `Deferred to 16 February 2027`.
    pub deferred_to: String,
    /// Before a private item's exempt ground: `Exempt`, as in `Exempt: Schedule 7A`.
    pub exempt: String,
    /// The note of a paper item whose paper is not available: `Paper not available`.
    pub paper_not_available: String,
    /// The note of a paper item whose paper has errors, linked as its last good version
    /// was built: `Last good version: the paper now has errors`.
    pub paper_last_good: String,
    /// An agenda whose every item is taken in private says so.
    pub no_public_items: String,
    /// An agenda with no items says so.
    pub no_items: String,
    /// The meeting page's note under the private heading.
    pub private_items_note: String,
    /// A cancelled meeting's mark: `Cancelled`, on the index and before the calendar
    /// event's title.
    pub cancelled: String,
    /// A cancelled meeting's page says so at its top.
    pub meeting_cancelled: String,
    /// The meeting page's link to the index: `All committee papers`.
    pub all_committee_papers: String,
    /// The public pack's name: `Public reports pack`.
    pub public_pack: String,
    /// The supplementary pack's name: `Supplementary reports pack`.
    pub supplementary_pack: String,
    /// The private pack's name: `Private reports pack`.
    pub private_pack: String,
    /// A pack's bookmark of its front sheet: `Front sheet`.
    pub front_sheet: String,
    /// The supplementary pack's heading: `Late items`.
    pub late_items: String,
    /// The public pack's note of a late paper: `In the supplementary pack`.
    pub in_supplementary_pack: String,
    /// A pack page's stamp: `Pack page {n}`.
    pub pack_page: String,
    /// A paper of one pack page: `page {n}`.
    pub one_page: String,
    /// A paper's pack pages: `pages {first}–{last}`.
    pub page_range: String,
    /// The mark of a paper taken in private, before the private classification: `PRIVATE`.
    pub private: String,
    /// The index's title and heading: `Committee papers`.
    pub committee_papers: String,
    /// The calendar's name after the organisation's: `committee meetings`.
    pub calendar: String,
    /// The index's and a meeting page's link to the calendar, `meetings.ics`: `Add the
    /// meetings to your calendar`.
    pub calendar_link: String,
    /// The months' names, January first, for `%B` in the house's date formats.
    pub months: Vec<String>,
    /// The weekdays' names, Monday first, for `%A` in the house's date formats.
    pub weekdays: Vec<String>,
    /// The index with no papers says so.
    pub no_papers: String,
    /// The index's link to a meeting's page: `Agenda and papers`.
    pub agenda_and_papers: String,
    /// The name of a meeting's table of papers on the index: `Papers for`.
    pub papers_for: String,
    /// The index's column of agenda items: `Item`.
    pub item: String,
    /// The index's column of papers: `Paper`.
    pub paper: String,
    /// The index's column of markings: `Marking`.
    pub marking: String,
    /// The index's column of notes: `Notes`.
    pub notes: String,
    /// The index's column of PDFs, and a PDF's link: `PDF`.
    pub pdf: String,
}

/// `line` with each `{field}` named in `values` filled in; any other left as written.
fn fill(line: &str, values: &[(&str, usize)]) -> String {
    let Ok(found) = fields_in(line) else {
        return line.to_string();
    };
    let mut out = String::new();
    let mut at = 0;
    for (name, range) in found {
        out.push_str(&line[at..range.start]);
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, v)) => out.push_str(&v.to_string()),
            None => out.push_str(&line[range.clone()]),
        }
        at = range.end;
    }
    out.push_str(&line[at..]);
    out
}

impl Words {
    /// The page number of page `n` of `total`, as the house words it.
    pub fn page_number(&self, n: usize, total: usize) -> String {
        fill(&self.page, &[("n", n), ("total", total)])
    }

    /// The stamp of pack page `n`: `Pack page 5`.
    pub fn pack_page_stamp(&self, n: u32) -> String {
        fill(&self.pack_page, &[("n", n as usize)])
    }

    /// The pack pages a paper takes: `pages 5–13`, `page 5`.
    pub fn pack_pages(&self, first: u32, last: u32) -> String {
        if first == last {
            fill(&self.one_page, &[("n", first as usize)])
        } else {
            fill(
                &self.page_range,
                &[("first", first as usize), ("last", last as usize)],
            )
        }
    }

    /// A private item's exempt ground as the agenda says it: `words.exempt` with `{ground}`
    /// filled in (`Exempt under paragraph {ground} of Schedule 12A`), or followed by a colon
    /// and the ground when it names none (`Exempt: Standing Orders section 20(d)`).
    pub fn exempt_note(&self, ground: &str) -> String {
        if fields_in(&self.exempt).is_ok_and(|f| f.iter().any(|(name, _)| *name == "ground")) {
            self.exempt.replace("{ground}", ground)
        } else {
            format!("{}: {ground}", self.exempt)
        }
    }

    /// The mark of a paper taken in private: `PRIVATE – OFFICIAL-SENSITIVE`.
    pub fn private_marking(&self, classification: &str) -> String {
        format!("{} – {classification}", self.private)
    }
}

#[cfg(test)]
mod tests;

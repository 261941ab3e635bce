//! What stands around the header and says something of the paper: the lines above it
//! (the protective marking, `Agenda Item 4.2`, the organisation's name) and the page
//! header and footer's lines.

use crate::config::HouseStyle;
use crate::import::Note;

use super::{Header, Value, normalise, short};

/// What the page header and footer say (their lines): the protective marking
/// (`OFFICIAL-SENSITIVE` at the top of every page, as Word templates carry it) and the
/// agenda item (`Agenda Item 5.1`), when none stands above the table; any other line is
/// said to be left out (clerk sets its own furniture), once each.
pub fn page_marking(
    header: &mut Header,
    page_lines: &[String],
    house: &HouseStyle,
    notes: &mut Vec<Note>,
) {
    let mut said: Vec<&str> = Vec::new();
    for line in page_lines {
        let text = line.trim();
        let norm = normalise(text);
        if norm.is_empty() || said.contains(&text) {
            continue;
        }
        if let Some(c) = house.classifications.iter().find(|c| normalise(c) == norm) {
            header.set("classification", Value::Text(c.clone()));
        } else if let Some(item) = norm.strip_prefix("agenda item ") {
            header.set("agenda_item", Value::Text(item.replace(' ', ".")));
        } else if !page_furniture(&norm, house) {
            said.push(text);
            notes.push(
                Note::warning(
                    "import-not-mapped",
                    format!("the line “{}” of the page header or footer is left out", short(text)),
                )
                .help("clerk sets each page's furniture itself (marking, page numbers, the paper's identity); add the line to the paper by hand if it says something the paper needs"),
            );
        }
    }
}

/// Is `norm` (a normalised page header or footer line) what clerk's own pages carry
/// anyway: a page number (`Page 1 of 3`, `1`), or the organisation's name?
fn page_furniture(norm: &str, house: &HouseStyle) -> bool {
    let words: Vec<&str> = norm.split(' ').collect();
    let numbers_only = words
        .iter()
        .all(|w| w.chars().all(|c| c.is_ascii_digit()) || matches!(*w, "page" | "of"));
    numbers_only || norm.starts_with(&normalise(&house.organisation.name))
}

/// A line of the header that is no row of it, `text`: above it, or a row of one cell
/// (`place`: where, `above the header table`, `in the header table`).
pub(super) fn header_line(
    text: &str,
    (house, place): (&HouseStyle, &str),
    header: &mut Header,
    notes: &mut Vec<Note>,
) {
    let text = text.trim().to_string();
    if text.is_empty() {
        return;
    }
    let norm = normalise(&text);
    if let Some(c) = house.classifications.iter().find(|c| normalise(c) == norm) {
        header.set("classification", Value::Text(c.clone()));
    } else if let Some(item) = norm.strip_prefix("agenda item ") {
        header.set("agenda_item", Value::Text(item.replace(' ', ".")));
    } else if norm == normalise(&house.organisation.name)
        || norm.starts_with(&normalise(&house.organisation.name))
    {
        // The organisation's name (and committee) heads every paper; clerk sets it itself.
    } else {
        notes.push(
            Note::warning(
                "import-not-mapped",
                format!("the line “{}” {place} is left out", short(&text)),
            )
            .help("clerk sets the organisation, classification and title itself; add it by hand if it is needed"),
        );
    }
}

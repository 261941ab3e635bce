//! A header written as lines rather than a table: `Meeting: Resources Committee`, `Date:`
//! and a tab, … at the top of the document, as templates without a table give it.

use crate::config::HouseStyle;
use crate::import::docx::Block;

use super::key_for;

/// How far into the document header lines are looked for, in blocks: they head the paper.
const LOOK: usize = 30;

/// The longest label a header line has, in characters: a sentence with a colon is not one.
const LONGEST_LABEL: usize = 40;

/// Header lines found: where they stand among the top-level blocks and their (label,
/// value) pairs, in order.
#[derive(Debug)]
pub(super) struct Lines {
    /// The first line's block.
    pub first: usize,
    /// The last line's block.
    pub last: usize,
    /// Each line's label and value.
    pub rows: Vec<(String, String)>,
}

/// The first run of two or more header lines near the top (blank lines between them are
/// part of the run; any other line, or a table, ends it): `None` when there is none.
pub(super) fn find(blocks: &[Block], house: &HouseStyle) -> Option<Lines> {
    let mut found: Option<Lines> = None;
    for (i, block) in blocks.iter().enumerate().take(LOOK) {
        let Block::Para(p) = block else {
            break;
        };
        let text = p.text();
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        match label_line(text, house) {
            Some(row) => {
                let lines = found.get_or_insert(Lines {
                    first: i,
                    last: i,
                    rows: Vec::new(),
                });
                lines.last = i;
                lines.rows.push(row);
            }
            None if found.is_some() => break,
            None => {}
        }
    }
    found.filter(|lines| lines.rows.len() >= 2)
}

/// `text` as a header line: a label of this house, then a colon or a tab, then its value
/// (which may be empty, as an empty row of a table is).
fn label_line(text: &str, house: &HouseStyle) -> Option<(String, String)> {
    let (label, value) = text.split_once([':', '\t'])?;
    let label = label.trim();
    if label.is_empty() || label.chars().count() > LONGEST_LABEL {
        return None;
    }
    key_for(label, house)?;
    Some((label.to_string(), value.trim().to_string()))
}

//! Layout tables: a paper written inside a table (the whole paper in one table, or its
//! body in the rows below the header's) is taken out of it, so that its headings and
//! paragraphs are read as the paper's body and not lost as table rows.

use crate::config::HouseStyle;

use super::Note;
use super::docx::{Block, Run};
use super::header::{cell_text, find_table, key_for, normalise, short};
use super::heading::heading_like;
use super::typed::typed_number;

type Rows = [Vec<Vec<Block>>];

/// The document's top-level blocks with each layout table unwrapped into its paragraphs,
/// and the first paragraph of each table unwrapped (its merged cells are no longer a
/// table's, so they need no note). Each unwrapping is said in `notes`.
pub fn unwrap(
    blocks: &[Block],
    house: &HouseStyle,
    notes: &mut Vec<Note>,
) -> (Vec<Block>, Vec<usize>) {
    let mut out = Vec::with_capacity(blocks.len());
    let mut unwrapped = Vec::new();
    let header = find_table(blocks, house);
    let solid: Vec<&Block> = blocks.iter().filter(|b| !empty(b)).collect();
    if let (None, [Block::Table(rows)]) = (header, solid.as_slice()) {
        // The whole paper in one table (its header perhaps a table inside it).
        unwrapped.extend(first_paragraph(rows));
        notes.push(layout_note(rows));
        let (inner, more) = unwrap(&rows_to_blocks(rows), house, notes);
        unwrapped.extend(more);
        return (inner, unwrapped);
    }
    for (i, b) in blocks.iter().enumerate() {
        let Block::Table(rows) = b else {
            out.push(b.clone());
            continue;
        };
        let start = if Some(i) == header {
            body_start(rows, house)
        } else {
            layout(rows).then_some(0)
        };
        match start {
            Some(0) => {
                notes.push(layout_note(rows));
                out.extend(rows_to_blocks(rows));
            }
            Some(r) => {
                let label = rows[r].first().map(|c| cell_text(c)).unwrap_or_default();
                notes.push(
                    Note::warning(
                        "import-layout-table",
                        format!("the header table goes on into the paper itself: from its row “{}” on, its rows are read as the paper's headings and paragraphs, taken out of the table", short(&label)),
                    )
                    .help("check the sections and paragraphs read in order; a table that really held figures is best put back by hand"),
                );
                out.push(Block::Table(rows[..r].to_vec()));
                out.extend(rows_to_blocks(&rows[r..]));
            }
            None => {
                out.push(b.clone());
                continue;
            }
        }
        unwrapped.extend(first_paragraph(rows));
    }
    (out, unwrapped)
}

fn layout_note(rows: &Rows) -> Note {
    let at = first_paragraph(rows).unwrap_or(1);
    Note::warning(
        "import-layout-table",
        format!("the paper is written inside a table (from paragraph {at} of the Word document): its headings and paragraphs are taken out of the table and read as the paper's body"),
    )
    .help("check the sections and paragraphs read in order; a table that really held figures is best put back by hand")
}

/// A paragraph with no text and no picture (or a table of them).
fn empty(b: &Block) -> bool {
    match b {
        Block::Para(p) => {
            p.text().trim().is_empty() && !p.runs.iter().any(|r| matches!(r, Run::Image { .. }))
        }
        Block::Table(rows) => rows.iter().flatten().flatten().all(empty),
    }
}

/// The index of the table's first paragraph in the document (for messages and notes).
pub(super) fn first_paragraph(rows: &Rows) -> Option<usize> {
    rows.iter().flatten().flatten().find_map(|b| match b {
        Block::Para(p) => Some(p.index),
        Block::Table(inner) => first_paragraph(inner),
    })
}

/// Is the cell's text only a paragraph number (`1.1`), as a layout puts in its margin?
fn only_number(text: &str) -> bool {
    typed_number(text).is_some_and(|(_, n)| n >= text.trim_end().len())
}

/// Does the row read as the start of the paper's text: one cell across the row that
/// reads as a heading (`PURPOSE`), or a paragraph number beside its paragraph?
fn starts_text(row: &[Vec<Block>]) -> bool {
    let filled: Vec<&Vec<Block>> = row.iter().filter(|c| !cell_text(c).is_empty()).collect();
    match filled.as_slice() {
        [cell] => cell.iter().any(|b| match b {
            Block::Para(p) => {
                !p.text().trim().is_empty()
                    && (p.heading.is_some() || heading_like(&p.text(), p.all_bold()).is_some())
            }
            Block::Table(_) => false,
        }),
        [first, _, ..] => only_number(&cell_text(first)),
        [] => false,
    }
}

/// The row of the header table where the paper's text starts, after the header's last
/// row (a protective marking across the row is the header's, not text).
fn body_start(rows: &Rows, house: &HouseStyle) -> Option<usize> {
    let label = |row: &Vec<Vec<Block>>| row.first().map(|c| cell_text(c)).unwrap_or_default();
    let last_key = rows
        .iter()
        .rposition(|row| key_for(&label(row), house).is_some())?;
    let marking = |text: &str| {
        house
            .classifications
            .iter()
            .any(|c| normalise(c) == normalise(text))
    };
    (last_key + 1..rows.len()).find(|&r| starts_text(&rows[r]) && !marking(&label(&rows[r])))
}

/// Is this a one-column table holding a heading and text: a layout, not a table of figures?
fn layout(rows: &Rows) -> bool {
    let one_column = rows
        .iter()
        .all(|row| row.iter().filter(|c| !cell_text(c).is_empty()).count() <= 1);
    let paras = || {
        rows.iter().flatten().flatten().filter_map(|b| match b {
            Block::Para(p) if !p.text().trim().is_empty() => Some(p),
            _ => None,
        })
    };
    let heading = paras().any(|p| p.heading.is_some() || heading_like(&p.text(), false) == Some(1));
    let prose =
        paras().any(|p| p.heading.is_none() && heading_like(&p.text(), p.all_bold()).is_none());
    one_column && heading && prose
}

/// The rows' cells' blocks in reading order. A paragraph number in a cell of its own
/// (`1.1` | `The text…`) is put back at the start of its paragraph.
fn rows_to_blocks(rows: &Rows) -> Vec<Block> {
    let mut out = Vec::new();
    for row in rows {
        let mut number: Option<String> = None;
        let filled = row.iter().filter(|c| !cell_text(c).is_empty()).count();
        for (c, cell) in row.iter().enumerate() {
            let text = cell_text(cell);
            if c == 0 && filled >= 2 && only_number(&text) {
                number = Some(text);
                continue;
            }
            let mut blocks = cell.clone();
            if !text.is_empty()
                && let Some(n) = number.take()
                && let Some(Block::Para(p)) = blocks
                    .iter_mut()
                    .find(|b| matches!(b, Block::Para(p) if !p.text().trim().is_empty()))
            {
                p.runs.insert(
                    0,
                    Run::Text {
                        text: format!("{n} "),
                        bold: false,
                        italic: false,
                        strike: false,
                    },
                );
            }
            out.extend(blocks);
        }
    }
    out
}

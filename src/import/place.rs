//! Where a paragraph of the Word document is, for the notes: by its first words, which an
//! author can find in Word, and the line of the paper written it landed on.

use super::docx::{Block, Para};
use super::header::short;

/// Where a paragraph is, for messages: its opening words, which find it in Word.
pub fn place(p: &Para) -> String {
    let text = p.text();
    if text.trim().is_empty() {
        format!("paragraph {} of the Word document", p.index)
    } else {
        format!("the paragraph “{}”", short(&text))
    }
}

/// Where the `at`th paragraph of the Word document (counted from the top, tables' and
/// notes' paragraphs included, as the walk counts them) is, said as [`place`] says it: by
/// its first words, which an author can find in Word, rather than by a count.
pub fn place_at(blocks: &[Block], notes: &[(String, Vec<Block>)], at: usize) -> String {
    match para_at(blocks, notes, at) {
        Some(p) => place(p),
        None => format!("paragraph {at} of the Word document"),
    }
}

/// The `at`th paragraph of the Word document, counted as [`place_at`] counts.
pub fn para_at<'b>(
    blocks: &'b [Block],
    notes: &'b [(String, Vec<Block>)],
    at: usize,
) -> Option<&'b Para> {
    fn find(blocks: &[Block], at: usize) -> Option<&Para> {
        blocks.iter().find_map(|b| match b {
            Block::Para(p) => (p.index == at).then_some(p),
            Block::Table(rows) => rows.iter().flatten().find_map(|cell| find(cell, at)),
        })
    }
    find(blocks, at).or_else(|| notes.iter().find_map(|(_, b)| find(b, at)))
}

/// Where a note about paragraph `p` points in the written Markdown ([`super::Note::at`]):
/// its first words, up to the first character Markdown escapes or 40 bytes, which stand
/// there as they stand in Word; empty (no place) when fewer than two words are left.
pub fn anchor(p: &Para) -> String {
    anchor_text(&p.text())
}

/// [`anchor`] of a paragraph's text.
pub fn anchor_text(text: &str) -> String {
    // A number typed before the words (`2.1 Text`) is clerk's to set: not in the paper.
    let text = match super::typed::typed_number(text) {
        Some((_, len)) => &text[len..],
        None => text,
    };
    let text = text.trim();
    let plain = text
        .find(|c: char| "\\`*_[]<~{&|#>\n".contains(c))
        .unwrap_or(text.len());
    let mut end = plain.min(40);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut head = &text[..end];
    if end < text.len() {
        head = head.rsplit_once(' ').map_or("", |(h, _)| h);
    }
    let head = head.trim();
    if head.split_whitespace().count() >= 2 {
        head.to_string()
    } else {
        String::new()
    }
}

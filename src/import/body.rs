//! The body after the header table → sections: headings (Word styles or bold capitals),
//! paragraph numbers removed, lists and tables, implications and recommendations picked out.

use std::collections::HashSet;

use crate::config::HouseStyle;

use super::Note;
use super::docx::{Block, Para, Run};
use super::emit::place;
use super::header::{normalise, short};
use super::heading::{
    acronyms_in, check_implications, check_order, closes_as_implication, heading_like, kind_of,
    list_style, near_match, tidy_heading,
};
use super::typed::{
    heading_number, letter_after, letter_mark, starts_with_a_figure, sub_paragraph,
    sub_paragraphs_note, typed_item, typed_number,
};

/// One piece of a section.
#[derive(Debug, Clone)]
pub enum Unit {
    /// `##` sub-heading.
    SubHeading(Para),
    /// A paragraph, with the number the document gave it (typed or automatic).
    Para(Para, Option<String>),
    /// A list item: level (0 = top), ordered, its number.
    Item(Para, u8, bool, u32),
    /// A table: rows of cells; the paragraph is where it sits, for messages.
    Table(Vec<Vec<Vec<Block>>>, Para),
}

impl Unit {
    /// A picture standing alone, which clerk sets without a number.
    pub fn is_lone_image(&self) -> bool {
        let Unit::Para(p, _) = self else {
            return false;
        };
        let solid: Vec<&Run> = p
            .runs
            .iter()
            .filter(|r| !matches!(r, Run::Text { text, .. } if text.trim().is_empty()))
            .collect();
        matches!(solid.as_slice(), [Run::Image { .. }])
    }
}

/// Which part of the paper a section is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Text before the first heading.
    Preamble,
    /// A body section; `true` when the house leaves it unnumbered.
    Body(bool),
    /// An implication, by key.
    Implication(String),
    /// The closing recommendations.
    Recommendations,
    /// Part of the `n`th appendix written at the end of the document (`true`: the section
    /// its heading starts; see [`super::appendix::mark`]).
    Appendix(usize, bool),
}

/// A section: its kind, heading (as written, number removed) and content.
#[derive(Debug, Clone)]
pub struct Section {
    /// What it is.
    pub kind: Kind,
    /// The heading text; empty for the preamble.
    pub heading: String,
    /// The number the document gave the heading.
    pub number: Option<String>,
    /// Content.
    pub units: Vec<Unit>,
}

fn strip_prefix(p: &mut Para, mut bytes: usize) {
    for r in &mut p.runs {
        if bytes == 0 {
            return;
        }
        let Run::Text { text, .. } = r else {
            return;
        };
        if text.len() <= bytes {
            bytes -= text.len();
            text.clear();
        } else {
            let n = (0..=bytes)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            text.replace_range(..n, "");
            bytes = 0;
        }
    }
}

/// Sorts the body's blocks into sections, and the appendices written after them.
pub fn sections(
    blocks: &[Block],
    house: &HouseStyle,
    notes: &mut Vec<Note>,
) -> (Vec<Section>, Vec<super::appendix::Found>) {
    let top = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) if !p.title_style => p.heading,
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let mut out = vec![Section {
        kind: Kind::Preamble,
        heading: String::new(),
        number: None,
        units: Vec::new(),
    }];
    let acronyms: HashSet<String> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(p.text()),
            Block::Table(_) => None,
        })
        .flat_map(|t| acronyms_in(&t).collect::<Vec<_>>())
        .collect();
    // Bold lines are the paper's sections when nothing else is: no heading styles and no
    // body section headed in capitals (a paper whose sections are `Purpose`, `Background`
    // in bold, even with `RECOMMENDATIONS` in capitals at its foot).
    let bold_sections = !blocks.iter().any(|b| match b {
        Block::Para(p) if !p.title_style && p.label.is_none() && !list_style(&p.style) => {
            let text = p.text();
            p.heading.is_some()
                || (heading_like(&text, false) == Some(1)
                    && matches!(kind_of(&text, house).0, Kind::Body(false))
                    && !house
                        .classifications
                        .iter()
                        .any(|c| normalise(c) == normalise(&text)))
        }
        _ => false,
    });
    let mut last_para = Para::default();
    // Items of lists Word letters or numbers in Roman (`a)`, `(ii)`): how many, and the
    // first's label and paragraph.
    let mut lettered: Option<(usize, String, Para)> = None;
    // The letter of the typed list item just before (`(h)` is 8), so a `(i)` after it is
    // read as the letter, not the numeral.
    let mut last_letter: Option<u32> = None;
    // The first paragraph joined to the numbered one before it (see `continues`).
    let mut joined: Option<String> = None;
    // The first paragraph numbered three levels deep (`2.1.3`), its number and text.
    let mut deep: Option<(String, String)> = None;
    for b in blocks {
        let letter_before = last_letter.take();
        let p = match b {
            Block::Table(rows) => {
                let here = last_para.clone();
                push(&mut out, Unit::Table(rows.clone(), here));
                continue;
            }
            Block::Para(p) => p,
        };
        let text = p.text();
        let has_image = p.runs.iter().any(|r| matches!(r, Run::Image { .. }));
        if text.trim().is_empty() && !has_image {
            continue;
        }
        // A protective marking repeated in the body (as at the foot of a page) is clerk's to set.
        if house
            .classifications
            .iter()
            .any(|c| normalise(c) == normalise(&text))
        {
            continue;
        }
        last_para = p.clone();
        let mut p = p.clone();
        let auto = p.label.clone();
        let numbered_label = auto
            .as_ref()
            .filter(|l| !l.bullet)
            .and_then(|l| typed_number(&format!("{} ", l.text)))
            .map(|(n, _)| n);
        // A list item typed by hand (`•<tab>text`, `(a)<tab>text`): an item, as Word's own.
        if auto.is_none()
            && let Some((ordered, value, len)) = typed_item(&text)
        {
            // `(i)` after `(h)` is the letter, not the numeral.
            let letter = letter_after(&text, letter_before).or_else(|| letter_mark(&text));
            let value = letter.unwrap_or(value);
            last_letter = letter;
            strip_prefix(&mut p, len);
            if ordered {
                let label = text[..len].trim().to_string();
                lettered.get_or_insert((0, label, p.clone())).0 += 1;
            }
            push(&mut out, Unit::Item(p, 0, ordered, value));
            continue;
        }
        let typed = if auto.is_none() {
            typed_number(&text)
                // `2.3 million calls…`: the paragraph's first words, not its number.
                // As written, before a `1.0`'s `.0` is dropped: `2.0 million` is a figure too.
                .filter(|(_, len)| {
                    let written = text.split_whitespace().next().unwrap_or("");
                    let written = written.trim_end_matches('.');
                    written.matches('.').count() != 1 || !starts_with_a_figure(&text, *len)
                })
                .or_else(|| heading_number(&text))
        } else {
            None
        };
        let stripped_text = match &typed {
            Some((_, n)) => text[*n..].to_string(),
            None => text.clone(),
        };
        let style_level = p.heading.map(|l| if l <= top { 1 } else { 2 });
        // A list item is never a heading, however it is written ("CCTV" as a bullet).
        let listed = list_style(&p.style)
            || auto
                .as_ref()
                .is_some_and(|l| l.bullet || l.text.chars().any(char::is_alphabetic));
        let level = style_level.or_else(|| {
            if has_image || listed {
                return None;
            }
            let lvl = heading_like(&stripped_text, p.all_bold())?;
            // Numbered as a section is (`2.`, typed or by Word's numbering), named as one
            // (`Purpose`, `Recommendations`, any `… Implications`), or bold where bold
            // lines are the sections: a section, whatever its case.
            let numbered_single = typed
                .as_ref()
                .map(|(n, _)| n)
                .or(numbered_label.as_ref())
                .is_some_and(|n| !n.contains('.'));
            let named = !matches!(kind_of(&stripped_text, house).0, Kind::Body(false))
                || closes_as_implication(&stripped_text);
            Some(if numbered_single || named || bold_sections {
                1
            } else {
                lvl
            })
        });
        let number = numbered_label
            .clone()
            .or(typed.as_ref().map(|(n, _)| n.clone()));
        if let Some((n, len)) = &typed
            && (level.is_some() || n.contains('.'))
        {
            strip_prefix(&mut p, *len);
        }
        match level {
            Some(1) => {
                let heading = tidy_heading(stripped_text.trim(), house, &acronyms);
                let (kind, near) = kind_of(&heading, house);
                if let (Kind::Implication(key), Some(h)) = (&kind, near) {
                    notes.push(near_match(&heading, &h, key));
                }
                out.push(Section {
                    kind,
                    heading,
                    number,
                    units: Vec::new(),
                });
            }
            Some(_) => push(&mut out, Unit::SubHeading(p)),
            None => match auto {
                Some(l) if numbered_label.as_deref().is_none_or(|n| !n.contains('.')) => {
                    if !l.bullet && l.text.chars().any(|c| c.is_ascii_alphabetic()) {
                        let first = (0, l.text.clone(), p.clone());
                        lettered.get_or_insert(first).0 += 1;
                    }
                    push(&mut out, Unit::Item(p, l.level, !l.bullet, l.value));
                }
                _ => {
                    let number = number.filter(|n| n.contains('.'));
                    if let Some(n) = &number
                        && let Some((level, value)) = sub_paragraph(n)
                    {
                        deep.get_or_insert_with(|| (n.clone(), p.text().trim().to_string()));
                        push(&mut out, Unit::Item(p, level, true, value));
                        continue;
                    }
                    if number.is_none() && continues(&out, &p) {
                        // A numbered paragraph that Word's page break parted: one again.
                        if let Some(Unit::Para(before, _)) =
                            out.last_mut().and_then(|s| s.units.last_mut())
                        {
                            joined.get_or_insert_with(|| p.text().trim().to_string());
                            before.runs.push(Run::Text {
                                text: " ".into(),
                                bold: false,
                                italic: false,
                                strike: false,
                            });
                            before.runs.extend(p.runs);
                        }
                        continue;
                    }
                    push(&mut out, Unit::Para(p, number));
                }
            },
        }
    }
    if out[0].units.is_empty() {
        out.remove(0);
    } else if let Some(Unit::Para(p, _) | Unit::Item(p, ..)) = out[0].units.first() {
        notes.push(
            Note::warning(
                "import-no-heading",
                format!("the text from {} comes before the first heading", place(p)),
            )
            .help("clerk's sections start with a heading (`# Purpose`); add one or move the text"),
        );
    }
    if let Some((n, label, p)) = lettered {
        notes.push(
            Note::warning(
                "import-list-letters",
                format!(
                    "{} list item{} lettered or numbered in Roman in Word (the first `{label}`, at {}) {} numbered 1, 2, 3 in the paper: Markdown lists count in numbers",
                    n,
                    if n == 1 { "" } else { "s" },
                    place(&p),
                    if n == 1 { "is" } else { "are" },
                ),
            )
            .help("where the text cites an item by its letter (“option (b)”), change the citation, or write the letters into the items' text as a bulleted list")
            .at(super::emit::anchor(&p)),
        );
    }
    if let Some(first) = joined {
        notes.push(
            Note::warning(
                "import-joined",
                format!("the paragraph “{}” has no number and the numbered one before it stops mid-sentence, as a page break in Word leaves them: it is joined to it", short(&first)),
            )
            .help("check the paragraph reads as one; if it is a paragraph of its own, put a blank line before it in the Markdown")
            .at(super::emit::anchor_text(&first)),
        );
    }
    notes.extend(deep.as_ref().map(sub_paragraphs_note));
    // What stands after the recommendations under "Appendix A …" is the appendices.
    let found = super::appendix::mark(&mut out);
    super::implications::split(&mut out, house);
    check_order(&out, notes);
    check_implications(&out, house, notes);
    (out, found)
}

/// Does `p`, a paragraph without a number, carry on the numbered paragraph last pushed:
/// that one stops mid-sentence (no full stop, colon or the like at its end) and `p` starts
/// in lower case, as the two halves of a paragraph a page break parted do?
fn continues(out: &[Section], p: &Para) -> bool {
    let Some(Unit::Para(before, Some(_))) = out.last().and_then(|s| s.units.last()) else {
        return false;
    };
    let (before, text) = (before.text(), p.text());
    let stops = before
        .trim_end()
        .ends_with(['.', ':', ';', '?', '!', ')', '"', '”', '’']);
    !before.trim().is_empty()
        && !stops
        && text
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

fn push(out: &mut [Section], unit: Unit) {
    if let Some(s) = out.last_mut() {
        s.units.push(unit);
    }
}

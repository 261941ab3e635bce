//! The Markdown of an imported paper's parts: a section's paragraphs, sub-headings, lists
//! and tables, and the definitions of the footnotes they refer to.

use std::collections::HashSet;

use crate::import::Note;
use crate::import::body::Unit;
use crate::import::docx::Block;
use crate::import::emit::{Emitter, escape, escape_start};

/// The Markdown of a section's units.
pub(super) fn units<'l>(
    units: &[Unit],
    em: &mut Emitter,
    label_of: &dyn Fn(usize) -> Option<&'l String>,
) -> String {
    let mut out = String::new();
    let mut list: Vec<usize> = Vec::new();
    // Per list level, the last ordered item's number and delimiter: a number that starts
    // again (a second Word list straight after the first) must start a new Markdown list,
    // which a change of delimiter (`1.` → `1)`) does; else they would run on as one.
    let mut ordered_at: Vec<Option<(u32, bool)>> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        let in_list = matches!(u, Unit::Item(..));
        if !out.is_empty() {
            out.push_str(if in_list && !list.is_empty() {
                "\n"
            } else {
                "\n\n"
            });
        }
        if !in_list {
            list.clear();
            ordered_at.clear();
        }
        match u {
            Unit::Para(p, _) => {
                out.push_str(&em.paragraph(p));
                if let Some(label) = label_of(i) {
                    out.push_str(&format!(" {{#{label}}}"));
                }
            }
            Unit::SubHeading(p) => out.push_str(&format!("## {}", escape(p.text().trim()))),
            Unit::Item(p, level, ordered, value) => {
                let level = usize::from(*level).min(list.len());
                list.truncate(level);
                ordered_at.resize(level + 1, None);
                let indent: usize = list.iter().sum();
                let marker = if *ordered {
                    let paren = match ordered_at[level] {
                        Some((last, paren)) if *value <= last => !paren,
                        Some((_, paren)) => paren,
                        None => false,
                    };
                    ordered_at[level] = Some((*value, paren));
                    format!("{value}{}", if paren { ')' } else { '.' })
                } else {
                    ordered_at[level] = None;
                    "-".to_string()
                };
                list.push(marker.len() + 1);
                let text = em.inline(&p.runs, p, " ");
                out.push_str(&format!(
                    "{}{marker} {}",
                    " ".repeat(indent),
                    escape_start(text.trim())
                ));
            }
            Unit::Table(rows, p) => out.push_str(em.table(rows, p).trim_end()),
        }
    }
    out
}

/// The definitions of the footnotes referred to from the `from`-th on (and of those their
/// own text refers to), but those already `placed`, which these join.
pub(super) fn footnote_defs(
    footnotes: &[(String, Vec<Block>)],
    em: &mut Emitter,
    notes: &mut Vec<Note>,
    (from, placed): (usize, &mut HashSet<usize>),
) -> String {
    let mut out = String::new();
    let mut done = from;
    while done < em.footnotes.len() {
        let id = em.footnotes[done].clone();
        done += 1;
        if !placed.insert(done) {
            continue;
        }
        let Some((_, blocks)) = footnotes.iter().find(|(i, _)| *i == id) else {
            notes.push(
                Note::warning(
                    "import-missing-part",
                    format!("footnote {done} is referred to but not in the document"),
                )
                .at(format!("[^{done}]")),
            );
            continue;
        };
        let paras: Vec<String> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some(em.paragraph(p)),
                Block::Table(_) => None,
            })
            .filter(|t| !t.is_empty())
            .collect();
        out.push_str(&format!("\n\n[^{done}]: {}", paras.join("\n\n    ")));
    }
    out
}

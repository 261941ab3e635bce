//! "See section 3": a citation of a section by the number Word gave it, which clerk
//! numbers otherwise (Word numbers PURPOSE `1`, clerk leaves it unnumbered). Each such
//! citation becomes a cross-reference to the section's heading (`[](#word-section-3)`,
//! which the paper shows as `section 2`), as "paragraph 2.1" does to its paragraph.

use std::collections::HashMap;

use super::Note;
use super::body::{Kind, Section};

/// The spans of `text` that cite one section by its number: `section 3`, `Section 3` (the
/// word and the number, which the cross-reference shows together), with the number.
/// Several sections at once (`sections 3 and 4`) are left as they are.
pub fn section_spans(text: &str) -> Vec<(usize, usize, String)> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find("section ") {
        let start = from + i;
        let after = start + "section ".len();
        from = after;
        if text[..start].ends_with(char::is_alphanumeric) {
            continue;
        }
        let digits = text[after..].bytes().take_while(u8::is_ascii_digit).count();
        let end = after + digits;
        // `section 3` alone: not `section 3.2` (a paragraph), `section 3a` or `section 30m`.
        let next = text[end..].chars().next();
        let whole = next.is_none_or(|c| !c.is_alphanumeric() && c != '.')
            || text[end..].starts_with(". ")
            || text[end..] == *".";
        if digits == 0 || digits > 3 || !whole {
            continue;
        }
        out.push((start, end, text[after..end].to_string()));
    }
    out
}

/// The label of each body section a citation names, by the number Word gave it
/// (`3` → `word-section-3`), for the sections `cited`.
pub fn labels(sections: &[Section], cited: &[String]) -> HashMap<String, String> {
    sections
        .iter()
        .filter(|s| matches!(s.kind, Kind::Body(_)))
        .filter_map(|s| s.number.as_ref())
        .filter(|n| cited.contains(n))
        .map(|n| (n.clone(), format!("word-section-{n}")))
        .collect()
}

/// The note for a citation of section `n` that no body section has: one set from the front
/// matter (an implication, the recommendations) or none at all. Left as text, said.
pub fn missing(n: &str, sections: &[Section]) -> Note {
    let there = sections
        .iter()
        .find(|s| s.number.as_deref() == Some(n) && !matches!(s.kind, Kind::Body(_)));
    let message = match there {
        Some(s) => format!(
            "the text cites section {n}, “{}”, now set from the front matter, where a citation cannot follow it; it is left as text, and clerk numbers the sections otherwise",
            s.heading
        ),
        None => format!(
            "the text cites section {n}, which the Word document does not have; it is left as text"
        ),
    };
    Note::warning("import-cross-ref", message)
        .help("cite it by name (“the financial implications”), or label the heading meant with `{#label}` and cite it as `[](#label)`")
        .at(format!("section {n}"))
}

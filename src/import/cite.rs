//! Citations by number, which clerk's numbers may not follow: "paragraph 2.1" (its spans,
//! made cross-references to the paragraph Word numbered so) and "see section 3", a section
//! by the number Word gave it (Word numbers PURPOSE `1`, clerk leaves it unnumbered): made
//! a cross-reference to the section's heading (`[](#word-section-3)`, which the paper shows
//! as `section 2`).

use std::collections::HashMap;

use super::Note;
use super::body::{Kind, Section};

/// The byte spans of the numbers `text` cites as paragraphs: each number of "paragraph
/// 2.1", "paragraphs 2.1 and 2.2", "paras 2.1, 2.2", "paragraphs 2.1 to 2.3" or "2.1–2.3".
pub fn ref_spans(text: &str) -> Vec<(usize, usize)> {
    const JOINS: &[&str] = &[
        ", and ", " and ", " to ", " & ", " or ", " – ", " - ", ", ", "–", "-", ",",
    ];
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find("para") {
        let start = from + i;
        let mut j = start + 4;
        for part in ["graph", "s", "."] {
            if lower[j..].starts_with(part) {
                j += part.len();
            }
        }
        let word_ok = (start == 0 || !text[..start].ends_with(char::is_alphanumeric))
            && !text[j..].starts_with(char::is_alphanumeric);
        from = j;
        if !word_ok {
            continue;
        }
        let mut k = j;
        loop {
            let gap = text[k..].len() - text[k..].trim_start_matches([' ', '\u{a0}']).len();
            let n_start = k + gap;
            let len = text[n_start..]
                .find(|c: char| !c.is_ascii_digit() && c != '.')
                .unwrap_or(text.len() - n_start);
            let number = text[n_start..n_start + len].trim_end_matches('.');
            if (k == j && gap == 0) || !number.contains('.') || number.starts_with('.') {
                break;
            }
            out.push((n_start, n_start + number.len()));
            k = n_start + number.len();
            match JOINS.iter().find(|s| lower[k..].starts_with(*s)) {
                Some(s) => k += s.len(),
                None => break,
            }
        }
    }
    out
}

/// The spans of `text` that cite one section by its number: `section 3`, `Section 3` (the
/// word and the number, which the cross-reference shows together), with the number.
/// Several sections at once (`sections 3 and 4`) are left as they are, and so is a section
/// of something else (`section 2 of the … Act`).
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
        // `section 2 of the Local Government Act 2000` cites an Act, not the paper.
        let of_an_act = text[end..]
            .trim_start()
            .get(..3)
            .is_some_and(|w| w.eq_ignore_ascii_case("of "));
        if digits == 0 || digits > 3 || !whole || of_an_act {
            continue;
        }
        out.push((start, end, text[after..end].to_string()));
    }
    out
}

/// The label of each numbered body section a citation names, by the number Word gave it
/// (`3` → `word-section-3`), for the sections `cited`; none for a number two sections
/// have (which one is meant cannot be told) or a section the house leaves unnumbered
/// (which a cross-reference cannot cite by number).
pub fn labels(sections: &[Section], cited: &[String]) -> HashMap<String, String> {
    let numbered = |n: &String| {
        sections
            .iter()
            .filter(|s| s.number.as_ref() == Some(n))
            .count()
    };
    sections
        .iter()
        .filter(|s| s.kind == Kind::Body(false))
        .filter_map(|s| s.number.as_ref())
        .filter(|n| cited.contains(n) && numbered(n) == 1)
        .map(|n| (n.clone(), format!("word-section-{n}")))
        .collect()
}

/// Does the document number any section `n` or higher? A citation of a section past its
/// last (`section 106`) is of something else, and left as it is without a word.
pub fn in_range(n: &str, sections: &[Section]) -> bool {
    let Ok(n) = n.parse::<u32>() else {
        return false;
    };
    (sections.iter())
        .filter_map(|s| s.number.as_ref()?.parse::<u32>().ok())
        .any(|m| m >= n)
}

/// The note for a citation of section `n` that no numbered body section has alone: one set
/// from the front matter (an implication, the recommendations), one the house leaves
/// unnumbered, two sections or none. Left as text, said.
pub fn missing(n: &str, sections: &[Section]) -> Note {
    let there: Vec<&Section> = (sections.iter())
        .filter(|s| s.number.as_deref() == Some(n))
        .collect();
    let message = match there.as_slice() {
        [s] if s.kind == Kind::Body(true) => format!(
            "the text cites section {n}, “{}”, which clerk leaves unnumbered; it is left as text, and clerk numbers the sections otherwise",
            s.heading
        ),
        [s] => format!(
            "the text cites section {n}, “{}”, now set from the front matter, where a citation cannot follow it; it is left as text, and clerk numbers the sections otherwise",
            s.heading
        ),
        [_, _, ..] => format!(
            "the text cites section {n}, but the Word document numbers two sections {n}; it is left as text"
        ),
        [] => format!(
            "the text cites section {n}, which the Word document does not have; it is left as text"
        ),
    };
    Note::warning("import-cross-ref", message)
        .help("cite it by name (“the financial implications”), or label the heading meant with `{#label}` and cite it as `[](#label)`")
        .at(format!("section {n}"))
}

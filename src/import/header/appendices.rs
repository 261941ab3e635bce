//! The header's appendix row read into appendix titles (`Yes – Appendix A – Survey`), with
//! a placeholder title, and a note saying so, for an appendix the row names but does not
//! title.

use super::normalise;
use crate::import::Note;

/// `Yes – Appendix A – One; Appendix B – Two` → `[One, Two]`; `No` → `[]`; `Yes` or
/// `Yes – Appendix A` alone → `[Appendix A]`, a placeholder (see [`untitled`]).
pub fn appendices(value: &str) -> Vec<String> {
    let v = value.trim();
    let norm = normalise(v);
    if norm.is_empty() || norm == "no" || norm == "none" || norm == "n a" || norm.starts_with("no ")
    {
        return Vec::new();
    }
    let dash = |c: char| matches!(c, '–' | '—' | '-' | ':' | ',' | ';') || c.is_whitespace();
    let rest = if norm.starts_with("yes") {
        // Past `Yes` (and anything before it that is not a letter), on char boundaries.
        let t = v.trim_start_matches(|c: char| !c.is_alphanumeric());
        t.char_indices()
            .nth(3)
            .map_or("", |(i, _)| &t[i..])
            .trim_start_matches(dash)
    } else {
        v
    };
    let mut titles = Vec::new();
    // ASCII lower case keeps every byte where it was: the offsets found index `rest`.
    let lower = rest.to_ascii_lowercase();
    // Where each `Appendix A`, `Annex 1`, `Annexe ii` starts, with its word's length: a
    // word, a space, then a label of a letter, a number or a Roman numeral.
    let mut starts: Vec<(usize, usize)> = ["appendix ", "annexe ", "annex "]
        .into_iter()
        .flat_map(|w| lower.match_indices(w).map(move |(i, _)| (i, w.len())))
        .filter(|&(i, len)| {
            let after = &rest[i + len..];
            let id: String = after
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            let next = after[id.len()..].chars().next();
            (1..=4).contains(&id.len()) && next.is_none_or(dash)
        })
        .collect();
    // `annex ` is inside `annexe `'s matches only when followed by `e`: no double counting.
    starts.sort_unstable();
    starts.dedup_by_key(|(i, _)| *i);
    // `Yes – see attached`: words that point at the appendix rather than name it.
    let pointer = matches!(
        normalise(rest).as_str(),
        "see attached" | "attached" | "as attached" | "enclosed" | "see below" | "see appendix"
    );
    if starts.is_empty() && (rest.trim().is_empty() || pointer) {
        return vec!["Appendix A".to_string()];
    }
    // `Yes (2)`, `Yes – two`, `Yes – Appendices A and B`: so many, untitled.
    if let Some(n) = counted(rest) {
        return (0..n).map(placeholder).collect();
    }
    if starts.is_empty() {
        return rest
            .split(';')
            .map(|t| t.trim().trim_end_matches(['.', ',']).trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
    }
    starts.push((rest.len(), 0));
    for w in starts.windows(2) {
        let ((at, len), (next, _)) = (w[0], w[1]);
        let part = &rest[at + len..next];
        let id: String = part
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let title = part[id.len()..]
            .trim_start_matches(dash)
            .trim()
            .trim_end_matches([';', ',', '.'])
            .trim();
        // `Appendix A (Action Plan)`: the title without its brackets.
        let title = [('(', ')'), ('[', ']')]
            .iter()
            .find_map(|(open, close)| {
                let inner = title.strip_prefix(*open)?.strip_suffix(*close)?;
                (!inner.contains([*open, *close])).then_some(inner.trim())
            })
            .unwrap_or(title);
        if !title.is_empty() {
            titles.push(title.to_string());
        } else {
            // `Appendix A` with no title: a placeholder, so the paper still says Yes.
            titles.push(format!("Appendix {}", id.to_uppercase()));
        }
    }
    titles
}

/// How many appendices an appendix row's words after `Yes` count without titling them: a
/// number (`(2)`, `2`, `two`) or letters (`Appendices A and B`, `Appendices A, B and C`).
fn counted(rest: &str) -> Option<usize> {
    let words = normalise(rest);
    const NUMBERS: [&str; 9] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    if let Some(n) = NUMBERS.iter().position(|w| *w == words) {
        return Some(n + 1);
    }
    if let Ok(n) = words.parse::<usize>() {
        return (1..=26).contains(&n).then_some(n);
    }
    let letters = words.strip_prefix("appendices ")?;
    let letters: Vec<&str> = letters.split(' ').filter(|w| *w != "and").collect();
    let single = |w: &&str| w.len() == 1 && w.bytes().all(|b| b.is_ascii_lowercase());
    (letters.len() >= 2 && letters.iter().all(single)).then_some(letters.len())
}

/// The placeholder title of the `i`th appendix (from 0): `Appendix A`, `Appendix B`, ….
fn placeholder(i: usize) -> String {
    format!("Appendix {}", crate::document::compile::appendix_letter(i))
}

/// The note that `source` (the header's row, or the Word document) gives no title for the
/// appendices of `titles` that have a placeholder; `None` when none has.
pub fn untitled_note(source: &str, titles: &[String]) -> Option<Note> {
    let names: Vec<&str> = titles
        .iter()
        .filter(|t| untitled(t))
        .map(String::as_str)
        .collect();
    let first = names.first()?;
    Some(
        Note::warning(
            "import-appendix-title",
            format!("{source} gives no title for {}, so the paper has the placeholder title “{first}” until you give it one", names.join(", ")),
        )
        .help("write each appendix's title (and its `file:`, a PDF or Markdown file beside the paper) under `appendices:` in the front matter")
        .at(format!("title: {first}")),
    )
}

/// Is `title` a placeholder [`appendices`] wrote for an appendix given no title?
pub fn untitled(title: &str) -> bool {
    title.strip_prefix("Appendix ").is_some_and(|id| {
        let mut c = id.chars();
        c.next().is_some_and(char::is_alphanumeric) && c.next().is_none()
    })
}

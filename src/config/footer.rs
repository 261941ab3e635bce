//! The PDF footer's lines (`pdf.footer`): the `{key}` fields they may name, checked when
//! clerk.yaml is read so that a misspelt field is an error at its place, and a line filled
//! in from one paper's values.

use std::ops::Range;
use std::path::Path;

use super::HouseStyle;
use super::place::piece_in_value;
use crate::diag::{self, Diagnostic};
use crate::schema::Key;
use crate::yaml::{self, Value};

/// Paper keys that are whole sections, not a line of text: no footer can show them.
const SECTIONS: [Key; 2] = [Key::Recommendations, Key::Implications];

/// A piece of a footer line: text as written, or a `{field}` with its byte range in the line.
#[derive(Debug, PartialEq)]
enum Piece<'a> {
    Text(&'a str),
    Field(&'a str, Range<usize>),
}

/// The `{field}`s of `line` (a footer line or `words.page`): each name (trimmed) and byte
/// range, braces included; `Err` with the offset of a `{` never closed (`{n of {total}`).
pub(super) fn fields_in(line: &str) -> Result<Vec<(&str, Range<usize>)>, usize> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = line[at..].find('{').map(|o| at + o) {
        let close = line[open..].find('}').ok_or(open)? + open;
        if line[open + 1..close].contains('{') {
            return Err(open);
        }
        out.push((line[open + 1..close].trim(), open..close + 1));
        at = close + 1;
    }
    Ok(out)
}

/// The line's pieces; `Err` with the byte offset of a `{` that is never closed.
fn pieces(line: &str) -> Result<Vec<Piece<'_>>, usize> {
    let mut out = Vec::new();
    let mut at = 0;
    for (name, range) in fields_in(line)? {
        out.push(Piece::Text(&line[at..range.start]));
        at = range.end;
        out.push(Piece::Field(name, range));
    }
    out.push(Piece::Text(&line[at..]));
    Ok(out)
}

/// The fields a footer line may name: every one-line paper key and the house's own fields.
pub fn fields(house: &HouseStyle) -> Vec<&str> {
    let name = |k: Key| -> &str { k.name() };
    let keys = Key::ALL.into_iter().filter(|k| !SECTIONS.contains(k));
    keys.map(name)
        .chain(house.extra_fields.iter().map(|f| f.key.as_str()))
        .collect()
}

/// Where each of the project's own footer lines starts and ends in clerk.yaml, in order
/// (`None` where the tree has no positions, as in the quick first reading).
pub fn positions(own: &yaml::Node) -> Vec<Option<Range<usize>>> {
    match own
        .get("pdf")
        .and_then(|p| p.get("footer"))
        .map(|f| &f.value)
    {
        Some(Value::Seq(lines)) => lines.iter().map(|l| l.pos.span()).collect(),
        _ => Vec::new(),
    }
}

/// An error for each footer field no paper has, and each `{` left open, at its place in
/// `text` when `at` (from [`positions`]) knows where the line stands.
pub fn check(
    house: &HouseStyle,
    at: &[Option<Range<usize>>],
    text: &str,
    file: &Path,
) -> Vec<Diagnostic> {
    let allowed = fields(house);
    let listed = allowed
        .iter()
        .map(|f| format!("{{{f}}}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut diags = Vec::new();
    for (i, line) in house.pdf.footer.iter().enumerate() {
        // The bytes `range` of the line, found in the file's text within the line's node.
        let place =
            |range: Range<usize>| piece_in_value(text, at.get(i).cloned().flatten()?, &line[range]);
        let pieces = match pieces(line) {
            Ok(pieces) => pieces,
            Err(open) => {
                let d = Diagnostic::file_error(
                    "house-style",
                    file,
                    format!("the PDF footer line \"{line}\" opens a `{{` that is never closed"),
                )
                .with_help("write each field with a brace on both sides, e.g. `{title}`");
                diags.push(match place(open..line.len()) {
                    Some(span) => d.with_span(span),
                    None => d,
                });
                continue;
            }
        };
        for piece in pieces {
            let Piece::Field(name, range) = piece else {
                continue;
            };
            if allowed.contains(&name) {
                continue;
            }
            let message = if SECTIONS.iter().any(|k| k.name() == name) {
                format!(
                    "`{{{name}}}` is a whole section of the paper and cannot fit in the one-line PDF footer"
                )
            } else {
                format!(
                    "the PDF footer names `{{{name}}}`, which is not a field a paper has, so it could never be filled in"
                )
            };
            let help = match diag::did_you_mean(name, allowed.iter().copied()) {
                Some(near) => format!("did you mean `{{{near}}}`? The footer can show {listed}"),
                None => format!(
                    "the footer can show {listed}; a field of the house's own is declared under `extra_fields` first"
                ),
            };
            let d = Diagnostic::file_error("house-style", file, message).with_help(help);
            diags.push(match place(range) {
                Some(span) => d.with_span(span),
                None => d,
            });
        }
    }
    diags
}

/// How many of a footer line's fields a paper fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filled {
    /// Every one (or the line has none).
    All,
    /// Some, not all.
    Some,
    /// Not one: the line says nothing about the paper.
    None,
}

/// `line` with its fields filled in by `value`, and how many had a value. A field
/// without one is left out with the separator after it (or, at the end of the line,
/// before it), so `{meeting} – {location}` becomes `Cabinet`, not `Cabinet –`.
pub fn fill(line: &str, value: impl Fn(&str) -> Option<String>) -> (String, Filled) {
    let Ok(pieces) = pieces(line) else {
        return (line.to_string(), Filled::All);
    };
    let mut parts: Vec<(String, bool)> = Vec::new(); // (text, is an empty field)
    for piece in pieces {
        match piece {
            Piece::Text(t) => parts.push((t.to_string(), false)),
            Piece::Field(name, _) => match value(name).filter(|v| !v.trim().is_empty()) {
                Some(v) => parts.push((v, false)),
                None => parts.push((String::new(), true)),
            },
        }
    }
    let fields = parts.len() / 2;
    let holes = parts.iter().filter(|(_, hole)| *hole).count();
    if holes == 0 {
        return (parts.into_iter().map(|(t, _)| t).collect(), Filled::All);
    }
    let filled = if holes == fields {
        Filled::None
    } else {
        Filled::Some
    };
    let mark = |c: char| c.is_whitespace() || "–—-,;:|/·•".contains(c);
    let separator = |t: &str| t.chars().all(mark);
    let last = parts.len() - 1;
    for i in 0..parts.len() {
        if !parts[i].1 {
            continue;
        }
        // The text after the field (pieces alternate text, field, text) unless nothing
        // written follows it, then the text before.
        let after_rest = parts[i + 1..].iter().any(|(t, _)| !separator(t));
        let side = if after_rest && i < last { i + 1 } else { i - 1 };
        if separator(&parts[side].0) {
            parts[side].0.clear();
        }
    }
    let joined: String = parts.into_iter().map(|(t, _)| t).collect();
    let tidy = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    (tidy.trim_matches(mark).to_string(), filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(line: &str, values: &[(&str, &str)]) -> (String, Filled) {
        fill(line, |k| {
            values
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn a_line_is_filled_and_an_empty_field_takes_its_separator_with_it() {
        let all = [
            ("meeting", "Cabinet"),
            ("location", "Town Hall"),
            ("n", "7"),
        ];
        assert_eq!(
            with("Report {n} – {meeting}", &all),
            ("Report 7 – Cabinet".into(), Filled::All)
        );
        let some = [("meeting", "Cabinet"), ("n", "")];
        assert_eq!(
            with("{meeting} – {location}", &some),
            ("Cabinet".into(), Filled::Some)
        );
        assert_eq!(
            with("{location} – {meeting}", &some),
            ("Cabinet".into(), Filled::Some)
        );
        assert_eq!(
            with("{meeting} – {location} – {meeting}", &some),
            ("Cabinet – Cabinet".into(), Filled::Some)
        );
        assert_eq!(
            with("Ref {n} {location} {meeting}", &some),
            ("Ref Cabinet".into(), Filled::Some)
        );
        assert_eq!(with("{location}", &some), (String::new(), Filled::None));
        assert_eq!(with("Report {n}", &some), ("Report".into(), Filled::None));
        assert_eq!(with("Loch Ard Council", &some).1, Filled::All);
    }

    #[test]
    fn fields_are_read_with_their_places_and_an_open_brace_is_found() {
        assert_eq!(
            pieces("Item {agenda_item}!").unwrap(),
            vec![
                Piece::Text("Item "),
                Piece::Field("agenda_item", 5..18),
                Piece::Text("!")
            ]
        );
        assert_eq!(pieces("Report {number"), Err(7));
    }
}

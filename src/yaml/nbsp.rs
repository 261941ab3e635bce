//! Non-breaking spaces where YAML wants a plain one, as Word and Outlook paste them: after
//! a key's colon (`meeting:<nbsp>Resources Committee`) or in a line's indentation. YAML
//! reads neither as a space, so the line is misread and the parser's own message points
//! elsewhere (the next line, or "no `: ` after its key" on a line that visibly has one).
//! Each such line is reported where the space is, and the text read again with two plain
//! spaces in its place (the same bytes' length, so the tree points into the text as written).

use std::path::Path;

use crate::diag::Diagnostic;

/// The non-breaking space, in UTF-8.
const NBSP: &str = "\u{a0}";

/// Where, in each line of `text`, a non-breaking space stands for YAML's space: the byte
/// offsets of those spaces, with the key they follow (`None` in an indentation).
fn misread(text: &str) -> Vec<(usize, Option<&str>)> {
    let mut found = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t', '\u{a0}']).len();
        let rest = &line[indent..];
        if let Some(at) = line[..indent]
            .find(NBSP)
            .filter(|_| !rest.trim().is_empty())
        {
            found.push((start + at, None));
        } else {
            let item = rest.strip_prefix("- ").unwrap_or(rest);
            let key_end = item.find(':').filter(|&c| {
                c > 0
                    && item[..c]
                        .chars()
                        .all(|ch| ch.is_alphanumeric() || ch == '_' || ch == '-')
            });
            if let Some(c) = key_end.filter(|&c| item[c + 1..].starts_with(NBSP)) {
                let at = start + (line.len() - item.len()) + c + 1;
                found.push((at, Some(&item[..c])));
            }
        }
        start += line.len();
    }
    found
}

/// A `yaml-nbsp` error for each line of `text` with a non-breaking space where YAML wants
/// a plain one.
pub(super) fn lines(text: &str, file: &Path) -> Vec<Diagnostic> {
    misread(text)
        .into_iter()
        .map(|(at, key)| {
            let (message, help) = match key {
                Some(key) => (
                    format!("the space after `{key}:` is a non-breaking space (as Word and Outlook paste them), which YAML does not read as one"),
                    format!("retype the space after `{key}:` as an ordinary space"),
                ),
                None => (
                    "this line is indented with a non-breaking space (as Word and Outlook paste them), which YAML does not read as one".to_string(),
                    "indent it with ordinary spaces".to_string(),
                ),
            };
            Diagnostic::file_error("yaml-nbsp", file, message)
                .with_help(help)
                .with_span(at..at + NBSP.len())
        })
        .collect()
}

/// `text` with the non-breaking spaces [`lines`] reports (every one of an indentation)
/// made two plain spaces.
pub(super) fn as_spaces(text: &str) -> String {
    let mut out = text.to_string();
    for (at, key) in misread(text).into_iter().rev() {
        let end = match key {
            Some(_) => at + NBSP.len(),
            // The rest of the indentation, from the first non-breaking space in it.
            None => {
                at + text[at..].len() - text[at..].trim_start_matches([' ', '\t', '\u{a0}']).len()
            }
        };
        let plain: String = text[at..end]
            .chars()
            .map(|c| {
                if c == '\u{a0}' {
                    "  "
                } else if c == '\t' {
                    "\t"
                } else {
                    " "
                }
            })
            .collect();
        out.replace_range(at..end, &plain);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_non_breaking_space_after_a_key_or_in_an_indent_is_found_and_made_plain() {
        let text = "meeting:\u{a0}Resources Committee\ntitle: Budget\u{a0}2026\nimplications:\n\u{a0}\u{a0}financial: none\n";
        let found: Vec<(usize, Option<&str>)> = misread(text);
        assert_eq!(found, [(8, Some("meeting")), (64, None)]);
        assert_eq!(
            as_spaces(text),
            "meeting:  Resources Committee\ntitle: Budget\u{a0}2026\nimplications:\n    financial: none\n"
        );
        assert_eq!(as_spaces(text).len(), text.len(), "the same offsets");
    }
}

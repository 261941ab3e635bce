//! Reading on past a line YAML cannot read: the top-level entry that holds it (its key's
//! line and the lines indented under it) is read as that key with no value, so the rest of
//! a paper's metadata is still read and checked, and every problem comes out in one run.
//! The entry keeps its bytes' places (blanked with spaces), so every other line and
//! column stays where the author sees it.

use std::ops::Range;
use std::path::Path;

use serde_saphyr::Spanned;

use super::{Node, YamlLimits};
use crate::diag::Diagnostic;

/// Reads `text` on past the syntax error `first`: the entry it stands in is read as its key
/// alone (this module), and so on for each error further down, each said; `None` (with the
/// errors said so far) when an error is not one YAML places or is no further down than the
/// last, since blanking more would only say the same again.
pub(super) fn read_past(
    first: Diagnostic,
    text: &str,
    file: &Path,
    limits: YamlLimits,
    read: impl Fn(&str) -> Result<Spanned<super::Raw>, serde_saphyr::Error>,
) -> (Option<Node>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut text = text.to_string();
    let mut past = None;
    let mut d = first;
    for _ in 0..super::MAX_EASED {
        let entry = d
            .span
            .as_ref()
            .filter(|_| d.code == "yaml-syntax")
            .map(|s| entry_at(&text, s.start))
            .filter(|e| past.is_none_or(|end| e.start >= end));
        let Some(entry) = entry else {
            if past.is_none() {
                diags.push(d);
            }
            return (None, diags);
        };
        diags.push(d);
        past = Some(entry.end);
        text = blanked(&text, entry);
        match read(&text) {
            Ok(raw) => {
                let node = super::convert(raw, &text, file, &mut diags);
                return (Some(node), diags);
            }
            Err(e) => d = super::problems::saphyr_error(&e, &text, file, limits),
        }
    }
    (None, diags)
}

/// The top-level entry of `text` that holds byte `at`: from the start of the last line at
/// or before it that starts a key (at the left edge), up to the next such line (or a
/// comment or `---` at the left edge, which no entry holds).
pub fn entry_at(text: &str, at: usize) -> Range<usize> {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let starts = |line: &str| {
        line.chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && c != '#')
            && !line.starts_with("---")
    };
    let mut start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    while start > 0 && !starts(&text[start..]) {
        start = text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
    }
    let mut end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    while end < text.len() {
        let line = &text[end..];
        if starts(line) || line.starts_with('#') {
            break;
        }
        end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
    }
    start..end
}

/// `text` with the entry `range` read as its key alone: what follows the key's `:` on its
/// first line, and every line after, becomes spaces (its line ends kept). An entry whose
/// first line has no `key:` is blanked whole.
pub fn blanked(text: &str, range: Range<usize>) -> String {
    let first = &text[range.clone()];
    let first = &first[..first.find('\n').unwrap_or(first.len())];
    let keep = first
        .find(": ")
        .or_else(|| {
            first
                .trim_end()
                .ends_with(':')
                .then(|| first.trim_end().len() - 1)
        })
        .map_or(0, |colon| colon + 1);
    let mut bytes = text.as_bytes().to_vec();
    for b in &mut bytes[range.start + keep..range.end] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
    String::from_utf8(bytes).expect("only ASCII spaces replace whole characters")
}

/// The keys written in `text` over `range` (a blanked entry's): its own and any indented
/// under it, which the blanked text no longer gives.
pub fn keys_in(text: &str, range: Range<usize>) -> Vec<String> {
    text[range]
        .lines()
        .filter_map(|line| {
            let line = line.trim_start().trim_start_matches("- ");
            let Some((key, _)) = line.split_once(':') else {
                // `presented_by Elaine`: a key written without its colon.
                let word = line.split_whitespace().next()?;
                let key = word.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
                return key.then(|| word.to_string());
            };
            let key = key.trim().trim_matches(['"', '\'']);
            (!key.is_empty() && !key.contains(' ')).then(|| key.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "meeting: M\ntitle: \"Budget\npresented_by: P\n  recommendation: R\n# note\nstatus: draft\n";

    #[test]
    fn an_entry_runs_from_its_key_to_the_next_key_or_comment() {
        let title = TEXT.find("\"Budget").unwrap();
        assert_eq!(&TEXT[entry_at(TEXT, title)], "title: \"Budget\n");
        let indented = TEXT.find("recommendation").unwrap();
        assert_eq!(
            &TEXT[entry_at(TEXT, indented)],
            "presented_by: P\n  recommendation: R\n"
        );
        assert_eq!(&TEXT[entry_at(TEXT, TEXT.len())], "status: draft\n");
        // Any byte, inside a character or past the end, finds whole lines.
        let text = "tïtle: \"ü\n  – x\r\n\n#ä\n";
        for at in 0..text.len() + 3 {
            let e = entry_at(text, at);
            assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
            assert_eq!(blanked(text, e.clone()).len(), text.len());
            let _ = keys_in(text, e);
        }
    }

    #[test]
    fn a_blanked_entry_keeps_its_key_and_every_other_place() {
        let range = entry_at(TEXT, TEXT.find("recommendation").unwrap());
        let out = blanked(TEXT, range.clone());
        assert_eq!(out.len(), TEXT.len());
        assert_eq!(out.lines().count(), TEXT.lines().count());
        assert!(
            out.contains("\npresented_by:  \n                   \n# note"),
            "{out:?}"
        );
        assert_eq!(keys_in(TEXT, range), ["presented_by", "recommendation"]);
        let bare = "meeting: M\nBudget monitoring ü\nstatus: draft\n";
        let line = entry_at(bare, 12);
        assert_eq!(
            blanked(bare, line),
            "meeting: M\n                    \nstatus: draft\n"
        );
    }

    /// A key written without its colon (`presented_by Elaine`) is a key the entry gives, so
    /// it is not also said to be missing; words in capitals are text.
    #[test]
    fn a_key_without_its_colon_is_a_key_written() {
        let text = "presented_by Elaine Galbraith, HMICS\n  Head of Policy\n";
        assert_eq!(keys_in(text, 0..text.len()), ["presented_by"]);
        assert!(keys_in("Budget monitoring\n", 0..18).is_empty());
    }
}

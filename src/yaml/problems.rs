//! What can be wrong with a YAML file's text, as diagnostics written for an author:
//! serde-saphyr's errors (in clerk's words, never in its), every tab-indented line, and keys given twice in one mapping.

use std::ops::Range;
use std::path::Path;

use serde_saphyr::Error;
use serde_saphyr::budget::BudgetBreach;

use super::{Key, Pos, YamlLimits, keys, pos_of};
use crate::diag::Diagnostic;

/// Turns a serde-saphyr error into a diagnostic written for an author, at the error's place
/// in `text`. Errors clerk knows get their own words; the YAML parser's own description of
/// a syntax error is quoted; anything else gets a plain message, never serde-saphyr's
/// (which speaks of Rust types and options).
pub(super) fn saphyr_error(
    e: &serde_saphyr::Error,
    text: &str,
    file: &Path,
    limits: YamlLimits,
) -> Diagnostic {
    let mut inner = e;
    while let Error::AliasError { error, .. } | Error::WithSnippet { error, .. } = inner {
        inner = error;
    }
    let span = e.location().and_then(|loc| pos_of(&loc, text).span());
    let mut d = described(inner, text, span.clone(), file, limits);
    // YAML taking a `: ` for a key's (whatever words the message was given).
    let mapping = inner.to_string().contains("mapping values are not allowed");
    if mapping && let Some((key, quoted)) = span.as_ref().and_then(|s| quote_value(text, s.start)) {
        d.message = format!(
            "the value of `{key}` has a colon and a space in it, which YAML reads as the start of another key"
        );
        d = d.with_help(format!("put the value in quotes: `{quoted}`"));
    } else if let Some((key, reason, quoted)) =
        span.as_ref().and_then(|s| misread_start(text, s.start))
    {
        d.message = format!("the value of `{key}` {reason}");
        d = d.with_help(format!("put the value in double quotes: `{quoted}`"));
    } else if mapping
        && let Some((key, block)) = span.as_ref().and_then(|s| as_block(text, s.start))
    {
        d.message = format!(
            "the value of `{key}` ends in a colon with lines under it (a lead-in and a list?), which YAML reads as a key and its value"
        );
        d = d.with_help(format!(
            "write it as a block: `{key}: |` on its line, then the text on the lines under it, each indented the same ({block})"
        ));
    }
    // The commonest slips said at the slip, in their own words (see `slips`).
    d = super::slips::reworded(d, &inner.to_string(), text, span.as_ref());
    // A `[` never closed is said where it stands, not where the parser gave up.
    if d.message == super::words::UNCLOSED
        && let Some(at) = span
            .as_ref()
            .and_then(|s| super::words::unclosed_bracket(text, s.start))
    {
        d.message = "this `[` starts a list that is never closed with `]`".into();
        d.span = Some(at..at + 1);
    }
    let tab = (d.code == "yaml-tab").then(|| text.find('\t')).flatten();
    d.span = match tab {
        Some(off) => Some(off..off + 1),
        None => d.span.or(span),
    };
    d
}

/// The key of the line of `text` at byte `at`, and the line with its value put in quotes,
/// when it reads `key: value` and the value has a `: ` of its own (`title: Budget
/// Monitoring: Quarter 2`).
fn quote_value(text: &str, at: usize) -> Option<(String, String)> {
    let (start, end) = line_at(text, at)?;
    let line = text[start..end].trim_end_matches('\r');
    let (key, value) = line.split_once(": ")?;
    let value = value.trim();
    let plain = !key.trim().is_empty() && !key.contains(['"', '\'', '#']);
    (plain && value.contains(": ") && !value.starts_with(['"', '\'', '[', '{', '|', '>'])).then(
        || {
            let escaped = value.replace('\\', "\\\\").replace('"', "\\\"");
            let key = key.trim();
            // A list item's key (`- title: A: B`) is named without its dash.
            let name = key.trim_start_matches("- ").trim();
            (name.to_string(), format!("{key}: \"{escaped}\""))
        },
    )
}

/// The value of the `key: value` line of `text` holding byte `at`: the key, where the
/// value starts, and the value (its trailing spaces left out).
fn key_value(text: &str, at: usize) -> Option<(&str, usize, &str)> {
    let (start, end) = line_at(text, at)?;
    let line = text[start..end].trim_end_matches('\r');
    let colon = line.find(": ")?;
    let key = line[..colon].trim().trim_start_matches("- ").trim();
    let after = &line[colon + 2..];
    let value = after.trim_start();
    let from = start + colon + 2 + (after.len() - value.len());
    (!key.is_empty() && !key.contains(['"', '\'', '#'])).then_some((key, from, value.trim_end()))
}

/// Why YAML misreads a value written plain for how it starts (`[Draft] Estates Update`, a
/// list then words; `'It's a paper'`, single quotes an apostrophe ends; `@home`, a
/// character YAML keeps; `- Estates`, a list item): the key of the line at byte `at`, the
/// reason, and the line with the value in double quotes.
fn misread_start(text: &str, at: usize) -> Option<(String, &'static str, String)> {
    let (key, _, value) = key_value(text, at)?;
    let (reason, plain) = if let Some(rest) = value.strip_prefix('\'')
        && let Some(inner) = rest.strip_suffix('\'')
        && inner.contains('\'')
        && !inner.contains("''")
    {
        (
            "is in single quotes, and the apostrophe inside ends them",
            inner,
        )
    } else if value.starts_with('[') && value.find(']').is_some_and(|i| i + 1 < value.len()) {
        (
            "starts with `[`, which YAML reads as the start of a list, and has words after its `]`",
            value,
        )
    } else if value.starts_with(['@', '`']) {
        (
            "starts with a character YAML keeps for itself (`@` or a backtick)",
            value,
        )
    } else if value.starts_with("- ") {
        ("starts with `- `, which YAML reads as a list item", value)
    } else {
        return None;
    };
    let escaped = plain.replace('\\', "\\\\").replace('"', "\\\"");
    Some((key.to_string(), reason, format!("{key}: \"{escaped}\"")))
}

/// `text` with the value of the line at byte `at`, misread for how it starts
/// ([`misread_start`]), written as a double-quoted text of the same length (its quotes and
/// backslashes as `'`), so a tree read from it points into `text` and the rest of the
/// metadata is checked; the error is reported all the same.
pub(super) fn start_eased(text: &str, at: usize) -> Option<String> {
    misread_start(text, at)?;
    let (_, from, value) = key_value(text, at)?;
    let mut chars = value.chars();
    let (first, last) = (chars.next()?, chars.next_back()?);
    let middle: String = chars
        .map(|c| if matches!(c, '"' | '\\') { '\'' } else { c })
        .collect();
    let pad = " ".repeat(first.len_utf8() + last.len_utf8() - 2);
    let eased = format!("\"{middle}{pad}\"");
    Some(format!(
        "{}{eased}{}",
        &text[..from],
        &text[from + value.len()..]
    ))
}

/// The key of the line of `text` at byte `at`, and the start of that line written as a
/// block, when the line reads `key: text:` with the `:` at `at` ending it, and lines
/// indented under it follow (`recommendations: Members are invited to:` then a list).
fn as_block(text: &str, at: usize) -> Option<(String, String)> {
    let (start, end) = line_at(text, at)?;
    let line = text[start..end].trim_end_matches('\r');
    if at + 1 != start + line.trim_end().len() || !line[..at - start].contains(": ") {
        return None;
    }
    let (key, value) = line.split_once(": ")?;
    let indent = key.len() - key.trim_start().len();
    let next = text.get(end + 1..)?.lines().next()?;
    let deeper = next.len() - next.trim_start().len() > indent && !next.trim().is_empty();
    let key = key.trim().trim_start_matches("- ").trim();
    (deeper && !key.is_empty()).then(|| {
        (
            key.to_string(),
            format!("`  {}`, `  {}`, …", value.trim(), next.trim()),
        )
    })
}

/// Where the line of `text` holding byte `at` starts and ends.
fn line_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    Some((start, end))
}

/// `text` with the value of the line at byte `at` read as [`quote_value`] would quote it,
/// but with each `: ` in that value written `; ` instead: the same length, so a tree read
/// from it points into `text`, and a value that still reads as written (the rest of the
/// metadata can then be checked; the error is reported all the same).
pub(super) fn colons_eased(text: &str, at: usize) -> Option<String> {
    quote_value(text, at)?;
    let (start, end) = line_at(text, at)?;
    let value_at = start + text[start..end].find(": ")? + 2;
    let eased = text[value_at..end].replace(": ", "; ");
    Some(format!("{}{eased}{}", &text[..value_at], &text[end..]))
}

/// The diagnostic for `e`, an error at `span` (when known) in `text`.
fn described(
    e: &Error,
    text: &str,
    span: Option<Range<usize>>,
    file: &Path,
    limits: YamlLimits,
) -> Diagnostic {
    let at = span
        .as_ref()
        .and_then(|s| text.get(s.start..))
        .unwrap_or("");
    match e {
        Error::UnknownAnchor { .. } => unknown_alias(at, span, file),
        Error::NonFiniteFloat { value, .. } => {
            let lower = value.to_lowercase();
            let message = if lower.contains("nan") {
                format!(
                    "`{value}` is YAML's way of writing \"not a number\", not a value clerk can use"
                )
            } else if lower.contains("inf") {
                format!("`{value}` is YAML's way of writing infinity, not a value clerk can use")
            } else {
                format!("`{value}` is a number too large for clerk to use")
            };
            Diagnostic::file_error("yaml-value", file, message).with_help(format!(
                "if you mean the text, put it in quotes: `\"{value}\"`"
            ))
        }
        Error::InvalidScalar { .. }
        | Error::InvalidBinaryBase64 { .. }
        | Error::BinaryNotUtf8 { .. }
        | Error::TaggedScalarCannotDeserializeIntoString { .. } => Diagnostic::file_error(
            "yaml-value",
            file,
            "this value does not read as what its YAML tag (`!!…`) says it is",
        )
        .with_help("remove the `!!` tag; put the value in quotes if it is meant as text"),
        Error::SerdeInvalidType { expected, .. } if expected == keys::A_KEY_NAME => {
            Diagnostic::file_error(
                "yaml-syntax",
                file,
                "this key is a list or a set of keys, not a name",
            )
            .with_help("write each key as a name followed by a colon, e.g. `title: …`")
        }
        Error::DuplicateMappingKey { key, .. } => {
            let message = match key {
                Some(key) => format!("the key `{key}` is given twice"),
                None => "a key is given twice".to_string(),
            };
            Diagnostic::file_error("duplicate-key", file, message)
                .with_help("each key may appear once; remove or merge the repeated one")
        }
        Error::MultipleDocuments { .. } => Diagnostic::file_error(
            "yaml-syntax",
            file,
            "the metadata has a `---` line inside it, which starts a second YAML document",
        )
        .with_help("keep the metadata in one block: remove the `---` line"),
        Error::Budget {
            breach: BudgetBreach::Depth { .. },
            ..
        }
        | Error::AliasReplayStackDepthExceeded { .. } => too_deep(file, limits),
        Error::Budget { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => too_large(file, limits),
        Error::ExternalMessage { msg, .. } | Error::Message { msg, .. } => {
            parser(msg, file, limits)
        }
        Error::Eof { .. } => Diagnostic::file_error(
            "yaml-syntax",
            file,
            "the metadata ends before a value is complete",
        )
        .with_help("look for a `[`, `{` or quote that is never closed"),
        _ => syntax(file, None),
    }
}

/// The diagnostic for an error the YAML parser describes in `msg`: its words are shown
/// when they are about the text, not about clerk's code.
fn parser(msg: &str, file: &Path, limits: YamlLimits) -> Diagnostic {
    let first = msg
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches('.');
    let lower = first.to_lowercase();
    if lower.contains("depth") || lower.contains("recursion") || lower.contains("nesting") {
        too_deep(file, limits)
    } else if lower.contains("tab") {
        Diagnostic::file_error("yaml-tab", file, "the metadata is indented with a tab")
            .with_help("indent YAML with spaces, not tabs")
    } else if let Some((message, help)) = super::words::parser_words(&lower) {
        Diagnostic::file_error("yaml-syntax", file, message).with_help(help)
    } else {
        let jargon = [
            "deserializ",
            "serde",
            "option<",
            "policy",
            "type",
            "u64",
            "i64",
            "f64",
            "struct",
            "enum",
        ];
        let plain = !first.is_empty() && !jargon.iter().any(|j| lower.contains(j));
        syntax(file, plain.then_some(first))
    }
}

/// `yaml-syntax`, with the parser's words when they can be shown.
fn syntax(file: &Path, words: Option<&str>) -> Diagnostic {
    let message = match words {
        Some(words) => format!("the metadata is not valid YAML ({words})"),
        None => "the metadata is not valid YAML here".to_string(),
    };
    Diagnostic::file_error("yaml-syntax", file, message)
        .with_help("check the indentation, and that every `key: value` has a space after the colon")
}

/// An alias (`*name`, at the start of `at`) to an anchor (`&name`) not defined before it:
/// most often a value meant as text that starts with a star.
fn unknown_alias(at: &str, span: Option<Range<usize>>, file: &Path) -> Diagnostic {
    let len = at
        .find(|c: char| c.is_whitespace() || ",[]{}".contains(c))
        .unwrap_or(at.len());
    let alias = &at[..len];
    let name = alias.trim_start_matches('*');
    let mut d = Diagnostic::file_error(
        "unknown-alias",
        file,
        format!("`{alias}` is a YAML alias, but no value is marked `&{name}` before it"),
    )
    .with_help(format!(
        "a `*` at the start of a value starts an alias, which repeats a value marked `&{name}` earlier; if you mean a star, put the value in quotes: `\"{alias}\"`"
    ));
    d.span = span.map(|s| s.start..s.start + len.max(1));
    d
}

fn too_deep(file: &Path, limits: YamlLimits) -> Diagnostic {
    let message = format!("the metadata nests more than {} levels deep", limits.depth);
    Diagnostic::file_error("metadata-too-deep", file, message)
        .with_help("a paper's metadata needs only a few levels; if this one truly needs more, raise `limits.metadata_depth` in clerk.yaml")
}

fn too_large(file: &Path, limits: YamlLimits) -> Diagnostic {
    let message = format!(
        "the metadata holds more than {} values once its aliases are expanded",
        limits.values
    );
    Diagnostic::file_error("metadata-too-large", file, message)
        .with_help("look for `*alias` references that repeat large lists; if the paper truly needs more, raise `limits.metadata_values` in clerk.yaml")
}

/// One `yaml-tab` error for each line indented with a tab (a tab among the spaces before
/// its first character), at that tab; empty when no line is.
pub(super) fn tab_lines(text: &str, file: &Path) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let rest = line[indent..].trim_end();
        if let Some(tab) = line[..indent].find('\t').filter(|_| !rest.is_empty()) {
            let at = start + tab;
            diags.push(
                Diagnostic::file_error("yaml-tab", file, "the metadata is indented with a tab")
                    .with_help("indent YAML with spaces, not tabs")
                    .with_span(at..at + 1),
            );
        }
        start += line.len();
    }
    diags
}

/// `text` with every tab in a line's indentation made a space: the same bytes at the same
/// offsets otherwise, so that a tree read from it points into `text`.
pub(super) fn tabs_as_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        out.extend(line[..indent].chars().map(|_| ' '));
        out.push_str(&line[indent..]);
    }
    out
}

/// A `yaml-syntax` error at `key`, which is empty: a colon with no key before it.
pub(super) fn empty_key(key: &Key, file: &Path) -> Diagnostic {
    let mut d = Diagnostic::file_error("yaml-syntax", file, "this `:` has no key before it")
        .with_help("write the key's name before the colon, e.g. `title: …`");
    d.span = key.pos.offset.map(|o| o..o + 1);
    d
}

/// A `duplicate-key` error at `key`, a repeat of the key at `first` in the same mapping.
pub(super) fn duplicate_key(key: &Key, first: Pos, file: &Path) -> Diagnostic {
    let name = &key.name;
    let mut d = Diagnostic::file_error(
        "duplicate-key",
        file,
        format!("the key `{name}` is given twice"),
    )
    .with_help(format!(
        "`{name}` is first given on line {}, and each key may appear once: remove or merge the repeated one",
        first.line
    ));
    d.span = key.pos.span();
    d
}

//! What can be wrong with a YAML file's text, as diagnostics written for an author:
//! serde-saphyr's errors, every tab-indented line, and keys given twice in one mapping.

use std::path::Path;

use super::{Key, Pos, YamlLimits, pos_of};
use crate::diag::Diagnostic;

/// Turns a serde-saphyr error into a located diagnostic written for an author.
pub(super) fn saphyr_error(
    e: &serde_saphyr::Error,
    text: &str,
    file: &Path,
    limits: YamlLimits,
) -> Diagnostic {
    let raw = e.to_string();
    // serde-saphyr's Display may carry a snippet after the first line and a
    // "error: line N column M:" prefix; keep only the message itself.
    let mut first = raw.lines().next().unwrap_or("invalid YAML").trim();
    first = first.strip_prefix("error:").unwrap_or(first).trim();
    if first.starts_with("line ") {
        first = first.split_once(": ").map_or(first, |(_, rest)| rest);
    }
    let first = first
        .split(" at line ")
        .next()
        .unwrap_or(first)
        .trim_end_matches('.');
    let lower = first.to_lowercase();
    let mut d = if let Some(rest) = first.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        Diagnostic::file_error(
            "duplicate-key",
            file,
            format!("the key `{key}` is given twice"),
        )
        .with_help("each key may appear once; remove or merge the repeated one")
    } else if lower.contains("duplicate") {
        Diagnostic::file_error("duplicate-key", file, first.to_string())
            .with_help("each key may appear once; remove or merge the repeated one")
    } else if lower.contains("depth") || lower.contains("recursion") || lower.contains("nesting") {
        let message = format!("the metadata nests more than {} levels deep", limits.depth);
        return Diagnostic::file_error("metadata-too-deep", file, message)
            .with_help("a paper's metadata needs only a few levels; if this one truly needs more, raise `limits.metadata_depth` in clerk.yaml");
    } else if lower.contains("budget") || lower.contains("alias") || lower.contains("replay") {
        let message = format!(
            "the metadata holds more than {} values once its aliases are expanded",
            limits.values
        );
        return Diagnostic::file_error("metadata-too-large", file, message)
            .with_help("look for `*alias` references that repeat large lists; if the paper truly needs more, raise `limits.metadata_values` in clerk.yaml");
    } else if lower.contains("tab") {
        Diagnostic::file_error("yaml-tab", file, "the metadata is indented with a tab")
            .with_help("indent YAML with spaces, not tabs")
    } else {
        Diagnostic::file_error(
            "yaml-syntax",
            file,
            format!("the metadata is not valid YAML ({first})"),
        )
        .with_help("check the indentation, and that every `key: value` has a space after the colon")
    };
    let tab = (d.code == "yaml-tab").then(|| text.find('\t')).flatten();
    if let Some(off) = tab {
        d.span = Some(off..off + 1);
    } else if let Some(loc) = e.location() {
        d.span = pos_of(&loc, text).span();
    }
    d
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

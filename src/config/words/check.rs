//! The checks on the `words` lines that name `{fields}` (`page`, `pack_page`, `one_page`,
//! `page_range`, `exempt`): a field clerk cannot fill in, or a `{` left open, is an error at its place
//! in clerk.yaml, with the field it is near.

use super::super::HouseStyle;
use super::super::footer::fields_in;
use super::super::place::piece_in_value;
use super::Words;
use crate::diag::{Diagnostic, did_you_mean};

/// A `words` line with fields: its key, the fields it may name and what they are, and the
/// default, as an example.
struct Filled {
    key: &'static str,
    fields: &'static [&'static str],
    meaning: &'static str,
    example: &'static str,
}

/// Every `words` line with fields.
const FILLED: [Filled; 5] = [
    Filled {
        key: "page",
        fields: &["n", "total"],
        meaning: "`{n}` is the page's number, `{total}` the paper's pages",
        example: "Page {n} of {total}",
    },
    Filled {
        key: "pack_page",
        fields: &["n"],
        meaning: "`{n}` is the pack's page",
        example: "Pack page {n}",
    },
    Filled {
        key: "one_page",
        fields: &["n"],
        meaning: "`{n}` is the pack page of a paper of one page",
        example: "page {n}",
    },
    Filled {
        key: "page_range",
        fields: &["first", "last"],
        meaning: "`{first}` and `{last}` are a paper's first and last pack pages",
        example: "pages {first}–{last}",
    },
    Filled {
        key: "exempt",
        fields: &["ground"],
        meaning: "`{ground}` is a private item's exempt ground (without it, the ground follows a colon)",
        example: "Exempt under paragraph {ground} of Schedule 12A",
    },
];

impl Words {
    /// The line of `key`, one of [`FILLED`].
    fn filled(&self, key: &str) -> &str {
        match key {
            "page" => &self.page,
            "pack_page" => &self.pack_page,
            "one_page" => &self.one_page,
            "exempt" => &self.exempt,
            _ => &self.page_range,
        }
    }
}

impl HouseStyle {
    /// An error for each field of a `words` line that clerk cannot fill in, and for a `{`
    /// left open, at its place in clerk.yaml when the file sets the line.
    pub(in crate::config) fn validate_words(&self) -> Vec<Diagnostic> {
        let mut diags: Vec<Diagnostic> = FILLED
            .iter()
            .flat_map(|f| self.validate_filled(f))
            .collect();
        diags.extend(self.empty_words());
        diags
    }

    /// An error for each word the house left empty (`private: ""`): an empty word would
    /// take its label, or a marking such as PRIVATE or DRAFT, off every output unsaid.
    fn empty_words(&self) -> Vec<Diagnostic> {
        let Ok(serde_json::Value::Object(words)) = serde_json::to_value(&self.words) else {
            return Vec::new();
        };
        words
            .iter()
            .filter(|(_, v)| v.as_str().is_some_and(|t| t.trim().is_empty()))
            .map(|(key, _)| {
                let default = serde_json::to_value(&HouseStyle::default().words)
                    .ok()
                    .and_then(|d| Some(d.get(key)?.as_str()?.to_string()))
                    .unwrap_or_default();
                let d = Diagnostic::file_error(
                    "house-style",
                    std::path::Path::new(super::super::HOUSE_FILE),
                    format!("`words.{key}` is empty, so it would be left off every output"),
                )
                .with_help(format!(
                    "write the house's word for it, or remove the line to keep clerk's `{default}`"
                ));
                match self.span_of(&["words", key]) {
                    Some(span) => d.with_span(span),
                    None => d,
                }
            })
            .collect()
    }

    fn validate_filled(&self, filled: &Filled) -> Vec<Diagnostic> {
        let key = filled.key;
        let line = self.words.filled(key);
        let path = ["words", key];
        // The bytes of `piece` in clerk.yaml: searched for on the line the value starts on.
        let place = |piece: &str| {
            let text = self.text.as_deref()?;
            piece_in_value(text, self.span_of(&path)?, piece)
        };
        let error = |piece: &str, message: String, help: String| {
            let d = Diagnostic::file_error(
                "house-style",
                std::path::Path::new(super::super::HOUSE_FILE),
                message,
            )
            .with_help(help);
            match place(piece).or_else(|| self.span_of(&path)) {
                Some(span) => d.with_span(span),
                None => d,
            }
        };
        let example = filled.example;
        let found = match fields_in(line) {
            Ok(found) => found,
            Err(open) => {
                return vec![error(
                    &line[open..],
                    format!("`words.{key}` \"{line}\" opens a `{{` that is never closed"),
                    format!("write each field with a brace on both sides, e.g. `{example}`"),
                )];
            }
        };
        let mut diags = Vec::new();
        for (name, range) in found {
            if filled.fields.contains(&name) {
                continue;
            }
            let meaning = filled.meaning;
            let help = match did_you_mean(name, filled.fields.iter().copied()) {
                Some(near) => format!("did you mean `{{{near}}}`? {meaning}"),
                None => format!("{meaning}, e.g. `{example}`"),
            };
            diags.push(error(
                &line[range],
                format!("`words.{key}` names `{{{name}}}`, which clerk cannot fill in"),
                help,
            ));
        }
        diags
    }
}

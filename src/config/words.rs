//! The house's words for clerk's own page furniture (`words`): the PDF's page number and
//! the header table's appendix row, so that a council writing in Gaelic or Welsh says
//! "Duilleag 1 de 3" rather than "Page 1 of 3". The defaults are clerk's English.

use serde::{Deserialize, Serialize};

use super::HouseStyle;
use super::footer::fields_in;
use super::place::piece_in_value;
use crate::diag::{Diagnostic, did_you_mean};

/// The fields `words.page` may name.
const PAGE_FIELDS: [&str; 2] = ["n", "total"];

/// clerk's own words, as the house writes them.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// The PDF footer's page number: `Page {n} of {total}`.
    pub page: String,
    /// The appendix row when the paper has appendices: `Yes`, as in `Yes – Appendix A – Title`.
    pub yes: String,
    /// The appendix row when it has none: `No`.
    pub no: String,
    /// The word before an appendix's letter: `Appendix`.
    pub appendix: String,
}

impl Words {
    /// The page number of page `n` of `total`, as the house words it.
    pub fn page_number(&self, n: usize, total: usize) -> String {
        let Ok(found) = fields_in(&self.page) else {
            return self.page.clone();
        };
        let mut out = String::new();
        let mut at = 0;
        for (name, range) in found {
            out.push_str(&self.page[at..range.start]);
            match name {
                "n" => out.push_str(&n.to_string()),
                "total" => out.push_str(&total.to_string()),
                _ => out.push_str(&self.page[range.clone()]),
            }
            at = range.end;
        }
        out.push_str(&self.page[at..]);
        out
    }
}

impl HouseStyle {
    /// An error for each field of `words.page` other than `{n}` and `{total}`, and for a
    /// `{` left open, at its place in clerk.yaml when the file sets the line.
    pub(super) fn validate_words(&self) -> Vec<Diagnostic> {
        let line = &self.words.page;
        // The bytes of `piece` in clerk.yaml: searched for on the line the value starts on.
        let place = |piece: &str| {
            let text = self.text.as_deref()?;
            piece_in_value(text, self.span_of(&["words", "page"])?, piece)
        };
        let error = |piece: &str, message: String, help: String| {
            let d = Diagnostic::file_error(
                "house-style",
                std::path::Path::new(super::HOUSE_FILE),
                message,
            )
            .with_help(help);
            match place(piece) {
                Some(span) => d.with_span(span),
                None => match self.span_of(&["words", "page"]) {
                    Some(span) => d.with_span(span),
                    None => d,
                },
            }
        };
        let found = match fields_in(line) {
            Ok(found) => found,
            Err(open) => {
                return vec![error(
                    &line[open..],
                    format!("the page number \"{line}\" opens a `{{` that is never closed"),
                    "write each field with a brace on both sides, e.g. `Page {n} of {total}`"
                        .into(),
                )];
            }
        };
        let mut diags = Vec::new();
        for (name, range) in found {
            if PAGE_FIELDS.contains(&name) {
                continue;
            }
            let help = match did_you_mean(name, PAGE_FIELDS) {
                Some(near) => format!("did you mean `{{{near}}}`? `{{n}}` is the page's number, `{{total}}` the paper's pages"),
                None => "the page number may name `{n}`, the page's number, and `{total}`, the paper's pages, e.g. `Page {n} of {total}`".into(),
            };
            diags.push(error(
                &line[range],
                format!("`words.page` names `{{{name}}}`, which clerk cannot fill in"),
                help,
            ));
        }
        diags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(page: &str) -> Words {
        Words {
            page: page.into(),
            ..HouseStyle::default().words
        }
    }

    #[test]
    fn a_page_number_is_filled_as_the_house_words_it() {
        assert_eq!(HouseStyle::default().words.page_number(1, 3), "Page 1 of 3");
        assert_eq!(
            words("Duilleag {n} de {total}").page_number(2, 12),
            "Duilleag 2 de 12"
        );
        assert_eq!(words("{ total }/{n}").page_number(4, 9), "9/4");
    }
}

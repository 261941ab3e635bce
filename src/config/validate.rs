//! The checks on a house style once read: header rows, classifications, date formats,
//! meeting keys and the PDF page, each problem at the line of the value in `clerk.yaml`.

use std::path::Path;

use super::footer;
use super::{FooterAt, HouseStyle, REFUSED_CLASSIFICATIONS};
use crate::diag::Diagnostic;
use crate::schema::Key;

impl HouseStyle {
    pub(super) fn validate(
        &self,
        text: &str,
        file: &Path,
        footer_at: &[FooterAt],
    ) -> Result<(), Vec<Diagnostic>> {
        let mut diags = footer::check(self, footer_at, text, file);
        for row in &self.header_rows {
            if !Key::HEADER.iter().any(|k| k.name() == row.key)
                && !self.extra_fields.iter().any(|f| f.key == row.key)
            {
                let mut d = Diagnostic::file_error(
                    "house-style",
                    file,
                    format!(
                        "header row `{}` names an unknown metadata key `{}`",
                        row.label, row.key
                    ),
                )
                .with_help(format!(
                    "use one of: {}, or declare it under `extra_fields`",
                    Key::HEADER.map(Key::name).join(", ")
                ));
                if let Some(pos) = text.find(&row.key) {
                    d.span = Some(pos..pos + row.key.len());
                }
                diags.push(d);
            }
        }
        for c in &self.classifications {
            if REFUSED_CLASSIFICATIONS.contains(&c.as_str()) {
                diags.push(Diagnostic::file_error(
                    "house-style",
                    file,
                    format!("`{c}` cannot be allowed: clerk refuses it for committee papers"),
                ));
            }
        }
        if jiff::fmt::strtime::format(&self.date_format, jiff::civil::date(2021, 9, 1)).is_err() {
            diags.push(
                Diagnostic::file_error(
                    "house-style",
                    file,
                    format!(
                        "`date_format` `{}` is not a valid strftime format",
                        self.date_format
                    ),
                )
                .with_help("the SPA style uses \"%-d %B %Y\" (1 September 2021)"),
            );
        }
        diags.extend(self.validate_keys());
        diags.extend(self.validate_meetings(text, file));
        let m = &self.pdf.margins_mm;
        let (w, h) = self.pdf.page_size.points();
        let mm = 72.0 / 25.4;
        let bad_margins = [m.top, m.right, m.bottom, m.left]
            .iter()
            .any(|v| !(0.0..=100.0).contains(v))
            || (m.left + m.right) * mm > w * 0.6
            || (m.top + m.bottom) * mm > h * 0.6;
        if bad_margins || !(6.0..=24.0).contains(&self.pdf.font_size) {
            diags.push(
                Diagnostic::file_error(
                    "house-style",
                    file,
                    "`pdf` margins or font size are out of range",
                )
                .with_help("margins are millimetres (0–100, leaving most of the page for text); font_size is 6–24 points"),
            );
        }
        if diags.is_empty() { Ok(()) } else { Err(diags) }
    }

    /// Problems with the meeting keys: an unknown time zone, a bad date format or base URL.
    fn validate_meetings(&self, text: &str, file: &Path) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let mut bad = |key: &str, message: String, help: &str| {
            let d = Diagnostic::file_error("house-style", file, message).with_help(help);
            diags.push(match text.find(&format!("{key}:")) {
                Some(pos) => d.with_span(pos..pos + key.len()),
                None => d,
            });
        };
        if jiff::tz::TimeZone::get(&self.time_zone).is_err() {
            bad(
                "time_zone",
                format!("`time_zone` `{}` is not a known time zone", self.time_zone),
                "use an IANA name such as `Europe/London` or `Europe/Dublin`",
            );
        }
        if jiff::fmt::strtime::format(&self.weekday_date_format, jiff::civil::date(2026, 5, 19))
            .is_err()
        {
            bad(
                "weekday_date_format",
                format!(
                    "`weekday_date_format` `{}` is not a valid strftime format",
                    self.weekday_date_format
                ),
                "the SPA style uses \"%A %-d %B %Y\" (Tuesday 19 May 2026)",
            );
        }
        if let Some(url) = &self.base_url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            bad(
                "base_url",
                format!("`base_url` `{url}` is not a web address"),
                "write the address `out/` is published at, e.g. `https://papers.example.org/`",
            );
        }
        diags
    }

    /// Slips in the keys a house declares: two implications with one key, a default
    /// language that is no language tag, an extra field named as one of a paper's own keys.
    fn validate_keys(&self) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for (i, imp) in self.implications.iter().enumerate() {
            let Some(first) = self.implications[..i].iter().position(|o| o.key == imp.key) else {
                continue;
            };
            let at = |k: usize| [String::from("implications"), k.to_string(), "key".into()];
            let here = at(i);
            let there = match self.line_of(&strs(&at(first))) {
                Some(line) => format!("line {line}"),
                None => "the default house style".to_string(),
            };
            diags.push(
                self.error_at(
                    "house-style",
                    &strs(&here),
                    format!("the implication key `{}` is given twice (first at {there})", imp.key),
                )
                .with_help(format!(
                    "each implication needs a key of its own (papers write their text under it in `implications:`): change this key, or remove one of the two; as it is, a paper's `{}` text is printed twice",
                    imp.key
                )),
            );
        }
        if !super::valid_language(&self.language) {
            diags.push(
                self.error_at(
                    "house-style",
                    &["language"],
                    format!("`language` `{}` is not a language tag", self.language),
                )
                .with_help(super::language_help(&self.language)),
            );
        }
        for (i, field) in self.extra_fields.iter().enumerate() {
            if Key::ALL.iter().any(|k| k.name() == field.key) {
                let i = i.to_string();
                diags.push(
                    self.error_at(
                        "house-style",
                        &["extra_fields", &i, "key"],
                        format!("the extra field `{}` is already one of a paper's own keys", field.key),
                    )
                    .with_help(format!(
                        "every paper has `{}` already: remove it from `extra_fields`, or give the house's field a name of its own",
                        field.key
                    )),
                );
            }
        }
        diags
    }
}

/// A path of owned keys as the `&str`s [`HouseStyle::span_of`] takes.
fn strs(path: &[String]) -> Vec<&str> {
    path.iter().map(String::as_str).collect()
}

//! The checks on a house style once read: header rows, classifications, date and time formats,
//! meeting keys and the PDF page, each problem at the line of the value in `clerk.yaml`.

use std::path::Path;

use super::footer;
use super::{FooterAt, HouseStyle, why_refused};
use crate::diag::{Diagnostic, did_you_mean};
use crate::schema::Key;

impl HouseStyle {
    /// Every problem with the house style once read, each at its value in `clerk.yaml`.
    /// The PDF footer's fields are checked at their places (`footer_at`) in `text`.
    pub(super) fn validate(
        &self,
        text: &str,
        file: &Path,
        footer_at: &[FooterAt],
    ) -> Result<(), Vec<Diagnostic>> {
        let mut diags = footer::check(self, footer_at, text, file);
        for (i, row) in self.header_rows.iter().enumerate() {
            if !Key::HEADER.iter().any(|k| k.name() == row.key)
                && !self.extra_fields.iter().any(|f| f.key == row.key)
            {
                diags.push(
                    self.error_at(
                        "house-style",
                        &["header_rows", &i.to_string(), "key"],
                        format!(
                            "header row `{}` names an unknown metadata key `{}`",
                            row.label, row.key
                        ),
                    )
                    .with_help(self.header_key_help(&row.key)),
                );
            }
        }
        for (i, c) in self.classifications.iter().enumerate() {
            if let Some(why) = why_refused(c) {
                let out = if c.to_uppercase().contains("SECRET") {
                    "remove it from `classifications`: papers at that level are not prepared with clerk"
                } else {
                    "remove it from `classifications`; what it marked is now OFFICIAL, or OFFICIAL-SENSITIVE where it needs more care"
                };
                diags.push(
                    self.error_at(
                        "house-style",
                        &["classifications", &i.to_string()],
                        format!("`{c}` cannot be allowed: it {why}"),
                    )
                    .with_help(out),
                );
            }
        }
        // The marking clerk stamps on private pages: any the house likes (it need not be one
        // a paper may carry), but never one refused outright.
        if let Some(why) = why_refused(&self.private_classification) {
            diags.push(
                self.error_at(
                    "house-style",
                    &["private_classification"],
                    format!(
                        "`{}` cannot mark private papers: it {why}",
                        self.private_classification
                    ),
                )
                .with_help(
                    "name the marking your house gives papers taken in private, usually the most protected of its `classifications`",
                ),
            );
        }
        diags.extend(self.validate_dates());
        diags.extend(self.validate_keys());
        diags.extend(self.validate_meetings());
        diags.extend(self.validate_page());
        diags.extend(self.validate_words());
        if diags.is_empty() { Ok(()) } else { Err(diags) }
    }

    /// Problems with the meeting keys: an unknown time zone or a base URL that is no web
    /// address.
    fn validate_meetings(&self) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        if jiff::tz::TimeZone::get(&self.time_zone).is_err() {
            diags.push(
                self.error_at(
                    "house-style",
                    &["time_zone"],
                    format!("`time_zone` `{}` is not a known time zone", self.time_zone),
                )
                .with_help("use an IANA name such as `Europe/London` or `Europe/Dublin`"),
            );
        }
        if self.meeting_duration().is_none() {
            diags.push(
                self.error_at(
                    "house-style",
                    &["meeting_length"],
                    format!(
                        "`meeting_length` `{}` is not a length of time between a minute and a day",
                        self.meeting_length
                    ),
                )
                .with_help("write hours and minutes, such as `2h`, `1h 30m` or `90m`"),
            );
        }
        if let Some(url) = &self.base_url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            diags.push(
                self.error_at(
                    "house-style",
                    &["base_url"],
                    format!("`base_url` `{url}` is not a web address"),
                )
                .with_help(
                    "write the address `out/` is published at, e.g. `https://papers.example.org/`",
                ),
            );
        }
        diags
    }

    /// Slips in the keys a house declares: two implications with one key, a default
    /// language that is no language tag, an extra field named as one of a paper's own keys.
    fn validate_keys(&self) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let keys: Vec<&str> = self.implications.iter().map(|i| i.key.as_str()).collect();
        diags.extend(self.given_twice("implications", &keys, "implication key", |key| {
            format!(
                "each implication needs a key of its own (papers write their text under it in `implications:`): change this key, or remove one of the two; as it is, a paper's `{key}` text is printed twice"
            )
        }));
        let keys: Vec<&str> = self.extra_fields.iter().map(|f| f.key.as_str()).collect();
        diags.extend(self.given_twice("extra_fields", &keys, "extra field", |_| {
            "remove one of the two (a field is declared once, `required` or not)".to_string()
        }));
        let keys: Vec<&str> = self.header_rows.iter().map(|r| r.key.as_str()).collect();
        diags.extend(self.given_twice("header_rows", &keys, "header row key", |key| {
            format!(
                "each row of the header table shows one key: remove one of the two rows, or give it the key it was meant to show; as it is, the paper's `{key}` is shown twice"
            )
        }));
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

impl HouseStyle {
    /// An error at each `key` of the `list` (by index, as `list.N.key`) given again, naming
    /// the first's line (or the default house style, when it is the default's).
    fn given_twice(
        &self,
        list: &str,
        keys: &[&str],
        what: &str,
        help: impl Fn(&str) -> String,
    ) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            let Some(first) = keys[..i].iter().position(|k| k == key) else {
                continue;
            };
            let at = |k: usize| [String::from(list), k.to_string(), "key".into()];
            let there = match self.line_of(&strs(&at(first))) {
                Some(line) => format!("line {line}"),
                None => "the default house style".to_string(),
            };
            diags.push(
                self.error_at(
                    "house-style",
                    &strs(&at(i)),
                    format!("the {what} `{key}` is given twice (first at {there})"),
                )
                .with_help(help(key)),
            );
        }
        diags
    }
}

/// A path of owned keys as the `&str`s [`HouseStyle::span_of`] takes.
fn strs(path: &[String]) -> Vec<&str> {
    path.iter().map(String::as_str).collect()
}

impl HouseStyle {
    /// Problems with the PDF page: each margin out of 0–100 mm, margins that leave too
    /// little of the page for text, a type size out of 6–24 points; each at its value.
    fn validate_page(&self) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let m = &self.pdf.margins_mm;
        let sides = [
            ("top", m.top),
            ("right", m.right),
            ("bottom", m.bottom),
            ("left", m.left),
        ];
        for (side, v) in sides {
            if !(0.0..=100.0).contains(&v) {
                diags.push(
                    self.error_at(
                        "house-style",
                        &["pdf", "margins_mm", side],
                        format!(
                            "the {side} margin `pdf.margins_mm.{side}` is {v} mm, out of range"
                        ),
                    )
                    .with_help("a margin is 0 to 100 millimetres; the default style uses 20 (22 at the bottom)"),
                );
            }
        }
        // Margins together are judged only when each is in range.
        let sides_ok = diags.is_empty();
        let (w, h) = self.pdf.page_size.points();
        let mm = 25.4 / 72.0;
        let pairs = [
            ("left", "right", m.left + m.right, w * mm, "width"),
            ("top", "bottom", m.top + m.bottom, h * mm, "height"),
        ];
        for (a, b, sum, page, across) in pairs {
            let most = (page * 0.6).floor();
            if sides_ok && sum > most {
                diags.push(
                    self.error_at(
                        "house-style",
                        &["pdf", "margins_mm", b],
                        format!(
                            "the {a} and {b} margins together ({sum} mm) leave too little of the page's {across} ({:.0} mm) for text",
                            page
                        ),
                    )
                    .with_help(format!(
                        "make `pdf.margins_mm.{a}` and `pdf.margins_mm.{b}` together at most {most} mm on {:?} paper",
                        self.pdf.page_size
                    )),
                );
            }
        }
        let size = self.pdf.font_size;
        if !(6.0..=24.0).contains(&size) {
            diags.push(
                self.error_at(
                    "house-style",
                    &["pdf", "font_size"],
                    format!("`pdf.font_size` is {size} points, out of range"),
                )
                .with_help("the body text size is 6 to 24 points; the default style uses 11"),
            );
        }
        diags
    }
}

impl HouseStyle {
    /// The help for a header row naming `key`, no paper key: the nearest of the standard
    /// keys and the house's extra fields, else all of them; declaring it is suggested only
    /// when no declared field is meant.
    fn header_key_help(&self, key: &str) -> String {
        let extra: Vec<&str> = self.extra_fields.iter().map(|f| f.key.as_str()).collect();
        let standard = Key::HEADER.map(Key::name);
        // A paper's own key the table does not show (`language`, `keywords`, the closing
        // texts): `extra_fields` would refuse it as one of a paper's keys, so not offered.
        if Key::from_name(key).is_some() {
            return format!(
                "`{key}` is a paper's key, but not one the header table can show; it shows {}{}",
                standard.join(", "),
                if extra.is_empty() {
                    String::new()
                } else {
                    format!(", and the house's extra fields: {}", extra.join(", "))
                }
            );
        }
        if let Some(best) = did_you_mean(key, standard.iter().chain(&extra).copied()) {
            let whose = if extra.contains(&best) {
                " (the house's extra field)"
            } else {
                ""
            };
            return format!("did you mean `{best}`{whose}?");
        }
        let mut help = format!("use one of the paper's keys: {}", standard.join(", "));
        if !extra.is_empty() {
            help.push_str(&format!(
                "; or the house's extra fields: {}",
                extra.join(", ")
            ));
        }
        help.push_str(&format!(
            "; or, for a key of the house's own, declare `{key}` under `extra_fields` first"
        ));
        help
    }
}

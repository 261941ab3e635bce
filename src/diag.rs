//! Diagnostics: every problem in a user's paper or house style, with where it stands and a way
//! out; and clerk's own failures ([`Diagnostic::internal`]), which concern no file of the user's.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// How serious a diagnostic is. Errors stop a paper from being written; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The paper is not built.
    Error,
    /// The paper is built; the author should still look.
    Warning,
    /// clerk failed, not the paper (a font that cannot be subset, a PDF that cannot be
    /// written): a bug to report. The paper is not built.
    Internal,
}

/// One problem found in a source file, pointing at a line and column (both 1-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A short stable code, e.g. `unknown-key`, for editors and CI filters.
    pub code: &'static str,
    /// The file the problem is in, relative to the project root where possible.
    pub file: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column in characters; 0 when unknown.
    pub column: usize,
    /// What is wrong, written for an author, not a programmer.
    pub message: String,
    /// How to put it right, when there is a likely fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The text of the line the problem is on, for the rustc-style report.
    #[serde(skip)]
    pub source_line: Option<String>,
    /// How many characters from `column` to underline (at least 1).
    #[serde(skip)]
    pub width: usize,
}

impl Diagnostic {
    /// An error about a whole file (no line known).
    pub fn file_error(code: &'static str, file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.to_path_buf(),
            line: 0,
            column: 0,
            message: message.into(),
            help: None,
            source_line: None,
            width: 1,
        }
    }

    /// An error at `byte_offset..byte_offset+len` of `text`, the full contents of `file`.
    pub fn error_at(
        code: &'static str,
        file: &Path,
        text: &str,
        byte_offset: usize,
        len: usize,
        message: impl Into<String>,
    ) -> Self {
        let mut d = Diagnostic::file_error(code, file, message);
        d.locate(text, byte_offset, len);
        d
    }

    /// A warning at `byte_offset..byte_offset+len` of `text`, the full contents of `file`.
    pub fn warning_at(
        code: &'static str,
        file: &Path,
        text: &str,
        byte_offset: usize,
        len: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic::error_at(code, file, text, byte_offset, len, message).warning()
    }

    /// A failure of clerk itself, not of the user's files: printed as `error: internal: …`
    /// with a request to report it, and against no file.
    pub fn internal(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Internal,
            code: "internal",
            file: PathBuf::new(),
            line: 0,
            column: 0,
            message: message.into(),
            help: Some(INTERNAL_HELP.into()),
            source_line: None,
            width: 1,
        }
    }

    /// Turns this diagnostic into a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Adds a hint on how to put the problem right.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets line, column, source line and underline width from a byte range in `text`.
    pub fn locate(&mut self, text: &str, byte_offset: usize, len: usize) {
        let offset = floor_char_boundary(text, byte_offset.min(text.len()));
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let line_text = text[line_start..line_end].trim_end_matches('\r');
        self.line = text[..offset].matches('\n').count() + 1;
        self.column = text[line_start..offset].chars().count() + 1;
        let end = floor_char_boundary(text, (offset + len).min(line_end));
        self.width = text[offset..end].chars().count().max(1);
        self.source_line = Some(line_text.to_string());
    }

    /// Sets line and column directly (1-based), taking the source line from `text`.
    pub fn locate_line_col(&mut self, text: &str, line: usize, column: usize, width: usize) {
        self.line = line;
        self.column = column;
        self.width = width.max(1);
        self.source_line = text
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| l.trim_end_matches('\r').to_string());
    }

    /// Is this an error, the paper's or clerk's (as opposed to a warning)?
    pub fn is_error(&self) -> bool {
        self.severity != Severity::Warning
    }

    /// Renders the diagnostic the way rustc does: header, location, source line, marker, help.
    pub fn render_human(&self, color: bool) -> String {
        let (red, yellow, blue, bold, reset) = if color {
            (
                "\x1b[1;31m",
                "\x1b[1;33m",
                "\x1b[1;34m",
                "\x1b[1m",
                "\x1b[0m",
            )
        } else {
            ("", "", "", "", "")
        };
        let (label, tint) = match self.severity {
            Severity::Error => ("error", red),
            Severity::Warning => ("warning", yellow),
            Severity::Internal => {
                let help = self.help.as_deref().unwrap_or(INTERNAL_HELP);
                return format!(
                    "{red}error{reset}{bold}: internal: {}{reset}\n  {blue}={reset} {bold}help{reset}: {help}\n",
                    self.message
                );
            }
        };
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{tint}{label}[{}]{reset}{bold}: {}{reset}",
            self.code, self.message
        );
        let gutter = if self.line > 0 {
            self.line.to_string().len()
        } else {
            1
        };
        let pad = " ".repeat(gutter);
        let location = match (self.line, self.column) {
            (0, _) => self.file.display().to_string(),
            (l, 0) => format!("{}:{l}", self.file.display()),
            (l, c) => format!("{}:{l}:{c}", self.file.display()),
        };
        let _ = writeln!(out, "{pad}{blue}-->{reset} {location}");
        if let (Some(src), true) = (&self.source_line, self.line > 0) {
            let shown = src.replace('\t', " ");
            let _ = writeln!(out, "{pad} {blue}|{reset}");
            let _ = writeln!(out, "{blue}{}{reset} {blue}|{reset} {shown}", self.line);
            let marker = format!(
                "{}{}",
                " ".repeat(self.column.saturating_sub(1)),
                "^".repeat(self.width.max(1))
            );
            let _ = writeln!(out, "{pad} {blue}|{reset} {tint}{marker}{reset}");
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "{pad} {blue}={reset} {bold}help{reset}: {help}");
        }
        out
    }

    /// One JSON object for editors and CI (file, line, column, severity, code, message, help).
    pub fn render_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What an internal error asks of the user.
const INTERNAL_HELP: &str = "this is a fault in clerk, not in your paper: please report it to clerk's maintainers with the paper that caused it";

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Sorts diagnostics by file, then position, errors before warnings at the same place.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity).cmp(&(&b.file, b.line, b.column, b.severity))
    });
}

/// The closest of `candidates` to `word` by edit distance, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let norm = |s: &str| s.to_lowercase().replace([' ', '-'], "_");
    let w = norm(word);
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let n = norm(c);
        let mut score = strsim::normalized_damerau_levenshtein(&w, &n);
        // "meeting date" → "date": a key written as a phrase that ends or starts with a real key.
        // The last word is the head noun in English, so it wins over the others.
        let parts: Vec<&str> = w.split('_').collect();
        if parts.len() > 1 && parts.last() == Some(&n.as_str()) {
            score = score.max(0.8);
        } else if parts.len() > 1 && parts.contains(&n.as_str()) {
            score = score.max(0.75);
        }
        if score >= 0.6 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_line_and_column_in_characters() {
        let text = "a: 1\nbé: 2\n";
        let d = Diagnostic::error_at("x", Path::new("p.md"), text, 10, 1, "m");
        assert_eq!((d.line, d.column), (2, 5));
        assert_eq!(d.source_line.as_deref(), Some("bé: 2"));
    }

    #[test]
    fn human_rendering_has_location_marker_and_help() {
        let text = "title: x\npresentd_by: y\n";
        let d = Diagnostic::error_at("unknown-key", Path::new("p.md"), text, 9, 11, "unknown key")
            .with_help("did you mean `presented_by`?");
        let r = d.render_human(false);
        assert!(r.contains("error[unknown-key]: unknown key"), "{r}");
        assert!(r.contains("--> p.md:2:1"), "{r}");
        assert!(r.contains("2 | presentd_by: y"), "{r}");
        assert!(r.contains("  | ^^^^^^^^^^^"), "{r}");
        assert!(r.contains("= help: did you mean `presented_by`?"), "{r}");
    }

    #[test]
    fn internal_errors_name_no_file_and_ask_to_be_reported() {
        let d = Diagnostic::internal("cannot finish the PDF (no pages)");
        assert!(d.is_error());
        let r = d.render_human(false);
        assert!(
            r.starts_with("error: internal: cannot finish the PDF (no pages)\n"),
            "{r}"
        );
        assert!(r.contains("please report it"), "{r}");
        assert!(!r.contains("-->"), "{r}");
        let v: serde_json::Value = serde_json::from_str(&d.render_json()).unwrap();
        assert_eq!(v["severity"], "internal");
    }

    #[test]
    fn suggestions() {
        let keys = ["meeting", "date", "title", "presented_by"];
        assert_eq!(did_you_mean("presentd_by", keys), Some("presented_by"));
        assert_eq!(did_you_mean("meeting date", keys), Some("date"));
        assert_eq!(did_you_mean("Title", keys), Some("title"));
        assert_eq!(did_you_mean("zzz", keys), None);
    }

    #[test]
    fn json_has_the_fields_editors_need() {
        let d = Diagnostic::error_at("c", Path::new("p.md"), "abc", 1, 1, "m").with_help("h");
        let v: serde_json::Value = serde_json::from_str(&d.render_json()).unwrap();
        assert_eq!(v["line"], 1);
        assert_eq!(v["column"], 2);
        assert_eq!(v["severity"], "error");
        assert_eq!(v["help"], "h");
    }
}

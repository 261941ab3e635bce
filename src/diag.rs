//! Diagnostics: every problem in a user's paper or house style, with where it stands and a way
//! out (a byte span, placed on a line and column when printed); and clerk's own failures ([`Diagnostic::internal`]), which concern no file of the user's.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

mod sizes;
pub use sizes::size_in_words;

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

/// One problem found in a source file, pointing at a byte range of the file's text. Line,
/// column, source line and underline are worked out when printed, from [`Sources`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A short stable code, e.g. `unknown-key`, for editors and CI filters.
    pub code: &'static str,
    /// The file the problem is in, relative to the project root where possible.
    pub file: PathBuf,
    /// Bytes of the file's text as clerk read it (BOM removed, line ends turned into LF);
    /// `None` when the problem concerns the whole file.
    pub span: Option<Range<usize>>,
    /// What is wrong, written for an author, not a programmer.
    pub message: String,
    /// How to put it right, when there is a likely fix.
    pub help: Option<String>,
}

/// The texts diagnostics point into, by file as shown in them; filled where files are read.
#[derive(Debug, Clone, Default)]
pub struct Sources(HashMap<PathBuf, Arc<str>>);

impl Sources {
    /// Keeps `text` as the text of `file` (replacing an earlier one).
    pub fn add(&mut self, file: &Path, text: impl Into<Arc<str>>) {
        self.0.insert(file.to_path_buf(), text.into());
    }

    /// The sources of one file.
    pub fn of(file: &Path, text: impl Into<Arc<str>>) -> Self {
        let mut s = Sources::default();
        s.add(file, text);
        s
    }

    /// The text of `file`, if it was kept.
    pub fn get(&self, file: &Path) -> Option<&str> {
        self.0.get(file).map(|t| &**t)
    }

    /// Adds every text of `other`.
    pub fn extend(&mut self, other: &Sources) {
        for (k, v) in &other.0 {
            self.0.insert(k.clone(), v.clone());
        }
    }
}

/// Where a diagnostic stands in its file, worked out from its span and the file's text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column in characters; 0 when unknown.
    pub column: usize,
    /// How many characters from `column` to underline (at least 1).
    pub width: usize,
    /// The text of the line, without its line ending.
    pub source_line: Option<String>,
}

impl Location {
    /// The place of `span` in `text`: line, column, the line's text and the underline's
    /// width (the span cut at the end of its first line).
    pub fn of(text: &str, span: &Range<usize>) -> Self {
        let offset = floor_char_boundary(text, span.start.min(text.len()));
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let len = span.end.saturating_sub(span.start);
        let end = floor_char_boundary(text, offset.saturating_add(len).min(line_end));
        Location {
            line: text[..offset].matches('\n').count() + 1,
            column: text[line_start..offset].chars().count() + 1,
            width: text[offset..end].chars().count().max(1),
            source_line: Some(
                text[line_start..line_end]
                    .trim_end_matches('\r')
                    .to_string(),
            ),
        }
    }
}

/// The diagnostic as JSON: `line` and `column` worked out, no span.
#[derive(Serialize)]
struct Json<'a> {
    severity: Severity,
    code: &'a str,
    file: &'a Path,
    line: usize,
    column: usize,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

impl Diagnostic {
    /// An error about a whole file (no line known).
    pub fn file_error(code: &'static str, file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.to_path_buf(),
            span: None,
            message: message.into(),
            help: None,
        }
    }

    /// An error at the bytes `span` of `file`'s text.
    pub fn at(
        code: &'static str,
        file: &Path,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic::file_error(code, file, message).with_span(span)
    }

    /// A failure of clerk itself, not of the user's files: printed as `error: internal: …`
    /// with a request to report it, and against no file.
    pub fn internal(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Internal,
            code: "internal",
            file: PathBuf::new(),
            span: None,
            message: message.into(),
            help: Some(INTERNAL_HELP.into()),
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

    /// Points the diagnostic at the bytes `span` of its file's text.
    pub fn with_span(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    /// Is this an error, the paper's or clerk's (as opposed to a warning)?
    pub fn is_error(&self) -> bool {
        self.severity != Severity::Warning
    }

    /// Where the diagnostic stands, from its file's text in `sources` (line 0 when it has
    /// no span, or its file's text was not kept).
    pub fn locate(&self, sources: &Sources) -> Location {
        match (&self.span, sources.get(&self.file)) {
            (Some(span), Some(text)) => Location::of(text, span),
            _ => Location::default(),
        }
    }

    /// Line and column (1-based; `(0, 0)` without a span) of the diagnostic in `text`, the
    /// text of its file.
    pub fn line_col(&self, text: &str) -> (usize, usize) {
        self.span.as_ref().map_or((0, 0), |s| {
            let at = Location::of(text, s);
            (at.line, at.column)
        })
    }

    /// `file`, `file:line` or `file:line:col`, as the reports head a diagnostic.
    pub fn place(&self, at: &Location) -> String {
        match (at.line, at.column) {
            (0, _) => self.file.display().to_string(),
            (l, 0) => format!("{}:{l}", self.file.display()),
            (l, c) => format!("{}:{l}:{c}", self.file.display()),
        }
    }

    /// Renders the diagnostic the way rustc does: header, location, source line, marker, help.
    pub fn render_human(&self, sources: &Sources, color: bool) -> String {
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
                    shown(&self.message)
                );
            }
        };
        let at = self.locate(sources);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{tint}{label}[{}]{reset}{bold}: {}{reset}",
            self.code,
            shown(&self.message)
        );
        let gutter = if at.line > 0 {
            at.line.to_string().len()
        } else {
            1
        };
        let pad = " ".repeat(gutter);
        let _ = writeln!(out, "{pad}{blue}-->{reset} {}", shown(&self.place(&at)));
        if let (Some(src), true) = (&at.source_line, at.line > 0) {
            let shown = shown(&src.replace('\t', " ")).into_owned();
            let _ = writeln!(out, "{pad} {blue}|{reset}");
            let _ = writeln!(out, "{blue}{}{reset} {blue}|{reset} {shown}", at.line);
            let marker = format!(
                "{}{}",
                " ".repeat(at.column.saturating_sub(1)),
                "^".repeat(at.width.max(1))
            );
            let _ = writeln!(out, "{pad} {blue}|{reset} {tint}{marker}{reset}");
        }
        if let Some(help) = &self.help {
            let _ = writeln!(
                out,
                "{pad} {blue}={reset} {bold}help{reset}: {}",
                shown(help)
            );
        }
        out
    }

    /// One JSON object for editors and CI (file, line, column, severity, code, message, help).
    pub fn render_json(&self, sources: &Sources) -> String {
        let at = self.locate(sources);
        serde_json::to_string(&Json {
            severity: self.severity,
            code: self.code,
            file: &self.file,
            line: at.line,
            column: at.column,
            message: &self.message,
            help: self.help.as_deref(),
        })
        .unwrap_or_default()
    }
}

/// What an internal error asks of the user.
const INTERNAL_HELP: &str = "this is a fault in clerk, not in your paper: please report it to clerk's maintainers with the paper that caused it";

/// `text` safe to print to a terminal: each control character (ESC, BEL, NUL…) and each
/// bidirectional control, which could rewrite or reorder what the reader sees, becomes one
/// visible character (`␛`, `␇`, `�`), so columns under it still line up.
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            c if !unsafe_char(c) => c,
            c @ '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            _ => '\u{fffd}',
        })
        .collect()
}

/// The byte offset of 1-based `line` and `column` (in characters) in `text`, for tools that
/// report places by line and column; `None` when the line is past the end.
pub fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)?
    };
    let rest = &text[start..];
    Some(
        start
            + rest
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(rest.len(), |(i, _)| i),
    )
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Sorts diagnostics by file, then position (whole-file ones first), errors before warnings
/// at the same place.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        let start = |d: &Diagnostic| d.span.as_ref().map(|s| s.start);
        (&a.file, start(a), a.severity).cmp(&(&b.file, start(b), b.severity))
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

/// Do two words differ only as a word's forms or a slip of the keys do (`equality` and
/// `equalities`, `environmental` and `environment`, `finanical` and `financial`): a long
/// shared start, or few edits?
pub fn near_word(a: &str, b: &str) -> bool {
    let prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    (prefix >= 5 && prefix * 4 >= shorter * 3) || strsim::normalized_levenshtein(a, b) >= 0.75
}

/// A diagnostic with the place it is printed at, for tests that look at lines and columns.
#[cfg(test)]
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    pub(crate) diag: Diagnostic,
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) width: usize,
    pub(crate) source_line: Option<String>,
}

#[cfg(test)]
impl std::ops::Deref for Placed {
    type Target = Diagnostic;
    fn deref(&self) -> &Diagnostic {
        &self.diag
    }
}

/// Each of `diags` with its place, worked out from `sources`.
#[cfg(test)]
pub(crate) fn placed(diags: Vec<Diagnostic>, sources: &Sources) -> Vec<Placed> {
    diags
        .into_iter()
        .map(|diag| {
            let at = diag.locate(sources);
            Placed {
                diag,
                line: at.line,
                column: at.column,
                width: at.width,
                source_line: at.source_line,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;

//! Diagnostics placed in their file through a line index, at most [`MAX_PER_CODE`] of each
//! kind per paper, so that a pathological paper still costs linear time.

use std::collections::HashMap;
use std::path::Path;

use super::{Ctx, Loc, Origin};
use crate::diag::{Diagnostic, Severity};

/// How many diagnostics of one code a paper reports before summing the rest up.
pub(crate) const MAX_PER_CODE: usize = 100;

/// Line starts per file text, and diagnostics counted per code.
#[derive(Debug, Default)]
pub(crate) struct Report {
    /// Keyed by the text's address and length: every source of a paper borrows its file.
    lines: HashMap<(usize, usize), Vec<usize>>,
    counts: HashMap<&'static str, (usize, Severity, std::path::PathBuf)>,
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Report {
    fn starts(&mut self, text: &str) -> &[usize] {
        self.lines
            .entry((text.as_ptr() as usize, text.len()))
            .or_insert_with(|| line_starts(text))
    }
}

/// The text of 1-based `line` (without its line ending) given the line starts.
fn line_text<'t>(text: &'t str, starts: &[usize], line: usize) -> Option<&'t str> {
    let start = *starts.get(line.checked_sub(1)?)?;
    let end = starts.get(line).map_or(text.len(), |next| next - 1);
    Some(text.get(start..end)?.trim_end_matches('\r'))
}

impl Ctx<'_> {
    /// A diagnostic at `loc`, placed according to its source's [`Origin`] (what
    /// [`Diagnostic::error_at`] and [`Diagnostic::locate_line_col`] give, without rescanning
    /// the file for each one).
    pub(crate) fn diag(
        &mut self,
        severity: Severity,
        code: &'static str,
        loc: &Loc,
        message: impl Into<String>,
    ) -> Diagnostic {
        let s = self.sources[loc.src];
        let text = s.file_text;
        let starts = self.report.starts(text);
        let mut d = Diagnostic::file_error(code, s.file, message);
        d.severity = severity;
        match s.origin {
            Origin::Offset(o) => {
                let offset = floor_boundary(text, o.saturating_add(loc.range.start));
                let line = starts.partition_point(|&st| st <= offset).max(1);
                let line_start = starts[line - 1];
                let line_end = starts.get(line).map_or(text.len(), |next| next - 1);
                let end = floor_boundary(
                    text,
                    offset
                        .saturating_add(loc.range.len())
                        .min(line_end)
                        .max(offset),
                );
                d.line = line;
                d.column = text[line_start..offset].chars().count() + 1;
                d.width = text[offset..end].chars().count().max(1);
                d.source_line = line_text(text, starts, line).map(str::to_string);
            }
            Origin::Line(l) => {
                d.line = l;
                d.column = 1;
                d.width = 1;
                d.source_line = line_text(text, starts, l).map(str::to_string);
            }
        }
        d
    }

    /// Has `code` already been reported [`MAX_PER_CODE`] times? (Skip costly help if so.)
    pub(crate) fn over_cap(&self, code: &str) -> bool {
        self.report
            .counts
            .get(code)
            .is_some_and(|c| c.0 >= MAX_PER_CODE)
    }

    fn record(
        &mut self,
        severity: Severity,
        code: &'static str,
        loc: &Loc,
        message: String,
        help: Option<String>,
    ) {
        let file = self.sources[loc.src].file;
        let count = self
            .report
            .counts
            .entry(code)
            .or_insert((0, severity, file.to_path_buf()));
        count.0 += 1;
        count.1 = count.1.min(severity);
        if count.0 > MAX_PER_CODE {
            return;
        }
        let d = self.diag(severity, code, loc, message);
        self.diags.push(match help {
            Some(h) => d.with_help(h),
            None => d,
        });
    }

    /// Records an error at `loc`, with help when given.
    pub(crate) fn error(
        &mut self,
        code: &'static str,
        loc: &Loc,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        self.record(Severity::Error, code, loc, message.into(), help);
    }

    /// Records a warning at `loc`, with help when given.
    pub(crate) fn warn(
        &mut self,
        code: &'static str,
        loc: &Loc,
        message: impl Into<String>,
        help: Option<String>,
    ) {
        self.record(Severity::Warning, code, loc, message.into(), help);
    }

    /// The 1-based line of `loc` in its file (as a diagnostic there would report it).
    pub(crate) fn line_of(&mut self, loc: &Loc) -> usize {
        let s = self.sources[loc.src];
        match s.origin {
            Origin::Offset(o) => {
                let offset = floor_boundary(s.file_text, o.saturating_add(loc.range.start));
                self.report
                    .starts(s.file_text)
                    .partition_point(|&st| st <= offset)
                    .max(1)
            }
            Origin::Line(l) => l,
        }
    }

    /// Adds one summary per code that went over [`MAX_PER_CODE`].
    pub(crate) fn finish_report(&mut self) {
        let mut over: Vec<_> = self
            .report
            .counts
            .iter()
            .filter(|(_, c)| c.0 > MAX_PER_CODE)
            .collect();
        over.sort_by_key(|(code, _)| **code);
        for (code, (n, severity, file)) in over {
            let mut d = Diagnostic::file_error(
                code,
                Path::new(file),
                format!(
                    "{} more problems like the `{code}` ones above are not shown",
                    n - MAX_PER_CODE
                ),
            );
            d.severity = *severity;
            self.diags
                .push(d.with_help("put the ones shown right, then build again to see the rest"));
        }
    }
}

//! Diagnostics placed in their file by byte span (lines counted through a line index), at most [`MAX_PER_CODE`] of each
//! kind per paper, so that a pathological paper still costs linear time.

use std::collections::HashMap;
use std::path::Path;

use super::{Ctx, Loc, Origin};
use crate::diag::{Diagnostic, Severity};
use crate::paper::place;

/// How many diagnostics of one code a paper reports before summing the rest up.
pub(crate) const MAX_PER_CODE: usize = 100;

/// Line starts per Markdown text, and diagnostics counted per code.
#[derive(Debug, Default)]
pub(crate) struct Report {
    /// Keyed by the text's address and length.
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

impl Ctx<'_> {
    /// A diagnostic at `loc`, placed in its file according to its source's [`Origin`].
    pub(crate) fn diag(
        &mut self,
        severity: Severity,
        code: &'static str,
        loc: &Loc,
        message: impl Into<String>,
    ) -> Diagnostic {
        let s = self.sources[loc.src];
        let mut d = Diagnostic::file_error(code, s.file, message);
        d.severity = severity;
        d.span = Some(match s.origin {
            Origin::Body { offset, .. } => {
                offset.saturating_add(loc.range.start)..offset.saturating_add(loc.range.end)
            }
            Origin::Value {
                line_start, spans, ..
            } => {
                let last = loc.range.end.max(loc.range.start + 1) - 1;
                match (place(spans, loc.range.start), place(spans, last)) {
                    (Some((start, _)), Some((end, _))) => start..(end + 1).max(start + 1),
                    _ => line_start..line_start + 1,
                }
            }
        });
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
            Origin::Body { line, .. } => {
                let offset = floor_boundary(s.markdown, loc.range.start);
                let before = self
                    .report
                    .starts(s.markdown)
                    .partition_point(|&st| st <= offset);
                line + before.saturating_sub(1)
            }
            Origin::Value { line, spans, .. } => {
                place(spans, loc.range.start).map_or(line, |p| p.1)
            }
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

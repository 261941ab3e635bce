//! Reporting to the terminal, shared by the commands and the preview server: diagnostics for
//! people or as JSON lines, counts in words, and the exit codes.

use std::io::Write;

use crate::diag::{Diagnostic, Sources};
use crate::output::BuildReport;

/// How diagnostics are printed (`clerk check --format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MessageFormat {
    /// rustc-style reports with the source line and a marker.
    Human,
    /// One JSON object per diagnostic per line.
    Json,
}

/// Exit code: a paper has errors.
pub const EXIT_PAPER_ERRORS: u8 = 1;
/// Exit code: usage, project or house-style error.
pub const EXIT_USAGE: u8 = 2;

/// Prints the run's own diagnostics (placed in `sources`), then each paper's (in its own),
/// for people (stderr) or as JSON lines (stdout).
pub fn print_report_diagnostics(
    report: &BuildReport,
    sources: &Sources,
    format: MessageFormat,
    color: bool,
) {
    print_as(&report.diagnostics, sources, format, color);
    for p in &report.papers {
        print_as(&p.diagnostics, &p.sources, format, color);
    }
}

/// Prints diagnostics for people (stderr) or as JSON lines (stdout), placing each in the
/// text of its file from `sources`.
pub fn print_as(diags: &[Diagnostic], sources: &Sources, format: MessageFormat, color: bool) {
    match format {
        MessageFormat::Human => print_human(diags, sources, color),
        MessageFormat::Json => {
            let mut out = std::io::stdout().lock();
            for d in diags {
                let _ = writeln!(out, "{}", d.render_json(sources));
            }
        }
    }
}

/// Prints diagnostics to stderr for people.
pub fn print_human(diags: &[Diagnostic], sources: &Sources, color: bool) {
    let mut err = std::io::stderr().lock();
    for d in diags {
        let _ = writeln!(err, "{}", d.render_human(sources, color));
    }
}

/// `1 paper`, `2 papers`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

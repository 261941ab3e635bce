//! Reporting to the terminal, shared by the commands and the preview server: diagnostics for
//! people or as JSON lines, counts in words, a build's summary notes, and the exit codes.

use std::io::Write;
use std::path::Path;

use crate::diag::{Diagnostic, Sources};
use crate::output::BuildReport;
use crate::render::OutputFormat;
use crate::render::pdf::pack::PackKind;

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

/// What a build made, for its summary: `3 papers` (`(1 up to date, not built again)` added
/// when some were reused), or with `--format pack` alone, where no paper is rendered,
/// `2 packs from 3 checked papers`.
pub fn built_what(report: &BuildReport, formats: &[OutputFormat]) -> String {
    let papers = report.papers.len();
    if !formats.iter().any(|f| f.is_paper()) {
        let packs = report
            .meetings
            .iter()
            .flat_map(|m| &m.outputs)
            .filter(|o| PackKind::of_path(&o.path).is_some())
            .count();
        return format!(
            "{} from {}",
            plural(packs, "pack"),
            plural(papers, "checked paper")
        );
    }
    let reused = match report.papers.iter().filter(|p| p.reused).count() {
        0 => String::new(),
        n => format!(" ({n} up to date, not built again)"),
    };
    format!("{}{reused}", plural(papers, "paper"))
}

/// The problems not of one paper's own (meeting files, meetings' cross-checks, outputs,
/// files in the papers folder that are no paper's),
/// for the summary: ` (and 1 error, 2 warnings about meetings, outputs and other files)`, or nothing.
/// Without it a run that fails on a meeting file would end "0 failed".
pub fn besides_papers(diags: &[Diagnostic]) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let parts: Vec<String> = [(errors, "error"), (warnings, "warning")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, w)| plural(n, w))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(
            " (and {} about meetings, outputs and other files)",
            parts.join(", ")
        )
    }
}

/// What the summary says of outputs beyond the papers built: the stale ones (a failed
/// paper's last good output, still listed), those removed because their paper is gone, and
/// those of gone papers left because someone changed them.
pub fn outputs_note(report: &BuildReport, out_dir: &Path) -> String {
    let mut note = failed_meetings(report);
    let stale: Vec<_> = report.papers.iter().filter(|p| p.is_stale()).collect();
    if !stale.is_empty() {
        note.push_str(&format!(
            "Stale: {} still listed with {} last good output (fix the errors to rebuild):\n",
            plural(stale.len(), "failed paper"),
            if stale.len() == 1 { "its" } else { "their" }
        ));
        for p in stale {
            note.push_str(&format!("  stale     {}\n", p.source.display.display()));
        }
    }
    let list = |paths: &[String]| {
        paths
            .iter()
            .map(|p| format!("  {}\n", out_dir.join(p).display()))
            .collect::<String>()
    };
    // A paper taken in private has its public outputs removed and its own written under
    // `out/private/`: those are said apart, as the paper is not gone.
    let private_dir = crate::output::PRIVATE_DIR;
    let now_private: std::collections::BTreeSet<String> =
        report.private.keys().map(|rel| stem_of(rel)).collect();
    let (private, gone): (Vec<String>, Vec<String>) = report
        .removed
        .iter()
        .cloned()
        .partition(|path| now_private.contains(path_stem(path)));
    // Withheld (no exempt ground): their meeting file has an error, or their meeting's
    // agenda does not list them; said apart from those taken in private.
    let withheld: std::collections::BTreeSet<String> = report
        .private
        .iter()
        .filter(|(_, ground)| ground.is_empty())
        .map(|(rel, _)| stem_of(rel))
        .collect();
    let (held, taken): (Vec<String>, Vec<String>) = private
        .into_iter()
        .partition(|path| withheld.contains(path_stem(path)));
    for (paths, why) in [
        (taken, "now taken in private"),
        (
            held,
            "withheld while their meeting file has an error or their meeting's agenda does not list them",
        ),
    ] {
        if !paths.is_empty() {
            note.push_str(&format!(
                "Removed {} of papers {why} (their own are in {}):\n{}",
                plural(paths.len(), "public output"),
                out_dir.join(private_dir).display(),
                list(&paths)
            ));
        }
    }
    // A paper published again has its private copies removed: not gone either.
    let published: std::collections::BTreeSet<String> = report
        .papers
        .iter()
        .filter(|p| !now_private.contains(&stem_of(&p.source.rel)))
        .map(|p| format!("{private_dir}/{}", stem_of(&p.source.rel)))
        .collect();
    let (public, gone): (Vec<String>, Vec<String>) = gone
        .into_iter()
        .partition(|path| published.contains(path_stem(path)));
    if !public.is_empty() {
        note.push_str(&format!(
            "Removed {} of papers no longer taken in private (now published in {}):\n{}",
            plural(public.len(), "private output"),
            out_dir.display(),
            list(&public)
        ));
    }
    // A pack of late or private items its meeting no longer has: the meeting is not gone.
    let unwanted: std::collections::BTreeSet<&str> = report
        .meetings
        .iter()
        .flat_map(|m| m.removed.iter().map(String::as_str))
        .collect();
    let (packs, gone): (Vec<String>, Vec<String>) = gone
        .into_iter()
        .partition(|path| unwanted.contains(path.as_str()));
    if !packs.is_empty() {
        note.push_str(&format!(
            "Removed {} whose meeting has no items for it any more:\n{}",
            plural(packs.len(), "pack"),
            list(&packs)
        ));
    }
    if !gone.is_empty() {
        note.push_str(&format!(
            "Removed {} of papers or meetings that are gone:\n{}",
            plural(gone.len(), "output"),
            list(&gone)
        ));
    }
    if !report.left.is_empty() {
        note.push_str(&format!(
            "Left {} of papers or meetings that are gone, changed since clerk wrote {} (delete by hand if unwanted):\n{}",
            plural(report.left.len(), "output"),
            if report.left.len() == 1 { "it" } else { "them" },
            list(&report.left)
        ));
    }
    note.push_str(&not_for_publication(report, out_dir));
    note
}

/// The meetings this run could not build (their file, or its cross-checks with the
/// papers, have errors), for the summary: the secretary whose agenda did not change learns
/// it here, not only from an error among many.
fn failed_meetings(report: &BuildReport) -> String {
    let failed: Vec<_> = (report.meetings.iter())
        .filter(|m| m.meeting.failed)
        .map(|m| &m.meeting)
        .collect();
    if failed.is_empty() {
        return String::new();
    }
    let mut note = format!(
        "Not built: {} whose agenda has errors (above); {} page, agenda and packs are not written (any from an earlier build stay, or are withdrawn where a warning says so):\n",
        plural(failed.len(), "meeting"),
        if failed.len() == 1 { "its" } else { "their" }
    );
    for m in failed {
        let file = m
            .file
            .as_ref()
            .map_or(String::new(), |f| format!("  ({})", f.display()));
        note.push_str(&format!("  {} on {}{file}\n", m.committee, m.date));
    }
    note
}

/// The outputs of items taken in private, for the summary: the private papers' folder and
/// each private pack (which the contract puts in its meeting's folder, beside the public
/// files), so that whoever publishes `out/` knows what to leave out.
pub(crate) fn not_for_publication(report: &BuildReport, out_dir: &Path) -> String {
    let private_dir = format!("{}/", crate::output::PRIVATE_DIR);
    let papers = report
        .papers
        .iter()
        .filter(|p| p.outputs.iter().any(|o| o.path.starts_with(&private_dir)))
        .count();
    let packs: Vec<&str> = report
        .meetings
        .iter()
        .flat_map(|m| &m.outputs)
        .chain(&report.kept)
        .filter(|o| crate::output::is_private_pack(o))
        .map(|o| o.path.as_str())
        .collect();
    if papers == 0 && packs.is_empty() {
        return String::new();
    }
    let mut note = String::from("Not for publication (items taken in private):\n");
    if papers > 0 {
        note.push_str(&format!(
            "  {}  ({})\n",
            out_dir.join(crate::output::PRIVATE_DIR).display(),
            plural(papers, "private paper")
        ));
    }
    for pack in packs {
        note.push_str(&format!("  {}\n", out_dir.join(pack).display()));
    }
    note
}

/// `1 paper`, `2 papers`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// A paper's path relative to the papers folder without its extension, `/`-separated: the
/// stem its outputs share (`c/pub` for `c/pub.html` and `c/pub.pdf`).
fn stem_of(rel: &Path) -> String {
    crate::output::write::slash_path(&rel.with_extension(""))
}

/// An output's path without its extension.
fn path_stem(path: &str) -> &str {
    path.rsplit_once('.').map_or(path, |(stem, _)| stem)
}

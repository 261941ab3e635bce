//! The build's progress bar on a terminal: papers done of the total and the paper being
//! built, shown only when a build has taken longer than [`SHOW_AFTER`], never when the output
//! is piped or `--quiet`. While it shows, each paper's warnings and errors are printed above
//! it as the paper is done, not kept for the end.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::MessageFormat;
use crate::output::PaperReport;
use crate::pipeline::Progress;
use crate::project::PaperSource;
use crate::report::print_as;

/// How long a build runs before its bar appears: a quick build stays quiet.
pub const SHOW_AFTER: Duration = Duration::from_millis(500);

/// Should the bar show now? Only on a terminal, not `--quiet`, after [`SHOW_AFTER`].
pub fn show_bar(terminal: bool, quiet: bool, elapsed: Duration) -> bool {
    terminal && !quiet && elapsed >= SHOW_AFTER
}

/// A bar on stderr, hidden until [`show_bar`] says so.
pub struct BuildProgress {
    bar: ProgressBar,
    started: Instant,
    terminal: bool,
    quiet: bool,
    color: bool,
    /// Papers whose diagnostics were printed above the bar.
    printed: Mutex<BTreeSet<PathBuf>>,
}

impl BuildProgress {
    /// A progress for a build starting now; `terminal` is whether stderr is one.
    pub fn new(terminal: bool, quiet: bool, color: bool) -> BuildProgress {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        let style = ProgressStyle::with_template("{bar:30} {pos}/{len} papers  {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        BuildProgress {
            bar,
            started: Instant::now(),
            terminal,
            quiet,
            color,
            printed: Mutex::new(BTreeSet::new()),
        }
    }

    /// Shows the bar if it is time; true when it shows.
    fn shown(&self) -> bool {
        if self.bar.is_hidden() && show_bar(self.terminal, self.quiet, self.started.elapsed()) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar.enable_steady_tick(Duration::from_millis(120));
        }
        !self.bar.is_hidden()
    }

    /// Has this paper's diagnostics been printed already, above the bar?
    pub fn printed(&self, paper: &PaperSource) -> bool {
        self.printed
            .lock()
            .is_ok_and(|p| p.contains(&paper.display))
    }

    /// Takes the bar away before the summary is printed.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for BuildProgress {
    fn start(&self, total: usize) {
        self.bar.set_length(total as u64);
        // A build that stalls on its first paper still gets its bar after SHOW_AFTER.
        if self.terminal && !self.quiet {
            let bar = self.bar.clone();
            let (terminal, quiet, started) = (self.terminal, self.quiet, self.started);
            std::thread::spawn(move || {
                std::thread::sleep(SHOW_AFTER.saturating_sub(started.elapsed()));
                if !bar.is_finished()
                    && bar.is_hidden()
                    && show_bar(terminal, quiet, started.elapsed())
                {
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                    bar.enable_steady_tick(Duration::from_millis(120));
                }
            });
        }
    }

    fn paper_started(&self, paper: &PaperSource) {
        self.bar.set_message(paper.display.display().to_string());
        self.shown();
    }

    fn paper_done(&self, report: &PaperReport) {
        self.bar.inc(1);
        if !self.shown() || report.diagnostics.is_empty() {
            return;
        }
        self.bar.suspend(|| {
            print_as(
                &report.diagnostics,
                &report.sources,
                MessageFormat::Human,
                self.color,
            );
        });
        if let Ok(mut p) = self.printed.lock() {
            p.insert(report.source.display.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_shows_only_on_a_terminal_not_quiet_after_half_a_second() {
        let long = Duration::from_secs(2);
        assert!(show_bar(true, false, long));
        assert!(show_bar(true, false, SHOW_AFTER));
        assert!(!show_bar(true, false, Duration::from_millis(200)));
        assert!(!show_bar(false, false, long), "piped");
        assert!(!show_bar(true, true, long), "--quiet");
    }

    #[test]
    fn off_a_terminal_nothing_is_printed_early() {
        let p = BuildProgress::new(false, false, false);
        p.start(1);
        let source = PaperSource {
            path: PathBuf::from("papers/a.md"),
            rel: PathBuf::from("a.md"),
            display: PathBuf::from("papers/a.md"),
        };
        let report = PaperReport {
            withdrawn: Vec::new(),
            source: source.clone(),
            meta: None,
            diagnostics: vec![crate::diag::Diagnostic::file_error(
                "x",
                &source.display,
                "m",
            )],
            sources: Default::default(),
            outputs: Vec::new(),
            built: false,
            reused: false,
            last_good: None,
            times: Default::default(),
        };
        p.paper_started(&source);
        p.paper_done(&report);
        assert!(p.bar.is_hidden());
        assert!(
            !p.printed(&source),
            "kept for the report at the end, in order"
        );
        assert_eq!(p.bar.position(), 1);
        p.finish();
    }
}

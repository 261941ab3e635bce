//! The build's progress bar (#15 item 9): never drawn when the output is piped or `--quiet`,
//! and the pipeline tells it of every paper, each once.

use std::path::Path;
use std::sync::Mutex;

use clerk::diag::Sources;
use clerk::output::PaperReport;
use clerk::pipeline::{BuildOptions, Progress, run_with_progress};
use clerk::project::{PaperSource, Project};
use clerk::render::OutputFormat;

use crate::common::*;

/// A project of `n` copies of the seed paper, each its own agenda item; the third keeps a
/// placeholder presenter, so it has a warning.
fn project_of(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("papers")).unwrap();
    let seed = repo().join("papers/policing-performance/2021-09-01-hmics-progress-review.md");
    let text = std::fs::read_to_string(&seed).unwrap();
    for i in 1..=n {
        let mut paper = text
            .replace("agenda_item: \"4.2\"", &format!("agenda_item: \"{i}\""))
            .replace(
                "title: HMICS Progress Review",
                &format!("title: Paper {i} HMICS Progress Review"),
            );
        if i == 3 {
            paper = paper.replace(
                "presented_by: Elaine Galbraith, HMICS",
                "presented_by: Name, Role",
            );
        }
        std::fs::write(dir.path().join(format!("papers/copy-{i}.md")), paper).unwrap();
    }
    dir
}

fn no_bar(text: &str) {
    for bytes in ["\r", "\u{1b}[", "█", "░", "/12 papers"] {
        assert!(
            !text.contains(bytes),
            "bar bytes {bytes:?} in piped output:\n{text}"
        );
    }
}

#[test]
fn a_piped_build_prints_no_bar_and_every_warning_once() {
    let dir = project_of(12);
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    no_bar(&stdout);
    no_bar(&stderr);
    assert_eq!(
        stderr.matches("warning[unfilled-placeholder]").count(),
        1,
        "{stderr}"
    );
    assert!(stdout.contains("Built 12 papers in"), "{stdout}");
    assert!(
        stdout.contains("warnings  papers/copy-3.md (1 warning)"),
        "{stdout}"
    );

    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["build", "--quiet"]));
    assert_eq!(code, 0);
    no_bar(&stdout);
    no_bar(&stderr);
    assert!(!stdout.contains("ok        papers/copy-1.md"), "{stdout}");
}

#[derive(Default)]
struct Record {
    total: Mutex<Option<usize>>,
    started: Mutex<Vec<String>>,
    done: Mutex<Vec<(String, usize)>>,
}

impl Progress for Record {
    fn start(&self, total: usize) {
        *self.total.lock().unwrap() = Some(total);
    }
    fn paper_started(&self, paper: &PaperSource) {
        self.started
            .lock()
            .unwrap()
            .push(paper.display.display().to_string());
    }
    fn paper_done(&self, report: &PaperReport) {
        let name = report.source.display.display().to_string();
        self.done.lock().unwrap().push((name, report.warnings()));
    }
}

#[test]
fn the_pipeline_tells_the_bar_of_each_paper_once_after_it_is_written() {
    let dir = project_of(5);
    let mut sources = Sources::default();
    let project = Project::open(dir.path(), None, None, &mut sources).unwrap();
    let opts = BuildOptions {
        formats: vec![OutputFormat::Html],
        paths: Vec::new(),
        draft_by_default: false,
        force: false,
    };
    let record = Record::default();
    let report = run_with_progress(&project, &opts, &mut sources, &record).unwrap();
    assert_eq!(*record.total.lock().unwrap(), Some(5));
    let mut started = record.started.lock().unwrap().clone();
    started.sort();
    let mut done = record.done.lock().unwrap().clone();
    done.sort();
    let names: Vec<String> = (1..=5).map(|i| format!("papers/copy-{i}.md")).collect();
    assert_eq!(started, names);
    let warned: Vec<&str> = done
        .iter()
        .filter(|(_, w)| *w > 0)
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(warned, ["papers/copy-3.md"]);
    assert_eq!(done.len(), 5);
    // Told after the paper was written: its output exists by then.
    assert!(report.papers.iter().all(|p| p.built));
    assert!(Path::new(&dir.path().join("out/copy-1.html")).exists());
}

//! Benchmark: incremental builds of a generated archive (#17): a full build, then a rebuild
//! with nothing changed, then rebuilds with one paper changed (a different one each time),
//! HTML + PDF, in one process through the library.
//!
//! `cargo bench --bench incremental` (N = 1000), or `cargo bench --bench incremental -- 10000`.
//! Prints each median and the no-op rebuild as a share of the full build.
//!
//! The archive is shaped like a real one: ten papers a meeting, one meeting a week back from
//! 2026, agenda items 1 to 10 (the `build` bench's papers all share one meeting, which makes
//! a single agenda of N items and repeats its item numbers).

// Only its seed paper is used here: this archive is shaped its own way.
#[allow(dead_code)]
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use clerk::pipeline::{BuildOptions, run};
use clerk::project::Project;
use clerk::render::OutputFormat;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// One build of `root` (into its `out/`), timed; how many papers were up to date.
fn build(root: &Path, n: usize, force: bool) -> (Duration, usize) {
    let opts = BuildOptions {
        formats: vec![OutputFormat::Html, OutputFormat::Pdf],
        paths: Vec::new(),
        draft_by_default: false,
        force,
    };
    let started = Instant::now();
    let mut sources = Default::default();
    let project = Project::open(root, None, None, &mut sources).unwrap();
    let report = run(&project, &opts, &mut sources).unwrap();
    let elapsed = started.elapsed();
    assert_eq!(report.papers.len(), n);
    assert!(!report.has_errors());
    (elapsed, report.papers.iter().filter(|p| p.reused).count())
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    clerk::alloc::configure();
    common::load::say("at the start");
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1000);
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    common::generate(root, n, 10);
    let _ = build(root, n, true); // warms the page cache
    let mut full = Vec::new();
    // A large archive's full build is long: one timed run past 2000 papers.
    for _ in 0..if n > 2000 { 1 } else { 3 } {
        full.push(build(root, n, true).0);
    }
    let full = median(full);
    println!(
        "full build of {n} papers (HTML + PDF, --force): median {}",
        ms(full)
    );

    let mut noop = Vec::new();
    for _ in 0..5 {
        let (t, reused) = build(root, n, false);
        assert_eq!(reused, n, "nothing changed, nothing built");
        noop.push(t);
    }
    let noop = median(noop);
    println!(
        "no-op rebuild of {n} papers: median {} ({:.1}% of the full build)",
        ms(noop),
        noop.as_secs_f64() / full.as_secs_f64() * 100.0
    );

    let mut one = Vec::new();
    for round in 0..5 {
        let i = round * 7 % n;
        let path = walkdir::WalkDir::new(root.join("papers"))
            .into_iter()
            .filter_map(Result::ok)
            .find(|e| e.file_name().to_string_lossy() == format!("paper-{i:05}.md"))
            .unwrap()
            .into_path();
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str(&format!("\nA paragraph added in round {round}.\n"));
        std::fs::write(&path, text).unwrap();
        let (t, reused) = build(root, n, false);
        assert_eq!(reused, n - 1, "only the changed paper is built");
        one.push(t);
    }
    println!(
        "rebuild of {n} papers with one changed: median {}",
        ms(median(one))
    );
    common::load::say("at the end");
}

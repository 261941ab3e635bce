//! Benchmark: generate N papers like the seed and build their HTML in one process.
//!
//! `cargo bench --bench build` (N = 1000), or `cargo bench --bench build -- 200` for another
//! count. Prints the median of five runs, per-paper cost and papers per second.

use std::path::Path;
use std::time::{Duration, Instant};

use clerk::build::{BuildOptions, Project, run};
use clerk::render::OutputFormat;

const SEED: &str =
    include_str!("../papers/policing-performance/2021-09-01-hmics-progress-review.md");

fn generate(root: &Path, n: usize) {
    let papers = root.join("papers");
    for i in 0..n {
        let dir = papers.join(format!("meeting-{:02}", i % 20));
        std::fs::create_dir_all(&dir).unwrap();
        let text = SEED
            .replace(
                "agenda_item: \"4.2\"",
                &format!("agenda_item: \"{}.{}\"", i % 9 + 1, i % 7 + 1),
            )
            .replace(
                "title: HMICS Progress Review",
                &format!("title: HMICS Progress Review {i}"),
            );
        std::fs::write(dir.join(format!("paper-{i:04}.md")), text).unwrap();
    }
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1000);
    let tmp = tempfile::tempdir().unwrap();
    generate(tmp.path(), n);
    let opts = BuildOptions {
        formats: vec![OutputFormat::Html],
        paths: Vec::new(),
        draft_by_default: false,
    };
    let mut times: Vec<Duration> = Vec::new();
    for round in 0..6 {
        let _ = std::fs::remove_dir_all(tmp.path().join("out"));
        let started = Instant::now();
        let project = Project::open(tmp.path(), None, None).unwrap();
        let report = run(&project, &opts).unwrap();
        let elapsed = started.elapsed();
        assert_eq!(report.papers.len(), n);
        assert!(!report.has_errors());
        if round > 0 {
            times.push(elapsed); // the first round warms the page cache
        }
    }
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "build {n} papers (HTML): median {:.1} ms over {} runs, {:.3} ms a paper, {:.0} papers/s, threads {}",
        median.as_secs_f64() * 1e3,
        times.len(),
        median.as_secs_f64() * 1e3 / n as f64,
        n as f64 / median.as_secs_f64(),
        rayon::current_num_threads()
    );
}

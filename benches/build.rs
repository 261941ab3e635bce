//! Benchmark: generate N papers like the seed and build them in one process, HTML alone and
//! HTML + PDF; then one paper from a cold process (the real binary, fonts parsed and all).
//!
//! `cargo bench --bench build` (N = 1000), or `cargo bench --bench build -- 200` for another
//! count. Prints medians, per-paper cost, papers per second and the peak memory.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use clerk::pipeline::{BuildOptions, run};
use clerk::project::Project;
use clerk::render::OutputFormat;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// The median of `rounds` builds of every paper into a fresh output folder (one warm-up).
fn time_build(root: &Path, formats: Vec<OutputFormat>, n: usize, rounds: usize) -> Duration {
    let opts = BuildOptions {
        formats,
        paths: Vec::new(),
        draft_by_default: false,
    };
    let mut times = Vec::new();
    let cpu_start = cpu_seconds();
    for round in 0..=rounds {
        let _ = std::fs::remove_dir_all(root.join("out"));
        let started = Instant::now();
        let mut sources = Default::default();
        let project = Project::open(root, None, None, &mut sources).unwrap();
        let report = run(&project, &opts, &mut sources).unwrap();
        let elapsed = started.elapsed();
        assert_eq!(report.papers.len(), n);
        assert!(!report.has_errors());
        if round > 0 {
            times.push(elapsed); // the first round warms the page cache
        }
    }
    if let (Some((a, _)), Some((b, _))) = (cpu_start, cpu_seconds()) {
        println!(
            "  CPU (user + system): {:.2} s a build",
            (b - a) / (rounds + 1) as f64
        );
    }
    median(times)
}

/// CPU seconds (user + system) of this process and of its finished children, from
/// `/proc/self/stat` (Linux; clock ticks of 10 ms).
fn cpu_seconds() -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<f64> = stat
        .rsplit_once(')')?
        .1
        .split_whitespace()
        .skip(11)
        .take(4)
        .filter_map(|f| f.parse().ok())
        .collect();
    let [u, s, cu, cs] = fields[..] else {
        return None;
    };
    Some(((u + s) / 100.0, (cu + cs) / 100.0))
}

/// Peak resident memory of this process so far (Linux), in MiB.
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

fn report(what: &str, n: usize, t: Duration, runs: usize) {
    println!(
        "build {n} papers ({what}): median {:.1} ms over {runs} runs, {:.3} ms a paper, {:.0} papers/s, threads {}",
        t.as_secs_f64() * 1e3,
        t.as_secs_f64() * 1e3 / n as f64,
        n as f64 / t.as_secs_f64(),
        rayon::current_num_threads()
    );
}

/// One paper, HTML + PDF, from a cold process: the real binary, median of 11 runs.
fn cold_single() -> Duration {
    let tmp = tempfile::tempdir().unwrap();
    common::generate(tmp.path(), 1);
    let mut times = Vec::new();
    let cpu_start = cpu_seconds();
    for _ in 0..11 {
        let _ = std::fs::remove_dir_all(tmp.path().join("out"));
        let started = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_clerk"))
            .args(["build", "--quiet", "--format", "html,pdf"])
            .current_dir(tmp.path())
            .status()
            .unwrap();
        times.push(started.elapsed());
        assert!(status.success());
    }
    if let (Some((_, a)), Some((_, b))) = (cpu_start, cpu_seconds()) {
        println!(
            "  CPU (user + system): {:.1} ms a run",
            (b - a) * 1000.0 / 11.0
        );
    }
    median(times)
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1000);
    let tmp = tempfile::tempdir().unwrap();
    common::generate(tmp.path(), n);
    let html = time_build(tmp.path(), vec![OutputFormat::Html], n, 5);
    report("HTML", n, html, 5);
    let both = time_build(
        tmp.path(),
        vec![OutputFormat::Html, OutputFormat::Pdf],
        n,
        3,
    );
    report("HTML + PDF", n, both, 3);
    if let Some(mib) = peak_mib() {
        println!("peak memory of the benchmark process: {mib:.0} MiB");
    }
    let cold = cold_single();
    println!(
        "one paper, HTML + PDF, cold process (`clerk build`): median {:.1} ms over 11 runs",
        cold.as_secs_f64() * 1e3
    );
}

//! Benchmark: one long paper (the seed's body repeated, about 1,200 pages) built as a PDF by
//! the real binary in a child process; prints the wall time (median of 3), the CPU time and
//! the peak resident memory of the build.
//!
//! `cargo bench --bench big_paper` (the body 890 times: 1,188 pages), or
//! `cargo bench --bench big_paper -- 150` for another number of repeats.

/// The seed paper, whose body is repeated.
const SEED: &str =
    include_str!("../papers/policing-performance/2021-09-01-hmics-progress-review.md");

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "common/load.rs"]
mod load;

/// Writes `root/papers/big.md`: the seed's front matter, then its body `repeats` times.
fn generate(root: &Path, repeats: usize) {
    let mut parts = SEED.splitn(3, "---\n");
    let (_, front, body) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
    let text = format!("---\n{front}---\n{}", vec![body; repeats].join("\n"));
    std::fs::create_dir_all(root.join("papers")).unwrap();
    std::fs::write(root.join("papers/big.md"), text).unwrap();
}

/// User + system CPU seconds and the largest peak resident set (MiB) of the waited-for
/// children so far.
#[cfg(unix)]
fn children() -> (f64, f64) {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (
        secs(usage.ru_utime) + secs(usage.ru_stime),
        usage.ru_maxrss as f64 / 1024.0,
    )
}

#[cfg(not(unix))]
fn children() -> (f64, f64) {
    (f64::NAN, f64::NAN)
}

/// The page count in the manifest clerk wrote.
fn pages(root: &Path) -> u64 {
    let manifest = std::fs::read_to_string(root.join("out/manifest.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    json["papers"][0]["outputs"]
        .as_array()
        .and_then(|o| o.iter().find_map(|f| f["pages"].as_u64()))
        .unwrap_or(0)
}

fn main() {
    load::say("at the start");
    let repeats: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(890);
    let tmp = tempfile::tempdir().unwrap();
    generate(tmp.path(), repeats);
    let rounds = 3;
    let mut times: Vec<Duration> = Vec::new();
    let (cpu_before, _) = children();
    for _ in 0..rounds {
        let _ = std::fs::remove_dir_all(tmp.path().join("out"));
        let started = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_clerk"))
            .args(["build", "--quiet", "--force", "--format", "pdf"])
            .current_dir(tmp.path())
            .stdout(Stdio::null())
            .status()
            .unwrap();
        times.push(started.elapsed());
        assert!(status.success());
    }
    let (cpu_after, peak) = children();
    times.sort();
    let pdf = std::fs::metadata(tmp.path().join("out/big.pdf")).map_or(0, |m| m.len());
    println!(
        "one paper of {} pages ({:.1} MiB PDF), `clerk build --format pdf`: median {:.2} s wall, \
         {:.2} s CPU a build, peak {:.0} MiB resident",
        pages(tmp.path()),
        pdf as f64 / (1024.0 * 1024.0),
        times[rounds / 2].as_secs_f64(),
        (cpu_after - cpu_before) / rounds as f64,
        peak
    );
    load::say("at the end");
}

//! Benchmark: generate N papers like the seed and build them in one process, HTML alone and
//! HTML + PDF; then one paper from a cold process (the real binary, fonts parsed and all).
//!
//! `cargo bench --bench build` (N = 1000), or `cargo bench --bench build -- 200` for another
//! count. Prints medians, per-paper cost, papers per second and the peak memory, with the
//! floor (the same files written again) on disk and in memory (`/dev/shm`); then the
//! meetings' share of the build (assembling, pages, agenda PDFs, calendar) and the time to
//! render one 40-item meeting page. The full build is also timed as a user runs it: the
//! `clerk` binary, a process a build (the in-process rounds after the first carry the heap
//! the earlier builds left).

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

/// Medians of `rounds` builds of every paper (one warm-up before), each into a fresh
/// output folder `runs/label-N`, and of the floor: the same files written again, a
/// temporary file renamed over each as clerk writes them, from as many threads, into a
/// fresh folder beside it. The floor is taken after each build (when `with_floor`), so
/// both meet the file system in the same state. Nothing is deleted between rounds: an
/// ext4 without a journal makes each new file read past every inode freed in the last 30
/// seconds (see "The disk" in docs/performance.md), so a build just after a deletion would time
/// the deletion. The caller removes `runs` when done.
fn time_build(
    root: &Path,
    runs: &Path,
    label: &str,
    formats: Vec<OutputFormat>,
    n: usize,
    rounds: usize,
    with_floor: bool,
) -> Timed {
    let opts = BuildOptions {
        formats,
        paths: Vec::new(),
        draft_by_default: false,
        force: false,
    };
    let mut times = Vec::new();
    let mut floors = Vec::new();
    let mut peak: Option<f64> = None;
    let mut cpu = 0.0;
    for round in 0..=rounds {
        let out = runs.join(format!("{label}-{round}"));
        let cpu_before = cpu_seconds();
        let started = Instant::now();
        let mut sources = Default::default();
        let project = Project::open(root, None, Some(&out), &mut sources).unwrap();
        let report = run(&project, &opts, &mut sources).unwrap();
        let elapsed = started.elapsed();
        if let (Some((a, _)), Some((b, _))) = (cpu_before, cpu_seconds()) {
            cpu += b - a;
        }
        if round == 0 {
            // Before any floor: its copy of the files would count.
            peak = peak_mib();
        }
        assert_eq!(report.papers.len(), n);
        assert!(!report.has_errors());
        let floor = if with_floor {
            write_floor(&out, &runs.join(format!("{label}-{round}.floor")))
        } else {
            Duration::ZERO
        };
        if round > 0 {
            times.push(elapsed); // the first round warms the page cache
            floors.push(floor);
        }
    }
    println!(
        "  CPU (user + system): {:.2} s a build",
        cpu / (rounds + 1) as f64
    );
    Timed {
        build: median(times),
        floor: median(floors),
        peak,
    }
}

/// What [`time_build`] measured: medians of the builds and their floors, and the peak
/// memory of this process after the first build (before a floor's copy of the files).
struct Timed {
    build: Duration,
    floor: Duration,
    peak: Option<f64>,
}

/// The time to write every file under `out` again (read first, untimed) into the fresh
/// folder `copy`: each through a temporary file renamed over it, its folders made as
/// needed, across the build's threads.
fn write_floor(out: &Path, copy: &Path) -> Duration {
    use rayon::prelude::*;
    let files: Vec<(std::path::PathBuf, Vec<u8>)> = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap().to_path_buf();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    let started = Instant::now();
    files.par_iter().for_each(|(rel, bytes)| {
        let path = copy.join(rel);
        let dir = path.parent().unwrap();
        std::fs::create_dir_all(dir).unwrap();
        let tmp = dir.join(format!(
            ".floor-{}.tmp",
            rayon::current_thread_index().unwrap_or(0)
        ));
        std::fs::write(&tmp, bytes).unwrap();
        std::fs::rename(&tmp, &path).unwrap();
    });
    started.elapsed()
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

/// The floor beside the build it was taken with.
fn floor_report(timed: &Timed) {
    println!(
        "  writing the same files again (the floor): median {:.1} ms; the build less its floor {:.1} ms",
        timed.floor.as_secs_f64() * 1e3,
        timed.build.saturating_sub(timed.floor).as_secs_f64() * 1e3
    );
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

/// One paper, HTML + PDF, from a cold process: the real binary, median of 11 runs. Each
/// run builds into an output folder of its own, none deleted until the end: an ext4
/// without a journal makes a file slowly while inodes freed in the last 30 seconds wait
/// (see "The disk" in docs/performance.md), so deleting `out/` before each run timed the deletion.
fn cold_single() -> Duration {
    let tmp = tempfile::tempdir().unwrap();
    common::generate(tmp.path(), 1, 10);
    let mut times = Vec::new();
    let cpu_start = cpu_seconds();
    for run in 0..11 {
        let out = format!("out-{run}");
        let started = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_clerk"))
            .args(["build", "--quiet", "--format", "html,pdf", "--out", &out])
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

/// `clerk build` of the project at `root` as a process of its own, each run into a fresh
/// folder under `runs` (none deleted, as in [`time_build`]): the median of 5 after one
/// that warms the page cache.
fn process_builds(root: &Path, runs: &Path, n: usize) -> Duration {
    let mut times = Vec::new();
    for round in 0..6 {
        let out = runs.join(format!("process-{round}"));
        let started = Instant::now();
        let output = Command::new(env!("CARGO_BIN_EXE_clerk"))
            .args(["build", "--quiet", "--format", "html,pdf", "--out"])
            .arg(&out)
            .current_dir(root)
            .output()
            .unwrap();
        let elapsed = started.elapsed();
        assert!(output.status.success());
        let said = String::from_utf8_lossy(&output.stdout);
        assert!(said.contains(&format!("Built {n} papers")), "{said}");
        if round > 0 {
            times.push(elapsed);
        }
    }
    median(times)
}

/// The meetings stage alone (read the meeting files, assemble, write every page, agenda PDF
/// and the calendar) after a full build: median of 5, and how many meetings.
fn time_meetings(root: &Path) -> (Duration, usize) {
    use clerk::output::meetings::{write_calendar, write_meetings};
    let mut sources = clerk::diag::Sources::default();
    let project = Project::open(root, None, None, &mut sources).unwrap();
    let opts = BuildOptions {
        formats: vec![OutputFormat::Html, OutputFormat::Pdf],
        paths: Vec::new(),
        draft_by_default: false,
        force: false,
    };
    let report = run(&project, &opts, &mut sources).unwrap();
    let renderer =
        clerk::render::Renderer::new(&project.root, &project.house, &mut sources).unwrap();
    let mut times = Vec::new();
    let mut count = 0;
    for _ in 0..5 {
        let started = Instant::now();
        let files = clerk::meeting::load_project(&project);
        let (meetings, _) = clerk::pipeline::assemble_meetings(
            &files,
            &report.papers,
            &project.house,
            (false, &report.private),
        );
        let mut diags = Vec::new();
        // No record of an earlier build: no packs it left are linked, no events kept.
        let record = clerk::output::record::Record::default();
        let written = write_meetings(
            &project,
            &renderer,
            meetings,
            &report.papers,
            (
                false,
                clerk::output::meetings::MeetingFormats {
                    pdf: true,
                    packs: false,
                },
            ),
            &record,
            &mut diags,
        );
        write_calendar(&project, &written, (false, &record), &mut diags);
        times.push(started.elapsed());
        assert!(diags.is_empty(), "{diags:?}");
        count = written.len();
    }
    (median(times), count)
}

/// One 40-item meeting page rendered in memory: median of 200 renders.
fn time_meeting_page() -> Duration {
    use clerk::meeting::{AgendaItem, ItemKind, Meeting};
    use clerk::render::{BuiltFile, PaperFiles};
    let house = clerk::config::HouseStyle::default();
    let tmp = tempfile::tempdir().unwrap();
    let renderer =
        clerk::render::Renderer::new(tmp.path(), &house, &mut Default::default()).unwrap();
    let mut files = PaperFiles::new();
    let items: Vec<AgendaItem> = (0..40)
        .map(|i| {
            let source = std::path::PathBuf::from(format!("p{i}.md"));
            files.insert(
                source.clone(),
                vec![
                    BuiltFile {
                        path: format!("p{i}.html"),
                        size: 15_000,
                        pages: None,
                    },
                    BuiltFile {
                        path: format!("p{i}.pdf"),
                        size: 186_000,
                        pages: Some(9),
                    },
                ],
            );
            AgendaItem {
                number: Some(format!("{}.{}", i / 5 + 1, i % 5 + 1)),
                title: format!("Paper number {i} on a subject of some length"),
                kind: ItemKind::Paper {
                    source,
                    available: true,
                },
                presenter: Some("Fiona Keir, Director of Finance".into()),
                purpose: Some("For Discussion".into()),
                private: (i % 13 == 12).then(|| "Standing Orders section 20(d)".into()),
                late: i % 11 == 10,
                language: None,
                depth: 0,
            }
        })
        .collect();
    let meeting = Meeting {
        committee: "Resources Committee".into(),
        date: jiff::civil::date(2026, 5, 19),
        time: Some(jiff::civil::time(10, 0, 0, 0)),
        end: None,
        location: Some("Committee Room 1".into()),
        chair: Some("Alasdair Grant".into()),
        contact: None,
        status: None,
        items,
        file: None,
        failed: false,
        cancelled: false,
    };
    let mut times = Vec::new();
    for _ in 0..200 {
        let started = Instant::now();
        let html = renderer
            .render_meeting(&meeting, &files, None, &[], &house, false)
            .unwrap();
        times.push(started.elapsed());
        assert!(html.contains("Paper number 39"));
    }
    median(times)
}

fn main() {
    clerk::alloc::configure();
    common::load::say("at the start");
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1000);
    let tmp = tempfile::tempdir().unwrap();
    common::generate(tmp.path(), n, 10);
    // Every build's output stays until the end (see `time_build`).
    let runs = tempfile::tempdir().unwrap();
    let html = time_build(
        tmp.path(),
        runs.path(),
        "html",
        vec![OutputFormat::Html],
        n,
        5,
        false,
    )
    .build;
    report("HTML", n, html, 5);
    let both_formats = || vec![OutputFormat::Html, OutputFormat::Pdf];
    let timed = time_build(tmp.path(), runs.path(), "both", both_formats(), n, 3, true);
    let both = timed.build;
    report("HTML + PDF", n, both, 3);
    floor_report(&timed);
    if let Some(mib) = timed.peak {
        println!("  peak memory of the benchmark process after its first build: {mib:.0} MiB");
    }
    // The same in memory, where a tmpfs is at hand: clerk's own time, without the disk's.
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        let mem = tempfile::tempdir_in(shm).unwrap();
        let timed = time_build(tmp.path(), mem.path(), "both", both_formats(), n, 3, true);
        report("HTML + PDF, output in /dev/shm", n, timed.build, 3);
        floor_report(&timed);
    }
    // As a user runs it: one `clerk build` process a build (the library's figures above are
    // of later builds in this one process, whose heap the earlier builds have left behind).
    let proc_disk = process_builds(tmp.path(), runs.path(), n);
    let proc_mem = shm.is_dir().then(|| {
        let mem = tempfile::tempdir_in(shm).unwrap();
        process_builds(tmp.path(), mem.path(), n)
    });
    println!(
        "`clerk build` of {n} papers (HTML + PDF), a process a build: median {:.1} ms over 5 runs, output on disk{}",
        proc_disk.as_secs_f64() * 1e3,
        proc_mem.map_or(String::new(), |t| format!(
            "; {:.1} ms with the output in /dev/shm",
            t.as_secs_f64() * 1e3
        ))
    );
    let (meetings, count) = time_meetings(tmp.path());
    println!(
        "meetings stage ({count} meetings: pages, agenda PDFs, calendar): median {:.1} ms, {:.1}% of the HTML + PDF build",
        meetings.as_secs_f64() * 1e3,
        meetings.as_secs_f64() / both.as_secs_f64() * 100.0
    );
    let page = time_meeting_page();
    println!(
        "one 40-item meeting page rendered in memory: median {:.0} µs over 200 renders",
        page.as_secs_f64() * 1e6
    );
    let cold = cold_single();
    println!(
        "one paper, HTML + PDF, cold process (`clerk build`): median {:.1} ms over 11 runs",
        cold.as_secs_f64() * 1e3
    );
    let start = start_up();
    println!(
        "  of which start-up (`clerk --version`: exec, loader, C library, allocator, argument parsing): median {:.2} ms over 41 runs",
        start.as_secs_f64() * 1e3
    );
    common::load::say("at the end");
}

/// `clerk --version` from a cold process, median of 41 runs: what any clerk command pays
/// before it reads a file (the kernel's exec, the dynamic loader and the C library's
/// start-up, the allocator's, clap's parsing), the floor under [`cold_single`].
fn start_up() -> Duration {
    let mut times = Vec::new();
    for _ in 0..41 {
        let started = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_clerk"))
            .arg("--version")
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        times.push(started.elapsed());
        assert!(status.success());
    }
    median(times)
}

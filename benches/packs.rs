//! Benchmark: agenda packs. N papers like the seed across M meetings (N/M papers each),
//! built HTML + PDF (packs included) in one process; then the packs alone (the meetings
//! stage with and without packs, so their share of the build); then one meeting's pack
//! against laying out that meeting's papers' PDFs, and the pack's size against theirs.
//!
//! `cargo bench --bench packs` (N = 1000, M = 50), or `cargo bench --bench packs -- 200 10`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clerk::output::meetings::{MeetingFormats, write_meetings};
use clerk::pipeline::{BuildOptions, run};
use clerk::project::Project;
use clerk::render::OutputFormat;
use clerk::render::pdf::pack::PackKind;

mod common;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn open(root: &Path) -> Project {
    Project::open(root, None, None, &mut Default::default()).unwrap()
}

fn main() {
    clerk::alloc::configure();
    common::load::say("at the start");
    let mut args = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse::<usize>().ok());
    let n = args.next().unwrap_or(1000);
    let m = args.next().unwrap_or(50);
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    common::generate(root, n, n / m);
    let opts = BuildOptions {
        formats: vec![OutputFormat::Html, OutputFormat::Pdf],
        paths: Vec::new(),
        draft_by_default: false,
        // Every round a full build: the figures compare building with and without packs.
        force: true,
    };
    let mut builds = Vec::new();
    let mut report = None;
    for round in 0..3 {
        let _ = std::fs::remove_dir_all(root.join("out"));
        let project = open(root);
        let started = Instant::now();
        let r = run(&project, &opts, &mut Default::default()).unwrap();
        if round > 0 {
            builds.push(started.elapsed());
        }
        assert!(!r.has_errors());
        report = Some(r);
    }
    let report = report.unwrap();
    let build = median(builds);
    println!(
        "build {n} papers, {m} meetings (HTML + PDF + packs): median {:.0} ms over 2 runs",
        build.as_secs_f64() * 1e3
    );

    // The meetings stage with and without packs: the difference is the packs' time.
    let project = open(root);
    let renderer =
        clerk::render::Renderer::new(&project.root, &project.house, &mut Default::default())
            .unwrap();
    let files = clerk::meeting::load_project(&project);
    let stage = |packs: bool| {
        let mut times = Vec::new();
        for _ in 0..3 {
            let (meetings, _) = clerk::pipeline::assemble_meetings(
                &files,
                &report.papers,
                &project.house,
                (false, &report.private),
            );
            let started = Instant::now();
            let mut diags = Vec::new();
            let formats = MeetingFormats { pdf: true, packs };
            let out = write_meetings(
                &project,
                &renderer,
                meetings,
                &report.papers,
                (false, formats),
                // No record of an earlier build: without packs, a page links none it left.
                &clerk::output::record::Record::default(),
                &mut diags,
            );
            times.push(started.elapsed());
            assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
            assert_eq!(out.len(), m);
        }
        median(times)
    };
    let with = stage(true);
    let without = stage(false);
    let packs = with.saturating_sub(without);
    println!(
        "packs of {m} meetings: {:.0} ms ({:.1} ms a meeting); the build without them {:.0} ms, with them {:.2}×",
        packs.as_secs_f64() * 1e3,
        packs.as_secs_f64() * 1e3 / m as f64,
        (build - packs).as_secs_f64() * 1e3,
        build.as_secs_f64() / (build - packs).as_secs_f64()
    );

    // One meeting: its pack against laying out its papers' PDFs (one thread each).
    let (meetings, _) = clerk::pipeline::assemble_meetings(
        &files,
        &report.papers,
        &project.house,
        (false, &report.private),
    );
    let meeting = &meetings[0];
    let items = PackKind::Public.papers(meeting);
    let sources: Vec<PathBuf> = items
        .iter()
        .filter_map(|i| i.paper().map(Path::to_path_buf))
        .collect();
    let docs: Vec<clerk::document::Document> = sources
        .iter()
        .map(|s| {
            let p = report.papers.iter().find(|p| p.source.rel == *s).unwrap();
            let mut src = Default::default();
            let (paper, _) = clerk::paper::load(&p.source, &project.house, &mut src);
            clerk::document::compile::compile(
                &paper.unwrap(),
                &project.house,
                &project.root,
                &mut src,
            )
            .0
            .unwrap()
        })
        .collect();
    let mut lay = Vec::new();
    let mut pdfs = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        pdfs = docs
            .iter()
            .map(|d| {
                renderer
                    .render(OutputFormat::Pdf, d, &project.house, false)
                    .unwrap()
            })
            .collect::<Vec<_>>();
        lay.push(started.elapsed());
    }
    let borrowed: Vec<Option<&[u8]>> = pdfs.iter().map(|b| Some(b.as_slice())).collect();
    let mut packing = Vec::new();
    let mut size = 0;
    for _ in 0..5 {
        let started = Instant::now();
        let p = renderer
            .render_pack(
                meeting,
                PackKind::Public,
                borrowed.iter().copied(),
                &project.house,
                false,
            )
            .unwrap();
        packing.push(started.elapsed());
        size = p.bytes.len();
    }
    let sum: usize = pdfs.iter().map(Vec::len).sum();
    let (lay, packing) = (median(lay), median(packing));
    println!(
        "one {}-paper meeting: its pack {:.0} ms against {:.0} ms to lay out its papers' PDFs ({:.2}×); pack {} KB against {} KB for the papers ({:.2}×)",
        docs.len(),
        packing.as_secs_f64() * 1e3,
        lay.as_secs_f64() * 1e3,
        packing.as_secs_f64() / lay.as_secs_f64(),
        size / 1024,
        sum / 1024,
        size as f64 / sum as f64
    );
    common::load::say("at the end");
}

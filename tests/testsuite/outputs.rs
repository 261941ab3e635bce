//! Honest outputs (#15 items 1–3) and incremental builds (#17 items 1 and 3), through the
//! real binary: the index and manifest list every output clerk wrote whichever formats a run
//! built, outputs of papers that are gone are removed (and nothing clerk did not write),
//! a failed paper stays listed as stale, and unchanged papers are not built again — with
//! the result always byte-identical to a clean build.

use std::path::Path;

use proptest::prelude::*;

use crate::common::*;

const SEED: &str = "papers/policing-performance/2021-09-01-hmics-progress-review.md";
const ESTATES: &str = "papers/resources/2022-03-15-estates-strategy.md";
const QUARTERLY: &str = "papers/policing-performance/2021-12-01-quarterly-performance-report.md";

fn build(root: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    parts(&clerk(root, &all))
}

fn manifest(root: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(root.join("out/manifest.json")).unwrap()).unwrap()
}

/// Every output path the manifest lists for papers.
fn listed(root: &Path) -> Vec<String> {
    manifest(root)["papers"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["outputs"].as_array().unwrap().clone())
        .map(|o| o["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_build_of_one_format_keeps_listing_the_other() {
    let project = temp_project("repo");
    let root = project.path();
    assert_eq!(build(root, &[]).0, 0);
    let full = listed(root);
    assert_eq!(full.len(), 6, "{full:?}");

    let (code, stdout, stderr) = build(root, &["--format", "pdf"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(
        listed(root),
        full,
        "the HTML stays listed after a PDF-only build"
    );
    let index = std::fs::read_to_string(root.join("out/index.html")).unwrap();
    assert!(!index.contains("There are no papers yet"), "{index}");
    assert!(index.contains("href=\"resources/2022-03-15-estates-strategy.html\""));
    assert!(index.contains("href=\"resources/2022-03-15-estates-strategy.pdf\""));

    let (code, ..) = build(root, &["--format", "html"]);
    assert_eq!(code, 0);
    assert_eq!(
        listed(root),
        full,
        "the PDFs stay listed after an HTML-only build"
    );
    let index = std::fs::read_to_string(root.join("out/index.html")).unwrap();
    assert!(index.contains("href=\"resources/2022-03-15-estates-strategy.pdf\""));
    let meetings = manifest(root)["meetings"].to_string();
    assert!(
        meetings.contains("agenda.pdf"),
        "agendas stay listed: {meetings}"
    );

    // A PDF edited by hand is no longer what clerk wrote: an HTML-only build stops listing it.
    let pdf = root.join("out/resources/2022-03-15-estates-strategy.pdf");
    std::fs::write(&pdf, b"%PDF-1.7 edited").unwrap();
    assert_eq!(build(root, &["--format", "html"]).0, 0);
    assert!(!listed(root).contains(&"resources/2022-03-15-estates-strategy.pdf".to_string()));
    assert!(pdf.exists(), "but it is not removed either");
}

#[test]
fn outputs_of_a_paper_that_is_gone_are_removed_and_nothing_else() {
    let project = temp_project("repo");
    let root = project.path();
    assert_eq!(build(root, &[]).0, 0);
    let out = root.join("out");
    std::fs::write(out.join("resources/notes.txt"), "mine").unwrap();
    std::fs::write(out.join("resources/other.html"), "mine too").unwrap();
    // The quarterly report's PDF was changed by someone since clerk wrote it.
    let quarterly_pdf =
        out.join("policing-performance/2021-12-01-quarterly-performance-report.pdf");
    std::fs::write(&quarterly_pdf, b"%PDF-1.7 annotated by hand").unwrap();
    std::fs::remove_file(root.join(ESTATES)).unwrap();
    std::fs::rename(
        root.join(QUARTERLY),
        root.join("papers/policing-performance/2021-12-01-q3-report.md"),
    )
    .unwrap();

    let (code, stdout, stderr) = build(root, &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    for gone in [
        "resources/2022-03-15-estates-strategy.html",
        "resources/2022-03-15-estates-strategy.pdf",
        "policing-performance/2021-12-01-quarterly-performance-report.html",
        "meetings/2022-03-15-resources-committee/index.html",
        "meetings/2022-03-15-resources-committee/pack.pdf",
    ] {
        assert!(!out.join(gone).exists(), "{gone} removed");
        assert!(
            stdout.contains(&format!("  out/{gone}\n")),
            "{gone} named: {stdout}"
        );
    }
    assert!(
        stdout.contains("Removed 6 outputs of papers or meetings that are gone:"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "Left 1 output of papers or meetings that are gone, changed since clerk wrote it"
        ),
        "{stdout}"
    );
    assert!(
        quarterly_pdf.exists(),
        "a changed file is not clerk's to remove"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("resources/notes.txt")).unwrap(),
        "mine"
    );
    assert!(out.join("resources/other.html").exists());
    assert!(
        out.join("policing-performance/2021-12-01-q3-report.html")
            .exists()
    );
    assert!(
        out.join(SEED.replace("papers/", "").replace(".md", ".pdf"))
            .exists()
    );
}

#[test]
fn a_failed_paper_stays_listed_with_its_last_good_output_marked_stale() {
    let project = temp_project("repo");
    let root = project.path();
    assert_eq!(build(root, &[]).0, 0);
    let src = root.join(ESTATES);
    let text = std::fs::read_to_string(&src).unwrap();
    // Metadata broken, so nothing of the paper can be read this time.
    std::fs::write(&src, text.replace("date: 2022-03-15", "date: 2022-02-30")).unwrap();

    let (code, stdout, _) = build(root, &[]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("Stale: 1 failed paper still listed with its last good output"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("  stale     {ESTATES}\n")),
        "{stdout}"
    );
    let index = std::fs::read_to_string(root.join("out/index.html")).unwrap();
    let text_only = html_text(&index);
    assert!(
        text_only.contains("Estates Strategy"),
        "still listed: {text_only}"
    );
    assert!(
        text_only.contains("Stale: its last good version; the paper now has errors"),
        "{text_only}"
    );
    assert!(index.contains("href=\"resources/2022-03-15-estates-strategy.html\""));
    let entry = manifest(root)["papers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["source"] == ESTATES)
        .cloned()
        .unwrap();
    assert_eq!(entry["status"], "failed");
    assert_eq!(entry["outputs"].as_array().unwrap().len(), 2, "{entry}");
    // Its metadata is what those outputs were built from, as the index shows it.
    assert_eq!(
        entry["title"], "Estates Strategy – Island Stations",
        "{entry}"
    );
    assert_eq!(entry["date"], "2022-03-15", "{entry}");

    let (code, stdout, _) = parts(&clerk(root, &["check"]));
    assert_eq!(code, 1);
    assert!(stdout.contains(&format!("stale: {ESTATES} fails, so resources/2022-03-15-estates-strategy.html and resources/2022-03-15-estates-strategy.pdf in out stay from its last good build")), "{stdout}");

    // Fixed: it builds again, and is no longer stale.
    std::fs::write(&src, text).unwrap();
    let (code, stdout, _) = build(root, &[]);
    assert_eq!(code, 0, "{stdout}");
    assert!(!stdout.contains("Stale"), "{stdout}");
    assert!(
        !std::fs::read_to_string(root.join("out/index.html"))
            .unwrap()
            .contains("Stale")
    );
}

#[test]
fn after_a_killed_build_the_next_still_removes_the_outputs_of_a_paper_gone() {
    let project = temp_project("repo");
    let root = project.path();
    assert_eq!(build(root, &[]).0, 0);
    let out = root.join("out");
    // A build killed after withdrawing the manifest leaves it where the withdrawal put it.
    std::fs::rename(
        out.join("manifest.json"),
        out.join(clerk::output::PREVIOUS_MANIFEST),
    )
    .unwrap();
    std::fs::remove_file(root.join(ESTATES)).unwrap();

    build_without_estates(root);
    assert!(out.join("manifest.json").exists());
    assert!(
        !out.join(clerk::output::PREVIOUS_MANIFEST).exists(),
        "the withdrawn manifest goes once a new one is written"
    );
}

/// Builds `root` after its estates paper was removed: its outputs go.
fn build_without_estates(root: &Path) {
    let (code, stdout, stderr) = build(root, &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    for gone in [
        "resources/2022-03-15-estates-strategy.html",
        "resources/2022-03-15-estates-strategy.pdf",
    ] {
        assert!(
            !root.join("out").join(gone).exists(),
            "{gone} removed: {stdout}"
        );
    }
}

#[test]
fn a_manifest_beside_an_older_withdrawn_copy_is_the_record_the_next_build_keeps() {
    let project = temp_project("repo");
    let root = project.path();
    let out = root.join("out");
    // An older record, from before the estates paper was written.
    let estates = std::fs::read(root.join(ESTATES)).unwrap();
    std::fs::remove_file(root.join(ESTATES)).unwrap();
    assert_eq!(build(root, &[]).0, 0);
    let older = std::fs::read(out.join("manifest.json")).unwrap();
    std::fs::write(root.join(ESTATES), estates).unwrap();
    assert_eq!(build(root, &[]).0, 0);
    // A run that wrote its manifest but could not drop the withdrawn copy leaves both.
    std::fs::write(out.join(clerk::output::PREVIOUS_MANIFEST), older).unwrap();
    std::fs::remove_file(root.join(ESTATES)).unwrap();

    // The next run withdraws the newer record, and is killed: what it leaves is that one.
    let newer = std::fs::read(out.join("manifest.json")).unwrap();
    let mut sources = clerk::diag::Sources::default();
    let opened = clerk::project::Project::open(root, None, None, &mut sources).unwrap();
    clerk::output::withdraw_manifest(&opened).unwrap();
    assert_eq!(
        std::fs::read(out.join(clerk::output::PREVIOUS_MANIFEST)).unwrap(),
        newer
    );

    build_without_estates(root);
    assert!(!out.join(clerk::output::PREVIOUS_MANIFEST).exists());
}

#[test]
fn unchanged_papers_are_not_built_again_until_an_output_or_input_changes() {
    let project = temp_project("repo");
    let root = project.path();
    assert_eq!(build(root, &[]).0, 0);
    let clean = snapshot_tree(&root.join("out"));

    let (_, stdout, _) = build(root, &[]);
    assert!(
        stdout.contains("Built 3 papers (3 up to date, not built again)"),
        "{stdout}"
    );
    assert_eq!(snapshot_tree(&root.join("out")), clean);

    // An output deleted, another edited by hand: both papers are built again.
    let html = root.join("out/resources/2022-03-15-estates-strategy.html");
    std::fs::remove_file(&html).unwrap();
    let pdf = root.join("out/policing-performance/2021-09-01-hmics-progress-review.pdf");
    let mut bytes = std::fs::read(&pdf).unwrap();
    bytes.extend_from_slice(b"%% hand edit\n");
    std::fs::write(&pdf, bytes).unwrap();
    let (_, stdout, _) = build(root, &[]);
    assert!(
        stdout.contains("Built 3 papers (1 up to date, not built again)"),
        "{stdout}"
    );
    assert_eq!(
        snapshot_tree(&root.join("out")),
        clean,
        "rebuilt as a clean build"
    );

    // The image one paper shows: only that paper is built again.
    let png = root.join("papers/policing-performance/recorded-crime-by-quarter.png");
    let mut image = std::fs::read(&png).unwrap();
    image.extend_from_slice(b"trailing bytes after IEND");
    std::fs::write(&png, image).unwrap();
    let (_, stdout, _) = build(root, &["--timings"]);
    assert!(
        stdout.contains("Built 3 papers (2 up to date, not built again)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Timings (summed over 1 papers built"),
        "{stdout}"
    );
    for phase in [
        "templates and fonts",
        "earlier builds read",
        "papers found",
        "papers",
        "meetings",
        "index and manifests",
    ] {
        assert!(
            stdout.contains(&format!("\n  {phase:<20} ")),
            "{phase}: {stdout}"
        );
    }
    for stage in [
        "read",
        "check",
        "layout",
        "PDF write",
        "HTML",
        "output",
        "total",
    ] {
        assert!(
            stdout.contains(&format!("\n  {stage} ")),
            "{stage}: {stdout}"
        );
    }
    assert!(
        stdout.contains(&format!("ms  {QUARTERLY} (read ")),
        "{stdout}"
    );

    let (_, stdout, _) = build(root, &["--force"]);
    assert!(
        stdout.contains("Built 3 papers in"),
        "--force builds all: {stdout}"
    );
}

/// One input of the project, changed at random (`salt` makes each change different).
#[derive(Debug, Clone, Copy)]
enum Input {
    Paper,
    Sidecar,
    Image,
    Appendix,
    HouseStyle,
    Template,
    Font,
    Logo,
    Version,
}

const INPUTS: [Input; 9] = [
    Input::Paper,
    Input::Sidecar,
    Input::Image,
    Input::Appendix,
    Input::HouseStyle,
    Input::Template,
    Input::Font,
    Input::Logo,
    Input::Version,
];

/// Changes `input`; returns the one paper whose outputs depend on it (its outputs' path
/// without extension), or `None` when every paper's do.
fn change(root: &Path, input: Input, salt: u32) -> Option<&'static str> {
    let append = |rel: &str, text: &str| {
        let path = root.join(rel);
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.extend_from_slice(text.as_bytes());
        std::fs::write(path, bytes).unwrap();
    };
    let quarterly = Some("policing-performance/2021-12-01-quarterly-performance-report");
    match input {
        Input::Paper => {
            append(SEED, &format!("\nA further paragraph, number {salt}.\n"));
            Some("policing-performance/2021-09-01-hmics-progress-review")
        }
        Input::Sidecar => {
            // The estates paper's metadata moves into a sidecar beside it, one keyword more.
            let md = root.join(ESTATES);
            let text = std::fs::read_to_string(&md).unwrap();
            let (meta, body) = text
                .trim_start_matches("---\n")
                .split_once("\n---\n")
                .unwrap();
            let meta = meta.replace(
                "keywords: [estates",
                &format!("keywords: [k{salt}, estates"),
            );
            std::fs::write(md.with_extension("yaml"), format!("{meta}\n")).unwrap();
            std::fs::write(&md, body).unwrap();
            Some("resources/2022-03-15-estates-strategy")
        }
        Input::Image => {
            append(
                "papers/policing-performance/recorded-crime-by-quarter.png",
                &format!("x{salt}"),
            );
            quarterly
        }
        Input::Appendix => {
            append(
                "papers/policing-performance/_appendix-a-performance-data.md",
                &format!("\nA note added to the appendix, {salt}.\n"),
            );
            quarterly
        }
        Input::HouseStyle => {
            append("clerk.yaml", &format!("# changed {salt}\n"));
            None
        }
        Input::Template => {
            append(
                "templates/paper.html",
                &format!("<!-- changed {salt} -->\n"),
            );
            None
        }
        Input::Font => {
            std::fs::copy(
                repo().join("assets/fonts/NotoSans-Italic.ttf"),
                root.join("fonts/fallback.ttf"),
            )
            .unwrap();
            None
        }
        Input::Logo => {
            std::fs::copy(
                root.join("papers/policing-performance/recorded-crime-by-quarter.png"),
                root.join("logo.png"),
            )
            .unwrap();
            None
        }
        Input::Version => {
            // Another clerk (a new version or a rebuilt program) trusts nothing remembered.
            let cache = root.join("out").join(clerk::output::cache::CACHE_FILE);
            // Its second line names the clerk that wrote it.
            let bytes = std::fs::read(&cache).unwrap();
            let at = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
            assert!(bytes[at..].starts_with(b"clerk "));
            let old = [&bytes[..at], b"clerk 0.0.0-old ", &bytes[at + 6..]].concat();
            std::fs::write(&cache, old).unwrap();
            None
        }
    }
}

/// The repo's papers with a house style, a logo, a fallback font and a template of its own.
fn full_project() -> tempfile::TempDir {
    let project = temp_project("repo");
    let root = project.path();
    std::fs::create_dir_all(root.join("fonts")).unwrap();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::copy(
        fixture("fonts/NotoSansOgham-Regular.ttf"),
        root.join("fonts/fallback.ttf"),
    )
    .unwrap();
    std::fs::copy(fixture("every-feature/logo.png"), root.join("logo.png")).unwrap();
    std::fs::copy(
        repo().join("templates/paper.html"),
        root.join("templates/paper.html"),
    )
    .unwrap();
    std::fs::write(
        root.join("clerk.yaml"),
        "organisation:\n  name: Scottish Police Authority\n  logo: logo.png\npdf:\n  fonts:\n    fallback: [fonts/fallback.ttf]\n",
    )
    .unwrap();
    project
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]

    /// Never stale: after one input changes, an incremental build gives the same bytes as a
    /// clean build, building again exactly the papers that depend on it; a second run then
    /// builds nothing.
    #[test]
    fn an_incremental_build_is_a_clean_build(which in 0..INPUTS.len(), salt in 0u32..1000) {
        let project = full_project();
        let root = project.path();
        let (code, stdout, stderr) = build(root, &[]);
        prop_assert_eq!(code, 0, "{}{}", stdout, stderr);
        let before = snapshot_tree(&root.join("out"));
        let input = INPUTS[which];
        let affected = change(root, input, salt);

        let (code, stdout, stderr) = build(root, &[]);
        prop_assert_eq!(code, 0, "{}{}", stdout, stderr);
        let reused = match affected {
            None => "Built 3 papers in",
            Some(_) => "Built 3 papers (2 up to date, not built again)",
        };
        prop_assert!(stdout.contains(reused), "{:?}: {}", input, stdout);
        let incremental = snapshot_tree(&root.join("out"));

        let clean = tempfile::tempdir().unwrap();
        let o = clerk(root, &["build", "--out", clean.path().to_str().unwrap()]);
        prop_assert!(o.status.success());
        let clean = snapshot_tree(clean.path());
        prop_assert_eq!(incremental.len(), clean.len());
        for ((a, ba), (b, bb)) in incremental.iter().zip(&clean) {
            prop_assert_eq!(a, b);
            prop_assert!(ba == bb, "{} differs from a clean build after {:?}", a, input);
        }
        // Exactly the affected paper's outputs changed (one at least: an image's bytes can
        // change with its pixels the same, as the PDF draws them); the others kept theirs.
        if let Some(stem) = affected {
            let mut changed = 0;
            for (path, bytes) in &before {
                let paper_output = (path.ends_with(".html") || path.ends_with(".pdf"))
                    && !path.starts_with("meetings/")
                    && path != "index.html";
                if !paper_output {
                    continue;
                }
                let now = incremental.iter().find(|(p, _)| p == path).map(|(_, b)| b);
                if path.rsplit_once('.').is_some_and(|(s, _)| s == stem) {
                    changed += usize::from(now != Some(bytes));
                } else {
                    prop_assert!(now == Some(bytes), "{} unchanged after {:?}", path, input);
                }
            }
            prop_assert!(changed > 0, "{} changed after {:?}", stem, input);
        }
        let (_, stdout, _) = build(root, &[]);
        prop_assert!(stdout.contains("(3 up to date, not built again)"), "{}", stdout);
    }
}

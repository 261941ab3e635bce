//! Agenda packs read back by programs of others: poppler's `pdftotext` finds each paper's
//! title on the page the front sheet names and the stamps and markings on every page; qpdf
//! and the PyPI checkers find no fault in any pack. `#[ignore]`d, as they need those programs.

use std::path::Path;

use lopdf::Document;

use crate::common::{clerk, parts, run_tool, temp_project};
use crate::packs::{DIR, SECRET, at, project};

fn pdftotext(pdf: &Path, page: usize) -> String {
    let p = page.to_string();
    let path = pdf.to_str().unwrap();
    run_tool("pdftotext", &["-layout", "-f", &p, "-l", &p, path, "-"])
}

/// The front sheet's `pages A–B` for the line titled `title`.
fn range_on_front(front: &str, title: &str) -> (usize, usize) {
    let at = front
        .find(title)
        .unwrap_or_else(|| panic!("{title} on {front}"));
    let rest = &front[at..];
    let p = rest.find("page").unwrap();
    let nums: Vec<usize> = rest[p..]
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(2)
        .map(|s| s.parse().unwrap())
        .collect();
    let single = rest[p..].starts_with("page ");
    if single {
        (nums[0], nums[0])
    } else {
        (nums[0], nums[1])
    }
}

#[test]
#[ignore = "needs poppler-utils"]
fn the_front_sheet_ranges_agree_with_the_pages_read_back() {
    let dir = project();
    let root = dir.path();
    let pack = root.join(DIR).join("pack.pdf");
    let pages = Document::load(&pack).unwrap().get_pages().len();
    let front = pdftotext(&pack, 1);
    let mut next = 0;
    for title in [
        "Minutes of the Previous Meeting",
        "Budget Monitoring Report – Quarter 4",
        "Fleet Strategy",
    ] {
        let (a, b) = range_on_front(&front, title);
        assert!(a > next, "{title}: ranges follow each other");
        next = b;
        let first = pdftotext(&pack, a);
        assert!(first.contains(title), "{title} on pack page {a}:\n{first}");
        assert!(
            first.contains("Page 1 of"),
            "the paper's own footer is untouched"
        );
    }
    assert_eq!(next, pages, "the last range ends on the last page");
    assert!(front.contains("In the supplementary pack"));
    assert!(front.contains("Cyber Resilience Exercise"));
    assert!(front.contains("Exempt: Standing Orders section 20(d)"));
    for k in 1..=pages {
        let text = pdftotext(&pack, k);
        assert!(
            text.contains(&format!("Pack page {k}")),
            "page {k}:\n{text}"
        );
        assert!(
            !text.contains(SECRET),
            "no private paper in the public pack"
        );
    }
    let private = at(root, "private-pack.pdf");
    let n = Document::load(&private).unwrap().get_pages().len();
    for k in 1..=n {
        let text = pdftotext(&private, k);
        // Once at the top and once at the foot: the paper's own marking on its pages, the
        // pack's on the front sheet, never two side by side.
        assert_eq!(
            text.matches("PRIVATE – OFFICIAL-SENSITIVE").count(),
            2,
            "page {k} marked top and bottom:\n{text}"
        );
    }
    assert!(pdftotext(&private, 2).contains(SECRET));
}

#[test]
#[ignore = "needs qpdf"]
fn qpdf_finds_no_fault_in_any_pack() {
    let dir = project();
    for name in ["pack.pdf", "supplementary-pack.pdf", "private-pack.pdf"] {
        let path = at(dir.path(), name);
        let out = run_tool("qpdf", &["--check", path.to_str().unwrap()]);
        assert!(
            out.contains("No syntax or stream encoding errors"),
            "{name}: {out}"
        );
    }
}

/// The outside checkers (PyPI `pdfua` and `outloud`, installed by `.ci/run`) over every pack
/// of the project with footnotes and a PDF appendix.
#[test]
#[ignore = "needs pdfua and outloud (PyPI)"]
fn outside_checkers_find_no_errors_in_any_pack() {
    let dir = project();
    let base = std::env::var_os("CLERK_CHECKERS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| crate::common::repo().join("target/checkers"));
    let tool = |name: &str| base.join(name).join("bin").join(name);
    let mut failures = Vec::new();
    for name in ["pack.pdf", "supplementary-pack.pdf", "private-pack.pdf"] {
        let file = at(dir.path(), name);
        let file = file.to_str().unwrap();
        let runs = [
            std::process::Command::new(tool("pdfua"))
                .args(["check", "--min-severity", "error", "--rules", "UA-01-005,UA-01-002,UA-01-003,UA-06-001,UA-13-004,UA-15-003,UA-18-005,UA-18-001,UA-07-001,UA-07-002,UA-28-004", file])
                .output(),
            std::process::Command::new(tool("outloud"))
                .args(["--fail-on", "error", "--no-info", file])
                .output(),
        ];
        for run in runs {
            let o = run.expect("the checker runs; .ci/run installs it");
            if !o.status.success() {
                failures.push(format!("{name}:\n{}", String::from_utf8_lossy(&o.stdout)));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The marking stands at the top and foot of the front sheet, as on a paper's pages.
#[test]
#[ignore = "needs poppler-utils"]
fn a_packs_front_sheet_shows_its_marking_at_top_and_foot() {
    let project = temp_project("repo");
    let root = project.path();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let front = run_tool(
        "pdftotext",
        &[
            "-f",
            "1",
            "-l",
            "1",
            root.join("out/meetings/2022-03-15-resources-committee/pack.pdf")
                .to_str()
                .unwrap(),
            "-",
        ],
    );
    assert_eq!(front.matches("OFFICIAL-SENSITIVE").count(), 2, "{front}");
}

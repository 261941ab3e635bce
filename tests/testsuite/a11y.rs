//! The HTML clerk writes, checked with the tools an accessibility auditor uses: axe-core's
//! WCAG 2.0, 2.1 and 2.2 A and AA rules and the reflow and text-spacing checks in headless
//! Chromium, and the Nu HTML checker. Every example paper and every fixture page that
//! builds is checked, with its index.
//!
//! They need Node with `npm ci --prefix tests/a11y`, Debian's `chromium` and Java, so they
//! are `#[ignore]`d; `.ci/run` installs all three and runs them. Each first checks that the
//! tool fails `tests/a11y/known-bad.html`, so a check that silently passes everything fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

/// The folder of the Node scripts and their `node_modules`.
fn a11y_dir() -> PathBuf {
    repo().join("tests/a11y")
}

fn known_bad() -> PathBuf {
    a11y_dir().join("known-bad.html")
}

/// Panics with the way out when `npm ci --prefix tests/a11y` has not been run.
fn require_node_modules() {
    let modules = a11y_dir().join("node_modules");
    for package in ["axe-core", "playwright-core", "vnu-jar"] {
        assert!(
            modules.join(package).is_dir(),
            "{package} is not installed: run `PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix tests/a11y`"
        );
    }
}

/// Builds the example papers and every fixture project into one temporary folder (one
/// subfolder each) and returns it with the HTML files written, sorted.
fn build_all_html() -> (tempfile::TempDir, Vec<PathBuf>) {
    let out = tempfile::tempdir().unwrap();
    let mut projects = vec![("papers".to_string(), repo())];
    let mut fixtures: Vec<_> = std::fs::read_dir(repo().join("tests/fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("papers").is_dir())
        .collect();
    fixtures.sort();
    for f in fixtures {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        projects.push((name, f));
    }
    for (name, root) in &projects {
        let target = out.path().join(name);
        let (code, stdout, stderr) = parts(&clerk(
            root,
            &["build", "--quiet", "--out", target.to_str().unwrap()],
        ));
        // 1: some papers have errors (the `invalid` fixture); the others are still built.
        assert!(code == 0 || code == 1, "{name}: {stdout}{stderr}");
    }
    let files: Vec<PathBuf> = walkdir::WalkDir::new(out.path())
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    for expected in [
        "papers/index.html",
        "papers/policing-performance/2021-09-01-hmics-progress-review.html",
        "council/2024-06-12-parking-charges.html",
        "every-feature/finance/2025-02-20-budget-monitoring.html",
        "invalid/good.html",
        "meetings/meetings/2026-05-19-resources-committee/index.html",
        "papers/meetings/2021-09-01-policing-performance-committee/index.html",
    ] {
        assert!(
            files.contains(&out.path().join(expected)),
            "{expected} was not built: {files:#?}"
        );
    }
    (out, files)
}

/// Runs `node tests/a11y/<script>` over `paths`; returns the exit code and its output.
fn node(script: &str, extra: &[&str], root: &Path, paths: &[PathBuf]) -> (i32, String) {
    let o = Command::new("node")
        .arg(a11y_dir().join(script))
        .arg("--root")
        .arg(root)
        .args(extra)
        .args(paths)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .output()
        .expect("node runs (install Node.js)");
    let (code, stdout, stderr) = parts(&o);
    (code, format!("{stdout}{stderr}"))
}

#[test]
#[ignore = "needs chromium and node"]
fn axe_core_finds_no_wcag_2_2_aa_violations() {
    require_node_modules();
    let bad = known_bad();
    let (code, output) = node("axe.js", &[], &a11y_dir(), std::slice::from_ref(&bad));
    assert_eq!(code, 1, "axe must fail the known-bad page:\n{output}");
    assert!(output.contains("image-alt"), "{output}");

    let (out, files) = build_all_html();
    let (code, output) = node("axe.js", &[], out.path(), &files);
    assert_eq!(code, 0, "axe-core found WCAG violations:\n{output}");
    assert!(
        output.contains(&format!("{} passed, 0 failed", files.len() * 2)),
        "{output}"
    );
}

#[test]
#[ignore = "needs chromium and node"]
fn pages_reflow_at_320_px_and_keep_their_text_under_wcag_text_spacing() {
    require_node_modules();
    let bad = known_bad();
    let (code, output) = node("reflow.js", &[], &a11y_dir(), std::slice::from_ref(&bad));
    assert_eq!(
        code, 1,
        "the reflow check must fail the known-bad page:\n{output}"
    );
    assert!(output.contains("the page scrolls sideways"), "{output}");
    assert!(output.contains("text clipped"), "{output}");

    // Screenshots of each page at 320 px, with and without the text-spacing overrides.
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("a11y");
    let (out, files) = build_all_html();
    let shots_arg = shots.to_str().unwrap();
    let (code, output) = node("reflow.js", &["--shots", shots_arg], out.path(), &files);
    assert_eq!(code, 0, "reflow or text spacing fails:\n{output}");
    assert!(
        output.contains(&format!("{} passed, 0 failed", files.len() * 4)),
        "{output}"
    );
    assert!(
        shots
            .join("papers__policing-performance__2021-09-01-hmics-progress-review-320-spacing.png")
            .is_file()
    );
}

/// The Nu HTML checker (vnu.jar from the `vnu-jar` package) on the machine's Java.
fn vnu(paths: &[PathBuf]) -> (i32, String) {
    let jar = a11y_dir().join("node_modules/vnu-jar/build/dist/vnu.jar");
    let o = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--errors-only", "--skip-non-html"])
        .args(paths)
        .output()
        .expect("java runs (install a JRE)");
    let (code, stdout, stderr) = parts(&o);
    (code, format!("{stdout}{stderr}"))
}

#[test]
#[ignore = "needs java and node"]
fn nu_html_checker_finds_no_errors() {
    require_node_modules();
    let (code, output) = vnu(&[known_bad()]);
    assert_eq!(
        code, 1,
        "the Nu checker must fail the known-bad page:\n{output}"
    );
    assert!(output.contains("“alt” attribute"), "{output}");

    let (_out, files) = build_all_html();
    let (code, output) = vnu(&files);
    assert_eq!(code, 0, "the Nu HTML checker found errors:\n{output}");
    assert!(output.trim().is_empty(), "{output}");
}

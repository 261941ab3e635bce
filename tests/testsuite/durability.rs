//! Nothing lost: a build killed with SIGKILL leaves every output whole (old or new, never
//! truncated) and the next build removes its temporary files; two builds at once are harmless.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

fn many_papers(root: &Path, n: usize) {
    let seed = std::fs::read_to_string(
        repo().join("papers/policing-performance/2021-09-01-hmics-progress-review.md"),
    )
    .unwrap();
    let dir = root.join("papers");
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..n {
        let text = seed.replace(
            "title: HMICS Progress Review",
            &format!("title: HMICS Progress Review {i}"),
        );
        std::fs::write(dir.join(format!("paper-{i:03}.md")), text).unwrap();
    }
}

fn outputs_are_whole(out: &Path) -> usize {
    let mut n = 0;
    for e in walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
    {
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type().is_file() && name.ends_with(".html") && !name.starts_with('.') {
            let text = std::fs::read_to_string(e.path()).unwrap();
            assert!(text.trim_end().ends_with("</html>"), "{name} is truncated");
            n += 1;
        }
    }
    n
}

/// The manifest, when there is one, is true: every output it lists has the hash it claims.
/// Returns how many outputs it lists (0 when it is absent).
fn manifest_is_true(out: &Path) -> usize {
    let Ok(text) = std::fs::read_to_string(out.join("manifest.json")) else {
        return 0;
    };
    let manifest: serde_json::Value = serde_json::from_str(&text).expect("manifest is JSON");
    let mut listed = vec![manifest["index"].clone()];
    for paper in manifest["papers"].as_array().unwrap() {
        listed.extend(paper["outputs"].as_array().unwrap().iter().cloned());
    }
    for output in &listed {
        let path = output["path"].as_str().unwrap();
        let bytes = std::fs::read(out.join(path)).unwrap();
        let sha = sha256_hex(&bytes);
        assert_eq!(
            output["sha256"].as_str(),
            Some(sha.as_str()),
            "{path}: the manifest lies"
        );
    }
    listed.len()
}

fn temp_files(out: &Path) -> usize {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count()
}

#[cfg(unix)]
#[test]
fn a_killed_build_leaves_every_output_whole_and_the_next_cleans_up() {
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    many_papers(root, 300);
    assert!(clerk(root, &["build"]).status.success());
    // Change every paper so the next build rewrites every output, then kill it midway.
    for e in std::fs::read_dir(root.join("papers")).unwrap() {
        let p = e.unwrap().path();
        let text = std::fs::read_to_string(&p)
            .unwrap()
            .replace("ten specific", "ten particular");
        std::fs::write(&p, text).unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_clerk"))
        .arg("build")
        .current_dir(root)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let out = root.join("out");
    let rewritten = |out: &Path| {
        std::fs::read_to_string(out.join("paper-000.html"))
            .is_ok_and(|t| t.contains("ten particular"))
    };
    while !rewritten(&out) && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(
        outputs_are_whole(&out),
        302,
        "every output (300 papers, their meeting's page, the index) still there and whole"
    );
    // Some outputs are new, some old: a manifest listing them all would lie, so there is
    // none until the next build finishes.
    assert_eq!(
        manifest_is_true(&out),
        0,
        "the manifest is withdrawn while outputs change"
    );

    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(temp_files(&out), 0, "leftover temporary files removed");
    assert_eq!(outputs_are_whole(&out), 302);
    assert_eq!(
        manifest_is_true(&out),
        601,
        "the index and 300 papers' HTML and PDF"
    );
}

#[test]
fn when_the_index_cannot_be_written_there_is_no_manifest_to_disagree_with_it() {
    let project = temp_project("repo");
    let root = project.path();
    assert!(clerk(root, &["build"]).status.success());
    assert!(manifest_is_true(&root.join("out")) > 0);
    // The index's place taken by a folder: the rename over it fails, as on a full disk.
    std::fs::remove_file(root.join("out/index.html")).unwrap();
    std::fs::create_dir(root.join("out/index.html")).unwrap();
    std::fs::write(root.join("out/index.html/x"), "in the way").unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("cannot write the index"), "{stderr}");
    assert!(
        !root.join("out/manifest.json").exists(),
        "no manifest without its index"
    );
}

/// A paper's output that cannot be written (its place taken by a folder) is that paper's
/// error, not an output "of papers or meetings that are gone" left behind.
#[test]
fn an_output_that_cannot_be_written_is_not_said_to_be_of_a_paper_gone() {
    let project = temp_project("repo");
    let root = project.path();
    assert!(clerk(root, &["build"]).status.success());
    let html = root.join("out/resources/2022-03-15-estates-strategy.html");
    std::fs::remove_file(&html).unwrap();
    std::fs::create_dir(&html).unwrap();
    std::fs::write(html.join("x"), "in the way").unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("write-failed"), "{stderr}");
    assert!(
        !format!("{stdout}{stderr}").contains("gone"),
        "{stdout}{stderr}"
    );
}

#[test]
fn two_builds_at_once_are_harmless() {
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    many_papers(root, 60);
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_clerk"))
            .arg("build")
            .current_dir(root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let (mut a, mut b) = (spawn(), spawn());
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    let together = snapshot_tree(&root.join("out"));
    std::fs::remove_dir_all(root.join("out")).unwrap();
    assert!(clerk(root, &["build"]).status.success());
    assert_eq!(
        together,
        snapshot_tree(&root.join("out")),
        "the same bytes as one build alone"
    );
}

#[test]
fn build_never_deletes_what_it_did_not_write() {
    let project = temp_project("repo");
    let root = project.path();
    let mine = root.join("out/notes.txt");
    std::fs::create_dir_all(mine.parent().unwrap()).unwrap();
    std::fs::write(&mine, "mine").unwrap();
    std::fs::write(root.join("out/.keep.tmp"), "mine too").unwrap();
    assert!(clerk(root, &["build"]).status.success());
    assert_eq!(std::fs::read_to_string(&mine).unwrap(), "mine");
    assert!(root.join("out/.keep.tmp").exists());
    let (code, _, stderr) = parts(&clerk(root, &["build", "--out", "papers"]));
    assert_eq!(
        code, 2,
        "refuses an output folder that is the papers folder"
    );
    assert!(
        stderr.contains("must not be the project root or contain the papers"),
        "{stderr}"
    );
    let (code, _, _) = parts(&clerk(root, &["build", "--out", "."]));
    assert_eq!(code, 2, "refuses the project root");
}

//! An output folder clerk cannot use (a file, or a folder it may not write in) is one error
//! up front, naming the folder, not one per output blamed on the papers.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use crate::common::*;

#[test]
fn an_output_path_that_is_a_file_is_said_to_be_a_file() {
    let dir = temp_project("council");
    let afile = dir.path().join("afile");
    std::fs::write(&afile, "not a folder").unwrap();
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["build", "--out", "afile"]));
    assert_eq!(code, 2, "{stdout}\n{stderr}");
    assert!(
        stderr.contains(
            "error[output-not-a-folder]: the output folder afile is a file, not a folder"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("manifest"), "{stderr}");
    assert_eq!(stderr.matches("error").count(), 1, "{stderr}");
    assert_eq!(std::fs::read_to_string(&afile).unwrap(), "not a folder");
}

/// Runs `clerk build` as a user who may not write in `folder` (`out` or a folder in it; root
/// may write anywhere, so as root the project is given to `nobody` and clerk run as
/// `nobody`). `None` when this machine cannot arrange it.
fn build_in_a_read_only_folder(project: &Path, folder: &str) -> Option<(i32, String, String)> {
    let read_only = project.join(folder);
    std::fs::create_dir_all(&read_only).unwrap();
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::metadata(project).unwrap().uid() != 0 {
        return Some(parts(&clerk(project, &["build"])));
    }
    for entry in walkdir::WalkDir::new(project) {
        let path = entry.unwrap().into_path();
        std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
    }
    let o = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_clerk"))
        .arg("build")
        .current_dir(project)
        .env("NO_COLOR", "1")
        .output()
        .ok()?;
    let (code, stdout, stderr) = parts(&o);
    // setpriv missing its rights, or the binary out of `nobody`'s reach.
    if code == 126 || code == 127 || stderr.starts_with("setpriv:") {
        eprintln!("skipped: cannot run clerk as nobody ({stderr})");
        return None;
    }
    Some((code, stdout, stderr))
}

#[test]
fn a_read_only_output_folder_is_one_error_up_front_and_nothing_is_written() {
    let dir = temp_project("council");
    let Some((code, stdout, stderr)) = build_in_a_read_only_folder(dir.path(), "out") else {
        return;
    };
    assert_eq!(code, 2, "{stdout}\n{stderr}");
    assert_eq!(
        stderr.lines().next().unwrap(),
        "error[output-not-writable]: cannot write to the output folder out/ (permission denied), so nothing was built",
        "{stderr}"
    );
    assert!(stderr.contains("--out"), "{stderr}");
    assert!(!stderr.contains("write-failed"), "{stderr}");
    assert!(!stderr.contains("warning"), "no cascade: {stderr}");
    assert_eq!(
        std::fs::read_dir(dir.path().join("out")).unwrap().count(),
        0
    );
}

#[test]
fn a_read_only_folder_in_the_output_folder_is_one_error_naming_it_and_nothing_is_written() {
    let dir = temp_project("council");
    let papers = dir.path().join("papers");
    let paper = papers.join("2024-06-12-parking-charges.md");
    std::fs::create_dir(papers.join("2026")).unwrap();
    for name in ["parking-charges.md", "parking-charges-again.md"] {
        std::fs::copy(&paper, papers.join("2026").join(name)).unwrap();
    }
    let Some((code, stdout, stderr)) = build_in_a_read_only_folder(dir.path(), "out/2026") else {
        return;
    };
    assert_eq!(code, 2, "{stdout}\n{stderr}");
    assert_eq!(
        stderr.lines().next().unwrap(),
        "error[output-not-writable]: cannot write in out/2026/, a folder of the output (permission denied), so nothing was built",
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("error").count(),
        1,
        "one for the folder: {stderr}"
    );
    assert!(stderr.contains("let you write in it"), "{stderr}");
    assert!(!stderr.contains("write-failed"), "{stderr}");
    let left: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["2026"], "nothing written beside it");
    assert_eq!(
        std::fs::read_dir(dir.path().join("out/2026"))
            .unwrap()
            .count(),
        0
    );
}

/// `--papers` naming part of the project, into the output folder a build of all of it
/// made, would take the other papers' outputs away (and keep meeting pages linking them):
/// refused up front, nothing touched; with an `--out` of its own it builds.
#[test]
fn a_build_of_part_of_the_project_into_its_output_folder_is_refused() {
    let project = temp_project("meetings");
    let root = project.path();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{out}{err}");
    let before = snapshot_tree(&root.join("out"));
    let (code, out, err) = parts(&clerk(root, &["build", "--papers", "papers/audit"]));
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("error[part-of-project]"), "{err}");
    assert!(
        err.contains("outside the papers folder `papers/audit`"),
        "{err}"
    );
    assert_eq!(snapshot_tree(&root.join("out")), before, "nothing touched");
    let part = tempfile::tempdir().unwrap();
    let part_out = part.path().to_str().unwrap();
    let (_, out, err) = parts(&clerk(
        root,
        &["build", "--papers", "papers/audit", "--out", part_out],
    ));
    assert!(!err.contains("part-of-project"), "{out}{err}");
    assert!(
        part.path()
            .join("2026-03-03-internal-audit-plan.html")
            .is_file(),
        "{out}{err}"
    );
}

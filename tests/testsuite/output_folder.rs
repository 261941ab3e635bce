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

/// Runs `clerk build` as a user who may not write in `out/` (root may write anywhere, so
/// as root the project is given to `nobody` and clerk run as `nobody`). `None` when this
/// machine cannot arrange it.
fn build_in_a_read_only_folder(project: &Path) -> Option<(i32, String, String)> {
    let out = project.join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).unwrap();
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
    let Some((code, stdout, stderr)) = build_in_a_read_only_folder(dir.path()) else {
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

//! Files that are not what they claim (#13): named pipes and devices where clerk expects a
//! paper, an image, a logo, a font or `clerk.yaml`; a logo outside the project; a Markdown
//! appendix that is a paper; a PDF appendix over its size limit. Each is refused with a
//! diagnostic, at once: nothing here may block or read without end.

use std::path::Path;
use std::time::Duration;

use crate::common::*;

const META: &str = "meeting: Policing Performance Committee\ndate: 2021-09-01\ntitle: Hostile files\npresented_by: Test\nrecommendation: For Noting\nrecommendations: Members are invited to note this paper.\n";

pub(crate) fn project(extra_meta: &str, body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("papers")).unwrap();
    let paper =
        format!("---\n{META}{extra_meta}---\n\n# Purpose\n\nA paper.\n\n# Background\n\n{body}\n");
    std::fs::write(dir.path().join("papers/a.md"), paper).unwrap();
    dir
}

/// Runs clerk with a deadline: a blocked read would hang for ever, so the test kills it
/// and fails rather than wait.
pub(crate) fn clerk_within(root: &Path, args: &[&str]) -> (i32, String, String) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_clerk"))
        .args(args)
        .current_dir(root)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let done =
        crate::common::serve::wait_for(Duration::from_secs(60), || child.try_wait().ok().flatten());
    if done.is_none() {
        let _ = child.kill();
        panic!("clerk {args:?} hung on a special file");
    }
    parts(&child.wait_with_output().unwrap())
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(ok.success(), "mkfifo works");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_as_image_paper_or_house_style_is_refused_without_blocking() {
    let dir = project("", "![A chart](pipe.png)");
    let root = dir.path();
    mkfifo(&root.join("papers/pipe.png"));
    for args in [&["check"][..], &["build"][..]] {
        let (code, stdout, stderr) = clerk_within(root, args);
        assert_eq!(code, 1, "{stdout}{stderr}");
        assert!(
            stderr.contains("a named pipe (FIFO), not a file"),
            "{stderr}"
        );
        assert!(
            stderr.contains("papers/a.md:"),
            "at the image's line: {stderr}"
        );
    }
    mkfifo(&root.join("papers/b.md"));
    let (code, _, stderr) = clerk_within(root, &["check"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("papers/b.md"), "{stderr}");
    mkfifo(&root.join("clerk.yaml"));
    let (code, _, stderr) = clerk_within(root, &["check"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("cannot read the house style (it is a named pipe"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_device_as_logo_or_font_is_refused_and_a_logo_outside_the_project_too() {
    let dir = project("", "Text.");
    let root = dir.path();
    let house = |yaml: &str| std::fs::write(root.join("clerk.yaml"), yaml).unwrap();
    house("organisation:\n  name: Test\n  logo: /dev/zero\n");
    let (code, _, stderr) = clerk_within(root, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("outside the project folder"), "{stderr}");
    std::os::unix::fs::symlink("/dev/zero", root.join("zero.png")).unwrap();
    house("organisation:\n  name: Test\n  logo: zero.png\n");
    let (code, _, stderr) = clerk_within(root, &["build"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("outside the project folder"),
        "a link out is outside: {stderr}"
    );
    std::fs::write(root.join("outside.png"), b"not used").unwrap();
    house("pdf:\n  fonts:\n    regular: zero.png\n");
    let (code, _, stderr) = clerk_within(root, &["build", "--format", "pdf"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("it is a device, not a file"), "{stderr}");
}

#[test]
fn a_markdown_appendix_that_is_a_paper_is_refused() {
    let appendices = "appendices:\n  - title: Itself\n    file: a.md\n  - title: Another paper\n    file: _other.md\n";
    let dir = project(appendices, "Text.");
    let root = dir.path();
    std::fs::write(
        root.join("papers/_other.md"),
        format!("---\n{META}---\n\n# Purpose\n\nAnother.\n"),
    )
    .unwrap();
    let (code, _, stderr) = clerk_within(root, &["check"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("a paper cannot be its own appendix"),
        "{stderr}"
    );
    assert!(
        stderr.contains("is a paper (it has metadata of its own)"),
        "{stderr}"
    );
}

#[test]
fn a_pdf_appendix_over_its_limit_is_refused_at_its_file_line() {
    let dir = project(
        "appendices:\n  - title: Survey\n    file: survey.pdf\n",
        "Text.",
    );
    let root = dir.path();
    std::fs::write(root.join("clerk.yaml"), "limits:\n  appendix_bytes: 1000\n").unwrap();
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.resize(5000, b' ');
    std::fs::write(root.join("papers/survey.pdf"), pdf).unwrap();
    let (code, _, stderr) = clerk_within(root, &["check"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("larger than 1000 bytes"), "{stderr}");
    assert!(stderr.contains("limits.appendix_bytes"), "{stderr}");
}

#[test]
fn control_and_bidi_characters_are_never_echoed_raw_to_the_terminal() {
    // YAML's "\e" is ESC and "\a" is BEL; U+202E turns the rest of a line around.
    let dir = project("status: \"\\e[2J\\adone\u{202e}txt\"\n", "Text.");
    let (code, stdout, stderr) = clerk_within(dir.path(), &["check"]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("bad-status"), "{stderr}");
    for raw in ['\x1b', '\x07', '\u{202e}'] {
        assert!(!stderr.contains(raw), "{raw:?} echoed raw: {stderr:?}");
    }
    assert!(
        stderr.contains("␛[2J␇done"),
        "shown as visible symbols: {stderr}"
    );
}

//! A meeting file where clerk does not read it — a `Meetings/` folder as Windows names
//! it, the project root, the papers folder — is an error that keeps the papers it names
//! out of every public output: its agenda may take one of them in private. And a meeting
//! file whose quotes a word processor curled is read as its author meant.

use std::path::Path;

use crate::common::{clerk, parts, temp_project};
use crate::struck_off::{CYBER, MEETING_FILE, SECRET, public_holding};

/// The meetings fixture with its meeting file moved to `to` (from the project root), the
/// private paper's marking taken off (so no other check keeps it private), built.
fn moved_to(to: &str) -> (tempfile::TempDir, i32, String) {
    let project = temp_project("meetings");
    let root = project.path();
    let target = root.join(to);
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::rename(root.join(MEETING_FILE), &target).unwrap();
    let paper = root.join(format!("papers/{CYBER}.md"));
    let text = std::fs::read_to_string(&paper).unwrap();
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("classification:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&paper, text).unwrap();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    (project, code, format!("{out}{err}"))
}

fn public_paper(root: &Path) -> bool {
    root.join(format!("out/{CYBER}.html")).exists()
        || root.join(format!("out/{CYBER}.pdf")).exists()
}

#[test]
fn a_meeting_file_out_of_its_folder_keeps_its_papers_from_the_public() {
    for to in [
        "Meetings/resources-2026-05-19.yaml",
        "meeting/resources-2026-05-19.yaml",
        "resources-2026-05-19.yaml",
        "papers/resources/resources-2026-05-19.yaml",
        "papers/a/b/c/d/e/f/g/h/i/RESOURCES-2026-05-19.YAML",
    ] {
        let (project, code, out) = moved_to(to);
        let root = project.path();
        assert_ne!(code, 0, "{to}: {out}");
        assert!(out.contains("error[meeting-file-elsewhere]"), "{to}: {out}");
        assert!(out.contains(&format!("--> {to}")), "{to}: {out}");
        assert!(
            out.contains(&format!(
                "move it to `meetings/{}`",
                to.rsplit('/').next().unwrap()
            )),
            "{to}: {out}"
        );
        assert!(!out.contains("lone-sidecar"), "{to}: {out}");
        assert!(
            !public_paper(root),
            "{to}: the private paper was published\n{out}"
        );
        assert_eq!(public_holding(root, SECRET), Vec::<String>::new(), "{to}");
    }
}

#[test]
fn a_paper_sidecar_and_the_house_style_are_no_meeting_files() {
    let project = temp_project("meetings");
    let root = project.path();
    // A sidecar with no paper beside it: still the lone-sidecar warning; notes with an
    // `items:` list but no committee or date: nothing.
    std::fs::write(
        root.join("papers/resources/old.yaml"),
        "meeting: Resources Committee\ndate: 2026-05-19\ntitle: Old\n",
    )
    .unwrap();
    std::fs::write(root.join("notes.yaml"), "items:\n  - milk\n").unwrap();
    // An old meeting file kept where the build skips (`_archive/`): left alone, quietly,
    // as the build leaves that folder.
    let meeting = std::fs::read_to_string(root.join(MEETING_FILE)).unwrap();
    std::fs::create_dir_all(root.join("papers/_archive")).unwrap();
    std::fs::write(
        root.join("papers/_archive/resources-2026-05-19.yaml"),
        &meeting,
    )
    .unwrap();
    std::fs::write(root.join("_old-resources-2026-05-19.yaml"), &meeting).unwrap();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    let out = format!("{out}{err}");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("lone-sidecar"), "{out}");
    assert!(!out.contains("meeting-file-elsewhere"), "{out}");
}

/// `committee: “Resources Committee”`, `number: “3.1”` and `time: “10:00”` are read
/// without the curly quotes YAML would keep (each with a `curly-quotes` warning at its
/// value), so the papers stay on their agenda; a location keeps them, said.
#[test]
fn curly_quotes_in_a_meeting_file_are_said_and_the_names_read_without_them() {
    let project = temp_project("meetings");
    let root = project.path();
    let file = root.join(MEETING_FILE);
    let text = std::fs::read_to_string(&file).unwrap();
    let curled = text
        .replace(
            "committee: Resources Committee",
            "committee: “Resources Committee”",
        )
        .replace("number: \"3.1\"", "number: “3.1”")
        .replace("time: \"10:00\"", "time: “10:00”")
        .replace(
            "location: Committee Room 1, Pacific Quay",
            "location: “Committee Room 1”",
        );
    assert_ne!(curled, text);
    std::fs::write(&file, curled).unwrap();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    let out = format!("{out}{err}");
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.matches("warning[curly-quotes]").count(), 4, "{out}");
    for wrong in [
        "wrong-meeting",
        "agenda-item-mismatch",
        "bad-time",
        "file-disagrees",
        "papers-withheld",
    ] {
        assert!(!out.contains(wrong), "{wrong}: {out}");
    }
    assert!(out.contains("it is read as Resources Committee"), "{out}");
    assert!(out.contains("it reads “Committee Room 1”"), "{out}");
    let page = std::fs::read_to_string(
        root.join("out/meetings/2026-05-19-resources-committee/index.html"),
    )
    .unwrap();
    assert!(page.contains(">10:00</time>"), "{page}");
    assert!(page.contains("3.1"), "{page}");
}

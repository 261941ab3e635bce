//! A private paper deferred the usual way — struck off this meeting's agenda, its file
//! renamed for the next meeting's date, which has no meeting file yet — stays private: the
//! last build took a paper of that title and committee in private, and its file is gone.
//! And a paper taken in private leaves no public folder named for it.

use crate::struck_off::{CYBER, MEETING_FILE, SECRET, build, built, public_holding, strike};

#[test]
fn a_private_paper_deferred_under_a_new_name_stays_private() {
    let project = built();
    let root = project.path();
    strike(root, "4");
    let old = root.join(format!("papers/{CYBER}.md"));
    let text = std::fs::read_to_string(&old).unwrap();
    let moved = "resources/2026-06-16-cyber-exercise";
    std::fs::write(
        root.join(format!("papers/{moved}.md")),
        text.replace("date: 2026-05-19", "date: 2026-06-16"),
    )
    .unwrap();
    std::fs::remove_file(&old).unwrap();
    let (code, out) = build(root);
    assert_eq!(code, 0, "a warning, not an error:\n{out}");
    for said in [
        "warning[still-private]",
        &format!("--> papers/{moved}.md"),
        &format!("the title and committee of `papers/{CYBER}.md`"),
    ] {
        assert!(out.contains(said), "{said}:\n{out}");
    }
    assert_eq!(public_holding(root, SECRET), Vec::<String>::new(), "{out}");
    assert!(
        root.join(format!("out/private/{moved}.html")).is_file(),
        "{out}"
    );
    assert!(!root.join(format!("out/{moved}.html")).exists(), "{out}");
    // And on the next build, as the private manifest now lists it under its new name.
    let (_, out) = build(root);
    assert!(out.contains("warning[still-private]"), "{out}");
    assert_eq!(public_holding(root, SECRET), Vec::<String>::new(), "{out}");
}

/// A new paper that shares only its title with a paper taken in private, of another
/// committee, is published as it says.
#[test]
fn a_new_paper_of_another_committee_with_a_private_papers_title_is_published() {
    let project = built();
    let root = project.path();
    strike(root, "4");
    let old = root.join(format!("papers/{CYBER}.md"));
    let text = std::fs::read_to_string(&old).unwrap();
    std::fs::remove_file(&old).unwrap();
    let other = "resources/2026-06-16-cyber-other";
    std::fs::write(
        root.join(format!("papers/{other}.md")),
        text.replace("date: 2026-05-19", "date: 2026-06-16")
            .replace("meeting: Resources Committee", "meeting: Audit Committee"),
    )
    .unwrap();
    let (code, out) = build(root);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("still-private"), "{out}");
    assert!(root.join(format!("out/{other}.html")).is_file(), "{out}");
}

/// A paper alone in its folder, published, then taken in private: its public copies go,
/// and so does the folder they were in, whose name can say what the paper is about.
#[test]
fn a_paper_taken_in_private_leaves_no_empty_folder_named_for_it() {
    let project = built();
    let root = project.path();
    let from = root.join("papers/resources/2026-05-19-budget-monitoring.md");
    std::fs::create_dir_all(root.join("papers/pelican-settlement")).unwrap();
    std::fs::rename(&from, root.join("papers/pelican-settlement/budget.md")).unwrap();
    let file = root.join(MEETING_FILE);
    let listed = std::fs::read_to_string(&file).unwrap().replace(
        "resources/2026-05-19-budget-monitoring.md",
        "pelican-settlement/budget.md",
    );
    std::fs::write(&file, &listed).unwrap();
    let (code, out) = build(root);
    assert_eq!(code, 0, "{out}");
    assert!(
        root.join("out/pelican-settlement/budget.html").is_file(),
        "{out}"
    );
    let private = listed.replace(
        "    paper: pelican-settlement/budget.md\n",
        "    paper: pelican-settlement/budget.md\n    private: true\n    exempt: Standing Orders section 20(b)\n",
    );
    std::fs::write(&file, private).unwrap();
    let (code, out) = build(root);
    assert_eq!(code, 0, "{out}");
    assert!(!root.join("out/pelican-settlement").exists(), "{out}");
    assert!(
        root.join("out/private/pelican-settlement/budget.html")
            .is_file()
    );
}

/// The deferred copy of the private paper, at `2026-06-16-cyber-exercise.md`, as `edit`
/// makes it from the paper's text (its date moved on first); whether the old file stays.
fn defer(root: &std::path::Path, edit: impl Fn(String) -> String, keep_old: bool) -> String {
    let old = root.join(format!("papers/{CYBER}.md"));
    let text = std::fs::read_to_string(&old).unwrap();
    let moved = "resources/2026-06-16-cyber-exercise";
    let text = edit(text.replace("date: 2026-05-19", "date: 2026-06-16"));
    std::fs::write(root.join(format!("papers/{moved}.md")), text).unwrap();
    if !keep_old {
        std::fs::remove_file(&old).unwrap();
    }
    moved.to_string()
}

/// Renamed with a typo in its title's key, then mended: the build that cannot read its
/// title keeps it private (nothing shows it is another paper), and so the next does.
#[test]
fn a_renamed_private_paper_whose_title_cannot_be_read_stays_private_once_mended() {
    let project = built();
    let root = project.path();
    strike(root, "4");
    let moved = defer(root, |t| t.replacen("title:", "titel:", 1), false);
    let (_, out) = build(root);
    assert!(out.contains("title cannot be read"), "{out}");
    let paper = root.join(format!("papers/{moved}.md"));
    let text = std::fs::read_to_string(&paper).unwrap();
    std::fs::write(&paper, text.replacen("titel:", "title:", 1)).unwrap();
    let (code, out) = build(root);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("warning[still-private]"), "{out}");
    assert_eq!(public_holding(root, SECRET), Vec::<String>::new(), "{out}");
}

/// A copy made before the old file is deleted, and a committee written in other capitals:
/// still the same paper.
#[test]
fn a_private_paper_copied_under_a_new_name_with_its_committee_recased_stays_private() {
    let project = built();
    let root = project.path();
    strike(root, "4");
    defer(
        root,
        |t| {
            t.replace(
                "meeting: Resources Committee",
                "meeting: Resources committee",
            )
        },
        true,
    );
    // The old file, no longer on an agenda, stays private as the last build took it.
    let (_, out) = build(root);
    assert!(out.contains("title and committee of"), "{out}");
    assert_eq!(public_holding(root, SECRET), Vec::<String>::new(), "{out}");
    std::fs::remove_file(root.join(format!("papers/{CYBER}.md"))).unwrap();
    let (_, out) = build(root);
    assert_eq!(public_holding(root, SECRET), Vec::<String>::new(), "{out}");
}

/// The private paper failed in the last build (its title unread, so its private manifest
/// entry has none): a renamed paper of its committee is taken to be it.
#[test]
fn a_private_paper_that_failed_last_time_is_still_matched_when_renamed() {
    let project = built();
    let root = project.path();
    let old = root.join(format!("papers/{CYBER}.md"));
    let text = std::fs::read_to_string(&old).unwrap();
    std::fs::write(&old, text.replacen("recommendation:", "recomendation:", 1)).unwrap();
    let (code, out) = build(root);
    assert_eq!(code, 1, "{out}");
    strike(root, "4");
    std::fs::write(&old, text).unwrap();
    defer(root, |t| t, false);
    let (_, out) = build(root);
    assert!(out.contains("warning[still-private]"), "{out}");
    assert_eq!(public_holding(root, SECRET), Vec::<String>::new(), "{out}");
}

//! A paper marked with the house's private classification (OFFICIAL-SENSITIVE) that a build
//! publishes: a warning at its item when a meeting file lists it, else at the paper's
//! `classification:` line; none once the item is taken in private or the marking changes.

use crate::meeting_edges::{build, one_paper_project};

/// The one-paper project with `classification` in the paper's metadata and `item` added to
/// its meeting file's item.
fn marked(classification: &str, item: &str) -> tempfile::TempDir {
    let project = one_paper_project("2026-05-19", "10:00", "Budget", item);
    let path = project.path().join("papers/r/a.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "title:",
        &format!("classification: {classification}\ntitle:"),
        1,
    );
    std::fs::write(&path, text).unwrap();
    project
}

#[test]
fn a_sensitive_paper_on_a_public_item_is_a_warning_at_the_item() {
    let project = marked("OFFICIAL-SENSITIVE", "");
    for command in [&["build", "--format", "html"][..], &["check"]] {
        let (code, out) = build(project.path(), command);
        assert_eq!(code, 0, "a warning, not an error:\n{out}");
        assert!(
            out.contains(
                "warning[sensitive-published]: item 1's paper `r/a.md` is marked OFFICIAL-SENSITIVE, but the item is not taken in private: the paper is published on the meeting's page and in its public pack"
            ),
            "{out}"
        );
        // At the item's `paper:` value; the help names both ways out, with the paper's line.
        assert!(out.contains("meetings/r.yaml:6:12"), "{out}");
        assert!(
            out.contains("add `private: true` and its `exempt:` ground to item 1"),
            "{out}"
        );
        assert!(
            out.contains("change `classification:` to `OFFICIAL` in papers/r/a.md line 5"),
            "{out}"
        );
    }
    // The paper is still published: a warning changes nothing built.
    assert!(project.path().join("out/r/a.html").is_file());
}

#[test]
fn a_sensitive_paper_with_no_meeting_file_is_a_warning_at_its_marking() {
    let project = marked("OFFICIAL-SENSITIVE", "");
    std::fs::remove_file(project.path().join("meetings/r.yaml")).unwrap();
    let (code, out) = build(project.path(), &["check"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("warning[sensitive-published]: this paper is marked OFFICIAL-SENSITIVE, but it is published"),
        "{out}"
    );
    assert!(out.contains("papers/r/a.md:5:1"), "{out}");
}

#[test]
fn a_sensitive_paper_taken_in_private_or_an_official_one_is_no_surprise() {
    let private = "    private: true\n    exempt: Standing Orders section 20(d)\n";
    for project in [
        marked("OFFICIAL-SENSITIVE", private),
        marked("OFFICIAL", ""),
    ] {
        let (code, out) = build(project.path(), &["check"]);
        assert_eq!(code, 0, "{out}");
        assert!(!out.contains("sensitive-published"), "{out}");
    }
}

/// A draft is for review, not yet published: the warning waits until the paper is final,
/// as `clerk serve` (whose papers without `status` are drafts) shows.
#[test]
fn a_sensitive_draft_is_not_yet_published() {
    let project = marked("OFFICIAL-SENSITIVE\nstatus: draft", "");
    let (code, out) = build(project.path(), &["check"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("sensitive-published"), "{out}");
    let project = marked("OFFICIAL-SENSITIVE\nstatus: final", "");
    let (_, out) = build(project.path(), &["check"]);
    assert!(out.contains("warning[sensitive-published]"), "{out}");
}

/// The house's `classifications` run from the least protected to the most: a marking listed
/// after the private one needs the same care, and the help offers the one listed before it.
/// A house of one marking (its private one too) tells no paper apart, so warns of none.
#[test]
fn a_marking_past_the_private_one_is_a_warning_and_a_house_of_one_marking_has_none() {
    let house =
        "classifications: [Open, Closed, Strictly Confidential]\nprivate_classification: Closed\n";
    for (marking, warned) in [
        ("Strictly Confidential", true),
        ("Closed", true),
        ("Open", false),
    ] {
        let project = marked(marking, "");
        std::fs::write(project.path().join("clerk.yaml"), house).unwrap();
        let (code, out) = build(project.path(), &["check"]);
        assert_eq!(code, 0, "{out}");
        let said = format!("item 1's paper `r/a.md` is marked {marking}, but");
        assert_eq!(out.contains(&said), warned, "{marking}: {out}");
        if warned {
            assert!(out.contains("change `classification:` to `Open`"), "{out}");
        }
    }
    let project = marked("OFFICIAL", "");
    std::fs::write(
        project.path().join("clerk.yaml"),
        "classifications: [OFFICIAL]\n",
    )
    .unwrap();
    let (code, out) = build(project.path(), &["check"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("sensitive-published"), "{out}");
}

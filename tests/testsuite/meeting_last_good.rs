//! What a meeting keeps of its last good build: a paper that breaks is named on its agenda
//! as the last good outputs it links name it, not as its failing text now reads; meetings
//! that clash keep their one calendar event once.

use crate::common::{clerk, parts, temp_project};

const MAY: &str = "out/meetings/2026-05-19-resources-committee";

#[test]
fn a_failing_paper_is_named_on_its_agenda_as_its_last_good_version_is() {
    let project = temp_project("meetings");
    let root = project.path();
    let (code, _, _) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0);
    let paper = root.join("papers/resources/2026-05-19-budget-monitoring.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    let half_edited = text
        .replace(
            "title: Budget Monitoring Report – Quarter 4",
            "title: Budget Monitoring Report – Quarter 4 (half-edited)",
        )
        .replace("# Purpose", "# Purpose\n\n![Chart](missing-chart.png)");
    std::fs::write(&paper, half_edited).unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("image-missing"), "{stderr}");
    let page = std::fs::read_to_string(root.join(MAY).join("index.html")).unwrap();
    assert!(
        page.contains("Budget Monitoring Report – Quarter 4"),
        "{page}"
    );
    assert!(page.contains("Last good version"), "{page}");
    let calendar = std::fs::read_to_string(root.join("out/meetings.ics")).unwrap();
    for said in [&page, &calendar] {
        assert!(!said.contains("half-edited"), "{said}");
    }
}

/// A paper taken in private, retitled to say less, and failing in the same edit: its item
/// is named as it now reads, never by the title its last good (public) outputs had.
#[test]
fn a_failing_paper_taken_in_private_is_named_as_it_now_reads() {
    let project = temp_project("meetings");
    let root = project.path();
    let (code, _, _) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0);
    let paper = root.join("papers/resources/2026-05-19-minutes.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    let old_title = "Minutes of the Previous Meeting";
    assert!(text.contains(&format!("title: {old_title}")), "{text}");
    let retitled = text
        .replace(&format!("title: {old_title}"), "title: Staffing matter")
        .replace("# Purpose", "# Purpose\n\nSee [](#nowhere).");
    std::fs::write(&paper, retitled).unwrap();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let listed = std::fs::read_to_string(&file).unwrap();
    let item = "    paper: resources/2026-05-19-minutes.md\n";
    assert!(listed.contains(item), "{listed}");
    std::fs::write(
        &file,
        listed.replace(
            item,
            &format!("{item}    private: true\n    exempt: Standing Orders section 20(d)\n"),
        ),
    )
    .unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    let page = std::fs::read_to_string(root.join(MAY).join("index.html")).unwrap();
    let index = std::fs::read_to_string(root.join("out/index.html")).unwrap();
    let manifest = std::fs::read_to_string(root.join("out/manifest.json")).unwrap();
    assert!(!manifest.contains(old_title), "{manifest}");
    for said in [&page, &index] {
        assert!(said.contains("Staffing matter"), "{said}");
        assert!(!said.contains(old_title), "{said}");
    }
}

/// Built before, then clashing: the two meetings share one `UID`, and the calendar keeps
/// the one event the last build gave it, once, as it keeps its last good page.
#[test]
fn meetings_that_clash_after_a_build_keep_their_one_event_once() {
    let project = temp_project("meetings");
    let root = project.path();
    assert_eq!(parts(&clerk(root, &["build"])).0, 0);
    let before = std::fs::read_to_string(root.join("out/meetings.ics")).unwrap();
    crate::meetings::add_clashing_paper(root);
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("error[meeting-clash]"), "{stderr}");
    let ics = std::fs::read_to_string(root.join("out/meetings.ics")).unwrap();
    assert_eq!(
        ics.matches("UID:2026-03-03-audit-committee@").count(),
        1,
        "{ics}"
    );
    assert_eq!(ics, before);
}

/// A meeting with no file whose only paper's metadata breaks (a misspelt key) keeps its
/// page, its place on the index, its calendar event and its manifest entry while the paper's
/// last good outputs stand, as a meeting keeps them when a paper's body breaks.
#[test]
fn a_meeting_made_from_one_paper_stands_while_that_papers_metadata_is_broken() {
    let project = temp_project("meetings");
    let root = project.path();
    let (code, _, _) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0);
    let page = "meetings/2026-02-10-resources-committee/index.html";
    let event = "DTSTART;VALUE=DATE:20260210";
    let calendar = std::fs::read_to_string(root.join("out/meetings.ics")).unwrap();
    assert!(calendar.contains(event), "{calendar}");
    let paper = root.join("papers/resources/2026-02-10-treasury-strategy.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    std::fs::write(&paper, text.replacen("---\n", "---\nbogus: 1\n", 1)).unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    let calendar = std::fs::read_to_string(root.join("out/meetings.ics")).unwrap();
    assert!(calendar.contains(event), "the event stays:\n{calendar}");
    let index = std::fs::read_to_string(root.join("out/index.html")).unwrap();
    assert!(index.contains(page), "the index links its page:\n{index}");
    let meeting = std::fs::read_to_string(root.join("out").join(page)).unwrap();
    assert!(meeting.contains("Last good version"), "{meeting}");
    let manifest = std::fs::read_to_string(root.join("out/manifest.json")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    assert!(
        manifest["meetings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["date"] == "2026-02-10"),
        "{manifest}"
    );
}

/// A private item's paper whose metadata breaks: the warning says what happens to it, never that the
/// meeting's page links its last good version, which a private item never has.
#[test]
fn a_broken_private_papers_warning_says_what_becomes_of_it() {
    let project = temp_project("meetings");
    let root = project.path();
    let paper = root.join("papers/resources/2026-05-19-cyber-exercise.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    std::fs::write(&paper, text.replacen("---\n", "---\nbogus: 1\n", 1)).unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    let warning = stderr
        .split("\n\n")
        .find(|w| w.contains("paper-not-built"))
        .expect("paper-not-built");
    assert!(
        warning.contains("the private pack shows it as not available"),
        "{warning}"
    );
    assert!(!warning.contains("last good version"), "{warning}");
}

/// A paper moved to another date in the same edit that breaks its metadata is not kept at
/// the meeting it left: only while what it says of its meeting agrees with its last good
/// outputs does it stand there.
#[test]
fn a_paper_moved_and_broken_at_once_does_not_hold_the_meeting_it_left() {
    let project = temp_project("meetings");
    let root = project.path();
    let (code, _, _) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0);
    let paper = root.join("papers/resources/2026-02-10-treasury-strategy.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    let moved = text
        .replace("date: 2026-02-10", "date: 2026-03-10")
        .replacen("---\n", "---\nbogus: 1\n", 1);
    std::fs::write(&paper, moved).unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    let calendar = std::fs::read_to_string(root.join("out/meetings.ics")).unwrap();
    assert!(!calendar.contains(":20260210"), "{calendar}");
}

/// A paper that fails before it was ever built (a date that is no date) has no last good
/// outputs: its agenda item shows the title its metadata gives, read without checking the
/// rest, not its file's path.
#[test]
fn a_paper_failing_with_no_last_good_build_is_named_by_its_title() {
    let project = temp_project("meetings");
    let root = project.path();
    let paper = root.join("papers/resources/2026-05-19-public-counter-review.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    // A title opening with a quote of its own keeps it.
    let broken = text
        .replace("date: 2026-05-19", "date: 2026-02-31")
        .replace(
            "title: Public Counter Review",
            "title: “Public” Counter Review",
        );
    std::fs::write(&paper, broken).unwrap();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    assert_ne!(code, 0, "{out}{err}");
    let page = std::fs::read_to_string(root.join(MAY).join("index.html")).unwrap();
    assert!(
        page.contains("<span class=\"item-title\">“Public” Counter Review</span>"),
        "{page}"
    );
    assert!(
        !page.contains("resources/2026-05-19-public-counter-review.md"),
        "{page}"
    );
}

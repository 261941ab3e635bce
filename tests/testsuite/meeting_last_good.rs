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

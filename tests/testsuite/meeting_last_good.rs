//! A paper that breaks after it was built: its meeting's agenda names it as the last good
//! outputs it links do, not as its failing text now reads.

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

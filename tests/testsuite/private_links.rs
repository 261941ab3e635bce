//! A public paper's link to a paper taken in private is left out, with a warning at the
//! link (`link-private-paper`): the page is not published, and its file name would say what
//! is discussed in private. The words stay. Whether a link is left out follows the meeting
//! file from build to build: a paper that links another is never reused from the cache.

use std::path::Path;

use crate::common::{clerk, parts, temp_project};
use crate::meeting_private::no_public_output_holds;

const MINUTES: &str = "papers/resources/2026-05-19-minutes.md";
const MEETING: &str = "meetings/resources-2026-05-19.yaml";

/// The meetings fixture, its minutes (public) linking the cyber exercise (item 4, taken in
/// private) by its page and PDF, and the budget report (item 3.1, public) by its PDF.
fn project() -> tempfile::TempDir {
    let dir = temp_project("meetings");
    let path = dir.path().join(MINUTES);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(
        "\nSee the [exercise report](2026-05-19-cyber-exercise.html) and \
         [its PDF](2026-05-19-cyber-exercise.pdf), and [the budget](2026-05-19-budget-monitoring.pdf).\n",
    );
    std::fs::write(&path, text).unwrap();
    dir
}

fn build(root: &Path) -> String {
    let (code, out, err) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{out}{err}");
    err
}

fn minutes_page(root: &Path) -> String {
    std::fs::read_to_string(root.join("out/resources/2026-05-19-minutes.html")).unwrap()
}

#[test]
fn a_link_to_a_private_paper_is_left_out_of_every_public_output_with_a_warning() {
    let dir = project();
    let root = dir.path();
    let err = build(root);
    assert_eq!(
        err.matches("warning[link-private-paper]").count(),
        2,
        "{err}"
    );
    assert!(
        err.contains(
            "this link points at `2026-05-19-cyber-exercise.html`, a paper taken in private"
        ),
        "{err}"
    );
    let line = std::fs::read_to_string(root.join(MINUTES))
        .unwrap()
        .lines()
        .count();
    assert!(
        err.contains(&format!("{MINUTES}:{line}:9")),
        "at the link: {err}"
    );
    // The words stay; the public link stays a link.
    let page = minutes_page(root);
    assert!(
        page.contains("See the exercise report and its PDF"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"2026-05-19-budget-monitoring.pdf\">"),
        "{page}"
    );
    // Nothing public names the private paper's file: not the page, its PDF's link
    // annotations, the pack, the index, the manifest or the calendar.
    no_public_output_holds(&root.join("out"), "cyber-exercise");
    // Its own copy, built in private, keeps its links.
    let private =
        std::fs::read_to_string(root.join("out/private/resources/2026-05-19-cyber-exercise.html"))
            .unwrap();
    assert!(!private.is_empty());
}

#[test]
fn whether_a_link_is_left_out_follows_the_meeting_file_from_build_to_build() {
    let dir = project();
    let root = dir.path();
    let meeting = root.join(MEETING);
    let taken = std::fs::read_to_string(&meeting).unwrap();
    let ground = "    private: true\n    exempt: Standing Orders section 20(d)\n";
    assert!(taken.contains(ground));
    // First the cyber exercise in public: the minutes link it, with nothing to say.
    std::fs::write(&meeting, taken.replacen(ground, "", 1)).unwrap();
    let err = build(root);
    assert!(!err.contains("link-private-paper"), "{err}");
    assert!(
        minutes_page(root)
            .contains("<a href=\"2026-05-19-cyber-exercise.html\">exercise report</a>")
    );
    // Then taken in private: the next build (which reuses what it can) leaves the link out,
    // though the minutes themselves did not change.
    std::fs::write(&meeting, &taken).unwrap();
    let err = build(root);
    assert_eq!(
        err.matches("warning[link-private-paper]").count(),
        2,
        "{err}"
    );
    let page = minutes_page(root);
    assert!(
        page.contains("See the exercise report and its PDF"),
        "{page}"
    );
    no_public_output_holds(&root.join("out"), "cyber-exercise");
    // And in public again: linked again.
    std::fs::write(&meeting, taken.replacen(ground, "", 1)).unwrap();
    build(root);
    assert!(minutes_page(root).contains("href=\"2026-05-19-cyber-exercise.pdf\""));
}

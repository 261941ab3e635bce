//! CommonMark fidelity (#19) and heading labels (#15 item 10), end to end: the real binary
//! builds a paper with labelled headings, tight and loose lists, an email autolink and a
//! heading with emphasis, and checks a cited label that does not exist.

use std::path::Path;

use crate::common::*;

const META: &str = "---\nmeeting: Test Committee\ndate: 2021-09-01\ntitle: Labels\npresented_by: A Person, Role\nrecommendation: For Noting\nagenda_item: \"1\"\nrecommendations: Members are invited to note [](#background).\n---\n\n";

fn project(body: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("papers")).unwrap();
    std::fs::write(dir.path().join("papers/p.md"), format!("{META}{body}")).unwrap();
    dir
}

fn read(root: &Path, file: &str) -> String {
    std::fs::read_to_string(root.join(file)).unwrap()
}

#[test]
fn a_labelled_heading_is_cited_as_its_section_and_the_label_never_shows() {
    let dir = project(
        "# Purpose\n\nWhy.\n\n# Background *in brief* {#background}\n\nLists:\n\n- tight\n- list\n\nAnd:\n\n- loose\n\n- list\n\nWrite to <clerk@example.org>.\n",
    );
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["build", "--format", "html"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let html = read(dir.path(), "out/p.html");
    assert!(!html.contains("{#"), "the label never shows");
    assert!(
        html.contains("<section id=\"background\""),
        "the label is the anchor"
    );
    assert!(
        html.contains("<span class=\"htext\">BACKGROUND <em>IN BRIEF</em></span>"),
        "the heading keeps its emphasis, in the house case"
    );
    assert!(
        html.contains("<a href=\"#background\" class=\"xref\">section\u{a0}1</a>"),
        "cited as its section"
    );
    assert!(
        html.contains("<li>tight</li>"),
        "a tight list's items are lines"
    );
    assert!(
        html.contains("<li>\n<p>loose</p>\n</li>"),
        "a loose list's are paragraphs"
    );
    assert!(html.contains("href=\"mailto:clerk@example.org\""));
}

#[test]
fn an_unknown_label_is_reported_at_its_line_with_a_hint_and_a_duplicate_is_an_error() {
    let dir = project(
        "# Background {#background}\n\nSee [](#backgound).\n\n# Detail {#background}\n\nText.\n",
    );
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["check"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    let out = format!("{stdout}{stderr}");
    assert!(
        out.contains("error[unknown-label]: no paragraph is labelled `backgound`"),
        "{out}"
    );
    assert!(
        out.contains("papers/p.md:13:5"),
        "at the link's line: {out}"
    );
    assert!(out.contains("did you mean `background`?"), "{out}");
    assert!(
        out.contains("error[duplicate-label]: the label `background` is already used on line 11"),
        "{out}"
    );
}

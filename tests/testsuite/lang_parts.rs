//! A paper in another language than the house's, listed on the meeting page, the index
//! and the agenda PDF: its title, presenter and purpose say their language (`lang`, and
//! `/Lang` in the PDF), so a screen reader reads a Welsh title in a Welsh voice (WCAG
//! 3.1.2, language of parts); a meeting file's own title for it does not.

use std::path::Path;

use crate::common::{clerk, parts, temp_project};

const DIR: &str = "out/meetings/2026-05-19-resources-committee";
const BUDGET: &str = "papers/resources/2026-05-19-budget-monitoring.md";

/// The meetings fixture with the budget paper in Welsh, built.
fn welsh_budget() -> tempfile::TempDir {
    let dir = temp_project("meetings");
    let root = dir.path();
    let text = std::fs::read_to_string(root.join(BUDGET)).unwrap();
    std::fs::write(
        root.join(BUDGET),
        text.replacen("---\n", "---\nlanguage: cy\n", 1),
    )
    .unwrap();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{out}{err}");
    dir
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every `/Lang` a structure element of the PDF at `path` gives.
fn langs(path: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(path).unwrap();
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"Lang").ok())
        .filter_map(|l| l.as_str().ok())
        .map(|l| String::from_utf8_lossy(l).into_owned())
        .collect()
}

#[test]
fn a_welsh_papers_title_and_presenter_say_so_on_the_page_index_and_agenda() {
    let dir = welsh_budget();
    let root = dir.path();
    let page = read(root, &format!("{DIR}/index.html"));
    for said in [
        "<a class=\"item-title\" href=\"../../resources/2026-05-19-budget-monitoring.html\" lang=\"cy\">",
        "<span class=\"item-meta\" lang=\"cy\">",
    ] {
        assert_eq!(page.matches(said).count(), 1, "{said} once:\n{page}");
    }
    let index = read(root, "out/index.html");
    assert_eq!(
        index.matches(" lang=\"cy\">").count(),
        2,
        "title and PDF link:\n{index}"
    );
    assert!(
        index.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"),
        "{index}"
    );
    // The title and the note under it are one run of Welsh: one `Span`.
    let agenda = langs(&root.join(DIR).join("agenda.pdf"));
    assert_eq!(
        agenda.iter().filter(|l| *l == "cy").count(),
        1,
        "{agenda:?}"
    );
    let pack = langs(&root.join(DIR).join("pack.pdf"));
    assert!(pack.iter().any(|l| l == "cy"), "{pack:?}");
}

#[test]
fn english_papers_on_an_english_page_say_nothing_more() {
    let dir = temp_project("meetings");
    let root = dir.path();
    let (code, out, err) = parts(&clerk(root, &["build", "--format", "html"]));
    assert_eq!(code, 0, "{out}{err}");
    let page = read(root, &format!("{DIR}/index.html"));
    assert_eq!(
        page.matches(" lang=").count(),
        1,
        "only the page's own: {page}"
    );
}

//! The structure tree as real readers see it: poppler's `pdfinfo` (tagged, the tree of
//! the seed paper in reading order) and the text in structure order against the visible
//! reading order (`pdftotext`). `#[ignore = "needs poppler-utils"]`, run by `.ci/run`.

use std::path::Path;

use crate::common::*;

const SEED_PDF: &str = "policing-performance/2021-09-01-hmics-progress-review.pdf";

/// The seed paper's PDF, built into a fresh folder (kept alive by the returned guard).
fn seed() -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let o = clerk(&repo(), &["build", "--out", out.path().to_str().unwrap()]);
    let (code, stdout, stderr) = parts(&o);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let pdf = out.path().join(SEED_PDF);
    (out, pdf)
}

/// The element lines of `pdfinfo -struct-text` (text lines dropped), with runs of the
/// same line at the same depth folded into `TYPE ×N`.
fn outline(pdf: &Path) -> String {
    let tree = run_tool("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]);
    let mut lines: Vec<(String, usize)> = Vec::new();
    for line in tree.lines() {
        let t = line.trim_start();
        let Some(ty) = t.split_whitespace().next().map(|w| w.trim_end_matches(':')) else {
            continue;
        };
        if t.starts_with('"') || !ty.chars().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let entry = format!("{}{}", &line[..line.len() - t.len()], ty);
        match lines.last_mut() {
            Some((last, n)) if *last == entry => *n += 1,
            _ => lines.push((entry, 1)),
        }
    }
    lines
        .into_iter()
        .map(|(l, n)| {
            if n > 1 {
                format!("{l} ×{n}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect()
}

/// The text of `pdfinfo -struct-text`, in structure order: a space between block
/// elements, none around an inline one (a link's text runs on into the sentence).
fn structure_text(pdf: &Path) -> String {
    let tree = run_tool("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]);
    let mut out = String::new();
    for line in tree.lines() {
        let t = line.trim();
        if let Some(inner) = t.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
            out.push_str(inner);
        } else if !t.contains("(inline)") && !t.starts_with("Object ") {
            out.push(' ');
        }
    }
    out
}

/// The lines of `pdfinfo -struct-text` inside the first element whose line starts with
/// `head` (at its depth), up to the next element at that depth.
fn element(tree: &str, head: &str) -> Vec<String> {
    let lines: Vec<&str> = tree.lines().collect();
    let Some(at) = lines.iter().position(|l| l.trim_start().starts_with(head)) else {
        return Vec::new();
    };
    let depth = lines[at].len() - lines[at].trim_start().len();
    lines[at + 1..]
        .iter()
        .take_while(|l| l.len() - l.trim_start().len() > depth)
        .map(|l| l.trim().to_string())
        .collect()
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
#[ignore = "needs poppler-utils"]
fn pdfinfo_says_tagged() {
    let (_out, pdf) = seed();
    let info = run_tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.ends_with("yes")),
        "{info}"
    );
}

#[test]
#[ignore = "needs poppler-utils"]
fn every_example_and_fixture_pdf_is_tagged_and_sound() {
    let mut checked = 0;
    for name in ["repo", "awkward", "council", "every-feature"] {
        let project = temp_project(name);
        clerk(project.path(), &["build"]);
        for entry in walkdir::WalkDir::new(project.path().join("out")) {
            let path = entry.unwrap().into_path();
            if path.extension().is_none_or(|e| e != "pdf") {
                continue;
            }
            let p = path.to_str().unwrap();
            let info = run_tool("pdfinfo", &[p]);
            assert!(info.contains("Tagged:          yes"), "{p}: {info}");
            let tree = run_tool("pdfinfo", &["-struct-text", p]);
            assert!(tree.starts_with("Document"), "{p}: {tree}");
            run_tool("qpdf", &["--check", p]);
            checked += 1;
        }
    }
    assert!(checked >= 4, "{checked} PDFs");
}

#[test]
#[ignore = "needs poppler-utils"]
fn struct_text_shows_the_seed_tree_in_reading_order() {
    let (_out, pdf) = seed();
    assert_eq!(outline(&pdf), EXPECTED_OUTLINE);
}

#[test]
#[ignore = "needs poppler-utils"]
fn text_in_structure_order_is_the_visible_reading_order() {
    let (_out, pdf) = seed();
    // Words and the spaces between them, also where a line breaks or after a number.
    let tagged = words(&structure_text(&pdf));
    // The visible text, one page at a time, without the page furniture (artifacts).
    let visible = run_tool("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"]);
    let visible: String = visible
        .lines()
        .filter(|l| {
            let l = l.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
            !(l.starts_with("Agenda Item 4.2 Page ") && l.ends_with(" of 3"))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let visible = words(&visible);
    assert_eq!(tagged, visible);
}

#[test]
#[ignore = "needs poppler-utils"]
fn a_links_text_is_inside_its_link_once_with_its_annotation() {
    let (_out, pdf) = seed();
    let tree = run_tool("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]);
    let link = element(&tree, "Link");
    assert_eq!(link.len(), 2, "{link:?}");
    assert_eq!(link[0], "\"strategic review\"");
    assert!(link[1].starts_with("Object "), "{link:?}");
    assert_eq!(tree.matches("a strategic review").count(), 0, "{tree}");
    assert_eq!(tree.matches("\"strategic review\"").count(), 1, "{tree}");
    // The paragraph reads on through the link: "…in February 2020, a strategic review of…"
    assert!(
        words(&structure_text(&pdf)).contains("in February 2020, a strategic review of the Police"),
        "{tree}"
    );
}

#[test]
#[ignore = "needs poppler-utils"]
fn a_note_is_read_inside_the_paragraph_that_cites_it() {
    let project = temp_project("every-feature");
    clerk(project.path(), &["build"]);
    let pdf = project
        .path()
        .join("out/finance/2025-02-20-budget-monitoring.pdf");
    let tree = run_tool("pdfinfo", &["-struct-text", pdf.to_str().unwrap()]);
    // Paragraph 1.1 cites note 1: its text, the mark's link, then the note with its label,
    // its text (and link) and the list that belongs to it.
    let p11 = tree
        .split("\n  P (block)\n")
        .find(|p| p.trim_start().starts_with("\"1.1 "))
        .unwrap_or_else(|| panic!("{tree}"));
    let note = p11
        .find("Note <note-")
        .expect("a Note inside paragraph 1.1");
    let mark = p11.find("Link (inline)").expect("the note mark's link");
    assert!(mark < note, "{p11}");
    let inside = &p11[note..];
    for want in [
        "Lbl",
        "The budget was revised",
        "consistent basis",
        "the same divisional structure",
    ] {
        assert!(inside.contains(want), "{want} not in the note:\n{p11}");
    }
    // Read once, there: no note (nor its list) left at the Document's level.
    assert_eq!(tree.matches("the same divisional structure").count(), 1);
    assert!(!tree.lines().any(|l| l.starts_with("  Note")), "{tree}");
}

/// The seed: the masthead's name, the title (`H1`), the header table (row headers in a
/// `TBody`), then per section `H2` and its numbered paragraphs (the two links, with their
/// text, inside theirs), paragraph 2.4 with its list of closed recommendations in one
/// `Div` (bullets as `Lbl`), paragraph 2.5, the implications, RECOMMENDATIONS and
/// APPENDICES.
const EXPECTED_OUTLINE: &str = "\
Document
  P
  H1
  Table
    TBody
      TR
        TH
        TD
      TR
        TH
        TD
      TR
        TH
        TD
      TR
        TH
        TD
      TR
        TH
        TD
      TR
        TH
        TD
      TR
        TH
        TD
  H2
  P
  H2
  P
    Link
      Object
  P ×2
    Link
      Object
  H2
  P ×3
  Div
    P
    L
      LI
        Lbl
        LBody
      LI
        Lbl
        LBody
      LI
        Lbl
        LBody
  P
  H2
  P
  H2
  P
  H2
  P
  H2
  P
  H2
  P
  H2
  P
  H2
  P
  H2
  P
  H2
  P
  H2
  P
";

//! The DRAFT mark on pages clerk did not lay out, once. A draft meeting's packs are marked
//! DRAFT on every page, as MEETING-FORMAT.md says of `status: draft`: the front sheet as
//! laid out, and each paper's pages by their stamp, multiplied in over the page, unless the
//! paper's own PDF has the mark already (its XMP says `clerk:status` draft), which would
//! put a second one on the first. So too a draft paper's PDF appendix that clerk made as a
//! draft.

use std::path::Path;

use lopdf::Document;

use crate::common::{clerk, parts, run_tool, temp_project};

const DIR: &str = "out/meetings/2026-05-19-resources-committee";
const MINUTES: &str = "papers/resources/2026-05-19-minutes.md";

/// The meetings fixture with the meeting's status `meeting` and the minutes' `minutes`,
/// built.
fn built(meeting: &str, minutes: &str) -> tempfile::TempDir {
    let dir = temp_project("meetings");
    let root = dir.path();
    let edit = |rel: &str, from: &str, to: &str| {
        let text = std::fs::read_to_string(root.join(rel)).unwrap();
        assert!(text.contains(from), "{rel}: {from}");
        std::fs::write(root.join(rel), text.replacen(from, to, 1)).unwrap();
    };
    edit(
        "meetings/resources-2026-05-19.yaml",
        "status: final",
        &format!("status: {meeting}"),
    );
    edit(MINUTES, "title:", &format!("status: {minutes}\ntitle:"));
    let o = clerk(root, &["build"]);
    let (code, out, err) = parts(&o);
    assert_eq!(code, 0, "{out}{err}");
    dir
}

/// For each page of the pack `name`, whether its content draws with the multiplying
/// graphics state (the DRAFT mark of a stamp).
fn multiplied(root: &Path, name: &str) -> Vec<bool> {
    let doc = Document::load(root.join(DIR).join(name)).unwrap();
    doc.get_pages()
        .into_values()
        .map(|page| {
            let content = doc.get_page_content(page);
            String::from_utf8_lossy(&content).contains("/ClerkMultiply gs")
        })
        .collect()
}

/// How many pages the minutes (item 2, the pack's first paper after its one-page front
/// sheet) have.
fn minutes_pages(root: &Path) -> usize {
    let pdf = std::fs::read(root.join("out/resources/2026-05-19-minutes.pdf")).unwrap();
    clerk::render::pdf::page_count(&pdf).unwrap() as usize
}

#[test]
fn a_draft_meetings_pack_marks_its_final_papers_pages_draft() {
    let dir = built("draft", "final");
    let pages = multiplied(dir.path(), "pack.pdf");
    assert!(pages.len() >= 3, "{pages:?}");
    assert!(!pages[0], "the front sheet has DRAFT as laid out");
    assert!(
        pages[1..].iter().all(|&m| m),
        "every paper page gets the mark: {pages:?}"
    );
    // The supplementary pack and the private one too.
    for name in ["supplementary-pack.pdf", "private-pack.pdf"] {
        let pages = multiplied(dir.path(), name);
        assert!(pages[1..].iter().all(|&m| m), "{name}: {pages:?}");
    }
    // The draft is said in the pack's XMP, as in a draft paper's.
    let pack = std::fs::read(dir.path().join(DIR).join("pack.pdf")).unwrap();
    assert!(clerk::document::appendix::own_draft(&pack));
    let minutes = std::fs::read(dir.path().join("out/resources/2026-05-19-minutes.pdf")).unwrap();
    assert!(!clerk::document::appendix::own_draft(&minutes));
}

#[test]
fn a_papers_own_draft_mark_is_not_drawn_twice() {
    let dir = built("draft", "draft");
    let minutes = std::fs::read(dir.path().join("out/resources/2026-05-19-minutes.pdf")).unwrap();
    assert!(clerk::document::appendix::own_draft(&minutes));
    let n = minutes_pages(dir.path());
    let pages = multiplied(dir.path(), "pack.pdf");
    assert!(pages.len() > 1 + n, "{pages:?}");
    assert!(
        pages[1..=n].iter().all(|&m| !m),
        "the minutes have their own: {pages:?}"
    );
    assert!(pages[1 + n..].iter().all(|&m| m), "{pages:?}");
}

#[test]
fn a_final_meetings_pack_has_no_draft_mark() {
    let dir = built("final", "final");
    for name in ["pack.pdf", "supplementary-pack.pdf", "private-pack.pdf"] {
        let pages = multiplied(dir.path(), name);
        assert!(pages.iter().all(|&m| !m), "{name}: {pages:?}");
        let pack = std::fs::read(dir.path().join(DIR).join(name)).unwrap();
        assert!(!clerk::document::appendix::own_draft(&pack), "{name}");
    }
}

/// The words of page `n` of `pdf` drawn large (the slanted DRAFT comes out in pieces:
/// `DR`, `AF`, `T`), as poppler reads them.
fn draft_pieces(pdf: &Path, n: usize) -> usize {
    let n = n.to_string();
    let p = pdf.to_str().unwrap();
    let html = run_tool("pdftotext", &["-bbox", "-f", &n, "-l", &n, p, "-"]);
    html.split("<word ")
        .skip(1)
        .filter(|w| {
            let attr = |k: &str| -> f32 {
                let at = w.find(&format!("{k}=\"")).unwrap() + k.len() + 2;
                w[at..at + w[at..].find('"').unwrap()].parse().unwrap()
            };
            let text = &w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()];
            "DRAFT".contains(text) && attr("yMax") - attr("yMin") > 40.0
        })
        .count()
}

#[test]
#[ignore = "needs poppler-utils"]
fn poppler_reads_one_draft_mark_on_every_pack_page() {
    for minutes in ["final", "draft"] {
        let dir = built("draft", minutes);
        let pack = dir.path().join(DIR).join("pack.pdf");
        // The front sheet's, as laid out: what one mark reads as.
        let one = draft_pieces(&pack, 1);
        assert!(one > 0, "minutes {minutes}: the front sheet has no DRAFT");
        for n in 2..=multiplied(dir.path(), "pack.pdf").len() {
            assert_eq!(
                draft_pieces(&pack, n),
                one,
                "minutes {minutes}: pack page {n}"
            );
        }
    }
}

/// A draft paper whose PDF appendix is a draft clerk made: the appendix's pages keep their
/// own DRAFT mark and get none drawn over it; a final appendix gets the paper's.
#[test]
fn a_draft_appendix_clerk_made_gets_no_second_draft_mark() {
    let appendix = |status: &str| {
        let dir = temp_project("meetings");
        let md = dir.path().join(MINUTES);
        let text = std::fs::read_to_string(&md).unwrap();
        std::fs::write(
            &md,
            text.replacen("title:", &format!("status: {status}\ntitle:"), 1),
        )
        .unwrap();
        let o = clerk(dir.path(), &["build", "--format", "pdf"]);
        assert_eq!(parts(&o).0, 0, "{}", parts(&o).2);
        std::fs::read(dir.path().join("out/resources/2026-05-19-minutes.pdf")).unwrap()
    };
    for (status, stamped) in [("draft", false), ("final", true)] {
        let bytes = appendix(status);
        let own = Document::load_mem(&bytes).unwrap().get_pages().len();
        let dir = temp_project("meetings");
        let root = dir.path();
        std::fs::write(root.join("papers/resources/minutes.pdf"), &bytes).unwrap();
        let budget = root.join("papers/resources/2026-05-19-budget-monitoring.md");
        let text = std::fs::read_to_string(&budget).unwrap().replacen(
            "title:",
            "status: draft\nappendices:\n  - title: Minutes\n    file: minutes.pdf\ntitle:",
            1,
        );
        std::fs::write(&budget, text).unwrap();
        let o = clerk(root, &["build", "--format", "pdf"]);
        assert_eq!(parts(&o).0, 0, "{}", parts(&o).2);
        let pdf =
            Document::load(root.join("out/resources/2026-05-19-budget-monitoring.pdf")).unwrap();
        let pages: Vec<_> = pdf.get_pages().into_values().collect();
        for page in &pages[pages.len() - own..] {
            let content = String::from_utf8_lossy(&pdf.get_page_content(*page)).into_owned();
            assert_eq!(
                content.contains("/ClerkMultiply gs"),
                stamped,
                "a {status} appendix: {content}"
            );
        }
    }
}

/// The index says a draft meeting is one beside its date, as its page, agenda and packs
/// do: a reader of the index alone must not take its papers for the issued agenda's.
#[test]
fn the_index_marks_a_draft_meeting_beside_its_date() {
    let dir = built("draft", "final");
    let index = std::fs::read_to_string(dir.path().join("out/index.html")).unwrap();
    let heading = index
        .split("<h3 ")
        .find(|h| h.contains("2026-05-19"))
        .and_then(|h| h.split("</h3>").next())
        .expect("the meeting's heading");
    assert!(
        heading.contains("<strong class=\"draft-marker\">DRAFT</strong>"),
        "{heading}"
    );
    let final_index = {
        let dir = built("final", "final");
        std::fs::read_to_string(dir.path().join("out/index.html")).unwrap()
    };
    assert!(
        !final_index.contains("<strong class=\"draft-marker\">"),
        "{final_index}"
    );
}

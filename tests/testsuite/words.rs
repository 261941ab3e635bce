//! A house that words clerk's own furniture (`words:` in clerk.yaml): the meetings fixture
//! built with a Gaelic house style, its words read back from the meeting page, the index,
//! a paper's HTML and PDF (its appendices heading), the agenda PDF and the packs (their
//! bookmarks and titles, and with poppler their pages' text); and a misspelt key refused
//! at its place.

use std::path::{Path, PathBuf};

use lopdf::{Document, Object};

use crate::common::{clerk, parts, run_tool, temp_project};

const DIR: &str = "out/meetings/2026-05-19-resources-committee";
const BUDGET: &str = "papers/resources/2026-05-19-budget-monitoring.md";

/// A Gaelic council's words; the rest stay clerk's English.
const HOUSE: &str = "language: gd\nheading_case: as-written\nwords:\n  \
    page: \"Duilleag {n} de {total}\"\n  appendix: Eàrr-ràdh\n  appendices: Eàrr-ràdhan\n  \
    committee: Comataidh\n  chair: Cathraiche\n  agenda: Clàr-gnothaich\n  \
    verbal_item: Aithris bheòil\n  exempt: Saor\n  \
    all_committee_papers: Na h-uile pàipear comataidh\n  \
    public_pack: Pasgan aithisgean poblach\n  private_pack: Pasgan aithisgean dìomhair\n  \
    front_sheet: Duilleag-aghaidh\n  pack_page: \"Duilleag pasgain {n}\"\n  \
    private: DÌOMHAIR\n  committee_papers: Pàipearan comataidh\n  item: Nì\n";

/// The meetings fixture with the Gaelic house, its budget paper with an appendix, built.
fn project() -> tempfile::TempDir {
    let dir = temp_project("meetings");
    let root = dir.path();
    std::fs::write(root.join("clerk.yaml"), HOUSE).unwrap();
    let budget = std::fs::read_to_string(root.join(BUDGET))
        .unwrap()
        .replacen(
            "recommendations:",
            "appendices:\n  - title: Budget tables\nrecommendations:",
            1,
        );
    std::fs::write(root.join(BUDGET), budget).unwrap();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{out}{err}");
    dir
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The one file called `name` under `out/` (a private pack is under `out/private/`).
fn find(root: &Path, name: &str) -> PathBuf {
    walkdir::WalkDir::new(root.join("out"))
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.file_name() == name)
        .unwrap_or_else(|| panic!("{name} built"))
        .into_path()
}

/// Every bookmark's title of the PDF at `path`, depth first.
fn bookmarks(path: &Path) -> Vec<String> {
    let doc = Document::load(path).unwrap();
    let outlines = doc.catalog().unwrap().get(b"Outlines").unwrap();
    let (_, outlines) = doc.dereference(outlines).unwrap();
    let mut out = Vec::new();
    let mut stack: Vec<Object> = outlines
        .as_dict()
        .unwrap()
        .get(b"First")
        .ok()
        .cloned()
        .into_iter()
        .collect();
    while let Some(Object::Reference(id)) = stack.pop() {
        let d = doc.get_dictionary(id).unwrap();
        out.push(crate::pdfua_check::text(d.get(b"Title").unwrap()).unwrap());
        stack.extend(d.get(b"Next").ok().cloned());
        stack.extend(d.get(b"First").ok().cloned());
    }
    out
}

/// The PDF's document title.
fn title(path: &Path) -> String {
    let doc = Document::load(path).unwrap();
    let info = doc.trailer.get(b"Info").unwrap();
    let (_, info) = doc.dereference(info).unwrap();
    crate::pdfua_check::text(info.as_dict().unwrap().get(b"Title").unwrap()).unwrap()
}

#[test]
fn a_gaelic_house_words_the_meeting_page_index_papers_agenda_and_packs() {
    let dir = project();
    let root = dir.path();
    let page = read(root, &format!("{DIR}/index.html"));
    for said in [
        "<dt>Cathraiche</dt>",
        "(aithris bheòil)",
        "<h2 id=\"agenda\">Clàr-gnothaich</h2>",
        "Pasgan aithisgean poblach<span",
        "Saor: Standing Orders section 20(d)",
        ">Na h-uile pàipear comataidh</a>",
    ] {
        assert!(page.contains(said), "{said} on the meeting page:\n{page}");
    }
    assert!(!page.contains("<dt>Chair</dt>"), "{page}");
    let index = read(root, "out/index.html");
    for said in [
        "<title>Pàipearan comataidh – ",
        "</span> Pàipearan comataidh</h1>",
        "<th scope=\"col\">Nì</th>",
    ] {
        assert!(index.contains(said), "{said} on the index:\n{index}");
    }
    let paper = read(root, "out/resources/2026-05-19-budget-monitoring.html");
    assert!(
        paper.contains("<span class=\"htext\">Eàrr-ràdhan</span>"),
        "{paper}"
    );
    let pdf = root.join("out/resources/2026-05-19-budget-monitoring.pdf");
    assert!(bookmarks(&pdf).contains(&"Eàrr-ràdhan".to_string()));
    let agenda = root.join(DIR).join("agenda.pdf");
    // Dated in the house's form, as the packs are.
    let agenda_title = title(&agenda);
    assert!(
        agenda_title.starts_with("Resources Committee – ")
            && agenda_title.ends_with(" – Clàr-gnothaich")
            && agenda_title.contains("2026"),
        "{agenda_title}"
    );
    assert!(bookmarks(&agenda).contains(&"Clàr-gnothaich".to_string()));
    let pack = root.join(DIR).join("pack.pdf");
    assert_eq!(bookmarks(&pack)[0], "Duilleag-aghaidh");
    assert!(
        title(&pack).ends_with(" – Pasgan aithisgean poblach"),
        "{}",
        title(&pack)
    );
    let private = find(root, "private-pack.pdf");
    assert!(title(&private).ends_with(" – Pasgan aithisgean dìomhair"));
}

/// Page `page` of the PDF at `path` as poppler reads it.
fn pdftotext(path: &Path, page: usize) -> String {
    let (p, path) = (page.to_string(), path.to_str().unwrap());
    run_tool("pdftotext", &["-layout", "-f", &p, "-l", &p, path, "-"])
}

#[test]
#[ignore = "needs poppler-utils"]
fn a_gaelic_houses_words_are_on_the_pdf_pages() {
    let dir = project();
    let root = dir.path();
    let agenda = pdftotext(&root.join(DIR).join("agenda.pdf"), 1);
    for said in [
        "Comataidh",
        "Cathraiche",
        "Aithris bheòil",
        "Saor: Standing",
    ] {
        assert!(agenda.contains(said), "{said} in the agenda PDF:\n{agenda}");
    }
    assert!(!agenda.lines().any(|l| l.starts_with("Chair ")), "{agenda}");
    let front = pdftotext(&root.join(DIR).join("pack.pdf"), 1);
    assert!(front.contains("Pasgan aithisgean poblach"), "{front}");
    assert!(front.contains("Duilleag pasgain 1"), "{front}");
    let private = pdftotext(&find(root, "private-pack.pdf"), 1);
    assert!(
        private.contains("DÌOMHAIR – OFFICIAL-SENSITIVE"),
        "{private}"
    );
    let pdf = root.join("out/resources/2026-05-19-budget-monitoring.pdf");
    let last = Document::load(&pdf).unwrap().get_pages().len();
    let text = pdftotext(&pdf, last);
    assert!(text.contains("Eàrr-ràdhan"), "{text}");
    assert!(
        text.contains(&format!("Duilleag {last} de {last}")),
        "{text}"
    );
}

#[test]
fn a_misspelt_word_is_refused_at_its_place_with_the_key_meant() {
    let project = temp_project("meetings");
    let root = project.path();
    std::fs::write(
        root.join("clerk.yaml"),
        "language: gd\nwords:\n  chiar: Cathraiche\n",
    )
    .unwrap();
    let (code, _, stderr) = parts(&clerk(root, &["check"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--> clerk.yaml:3:3"), "{stderr}");
    assert!(stderr.contains("did you mean `chair`?"), "{stderr}");
}

/// An English council cites the paragraph of Schedule 12A an item is exempt under: its
/// `words.exempt` names `{ground}`, and the meeting's page and the index say the ground
/// there, in the house's own capitals (never lowered, never after a colon).
#[test]
fn an_exempt_ground_is_said_where_the_house_words_put_it() {
    let dir = temp_project("meetings");
    let root = dir.path();
    std::fs::write(
        root.join("clerk.yaml"),
        "words:\n  exempt: \"Exempt under paragraph {ground} of Schedule 12A\"\n",
    )
    .unwrap();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = read(root, "meetings/resources-2026-05-19.yaml");
    std::fs::write(&file, text.replace("Standing Orders section 20(d)", "3")).unwrap();
    let (code, out, err) = parts(&clerk(root, &["build", "--format", "html"]));
    assert_eq!(code, 0, "{out}{err}");
    let said = "Exempt under paragraph 3 of Schedule 12A";
    let page = read(root, &format!("{DIR}/index.html"));
    assert!(page.contains(said), "{page}");
    let index = read(root, "out/index.html");
    assert!(index.contains(&format!("({said})")), "{index}");
    assert!(!format!("{page}{index}").contains("12A:"), "{page}{index}");
}

//! The paper's classification and DRAFT mark on the pages of its PDF appendices: drawn as
//! on clerk's own pages (the marking centred at the top and foot, DRAFT across the page),
//! on pages of any size or turn, as artifacts; the `appendix-marking` warning for an
//! appendix clerk made under another marking; and a private paper's PRIVATE marking on
//! every page of its appendices, in place of the marking they were made with.

use std::path::Path;

use crate::common::{clerk, parts, run_tool};
use crate::pdfua_check::{Pdf, untagged_content};
use lopdf::{Document, Object};

/// A paper of several pages, with `extra` metadata lines.
fn paper(title: &str, extra: &str, appendix: Option<&str>) -> String {
    let body: Vec<String> = (0..60)
        .map(|i| {
            format!("Paragraph {i} of the survey, with words enough to fill its line and wrap.")
        })
        .collect();
    let appendix = appendix.map_or(String::new(), |f| {
        format!("appendices:\n  - title: Survey\n    file: {f}\n")
    });
    format!(
        "---\nmeeting: Resources Committee\ndate: 2022-03-15\ntitle: {title}\n\
         presented_by: A. Person, Head of Fleet\nrecommendation: For Noting\n\
         recommendations: Members are invited to note this paper.\n{extra}{appendix}---\n\n\
         # Purpose\n\nTo report on the fleet.\n\n# Background\n\n{}\n",
        body.join("\n\n")
    )
}

/// A PDF clerk built from a paper with `extra` metadata, of three pages or more.
fn built_pdf(extra: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("papers")).unwrap();
    std::fs::write(
        dir.path().join("papers/survey.md"),
        paper("Fleet Survey", extra, None),
    )
    .unwrap();
    let o = clerk(dir.path(), &["build", "--format", "pdf"]);
    assert_eq!(parts(&o).0, 0, "{}", parts(&o).2);
    std::fs::read(dir.path().join("out/survey.pdf")).unwrap()
}

/// `bytes` with its second page turned a quarter and its third landscape, cropped off centre.
fn turned(bytes: &[u8]) -> Vec<u8> {
    let mut doc = Document::load_mem(bytes).unwrap();
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    assert!(pages.len() >= 3, "{} pages", pages.len());
    let second = doc.get_dictionary_mut(pages[1]).unwrap();
    second.set("Rotate", 90);
    let third = doc.get_dictionary_mut(pages[2]).unwrap();
    third.set("MediaBox", vec![0.into(), 0.into(), 842.into(), 595.into()]);
    third.set(
        "CropBox",
        vec![60.into(), 10.into(), 822.into(), 585.into()],
    );
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// Builds a draft OFFICIAL-SENSITIVE paper with `appendix` as its PDF appendix; returns
/// the project, the built PDF and what the build printed.
fn build_with(appendix: &[u8]) -> (tempfile::TempDir, Vec<u8>, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("papers")).unwrap();
    std::fs::write(dir.path().join("papers/survey.pdf"), appendix).unwrap();
    std::fs::write(
        dir.path().join("papers/fleet.md"),
        paper(
            "Fleet Review",
            "status: draft\nclassification: OFFICIAL-SENSITIVE\n",
            Some("survey.pdf"),
        ),
    )
    .unwrap();
    let o = clerk(dir.path(), &["build"]);
    let (code, _, stderr) = parts(&o);
    assert_eq!(code, 0, "{stderr}");
    let pdf = std::fs::read(dir.path().join("out/fleet.pdf")).unwrap();
    (dir, pdf, stderr)
}

/// The number of pages of `bytes`.
fn pages(bytes: &[u8]) -> usize {
    Document::load_mem(bytes).unwrap().get_pages().len()
}

/// Words with their boxes: `[x_min, y_min, x_max, y_max]` from the top left.
type Words = Vec<(String, [f32; 4])>;

/// The words of page `n` (1-based) with their boxes, and the page's size, as shown.
fn words(pdf: &Path, n: usize) -> (Words, (f32, f32)) {
    let n = n.to_string();
    let html = run_tool(
        "pdftotext",
        &[
            "-bbox",
            "-cropbox",
            "-f",
            &n,
            "-l",
            &n,
            pdf.to_str().unwrap(),
            "-",
        ],
    );
    let attr = |tag: &str, key: &str| -> f32 {
        let at = tag.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
        tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
    };
    let page = &html[html.find("<page").unwrap()..];
    // pdftotext gives the words as the page is shown but its size unturned.
    let info = run_tool("pdfinfo", &["-f", &n, "-l", &n, pdf.to_str().unwrap()]);
    let turned = info.lines().any(|l| {
        l.starts_with("Page")
            && l.contains("rot:")
            && ["90", "270"].contains(&l.split_whitespace().last().unwrap_or(""))
    });
    let (w, h) = (attr(page, "width"), attr(page, "height"));
    let size = if turned { (h, w) } else { (w, h) };
    let words = page
        .split("<word ")
        .skip(1)
        .map(|w| {
            let text = w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()].to_string();
            let b = ["xMin", "yMin", "xMax", "yMax"].map(|k| attr(w, k));
            (text, b)
        })
        .collect();
    (words, size)
}

#[test]
#[ignore = "needs poppler-utils"]
fn every_appendix_page_shows_the_papers_marking_and_draft_mark_however_it_is_turned() {
    let appendix = turned(&built_pdf(""));
    let own = pages(&appendix);
    let (dir, pdf, _) = build_with(&appendix);
    let total = pages(&pdf);
    let path = dir.path().join("out/fleet.pdf");
    if let Ok(keep) = std::env::var("KEEP_PDF") {
        std::fs::copy(&path, keep).unwrap();
    }
    for n in total - own + 1..=total {
        let (words, (w, h)) = words(&path, n);
        let marks: Vec<&[f32; 4]> = words
            .iter()
            .filter(|(t, _)| t == "OFFICIAL-SENSITIVE")
            .map(|(_, b)| b)
            .collect();
        assert_eq!(marks.len(), 2, "page {n} ({w}×{h}): {words:?}");
        for b in &marks {
            let centre = (b[0] + b[2]) / 2.0;
            assert!(
                (centre - w / 2.0).abs() < 2.0,
                "page {n}: centred, {b:?} of {w}"
            );
        }
        let (top, foot) = (marks[0][1].min(marks[1][1]), marks[0][3].max(marks[1][3]));
        assert!(top < 40.0, "page {n}: one at the top edge, {marks:?}");
        // The appendix's label at the top left corner as shown, on the marking's line.
        let label = words
            .windows(2)
            .find(|w| w[0].0 == "Appendix" && w[1].0 == "A")
            .unwrap_or_else(|| panic!("page {n}: no label in {words:?}"));
        assert!(
            label[0].1[0] < 60.0 && (label[0].1[1] - top).abs() < 2.0,
            "page {n}: at the top left, {label:?}"
        );
        assert!(
            foot > h - 25.0,
            "page {n}: one at the foot, {marks:?} of {h}"
        );
        // The slanted DRAFT comes out in pieces (`DR`, `AF`, `T`): their box, together.
        let pieces: Vec<&[f32; 4]> = words
            .iter()
            .filter(|(t, b)| "DRAFT".contains(t.as_str()) && b[3] - b[1] > 40.0)
            .map(|(_, b)| b)
            .collect();
        assert!(!pieces.is_empty(), "page {n}: no DRAFT in {words:?}");
        let fold =
            |i: usize, f: fn(f32, f32) -> f32| pieces.iter().map(|b| b[i]).reduce(f).unwrap();
        let (cx, cy) = (
            (fold(0, f32::min) + fold(2, f32::max)) / 2.0,
            (fold(1, f32::min) + fold(3, f32::max)) / 2.0,
        );
        assert!(
            (cx - w / 2.0).abs() < w * 0.1 && (cy - h / 2.0).abs() < h * 0.1,
            "page {n}: DRAFT across the middle, {pieces:?} of {w}×{h}"
        );
    }
    // The meeting's pack numbers those pages at their top right corner, as shown.
    let pack = dir
        .path()
        .join("out/meetings/2022-03-15-resources-committee/pack.pdf");
    let last = pages(&std::fs::read(&pack).unwrap());
    for n in last - own + 1..=last {
        let (words, (w, _)) = words(&pack, n);
        let at = words
            .iter()
            .position(|(t, _)| t == "Pack")
            .unwrap_or_else(|| panic!("pack page {n}: {words:?}"));
        let number = &words[at + 2];
        assert_eq!(number.0, n.to_string(), "{words:?}");
        assert!(
            number.1[2] > w - 60.0 && number.1[1] < 40.0,
            "pack page {n}: at the top right, {number:?} of {w}"
        );
    }
    // The turned page is shown landscape, the cropped one at its crop box's size.
    assert_eq!(words(&path, total - own + 2).1, (841.89, 595.276));
    assert_eq!(words(&path, total - own + 3).1, (762.0, 575.0));
}

#[test]
fn the_stamps_are_artifacts_and_rebuild_the_same() {
    let appendix = turned(&built_pdf(""));
    let (dir, pdf, stderr) = build_with(&appendix);
    assert!(!stderr.contains("appendix-marking"), "{stderr}");
    let doc = Pdf::load("fleet.pdf", &pdf);
    assert_eq!(untagged_content(&doc), Vec::<String>::new());
    // Each appended page draws the stamps after its own content, as artifacts: the
    // marking, and the DRAFT mark multiplied in, so that a page's own white ground (a PDF
    // printed from a browser paints one) cannot hide it.
    let own = pages(&appendix);
    let all: Vec<_> = doc.doc.get_pages().into_values().collect();
    for page in &all[all.len() - own..] {
        let content = doc.doc.get_page_content(*page);
        let text = String::from_utf8_lossy(&content);
        // The marking at the top and foot, the DRAFT mark, and the appendix's label.
        let draws: Vec<usize> = text.match_indices(" Do Q").map(|(i, _)| i).collect();
        assert_eq!(draws.len(), 4, "{text}");
        assert!(text.starts_with("q\n"), "{}", &text[..80]);
        assert!(text.trim_end().ends_with("EMC"), "{text}");
        let multiplied = text
            .find("/ClerkMultiply gs")
            .expect("the DRAFT mark multiplied");
        assert!(
            multiplied > text.find("Q\n").unwrap(),
            "after the page's content: {text}"
        );
    }
    let o = clerk(dir.path(), &["build", "--force"]);
    assert_eq!(parts(&o).0, 0);
    let again = std::fs::read(dir.path().join("out/fleet.pdf")).unwrap();
    assert!(again == pdf, "a rebuild gives the same bytes");
}

#[test]
fn an_appendix_clerk_made_under_another_marking_is_warned_of_and_one_with_the_papers_is_not_stamped_again()
 {
    let official = built_pdf("classification: OFFICIAL\n");
    let (_, _, stderr) = build_with(&official);
    assert!(stderr.contains("warning[appendix-marking]"), "{stderr}");
    assert!(
        stderr.contains("is marked OFFICIAL but the paper OFFICIAL-SENSITIVE"),
        "{stderr}"
    );
    assert!(
        stderr.contains("fleet.md:12:11"),
        "at the file: line: {stderr}"
    );
    assert!(
        stderr.contains("`classification: OFFICIAL-SENSITIVE`"),
        "{stderr}"
    );

    let same = built_pdf("classification: OFFICIAL-SENSITIVE\n");
    let (_, pdf, stderr) = build_with(&same);
    assert!(!stderr.contains("appendix-marking"), "{stderr}");
    let doc = Pdf::load("fleet.pdf", &pdf);
    let own = pages(&same);
    let all: Vec<_> = doc.doc.get_pages().into_values().collect();
    for page in &all[all.len() - own..] {
        let text = String::from_utf8_lossy(&doc.doc.get_page_content(*page)).into_owned();
        // The DRAFT mark and the label only: the page has the paper's marking already.
        assert_eq!(text.matches(" Do Q").count(), 2, "{text}");
    }
}

/// Builds a final OFFICIAL-SENSITIVE paper with `appendix` as its PDF appendix, taken in
/// private at its meeting; returns the project and the built PDF's path.
fn build_private(appendix: &[u8], warned: bool) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for d in ["papers", "meetings"] {
        std::fs::create_dir_all(dir.path().join(d)).unwrap();
    }
    std::fs::write(dir.path().join("papers/survey.pdf"), appendix).unwrap();
    let extra = "classification: OFFICIAL-SENSITIVE\n";
    let paper = paper("Fleet Review", extra, Some("survey.pdf"));
    std::fs::write(dir.path().join("papers/fleet.md"), paper).unwrap();
    std::fs::write(
        dir.path().join("meetings/resources.yaml"),
        "committee: Resources Committee\ndate: 2022-03-15\nstatus: final\nitems:\n  \
         - number: \"1\"\n    paper: fleet.md\n    private: true\n    \
         exempt: Schedule 7A paragraph 9\n",
    )
    .unwrap();
    let o = clerk(dir.path(), &["build"]);
    let (code, _, stderr) = parts(&o);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr.contains("appendix-marking"), warned, "{stderr}");
    let path = dir.path().join("out/private/fleet.pdf");
    (dir, path)
}

#[test]
fn a_private_papers_appendix_made_with_its_marking_has_the_private_marking_drawn_over_it() {
    let appendix = built_pdf("classification: OFFICIAL-SENSITIVE\n");
    let (_dir, path) = build_private(&appendix, false);
    let pdf = std::fs::read(&path).unwrap();
    let doc = Pdf::load("fleet.pdf", &pdf);
    assert_eq!(untagged_content(&doc), Vec::<String>::new());
    let own = pages(&appendix);
    let all: Vec<_> = doc.doc.get_pages().into_values().collect();
    for page in &all[all.len() - own..] {
        let text = String::from_utf8_lossy(&doc.doc.get_page_content(*page)).into_owned();
        // The marking at the top and the foot, over the page's content, as artifacts (its
        // own marking is not PRIVATE), and the appendix's label.
        assert_eq!(text.matches(" Do Q").count(), 3, "{text}");
        assert!(text.trim_end().ends_with("EMC"), "{text}");
    }
}

/// The content of every form XObject drawn on the last `n` pages of `doc`.
fn forms_on_last_pages(doc: &Document, n: usize) -> Vec<String> {
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    let mut out = Vec::new();
    for page in &pages[pages.len() - n..] {
        let Ok((Some(resources), _)) = doc.get_page_resources(*page) else {
            continue;
        };
        let Ok(xobjects) = resources.get(b"XObject").and_then(|x| doc.dereference(x)) else {
            continue;
        };
        let Ok(xobjects) = xobjects.1.as_dict() else {
            continue;
        };
        for (_, form) in xobjects.iter() {
            if let Ok(id) = form.as_reference()
                && let Ok(stream) = doc.get_object(id).and_then(Object::as_stream)
            {
                let bytes = stream
                    .decompressed_content()
                    .unwrap_or(stream.content.clone());
                out.push(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }
    out
}

#[test]
fn a_private_papers_appendix_made_under_another_marking_has_it_covered_too() {
    // Made OFFICIAL for an OFFICIAL-SENSITIVE paper (the appendix-marking warning): once the
    // paper is taken in private, the PRIVATE marking is drawn on a white ground over the
    // appendix's own, not on top of it where neither could be read.
    let appendix = built_pdf("classification: OFFICIAL\n");
    let (_dir, path) = build_private(&appendix, true);
    let doc = Document::load(&path).unwrap();
    let forms = forms_on_last_pages(&doc, pages(&appendix));
    assert!(
        forms.iter().any(|f| f.contains("1 1 1 rg")),
        "a white ground under the marking: {forms:?}"
    );
}

#[test]
#[ignore = "needs poppler-utils"]
fn every_page_of_a_private_paper_and_of_its_private_pack_shows_private_where_its_own_pages_do() {
    let appendix = built_pdf("classification: OFFICIAL-SENSITIVE\n");
    let (dir, path) = build_private(&appendix, false);
    let total = pages(&std::fs::read(&path).unwrap());
    let marks = |pdf: &Path, n: usize| -> Vec<[f32; 4]> {
        let (words, _) = words(pdf, n);
        let at: Vec<usize> = (0..words.len())
            .filter(|&i| words[i].0 == "PRIVATE")
            .collect();
        // The marking an appendix was made with is still there, hidden under the white
        // ground, so its words may come between.
        for &i in &at {
            let next: Vec<&str> = words[i + 1..]
                .iter()
                .take(3)
                .map(|w| w.0.as_str())
                .collect();
            assert!(
                next.contains(&"–") && next.contains(&"OFFICIAL-SENSITIVE"),
                "page {n}: {words:?}"
            );
        }
        at.iter().map(|&i| words[i].1).collect()
    };
    let first = marks(&path, 1);
    assert_eq!(first.len(), 2, "the paper's own page: top and foot");
    for n in 2..=total {
        let got = marks(&path, n);
        assert_eq!(got.len(), 2, "page {n} of {total}: {got:?}");
        for (a, b) in got.iter().zip(&first) {
            let off = a
                .iter()
                .zip(b)
                .map(|(x, y)| (x - y).abs())
                .fold(0.0, f32::max);
            assert!(off < 0.5, "page {n}: {got:?}, where page 1 has {first:?}");
        }
    }
    // The private pack leaves the papers' pages to their own PRIVATE marking: as many on an
    // appendix's page as on the paper's own, no more.
    let pack = walkdir::WalkDir::new(dir.path().join("out"))
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.file_name() == "private-pack.pdf")
        .expect("a private pack")
        .into_path();
    let last = pages(&std::fs::read(&pack).unwrap());
    let own = pages(&appendix);
    let own_page = marks(&pack, last - total + 1).len();
    assert_eq!(
        own_page, 2,
        "the paper's own, top and foot; none of the pack's beside them"
    );
    for n in last - own + 1..=last {
        assert_eq!(marks(&pack, n).len(), own_page, "pack page {n}");
    }
}

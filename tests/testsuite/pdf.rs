//! The PDF output read back by independent readers: lopdf (always), and poppler-utils and
//! qpdf (`#[ignore = "needs poppler-utils"]`, installed by `.ci/run`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

const SEED_PDF: &str = "policing-performance/2021-09-01-hmics-progress-review.pdf";
const QUARTERLY_PDF: &str = "policing-performance/2021-12-01-quarterly-performance-report.pdf";

/// Builds the repo's example papers into a fresh folder.
fn build_repo() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let o = clerk(&repo(), &["build", "--out", out.path().to_str().unwrap()]);
    let (code, stdout, stderr) = parts(&o);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    out
}

/// The seed's and the quarterly report's PDFs and the awkward fixture's, with the folders
/// that hold them (kept alive by the caller).
fn seed_quarterly_and_awkward() -> ([tempfile::TempDir; 2], [PathBuf; 3]) {
    let out = build_repo();
    let (project, awkward) = build_awkward();
    let pdfs = [
        out.path().join(SEED_PDF),
        out.path().join(QUARTERLY_PDF),
        awkward,
    ];
    ([out, project], pdfs)
}

/// Builds the awkward fixture (once per test that needs it).
fn build_awkward() -> (tempfile::TempDir, PathBuf) {
    let project = temp_project("awkward");
    let o = clerk(project.path(), &["build"]);
    let (code, stdout, stderr) = parts(&o);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let pdf = project.path().join("out/awkward.pdf");
    (project, pdf)
}

fn pdf_text(pdf: &Path, extra: &[&str]) -> String {
    let mut args: Vec<&str> = extra.to_vec();
    let p = pdf.to_str().unwrap();
    args.extend([p, "-"]);
    run_tool("pdftotext", &args)
}

fn pages(pdf: &Path) -> usize {
    let info = run_tool("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn the_pdf_reads_back_with_metadata_outline_and_links() {
    let out = build_repo();
    let bytes = std::fs::read(out.path().join(SEED_PDF)).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.7"));
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en-GB");
    assert!(catalog.get(b"OutputIntents").is_ok());
    let meta = doc
        .get_object(catalog.get(b"Metadata").unwrap().as_reference().unwrap())
        .unwrap();
    let xmp = String::from_utf8_lossy(&meta.as_stream().unwrap().content).into_owned();
    assert!(
        xmp.contains("<pdfaid:part>2</pdfaid:part>")
            && xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>")
    );
    assert!(
        xmp.contains("HMICS Progress Review – Online Child Sexual Abuse"),
        "{xmp}"
    );
    assert!(xmp.contains("<xmp:CreateDate>2021-09-01T00:00:00+00:00</xmp:CreateDate>"));
    assert!(xmp.contains("<clerk:agendaItem>4.2</clerk:agendaItem>"));
    let info = doc
        .get_object(doc.trailer.get(b"Info").unwrap().as_reference().unwrap())
        .unwrap()
        .as_dict()
        .unwrap();
    assert_eq!(
        info.get(b"CreationDate").unwrap().as_str().unwrap(),
        b"D:20210901000000+00'00'"
    );
    assert_eq!(
        info.get(b"Author").unwrap().as_str().unwrap(),
        b"Elaine Galbraith, HMICS"
    );
    // The outline lists PURPOSE, the 2 sections, 8 implications, RECOMMENDATIONS, APPENDICES.
    let outlines = doc
        .get_object(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap()
        .as_dict()
        .unwrap();
    assert_eq!(outlines.get(b"Count").unwrap().as_i64().unwrap(), 13);
    // Both links of the seed are URI annotations, printable.
    let mut uris = Vec::new();
    for page in doc.get_pages().values() {
        let page = doc.get_object(*page).unwrap().as_dict().unwrap();
        if let Ok(annots) = page.get(b"Annots").and_then(lopdf::Object::as_array) {
            for a in annots {
                let a = doc.dereference(a).unwrap().1.as_dict().unwrap();
                assert_eq!(a.get(b"F").unwrap().as_i64().unwrap(), 4);
                let action = a.get(b"A").unwrap().as_dict().unwrap();
                uris.push(
                    String::from_utf8_lossy(action.get(b"URI").unwrap().as_str().unwrap())
                        .into_owned(),
                );
            }
        }
    }
    assert_eq!(uris.len(), 2, "{uris:?}");
    assert!(uris[0].contains("strategic-review"));
    // The manifest knows the page count.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("manifest.json")).unwrap()).unwrap();
    let outputs = manifest["papers"][0]["outputs"].as_array().unwrap();
    let pdf = outputs
        .iter()
        .find(|o| o["path"].as_str().unwrap().ends_with(".pdf"))
        .unwrap();
    assert_eq!(
        pdf["pages"].as_u64().unwrap() as usize,
        doc.get_pages().len()
    );
    assert!(
        outputs
            .iter()
            .find(|o| o["path"].as_str().unwrap().ends_with(".html"))
            .unwrap()
            .get("pages")
            .is_none()
    );
}

#[test]
fn cross_references_and_footnote_marks_jump_inside_the_paper() {
    let out = build_repo();
    let doc = lopdf::Document::load(out.path().join(QUARTERLY_PDF)).unwrap();
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let mut internal = 0;
    for page in &pages {
        let page = doc.get_object(*page).unwrap().as_dict().unwrap();
        let Ok(annots) = page.get(b"Annots").and_then(lopdf::Object::as_array) else {
            continue;
        };
        for a in annots {
            // Annotations are indirect objects (a tagged PDF's Link elements refer to them).
            let a = match a {
                lopdf::Object::Reference(id) => doc.get_object(*id).unwrap(),
                direct => direct,
            };
            if let Ok(dest) = a
                .as_dict()
                .unwrap()
                .get(b"Dest")
                .and_then(lopdf::Object::as_array)
            {
                assert!(pages.contains(&dest[0].as_reference().unwrap()), "{dest:?}");
                assert_eq!(dest[1].as_name().unwrap(), b"XYZ");
                internal += 1;
            }
        }
    }
    // Two cross-references ([](#overtime), [](#outlook)) and a footnote mark.
    assert!(internal >= 3, "{internal} internal links");
}

/// The repo's papers built as PDF with `SOURCE_DATE_EPOCH` set to `value`: the run, its
/// stderr, and the seed paper's `ModDate` (the out folder's, which the caller keeps).
fn built_with_epoch(value: &str, out: &Path) -> (std::process::Output, String, Vec<u8>) {
    let o = Command::new(env!("CARGO_BIN_EXE_clerk"))
        .args(["build", "--format", "pdf", "--out"])
        .arg(out)
        .current_dir(repo())
        .env("SOURCE_DATE_EPOCH", value)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{err}");
    let doc = lopdf::Document::load(out.join(SEED_PDF)).unwrap();
    let info = doc
        .get_object(doc.trailer.get(b"Info").unwrap().as_reference().unwrap())
        .unwrap()
        .as_dict()
        .unwrap();
    let date = info.get(b"ModDate").unwrap().as_str().unwrap().to_vec();
    (o, err, date)
}

#[test]
fn source_date_epoch_sets_the_dates() {
    let out = tempfile::tempdir().unwrap();
    let (_, _, date) = built_with_epoch("1700000000", out.path());
    assert_eq!(date, b"D:20231114221320+00'00'");
    assert!(
        !out.path().join(SEED_PDF.replace(".pdf", ".html")).exists(),
        "only the PDF was asked for"
    );
}

/// The text of a PDF with the page footers taken out, whitespace collapsed.
fn body_text(pdf: &Path) -> String {
    let text = pdf_text(pdf, &["-layout"]);
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| {
            let t = l.trim();
            !(t.contains("Page ") && t.contains(" of "))
        })
        .collect();
    kept.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
#[ignore = "needs poppler-utils"]
fn the_seed_reads_in_order_with_its_numbers() {
    let out = build_repo();
    let text = body_text(&out.path().join(SEED_PDF));
    let md = std::fs::read_to_string(
        repo().join("papers/policing-performance/2021-09-01-hmics-progress-review.md"),
    )
    .unwrap();
    let body = md.splitn(3, "---").nth(2).unwrap();
    // Every sentence of the seed, links reduced to their text, in order.
    let mut at = 0;
    for line in body
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let mut plain = String::new();
        let mut rest = line.trim_start_matches("- ");
        while let Some(open) = rest.find('[') {
            plain.push_str(&rest[..open]);
            let close = rest[open..].find("](").map(|c| open + c).unwrap();
            plain.push_str(&rest[open + 1..close]);
            rest = &rest[rest[close..].find(')').map(|c| close + c + 1).unwrap()..];
        }
        plain.push_str(rest);
        for sentence in plain.split_inclusive(". ") {
            let s = sentence.trim().replace('\'', "’");
            let found = text[at..]
                .find(&s)
                .unwrap_or_else(|| panic!("not found in order: {s:?}\n---\n{}", &text[at..]));
            at += found + s.len();
        }
    }
    // Each number right before its text.
    for expected in [
        "1. BACKGROUND 1.1 HMICS published",
        "1.2 In March 2021",
        "1.3 The progress report",
        "2. FURTHER DETAIL ON THE REPORT 2.1 The HMICS progress report",
        "2.2 The report also",
        "2.3 The recommendations made in 2020",
        "2.4 Based on the progress",
        "2.5 All other recommendations",
        "3. FINANCIAL IMPLICATIONS There are no direct financial",
        "4. PERSONNEL IMPLICATIONS",
        "8. COMMUNITY IMPACT There are no direct community impact",
        "10. ENVIRONMENT IMPLICATIONS There are no direct environmental",
        "RECOMMENDATIONS Members are invited to discuss the contents of this report.",
    ] {
        assert!(text.contains(expected), "{expected:?} not in\n{text}");
    }
    let first = text.find("Meeting Policing Performance Committee").unwrap();
    assert!(first < text.find("PURPOSE").unwrap());
}

#[test]
#[ignore = "needs poppler-utils"]
fn classification_top_and_bottom_of_every_page() {
    let out = build_repo();
    let pdf = out.path().join(QUARTERLY_PDF);
    let n = pages(&pdf);
    assert!(n >= 2);
    for p in 1..=n {
        let ps = p.to_string();
        let text = pdf_text(&pdf, &["-layout", "-f", &ps, "-l", &ps]);
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines.first(), Some(&"OFFICIAL"), "page {p}");
        assert_eq!(lines.last(), Some(&"OFFICIAL"), "page {p}");
        assert_eq!(
            lines.iter().filter(|l| **l == "OFFICIAL").count(),
            2,
            "page {p}"
        );
        assert!(text.contains(&format!("Page {p} of {n}")), "page {p}");
    }
}

#[test]
#[ignore = "needs poppler-utils"]
fn fonts_are_embedded_subset_and_mapped_to_unicode() {
    let (_dirs, pdfs) = seed_quarterly_and_awkward();
    for pdf in pdfs {
        let fonts = run_tool("pdffonts", &[pdf.to_str().unwrap()]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{row}");
            assert!(cols[0].chars().nth(6) == Some('+'), "subset tag: {row}");
        }
    }
}

#[test]
#[ignore = "needs poppler-utils"]
fn qpdf_finds_no_error_and_pdfinfo_sees_a4_and_the_title() {
    let (_dirs, pdfs) = seed_quarterly_and_awkward();
    for pdf in &pdfs {
        let check = run_tool("qpdf", &["--check", pdf.to_str().unwrap()]);
        assert!(
            check.contains("No syntax or stream encoding errors"),
            "{check}"
        );
        let info = run_tool("pdfinfo", &[pdf.to_str().unwrap()]);
        assert!(info.contains("(A4)"), "{info}");
        assert!(info.contains("PDF version:     1.7"), "{info}");
    }
    let info = run_tool("pdfinfo", &[pdfs[0].to_str().unwrap()]);
    assert!(
        info.contains("Title:           HMICS Progress Review – Online Child Sexual Abuse"),
        "{info}"
    );
}

#[test]
#[ignore = "needs poppler-utils"]
fn awkward_content_stays_inside_the_margins_and_keeps_its_letters() {
    let (_project, pdf) = build_awkward();
    let n = pages(&pdf);
    assert!(n >= 20, "{n} pages");
    let text = pdf_text(&pdf, &[]);
    for word in [
        "Dùn Èideann",
        "Llŷn",
        "ŵyr",
        "“like these”",
        "£12.50",
        "€30",
        "Màiri NicLeòid",
        "Pneumonoultramicroscopicsilicovolcanoconiosis",
    ] {
        assert!(text.contains(word), "{word} missing");
    }
    // 20 mm margins on A4: every word's box between 56.69 and 538.58 pt.
    let bbox = pdf_text(&pdf, &["-bbox"]);
    let mut words = 0;
    for line in bbox.lines().filter(|l| l.trim_start().starts_with("<word")) {
        let attr = |name: &str| -> f32 {
            let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            line[at..at + line[at..].find('"').unwrap()]
                .parse()
                .unwrap()
        };
        let (x0, x1) = (attr("xMin"), attr("xMax"));
        // The DRAFT mark is drawn across the page on purpose.
        if line.contains(">DRAFT<") {
            continue;
        }
        assert!(x0 >= 56.0 && x1 <= 539.2, "outside the margins: {line}");
        words += 1;
    }
    assert!(words > 5000, "{words} words");
    // Every page carries the marking twice and the footer.
    for p in [1, n / 2, n] {
        let ps = p.to_string();
        let page = pdf_text(&pdf, &["-raw", "-f", &ps, "-l", &ps]);
        assert_eq!(page.matches("OFFICIAL-SENSITIVE").count(), 2, "page {p}");
        // The slanted DRAFT mark comes first, a letter a line (poppler splits rotated text).
        let letters: String = page.lines().take(5).collect();
        assert_eq!(letters, "DRAFT", "page {p}");
    }
}

#[test]
#[ignore = "needs poppler-utils"]
fn a_footnote_longer_than_a_page_runs_on_and_never_crosses_the_bottom_margin() {
    let project = temp_project("awkward");
    let papers = project.path().join("papers");
    std::fs::remove_file(papers.join("awkward.md")).unwrap();
    let note: Vec<String> = (0..400)
        .map(|i| format!("Notemark{i:03} the note goes on and on."))
        .collect();
    let body = format!(
        "---\nmeeting: Policing Performance Committee\ndate: 2021-09-01\ntitle: Long note\npresented_by: Test\nrecommendation: For Noting\nrecommendations: Members are invited to note this paper.\n---\n\n# Purpose\n\nA paragraph citing a very long note.[^long] Then more text.\n\n[^long]: {}\n",
        note.join(" ")
    );
    std::fs::write(papers.join("long-note.md"), body).unwrap();
    let o = clerk(project.path(), &["build"]);
    let (code, stdout, stderr) = parts(&o);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let pdf = project.path().join("out/long-note.pdf");
    let bbox = pdf_text(&pdf, &["-bbox"]);
    let mut seen = Vec::new();
    let mut page = 0;
    for line in bbox.lines() {
        if line.trim_start().starts_with("<page") {
            page += 1;
        }
        let Some(at) = line.find(">Notemark") else {
            continue;
        };
        let n: usize = line[at + 9..at + 12].parse().unwrap();
        let at = line.find("yMax=\"").unwrap() + 6;
        let y_max: f32 = line[at..at + line[at..].find('"').unwrap()]
            .parse()
            .unwrap();
        // A4 with a 20 mm bottom margin: text ends 785.2 pt from the top.
        assert!(y_max <= 785.5, "Notemark{n:03} below the margin: {line}");
        seen.push((n, page));
    }
    let order: Vec<usize> = seen.iter().map(|s| s.0).collect();
    assert_eq!(
        order,
        (0..400).collect::<Vec<_>>(),
        "each line once, in order"
    );
    // It starts on the page that cites it and runs on over more than one page.
    assert_eq!(seen[0].1, 1);
    assert!(seen.last().unwrap().1 >= 3, "{seen:?}");
}

#[test]
#[ignore = "needs poppler-utils"]
fn fallback_fonts_show_what_the_faces_lack_and_the_rest_is_a_warning() {
    let project = temp_project("awkward");
    let root = project.path();
    std::fs::remove_file(root.join("papers/awkward.md")).unwrap();
    std::fs::create_dir(root.join("fonts")).unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/fonts/NotoSansOgham-Regular.ttf"),
        root.join("fonts/ogham.ttf"),
    )
    .unwrap();
    std::fs::write(
        root.join("clerk.yaml"),
        "pdf:\n  fonts:\n    fallback: [fonts/ogham.ttf]\n",
    )
    .unwrap();
    std::fs::write(
        root.join("papers/ogham.md"),
        "---\nmeeting: Policing Performance Committee\ndate: 2021-09-01\ntitle: Ogham\npresented_by: Test\nrecommendation: For Noting\nrecommendations: Members are invited to note this paper.\n---\n\n# Purpose\n\nThe stone reads ᚋᚐᚊᚔ in Ogham.\n\nThe sign 字 is in no font here, nor is 字 twice.\n",
    )
    .unwrap();
    let o = clerk(root, &["build"]);
    let (code, stdout, stderr) = parts(&o);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let said = format!("{stdout}{stderr}");
    assert_eq!(
        said.matches("the PDF can't show `字` (U+5B57)").count(),
        1,
        "{said}"
    );
    assert!(said.contains("ogham.md:14:10"), "{said}");
    assert!(!said.contains("can't show `ᚋ`"), "{said}");
    let pdf = root.join("out/ogham.pdf");
    // The Ogham letters are drawn from the fallback font and extract as themselves.
    let text = pdf_text(&pdf, &[]);
    assert!(text.contains("ᚋᚐᚊᚔ"), "{text}");
    let fonts = run_tool("pdffonts", &[pdf.to_str().unwrap()]);
    assert!(fonts.contains("NotoSansOgham"), "{fonts}");
    // The HTML is unaffected, and a fallback that is not there is an error at load.
    std::fs::write(
        root.join("clerk.yaml"),
        "pdf:\n  fonts:\n    fallback: [fonts/missing.ttf]\n",
    )
    .unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_ne!(code, 0);
    assert!(format!("{stdout}{stderr}").contains("fonts/missing.ttf"));
}

#[test]
#[ignore = "needs poppler-utils"]
fn a_word_cut_across_lines_reads_back_whole() {
    // The awkward fixture's long address is cut after slashes: no space at the cuts.
    let (project, pdf) = build_awkward();
    let url = "https://www.example.gov.scot/publications/2022/02/a-very-long-publication-title-that-never-seems-to-end/documents/full-report.pdf";
    let text = pdf_text(&pdf, &[]);
    assert!(
        text.contains("https://www.example.gov.scot/publications/2022/02/"),
        "{text}"
    );
    assert!(text.contains("never-seems-to-end/documents/full-report.pdf"));
    let p = pdf.to_str().unwrap();
    let tagged = run_tool("pdfinfo", &["-struct-text", p]);
    assert!(tagged.contains(url), "the address is not whole in the tags");
    // A word wider than its table cell is cut between letters, and still reads whole.
    let word = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";
    let papers = project.path().join("papers");
    std::fs::write(
        papers.join("narrow.md"),
        format!(
            "---\nmeeting: Policing Performance Committee\ndate: 2021-09-01\ntitle: Narrow\npresented_by: Test\nrecommendation: For Noting\nrecommendations: Members are invited to note this paper.\n---\n\n# Purpose\n\n| A | B | C | D | E | F | G | H |\n|---|---|---|---|---|---|---|---|\n| {word} | {word} | {word} | {word} | e | f | g | h |\n"
        ),
    )
    .unwrap();
    let (code, stdout, stderr) = parts(&clerk(project.path(), &["build"]));
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let narrow = project.path().join("out/narrow.pdf");
    let n = narrow.to_str().unwrap();
    let raw = pdf_text(&narrow, &["-raw"]);
    assert!(
        !raw.contains(word),
        "the word was not cut, so this tests nothing"
    );
    let tagged = run_tool("pdfinfo", &["-struct-text", n]);
    assert!(tagged.contains(word), "{tagged}");
}

/// A `SOURCE_DATE_EPOCH` that cannot date a PDF (not a number, or before 1970) is a
/// warning, and the PDF is dated by its paper's date, as without it.
#[test]
fn a_source_date_epoch_that_cannot_date_a_pdf_is_a_warning() {
    for value in ["abc", "-5", "99999999999999"] {
        let out = tempfile::tempdir().unwrap();
        let (_, err, date) = built_with_epoch(value, out.path());
        let said = format!("warning[source-date-epoch]: `SOURCE_DATE_EPOCH={value}`");
        assert!(err.contains(&said), "{err}");
        assert!(date.starts_with(b"D:2021"), "the paper's date: {date:?}");
    }
    // Set empty, as some CI does: as if unset, without a word.
    let out = tempfile::tempdir().unwrap();
    let (_, err, date) = built_with_epoch("", out.path());
    assert!(!err.contains("source-date-epoch"), "{err}");
    assert!(date.starts_with(b"D:2021"), "{date:?}");
}

/// An options table's ticks and crosses (✓ ✗, which Noto Sans lacks) are drawn from the
/// embedded symbols, extract as themselves and are no warning; the font is embedded only
/// in a PDF that uses it.
#[test]
#[ignore = "needs poppler-utils"]
fn ticks_and_crosses_are_drawn_from_the_embedded_symbols() {
    let project = temp_project("awkward");
    let root = project.path();
    std::fs::remove_file(root.join("papers/awkward.md")).unwrap();
    std::fs::write(
        root.join("papers/options.md"),
        "---\nmeeting: Policing Performance Committee\ndate: 2021-09-01\ntitle: Options\npresented_by: Test\nrecommendation: For Noting\nrecommendations: Members are invited to note this paper.\n---\n\n# Purpose\n\nThe options:\n\n| Option | Affordable | Preferred |\n| --- | --- | --- |\n| A | ✓ | ✗ |\n| B | ✗ | ★ |\n",
    )
    .unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(!stderr.contains("pdf-missing-glyph"), "{stderr}");
    let pdf = root.join("out/options.pdf");
    let text = pdf_text(&pdf, &[]);
    assert!(
        text.contains('✓') && text.contains('✗') && text.contains('★'),
        "{text}"
    );
    let fonts = run_tool("pdffonts", &[pdf.to_str().unwrap()]);
    assert!(fonts.contains("NotoSansSymbols2"), "{fonts}");
    // The meeting's agenda draws none: no symbols font in it.
    let agenda = root.join("out/meetings/2021-09-01-policing-performance-committee/agenda.pdf");
    let fonts = run_tool("pdffonts", &[agenda.to_str().unwrap()]);
    assert!(fonts.contains("NotoSans-"), "{fonts}");
    assert!(!fonts.contains("NotoSansSymbols2"), "{fonts}");
}

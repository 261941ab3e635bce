//! Unit tests: one per mapping rule, on small .docx files built here, and the hostile cases.

use std::io::Write;
use std::path::Path;

use zip::write::SimpleFileOptions;

use super::header::{appendices, key_for};
use super::{Imported, Limits, convert, date};
use crate::config::HouseStyle;
use crate::diag::Severity;

mod fill;
mod inline;
mod layout;
mod numbers;

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#;

const ROOT_RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A zip of the given (name, bytes) entries, deflated.
pub(super) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A .docx whose body is `body`, with extra parts (numbering, footnotes, rels, media).
fn docx(body: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
    let doc =
        format!(r#"<?xml version="1.0"?><w:document {NS}><w:body>{body}</w:body></w:document>"#);
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
    ];
    entries.extend_from_slice(extra);
    zip_of(&entries)
}

fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn bold(text: &str) -> String {
    format!(r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{text}</w:t></w:r></w:p>"#)
}

fn table(rows: &[(&str, &str)]) -> String {
    let rows: String = rows
        .iter()
        .map(|(a, b)| format!("<w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>", p(a), p(b)))
        .collect();
    format!("<w:tbl>{rows}</w:tbl>")
}

fn header() -> String {
    table(&[
        ("Meeting", "Resources Committee"),
        ("Date", "1 September 2021"),
        ("Title of Paper", "Estates"),
        ("Presented By", "A Person, Director"),
        ("Recommendation to Members", "For Noting"),
    ])
}

fn run(body: &str, extra: &[(&str, &[u8])]) -> Imported {
    run_with(body, extra, &HouseStyle::default())
}

fn run_with(body: &str, extra: &[(&str, &[u8])], house: &HouseStyle) -> Imported {
    let bytes = docx(body, extra);
    convert(
        Path::new("t.docx"),
        &bytes,
        house,
        "t-images",
        Limits::default(),
    )
    .unwrap()
}

fn codes(i: &Imported) -> Vec<&'static str> {
    i.notes.iter().map(|n| n.code).collect()
}

const CLOSE: &str = "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>RECOMMENDATIONS</w:t></w:r></w:p><w:p><w:r><w:t>Members are invited to note.</w:t></w:r></w:p>";

#[test]
fn header_labels_match_loosely() {
    let house = HouseStyle::default();
    for (label, key) in [
        ("Presented By", "presented_by"),
        ("Presented by:", "presented_by"),
        ("Author", "presented_by"),
        ("TITLE OF PAPER", "title"),
        ("Recommendation to members", "recommendation"),
        ("Appendix  Attached", "appendices"),
        ("Date of meeting", "date"),
    ] {
        assert_eq!(key_for(label, &house).as_deref(), Some(key), "{label}");
    }
    assert_eq!(key_for("Budget holder", &house), None);
}

#[test]
fn dates_in_common_forms() {
    let d = jiff::civil::date(2021, 9, 1);
    for text in [
        "1 September 2021",
        "01/09/2021",
        "1st Sept 2021",
        "Wednesday 1 September 2021",
        "September 1, 2021",
        "2021-09-01",
        "1.9.21",
    ] {
        let read = date::parse(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(read.date, d, "{text}");
    }
    assert!(date::parse("01/09/2021").unwrap().ambiguous);
    assert!(!date::parse("13/09/2021").unwrap().ambiguous);
    assert_eq!(
        date::parse("02/03/2021").unwrap().date,
        jiff::civil::date(2021, 3, 2)
    );
    assert_eq!(date::parse("31/02/2021"), None);
    assert_eq!(date::parse("next Tuesday"), None);
}

#[test]
fn ambiguous_date_is_taken_as_uk_with_a_warning() {
    let body = table(&[
        ("Meeting", "X"),
        ("Date", "02/03/2021"),
        ("Title of Paper", "T"),
    ]);
    let out = run(&body, &[]);
    assert!(
        out.markdown.contains("date: 2021-03-02"),
        "{}",
        out.markdown
    );
    let n = out.notes.iter().find(|n| n.code == "import-date").unwrap();
    assert_eq!(n.severity, Severity::Warning);
    assert!(n.message.contains("day/month"), "{}", n.message);
}

#[test]
fn appendices_split_into_titles() {
    assert_eq!(
        appendices("Yes – Appendix A – Survey results; Appendix B – Estate map"),
        ["Survey results", "Estate map"]
    );
    assert_eq!(appendices("Yes - Appendix A: Survey"), ["Survey"]);
    assert!(appendices("No").is_empty());
    assert!(appendices("None").is_empty());
    // Letters whose lower case is longer than they are, and punctuation before `Yes`.
    assert_eq!(
        appendices("Yes – İİİİ Appendix A – One; Appendix B – Two"),
        ["One", "Two"]
    );
    assert_eq!(appendices("··Yes – Appendix A – One"), ["One"]);
    let out = run(
        &table(&[
            ("Meeting", "X"),
            ("Date", "1 Sep 2021"),
            (
                "Appendix Attached",
                "Yes – Appendix A – One; Appendix B – Two",
            ),
        ]),
        &[],
    );
    assert!(
        out.markdown
            .contains("appendices:\n  - title: One\n  - title: Two\n"),
        "{}",
        out.markdown
    );
}

#[test]
fn header_table_maps_to_front_matter_and_unknown_rows_are_reported() {
    let body = format!(
        "{}{}{CLOSE}",
        p("OFFICIAL"),
        table(&[
            ("Meeting", "Resources Committee"),
            ("Date", "1 Sep 2021"),
            ("Budget holder", "Finance")
        ])
    );
    let out = run(&body, &[]);
    assert!(
        out.markdown.starts_with(
            "---\nmeeting: Resources Committee\ndate: 2021-09-01\nclassification: OFFICIAL\n"
        ),
        "{}",
        out.markdown
    );
    assert!(
        codes(&out).contains(&"import-unknown-row"),
        "{:?}",
        out.notes
    );
    assert!(!out.markdown.contains("Finance"));
}

#[test]
fn no_header_table_is_an_error() {
    let out = run(&format!("{}{}", bold("PURPOSE"), p("Text.")), &[]);
    assert!(
        out.notes
            .iter()
            .any(|n| n.code == "import-no-header" && n.severity == Severity::Error)
    );
}

#[test]
fn council_labels_come_from_the_house() {
    let house = HouseStyle::from_yaml(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/council/clerk.yaml"
        ))
        .unwrap(),
        Path::new("clerk.yaml"),
    )
    .unwrap();
    let body = table(&[
        ("Committee", "Cabinet"),
        ("Report of", "Director of Place"),
        ("Wards affected", "All"),
        ("Key decision", "No"),
    ]);
    let out = run_with(&body, &[], &house);
    for line in [
        "meeting: Cabinet\n",
        "presented_by: Director of Place\n",
        "wards_affected: All\n",
        "key_decision: \"No\"\n",
    ] {
        assert!(out.markdown.contains(line), "{line} in {}", out.markdown);
    }
}

#[test]
fn bold_capitals_and_typed_numbers_make_sections() {
    let body = format!(
        "{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("PURPOSE"),
        p("Why."),
        bold("1. BACKGROUND"),
        p("1.1\tFirst."),
        p("1.2 Second.")
    );
    let out = run(&body, &[]);
    assert!(
        out.markdown
            .contains("# Purpose\n\nWhy.\n\n# Background\n\nFirst.\n\nSecond."),
        "{}",
        out.markdown
    );
    assert!(out.notes.is_empty(), "{:?}", out.notes);
}

#[test]
fn heading_styles_make_sections_and_sub_headings() {
    let styles = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>"#;
    let h = |id: &str, t: &str| {
        format!(r#"<w:p><w:pPr><w:pStyle w:val="{id}"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#)
    };
    let body = format!(
        "{}{}{}{}{}{CLOSE}",
        header(),
        h("Heading1", "Background"),
        p("One."),
        h("Heading2", "Detail"),
        p("Two.")
    );
    let out = run(&body, &[("word/styles.xml", styles.as_bytes())]);
    assert!(
        out.markdown
            .contains("# Background\n\nOne.\n\n## Detail\n\nTwo."),
        "{}",
        out.markdown
    );
}

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>"#;

fn numbered(num: u8, level: u8, text: &str, bold: bool) -> String {
    let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r>{b}<w:t>{text}</w:t></w:r></w:p>"#
    )
}

#[test]
fn automatic_numbering_is_removed_and_compared() {
    let body = format!(
        "{}{}{}{}{}{}{CLOSE}",
        header(),
        numbered(1, 0, "BACKGROUND", true),
        numbered(1, 1, "First.", false),
        numbered(1, 1, "Second.", false),
        numbered(1, 0, "PROGRESS", true),
        numbered(1, 1, "Third.", false),
    );
    let out = run(&body, &[("word/numbering.xml", NUMBERING.as_bytes())]);
    assert!(
        out.markdown
            .contains("# Background\n\nFirst.\n\nSecond.\n\n# Progress\n\nThird."),
        "{}",
        out.markdown
    );
    assert!(out.notes.is_empty(), "{:?}", out.notes);
}

#[test]
fn a_skipped_number_is_reported_where_it_lands() {
    let body = format!(
        "{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 First."),
        p("1.3 Third.")
    );
    let out = run(&body, &[]);
    let n = out
        .notes
        .iter()
        .find(|n| n.code == "import-numbering")
        .expect("a numbering note");
    assert!(
        n.message.contains("” 1.3, but clerk numbers it 1.2"),
        "{}",
        n.message
    );
    assert!(n.message.contains("Third."), "{}", n.message);
    let d = n.to_diagnostic(Path::new("t.md"), &out.markdown);
    let line = d.line_col(&out.markdown).0;
    assert_eq!(out.markdown.lines().nth(line - 1), Some("Third."));
}

#[test]
fn bullet_lists_nest_from_word_numbering() {
    let body = format!(
        "{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 Lead:"),
        numbered(2, 0, "Top", false),
        numbered(2, 1, "Inner", false),
        numbered(2, 0, "Next", false)
    );
    let out = run(&body, &[("word/numbering.xml", NUMBERING.as_bytes())]);
    assert!(
        out.markdown.contains("Lead:\n\n- Top\n  - Inner\n- Next"),
        "{}",
        out.markdown
    );
}

#[test]
fn implications_at_the_house_default_are_left_out() {
    let body = format!(
        "{}{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 Text."),
        bold("2. FINANCIAL IMPLICATIONS"),
        p("2.1 The cost is £5,000."),
        bold("3. LEGAL IMPLICATIONS"),
        p("3.1 There are no direct legal implications associated with this paper."),
    );
    let out = run(&body, &[]);
    assert!(
        out.markdown
            .contains("implications:\n  financial: The cost is £5,000.\n"),
        "{}",
        out.markdown
    );
    assert!(!out.markdown.contains("legal"), "{}", out.markdown);
    assert!(
        out.markdown
            .contains("recommendations: Members are invited to note.\n"),
        "{}",
        out.markdown
    );
    assert!(!out.markdown.contains("# Financial"), "{}", out.markdown);
}

#[test]
fn missing_recommendations_is_an_error() {
    let out = run(
        &format!("{}{}{}", header(), bold("1. BACKGROUND"), p("1.1 Text.")),
        &[],
    );
    assert!(
        out.notes
            .iter()
            .any(|n| n.code == "import-no-recommendations" && n.severity == Severity::Error)
    );
}

#[test]
fn a_cited_paragraph_gets_a_label_and_the_citation_a_link() {
    let body = format!(
        "{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 First."),
        p("1.2 As paragraph 1.1 says, and paragraph 4.7 does not."),
        p("1.3 Third.")
    );
    let out = run(&body, &[]);
    assert!(
        out.markdown.contains("First. {#word-1-1}"),
        "{}",
        out.markdown
    );
    assert!(
        out.markdown
            .contains("As paragraph [](#word-1-1) says, and paragraph 4.7 does not."),
        "{}",
        out.markdown
    );
    assert!(
        out.notes
            .iter()
            .any(|n| n.code == "import-cross-ref" && n.message.contains("4.7")),
        "{:?}",
        out.notes
    );
}

#[test]
fn emphasis_links_and_markup_characters() {
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/a b" TargetMode="External"/></Relationships>"#;
    let para = r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Bold </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>italic</w:t></w:r><w:r><w:t xml:space="preserve"> a*b_c [x] &lt;tag&gt; </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>site</w:t></w:r></w:hyperlink></w:p>"#;
    let body = format!(
        "{}{}{para}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("# not a heading")
    );
    let out = run(&body, &[("word/_rels/document.xml.rels", rels.as_bytes())]);
    assert!(
        out.markdown
            .contains(r"**Bold** *italic* a\*b\_c \[x\] \<tag> [site](https://example.org/a%20b)"),
        "{}",
        out.markdown
    );
    assert!(
        out.markdown.contains("\n\\# not a heading\n"),
        "{}",
        out.markdown
    );
}

#[test]
fn tables_take_the_first_row_as_header() {
    let body = format!(
        "{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 Results:"),
        table(&[("Audit", "Opinion"), ("Payroll", "Good | fair")])
    );
    let out = run(&body, &[]);
    assert!(
        out.markdown
            .contains("| Audit | Opinion |\n| --- | --- |\n| Payroll | Good \\| fair |"),
        "{}",
        out.markdown
    );
}

#[test]
fn footnotes_are_numbered_in_order_of_use() {
    let notes = r#"<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote><w:footnote w:id="7"><w:p><w:r><w:t>The source.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
    let para =
        r#"<w:p><w:r><w:t>1.1 Claim.</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r></w:p>"#;
    let body = format!("{}{}{para}{CLOSE}", header(), bold("1. BACKGROUND"));
    let out = run(&body, &[("word/footnotes.xml", notes.as_bytes())]);
    assert!(out.markdown.contains("Claim.[^1]"), "{}", out.markdown);
    assert!(
        out.markdown.contains("\n[^1]: The source.\n"),
        "{}",
        out.markdown
    );
}

const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 13, 10, 26, 10, 0, 0, 0, 0];

fn picture(descr: &str) -> String {
    format!(
        r#"<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr="{descr}"/><a:graphic><a:graphicData><a:blip r:embed="rId5"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#
    )
}

#[test]
fn images_are_extracted_with_their_alt_text() {
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>"#;
    let extra: &[(&str, &[u8])] = &[
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/media/image1.png", PNG),
    ];
    let body = format!(
        "{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 Chart:"),
        picture("Bar chart of costs"),
        picture("")
    );
    let out = run(&body, extra);
    assert!(
        out.markdown
            .contains("![Bar chart of costs](t-images/image1.png)\n\n![](t-images/image1.png)"),
        "{}",
        out.markdown
    );
    assert_eq!(out.images, [("image1.png".to_string(), PNG.to_vec())]);
    let alt: Vec<_> = out
        .notes
        .iter()
        .filter(|n| n.code == "import-image-alt")
        .collect();
    assert_eq!(alt.len(), 1, "{:?}", out.notes);
}

#[test]
fn an_image_that_is_not_png_or_jpeg_is_left_out_with_a_warning() {
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.emf"/></Relationships>"#;
    let extra: &[(&str, &[u8])] = &[
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/media/image1.emf", b"\x01\x00\x00\x00EMF"),
    ];
    let out = run(
        &format!(
            "{}{}{}{CLOSE}",
            header(),
            bold("1. BACKGROUND"),
            picture("x")
        ),
        extra,
    );
    assert!(out.images.is_empty());
    assert!(
        out.notes
            .iter()
            .any(|n| n.code == "import-image" && n.message.contains("not PNG or JPEG")),
        "{:?}",
        out.notes
    );
}

#[test]
fn yaml_scalars_are_quoted_when_plain_would_change_them() {
    use super::assemble::scalar;
    assert_eq!(scalar("For Noting"), "For Noting");
    assert_eq!(scalar("Yes"), "\"Yes\"");
    assert_eq!(scalar("4.2"), "\"4.2\"");
    assert_eq!(scalar("Note: this"), "\"Note: this\"");
    assert_eq!(scalar("- dash"), "\"- dash\"");
    assert_eq!(scalar("a #b"), "\"a #b\"");
}

fn refused(bytes: &[u8], limits: Limits) -> crate::diag::Diagnostic {
    convert(
        Path::new("t.docx"),
        bytes,
        &HouseStyle::default(),
        "i",
        limits,
    )
    .expect_err("refused")
}

#[test]
fn renamed_files_are_named_for_what_they_are() {
    let cases: [(&[u8], &str); 4] = [
        (b"%PDF-1.7\n...", "a PDF"),
        (
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            "old-style Word .doc",
        ),
        (b"{\\rtf1\\ansi hello}", "Rich Text"),
        (b"", "empty"),
    ];
    for (bytes, what) in cases {
        let d = refused(bytes, Limits::default());
        assert_eq!(d.code, "import-not-docx");
        assert!(d.message.contains(what), "{what}: {}", d.message);
        assert!(
            d.help.as_deref().unwrap_or("").contains("save it as"),
            "{d:?}"
        );
    }
    let odt = zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.text")]);
    assert!(
        refused(&odt, Limits::default())
            .message
            .contains("OpenDocument")
    );
    let d = refused(b"PK\x03\x04garbage", Limits::default());
    assert_eq!(d.code, "import-damaged");
}

#[test]
fn a_path_traversal_name_is_refused() {
    let bytes = zip_of(&[
        ("word/document.xml", b"<x/>"),
        ("../../etc/cron.d/evil", b"x"),
    ]);
    let d = refused(&bytes, Limits::default());
    assert_eq!(d.code, "import-unsafe-name");
    assert!(d.message.contains("../../etc/cron.d/evil"), "{}", d.message);
    let abs = zip_of(&[("/etc/passwd", b"x")]);
    assert_eq!(refused(&abs, Limits::default()).code, "import-unsafe-name");
}

#[test]
fn a_missing_main_part_is_refused() {
    let bytes = zip_of(&[
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/styles.xml", b"<x/>"),
    ]);
    let d = refused(&bytes, Limits::default());
    assert_eq!(d.code, "import-missing-part");
    assert!(d.message.contains("word/document.xml"), "{}", d.message);
}

#[test]
fn a_zip_bomb_stops_at_the_limit() {
    let zeros = vec![b' '; 3 << 20];
    let bytes = zip_of(&[
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", &zeros),
    ]);
    assert!(
        bytes.len() < 64 << 10,
        "the bomb is small packed: {}",
        bytes.len()
    );
    let d = refused(&bytes, Limits::default());
    assert_eq!(d.code, "import-too-large");
    assert!(d.message.contains("times its packed size"), "{}", d.message);
    let small = Limits {
        part_bytes: 1 << 20,
        ..Limits::default()
    };
    let d = refused(&bytes, small);
    assert!(d.message.contains("more than 1 MB"), "{}", d.message);
}

#[test]
fn a_huge_document_is_refused_at_the_node_limit() {
    let body = p("Text.").repeat(5_000);
    let bytes = docx(&body, &[]);
    let limits = Limits {
        xml_nodes: 10_000,
        ..Limits::default()
    };
    let d = refused(&bytes, limits);
    assert_eq!(d.code, "import-damaged");
    assert!(
        d.message.contains("more than 10000 XML nodes"),
        "{}",
        d.message
    );
}

#[test]
fn too_many_entries_are_refused() {
    let names: Vec<String> = (0..30).map(|i| format!("word/media/{i}.png")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    let limits = Limits {
        entries: 20,
        ..Limits::default()
    };
    assert_eq!(refused(&zip_of(&entries), limits).code, "import-too-large");
}

#[test]
fn entity_declarations_are_refused_not_expanded() {
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&d;</w:t></w:r></w:p></w:body></w:document>"#;
    let external =
        r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>"#;
    for xml in [laughs, external] {
        let bytes = zip_of(&[
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("word/document.xml", xml.as_bytes()),
        ]);
        let d = refused(&bytes, Limits::default());
        assert_eq!(d.code, "import-damaged");
        assert!(d.message.contains("DTD"), "{}", d.message);
    }
}

#[test]
fn deep_nesting_is_refused() {
    let body = format!(
        "{}{}",
        "<w:sdt><w:sdtContent>".repeat(400),
        "</w:sdtContent></w:sdt>".repeat(400)
    );
    let d = refused(&docx(&body, &[]), Limits::default());
    assert!(d.message.contains("nests deeper"), "{}", d.message);
}

/// A cheap stand-in for the fuzz target that runs with `cargo test`: every fixture cut
/// short and with bytes flipped (in the zip and in its unpacked document.xml) is either
/// imported or refused, never a panic.
#[test]
fn damaged_fixtures_are_imported_or_refused_never_a_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let house = HouseStyle::default();
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "docx") {
            continue;
        }
        seen += 1;
        let bytes = std::fs::read(&path).unwrap();
        let mut variants: Vec<Vec<u8>> = (1..8)
            .map(|i| bytes[..bytes.len() * i / 8].to_vec())
            .collect();
        for step in [97, 1013, 4099] {
            let mut b = bytes.clone();
            for i in (0..b.len()).step_by(step) {
                b[i] ^= 0x5A;
            }
            variants.push(b);
        }
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        for cut in [xml.len() / 3, xml.len() / 2, xml.len() - 20] {
            let cut = (0..=cut).rev().find(|&i| xml.is_char_boundary(i)).unwrap();
            variants.push(zip_of(&[
                ("_rels/.rels", ROOT_RELS.as_bytes()),
                ("word/document.xml", &xml.as_bytes()[..cut]),
            ]));
        }
        let swapped = xml
            .replace("<w:tbl>", "<w:p>")
            .replace("</w:tbl>", "</w:p>");
        variants.push(zip_of(&[
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("word/document.xml", swapped.as_bytes()),
        ]));
        for v in variants {
            match convert(&path, &v, &house, "i", Limits::default()) {
                Ok(out) => assert!(out.markdown.starts_with("---\n")),
                Err(d) => assert!(d.is_error() && !d.message.is_empty()),
            }
        }
    }
    assert_eq!(seen, 5, "the five fixtures");
}

#[test]
fn a_marking_repeated_in_the_body_is_left_to_clerk() {
    let body = format!(
        "{}{}{}{CLOSE}{}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 Text."),
        bold("OFFICIAL")
    );
    let out = run(&body, &[]);
    assert!(!out.markdown.contains("OFFICIAL"), "{}", out.markdown);
    assert!(out.notes.is_empty(), "{:?}", out.notes);
}

#[test]
fn the_protective_marking_is_read_from_the_page_header() {
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;
    let page = |text: &str| {
        format!(
            r#"<?xml version="1.0"?><w:hdr {NS}><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:hdr>"#
        )
    };
    let (head, foot) = (page("OFFICIAL-SENSITIVE"), page("Page 1"));
    let body = format!("{}{}{}", header(), bold("PURPOSE"), p("Text."));
    let parts: [(&str, &[u8]); 3] = [
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/header1.xml", head.as_bytes()),
        ("word/footer1.xml", foot.as_bytes()),
    ];
    let out = run(&format!("{body}{CLOSE}"), &parts);
    assert!(
        out.markdown
            .contains("classification: OFFICIAL-SENSITIVE\n"),
        "{}",
        out.markdown
    );
    // One above the table wins over the page header's.
    let above = format!("{}{body}{CLOSE}", p("OFFICIAL"));
    let out = run(&above, &parts);
    assert!(
        out.markdown.contains("classification: OFFICIAL\n"),
        "{}",
        out.markdown
    );
}

#[test]
fn a_text_box_keeps_its_text_where_it_is_anchored() {
    // Word 2010's form: the box in a drawing, and again (old-style) in the fallback.
    let inner = |t: &str| format!("<w:txbxContent>{}</w:txbxContent>", p(t));
    let boxed = format!(
        r#"<w:p><w:r><w:t>Before.</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="w">{}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="v">{}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        inner("KEY FINDING: three closed."),
        inner("KEY FINDING: three closed."),
    );
    let body = format!("{}{}{boxed}{CLOSE}", header(), bold("BACKGROUND"));
    let out = run(&body, &[]);
    assert_eq!(
        out.markdown.matches("KEY FINDING: three closed.").count(),
        1,
        "{}",
        out.markdown
    );
    assert!(out.markdown.contains("Before."), "{}", out.markdown);
    assert!(
        codes(&out).contains(&"import-text-box"),
        "{:?}",
        codes(&out)
    );
    assert!(!codes(&out).contains(&"import-image"), "{:?}", codes(&out));
}

#[test]
fn a_second_numbered_list_straight_after_the_first_stays_a_list_of_its_own() {
    // A list of its own definition (letters, `a)`), then a numbered one starting at 1.
    let numbering = NUMBERING.replace(
        "<w:num w:numId=\"1\">",
        r#"<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num><w:num w:numId="1">"#,
    );
    let body = format!(
        "{}{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 The options:"),
        numbered(3, 0, "repair", false),
        numbered(3, 0, "sell", false),
        numbered(1, 0, "Step one", false),
        numbered(1, 0, "Step two", false),
    );
    let out = run(&body, &[("word/numbering.xml", numbering.as_bytes())]);
    assert!(
        out.markdown
            .contains("1. repair\n2. sell\n1) Step one\n2) Step two"),
        "{}",
        out.markdown
    );
    // The letters are lost to numbers: said once, at the first lettered item.
    let lettered: Vec<_> = out
        .notes
        .iter()
        .filter(|n| n.code == "import-list-letters")
        .collect();
    assert_eq!(lettered.len(), 1, "{:?}", codes(&out));
    let m = &lettered[0].message;
    assert!(
        m.starts_with("2 list items") && m.contains("`a)`") && m.contains("“repair”"),
        "{m}"
    );
    // Decimal and bulleted lists alone are not.
    let plain = format!(
        "{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 Steps:"),
        numbered(1, 0, "Step one", false),
        numbered(2, 0, "a point", false),
    );
    let out = run(&plain, &[("word/numbering.xml", NUMBERING.as_bytes())]);
    assert!(
        !codes(&out).contains(&"import-list-letters"),
        "{:?}",
        codes(&out)
    );
}

#[test]
fn tracked_changes_are_taken_as_accepted_and_said() {
    let tracked = r#"<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve">inserted </w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>deleted </w:delText></w:r></w:del><w:moveTo w:id="3" w:author="A"><w:r><w:t xml:space="preserve">moved here</w:t></w:r></w:moveTo><w:moveFrom w:id="4" w:author="A"><w:r><w:t>moved away</w:t></w:r></w:moveFrom><w:r><w:t>.</w:t></w:r></w:p>"#;
    let body = format!("{}{}{tracked}{CLOSE}", header(), bold("BACKGROUND"));
    let out = run(&body, &[]);
    assert!(
        out.markdown.contains("Kept inserted moved here."),
        "{}",
        out.markdown
    );
    assert!(!out.markdown.contains("deleted"), "{}", out.markdown);
    assert!(!out.markdown.contains("moved away"), "{}", out.markdown);
    let note = out
        .notes
        .iter()
        .find(|n| n.code == "import-tracked-changes")
        .unwrap_or_else(|| panic!("{:?}", codes(&out)));
    assert!(
        note.message.contains("4 tracked changes"),
        "{}",
        note.message
    );
    // A document without any has no such note.
    let plain = run(
        &format!("{}{}{}{CLOSE}", header(), bold("BACKGROUND"), p("Text.")),
        &[],
    );
    assert!(!codes(&plain).contains(&"import-tracked-changes"));
}

#[test]
fn a_table_with_merged_cells_keeps_the_text_in_the_first_cell_and_is_noted() {
    // A heading spanning two columns, then a cell merged down two rows; the table's first
    // paragraph is the 13th (the header table's ten, the heading and 1.1 before it).
    let merged = format!(
        "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>{}</w:tc></w:tr>\
         <w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>{}</w:tc><w:tc>{}</w:tc></w:tr>\
         <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
        p("Stations"),
        p("North"),
        p("Inverness"),
        p("Elgin")
    );
    let body = format!(
        "{}{}{}{merged}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 The stations:")
    );
    let out = run(&body, &[]);
    assert!(
        out.markdown
            .contains("| Stations |  |\n| --- | --- |\n| North | Inverness |\n|  | Elgin |"),
        "{}",
        out.markdown
    );
    let note = out
        .notes
        .iter()
        .find(|n| n.code == "import-merged-cells")
        .unwrap_or_else(|| panic!("{:?}", codes(&out)));
    assert!(
        note.message
            .contains("the table at paragraph 13 of the Word document has merged cells"),
        "{}",
        note.message
    );
    // The header table and a plain table have none.
    let plain = run(
        &format!(
            "{}{}{}{CLOSE}",
            header(),
            bold("1. BACKGROUND"),
            table(&[("Audit", "Opinion"), ("Payroll", "Good")])
        ),
        &[],
    );
    assert!(!codes(&plain).contains(&"import-merged-cells"));
}

#[test]
fn citation_labels_cannot_collide_with_clerks_own_anchors() {
    // PURPOSE numbered 1 makes Word's 2.1 clerk's 1.1; a `para-2-1` label would also be
    // clerk's anchor for its own paragraph 2.1 and fail the build.
    let body = format!(
        "{}{}{}{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. PURPOSE"),
        p("1.1 The purpose."),
        bold("2. BACKGROUND"),
        p("2.1 First."),
        p("2.2 As paragraph 2.1 says."),
        bold("3. DETAIL"),
        p("3.1 One."),
        p("3.2 Two.")
    );
    let out = run(&body, &[]);
    assert!(!out.markdown.contains("{#para-"), "{}", out.markdown);
    assert!(
        out.markdown.contains("First. {#word-2-1}"),
        "{}",
        out.markdown
    );
    assert!(
        out.markdown.contains("As paragraph [](#word-2-1) says."),
        "{}",
        out.markdown
    );
}

#[test]
fn implications_match_on_their_leading_words_and_never_silently_loosely() {
    let body = format!(
        "{}{}{}{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 Text."),
        bold("2. FINANCIAL AND RESOURCE IMPLICATIONS"),
        p("2.1 It costs £5m."),
        bold("3. LOCAL IMPLICATIONS"),
        p("3.1 The town is affected."),
        bold("4. EQUALITY IMPLICATIONS"),
        p("4.1 An assessment was made.")
    );
    let out = run(&body, &[]);
    let md = &out.markdown;
    // Financial by its leading word, not left in the body with the default sentence kept.
    assert!(md.contains("financial: It costs £5m."), "{md}");
    // "Local" is not "Social": it stays in the body, and the defaults kept are said.
    assert!(md.contains("# Local Implications"), "{md}");
    assert!(!md.contains("social:"), "{md}");
    assert!(
        out.notes.iter().any(|n| n.code == "import-implication-body"
            && n.message.contains("Local Implications")
            && n.message.contains("Social Implications")),
        "{:?}",
        out.notes
    );
    // A near match is taken, and said, naming both headings.
    assert!(md.contains("equalities: An assessment was made."), "{md}");
    assert!(
        out.notes
            .iter()
            .any(|n| n.code == "import-implication-match"
                && n.message.contains("Equality Implications")
                && n.message.contains("Equalities Implications")),
        "{:?}",
        out.notes
    );
}

#[test]
fn capital_list_items_and_bold_lead_ins_are_text_and_acronyms_stay_capitals() {
    let style = |s: &str, t: &str| {
        format!(r#"<w:p><w:pPr><w:pStyle w:val="{s}"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#)
    };
    let body = format!(
        "{}{}{}{}{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 Three systems are in scope."),
        bold("The systems reviewed were:"),
        numbered(2, 0, "ANPR", false),
        style("ListBullet", "CCTV"),
        p("1.2 Each was reviewed against the HMICS framework."),
        bold("2. HMICS AND THE DATA REVIEW"),
        p("2.1 Text."),
        bold("3. CCTV PLAN"),
    );
    let out = run(&body, &[("word/numbering.xml", NUMBERING.as_bytes())]);
    let md = &out.markdown;
    assert!(!md.contains("# ANPR") && !md.contains("# Anpr"), "{md}");
    assert!(!md.contains("# CCTV\n") && !md.contains("# Cctv"), "{md}");
    assert!(md.contains("- ANPR"), "{md}");
    assert!(!md.contains("## The systems"), "{md}");
    assert!(md.contains("# HMICS and the Data Review"), "{md}");
    assert!(md.contains("# CCTV Plan"), "{md}");
}

#[test]
fn an_appendix_without_a_title_gets_a_placeholder_not_no() {
    assert_eq!(appendices("Yes"), ["Appendix A"]);
    assert_eq!(appendices("Yes – Appendix A"), ["Appendix A"]);
    assert_eq!(
        appendices("Yes – Appendix A; Appendix B – Map"),
        ["Appendix A", "Map"]
    );
    let out = run(
        &table(&[
            ("Meeting", "X"),
            ("Date", "1 Sep 2021"),
            ("Appendix Attached", "Yes"),
        ]),
        &[],
    );
    assert!(
        out.markdown
            .contains("appendices:\n  - title: Appendix A\n"),
        "{}",
        out.markdown
    );
    assert!(
        out.notes
            .iter()
            .any(|n| n.code == "import-appendix-title" && n.message.contains("Appendix A")),
        "{:?}",
        out.notes
    );
}

#[test]
fn a_content_control_showing_its_placeholder_is_empty() {
    let control = |filled: &str, text: &str| {
        format!(
            r#"<w:p><w:sdt><w:sdtPr>{filled}</w:sdtPr><w:sdtContent><w:r><w:t>{text}</w:t></w:r></w:sdtContent></w:sdt></w:p>"#
        )
    };
    let row = |label: &str, cell: String| {
        format!("<w:tr><w:tc>{}</w:tc><w:tc>{cell}</w:tc></w:tr>", p(label))
    };
    let body = format!(
        "<w:tbl>{}{}{}{}</w:tbl>{}{}{CLOSE}",
        row("Meeting", p("Resources Committee")),
        row("Date", p("1 September 2021")),
        row(
            "Presented By",
            control("<w:showingPlcHdr/>", "Click or tap here to enter text.")
        ),
        row("Title of Paper", control("", "Estates")),
        bold("1. BACKGROUND"),
        p("1.1 Text."),
    );
    let out = run(&body, &[]);
    assert!(!out.markdown.contains("Click or tap"), "{}", out.markdown);
    assert!(out.markdown.contains("title: Estates"), "{}", out.markdown);
}

#[test]
fn symbols_and_struck_text_are_kept_and_joined_cells_said() {
    let para = r#"<w:p><w:r><w:t xml:space="preserve">1.1 Scores </w:t></w:r><w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r><w:r><w:t xml:space="preserve"> 4, budget </w:t></w:r><w:r><w:rPr><w:strike/></w:rPr><w:t>£3m</w:t></w:r><w:r><w:t xml:space="preserve"> £4m </w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r><w:r><w:sym w:font="Webdings" w:char="F021"/></w:r></w:p>"#;
    let cell = format!("<w:tc>{}{}</w:tc>", p("One"), p("Two"));
    let tbl = format!(
        "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc>{cell}</w:tr></w:tbl>",
        p("A"),
        p("B"),
        p("x")
    );
    let body = format!("{}{}{para}{tbl}{CLOSE}", header(), bold("1. BACKGROUND"));
    let out = run(&body, &[]);
    let md = &out.markdown;
    assert!(md.contains("Scores ≥ 4, budget ~~£3m~~ £4m ✓"), "{md}");
    assert!(md.contains("| x | One Two |"), "{md}");
    assert!(
        out.notes
            .iter()
            .any(|n| n.code == "import-not-mapped" && n.message.contains("F021")),
        "{:?}",
        out.notes
    );
    assert_eq!(
        out.notes
            .iter()
            .filter(|n| n.code == "import-table-cell")
            .count(),
        1,
        "{:?}",
        out.notes
    );
}

#[test]
fn every_number_of_a_list_or_range_of_paragraphs_is_cited() {
    let body = format!(
        "{}{}{}{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 First."),
        p("1.2 Second."),
        p("1.3 Third."),
        p(
            "1.4 See paragraphs 1.1 and 1.2, paras 1.2, 1.3, paragraphs 1.1 to 1.3 and paragraph 2.1."
        ),
        bold("2. FINANCIAL IMPLICATIONS"),
        p("2.1 It costs £5m."),
        p("2.2 Spread over two years."),
    );
    let out = run(&body, &[]);
    assert!(
        out.markdown.contains(
            "See paragraphs [](#word-1-1) and [](#word-1-2), paras [](#word-1-2), [](#word-1-3), paragraphs [](#word-1-1) to [](#word-1-3) and paragraph 2.1."
        ),
        "{}",
        out.markdown
    );
    let note = out
        .notes
        .iter()
        .find(|n| n.code == "import-cross-ref")
        .expect("a note for 2.1");
    assert!(
        note.message.contains("Financial Implications") && !note.message.contains("does not have"),
        "{}",
        note.message
    );
}

#[test]
fn dates_with_weekdays_ordinals_times_and_either_order_are_read() {
    let d = jiff::civil::date(2021, 9, 1);
    for text in [
        "Wed 1 Sept 2021",
        "1st of September 2021",
        "2021/09/01",
        "1 Sep 2021 10:00",
        "1 September 2021; 10:00 am",
    ] {
        let read = date::parse(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(read.date, d, "{text}");
        assert!(!read.ambiguous, "{text}");
    }
    let us = date::parse("09/13/2021").expect("US order");
    assert_eq!(us.date, jiff::civil::date(2021, 9, 13));
    assert!(date::parse("31 June 2021").is_none());
    let out = run(&table(&[("Meeting", "X"), ("Date", "31 June 2021")]), &[]);
    let note = out
        .notes
        .iter()
        .find(|n| n.code == "import-date")
        .expect("a date note");
    assert!(
        note.message.contains("June 2021 has 30 days"),
        "{}",
        note.message
    );
}

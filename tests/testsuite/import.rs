//! `clerk import`: every fixture under tests/fixtures/import imports, builds and checks with
//! the warnings it should have; the seed's Word version builds the seed's HTML; files are
//! never overwritten without --force; hostile .docx files are refused with a clear note.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::common::*;

fn docx(name: &str) -> PathBuf {
    fixture("import").join(name)
}

/// An empty project (default house) with a papers folder.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("papers")).unwrap();
    dir
}

fn import(root: &Path, file: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["import", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    parts(&clerk(root, &args))
}

/// The diagnostic codes in a run's stderr, in order.
fn codes(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| {
            let rest = l
                .strip_prefix("warning[")
                .or_else(|| l.strip_prefix("error["))?;
            Some(rest.split(']').next()?.to_string())
        })
        .collect()
}

fn check_clean(root: &Path, paper: &str) {
    let (code, stdout, stderr) = parts(&clerk(root, &["check", paper]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("0 errors, 0 warnings"), "{stdout}{stderr}");
}

#[test]
fn the_seed_round_trips_to_the_same_html() {
    let dir = project();
    let root = dir.path();
    let seed = repo().join("papers/policing-performance/2021-09-01-hmics-progress-review.md");
    std::fs::create_dir_all(root.join("papers/seed")).unwrap();
    std::fs::copy(&seed, root.join("papers/seed/paper.md")).unwrap();
    let (code, _, stderr) = import(
        root,
        &docx("hmics-progress-review.docx"),
        &["--to", "papers/word"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(codes(&stderr).is_empty(), "{stderr}");
    std::fs::rename(
        root.join("papers/word/hmics-progress-review.md"),
        root.join("papers/word/paper.md"),
    )
    .unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build", "--format", "html"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let read = |p: &str| html_text(&std::fs::read_to_string(root.join(p)).unwrap());
    let (want, got) = (read("out/seed/paper.html"), read("out/word/paper.html"));
    assert!(
        want.contains("2.4 Based on the progress assessed"),
        "{want}"
    );
    assert!(
        want.contains("10. ENVIRONMENT IMPLICATIONS")
            || want.contains("10. Environment Implications"),
        "{want}"
    );
    assert_eq!(got, want);
}

#[test]
fn automatic_numbering_imports_clean() {
    let dir = project();
    let (code, _, stderr) = import(dir.path(), &docx("numbered-auto.docx"), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(codes(&stderr).is_empty(), "{stderr}");
    let md = std::fs::read_to_string(dir.path().join("papers/numbered-auto.md")).unwrap();
    assert!(md.contains("date: 2021-09-01\n"), "1st Sept 2021: {md}");
    assert!(
        md.contains("presented_by: James Gray, Chief Financial Officer\n"),
        "{md}"
    );
    assert!(
        md.contains("  financial: The repairs cost £1.2 million, met from the capital budget.\n"),
        "{md}"
    );
    assert!(
        !md.contains("legal"),
        "the default sentence is left to the house: {md}"
    );
    assert!(
        md.contains("# Background\n\nThe estates strategy was approved in March 2020.\n"),
        "{md}"
    );
    assert!(md.contains("set out in paragraph [](#word-1-2)"), "{md}");
    check_clean(dir.path(), "papers/numbered-auto.md");
}

#[test]
fn typed_numbers_import_with_the_skipped_number_reported() {
    let dir = project();
    let (code, _, stderr) = import(dir.path(), &docx("typed-numbers.docx"), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(codes(&stderr), ["import-numbering"], "{stderr}");
    assert!(
        stderr.contains("” 2.3, but clerk numbers it 2.2"),
        "{stderr}"
    );
    assert!(
        stderr.contains("papers/typed-numbers.md:"),
        "placed in the Markdown: {stderr}"
    );
    let md = std::fs::read_to_string(dir.path().join("papers/typed-numbers.md")).unwrap();
    for line in [
        "agenda_item: \"5.1\"\n",
        "classification: OFFICIAL\n",
        "  - title: Healthcare Partner Survey\n  - title: Custody Estate Map\n",
        "  personnel: Two further nurse posts",
    ] {
        assert!(md.contains(line), "{line} in {md}");
    }
    assert!(!md.contains("2.3"), "numbers are clerk's to give: {md}");
    check_clean(dir.path(), "papers/typed-numbers.md");
}

#[test]
fn footnote_nested_list_table_and_images_import() {
    let dir = project();
    let (code, _, stderr) = import(dir.path(), &docx("rich-body.docx"), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        codes(&stderr),
        ["import-date", "import-image-alt"],
        "{stderr}"
    );
    assert!(
        stderr.contains("taken as day/month (UK): 2 March 2022"),
        "{stderr}"
    );
    let md = std::fs::read_to_string(dir.path().join("papers/rich-body.md")).unwrap();
    for part in [
        "internal audit plan.[^1]",
        "- Complete\n  - Payroll *controls*\n  - **Procurement** cards\n- In progress\n  - Fleet management",
        "| Audit | Opinion |\n| --- | --- |\n| Payroll | Substantial |",
        "![Bar chart of audit opinions by quarter](rich-body-images/image1.png)",
        "![](rich-body-images/image1.png)",
        "[^1]: The plan was approved in March 2021.",
    ] {
        assert!(md.contains(part), "{part} in {md}");
    }
    let png = std::fs::read(dir.path().join("papers/rich-body-images/image1.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["check", "papers/rich-body.md"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(
        codes(&stderr),
        ["image-alt"],
        "only the picture without alt text: {stderr}"
    );
}

#[test]
fn the_council_template_imports_in_the_council_house() {
    let dir = temp_project("council");
    let root = dir.path();
    let (code, _, stderr) = import(root, &docx("council.docx"), &["--to", "papers/word"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(codes(&stderr).is_empty(), "{stderr}");
    let md = std::fs::read_to_string(root.join("papers/word/council.md")).unwrap();
    for line in [
        "meeting: Cabinet\n",
        "date: 2024-06-12\n",
        "wards_affected: Felpersham North; Felpersham South\n",
        "key_decision: \"Yes\"\n",
        "  climate: Higher charges",
        "recommendations: That Cabinet approves the charges in paragraph [](#word-2-1).\n",
    ] {
        assert!(md.contains(line), "{line} in {md}");
    }
    assert!(
        !md.contains("risk"),
        "the default sentence is left to the house: {md}"
    );
    assert!(md.contains("£0.80 elsewhere. {#word-2-1}"), "{md}");
    check_clean(root, "papers/word/council.md");
}

#[test]
fn never_overwrites_without_force_and_dry_run_writes_nothing() {
    let dir = project();
    let root = dir.path();
    let file = docx("numbered-auto.docx");
    let (code, stdout, stderr) = import(root, &file, &["--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("---\nmeeting: Resources Committee\n"),
        "{stdout}"
    );
    assert!(stderr.contains("Would import"), "{stderr}");
    assert!(
        !root.join("papers/numbered-auto.md").exists(),
        "a dry run writes nothing"
    );
    assert_eq!(std::fs::read_dir(root.join("papers")).unwrap().count(), 0);

    assert_eq!(import(root, &file, &[]).0, 0);
    std::fs::write(root.join("papers/numbered-auto.md"), "edited by hand").unwrap();
    let (code, _, stderr) = import(root, &file, &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("error[exists]") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(root.join("papers/numbered-auto.md")).unwrap(),
        "edited by hand"
    );
    let (code, _, stderr) = import(root, &file, &["--force"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        std::fs::read_to_string(root.join("papers/numbered-auto.md"))
            .unwrap()
            .starts_with("---\n")
    );
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        w.start_file(*name, opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn hostile_files_are_refused_with_a_clear_error() {
    let dir = project();
    let root = dir.path();
    let rels: &[u8] = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    // 40 MB of one byte packs to about 40 KB: past both the part limit and the ratio limit.
    let bomb = zip_of(&[
        ("_rels/.rels", rels),
        ("word/document.xml", &vec![b'<'; 40 << 20]),
    ]);
    let huge_xml = format!(
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{}</w:body></w:document>",
        "<w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(1_200_000)
    );
    let huge = zip_of(&[
        ("_rels/.rels", rels),
        ("word/document.xml", huge_xml.as_bytes()),
    ]);
    let laughs = zip_of(&[("_rels/.rels", rels), ("word/document.xml", br#"<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>"#)]);
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("bomb.docx", bomb, "import-too-large", "zip bomb"),
        ("huge.docx", huge, "import-too-large", "MB"),
        (
            "traversal.docx",
            zip_of(&[("../../../tmp/evil", b"x")]),
            "import-unsafe-name",
            "outside the document",
        ),
        ("entities.docx", laughs, "import-damaged", "DTD"),
        (
            "missing.docx",
            zip_of(&[("_rels/.rels", rels)]),
            "import-missing-part",
            "word/document.xml",
        ),
        (
            "renamed-pdf.docx",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec(),
            "import-not-docx",
            "a PDF",
        ),
        (
            "renamed-doc.docx",
            vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
            "import-not-docx",
            ".doc",
        ),
    ];
    for (name, bytes, code, words) in cases {
        let path = root.join(name);
        std::fs::write(&path, bytes).unwrap();
        let (exit, _, stderr) = import(root, &path, &[]);
        assert_eq!(exit, 1, "{name}: {stderr}");
        assert!(
            stderr.contains(&format!("error[{code}]")),
            "{name}: {stderr}"
        );
        assert!(stderr.contains(words), "{name}: {stderr}");
        assert!(stderr.contains("help:"), "{name}: {stderr}");
    }
    assert_eq!(
        std::fs::read_dir(root.join("papers")).unwrap().count(),
        0,
        "nothing written"
    );
}

/// A document with no header table and no Recommendations section: each placeholder the
/// import writes is said once, by the import (not again by the check), and the missing
/// recommendations once, as the section Word lacks.
#[test]
fn what_the_import_says_of_a_placeholder_the_check_does_not_say_again() {
    let dir = project();
    let root = dir.path();
    let rels: &[u8] = br#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let document: &[u8] = br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Purpose</w:t></w:r></w:p><w:p><w:r><w:t>Members are asked to note progress.</w:t></w:r></w:p></w:body></w:document>"#;
    let path = root.join("no-table.docx");
    std::fs::write(
        &path,
        zip_of(&[("_rels/.rels", rels), ("word/document.xml", document)]),
    )
    .unwrap();
    let (_, _, stderr) = import(root, &path, &["--dry-run"]);
    let codes = codes(&stderr);
    let count = |c: &str| codes.iter().filter(|x| *x == c).count();
    assert!(count("import-placeholder") >= 3, "{stderr}");
    assert_eq!(count("import-no-recommendations"), 1, "{stderr}");
    for twice in [
        "unfilled-placeholder",
        "unusual-recommendation",
        "missing-key",
    ] {
        assert_eq!(count(twice), 0, "{twice}: {stderr}");
    }
    // The placeholder date still fails the paper: said by the check, an error.
    assert_eq!(count("bad-date"), 1, "{stderr}");
}

/// Paragraphs numbered three levels deep (`1.1.1`) become a numbered list under their
/// paragraph, so the paragraphs after keep the numbers the document gave them (`1.2` stays
/// `1.2`), and a citation of one says where it went.
#[test]
fn paragraphs_numbered_three_deep_become_a_list_under_their_paragraph() {
    let dir = project();
    let root = dir.path();
    let (code, _, stderr) = import(root, &docx("deep-numbers.docx"), &[]);
    assert_eq!(code, 0, "{stderr}");
    let codes = codes(&stderr);
    assert!(
        codes.contains(&"import-sub-paragraphs".to_string()),
        "{stderr}"
    );
    assert!(!codes.contains(&"import-numbering".to_string()), "{stderr}");
    assert!(
        stderr
            .contains("cites paragraph 1.1.2, which is now item 2 of the list under paragraph 1.1"),
        "{stderr}"
    );
    let paper = std::fs::read_to_string(root.join("papers/deep-numbers.md")).unwrap();
    assert!(
        paper.contains(
            "The plan has three parts:\n\n1. electric cars for the town centre;\n2. hybrid vans, as paragraph [](#word-1-2) explains;\n3. diesel lorries until 2030.\n\nThe vans of paragraph 1.1.2"
        ),
        "{paper}"
    );
    check_clean(root, "papers/deep-numbers.md");
    // Built, the paragraph after the list is 1.2, as in the Word document.
    let (code, stdout, stderr) = parts(&clerk(root, &["build", "--format", "html"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let html = std::fs::read_to_string(root.join("out/deep-numbers.html")).unwrap();
    let text = crate::common::html_text(&html);
    assert!(text.contains("1.2 The vans of paragraph 1.1.2"), "{text}");
}

/// Annexes headed `ANNEX A` alone, their titles on the line under (a plain line, and a
/// heading of its own), are titled by that line, which is not left in the appendix's text.
#[test]
fn an_annex_titled_on_the_line_under_its_heading_keeps_its_title() {
    let dir = project();
    let root = dir.path();
    let (code, _, stderr) = import(root, &docx("annexes.docx"), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        !codes(&stderr).contains(&"import-appendix-title".to_string()),
        "{stderr}"
    );
    let paper = std::fs::read_to_string(root.join("papers/annexes.md")).unwrap();
    assert!(
        paper.contains("appendices:\n  - title: Terms of Reference\n    file: _annexes-appendix-a.md\n  - title: Glossary\n    file: _annexes-appendix-b.md\n"),
        "{paper}"
    );
    let a = std::fs::read_to_string(root.join("papers/_annexes-appendix-a.md")).unwrap();
    assert_eq!(
        a,
        "The review shall consider every building of the estate.\n"
    );
    let b = std::fs::read_to_string(root.join("papers/_annexes-appendix-b.md")).unwrap();
    assert_eq!(b, "RAAC: reinforced autoclaved aerated concrete.\n");
    check_clean(root, "papers/annexes.md");
}

/// Appendices written after the recommendations are imported as appendix files beside the
/// paper, which checks clean and builds with them after it; an appendix file already there
/// is not overwritten without --force.
#[test]
fn appendices_written_in_the_document_import_as_files_of_their_own() {
    let dir = project();
    let root = dir.path();
    let file = docx("appendices.docx");
    let (code, _, stderr) = import(root, &file, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        codes(&stderr).contains(&"import-appendix".to_string()),
        "{stderr}"
    );
    assert!(
        !codes(&stderr).contains(&"import-order".to_string()),
        "{stderr}"
    );
    let paper = std::fs::read_to_string(root.join("papers/appendices.md")).unwrap();
    assert!(
        paper.contains("appendices:\n  - title: Condition Survey\n    file: _appendices-appendix-a.md\n  - title: Glossary\n    file: _appendices-appendix-b.md\n"),
        "{paper}"
    );
    assert!(!paper.contains("Surveyors"), "{paper}");
    let a = std::fs::read_to_string(root.join("papers/_appendices-appendix-a.md")).unwrap();
    assert!(
        a.starts_with("Every building was surveyed in 2021.\n\n## Method\n\nSurveyors walked"),
        "{a}"
    );
    check_clean(root, "papers/appendices.md");
    let (code, stdout, stderr) = parts(&clerk(root, &["build", "--format", "html"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let html = std::fs::read_to_string(root.join("out/appendices.html")).unwrap();
    let (glossary, survey) = (html.find("RAAC").unwrap(), html.find("Surveyors").unwrap());
    assert!(survey < glossary, "the appendices in order");
    // An appendix file of the name already there stops the import, as the paper does.
    std::fs::remove_file(root.join("papers/appendices.md")).unwrap();
    let (code, _, stderr) = import(root, &file, &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("_appendices-appendix-a.md"), "{stderr}");
}

/// A folder of Word papers is imported in one command, its sub-folders kept: Word's lock
/// files are passed over, files clerk cannot read are named, two documents that would be
/// the same paper are not both imported, and a summary counts them.
#[test]
fn a_folder_of_word_papers_imports_in_one_command() {
    let dir = project();
    let root = dir.path();
    let word = root.join("Committee papers");
    std::fs::create_dir_all(word.join("2021")).unwrap();
    std::fs::copy(docx("numbered-auto.docx"), word.join("Estates Update.docx")).unwrap();
    std::fs::copy(docx("appendices.docx"), word.join("2021/Condition.docx")).unwrap();
    std::fs::copy(docx("appendices.docx"), word.join("2021/condition.DOCX")).unwrap();
    std::fs::write(word.join("~$tates Update.docx"), "Word's lock file").unwrap();
    std::fs::write(word.join("2021/Old minutes.doc"), b"\xd0\xcf\x11\xe0").unwrap();
    let (code, _, stderr) = import(root, &word, &[]);
    assert_eq!(code, 2, "one document not imported: {stderr}");
    for made in [
        "papers/estates-update.md",
        "papers/2021/condition.md",
        "papers/2021/_condition-appendix-a.md",
    ] {
        assert!(root.join(made).is_file(), "{made}: {stderr}");
    }
    assert!(!root.join("papers/tates-update.md").exists(), "{stderr}");
    let codes = codes(&stderr);
    for code in ["import-not-docx", "import-same-name"] {
        assert!(codes.contains(&code.to_string()), "{stderr}");
    }
    assert!(stderr.contains("Old minutes.doc"), "{stderr}");
    assert!(
        stderr.contains("would be written as papers/2021/condition.md"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Imported 2 of 3 Word documents into papers: 2 without errors, 0 with errors; 1 not imported."),
        "{stderr}"
    );
    // What came in builds.
    let (code, stdout, stderr) = parts(&clerk(root, &["check"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    // Word's lock file given by name is said to be one.
    let (code, _, stderr) = import(root, &word.join("~$tates Update.docx"), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("error[import-lock-file]"), "{stderr}");
}

/// `--force` replaces what an earlier import of the paper wrote, leaving nothing of it that
/// this one does not write (an appendix since dropped); `--dry-run` shows the appendix files
/// too, and says what the import itself would refuse.
#[test]
fn force_replaces_an_earlier_import_whole_and_dry_run_shows_everything() {
    let dir = project();
    let root = dir.path();
    let file = docx("appendices.docx");
    assert_eq!(import(root, &file, &[]).0, 0);
    // As an earlier version of the document, with a third appendix, would have left.
    let stale = root.join("papers/_appendices-appendix-c.md");
    std::fs::write(&stale, "An appendix since dropped.\n").unwrap();
    let (code, stdout, stderr) = import(root, &file, &["--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("==> appendices.md <==\n---\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n==> _appendices-appendix-b.md <==\nRAAC"),
        "{stdout}"
    );
    assert!(
        stderr.contains("warning[exists]") && stderr.contains("would stop here"),
        "{stderr}"
    );
    let (code, _, stderr) = import(root, &file, &["--force"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stale.exists(), "the dropped appendix is not left behind");
    assert!(root.join("papers/_appendices-appendix-b.md").is_file());
}

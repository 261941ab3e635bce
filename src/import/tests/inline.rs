//! Inline content Word has and Markdown lacks: superscript and subscript, field links,
//! underlines and links to files.

use super::{CLOSE, bold, codes, header, p, run};

#[test]
fn superscript_and_subscript_are_kept_as_text_and_said_once() {
    let raised = |text: &str, how: &str| {
        format!(r#"<w:r><w:rPr><w:vertAlign w:val="{how}"/></w:rPr><w:t>{text}</w:t></w:r>"#)
    };
    let para = format!(
        r#"<w:p><w:r><w:t>The 1</w:t></w:r>{}<w:r><w:t xml:space="preserve"> meeting on CO</w:t></w:r>{}<w:r><w:t>.</w:t></w:r></w:p>"#,
        raised("st", "superscript"),
        raised("2", "subscript"),
    );
    let body = format!("{}{}{para}{CLOSE}", header(), bold("BACKGROUND"));
    let out = run(&body, &[]);
    assert!(
        out.markdown.contains("The 1st meeting on CO2."),
        "{}",
        out.markdown
    );
    let notes: Vec<_> = out
        .notes
        .iter()
        .filter(|n| n.code == "import-superscript")
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", out.notes);
    assert!(
        notes[0].message.contains("2 pieces of text") && notes[0].message.contains("“st”"),
        "{}",
        notes[0].message
    );
    // Text in its usual place has no such note.
    let plain = run(&format!("{}{}{CLOSE}", header(), bold("BACKGROUND")), &[]);
    assert!(!codes(&plain).contains(&"import-superscript"));
}

#[test]
fn hyperlink_fields_become_links_and_other_fields_keep_their_text() {
    let field = |instr: &str, shown: &str| {
        format!(
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
        )
    };
    let para = format!(
        r#"<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r>{}<w:r><w:t xml:space="preserve">, page </w:t></w:r>{}<w:r><w:t xml:space="preserve">, </w:t></w:r>{}<w:r><w:t xml:space="preserve"> and </w:t></w:r><w:fldSimple w:instr=" HYPERLINK &quot;mailto:clerk@example.org&quot; "><w:r><w:t>the clerk</w:t></w:r></w:fldSimple><w:r><w:t>.</w:t></w:r></w:p>"#,
        field(
            r#"HYPERLINK "https://www.spa.police.uk/""#,
            "the SPA website"
        ),
        field("PAGE", "3"),
        field(r#"HYPERLINK \l "_Toc1""#, "the annex"),
    );
    let body = format!("{}{}{para}{CLOSE}", header(), bold("BACKGROUND"));
    let out = run(&body, &[]);
    assert!(
        out.markdown.contains(
            "See [the SPA website](https://www.spa.police.uk/), page 3, the annex and [the clerk](mailto:clerk@example.org)."
        ),
        "{}",
        out.markdown
    );
}

/// Underlined text (a link's excepted) is kept plain and said once; a link to a file on a
/// computer or shared drive is kept as its text, and said, as a web address is not.
#[test]
fn underlines_and_links_to_files_are_said() {
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="file:///S:/Committees/figures.xlsx" TargetMode="External"/><Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/report" TargetMode="External"/></Relationships>"#;
    let u = r#"<w:rPr><w:u w:val="single"/></w:rPr>"#;
    let para = format!(
        r#"<w:p><w:r>{u}<w:t>Key</w:t></w:r><w:r><w:t xml:space="preserve"> findings in </w:t></w:r><w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r>{u}<w:t>the figures</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> and </w:t></w:r><w:hyperlink r:id="rId10" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r>{u}<w:t>the report</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>"#
    );
    let body = format!("{}{}{para}{CLOSE}", header(), bold("BACKGROUND"));
    let out = run(&body, &[("word/_rels/document.xml.rels", rels.as_bytes())]);
    assert!(
        out.markdown
            .contains("Key findings in the figures and [the report](https://example.org/report)."),
        "{}",
        out.markdown
    );
    let said = |code: &str| -> Vec<&str> {
        out.notes
            .iter()
            .filter(|n| n.code == code)
            .map(|n| n.message.as_str())
            .collect()
    };
    let underline = said("import-underline");
    assert_eq!(underline.len(), 1, "{:?}", out.notes);
    assert!(
        underline[0].contains("a piece of text (the first, “Key”"),
        "{underline:?}"
    );
    let link = said("import-link");
    assert_eq!(link.len(), 1, "{:?}", out.notes);
    assert!(
        link[0].contains("`file:///S:/Committees/figures.xlsx`"),
        "{link:?}"
    );
}

/// A line break (Shift+Enter) within a paragraph stays one; one at its end, as Word leaves
/// before a page break, breaks nothing, and a page or column break is no line break. A line
/// after a break that starts like a list item or a heading stays words.
#[test]
fn line_breaks_keep_their_lines_as_words_and_none_is_left_at_an_end() {
    let br = |kind: &str| format!(r#"<w:r><w:br{kind}/></w:r>"#);
    let t = |text: &str| format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#);
    let paras = [
        format!("<w:p>{}{}</w:p>", t("The plan is now agreed."), br("")),
        format!(
            "<w:p>{}{}{}{}{}</w:p>",
            t("Members asked:"),
            br(""),
            t("- what it costs"),
            br(""),
            t("# and when")
        ),
        format!(
            "<w:p>{}{}{}</w:p>",
            t("Before the page"),
            br(r#" w:type="page""#),
            t("and after.")
        ),
        format!("<w:p>{}{}{}{}</w:p>", t("One"), br(""), br(""), t("1. Two")),
    ]
    .concat();
    let body = format!("{}{}{paras}{CLOSE}", header(), bold("BACKGROUND"));
    let md = run(&body, &[]).markdown;
    assert!(md.contains("The plan is now agreed.\n\n"), "{md}");
    assert!(!md.contains("agreed.\\"), "{md}");
    assert!(
        md.contains("Members asked:\\\n\\- what it costs\\\n\\# and when\n"),
        "{md}"
    );
    assert!(md.contains("Before the page and after."), "{md}");
    assert!(md.contains("One\\\n1\\. Two\n"), "{md}");
}

/// A note about a paragraph points at its line in the paper (its first words), so that the
/// secretary is sent to the place, not only to the file.
#[test]
fn notes_about_a_paragraph_point_at_its_line() {
    let underlined = r#"<w:p><w:r><w:t xml:space="preserve">The plan for the new stations was </w:t></w:r><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>agreed</w:t></w:r><w:r><w:t xml:space="preserve"> in May.</w:t></w:r></w:p>"#;
    let raised = r#"<w:p><w:r><w:t xml:space="preserve">Emissions of CO</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="subscript"/></w:rPr><w:t>2</w:t></w:r><w:r><w:t xml:space="preserve"> fell by a tenth.</w:t></w:r></w:p>"#;
    let body = format!(
        "{}{}{}{underlined}{raised}{CLOSE}",
        header(),
        bold("BACKGROUND"),
        p("First.")
    );
    let out = run(&body, &[]);
    let line_of = |code: &str| {
        let note = out.notes.iter().find(|n| n.code == code).unwrap();
        let d = note.to_diagnostic(std::path::Path::new("papers/t.md"), &out.markdown);
        let at = d
            .span
            .unwrap_or_else(|| panic!("{code} has no place"))
            .start;
        let start = out.markdown[..at].rfind('\n').map_or(0, |i| i + 1);
        out.markdown[start..].lines().next().unwrap().to_string()
    };
    assert!(line_of("import-underline").starts_with("The plan for the new stations"));
    assert!(line_of("import-superscript").starts_with("Emissions of CO2"));
}

/// A note about a paragraph that Word numbered by typing (`2.1 Text`) points at its words,
/// which is all the paper keeps of it.
#[test]
fn a_note_about_a_numbered_paragraph_points_past_its_number() {
    let underlined = r#"<w:p><w:r><w:t xml:space="preserve">1.1 The new stations were </w:t></w:r><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>agreed</w:t></w:r><w:r><w:t xml:space="preserve"> in May.</w:t></w:r></w:p>"#;
    let body = format!("{}{}{underlined}{CLOSE}", header(), bold("1. BACKGROUND"));
    let out = run(&body, &[]);
    let note = out
        .notes
        .iter()
        .find(|n| n.code == "import-underline")
        .unwrap();
    let d = note.to_diagnostic(std::path::Path::new("papers/t.md"), &out.markdown);
    let at = d.span.expect("a place").start;
    assert!(
        out.markdown[at..].starts_with("The new stations were"),
        "{}",
        &out.markdown[at..]
    );
}

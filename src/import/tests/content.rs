//! Lists, emphasis, links, tables, footnotes, pictures, text boxes, tracked changes; the rarer
//! of Word's ways are in `word_ways`.

use super::*;

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

/// Endnotes are kept as footnotes, numbered with them in order of use, with a note saying
/// so: before, their text was left out.
#[test]
fn endnotes_become_footnotes() {
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let foot = format!(
        r#"<w:footnotes {w}><w:footnote w:id="3"><w:p><w:r><w:t>A footnote.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let end = format!(
        r#"<w:endnotes {w}><w:endnote w:type="separator" w:id="-1"><w:p/></w:endnote><w:endnote w:id="3"><w:p><w:r><w:t>The endnote's source.</w:t></w:r></w:p></w:endnote></w:endnotes>"#
    );
    let para = r#"<w:p><w:r><w:t>1.1 Claim.</w:t></w:r><w:r><w:endnoteReference w:id="3"/></w:r><w:r><w:t> More.</w:t></w:r><w:r><w:footnoteReference w:id="3"/></w:r></w:p>"#;
    let body = format!("{}{}{para}{CLOSE}", header(), bold("1. BACKGROUND"));
    let parts = [
        ("word/footnotes.xml", foot.as_bytes()),
        ("word/endnotes.xml", end.as_bytes()),
    ];
    let out = run(&body, &parts);
    assert!(
        out.markdown.contains("Claim.[^1] More.[^2]"),
        "{}",
        out.markdown
    );
    assert!(
        out.markdown.contains("\n[^1]: The endnote's source.\n")
            && out.markdown.contains("\n[^2]: A footnote.\n"),
        "{}",
        out.markdown
    );
    assert!(
        codes(&out).contains(&"import-endnotes"),
        "{:?}",
        codes(&out)
    );
    assert!(
        !codes(&out).contains(&"import-not-mapped"),
        "{:?}",
        codes(&out)
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

/// A table row deleted with track changes on is left out, as its text is, not kept as an
/// empty row; it counts as a tracked change.
#[test]
fn a_table_row_deleted_with_track_changes_is_left_out() {
    let row = |cells: &[&str], deleted: bool| {
        let props = if deleted {
            r#"<w:trPr><w:del w:id="9" w:author="A"/></w:trPr>"#
        } else {
            ""
        };
        let cells: String = cells
            .iter()
            .map(|c| {
                let run = if deleted {
                    format!("<w:del w:id=\"8\" w:author=\"A\"><w:r><w:delText>{c}</w:delText></w:r></w:del>")
                } else {
                    format!("<w:r><w:t>{c}</w:t></w:r>")
                };
                format!("<w:tc><w:p>{run}</w:p></w:tc>")
            })
            .collect();
        format!("<w:tr>{props}{cells}</w:tr>")
    };
    let table = format!(
        "<w:tbl>{}{}{}</w:tbl>",
        row(&["Station", "Built"], false),
        row(&["Lerwick", "1958"], true),
        row(&["Portree", "1964"], false)
    );
    let body = format!("{}{}{table}{CLOSE}", header(), bold("BACKGROUND"));
    let out = run(&body, &[]);
    assert!(
        out.markdown
            .contains("| Station | Built |\n| --- | --- |\n| Portree | 1964 |\n"),
        "{}",
        out.markdown
    );
    assert!(codes(&out).contains(&"import-tracked-changes"));
}

/// A reference to a footnote the file does not hold is left out with a warning, not
/// written as `[^1]`, which the paper would refuse as an unknown footnote.
#[test]
fn a_reference_to_a_footnote_the_file_lacks_is_left_out() {
    let para = r#"<w:p><w:r><w:t>The figures are provisional.</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r></w:p>"#;
    let body = format!("{}{}{para}{CLOSE}", header(), bold("BACKGROUND"));
    let out = run(&body, &[]);
    assert!(
        out.markdown.contains("The figures are provisional.\n"),
        "{}",
        out.markdown
    );
    assert!(!out.markdown.contains("[^"), "{}", out.markdown);
    let said = said(&out, "import-missing-part");
    assert_eq!(said.len(), 1, "{:?}", out.notes);
    assert!(
        said[0].contains("“The figures are provisional.”"),
        "{said:?}"
    );
}

/// Word's own `List Bullet 2` nests by its style: a list of its own set further in, not a
/// level of the `List Bullet` list. Its items are one level in under the item above.
#[test]
fn list_bullet_2_items_nest_under_the_item_above() {
    let styles = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="ListBullet2"><w:name w:val="List Bullet 2"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style></w:styles>"#;
    let numbering = NUMBERING.replace(
        "</w:numbering>",
        r#"<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num></w:numbering>"#,
    );
    let styled = |s: &str, t: &str| {
        format!(r#"<w:p><w:pPr><w:pStyle w:val="{s}"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#)
    };
    let body = format!(
        "{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("BACKGROUND"),
        p("Shifts were reviewed:"),
        styled("ListBullet", "Day shifts"),
        styled("ListBullet2", "Night shifts especially"),
        styled("ListBullet", "Weekend shifts"),
    );
    let out = run(
        &body,
        &[
            ("word/styles.xml", styles.as_bytes()),
            ("word/numbering.xml", numbering.as_bytes()),
        ],
    );
    assert!(
        out.markdown
            .contains("- Day shifts\n  - Night shifts especially\n- Weekend shifts"),
        "{}",
        out.markdown
    );
}

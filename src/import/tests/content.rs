//! Lists, emphasis, links, tables, footnotes, pictures, text boxes, tracked changes, symbols.

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
            .contains("the table that starts with the paragraph “Stations” has merged cells"),
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
        out.notes.iter().any(|n| n.code == "import-not-mapped"
            && n.message.contains("F021")
            && n.message
                .contains("in the paragraph “1.1 Scores ≥ 4, budget")),
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

/// Word's "Restart numbering" (a list of its own that shares another's definition, with a
/// start override, or with the level given anew with its own start) counts from its start;
/// a list that shares the definition without one continues the count, as Word shows it.
#[test]
fn a_list_restarted_in_word_counts_afresh() {
    let numbering = NUMBERING.replace(
        "<w:num w:numId=\"1\">",
        r#"<w:num w:numId="5"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num><w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:lvlOverride></w:num><w:num w:numId="1">"#,
    );
    let body = format!(
        "{}{}{}{}{}{}{}{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 First:"),
        numbered(6, 0, "alpha", false),
        numbered(6, 0, "beta", false),
        p("1.2 Restarted:"),
        numbered(5, 0, "gamma", false),
        numbered(5, 0, "delta", false),
        p("1.3 Continued:"),
        numbered(6, 0, "epsilon", false),
        p("1.4 Restarted by a level of its own:"),
        numbered(7, 0, "zeta", false),
        numbered(7, 0, "eta", false),
    );
    let out = run(&body, &[("word/numbering.xml", numbering.as_bytes())]);
    let md = &out.markdown;
    for list in [
        "1. alpha\n2. beta",
        "1. gamma\n2. delta",
        "3. epsilon",
        "1. zeta\n2. eta",
    ] {
        assert!(md.contains(list), "{list}:\n{md}");
    }
}

/// A footnote of an implication or of the recommendations is defined in that value of the
/// front matter, where its reference is; the body's stay at the body's end.
#[test]
fn a_footnote_of_a_front_matter_value_is_defined_there() {
    let notes = r#"<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="7"><w:p><w:r><w:t>Body note.</w:t></w:r></w:p></w:footnote><w:footnote w:id="8"><w:p><w:r><w:t>Cost note.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
    let cited = |text: &str, id: u8| {
        format!(
            r#"<w:p><w:r><w:t>{text}</w:t></w:r><w:r><w:footnoteReference w:id="{id}"/></w:r></w:p>"#
        )
    };
    let body = format!(
        "{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        cited("1.1 Claim.", 7),
        bold("2. FINANCIAL IMPLICATIONS"),
        cited("The cost is £1m.", 8),
    );
    let out = run(&body, &[("word/footnotes.xml", notes.as_bytes())]);
    let md = &out.markdown;
    assert!(
        md.contains("  financial: |\n    The cost is £1m.[^2]\n\n    [^2]: Cost note.\n"),
        "{md}"
    );
    assert!(md.ends_with("Claim.[^1]\n\n[^1]: Body note.\n"), "{md}");
    assert!(out.notes.is_empty(), "{:?}", out.notes);
}

/// Text Word wraps for direction is kept; an equation is kept as its text, and said; a part
/// embedded in another format is said to be left out. Nothing goes without a word.
#[test]
fn directional_text_and_equations_are_kept_and_embedded_parts_said() {
    const M: &str = "http://schemas.openxmlformats.org/officeDocument/2006/math";
    let body = format!(
        r#"{}{}<w:p><w:r><w:t xml:space="preserve">Bidi: </w:t></w:r><w:bdo w:val="rtl"><w:r><w:t>سلام</w:t></w:r></w:bdo><w:dir w:val="rtl"><w:r><w:t xml:space="preserve"> عليكم</w:t></w:r></w:dir><w:r><w:t xml:space="preserve"> end.</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">The rate is </w:t></w:r><m:oMath xmlns:m="{M}"><m:r><m:t>x=a/b</m:t></m:r></m:oMath><w:r><w:t xml:space="preserve"> a year.</w:t></w:r></w:p><w:altChunk r:id="rId99" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>{CLOSE}"#,
        header(),
        bold("1. BACKGROUND"),
    );
    let out = run(&body, &[]);
    let md = &out.markdown;
    assert!(md.contains("Bidi: سلام عليكم end."), "{md}");
    assert!(md.contains("The rate is x=a/b a year."), "{md}");
    let said = |code: &str| {
        out.notes
            .iter()
            .find(|n| n.code == code)
            .unwrap_or_else(|| panic!("{code}: {:?}", out.notes))
            .message
            .clone()
    };
    assert!(said("import-equation").contains("“x=a/b”"));
    assert!(said("import-not-mapped").starts_with("a part embedded in another format"));
}

/// A table of contents (Word's building block, or lines in its `TOC` styles) is left out,
/// said once: it would be a numbered section of its own, moving every number after it.
#[test]
fn a_table_of_contents_is_left_out_and_said() {
    let toc = r#"<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t>Contents</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:t>1. Background 2</w:t></w:r></w:p></w:sdtContent></w:sdt>"#;
    let loose = r#"<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:t>1. Background 2</w:t></w:r></w:p>"#;
    for contents in [toc, loose] {
        let body = format!(
            "{}{contents}{}{}{CLOSE}",
            header(),
            bold("1. BACKGROUND"),
            p("1.1 First."),
        );
        let out = run(&body, &[]);
        assert!(
            out.markdown.contains("---\n\n# Background\n\nFirst."),
            "{}",
            out.markdown
        );
        assert_eq!(codes(&out), ["import-not-mapped"], "{:?}", out.notes);
        assert!(out.notes[0].message.starts_with("a table of contents"));
    }
}

/// Bullets and letters typed by hand, as many papers have them, are list items as Word's
/// own would be, not numbered paragraphs of their own; the letters are said as Word's are.
#[test]
fn typed_bullets_and_letters_are_list_items() {
    let body = format!(
        "{}{}{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 The options:"),
        p("•\tRepair the roof."),
        p("-\tSell the site."),
        p("1.2 The steps:"),
        p("(a)\tSurvey."),
        p("(b)\tTender."),
    );
    let out = run(&body, &[]);
    let md = &out.markdown;
    assert!(
        md.contains("The options:\n\n- Repair the roof.\n- Sell the site.\n\nThe steps:\n\n1. Survey.\n2. Tender."),
        "{md}"
    );
    assert_eq!(codes(&out), ["import-list-letters"], "{:?}", out.notes);
    assert!(!codes(&out).contains(&"import-numbering"));
}

/// Text set in Word's "All caps" is in capitals, as Word shows it.
#[test]
fn text_set_in_all_caps_is_in_capitals() {
    let body = format!(
        r#"{}{}<w:p><w:r><w:t xml:space="preserve">1.1 The </w:t></w:r><w:r><w:rPr><w:caps/></w:rPr><w:t>board</w:t></w:r><w:r><w:t xml:space="preserve"> agreed.</w:t></w:r></w:p>{CLOSE}"#,
        header(),
        bold("1. BACKGROUND"),
    );
    let out = run(&body, &[]);
    assert!(
        out.markdown.contains("The BOARD agreed."),
        "{}",
        out.markdown
    );
}

/// A note on a heading or in a header-table cell, where a paper has no notes, is said to be
/// left out, with its words; the endnote note counts only the endnotes kept.
#[test]
fn a_note_on_a_heading_or_in_the_header_is_said_to_be_left_out() {
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let foot = format!(
        r#"<w:footnotes {w}><w:footnote w:id="1"><w:p><w:r><w:t>On the heading.</w:t></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>In the header.</w:t></w:r></w:p></w:footnote><w:footnote w:id="3"><w:p><w:r><w:t>In the text.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let end = format!(
        r#"<w:endnotes {w}><w:endnote w:id="1"><w:p><w:r><w:t>Endnote on a heading.</w:t></w:r></w:p></w:endnote></w:endnotes>"#
    );
    let note = |id: &str, kind: &str| format!(r#"<w:r><w:{kind}Reference w:id="{id}"/></w:r>"#);
    // The header table, its title cell carrying a footnote.
    let head = table(&[
        ("Meeting", "Resources Committee"),
        ("Date", "1 September 2021"),
        ("Title of Paper", "Estates"),
        ("Presented By", "A Person, Director"),
        ("Recommendation to Members", "For Noting"),
    ])
    .replacen(
        "Estates</w:t></w:r></w:p>",
        &format!("Estates</w:t></w:r>{}</w:p>", note("2", "footnote")),
        1,
    );
    assert!(head.contains("footnoteReference"), "{head}");
    let heading = format!(
        r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>1. BACKGROUND</w:t></w:r>{}{}</w:p>"#,
        note("1", "footnote"),
        note("1", "endnote")
    );
    let para = format!(
        r#"<w:p><w:r><w:t>1.1 Claim.</w:t></w:r>{}</w:p>"#,
        note("3", "footnote")
    );
    let body = format!("{head}{heading}{para}{CLOSE}");
    let parts = [
        ("word/footnotes.xml", foot.as_bytes()),
        ("word/endnotes.xml", end.as_bytes()),
    ];
    let out = run(&body, &parts);
    assert!(out.markdown.contains("Claim.[^1]"), "{}", out.markdown);
    let lost: Vec<&str> = out
        .notes
        .iter()
        .filter(|n| n.code == "import-note-lost")
        .map(|n| n.message.as_str())
        .collect();
    assert_eq!(lost.len(), 3, "{lost:?}");
    assert!(
        lost.iter()
            .any(|m| m.contains("footnote “On the heading.”")),
        "{lost:?}"
    );
    assert!(
        lost.iter().any(|m| m.contains("footnote “In the header.”")),
        "{lost:?}"
    );
    assert!(
        lost.iter()
            .any(|m| m.contains("endnote “Endnote on a heading.”")),
        "{lost:?}"
    );
    assert!(
        !codes(&out).contains(&"import-endnotes"),
        "{:?}",
        codes(&out)
    );
}

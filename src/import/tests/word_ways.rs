//! What Word does that a paper does not: merged cells, symbols, restarted lists, notes in
//! the front matter, equations, tables of contents, typed bullets, all caps, notes on headings.

use super::*;

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
    let lost = said(&out, "import-note-lost");
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

/// A header table whose first row is one cell merged across it (the committee, or a
/// marking) is still the header: no note about merged cells (its cells make no Markdown
/// table), the marking read, and another such line said to be left out as a line.
#[test]
fn a_merged_row_atop_the_header_table_is_a_line_of_it() {
    let merged = |text: &str| {
        format!(
            r#"<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>{}</w:tc></w:tr>"#,
            p(text)
        )
    };
    let rows: String = [
        ("Meeting", "Resources Committee"),
        ("Date", "1 September 2021"),
        ("Title of Paper", "Estates"),
        ("Presented By", "A Person, Director"),
        ("Recommendation to Members", "For Noting"),
    ]
    .iter()
    .map(|(a, b)| format!("<w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>", p(a), p(b)))
    .collect();
    let body = format!(
        "<w:tbl>{}{}{rows}</w:tbl>{}{}{CLOSE}",
        merged("OFFICIAL"),
        merged("Estates and Facilities Board"),
        bold("PURPOSE"),
        p("Text.")
    );
    let out = run(&body, &[]);
    let found = codes(&out);
    assert!(!found.contains(&"import-merged-cells"), "{:?}", out.notes);
    assert!(!found.contains(&"import-unknown-row"), "{:?}", out.notes);
    assert!(
        out.markdown.contains("classification: OFFICIAL\n"),
        "{}",
        out.markdown
    );
    assert!(
        out.markdown.contains("meeting: Resources Committee\n"),
        "{}",
        out.markdown
    );
    let left = said(&out, "import-not-mapped");
    assert!(
        left.iter()
            .any(|m| m.contains("the line “Estates and Facilities Board” in the header table")),
        "{left:?}"
    );
}

/// One `Implications` section with a sub-heading for each (`Financial`, `Legal`), as some
/// templates write them: each sub-heading's text is that implication's, in the metadata,
/// so the paper does not also print the house's "no implications" sentence beside it.
#[test]
fn an_implications_section_with_sub_headings_gives_each_implication() {
    let body = format!(
        "{}{}{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 Text."),
        bold("2. IMPLICATIONS"),
        bold("Financial"),
        p("2.1 The sale would release £2.3m."),
        bold("Legal Implications"),
        p("2.2 The lease needs the landlord's consent."),
    );
    let out = run(&body, &[]);
    let md = &out.markdown;
    assert!(
        md.contains("implications:\n  financial: The sale would release £2.3m.\n  legal: The lease needs the landlord's consent.\n"),
        "{md}"
    );
    assert!(!md.contains("# Implications"), "{md}");
    assert!(!md.contains("## Financial"), "{md}");
    assert_eq!(codes(&out), Vec::<&str>::new(), "{:?}", out.notes);
    // A sub-heading that names no implication leaves the section as it is.
    let body = format!(
        "{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. IMPLICATIONS"),
        bold("Financial"),
        p("1.1 £2.3m."),
        bold("Next steps"),
        p("1.2 Report back."),
    );
    let out = run(&body, &[]);
    assert!(out.markdown.contains("# Implications"), "{}", out.markdown);
}

//! Headings, sections, paragraph numbers, implications, recommendations and citations;
//! appendices in `appendix_files`.

use super::*;
use crate::diag::Severity;

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
        "{}{}{}{}{}{}{}{}{}{}{}{}{CLOSE}",
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
        p("3.1 Text."),
        bold("4. PLAN FOR A NEW OPTION A"),
    );
    let out = run(&body, &[("word/numbering.xml", NUMBERING.as_bytes())]);
    let md = &out.markdown;
    // A letter after a word it labels stays a capital; the article is in lower case.
    assert!(md.contains("# Plan for a New Option A"), "{md}");
    assert!(!md.contains("# ANPR") && !md.contains("# Anpr"), "{md}");
    assert!(!md.contains("# CCTV\n") && !md.contains("# Cctv"), "{md}");
    assert!(md.contains("- ANPR"), "{md}");
    assert!(!md.contains("## The systems"), "{md}");
    assert!(md.contains("# HMICS and the Data Review"), "{md}");
    assert!(md.contains("# CCTV Plan"), "{md}");
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

/// The seed paper as Word numbers it: section headings on the list's first level, one in
/// capitals and one in bold title case, paragraphs on its second. Both are sections.
#[test]
fn a_heading_numbered_as_a_section_is_one_whatever_its_case() {
    let body = format!(
        "{}{}{}{}{}{CLOSE}",
        header(),
        numbered(1, 0, "BACKGROUND", true),
        numbered(1, 1, "First.", false),
        numbered(1, 0, "Further Detail on the Report", true),
        numbered(1, 1, "Second.", false),
    );
    let out = run(&body, &[("word/numbering.xml", NUMBERING.as_bytes())]);
    assert!(
        out.markdown
            .contains("# Background\n\nFirst.\n\n# Further Detail on the Report\n\nSecond."),
        "{}",
        out.markdown
    );
    assert!(out.notes.is_empty(), "{:?}", out.notes);
}

/// Where bold lines are the only headings, they are the sections; where headings in
/// capitals are the sections, a bold line under one is a sub-heading; and a heading that
/// closes as an implication's is a section either way.
#[test]
fn bold_lines_are_sections_when_nothing_else_is() {
    let body = format!(
        "{}{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("Purpose"),
        p("Why."),
        bold("Background"),
        p("What."),
        bold("Next Steps"),
        p("Then."),
    );
    let out = run(&body, &[]);
    assert!(
        out.markdown
            .contains("# Purpose\n\nWhy.\n\n# Background\n\nWhat.\n\n# Next Steps\n\nThen."),
        "{}",
        out.markdown
    );
    let body = format!(
        "{}{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("BACKGROUND"),
        p("What."),
        bold("Key findings"),
        p("Found."),
        bold("Risk Implications"),
        p("A risk."),
    );
    let out = run(&body, &[]);
    assert!(
        out.markdown
            .contains("# Background\n\nWhat.\n\n## Key findings\n\nFound.\n\n# Risk Implications"),
        "{}",
        out.markdown
    );
}

/// A numbered paragraph a page break parted (its second half with no number, starting in
/// lower case after a line that stops mid-sentence) is one paragraph again, said once; an
/// unnumbered paragraph after a finished sentence stays a paragraph of its own.
#[test]
fn a_paragraph_parted_by_a_page_break_is_joined() {
    let body = format!(
        "{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 The estate has 300 buildings, most of which"),
        p("were built before 1950."),
        p("1.2 Repairs are due."),
        p("Another paragraph, not numbered."),
    );
    let out = run(&body, &[]);
    let md = &out.markdown;
    assert!(
        md.contains("The estate has 300 buildings, most of which were built before 1950.\n\nRepairs are due.\n\nAnother paragraph, not numbered."),
        "{md}"
    );
    assert_eq!(codes(&out), ["import-joined"], "{:?}", out.notes);
}

/// Word gives "List Paragraph" to every paragraph its Numbering button numbers: a numbered
/// heading in that style (`1. BACKGROUND`, numbered by the list that numbers its paragraphs
/// `1.1`) is a section, and an unnumbered one in it (`PURPOSE`) too; its bullets stay items.
#[test]
fn headings_in_list_paragraph_style_are_sections() {
    let listed = |level: Option<u8>, text: &str, bold: bool| {
        let num = level.map_or(String::new(), |l| {
            format!(r#"<w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="1"/></w:numPr>"#)
        });
        let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/>{num}</w:pPr><w:r>{b}<w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let bullet = r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>CCTV</w:t></w:r></w:p>"#;
    let body = format!(
        "{}{}{}{}{}{}{bullet}{}{}{CLOSE}",
        header(),
        listed(None, "PURPOSE", true),
        p("To update members."),
        listed(Some(0), "BACKGROUND", true),
        listed(Some(1), "First background paragraph.", false),
        listed(Some(1), "The systems reviewed were:", false),
        listed(Some(0), "DETAIL", true),
        listed(Some(1), "See paragraph 1.2.", false),
    );
    let out = run(&body, &[("word/numbering.xml", NUMBERING.as_bytes())]);
    let md = &out.markdown;
    assert!(md.contains("# Purpose\n\nTo update members."), "{md}");
    assert!(
        md.contains("# Background\n\nFirst background paragraph."),
        "{md}"
    );
    assert!(md.contains("# Detail"), "{md}");
    assert!(md.contains("- CCTV"), "{md}");
    assert!(!md.contains("**BACKGROUND**"), "{md}");
    assert!(
        !codes(&out).contains(&"import-no-heading"),
        "{:?}",
        out.notes
    );
}

/// "See section 3" cites a section by Word's number, which clerk's differ from (Word numbers
/// PURPOSE 1): the citation becomes a cross-reference to the heading, shown as clerk
/// numbers it. One to a section set from the front matter, or to none, is said.
/// A paper whose Word document numbers PURPOSE 1, then `rest`.
fn purpose_numbered_then(rest: &[String]) -> String {
    format!(
        "{}{}{}{}{CLOSE}",
        header(),
        bold("1. PURPOSE"),
        p("To update members."),
        rest.concat()
    )
}

#[test]
fn a_section_cited_by_its_number_in_word_is_cited_by_its_heading() {
    let body = purpose_numbered_then(&[
        bold("2. BACKGROUND"),
        p("2.1 See section 3 for the detail, section 4 for the costs and section 9."),
        bold("3. DETAIL"),
        p("3.1 The detail, as Section 2 said."),
        bold("4. FINANCIAL IMPLICATIONS"),
        p("4.1 It costs £5m, spread over two years."),
    ]);
    let out = run(&body, &[]);
    let md = &out.markdown;
    assert!(md.contains("# Detail {#word-section-3}"), "{md}");
    assert!(md.contains("# Background {#word-section-2}"), "{md}");
    assert!(
        md.contains(
            "See [](#word-section-3) for the detail, section 4 for the costs and section 9."
        ),
        "{md}"
    );
    assert!(md.contains("as [](#word-section-2) said."), "{md}");
    // Section 9, past the paper's last, is of something else: left without a word.
    let said = said(&out, "import-cross-ref");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("section 4, “Financial Implications”"),
        "{said:?}"
    );
}

/// A section of an Act, or one past the paper's last, is no citation of the paper's own;
/// Purpose, which clerk leaves unnumbered, cannot be cited by number; a citation in a
/// table is followed as one in the text is.
#[test]
fn sections_of_acts_and_of_purpose_are_left_as_written() {
    let table = format!(
        "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
        p("Topic"),
        p("Where"),
        p("Detail"),
        p("See section 3")
    );
    let body = purpose_numbered_then(&[
        bold("2. BACKGROUND"),
        p("2.1 Under section 2 of the Local Government Act 2000, and a section 106 agreement."),
        p("2.2 As section 1 explains, the update is due."),
        table,
        bold("3. DETAIL"),
        p("3.1 The detail."),
    ]);
    let out = run(&body, &[]);
    let md = &out.markdown;
    assert!(
        md.contains(
            "Under section 2 of the Local Government Act 2000, and a section 106 agreement."
        ),
        "{md}"
    );
    assert!(md.contains("As section 1 explains"), "{md}");
    assert!(md.contains("| Detail | See [](#word-section-3) |"), "{md}");
    assert!(md.contains("# Detail {#word-section-3}"), "{md}");
    assert!(
        !md.contains("{#word-section-1}"),
        "Purpose is unnumbered: {md}"
    );
    let said = said(&out, "import-cross-ref");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("section 1, “Purpose”, which clerk leaves unnumbered"),
        "{said:?}"
    );
}

/// Word numbering PURPOSE 1 puts every later number one ahead of clerk's: said once, as
/// such, and the numbers then compared one ahead, so a real skip (2.1 then 2.3) still shows.
#[test]
fn sections_numbered_one_ahead_are_said_once_and_a_real_skip_still_shows() {
    let body = purpose_numbered_then(&[
        bold("2. BACKGROUND"),
        p("2.1 First."),
        p("2.3 Third."),
        bold("3. DETAIL"),
        p("3.1 The detail."),
        p("3.2 More detail."),
    ]);
    let out = run(&body, &[]);
    let said = said(&out, "import-numbering");
    assert_eq!(said.len(), 2, "{said:#?}");
    assert!(
        said.iter()
            .any(|m| m.contains("one ahead") && m.contains("“Background”")),
        "{said:#?}"
    );
    assert!(
        said.iter()
            .any(|m| m.contains("2.3") && m.contains("Third.")),
        "{said:#?}"
    );
}

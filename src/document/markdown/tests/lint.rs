//! Author lints: link text (`link-text-url`, `link-text-vague`, `link-text-empty`), tables
//! without a header row (`table-no-header`), `#Heading` without its space
//! (`heading-no-space`) or with a non-breaking one (`marker-nbsp`), a number typed before a
//! section's heading (`heading-typed-number`) or a colon after `Purpose`
//! (`heading-punctuation`), and rows or header lines of another number of cells than the
//! table (`table-ragged`, `table-not-read`).

use super::*;

/// The (code, line, column) of every diagnostic of `md`.
fn found(md: &str) -> Vec<(&'static str, usize, usize)> {
    let (_, d) = run(md);
    assert!(d.iter().all(|d| d.severity == Severity::Warning), "{d:#?}");
    d.iter().map(|d| (d.code, d.line, d.column)).collect()
}

#[test]
fn bare_web_addresses_as_link_text_are_warned_about_where_they_are() {
    for link in [
        "<https://example.org/report>",
        "<http://example.org>",
        "[https://example.org/report](https://example.org/report)",
        "[HTTPS://EXAMPLE.ORG](https://example.org)",
        "[www.example.org](https://www.example.org)",
        "[example.org/report](https://example.org/report/)",
    ] {
        let md = format!("# A\n\nThe report: {link} today.\n");
        assert_eq!(found(&md), [("link-text-url", 3, 13)], "{link}");
    }
    let (_, d) = run("# A\n\nSee <https://example.org>.\n");
    let d = find(&d, "link-text-url");
    assert!(d.message.contains("bare web address"), "{d:?}");
    assert_eq!(
        d.help.as_deref(),
        Some(
            "name what it links to in a few words of the sentence, as in `[the progress report](https://example.org)`"
        )
    );
}

#[test]
fn link_text_that_names_the_place_is_fine() {
    for link in [
        "[the progress report](https://example.org/report)",
        "[example.org’s report on policing](https://example.org/report)",
        "<someone@example.org>",
        "[someone@example.org](mailto:someone@example.org)",
        "[Here is the 2020 review](https://example.org)",
        "[more about the budget](https://example.org)",
        "[`https://example.org`, the address to give residents](https://example.org)",
    ] {
        let md = format!("# A\n\nThe report: {link} today.\n");
        assert_eq!(found(&md), [], "{link}");
    }
}

#[test]
fn vague_link_text_is_warned_about() {
    for text in [
        "click here",
        "Click Here",
        "here",
        "Here.",
        "this link",
        "read more",
        "Read more…",
        "*more*",
        "  this  link ",
    ] {
        let md = format!("# A\n\nFor the figures [{text}](https://example.org/figures).\n");
        assert_eq!(found(&md), [("link-text-vague", 3, 17)], "{text}");
    }
    let (_, d) = run(
        "# A\n\nSee [this  link](#x) and {#x}\n\nThe report is [here][r].\n\n[r]: https://example.org\n",
    );
    let vague: Vec<_> = d.iter().filter(|d| d.code == "link-text-vague").collect();
    assert_eq!(vague.len(), 2, "{d:#?}");
    assert!(vague[0].message.contains("“this link”"), "{:?}", vague[0]);
    assert_eq!(vague[1].line, 5);
}

#[test]
fn a_link_without_words_shows_its_address_with_a_warning() {
    let md = "# A\n\nThe report [](https://example.org/report) is out.\n";
    assert_eq!(found(md), [("link-text-empty", 3, 12)]);
    let (s, _) = run(md);
    let p = paras(&s.sections[0]);
    let link = first_inlines(p[0])
        .iter()
        .find_map(|i| match i {
            Inline::Link { content, .. } => Some(Inline::plain(content)),
            _ => None,
        })
        .expect("still a link");
    assert_eq!(link, "https://example.org/report");
    // `[](#label)` is a cross-reference, not an empty link.
    assert_eq!(found("# A\n\nFirst. {#one}\n\nSee [](#one).\n"), []);
}

#[test]
fn a_table_whose_header_row_is_empty_is_warned_about() {
    let md = "# A\n\nFigures:\n\n|   |   |\n|---|--:|\n| North | 1 |\n| South | 2 |\n";
    assert_eq!(found(md), [("table-no-header", 5, 1)]);
    let (_, d) = run(md);
    assert!(
        find(&d, "table-no-header")
            .help
            .as_deref()
            .unwrap()
            .contains("first row"),
        "{d:#?}"
    );
    // One heading is enough: a blank top-left corner above row labels is common.
    assert_eq!(
        found("# A\n\nFigures:\n\n|   | 2024 |\n|---|--:|\n| North | 1 |\n"),
        []
    );
}

#[test]
fn lints_in_implications_point_at_their_yaml_line() {
    // The implication's Markdown came from a YAML value on line 3 of the file.
    let (_, d) = run_full(
        "# A\n\nx\n",
        &[("financial", "See [here](https://example.org).\n", 3)],
        RECS,
        Path::new("/nonexistent-clerk-test"),
    );
    assert_eq!(
        d.iter().map(|d| (d.code, d.line)).collect::<Vec<_>>(),
        [("link-text-vague", 3)]
    );
}

#[test]
fn an_image_or_link_whose_address_has_a_space_is_warned_about_at_its_address() {
    let md = "# A\n\n![Budget chart](my chart.png)\n\nSee [the strategy](Strategy 2026.pdf) now.\n\n- an [item](a b.pdf)\n";
    assert_eq!(
        found(md),
        [
            ("address-space", 3, 17),
            ("address-space", 5, 20),
            ("address-space", 7, 13),
        ]
    );
    let (_, d) = run(md);
    let d = find(&d, "address-space");
    assert_eq!(
        d.message,
        "this is shown as text, not as an image: its address `my chart.png` has a space, which Markdown does not allow in one"
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "put the address in angle brackets, `![…](<my chart.png>)`, or rename the file without spaces (`my-chart.png`)"
        )
    );
    // Addresses Markdown reads, and brackets that are no address, are fine.
    for md in [
        "# A\n\nSee [the strategy](<Strategy 2026.pdf>) now.\n",
        "# A\n\nSee [the report](https://example.org/report \"The report\") now.\n",
        "# A\n\nThe figure [in brackets] (and an aside with words) stays.\n",
    ] {
        let (_, d) = run(md);
        assert!(
            d.iter().all(|d| d.code != "address-space"),
            "{md:?}: {d:#?}"
        );
    }
}

#[test]
fn a_number_typed_before_a_section_heading_or_a_colon_after_purpose_is_warned_about() {
    let md = "# Purpose:\n\nWhy.\n\n# 1. Background\n\nA.\n\n# 2.0 Current position\n\nB.\n\n# A. Options\n\nC.\n\n# 3) Risks\n\nD.\n";
    assert_eq!(
        found(md),
        [
            ("heading-punctuation", 1, 1),
            ("heading-typed-number", 5, 1),
            ("heading-typed-number", 9, 1),
            ("heading-typed-number", 13, 1),
            ("heading-typed-number", 17, 1),
        ]
    );
    let (_, d) = run(md);
    assert_eq!(
        find(&d, "heading-typed-number").help.as_deref(),
        Some("remove it: `# Background`")
    );
    let d = find(&d, "heading-punctuation");
    assert!(
        d.message
            .starts_with("“Purpose:” is numbered as a section of the body"),
        "{d:?}"
    );
    assert_eq!(d.help.as_deref(), Some("write `# Purpose`"));
    // Numbers that are part of the heading, and punctuation after other headings, are fine.
    for md in [
        "# 24 Hours Policing\n\nA.\n",
        "# 2026 Budget\n\nA.\n",
        "# A Plan for 2026\n\nA.\n",
        "# Background:\n\nA.\n",
        "# Purpose\n\nA.\n",
    ] {
        assert_eq!(found(md), [], "{md:?}");
    }
}

#[test]
fn a_non_breaking_space_after_a_hash_or_bullet_is_warned_about_at_each_line() {
    let md =
        "# A\n\nText.\n\n#\u{a0}Background\n\nMore.\n\n-\u{a0}one\n  -\u{a0}two\n\n3.\u{a0}three\n";
    assert_eq!(
        found(md),
        [
            ("marker-nbsp", 5, 1),
            ("marker-nbsp", 9, 1),
            ("marker-nbsp", 10, 3),
            ("marker-nbsp", 12, 1),
        ]
    );
    let (_, d) = run(md);
    let d = find(&d, "marker-nbsp");
    assert!(
        d.message.contains(
            "shown as text, not as a heading: the space after its `#` is a non-breaking space"
        ),
        "{d:?}"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("retype that space as an ordinary one: `# Background`")
    );
    // A non-breaking space inside a line, after a number that is no list's, or after a
    // marker with nothing after it, is fine; so is one that follows a plain space.
    for md in [
        "# A\n\nThe sum is £5\u{a0}million.\n",
        "# A\n\nIn 2021\u{a0}it rose.\n",
        "# A\n\nText\n-\u{a0}\n",
        "# A\n\n- \u{a0}indented item\n",
    ] {
        assert_eq!(found(md), [], "{md:?}");
    }
}

#[test]
fn a_heading_without_the_space_after_its_hash_is_warned_about_at_its_line() {
    let md = "# A\n\nText.\n\n#Next steps\n\nMore.\n\n##Costs\nThe costs rise.\n";
    // (`##Costs` runs on into its paragraph: the first line is still the heading meant.)
    assert_eq!(
        found(md),
        [("heading-no-space", 5, 1), ("heading-no-space", 9, 1)]
    );
    let (_, d) = run(md);
    let d = find(&d, "heading-no-space");
    assert!(
        d.message.contains("“#Next steps” is shown as text"),
        "{d:?}"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("write `# Next steps` for a heading, or `\\#Next steps` to keep the `#` as text")
    );
    // A number, an escaped hash, a hash inside a line or a list item are fine.
    for md in [
        "# A\n\n#1 priority is safety.\n",
        "# A\n\n\\#Next is a hashtag.\n",
        "# A\n\nWe use #Next as a tag.\n",
        "# A\n\n- #Next in a list\n",
        "# A\n\n####### Seven is not a heading\n",
        // A tag at the start of a later line, or a sentence that opens with one.
        "# A\n\nWe use the tag\n#ClimateAction and others.\n",
        "# A\n\n#ClimateAction is our campaign this year.\n",
    ] {
        assert_eq!(found(md), [], "{md}");
    }
}

#[test]
fn a_row_with_more_or_fewer_cells_than_the_table_is_warned_about_at_its_line() {
    let md = "# A\n\n| Site | Cost | Notes |\n| --- | --- | --- |\n| Inverness | £3m | old | extra |\n| Oban |\n| Perth | £1m | \\| kept |\n\n> | a | b |\n> | - | - |\n> | 1 | 2 |\n";
    assert_eq!(found(md), [("table-ragged", 5, 1), ("table-ragged", 6, 1)]);
    let (_, d) = run(md);
    assert!(
        d[0].message.contains("the last is left out"),
        "{}",
        d[0].message
    );
    assert!(
        d[1].message.contains("1 of the table's 3 cells"),
        "{}",
        d[1].message
    );
}

#[test]
fn a_table_whose_line_under_the_header_disagrees_is_warned_about() {
    let md = "# A\n\n| Site | Cost | Notes |\n| --- | --- |\n| Inverness | £3m | old |\n\nText | with a pipe\nand no line of dashes.\n";
    assert_eq!(found(md), [("table-not-read", 3, 1)]);
    let (_, d) = run(md);
    assert!(
        d[0].help
            .as_deref()
            .unwrap()
            .contains("`| --- | --- | --- |`"),
        "{d:#?}"
    );
}

/// Rows of cells with no line under the header row (pasted from a spreadsheet) are a
/// paragraph of pipes: said so, with the line to add. One line with pipes, or prose with a
/// pipe in it, is not.
#[test]
fn table_rows_with_no_line_under_the_header_are_warned_about() {
    let md = "# A\n\n| Service | Budget | Forecast |\n| Adult Social Care | 98.4 | 101.2 |\n| Children | 45.0 | 44.1 |\n\n| Just | one line |\n\nA | b\nc | d\n";
    assert_eq!(found(md), [("table-not-read", 3, 1)]);
    let (_, d) = run(md);
    assert!(
        d[0].help
            .as_deref()
            .unwrap()
            .contains("`| --- | --- | --- |`"),
        "{d:#?}"
    );
}

#[test]
fn a_paragraph_number_typed_by_hand_is_warned_about() {
    let md = "# A\n\n1.1 The estate has 300 buildings.\n\n2.4.1\tA sub-paragraph.\n\nIn 2024.5 terms.\n\n1.5 million people live there.\n";
    // `1.5 million` is a quantity, not a paragraph's number.
    assert_eq!(found(md), [("typed-number", 3, 1), ("typed-number", 5, 1)]);
    let (_, d) = run(md);
    assert!(d[0].message.contains("“1.1 1.1 …”"), "{}", d[0].message);
}

/// Links that would lead nowhere once published are warned about at the link: a file on a
/// computer or shared drive, a paper's Markdown source, a page no paper makes, a file
/// clerk does not publish. A link to a paper beside, to the web or within the paper is not.
#[test]
fn links_that_lead_nowhere_once_published_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/other paper.md"), "").unwrap();
    let codes = |link: &str| -> Vec<&'static str> {
        let md = format!("# A {{#a}}\n\nSee [the findings]({link}).\n");
        let (_, d) = run_full(&md, &[], RECS, dir.path());
        d.iter().map(|d| d.code).collect()
    };
    for (link, code) in [
        ("file:///S:/Governance/findings.docx", "link-local-file"),
        ("S:\\Governance\\findings.docx", "link-local-file"),
        ("\\\\fileserver\\share\\findings.docx", "link-local-file"),
        ("2026-05-19-cyber-exercise.md", "link-to-source"),
        ("sub/missing.html", "link-no-paper"),
        ("../../out/private/resources/x.pdf", "link-no-paper"),
        ("budget.xlsx", "link-not-published"),
    ] {
        assert_eq!(codes(link), [code], "{link}");
    }
    for fine in [
        "https://example.org/findings",
        "mailto:clerk@example.org",
        "#a",
        "sub/other%20paper.html",
        "sub/other%20paper.pdf#page=2",
        "/site/wide/page.html",
    ] {
        assert_eq!(codes(fine), Vec::<&str>::new(), "{fine}");
    }
    let (_, d) = run_full("# A\n\nSee [it](x.md#para-1-1).\n", &[], RECS, dir.path());
    assert_eq!(
        d[0].help.as_deref(),
        Some("link its page instead: `x.html#para-1-1`")
    );
    // A cross-reference without its `#`: said as one, not as a link with no words.
    let (_, d) = run_full(
        "# A\n\nThe forecast. {#forecast}\n\nSee [](forecast).\n",
        &[],
        RECS,
        dir.path(),
    );
    let codes: Vec<&str> = d.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["link-no-hash"], "{d:#?}");
    assert_eq!(
        d[0].help.as_deref(),
        Some("write `[](#forecast)` to cite the paragraph labelled `{#forecast}`")
    );
}

/// Bullets and letters typed by hand, as text pasted from Word has them, are numbered
/// paragraphs of their own: said so. A dash list, or a sentence about option (a), is not.
#[test]
fn bullets_and_letters_typed_by_hand_are_warned_about() {
    let md = "# A\n\n•\tfreeze recruitment;\n\na) stop overtime;\n\n(b) sell the depot.\n\nc. close the annex.\n\n- a real item\n\nOption (a) is cheaper.\n\ne.g. the depot.\n\nc. 300 residents replied.\n\ns. 100A of the Act applies.\n";
    assert_eq!(
        found(md),
        [
            ("typed-bullet", 3, 1),
            ("typed-bullet", 5, 1),
            ("typed-bullet", 7, 1),
            ("typed-bullet", 9, 1)
        ]
    );
}

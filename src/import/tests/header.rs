//! The header table and the lines around it → front matter; dates and appendices; its
//! values' forms in `header_values`.

use super::*;
use crate::diag::Severity;
use crate::import::date;
use crate::import::header::{appendices, key_for};

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
        "1-Sep-21",
        "01-Sep-2021",
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
    // Annexes too, by number or Roman numeral: the title without `Annex 1 –`.
    assert_eq!(
        appendices("Yes – Annex 1 – Consultation Responses; Annexe ii: Costs"),
        ["Consultation Responses", "Costs"]
    );
    assert_eq!(appendices("Yes – Appendix 12 – Data"), ["Data"]);
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
        out.markdown
            .starts_with("---\nmeeting: Resources Committee\ndate: 2021-09-01\n"),
        "{}",
        out.markdown
    );
    assert!(
        out.markdown.contains("\nclassification: OFFICIAL\n"),
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
fn a_required_row_missing_or_empty_gets_a_placeholder_and_says_which() {
    let body = format!(
        "{}{CLOSE}",
        table(&[
            ("Meeting", "Resources Committee"),
            ("Date", "1 Sep 2021"),
            ("Title of Paper", "Estates Strategy"),
            ("Location", ""),
            ("Presented By", ""),
        ])
    );
    let out = run(&body, &[]);
    let md = &out.markdown;
    assert!(md.contains("\npresented_by: Name, Role\n"), "{md}");
    assert!(md.contains("\nrecommendation: …\n"), "{md}");
    let said = |code: &str, part: &str| {
        out.notes
            .iter()
            .any(|n| n.code == code && n.message.contains(part))
    };
    assert!(
        said(
            "import-empty-row",
            "the header row “Presented By” is empty: the paper has the placeholder “Name, Role”"
        ),
        "{:?}",
        out.notes
    );
    assert!(
        said(
            "import-placeholder",
            "the header table has no row for the recommendation"
        ),
        "{:?}",
        out.notes
    );
    // A row that is not required and empty is only noted.
    assert!(
        said("import-empty-row", "“Location” is empty"),
        "{:?}",
        out.notes
    );
    assert!(!md.contains("location"), "{md}");
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
    let pages = |head: &str, foot: &str| -> [(&str, Vec<u8>); 3] {
        [
            ("word/_rels/document.xml.rels", rels.as_bytes().to_vec()),
            ("word/header1.xml", page(head).into_bytes()),
            ("word/footer1.xml", page(foot).into_bytes()),
        ]
    };
    let run_with = |body: &str, parts: &[(&str, Vec<u8>); 3]| {
        let parts: Vec<(&str, &[u8])> = parts.iter().map(|(n, b)| (*n, b.as_slice())).collect();
        run(body, &parts)
    };
    let body = format!("{}{}{}", header(), bold("PURPOSE"), p("Text."));
    let parts = pages("OFFICIAL-SENSITIVE", "Page 1");
    let out = run_with(&format!("{body}{CLOSE}"), &parts);
    assert!(
        out.markdown
            .contains("classification: OFFICIAL-SENSITIVE\n"),
        "{}",
        out.markdown
    );
    // One above the table wins over the page header's.
    let above = format!("{}{body}{CLOSE}", p("OFFICIAL"));
    let out = run_with(&above, &parts);
    assert!(
        out.markdown.contains("classification: OFFICIAL\n"),
        "{}",
        out.markdown
    );
    // The agenda item is read there too; a page number is clerk's furniture, passed over in
    // silence; any other line is said to be left out.
    let parts = pages("Agenda Item 5.1", "Prepared by the Governance Team");
    let out = run_with(&format!("{body}{CLOSE}"), &parts);
    assert!(
        out.markdown.contains("agenda_item: \"5.1\"\n"),
        "{}",
        out.markdown
    );
    let left = said(&out, "import-not-mapped");
    assert_eq!(
        left,
        ["the line “Prepared by the Governance Team” of the page header or footer is left out"]
    );
    // Parts of one line set apart by tabs (an item at the left, a marking at the right) are
    // read each on its own, in either order.
    let tab = "</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>";
    for head in [
        format!("Agenda Item 5.1{tab}OFFICIAL"),
        format!("OFFICIAL{tab}{tab}Agenda Item 5.1"),
    ] {
        let out = run_with(&format!("{body}{CLOSE}"), &pages(&head, "Page 1"));
        let md = &out.markdown;
        assert!(md.contains("agenda_item: \"5.1\"\n"), "{head}: {md}");
        assert!(md.contains("classification: OFFICIAL\n"), "{head}: {md}");
        assert!(
            said(&out, "import-not-mapped").is_empty(),
            "{:?}",
            out.notes
        );
    }
}

#[test]
fn an_appendix_without_a_title_gets_a_placeholder_not_no() {
    assert_eq!(appendices("Yes"), ["Appendix A"]);
    assert_eq!(appendices("Yes – Appendix A"), ["Appendix A"]);
    // Words that point at the appendix name none.
    assert_eq!(appendices("Yes – see attached"), ["Appendix A"]);
    assert_eq!(appendices("Yes, as attached."), ["Appendix A"]);
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

/// A header table laid out with a column of colons, or with two rows side by side, reads
/// each label's own value: no colon in a value, no label in another's value.
#[test]
fn a_header_table_of_three_or_four_columns_reads_each_label_s_value() {
    let rows = |rows: &[&[&str]]| {
        let rows: String = rows
            .iter()
            .map(|cells| {
                let cells: String = cells
                    .iter()
                    .map(|c| format!("<w:tc>{}</w:tc>", p(c)))
                    .collect();
                format!("<w:tr>{cells}</w:tr>")
            })
            .collect();
        format!("<w:tbl>{rows}</w:tbl>")
    };
    let colons = rows(&[
        &["Meeting", ":", "Resources Committee"],
        &["Date", ":", "1 September 2021"],
        &["Title of Paper", ":", "Estates"],
        &["Presented By", ":", "A Person, Director"],
        &["Recommendation to Members", ":", "For Noting"],
    ]);
    let side_by_side = rows(&[
        &["Meeting", "Resources Committee", "Date", "1 September 2021"],
        &[
            "Title of Paper",
            "Estates",
            "Presented By",
            "A Person, Director",
        ],
        &["Recommendation to Members", "For Noting", "", ""],
    ]);
    for table in [colons, side_by_side] {
        let out = run(&format!("{table}{}{CLOSE}", bold("BACKGROUND")), &[]);
        let md = &out.markdown;
        for line in [
            "meeting: Resources Committee\n",
            "date: 2021-09-01\n",
            "title: Estates\n",
            "presented_by: A Person, Director\n",
            "recommendation: For Noting\n",
        ] {
            assert!(md.contains(line), "{line:?} in {md}");
        }
        assert!(
            !codes(&out).contains(&"import-placeholder"),
            "{:?}",
            out.notes
        );
        assert!(!md.contains(":;"), "{md}");
    }
}

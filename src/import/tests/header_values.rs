//! The header table's values: content controls, dates as people write them, YAML quoting,
//! a cell's lines, a key given twice.

use super::*;
use crate::import::date;

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
fn dates_with_weekdays_ordinals_times_and_either_order_are_read() {
    let d = jiff::civil::date(2021, 9, 1);
    for text in [
        "Wed 1 Sept 2021",
        "1st of September 2021",
        "2021/09/01",
        "1 Sep 2021 10:00",
        "1 September 2021; 10:00 am",
        "1 September 2021 – 10.00am",
        "1 September 2021 — 10:00",
        "1 September 2021 at 10.00 a.m.",
        "1 September 2021, 2 p.m.",
        "1 September 2021 (rescheduled from 25 August)",
        "1 September 2021 [provisional]",
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

#[test]
fn yaml_scalars_are_quoted_when_plain_would_change_them() {
    use crate::import::front::scalar;
    assert_eq!(scalar("For Noting"), "For Noting");
    assert_eq!(scalar("Yes"), "\"Yes\"");
    assert_eq!(scalar("4.2"), "\"4.2\"");
    assert_eq!(scalar("Note: this"), "\"Note: this\"");
    assert_eq!(scalar("- dash"), "\"- dash\"");
    assert_eq!(scalar("a #b"), "\"a #b\"");
}

/// A header cell's lines (a name, then a role under it) are joined by a comma, as the
/// key reads; after a line ending in punctuation of its own, by a space.
#[test]
fn a_header_cells_lines_are_joined_by_commas() {
    let out = run(
        &format!(
            "{}{}{CLOSE}",
            table(&[
                ("Meeting", "Resources Committee"),
                ("Date", "1 September 2021"),
                ("Title of Paper", "Estates"),
                (
                    "Presented By",
                    "Jo Bloggs</w:t><w:br/><w:t>Head of Governance"
                ),
                (
                    "Recommendation to Members",
                    "For Decision –</w:t><w:br/><w:t>urgent"
                ),
            ]),
            bold("PURPOSE"),
        ),
        &[],
    );
    let md = &out.markdown;
    assert!(
        md.contains("presented_by: Jo Bloggs, Head of Governance\n"),
        "{md}"
    );
    assert!(
        md.contains("recommendation: For Decision – urgent\n"),
        "{md}"
    );
}

/// A second header row for a key a row above filled (`Author` after `Presented By`, a
/// second date) is said, not dropped in silence; the first row's value stands.
#[test]
fn a_second_row_for_the_same_key_is_said_and_the_first_kept() {
    let body = format!(
        "{}{}{}{CLOSE}",
        table(&[
            ("Meeting", "Resources Committee"),
            ("Date", "7 June 2023"),
            ("Date of meeting", "14 June 2023"),
            ("Title of Paper", "Estates"),
            ("Presented By", "A Person, Director"),
            ("Author", "Sam Smith, Estates Officer"),
            ("Recommendation to Members", "For Noting"),
        ]),
        bold("1. BACKGROUND"),
        p("1.1 Text.")
    );
    let out = run(&body, &[]);
    assert!(
        out.markdown.contains("\ndate: 2023-06-07\n"),
        "{}",
        out.markdown
    );
    assert!(
        out.markdown
            .contains("\npresented_by: A Person, Director\n"),
        "{}",
        out.markdown
    );
    let twice = said(&out, "import-row-twice");
    assert_eq!(twice.len(), 2, "{twice:?}");
    assert!(
        twice[0].contains("“Date of meeting” (“14 June 2023”)"),
        "{twice:?}"
    );
    assert!(
        twice[1].contains("“Author” (“Sam Smith, Estates Officer”)"),
        "{twice:?}"
    );
}

/// The presenter's name and role in two paragraphs of one cell are one presenter, joined
/// by a comma as the README shows, not by `;`.
#[test]
fn a_presenter_in_two_paragraphs_of_a_cell_is_joined_by_a_comma() {
    let rows = format!(
        "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}{}</w:tc></w:tr></w:tbl>",
        p("Meeting"),
        p("Resources Committee"),
        p("Date"),
        p("1 September 2021"),
        p("Presented By"),
        p("Jo Bloggs"),
        p("Head of Estates"),
    );
    let out = run(
        &format!("{rows}{}{}{CLOSE}", bold("1. BACKGROUND"), p("1.1 Text.")),
        &[],
    );
    assert!(
        out.markdown
            .contains("\npresented_by: Jo Bloggs, Head of Estates\n"),
        "{}",
        out.markdown
    );
}

/// An appendix row that counts its appendices (`Yes (2)`), lists their letters
/// (`Appendices A and B`) or puts a title in brackets (`Appendix A (Action Plan)`) gives
/// that many appendices, each titled or a placeholder, never a title such as `(2)`.
#[test]
fn appendix_rows_that_count_or_list_letters_give_that_many_appendices() {
    use crate::import::header::appendices;
    let two = ["Appendix A", "Appendix B"];
    assert_eq!(appendices("Yes (2)"), two);
    assert_eq!(appendices("Yes – 2"), two);
    assert_eq!(appendices("Yes, two"), two);
    assert_eq!(appendices("Yes – Appendices A and B"), two);
    assert_eq!(
        appendices("Yes – Appendices A, B and C"),
        ["Appendix A", "Appendix B", "Appendix C"]
    );
    assert_eq!(
        appendices("Yes – Appendix A (Action Plan)"),
        ["Action Plan"]
    );
    assert_eq!(
        appendices("Yes – Appendix A (Action Plan); Appendix B [Estate Map]"),
        ["Action Plan", "Estate Map"]
    );
    // A title with brackets inside it keeps them.
    assert_eq!(
        appendices("Yes – Appendix A – Costs (2024/25)"),
        ["Costs (2024/25)"]
    );
}

//! A paper written inside a layout table: its text is taken out of the table.

use super::{CLOSE, bold, codes, header, p, run, table};

/// A row of one cell spanning two columns.
fn wide(text: &str) -> String {
    format!(
        "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>{}</w:tc></w:tr>",
        p(text)
    )
}

#[test]
fn a_paper_written_inside_its_header_table_keeps_its_body() {
    let rows: String = [
        ("Meeting", "Resources Committee"),
        ("Date", "1 September 2021"),
        ("Title of Paper", "Estates"),
    ]
    .iter()
    .map(|(a, b)| format!("<w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>", p(a), p(b)))
    .collect();
    let body = format!(
        "<w:tbl>{rows}{}{}<w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>{}{}</w:tbl>",
        wide("PURPOSE"),
        wide("The purpose of this paper is to update members."),
        p("1.1"),
        p("First paragraph of background."),
        wide("RECOMMENDATIONS"),
        wide("Members are invited to note the report."),
    );
    let out = run(&body, &[]);
    let md = &out.markdown;
    assert!(md.contains("title: Estates\n"), "{md}");
    assert!(
        md.contains("# Purpose\n\nThe purpose of this paper is to update members.\n\nFirst paragraph of background."),
        "{md}"
    );
    assert!(
        md.contains("recommendations: Members are invited to note the report.\n"),
        "{md}"
    );
    let c = codes(&out);
    assert!(c.contains(&"import-layout-table"), "{c:?}");
    assert!(!c.contains(&"import-unknown-row"), "{c:?}");
    assert!(!c.contains(&"import-merged-cells"), "{c:?}");
    assert!(!c.contains(&"import-no-recommendations"), "{c:?}");
}

#[test]
fn a_paper_written_wholly_in_a_one_column_table_keeps_its_body() {
    let cell = |inner: String| format!("<w:tr><w:tc>{inner}</w:tc></w:tr>");
    let body = format!(
        "<w:tbl>{}{}{}</w:tbl>{}",
        cell(header()),
        cell(format!("{}{}", bold("1. BACKGROUND"), p("1.1 Text one."))),
        cell(CLOSE.to_string()),
        p(""),
    );
    let out = run(&body, &[]);
    let md = &out.markdown;
    assert!(md.contains("title: Estates\n"), "{md}");
    assert!(md.contains("# Background\n\nText one."), "{md}");
    assert!(
        md.contains("recommendations: Members are invited to note."),
        "{md}"
    );
    let layout: Vec<_> = out
        .notes
        .iter()
        .filter(|n| n.code == "import-layout-table")
        .collect();
    assert_eq!(layout.len(), 1, "{:?}", out.notes);
    assert!(
        layout[0].message.contains("written inside a table"),
        "{}",
        layout[0].message
    );
    // A table of figures in the body is still a table.
    let figures = format!(
        "{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 Results:"),
        table(&[("Audit", "Opinion"), ("Payroll", "Good")])
    );
    let out = run(&figures, &[]);
    assert!(
        out.markdown.contains("| Audit | Opinion |"),
        "{}",
        out.markdown
    );
    assert!(!codes(&out).contains(&"import-layout-table"));
}

#[test]
fn a_header_table_with_a_row_across_it_is_still_the_header() {
    // A marking across the table, and a heading-like row between header rows, are the
    // header's: the paper's text starts only after its last header row.
    let row = |a: &str, b: &str| format!("<w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>", p(a), p(b));
    let body = format!(
        "<w:tbl>{}{}{}{}{}</w:tbl>{}{}{CLOSE}",
        row("Meeting", "Resources Committee"),
        wide("FOR DECISION"),
        row("Date", "1 September 2021"),
        row("Title of Paper", "Estates"),
        wide("OFFICIAL"),
        bold("1. BACKGROUND"),
        p("1.1 Text."),
    );
    let out = run(&body, &[]);
    assert!(
        out.markdown.contains("title: Estates\n"),
        "{}",
        out.markdown
    );
    assert!(
        out.markdown.contains("# Background\n\nText."),
        "{}",
        out.markdown
    );
    assert!(
        !codes(&out).contains(&"import-layout-table"),
        "{:?}",
        out.notes
    );
}

//! A header written as `Label: value` lines rather than a table.

use super::*;

/// A template without a header table gives the metadata as lines at the top, `Label:
/// value` (or a tab between): read as the table's rows would be, the marking above them
/// too, and none of them left in the body.
#[test]
fn header_lines_are_read_as_a_header_table() {
    let body = [
        p("OFFICIAL"),
        p("Meeting: Resources Committee"),
        p("Date:\t19 May 2026"),
        p(""),
        p("Title of Paper: Estates Strategy"),
        p("Presented By: Jo Bloggs, Director"),
        p("Recommendation to Members: For Noting"),
        bold("PURPOSE"),
        p("To set out the strategy."),
        CLOSE.to_string(),
    ]
    .concat();
    let out = run(&body, &[]);
    let md = &out.markdown;
    for line in [
        "meeting: Resources Committee\n",
        "date: 2026-05-19\n",
        "title: Estates Strategy\n",
        "presented_by: Jo Bloggs, Director\n",
        "recommendation: For Noting\n",
        "classification: OFFICIAL\n",
    ] {
        assert!(md.contains(line), "{line:?} in\n{md}");
    }
    assert!(
        !md.contains("Meeting:") && !md.contains("OFFICIAL\n\n"),
        "{md}"
    );
    assert!(
        md.contains("\n---\n\n# Purpose\n\nTo set out the strategy."),
        "{md}"
    );
    let found = codes(&out);
    for code in [
        "import-no-header",
        "import-placeholder",
        "import-not-mapped",
    ] {
        assert!(!found.contains(&code), "{code}: {:?}", out.notes);
    }
}

/// One line that looks like a label is not a header: the paper still says it found none,
/// and the line stays in the body.
#[test]
fn one_label_line_is_not_a_header() {
    let body = [
        p("Date: to be confirmed"),
        bold("PURPOSE"),
        p("Text."),
        CLOSE.to_string(),
    ]
    .concat();
    let out = run(&body, &[]);
    assert!(codes(&out).contains(&"import-no-header"), "{:?}", out.notes);
    assert!(
        out.markdown.contains("Date: to be confirmed"),
        "{}",
        out.markdown
    );
}

/// Header lines that leave out a required key, or give one empty, say so as lines.
#[test]
fn header_lines_missing_a_key_say_so_as_lines() {
    let body = [
        p("Meeting: Resources Committee"),
        p("Date: 19 May 2026"),
        p("Presented By:"),
        bold("PURPOSE"),
        p("Text."),
        CLOSE.to_string(),
    ]
    .concat();
    let out = run(&body, &[]);
    let empty = said(&out, "import-empty-row");
    assert!(
        empty
            .iter()
            .any(|m| m.contains("the header line “Presented By” is empty")),
        "{empty:?}"
    );
    let missing = said(&out, "import-placeholder");
    assert!(
        missing
            .iter()
            .any(|m| m.contains("the header lines have none for the title")),
        "{missing:?}"
    );
}

//! Front matter the header table does not give: a Title-style line, placeholders.

use super::{CLOSE, bold, codes, header, p, run, table};

const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>"#;

fn title(text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

fn with_title(head: &str, line: &str) -> super::Imported {
    with_title_at(head, line, false)
}

/// The header table `head` and a Title-style `line`, below the table or `above` it.
fn with_title_at(head: &str, line: &str, above: bool) -> super::Imported {
    let (before, after) = if above {
        (title(line), String::new())
    } else {
        (String::new(), title(line))
    };
    let body = format!(
        "{before}{head}{after}{}{}{CLOSE}",
        bold("PURPOSE"),
        p("Why.")
    );
    run(&body, &[("word/styles.xml", STYLES.as_bytes())])
}

/// A header table without a title row.
fn untitled() -> String {
    table(&[
        ("Meeting", "Resources Committee"),
        ("Date", "1 September 2021"),
        ("Presented By", "A Person, Director"),
    ])
}

#[test]
fn a_title_line_below_the_header_table_is_the_title_or_left_out_with_a_note() {
    // The header has no title: the line is the title.
    let untitled = untitled();
    let out = with_title(&untitled, "Estates Strategy");
    assert!(
        out.markdown.contains("title: Estates Strategy\n"),
        "{}",
        out.markdown
    );
    assert!(
        out.markdown.contains("---\n\n# Purpose\n\nWhy."),
        "{}",
        out.markdown
    );
    assert!(
        !codes(&out).contains(&"import-no-heading"),
        "{:?}",
        codes(&out)
    );
    assert!(
        !codes(&out).contains(&"import-title-line"),
        "{:?}",
        codes(&out)
    );
    // The header's title again: left out, said.
    let out = with_title(&header(), "ESTATES");
    assert!(
        out.markdown.contains("---\n\n# Purpose\n\nWhy."),
        "{}",
        out.markdown
    );
    let note = out
        .notes
        .iter()
        .find(|n| n.code == "import-title-line")
        .unwrap();
    assert!(
        note.message.contains("repeats the paper's title"),
        "{}",
        note.message
    );
    // Another title: the header's kept, the line left out, both named.
    let out = with_title(&header(), "Estates Plan 2021/22");
    assert!(
        out.markdown.contains("title: Estates\n"),
        "{}",
        out.markdown
    );
    assert!(
        !out.markdown.contains("Estates Plan 2021/22"),
        "{}",
        out.markdown
    );
    let note = out
        .notes
        .iter()
        .find(|n| n.code == "import-title-line")
        .unwrap();
    assert!(
        note.message.contains("“Estates Plan 2021/22”") && note.message.contains("(“Estates”)"),
        "{}",
        note.message
    );
    assert!(
        !codes(&out).contains(&"import-no-heading"),
        "{:?}",
        codes(&out)
    );
}

#[test]
fn without_a_header_table_every_required_key_has_a_placeholder() {
    let body = format!(
        "{}{}{}{}{CLOSE}",
        p("Policing Performance Committee"),
        title("Cyber Strategy Update"),
        bold("1. BACKGROUND"),
        p("Text one.")
    );
    let out = run(&body, &[("word/styles.xml", STYLES.as_bytes())]);
    let md = &out.markdown;
    assert!(
        md.starts_with("---\nmeeting: …\ndate: …\ntitle: Cyber Strategy Update\npresented_by: Name, Role\nrecommendation: …\n"),
        "{md}"
    );
    let placeholders: Vec<_> = out
        .notes
        .iter()
        .filter(|n| n.code == "import-placeholder")
        .collect();
    assert_eq!(placeholders.len(), 4, "{:?}", out.notes);
    assert!(
        placeholders[0].message.contains("committee's name")
            && placeholders[0].at.as_deref() == Some("meeting: …"),
        "{:?}",
        placeholders[0]
    );
    assert!(
        codes(&out).contains(&"import-no-header"),
        "{:?}",
        codes(&out)
    );
    // A header table that lacks a row gets none: its rows are said as they are.
    let out = with_title(&header(), "Estates");
    assert!(
        !codes(&out).contains(&"import-placeholder"),
        "{:?}",
        codes(&out)
    );
}

/// A Title-style line above the header table yields to the table's title as one below it
/// does (left out, said), and is the title only when the table gives none.
#[test]
fn a_title_line_above_the_header_table_yields_to_the_tables_title() {
    let above = |head: &str, line: &str| with_title_at(head, line, true);
    let out = above(&header(), "Estates Review");
    assert!(
        out.markdown.contains("title: Estates\n"),
        "{}",
        out.markdown
    );
    let note = out
        .notes
        .iter()
        .find(|n| n.code == "import-title-line")
        .expect("a note");
    assert!(
        note.message.contains("“Estates Review”"),
        "{}",
        note.message
    );
    let untitled = untitled();
    let out = above(&untitled, "Estates Review");
    assert!(
        out.markdown.contains("title: Estates Review\n"),
        "{}",
        out.markdown
    );
    assert!(!codes(&out).contains(&"import-title-line"));
}

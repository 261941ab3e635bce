//! Inline content Word has and Markdown lacks: superscript and subscript, field links.

use super::{CLOSE, bold, codes, header, run};

#[test]
fn superscript_and_subscript_are_kept_as_text_and_said_once() {
    let raised = |text: &str, how: &str| {
        format!(r#"<w:r><w:rPr><w:vertAlign w:val="{how}"/></w:rPr><w:t>{text}</w:t></w:r>"#)
    };
    let para = format!(
        r#"<w:p><w:r><w:t>The 1</w:t></w:r>{}<w:r><w:t xml:space="preserve"> meeting on CO</w:t></w:r>{}<w:r><w:t>.</w:t></w:r></w:p>"#,
        raised("st", "superscript"),
        raised("2", "subscript"),
    );
    let body = format!("{}{}{para}{CLOSE}", header(), bold("BACKGROUND"));
    let out = run(&body, &[]);
    assert!(
        out.markdown.contains("The 1st meeting on CO2."),
        "{}",
        out.markdown
    );
    let notes: Vec<_> = out
        .notes
        .iter()
        .filter(|n| n.code == "import-superscript")
        .collect();
    assert_eq!(notes.len(), 1, "{:?}", out.notes);
    assert!(
        notes[0].message.contains("2 pieces of text") && notes[0].message.contains("“st”"),
        "{}",
        notes[0].message
    );
    // Text in its usual place has no such note.
    let plain = run(&format!("{}{}{CLOSE}", header(), bold("BACKGROUND")), &[]);
    assert!(!codes(&plain).contains(&"import-superscript"));
}

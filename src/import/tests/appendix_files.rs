//! Appendices after the recommendations become Markdown files of their own, titled and
//! lettered as clerk letters them.

use super::*;

/// Appendices written after the recommendations become Markdown files beside the paper,
/// listed with their titles and files, their sub-headings their own, their footnotes
/// defined in them; before, they were numbered sections of the body after its
/// recommendations, with an `import-order` warning.
#[test]
fn appendices_at_the_end_become_files_of_their_own() {
    let head = table(&[
        ("Meeting", "Resources Committee"),
        ("Date", "1 September 2021"),
        ("Title of Paper", "Estates"),
        ("Presented By", "A Person, Director"),
        ("Recommendation to Members", "For Noting"),
        ("Appendix Attached", "Yes – Appendix A"),
    ]);
    let notes = r#"<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="7"><w:p><w:r><w:t>Survey of 2021.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;
    let cited = r#"<w:p><w:r><w:t>Costs by site.</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r></w:p>"#;
    let body = format!(
        "{head}{}{}{CLOSE}{}{cited}{}{}{}{}",
        bold("1. BACKGROUND"),
        p("1.1 The estate."),
        bold("APPENDIX A – CONDITION SURVEY"),
        bold("Method"),
        p("Walked every site."),
        bold("Appendix B: Glossary"),
        p("RAAC: a concrete."),
    );
    let out = run(&body, &[("word/footnotes.xml", notes.as_bytes())]);
    assert!(
        out.markdown.contains(
            "appendices:\n  - title: Condition Survey\n    file: _t-appendix-a.md\n  - title: Glossary\n    file: _t-appendix-b.md\n"
        ),
        "{}",
        out.markdown
    );
    assert!(!out.markdown.contains("Walked"), "{}", out.markdown);
    assert!(!out.markdown.contains("[^1]"), "{}", out.markdown);
    let files: Vec<&str> = out.appendices.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(files, ["_t-appendix-a.md", "_t-appendix-b.md"]);
    assert_eq!(
        out.appendices[0].1,
        "Costs by site.[^1]\n\n## Method\n\nWalked every site.\n\n[^1]: Survey of 2021.\n"
    );
    assert_eq!(out.appendices[1].1, "RAAC: a concrete.\n");
    let codes = codes(&out);
    assert!(codes.contains(&"import-appendix"), "{codes:?}");
    for gone in ["import-order", "import-appendix-title"] {
        assert!(!codes.contains(&gone), "{codes:?}");
    }
}

/// An appendix neither the header table nor its heading gives a title keeps the placeholder
/// `Appendix A`, and the note asking for one.
#[test]
fn an_appendix_given_no_title_anywhere_keeps_the_placeholder_and_its_note() {
    let body = format!(
        "{}{}{}{CLOSE}{}{}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 The estate."),
        bold("APPENDIX A"),
        p("Every site."),
    );
    let out = run(&body, &[]);
    assert!(
        out.markdown
            .contains("appendices:\n  - title: Appendix A\n    file: _t-appendix-a.md\n"),
        "{}",
        out.markdown
    );
    let note = out.notes.iter().find(|n| n.code == "import-appendix-title");
    assert!(
        note.is_some_and(|n| n.message.contains("placeholder title “Appendix A”")),
        "{:?}",
        out.notes
    );
}

/// An appendix the document lettered or numbered otherwise than clerk will (`Appendix C`
/// after `Appendix A`, `Annex 1`) is said, since the text may still cite it so.
#[test]
fn an_appendix_clerk_letters_otherwise_is_said() {
    let body = format!(
        "{}{}{}{CLOSE}{}{}{}{}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 The slippage is in Appendix C."),
        bold("APPENDIX A – CAPITAL SPEND"),
        p("Spend."),
        bold("APPENDIX C – SLIPPAGE"),
        p("Slippage."),
    );
    let out = run(&body, &[]);
    let said = said(&out, "import-appendix-letter");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("“Appendix C” is the paper's Appendix B"),
        "{said:?}"
    );
    let annex = format!(
        "{}{}{}{CLOSE}{}{}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 Text."),
        bold("ANNEX 1: STRATEGY"),
        p("Strategy."),
    );
    let out = run(&annex, &[]);
    assert!(
        out.notes
            .iter()
            .any(|n| n.message.contains("“Annex 1” is the paper's Appendix A")),
        "{:?}",
        out.notes
    );
}

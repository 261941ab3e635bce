//! Headings numbered `Section 1:` or `1)`.

use super::super::typed::heading_number;
use super::{CLOSE, bold, codes, header, p, run};

#[test]
fn section_and_parenthesis_numbered_headings_are_headings() {
    let body = format!(
        "{}{}{}{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("Section 1: Purpose"),
        p("To update members."),
        bold("1) Background"),
        p("1) The estate has 300 buildings."),
        bold("Section 2 – Disposals"),
        p("2.1 Ten buildings were sold."),
        bold("SECTION 3. NEXT STEPS"),
        p("3.1 More."),
    );
    let out = run(&body, &[]);
    let md = &out.markdown;
    assert!(
        md.contains("# Purpose\n\nTo update members.\n\n# Background\n\n1\\) The estate has 300 buildings.\n\n# Disposals\n\nTen buildings were sold.\n\n# Next Steps\n\nMore."),
        "{md}"
    );
    // Word's section numbers agree with clerk's (Purpose is unnumbered: Background is 1).
    assert!(
        !codes(&out).contains(&"import-no-heading"),
        "{:?}",
        out.notes
    );
    assert_eq!(heading_number("Section 12: X"), Some(("12".into(), 12)));
    assert_eq!(heading_number("2) Y"), Some(("2".into(), 3)));
    assert_eq!(heading_number("2)Y"), None);
    assert_eq!(heading_number("Sections 2: Y"), None);
    assert_eq!(heading_number("Section A: Y"), None);
}

/// A figure that starts a paragraph (`2.3 million calls`, `3.5 per cent`) is the
/// paragraph's first words, not its number: kept, and no numbering note about it. A number
/// before a tab, or before anything but a quantity's word, is the paragraph's number.
#[test]
fn a_figure_starting_a_paragraph_is_kept_as_its_words() {
    let body = format!(
        "{}{}{}{}{}{CLOSE}",
        header(),
        bold("BACKGROUND"),
        p("2.3 million calls were received in 2024/25."),
        p("3.5 per cent of staff responded."),
        p("2.0 million calls were answered."),
    );
    let out = run(&body, &[]);
    let md = &out.markdown;
    for kept in [
        "2.3 million calls were received in 2024/25.",
        "3.5 per cent of staff responded.",
        "2.0 million calls were answered.",
    ] {
        assert!(md.contains(&format!("\n\n{kept}\n")), "{kept:?} in\n{md}");
    }
    assert!(
        !codes(&out).contains(&"import-numbering"),
        "{:?}",
        out.notes
    );
    let numbered = format!(
        "{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1\tThe survey closed in May."),
        p("1.2 Response times were 4.5 minutes on average."),
    );
    let out = run(&numbered, &[]);
    let md = &out.markdown;
    assert!(md.contains("\n\nThe survey closed in May.\n"), "{md}");
    assert!(md.contains("\n\nResponse times were 4.5 minutes"), "{md}");
}

/// A list typed with Roman numerals, `(i)`, `(ii)`, `(iii)` or `i)`, is one list, numbered
/// 1, 2, 3; its items are not paragraphs of their own, so the paragraphs after keep their
/// numbers. `(i)` after `(h)` is the letter.
#[test]
fn a_typed_roman_list_is_one_list() {
    let body = format!(
        "{}{}{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 The options were:"),
        p("(i)\tretain the building;"),
        p("(ii)\tsell the building; or"),
        p("(iii)\tlease the building."),
        p("iv) none of these."),
        p("1.2 The board chose to sell."),
    );
    let out = run(&body, &[]);
    let md = &out.markdown;
    assert!(
        md.contains(
            "The options were:\n\n1. retain the building;\n2. sell the building; or\n3. lease the building.\n4. none of these.\n\nThe board chose to sell."
        ),
        "{md}"
    );
    assert!(
        !codes(&out).contains(&"import-numbering"),
        "{:?}",
        out.notes
    );
    let letters: String = "abcdefghi"
        .chars()
        .map(|c| p(&format!("({c})\tpoint {c};")))
        .collect();
    let body = format!(
        "{}{}{}{letters}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 Points:"),
    );
    let out = run(&body, &[]);
    assert!(
        out.markdown.contains("8. point h;\n9. point i;"),
        "{}",
        out.markdown
    );
    // A list in numerals straight after one of eight numerals: its `(i)` is the numeral,
    // since the item before was no letter.
    let numerals: String = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "i"]
        .iter()
        .map(|r| p(&format!("({r})\tstep {r};")))
        .collect();
    let body = format!(
        "{}{}{}{numerals}{CLOSE}",
        header(),
        bold("1. BACKGROUND"),
        p("1.1 Steps:"),
    );
    let out = run(&body, &[]);
    assert!(out.markdown.contains("8. step viii;\n"), "{}", out.markdown);
    assert!(!out.markdown.contains("9. step i;"), "{}", out.markdown);
}

/// Sections numbered `1.0`, `2.0` (a council style) are sections 1 and 2: the number goes
/// and no numbering note says it was skipped.
#[test]
fn a_section_numbered_n_point_0_is_section_n() {
    let body = format!(
        "{}{}{}{}{}{}{}{CLOSE}",
        header(),
        bold("PURPOSE"),
        p("To update members."),
        bold("1.0 BACKGROUND"),
        p("1.1 The estate has 300 buildings."),
        bold("2.0 DISPOSALS"),
        p("2.1 Ten were sold."),
    );
    let out = run(&body, &[]);
    let md = &out.markdown;
    assert!(
        md.contains(
            "# Background\n\nThe estate has 300 buildings.\n\n# Disposals\n\nTen were sold."
        ),
        "{md}"
    );
    assert!(
        !codes(&out).contains(&"import-numbering"),
        "{:?}",
        out.notes
    );
}

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

//! The house's private classification: one of its own markings, the most protected it
//! lists when it names none.

use super::*;

fn house(text: &str) -> Result<HouseStyle, Vec<Diagnostic>> {
    HouseStyle::from_yaml(text, Path::new(HOUSE_FILE))
}

#[test]
fn a_house_of_its_own_markings_marks_private_papers_with_its_most_protected() {
    let h = house("classifications: [PUBLIC, EXEMPT]\n").unwrap();
    assert_eq!(h.private_classification, "EXEMPT");
    // Named, it stands; the default list keeps the default.
    let h = house("classifications: [Open, Closed, Secret-ish]\nprivate_classification: Closed\n");
    assert_eq!(h.unwrap().private_classification, "Closed");
    assert_eq!(
        house("{}").unwrap().private_classification,
        "OFFICIAL-SENSITIVE"
    );
}

#[test]
fn a_private_classification_the_house_does_not_list_is_refused_at_its_line() {
    let text = "classifications: [PUBLIC, EXEMPT]\nprivate_classification: RESTRICTED\n";
    let errs = house(text).unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].line_col(text), (2, 25), "{errs:?}");
    assert!(
        errs[0]
            .message
            .contains("`RESTRICTED` is not one of the house's `classifications` (PUBLIC, EXEMPT)"),
        "{errs:?}"
    );
    assert!(
        errs[0]
            .help
            .as_deref()
            .unwrap()
            .contains("`private_classification: EXEMPT`"),
        "{errs:?}"
    );
}

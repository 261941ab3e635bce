//! The house's private classification: the most protected marking a house lists when it
//! names none and the default is not among them, the default for a house of one marking,
//! and never a marking refused outright.

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

/// A house of one marking gives it to its public papers: its private pages keep the
/// default, stronger marking, and may name one it does not list.
#[test]
fn a_house_of_one_marking_keeps_the_default_for_private_papers() {
    let h = house("classifications: [OFFICIAL]\n").unwrap();
    assert_eq!(h.private_classification, "OFFICIAL-SENSITIVE");
    let h = house("classifications: [OFFICIAL]\nprivate_classification: OFFICIAL-SENSITIVE\n");
    assert_eq!(h.unwrap().private_classification, "OFFICIAL-SENSITIVE");
}

#[test]
fn a_refused_private_classification_is_refused_at_its_line() {
    let text = "classifications: [PUBLIC, EXEMPT]\nprivate_classification: RESTRICTED\n";
    let errs = house(text).unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].line_col(text), (2, 25), "{errs:?}");
    assert!(
        errs[0]
            .message
            .contains("`RESTRICTED` cannot mark private papers: it is a retired marking"),
        "{errs:?}"
    );
}

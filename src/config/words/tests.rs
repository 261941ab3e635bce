//! The house's words: their defaults, read from clerk.yaml, filled in, and the errors of a
//! misspelt key or field at its place.

use std::path::Path;

use super::super::{HOUSE_FILE, HouseStyle};
use super::*;
use crate::config::tests::house_error;

fn words(page: &str) -> Words {
    Words {
        page: page.into(),
        ..HouseStyle::default().words
    }
}

#[test]
fn a_page_number_is_filled_as_the_house_words_it() {
    assert_eq!(HouseStyle::default().words.page_number(1, 3), "Page 1 of 3");
    assert_eq!(
        words("Duilleag {n} de {total}").page_number(2, 12),
        "Duilleag 2 de 12"
    );
    assert_eq!(words("{ total }/{n}").page_number(4, 9), "9/4");
}

#[test]
fn the_default_words_are_clerks_english() {
    let w = HouseStyle::default().words;
    assert_eq!(w.pack_page_stamp(7), "Pack page 7");
    assert_eq!(w.pack_pages(5, 13), "pages 5–13");
    assert_eq!(w.pack_pages(7, 7), "page 7");
    assert_eq!(
        w.private_marking("OFFICIAL-SENSITIVE"),
        "PRIVATE – OFFICIAL-SENSITIVE"
    );
    let said = [
        &w.committee,
        &w.chair,
        &w.verbal_item,
        &w.agenda,
        &w.public_pack,
        &w.private_pack,
        &w.front_sheet,
        &w.appendices,
        &w.committee_papers,
        &w.no_items,
    ];
    assert_eq!(
        said,
        [
            "Committee",
            "Chair",
            "Verbal item",
            "Agenda",
            "Public reports pack",
            "Private reports pack",
            "Front sheet",
            "Appendices",
            "Committee papers",
            "There are no items on this agenda.",
        ]
    );
}

#[test]
fn a_house_words_its_furniture_and_keeps_the_rest_in_english() {
    let text = "language: gd\nwords:\n  chair: Cathraiche\n  verbal_item: Aithris bheòil\n  \
                public_pack: Pasgan aithisgean poblach\n  pack_page: \"Duilleag pasgain {n}\"\n  \
                one_page: \"duilleag {n}\"\n  page_range: \"duilleagan {first} gu {last}\"\n  \
                private: DÌOMHAIR\n  committee_papers: Pàipearan comataidh\n";
    let house = HouseStyle::from_yaml(text, Path::new(HOUSE_FILE)).unwrap();
    let w = &house.words;
    assert_eq!(w.chair, "Cathraiche");
    assert_eq!(w.verbal_item, "Aithris bheòil");
    assert_eq!(w.public_pack, "Pasgan aithisgean poblach");
    assert_eq!(w.pack_page_stamp(3), "Duilleag pasgain 3");
    assert_eq!(w.pack_pages(4, 4), "duilleag 4");
    assert_eq!(w.pack_pages(4, 9), "duilleagan 4 gu 9");
    assert_eq!(w.private_marking("OFFICIAL"), "DÌOMHAIR – OFFICIAL");
    assert_eq!(w.committee_papers, "Pàipearan comataidh");
    // What the house leaves out stays clerk's English.
    assert_eq!(
        (w.contact.as_str(), w.page.as_str()),
        ("Contact", "Page {n} of {total}")
    );
}

#[test]
fn an_unknown_word_is_refused_at_its_line_with_the_key_it_is_near() {
    let text = "language: gd\nwords:\n  chair: Cathraiche\n  verbl_item: Aithris bheòil\n";
    let (message, help, line, column) = house_error(text);
    assert_eq!((line, column), (4, 3), "{message}");
    assert!(message.contains("verbl_item"), "{message}");
    assert!(help.contains("verbal_item"), "{help}");
}

#[test]
fn a_misspelt_field_of_a_pack_word_is_refused_at_its_place() {
    let text = "words:\n  page_range: \"duilleagan {first} gu {lats}\"\n";
    let (message, help, line, column) = house_error(text);
    assert_eq!((line, column), (2, 38), "{message}");
    assert!(message.contains("`words.page_range`"), "{message}");
    assert!(help.starts_with("did you mean `{last}`?"), "{help}");
    let (message, _, line, _) = house_error("words:\n  pack_page: \"Pack page {n\"\n");
    assert_eq!(line, 2, "{message}");
    assert!(message.contains("never closed"), "{message}");
}

#[test]
fn an_empty_word_is_refused_at_its_line() {
    let (message, help, line, column) =
        house_error("words:\n  verbal_item: Verbal\n  private: \"\"\n");
    assert_eq!((line, column), (3, 12), "{message}");
    assert_eq!(
        message,
        "`words.private` is empty, so it would be left off every output"
    );
    assert_eq!(
        help,
        "write the house's word for it, or remove the line to keep clerk's `PRIVATE`"
    );
}

/// A private item's ground, as the agenda, the meeting's page and the index say it: after
/// the house's word and a colon, or where its word names `{ground}` (English councils cite
/// a paragraph of Schedule 12A); a misspelt field is refused at its place.
#[test]
fn an_exempt_ground_is_said_as_the_house_words_it() {
    let w = HouseStyle::default().words;
    assert_eq!(
        w.exempt_note("Standing Orders section 20(d)"),
        "Exempt: Standing Orders section 20(d)"
    );
    let twelve_a = Words {
        exempt: "Exempt under paragraph {ground} of Schedule 12A".into(),
        ..HouseStyle::default().words
    };
    assert_eq!(
        twelve_a.exempt_note("3"),
        "Exempt under paragraph 3 of Schedule 12A"
    );
    let (message, help, line, _) =
        house_error("words:\n  exempt: \"Exempt – paragraph {grond}\"\n");
    assert_eq!(line, 2, "{message}");
    assert!(
        message.contains("`words.exempt` names `{grond}`"),
        "{message}"
    );
    assert!(help.starts_with("did you mean `{ground}`?"), "{help}");
}

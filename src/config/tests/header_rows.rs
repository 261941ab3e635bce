//! Header rows naming a key the table cannot show: the help offers the key meant, or
//! says which keys it can show.

use super::*;

#[test]
fn a_header_row_key_near_a_declared_extra_field_is_offered_that_field() {
    let text = "extra_fields:\n  - { key: report_number }\nheader_rows:\n  - { label: Report, key: report_no }\n";
    let (message, help, line, column) = house_error(text);
    assert_eq!((line, column), (4, 27), "{message}");
    assert_eq!(
        help,
        "did you mean `report_number` (the house's extra field)?"
    );
}

#[test]
fn a_header_row_key_near_nothing_lists_the_extra_fields_too() {
    let text = "extra_fields:\n  - { key: wards_affected }\nheader_rows:\n  - { label: Cost, key: budget_code }\n";
    let (_, help, _, _) = house_error(text);
    assert!(help.contains("presented_by"), "{help}");
    assert!(
        help.contains("the house's extra fields: wards_affected"),
        "{help}"
    );
    assert!(
        help.contains("declare `budget_code` under `extra_fields`"),
        "{help}"
    );
}

/// A paper's own key the header table cannot show (`language`, `keywords`) is said to be
/// one: the way out is not `extra_fields`, which refuses a paper's own key.
#[test]
fn a_header_row_of_a_papers_key_the_table_cannot_show_says_so() {
    for key in ["language", "keywords"] {
        let text = format!("header_rows:\n  - {{ label: Language, key: {key} }}\n");
        let (_, help, _, _) = house_error(&text);
        assert!(
            help.starts_with(&format!("`{key}` is a paper's key, but not one the header table can show; it shows meeting, date,")),
            "{help}"
        );
        assert!(!help.contains("extra_fields"), "{help}");
    }
}

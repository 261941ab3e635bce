use super::*;

#[test]
fn default_is_the_spa_style() {
    let h = HouseStyle::default();
    assert_eq!(h.implications.len(), 8);
    assert_eq!(h.implications[5].heading, "Community Impact");
    assert!(h.is_unnumbered("PURPOSE"));
    assert_eq!(
        h.format_date(jiff::civil::date(2021, 9, 1)),
        "1 September 2021"
    );
    assert_eq!(h.case_heading("Further Detail"), "FURTHER DETAIL");
}

#[test]
fn greek_in_capitals_loses_its_accents_but_not_its_diaeresis() {
    let h = HouseStyle::default();
    assert_eq!(h.case_heading("Ελληνικά"), "ΕΛΛΗΝΙΚΑ");
    assert_eq!(h.case_heading("Άρθρο ένα: ώρες"), "ΑΡΘΡΟ ΕΝΑ: ΩΡΕΣ");
    assert_eq!(h.case_heading("προϊόν"), "ΠΡΟΪΟΝ");
    assert_eq!(h.case_heading("ΐ ΰ"), "Ϊ Ϋ");
    // Other scripts' accents stay.
    assert_eq!(h.case_heading("Résumé Café"), "RÉSUMÉ CAFÉ");
    assert_eq!(h.case_heading("a\u{301}"), "A\u{301}");
}

/// Read straight into the struct (as `default` does) or through the spanned tree (as
/// a project's `clerk.yaml` is), the embedded default is the same house style.
#[test]
fn the_default_reads_the_same_both_ways() {
    let tree: HouseStyle = yaml::from_str(DEFAULT_HOUSE_YAML, Path::new(HOUSE_FILE)).unwrap();
    let json = |h: &HouseStyle| serde_json::to_string(h).unwrap();
    assert_eq!(json(&HouseStyle::default()), json(&tree));
    let empty = HouseStyle::from_yaml("{}", Path::new(HOUSE_FILE)).unwrap();
    assert_eq!(json(&HouseStyle::default()), json(&empty));
}

/// The JSON `build.rs` writes is the YAML's tree: the same keys in the same order, the
/// same values and types, only no positions.
#[test]
fn the_default_as_json_is_the_yaml_tree_but_for_positions() {
    fn plain(node: yaml::Node) -> yaml::Node {
        let value = match node.value {
            yaml::Value::Seq(items) => yaml::Value::Seq(items.into_iter().map(plain).collect()),
            yaml::Value::Map(entries) => {
                let entries: Vec<_> = entries
                    .into_iter()
                    .map(|(k, v)| {
                        (
                            yaml::Key {
                                name: k.name,
                                pos: Default::default(),
                            },
                            plain(v),
                        )
                    })
                    .collect();
                yaml::Value::Map(entries)
            }
            scalar => scalar,
        };
        yaml::Node {
            pos: Default::default(),
            value,
        }
    }
    let from_yaml = yaml::to_node(DEFAULT_HOUSE_YAML, Path::new(HOUSE_FILE)).unwrap();
    let from_json = yaml::from_json(DEFAULT_HOUSE_JSON).unwrap();
    assert!(
        from_json
            .get("pdf")
            .and_then(|p| p.get("margins_mm"))
            .is_some()
    );
    assert_eq!(plain(from_yaml), plain(from_json));
}

/// A valid `clerk.yaml` is read without positions first; what it gives is what the
/// spanned tree gives (and a file with a problem still has its line, see below).
#[test]
fn a_valid_house_style_reads_the_same_without_positions() {
    let council = include_str!("../../../tests/fixtures/council/clerk.yaml");
    for text in [DEFAULT_HOUSE_YAML, council, "pdf: { justify: true }\n"] {
        let file = Path::new(HOUSE_FILE);
        assert!(yaml::from_yaml_plain(text, yaml::YamlLimits::default()).is_some());
        let default = yaml::from_json(DEFAULT_HOUSE_JSON).unwrap();
        let spanned = yaml::overlay(default, yaml::to_node(text, file).unwrap());
        let mut spanned: HouseStyle = yaml::from_node(&spanned, file).unwrap();
        // As `from_yaml` does for a house naming no private classification (none here do).
        spanned.private_classification_from_list();
        let json = |h: &HouseStyle| serde_json::to_string(h).unwrap();
        assert_eq!(
            json(&HouseStyle::from_yaml(text, file).unwrap()),
            json(&spanned)
        );
    }
    let twice = "language: en-GB\nlanguage: cy\n";
    assert!(yaml::from_yaml_plain(twice, yaml::YamlLimits::default()).is_none());
    let err = HouseStyle::from_yaml(twice, Path::new(HOUSE_FILE)).unwrap_err();
    assert_eq!(err[0].code, "duplicate-key");
    assert!(err[0].span.is_some(), "located: {:?}", err[0]);
}

#[test]
fn project_keys_override_and_others_default() {
    let h = HouseStyle::from_yaml(
        "heading_case: title\nunnumbered_sections: [Summary]\n",
        Path::new("clerk.yaml"),
    )
    .unwrap();
    assert_eq!(h.heading_case, HeadingCase::Title);
    assert!(h.is_unnumbered("summary"));
    assert_eq!(h.implications.len(), 8);
    // Title case as a house writes it: small words in lower case, `iPad` as written.
    assert_eq!(
        h.case_heading("Proposals For The iPad Roll-out"),
        "Proposals for the iPad Roll-out"
    );
}

#[test]
fn nested_keys_merge_with_the_default() {
    let h = HouseStyle::from_yaml(
        "pdf:\n  justify: true\n  margins_mm: { left: 25 }\n",
        Path::new("clerk.yaml"),
    )
    .unwrap();
    assert!(h.pdf.justify);
    assert_eq!(h.pdf.margins_mm.left, 25.0);
    assert_eq!(h.pdf.margins_mm.top, 20.0);
    assert_eq!(h.pdf.page_size, PageSize::A4);
}

#[test]
fn unknown_key_is_refused_with_its_line() {
    let text = "language: en-GB\nheading_cse: upper\n";
    let errs = HouseStyle::from_yaml(text, Path::new("clerk.yaml")).unwrap_err();
    assert_eq!(errs[0].line_col(text).0, 2, "{errs:?}");
    assert!(
        errs[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("heading_case"),
        "{errs:?}"
    );
}

#[test]
fn a_misspelt_footer_field_is_refused_at_its_place_with_the_near_name() {
    let text = "extra_fields:\n  - { key: report_number }\npdf:\n  footer:\n    - \"Item {agenda_item}\"\n    - \"Report {reprot_number}\"\n";
    let errs = HouseStyle::from_yaml(text, Path::new("clerk.yaml")).unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].line_col(text), (6, 15), "{errs:?}");
    assert!(errs[0].message.contains("{reprot_number}"), "{errs:?}");
    let help = errs[0].help.as_deref().unwrap_or("");
    assert!(help.contains("did you mean `{report_number}`"), "{help}");
    // Every one-line key of a paper and every field the house declares may be used.
    let good = "extra_fields:\n  - { key: report_number }\npdf:\n  footer: [\"{report_number} {date} {location} {presented_by} {status} {language}\"]\n";
    assert!(HouseStyle::from_yaml(good, Path::new("clerk.yaml")).is_ok());
    // A section cannot go in the footer, and a brace left open is found too.
    for (line, said) in [
        ("{implications}", "whole section"),
        ("Ref {title", "never closed"),
    ] {
        let text = format!("pdf:\n  footer: [\"{line}\"]\n");
        let errs = HouseStyle::from_yaml(&text, Path::new("clerk.yaml")).unwrap_err();
        assert!(errs[0].message.contains(said), "{errs:?}");
        assert_eq!(errs[0].line_col(&text).0, 2, "{errs:?}");
    }
}

/// The one error of `text` as a house style: its message, help, line and column.
pub(super) fn house_error(text: &str) -> (String, String, usize, usize) {
    let errs = HouseStyle::from_yaml(text, Path::new(HOUSE_FILE)).unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:?}");
    let (line, column) = errs[0].line_col(text);
    let help = errs[0].help.clone().unwrap_or_default();
    (errs[0].message.clone(), help, line, column)
}

#[test]
fn two_implications_with_one_key_are_refused_at_the_second_naming_the_first() {
    let text = "implications:\n  - key: legal\n    heading: Legal\n    default: None.\n  - key: legal\n    heading: Risk\n    default: None.\n";
    let (message, help, line, column) = house_error(text);
    assert_eq!((line, column), (5, 10), "{message}");
    assert!(
        message.contains("`legal` is given twice (first at line 2)"),
        "{message}"
    );
    assert!(help.contains("printed twice"), "{help}");
}

#[test]
fn an_extra_field_or_header_row_key_given_twice_is_refused_at_the_second() {
    let text = "extra_fields:\n  - { key: wards }\n  - { key: wards, required: true }\n";
    let (message, _, line, column) = house_error(text);
    assert_eq!((line, column), (3, 12), "{message}");
    assert!(
        message.contains("the extra field `wards` is given twice (first at line 2)"),
        "{message}"
    );
    let text = "header_rows:\n  - { label: Meeting, key: meeting }\n  - { label: Committee, key: meeting }\n";
    let (message, help, line, _) = house_error(text);
    assert_eq!(line, 3, "{message}");
    assert!(
        message.contains("the header row key `meeting` is given twice (first at line 2)"),
        "{message}"
    );
    assert!(help.contains("shown twice"), "{help}");
}

#[test]
fn a_house_language_that_is_no_tag_is_refused_with_the_tag_it_means() {
    let (message, help, line, column) =
        house_error("organisation: { name: X }\nlanguage: english\n");
    assert_eq!((line, column), (2, 11), "{message}");
    assert!(
        message.contains("`english` is not a language tag"),
        "{message}"
    );
    assert!(
        help.starts_with("did you mean `en-GB` (or `en`)?"),
        "{help}"
    );
    assert!(HouseStyle::from_yaml("language: gd\n", Path::new(HOUSE_FILE)).is_ok());
}

#[test]
fn an_extra_field_named_as_a_paper_key_is_refused_at_its_key() {
    let text = "extra_fields:\n  - { key: wards }\n  - { key: title }\n";
    let (message, help, line, column) = house_error(text);
    assert_eq!((line, column), (3, 12), "{message}");
    assert!(
        message.contains("`title` is already one of a paper's own keys"),
        "{message}"
    );
    assert!(help.contains("remove it from `extra_fields`"), "{help}");
}

#[test]
fn a_bad_date_format_is_placed_at_its_line_with_the_default_as_example() {
    let (message, help, line, column) = house_error("language: en-GB\ndate_format: \"%d/%m/%Q\"\n");
    assert_eq!((line, column), (2, 14), "{message}");
    assert!(message.contains("`%d/%m/%Q`"), "{message}");
    assert!(
        help.starts_with("the default style uses \"%-d %B %Y\""),
        "{help}"
    );
    assert!(!help.contains("SPA"), "{help}");
    // Word's and Excel's codes are no codes here: the format would print itself.
    let (message, _, line, _) = house_error("date_format: \"dd MMMM yyyy\"\n");
    assert_eq!(line, 1);
    assert!(
        message
            .contains("shows no day nor month nor year, so every date would read “dd MMMM yyyy”"),
        "{message}"
    );
    let (message, ..) = house_error("weekday_date_format: \"%A %B %Y\"\n");
    assert!(message.contains("shows no day,"), "{message}");
}

#[test]
fn a_margin_or_type_size_out_of_range_is_named_with_its_value_and_range() {
    let text = "pdf:\n  margins_mm: { top: -5, right: 20 }\n";
    let (message, help, line, column) = house_error(text);
    assert_eq!((line, column), (2, 22), "{message}");
    assert!(
        message.contains("`pdf.margins_mm.top` is -5 mm"),
        "{message}"
    );
    assert!(help.contains("0 to 100 millimetres"), "{help}");

    let (message, help, line, _) = house_error("pdf:\n  font_size: 30\n");
    assert_eq!(line, 2, "{message}");
    assert!(
        message.contains("`pdf.font_size` is 30 points"),
        "{message}"
    );
    assert!(help.contains("6 to 24 points"), "{help}");

    let text = "pdf:\n  margins_mm: { right: 80, left: 70 }\n";
    let (message, help, line, column) = house_error(text);
    assert_eq!((line, column), (2, 24), "{message}");
    assert!(
        message.contains("left and right margins together (150 mm)"),
        "{message}"
    );
    assert!(help.contains("at most 126 mm on A4 paper"), "{help}");
}

#[test]
fn a_refused_classification_is_placed_with_its_reason_and_a_way_out() {
    let (message, help, line, column) =
        house_error("classifications:\n  - OFFICIAL\n  - Restricted\n");
    assert_eq!((line, column), (3, 5), "{message}");
    assert!(
        message.contains("`Restricted` cannot be allowed: it is a retired marking"),
        "{message}"
    );
    assert!(
        help.starts_with("remove it from `classifications`"),
        "{help}"
    );
}

#[test]
fn a_misspelt_page_number_field_is_refused_at_its_place() {
    let text = "language: gd\nwords:\n  page: \"Duilleag {n} de {totl}\"\n";
    let (message, help, line, column) = house_error(text);
    assert_eq!((line, column), (3, 26), "{message}");
    assert!(message.contains("`{totl}`"), "{message}");
    assert!(help.starts_with("did you mean `{total}`?"), "{help}");
    let (message, _, line, _) = house_error("words:\n  page: \"Page {n of {total}\"\n");
    assert_eq!(line, 2, "{message}");
    assert!(message.contains("never closed"), "{message}");
    let good = "language: gd\nwords: { page: \"Duilleag {n} de {total}\", yes: Tha }\n";
    let house = HouseStyle::from_yaml(good, Path::new(HOUSE_FILE)).unwrap();
    assert_eq!(house.words.page_number(2, 3), "Duilleag 2 de 3");
    assert_eq!(
        (house.words.yes.as_str(), house.words.no.as_str()),
        ("Tha", "No")
    );
}

/// A house style with several problems has them all reported at once, each at its place
/// (serde stops at the first): an unknown key, a value of the wrong kind in a nested
/// table, another further down, and a value the checks after reading refuse.
#[test]
fn every_problem_of_a_house_style_is_reported_at_once() {
    let text = "heading_cse: upper\npdf:\n  font_size: eleven\n  justify: false\nwords:\n  yes: [Yes]\ntime_zone: Europe/Londn\nlimits:\n  table_columns: many\n";
    let errs = HouseStyle::from_yaml(text, Path::new(HOUSE_FILE)).unwrap_err();
    let lines: Vec<usize> = errs.iter().map(|e| e.line_col(text).0).collect();
    assert_eq!(lines, [1, 3, 6, 7, 9], "{errs:#?}");
    assert_eq!(errs[0].code, "unknown-key", "{errs:?}");
    assert!(errs[3].message.contains("time zone"), "{errs:?}");
    // One problem alone is still one diagnostic.
    assert_eq!(house_error("pdf:\n  font_size: eleven\n").2, 2);
}

/// `meeting_length` is a length of time as people write one; anything else, nothing or more
/// than a day is refused at its value.
#[test]
fn a_meeting_length_is_read_as_written_and_a_wrong_one_refused_at_its_value() {
    assert_eq!(
        HouseStyle::default().meeting_duration(),
        Some(jiff::SignedDuration::from_hours(2))
    );
    let house = HouseStyle::from_yaml("meeting_length: 1h 30m\n", Path::new(HOUSE_FILE)).unwrap();
    assert_eq!(
        house.meeting_duration(),
        Some(jiff::SignedDuration::from_mins(90))
    );
    for wrong in ["all morning", "0m", "25h", "-1h"] {
        let (message, help, line, column) = house_error(&format!("meeting_length: {wrong}\n"));
        assert_eq!((line, column), (1, 17), "{message}");
        assert!(message.contains(&format!("`{wrong}`")), "{message}");
        assert!(help.contains("`1h 30m`"), "{help}");
    }
}
mod fonts;
mod header_rows;
mod private;

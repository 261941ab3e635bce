//! Unit tests of metadata checks: every problem at once, each at its line and column; an
//! author's slips (a misnamed key, curly quotes, an empty item) in `slips`.

use std::path::Path;

use super::*;
use crate::config::HouseStyle;
use crate::diag::{Placed, Sources, placed};
use crate::yaml;

const GOOD: &str = "meeting: Policing Performance Committee
date: 2021-09-01
title: HMICS Progress Review
presented_by: Elaine Galbraith, HMICS
recommendation: For Discussion
recommendations: Members are invited to discuss the contents of this report.
";

fn check(yaml_text: &str) -> (Option<PaperMeta>, Vec<Placed>) {
    check_with(yaml_text, &HouseStyle::default())
}

fn check_with(yaml_text: &str, house: &HouseStyle) -> (Option<PaperMeta>, Vec<Placed>) {
    let file = Path::new("p.yaml");
    let root = yaml::to_node(yaml_text, file).expect("valid YAML");
    let cx = MetaContext {
        file,
        text: yaml_text,
        paper_dir: Path::new("."),
        house,
    };
    let (meta, diags) = check_meta(&root, &cx);
    (meta, placed(diags, &Sources::of(file, yaml_text)))
}

#[test]
fn good_metadata_passes() {
    let (meta, diags) = check(GOOD);
    assert!(diags.is_empty(), "{diags:?}");
    let meta = meta.unwrap();
    assert_eq!(meta.date_display, "1 September 2021");
    assert_eq!(meta.language, "en-GB");
    assert_eq!(meta.status, None);
}

#[test]
fn every_problem_is_reported_at_once_with_its_place() {
    let text = "meeting: Policing Performance Committee
date: 2021-02-30
titel: HMICS
presentd_by: Elaine
recommendation: For Discusion
recommendations: x
classification: SECRET
implications:
  finance: costs
";
    let (meta, diags) = check(text);
    assert!(meta.is_none());
    let found: Vec<(&str, usize, usize)> =
        diags.iter().map(|d| (d.code, d.line, d.column)).collect();
    let expect = [
        ("misnamed-key", 3, 1),
        ("misnamed-key", 4, 1),
        ("bad-date", 2, 7),
        ("unusual-recommendation", 5, 17),
        ("refused-classification", 7, 17),
        ("unknown-implication", 9, 3),
    ];
    for e in expect {
        assert!(found.contains(&e), "missing {e:?} in {found:?}");
    }
    let help = |code: &str, line: usize| {
        diags
            .iter()
            .find(|d| d.code == code && d.line == line)
            .and_then(|d| d.help.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        help("misnamed-key", 3),
        "write `title:` instead; the value here was checked as `title` already"
    );
    assert!(help("misnamed-key", 4).starts_with("write `presented_by:` instead"));
    // One diagnostic each: the misnamed key says the required key is missing.
    assert!(
        !found.iter().any(|(code, _, _)| *code == "missing-key"),
        "{found:?}"
    );
    assert_eq!(
        help("unusual-recommendation", 5),
        "did you mean `For Discussion`?"
    );
    assert!(
        help("unknown-implication", 9).contains("financial"),
        "{}",
        help("unknown-implication", 9)
    );
    let date = diags.iter().find(|d| d.code == "bad-date").unwrap();
    assert!(
        date.message.contains("February 2021 has 28 days"),
        "{}",
        date.message
    );
}

#[test]
fn date_shapes() {
    for (date, ok) in [
        ("2021-09-01", true),
        ("2024-02-29", true),
        ("2023-02-29", false),
        ("2021-13-01", false),
        ("1/9/2021", false),
        ("2021-9-1", false),
        ("\"2021-09-01\"", true),
    ] {
        let text = GOOD.replace("2021-09-01", date);
        let (meta, diags) = check(&text);
        assert_eq!(meta.is_some(), ok, "{date}: {diags:?}");
    }
}

#[test]
fn a_date_typed_as_people_write_it_is_offered_in_the_form_clerk_reads() {
    for (typed, help) in [
        (
            "15th December 2026",
            "write it as `2026-12-15` (year, month, day)",
        ),
        (
            "Wednesday 1 September 2021",
            "write it as `2021-09-01` (year, month, day)",
        ),
        (
            "Wed. 1 September 2021",
            "write it as `2021-09-01` (year, month, day)",
        ),
        (
            "ùùday 1 September 2021",
            "write it as `2021-09-01` (year, month, day), but check the day first: \
             1 September 2021 is a Wednesday, not a ùùday",
        ),
        (
            "Tuesday 1 September 2021",
            "write it as `2021-09-01` (year, month, day), but check the day first: \
             1 September 2021 is a Wednesday, not a Tuesday",
        ),
        (
            "02/03/2021",
            "write `2021-03-02` (year, month, day), if `02/03/2021` means 2 March 2021",
        ),
        (
            "next Tuesday",
            "write the meeting date like `2021-09-01` (year, month, day)",
        ),
        // A two-figure year may be read otherwise too: offered as a guess.
        (
            "26-03-12",
            "write `2012-03-26` (year, month, day), if `26-03-12` means 26 March 2012",
        ),
    ] {
        let err = parse_date(typed).unwrap_err();
        assert_eq!(
            err.message,
            format!("`{typed}` is not a date in the form YYYY-MM-DD")
        );
        assert_eq!(err.help, help, "{typed}");
    }
}

#[test]
fn a_typed_date_the_month_lacks_says_so() {
    let err = parse_date("31/02/2026").unwrap_err();
    assert_eq!(
        err.message,
        "`31/02/2026` is not a date in the form YYYY-MM-DD, nor a real one: February 2026 has 28 days"
    );
    assert!(err.help.starts_with("check the day"), "{}", err.help);
}

#[test]
fn wrong_types_are_named() {
    let text = format!("{GOOD}appendices: yes please\nkeywords: one\ntitle2: x\n");
    let (_, diags) = check(&text);
    let msgs: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert!(msgs.contains(&"`appendices` must be a list"), "{msgs:?}");
    assert!(msgs.contains(&"`keywords` must be a list"), "{msgs:?}");
}

#[test]
fn classification_rules() {
    for (value, code) in [
        ("OFFICIAL", None),
        ("OFFICIAL-SENSITIVE", None),
        ("official", Some("unknown-classification")),
        ("RESTRICTED", Some("refused-classification")),
        ("TOP SECRET", Some("refused-classification")),
        ("PUBLIC", Some("unknown-classification")),
    ] {
        let (_, diags) = check(&format!("{GOOD}classification: {value}\n"));
        assert_eq!(diags.first().map(|d| d.code), code, "{value}: {diags:?}");
    }
    let (_, diags) = check(&format!("{GOOD}classification: official\n"));
    assert_eq!(
        diags[0].help.as_deref(),
        Some("write it in capitals: `OFFICIAL`")
    );
}

#[test]
fn a_classification_in_other_capitals_is_refused_with_the_house_s_own_form() {
    let house = HouseStyle {
        classifications: vec!["Official".into(), "Official-Sensitive".into()],
        ..HouseStyle::default()
    };
    for written in ["OFFICIAL-SENSITIVE", "official-sensitive"] {
        let (meta, diags) = check_with(&format!("{GOOD}classification: {written}\n"), &house);
        assert!(meta.is_none(), "{written}");
        assert_eq!(diags[0].code, "unknown-classification", "{diags:?}");
        assert_eq!(
            diags[0].help.as_deref(),
            Some("write it as the house does: `Official-Sensitive`"),
            "{written}"
        );
    }
    let (meta, diags) = check_with(&format!("{GOOD}classification: Official\n"), &house);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(meta.unwrap().classification.as_deref(), Some("Official"));
}

#[test]
fn a_recommendation_in_other_capitals_is_written_as_the_house_writes_it() {
    let (meta, diags) = check(&GOOD.replace("For Discussion", "for discussion"));
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(meta.unwrap().recommendation, "For Discussion");
    // Outside the vocabulary: kept as written, and warned of.
    let (meta, diags) = check(&GOOD.replace("For Discussion", "to approve"));
    assert_eq!(meta.unwrap().recommendation, "to approve");
    assert_eq!(diags.len(), 1, "{diags:?}");
}

#[test]
fn agenda_item_keeps_its_written_form() {
    let (meta, _) = check(&format!("{GOOD}agenda_item: 4.10\n"));
    assert_eq!(meta.unwrap().agenda_item.as_deref(), Some("4.10"));
}

#[test]
fn appendices_and_status() {
    let text = format!(
        "{GOOD}status: final\nappendices:\n  - title: The report\n  - Just a title\n  - titel: x\n"
    );
    let (meta, diags) = check(&text);
    assert_eq!(diags.len(), 2, "{diags:?}");
    assert_eq!(diags[0].help.as_deref(), Some("did you mean `title`?"));
    assert!(meta.is_none());
    let text =
        format!("{GOOD}status: final\nappendices:\n  - title: The report\n  - Just a title\n");
    let meta = check(&text).0.unwrap();
    assert_eq!(meta.status, Some(Status::Final));
    assert_eq!(meta.appendices.len(), 2);
    let (_, diags) = check(&format!(
        "{GOOD}appendices:\n  - title: A\n    file: missing.pdf\n"
    ));
    assert_eq!(diags[0].code, "appendix-missing");
    assert_eq!(diags[0].line, 9);
}

#[test]
fn house_extra_fields_are_keys_of_their_own() {
    let house = HouseStyle::from_yaml(
        "extra_fields:\n  - { key: wards_affected, required: true }\n  - { key: key_decision }\n",
        Path::new("clerk.yaml"),
    )
    .unwrap();
    let (meta, diags) = check_with(
        &format!("{GOOD}wards_affected: All\nkey_decision: \"No\"\n"),
        &house,
    );
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        meta.unwrap().extra,
        [
            ("wards_affected".to_string(), "All".to_string()),
            ("key_decision".to_string(), "No".to_string())
        ]
    );
    let (_, diags) = check_with(GOOD, &house);
    assert_eq!(
        diags[0].message,
        "the required key `wards_affected` is missing"
    );
    let (_, diags) = check(&format!("{GOOD}wards_affected: All\n"));
    assert_eq!(diags[0].code, "unknown-key");
}

#[test]
fn language_tags() {
    assert!(check(&format!("{GOOD}language: gd\n")).0.is_some());
    assert!(check(&format!("{GOOD}language: cy-GB\n")).0.is_some());
    assert!(check(&format!("{GOOD}language: English\n")).0.is_none());
}

mod slips;

//! An author's slips in the metadata: a misnamed or repeated key, an empty keyword, a value
//! in curly quotes, an appendix without its title.

use super::*;

#[test]
fn a_misnamed_key_is_one_diagnostic_and_its_value_is_checked() {
    let text = "committee: Policing Performance Committee
meeting date: 2021-02-30
title: T
Lead officer: Elaine Galbraith
recommendation: For Discussion
recommendations: x
agenda item: \"4.2\"
colour: blue
";
    let (meta, diags) = check(text);
    assert!(meta.is_none());
    let found: Vec<(&str, usize, usize)> =
        diags.iter().map(|d| (d.code, d.line, d.column)).collect();
    assert_eq!(
        found,
        [
            ("misnamed-key", 1, 1),
            ("misnamed-key", 2, 1),
            ("misnamed-key", 4, 1),
            ("misnamed-key", 7, 1),
            ("unknown-key", 8, 1),
            ("bad-date", 2, 15),
        ],
        "{diags:#?}"
    );
    let message = |line: usize| {
        diags
            .iter()
            .find(|d| d.line == line)
            .map(|d| d.message.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        message(1),
        "clerk has no key `committee`; it is probably the required key `meeting`, which is missing"
    );
    assert_eq!(
        message(4),
        "clerk has no key `Lead officer`; it is probably the required key `presented_by`, which is missing"
    );
    assert_eq!(
        message(7),
        "clerk has no key `agenda item`; it is probably `agenda_item`"
    );
}

#[test]
fn an_unknown_key_for_a_key_already_given_is_only_unknown() {
    let text = "meeting: M
date: 2021-09-01
committee: M again
title: T
presented_by: P
recommendation: For Discussion
recommendations: x
";
    let (meta, diags) = check(text);
    assert!(meta.is_none());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].code, "unknown-key");
}

#[test]
fn an_empty_keyword_is_said_to_be_one_item_and_the_others_are_kept() {
    let text = format!("{GOOD}keywords: [\"\", policing]\nappendices:\n  - Yes\n");
    let (_, diags) = check(&text);
    let found: Vec<_> = diags
        .iter()
        .map(|d| (d.code, d.line, d.column, d.message.as_str()))
        .collect();
    assert!(
        found.contains(&("empty-value", 7, 12, "an item of `keywords` is empty")),
        "{found:?}"
    );
    let appendix = diags.iter().find(|d| d.line == 9).expect("the appendix");
    assert_eq!(appendix.code, "wrong-type");
    assert!(
        appendix
            .help
            .as_deref()
            .is_some_and(|h| h.contains(r#"`- "Yes"`"#)),
        "{appendix:?}"
    );
    // A list with a blank item and a good one.
    let (_, diags) = check(&format!("{GOOD}keywords:\n  - policing\n  -\n"));
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(
        (diags[0].line, diags[0].message.as_str()),
        (9, "an item of `keywords` is empty")
    );
}

#[test]
fn a_value_in_curly_quotes_is_warned_of_at_its_place() {
    let text = GOOD
        .replace(
            "meeting: Policing Performance Committee",
            "meeting: “Policing Performance Committee”",
        )
        .replace(
            "title: HMICS Progress Review",
            "title: ‘HMICS’ Progress ‘Review’",
        );
    let (meta, diags) = check(&text);
    let found: Vec<_> = diags.iter().map(|d| (d.code, d.line, d.column)).collect();
    assert_eq!(
        found,
        [("curly-quotes", 1, 10), ("curly-quotes", 3, 8)],
        "{diags:?}"
    );
    assert!(
        diags[0]
            .help
            .as_deref()
            .unwrap()
            .contains("`meeting: \"Policing Performance Committee\"`"),
        "{diags:?}"
    );
    // The meeting, which papers share, is read without them (the same committee as the
    // papers that name it plainly); the title is kept as written. Quotes inside a value
    // are no matter.
    assert!(
        diags[0]
            .message
            .ends_with("it is read as Policing Performance Committee")
    );
    assert!(
        diags[1]
            .message
            .ends_with("it reads ‘HMICS’ Progress ‘Review’")
    );
    let meta = meta.unwrap();
    assert_eq!(meta.meeting, "Policing Performance Committee");
    assert_eq!(meta.title, "‘HMICS’ Progress ‘Review’");
    let inner = GOOD.replace("HMICS Progress Review", "The “Modern” Review");
    assert!(check(&inner).1.is_empty());
}

#[test]
fn a_meeting_with_one_curly_quote_is_read_without_it() {
    let text = GOOD.replace(
        "meeting: Policing Performance Committee",
        "meeting: “Policing Performance Committee",
    );
    let (meta, diags) = check(&text);
    let codes: Vec<_> = diags.iter().map(|d| (d.code, d.line, d.column)).collect();
    assert_eq!(codes, [("curly-quotes", 1, 10)], "{diags:?}");
    assert!(
        diags[0].message.contains("is marked with curly quotes"),
        "{diags:?}"
    );
    assert_eq!(meta.unwrap().meeting, "Policing Performance Committee");
    // A title may open with a quote of its own.
    let title = GOOD.replace(
        "title: HMICS Progress Review",
        "title: “Right to Buy” Review",
    );
    assert!(check(&title).1.is_empty());
}

#[test]
fn an_empty_appendix_title_asks_for_the_appendix_title() {
    let text = format!("{GOOD}appendices:\n  - title:\n  - title: \"\"\n    file: a.pdf\n");
    let (_, diags) = check(&text);
    let empty: Vec<_> = diags.iter().filter(|d| d.code == "empty-value").collect();
    assert_eq!(empty.len(), 2, "{diags:?}");
    for d in empty {
        assert_eq!(
            d.help.as_deref(),
            Some("write the title of the appendix after `title:`"),
            "{d:?}"
        );
    }
}

/// Recommendations written as YAML's list: kept as Markdown's, in a `|` block, is the way
/// out, with the first item shown (not "write it as text", which would lose the list).
#[test]
fn recommendations_written_as_a_yaml_list_are_told_to_keep_it_in_a_block() {
    let text = GOOD.replace(
        "recommendations: Members are invited to discuss the contents of this report.\n",
        "recommendations:\n  - Approve the budget.\n  - Note the risks.\n",
    );
    let (meta, diags) = check(&text);
    assert!(meta.is_none());
    let d = diags
        .iter()
        .find(|d| d.code == "wrong-type")
        .expect("{diags:?}");
    assert_eq!((d.line, d.column), (7, 3), "{d:?}");
    assert_eq!(
        d.help.as_deref(),
        Some(
            "to keep the list, write `recommendations: |` and the items under it as Markdown's, each indented: `  - Approve the budget.`"
        )
    );
}

/// An implication's key written at the left edge, not under `implications:`, is told to
/// go under it, not given the list of a paper's keys.
#[test]
fn an_implication_key_out_of_its_place_is_told_to_go_under_implications() {
    let text =
        format!("{GOOD}implications:\n  legal: Counsel advised.\nfinancial: The cost is £5,000.\n");
    let (_, diags) = check(&text);
    let d = diags
        .iter()
        .find(|d| d.code == "unknown-key")
        .expect("unknown-key");
    assert_eq!((d.line, d.column), (9, 1));
    assert_eq!(
        d.help.as_deref(),
        Some(
            "`financial` is one of the house's implications: indent it under `implications:`, as `  financial: …`"
        )
    );
}

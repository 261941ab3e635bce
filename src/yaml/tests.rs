//! Unit tests of the YAML tree and its typed reading.

use super::*;

fn p() -> &'static Path {
    Path::new("t.yaml")
}

#[test]
fn tree_keeps_positions_of_keys_and_values() {
    let text = "title: Hello\nlist:\n  - a\n  - b\n";
    let n = to_node(text, p()).unwrap();
    let Value::Map(entries) = &n.value else {
        panic!()
    };
    assert_eq!(entries[1].0.name, "list");
    assert_eq!(entries[1].0.pos.line, 2);
    let Value::Seq(items) = &entries[1].1.value else {
        panic!()
    };
    assert_eq!((items[1].pos.line, items[1].pos.column), (4, 5));
    assert_eq!(n.get("title").unwrap().pos.offset, Some(7));
}

#[test]
fn dates_stay_text() {
    let n = to_node("date: 2021-09-01\n", p()).unwrap();
    assert_eq!(
        n.get("date").unwrap().value,
        Value::Scalar(Scalar::Str("2021-09-01".into()))
    );
}

#[test]
fn duplicate_keys_point_at_the_duplicate() {
    let text = "title: a\nmeeting: b\ntitle: c\n";
    let errs = to_node(text, p()).unwrap_err();
    assert_eq!(errs[0].code, "duplicate-key", "{errs:?}");
    assert_eq!(errs[0].line_col(text).0, 3, "{errs:?}");
}

#[test]
fn syntax_errors_are_located() {
    let text = "title: a\nmeeting: [b\n";
    let errs = to_node(text, p()).unwrap_err();
    assert_eq!(errs[0].code, "yaml-syntax");
    assert!(errs[0].line_col(text).0 >= 2, "{errs:?}");
}

#[test]
fn typed_errors_point_at_the_value() {
    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct S {
        name: String,
        items: Vec<String>,
    }
    let text = "name: x\nitems: nope\n";
    let errs = from_str::<S>(text, p()).unwrap_err();
    assert_eq!(errs[0].line_col(text).0, 2, "{errs:?}");
    assert_eq!(
        errs[0].message, "this is the text \"nope\", where clerk expects a list",
        "in words, not serde's"
    );
    let text = "name: x\nitmes: [a]\n";
    let errs = from_str::<S>(text, p()).unwrap_err();
    assert_eq!(errs[0].code, "unknown-key");
    assert_eq!(errs[0].line_col(text).0, 2);
    assert_eq!(errs[0].help.as_deref(), Some("did you mean `items`?"));
}

#[test]
fn a_repeated_key_keeps_the_tree_and_is_reported_at_the_repeat() {
    let text = "title: a\nmeeting: b\ntitle: c\nimplications:\n  legal: x\n  legal: y\n";
    let (node, errs) = to_node_lenient(text, p(), YamlLimits::default());
    let node = node.expect("the tree is kept");
    let places: Vec<(&str, (usize, usize))> =
        errs.iter().map(|e| (e.code, e.line_col(text))).collect();
    assert_eq!(
        places,
        [("duplicate-key", (3, 1)), ("duplicate-key", (6, 3))],
        "{errs:?}"
    );
    assert!(
        errs[0].help.as_deref().unwrap().contains("line 1"),
        "{errs:?}"
    );
    // The first stays; the rest of the keys are all there to be checked.
    assert_eq!(node.get("title").unwrap().as_text().as_deref(), Some("a"));
    assert_eq!(node.get("meeting").unwrap().as_text().as_deref(), Some("b"));
    let legal = node.get("implications").unwrap().get("legal").unwrap();
    assert_eq!(legal.as_text().as_deref(), Some("x"));
}

#[test]
fn every_tab_indented_line_is_reported() {
    let text = "implications:\n\tlegal: x\n\tsocial: y\ntitle: a\n";
    let (node, errs) = to_node_lenient(text, p(), YamlLimits::default());
    let places: Vec<(&str, (usize, usize))> =
        errs.iter().map(|e| (e.code, e.line_col(text))).collect();
    assert_eq!(
        places,
        [("yaml-tab", (2, 1)), ("yaml-tab", (3, 1))],
        "{errs:?}"
    );
    // Read with the tabs as spaces, the tree points into the text as written.
    let node = node.expect("read with spaces");
    let social = node.get("implications").unwrap().get("social").unwrap();
    assert_eq!(social.pos.offset, text.find('y'));
    assert!(to_node(text, p()).is_err());
}

#[test]
fn non_breaking_spaces_pasted_from_word_are_said_where_they_are_and_the_rest_read() {
    let text = "meeting:\u{a0}Resources Committee\ndate: 2026-05-19\nimplications:\n\u{a0}\u{a0}social: yes\n";
    let (node, errs) = to_node_lenient(text, p(), YamlLimits::default());
    let places: Vec<(&str, (usize, usize))> =
        errs.iter().map(|e| (e.code, e.line_col(text))).collect();
    assert_eq!(
        places,
        [("yaml-nbsp", (1, 9)), ("yaml-nbsp", (4, 1))],
        "{errs:?}"
    );
    assert_eq!(
        errs[0].help.as_deref(),
        Some("retype the space after `meeting:` as an ordinary space")
    );
    // Read with plain spaces, the tree points into the text as written.
    let node = node.expect("read with plain spaces");
    let meeting = node.get("meeting").unwrap();
    assert_eq!(meeting.pos.offset, text.find('R'));
    let social = node.get("implications").unwrap().get("social").unwrap();
    assert_eq!(social.pos.offset, text.find("yes"));
    // A non-breaking space inside a value is the value's.
    assert!(to_node("title: Budget\u{a0}2026\n", p()).is_ok());
}

#[test]
fn an_alias_to_no_anchor_is_named_at_its_place() {
    let text = "title: a\nkeywords: *kw\n";
    let errs = to_node(text, p()).unwrap_err();
    assert_eq!(errs[0].code, "unknown-alias", "{errs:?}");
    assert_eq!(errs[0].line_col(text), (2, 11), "{errs:?}");
    assert_eq!(errs[0].span, Some(19..22), "{errs:?}");
    assert!(errs[0].message.contains("`*kw`"), "{errs:?}");
    assert!(
        errs[0].help.as_deref().unwrap().contains("`\"*kw\"`"),
        "{errs:?}"
    );
    let text = "keywords: [a, *kw]\n";
    let errs = to_node(text, p()).unwrap_err();
    assert_eq!(errs[0].span, Some(14..17), "{errs:?}");
}

#[test]
fn keys_yaml_reads_as_other_than_text_are_named_as_written() {
    let text = "null: a\n~: b\n1.50: c\ntrue: d\n";
    let n = to_node(text, p()).unwrap();
    let Value::Map(entries) = &n.value else {
        panic!()
    };
    let names: Vec<&str> = entries.iter().map(|(k, _)| k.name.as_str()).collect();
    assert_eq!(names, ["null", "~", "1.50", "true"]);
    assert_eq!((entries[1].0.pos.line, entries[1].0.pos.column), (2, 1));
}

#[test]
fn an_empty_key_is_reported_and_the_rest_kept() {
    let text = "title: a\n: b\n";
    let (node, errs) = to_node_lenient(text, p(), YamlLimits::default());
    let places: Vec<(&str, (usize, usize))> =
        errs.iter().map(|e| (e.code, e.line_col(text))).collect();
    assert_eq!(places, [("yaml-syntax", (2, 1))], "{errs:?}");
    assert!(node.unwrap().get("title").is_some());
}

/// Errors are in an author's words, at a place: none of serde-saphyr's, which speak of
/// Rust types and options.
#[test]
fn no_error_speaks_of_code() {
    let cases = [
        ("title: .inf\n", "yaml-value", (1, 8)),
        ("title: -.Inf\n", "yaml-value", (1, 8)),
        ("title: .nan\n", "yaml-value", (1, 8)),
        ("title: 1e999\n", "yaml-value", (1, 8)),
        ("title: !!int x\n", "yaml-value", (1, 14)),
        ("[a]: x\n", "yaml-syntax", (1, 1)),
        ("a: b: c\n", "yaml-syntax", (1, 5)),
    ];
    for (text, code, at) in cases {
        let errs = to_node(text, p()).unwrap_err();
        let e = &errs[0];
        assert_eq!((e.code, e.line_col(text)), (code, at), "{text:?}: {errs:?}");
        let words = format!("{} {}", e.message, e.help.as_deref().unwrap_or("")).to_lowercase();
        for jargon in [
            "deserializ",
            "option<",
            "policy",
            "serde",
            "non-finite",
            "u64",
        ] {
            assert!(!words.contains(jargon), "{text:?}: {words}");
        }
    }
}

/// The parser's commonest complaints, in words a secretary knows, at the line concerned.
#[test]
fn common_yaml_mistakes_are_said_in_plain_words() {
    let cases = [
        (
            "meeting: A\ntitle Budget\n",
            2,
            "has no `: ` (a colon and a space) after its key",
        ),
        (
            "meeting: A\ndate:2026-05-19\n",
            2,
            "has no `: ` (a colon and a space)",
        ),
        (
            "title: \"Budget\nmeeting: A\n",
            1,
            "the quote that starts this value is never closed",
        ),
        (
            "title: Budget\n  meeting: A\n",
            2,
            "indented as if it carried on the value above it",
        ),
        (
            "title: A\nappendices: [x, y\nmeeting: B\n",
            2,
            "this `[` starts a list that is never closed",
        ),
        (
            "title: A\nappendices:\n  - x\n - y\n",
            4,
            "does not line up with the keys or list items",
        ),
    ];
    for (text, line, words) in cases {
        let errs = to_node(text, p()).unwrap_err();
        let e = &errs[0];
        assert_eq!(e.code, "yaml-syntax", "{text:?}: {errs:?}");
        assert_eq!(e.line_col(text).0, line, "{text:?}: {errs:?}");
        assert!(e.message.contains(words), "{text:?}: {}", e.message);
        assert!(
            !e.message.contains("not valid YAML"),
            "{text:?}: {}",
            e.message
        );
    }
    // A key indented out of step with the one above it is told the column to put it at.
    let text = "items:\n  - number: \"3.1\"\n      paper: a.md\n";
    let e = &to_node(text, p()).unwrap_err()[0];
    assert!(e.message.contains("does not line up"), "{}", e.message);
    assert_eq!(
        e.help.as_deref(),
        Some("indent `paper:` by 4 spaces, level with `number:` on line 2")
    );
}

#[test]
fn a_colon_in_an_unquoted_value_says_to_quote_it() {
    let text = "meeting: Resources\ntitle: Budget Monitoring: Quarter \"2\"\n";
    let errs = to_node(text, p()).unwrap_err();
    assert_eq!(errs[0].code, "yaml-syntax", "{errs:?}");
    assert_eq!(errs[0].line_col(text).0, 2, "{errs:?}");
    assert!(
        errs[0]
            .message
            .contains("the value of `title` has a colon and a space"),
        "{errs:?}"
    );
    assert_eq!(
        errs[0].help.as_deref(),
        Some(r#"put the value in quotes: `title: "Budget Monitoring: Quarter \"2\""`"#),
    );
    // Bad indentation is not taken for it.
    let errs = to_node("title: a\n  b: c\n", p()).unwrap_err();
    assert!(!errs[0].message.contains("colon and a space"), "{errs:?}");
}

/// A lead-in ending in a colon with a list under it, as recommendations are written, is
/// said as such, with the block form as the way out; a key with nothing after its colon is
/// not taken for it.
#[test]
fn a_value_ending_in_a_colon_over_a_list_says_to_write_a_block() {
    let text = "title: T\nrecommendations: Members are invited to:\n  1. note the report;\n  2. approve the plan.\n";
    let errs = to_node(text, p()).unwrap_err();
    assert_eq!(errs[0].line_col(text), (2, 40), "{errs:?}");
    assert!(
        errs[0]
            .message
            .starts_with("the value of `recommendations` ends in a colon with lines under it"),
        "{errs:?}"
    );
    let help = errs[0].help.as_deref().unwrap();
    assert!(help.contains("`recommendations: |`"), "{help}");
    assert!(help.contains("`  1. note the report;`"), "{help}");
    let errs = to_node("implications:\n  legal:\n    x: y: z\n", p()).unwrap_err();
    assert!(!errs[0].message.contains("ends in a colon"), "{errs:?}");
}

/// A plain value YAML misreads for how it starts is said for what it is, with the value
/// in double quotes as the way out, and the rest of the metadata is still read.
#[test]
fn a_value_misread_for_its_start_says_why_and_the_rest_is_read() {
    let cases = [
        (
            "[Draft] Estates Update",
            "starts with `[`",
            r#"title: "[Draft] Estates Update""#,
        ),
        (
            "'It's a paper'",
            "the apostrophe inside ends them",
            r#"title: "It's a paper""#,
        ),
        (
            "@home working",
            "keeps for itself",
            r#"title: "@home working""#,
        ),
        ("- Estates", "a list item", r#"title: "- Estates""#),
    ];
    for (value, reason, quoted) in cases {
        let text = format!("meeting: Board\ntitle: {value}\ndate: 2026-01-01\n");
        let (node, errs) = to_node_lenient(&text, p(), YamlLimits::default());
        assert_eq!(errs.len(), 1, "{value}: {errs:?}");
        assert_eq!(errs[0].line_col(&text).0, 2, "{value}: {errs:?}");
        assert!(errs[0].message.contains(reason), "{value}: {errs:?}");
        assert_eq!(
            errs[0].help.as_deref(),
            Some(format!("put the value in double quotes: `{quoted}`").as_str())
        );
        let node = node.expect("the rest read");
        assert_eq!(
            node.get("date").and_then(Node::as_text).as_deref(),
            Some("2026-01-01")
        );
    }
    // A list left open is not taken for a title that starts with brackets.
    let errs = to_node("keywords: [a, b\n", p()).unwrap_err();
    assert!(!errs[0].message.contains("has words after"), "{errs:?}");
}

#[test]
fn a_list_never_closed_is_said_at_its_bracket_not_where_the_parser_stopped() {
    let text = "title: T\nkeywords: [budget, \"finance [draft]\"\nrecommendations: Approve.\n";
    let errs = to_node(text, p()).unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].line_col(text), (2, 11), "{errs:?}");
    assert_eq!(
        errs[0].message,
        "this `[` starts a list that is never closed with `]`"
    );
    assert_eq!(errs[0].span, Some(19..20), "{errs:?}");
}

#[test]
fn every_value_with_a_colon_is_reported_and_the_rest_still_read() {
    let text = "title: Budget: Quarter 2\nmeeting: Resources\n\
                implications:\n  legal: None: see 4.1\n  social: x\ndate: 2026-01-01\n";
    let (node, errs) = to_node_lenient(text, p(), YamlLimits::default());
    let places: Vec<(&str, (usize, usize))> =
        errs.iter().map(|e| (e.code, e.line_col(text))).collect();
    assert_eq!(
        places,
        [("yaml-syntax", (1, 14)), ("yaml-syntax", (4, 14))],
        "{errs:?}"
    );
    assert!(errs[1].message.contains("the value of `legal`"), "{errs:?}");
    let help = errs[1].help.as_deref();
    assert_eq!(
        help,
        Some("put the value in quotes: `legal: \"None: see 4.1\"`")
    );
    // The tree points into the text as written, its values read with `; `.
    let node = node.expect("read with the colons eased");
    let date = node.get("date").unwrap();
    assert_eq!(date.pos.offset, text.find("2026"));
    let title = node.get("title").unwrap().as_text();
    assert_eq!(title.as_deref(), Some("Budget; Quarter 2"));
    assert!(to_node(text, p()).is_err(), "still an error");
    // Any other error after one still stops the reading there.
    let (node, errs) = to_node_lenient("title: a: b\nx: [\n", p(), YamlLimits::default());
    assert!(node.is_none());
    assert_eq!(errs.len(), 2, "{errs:?}");
}

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
    let text = "name: x\nitmes: [a]\n";
    let errs = from_str::<S>(text, p()).unwrap_err();
    assert_eq!(errs[0].code, "unknown-key");
    assert_eq!(errs[0].line_col(text).0, 2);
    assert_eq!(errs[0].help.as_deref(), Some("did you mean `items`?"));
}

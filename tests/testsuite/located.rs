//! Every problem `clerk check` finds in a paper is placed at a line and column, and said
//! in words a secretary can act on: text in another encoding, YAML's own notations, a
//! heading without words.

use crate::common::*;

/// The metadata every paper here starts with (lines 1–8).
const HEAD: &str = "---
meeting: Policing Performance Committee
date: 2021-09-01
title: T
presented_by: J
recommendation: For Discussion
agenda_item: \"1\"
recommendations: M.
";

/// The JSON diagnostics of `clerk check` on a project holding only `papers/p.md`, `bytes`.
fn check(bytes: &[u8]) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("papers")).unwrap();
    std::fs::write(dir.path().join("papers/p.md"), bytes).unwrap();
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["check", "--format", "json"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// The one diagnostic's code, line and column.
fn place(diags: &[serde_json::Value]) -> (&str, u64, u64) {
    assert_eq!(diags.len(), 1, "{diags:?}");
    let d = &diags[0];
    (
        d["code"].as_str().unwrap(),
        d["line"].as_u64().unwrap(),
        d["column"].as_u64().unwrap(),
    )
}

#[test]
fn a_latin1_letter_is_placed_at_its_line_and_column() {
    let mut paper = format!("{HEAD}---\n\n# Purpose\n\nThe caf").into_bytes();
    paper.extend(b"\xe9 is open.\n");
    let diags = check(&paper);
    assert_eq!(place(&diags), ("not-utf8", 13, 8));
    assert!(
        diags[0]["message"].as_str().unwrap().contains("`é`"),
        "{diags:?}"
    );
    assert!(
        diags[0]["help"].as_str().unwrap().contains("as UTF-8"),
        "{diags:?}"
    );
}

#[test]
fn a_utf16_file_is_named_as_such() {
    let text = format!("{HEAD}---\n\n# Purpose\n\nP.\n");
    let mut paper = vec![0xff, 0xfe];
    paper.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let diags = check(&paper);
    assert_eq!(place(&diags), ("not-utf8", 1, 1));
    assert!(
        diags[0]["message"].as_str().unwrap().contains("UTF-16"),
        "{diags:?}"
    );
    assert!(
        diags[0]["help"].as_str().unwrap().contains("as UTF-8"),
        "{diags:?}"
    );
}

/// A Word document, a PDF or a program saved under a paper's name is named for what it is,
/// with what to do instead, and no screen of its bytes as the line.
#[test]
fn a_binary_file_named_as_a_paper_is_named_for_what_it_is() {
    let cases: [(&[u8], &str, &str); 3] = [
        (
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xdf\xa4",
            "a Word document",
            "clerk import",
        ),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF", "appendices:"),
        (
            b"\x7fELF\x02\x01\x01\x00\x00\x00\xff\xfe",
            "a program",
            "papers folder",
        ),
    ];
    for (bytes, what, help) in cases {
        let diags = check(bytes);
        assert_eq!(diags.len(), 1, "{what}: {diags:?}");
        let d = &diags[0];
        assert_eq!(d["code"], "not-utf8");
        assert!(d["message"].as_str().unwrap().contains(what), "{d:?}");
        assert!(d["help"].as_str().unwrap().contains(help), "{d:?}");
        assert_eq!(d["line"], 0, "no line for a binary file: {d:?}");
    }
}

/// YAML's own notations, met by accident: each placed, in plain words.
#[test]
fn yaml_notations_are_placed_and_explained() {
    let cases = [
        ("keywords: *kw", "unknown-alias", 9, 11, "`*kw`"),
        ("null: x", "unknown-key", 9, 1, "`null`"),
        ("location: .inf", "yaml-value", 9, 11, "infinity"),
    ];
    for (line, code, l, c, said) in cases {
        let diags = check(format!("{HEAD}{line}\n---\n\n# Purpose\n\nP.\n").as_bytes());
        assert_eq!(place(&diags), (code, l, c), "{line}");
        let message = diags[0]["message"].as_str().unwrap();
        assert!(message.contains(said), "{line}: {message}");
        let words = format!("{message} {}", diags[0]["help"]).to_lowercase();
        for jargon in ["deserializ", "option<", "policy", "more than"] {
            assert!(!words.contains(jargon), "{line}: {words}");
        }
    }
}

/// A heading with no words (`#` alone, or only a label) would be a numbered section with
/// nothing to read: an error at its line, and nothing is built.
#[test]
fn a_heading_without_words_is_an_error() {
    let body = "---\n\n#\n\nUnder an empty heading.\n\n# {#lbl}\n\nSee [](#lbl).\n\n# \u{200b}\n\nUnder a zero-width space.\n";
    let diags = check(format!("{HEAD}{body}").as_bytes());
    let found: Vec<(&str, u64, u64)> = diags
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    // A zero-width space, pasted from Word, is no word either.
    assert_eq!(
        found,
        [
            ("empty-heading", 11, 1),
            ("empty-heading", 15, 1),
            ("empty-heading", 19, 1)
        ]
    );
    assert!(diags[0]["help"].as_str().unwrap().contains("after the `#`"));
}

/// A ` #` in a plain value starts a YAML comment: the rest of the line would be dropped
/// from the published paper or agenda without a word. Each is a warning at the `#`, in a
/// paper and in a meeting file, with the value in quotes as the way out.
#[test]
fn a_value_cut_short_by_a_hash_is_a_warning_at_the_hash() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("papers")).unwrap();
    std::fs::create_dir_all(dir.path().join("meetings")).unwrap();
    let head = HEAD.replace("title: T", "title: Fleet Strategy #2 and beyond");
    std::fs::write(
        dir.path().join("papers/p.md"),
        format!("{head}---\n\n# Purpose\n\nP.\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("meetings/2021-09-01-policing.yaml"),
        "committee: Policing Performance Committee\ndate: 2021-09-01\n\
         location: Room #3, Pacific Quay\nitems:\n  - number: \"1\"\n    paper: p.md\n",
    )
    .unwrap();
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["check", "--format", "json"]));
    assert_eq!(code, 0, "warnings only: {stdout}{stderr}");
    let found: Vec<(String, u64, u64, String)> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|d| d["code"] == "yaml-comment")
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["help"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // Sorted by file: the meeting file's `meetings/` before `papers/`.
    assert_eq!(found.len(), 2, "{stdout}");
    assert!(
        found[0].0.ends_with("2021-09-01-policing.yaml"),
        "{found:?}"
    );
    assert_eq!((found[0].1, found[0].2), (3, 16), "{found:?}");
    assert!(
        found[0].3.contains("`location: \"Room #3, Pacific Quay\"`"),
        "{found:?}"
    );
    assert!(found[1].0.ends_with("p.md"), "{found:?}");
    assert_eq!((found[1].1, found[1].2), (4, 23), "{found:?}");
    assert!(
        found[1]
            .3
            .contains("`title: \"Fleet Strategy #2 and beyond\"`"),
        "{found:?}"
    );
}

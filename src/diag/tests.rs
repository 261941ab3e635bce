//! Diagnostics as a person reads them: placed, worded and counted.

use super::*;

#[test]
fn locates_line_and_column_in_characters() {
    let text = "a: 1\nbé: 2\n";
    let d = Diagnostic::at("x", Path::new("p.md"), 10..11, "m");
    let at = d.locate(&Sources::of(Path::new("p.md"), text));
    assert_eq!((at.line, at.column), (2, 5));
    assert_eq!(at.source_line.as_deref(), Some("bé: 2"));
    assert_eq!(d.locate(&Sources::default()).line, 0, "no text, no line");
}

#[test]
fn human_rendering_has_location_marker_and_help() {
    let text = "title: x\npresentd_by: y\n";
    let d = Diagnostic::at("unknown-key", Path::new("p.md"), 9..20, "unknown key")
        .with_help("did you mean `presented_by`?");
    let r = d.render_human(&Sources::of(Path::new("p.md"), text), false);
    assert!(r.contains("error[unknown-key]: unknown key"), "{r}");
    assert!(r.contains("--> p.md:2:1"), "{r}");
    assert!(r.contains("2 | presentd_by: y"), "{r}");
    assert!(r.contains("  | ^^^^^^^^^^^"), "{r}");
    assert!(r.contains("= help: did you mean `presented_by`?"), "{r}");
}

#[test]
fn internal_errors_name_no_file_and_ask_to_be_reported() {
    let d = Diagnostic::internal("cannot finish the PDF (no pages)");
    assert!(d.is_error());
    let r = d.render_human(&Sources::default(), false);
    assert!(
        r.starts_with("error: internal: cannot finish the PDF (no pages)\n"),
        "{r}"
    );
    assert!(r.contains("please report it"), "{r}");
    assert!(!r.contains("-->"), "{r}");
    let v: serde_json::Value = serde_json::from_str(&d.render_json(&Sources::default())).unwrap();
    assert_eq!(v["severity"], "internal");
}

#[test]
fn suggestions() {
    let keys = ["meeting", "date", "title", "presented_by"];
    assert_eq!(did_you_mean("presentd_by", keys), Some("presented_by"));
    assert_eq!(did_you_mean("meeting date", keys), Some("date"));
    assert_eq!(did_you_mean("Title", keys), Some("title"));
    assert_eq!(did_you_mean("zzz", keys), None);
}

#[test]
fn json_has_the_fields_editors_need() {
    let d = Diagnostic::at("c", Path::new("p.md"), 1..2, "m").with_help("h");
    let json = d.render_json(&Sources::of(Path::new("p.md"), "abc"));
    assert_eq!(
        json,
        r#"{"severity":"error","code":"c","file":"p.md","line":1,"column":2,"message":"m","help":"h"}"#
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["line"], 1);
    assert_eq!(v["column"], 2);
    assert_eq!(v["severity"], "error");
    assert_eq!(v["help"], "h");
}

//! PDF/A-2's rules about how the file is written (`pdfua_check::file_rules`): they hold for
//! every example and fixture PDF, and each fails a copy of a real one with one thing changed
//! in place (the same number of bytes, so every other object stays where the
//! cross-reference table says).

use crate::pdfua_check::file_rules::pdfa_file;
use crate::pdfua_check::{Pdf, every_pdf, pdfs};

#[test]
fn pdfa_2a_file_rules_hold_for_every_pdf() {
    every_pdf(pdfa_file);
}

/// The rule ids failed by the first example PDF with `change` made to its bytes.
fn failed(change: impl Fn(&mut Vec<u8>)) -> Vec<String> {
    let original = &pdfs()[0];
    let mut bytes = original.bytes.clone();
    change(&mut bytes);
    let pdf = Pdf {
        name: "changed".into(),
        doc: lopdf::Document::load_mem(&original.bytes).unwrap(),
        bytes,
    };
    let mut ids: Vec<String> = pdfa_file(&pdf)
        .iter()
        .map(|f| f.split(':').next().unwrap().to_string())
        .collect();
    ids.dedup();
    ids
}

/// Where `what` first stands in `bytes`, after `from`.
fn at(bytes: &[u8], what: &[u8], from: usize) -> usize {
    bytes[from..]
        .windows(what.len())
        .position(|w| w == what)
        .map(|p| p + from)
        .unwrap_or_else(|| panic!("{} not found", String::from_utf8_lossy(what)))
}

#[test]
fn the_unchanged_file_passes() {
    assert_eq!(failed(|_| {}), Vec::<String>::new());
}

#[test]
fn each_file_rule_fails_the_file_that_breaks_it() {
    type Change = Box<dyn Fn(&mut Vec<u8>)>;
    let cases: Vec<(Change, &str)> = vec![
        (Box::new(|b| b[5..8].copy_from_slice(b"2.0")), "6.1.2-1"),
        (Box::new(|b| b[10] = b'A'), "6.1.2-2"),
        (Box::new(|b| b.extend_from_slice(b"% more\n")), "6.1.3-3"),
        (
            Box::new(|b| {
                let x = b.windows(6).rposition(|w| w == b"\nxref\n").unwrap();
                b[x + 5] = b' ';
            }),
            "6.1.4-2",
        ),
        (
            Box::new(|b| {
                let x = at(b, b"\nendstream", 0);
                b[x] = b'x';
            }),
            "6.1.7-1",
        ),
        (
            Box::new(|b| {
                let x = at(b, b">>stream\n", 0);
                b[x + 8] = b'\r';
            }),
            "6.1.7-2",
        ),
        (
            Box::new(|b| {
                let x = at(b, b" 0 obj\n", 0);
                b[x + 6] = b' ';
            }),
            "6.1.9-1",
        ),
        (
            Box::new(|b| {
                let x = at(b, b"endobj\n", 0);
                b[x + 6] = b' ';
            }),
            "6.1.9-1",
        ),
        (
            Box::new(|b| {
                let x = at(b, b"/ID[<", 0);
                b[x + 5] = b'G';
            }),
            "6.1.6-2",
        ),
        (
            Box::new(|b| {
                let x = at(b, b"/ID[<", 0);
                b[x + 5] = b' ';
            }),
            "6.1.6-1",
        ),
    ];
    for (change, rule) in cases {
        assert_eq!(failed(change), [rule]);
    }
}

/// A cross-reference table whose entries are all free leaves no object to read, which
/// fails rather than passing unread.
#[test]
fn a_table_listing_no_object_in_use_fails() {
    let got = failed(|b| {
        let x = b.windows(6).rposition(|w| w == b"\nxref\n").unwrap();
        let end = x + at(&b[x..], b"trailer", 0);
        for entry in x..end {
            if b[entry..].starts_with(b" n\r\n") || b[entry..].starts_with(b" n \n") {
                b[entry + 1] = b'f';
            }
        }
    });
    assert_eq!(got, ["6.1.9-1"]);
}

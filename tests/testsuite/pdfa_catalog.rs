//! PDF/A-2's rules about colour spaces (`pdfua_check::colour_rules`, run with the content
//! rules) and about names, the XMP packet and optional content
//! (`pdfua_check::catalog_rules`): they hold for every example and fixture PDF, and each
//! fails the seed paper's PDF with one thing added or changed that it forbids.

use lopdf::{Document, Object, dictionary};

use crate::pdfua_check::catalog_rules::pdfa_catalog;
use crate::pdfua_check::content_rules::pdfa_content;
use crate::pdfua_check::{Pdf, every_pdf, pdfs};

#[test]
fn pdfa_2a_catalog_rules_hold_for_every_pdf() {
    every_pdf(pdfa_catalog);
}

/// The rule ids `check` fails on the seed paper's PDF changed by `change`.
fn failed(check: fn(&Pdf) -> Vec<String>, change: impl Fn(&mut Document)) -> Vec<String> {
    let seed = pdfs()
        .iter()
        .find(|p| p.name.ends_with("hmics-progress-review.pdf"))
        .expect("the seed paper's PDF");
    let mut doc = seed.doc.clone();
    change(&mut doc);
    let pdf = Pdf {
        name: "changed".into(),
        doc,
        bytes: Vec::new(),
    };
    let mut ids: Vec<String> = check(&pdf)
        .iter()
        .map(|f| f.split(':').next().unwrap().to_string())
        .collect();
    ids.dedup();
    ids
}

fn name(n: &str) -> Object {
    Object::Name(n.as_bytes().to_vec())
}

/// A Separation colour space `name` whose tint transform gives `c`.
fn separation(doc: &mut Document, n: &str, c: i64) -> Object {
    let tint = doc.add_object(dictionary! { "FunctionType" => 2,
    "Domain" => vec![0.into(), 1.into()], "C1" => vec![c.into()], "N" => 1 });
    vec![name("Separation"), name(n), name("DeviceGray"), tint.into()].into()
}

#[test]
fn the_unchanged_paper_passes_the_catalog_rules() {
    assert_eq!(failed(pdfa_catalog, |_| {}), Vec::<String>::new());
}

#[test]
fn each_colour_rule_fails_the_file_that_breaks_it() {
    type Change = Box<dyn Fn(&mut Document)>;
    let cases: Vec<(Change, &str)> = vec![
        (
            Box::new(|d| {
                let names: Vec<Object> = (0..33).map(|k| name(&format!("Spot{k}"))).collect();
                let mut colorants = lopdf::Dictionary::new();
                for k in 0..33 {
                    colorants.set(format!("Spot{k}"), Object::Null);
                }
                d.add_object(Object::Array(vec![
                    name("DeviceN"),
                    names.into(),
                    name("DeviceGray"),
                    Object::Null,
                    dictionary! { "Colorants" => colorants }.into(),
                ]));
            }),
            "6.1.13-9",
        ),
        (
            Box::new(|d| {
                d.add_object(Object::Array(vec![
                    name("DeviceN"),
                    vec![name("Gold"), name("Cyan")].into(),
                    name("DeviceCMYK"),
                    Object::Null,
                    dictionary! { "Colorants" => dictionary! {} }.into(),
                ]));
            }),
            "6.2.4.4-1",
        ),
        (
            Box::new(|d| {
                let a = separation(d, "Gold", 1);
                let b = separation(d, "Gold", 0);
                d.add_object(a);
                d.add_object(b);
            }),
            "6.2.4.4-2",
        ),
        (
            Box::new(|d| {
                let profile = d.objects.values().find_map(|o| match o {
                    Object::Stream(s) if s.dict.has(b"N") => Some(s.clone()),
                    _ => None,
                });
                let mut cmyk = profile.expect("the output intent's profile");
                let mut plain = cmyk.decompressed_content().unwrap_or(cmyk.content.clone());
                plain[16..20].copy_from_slice(b"CMYK");
                cmyk.dict.remove(b"Filter");
                cmyk.set_content(plain);
                let cmyk = d.add_object(cmyk);
                d.add_object(Object::Array(vec![name("ICCBased"), cmyk.into()]));
                d.add_object(dictionary! { "Type" => "ExtGState", "OPM" => 1, "OP" => true });
            }),
            "6.2.4.2-2",
        ),
    ];
    for (change, rule) in cases {
        assert_eq!(failed(pdfa_content, change), [rule]);
    }
}

#[test]
fn each_catalog_rule_fails_the_file_that_breaks_it() {
    type Change = Box<dyn Fn(&mut Document)>;
    let cases: Vec<(Change, &str)> = vec![
        (
            Box::new(|d| {
                d.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type0",
                "BaseFont" => Object::Name(vec![b'N', 0xFF, 0xFE]) });
            }),
            "6.1.8-1",
        ),
        (
            Box::new(|d| {
                d.add_object(dictionary! { "Type" => "StructElem",
                "S" => Object::Name(vec![0xC3]) });
            }),
            "6.1.8-1",
        ),
        (
            Box::new(|d| {
                let id = d
                    .catalog()
                    .unwrap()
                    .get(b"Metadata")
                    .unwrap()
                    .as_reference()
                    .unwrap();
                let s = d.get_object_mut(id).unwrap().as_stream_mut().unwrap();
                s.set_content(b"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF>".to_vec());
            }),
            "6.6.2.1-4",
        ),
        (
            Box::new(|d| {
                let a = d.add_object(
                    dictionary! { "Type" => "OCG", "Name" => Object::string_literal("A") },
                );
                let b = d.add_object(
                    dictionary! { "Type" => "OCG", "Name" => Object::string_literal("B") },
                );
                d.catalog_mut().unwrap().set(
                    "OCProperties",
                    dictionary! { "OCGs" => vec![a.into(), b.into()],
                    "D" => dictionary! { "Order" => vec![a.into()] } },
                );
            }),
            "6.9-3",
        ),
    ];
    for (change, rule) in cases {
        assert_eq!(failed(pdfa_catalog, change), [rule]);
    }
}

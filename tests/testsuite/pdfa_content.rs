//! PDF/A-2's rules about content streams and colour (`pdfua_check::content_rules`): they
//! hold for every example and fixture PDF, and each fails a copy of a real one changed in
//! the one way it forbids.

use lopdf::{Object, Stream, dictionary};

use crate::pdfua_check::content_rules::pdfa_content;
use crate::pdfua_check::{Pdf, every_pdf, pdfs};

#[test]
fn pdfa_2a_content_rules_hold_for_every_pdf() {
    every_pdf(pdfa_content);
}

/// A paper's PDF among the examples (it has text, rules and a table).
fn paper() -> &'static Pdf {
    pdfs()
        .iter()
        .find(|p| p.name.ends_with("hmics-progress-review.pdf"))
        .expect("the seed paper's PDF")
}

/// The rule ids failed by the seed paper's PDF changed by `change`.
fn failed(change: impl Fn(&mut lopdf::Document)) -> Vec<String> {
    let mut doc = paper().doc.clone();
    change(&mut doc);
    let pdf = Pdf {
        name: "changed".into(),
        doc,
        bytes: Vec::new(),
    };
    let mut ids: Vec<String> = pdfa_content(&pdf)
        .iter()
        .map(|f| f.split(':').next().unwrap().to_string())
        .collect();
    ids.dedup();
    ids
}

/// Adds `content` as a further content stream of the first page.
fn append(doc: &mut lopdf::Document, content: &[u8]) {
    let page = doc.get_pages()[&1];
    let extra = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let p = doc.get_dictionary_mut(page).unwrap();
    let mut list = match p.get(b"Contents").unwrap().clone() {
        Object::Array(a) => a,
        one => vec![one],
    };
    list.push(extra.into());
    p.set("Contents", list);
}

/// Names `form` `/Fx` among the first page's XObjects.
fn add_form(doc: &mut lopdf::Document, form: lopdf::ObjectId) {
    let page = doc.get_pages()[&1];
    let resources = match doc.get_dictionary(page).unwrap().get(b"Resources").unwrap() {
        Object::Reference(r) => *r,
        _ => {
            let p = doc.get_dictionary_mut(page).unwrap();
            let r = p.get_mut(b"Resources").unwrap().as_dict_mut().unwrap();
            add_to(r, form);
            return;
        }
    };
    add_to(doc.get_dictionary_mut(resources).unwrap(), form);
}

fn add_to(resources: &mut lopdf::Dictionary, form: lopdf::ObjectId) {
    match resources.get_mut(b"XObject") {
        Ok(Object::Dictionary(x)) => x.set("Fx", form),
        _ => resources.set("XObject", dictionary! { "Fx" => form }),
    }
}

/// The output intent's profile, for changing its header.
fn profile(doc: &mut lopdf::Document) -> &mut Stream {
    let catalog = doc.catalog().unwrap();
    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    let intent = match &intents[0] {
        Object::Dictionary(d) => d.clone(),
        Object::Reference(r) => doc.get_dictionary(*r).unwrap().clone(),
        _ => panic!("an output intent"),
    };
    let id = intent
        .get(b"DestOutputProfile")
        .unwrap()
        .as_reference()
        .unwrap();
    let s = doc.get_object_mut(id).unwrap().as_stream_mut().unwrap();
    let plain = s
        .decompressed_content()
        .unwrap_or_else(|_| s.content.clone());
    s.dict.remove(b"Filter");
    s.set_content(plain);
    s
}

#[test]
fn the_unchanged_paper_passes() {
    assert_eq!(failed(|_| {}), Vec::<String>::new());
}

#[test]
fn each_content_rule_fails_the_file_that_breaks_it() {
    type Change = Box<dyn Fn(&mut lopdf::Document)>;
    let cases: Vec<(Change, Vec<&str>)> = vec![
        (
            Box::new(|d| append(d, b"0 0 m 1 1 l xyz S")),
            vec!["6.2.2-1"],
        ),
        (
            Box::new(|d| append(d, &[b"q ".repeat(29), b"Q ".repeat(29)].concat())),
            vec!["6.1.13-8"],
        ),
        (Box::new(|d| append(d, b"/Nowhere Do")), vec!["6.2.2-2"]),
        (
            Box::new(|d| profile(d).content[12..16].copy_from_slice(b"abst")),
            vec!["6.2.3-1", "6.2.4.3-2"],
        ),
        (
            Box::new(|d| profile(d).content[16..20].copy_from_slice(b"GRAY")),
            vec!["6.2.4.3-2"],
        ),
        (
            Box::new(|d| append(d, b"0 0 0 1 k 0 0 1 1 re f")),
            vec!["6.2.4.3-3"],
        ),
        (
            Box::new(|d| {
                profile(d).content[16..20].copy_from_slice(b"GRAY");
                append(d, b"0.5 g 0 0 1 1 re f");
            }),
            vec!["6.2.4.3-2"],
        ),
        (
            Box::new(|d| {
                d.catalog_mut().unwrap().remove(b"OutputIntents");
                append(d, b"0.5 g 0 0 1 1 re f");
            }),
            vec!["6.2.4.3-2", "6.2.4.3-4"],
        ),
        (
            Box::new(|d| {
                let other = d.add_object(Stream::new(dictionary! { "N" => 3 }, vec![0; 128]));
                let catalog = d.catalog_mut().unwrap();
                let mut intents = catalog
                    .get(b"OutputIntents")
                    .unwrap()
                    .as_array()
                    .unwrap()
                    .clone();
                intents.push(Object::Dictionary(dictionary! { "Type" => "OutputIntent",
                "S" => "GTS_PDFX", "DestOutputProfile" => other }));
                catalog.set("OutputIntents", intents);
            }),
            vec!["6.2.3-1", "6.2.3-2"],
        ),
        (
            Box::new(|d| {
                let bad = d.add_object(Stream::new(dictionary! { "N" => 3 }, vec![0; 128]));
                let page = d.get_pages()[&1];
                let p = d.get_dictionary_mut(page).unwrap();
                p.set(
                    "Group",
                    dictionary! { "S" => "Transparency",
                    "CS" => vec![Object::Name(b"ICCBased".to_vec()), bad.into()] },
                );
            }),
            vec!["6.2.4.2-1"],
        ),
        (
            Box::new(|d| {
                let form = d.add_object(Stream::new(
                    dictionary! { "Type" => "XObject", "Subtype" => "Form",
                    "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
                    "Resources" => dictionary! {} },
                    b"/P <</MCID 99>> BDC EMC".to_vec(),
                ));
                add_form(d, form);
                append(d, b"/Fx Do /Fx Do");
            }),
            vec!["7.20-2"],
        ),
    ];
    for (change, rules) in cases {
        assert_eq!(failed(change), rules);
    }
}

//! PDF/A-2's rules about the XMP packet's extension schemas (`pdfua_check::xmp_rules`):
//! they hold for every example and fixture PDF, and each fails the seed paper's PDF with
//! its packet changed in the one way the rule forbids.

use lopdf::Object;

use crate::pdfua_check::xmp_rules::pdfa_xmp;
use crate::pdfua_check::{Pdf, every_pdf, pdfs};

#[test]
fn pdfa_2a_xmp_rules_hold_for_every_pdf() {
    every_pdf(pdfa_xmp);
}

/// The rule ids failed by the seed paper's PDF whose packet `change` rewrote.
fn failed(change: impl Fn(String) -> String) -> Vec<String> {
    let seed = pdfs()
        .iter()
        .find(|p| p.name.ends_with("hmics-progress-review.pdf"))
        .expect("the seed paper's PDF");
    let mut doc = seed.doc.clone();
    let id = doc
        .catalog()
        .unwrap()
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .unwrap();
    let stream = doc.get_object_mut(id).unwrap().as_stream_mut().unwrap();
    let packet = String::from_utf8(stream.content.clone()).unwrap();
    stream.set_content(change(packet).into_bytes());
    let pdf = Pdf {
        name: "changed".into(),
        doc,
        bytes: Vec::new(),
    };
    let mut ids: Vec<String> = pdfa_xmp(&pdf)
        .iter()
        .map(|f| f.split(':').next().unwrap().to_string())
        .collect();
    ids.dedup();
    ids
}

/// `text` with the first `from` after `anchor` made `to`.
fn after(text: &str, anchor: &str, from: &str, to: &str) -> String {
    let a = text
        .find(anchor)
        .unwrap_or_else(|| panic!("{anchor} not found"));
    let at = a + text[a..]
        .find(from)
        .unwrap_or_else(|| panic!("{from} not found"));
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

/// `text` with the last `from` before `anchor` made `to`.
fn before(text: &str, anchor: &str, from: &str, to: &str) -> String {
    let a = text
        .find(anchor)
        .unwrap_or_else(|| panic!("{anchor} not found"));
    let at = text[..a]
        .rfind(from)
        .unwrap_or_else(|| panic!("{from} not found"));
    format!("{}{to}{}", &text[..at], &text[at + from.len()..])
}

/// A value type definition to put in the clerk schema, `inner` its fields.
fn value_type(inner: &str) -> impl Fn(String) -> String + use<> {
    let definition = format!(
        "<pdfaSchema:valueType><rdf:Seq><rdf:li rdf:parseType=\"Resource\" \
         xmlns:pdfaType=\"http://www.aiim.org/pdfa/ns/type#\" \
         xmlns:pdfaField=\"http://www.aiim.org/pdfa/ns/field#\">{inner}</rdf:li></rdf:Seq>\
         </pdfaSchema:valueType><pdfaSchema:property>"
    );
    move |x: String| {
        after(
            &x,
            "<pdfaSchema:prefix>clerk",
            "<pdfaSchema:property>",
            &definition,
        )
    }
}

const WHOLE_TYPE: &str = "<pdfaType:type>Meeting</pdfaType:type>\
    <pdfaType:namespaceURI>https://clerk.invalid/ns/meeting/</pdfaType:namespaceURI>\
    <pdfaType:prefix>meeting</pdfaType:prefix>\
    <pdfaType:description>A meeting</pdfaType:description>";

#[test]
fn the_unchanged_packet_passes() {
    assert_eq!(failed(|x| x), Vec::<String>::new());
    // A whole value type definition, with a whole field, passes too.
    let field = "<pdfaType:field><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\
        <pdfaField:name>chair</pdfaField:name><pdfaField:valueType>Text</pdfaField:valueType>\
        <pdfaField:description>Who chairs it</pdfaField:description></rdf:li></rdf:Seq>\
        </pdfaType:field>";
    assert_eq!(
        failed(value_type(&format!("{WHOLE_TYPE}{field}"))),
        Vec::<String>::new()
    );
}

#[test]
fn each_xmp_rule_fails_the_packet_that_breaks_it() {
    type Change = Box<dyn Fn(String) -> String>;
    let no_field_type = "<pdfaType:field><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\
        <pdfaField:name>chair</pdfaField:name>\
        <pdfaField:description>Who chairs it</pdfaField:description></rdf:li></rdf:Seq>\
        </pdfaType:field>";
    let cases: Vec<(Change, &str)> = vec![
        (
            Box::new(|x| {
                let x = after(&x, "<pdfaExtension:schemas>", "<rdf:Bag>", "<rdf:Seq>");
                before(&x, "</pdfaExtension:schemas>", "</rdf:Bag>", "</rdf:Seq>")
            }),
            "6.6.2.3-1",
        ),
        (
            Box::new(|x| x.replace("pdfaExtension", "pdfaX")),
            "6.6.2.3-2",
        ),
        (
            Box::new(|x| x.replace("<pdfaSchema:prefix>clerk</pdfaSchema:prefix>", "")),
            "6.6.2.3-3",
        ),
        (
            Box::new(|x| x.replacen(">external<", ">outside<", 1)),
            "6.6.2.3-4",
        ),
        (
            Box::new(|x| after(&x, "<pdfaProperty:name>meeting<", ">Text<", ">Colour<")),
            "6.6.2.3-4",
        ),
        (
            Box::new(value_type(&WHOLE_TYPE.replace(
                "<pdfaType:description>A meeting</pdfaType:description>",
                "",
            ))),
            "6.6.2.3-5",
        ),
        (
            Box::new(value_type(&format!("{WHOLE_TYPE}{no_field_type}"))),
            "6.6.2.3-6",
        ),
        (
            Box::new(|x| {
                after(
                    &x,
                    "<clerk:agendaItem>",
                    "</clerk:agendaItem>",
                    "</clerk:agendaItem><clerk:chair>Someone</clerk:chair>",
                )
            }),
            "6.6.2.3-7",
        ),
    ];
    for (change, rule) in cases {
        assert_eq!(failed(change), [rule]);
    }
}

//! Fuzz target: any bytes as a paper's PDF going into an agenda pack. The pack reads a
//! PDF in the plain form clerk writes object by object (`appendix::raw`, `appendix::lazy`)
//! and loads any other with lopdf; either way opening and grafting must not panic, and a
//! file read object by object must graft exactly as lopdf's reading of it grafts
//! (differential: the same objects, numbers and order). Seed it with clerk's own PDFs
//! (`out/**/*.pdf` of the example project), as written: mutations then land on the
//! cross-reference table, the trailer and the objects' syntax.
#![no_main]

use clerk::document::appendix::{PaperPdf, append_paper};
use libfuzzer_sys::fuzz_target;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// An empty tagged document to graft into: catalog, page tree, structure root with its
/// parent tree and `Document` element.
fn target() -> Document {
    let mut doc = Document::with_version("1.7");
    let pages = doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Pages".to_vec())),
        ("Kids", Object::Array(Vec::new())),
        ("Count", 0.into()),
    ]));
    let tree = doc.add_object(Dictionary::from_iter([("Nums", Object::Array(Vec::new()))]));
    let root = doc.new_object_id();
    let element = doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"StructElem".to_vec())),
        ("S", Object::Name(b"Document".to_vec())),
        ("P", root.into()),
    ]));
    doc.objects.insert(
        root,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"StructTreeRoot".to_vec())),
            ("K", element.into()),
            ("ParentTree", tree.into()),
            ("ParentTreeNextKey", 0.into()),
        ])),
    );
    let catalog = doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", pages.into()),
        ("StructTreeRoot", root.into()),
    ]));
    doc.trailer.set("Root", catalog);
    doc
}

/// Grafts `src`; the pack document's objects and the order they were handed over.
fn graft(src: PaperPdf<&[u8]>) -> Option<(Document, Vec<ObjectId>)> {
    let mut doc = target();
    let mut order = Vec::new();
    // A closure takes each object built (never as written), so both readings are compared
    // object by object.
    let mut keep = |doc: &mut Document, id: ObjectId, object: Object| {
        order.push(id);
        doc.objects.insert(id, object);
    };
    append_paper(&mut doc, src, "Item 1", &mut keep)
    .ok()?;
    Some((doc, order))
}

fuzz_target!(|data: &[u8]| {
    let Ok(pdf) = PaperPdf::open(data) else { return };
    let lazy = matches!(pdf, PaperPdf::Lazy(_));
    let _ = pdf.doc().get_pages();
    let grafted = graft(pdf);
    if !lazy {
        return;
    }
    let Ok(whole) = Document::load_mem(data) else { return };
    let Some(whole) = graft(PaperPdf::Whole(whole)) else { return };
    let grafted = grafted.expect("read object by object, it fails where lopdf's reading grafts");
    assert!(grafted.1 == whole.1, "objects handed over in another order");
    assert!(
        grafted.0.objects == whole.0.objects,
        "read object by object, it grafts otherwise than lopdf's reading"
    );
});

//! The serialiser held to lopdf's writer byte for byte, and the page count read back.

use super::page_count::{scanned, through_xref};
use super::*;
use lopdf::{Dictionary, Stream, StringFormat};

fn lopdf_bytes(doc: &Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.clone().save_to(&mut out).unwrap();
    out
}

fn table_doc() -> Document {
    let mut doc = Document::with_version("1.7");
    doc.reference_table.cross_reference_type = XrefType::CrossReferenceTable;
    doc
}

/// Every number of up to four digits, each power of ten and its neighbours, and the
/// largest, with and without padding, as `format!` writes them.
#[test]
fn decimals_are_written_as_format_writes_them() {
    let mut values: Vec<u64> = (0..10_000).collect();
    for k in 1..20 {
        let p = 10u64.pow(k);
        values.extend([p - 1, p, p + 1, p + 99]);
    }
    values.extend([u64::MAX, u64::MAX - 1, 18_446_744_073_709_551_599]);
    for v in values {
        for width in [0, 1, 5, 10, 20] {
            let mut out = Vec::new();
            decimal(&mut out, v, width);
            assert_eq!(String::from_utf8(out).unwrap(), format!("{v:0width$}"));
        }
    }
}

#[test]
fn every_kind_of_object_is_written_as_lopdf_writes_it() {
    let mut doc = table_doc();
    let stream = Stream::new(
        Dictionary::from_iter([("Filter", Object::Name(b"FlateDecode".to_vec()))]),
        vec![0, 1, 2, 255, b'\n'],
    );
    let s = doc.add_object(stream);
    let dict = Dictionary::from_iter([
        ("Type", Object::Name(b"Thing".to_vec())),
        ("Odd Name#(x)", Object::Name(b"a b/\xe9".to_vec())),
        ("Every byte", Object::Name((0u8..=255).collect())),
        ("Null", Object::Null),
        ("T", Object::Boolean(true)),
        ("F", Object::Boolean(false)),
        ("I", Object::Integer(-42)),
        (
            "R",
            vec![
                Object::Real(0.0),
                Object::Real(-3.25),
                Object::Real(595.2756),
                Object::Real(1e-7),
                Object::Real(12345678.0),
            ]
            .into(),
        ),
        (
            "S",
            Object::String(
                b"a (balanced) ) ( back\\slash \r cr".to_vec(),
                StringFormat::Literal,
            ),
        ),
        (
            "P",
            Object::String(b"(plain)".to_vec(), StringFormat::Literal),
        ),
        (
            "H",
            Object::String(vec![0, 0xab, 0xff], StringFormat::Hexadecimal),
        ),
        (
            "A",
            vec![
                Object::Name(b"XYZ".to_vec()),
                Object::Name(b"Q".to_vec()),
                Object::Null,
                s.into(),
                Object::Integer(3),
                vec![Object::Integer(1)].into(),
                Dictionary::from_iter([("K", Object::Integer(1))]).into(),
            ]
            .into(),
        ),
        ("Ref", s.into()),
    ]);
    let d = doc.add_object(dict);
    doc.add_object(Object::Name(b"Alone".to_vec()));
    doc.add_object(Object::Integer(7));
    doc.add_object(Object::Array(vec![]));
    doc.trailer.set("Root", d);
    assert_eq!(
        String::from_utf8_lossy(&save(&mut doc.clone()).unwrap()),
        String::from_utf8_lossy(&lopdf_bytes(&doc))
    );
}

#[test]
fn gaps_in_the_numbers_make_subsections_as_lopdf_makes_them() {
    for ids in [
        vec![1, 2, 3],
        vec![2, 3, 5],
        vec![1, 3, 4, 9],
        vec![4],
        vec![],
    ] {
        let mut doc = table_doc();
        for id in &ids {
            doc.objects
                .insert((*id, 0), Object::Integer(i64::from(*id)));
            doc.max_id = doc.max_id.max(*id);
        }
        doc.trailer.set("Size", 99);
        doc.trailer.set("Root", (1, 0));
        assert_eq!(
            String::from_utf8_lossy(&save(&mut doc.clone()).unwrap()),
            String::from_utf8_lossy(&lopdf_bytes(&doc)),
            "objects {ids:?}"
        );
    }
}

#[test]
fn object_streams_are_left_out_as_lopdf_leaves_them() {
    let mut doc = table_doc();
    doc.add_object(Dictionary::from_iter([(
        "Type",
        Object::Name(b"ObjStm".to_vec()),
    )]));
    doc.add_object(Object::Integer(2));
    doc.add_object(Dictionary::from_iter([("Linearized", Object::Integer(1))]));
    assert_eq!(save(&mut doc.clone()).unwrap(), lopdf_bytes(&doc));
}

#[test]
fn a_cross_reference_stream_is_left_to_lopdf() {
    let mut doc = Document::with_version("1.7");
    doc.reference_table.cross_reference_type = XrefType::CrossReferenceStream;
    doc.add_object(Object::Integer(2));
    assert_eq!(save(&mut doc.clone()).unwrap(), lopdf_bytes(&doc));
}
#[test]
fn objects_written_ahead_land_where_the_document_would_have_them() {
    let mut doc = table_doc();
    let mut ids = Vec::new();
    for k in 0..6 {
        let object = match k % 3 {
            0 => Object::Integer(k),
            1 => Dictionary::from_iter([("S", Object::Name(b"P".to_vec()))]).into(),
            _ => Object::Array(vec![Object::Null, Object::Reference((1, 0))]),
        };
        ids.push(doc.add_object(object));
    }
    let whole = save(&mut doc.clone()).unwrap();
    // Some objects in the middle and the last, written ahead (in no particular order).
    let mut rest = doc.clone();
    let mut ahead = Prewritten::default();
    for id in [ids[5], ids[1], ids[2]] {
        let object = rest.objects.remove(&id).unwrap();
        ahead.push(id, &object);
    }
    assert_eq!(save_with(&mut rest, &ahead).unwrap(), whole);
    // One in both: the document's own is written, once.
    let mut both = doc.clone();
    let mut ahead = Prewritten::default();
    ahead.push(ids[3], &Object::Integer(42));
    assert_eq!(save_with(&mut both, &ahead).unwrap(), whole);
}

#[test]
fn page_count_reads_the_page_tree_the_catalog_names() {
    let mut doc = table_doc();
    // A stream that reads like a page tree, before the real one.
    doc.add_object(Stream::new(
        Dictionary::new(),
        b"<</Type/Pages/Count 99>>".to_vec(),
    ));
    let pages = doc.new_object_id();
    let kids: Vec<Object> = (0..3)
        .map(|_| {
            let page = Dictionary::from_iter([
                ("Type", Object::Name(b"Page".to_vec())),
                ("Parent", pages.into()),
            ]);
            doc.add_object(page).into()
        })
        .collect();
    doc.objects.insert(
        pages,
        Dictionary::from_iter([
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Count", Object::Integer(3)),
            ("Kids", kids.into()),
        ])
        .into(),
    );
    let catalog = doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("PageMode", Object::Name(b"UseNone".to_vec())),
        ("Pages", pages.into()),
    ]));
    doc.trailer.set("Root", catalog);
    let bytes = save(&mut doc).unwrap();
    assert_eq!(through_xref(&bytes), Some(3));
    assert_eq!(page_count(&bytes), Some(3));
    assert_eq!(scanned(&bytes), Some(99), "a scan is fooled by the stream");
}

#[test]
fn page_count_scans_a_file_without_a_table() {
    assert_eq!(
        page_count(b"1 0 obj\n<</Type/Pages/Count 12/Kids[3 0 R]>>\nendobj"),
        Some(12)
    );
    assert_eq!(page_count(b"not a pdf"), None);
    assert_eq!(page_count(b"startxref\n999999\n%%EOF"), None);
}

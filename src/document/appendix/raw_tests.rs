use super::*;
use lopdf::Document;
use std::collections::BTreeMap;

use super::super::lazy::Lazy;
use super::super::objects::Objects as _;

/// A PDF of `objects` (numbered from 1, each the text between `n 0 obj` and `endobj`),
/// with a classic cross-reference table and `trailer` (its `/Size` added).
fn pdf(objects: &[&[u8]], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    let size = objects.len() + 1;
    out.extend_from_slice(
        format!("trailer\n<</Size {size} {trailer}>>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}

/// Objects in the syntax a PDF may use: comments, escapes, nested parentheses, hex strings
/// with spaces and an odd digit, names with `#` escapes, reals of each form, references
/// (as clerk writes them and otherwise), integers against each delimiter, an indirect
/// length and a stream ending in CR LF.
fn awkward() -> Vec<u8> {
    pdf(
        &[
            b"<</Type/Catalog/Pages 2 0 R % a comment\n/Lang(en-GB)>>",
            b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595.276 841.89]/Contents 4 0 R\
              /Rotate -0/UserUnit +1.0/X .5/Y -3./Z 0.00-41/Big 9223372036854775807>>",
            b"<</Length 5 0 R>>\nstream\r\nBT (a) Tj ET\nendstream",
            b"12",
            b"[(plain) (with \\(escaped\\) and (nested (twice)) parens) (\\101\\60\\n\\t\\\\x)\
              (line\\\ncontinued) (cr\rlf\r\nlf\nend) <48 65 6C6C 6F2> <> /A#20B /#23 \
              true false null 1 2 3 0 R 4 0 5 0 R [[]] <<>>\
              500 7/N 8(s)9<41>10[11]12 0 R 13 0 R%c\n 14 0 R<</K 15 0 R/L 16>>\
              123456789012345678 1234567890123456789 17 1 R 18  0 R 19 0 R 20%c\n0 R]",
            b"(a string alone)",
        ],
        "/Root 1 0 R/ID[<00ff><00ff>]",
    )
}

/// Every object reads as lopdf reads it.
fn same_as_lopdf(bytes: &[u8]) {
    let doc = Document::load_mem(bytes).unwrap();
    let raw = Raw::open(bytes).unwrap_or_else(|_| panic!("not read"));
    let ids: Vec<ObjectId> = raw.ids().collect();
    assert_eq!(ids, doc.objects.keys().copied().collect::<Vec<_>>());
    for id in ids {
        let ours = raw
            .get(id, true)
            .unwrap_or_else(|| panic!("{id:?} not read"));
        match (&ours, &doc.objects[&id]) {
            (Object::Stream(a), Object::Stream(b)) => {
                assert_eq!(a.dict, b.dict, "{id:?}");
                assert_eq!(a.content, b.content, "{id:?}");
                let Some(Object::Stream(shallow)) = raw.get(id, false) else {
                    panic!("{id:?}")
                };
                assert_eq!(shallow.dict, b.dict, "a stream read without its data");
            }
            (a, b) => assert_eq!(a, b, "{id:?}"),
        }
    }
    assert_eq!(raw.trailer, doc.trailer);
}

#[test]
fn each_object_reads_as_lopdf_reads_it() {
    same_as_lopdf(&awkward());
    let raw = Raw::open(awkward()).unwrap();
    let Some(Object::Array(items)) = raw.get((6, 0), true) else {
        panic!()
    };
    assert_eq!(
        items[1],
        Object::string_literal("with (escaped) and (nested (twice)) parens")
    );
    assert_eq!(items[2], Object::string_literal("A0\n\t\\x"));
    assert_eq!(items[4], Object::string_literal("cr\nlf\nlf\nend"));
    assert_eq!(items[5].as_str().unwrap(), b"Hello ");
    assert_eq!(items[7], Object::Name(b"A B".to_vec()));
    assert_eq!(items[14], Object::Reference((3, 0)));
    assert_eq!(items[15], Object::Integer(4));
}

/// `bytes` with the first `from` replaced by `to` (of the same length).
fn replaced(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let at = bytes.windows(from.len()).position(|w| w == from).unwrap();
    let mut out = bytes.to_vec();
    out[at..at + to.len()].copy_from_slice(to);
    out
}

#[test]
fn only_the_plain_form_is_read() {
    let plain = awkward();
    assert!(Raw::open(&plain[..]).is_ok());
    for trailer in [
        "/Root 1 0 R/Prev 9",
        "/Root 1 0 R/Encrypt 7 0 R",
        "/Root 1 0 R/XRefStm 9",
    ] {
        let bytes = pdf(&[b"<</Type/Catalog>>"], trailer);
        assert_eq!(Raw::open(&bytes[..]).err(), Some(&bytes[..]), "{trailer}");
    }
    // A cross-reference stream where the table should be, as lopdf writes by default.
    let mut doc = Document::with_version("1.7");
    let catalog = doc.add_object(lopdf::dictionary! {"Type" => "Catalog"});
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    assert!(Document::load_mem(&out).is_ok());
    assert!(Raw::open(&out[..]).is_err());
    // An object that is not where the table says.
    let moved = replaced(&plain, b"3 0 obj", b"9 0 obj");
    let raw = Raw::open(&moved[..]).unwrap();
    assert!(raw.get((3, 0), false).is_none());
    assert!(raw.get((3, 1), false).is_none(), "another generation");
    assert!(raw.get((99, 0), false).is_none(), "not in the table");
}

#[test]
fn damaged_bytes_never_panic() {
    let good = awkward();
    for at in 0..good.len() {
        for damage in [0u8, b'(', b'<', b'[', b'9', b'/', b'\\'] {
            let mut bytes = good.clone();
            bytes[at] = damage;
            if let Ok(raw) = Raw::open(&bytes[..]) {
                for id in raw.ids().collect::<Vec<_>>() {
                    let _ = raw.get(id, true);
                }
            }
        }
        if let Ok(raw) = Raw::open(&good[..at]) {
            raw.ids().for_each(|id| drop(raw.get(id, true)));
        }
    }
}

#[test]
fn files_lopdf_would_repair_are_handed_back() {
    let good = awkward();
    assert!(Raw::open(&good[..]).is_ok());
    for (from, to) in [
        (b"/Size 8 ".as_slice(), b"/Sizx 8 ".as_slice()),
        (b"%%EOF", b"%%EOX"),
        (b"%PDF-", b"%PDX-"),
    ] {
        let bytes = replaced(&good, from, to);
        assert!(
            Raw::open(&bytes[..]).is_err(),
            "{}",
            String::from_utf8_lossy(to)
        );
    }
    // A later entry freeing an object frees it, as lopdf reads the table.
    let at = good.windows(7).position(|w| w == b"trailer").unwrap();
    let mut freed = good.clone();
    freed.splice(at..at, b"3 1\n0000000000 00001 f \n".iter().copied());
    let raw = Raw::open(&freed[..]).unwrap();
    assert!(!raw.has((3, 0)) && raw.get((3, 0), false).is_none());
    assert!(raw.has((2, 0)));
}

#[test]
fn lazy_reading_declines_object_streams_and_keeps_what_page_trees_name() {
    // A page tree naming an annotation among its kids: the document part keeps it, so
    // the page walk reads what lopdf's whole load reads.
    let odd = pdf(
        &[
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[3 0 R 4 0 R]/Count 2>>",
            b"<</Type/Page/Parent 2 0 R>>",
            b"<</Type/Annot/Parent 2 0 R>>",
        ],
        "/Root 1 0 R/ID[<00><00>]",
    );
    let lazy = Lazy::open(&odd[..]).unwrap_or_else(|_| panic!("declined"));
    let whole = Document::load_mem(&odd).unwrap();
    assert_eq!(lazy.doc().get_pages(), whole.get_pages());
    assert!(lazy.doc().objects.contains_key(&(4, 0)));
    let packed = pdf(
        &[
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[]/Count 0>>",
            b"<</Type/ObjStm/N 0/First 0/Length 0>>\nstream\n\nendstream",
        ],
        "/Root 1 0 R/ID[<00><00>]",
    );
    assert!(Raw::open(&packed[..]).is_ok());
    assert!(Lazy::open(&packed[..]).is_err(), "an object stream");
}

/// [`Raw::scan`] reads object `id` as [`Raw::get`] does: the same references in the same
/// order (each found where it says it is written) and the same top level; it may give up
/// only where a key or `/Type` has a `#` escape or a key comes twice (`gives_up`), and
/// fails wherever `get` fails.
fn scan_agrees(raw: &Raw<&[u8]>, id: ObjectId, gives_up: bool) {
    let mut found = Vec::new();
    let got = raw.get(id, false);
    let Some(Scanned { top, stream, .. }) = raw.scan(id, &mut found) else {
        assert!(
            got.is_none() || gives_up,
            "{id:?}: the scan gave up on {got:?}"
        );
        return;
    };
    let got = got.unwrap_or_else(|| panic!("{id:?}: scanned, but get failed"));
    let mut refs = Vec::new();
    super::super::objects::refs(&got, &mut refs);
    let scanned: Vec<ObjectId> = found.iter().map(|f| f.0).collect();
    assert_eq!(scanned, refs, "{id:?}");
    for (target, at) in found {
        let mut p = Parser::new(raw.bytes(), at as usize);
        assert_eq!(p.number(), Some(Object::Reference(target)), "{id:?}");
    }
    assert_eq!(stream, matches!(got, Object::Stream(_)), "{id:?}");
    assert_eq!(top.array, matches!(got, Object::Array(_)), "{id:?}");
    let dict = match &got {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    };
    assert_eq!(top.dictionary, dict.is_some(), "{id:?}");
    let type_name = dict.and_then(|d| d.get(b"Type").and_then(Object::as_name).ok());
    assert_eq!(top.type_name, type_name, "{id:?}");
    let has = |keys: &[&[u8]]| dict.is_some_and(|d| keys.iter().any(|k| d.has(k)));
    assert_eq!(top.filtered, has(&[b"Filter"]), "{id:?}");
    let touched: [&[u8]; 4] = [b"StructParent", b"StructParents", b"AA", b"ID"];
    let action = dict.is_some_and(|d| {
        d.get(b"A")
            .and_then(Object::as_dict)
            .is_ok_and(|a| a.has(b"S"))
    });
    assert_eq!(top.touched, has(&touched) || action, "{id:?}");
}

/// An `/A` is touched when it is an action (a dictionary with an `/S`, which an import may
/// remove), not when it holds attributes, in an array or by reference; an `/S` deeper down
/// does not count.
#[test]
fn only_an_action_a_is_touched() {
    let bytes = pdf(
        &[
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[]/Count 0>>",
            b"<</Type/StructElem/S/TH/P 1 0 R/A<</O/Table/Scope/Column>>>>",
            b"<</Type/Annot/Subtype/Link/A<</S/URI/URI(https://example.org)>>>>",
            b"<</Type/Annot/Subtype/Link/A<</Type/Action/S/JavaScript/JS(x)>>>>",
            b"<</Type/StructElem/S/P/A[<</O/Layout/Placement/Block>> 0]>>",
            b"<</Type/StructElem/S/P/A 3 0 R>>",
            b"<</Type/StructElem/S/P/A<</O/List/Nested<</S/X>>>>>>",
            b"<</Type/StructElem/S/P/A/Name>>",
        ],
        "/Root 1 0 R/ID[<00ff><00ff>]",
    );
    let raw = Raw::open(&bytes[..]).unwrap();
    let touched: Vec<bool> = (3..=9)
        .map(|n| {
            scan_agrees(&raw, (n, 0), false);
            raw.scan((n, 0), &mut Vec::new()).unwrap().top.touched
        })
        .collect();
    assert_eq!(touched, [false, true, true, false, false, false, false]);
}

#[test]
fn scanning_reads_as_get_reads() {
    let good = awkward();
    let raw = Raw::open(&good[..]).unwrap();
    for id in raw.ids() {
        scan_agrees(&raw, id, false);
    }
    // Where a lopdf object would not hold what is written, the scan gives up.
    let odd = pdf(
        &[
            b"<</Type/Catalog/Pages 2 0 R/Pages 3 0 R>>",
            b"<</Ty#70e/Pages/Kids[]>>",
            b"<</Type/Struct#45lem/P 1 0 R>>",
            b"<</Type/StructElem/K[<</Type/MCR/Pg 1 0 R/Pg 2 0 R>>]>>",
        ],
        "/Root 1 0 R",
    );
    let raw = Raw::open(&odd[..]).unwrap();
    for id in raw.ids() {
        assert!(raw.scan(id, &mut Vec::new()).is_none(), "{id:?}");
        assert!(raw.get(id, false).is_some(), "{id:?}");
    }
    // So it does on a dictionary of very many keys (its check for a repeated key is
    // quadratic), and not on one of a few.
    let keys = |n: usize| (0..n).map(|k| format!("/K{k} {k} 0 R")).collect::<String>();
    let wide = pdf(
        &[
            format!("<<{}>>", keys(1000)).as_bytes(),
            format!("<<{}>>", keys(20)).as_bytes(),
        ],
        "",
    );
    let raw = Raw::open(&wide[..]).unwrap();
    assert!(raw.scan((1, 0), &mut Vec::new()).is_none());
    assert!(raw.get((1, 0), false).is_some());
    scan_agrees(&raw, (2, 0), false);
    assert!(raw.scan((2, 0), &mut Vec::new()).is_some());
    // Damaged files: wherever one reads, the other reads the same.
    for at in 0..good.len() {
        for damage in [0u8, b'(', b'<', b'[', b'9', b'/', b'\\', b'#', b')', b'>'] {
            let mut bytes = good.clone();
            bytes[at] = damage;
            if let Ok(raw) = Raw::open(&bytes[..]) {
                for id in raw.ids().collect::<Vec<_>>() {
                    scan_agrees(&raw, id, damage == b'#' || damage == b'/');
                }
            }
        }
    }
}

/// An object is framed as clerk writes one: between `n g obj` and a newline, and a newline
/// before `endobj` (a stream's data and `endstream` within); otherwise not.
#[test]
fn objects_are_framed_as_written() {
    let bodies: [&[u8]; 5] = [
        b"<</Type/Catalog/Pages 2 0 R>> ",
        b"[1 0 R  2 0 R]",
        b"<</Length 3/Filter/FlateDecode>>stream\nabc\nendstream",
        b"<</Length 3/Filter/FlateDecode>>stream\nabc\nendstream ",
        b"<</Length 3>>stream\r\nabc\r\nendstream",
    ];
    let file = pdf(&bodies, "/Root 1 0 R");
    let raw = Raw::open(&file[..]).unwrap();
    for (k, body) in bodies.iter().enumerate().take(4) {
        let scanned = raw.scan((k as u32 + 1, 0), &mut Vec::new()).unwrap();
        assert_eq!(&file[scanned.framed.unwrap()], *body);
    }
    let odd = raw.scan((5, 0), &mut Vec::new()).unwrap();
    assert!(odd.stream && odd.framed.is_none(), "{odd:?}");
}

/// What a pack copies as written: an object that needs no change but its references'
/// numbers, each reference renumbered in place; never one the import changes, a stream it
/// would deflate, what is read as the document, or one with a reference it does not copy.
#[test]
fn objects_are_copied_as_written_when_only_their_numbers_change() {
    let bodies: [&[u8]; 8] = [
        // `/Extra`: the walk reaches the page's XObjects first by another key.
        b"<</Type/Catalog/Pages 2 0 R/StructTreeRoot 9 0 R/Extra 11 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/Contents 4 0 R/StructParents 0\
           /Resources<</Font<</F1 10 0 R>>/XObject 11 0 R>>>>",
        b"<</Length 3/Filter/FlateDecode>>stream\nabc\nendstream",
        b"<</Type/StructElem/S/P/P 6 0 R/K[7 0 R 0]/Pg  3   0 R>> ",
        b"<</Type/StructElem/S/Note/ID(n1)/K 5 0 R>>",
        b"<</Length 2>>stream\nxy\nendstream",
        b"[5 0 R 10 0 R]",
    ];
    let mut bodies = bodies.to_vec();
    bodies.push(b"<</Type/StructTreeRoot/K 6 0 R>>");
    bodies.push(b"<</Type/Font/Subtype/Type0/BaseFont/X/ToUnicode 4 0 R>>");
    // A page's XObjects, typed as a font (a pack adds its stamp to them), and a
    // dictionary typed as what a writer makes anew.
    bodies.push(b"<</Type/Font/Im1 4 0 R>>");
    bodies.push(b"<</Type/XRef/K 5 0 R>>");
    let file = pdf(&bodies, "/Root 1 0 R/ID[<00><00>]");
    let Ok(lazy) = Lazy::open(&file[..]) else {
        panic!("not opened object by object")
    };
    let map: BTreeMap<ObjectId, Object> = [3, 4, 5, 6, 7, 8]
        .into_iter()
        .map(|n| ((n, 0), Object::Reference((n + 10, 0))))
        .collect();
    let written = |n: u32, map: &BTreeMap<ObjectId, Object>| {
        let mut out = b"before ".to_vec();
        let copied = lazy.written((n, 0), map, &mut out);
        assert_eq!(copied, out.len() > 7, "{n}: {out:?}");
        copied.then(|| String::from_utf8(out[7..].to_vec()).unwrap())
    };
    assert_eq!(
        written(4, &map).as_deref(),
        Some("<</Length 3/Filter/FlateDecode>>stream\nabc\nendstream")
    );
    assert_eq!(
        written(5, &map).as_deref(),
        Some("<</Type/StructElem/S/P/P 16 0 R/K[17 0 R 0]/Pg  13 0 R>> ")
    );
    assert_eq!(
        written(10, &map).as_deref(),
        Some("<</Type/Font/Subtype/Type0/BaseFont/X/ToUnicode 14 0 R>>"),
        "a font, though the page's resources name it"
    );
    assert_eq!(written(6, &map), None, "its /ID is made unique");
    assert_eq!(
        written(11, &map),
        None,
        "a page's XObjects, whatever their type"
    );
    assert!(
        lazy.doc().objects.contains_key(&(11, 0)),
        "read as the document"
    );
    assert_eq!(written(12, &map), None, "a type a writer makes anew");
    assert_eq!(written(7, &map), None, "a pack deflates it");
    assert_eq!(written(8, &map), None, "10 0 R is not copied");
    assert_eq!(written(3, &map), None, "a page, read as the document");
    let mut less = map.clone();
    less.remove(&(3, 0));
    assert_eq!(written(5, &less), None, "3 0 R is not copied");
}

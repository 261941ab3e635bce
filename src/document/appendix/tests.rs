use super::objects::number_tree;
use super::*;
use lopdf::Dictionary;

const LIMIT: u64 = 1 << 30;

/// [`super::check`] with a generous inflate limit.
fn check(name: &str, bytes: &[u8]) -> Result<(), Problem> {
    super::check(name, bytes, LIMIT).map(|_| ())
}

/// A tagged one-page PDF whose `Document` element holds one `P` with MCID 0 and whose
/// page inherits its MediaBox and Resources from the page tree.
fn tagged(marked: bool, font: Option<Dictionary>) -> Document {
    let mut doc = Document::with_version("1.7");
    let pages = doc.new_object_id();
    let mut resources = Dictionary::new();
    if let Some(font) = font {
        let f = doc.add_object(font);
        resources.set("Font", Dictionary::from_iter([("F1", Object::from(f))]));
    }
    let content = doc.add_object(lopdf::Stream::new(
        Dictionary::new(),
        b"/P <</MCID 0>> BDC EMC".to_vec(),
    ));
    let page = doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Page".to_vec())),
        ("Parent", pages.into()),
        ("Contents", content.into()),
        ("StructParents", 0.into()),
    ]));
    doc.objects.insert(
        pages,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", vec![page.into()].into()),
            ("Count", 1.into()),
            ("Resources", resources.into()),
            (
                "MediaBox",
                vec![0.into(), 0.into(), 200.into(), 300.into()].into(),
            ),
        ])),
    );
    let root = doc.new_object_id();
    let document = doc.new_object_id();
    let p = doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"StructElem".to_vec())),
        ("S", Object::Name(b"P".to_vec())),
        ("P", document.into()),
        ("Pg", page.into()),
        ("K", vec![Object::from(0)].into()),
    ]));
    doc.objects.insert(
        document,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"StructElem".to_vec())),
            ("S", Object::Name(b"Document".to_vec())),
            ("P", root.into()),
            ("K", vec![p.into()].into()),
        ])),
    );
    let parents = doc.add_object(vec![Object::from(p)]);
    let tree = doc.add_object(Dictionary::from_iter([(
        "Nums",
        Object::Array(vec![0.into(), parents.into()]),
    )]));
    doc.objects.insert(
        root,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"StructTreeRoot".to_vec())),
            ("K", document.into()),
            ("ParentTree", tree.into()),
            ("ParentTreeNextKey", 1.into()),
            (
                "RoleMap",
                Dictionary::from_iter([("Para", Object::Name(b"P".to_vec()))]).into(),
            ),
        ])),
    );
    let mut catalog = Dictionary::from_iter([
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", pages.into()),
        ("StructTreeRoot", root.into()),
    ]);
    if marked {
        catalog.set(
            "MarkInfo",
            Dictionary::from_iter([("Marked", Object::Boolean(true))]),
        );
    }
    let catalog = doc.add_object(catalog);
    doc.trailer.set("Root", catalog);
    doc
}

fn bytes(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn font(embedded: bool) -> Dictionary {
    let mut f = Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"TrueType".to_vec())),
        ("BaseFont", Object::Name(b"Arial".to_vec())),
    ]);
    if embedded {
        let descriptor = Dictionary::from_iter([(
            "FontFile2",
            Object::Stream(lopdf::Stream::new(Dictionary::new(), vec![0; 4])),
        )]);
        f.set("FontDescriptor", descriptor);
    }
    f
}

#[test]
fn check_names_each_problem() {
    assert_eq!(
        check("a.pdf", &bytes(tagged(true, Some(font(true))))),
        Ok(())
    );
    let code = |b: &[u8]| check("a.pdf", b).unwrap_err().code;
    assert_eq!(code(b"hello"), "appendix-unreadable");
    assert_eq!(code(b"%PDF-1.7 and then nothing"), "appendix-unreadable");
    assert_eq!(code(&bytes(tagged(false, None))), "appendix-untagged");
    // Tagged in name only: its tree's elements point at nothing on the pages.
    let mut hollow = tagged(true, Some(font(true)));
    for o in hollow.objects.values_mut() {
        if let Object::Dictionary(d) = o
            && d.get(b"S").and_then(Object::as_name).ok() == Some(b"P".as_slice())
        {
            d.set("K", Vec::<Object>::new());
        }
    }
    let refused = check("a.pdf", &bytes(hollow)).unwrap_err();
    assert_eq!(refused.code, "appendix-untagged");
    assert!(
        refused.message.contains("tagged in name only"),
        "{}",
        refused.message
    );
    // A page tree that holds itself would never end.
    let mut looped = tagged(true, None);
    let pages = looped
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    if let Ok(Object::Dictionary(d)) = looped.get_object_mut(pages) {
        d.set("Kids", vec![Object::from(pages), Object::from(pages)]);
    }
    let p = check("a.pdf", &bytes(looped)).unwrap_err();
    assert_eq!(p.code, "appendix-unreadable");
    assert!(p.message.contains("damaged"), "{}", p.message);
    let p = check("a.pdf", &bytes(tagged(true, Some(font(false))))).unwrap_err();
    assert_eq!(p.code, "appendix-fonts");
    assert!(p.message.contains("Arial"), "{}", p.message);
}

/// Found by the `appendix_pdf` fuzz target: a structure tree root that points at no object
/// passed the checks and failed only when the PDF was written, far from the `file:` line.
#[test]
fn a_dangling_structure_tree_is_refused_at_the_check() {
    let mut doc = tagged(true, None);
    let catalog = doc.catalog_mut().unwrap();
    catalog.set("StructTreeRoot", Object::Reference((9999, 0)));
    let p = check("a.pdf", &bytes(doc)).unwrap_err();
    assert_eq!(p.code, "appendix-unreadable");
    assert!(p.message.contains("structure tree"), "{}", p.message);
    // Also found by it: a page tree whose leaf is not marked as a page, so the merge
    // found no pages to take.
    let mut doc = tagged(true, None);
    let page = doc.page_iter().next().unwrap();
    if let Ok(Object::Dictionary(d)) = doc.get_object_mut(page) {
        d.remove(b"Type");
    }
    let p = check("a.pdf", &bytes(doc)).unwrap_err();
    assert_eq!(p.code, "appendix-unreadable");
}

#[test]
fn append_grafts_pages_and_tree() {
    let appendix = bytes(tagged(true, None));
    let mut doc = tagged(true, None);
    let first = append(
        &mut doc,
        &[Appended {
            title: "Appendix A – Data",
            bytes: &appendix,
            inflate_limit: LIMIT,
        }],
    )
    .unwrap();
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    assert_eq!(pages.len(), 2);
    assert_eq!(first[0].1, [pages[1]]);
    let page = doc.get_dictionary(pages[1]).unwrap();
    // Inherited attributes travel with the page; the parent-tree key moves past ours.
    assert!(page.has(b"MediaBox") && page.has(b"Resources"));
    assert_eq!(page.get(b"StructParents").unwrap().as_i64().unwrap(), 1);
    let root_id = doc
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .unwrap()
        .as_reference()
        .unwrap();
    let root = doc.get_dictionary(root_id).unwrap();
    assert_eq!(root.get(b"ParentTreeNextKey").unwrap().as_i64().unwrap(), 2);
    assert!(
        root.get(b"RoleMap")
            .unwrap()
            .as_dict()
            .unwrap()
            .has(b"Para")
    );
    let mut entries = Vec::new();
    number_tree(&doc, root.get(b"ParentTree").unwrap(), &mut entries, 0);
    assert_eq!(entries.iter().map(|e| e.0).collect::<Vec<_>>(), [0, 1]);
    // The appendix's `P` now sits in a `Sect` under our `Document`.
    let Object::Reference(parents) = &entries[1].1 else {
        panic!("{:?}", entries[1].1)
    };
    let p_id = doc.get_object(*parents).unwrap().as_array().unwrap()[0]
        .as_reference()
        .unwrap();
    let p = doc.get_dictionary(p_id).unwrap();
    let sect_id = p.get(b"P").unwrap().as_reference().unwrap();
    let sect = doc.get_dictionary(sect_id).unwrap();
    assert_eq!(sect.get(b"S").unwrap().as_name().unwrap(), b"Sect");
    let document = sect.get(b"P").unwrap().as_reference().unwrap();
    assert_eq!(root.get(b"K").unwrap().as_reference().unwrap(), document);
    // No object points into the appendix's own catalog or page tree.
    assert_eq!(
        doc.objects
            .values()
            .filter(|o| o.as_dict().is_ok_and(
                |d| d.get(b"Type").and_then(Object::as_name).ok() == Some(b"Pages".as_slice())
            ))
            .count(),
        1
    );
}

#[test]
fn named_destinations_become_explicit() {
    let mut appendix = tagged(true, None);
    let page = appendix.get_pages()[&1];
    let link = appendix.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Annot".to_vec())),
        ("Subtype", Object::Name(b"Link".to_vec())),
        ("Dest", Object::Name(b"top".to_vec())),
        (
            "Rect",
            vec![0.into(), 0.into(), 10.into(), 10.into()].into(),
        ),
    ]));
    let dest = Object::Array(vec![page.into(), Object::Name(b"Fit".to_vec())]);
    if let Ok(Object::Dictionary(p)) = appendix.get_object_mut(page) {
        p.set("Annots", vec![Object::from(link)]);
    }
    let catalog = appendix
        .trailer
        .get(b"Root")
        .unwrap()
        .as_reference()
        .unwrap();
    if let Ok(Object::Dictionary(c)) = appendix.get_object_mut(catalog) {
        c.set("Dests", Dictionary::from_iter([("top", dest)]));
    }
    let appendix = bytes(appendix);
    let mut doc = tagged(true, None);
    let first = append(
        &mut doc,
        &[Appended {
            title: "Appendix A – Data",
            bytes: &appendix,
            inflate_limit: LIMIT,
        }],
    )
    .unwrap()[0]
        .1[0];
    let page = doc.get_dictionary(first).unwrap();
    let annot = page.get(b"Annots").unwrap().as_array().unwrap()[0]
        .as_reference()
        .unwrap();
    let dest = doc.get_dictionary(annot).unwrap().get(b"Dest").unwrap();
    assert_eq!(dest.as_array().unwrap()[0].as_reference().unwrap(), first);
}

/// An appendix that draws outside its tags (a browser's page background) and has a link
/// without a description: the check names the page, and the append marks the drawing as
/// an artifact and describes the link, so the paper stays PDF/UA.
#[test]
fn untagged_drawing_is_made_an_artifact_and_links_described() {
    let mut a = tagged(true, None);
    let page = a.page_iter().next().unwrap();
    let content = a.add_object(lopdf::Stream::new(
        Dictionary::new(),
        b"1 1 1 rg 0 0 200 300 re f /P <</MCID 0>> BDC EMC".to_vec(),
    ));
    let link = a.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Annot".to_vec())),
        ("Subtype", Object::Name(b"Link".to_vec())),
        (
            "Rect",
            vec![0.into(), 0.into(), 10.into(), 10.into()].into(),
        ),
        (
            "A",
            Dictionary::from_iter([
                ("S", Object::Name(b"URI".to_vec())),
                ("URI", Object::string_literal("https://example.org/x")),
            ])
            .into(),
        ),
    ]));
    if let Ok(Object::Dictionary(d)) = a.get_object_mut(page) {
        d.set("Contents", content);
        d.set("Annots", vec![Object::from(link)]);
    }
    let appendix = bytes(a);
    assert_eq!(super::check("a.pdf", &appendix, LIMIT), Ok(vec![1]));
    assert_eq!(
        super::check("b.pdf", &bytes(tagged(true, None)), LIMIT),
        Ok(vec![])
    );
    let mut doc = tagged(true, None);
    let pages = append(
        &mut doc,
        &[Appended {
            title: "Appendix A – Data",
            bytes: &appendix,
            inflate_limit: LIMIT,
        }],
    )
    .unwrap();
    let page = pages[0].1[0];
    let drawn = String::from_utf8(doc.get_page_content(page)).unwrap();
    assert!(
        drawn.starts_with("1 1 1 rg\n/Artifact BMC\n0 0 200 300 re\nf\nEMC"),
        "{drawn}"
    );
    let annots = doc.get_page_annotations(page).unwrap();
    assert_eq!(
        annots[0].get(b"Contents").unwrap().as_str().unwrap(),
        b"Link to https://example.org/x"
    );
}

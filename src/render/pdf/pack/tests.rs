use super::*;
use crate::meeting::tests_support::sample_meeting;

#[test]
fn ranges_follow_the_front_sheet_and_skip_papers_not_available() {
    assert_eq!(
        ranges(2, &[3, 0, 1, 4]),
        vec![Some((3, 5)), None, Some((6, 6)), Some((7, 10))]
    );
    assert_eq!(ranges(1, &[]), Vec::new());
    let words = &HouseStyle::default().words;
    assert_eq!(range_text(words, 5, 13), "pages 5–13");
    assert_eq!(range_text(words, 7, 7), "page 7");
}

#[test]
fn each_pack_holds_its_items() {
    // Verbal 1, heading 3, paper 3.1 (late), paper 4 (private).
    let m = sample_meeting();
    let titles =
        |k: PackKind| -> Vec<&str> { k.papers(&m).iter().map(|i| i.title.as_str()).collect() };
    assert!(titles(PackKind::Public).is_empty());
    assert_eq!(titles(PackKind::Supplementary), ["Budget"]);
    assert_eq!(titles(PackKind::Private), ["Cyber"]);
    assert!(PackKind::ALL.iter().all(|k| k.wanted(&m)));
    let mut plain = m.clone();
    plain.items.retain(|i| i.private.is_none() && !i.late);
    assert!(PackKind::Public.wanted(&plain), "always a public pack");
    assert!(!PackKind::Supplementary.wanted(&plain));
    assert!(!PackKind::Private.wanted(&plain));
    // A late or private item with no paper (a verbal update) has nothing to send.
    let mut verbal = plain.clone();
    for (n, late, private) in [("6", true, None), ("7", false, Some("Schedule 7A"))] {
        let mut item = m.items[0].clone();
        assert_eq!(item.kind, crate::meeting::ItemKind::Verbal);
        item.number = Some(n.into());
        item.late = late;
        item.private = private.map(Into::into);
        verbal.items.push(item);
    }
    assert!(!PackKind::Supplementary.wanted(&verbal), "{verbal:?}");
    assert!(!PackKind::Private.wanted(&verbal));
    let house = HouseStyle::default();
    assert_eq!(
        PackKind::Public.title(&m, &house),
        "Resources Committee – 19 May 2026 – Public reports pack"
    );
}

#[test]
fn the_front_sheet_names_ranges_links_papers_and_says_what_is_missing() {
    let m = sample_meeting();
    let house = HouseStyle::default();
    let text = |doc: &Document| format!("{:?}", doc.sections);
    let supp = front_sheet(&m, &house, PackKind::Supplementary, &[Some((2, 9))]);
    let t = text(&supp);
    assert!(t.contains("pages 2–9") && t.contains("#pack-item-0"), "{t}");
    assert!(!t.contains("Cyber"), "only the late items");
    // Under the heading they sit under on the agenda: `3 Finance`, then the late `3.1`.
    let (finance, budget) = (
        t.find("\"Finance\"").expect("its heading"),
        t.find("Budget").unwrap(),
    );
    assert!(finance < budget, "{t}");
    assert!(!t.contains("Opening remarks"), "no other item");
    let missing = front_sheet(&m, &house, PackKind::Supplementary, &[None]);
    assert!(text(&missing).contains("Paper not available"));
    let public = text(&front_sheet(&m, &house, PackKind::Public, &[]));
    assert!(public.contains("In the supplementary pack"), "{public}");
    assert!(public.contains("Exempt: Standing Orders 20(d)"));
    let private = front_sheet(&m, &house, PackKind::Private, &[Some((2, 3))]);
    assert!(text(&private).contains("pages 2–3"));
    assert!(!text(&private).contains("Budget"));
}

/// Two papers clerk built (links, a footnote, a table, a list: streams, structure
/// elements, annotations, notes' IDs).
fn two_papers(dir: &std::path::Path, engine: &PdfEngine, opts: &RenderOptions<'_>) -> Vec<Vec<u8>> {
    let body = "# Background\n\nSee [the plan](https://example.org/plan) and the note.[^n]\n\n\
                | A | B |\n| - | - |\n| 1 | 2 |\n\n- one\n- two\n\n[^n]: A note.\n\n\
                # Detail\n\nMore words on the matter, at some length.\n";
    ["", "classification: OFFICIAL\n"]
        .iter()
        .map(|meta| {
            let doc = crate::document::compile::test_paper(dir, meta, body);
            engine.render(&doc, opts).unwrap()
        })
        .collect()
}

fn options(house: &HouseStyle) -> RenderOptions<'_> {
    RenderOptions {
        house,
        logo: None,
        draft: false,
        pdf_links: true,
        site: None,
    }
}

/// A paper's objects copied as written make the very bytes that building, renumbering and
/// writing each of them makes: two papers put into a pack both ways.
#[test]
fn papers_copied_as_written_make_the_same_pack_as_built() {
    let dir = tempfile::tempdir().unwrap();
    let house = HouseStyle::default();
    let engine = PdfEngine::new(dir.path(), &house).unwrap();
    let opts = options(&house);
    let pdfs = two_papers(dir.path(), &engine, &opts);
    let mut m = sample_meeting();
    m.items.iter_mut().for_each(|i| i.late = false);
    m.items.iter_mut().for_each(|i| i.private = None);
    assert_eq!(PackKind::Public.papers(&m).len(), 2);
    let pack = |as_written| {
        let pdfs = pdfs.iter().map(|p| Some(p.as_slice()));
        engine
            .render_pack_with(&m, PackKind::Public, (pdfs, &[]), &opts, as_written)
            .unwrap()
            .bytes
    };
    let (written, built) = (pack(true), pack(false));
    assert!(written == built, "the packs differ");
    let doc = lopdf::Document::load_mem(&written).unwrap();
    let pages: u32 = pdfs
        .iter()
        .map(|p| super::super::page_count(p).unwrap())
        .sum();
    assert_eq!(doc.get_pages().len() as u32, 1 + pages);
}

/// Object by object: each object a graft could copy as written is then built, and the two
/// are the same bytes; streams and structure elements are among them.
#[test]
fn each_object_copied_as_written_is_as_built() {
    use crate::document::appendix::{Keep, PaperPdf, append_paper};
    use crate::render::pdf::serialise::Prewritten;
    use lopdf::{Object, ObjectId};

    #[derive(Default)]
    struct Compare {
        written: std::collections::BTreeMap<ObjectId, Vec<u8>>,
        checked: usize,
        streams: usize,
        elements: usize,
    }
    impl Keep for Compare {
        fn object(&mut self, doc: &mut lopdf::Document, id: ObjectId, object: Object) {
            if let Some(bytes) = self.written.remove(&id) {
                let built = Prewritten::form_of(&object);
                assert_eq!(
                    String::from_utf8_lossy(&bytes),
                    String::from_utf8_lossy(&built)
                );
                self.checked += 1;
                self.streams += usize::from(matches!(object, Object::Stream(_)));
                self.elements += usize::from(crate::document::appendix::element_or_link(&object));
            }
            doc.objects.insert(id, object);
        }

        fn written(&mut self, id: ObjectId, bytes: &[u8]) -> bool {
            self.written.insert(id, bytes.to_vec());
            false
        }
    }

    let dir = tempfile::tempdir().unwrap();
    let house = HouseStyle::default();
    let engine = PdfEngine::new(dir.path(), &house).unwrap();
    let pdfs = two_papers(dir.path(), &engine, &options(&house));
    let mut doc = lopdf::Document::load_mem(&pdfs[0]).unwrap();
    let src = PaperPdf::open(pdfs[1].as_slice()).unwrap();
    assert!(matches!(src, PaperPdf::Lazy(_)), "read object by object");
    let mut compare = Compare::default();
    append_paper(&mut doc, src, "Item 2", &mut compare).unwrap();
    assert!(compare.written.is_empty(), "{:?}", compare.written.keys());
    assert!(compare.streams >= 3, "{} streams", compare.streams);
    assert!(compare.elements >= 10, "{} elements", compare.elements);
    assert!(compare.checked >= 30, "{} objects", compare.checked);
}

/// A pack's outline is written from the meeting as shown (`Chair’s`): read back against
/// the items as the meeting file gives them (`Chair's`), it still holds them, so a build
/// does not take it for a pack of other items and withdraw it.
#[test]
fn a_pack_holds_its_items_whatever_their_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let house = HouseStyle::default();
    let engine = PdfEngine::new(dir.path(), &house).unwrap();
    let opts = options(&house);
    let pdfs = two_papers(dir.path(), &engine, &opts);
    let mut m = sample_meeting();
    m.items.iter_mut().for_each(|i| i.private = None);
    m.items
        .iter_mut()
        .for_each(|i| i.late = i.paper().is_some());
    for i in m.items.iter_mut().filter(|i| i.paper().is_some()) {
        i.title = format!("Chair's {}", i.title);
    }
    let pdfs = pdfs.iter().map(|p| Some(p.as_slice()));
    let pack = engine
        .render_pack_with(
            &m.shown(),
            PackKind::Supplementary,
            (pdfs, &[]),
            &opts,
            true,
        )
        .unwrap()
        .bytes;
    let items: Vec<&crate::meeting::AgendaItem> = m
        .items
        .iter()
        .filter(|i| PackKind::Supplementary.holds(i))
        .collect();
    assert_eq!(items.len(), 2);
    assert!(super::holds_only(&pack, &items, &house.words.front_sheet));
}

use super::*;
use crate::meeting::tests_support::sample_meeting;

#[test]
fn ranges_follow_the_front_sheet_and_skip_papers_not_available() {
    assert_eq!(
        ranges(2, &[3, 0, 1, 4]),
        vec![Some((3, 5)), None, Some((6, 6)), Some((7, 10))]
    );
    assert_eq!(ranges(1, &[]), Vec::new());
    assert_eq!(range_text(5, 13), "pages 5–13");
    assert_eq!(range_text(7, 7), "page 7");
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
    let missing = front_sheet(&m, &house, PackKind::Supplementary, &[None]);
    assert!(text(&missing).contains("Paper not available"));
    let public = text(&front_sheet(&m, &house, PackKind::Public, &[]));
    assert!(public.contains("In the supplementary pack"), "{public}");
    assert!(public.contains("Exempt: Standing Orders 20(d)"));
    let private = front_sheet(&m, &house, PackKind::Private, &[Some((2, 3))]);
    assert!(text(&private).contains("pages 2–3"));
    assert!(!text(&private).contains("Budget"));
}

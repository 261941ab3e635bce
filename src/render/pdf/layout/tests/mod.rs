//! Layout of whole papers: hanging numbers, margins, keep-with-next, repeated headers.

use super::*;
use crate::render::pdf::fonts::Fonts;

/// A Document from a Markdown body (and extra front matter), through the real pipeline.
pub(crate) fn doc(body: &str, extra_meta: &str) -> Document {
    let dir = tempfile::tempdir().unwrap();
    crate::document::compile::test_paper(dir.path(), extra_meta, body)
}

pub(crate) fn runs(page: &Page) -> impl Iterator<Item = (&Tag, &GlyphRun)> {
    page.items.iter().filter_map(|i| match &i.mark {
        Mark::Glyphs(r) => Some((&i.tag, r)),
        _ => None,
    })
}

fn text_of(run: &GlyphRun) -> String {
    run.glyphs.iter().map(|g| g.text).collect()
}

fn lay(body: &str, meta: &str) -> (Layout, Geometry) {
    let house = HouseStyle::default();
    let fonts = Fonts::embedded();
    let d = doc(body, meta);
    (
        layout(&d, &RenderOptions::new(&house), &fonts),
        Geometry::from_house(&house),
    )
}

#[test]
fn paragraph_numbers_hang_beside_their_first_line() {
    let (l, geo) = lay(
        "# Background\n\nFirst paragraph of the background, long enough to wrap onto a second line of text in the column.\n\nSecond.",
        "",
    );
    let page = &l.pages[0];
    let number = runs(page)
        .find(|(_, r)| text_of(r).trim_end() == "1.1")
        .expect("number 1.1")
        .1;
    assert!(
        (number.x - geo.left()).abs() < 0.01,
        "number at the margin: {}",
        number.x
    );
    let first = runs(page)
        .find(|(_, r)| text_of(r).starts_with("First"))
        .unwrap()
        .1;
    assert!((first.x - geo.column()).abs() < 0.01, "text in the column");
    assert!((first.y - number.y).abs() < 0.01, "same baseline");
    let second_line = runs(page)
        .find(|(_, r)| r.y > first.y && r.x == first.x && !text_of(r).starts_with("Second"))
        .unwrap()
        .1;
    assert!(
        (second_line.x - geo.column()).abs() < 0.01,
        "continuation lines align with the text, not the number"
    );
}

#[test]
fn headings_are_numbered_bold_and_bookmarked() {
    let (l, _) = lay("# Purpose\n\nWhy.\n\n# Background\n\nText.", "");
    let titles: Vec<&str> = l.bookmarks.iter().map(|b| b.title.as_str()).collect();
    assert_eq!(
        &titles[..3],
        ["PURPOSE", "1. BACKGROUND", "2. FINANCIAL IMPLICATIONS"]
    );
    let heading = runs(&l.pages[0])
        .find(|(_, r)| text_of(r) == "BACKGROUND")
        .unwrap()
        .1;
    assert_eq!(heading.face, crate::render::pdf::fonts::FaceId::Bold);
    assert!(l.anchors.contains_key("para-1-1"), "{:?}", l.anchors.keys());
}

fn awkward_body() -> String {
    let mut body = String::from("# Awkward\n\n");
    body.push_str(&format!("A word of forty letters {} and a URL https://example.org/a/very/long/path/that/goes/on/and/on/for/ever/and/ever/index.html?query=1&more=2 end.\n\n", "x".repeat(40)));
    body.push_str("| a | b | c | d | e | f | g | h | i | j | k | l |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    body.push_str(&format!("| {} |\n\n", ["Longwordincell"; 12].join(" | ")));
    body.push_str("| Item | Value |\n|---|--:|\n");
    for i in 0..200 {
        body.push_str(&format!("| Row {i} | {} |\n", i * 7));
    }
    body.push_str("\n- one\n  - two\n    - three\n      - four level deep item with enough words to wrap across the line width of a deep list\n\n");
    let words = [
        "the",
        "committee",
        "notes",
        "progress",
        "Dùn Èideann",
        "Caerdydd",
        "ŵyr",
        "ŷd",
        "“quoted”",
        "–",
        "£5",
        "€6",
        "against",
        "recommendation",
        "outlook",
        "has",
        "figures",
    ];
    let mut seed: u32 = 7;
    for i in 0..60 {
        let mut p = format!("Paragraph {i}");
        for _ in 0..(20 + i % 40) {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            p.push(' ');
            p.push_str(words[(seed >> 16) as usize % words.len()]);
        }
        body.push_str(&p);
        body.push_str(".\n\n");
    }
    body
}

#[test]
fn nothing_crosses_the_margins() {
    let (l, geo) = lay(&awkward_body(), "");
    assert!(l.pages.len() > 5, "{} pages", l.pages.len());
    let bottom = geo.page.1 - geo.margins.2;
    for (n, page) in l.pages.iter().enumerate() {
        for (tag, run) in runs(page) {
            let right = run.x + run.width();
            assert!(
                run.x >= geo.left() - 0.01 && right <= geo.right() + 0.01,
                "page {n}: {:?} from {} to {right}",
                text_of(run),
                run.x
            );
            if *tag != Tag::Artifact {
                assert!(
                    run.y > geo.margins.0 && run.y <= bottom + 0.01,
                    "page {n}: {:?} at y {}",
                    text_of(run),
                    run.y
                );
            }
        }
    }
}

#[test]
fn table_header_repeats_on_every_page_it_spans() {
    let (l, _) = lay(&awkward_body(), "");
    let with_rows: Vec<usize> = (0..l.pages.len())
        .filter(|p| runs(&l.pages[*p]).any(|(_, r)| text_of(r).starts_with("Row")))
        .collect();
    assert!(with_rows.len() >= 3, "{with_rows:?}");
    for p in with_rows {
        let header = runs(&l.pages[p])
            .filter(|(_, r)| text_of(r) == "Item")
            .count();
        assert_eq!(header, 1, "page {p} repeats the header once");
    }
}

#[test]
fn a_heading_is_never_last_on_a_page_and_no_lone_lines() {
    let (l, geo) = lay(&awkward_body(), "");
    let bottom = geo.page.1 - geo.margins.2;
    for (n, page) in l.pages.iter().enumerate().take(l.pages.len() - 1) {
        let body: Vec<&GlyphRun> = runs(page)
            .filter(|(t, _)| **t != Tag::Artifact)
            .map(|(_, r)| r)
            .filter(|r| r.y <= bottom)
            .collect();
        let last_y = body.iter().map(|r| r.y).fold(0.0, f32::max);
        let last: Vec<&&GlyphRun> = body
            .iter()
            .filter(|r| (r.y - last_y).abs() < 0.01)
            .collect();
        assert!(
            last.iter()
                .all(|r| r.face != crate::render::pdf::fonts::FaceId::Bold || text_of(r) == "Item"),
            "page {n} ends with a heading"
        );
    }
}

#[test]
fn a_list_opening_a_paragraph_keeps_its_number_beside_the_first_bullet() {
    let (l, geo) = lay(
        "# Background\n\nIntro.\n\n## Sub\n\n- item one\n- \n- item three",
        "",
    );
    let page = &l.pages[0];
    let number = runs(page)
        .find(|(_, r)| text_of(r).trim_end() == "1.2")
        .expect("1.2 is drawn")
        .1;
    let bullets: Vec<&GlyphRun> = runs(page)
        .filter(|(_, r)| text_of(r).trim_end() == "•")
        .map(|(_, r)| r)
        .collect();
    assert_eq!(bullets.len(), 3, "the empty item keeps its bullet");
    assert!((bullets[0].y - number.y).abs() < 0.01);
    assert!((bullets[0].x - geo.column()).abs() < 0.01);
    assert!(bullets[1].y > bullets[0].y && bullets[2].y > bullets[1].y);
}

#[test]
fn a_row_taller_than_a_page_breaks_instead_of_running_off_it() {
    let long = "word ".repeat(5000);
    let body = format!("# Table\n\n| Key | Text |\n|---|---|\n| one | {long} |\n| two | short |\n");
    let (l, geo) = lay(&body, "");
    let bottom = geo.page.1 - geo.margins.2;
    assert!(l.pages.len() >= 3, "{} pages", l.pages.len());
    for (n, page) in l.pages.iter().enumerate() {
        for (tag, run) in runs(page) {
            if *tag != Tag::Artifact {
                assert!(
                    run.y <= bottom + 0.01,
                    "page {n}: text at {} past {bottom}",
                    run.y
                );
            }
        }
    }
    // Every page the table runs onto starts with its header.
    let with_header = l
        .pages
        .iter()
        .filter(|p| runs(p).any(|(_, r)| text_of(r) == "Key"))
        .count();
    assert!(with_header >= 3, "{with_header}");
}

#[test]
fn paragraph_lines_keep_first_two_and_last_two_together() {
    let fonts = Fonts::embedded();
    let geo = Geometry::from_house(&HouseStyle::default());
    for (n, expected) in [
        (1, vec![false]),
        (2, vec![true, false]),
        (3, vec![true, true, false]),
        (5, vec![true, false, false, true, false]),
    ] {
        let mut flow = Flow::new(&fonts, geo);
        flow.push_lines(vec![text::Line::default(); n], 0.0, 11.0, 0.0);
        let keeps: Vec<bool> = flow
            .galley
            .units
            .iter()
            .map(|u| u.keep_with_next.holds())
            .collect();
        assert_eq!(
            keeps, expected,
            "{n} lines: no orphan (first line alone) nor widow (last line alone)"
        );
    }
}

#[test]
fn blocks_carry_roles_for_the_structure_tree() {
    let body = "# Background\n\nIntro:\n\n- first point\n- second point\n\nAfter the list.\n\n| Item | Value |\n|---|---|\n| a | 1 |\n";
    let (l, _) = lay(body, "");
    let role_of = |text: &str| {
        l.pages
            .iter()
            .flat_map(runs)
            .find(|(_, r)| text_of(r).contains(text))
            .map(|(t, _)| t.clone())
    };
    let role = |text: &str| match role_of(text) {
        Some(Tag::Content { role, .. }) => role,
        other => panic!("{text:?}: {other:?}"),
    };
    assert_eq!(role("first"), Role::L(0));
    assert_eq!(role("•"), Role::Lbl, "a bullet is the label of its item");
    assert_eq!(
        role("After"),
        Role::P,
        "the paragraph after a list is not part of it"
    );
    assert!(matches!(role("Item"), Role::Cell(c) if c.scope == Scope::Column && c.table_start));
    assert!(matches!(role("Meeting"), Role::Cell(c) if c.scope == Scope::Row));
    // Each cell is a block of its own.
    let block = |text: &str| match role_of(text) {
        Some(Tag::Content { block, .. }) => block,
        _ => 0,
    };
    assert_ne!(block("Item"), block("Value"));
}

mod blocks;
mod commonmark;
mod page_rules;
mod structure;
mod typeset;

/// A name too long for one line beside the logo's room is set on two, every word of it,
/// and what follows starts below them.
#[test]
fn a_long_organisation_name_goes_on_over_lines_and_loses_no_word() {
    let mut house = HouseStyle::default();
    let name = "Glenmorven and Strathcarron Joint Police and Fire Oversight Authority of the Western Isles";
    house.organisation.name = name.into();
    let fonts = Fonts::embedded();
    let l = layout(
        &doc("# Background\n\nText.", ""),
        &RenderOptions::new(&house),
        &fonts,
    );
    let page = &l.pages[0];
    // The title, under the masthead (the footer says it too, at the foot).
    let title = runs(page)
        .filter(|(_, r)| text_of(r).replace('\u{a0}', " ") == "A Test Paper")
        .map(|(_, r)| r.y)
        .fold(f32::MAX, f32::min);
    let named: Vec<&GlyphRun> = runs(page)
        .map(|(_, r)| r)
        .filter(|r| r.y < title && r.face == crate::render::pdf::fonts::FaceId::Bold)
        .collect();
    let mut ys: Vec<f32> = named.iter().map(|r| r.y).collect();
    ys.dedup();
    assert!(ys.len() >= 2, "on two lines or more: {ys:?}");
    let text: Vec<String> = named.iter().map(|r| text_of(r)).collect();
    let words: Vec<&str> = text.iter().flat_map(|t| t.split_whitespace()).collect();
    assert_eq!(words.join(" "), name);
}

/// An agenda's `10.10(b)` is wider than the number column: the column widens for the
/// whole document, so the number never runs into its text and every paragraph's text
/// still starts at one edge; a document of short numbers keeps the house's column.
#[test]
fn a_number_wider_than_the_column_widens_it_for_the_whole_document() {
    let house = HouseStyle::default();
    let fonts = Fonts::embedded();
    let mut d = doc("# Background\n\nFirst paragraph.\n\nSecond paragraph.", "");
    let geo = Geometry::from_house(&house);
    assert_eq!(
        Geometry::for_document(&house, &d, &fonts).column(),
        geo.column()
    );
    if let crate::document::Item::Para(p) = &mut d.sections[0].items[1] {
        p.number = Some("10.10(b)".into());
    }
    let l = layout(&d, &RenderOptions::new(&house), &fonts);
    let page = &l.pages[0];
    let number = runs(page)
        .find(|(_, r)| text_of(r).trim_end() == "10.10(b)")
        .expect("the long number")
        .1;
    let [first, second] = ["First", "Second"].map(|t| {
        runs(page)
            .find(|(_, r)| text_of(r).starts_with(t))
            .unwrap_or_else(|| panic!("{t}"))
            .1
    });
    assert!(
        number.x + number.width() + house.pdf.font_size * 0.5 < second.x,
        "a gap after the number: it ends at {}, its text starts at {}",
        number.x + number.width(),
        second.x
    );
    assert!(second.x > geo.column(), "the column widened");
    assert!((first.x - second.x).abs() < 0.01, "one column for all");
}

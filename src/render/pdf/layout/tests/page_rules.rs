//! The page rules a secretariat checks by eye, on the pure layout: captions and
//! introductions on the page of their block, and the gap at each page foot with the rule
//! that forces it.

use super::typeset::{LONG, paper};
use super::{doc, runs};
use crate::render::pdf::fonts::Fonts;
use crate::render::pdf::layout::*;

/// Where each unit of text starting with `text` landed: its page.
fn page_of(l: &Layout, text: &str) -> Option<usize> {
    l.pages.iter().position(|p| {
        runs(p).any(|(t, r)| {
            !matches!(t, Tag::Artifact)
                && r.glyphs
                    .iter()
                    .map(|g| g.text)
                    .collect::<String>()
                    .starts_with(text)
        })
    })
}

/// No table row is left alone: with filler of every length before a table of five rows,
/// its first row has its second on its page, and its last its last but one.
#[test]
fn a_tables_first_and_last_rows_are_never_alone_on_a_page() {
    let house = HouseStyle::default();
    let fonts = Fonts::embedded();
    let filler = "Officers have worked with the Scottish Government to agree a recovery plan and the position is reported monthly. ";
    let rows = ["Estates", "Fleet", "ICT", "Pensions", "Overtime"];
    let mut split = 0;
    for n in 20..75 {
        let table: String = rows
            .iter()
            .map(|r| format!("| {r} | 1.0 | 2.0 |\n"))
            .collect();
        let body = format!(
            "# Capital\n\n{}\n\n| Line | Q1 | Q2 |\n|:--|--:|--:|\n{table}\nAfter.",
            filler.repeat(n)
        );
        let l = layout(&doc(&body, ""), &RenderOptions::new(&house), &fonts);
        let at: Vec<usize> = rows.iter().map(|r| page_of(&l, r).unwrap()).collect();
        assert_eq!(at[0], at[1], "{n} fillers: the first row alone, {at:?}");
        assert_eq!(at[3], at[4], "{n} fillers: the last row alone, {at:?}");
        if at[0] != at[4] {
            split += 1;
        }
    }
    assert!(
        split > 0,
        "the fillers never split the table over two pages"
    );
}

/// Rules 6 and 7: with filler of every length before it, a caption is on the page of its
/// table's head row and first row, and the words a quote belongs to on the quote's page.
#[test]
fn captions_and_introductions_stay_with_their_block() {
    let house = HouseStyle::default();
    let fonts = Fonts::embedded();
    let filler = "Officers have worked with the Scottish Government to agree a recovery plan and the position is reported monthly. ";
    let mut crossings = 0;
    for n in 20..75 {
        let body = format!(
            "# Capital\n\n{}\n\nTable 4: Capital programme by quarter\n\n| Line | Q1 | Q2 |\n|:--|--:|--:|\n| Estates | 1.0 | 2.0 |\n| Fleet | 3.0 | 4.0 |\n| ICT | 5.0 | 6.0 |\n\nThe Chief Constable said:\n\n> Recovery takes time and the plan is on course.\n> It is reviewed every month by the Board.\n\nAfter.",
            filler.repeat(n)
        );
        let l = layout(&doc(&body, ""), &RenderOptions::new(&house), &fonts);
        let caption = page_of(&l, "Table 4").unwrap();
        let head = page_of(&l, "Line").unwrap();
        let first_row = page_of(&l, "Estates").unwrap();
        assert_eq!(
            (caption, caption),
            (head, first_row),
            "{n} fillers: caption on page {caption}, head row on {head}, first row on {first_row}"
        );
        let said = page_of(&l, "The Chief Constable").unwrap();
        let quote = page_of(&l, "Recovery").unwrap();
        assert_eq!(
            said, quote,
            "{n} fillers: introduction on page {said}, quote on {quote}"
        );
        if l.pages.len() > 1 && caption > 0 {
            crossings += 1;
        }
    }
    assert!(
        crossings > 0,
        "the fillers never pushed the caption over a page"
    );
}

/// Rule 8, measured on the long paper: each page foot's gap, and when it is more than
/// three lines, the keep rule that forces it (the next piece, held together by that rule,
/// needed more than the gap).
#[test]
fn page_feet_end_short_only_where_a_keep_rule_forces_it() {
    let house = HouseStyle::default();
    let fonts = Fonts::embedded();
    let geo = Geometry::from_house(&house);
    let line = Geometry::leading(geo.size);
    let flow = galley(&paper(LONG), &house, &fonts, None);
    let paged = paginate(flow.galley, geo.frame());
    assert!(paged.pages.len() >= 10, "{} pages", paged.pages.len());
    assert_eq!(paged.ends.len(), paged.pages.len());
    let mut report = Vec::new();
    for (p, end) in paged.ends.iter().enumerate() {
        if end.forced {
            continue;
        }
        assert!(
            end.gap < end.next + 0.01,
            "page {}: a gap of {:.1} pt would have held the next {:.1} pt",
            p + 1,
            end.gap,
            end.next
        );
        if end.gap > 3.0 * line {
            assert!(
                !end.kept.is_empty(),
                "page {}: {:.1} pt ({:.1} lines) free and no keep rule forced it",
                p + 1,
                end.gap,
                end.gap / line
            );
        }
        report.push(format!(
            "page {}: gap {:.1} pt ({:.1} lines), next {:.1} pt, kept by {:?}",
            p + 1,
            end.gap,
            end.gap / line,
            end.next,
            end.kept
        ));
    }
    println!("{}", report.join("\n"));
}

/// Rule 8 on made-up papers: a heading with a long paragraph after it near a page's foot
/// starts on that page, the paragraph split within the widow and orphan rules.
#[test]
fn paragraphs_split_across_pages_rather_than_leave_a_gap() {
    let house = HouseStyle::default();
    let fonts = Fonts::embedded();
    let geo = Geometry::from_house(&house);
    let line = Geometry::leading(geo.size);
    let long = "The force continues to work with partners across the public sector to share buildings and reduce costs. ".repeat(12);
    for n in 5..40 {
        let body = format!(
            "# One\n\n{}\n\n# Two\n\n{long}\n\n{long}",
            "Short paragraph of filler text for the page.\n\n".repeat(n)
        );
        let flow = galley(&doc(&body, ""), &house, &fonts, None);
        let paged = paginate(flow.galley, geo.frame());
        for (p, end) in paged.ends.iter().enumerate().filter(|(_, e)| !e.forced) {
            assert!(
                end.gap <= 3.0 * line + 0.01 || !end.kept.is_empty(),
                "{n} fillers, page {}: {:.1} pt free, no rule",
                p + 1,
                end.gap
            );
            // Heading + 2 lines (no orphan) is the most a page foot may be short of.
            assert!(
                end.gap < 4.0 * line + 2.0 * geo.size,
                "{n}: page {}: {}",
                p + 1,
                end.gap
            );
        }
    }
}

/// Rule 9: a further paragraph in a list item, and a list after it, stand apart.
#[test]
fn a_second_paragraph_in_a_list_item_has_space_above_it() {
    let house = HouseStyle::default();
    let fonts = Fonts::embedded();
    let body = "# One\n\nThe points:\n\n- First point.\n\n  A second paragraph of the first point.\n\n  - a nested point\n- Second point.";
    let flow = galley(&doc(body, ""), &house, &fonts, None);
    let unit_of = |text: &str| {
        flow.galley
            .units
            .iter()
            .find(|u| {
                u.items.iter().any(|i| {
                    matches!(&i.mark, Mark::Glyphs(r) if r.glyphs.iter().map(|g| g.text).collect::<String>().starts_with(text))
                })
            })
            .unwrap()
    };
    let geo = Geometry::from_house(&house);
    assert!(unit_of("A second").space_before >= geo.size * 0.4);
    assert!(unit_of("a nested").space_before >= geo.size * 0.4);
}

//! Pagination rules on synthetic units.

use super::*;

fn unit(h: f32, keep: bool) -> Unit {
    Unit {
        height: h,
        keep_with_next: if keep { Keep::Orphan } else { Keep::No },
        ..Unit::default()
    }
}

fn tops(p: &Paginated) -> Vec<Vec<f32>> {
    // Each unit carries one anchor (its index); report the pages' anchor lists.
    let mut pages = vec![Vec::new(); p.pages.len()];
    for (id, page, _) in &p.anchors {
        if let Ok(n) = id.parse() {
            pages[*page].push(n);
        }
    }
    pages
}

fn galley(units: Vec<Unit>) -> Galley {
    let units = units
        .into_iter()
        .enumerate()
        .map(|(i, mut u)| {
            u.anchors.push(i.to_string());
            u
        })
        .collect();
    Galley {
        units,
        ..Galley::default()
    }
}

const FRAME: Frame = Frame {
    top: 50.0,
    height: 100.0,
    left: 50.0,
};

#[test]
fn keep_with_next_moves_the_chain_to_the_next_page() {
    // 8 lines of 10 fill 80; a heading (kept) + 2 kept lines need 30: all move on.
    let mut units: Vec<Unit> = (0..8).map(|_| unit(10.0, false)).collect();
    units.push(unit(10.0, true));
    units.push(unit(10.0, true));
    units.push(unit(10.0, false));
    let p = paginate(galley(units), FRAME);
    assert_eq!(
        tops(&p),
        vec![
            (0..8).map(|i| i as f32).collect::<Vec<_>>(),
            vec![8.0, 9.0, 10.0]
        ]
    );
}

#[test]
fn space_before_is_dropped_at_the_top_of_a_page() {
    let mut units: Vec<Unit> = (0..10).map(|_| unit(10.0, false)).collect();
    units.push(Unit {
        space_before: 30.0,
        ..unit(10.0, false)
    });
    let p = paginate(galley(units), FRAME);
    assert_eq!(p.pages.len(), 2);
    let (_, page, y) = p.anchors.last().unwrap();
    assert_eq!((*page, *y), (1, 50.0));
}

#[test]
fn a_chain_taller_than_a_page_is_split_rather_than_lost() {
    let units: Vec<Unit> = (0..25).map(|_| unit(10.0, true)).collect();
    let p = paginate(galley(units), FRAME);
    assert_eq!(p.pages.len(), 3);
    assert_eq!(p.anchors.len(), 25);
}

#[test]
fn table_rows_starting_a_page_get_the_header_again() {
    let header = Unit {
        anchors: vec!["h".into()],
        ..unit(10.0, true)
    };
    let mut g = galley(
        (0..25)
            .map(|_| Unit {
                repeat: Some(0),
                ..unit(10.0, false)
            })
            .collect(),
    );
    g.headers.push(header.clone());
    g.units.insert(0, header);
    let p = paginate(g, FRAME);
    assert_eq!(p.pages.len(), 3);
    // Header and 9 rows, then the repeated header and 9 rows, twice: 9 + 9 + 7 rows.
    let rows_per_page: Vec<usize> = tops(&p).iter().map(|v| v.len()).collect();
    assert_eq!(rows_per_page, vec![9, 9, 7]);
}

#[test]
fn footnotes_sit_on_the_page_that_cites_them() {
    let mut units: Vec<Unit> = (0..9).map(|_| unit(10.0, false)).collect();
    units.push(Unit {
        footnotes: vec![1],
        ..unit(10.0, false)
    });
    let mut g = galley(units);
    let note = Unit {
        items: vec![super::super::model::Item {
            tag: super::super::model::Tag::Artifact,
            mark: Mark::Rect {
                x: 0.0,
                y: 0.0,
                w: 1.0,
                h: 1.0,
                fill: None,
                stroke: None,
            },
        }],
        ..unit(20.0, false)
    };
    g.notes.insert(1, vec![note]);
    let p = paginate(g, FRAME);
    // The citing line no longer fits with its note: both go to page 2.
    assert_eq!(p.pages.len(), 2);
    assert_eq!(tops(&p)[1], vec![9.0]);
    let rects = p.pages[1]
        .items
        .iter()
        .filter(|i| matches!(i.mark, Mark::Rect { .. }))
        .count();
    assert_eq!(rects, 1);
}

/// A note line of height 10 whose rectangle's `x` is its index in the note.
fn note_line(i: usize) -> Unit {
    Unit {
        items: vec![super::super::model::Item {
            tag: super::super::model::Tag::Artifact,
            mark: Mark::Rect {
                x: i as f32,
                y: 0.0,
                w: 1.0,
                h: 10.0,
                fill: None,
                stroke: None,
            },
        }],
        ..unit(10.0, false)
    }
}

/// `(page, index, bottom)` of every note line drawn, in page and reading order.
fn note_lines(p: &Paginated) -> Vec<(usize, usize, f32)> {
    let mut out = Vec::new();
    for (k, page) in p.pages.iter().enumerate() {
        for item in &page.items {
            if let Mark::Rect { x, y, h, .. } = item.mark {
                out.push((k, x as usize, y + h));
            }
        }
    }
    out
}

#[test]
fn a_footnote_taller_than_a_page_continues_at_the_foot_of_the_next() {
    // Five body lines, the third citing a note of 25 lines (250 points on a 100-point page).
    let mut units: Vec<Unit> = (0..5).map(|_| unit(10.0, false)).collect();
    units[2].footnotes = vec![1];
    let mut g = galley(units);
    g.notes.insert(1, (0..25).map(note_line).collect());
    let p = paginate(g, FRAME);
    let lines = note_lines(&p);
    // Every line of the note drawn once, in order, none below the text area.
    let order: Vec<usize> = lines.iter().map(|l| l.1).collect();
    assert_eq!(order, (0..25).collect::<Vec<_>>());
    let bottom = FRAME.top + FRAME.height;
    assert!(lines.iter().all(|l| l.2 <= bottom + 0.01), "{lines:?}");
    // The note starts on the page that cites it, and runs on over the following pages.
    assert_eq!(tops(&p)[0], vec![0.0, 1.0, 2.0]);
    assert_eq!(lines[0].0, 0);
    assert!(p.pages.len() >= 3, "{} pages", p.pages.len());
    // Every body line is placed once, above the notes of its page.
    let placed: usize = tops(&p).iter().map(Vec::len).sum();
    assert_eq!(placed, 5);
}

#[test]
fn a_note_cited_while_another_continues_follows_it() {
    let mut units: Vec<Unit> = (0..4).map(|_| unit(10.0, false)).collect();
    units[0].footnotes = vec![1];
    units[1].footnotes = vec![2];
    let mut g = galley(units);
    g.notes.insert(1, (0..12).map(note_line).collect());
    g.notes.insert(2, (100..102).map(note_line).collect());
    let p = paginate(g, FRAME);
    let lines = note_lines(&p);
    let order: Vec<usize> = lines.iter().map(|l| l.1).collect();
    let mut expected: Vec<usize> = (0..12).collect();
    expected.extend([100, 101]);
    assert_eq!(order, expected);
    let bottom = FRAME.top + FRAME.height;
    assert!(lines.iter().all(|l| l.2 <= bottom + 0.01), "{lines:?}");
}

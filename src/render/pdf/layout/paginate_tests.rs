//! Pagination rules on synthetic units.

use super::*;

fn unit(h: f32, keep: bool) -> Unit {
    Unit {
        height: h,
        keep_with_next: keep,
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

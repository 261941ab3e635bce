//! The PDF follows the Markdown as CommonMark reads it (#19): a loose list is spaced as
//! paragraphs are, a tight one is not; a heading keeps its emphasis, its bookmark plain.

use super::*;
use crate::render::pdf::fonts::FaceId;

/// The baselines of the bullets on the first page.
fn bullet_ys(l: &Layout) -> Vec<f32> {
    runs(&l.pages[0])
        .filter(|(_, r)| text_of(r).trim_end() == "•")
        .map(|(_, r)| r.y)
        .collect()
}

#[test]
fn a_loose_lists_items_stand_further_apart_than_a_tight_lists() {
    let (tight, _) = lay("# Background\n\nIntro:\n\n- one\n- two\n- three", "");
    let (loose, geo) = lay("# Background\n\nIntro:\n\n- one\n\n- two\n\n- three", "");
    let (t, l) = (bullet_ys(&tight), bullet_ys(&loose));
    assert_eq!((t.len(), l.len()), (3, 3));
    let (t_gap, l_gap) = (t[2] - t[1], l[2] - l[1]);
    // A loose item is set off by the gap between paragraphs' blocks, a tight one by 3 pt.
    assert!(
        (l_gap - t_gap - (geo.size * 0.4 - 3.0)).abs() < 0.01,
        "tight {t_gap}, loose {l_gap}"
    );
}

#[test]
fn a_headings_emphasis_is_kept_and_its_bookmark_stays_plain() {
    let (l, _) = lay("# Background *in brief*\n\nText.", "");
    let titles: Vec<&str> = l.bookmarks.iter().map(|b| b.title.as_str()).collect();
    assert_eq!(titles[0], "1. BACKGROUND IN BRIEF");
    let faces: Vec<(String, FaceId)> = runs(&l.pages[0])
        .filter(|(_, r)| ["BACKGROUND", "IN BRIEF"].contains(&text_of(r).trim()))
        .map(|(_, r)| (text_of(r).trim().to_string(), r.face))
        .collect();
    assert_eq!(
        faces,
        [
            ("BACKGROUND".to_string(), FaceId::Bold),
            ("IN BRIEF".to_string(), FaceId::BoldItalic)
        ]
    );
}

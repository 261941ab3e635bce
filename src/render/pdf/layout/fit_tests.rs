//! The table layout's sizes and widths: type that shrinks before cells wrap, the room
//! shared between columns, and when words must be cut.

use super::widths;

/// A table of `cols` columns whose cells all read `word`.
fn table_of(cols: usize, word: &str) -> crate::document::Table {
    use crate::document::{Align, Inline};
    let cell = || {
        vec![Inline::Text {
            text: word.to_string(),
        }]
    };
    crate::document::Table {
        align: vec![Align::None; cols],
        head: (0..cols).map(|_| cell()).collect(),
        rows: vec![(0..cols).map(|_| cell()).collect()],
    }
}

/// Words are cut only when even the smallest type cannot give each column its widest
/// word: a budget of fourteen columns of millions on A4 can't, four columns can.
#[test]
fn words_are_cut_only_when_the_widest_words_do_not_fit_at_7pt() {
    let fonts = crate::render::pdf::fonts::Fonts::embedded();
    let width = 400.0;
    assert!(!super::cuts_words(
        &fonts,
        &table_of(4, "£1,234,567"),
        width,
        9.9
    ));
    assert!(super::cuts_words(
        &fonts,
        &table_of(14, "£1,234,567"),
        width,
        9.9
    ));
    // Long prose in a few columns wraps at its spaces, cutting nothing.
    let prose = "the estate has three hundred buildings across the north of the country";
    assert!(!super::cuts_words(&fonts, &table_of(3, prose), width, 11.0));
}

#[test]
fn tables_shrink_only_where_it_saves_wrapping_and_never_below_7pt() {
    use super::table_size;
    // Fits as it is.
    assert_eq!(table_size(90.0, 20.0, 100.0, 10.0), 10.0);
    // Natural width fits at 8 pt: set at 8 pt, nothing wraps.
    assert_eq!(table_size(125.0, 40.0, 100.0, 10.0), 8.0);
    // Prose that would wrap even at 7 pt, its words fitting: the base size, and its
    // cells wrap (7 pt would save no wrapping).
    assert_eq!(table_size(900.0, 60.0, 100.0, 10.0), 10.0);
    // ...its widest words fitting only at 8 pt: 8 pt, so that no word is cut.
    assert_eq!(table_size(900.0, 125.0, 100.0, 10.0), 8.0);
    // Words too wide even at 7 pt (fourteen columns of figures): 7 pt, the least cut.
    assert_eq!(table_size(900.0, 300.0, 100.0, 10.0), super::MIN_TABLE_SIZE);
    // A base size below 7 pt is never enlarged... nor shrunk further.
    assert_eq!(table_size(900.0, 300.0, 100.0, 6.0), 6.0);
}

#[test]
fn natural_widths_when_the_table_fits() {
    assert_eq!(
        widths(&[10.0, 20.0], &[30.0, 40.0], 100.0),
        vec![30.0, 40.0]
    );
}

#[test]
fn shares_spare_room_between_min_and_natural() {
    let w = widths(&[10.0, 10.0], &[50.0, 110.0], 80.0);
    assert!((w.iter().sum::<f32>() - 80.0).abs() < 0.01, "{w:?}");
    assert!(w[1] > w[0]);
}

#[test]
fn scales_down_when_even_the_words_do_not_fit() {
    let w = widths(&[60.0, 60.0], &[90.0, 90.0], 100.0);
    assert!((w.iter().sum::<f32>() - 100.0).abs() < 0.01, "{w:?}");
}

/// An action log: the reference, owner, date and status stay whole, the action (prose)
/// takes the rest and wraps.
#[test]
fn narrow_columns_stay_whole_beside_prose() {
    let mins = [15.0, 60.0, 40.0, 25.0, 30.0];
    let maxs = [15.0, 400.0, 90.0, 45.0, 30.0];
    let w = widths(&mins, &maxs, 370.0);
    assert_eq!(&w[2..], &[90.0, 45.0, 30.0], "{w:?}");
    assert_eq!(w[0], 15.0);
    assert!((w.iter().sum::<f32>() - 370.0).abs() < 0.01, "{w:?}");
    // Too little room to keep them whole and the prose's longest word: shared out.
    let w = widths(&[10.0, 100.0], &[40.0, 400.0], 120.0);
    assert!(w[0] < 40.0 && w[1] >= 100.0, "{w:?}");
}

/// One word longer than the line in a three-column table: the short columns keep their
/// words (`Code`, `Amount`), only the long word's column is narrowed and its word cut.
#[test]
fn a_long_word_is_cut_in_its_own_column_only() {
    let w = widths(&[20.0, 500.0, 30.0], &[20.0, 500.0, 30.0], 300.0);
    assert_eq!((w[0], w[2]), (20.0, 30.0), "{w:?}");
    assert!((w[1] - 250.0).abs() < 0.01, "{w:?}");
    // Fourteen columns of figures, none narrow: shared out by their widths as before.
    let w = widths(&[30.0; 14], &[30.0; 14], 300.0);
    assert!(w.iter().all(|&c| (c - 300.0 / 14.0).abs() < 0.01), "{w:?}");
}

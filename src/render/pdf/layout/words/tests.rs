//! The word cache: hits give what misses gave, and what it keeps is bounded.

use skrifa::MetadataProvider;

use super::super::shape::shape_atoms;
use super::super::spans::{Span, Style};
use super::*;
use crate::render::pdf::fonts::{FaceId, Fonts, Shaped};

fn span(text: &str, style: Style) -> Span {
    Span {
        text: text.into(),
        style,
    }
}

fn glyphs_of(spans: &[Span], fonts: &Fonts) -> Vec<(Vec<Glyph>, f32, bool, bool)> {
    let (atoms, glyphs) = shape_atoms(spans, fonts);
    atoms
        .iter()
        .map(|a| (glyphs[a.glyphs()].to_vec(), a.width, a.space, a.break_after))
        .collect()
}

#[test]
fn every_embedded_face_is_a_proven_one() {
    let fonts = Fonts::embedded();
    for (k, id) in FaceId::ALL.into_iter().enumerate() {
        assert_eq!(proven(fonts.face(id).bytes()), Some(k as u8), "{id:?}");
    }
    assert_eq!(proven(b"not a font"), None);
}

/// Glyph ids and advances, clusters made relative to `from`.
fn plain(shaped: &[Shaped], from: u32) -> Vec<(u16, i32, u32)> {
    shaped
        .iter()
        .map(|g| (g.gid, g.advance, g.cluster - from))
        .collect()
}

/// Nothing in a proven face reaches across a space: every character it maps shapes the
/// same beside a space as alone (kerning pairs), and the letters, digits and stops shape
/// the same on either side of a space as alone (contextual rules over three glyphs).
#[test]
fn proven_faces_shape_words_alone() {
    let fonts = Fonts::embedded();
    let space = |face: &Face| face.shape(" ");
    for id in FaceId::ALL {
        let face = fonts.face(id);
        let sp = plain(&space(face), 0);
        let chars: Vec<char> = FontRef::new(face.bytes())
            .expect("embedded face")
            .charmap()
            .mappings()
            .filter_map(|(c, _)| char::from_u32(c))
            .filter(|c| !c.is_control() && *c != ' ')
            .collect();
        assert!(chars.len() > 500, "{id:?} maps {} characters", chars.len());
        for c in &chars {
            let alone = c.to_string();
            let a = plain(&face.shape(&alone), 0);
            let n = alone.len() as u32;
            let after = face.shape(&format!("{alone} "));
            let want: Vec<_> = a
                .iter()
                .copied()
                .chain(sp.iter().map(|g| (g.0, g.1, n)))
                .collect();
            assert_eq!(plain(&after, 0), want, "{id:?} {c:?} then a space");
            if !starts_piece(*c) {
                continue;
            }
            let before = face.shape(&format!(" {alone}"));
            let want: Vec<_> = sp
                .iter()
                .copied()
                .chain(a.iter().map(|g| (g.0, g.1, g.2 + 1)))
                .collect();
            assert_eq!(plain(&before, 0), want, "{id:?} a space then {c:?}");
        }
        let common: Vec<char> = ('!'..='~').collect();
        for a in &common {
            for b in &common {
                let both = face.shape(&format!("{a} {b}"));
                let mut want = plain(&face.shape(&a.to_string()), 0);
                want.extend(sp.iter().map(|g| (g.0, g.1, 1)));
                want.extend(
                    face.shape(&b.to_string())
                        .iter()
                        .map(|g| (g.gid, g.advance, 2)),
                );
                assert_eq!(plain(&both, 0), want, "{id:?} {a:?} {b:?}");
            }
        }
    }
}

#[test]
fn a_hit_gives_the_glyphs_a_miss_gave() {
    let fonts = Fonts::embedded();
    let text = "The Board noted the report, and the Board’s 2025–26 plan — “fine” tuning.";
    let spans = [span(text, Style::plain(10.0))];
    with(|c| c.shelves.clear());
    let miss = glyphs_of(&spans, &fonts);
    let held = with(|c| c.len());
    assert!(held > 5, "words were kept: {held}");
    let hit = glyphs_of(&spans, &fonts);
    assert_eq!(hit, miss);
    assert_eq!(with(|c| c.len()), held, "a hit keeps nothing new");
    // The same as shaping the whole span at once, as a house face is.
    let (mut atoms, mut all) = (Vec::new(), Vec::new());
    let own = super::super::shape::shape_run(
        &fonts,
        FaceId::Regular,
        text,
        10.0,
        0,
        &mut atoms,
        &mut all,
    );
    assert!(own);
    let whole: Vec<_> = atoms
        .iter()
        .map(|a| (all[a.glyphs()].to_vec(), a.width, a.space, a.break_after))
        .collect();
    assert_eq!(hit, whole);
}

#[test]
fn sizes_and_faces_do_not_collide() {
    let fonts = Fonts::embedded();
    let word = "Wavy";
    let at = |style: Style| glyphs_of(&[span(word, style)], &fonts);
    let ten = at(Style::plain(10.0));
    let twelve = at(Style::plain(12.0));
    let bold = at(Style::plain(10.0).bold());
    let ten_again = at(Style::plain(10.0));
    assert_eq!(ten, ten_again);
    let width = |g: &[(Vec<Glyph>, f32, bool, bool)]| g.iter().map(|a| a.1).sum::<f32>();
    assert!((width(&twelve) - width(&ten) * 1.2).abs() < 0.05);
    assert_ne!(ten, twelve);
    assert_ne!(ten, bold);
    assert!(width(&bold) > width(&ten) + 0.1, "bold is wider");
}

#[test]
fn a_fallback_word_is_not_kept() {
    let fonts = Fonts::embedded();
    with(|c| c.shelves.clear());
    // Noto Sans lacks U+2212 MINUS: it comes from Noto Sans Mono.
    let spans = [span("\u{2212}5", Style::plain(10.0))];
    let first = glyphs_of(&spans, &fonts);
    assert_eq!(with(|c| c.len()), 0);
    assert_eq!(glyphs_of(&spans, &fonts), first);
}

#[test]
fn the_cache_is_bounded() {
    let fonts = Fonts::embedded();
    with(|c| c.shelves.clear());
    let spans: Vec<Span> = (0..MAX_WORDS + 10)
        .map(|n| span(&format!("w{n}"), Style::plain(10.0)))
        .collect();
    let _ = glyphs_of(&spans, &fonts);
    assert!(
        with(|c| c.len()) < 20,
        "emptied when full, then refilled a little"
    );
}

#[test]
fn a_long_piece_is_not_kept_but_shapes_the_same() {
    let fonts = Fonts::embedded();
    with(|c| c.shelves.clear());
    let long = "x".repeat(MAX_PIECE + 1);
    let spans = [span(&format!("{long} short"), Style::plain(10.0))];
    let first = glyphs_of(&spans, &fonts);
    assert_eq!(with(|c| c.len()), 2, "the space and the short word only");
    assert_eq!(glyphs_of(&spans, &fonts), first);
}

#[test]
fn pieces_are_words_and_runs_of_spaces() {
    let got: Vec<&str> = pieces("  two  words\u{a0}tied ").collect();
    assert_eq!(got, ["  ", "two", "  ", "words\u{a0}tied", " "]);
    assert_eq!(pieces("").count(), 0);
    // A combining mark (or a character from another script) stays with the space before.
    let got: Vec<&str> = pieces("a \u{300}b c \u{5d0} d").collect();
    assert_eq!(got, ["a", " \u{300}b", " ", "c", " \u{5d0}", " ", "d"]);
}

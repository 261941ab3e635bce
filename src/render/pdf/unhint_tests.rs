use skrifa::raw::TableProvider;
use skrifa::{FontRef, GlyphId, Tag};

use super::*;
use crate::render::pdf::embed::tests::strokes;
use crate::render::pdf::fonts::{FaceId, Fonts};

#[test]
fn every_glyph_of_every_house_face_keeps_its_outline_and_width_without_its_hinting() {
    let fonts = Fonts::embedded();
    for face in FaceId::ALL {
        let bytes = fonts.face(face).bytes();
        let plain = unhint(bytes).unwrap();
        let (before, after) = (FontRef::new(bytes).unwrap(), FontRef::new(&plain).unwrap());
        for tag in [b"fpgm", b"prep", b"cvt "] {
            assert!(
                before.table_data(Tag::new(tag)).is_some(),
                "{face:?} had {tag:?}"
            );
            assert!(
                after.table_data(Tag::new(tag)).is_none(),
                "{face:?} keeps {tag:?}"
            );
        }
        let name = |f: &FontRef<'_>| {
            f.table_data(Tag::new(b"name"))
                .map(|d| d.as_bytes().to_vec())
        };
        assert!(name(&before).is_some());
        assert_eq!(
            name(&after),
            name(&before),
            "{face:?}: the name table stays"
        );
        let count = before.maxp().unwrap().num_glyphs();
        assert_eq!(after.maxp().unwrap().num_glyphs(), count);
        let (loca, glyf) = (after.loca(None).unwrap(), after.glyf().unwrap());
        let (was, is) = (before.hmtx().unwrap(), after.hmtx().unwrap());
        let mut composite = 0;
        for gid in 0..count {
            let id = GlyphId::new(u32::from(gid));
            assert_eq!(
                strokes(&after, gid),
                strokes(&before, gid),
                "{face:?} glyph {gid}"
            );
            assert_eq!(is.advance(id), was.advance(id), "{face:?} width of {gid}");
            match loca.get_glyf(id, &glyf).unwrap() {
                Some(skrifa::raw::tables::glyf::Glyph::Simple(g)) => {
                    assert!(g.instructions().is_empty(), "{face:?} glyph {gid}")
                }
                Some(skrifa::raw::tables::glyf::Glyph::Composite(g)) => {
                    composite += 1;
                    assert!(
                        g.instructions().is_none_or(|i| i.is_empty()),
                        "{face:?} {gid}"
                    );
                }
                None => {}
            }
        }
        assert!(composite > 100, "{face:?}: accented letters are composites");
        assert!(
            plain.len() * 4 < bytes.len() * 3,
            "{face:?}: {} of {}",
            plain.len(),
            bytes.len()
        );
        // The whole file sums to the magic number, as `head`'s adjustment promises.
        assert_eq!(checksum(&plain), 0xB1B0_AFBA, "{face:?}");
    }
}

#[test]
fn a_file_that_is_not_a_truetype_font_is_left_as_it_is() {
    assert_eq!(unhint(b""), None);
    assert_eq!(unhint(b"not a font at all, just some bytes"), None);
    let fonts = Fonts::embedded();
    let bytes = fonts.face(FaceId::Regular).bytes();
    for cut in [12, 200, bytes.len() / 2] {
        assert_eq!(unhint(&bytes[..cut]), None, "cut at {cut}");
    }
}

use skrifa::raw::TableProvider;
use skrifa::{FontRef, GlyphId, Tag};

use super::*;
use crate::render::pdf::embed::tests::strokes;
use crate::render::pdf::fonts::{FaceId, Fonts};

/// The files of `assets/fonts/`, in [`FaceId::ALL`]'s order, as they are before `build.rs`
/// prepares them for embedding.
fn asset_faces() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts");
    [
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSans-Italic",
        "NotoSans-BoldItalic",
        "NotoSansMono-Regular",
    ]
    .iter()
    .map(|n| std::fs::read(dir.join(format!("{n}.ttf"))).unwrap())
    .collect()
}

/// The embedded faces are the asset files prepared by this module (at build time), and
/// each keeps every glyph's outline and width, its name and its shaping tables.
#[test]
fn every_glyph_of_every_house_face_keeps_its_outline_and_width_without_its_hinting() {
    let fonts = Fonts::embedded();
    for (face, asset) in FaceId::ALL.into_iter().zip(asset_faces()) {
        let bytes = asset.as_slice();
        let plain = fonts.face(face).bytes();
        assert!(fonts.face(face).prepared, "{face:?}");
        assert_eq!(
            plain,
            unhint(bytes).unwrap().as_slice(),
            "{face:?}: build.rs embeds the asset as unhint makes it"
        );
        let (before, after) = (FontRef::new(bytes).unwrap(), FontRef::new(plain).unwrap());
        for tag in [b"GSUB", b"GPOS", b"GDEF", b"cmap", b"hhea", b"OS/2"] {
            let data = |f: &FontRef<'_>| f.table_data(Tag::new(tag)).map(|d| d.as_bytes().to_vec());
            assert_eq!(data(&after), data(&before), "{face:?} {tag:?} as it was");
        }
        // Glyph names: none (version 3), the header's metrics as they were.
        let post = |f: &FontRef<'_>| f.table_data(Tag::new(b"post")).unwrap().as_bytes().to_vec();
        assert_eq!(post(&before)[..4], [0, 2, 0, 0], "{face:?} had names");
        assert_eq!(post(&after)[..4], [0, 3, 0, 0], "{face:?}");
        assert_eq!(post(&after)[4..], post(&before)[4..32], "{face:?}");
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
        assert_eq!(checksum(plain), 0xB1B0_AFBA, "{face:?}");
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

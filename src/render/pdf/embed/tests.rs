//! Embedding fonts: each house face subset to the same outlines and widths, subsets reused, and the ToUnicode maps.

use super::*;
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::raw::TableProvider;
use skrifa::{FontRef, GlyphId, MetadataProvider};

/// Every pen stroke of a glyph's outline, in font units.
#[derive(Default)]
struct Strokes(Vec<String>);

impl OutlinePen for Strokes {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.push(format!("M{x} {y}"));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.push(format!("L{x} {y}"));
    }
    fn quad_to(&mut self, a: f32, b: f32, x: f32, y: f32) {
        self.0.push(format!("Q{a} {b} {x} {y}"));
    }
    fn curve_to(&mut self, a: f32, b: f32, c: f32, d: f32, x: f32, y: f32) {
        self.0.push(format!("C{a} {b} {c} {d} {x} {y}"));
    }
    fn close(&mut self) {
        self.0.push("Z".into());
    }
}

pub(in crate::render::pdf) fn strokes(font: &FontRef<'_>, gid: u16) -> Vec<String> {
    let glyph = font
        .outline_glyphs()
        .get(GlyphId::new(u32::from(gid)))
        .unwrap_or_else(|| panic!("glyph {gid} is missing"));
    let mut pen = Strokes::default();
    glyph
        .draw(
            DrawSettings::unhinted(Size::unscaled(), LocationRef::default()),
            &mut pen,
        )
        .unwrap();
    pen.0
}

/// The glyphs of `text` numbered as emit numbers them: .notdef, then id order.
fn numbered(fonts: &Fonts, face: FaceId, text: &str) -> BTreeMap<u16, (u16, String)> {
    let mut ids: Vec<u16> = fonts.face(face).shape(text).iter().map(|g| g.gid).collect();
    ids.push(0);
    ids.sort_unstable();
    ids.dedup();
    ids.iter()
        .enumerate()
        .map(|(new, old)| (*old, (new as u16, String::new())))
        .collect()
}

#[test]
fn every_house_face_subsets_to_the_same_outlines_and_widths_under_the_new_ids() {
    let fonts = Fonts::embedded();
    // Accented letters are composite glyphs in Noto Sans: their parts come along.
    let text = "Gàidhlig ŵ ŷ Àé ’ – £ € office 0123 {x}";
    for face in FaceId::ALL {
        let gids = numbered(&fonts, face, text);
        let program = subset(&fonts, face, &gids).unwrap();
        let original = FontRef::new(fonts.face(face).bytes()).unwrap();
        let cut = FontRef::new(&program).unwrap();
        let count = cut.maxp().unwrap().num_glyphs();
        assert!(usize::from(count) >= gids.len(), "{face:?}: {count}");
        assert!(
            program.len() * 20 < fonts.face(face).bytes().len(),
            "{face:?}"
        );
        let widths = cut.hmtx().unwrap();
        for (old, (new, _)) in &gids {
            assert_eq!(
                strokes(&cut, *new),
                strokes(&original, *old),
                "{face:?}: glyph {old} as {new}"
            );
            assert_eq!(
                widths.advance(GlyphId::new(u32::from(*new))),
                Some(fonts.face(face).advance(*old)),
                "{face:?}: width of glyph {old} as {new}"
            );
        }
    }
}

#[test]
fn a_numbering_the_subset_would_not_keep_is_refused() {
    let fonts = Fonts::embedded();
    let gids = BTreeMap::from([(40, (2, "A".to_string()))]);
    let err = subset(&fonts, FaceId::Regular, &gids).unwrap_err();
    assert!(err.contains("glyph 40 would be 1"), "{err}");
}

#[test]
fn a_glyph_set_seen_before_reuses_its_subset_and_gives_the_same_bytes() {
    let fonts = Fonts::embedded();
    let cache = SubsetCache::default();
    let a = numbered(&fonts, FaceId::Regular, "Purpose of the paper");
    let b = numbered(&fonts, FaceId::Regular, "Background 2021");
    let first = cache.program(&fonts, FaceId::Regular, &a).unwrap();
    let again = cache.program(&fonts, FaceId::Regular, &a).unwrap();
    assert!(
        Arc::ptr_eq(&first, &again),
        "the same glyphs are not subset twice"
    );
    let other = cache.program(&fonts, FaceId::Regular, &b).unwrap();
    assert!(!Arc::ptr_eq(&first, &other));
    assert_ne!(first.content, other.content);
    let bold = cache.program(&fonts, FaceId::Bold, &a);
    assert!(
        bold.is_ok_and(|p| !Arc::ptr_eq(&p, &first)),
        "keyed by face too"
    );
    // What the cache holds is the subset deflated as `finish` deflates any stream.
    let program = subset(&fonts, FaceId::Regular, &a).unwrap();
    let mut fresh = Stream::new(Dictionary::new(), program.clone());
    crate::render::pdf::compress::compress_stream(&mut fresh);
    assert_eq!(first.content, fresh.content);
    assert_eq!(
        first.dict.get(b"Length1").unwrap().as_i64().unwrap(),
        program.len() as i64
    );
    assert!(first.content.len() < program.len(), "deflated");
}
#[test]
fn a_glyph_mapping_seen_before_reuses_its_cmap_and_gives_the_same_bytes() {
    let cache = SubsetCache::default();
    let a = vec![(1, "P".to_string()), (2, "u".to_string())];
    let b = vec![(1, "P".to_string()), (2, "\u{fb01}".to_string())];
    let first = cache.cmap(a.clone()).unwrap();
    let again = cache.cmap(a.clone()).unwrap();
    assert!(
        Arc::ptr_eq(&first, &again),
        "the same map is not made twice"
    );
    // The same glyphs standing for other text: another map.
    let other = cache.cmap(b).unwrap();
    assert!(!Arc::ptr_eq(&first, &other));
    assert_ne!(first.content, other.content);
    // What the cache holds is the map as it was written into each PDF, deflated as
    // `finish` deflates any stream.
    let mut fresh = Stream::new(Dictionary::new(), to_unicode_cmap(&a));
    crate::render::pdf::compress::compress_stream(&mut fresh);
    assert!(first.dict.has(b"Filter"), "deflated");
    assert_eq!(first.dict, fresh.dict);
    assert_eq!(first.content, fresh.content);
}

#[test]
fn the_to_unicode_cmap_maps_each_glyph_to_its_utf16_in_chunks_of_a_hundred() {
    let cmap = to_unicode_cmap(&[
        (1, "A".to_string()),
        (0x2a, "\u{1F600}".to_string()),
        (0xffff, "fi".to_string()),
    ]);
    let cmap = String::from_utf8(cmap).unwrap();
    assert!(cmap.starts_with("/CIDInit /ProcSet findresource begin\n"));
    assert!(cmap.contains(
        "<0000> <FFFF>\nendcodespacerange\n3 beginbfchar\n<0001> <0041>\n<002A> <D83DDE00>\n<FFFF> <00660069>\nendbfchar\nendcmap\n"
    ));
    let many: Vec<(u16, String)> = (0..101).map(|g| (g, "x".to_string())).collect();
    let cmap = String::from_utf8(to_unicode_cmap(&many)).unwrap();
    assert!(cmap.contains("100 beginbfchar\n<0000> <0078>\n"));
    assert!(cmap.contains("endbfchar\n1 beginbfchar\n<0064> <0078>\nendbfchar\n"));
}

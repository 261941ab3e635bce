//! The PDF's typefaces: the embedded Noto Sans faces (or a house's own TTF files), parsed
//! once per run, with shaping (harfrust) and metrics (skrifa) for the layout.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use harfrust::{Buffer, Direction, Script, ShapeOptions, ShapePlan, ShaperFont};
use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use skrifa::{FontRef, GlyphId, MetadataProvider};

use super::house_fonts::{house_file, house_files, too_many_fallbacks};
use crate::config::HouseStyle;
use crate::diag::Diagnostic;

// The faces of `assets/fonts/`, prepared for embedding when clerk is built (`build.rs`:
// without hinting or glyph names), so a subset of them is embedded as `subsetter` cuts it.
const REGULAR: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fonts/NotoSans-Regular.ttf"));
const BOLD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fonts/NotoSans-Bold.ttf"));
const ITALIC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fonts/NotoSans-Italic.ttf"));
const BOLD_ITALIC: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/fonts/NotoSans-BoldItalic.ttf"));
const MONO: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fonts/NotoSansMono-Regular.ttf"));

/// Which face a run of text is set in: one of the five house faces, or a fallback face
/// (house `pdf.fonts.fallback`) for characters those lack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FaceId {
    /// Upright body text.
    Regular,
    /// Headings, labels, strong.
    Bold,
    /// Emphasis.
    Italic,
    /// Strong emphasis.
    BoldItalic,
    /// Code.
    Mono,
    /// The house's `n`th fallback font.
    Fallback(u8),
}

impl FaceId {
    /// Its index among a run's faces: the five house faces, then the fallbacks.
    pub fn index(self) -> usize {
        match self {
            FaceId::Regular => 0,
            FaceId::Bold => 1,
            FaceId::Italic => 2,
            FaceId::BoldItalic => 3,
            FaceId::Mono => 4,
            FaceId::Fallback(n) => 5 + usize::from(n),
        }
    }

    /// Every face, in index order.
    pub const ALL: [FaceId; 5] = [
        FaceId::Regular,
        FaceId::Bold,
        FaceId::Italic,
        FaceId::BoldItalic,
        FaceId::Mono,
    ];

    /// The face for a combination of bold and italic (mono wins over both).
    pub fn pick(bold: bool, italic: bool, mono: bool) -> FaceId {
        match (mono, bold, italic) {
            (true, _, _) => FaceId::Mono,
            (_, true, true) => FaceId::BoldItalic,
            (_, true, false) => FaceId::Bold,
            (_, false, true) => FaceId::Italic,
            _ => FaceId::Regular,
        }
    }
}

/// One shaped glyph: its id, advance in font units and the byte offset of its cluster.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shaped {
    /// Glyph id in the face.
    pub gid: u16,
    /// Horizontal advance in font units (kerning applied).
    pub advance: i32,
    /// Byte offset in the shaped text of the cluster this glyph belongs to.
    pub cluster: u32,
}

/// A parsed face: its bytes, shaping plan and the metrics a PDF font descriptor needs.
pub struct Face {
    /// A PostScript-style name, e.g. `NotoSans-Regular`.
    pub name: String,
    data: Arc<dyn AsRef<[u8]> + Send + Sync>,
    font: harfrust::Font,
    plan: ShapePlan,
    /// Units per em.
    pub units_per_em: u16,
    /// Ascender in font units.
    pub ascent: f32,
    /// Descender in font units (negative).
    pub descent: f32,
    /// Cap height in font units.
    pub cap_height: f32,
    /// Bounding box `[x_min, y_min, x_max, y_max]` in font units.
    pub bbox: [i16; 4],
    /// hhea caret slope (rise, run), for the italic angle.
    pub caret_slope: (i16, i16),
    /// OS/2 weight class (400 regular, 700 bold).
    pub weight: u16,
    /// Advance width of every glyph in font units (`hmtx`), read once.
    advances: Vec<u16>,
    /// Already without hinting or glyph names (an embedded face, prepared when clerk was
    /// built): its subsets are embedded as cut, not prepared again.
    pub(crate) prepared: bool,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// Every glyph's advance in font units. Read straight from `hmtx` (its last long metric
/// standing for the glyphs past them) unless the face is variable: skrifa's metrics give
/// the same for a static face, at ten times the cost (~0.1 ms of a one-paper build for
/// the three faces it uses).
pub(super) fn advances(fref: &FontRef<'_>) -> Option<Vec<u16>> {
    let count = fref.maxp().ok()?.num_glyphs();
    let metrics = fref.hmtx().ok().filter(|_| fref.fvar().is_err());
    if let Some(long) = metrics
        .as_ref()
        .map(|h| h.h_metrics())
        .filter(|m| !m.is_empty())
    {
        let last = long[long.len() - 1].advance();
        let at = |g: usize| long.get(g).map_or(last, |m| m.advance());
        return Some((0..usize::from(count)).map(at).collect());
    }
    let glyph_metrics = fref.glyph_metrics(Size::unscaled(), LocationRef::default());
    Some(
        (0..count)
            .map(|g| {
                glyph_metrics
                    .advance_width(GlyphId::new(g.into()))
                    .map_or(0, |w| w.round() as u16)
            })
            .collect(),
    )
}

impl Face {
    /// Parses a TrueType face; `None` when the bytes are not a usable font.
    pub fn parse(data: Arc<dyn AsRef<[u8]> + Send + Sync>, fallback_name: &str) -> Option<Face> {
        let bytes: &[u8] = (*data).as_ref();
        let fref = FontRef::new(bytes).ok()?;
        // The PDF embeds TrueType outlines (FontFile2); CFF-flavoured OpenType is refused.
        fref.glyf().ok()?;
        let metrics = fref.metrics(Size::unscaled(), LocationRef::default());
        let hhea = fref.hhea().ok()?;
        let head = fref.head().ok()?;
        let weight = fref.os2().map(|t| t.us_weight_class()).unwrap_or(400);
        let name = fref
            .localized_strings(skrifa::string::StringId::POSTSCRIPT_NAME)
            .english_or_first()
            .map(|s| {
                s.chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect()
            })
            .filter(|s: &String| !s.is_empty())
            .unwrap_or_else(|| fallback_name.to_string());
        let advances = advances(&fref)?;
        let font = harfrust::Font::new(harfrust::font::Source::from(data.clone()), 0)?;
        let plan = ShapePlan::new(
            &font,
            Direction::LeftToRight,
            Some(Script::LATIN),
            None,
            &[],
        );
        Some(Face {
            name,
            units_per_em: metrics.units_per_em,
            ascent: metrics.ascent,
            descent: metrics.descent,
            cap_height: metrics.cap_height.unwrap_or(metrics.ascent * 0.7),
            bbox: [head.x_min(), head.y_min(), head.x_max(), head.y_max()],
            caret_slope: (hhea.caret_slope_rise(), hhea.caret_slope_run()),
            weight,
            advances,
            data,
            font,
            plan,
            prepared: false,
        })
    }

    /// The font file's bytes.
    pub fn bytes(&self) -> &[u8] {
        (*self.data).as_ref()
    }

    /// Shapes `text` left to right (kerning and the font's default features).
    pub fn shape(&self, text: &str) -> Vec<Shaped> {
        if text.is_empty() {
            return Vec::new();
        }
        let shaper = ShaperFont::new(&self.font);
        let mut buffer = Buffer::new();
        buffer.push_str(text);
        buffer.set_direction(Direction::LeftToRight);
        buffer.set_script(Some(Script::LATIN));
        if harfrust::shape(
            &shaper,
            &mut buffer,
            ShapeOptions::new().plan(Some(&self.plan)),
        )
        .is_err()
        {
            return self.shape_plain(text);
        }
        buffer
            .glyph_infos()
            .iter()
            .zip(buffer.glyph_positions())
            .map(|(i, p)| Shaped {
                gid: u16::try_from(i.glyph_id).unwrap_or(0),
                advance: p.x_advance,
                cluster: i.cluster,
            })
            .collect()
    }

    /// One glyph per character from the cmap, no kerning (the fallback if shaping fails).
    fn shape_plain(&self, text: &str) -> Vec<Shaped> {
        let Ok(fref) = FontRef::new(self.bytes()) else {
            return Vec::new();
        };
        let cmap = fref.charmap();
        text.char_indices()
            .map(|(at, c)| {
                let gid = cmap.map(c).map_or(0, |g| g.to_u32() as u16);
                Shaped {
                    gid,
                    advance: self.advance(gid) as i32,
                    cluster: at as u32,
                }
            })
            .collect()
    }

    /// True when the face maps `c` to a glyph.
    pub fn has_char(&self, c: char) -> bool {
        FontRef::new(self.bytes())
            .ok()
            .and_then(|f| f.charmap().map(c))
            .is_some_and(|g| g.to_u32() != 0)
    }

    /// The advance width of a glyph in font units (from `hmtx`).
    pub fn advance(&self, gid: u16) -> u16 {
        self.advances.get(usize::from(gid)).copied().unwrap_or(0)
    }

    /// The advance of a shaped glyph in points at `size`, on the PDF's grid: the glyph's
    /// width as the PDF's `/W` array states it (whole thousandths of an em, truncated), plus
    /// the shaper's kerning rounded to whole thousandths. The content stream then needs an
    /// adjustment only where there is kerning.
    pub fn glyph_pt(&self, g: &Shaped, size: f32) -> f32 {
        let upm = f32::from(self.units_per_em);
        let plain = f32::from(self.advance(g.gid));
        let width = (plain * 1000.0 / upm).trunc();
        let kern = ((g.advance as f32 - plain) * 1000.0 / upm).round();
        (width + kern) * size / 1000.0
    }

    /// Number of glyphs in the face.
    pub fn glyph_count(&self) -> usize {
        self.advances.len()
    }

    /// Font units to points at `size`.
    pub fn pt(&self, units: f32, size: f32) -> f32 {
        units * size / f32::from(self.units_per_em)
    }
}

/// The faces of a run, shared by every thread.
#[derive(Debug)]
pub struct Fonts {
    /// Each face is parsed when first used (most papers never set italic or code); a
    /// house's own files are parsed up front, so a bad one is reported before any paper.
    faces: [OnceLock<Face>; 5],
    /// The house's fallback fonts, in the order it lists them (parsed up front).
    fallback: Vec<Face>,
    /// Subsets already made, for the papers that draw the same glyphs.
    subsets: super::embed::SubsetCache,
}

/// The embedded faces, in [`FaceId`] order.
const EMBEDDED: [(&[u8], &str); 5] = [
    (REGULAR, "NotoSans-Regular"),
    (BOLD, "NotoSans-Bold"),
    (ITALIC, "NotoSans-Italic"),
    (BOLD_ITALIC, "NotoSans-BoldItalic"),
    (MONO, "NotoSansMono-Regular"),
];

impl Fonts {
    /// The embedded Noto Sans faces, each replaced by the house's TTF file when it names
    /// one (relative to `root`). A file that cannot be read or parsed is a diagnostic.
    pub fn load(root: &Path, house: &HouseStyle) -> Result<Fonts, Diagnostic> {
        let files = &house.pdf.fonts;
        let faces: [OnceLock<Face>; 5] = Default::default();
        let mut fallback = Vec::new();
        for (rel, key) in house_files(files) {
            let key: Vec<&str> = key.iter().map(String::as_str).collect();
            let slot = ["regular", "bold", "italic", "bold_italic", "mono"]
                .iter()
                .position(|k| key[2] == *k);
            let name = match slot {
                Some(i) => EMBEDDED[i].1.to_string(),
                None => format!("Fallback{}", fallback.len() + 1),
            };
            let face = house_file(root, house, rel, &key, |bytes| {
                Face::parse(Arc::new(bytes), &name)
            })?;
            match slot {
                Some(i) => {
                    let _ = faces[i].set(face);
                }
                None => fallback.push(face),
            }
        }
        if let Some(d) = too_many_fallbacks(house) {
            return Err(d);
        }
        Ok(Fonts {
            faces,
            fallback,
            subsets: Default::default(),
        })
    }

    /// Every face of the run, house faces first, then the fallbacks.
    pub fn ids(&self) -> impl Iterator<Item = FaceId> + use<> {
        let n = self.fallback.len() as u8;
        FaceId::ALL.into_iter().chain((0..n).map(FaceId::Fallback))
    }

    /// How many faces the run has ([`FaceId::index`] is below this).
    pub fn count(&self) -> usize {
        FaceId::ALL.len() + self.fallback.len()
    }

    /// The first face, in fallback order (the five house faces, then the house's
    /// fallbacks), that has `c`; `None` when none does.
    pub fn covering(&self, c: char) -> Option<FaceId> {
        self.ids().find(|id| self.face(*id).has_char(c))
    }

    /// The embedded faces only (tests and benchmarks).
    pub fn embedded() -> Fonts {
        Fonts {
            faces: Default::default(),
            fallback: Vec::new(),
            subsets: Default::default(),
        }
    }

    /// The subsets already made this run.
    pub(crate) fn subsets(&self) -> &super::embed::SubsetCache {
        &self.subsets
    }

    /// A face by id (a fallback the run does not have is the regular face).
    pub fn face(&self, id: FaceId) -> &Face {
        let k = match id {
            FaceId::Fallback(n) => match self.fallback.get(usize::from(n)) {
                Some(face) => return face,
                None => 0,
            },
            other => other.index(),
        };
        self.faces[k].get_or_init(|| {
            let (bytes, name) = EMBEDDED[k];
            // clerk's own asset, parsed by the tests: not user content.
            let face = Face::parse(Arc::new(bytes), name).expect("the embedded fonts parse");
            Face {
                prepared: true,
                ..face
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_welsh_and_gaelic_letters_with_real_glyphs() {
        let fonts = Fonts::embedded();
        let face = fonts.face(FaceId::Regular);
        let glyphs = face.shape("Gàidhlig ŵ ŷ ’ – £ €");
        assert!(glyphs.iter().all(|g| g.gid != 0), "{glyphs:?}");
        assert!(face.advance(glyphs[0].gid) > 0);
        assert_eq!(face.name, "NotoSans-Regular");
    }

    #[test]
    fn every_embedded_face_parses_and_a_bad_house_font_is_reported() {
        let fonts = Fonts::embedded();
        for id in FaceId::ALL {
            assert!(fonts.face(id).glyph_count() > 1000, "{id:?}");
        }
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("bad.ttf"), b"not a font").unwrap();
        let mut house = HouseStyle::default();
        house.pdf.fonts.bold = Some("bad.ttf".into());
        let err = Fonts::load(dir.path(), &house).unwrap_err();
        assert!(err.message.contains("bad.ttf"), "{err:?}");
    }

    #[test]
    fn advances_read_from_hmtx_are_skrifas_for_every_glyph_of_every_face() {
        let fonts = Fonts::embedded();
        for id in FaceId::ALL {
            let fref = FontRef::new(fonts.face(id).bytes()).unwrap();
            let metrics = fref.glyph_metrics(Size::unscaled(), LocationRef::default());
            let read = advances(&fref).unwrap();
            assert_eq!(read.len(), usize::from(fref.maxp().unwrap().num_glyphs()));
            for (g, advance) in read.iter().enumerate() {
                let want = metrics.advance_width(GlyphId::new(g as u32)).unwrap();
                assert_eq!(f32::from(*advance), want.round(), "{id:?} glyph {g}");
            }
        }
    }

    #[test]
    fn kerning_changes_advances() {
        let fonts = Fonts::embedded();
        let face = fonts.face(FaceId::Regular);
        let av = face.shape("AV");
        let plain = face.advance(av[0].gid) as i32;
        assert!(av[0].advance < plain, "{av:?} vs {plain}");
    }
}

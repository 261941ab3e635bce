//! One typeface of the PDF: a TrueType face parsed once, with its shaping (harfrust) and
//! the metrics (skrifa) the layout and the PDF font descriptor need.

use std::sync::Arc;

use harfrust::{Buffer, Direction, Script, ShapeOptions, ShapePlan, ShaperFont};
use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use skrifa::{FontRef, GlyphId, MetadataProvider};

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
pub(in crate::render::pdf) fn advances(fref: &FontRef<'_>) -> Option<Vec<u16>> {
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

    /// The face marked as already prepared (an embedded face, without hinting or glyph
    /// names since clerk was built): its subsets are embedded as cut.
    pub(super) fn prepared(self) -> Face {
        Face {
            prepared: true,
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{FaceId, Fonts};
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

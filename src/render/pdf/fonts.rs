//! The PDF's typefaces: the embedded Noto Sans faces (or a house's own TTF files), parsed
//! once per run, with shaping (harfrust) and metrics (skrifa) for the layout. This module
//! is the run's set of faces; one face ([`Face`]: parsed, shaped, measured) is in
//! `fonts/face.rs`.

mod face;

use std::path::Path;
use std::sync::{Arc, OnceLock};

use super::house_fonts::{house_file, house_files, too_many_fallbacks};
use crate::config::HouseStyle;
use crate::diag::Diagnostic;
pub(super) use face::advances;
pub use face::{Face, Shaped};

// The faces of `assets/fonts/`, prepared for embedding when clerk is built (`build.rs`:
// without hinting or glyph names), so a subset of them is embedded as `subsetter` cuts it.
const REGULAR: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fonts/NotoSans-Regular.ttf"));
const BOLD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fonts/NotoSans-Bold.ttf"));
const ITALIC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fonts/NotoSans-Italic.ttf"));
const BOLD_ITALIC: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/fonts/NotoSans-BoldItalic.ttf"));
const MONO: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fonts/NotoSansMono-Regular.ttf"));
// Noto Sans Symbols 2 cut to arrows, technical signs, shapes, symbols and dingbats (✓ ✗ ★
// ☐ ☑ ▲ …, 631 of them) and the space (the invisible one that ends a line read from the
// tags), the last fallback: Noto Sans has none of the ticks and crosses of an options
// table. Parsed only when a character needs it.
const SYMBOLS: &[u8] = include_bytes!("../../../assets/fonts/NotoSansSymbols2-Regular-subset.ttf");

/// Which face a run of text is set in: one of the five house faces, or a fallback face
/// for characters those lack (house `pdf.fonts.fallback`, then clerk's symbols).
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
    /// The embedded symbols, tried after the house's fallbacks.
    Symbols,
}

impl FaceId {
    /// Its index among a run's faces: the five house faces, the symbols, then the house's
    /// fallbacks.
    pub fn index(self) -> usize {
        match self {
            FaceId::Regular => 0,
            FaceId::Bold => 1,
            FaceId::Italic => 2,
            FaceId::BoldItalic => 3,
            FaceId::Mono => 4,
            FaceId::Symbols => 5,
            FaceId::Fallback(n) => 6 + usize::from(n),
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

/// The faces of a run, shared by every thread.
#[derive(Debug)]
pub struct Fonts {
    /// Each face is parsed when first used (most papers never set italic or code); a
    /// house's own files are parsed up front, so a bad one is reported before any paper.
    faces: [OnceLock<Face>; 5],
    /// The house's fallback fonts, in the order it lists them (parsed up front).
    fallback: Vec<Face>,
    /// The embedded symbols ([`FaceId::Symbols`]), parsed when first needed.
    symbols: OnceLock<Face>,
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
            symbols: OnceLock::new(),
            subsets: Default::default(),
        })
    }

    /// Every face of the run, house faces first, then the house's fallbacks, then the
    /// embedded symbols.
    pub fn ids(&self) -> impl Iterator<Item = FaceId> + use<> {
        let n = self.fallback.len() as u8;
        (FaceId::ALL.into_iter())
            .chain((0..n).map(FaceId::Fallback))
            .chain([FaceId::Symbols])
    }

    /// How many faces the run has ([`FaceId::index`] is below this).
    pub fn count(&self) -> usize {
        FaceId::ALL.len() + 1 + self.fallback.len()
    }

    /// The first face, in fallback order (the five house faces, the house's fallbacks,
    /// the embedded symbols), that has `c`; `None` when none does.
    pub fn covering(&self, c: char) -> Option<FaceId> {
        self.ids().find(|id| self.face(*id).has_char(c))
    }

    /// The embedded faces only (tests and benchmarks).
    pub fn embedded() -> Fonts {
        Fonts {
            faces: Default::default(),
            fallback: Vec::new(),
            symbols: OnceLock::new(),
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
            FaceId::Symbols => {
                return self.symbols.get_or_init(|| {
                    // clerk's own asset, parsed by the tests: not user content.
                    Face::parse(Arc::new(SYMBOLS), "NotoSansSymbols2-Regular")
                        .expect("the embedded symbols parse")
                });
            }
            other => other.index(),
        };
        self.faces[k].get_or_init(|| {
            let (bytes, name) = EMBEDDED[k];
            // clerk's own asset, parsed by the tests: not user content.
            Face::parse(Arc::new(bytes), name)
                .expect("the embedded fonts parse")
                .prepared()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ticks, crosses, stars and boxes, which Noto Sans lacks, come from the embedded
    /// symbols; a character no face has, from none.
    #[test]
    fn ticks_and_crosses_come_from_the_embedded_symbols() {
        let fonts = Fonts::embedded();
        for c in ['✓', '✗', '★', '☐', '☑', '✔'] {
            assert_eq!(fonts.covering(c), Some(FaceId::Symbols), "{c}");
        }
        assert_eq!(fonts.covering('a'), Some(FaceId::Regular));
        assert_eq!(fonts.covering('字'), None);
        assert_eq!(fonts.count(), 6);
        // Its space ends a line of symbols read from the tags (`✓ next`, not `✓next`).
        assert!(fonts.face(FaceId::Symbols).has_char(' '));
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
}

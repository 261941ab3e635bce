//! Shaping for the line breaker: spans shaped into clusters (atoms) with their glyphs,
//! widths and break opportunities, falling back to another face for a character a face
//! lacks, and every glyph given its share of the text for the ToUnicode map.

use super::model::{Glyph, GlyphText};
use super::spans::Span;
use super::words;
use crate::render::pdf::fonts::{FaceId, Fonts};

/// One shaped cluster: its glyphs, width and how it may break. 24 bytes (indices as
/// `u32`: a paragraph's spans and glyphs number far below 2³²), not 40: every pass of the
/// line breaker walks a paragraph's atoms, and they were most of what it read.
#[derive(Debug, Clone)]
pub(super) struct Atom {
    /// Its span's index (see [`Atom::span`]).
    pub(super) span: u32,
    /// The face when the span's own face lacks the glyph (a fallback).
    pub(super) face: Option<FaceId>,
    /// Its glyphs: a range of the shaped text's glyph list (see [`Atom::glyphs`]).
    pub(super) glyphs: std::ops::Range<u32>,
    pub(super) width: f32,
    pub(super) space: bool,
    pub(super) break_after: bool,
    pub(super) forced: bool,
}

impl Atom {
    /// Its span's index.
    pub(super) fn span(&self) -> usize {
        self.span as usize
    }

    /// Its glyphs' range in the shaped text's glyph list.
    pub(super) fn glyphs(&self) -> std::ops::Range<usize> {
        self.glyphs.start as usize..self.glyphs.end as usize
    }
}

pub(super) fn shape_atoms(spans: &[Span], fonts: &Fonts) -> (Vec<Atom>, Vec<Glyph>) {
    // A Latin cluster is a character and its glyph: room for one a byte saves growing
    // both lists word by word (they live only while the paragraph is broken).
    let bytes = spans.iter().map(|s| s.text.len()).sum();
    let mut atoms = Vec::with_capacity(bytes);
    let mut all: Vec<Glyph> = Vec::with_capacity(bytes);
    words::with(|cache| {
        for (si, span) in spans.iter().enumerate() {
            if span.text == "\n" {
                if let Some(last) = atoms.last_mut() {
                    let last: &mut Atom = last;
                    last.forced = true;
                }
                continue;
            }
            let face_id = span.style.face();
            let size = span.style.size;
            let Some(shelf) = cache.shelf(fonts.face(face_id), size) else {
                // A face not proven to shape each word alone: the span is shaped whole.
                shape_run(fonts, face_id, &span.text, size, si, &mut atoms, &mut all);
                continue;
            };
            for piece in words::pieces(&span.text) {
                if shelf.recall(piece, si, &mut atoms, &mut all) {
                    continue;
                }
                let (a, g) = (atoms.len(), all.len());
                if shape_run(fonts, face_id, piece, size, si, &mut atoms, &mut all) {
                    shelf.keep(piece, &atoms[a..], &all[g..]);
                }
            }
        }
    });
    (atoms, all)
}

/// Shapes `text` (span `si`, in `face_id` at `size`) into atoms and glyphs appended to
/// `atoms` and `all`. True when every cluster was set in the face itself (no fallback),
/// so the result depends on that face and size alone.
pub(super) fn shape_run(
    fonts: &Fonts,
    face_id: FaceId,
    text: &str,
    size: f32,
    si: usize,
    atoms: &mut Vec<Atom>,
    all: &mut Vec<Glyph>,
) -> bool {
    let face = fonts.face(face_id);
    let shaped = face.shape(text);
    let mut own = true;
    let mut i = 0;
    while i < shaped.len() {
        let cluster = shaped[i].cluster as usize;
        let mut j = i;
        while j < shaped.len() && shaped[j].cluster as usize == cluster {
            j += 1;
        }
        let next = shaped.get(j).map_or(text.len(), |g| g.cluster as usize);
        let piece = text.get(cluster..next.max(cluster)).unwrap_or("");
        let first = all.len();
        let fallback = if shaped[i..j].iter().any(|g| g.gid == 0) {
            own = false;
            let (face, glyphs) = fallback(fonts, face_id, piece, size);
            all.extend(glyphs);
            face
        } else {
            let n = j - i;
            all.extend(shaped[i..j].iter().enumerate().map(|(k, g)| Glyph {
                gid: g.gid,
                advance: face.glyph_pt(g, size),
                text: cluster_text(piece, k, n),
            }));
            None
        };
        let glyphs = first..all.len();
        let width = all[glyphs.clone()].iter().map(|g| g.advance).sum();
        let last = piece.chars().last().unwrap_or(' ');
        let space = piece.chars().all(|c| c.is_whitespace() && c != '\u{a0}') && !piece.is_empty();
        let break_after =
            matches!(last, '-' | '\u{2013}' | '\u{2014}') && piece.len() == last.len_utf8();
        atoms.push(Atom {
            span: si as u32,
            face: fallback,
            glyphs: glyphs.start as u32..glyphs.end as u32,
            width,
            space,
            break_after,
            forced: false,
        });
        i = j;
    }
    own
}

/// A cluster the face has no glyph for, set in the first other face that has them all
/// (Noto Sans lacks U+2212 MINUS, Noto Sans Mono has it), then in the house's fallback
/// fonts (`pdf.fonts.fallback`) in order, then in clerk's symbols (✓ ✗ ★); a stand-in when
/// none does.
fn fallback(fonts: &Fonts, own: FaceId, text: &str, size: f32) -> (Option<FaceId>, Vec<Glyph>) {
    let mut order = vec![
        own,
        FaceId::Regular,
        FaceId::Bold,
        FaceId::Italic,
        FaceId::Mono,
    ];
    order.dedup();
    order.extend(fonts.ids().skip(FaceId::ALL.len()));
    for id in order.iter().copied() {
        let face = fonts.face(id);
        let shaped = face.shape(text);
        if id == own || shaped.iter().any(|g| g.gid == 0) {
            continue;
        }
        let n = shaped.len();
        let glyphs = shaped
            .iter()
            .enumerate()
            .map(|(k, g)| Glyph {
                gid: g.gid,
                advance: face.glyph_pt(g, size),
                text: cluster_text(text, k, n),
            })
            .collect();
        return (Some(id), glyphs);
    }
    // No face has it: a replacement character (or "?") stands in, mapped to itself, as
    // PDF/A forbids drawing .notdef.
    let face = fonts.face(own);
    for stand_in in ["\u{fffd}", "?"] {
        let shaped = face.shape(stand_in);
        if shaped.iter().all(|g| g.gid != 0) {
            let glyphs = shaped
                .iter()
                .enumerate()
                .map(|(k, g)| Glyph {
                    gid: g.gid,
                    advance: face.glyph_pt(g, size),
                    text: if k == 0 { stand_in.into() } else { "".into() },
                })
                .collect();
            return (None, glyphs);
        }
    }
    (None, Vec::new())
}

/// The text the `k`th of a cluster's `n` glyphs stands for. One glyph takes it all (a
/// letter, a ligature); several share its characters in order, the last taking any
/// left over, so every glyph maps to text where the cluster has enough characters.
pub(super) fn cluster_text(text: &str, k: usize, n: usize) -> GlyphText {
    if n <= 1 {
        return text.into();
    }
    let mut chars = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let bounds: Vec<usize> = chars.by_ref().take(n + 1).collect();
    match (bounds.get(k), bounds.get(k + 1)) {
        (Some(&a), Some(&b)) if k + 1 < n => text[a..b].into(),
        (Some(&a), Some(_)) => text[a..].into(),
        _ => GlyphText::Empty,
    }
}

/// The widest word and the whole text on one line, in points (for table columns).
pub fn measure(spans: &[Span], fonts: &Fonts) -> (f32, f32) {
    let (atoms, _) = shape_atoms(spans, fonts);
    let (mut widest, mut line, mut best_line, mut word) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
    for a in &atoms {
        line += a.width;
        if a.space {
            word = 0.0;
        } else {
            word += a.width;
            widest = widest.max(word);
        }
        if a.break_after {
            word = 0.0;
        }
        if a.forced {
            best_line = best_line.max(line);
            line = 0.0;
            word = 0.0;
        }
    }
    (widest, best_line.max(line))
}

//! A per-thread cache of shaped words: most of a paper's words (and most of an archive's)
//! are words already shaped, in the same face and size, earlier on the same thread.
//!
//! A span is shaped piece by piece, a piece being a word or a run of spaces, and each
//! piece's atoms and glyphs are kept, keyed by face, size and text. That gives the glyphs
//! shaping the whole span gives only in a face where nothing reaches across a space (no
//! kerning pair, ligature or contextual rule has a space on one side): the embedded Noto
//! Sans faces, proven by a test over every character they map. A house's own font is
//! shaped a span at a time, as before, and never cached.
//!
//! The cache lives in a `thread_local!`: the renderer is shared read-only by every thread,
//! and a cache per thread needs no lock. It is keyed by the face's bytes (length and
//! `head` checksum), not by the run's [`crate::render::pdf::Fonts`], so it stays right
//! when a preview reloads the house style, and it is bounded: emptied when it holds
//! [`MAX_WORDS`] words. A word that needed a fallback face is not kept (the fallback
//! depends on the house's fallback fonts).

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use skrifa::FontRef;
use skrifa::raw::TableProvider;

use super::model::Glyph;
use super::shape::Atom;
use crate::render::pdf::fonts::Face;

/// The embedded faces, as (file length, `head.checkSumAdjustment`): each proven by
/// `tests::proven_faces_shape_words_alone` to shape a word alone as it does in a line.
const PROVEN: [(usize, u32); 5] = [
    (320_060, 0xfcb6_8cf3),
    (320_652, 0xc91a_69bf),
    (335_044, 0x73a0_bbfd),
    (333_752, 0x3e10_1e4d),
    (309_072, 0xddbf_33ff),
];

/// Words a thread keeps at most (about 2 MiB); past that the cache starts again.
pub(super) const MAX_WORDS: usize = 8192;

/// The longest piece kept, in bytes: with [`MAX_WORDS`], what bounds the cache's memory
/// (a few MiB a thread).
const MAX_PIECE: usize = 64;

/// A word's shaped atoms, with glyph ranges from 0.
struct Word {
    atoms: Box<[Atom]>,
    glyphs: Box<[Glyph]>,
}

/// The words of one face at one size.
#[derive(Default)]
pub(super) struct Shelf {
    words: HashMap<Box<str>, Word, BuildHasherDefault<Fx>>,
}

impl Shelf {
    /// Appends the atoms and glyphs of `piece` (of span `si`) when this shelf has it.
    pub(super) fn recall(
        &self,
        piece: &str,
        si: usize,
        atoms: &mut Vec<Atom>,
        all: &mut Vec<Glyph>,
    ) -> bool {
        let Some(word) = self.words.get(piece) else {
            return false;
        };
        let base = all.len();
        all.extend_from_slice(&word.glyphs);
        let base = base as u32;
        atoms.extend(word.atoms.iter().map(|a| Atom {
            span: si as u32,
            glyphs: a.glyphs.start + base..a.glyphs.end + base,
            ..a.clone()
        }));
        true
    }

    /// Keeps the atoms of `piece` and the glyphs they cover (`glyphs` starts at the first
    /// atom's first glyph). A piece longer than [`MAX_PIECE`] bytes is not kept: such pieces
    /// (a URL, a line of code) seldom come again, and the bound on words is a bound on
    /// memory only while each is short.
    pub(super) fn keep(&mut self, piece: &str, atoms: &[Atom], glyphs: &[Glyph]) {
        if piece.len() > MAX_PIECE {
            return;
        }
        let base = atoms.first().map_or(0, |a| a.glyphs.start);
        let word = Word {
            atoms: atoms
                .iter()
                .map(|a| Atom {
                    span: 0,
                    glyphs: a.glyphs.start - base..a.glyphs.end - base,
                    ..a.clone()
                })
                .collect(),
            glyphs: glyphs.into(),
        };
        self.words.insert(piece.into(), word);
    }
}

/// A thread's shelves, one per proven face and size.
#[derive(Default)]
pub(super) struct Cache {
    shelves: Vec<((u8, u32), Shelf)>,
    /// Faces looked at during this call: (bytes address, length, proven index).
    seen: Vec<(usize, usize, Option<u8>)>,
}

impl Cache {
    /// The shelf for `face` at `size`; `None` when the face is not a proven one.
    /// The cache is emptied here when it holds [`MAX_WORDS`] words.
    pub(super) fn shelf(&mut self, face: &Face, size: f32) -> Option<&mut Shelf> {
        if self.len() >= MAX_WORDS {
            self.shelves.clear();
        }
        let bytes = face.bytes();
        let at = (bytes.as_ptr() as usize, bytes.len());
        let proven = match self.seen.iter().find(|s| (s.0, s.1) == at) {
            Some(s) => s.2,
            None => {
                let p = proven(bytes);
                self.seen.push((at.0, at.1, p));
                p
            }
        }?;
        let key = (proven, size.to_bits());
        let k = match self.shelves.iter().position(|(k, _)| *k == key) {
            Some(k) => k,
            None => {
                self.shelves.push((key, Shelf::default()));
                self.shelves.len() - 1
            }
        };
        Some(&mut self.shelves[k].1)
    }

    /// Words held, over every shelf.
    fn len(&self) -> usize {
        self.shelves.iter().map(|(_, s)| s.words.len()).sum()
    }
}

/// Which proven face `bytes` is, if any.
fn proven(bytes: &[u8]) -> Option<u8> {
    let sum = FontRef::new(bytes).ok()?.head().ok()?.checksum_adjustment();
    PROVEN
        .iter()
        .position(|p| *p == (bytes.len(), sum))
        .map(|k| k as u8)
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// Runs `f` with this thread's cache. The faces seen are forgotten after each call: a
/// face's address means nothing once its run is over.
pub(super) fn with<R>(f: impl FnOnce(&mut Cache) -> R) -> R {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        cache.seen.clear();
        f(&mut cache)
    })
}

/// `text` cut into words and runs of spaces, in order. A run of spaces keeps the word
/// after it when that word starts with anything but a letter, digit or mark of
/// punctuation from the Latin blocks: a combining mark there would join the space's
/// cluster.
pub(super) fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = *rest.as_bytes().first()?;
        let mut end = 0;
        let mut space = first == b' ';
        for (i, c) in rest.char_indices() {
            if (c == ' ') != space && i > 0 {
                if !space || starts_piece(c) {
                    end = i;
                    break;
                }
                space = false;
            }
            end = i + c.len_utf8();
        }
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

/// A character no shaping joins to a space before it: ASCII, Latin-1 and the Latin
/// Extended letters, and general punctuation (dashes, quotes) but its invisible controls.
fn starts_piece(c: char) -> bool {
    matches!(c, '\u{21}'..='\u{7e}' | '\u{a1}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' | '\u{2010}'..='\u{205e}')
        && !matches!(c, '\u{ad}' | '\u{2028}'..='\u{202e}')
}

/// FxHash (rustc's): words are short and the keys are not chosen by an attacker.
#[derive(Default)]
pub(super) struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in chunks.by_ref() {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

#[cfg(test)]
mod tests;

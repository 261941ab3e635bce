//! The glyphs of a placed run, kept compactly: a long paper holds every page's glyph runs
//! until its PDF is drawn, so each glyph is 8 bytes (id, advance, length of its text) and
//! the run's text one string.

use super::model::Glyph;

/// One placed glyph as [`Glyphs`] keeps it: 8 bytes, its text in the run's string.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Placed {
    gid: u16,
    /// Bytes of the run's text this glyph stands for.
    len: u16,
    advance: f32,
}

/// The glyphs of a placed run, compactly: every glyph's id and advance, and the text of
/// all of them in one string. A long paper holds every page's glyphs until the PDF is
/// drawn (the subset's numbering needs them all), so a glyph costs 8 bytes and its text,
/// not a [`Glyph`]'s 24, and a line's runs are copied out at their size once set
/// ([`Glyphs::take_fitted`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Glyphs {
    placed: Vec<Placed>,
    text: String,
}

/// A glyph of [`Glyphs`], as read back: id, advance and the text it stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GlyphRef<'a> {
    /// Glyph id in the face.
    pub gid: u16,
    /// Advance in points.
    pub advance: f32,
    /// The Unicode text this glyph represents (empty after a cluster's first glyph).
    pub text: &'a str,
}

impl Glyphs {
    /// Adds a glyph. A text longer than 65,535 bytes (no real cluster is) is cut at the
    /// last character that fits; it only feeds the PDF's text extraction.
    pub fn push(&mut self, gid: u16, advance: f32, text: &str) {
        let mut end = text.len().min(usize::from(u16::MAX));
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        self.text.push_str(&text[..end]);
        self.placed.push(Placed {
            gid,
            len: end as u16,
            advance,
        });
    }

    /// Adds one glyph to a run already cut to size (the space kept at a line's break):
    /// the run grows by that glyph only, not to twice its size.
    pub fn push_one_more(&mut self, gid: u16, advance: f32, text: &str) {
        self.placed.reserve_exact(1);
        self.text.reserve_exact(text.len());
        self.push(gid, advance, text);
    }

    /// Adds a shaped glyph at `advance`: as [`Glyphs::push`], without checking again
    /// the text of a glyph that stands for one ASCII character (most of them).
    pub fn push_glyph(&mut self, g: &Glyph, advance: f32) {
        match g.text.ascii() {
            Some(c) => {
                self.text.push(c);
                self.placed.push(Placed {
                    gid: g.gid,
                    len: 1,
                    advance,
                });
            }
            None => self.push(g.gid, advance, &g.text),
        }
    }

    /// The glyphs in order.
    pub fn iter(&self) -> impl Iterator<Item = GlyphRef<'_>> + '_ {
        let mut at = 0;
        self.placed.iter().map(move |p| {
            let start = at;
            at += usize::from(p.len);
            GlyphRef {
                gid: p.gid,
                advance: p.advance,
                text: self.text.get(start..at).unwrap_or(""),
            }
        })
    }

    /// Each glyph's id and where its text lies ([`Glyphs::text_at`]): for a walk over
    /// every glyph that needs few of their texts, without slicing each.
    pub fn spans(&self) -> impl Iterator<Item = (u16, std::ops::Range<usize>)> + '_ {
        let mut at = 0;
        self.placed.iter().map(move |p| {
            let start = at;
            at += usize::from(p.len);
            (p.gid, start..at)
        })
    }

    /// The text at `at`, a glyph's from [`Glyphs::spans`].
    pub fn text_at(&self, at: std::ops::Range<usize>) -> &str {
        self.text.get(at).unwrap_or("")
    }

    /// Room for `glyphs` glyphs of one byte of text each, reserved.
    pub fn with_capacity(glyphs: usize) -> Glyphs {
        Glyphs {
            placed: Vec::with_capacity(glyphs),
            text: String::with_capacity(glyphs),
        }
    }

    /// Each glyph's id and advance, without its text (for drawing: no text to slice).
    pub fn ids(&self) -> impl ExactSizeIterator<Item = (u16, f32)> + '_ {
        self.placed.iter().map(|p| (p.gid, p.advance))
    }

    /// The last glyph.
    pub fn last(&self) -> Option<GlyphRef<'_>> {
        let p = self.placed.last()?;
        Some(GlyphRef {
            gid: p.gid,
            advance: p.advance,
            text: self
                .text
                .get(self.text.len() - usize::from(p.len)..)
                .unwrap_or(""),
        })
    }

    /// How many glyphs.
    pub fn len(&self) -> usize {
        self.placed.len()
    }

    /// No glyphs.
    pub fn is_empty(&self) -> bool {
        self.placed.is_empty()
    }

    /// The glyphs in lists of their own size, leaving this one empty with its room kept
    /// (a scratch run a line's glyphs are gathered in).
    pub fn take_fitted(&mut self) -> Glyphs {
        let fitted = self.clone();
        self.placed.clear();
        self.text.clear();
        fitted
    }

    /// Gives back the room reserved beyond what the glyphs use.
    pub fn shrink_to_fit(&mut self) {
        self.placed.shrink_to_fit();
        self.text.shrink_to_fit();
    }

    /// Gives every glyph standing for `from` the text `to` instead (a code block's
    /// no-break spaces are read as spaces).
    pub fn retext(&mut self, from: &str, to: &str) {
        if !self.iter().any(|g| g.text == from) {
            return;
        }
        let mut out = Glyphs::default();
        for g in self.iter() {
            out.push(g.gid, g.advance, if g.text == from { to } else { g.text });
        }
        out.shrink_to_fit();
        *self = out;
    }
}

#[cfg(test)]
mod tests {
    use super::{Glyph, Glyphs};

    #[test]
    fn glyphs_keep_each_glyphs_id_advance_and_text() {
        let mut run = Glyphs::default();
        run.push(3, 5.5, "ﬃ");
        run.push(4, 1.0, "");
        run.push(7, 2.25, "\u{a0}");
        run.push(9, 0.5, "a");
        run.shrink_to_fit();
        let got: Vec<(u16, f32, &str)> = run.iter().map(|g| (g.gid, g.advance, g.text)).collect();
        assert_eq!(
            got,
            [
                (3, 5.5, "ﬃ"),
                (4, 1.0, ""),
                (7, 2.25, "\u{a0}"),
                (9, 0.5, "a")
            ]
        );
        assert_eq!(run.last().map(|g| (g.gid, g.text)), Some((9, "a")));
        assert_eq!(run.len(), 4);
        run.retext("\u{a0}", " ");
        let text: String = run.iter().map(|g| g.text).collect();
        assert_eq!(text, "ﬃ a");
        assert_eq!(
            run.iter().nth(2).map(|g| (g.gid, g.advance)),
            Some((7, 2.25))
        );
        assert!(Glyphs::default().last().is_none());
        let mut shaped = Glyphs::default();
        for (gid, text) in [(5, "a"), (6, "é"), (7, "")] {
            let g = Glyph {
                gid,
                advance: 9.0,
                text: text.into(),
            };
            shaped.push_glyph(&g, 1.5);
        }
        let got: Vec<(u16, f32, &str)> =
            shaped.iter().map(|g| (g.gid, g.advance, g.text)).collect();
        assert_eq!(got, [(5, 1.5, "a"), (6, 1.5, "é"), (7, 1.5, "")]);
    }

    #[test]
    fn a_scratch_run_gives_its_glyphs_at_their_size_and_starts_again() {
        let mut scratch = Glyphs::default();
        for (gid, text) in [(1, "a"), (2, "ﬃ"), (3, "")] {
            scratch.push(gid, 2.0, text);
        }
        let fitted = scratch.take_fitted();
        assert_eq!(fitted.placed.capacity(), 3);
        assert_eq!(fitted.text.capacity(), "aﬃ".len());
        assert_eq!(
            fitted.ids().collect::<Vec<_>>(),
            [(1, 2.0), (2, 2.0), (3, 2.0)]
        );
        let texts: Vec<&str> = fitted.iter().map(|g| g.text).collect();
        assert_eq!(texts, ["a", "ﬃ", ""]);
        assert!(scratch.is_empty() && scratch.text.is_empty());
        scratch.push(9, 1.0, "b");
        let again = scratch.take_fitted();
        assert_eq!(
            again.iter().map(|g| (g.gid, g.text)).collect::<Vec<_>>(),
            [(9, "b")]
        );
    }

    #[test]
    fn a_glyphs_text_too_long_is_cut_at_a_character() {
        let mut run = Glyphs::default();
        let long = "é".repeat(40_000);
        run.push(1, 1.0, &long);
        run.push(2, 1.0, "b");
        let texts: Vec<&str> = run.iter().map(|g| g.text).collect();
        assert_eq!(texts[0].len(), 65_534);
        assert!(long.starts_with(texts[0]));
        assert_eq!(texts[1], "b");
    }
}

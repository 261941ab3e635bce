//! Running text: styled spans shaped into clusters, grouped into words and broken into
//! lines with textwrap's optimal fit over real widths in points.
//!
//! Breaks fall at spaces and after hyphens and dashes; a no-break space (U+00A0) and a
//! non-breaking hyphen (U+2011) hold. A word longer than the line is cut, after
//! `/ . - ? & _ =` where it can (URLs), else between letters.

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};

pub use super::fill::RUNT;
use super::fill::{fill, tie};
use super::glyphs::Glyphs;
use super::model::{Glyph, GlyphRun, Target};
#[cfg(test)]
use super::shape::cluster_text;
pub use super::shape::measure;
use super::shape::{Atom, shape_atoms};
pub use super::spans::{Span, Style, spans};
pub use super::strike::Strike;
use super::strike::Striking;
use crate::render::pdf::fonts::Fonts;

/// A word for textwrap: atoms `start..end`, then `ws..ws_end` of trailing spaces.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) ws_end: usize,
    pub(super) width: f64,
    pub(super) ws_width: f64,
    pub(super) forced: bool,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width
    }
    fn whitespace_width(&self) -> f64 {
        self.ws_width
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Horizontal alignment of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Ragged right.
    Left,
    /// Flush right.
    Right,
    /// Centred.
    Center,
    /// Both edges, except a paragraph's last line.
    Justify,
}

/// A set line: glyph runs relative to the line's left edge and baseline, its links
/// (x, width, target) and the footnotes it cites.
#[derive(Debug, Clone, Default)]
pub struct Line {
    /// Runs with `x` from the line start and `y` as the rise above the baseline (negative up).
    pub runs: Vec<GlyphRun>,
    /// Natural width.
    pub width: f32,
    /// Link areas along the line.
    pub links: Vec<(f32, f32, Target)>,
    /// Stretches in another language along the line: (x, width, BCP 47 tag).
    pub langs: Vec<(f32, f32, Box<str>)>,
    /// Footnotes cited on this line.
    pub footnotes: Vec<u32>,
    /// Stretches struck through, from a struck word's start to the last struck word's
    /// end (the spaces between struck words included, none at either end).
    pub strikes: Vec<Strike>,
    /// The line ends inside a word (one too long for the line, cut; or after a hyphen or
    /// dash), not at a space: no word break is kept for readers of the text here.
    pub cut: bool,
}

fn words(atoms: &[Atom], unit: f32) -> Vec<Word> {
    // A word and its space are some six atoms: a quarter is room enough for most text.
    let mut out = Vec::with_capacity(atoms.len() / 4 + 1);
    let mut i = 0;
    while i < atoms.len() {
        let start = i;
        let mut width = 0.0;
        while i < atoms.len() && !atoms[i].space {
            width += atoms[i].width;
            i += 1;
            if atoms[i - 1].break_after || atoms[i - 1].forced {
                break;
            }
        }
        let end = i;
        let mut ws = 0.0;
        let forced_word = end > start && atoms[end - 1].forced;
        while !forced_word && i < atoms.len() && atoms[i].space {
            ws += atoms[i].width;
            i += 1;
        }
        let forced = forced_word || (i > end && atoms[i - 1].forced);
        out.push(Word {
            start,
            end,
            ws_end: i,
            width: f64::from(width / unit),
            ws_width: f64::from(ws / unit),
            forced,
        });
    }
    out
}

/// Cuts words wider than `max` (in wrap units) into pieces that fit, preferring the
/// places a URL may break.
fn split_long(
    words: Vec<Word>,
    atoms: &[Atom],
    glyphs: &[Glyph],
    max: f64,
    unit: f32,
) -> Vec<Word> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        if w.width <= max {
            out.push(w);
            continue;
        }
        let mut start = w.start;
        while start < w.end {
            let mut width = 0.0f64;
            let mut end = start;
            let mut soft = None;
            while end < w.end && (end == start || width + f64::from(atoms[end].width / unit) <= max)
            {
                width += f64::from(atoms[end].width / unit);
                let t = glyphs
                    .get(atoms[end].glyphs().start)
                    .filter(|_| !atoms[end].glyphs.is_empty())
                    .map_or("", |g| &g.text);
                end += 1;
                if t.ends_with(['/', '.', '-', '?', '&', '_', '=']) {
                    soft = Some((end, width));
                }
            }
            let (cut, cut_width) = match soft {
                Some((at, wd)) if end < w.end && at > start => (at, wd),
                _ => (end, width),
            };
            let last = cut >= w.end;
            out.push(Word {
                start,
                end: cut,
                ws_end: if last { w.ws_end } else { cut },
                width: cut_width,
                ws_width: if last { w.ws_width } else { 0.0 },
                forced: last && w.forced,
            });
            start = cut;
        }
    }
    out
}

/// Breaks spans into lines no wider than `width` points: ragged lines filled (a line ends
/// only where the next word does not fit, but one word may go down to keep a short word
/// from standing alone on the last line), justified lines balanced by optimal fit; never
/// at a tie ([`crate::render::ties`]).
pub fn break_lines(spans: &[Span], fonts: &Fonts, width: f32, align: Align) -> Vec<Line> {
    break_with(spans, fonts, width, align, Mode::Text)
}

/// Breaks a display title: as [`break_lines`] ragged, but never inside a quoted name
/// nor after a hyphen, unless a word would not fit otherwise.
pub fn break_title(spans: &[Span], fonts: &Fonts, width: f32) -> Vec<Line> {
    break_with(spans, fonts, width, Align::Left, Mode::Title)
}

/// Breaks a line of code as a browser wraps `white-space: pre-wrap` with
/// `overflow-wrap: anywhere`: each line as full as it goes, at spaces (or after a hyphen),
/// the spaces at a break dropped and those inside a line kept; a word cut only when it
/// is longer than the line. No ties, and no runt rule: code is not prose.
pub fn break_code(spans: &[Span], fonts: &Fonts, width: f32) -> Vec<Line> {
    break_with(spans, fonts, width, Align::Left, Mode::Code)
}

/// What a breaker sets: running text, a display title or a line of code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Text,
    Title,
    Code,
}

fn break_with(spans: &[Span], fonts: &Fonts, width: f32, align: Align, mode: Mode) -> Vec<Line> {
    let base = spans.first().map_or(10.0, |s| s.style.size);
    let unit = base * 0.5;
    let (atoms, glyphs) = shape_atoms(spans, fonts);
    let max = f64::from(width / unit);
    let words = match mode {
        Mode::Code => words(&atoms, unit),
        _ => tie(
            words(&atoms, unit),
            &atoms,
            &glyphs,
            max,
            mode == Mode::Title,
        ),
    };
    let words = split_long(words, &atoms, &glyphs, max, unit);
    let mut lines = Vec::new();
    let mut seg_start = 0;
    // Room for every glyph of the paragraph, so gathering a line's runs never grows it.
    let mut scratch = Glyphs::with_capacity(glyphs.len());
    for (i, w) in words.iter().enumerate() {
        if w.forced || i + 1 == words.len() {
            let seg = &words[seg_start..=i];
            let wrapped = if align == Align::Justify {
                // Overflow must never pay: textwrap charges it linearly (2500 a unit),
                // which a ragged paragraph can find cheaper than its gaps squared.
                let penalties = Penalties {
                    overflow_penalty: 1_000_000,
                    ..Penalties::new()
                };
                wrap_optimal_fit(seg, &[max], &penalties)
                    .ok()
                    .filter(|lines| lines.iter().all(|l| fits(l, max)))
                    .unwrap_or_else(|| wrap_first_fit(seg, &[max]))
            } else if mode == Mode::Code {
                wrap_first_fit(seg, &[max])
            } else {
                fill(seg, max)
            };
            let n = wrapped.len();
            for (k, line) in wrapped.into_iter().enumerate() {
                let justify = align == Align::Justify && k + 1 < n;
                let mut set = set_line(line, &atoms, &glyphs, spans, width, justify, &mut scratch);
                set.cut = line.last().is_some_and(|w| w.ws_end == w.end && !w.forced);
                lines.push(set);
            }
            seg_start = i + 1;
        }
    }
    lines
}

fn fits(line: &[Word], max: f64) -> bool {
    let n = line.len();
    let width: f64 = line
        .iter()
        .enumerate()
        .map(|(k, w)| w.width + if k + 1 < n { w.ws_width } else { 0.0 })
        .sum();
    width <= max + 1e-6
}

fn set_line(
    words: &[Word],
    atoms: &[Atom],
    glyphs: &[Glyph],
    spans: &[Span],
    width: f32,
    justify: bool,
    scratch: &mut Glyphs,
) -> Line {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return Line::default();
    };
    let range = first.start..last.end;
    let natural: f32 = atoms[range.clone()].iter().map(|a| a.width).sum();
    let spaces = atoms[range.clone()].iter().filter(|a| a.space).count();
    let extra = if justify && spaces > 0 {
        ((width - natural) / spaces as f32).max(0.0)
    } else {
        0.0
    };
    let mut line = Line {
        width: natural + extra * spaces as f32,
        ..Line::default()
    };
    let mut x = 0.0;
    // The span and fallback face of the atom before: an atom with the same set in the
    // run that one went into has its face, size, colour and rise (a link's or another
    // language's edge may still part them).
    let mut before = None;
    // Whether the atom before was struck, and the struck stretches as they are set.
    let (mut struck_before, mut striking) = (false, Striking::default());
    for atom in &atoms[range] {
        let style = &spans[atom.span()].style;
        let face = || atom.face.unwrap_or_else(|| style.face());
        let same = style.strike == struck_before
            && (before == Some((atom.span, atom.face))
                || line.runs.last().is_some_and(|r: &GlyphRun| {
                    r.face == face()
                        && r.size == style.size
                        && r.color == style.color
                        && r.y == -style.rise
                }))
            && line_link_matches(&line, x, style)
            && line_lang_matches(&line, x, style);
        before = Some((atom.span, atom.face));
        if !same {
            // The run before is done: its glyphs are copied out of `scratch` at their
            // size, rather than grown glyph by glyph and cut to size after.
            if let Some(run) = line.runs.last_mut() {
                run.glyphs = scratch.take_fitted();
            }
            line.runs.push(GlyphRun {
                x,
                y: -style.rise,
                face: face(),
                size: style.size,
                color: style.color,
                angle: 0.0,
                glyphs: Glyphs::default(),
            });
        }
        let mut advance = atom.width;
        let atom_glyphs = &glyphs[atom.glyphs()];
        for (k, g) in atom_glyphs.iter().enumerate() {
            let mut glyph_advance = g.advance;
            if atom.space && k + 1 == atom_glyphs.len() {
                glyph_advance += extra;
                advance += extra;
            }
            scratch.push_glyph(g, glyph_advance);
        }
        if let Some(target) = &style.link {
            match line.links.last_mut() {
                Some((lx, lw, t)) if t == target && (*lx + *lw - x).abs() < 0.01 => *lw += advance,
                _ => line.links.push((x, advance, target.clone())),
            }
        }
        if let Some(lang) = &style.lang {
            match line.langs.last_mut() {
                Some((lx, lw, l)) if l == lang && (*lx + *lw - x).abs() < 0.01 => *lw += advance,
                _ => line.langs.push((x, advance, lang.clone())),
            }
        }
        if let Some(n) = style.footnote.filter(|n| !line.footnotes.contains(n)) {
            line.footnotes.push(n);
        }
        striking.atom(&mut line.strikes, style, (atom.space, x, advance));
        struck_before = style.strike;
        x += advance;
    }
    if let Some(run) = line.runs.last_mut() {
        run.glyphs = scratch.take_fitted();
    }
    line
}

fn line_link_matches(line: &Line, x: f32, style: &Style) -> bool {
    let open = line
        .links
        .last()
        .filter(|(lx, lw, _)| (*lx + *lw - x).abs() < 0.01);
    match (&style.link, open) {
        (None, None) => true,
        (Some(t), Some((_, _, open))) => t == open,
        (None, Some(_)) | (Some(_), None) => {
            // A link starts or ends here: start a new run so the link area is exact.
            false
        }
    }
}

/// A passage in another language starts or ends here: start a new run, so that it can be
/// marked as a span of its own.
fn line_lang_matches(line: &Line, x: f32, style: &Style) -> bool {
    let open = line
        .langs
        .last()
        .filter(|(lx, lw, _)| (*lx + *lw - x).abs() < 0.01);
    match (&style.lang, open) {
        (None, None) => true,
        (Some(l), Some((_, _, open))) => l == open,
        _ => false,
    }
}

#[cfg(test)]
mod tests;

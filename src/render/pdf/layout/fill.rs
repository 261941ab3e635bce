//! Ragged-right filling and ties for the line breaker: words tied together where a line
//! may not break (see [`crate::render::ties`]), then lines filled as a ragged-right setter
//! fills them, a runt on the last line given company.

use super::model::Glyph;
use super::shape::Atom;
use super::text::Word;
use crate::render::ties;

/// A last line of one word narrower than this share of the measure is a runt: the line
/// above gives it a word, when that line keeps at least two.
pub const RUNT: f64 = 0.25;

/// Fills lines as a ragged-right setter does: each line takes words while the next fits.
/// Then a runt (one short word alone on the last line) takes the last word of the line
/// above, when that line keeps two words or more.
pub(super) fn fill(seg: &[Word], max: f64) -> Vec<&[Word]> {
    let mut breaks = vec![0];
    let mut width = 0.0;
    for (i, w) in seg.iter().enumerate() {
        let start = *breaks.last().unwrap_or(&0);
        if i > start && width + seg[i - 1].ws_width + w.width > max + 1e-6 {
            breaks.push(i);
            width = w.width;
        } else if i == start {
            width = w.width;
        } else {
            width += seg[i - 1].ws_width + w.width;
        }
    }
    breaks.push(seg.len());
    let n = breaks.len();
    if n >= 3 {
        let (above, last) = (breaks[n - 3], breaks[n - 2]);
        let runt = seg.len() - last == 1 && seg[last].width < max * RUNT;
        let down = &seg[last - 1];
        if runt && last - above >= 3 && down.width + down.ws_width + seg[last].width <= max {
            breaks[n - 2] -= 1;
        }
    }
    breaks.windows(2).map(|b| &seg[b[0]..b[1]]).collect()
}

/// The text of words `start..end` of the atoms, without their trailing spaces, in `out`.
fn word_text(w: &Word, atoms: &[Atom], glyphs: &[Glyph], out: &mut String) {
    out.clear();
    for a in &atoms[w.start..w.end] {
        for g in &glyphs[a.glyphs()] {
            match g.text.ascii() {
                Some(c) => out.push(c),
                None => out.push_str(&g.text),
            }
        }
    }
}

/// Joins words that may not be broken apart (see [`crate::render::ties`]), while the
/// joined word still fits the line. A title also holds its quoted names together and
/// breaks at spaces rather than after hyphens.
pub(super) fn tie(
    words: Vec<Word>,
    atoms: &[Atom],
    glyphs: &[Glyph],
    max: f64,
    title: bool,
) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    // Room for most words' text, so neither grows word by word.
    let (mut last_text, mut text) = (String::with_capacity(32), String::with_capacity(32));
    let mut quotes = 0i32;
    for w in words {
        word_text(&w, atoms, glyphs, &mut text);
        let tied = out.last().is_some_and(|prev| {
            if prev.forced || prev.end == prev.start {
                return false;
            }
            let hyphen = prev.ws_end == prev.end;
            let quoted = title && quotes > 0;
            // A dash typed against the next word (`committee –such`) is no spaced dash:
            // the line may break before it, as the HTML's may.
            let glued_dash =
                w.ws_end == w.end && w.end < atoms.len() && matches!(text.as_str(), "–" | "—");
            let rule = if hyphen {
                title || ties::hyphen_tied(&last_text, &text)
            } else {
                quoted || (ties::space_tied(&last_text, &text) && !glued_dash)
            };
            rule && prev.width + prev.ws_width + w.width <= max
        });
        if title {
            for c in text.chars() {
                match c {
                    '\u{201c}' => quotes += 1,
                    '\u{201d}' => quotes -= 1,
                    '"' => quotes = if quotes > 0 { 0 } else { 1 },
                    _ => {}
                }
            }
        }
        match out.last_mut() {
            Some(prev) if tied => {
                prev.width += prev.ws_width + w.width;
                prev.end = w.end;
                prev.ws_end = w.ws_end;
                prev.ws_width = w.ws_width;
                prev.forced = w.forced;
            }
            _ => out.push(w),
        }
        std::mem::swap(&mut last_text, &mut text);
    }
    out
}

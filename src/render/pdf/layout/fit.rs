//! How a table fits its width: the type size it is set in (smaller only where that saves
//! wrapping), its column widths (narrow columns kept whole, the rest shared out between
//! each column's widest word and its natural width), and whether it must cut words.

use super::text::{self, Span, Style};
use crate::document::{self, Inline};
use crate::render::pdf::fonts::Fonts;

/// The smallest type a table is set in.
pub const MIN_TABLE_SIZE: f32 = 7.0;

/// The room each cell gives its text on either side.
pub(super) const PAD: f32 = 4.0;

/// Column widths for content measured at `size`: natural when the table fits, else each
/// column that is narrow anyway (a date, a name, a status: its natural width within an
/// even share of the room left) kept whole, so long as the others keep their widest
/// words, and the rest shared out between each column's widest word and its natural width.
pub(super) fn widths(mins: &[f32], maxs: &[f32], avail: f32) -> Vec<f32> {
    let (smin, smax): (f32, f32) = (mins.iter().sum(), maxs.iter().sum());
    if smax <= avail {
        return maxs.to_vec();
    }
    if smin >= avail {
        return cut_widths(mins, avail);
    }
    // The width of the columns kept whole.
    let kept =
        |whole: &[bool]| -> f32 { (0..maxs.len()).filter(|&c| whole[c]).map(|c| maxs[c]).sum() };
    let mut whole = vec![false; maxs.len()];
    loop {
        let open = || (0..maxs.len()).filter(|&c| !whole[c]);
        let room = avail - kept(&whole);
        let share = room / open().count().max(1) as f32;
        let narrow: Vec<usize> = open().filter(|&c| maxs[c] <= share).collect();
        let left: f32 = open()
            .filter(|c| !narrow.contains(c))
            .map(|c| mins[c])
            .sum();
        let taken: f32 = narrow.iter().map(|&c| maxs[c]).sum();
        if narrow.is_empty() || narrow.len() == open().count() || room - taken < left {
            break;
        }
        for c in narrow {
            whole[c] = true;
        }
    }
    let room = avail - kept(&whole);
    let (open_min, open_max): (f32, f32) = (0..maxs.len())
        .filter(|&c| !whole[c])
        .fold((0.0, 0.0), |(a, b), c| (a + mins[c], b + maxs[c]));
    let spare = room - open_min;
    let flex = (open_max - open_min).max(f32::EPSILON);
    (0..maxs.len())
        .map(|c| {
            if whole[c] {
                maxs[c]
            } else {
                mins[c] + spare * (maxs[c] - mins[c]) / flex
            }
        })
        .collect()
}

/// Column widths when even the columns' widest words do not fit (one word longer than the
/// line, or too many columns): a column whose widest word is within an even share of the
/// room keeps it whole (a heading `Code`, a figure), so long as the rest can still be
/// given as much; the others share what is left by their widest words, and only their
/// words are cut.
fn cut_widths(mins: &[f32], avail: f32) -> Vec<f32> {
    let share = avail / mins.len().max(1) as f32;
    let kept: f32 = mins.iter().filter(|&&m| m <= share).sum();
    let wide: f32 = mins.iter().filter(|&&m| m > share).sum();
    let rest = avail - kept;
    let wides = mins.iter().filter(|&&m| m > share).count() as f32;
    if wide <= 0.0 || rest < share * wides {
        let smin: f32 = mins.iter().sum();
        return mins.iter().map(|m| m * avail / smin).collect();
    }
    mins.iter()
        .map(|&m| if m <= share { m } else { m * rest / wide })
        .collect()
}

/// The type size of a table whose cells, each on one line, measure `natural` at `base`,
/// and whose columns' widest words measure `words`: smaller type only where it saves
/// wrapping or cutting. The base size when the table fits; else the largest size, in half
/// points down to 7 pt, at which every cell stays on one line. A table whose cells wrap
/// even at 7 pt (a column of sentences) gains nothing read at 7 pt: it keeps the largest
/// size at which no word is cut (the base size, for prose), and its cells wrap at words.
fn table_size(natural: f32, words: f32, avail: f32, base: f32) -> f32 {
    let shrunk = |width: f32| {
        let mut size = base;
        while size > MIN_TABLE_SIZE && width * size / base > avail {
            size = (size - 0.5).max(MIN_TABLE_SIZE);
        }
        size
    };
    let whole = shrunk(natural);
    if natural * whole / base <= avail {
        whole
    } else {
        shrunk(words)
    }
}

/// Each of a table's `cols` columns' widest word and natural width, its cells set at
/// `base` (the header bold).
fn measure_columns(
    fonts: &Fonts,
    t: &document::Table,
    cols: usize,
    base: f32,
) -> (Vec<f32>, Vec<f32>) {
    let mut mins = vec![0.0f32; cols];
    let mut maxs = vec![0.0f32; cols];
    let all_rows = std::iter::once((&t.head, true)).chain(t.rows.iter().map(|r| (r, false)));
    for (cells, bold) in all_rows {
        for (c, content) in cells.iter().enumerate().take(cols) {
            let style = if bold {
                Style::plain(base).bold()
            } else {
                Style::plain(base)
            };
            let (mn, mx) = text::measure(&text::spans(content, &style), fonts);
            mins[c] = mins[c].max(mn);
            maxs[c] = maxs[c].max(mx);
        }
    }
    (mins, maxs)
}

/// A table's type size before it shrinks to fit: a little under the body's.
fn base_size(body: f32) -> f32 {
    body * 0.9
}

/// How a table of `cols` columns fits its width: its columns' widest words and natural
/// widths measured at the `base` size, the room `content` for them, and the `size` it is
/// set in ([`table_size`]).
pub(super) struct Fit {
    pub(super) cols: usize,
    pub(super) base: f32,
    pub(super) mins: Vec<f32>,
    pub(super) maxs: Vec<f32>,
    pub(super) content: f32,
    pub(super) size: f32,
}

/// How the table `t` fits `width` on a page whose body type is `body`.
pub(super) fn fit(fonts: &Fonts, t: &document::Table, width: f32, body: f32) -> Fit {
    let base = base_size(body);
    let cols = t.align.len().max(t.head.len()).max(1);
    // Measured at the base size; widths scale with the type.
    let (mins, maxs) = measure_columns(fonts, t, cols, base);
    let pads = 2.0 * PAD * cols as f32 + 0.5;
    let content = (width - pads).max(cols as f32);
    let size = table_size(maxs.iter().sum(), mins.iter().sum(), content, base);
    Fit {
        cols,
        base,
        mins,
        maxs,
        content,
        size,
    }
}

/// Must the table `t`, set `width` wide on a page whose body type is `body`, cut words
/// (and numbers) inside its cells: are its columns' widest words too wide together even
/// at the smallest type ([`table_size`])? As [`table`] lays it out.
pub(crate) fn cuts_words(fonts: &Fonts, t: &document::Table, width: f32, body: f32) -> bool {
    let f = fit(fonts, t, width, body);
    f.mins.iter().sum::<f32>() * f.size / f.base > f.content
}

/// The table's word that is longer than half its width even in the smallest type (a
/// run of letters with no space, a long reference), when it has one: what
/// [`cuts_words`] found, to name it.
pub(crate) fn overlong_word(fonts: &Fonts, t: &document::Table, width: f32) -> Option<String> {
    let cells = std::iter::once(&t.head).chain(&t.rows).flatten();
    let style = Style::plain(MIN_TABLE_SIZE);
    let mut widest: Option<(f32, String)> = None;
    for cell in cells {
        for word in Inline::plain(cell).split_whitespace() {
            let span = Span {
                text: word.to_string(),
                style: style.clone(),
            };
            let (w, _) = text::measure(&[span], fonts);
            if widest.as_ref().is_none_or(|(best, _)| w > *best) {
                widest = Some((w, word.to_string()));
            }
        }
    }
    widest
        .filter(|(w, _)| *w > width / 2.0)
        .map(|(_, word)| word)
}

#[cfg(test)]
#[path = "fit_tests.rs"]
mod tests;

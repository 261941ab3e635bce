//! The paper's title above the header table: the page's `H1`, bold and larger, its lines
//! balanced and set close as a display heading is.

use super::model::{Mark, Role};
use super::text::{self, Span, Style};
use super::{Flow, Keep};
use crate::render::pdf::fonts::Fonts;

/// The paper's title, the page's `H1`: bold, larger, at full text width above the header
/// table, its lines set close as a display heading is. Only when the house asks for it.
pub(crate) fn title(flow: &mut Flow<'_>, title: &str) {
    let title = title.trim();
    if !flow.geo.title || title.is_empty() {
        return;
    }
    let geo = flow.geo;
    let size = (geo.size * 1.55 * 2.0).round() / 2.0;
    flow.begin(Role::H(1));
    let spans = vec![Span {
        text: title.to_string(),
        style: Style::plain(size).bold(),
    }];
    let full = geo.right() - geo.left();
    let lines = balanced(&spans, flow.fonts, full);
    let start = flow.galley.units.len();
    flow.push_lines(lines, geo.left(), size, geo.size * 0.4);
    let lh = size * 1.2;
    for unit in &mut flow.galley.units[start..] {
        let dy = (lh - unit.height) / 2.0;
        unit.height = lh;
        unit.keep_with_next = Keep::Opening;
        for item in &mut unit.items {
            if let Mark::Glyphs(run) = &mut item.mark {
                run.y += dy;
            }
        }
    }
    if let Some(last) = flow.galley.units.last_mut() {
        last.height += geo.size * 1.1;
    }
}

/// The title's lines: set at the narrowest width that needs no more lines than the full
/// width does and gives a first line no shorter than the last (a short first line reads
/// worse than an unbalanced title), so that no word is left alone on the last line.
pub(crate) fn balanced(spans: &[Span], fonts: &Fonts, full: f32) -> Vec<text::Line> {
    let filled = text::break_title(spans, fonts, full);
    let n = filled.len();
    if n < 2 {
        return filled;
    }
    let (mut lo, mut hi) = (full * 0.4, full);
    let mut best = None;
    while hi - lo > 2.0 {
        let mid = (lo + hi) / 2.0;
        let tried = text::break_title(spans, fonts, mid);
        if tried.len() <= n {
            hi = mid;
            best = Some(tried);
        } else {
            lo = mid;
        }
    }
    let first_not_shorter =
        |l: &[text::Line]| l.first().map(|l| l.width) >= l.last().map(|l| l.width);
    // From the narrowest, widen until the first line is no shorter than the last.
    let mut width = hi;
    while let Some(lines) = best.take() {
        if lines.len() <= n && first_not_shorter(&lines) {
            return lines;
        }
        width += 4.0;
        if width < full {
            best = Some(text::break_title(spans, fonts, width));
        }
    }
    filled
}

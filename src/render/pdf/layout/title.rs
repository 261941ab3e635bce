//! The paper's title above the header table: the page's `H1`, bold and larger, its lines
//! balanced and set close as a display heading is.

use super::Flow;
use super::model::{Mark, Role};
use super::text::{self, Span, Style};

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
    let mut lines = text::break_lines(&spans, flow.fonts, full, text::Align::Left);
    // A title over several lines is balanced: set at the narrowest width that needs no
    // more lines, so that no word is left alone on the last.
    let n = lines.len();
    let (mut lo, mut hi) = (full * 0.4, full);
    while n > 1 && hi - lo > 2.0 {
        let mid = (lo + hi) / 2.0;
        let tried = text::break_lines(&spans, flow.fonts, mid, text::Align::Left);
        if tried.len() <= n {
            hi = mid;
            lines = tried;
        } else {
            lo = mid;
        }
    }
    let start = flow.galley.units.len();
    flow.push_lines(lines, geo.left(), size, geo.size * 0.4);
    let lh = size * 1.2;
    for unit in &mut flow.galley.units[start..] {
        let dy = (lh - unit.height) / 2.0;
        unit.height = lh;
        unit.keep_with_next = true;
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

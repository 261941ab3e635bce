//! Word breaks kept for readers of the text: where a line breaks at a space, the space
//! is not drawn, so text extracted from the PDF (a screen reader following the structure
//! tree, poppler, copy and paste) would run the words together ("18August"). A
//! zero-advance space glyph at the end of the line keeps the break and draws nothing.

use super::text::Line;
use crate::render::pdf::fonts::Fonts;

/// Ends every line but the last with a zero-advance space (see [`end_with_space`]),
/// unless it ends inside a word: a word too long for its line is cut with no space, so
/// the text gives the word back whole.
pub(crate) fn keep_breaks(lines: &mut [Line], fonts: &Fonts) {
    let n = lines.len();
    for line in lines.iter_mut().take(n.saturating_sub(1)) {
        if !line.cut {
            end_with_space(line, fonts);
        }
    }
}

/// Ends `line` with a zero-advance space in its last run's face, unless it already ends
/// in a space or a hyphen: also used after a hanging number ("1.2", "3.") so it does not
/// run into its text.
pub(crate) fn end_with_space(line: &mut Line, fonts: &Fonts) {
    if let Some(run) = line.runs.last_mut() {
        end_run_with_space(run, fonts);
    }
}

/// Ends `run` with a zero-advance space in its face, unless it already ends in a space or
/// a hyphen (see [`end_with_space`]).
pub(crate) fn end_run_with_space(run: &mut super::GlyphRun, fonts: &Fonts) {
    if run
        .glyphs
        .last()
        .is_some_and(|g| g.text.ends_with([' ', '-', '\u{ad}', '\u{2010}']))
    {
        return;
    }
    let Some(space) = fonts.face(run.face).shape(" ").first().map(|s| s.gid) else {
        return;
    };
    if space != 0 {
        run.glyphs.push_one_more(space, 0.0, " ");
    }
}

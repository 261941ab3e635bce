//! Characters the PDF cannot show: each distinct character of a paper's source that none
//! of the run's fonts (the five faces, then the house's `pdf.fonts.fallback` fonts) has is
//! a warning at its first occurrence, as the PDF draws a stand-in for it. The HTML is
//! unaffected: browsers find a font themselves.

use std::path::Path;

use super::fonts::Fonts;
use crate::diag::Diagnostic;

/// Characters with nothing to draw (default-ignorable code points, controls and spaces),
/// which the shaper hides and no font needs to have.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{34f}'
                | '\u{61c}'
                | '\u{115f}'..='\u{1160}'
                | '\u{17b4}'..='\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff0}'..='\u{fff8}'
                | '\u{1bca0}'..='\u{1bca3}'
                | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0000}'..='\u{e0fff}'
        )
}

/// A warning for each distinct character of `text` (the whole of `file`) that no font of
/// the run has, at its first occurrence, in order of first occurrence.
pub fn unshown(fonts: &Fonts, file: &Path, text: &str) -> Vec<Diagnostic> {
    let mut checked: Vec<char> = Vec::new();
    let mut out = Vec::new();
    for (at, c) in text.char_indices() {
        if c.is_ascii() || invisible(c) || checked.contains(&c) {
            continue;
        }
        checked.push(c);
        if fonts.covering(c).is_some() {
            continue;
        }
        out.push(
            Diagnostic::at(
                "pdf-missing-glyph",
                file,
                at..at + c.len_utf8(),
                format!(
                    "the PDF can't show `{c}` (U+{:04X}): none of the house fonts has it",
                    u32::from(c)
                ),
            )
            .warning()
            .with_help("add a font that has it under `pdf.fonts.fallback` in clerk.yaml"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_once_per_character_no_font_has_at_its_first_occurrence() {
        let fonts = Fonts::embedded();
        let text = "Gàidhlig – £ €\nThe 字 and 字 again, ᚁ too.\u{200b}\n";
        let diags = unshown(&fonts, Path::new("papers/x.md"), text);
        let found: Vec<(String, usize, usize)> = diags
            .iter()
            .map(|d| {
                let (line, column) = d.line_col(text);
                (d.message.clone(), line, column)
            })
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].0.contains("`字` (U+5B57)"), "{found:?}");
        assert_eq!((found[0].1, found[0].2), (2, 5));
        assert!(found[1].0.contains("U+1681"), "{found:?}");
        assert!(diags.iter().all(|d| !d.is_error()));
    }
}

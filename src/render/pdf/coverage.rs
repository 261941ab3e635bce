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

/// A warning for each line of `text` (the whole of `file`) holding characters no font of
/// the run has, not met on an earlier line: at the first, naming them in order of first
/// occurrence (a sentence in a script the fonts lack is one warning, not one a letter).
pub fn unshown(fonts: &Fonts, file: &Path, text: &str) -> Vec<Diagnostic> {
    let mut checked: Vec<char> = Vec::new();
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let mut missing: Vec<(usize, char)> = Vec::new();
        for (at, c) in line.char_indices() {
            if c.is_ascii() || invisible(c) || checked.contains(&c) {
                continue;
            }
            checked.push(c);
            if fonts.covering(c).is_none() {
                missing.push((line_start + at, c));
            }
        }
        line_start += line.len();
        let Some(&(at, first)) = missing.first() else {
            continue;
        };
        let code = |c: char| format!("`{c}` (U+{:04X})", u32::from(c));
        let message = if missing.len() == 1 {
            format!(
                "the PDF can't show {}: none of the house fonts has it",
                code(first)
            )
        } else {
            const NAMED: usize = 8;
            let named: Vec<String> = missing.iter().take(NAMED).map(|&(_, c)| code(c)).collect();
            let more = if missing.len() > NAMED { ", …" } else { "" };
            format!(
                "the PDF can't show {} characters of this line ({}{more}): none of the house fonts has them",
                missing.len(),
                named.join(", ")
            )
        };
        out.push(
            Diagnostic::at("pdf-missing-glyph", file, at..at + first.len_utf8(), message)
                .warning()
                .with_help("add a font that has them under `pdf.fonts.fallback` in clerk.yaml; the PDF draws a stand-in for each"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_once_a_line_naming_the_characters_no_font_has() {
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
        // One warning for the line, at its first such character, naming both once.
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].0.contains("2 characters of this line"),
            "{found:?}"
        );
        assert!(
            found[0].0.contains("`字` (U+5B57), `ᚁ` (U+1681)"),
            "{found:?}"
        );
        assert_eq!((found[0].1, found[0].2), (2, 5));
        assert!(diags.iter().all(|d| !d.is_error()));
        // One character alone is named alone; one met on an earlier line is not again.
        let text = "字\nᚁ and 字\n";
        let diags = unshown(&fonts, Path::new("papers/x.md"), text);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(
            diags[1]
                .message
                .starts_with("the PDF can't show `ᚁ` (U+1681): none")
        );
    }
}

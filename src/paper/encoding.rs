//! Text that is not UTF-8: where its first wrong byte stands, and what the author's
//! editor probably did (saved it as Windows/Latin-1 text, or as Notepad's UTF-16 "Unicode").

use std::path::Path;

use crate::diag::Diagnostic;

/// What to do about it, in any editor.
const SAVE_AS_UTF8: &str =
    "save the file as UTF-8 in your editor (usually under \"Save As\", \"Encoding: UTF-8\")";

/// Turns a file's text as read into the text clerk works on: a BOM removed, and CRLF and
/// lone-CR (old Mac) line endings made LF, so lines count as the author's editor counts them.
pub(super) fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

/// The error for `bytes`, which are not UTF-8 from `valid_up_to` on, and the text to show
/// it in (kept in the sources, so the error has a line and column): the file decoded as
/// best it can be. A file starting with a UTF-16 byte-order mark is said to be UTF-16
/// (pointing at its start); any other is pointed at its first byte that is not UTF-8, at the
/// column counted in the characters before it on its line.
pub(super) fn not_utf8(bytes: &[u8], valid_up_to: usize, display: &Path) -> (Diagnostic, String) {
    if let Some(d) = binary_file(bytes, display) {
        return (d, String::new());
    }
    if bytes.starts_with(b"MZ") {
        // A Windows program (its first bytes would be letters in a text file).
        let d = binary_error(display, "a program", PROGRAM);
        return (d, String::new());
    }
    if let Some(text) = utf16(bytes) {
        return utf16_error(display, &text);
    }
    let valid = String::from_utf8_lossy(&bytes[..valid_up_to]);
    let at = normalise(&valid).len();
    let text = normalise(&String::from_utf8_lossy(bytes));
    let byte = bytes[valid_up_to];
    // Bytes A0–FF are the same letters in Latin-1 and in Windows' own Western encoding.
    let what = match char::from(byte) {
        c if byte >= 0xa0 => format!("probably `{c}` saved as Windows or Latin-1 text"),
        _ => format!("byte {byte:#04X}"),
    };
    let d = Diagnostic::at(
        "not-utf8",
        display,
        at..at + '\u{fffd}'.len_utf8(),
        format!("this file is not UTF-8 text: the character here is in another encoding ({what})"),
    )
    .with_help(format!(
        "{SAVE_AS_UTF8}; then check that this character still reads as meant"
    ));
    (d, text)
}

/// The error for a file that is no text at all, by its first bytes (which no text file
/// starts with: control characters, or `%PDF-`): a paper written in Word, a PDF or a
/// program saved under a paper's name. Found before the bytes are read as UTF-8, since
/// their first kilobytes may well read so.
pub(super) fn binary_file(bytes: &[u8], display: &Path) -> Option<Diagnostic> {
    let (what, help) = if bytes.starts_with(b"PK\x03\x04") {
        (
            "a Word document (or another zip archive)",
            "if it is a paper written in Word, give it back its `.docx` name and bring it in with `clerk import FILE.docx`, which writes the paper's Markdown",
        )
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        (
            "an old-style Word .doc file",
            "open it in Word and save it as a .docx, then bring it in with `clerk import FILE.docx`",
        )
    } else if bytes.starts_with(b"%PDF-") {
        (
            "a PDF",
            "a PDF cannot be a paper; to append it to one, list it under that paper's `appendices:` as `- file: NAME.pdf`",
        )
    } else if bytes.starts_with(b"\x7fELF") {
        ("a program", PROGRAM)
    } else {
        return None;
    };
    Some(binary_error(display, what, help))
}

const PROGRAM: &str = "move it out of the papers folder: every `.md` file there is read as a paper";

/// No line to show: its "text" would be a screen of control characters.
fn binary_error(display: &Path, what: &str, help: &str) -> Diagnostic {
    Diagnostic::file_error(
        "not-utf8",
        display,
        format!("this file is {what}, not text"),
    )
    .with_help(help)
}

/// The text of `bytes` if they start with a UTF-16 byte-order mark (FF FE little-endian, as
/// Notepad writes, or FE FF big-endian), decoded without it.
fn utf16(bytes: &[u8]) -> Option<String> {
    let from: fn([u8; 2]) -> u16 = match bytes.get(..2)? {
        [0xff, 0xfe] => u16::from_le_bytes,
        [0xfe, 0xff] => u16::from_be_bytes,
        _ => return None,
    };
    Some(decode_utf16(&bytes[2..], from))
}

fn decode_utf16(bytes: &[u8], from: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|pair| from([pair[0], pair.get(1).copied().unwrap_or(0)]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// The error for `bytes` that are UTF-16 saved without a byte-order mark (English text
/// then has a zero byte beside every letter, which reads as UTF-8 full of NULs), with the
/// text decoded to show it in; `None` for any other bytes.
pub(super) fn utf16_unmarked(bytes: &[u8], display: &Path) -> Option<(Diagnostic, String)> {
    let pairs = bytes.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros = |at: usize| {
        bytes
            .iter()
            .skip(at)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let from: fn([u8; 2]) -> u16 = match (zeros(0), zeros(1)) {
        (_, odd) if odd * 10 >= pairs * 9 => u16::from_le_bytes,
        (even, _) if even * 10 >= pairs * 9 => u16::from_be_bytes,
        _ => return None,
    };
    Some(utf16_error(display, &decode_utf16(bytes, from)))
}

/// The error for a file of UTF-16 `text` (decoded), with the text to show it in.
fn utf16_error(display: &Path, text: &str) -> (Diagnostic, String) {
    let d = Diagnostic::at(
        "not-utf8",
        display,
        0..0,
        "this file is UTF-16 text (what Notepad calls \"Unicode\"), not UTF-8",
    )
    .with_help(SAVE_AS_UTF8);
    (d, normalise(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(bytes: &[u8]) -> (Diagnostic, (usize, usize)) {
        let valid = std::str::from_utf8(bytes).unwrap_err().valid_up_to();
        let (d, text) = not_utf8(bytes, valid, Path::new("p.md"));
        let at = d.line_col(&text);
        (d, at)
    }

    #[test]
    fn a_latin1_letter_is_placed_at_its_line_and_column() {
        let (d, at) = place(b"---\r\ntitle: x\r\n---\r\n\r\nThe caf\xe9 is open.\r\n");
        assert_eq!(at, (5, 8), "{d:?}");
        assert!(d.message.contains("`é`"), "{d:?}");
        assert!(d.help.as_deref().unwrap().contains("UTF-8"), "{d:?}");
    }

    #[test]
    fn the_column_counts_characters_not_bytes() {
        // 14 characters (20 bytes) of good text before the bad byte on its line.
        let mut bytes = "ab\nNaïve café \u{2014} \u{fffd}".as_bytes().to_vec();
        bytes.push(0x80);
        assert_eq!(place(&bytes).1, (2, 15));
    }

    #[test]
    fn a_byte_order_mark_does_not_shift_the_column() {
        let (_, at) = place(b"\xef\xbb\xbfab\xff");
        assert_eq!(at, (1, 3));
    }

    /// UTF-16 saved without its byte-order mark is named too, not read as text full of
    /// NULs with no metadata.
    #[test]
    fn utf16_without_its_mark_is_named_as_such() {
        for bytes in [&b"-\0-\0-\0\n\0t\0:\0"[..], &b"\0-\0-\0-\0\n\0t\0:"[..]] {
            let (d, text) = utf16_unmarked(bytes, Path::new("p.md")).expect("UTF-16");
            assert!(d.message.contains("UTF-16"), "{d:?}");
            assert_eq!(text, "---\nt:");
        }
        assert!(utf16_unmarked(b"---\nmeeting: M\n", Path::new("p.md")).is_none());
    }

    #[test]
    fn utf16_is_named_as_such() {
        for bytes in [&b"\xff\xfe-\0-\0-\0\n\0"[..], &b"\xfe\xff\0-\0-\0-\0\n"[..]] {
            let (d, at) = place(bytes);
            assert!(d.message.contains("UTF-16"), "{d:?}");
            assert_eq!(at, (1, 1));
            let (_, text) = not_utf8(bytes, 0, Path::new("p.md"));
            assert_eq!(text, "---\n");
        }
    }
}

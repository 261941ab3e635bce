//! Word's `w:sym` characters: a code in a symbol font (`F0B3` in Symbol) → the Unicode
//! character it shows (`≥`), for the common mathematical, arrow and bullet ones.

/// Symbol font (Adobe Symbol encoding), by its one-byte code.
const SYMBOL: &[(u8, char)] = &[
    (0x22, '∀'),
    (0x24, '∃'),
    (0x27, '∋'),
    (0x2D, '−'),
    (0x40, '≅'),
    (0x5C, '∴'),
    (0x5E, '⊥'),
    (0x7E, '∼'),
    (0xA2, '′'),
    (0xA3, '≤'),
    (0xA5, '∞'),
    (0xA7, '♣'),
    (0xA8, '♦'),
    (0xA9, '♥'),
    (0xAA, '♠'),
    (0xAB, '↔'),
    (0xAC, '←'),
    (0xAD, '↑'),
    (0xAE, '→'),
    (0xAF, '↓'),
    (0xB0, '°'),
    (0xB1, '±'),
    (0xB2, '″'),
    (0xB3, '≥'),
    (0xB4, '×'),
    (0xB5, '∝'),
    (0xB7, '•'),
    (0xB8, '÷'),
    (0xB9, '≠'),
    (0xBA, '≡'),
    (0xBB, '≈'),
    (0xBC, '…'),
    (0xC5, '⊕'),
    (0xC6, '∅'),
    (0xC7, '∩'),
    (0xC8, '∪'),
    (0xCE, '∈'),
    (0xCF, '∉'),
    (0xD0, '∠'),
    (0xD1, '∇'),
    (0xD2, '®'),
    (0xD3, '©'),
    (0xD4, '™'),
    (0xD6, '√'),
    (0xD7, '⋅'),
    (0xD8, '¬'),
    (0xD9, '∧'),
    (0xDA, '∨'),
    (0xDB, '⇔'),
    (0xDC, '⇐'),
    (0xDD, '⇑'),
    (0xDE, '⇒'),
    (0xDF, '⇓'),
    (0xE5, '∑'),
    (0xF2, '∫'),
];

/// Symbol's Greek letters, from `A` (0x41) and `a` (0x61) on.
const GREEK_UPPER: &str = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ";
const GREEK_LOWER: &str = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ";

/// Wingdings: the ticks, crosses and bullets papers use.
const WINGDINGS: &[(u8, char)] = &[
    (0x9F, '•'),
    (0xA7, '▪'),
    (0xA8, '◻'),
    (0xD8, '➢'),
    (0xFB, '✗'),
    (0xFC, '✓'),
    (0xFD, '☒'),
    (0xFE, '☑'),
];

/// The character `code` (hex, as Word writes it: `F0B3`, `00B3` or `B3`) shows in `font`.
pub fn unicode(font: &str, code: &str) -> Option<char> {
    let n = u32::from_str_radix(code, 16).ok()?;
    let byte = match n {
        0..=0xFF => n,
        0xF000..=0xF0FF => n - 0xF000,
        // A code outside the private area Word maps a symbol font to is itself Unicode.
        _ => return char::from_u32(n),
    };
    let byte = u8::try_from(byte).ok()?;
    let font = font.to_ascii_lowercase();
    let table = if font.starts_with("wingdings") {
        WINGDINGS
    } else if font == "symbol" {
        match byte {
            0x41..=0x5A => return GREEK_UPPER.chars().nth(usize::from(byte - 0x41)),
            0x61..=0x7A => return GREEK_LOWER.chars().nth(usize::from(byte - 0x61)),
            _ => SYMBOL,
        }
    } else {
        return None;
    };
    table.iter().find(|(b, _)| *b == byte).map(|(_, c)| *c)
}

//! A content-stream writer: PDF operators appended straight to a byte buffer, numbers
//! written with three decimals at most, glyph ids as one literal string per run of glyphs
//! (two bytes a glyph: half the bytes of a hex string, so a paper's content streams are a
//! third smaller before deflating and its PDF about a twentieth smaller after).
//!
//! clerk writes its pages with this rather than through printpdf's `Op`s: printpdf turns
//! every glyph into a lopdf string object and formats each through `fmt`, which cost more
//! than all of clerk's layout (about 1.5 ms of a paper's 5 ms).

/// A content stream being written.
#[derive(Debug, Default)]
pub struct Content {
    /// The bytes so far.
    pub bytes: Vec<u8>,
}

impl Content {
    /// A number, at most three decimals, no exponent, no negative zero.
    pub fn num(&mut self, v: f32) -> &mut Self {
        let scaled = (f64::from(v) * 1000.0).round() as i64;
        if scaled < 0 {
            self.bytes.push(b'-');
        }
        let abs = scaled.unsigned_abs();
        self.int(abs / 1000);
        let frac = abs % 1000;
        if frac != 0 {
            self.bytes.push(b'.');
            let digits = [frac / 100, frac / 10 % 10, frac % 10];
            let keep = if digits[2] != 0 {
                3
            } else if digits[1] != 0 {
                2
            } else {
                1
            };
            for d in &digits[..keep] {
                self.bytes.push(b'0' + *d as u8);
            }
        }
        self.bytes.push(b' ');
        self
    }

    fn int(&mut self, v: u64) {
        super::serialise::decimal(&mut self.bytes, v, 0);
    }

    /// Several numbers.
    pub fn nums(&mut self, vs: &[f32]) -> &mut Self {
        for v in vs {
            self.num(*v);
        }
        self
    }

    /// An operator and a line break.
    pub fn op(&mut self, op: &str) -> &mut Self {
        self.bytes.extend_from_slice(op.as_bytes());
        self.bytes.push(b'\n');
        self
    }

    /// Raw text (names, dictionaries).
    pub fn raw(&mut self, s: &str) -> &mut Self {
        self.bytes.extend_from_slice(s.as_bytes());
        self
    }

    /// A `TJ` array: runs of glyph ids as literal strings, with an adjustment (thousandths
    /// of an em, positive moves left) after the glyphs that need one.
    pub fn show(&mut self, glyphs: impl Iterator<Item = (u16, f32)>) -> &mut Self {
        // Two bytes a glyph (a few more when escaped), and room for the brackets and an
        // adjustment or two.
        self.bytes.reserve(glyphs.size_hint().0 * 2 + 32);
        self.bytes.push(b'[');
        let mut open = false;
        for (gid, adjust) in glyphs {
            if !open {
                self.bytes.push(b'(');
                open = true;
            }
            let [hi, lo] = gid.to_be_bytes();
            if plain(hi) && plain(lo) {
                self.bytes.extend_from_slice(&[hi, lo]);
            } else {
                self.byte(hi);
                self.byte(lo);
            }
            if adjust != 0.0 {
                self.bytes.extend_from_slice(b") ");
                open = false;
                self.num(adjust);
            }
        }
        if open {
            self.bytes.push(b')');
        }
        self.bytes.extend_from_slice(b"] TJ\n");
        self
    }

    /// One byte of a literal string: as it is, but for the parentheses and backslash
    /// (which would end or escape the string) and the line ends (which a reader reads
    /// as a plain line feed), written as escapes.
    fn byte(&mut self, b: u8) {
        match b {
            b'(' | b')' | b'\\' => self.bytes.extend_from_slice(&[b'\\', b]),
            b'\r' => self.bytes.extend_from_slice(b"\\r"),
            b'\n' => self.bytes.extend_from_slice(b"\\n"),
            _ => self.bytes.push(b),
        }
    }
}

/// A byte a literal string holds as it is (see [`Content::byte`]).
fn plain(b: u8) -> bool {
    !matches!(b, b'(' | b')' | b'\\' | b'\r' | b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_exact_enough() {
        let mut c = Content::default();
        c.nums(&[0.0, -0.0, 1.0, 12.5, -3.25, 595.2756, 0.0004, -0.0004]);
        assert_eq!(
            String::from_utf8(c.bytes).unwrap(),
            "0 0 1 12.5 -3.25 595.276 0 0 "
        );
    }

    #[test]
    fn glyph_runs_join_until_an_adjustment() {
        let mut c = Content::default();
        c.show([(1, 0.0), (0x2a, -12.0), (0xffff, 0.0)].into_iter());
        assert_eq!(c.bytes, b"[(\x00\x01\x00*) -12 (\xff\xff)] TJ\n");
    }

    #[test]
    fn glyph_ids_read_back_as_written_whatever_their_bytes() {
        // Every byte a glyph id can hold, among them the parentheses, the backslash and
        // the line ends, which are escaped.
        let gids: Vec<u16> = (0..=255u16).map(|b| (b << 8) | (255 - b)).collect();
        let mut c = Content::default();
        c.op("BT").show(gids.iter().map(|&g| (g, 0.0))).op("ET");
        assert!(
            c.bytes.windows(2).any(|w| w == b"\\("),
            "a parenthesis is escaped"
        );
        let read = lopdf::content::Content::decode(&c.bytes).unwrap();
        let op = read.operations.iter().find(|o| o.operator == "TJ").unwrap();
        let [lopdf::Object::Array(parts)] = op.operands.as_slice() else {
            panic!("one array: {:?}", op.operands);
        };
        let [lopdf::Object::String(bytes, _)] = parts.as_slice() else {
            panic!("one string: {parts:?}");
        };
        let back: Vec<u16> = bytes
            .chunks(2)
            .map(|p| u16::from_be_bytes([p[0], p[1]]))
            .collect();
        assert_eq!(back, gids);
    }
}

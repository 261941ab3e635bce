//! PDF syntax read as lopdf reads it: white space and comments, numbers and references,
//! names, literal and hexadecimal strings, arrays and dictionaries, for [`super::raw`].

use lopdf::{Dictionary, Object, StringFormat};

mod scan;

pub(super) use scan::{Found, Top};

/// How deep arrays and dictionaries may nest: lopdf's limit of 100 below the object itself.
pub(super) const MAX_DEPTH: usize = 101;

/// A cursor over PDF syntax, following lopdf's reading of it.
pub(super) struct Parser<'a> {
    s: &'a [u8],
    /// Where it is in `s`.
    pub(super) at: usize,
}

/// Each byte's class: white space, a delimiter, or regular (a table, as every byte of a
/// file is asked).
const CLASS: [u8; 256] = {
    let mut class = [REGULAR; 256];
    let mut i = 0;
    while i < 6 {
        class[b" \t\n\r\0\x0C"[i] as usize] = SPACE;
        i += 1;
    }
    let mut i = 0;
    while i < 10 {
        class[b"()<>[]{}/%"[i] as usize] = DELIMITER;
        i += 1;
    }
    class
};
const REGULAR: u8 = 0;
const SPACE: u8 = 1;
const DELIMITER: u8 = 2;

fn is_space(c: u8) -> bool {
    CLASS[usize::from(c)] == SPACE
}

fn is_regular(c: u8) -> bool {
    CLASS[usize::from(c)] == REGULAR
}

impl<'a> Parser<'a> {
    pub(super) fn new(s: &'a [u8], at: usize) -> Parser<'a> {
        Parser { s, at }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    pub(super) fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.at += 1;
        Some(c)
    }

    fn rest(&self) -> &'a [u8] {
        self.s.get(self.at..).unwrap_or_default()
    }

    /// White space and comments.
    pub(super) fn space(&mut self) {
        while let Some(c) = self.peek() {
            if is_space(c) {
                self.at += 1;
            } else if c == b'%' {
                while self.peek().is_some_and(|c| c != b'\r' && c != b'\n') {
                    self.at += 1;
                }
            } else {
                break;
            }
        }
    }

    /// One end of line.
    pub(super) fn eol(&mut self) -> bool {
        if self.rest().starts_with(b"\r\n") {
            self.at += 2;
        } else if matches!(self.peek(), Some(b'\n' | b'\r')) {
            self.at += 1;
        } else {
            return false;
        }
        true
    }

    pub(super) fn keyword(&mut self, word: &[u8]) -> Option<()> {
        self.rest().starts_with(word).then(|| self.at += word.len())
    }

    /// `stream` and its end of line after a dictionary; the cursor is left at the data.
    pub(super) fn stream_keyword(&mut self) -> Option<()> {
        self.space();
        self.keyword(b"stream")?;
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
        self.eol().then_some(())
    }

    /// How many digits start what is left.
    fn digits(&self) -> usize {
        self.rest()
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    }

    /// A run of digits after any space, as a number.
    pub(super) fn unsigned(&mut self) -> Option<usize> {
        self.space();
        let n = self.digits();
        let value = value(&self.rest()[..n])?;
        self.at += n;
        usize::try_from(value).ok()
    }

    /// A direct object and the space after it.
    pub(super) fn object(&mut self, depth: usize) -> Option<Object> {
        self.space();
        let depth = depth.checked_sub(1)?;
        let object = match self.peek()? {
            b'n' => self.keyword(b"null").map(|()| Object::Null)?,
            b't' => self.keyword(b"true").map(|()| Object::Boolean(true))?,
            b'f' => self.keyword(b"false").map(|()| Object::Boolean(false))?,
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number()?,
            b'/' => Object::Name(self.name()?),
            b'(' => Object::String(self.literal()?, StringFormat::Literal),
            b'<' if self.rest().starts_with(b"<<") => {
                self.at += 2;
                let mut dict = Dictionary::new();
                loop {
                    self.space();
                    if self.keyword(b">>").is_some() {
                        break;
                    }
                    if self.peek()? != b'/' {
                        return None;
                    }
                    let key = self.name()?;
                    let value = self.object(depth)?;
                    dict.set(key, value);
                }
                Object::Dictionary(dict)
            }
            b'<' => Object::String(self.hex()?, StringFormat::Hexadecimal),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.space();
                    if self.keyword(b"]").is_some() {
                        break;
                    }
                    items.push(self.object(depth)?);
                }
                Object::Array(items)
            }
            _ => return None,
        };
        self.space();
        Some(object)
    }

    /// An integer, a real, or a reference `n g R`.
    pub(super) fn number(&mut self) -> Option<Object> {
        if let Some(object) = self.plain_number() {
            return Some(object);
        }
        let start = self.at;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.at += 1;
        }
        let int = self
            .rest()
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        self.at += int;
        if self.peek() == Some(b'.') {
            self.at += 1;
            // lopdf (like pdf.js) reads a stray minus inside the fraction as nothing.
            let frac = self.rest();
            let n = frac
                .iter()
                .take_while(|c| c.is_ascii_digit() || **c == b'-')
                .count();
            if int == 0 && !frac.first().is_some_and(u8::is_ascii_digit) {
                return None;
            }
            self.at += n;
            let text: Vec<u8> = self.s[start..self.at]
                .iter()
                .enumerate()
                .filter(|&(i, c)| i == 0 || *c != b'-')
                .map(|(_, c)| *c)
                .collect();
            return std::str::from_utf8(&text)
                .ok()?
                .parse()
                .ok()
                .map(Object::Real);
        }
        let signed = usize::from(matches!(self.s[start], b'+' | b'-'));
        let magnitude = value(&self.s[start + signed..self.at])?;
        let number = if self.s[start] == b'-' {
            0i64.checked_sub_unsigned(magnitude)?
        } else {
            i64::try_from(magnitude).ok()?
        };
        if self.s[start].is_ascii_digit() {
            // `n g R`: a reference when a generation and `R` follow.
            let mark = self.at;
            self.space();
            let n = self.digits();
            let generation = value(&self.rest()[..n]);
            self.at += n;
            self.space();
            if self.peek() == Some(b'R')
                && let (Ok(id), Some(Ok(g))) =
                    (u32::try_from(number), generation.map(u16::try_from))
            {
                self.at += 1;
                return Some(Object::Reference((id, g)));
            }
            self.at = mark;
        }
        Some(Object::Integer(number))
    }

    /// What [`Parser::number`] reads, in the two forms most of a paper's numbers take, read
    /// without its detours: a reference written `n 0 R` (as clerk writes them), and an
    /// integer with a delimiter straight after it (`500]`, `3/Type`). `None`, the cursor
    /// unmoved, for anything else (a sign, a fraction, a space or comment after it, a
    /// number past `i64::MAX`), which `number` reads the general way.
    fn plain_number(&mut self) -> Option<Object> {
        let n = self.digits();
        let rest = self.rest();
        let value = value(&rest[..n])?;
        let after = &rest[n..];
        if after.starts_with(b" 0 R") {
            let id = u32::try_from(value).ok()?;
            self.at += n + 4;
            return Some(Object::Reference((id, 0)));
        }
        match after.first() {
            Some(&c) if c == b'.' || c == b'%' || is_space(c) => None,
            _ => {
                let integer = i64::try_from(value).ok()?;
                self.at += n;
                Some(Object::Integer(integer))
            }
        }
    }

    /// A name, its `#xx` escapes decoded.
    fn name(&mut self) -> Option<Vec<u8>> {
        self.keyword(b"/")?;
        let mut out = Vec::new();
        loop {
            let rest = self.rest();
            let run = rest
                .iter()
                .position(|&c| c == b'#' || !is_regular(c))
                .unwrap_or(rest.len());
            out.extend_from_slice(&rest[..run]);
            self.at += run;
            let escape = self.rest().get(..3).filter(|e| e[0] == b'#');
            let Some(byte) = escape.and_then(|e| hex_pair(&e[1..])) else {
                return Some(out);
            };
            out.push(byte);
            self.at += 3;
        }
    }

    /// A literal string: escapes decoded, nested parentheses kept, each end of line `\n`.
    fn literal(&mut self) -> Option<Vec<u8>> {
        self.keyword(b"(")?;
        let (mut out, mut open) = (Vec::new(), 0usize);
        loop {
            let c = self.next()?;
            match c {
                b'(' => {
                    open += 1;
                    if open > 100 {
                        return None;
                    }
                    out.push(c);
                }
                b')' if open == 0 => return Some(out),
                b')' => {
                    open -= 1;
                    out.push(c);
                }
                b'\r' | b'\n' => {
                    self.at -= 1;
                    self.eol();
                    out.push(b'\n');
                }
                b'\\' => {
                    let octal = self
                        .rest()
                        .iter()
                        .take(3)
                        .take_while(|c| matches!(c, b'0'..=b'7'));
                    let digits = octal.count();
                    if digits > 0 {
                        let text = std::str::from_utf8(&self.rest()[..digits]).ok()?;
                        out.push(u16::from_str_radix(text, 8).ok()? as u8);
                        self.at += digits;
                    } else if !self.eol() {
                        out.push(match self.next()? {
                            b'n' => b'\n',
                            b'r' => b'\r',
                            b't' => b'\t',
                            b'b' => 0x08,
                            b'f' => 0x0C,
                            other => other,
                        });
                    }
                }
                _ => out.push(c),
            }
        }
    }

    /// A hexadecimal string (an odd last digit is followed by 0).
    fn hex(&mut self) -> Option<Vec<u8>> {
        self.keyword(b"<")?;
        let (mut out, mut high) = (Vec::new(), true);
        loop {
            while self.peek().is_some_and(is_space) {
                self.at += 1;
            }
            let c = self.next()?;
            if c == b'>' {
                return Some(out);
            }
            let v = (c as char).to_digit(16)? as u8;
            if high {
                out.push(v << 4);
            } else if let Some(last) = out.last_mut() {
                *last |= v;
            }
            high = !high;
        }
    }
}

/// The value of a run of digits (none is no number).
fn value(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u64, |v, d| {
        v.checked_mul(10)?.checked_add(u64::from(d - b'0'))
    })
}

fn hex_pair(h: &[u8]) -> Option<u8> {
    let d = |c: u8| (c as char).to_digit(16).map(|v| v as u8);
    Some((d(h[0])? << 4) | d(h[1])?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The class table says what PDF's white space and delimiters are (ISO 32000-1, 7.2.2).
    #[test]
    fn bytes_are_classed_as_pdf_classes_them() {
        for c in 0..=255u8 {
            let space = b" \t\n\r\0\x0C".contains(&c);
            let delimiter = b"()<>[]{}/%".contains(&c);
            assert_eq!(is_space(c), space, "{c}");
            assert_eq!(is_regular(c), !space && !delimiter, "{c}");
        }
    }
}

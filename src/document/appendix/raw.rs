//! Reading a PDF one object at a time, as its cross-reference table places them: what a
//! pack needs of a paper clerk built, without holding every object of a long paper as a
//! lopdf object (~2 KB each, ten times its written size). Only the plain form clerk and
//! lopdf write is read — one classic table, no object or cross-reference streams, no
//! encryption, no incremental updates; anything else is `None` and lopdf reads it whole.
//! An object reads as lopdf would read it (unit tests compare the two).

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};

/// How deep arrays and dictionaries may nest (lopdf's own limit).
const MAX_DEPTH: usize = 100;

/// A PDF's bytes and where each of its objects starts.
#[derive(Debug)]
pub(super) struct Raw<B> {
    bytes: B,
    /// By object number: the object's offset and generation, if it is in use.
    offsets: Vec<Option<(usize, u16)>>,
    /// The trailer dictionary.
    pub(super) trailer: Dictionary,
}

impl<B: AsRef<[u8]>> Raw<B> {
    /// Reads the cross-reference table of `bytes`; the bytes back for any file not in the
    /// plain form.
    pub(super) fn open(bytes: B) -> Result<Raw<B>, B> {
        match index(bytes.as_ref()) {
            Some((offsets, trailer)) => Ok(Raw {
                bytes,
                offsets,
                trailer,
            }),
            None => Err(bytes),
        }
    }

    /// The bytes it reads.
    pub(super) fn into_bytes(self) -> B {
        self.bytes
    }

    /// Is `id` in use?
    pub(super) fn has(&self, id: ObjectId) -> bool {
        self.offsets
            .get(id.0 as usize)
            .is_some_and(|o| o.is_some_and(|(_, g)| g == id.1))
    }

    /// The objects in use, by number.
    pub(super) fn ids(&self) -> impl Iterator<Item = ObjectId> + '_ {
        self.offsets
            .iter()
            .enumerate()
            .filter_map(|(n, o)| o.map(|(_, g)| (n as u32, g)))
    }

    /// The object `id`, with a stream's data when `data` (else a stream's data is checked
    /// to be where its `/Length` says and left out); `None` when it is not there or not in
    /// the syntax this reader knows.
    pub(super) fn get(&self, id: ObjectId, data: bool) -> Option<Object> {
        let (object, mut p) = self.read(id)?;
        let Object::Dictionary(dict) = object else {
            return Some(object);
        };
        if p.stream_keyword().is_none() {
            return Some(Object::Dictionary(dict));
        }
        // An indirect length is an integer object, read without following streams.
        let length = match dict.get(b"Length").ok()? {
            Object::Reference(r) => match self.read(*r)?.0 {
                Object::Integer(n) => n,
                _ => return None,
            },
            Object::Integer(n) => *n,
            _ => return None,
        };
        let from = p.at;
        let to = from.checked_add(usize::try_from(length).ok()?)?;
        let content = self.bytes.as_ref().get(from..to)?;
        let mut end = Parser::new(self.bytes.as_ref(), to);
        end.eol();
        end.keyword(b"endstream")?;
        if data {
            return Some(Object::Stream(Stream::new(dict, content.to_vec())));
        }
        // As lopdf leaves it: the length written in, whether it was direct or not.
        let mut stream = Stream::new(dict, Vec::new());
        stream.dict.set("Length", length);
        Some(Object::Stream(stream))
    }

    /// The object `id` up to the end of its first direct object, and the cursor there.
    fn read(&self, id: ObjectId) -> Option<(Object, Parser<'_>)> {
        let (offset, generation) = (*self.offsets.get(id.0 as usize)?)?;
        if generation != id.1 {
            return None;
        }
        let mut p = Parser::new(self.bytes.as_ref(), offset);
        if (p.unsigned()?, p.unsigned()?) != (id.0 as usize, id.1 as usize) {
            return None;
        }
        p.space();
        p.keyword(b"obj")?;
        let object = p.object(MAX_DEPTH)?;
        Some((object, p))
    }
}

/// Where each object of `b` starts, and its trailer.
type Index = (Vec<Option<(usize, u16)>>, Dictionary);

fn index(b: &[u8]) -> Option<Index> {
    let tail = &b[b.len().saturating_sub(1024)..];
    let at = tail.windows(9).rposition(|w| w == b"startxref")?;
    let mut p = Parser::new(tail, at + 9);
    let Object::Integer(start) = p.object(MAX_DEPTH)? else {
        return None;
    };
    let mut p = Parser::new(b, usize::try_from(start).ok()?);
    p.space();
    p.keyword(b"xref")?;
    let mut offsets: Vec<Option<(usize, u16)>> = Vec::new();
    loop {
        p.space();
        if p.keyword(b"trailer").is_some() {
            break;
        }
        let (first, count) = (p.unsigned()?, p.unsigned()?);
        let end = first.checked_add(count)?;
        // An entry takes 20 bytes: no table lists more objects than that allows.
        if end > b.len() / 10 {
            return None;
        }
        offsets.resize(offsets.len().max(end), None);
        for entry in &mut offsets[first..end] {
            let (offset, generation) = (p.unsigned()?, p.unsigned()?);
            p.space();
            match p.next()? {
                b'n' => *entry = Some((offset, u16::try_from(generation).ok()?)),
                b'f' => {}
                _ => return None,
            }
        }
    }
    let Object::Dictionary(trailer) = p.object(MAX_DEPTH)? else {
        return None;
    };
    let plain = !["Prev", "XRefStm", "Encrypt"]
        .iter()
        .any(|k| trailer.has(k.as_bytes()));
    plain.then_some((offsets, trailer))
}

/// A cursor over PDF syntax, following lopdf's reading of it.
struct Parser<'a> {
    s: &'a [u8],
    at: usize,
}

fn is_space(c: u8) -> bool {
    b" \t\n\r\0\x0C".contains(&c)
}

fn is_delimiter(c: u8) -> bool {
    b"()<>[]{}/%".contains(&c)
}

fn is_regular(c: u8) -> bool {
    !is_space(c) && !is_delimiter(c)
}

impl<'a> Parser<'a> {
    fn new(s: &'a [u8], at: usize) -> Parser<'a> {
        Parser { s, at }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.at += 1;
        Some(c)
    }

    fn rest(&self) -> &'a [u8] {
        self.s.get(self.at..).unwrap_or_default()
    }

    /// White space and comments.
    fn space(&mut self) {
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
    fn eol(&mut self) -> bool {
        if self.rest().starts_with(b"\r\n") {
            self.at += 2;
        } else if matches!(self.peek(), Some(b'\n' | b'\r')) {
            self.at += 1;
        } else {
            return false;
        }
        true
    }

    fn keyword(&mut self, word: &[u8]) -> Option<()> {
        self.rest().starts_with(word).then(|| self.at += word.len())
    }

    /// `stream` and its end of line after a dictionary; the cursor is left at the data.
    fn stream_keyword(&mut self) -> Option<()> {
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
    fn unsigned(&mut self) -> Option<usize> {
        self.space();
        let n = self.digits();
        let value = value(&self.rest()[..n])?;
        self.at += n;
        usize::try_from(value).ok()
    }

    /// A direct object and the space after it.
    fn object(&mut self, depth: usize) -> Option<Object> {
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
    fn number(&mut self) -> Option<Object> {
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
#[path = "raw_tests.rs"]
mod tests;

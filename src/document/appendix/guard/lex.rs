//! The lexer of [`super::scan`]: PDF tokens, and dictionaries and arrays read into values
//! as far as the checks need them, with bounded depth and a bounded number kept.

/// The deepest nesting of arrays and dictionaries read.
const MAX_DEPTH: usize = 64;
/// The most values kept of one object (more are read past, not kept), so the scan's own
/// memory stays bounded whatever the file holds.
const MAX_KEPT: usize = 1 << 20;

/// A value, as much of it as the checks need.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Val {
    Int(i64),
    /// An integer too large for 64 bits, or a real.
    OtherNumber,
    Name(Vec<u8>),
    Array(Vec<Val>),
    Dict(Dict),
    Other,
}

pub(super) type Dict = Vec<(Vec<u8>, Val)>;

/// A token of PDF syntax; strings, comments and whitespace are skipped.
#[derive(Debug, PartialEq)]
pub(super) enum Tok<'a> {
    DictOpen,
    DictClose,
    ArrayOpen,
    ArrayClose,
    Name(Vec<u8>),
    Int(i64),
    OtherNumber,
    Keyword(&'a [u8]),
    Other,
}

pub(super) struct Lexer<'a> {
    b: &'a [u8],
    pub(super) i: usize,
    /// Values kept of the object being read.
    pub(super) kept: usize,
}

fn delimiter(c: u8) -> bool {
    c.is_ascii_whitespace() || c == 0 || b"()<>[]{}/%".contains(&c)
}

impl<'a> Lexer<'a> {
    pub(super) fn new(b: &'a [u8]) -> Self {
        Lexer { b, i: 0, kept: 0 }
    }

    pub(super) fn next(&mut self) -> Option<Tok<'a>> {
        let b = self.b;
        loop {
            let c = *b.get(self.i)?;
            if c.is_ascii_whitespace() || c == 0 {
                self.i += 1;
            } else if c == b'%' {
                while self.i < b.len() && !matches!(b[self.i], b'\r' | b'\n') {
                    self.i += 1;
                }
            } else {
                break;
            }
        }
        let c = b[self.i];
        let two = b.get(self.i..self.i + 2);
        self.i += 1;
        Some(match c {
            b'<' if two == Some(b"<<") => {
                self.i += 1;
                Tok::DictOpen
            }
            b'>' if two == Some(b">>") => {
                self.i += 1;
                Tok::DictClose
            }
            b'[' => Tok::ArrayOpen,
            b']' => Tok::ArrayClose,
            b'<' => {
                self.i += b[self.i..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(b.len(), |p| p + 1);
                Tok::Other
            }
            b'(' => {
                self.skip_string();
                Tok::Other
            }
            b'/' => Tok::Name(self.name()),
            _ => {
                let start = self.i - 1;
                while self.i < b.len() && !delimiter(b[self.i]) {
                    self.i += 1;
                }
                let word = &b[start..self.i.max(start + 1)];
                self.i = self.i.max(start + 1);
                number(word).unwrap_or(Tok::Keyword(word))
            }
        })
    }

    fn skip_string(&mut self) {
        let mut depth = 1usize;
        while let Some(&c) = self.b.get(self.i) {
            self.i += 1;
            match c {
                b'\\' => self.i += 1,
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    /// A name's bytes, its `#xx` escapes decoded (so `/#57` is `/W`).
    fn name(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(&c) = self.b.get(self.i) {
            if delimiter(c) {
                break;
            }
            let hex = self.b.get(self.i + 1..self.i + 3);
            let decoded = hex
                .filter(|_| c == b'#')
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match decoded {
                Some(d) => {
                    out.push(d);
                    self.i += 3;
                }
                None => {
                    out.push(c);
                    self.i += 1;
                }
            }
        }
        out
    }

    /// A dictionary whose `<<` has been read.
    pub(super) fn dict(&mut self, depth: usize) -> Result<Dict, String> {
        let mut d = Dict::new();
        loop {
            match self.next() {
                None | Some(Tok::DictClose) => return Ok(d),
                Some(Tok::Name(key)) => {
                    let v = self.value(depth)?;
                    if self.keep() {
                        d.push((key, v));
                    }
                }
                Some(_) => {}
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Val, String> {
        if depth > MAX_DEPTH {
            return Err(format!(
                "its arrays or dictionaries are nested more than {MAX_DEPTH} deep"
            ));
        }
        let at = self.i;
        Ok(match self.next() {
            Some(Tok::DictOpen) => {
                let d = self.dict(depth + 1)?;
                Val::Dict(d)
            }
            Some(Tok::ArrayOpen) => {
                let mut items = Vec::new();
                loop {
                    let at = self.i;
                    match self.next() {
                        None | Some(Tok::ArrayClose) => break,
                        Some(Tok::DictClose) => {
                            self.i = at;
                            break;
                        }
                        Some(_) => {
                            self.i = at;
                            let v = self.value(depth + 1)?;
                            if self.keep() {
                                items.push(v);
                            }
                        }
                    }
                }
                Val::Array(items)
            }
            Some(Tok::Int(n)) => self.maybe_reference(n),
            Some(Tok::OtherNumber) => Val::OtherNumber,
            Some(Tok::Name(n)) => Val::Name(n),
            Some(Tok::DictClose | Tok::ArrayClose) | None => {
                self.i = at;
                Val::Other
            }
            Some(_) => Val::Other,
        })
    }

    fn keep(&mut self) -> bool {
        self.kept += 1;
        self.kept <= MAX_KEPT
    }

    /// `n`, or a reference when `g R` follows it.
    fn maybe_reference(&mut self, n: i64) -> Val {
        let at = self.i;
        if matches!(self.next(), Some(Tok::Int(_))) && self.next() == Some(Tok::Keyword(b"R")) {
            return Val::Other;
        }
        self.i = at;
        Val::Int(n)
    }
}

fn number(word: &[u8]) -> Option<Tok<'static>> {
    let digits = word
        .strip_prefix(b"+")
        .or(word.strip_prefix(b"-"))
        .unwrap_or(word);
    if digits.is_empty() || !digits.iter().all(|c| c.is_ascii_digit() || *c == b'.') {
        return None;
    }
    let text = std::str::from_utf8(word).ok()?;
    Some(match text.trim_start_matches('+').parse::<i64>() {
        Ok(n) => Tok::Int(n),
        Err(_) => Tok::OtherNumber,
    })
}

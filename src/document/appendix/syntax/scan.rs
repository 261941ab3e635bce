//! An object's syntax read without building it: the references it holds, in the order
//! lopdf's object would list them, and what its top level is, for a pack's first pass over
//! a paper (most objects are copied later, and building each as a lopdf object twice was
//! most of opening a paper).

use lopdf::{Object, ObjectId};

use super::Parser;

/// The top level of an object read by [`Parser::scan`].
#[derive(Debug, Default, PartialEq)]
pub(in crate::document::appendix) struct Top<'a> {
    /// Is it a dictionary?
    pub dictionary: bool,
    /// Is it an array?
    pub array: bool,
    /// A dictionary's `/Type`, when it is a name.
    pub type_name: Option<&'a [u8]>,
    /// A dictionary's `/Length`, when it is a number or a reference.
    pub length: Option<Object>,
    /// Where in the references a reference `/Length` is.
    pub length_at: Option<usize>,
    /// Does a dictionary have a key an import changes ([`TOUCHED`], or an `/A` that is an
    /// action: a dictionary with an `/S`)?
    pub touched: bool,
    /// Does a dictionary have a `/Filter`?
    pub filtered: bool,
}

/// The keys of what an import changes in an object it copies: parent-tree keys (moved on),
/// additional actions (removed) and a structure element's `/ID` (made unique in a pack).
/// An `/A` is changed too when it is an action (a dictionary with an `/S`; one a PDF/A
/// file may not carry is removed), not when it holds a structure element's attributes
/// (a table cell's scope, say), which most `/A`s of a paper do.
const TOUCHED: [&[u8]; 4] = [b"StructParent", b"StructParents", b"AA", b"ID"];

/// A reference found by [`Parser::scan`]: its target and where it is written (`n g R`
/// starting there).
pub(in crate::document::appendix) type Found = (ObjectId, u32);

impl<'a> Top<'a> {
    /// The top level of a built object, and whether it is a stream (whose dictionary it
    /// describes).
    pub(in crate::document::appendix) fn of(object: &'a Object) -> (Top<'a>, bool) {
        let dict = match object {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        };
        let top = Top {
            dictionary: dict.is_some(),
            array: matches!(object, Object::Array(_)),
            type_name: dict.and_then(|d| d.get(b"Type").and_then(Object::as_name).ok()),
            ..Top::default()
        };
        (top, matches!(object, Object::Stream(_)))
    }

    /// Is it a dictionary whose `/Type` is one of `types`?
    pub(in crate::document::appendix) fn is(&self, types: &[&[u8]]) -> bool {
        self.dictionary && self.type_name.is_some_and(|t| types.contains(&t))
    }
}

/// The most keys a dictionary may have for [`Parser::scan`] to read it: its check for a key
/// given twice compares each key with those before it.
const MANY_KEYS: usize = 64;

/// What a value turned out to be, as far as its dictionary needs to know.
enum Value<'a> {
    Number(Object),
    Name(&'a [u8]),
    /// A dictionary, and whether it has an `/S`.
    Dictionary {
        s: bool,
    },
    Other,
}

impl<'a> Parser<'a> {
    /// Reads an object as [`Parser::object`] does, failing where it fails, pushing the
    /// references it holds onto `refs` in order; but gives up (`None`) on what a lopdf
    /// object would hold otherwise than as written: a dictionary with a key twice (the
    /// later value takes the first one's place) or a key or `/Type` with a `#` escape; and
    /// on a dictionary of more than [`MANY_KEYS`] keys, or a reference past 4 GiB.
    pub(in crate::document::appendix) fn scan(
        &mut self,
        depth: usize,
        refs: &mut Vec<Found>,
    ) -> Option<Top<'a>> {
        let mut keys = Vec::new();
        let mut top = Top::default();
        self.value(depth, refs, &mut keys, Some(&mut top))?;
        Some(top)
    }

    fn value(
        &mut self,
        depth: usize,
        refs: &mut Vec<Found>,
        keys: &mut Vec<&'a [u8]>,
        top: Option<&mut Top<'a>>,
    ) -> Option<Value<'a>> {
        self.space();
        let depth = depth.checked_sub(1)?;
        let value = match self.peek()? {
            b'n' => self.keyword(b"null").map(|()| Value::Other)?,
            b't' => self.keyword(b"true").map(|()| Value::Other)?,
            b'f' => self.keyword(b"false").map(|()| Value::Other)?,
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let at = self.at;
                let number = self.number()?;
                if let Object::Reference(id) = number {
                    refs.push((id, u32::try_from(at).ok()?));
                }
                Value::Number(number)
            }
            b'/' => Value::Name(self.raw_name()),
            b'(' => self.skip_literal().map(|()| Value::Other)?,
            b'<' if self.rest().starts_with(b"<<") => {
                self.at += 2;
                let base = keys.len();
                let mut top = top;
                let mut s = false;
                loop {
                    self.space();
                    if self.keyword(b">>").is_some() {
                        break;
                    }
                    if self.peek()? != b'/' {
                        return None;
                    }
                    let key = self.raw_name();
                    // Each key is looked for among the ones before it: a dictionary of
                    // more than `MANY_KEYS` (no paper's has) is left to `object`.
                    let seen = &keys[base..];
                    if key.contains(&b'#') || seen.len() >= MANY_KEYS || seen.contains(&key) {
                        return None;
                    }
                    keys.push(key);
                    s |= key == b"S";
                    let value = self.value(depth, refs, keys, None)?;
                    if let Some(top) = top.as_deref_mut() {
                        match (key, value) {
                            (b"Type", Value::Name(name)) if !name.contains(&b'#') => {
                                top.type_name = Some(name);
                            }
                            (b"Type", Value::Name(_)) => return None,
                            (b"Length", Value::Number(n)) => {
                                if matches!(n, Object::Reference(_)) {
                                    top.length_at = refs.len().checked_sub(1);
                                }
                                top.length = Some(n);
                            }
                            (b"Filter", _) => top.filtered = true,
                            (b"A", Value::Dictionary { s: true }) => top.touched = true,
                            (key, _) if TOUCHED.contains(&key) => top.touched = true,
                            _ => {}
                        }
                    }
                }
                keys.truncate(base);
                if let Some(top) = top {
                    top.dictionary = true;
                }
                Value::Dictionary { s }
            }
            b'<' => self.skip_hex().map(|()| Value::Other)?,
            b'[' => {
                self.at += 1;
                loop {
                    self.space();
                    if self.keyword(b"]").is_some() {
                        break;
                    }
                    self.value(depth, refs, keys, None)?;
                }
                if let Some(top) = top {
                    top.array = true;
                }
                Value::Other
            }
            _ => return None,
        };
        self.space();
        Some(value)
    }

    /// A name as written, without its `/` (its `#xx` escapes not decoded), read as
    /// [`Parser::name`] reads it.
    fn raw_name(&mut self) -> &'a [u8] {
        self.at += 1;
        let start = self.at;
        loop {
            let rest = self.rest();
            let run = rest
                .iter()
                .position(|&c| c == b'#' || !super::is_regular(c))
                .unwrap_or(rest.len());
            self.at += run;
            let escape = self.rest().get(..3).filter(|e| e[0] == b'#');
            if escape.and_then(|e| super::hex_pair(&e[1..])).is_none() {
                return &self.s[start..self.at];
            }
            self.at += 3;
        }
    }

    /// A literal string passed over as [`Parser::literal`] reads it.
    fn skip_literal(&mut self) -> Option<()> {
        self.keyword(b"(")?;
        let mut open = 0usize;
        loop {
            match self.next()? {
                b'(' => {
                    open += 1;
                    if open > 100 {
                        return None;
                    }
                }
                b')' if open == 0 => return Some(()),
                b')' => open -= 1,
                b'\\' => {
                    let digits = self
                        .rest()
                        .iter()
                        .take(3)
                        .take_while(|c| matches!(c, b'0'..=b'7'))
                        .count();
                    if digits > 0 {
                        self.at += digits;
                    } else if !self.eol() {
                        self.next()?;
                    }
                }
                _ => {}
            }
        }
    }

    /// A hexadecimal string passed over as [`Parser::hex`] reads it.
    fn skip_hex(&mut self) -> Option<()> {
        self.keyword(b"<")?;
        loop {
            while self.peek().is_some_and(super::is_space) {
                self.at += 1;
            }
            let c = self.next()?;
            if c == b'>' {
                return Some(());
            }
            (c as char).to_digit(16)?;
        }
    }
}

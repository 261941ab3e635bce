//! Reading a PDF one object at a time, as its cross-reference table places them: what a
//! pack needs of a paper clerk built, without holding every object of a long paper as a
//! lopdf object (~2 KB each, ten times its written size). Only the plain form clerk writes
//! is read — the header first, a classic table (of one or more subsections) whose trailer
//! gives its size, `startxref` and `%%EOF` at the end, no encryption, no incremental
//! updates (and, [`super::lazy`] checks, no object streams); any other file is handed
//! back, for lopdf to read whole.
//! An object reads as lopdf would read it (unit tests compare the two).

use std::ops::Range;

use lopdf::{Dictionary, Object, ObjectId, Stream};

use super::syntax::{Found, MAX_DEPTH, Parser, Top};

/// What [`Raw::scan`] reads of an object.
#[derive(Debug)]
pub(super) struct Scanned<'a> {
    /// Its top level.
    pub top: Top<'a>,
    /// Is it a stream?
    pub stream: bool,
    /// Where it lies as clerk's writer frames an object: after `n g obj` and a newline, up
    /// to the newline before `endobj` (a stream's data, `endstream` and a blank within); `None` when
    /// it is framed otherwise.
    pub framed: Option<Range<usize>>,
}

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
        let data_at = self.stream_data(dict.get(b"Length").ok(), p.at)?;
        if data {
            let content = self.bytes.as_ref()[data_at].to_vec();
            return Some(Object::Stream(Stream::new(dict, content)));
        }
        // As lopdf leaves it: the length written in, whether it was direct or not.
        let mut stream = Stream::new(dict, Vec::new());
        stream.dict.set("Length", data_at.len() as i64);
        Some(Object::Stream(stream))
    }

    /// What [`Raw::get`] (without stream data) reads of object `id`, read without building
    /// it ([`Parser::scan`]): its references pushed onto `refs` in order, its top level,
    /// and whether it is a stream (without the reference to its length, which `get`
    /// replaces by the number). `None` where `get` fails, and also where the scan gives
    /// up (then `refs` may hold some of its references: ask `get`).
    pub(super) fn scan(&self, id: ObjectId, refs: &mut Vec<Found>) -> Option<Scanned<'_>> {
        let mut p = self.start(id)?;
        let bytes = self.bytes.as_ref();
        let from = (bytes.get(p.at) == Some(&b'\n')).then_some(p.at + 1);
        let top = p.scan(MAX_DEPTH, refs)?;
        if !top.dictionary || p.stream_keyword().is_none() {
            // The scan has passed the blanks after the object.
            let to =
                p.at.checked_sub(1)
                    .filter(|&to| bytes[to] == b'\n' && bytes[p.at..].starts_with(b"endobj"));
            let framed = from.zip(to).map(|(from, to)| from..to);
            return Some(Scanned {
                top,
                stream: false,
                framed,
            });
        }
        let data = self.stream_data(top.length.as_ref(), p.at)?;
        // `get` gives the stream its length itself, in place of the reference.
        if let Some(at) = top.length_at {
            refs.remove(at);
        }
        // `endstream`, then (as clerk's writer ends a stream) a blank, before `endobj`.
        let end = &bytes[data.end..];
        let to = [b"\nendstream\nendobj".as_slice(), b"\nendstream \nendobj"]
            .into_iter()
            .find(|framing| end.starts_with(framing))
            .map(|framing| data.end + framing.len() - b"\nendobj".len());
        let framed = from.zip(to).map(|(from, to)| from..to);
        Some(Scanned {
            top,
            stream: true,
            framed,
        })
    }

    /// The bytes it reads.
    pub(super) fn bytes(&self) -> &[u8] {
        self.bytes.as_ref()
    }

    /// Where the data of a stream starting at `at` lies by its `/Length` (`length`: a number,
    /// or a reference to an integer object, read without following streams), followed by
    /// `endstream`.
    fn stream_data(&self, length: Option<&Object>, at: usize) -> Option<Range<usize>> {
        let length = match length? {
            Object::Reference(r) => match self.read(*r)?.0 {
                Object::Integer(n) => n,
                _ => return None,
            },
            Object::Integer(n) => *n,
            _ => return None,
        };
        let to = at.checked_add(usize::try_from(length).ok()?)?;
        self.bytes.as_ref().get(at..to)?;
        let mut end = Parser::new(self.bytes.as_ref(), to);
        end.eol();
        end.keyword(b"endstream")?;
        Some(at..to)
    }

    /// The object `id` up to the end of its first direct object, and the cursor there.
    fn read(&self, id: ObjectId) -> Option<(Object, Parser<'_>)> {
        let mut p = self.start(id)?;
        let object = p.object(MAX_DEPTH)?;
        Some((object, p))
    }

    /// A parser at object `id`'s value, past `n g obj`.
    fn start(&self, id: ObjectId) -> Option<Parser<'_>> {
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
        Some(p)
    }
}

type Index = (Vec<Option<(usize, u16)>>, Dictionary);

fn index(b: &[u8]) -> Option<Index> {
    // The form lopdf reads without repairing it: the header first, and the file ending in
    // `startxref`, the table's offset and `%%EOF`.
    if !b.starts_with(b"%PDF-") {
        return None;
    }
    let tail = &b[b.len().saturating_sub(1024)..];
    let at = tail.windows(9).rposition(|w| w == b"startxref")?;
    let end = tail[at + 9..].trim_ascii_start();
    let digits = end.iter().take_while(|c| c.is_ascii_digit()).count();
    let start: usize = std::str::from_utf8(&end[..digits]).ok()?.parse().ok()?;
    if end[digits..].trim_ascii() != b"%%EOF" {
        return None;
    }
    let mut p = Parser::new(b, start);
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
                b'f' => *entry = None,
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
    // lopdf rebuilds the table of a trailer without its size.
    let size = trailer.get(b"Size").and_then(Object::as_i64).ok();
    let sized = size.and_then(|n| usize::try_from(n).ok()) == Some(offsets.len());
    (plain && sized).then_some((offsets, trailer))
}

#[cfg(test)]
#[path = "raw_tests.rs"]
mod tests;

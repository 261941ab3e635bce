//! Serialising a finished lopdf `Document` into the bytes of a PDF file with a classic
//! cross-reference table, straight into one buffer sized up front.
//!
//! The bytes are exactly those lopdf's `Document::save_to` writes (the tests hold the two
//! to that): lopdf writes through `dyn Write` a byte at a time for names, `format!`s every
//! hex digit, offset and reference, and clones the trailer, which made its writer about a
//! sixth of a paper's PDF time. A document lopdf would write with a cross-reference stream
//! is left to lopdf.

use std::io::Write as _;

use lopdf::xref::XrefType;
use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

/// Objects of a document already in the form [`save`] writes them, kept beside the lopdf
/// `Document` that holds the rest: a long paper's structure elements, done with once made,
/// take a few dozen bytes each this way instead of about a kilobyte as lopdf dictionaries
/// (tens of megabytes for a 1,200-page paper).
#[derive(Debug, Default)]
pub(crate) struct Prewritten {
    bytes: Vec<u8>,
    /// Each object's id and where its bytes start, in the order they were added.
    index: Vec<(ObjectId, usize)>,
}

impl Prewritten {
    /// Writes `object` as object `id` would be written.
    pub(crate) fn push(&mut self, id: ObjectId, object: &Object) {
        self.index.push((id, self.bytes.len()));
        if needs_separator(object) {
            self.bytes.push(b' ');
        }
        object_bytes(&mut self.bytes, object);
        if needs_end_separator(object) {
            self.bytes.push(b' ');
        }
    }

    /// The bytes [`Prewritten::push`] writes for `object` (a test holds the objects a pack
    /// copies as written to them).
    #[cfg(test)]
    pub(crate) fn form_of(object: &Object) -> Vec<u8> {
        let mut one = Prewritten::default();
        one.push((1, 0), object);
        one.bytes
    }

    /// Takes object `id` as `write` writes it, in the form [`Prewritten::push`] gives: for
    /// a dictionary or an array, which need no blank before or after.
    pub(crate) fn push_with(&mut self, id: ObjectId, write: impl FnOnce(&mut Vec<u8>)) {
        self.index.push((id, self.bytes.len()));
        write(&mut self.bytes);
    }

    /// Takes object `id` already written (what goes between `n g obj\n` and `\nendobj`).
    pub(crate) fn push_written(&mut self, id: ObjectId, bytes: &[u8]) {
        self.index.push((id, self.bytes.len()));
        self.bytes.extend_from_slice(bytes);
    }

    /// Moves the objects `ids` of `doc` that nothing changes or reads any more into their
    /// written form: all but streams (deflated and hashed when the file is finished), pages
    /// (the page tree is walked again) and what [`save`] leaves out.
    pub(crate) fn take_from(&mut self, doc: &mut Document, ids: impl Iterator<Item = ObjectId>) {
        for id in ids {
            let stays = doc.objects.get(&id).is_none_or(|o| {
                matches!(o, Object::Stream(_))
                    || regenerated_on_save(o)
                    || matches!(o.type_name(), Ok(b"Page" | b"Pages"))
            });
            if !stays && let Some(object) = doc.objects.remove(&id) {
                self.push(id, &object);
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// `(id, bytes)` of each object, by id.
    fn sorted(&self) -> Vec<(ObjectId, &[u8])> {
        let mut out: Vec<(ObjectId, &[u8])> = self
            .index
            .iter()
            .enumerate()
            .map(|(k, &(id, from))| {
                let to = self.index.get(k + 1).map_or(self.bytes.len(), |n| n.1);
                (id, &self.bytes[from..to])
            })
            .collect();
        out.sort_by_key(|(id, _)| *id);
        out
    }
}

/// The bytes of `doc` as lopdf's `save_to` writes them, or lopdf's error.
#[cfg(test)]
pub(crate) fn save(doc: &mut Document) -> std::io::Result<Vec<u8>> {
    save_with(doc, &Prewritten::default())
}

/// [`save`], with the objects in `pre` written among `doc`'s in id order (one in both is
/// written as `doc` has it).
pub(crate) fn save_with(doc: &mut Document, pre: &Prewritten) -> std::io::Result<Vec<u8>> {
    if !matches!(
        doc.reference_table.cross_reference_type,
        XrefType::CrossReferenceTable
    ) || !doc.binary_mark.iter().all(|b| *b >= 128)
    {
        if !pre.is_empty() {
            return Err(std::io::Error::other(
                "objects written ahead need a classic cross-reference table",
            ));
        }
        let mut out = Vec::new();
        doc.save_to(&mut out)?;
        return Ok(out);
    }
    let doc = &*doc;
    let streams: usize = doc
        .objects
        .values()
        .map(|o| match o {
            Object::Stream(s) => s.content.len(),
            _ => 0,
        })
        .sum();
    // Room for it all, the 20-byte entry of each object in the table too: a long paper's
    // file is not grown by doubling (a copy beside it at twice its size) at the very end.
    let objects = doc.objects.len() + pre.index.len();
    let mut out = Vec::with_capacity(
        streams
            + doc.objects.len() * 160
            + pre.bytes.len()
            + pre.index.len() * 40
            + objects * 20
            + 1024,
    );
    out.extend_from_slice(b"%PDF-");
    out.extend_from_slice(doc.version.as_bytes());
    out.extend_from_slice(b"\n%");
    out.extend_from_slice(&doc.binary_mark);
    out.push(b'\n');

    // `(id, generation, offset)` of each object written, in id order (one per id: a later
    // generation replaces an earlier one, as in lopdf's table).
    let mut written: Vec<(u32, u16, usize)> =
        Vec::with_capacity(doc.objects.len() + pre.index.len());
    let mut ahead = pre.sorted().into_iter().peekable();
    let mut head = |out: &mut Vec<u8>, (id, generation): ObjectId| {
        match written.last_mut() {
            Some(last) if last.0 == id => *last = (id, generation, out.len()),
            _ => written.push((id, generation, out.len())),
        }
        int(out, i64::from(id));
        out.push(b' ');
        int(out, i64::from(generation));
        out.extend_from_slice(b" obj\n");
    };
    for (&at, object) in &doc.objects {
        while let Some((id, bytes)) = ahead.next_if(|(id, _)| *id <= at) {
            if id < at {
                head(&mut out, id);
                out.extend_from_slice(bytes);
                out.extend_from_slice(b"\nendobj\n");
            }
        }
        if regenerated_on_save(object) {
            continue;
        }
        head(&mut out, at);
        if needs_separator(object) {
            out.push(b' ');
        }
        object_bytes(&mut out, object);
        if needs_end_separator(object) {
            out.push(b' ');
        }
        out.extend_from_slice(b"\nendobj\n");
    }
    for (id, bytes) in ahead {
        head(&mut out, id);
        out.extend_from_slice(bytes);
        out.extend_from_slice(b"\nendobj\n");
    }

    let xref_start = out.len();
    xref(&mut out, &written);
    out.extend_from_slice(b"trailer\n");
    let size = Object::Integer(i64::from(doc.max_id) + 1);
    let mut has_size = false;
    out.extend_from_slice(b"<<");
    for (key, value) in &doc.trailer {
        let value = if key.as_slice() == b"Size" {
            has_size = true;
            &size
        } else {
            value
        };
        entry(&mut out, key, value);
    }
    if !has_size {
        entry(&mut out, b"Size", &size);
    }
    out.extend_from_slice(b">>\nstartxref\n");
    int(&mut out, xref_start as i64);
    out.extend_from_slice(b"\n%%EOF");
    Ok(out)
}

/// Objects lopdf regenerates rather than copies when saving (object and cross-reference
/// streams, the linearization dictionary), so leaves out.
fn regenerated_on_save(object: &Object) -> bool {
    matches!(object.type_name(), Ok(name) if name == b"ObjStm" || name == b"XRef" || name == b"Linearized")
}

/// The cross-reference table: object 0 free, then a subsection per run of consecutive
/// numbers (object 0 joins the first when that starts at 1).
fn xref(out: &mut Vec<u8>, written: &[(u32, u16, usize)]) {
    out.extend_from_slice(b"xref\n");
    // `(first number, from, to)` into `written`, leaving out an object 0.
    let mut runs: Vec<(u32, usize, usize)> = Vec::new();
    for (k, w) in written.iter().enumerate().filter(|(_, w)| w.0 > 0) {
        match runs.last_mut() {
            Some(run) if run.0 + (run.2 - run.1) as u32 == w.0 => run.2 = k + 1,
            _ => runs.push((w.0, k, k + 1)),
        }
    }
    let joined = runs.first().is_some_and(|r| r.0 == 1);
    if !joined {
        out.extend_from_slice(b"0 1\n0000000000 65535 f \n");
    }
    for (k, &(first, from, to)) in runs.iter().enumerate() {
        if k == 0 && joined {
            int(out, 0);
            out.push(b' ');
            int(out, (to - from + 1) as i64);
            out.extend_from_slice(b"\n0000000000 65535 f \n");
        } else {
            int(out, i64::from(first));
            out.push(b' ');
            int(out, (to - from) as i64);
            out.push(b'\n');
        }
        for &(_, generation, offset) in &written[from..to] {
            decimal(out, u64::from(offset as u32), 10);
            out.push(b' ');
            decimal(out, u64::from(generation), 5);
            out.extend_from_slice(b" n \n");
        }
    }
}

/// `00` to `99`, two digits apiece.
const PAIRS: [u8; 200] = {
    let mut pairs = [0; 200];
    let mut n = 0;
    while n < 100 {
        pairs[2 * n] = b'0' + (n / 10) as u8;
        pairs[2 * n + 1] = b'0' + (n % 10) as u8;
        n += 1;
    }
    pairs
};

/// `v` in decimal, zero-padded to `width` digits (0: no padding). Two digits a step: a
/// file's cross-reference table is a ten-digit offset for every object, and content
/// streams are mostly numbers.
pub(crate) fn decimal(out: &mut Vec<u8>, mut v: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    while v >= 100 {
        let pair = (v % 100) as usize * 2;
        v /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if v >= 10 {
        let pair = v as usize * 2;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + v as u8;
    }
    let i = i.min(buf.len() - width.min(buf.len()));
    out.extend_from_slice(&buf[i..]);
}

pub(crate) fn int(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    decimal(out, v.unsigned_abs(), 0);
}

/// A blank goes before these, so they do not run into the token before.
fn needs_separator(object: &Object) -> bool {
    matches!(
        object,
        Object::Null
            | Object::Boolean(_)
            | Object::Integer(_)
            | Object::Real(_)
            | Object::Reference(_)
    )
}

/// A blank goes after these at the end of an indirect object, before `endobj`.
fn needs_end_separator(object: &Object) -> bool {
    needs_separator(object) || matches!(object, Object::Name(_) | Object::Stream(_))
}

fn entry(out: &mut Vec<u8>, key: &[u8], value: &Object) {
    name(out, key);
    if needs_separator(value) {
        out.push(b' ');
    }
    object_bytes(out, value);
}

pub(crate) fn dictionary(out: &mut Vec<u8>, dict: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict {
        entry(out, key, value);
    }
    out.extend_from_slice(b">>");
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// The bytes a name holds as they are: printable, neither white space, a delimiter nor `#`.
const REGULAR: [bool; 256] = {
    let mut regular = [false; 256];
    let mut b = 33;
    while b <= 126 {
        regular[b] = true;
        b += 1;
    }
    let special = b"()<>[]{}/%#";
    let mut k = 0;
    while k < special.len() {
        regular[special[k] as usize] = false;
        k += 1;
    }
    regular
};

pub(crate) fn name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    if name.iter().all(|b| REGULAR[usize::from(*b)]) {
        out.extend_from_slice(name);
        return;
    }
    for &byte in name {
        if REGULAR[usize::from(byte)] {
            out.push(byte);
        } else {
            out.extend_from_slice(&[
                b'#',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 15)],
            ]);
        }
    }
}

/// A literal string: backslashes, carriage returns and unbalanced parentheses escaped.
fn literal(out: &mut Vec<u8>, text: &[u8]) {
    let mut escaped = Vec::new();
    let mut open = Vec::new();
    for (index, &byte) in text.iter().enumerate() {
        match byte {
            b'(' => open.push(index),
            b')' => {
                let balanced = open.pop().is_some();
                if !balanced {
                    escaped.push(index);
                }
            }
            b'\\' | b'\r' => escaped.push(index),
            _ => {}
        }
    }
    out.push(b'(');
    if escaped.is_empty() && open.is_empty() {
        out.extend_from_slice(text);
    } else {
        for (index, &byte) in text.iter().enumerate() {
            if escaped.contains(&index) || open.contains(&index) {
                out.push(b'\\');
                out.push(if byte == b'\r' { b'r' } else { byte });
            } else {
                out.push(byte);
            }
        }
    }
    out.push(b')');
}

/// A reference, `n g R`.
pub(crate) fn reference(out: &mut Vec<u8>, (id, generation): ObjectId) {
    int(out, i64::from(id));
    out.push(b' ');
    int(out, i64::from(generation));
    out.extend_from_slice(b" R");
}

pub(crate) fn object_bytes(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(v) => int(out, *v),
        Object::Real(v) => {
            // As lopdf: every digit `Display` gives, and `.0` on a whole number.
            let at = out.len();
            let _ = write!(out, "{v}");
            if v.is_finite() && !out[at..].contains(&b'.') {
                out.extend_from_slice(b".0");
            }
        }
        Object::Name(n) => name(out, n),
        Object::String(text, StringFormat::Literal) => literal(out, text),
        Object::String(text, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for &byte in text {
                out.extend_from_slice(&[HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 15)]]);
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (k, item) in items.iter().enumerate() {
                if k > 0 && needs_separator(item) {
                    out.push(b' ');
                }
                object_bytes(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => dictionary(out, dict),
        Object::Stream(stream) => {
            dictionary(out, &stream.dict);
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference(id) => reference(out, *id),
    }
}

/// The page count of a PDF clerk wrote, for the manifest: the `/Count` of the page tree
/// the trailer's catalog names, found through the cross-reference table from the end of
/// the file, so only a few hundred bytes are read; for a file laid out otherwise, the
/// first page tree found scanning the file.
pub fn page_count(pdf: &[u8]) -> Option<u32> {
    through_xref(pdf).or_else(|| scanned(pdf))
}

fn through_xref(pdf: &[u8]) -> Option<u32> {
    let tail_at = pdf.len().saturating_sub(40);
    let at = tail_at + find(&pdf[tail_at..], b"startxref")?;
    let (xref_at, _) = number(&pdf[at + 9..])?;
    let mut rest = pdf
        .get(usize::try_from(xref_at).ok()?..)?
        .strip_prefix(b"xref")?;
    // `(first number, count, entries)` of each subsection.
    let mut sections: Vec<(u64, u64, &[u8])> = Vec::new();
    loop {
        rest = skip_blanks(rest);
        if rest.starts_with(b"trailer") {
            break;
        }
        let (first, r) = number(rest)?;
        let (count, r) = number(r)?;
        let entries = r.strip_prefix(b"\r\n").or_else(|| r.get(1..))?;
        rest = entries.get(usize::try_from(count).ok()? * 20..)?;
        sections.push((first, count, entries));
    }
    let object = |id: u64| -> Option<&[u8]> {
        let (first, _, entries) = sections
            .iter()
            .find(|(first, count, _)| (*first..first + count).contains(&id))?;
        let entry = entries
            .get(usize::try_from(id - first).ok()? * 20..)?
            .get(..18)?;
        if entry[17] != b'n' {
            return None;
        }
        let (offset, _) = number(&entry[..10])?;
        let body = pdf.get(usize::try_from(offset).ok()?..)?;
        Some(&body[..find(body, b"endobj")?])
    };
    let (root, _) = number(after_key(rest, b"/Root")?)?;
    let (pages, _) = number(after_key(object(root)?, b"/Pages")?)?;
    let (count, _) = number(after_key(object(pages)?, b"/Count")?)?;
    u32::try_from(count).ok()
}

/// What follows the key `key` (not a longer name starting with it) in `dict`.
fn after_key<'a>(dict: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let mut from = 0;
    loop {
        let at = from + find(&dict[from..], key)?;
        let rest = &dict[at + key.len()..];
        if rest
            .first()
            .is_some_and(|b| b.is_ascii_whitespace() || b.is_ascii_digit())
        {
            return Some(rest);
        }
        from = at + key.len();
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn skip_blanks(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

/// The whole number at the start of `s` (after blanks), and what follows it.
fn number(s: &[u8]) -> Option<(u64, &[u8])> {
    let s = skip_blanks(s);
    let n = s.iter().take_while(|b| b.is_ascii_digit()).count();
    let digits = std::str::from_utf8(&s[..n]).ok()?;
    Some((digits.parse().ok()?, &s[n..]))
}

/// The `/Count` of the first page tree in the file.
fn scanned(pdf: &[u8]) -> Option<u32> {
    let at = find(pdf, b"/Type/Pages")?;
    let dict_start = pdf[..at].windows(2).rposition(|w| w == b"<<")?;
    let dict = &pdf[dict_start..];
    let end = find(dict, b">>")?;
    let (count, _) = number(&dict[find(&dict[..end], b"/Count")? + 6..])?;
    u32::try_from(count).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::Stream;

    fn lopdf_bytes(doc: &Document) -> Vec<u8> {
        let mut out = Vec::new();
        doc.clone().save_to(&mut out).unwrap();
        out
    }

    fn table_doc() -> Document {
        let mut doc = Document::with_version("1.7");
        doc.reference_table.cross_reference_type = XrefType::CrossReferenceTable;
        doc
    }

    /// Every number of up to four digits, each power of ten and its neighbours, and the
    /// largest, with and without padding, as `format!` writes them.
    #[test]
    fn decimals_are_written_as_format_writes_them() {
        let mut values: Vec<u64> = (0..10_000).collect();
        for k in 1..20 {
            let p = 10u64.pow(k);
            values.extend([p - 1, p, p + 1, p + 99]);
        }
        values.extend([u64::MAX, u64::MAX - 1, 18_446_744_073_709_551_599]);
        for v in values {
            for width in [0, 1, 5, 10, 20] {
                let mut out = Vec::new();
                decimal(&mut out, v, width);
                assert_eq!(String::from_utf8(out).unwrap(), format!("{v:0width$}"));
            }
        }
    }

    #[test]
    fn every_kind_of_object_is_written_as_lopdf_writes_it() {
        let mut doc = table_doc();
        let stream = Stream::new(
            Dictionary::from_iter([("Filter", Object::Name(b"FlateDecode".to_vec()))]),
            vec![0, 1, 2, 255, b'\n'],
        );
        let s = doc.add_object(stream);
        let dict = Dictionary::from_iter([
            ("Type", Object::Name(b"Thing".to_vec())),
            ("Odd Name#(x)", Object::Name(b"a b/\xe9".to_vec())),
            ("Every byte", Object::Name((0u8..=255).collect())),
            ("Null", Object::Null),
            ("T", Object::Boolean(true)),
            ("F", Object::Boolean(false)),
            ("I", Object::Integer(-42)),
            (
                "R",
                vec![
                    Object::Real(0.0),
                    Object::Real(-3.25),
                    Object::Real(595.2756),
                    Object::Real(1e-7),
                    Object::Real(12345678.0),
                ]
                .into(),
            ),
            (
                "S",
                Object::String(
                    b"a (balanced) ) ( back\\slash \r cr".to_vec(),
                    StringFormat::Literal,
                ),
            ),
            (
                "P",
                Object::String(b"(plain)".to_vec(), StringFormat::Literal),
            ),
            (
                "H",
                Object::String(vec![0, 0xab, 0xff], StringFormat::Hexadecimal),
            ),
            (
                "A",
                vec![
                    Object::Name(b"XYZ".to_vec()),
                    Object::Name(b"Q".to_vec()),
                    Object::Null,
                    s.into(),
                    Object::Integer(3),
                    vec![Object::Integer(1)].into(),
                    Dictionary::from_iter([("K", Object::Integer(1))]).into(),
                ]
                .into(),
            ),
            ("Ref", s.into()),
        ]);
        let d = doc.add_object(dict);
        doc.add_object(Object::Name(b"Alone".to_vec()));
        doc.add_object(Object::Integer(7));
        doc.add_object(Object::Array(vec![]));
        doc.trailer.set("Root", d);
        assert_eq!(
            String::from_utf8_lossy(&save(&mut doc.clone()).unwrap()),
            String::from_utf8_lossy(&lopdf_bytes(&doc))
        );
    }

    #[test]
    fn gaps_in_the_numbers_make_subsections_as_lopdf_makes_them() {
        for ids in [
            vec![1, 2, 3],
            vec![2, 3, 5],
            vec![1, 3, 4, 9],
            vec![4],
            vec![],
        ] {
            let mut doc = table_doc();
            for id in &ids {
                doc.objects
                    .insert((*id, 0), Object::Integer(i64::from(*id)));
                doc.max_id = doc.max_id.max(*id);
            }
            doc.trailer.set("Size", 99);
            doc.trailer.set("Root", (1, 0));
            assert_eq!(
                String::from_utf8_lossy(&save(&mut doc.clone()).unwrap()),
                String::from_utf8_lossy(&lopdf_bytes(&doc)),
                "objects {ids:?}"
            );
        }
    }

    #[test]
    fn object_streams_are_left_out_as_lopdf_leaves_them() {
        let mut doc = table_doc();
        doc.add_object(Dictionary::from_iter([(
            "Type",
            Object::Name(b"ObjStm".to_vec()),
        )]));
        doc.add_object(Object::Integer(2));
        doc.add_object(Dictionary::from_iter([("Linearized", Object::Integer(1))]));
        assert_eq!(save(&mut doc.clone()).unwrap(), lopdf_bytes(&doc));
    }

    #[test]
    fn a_cross_reference_stream_is_left_to_lopdf() {
        let mut doc = Document::with_version("1.7");
        doc.reference_table.cross_reference_type = XrefType::CrossReferenceStream;
        doc.add_object(Object::Integer(2));
        assert_eq!(save(&mut doc.clone()).unwrap(), lopdf_bytes(&doc));
    }
    #[test]
    fn objects_written_ahead_land_where_the_document_would_have_them() {
        let mut doc = table_doc();
        let mut ids = Vec::new();
        for k in 0..6 {
            let object = match k % 3 {
                0 => Object::Integer(k),
                1 => Dictionary::from_iter([("S", Object::Name(b"P".to_vec()))]).into(),
                _ => Object::Array(vec![Object::Null, Object::Reference((1, 0))]),
            };
            ids.push(doc.add_object(object));
        }
        let whole = save(&mut doc.clone()).unwrap();
        // Some objects in the middle and the last, written ahead (in no particular order).
        let mut rest = doc.clone();
        let mut ahead = Prewritten::default();
        for id in [ids[5], ids[1], ids[2]] {
            let object = rest.objects.remove(&id).unwrap();
            ahead.push(id, &object);
        }
        assert_eq!(save_with(&mut rest, &ahead).unwrap(), whole);
        // One in both: the document's own is written, once.
        let mut both = doc.clone();
        let mut ahead = Prewritten::default();
        ahead.push(ids[3], &Object::Integer(42));
        assert_eq!(save_with(&mut both, &ahead).unwrap(), whole);
    }

    #[test]
    fn page_count_reads_the_page_tree_the_catalog_names() {
        let mut doc = table_doc();
        // A stream that reads like a page tree, before the real one.
        doc.add_object(Stream::new(
            Dictionary::new(),
            b"<</Type/Pages/Count 99>>".to_vec(),
        ));
        let pages = doc.new_object_id();
        let kids: Vec<Object> = (0..3)
            .map(|_| {
                let page = Dictionary::from_iter([
                    ("Type", Object::Name(b"Page".to_vec())),
                    ("Parent", pages.into()),
                ]);
                doc.add_object(page).into()
            })
            .collect();
        doc.objects.insert(
            pages,
            Dictionary::from_iter([
                ("Type", Object::Name(b"Pages".to_vec())),
                ("Count", Object::Integer(3)),
                ("Kids", kids.into()),
            ])
            .into(),
        );
        let catalog = doc.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Catalog".to_vec())),
            ("PageMode", Object::Name(b"UseNone".to_vec())),
            ("Pages", pages.into()),
        ]));
        doc.trailer.set("Root", catalog);
        let bytes = save(&mut doc).unwrap();
        assert_eq!(through_xref(&bytes), Some(3));
        assert_eq!(page_count(&bytes), Some(3));
        assert_eq!(scanned(&bytes), Some(99), "a scan is fooled by the stream");
    }

    #[test]
    fn page_count_scans_a_file_without_a_table() {
        assert_eq!(
            page_count(b"1 0 obj\n<</Type/Pages/Count 12/Kids[3 0 R]>>\nendobj"),
            Some(12)
        );
        assert_eq!(page_count(b"not a pdf"), None);
        assert_eq!(page_count(b"startxref\n999999\n%%EOF"), None);
    }
}

//! Serialising a finished lopdf `Document` into the bytes of a PDF file with a classic
//! cross-reference table, straight into one buffer sized up front.
//!
//! The bytes are exactly those lopdf's `Document::save_to` writes (the tests hold the two
//! to that): lopdf writes through `dyn Write` a byte at a time for names, `format!`s every
//! hex digit, offset and reference, and clones the trailer, which made its writer about a
//! sixth of a paper's PDF time. A document lopdf would write with a cross-reference stream
//! is left to lopdf.

use lopdf::xref::XrefType;
use lopdf::{Document, Object, ObjectId};

mod page_count;
mod syntax;

pub use page_count::page_count;
pub(crate) use syntax::{decimal, dictionary, int, name, object_bytes, reference};
use syntax::{entry, needs_end_separator, needs_separator};

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
    /// Empty, with room for `bytes` bytes of objects: a pack's, which would otherwise
    /// grow by doubling (each time a copy at twice the size, on fresh pages) as its
    /// papers' objects come.
    pub(crate) fn with_capacity(bytes: usize) -> Prewritten {
        Prewritten {
            bytes: Vec::with_capacity(bytes),
            index: Vec::new(),
        }
    }

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

#[cfg(test)]
mod tests;

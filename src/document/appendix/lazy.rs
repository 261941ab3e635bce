//! A PDF clerk built, opened for a pack without loading it whole: what the import reads as
//! a document (catalog, page tree and pages, outline, structure root and its `Document`
//! element, parent-tree nodes) is loaded with lopdf types, and every other object — the
//! structure elements, annotations, parent-tree arrays and streams that are most of a long
//! paper — is read from the bytes when the import copies it, and let go once copied.

use std::collections::BTreeMap;

use lopdf::{Document, Object, ObjectId};

use super::objects::{LEFT_BEHIND, Objects, refs};
use super::raw::{Raw, Scanned};
use super::syntax::{Found, Parser, Top};

/// A PDF read object by object ([`Raw`]) with its document part loaded.
#[derive(Debug)]
pub struct Lazy<B> {
    raw: Raw<B>,
    doc: Document,
    /// By object number, where its references start in `refs` (and the next one's end).
    starts: Vec<usize>,
    /// The references of each object in order, as read when it was opened, with where
    /// each is written when it was scanned.
    refs: Vec<Found>,
    /// By object number, where it lies when it may be copied as written ([`as_written`]).
    written: Vec<Option<(u32, u32)>>,
    /// Its objects [`left_behind`](super::objects::left_behind).
    left: Vec<ObjectId>,
}

impl<B: AsRef<[u8]>> Lazy<B> {
    /// Opens `bytes`; the bytes back when the file is not in the plain form [`Raw`] reads,
    /// has an object it cannot read or an object stream, has no catalog or `/ID`, or its
    /// catalog has `/Dests` or `/Names` (named destinations are resolved with every link
    /// at hand).
    pub(super) fn open(bytes: B) -> Result<Lazy<B>, B> {
        let raw = Raw::open(bytes)?;
        // Every object is read once here, so that none fails to read later; those that
        // may be part of the document are kept for the walk.
        let mut read = BTreeMap::new();
        let mut plain = true;
        let (mut starts, mut links, mut left) = (Vec::new(), Vec::new(), Vec::new());
        let (mut written, mut copied) = (Vec::new(), Vec::new());
        // Room for the references at one every 64 bytes (a paper of clerk's has about one
        // every 300: most of its bytes are streams), not grown by doubling.
        links.reserve(raw.bytes().len() / 64);
        for id in raw.ids() {
            let n = id.0 as usize;
            starts.resize(n + 1, links.len());
            written.resize(n + 1, None);
            copied.resize(n + 1, false);
            let Some(first) = first_read(&raw, id, &mut links, &mut left, &mut written[n]) else {
                plain = false;
                break;
            };
            starts.push(links.len());
            match first {
                First::Kept(object) => {
                    read.insert(id, object);
                }
                First::Copied => copied[n] = true,
                First::Array => {}
            }
        }
        if !plain {
            return Err(raw.into_bytes());
        }
        let mut doc = Document::new();
        doc.trailer = raw.trailer.clone();
        doc.max_id = raw.ids().last().map_or(0, |id| id.0);
        let roots = [b"Root".as_slice(), b"Info"].map(|k| doc.trailer.get(k).ok().cloned());
        let roots = roots.into_iter().flatten().collect();
        walk(&raw, read, &copied, &mut doc, roots);
        let named = doc
            .catalog()
            .is_ok_and(|c| c.has(b"Dests") || c.has(b"Names"));
        if named || !doc.trailer.has(b"ID") || doc.catalog().is_err() {
            return Err(raw.into_bytes());
        }
        Ok(Lazy {
            raw,
            doc,
            starts,
            refs: links,
            written,
            left,
        })
    }

    /// The part loaded as a document.
    pub(super) fn doc(&self) -> &Document {
        &self.doc
    }
}

/// The types of a structure element, a reference to marked content or an object, and an
/// annotation: the many small objects of a long paper that nothing reads as a document.
const ELEMENT_OR_LINK: [&[u8]; 4] = [b"StructElem", b"Annot", b"OBJR", b"MCR"];

/// The types of fonts and their descriptors, which only pages' resources name (a pack reads
/// the resources themselves): copied, as the [`ELEMENT_OR_LINK`] types are, without being
/// read as the document.
const FONTS: [&[u8]; 2] = [b"Font", b"FontDescriptor"];

/// Is `top` a dictionary the import copies without reading it as the document: one of the
/// [`ELEMENT_OR_LINK`] or [`FONTS`] types?
fn copied_type(top: &Top<'_>) -> bool {
    top.is(&ELEMENT_OR_LINK) || top.is(&FONTS)
}

/// The types of an object stream and a cross-reference stream, whose objects lopdf unpacks.
const OBJECT_STREAMS: [&[u8]; 2] = [b"ObjStm", b"XRef"];

/// Is `object` a dictionary of one of the [`ELEMENT_OR_LINK`] types?
pub fn element_or_link(object: &Object) -> bool {
    let (top, stream) = Top::of(object);
    !stream && top.is(&ELEMENT_OR_LINK)
}

/// The keys whose objects the import reads whatever they are: the page tree's `/Kids`,
/// and a page's `/Resources` and their `/XObject` (a pack adds its stamp there).
const READ_WHATEVER: [&[u8]; 3] = [b"Kids", b"Resources", b"XObject"];

/// What the first pass makes of an object, for the walk.
enum First {
    /// It may be part of the document: built, for the walk.
    Kept(Object),
    /// A stream or a dictionary of a [`copied_type`]: copied, never read as the document (but
    /// where a [`READ_WHATEVER`] key names it).
    Copied,
    /// An array: read again if the walk reaches it.
    Array,
}

/// Reads object `id` for [`Lazy::open`]: its references onto `links`, `id` onto `left`
/// when the import leaves it behind ([`LEFT_BEHIND`]), and into `written` where it lies
/// when it may be copied [`as_written`]. `None` when it cannot be read or is an object
/// stream (lopdf would unpack its objects; clerk writes none).
fn first_read<B: AsRef<[u8]>>(
    raw: &Raw<B>,
    id: ObjectId,
    links: &mut Vec<Found>,
    left: &mut Vec<ObjectId>,
    written: &mut Option<(u32, u32)>,
) -> Option<First> {
    let before = links.len();
    let built;
    // Most objects are only scanned: their references and top level.
    let (top, stream) = match raw.scan(id, links) {
        Some(scanned) => {
            built = None;
            if as_written(&scanned) {
                let range = scanned.framed.as_ref();
                *written =
                    range.and_then(|r| Some((r.start.try_into().ok()?, r.end.try_into().ok()?)));
            }
            (scanned.top, scanned.stream)
        }
        None => {
            // The scan gave up, or the object is unreadable: read it as lopdf would.
            links.truncate(before);
            built = Some(raw.get(id, false)?);
            let object = built.as_ref()?;
            let mut found = Vec::new();
            refs(object, &mut found);
            links.extend(found.into_iter().map(|id| (id, NOWHERE)));
            Top::of(object)
        }
    };
    if stream && top.is(&OBJECT_STREAMS) {
        return None;
    }
    if !stream && top.is(&LEFT_BEHIND) {
        left.push(id);
    }
    if stream || copied_type(&top) {
        return Some(First::Copied);
    }
    if top.array {
        return Some(First::Array);
    }
    match built {
        Some(object) => Some(First::Kept(object)),
        None => raw.get(id, false).map(First::Kept),
    }
}

/// Where a reference of an object that was built, not scanned, is written: nowhere known.
const NOWHERE: u32 = u32::MAX;

/// May a scanned object be copied as it is written, its references renumbered (the bytes
/// of what is built from it would be the same)? When it is framed as clerk frames objects,
/// holds no key the import changes, and, a stream, is already filtered (a pack deflates
/// the rest) with its length written in; and is none of the types a file's writer leaves
/// out and makes anew ([`REGENERATED`]). What the import reads as the document (pages,
/// their resources, the structure root) is never copied so: see [`Objects::written`].
fn as_written(scanned: &Scanned<'_>) -> bool {
    let top = &scanned.top;
    let length = matches!(top.length, Some(Object::Integer(_)));
    scanned.framed.is_some()
        && !top.touched
        && !top.is(&LEFT_BEHIND)
        && !top.is(&REGENERATED)
        && (!scanned.stream || (top.filtered && length))
}

/// The types of what a PDF writer leaves out and makes anew (object and cross-reference
/// streams, the linearization dictionary): clerk's leaves them out of a pack, whatever
/// object carries them.
const REGENERATED: [&[u8]; 3] = [b"ObjStm", b"XRef", b"Linearized"];

/// Is `object` one the import copies without reading it as part of the document?
fn streamed(object: &Object) -> bool {
    let (top, stream) = Top::of(object);
    stream || copied_type(&top)
}

/// Loads into `doc` what `roots` reach without passing through a stream, a streamed
/// object (unless one of the [`READ_WHATEVER`] keys names it) nor a
/// number tree's values (the parent tree's arrays of elements), taking those already
/// `read` and not reading again those `copied` (by number); then the structure root's own
/// elements (its `Document` element, which the import reads).
fn walk<B: AsRef<[u8]>>(
    raw: &Raw<B>,
    mut read: BTreeMap<ObjectId, Object>,
    copied: &[bool],
    doc: &mut Document,
    roots: Vec<Object>,
) {
    // Each object to visit, and whether a [`READ_WHATEVER`] key names it.
    let mut next: Vec<(ObjectId, bool)> = Vec::new();
    roots.iter().for_each(|o| visit(o, false, &mut next));
    // Each object visited, and whether as named by a [`READ_WHATEVER`] key: one reached
    // first otherwise (and left out, if streamed) is visited again when such a key names it.
    let mut seen: BTreeMap<ObjectId, bool> = BTreeMap::new();
    while let Some((id, kid)) = next.pop() {
        if seen.get(&id).is_some_and(|&named| named || !kid) {
            continue;
        }
        seen.insert(id, kid);
        let object = match read.remove(&id) {
            Some(object) => Some(object),
            None if !kid && copied.get(id.0 as usize) == Some(&true) => None,
            None => raw.get(id, false),
        };
        let wanted = |o: &Object| !matches!(o, Object::Stream(_)) && (kid || !streamed(o));
        let Some(object) = object.filter(wanted) else {
            continue;
        };
        match &object {
            Object::Dictionary(d) => {
                for (key, value) in d.iter() {
                    if !(key == b"Nums" && matches!(value, Object::Array(_))) {
                        visit_entry(key, value, &mut next);
                    }
                }
            }
            other => visit(other, false, &mut next),
        }
        doc.objects.insert(id, object);
    }
    let root = doc
        .catalog()
        .and_then(|c| c.get(b"StructTreeRoot"))
        .and_then(Object::as_reference)
        .and_then(|r| doc.get_dictionary(r))
        .and_then(|r| r.get(b"K"));
    let mut tops = Vec::new();
    if let Ok(k) = root {
        refs(k, &mut tops);
    }
    for id in tops {
        if let Some(object) = raw
            .get(id, false)
            .filter(|o| !matches!(o, Object::Stream(_)))
        {
            doc.objects.insert(id, object);
        }
    }
}

/// Queues the objects the entry `key` of a dictionary refers to, marked as named by a
/// [`READ_WHATEVER`] key or not: the objects a page's resources hold in place (its fonts)
/// by their own keys.
fn visit_entry(key: &[u8], value: &Object, next: &mut Vec<(ObjectId, bool)>) {
    match value {
        Object::Dictionary(inner) if key == b"Resources" => {
            for (key, value) in inner.iter() {
                visit_entry(key, value, next);
            }
        }
        _ => visit(value, READ_WHATEVER.contains(&key), next),
    }
}

/// Queues the objects `value` refers to, marked as named by a [`READ_WHATEVER`] key or not.
fn visit(value: &Object, kid: bool, next: &mut Vec<(ObjectId, bool)>) {
    let mut found = Vec::new();
    refs(value, &mut found);
    next.extend(found.into_iter().map(|id| (id, kid)));
}

impl<B: AsRef<[u8]>> Objects for Lazy<B> {
    fn doc_mut(&mut self) -> &mut Document {
        &mut self.doc
    }

    fn refs(&self, id: ObjectId, out: &mut Vec<ObjectId>) -> bool {
        if let Some(o) = self.doc.objects.get(&id) {
            refs(o, out);
            return true;
        }
        let n = id.0 as usize;
        match (self.starts.get(n..n + 2), self.raw.has(id)) {
            (Some(&[from, to]), true) => {
                out.extend(self.refs[from..to].iter().map(|r| r.0));
                true
            }
            _ => false,
        }
    }

    fn take(&mut self, id: ObjectId) -> Option<Object> {
        self.doc
            .objects
            .remove(&id)
            .or_else(|| self.raw.get(id, true))
    }

    fn left_behind(&self) -> Vec<ObjectId> {
        self.left.clone()
    }

    fn written(&self, id: ObjectId, map: &BTreeMap<ObjectId, Object>, out: &mut Vec<u8>) -> bool {
        let n = id.0 as usize;
        let (Some(&Some((from, to))), Some(&[first, last])) =
            (self.written.get(n), self.starts.get(n..n + 2))
        else {
            return false;
        };
        // The document part may have been changed (a page made self-contained).
        if !self.raw.has(id) || self.doc.objects.contains_key(&id) {
            return false;
        }
        let bytes = self.raw.bytes();
        let start = out.len();
        let mut copied = from as usize;
        for &(target, at) in &self.refs[first..last] {
            let at = at as usize;
            // Its `n g R` read again to find where it ends.
            let mut p = Parser::new(bytes, at);
            let (Some(Object::Reference(new)), Some(Object::Reference(_))) =
                (map.get(&target), p.number())
            else {
                out.truncate(start);
                return false;
            };
            out.extend_from_slice(&bytes[copied..at]);
            let mut number = itoa::Buffer::new();
            out.extend_from_slice(number.format(new.0).as_bytes());
            out.push(b' ');
            out.extend_from_slice(number.format(new.1).as_bytes());
            out.extend_from_slice(b" R");
            copied = p.at;
        }
        out.extend_from_slice(&bytes[copied..to as usize]);
        true
    }
}

//! Object-level passes over an appendix PDF: pages made self-contained, what they reach,
//! references renumbered, parent-tree keys moved and actions a PDF/A file may not carry
//! removed.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::syntax::Top;

/// Where an import reads the objects of the PDF it imports: a document loaded whole, or
/// one read object by object ([`super::lazy::Lazy`]).
pub(super) trait Objects {
    /// What is loaded as a document: its page tree, outline and structure root at least.
    fn doc_mut(&mut self) -> &mut Document;
    /// Puts the references in object `id` into `out`, in order; false when it is not there.
    fn refs(&self, id: ObjectId, out: &mut Vec<ObjectId>) -> bool;
    /// The object `id`, taken out.
    fn take(&mut self, id: ObjectId) -> Option<Object>;
    /// The objects [`left_behind`].
    fn left_behind(&self) -> Vec<ObjectId>;
    /// Appends object `id` to `out` as it is written in the file, its references renumbered
    /// by `map` (the bytes between `n g obj` and `endobj`, as clerk frames them), when
    /// that is what building, renumbering and writing it would give; false (`out` as it
    /// was) when it must be built.
    fn written(
        &self,
        _id: ObjectId,
        _map: &BTreeMap<ObjectId, Object>,
        _out: &mut Vec<u8>,
    ) -> bool {
        false
    }
}

impl Objects for Document {
    fn doc_mut(&mut self) -> &mut Document {
        self
    }

    fn refs(&self, id: ObjectId, out: &mut Vec<ObjectId>) -> bool {
        self.objects.get(&id).map(|o| refs(o, out)).is_some()
    }

    fn take(&mut self, id: ObjectId) -> Option<Object> {
        self.objects.remove(&id)
    }

    fn left_behind(&self) -> Vec<ObjectId> {
        let left = self.objects.iter().filter(|(_, o)| left_behind(o));
        left.map(|(id, _)| *id).collect()
    }
}

/// The page attributes a page may inherit from its page-tree ancestors.
const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// The `(key, value)` pairs of a number tree, in key order (`/Nums` and `/Kids` flattened).
pub(super) fn number_tree(
    doc: &Document,
    node: &Object,
    out: &mut Vec<(i64, Object)>,
    depth: usize,
) {
    let Ok((_, Object::Dictionary(d))) = doc.dereference(node) else {
        return;
    };
    if depth > 32 {
        return;
    }
    if let Ok(nums) = d.get(b"Nums").and_then(Object::as_array) {
        for pair in nums.chunks(2) {
            if let [k, v] = pair
                && let Ok(k) = k.as_i64()
            {
                out.push((k, v.clone()));
            }
        }
    }
    if let Ok(kids) = d.get(b"Kids").and_then(Object::as_array) {
        for kid in kids {
            number_tree(doc, kid, out, depth + 1);
        }
    }
}

/// Each reference inside `obj`, in order.
pub(super) fn refs(obj: &Object, out: &mut Vec<ObjectId>) {
    match obj {
        Object::Reference(id) => out.push(*id),
        Object::Array(a) => a.iter().for_each(|o| refs(o, out)),
        Object::Dictionary(d) => d.iter().for_each(|(_, o)| refs(o, out)),
        Object::Stream(s) => s.dict.iter().for_each(|(_, o)| refs(o, out)),
        _ => {}
    }
}

/// Replaces each reference in `obj` by its new target (`Null` when it has none).
pub(super) fn rewrite(obj: &mut Object, map: &BTreeMap<ObjectId, Object>) {
    match obj {
        Object::Reference(id) => *obj = map.get(id).cloned().unwrap_or(Object::Null),
        Object::Array(a) => a.iter_mut().for_each(|o| rewrite(o, map)),
        Object::Dictionary(d) => d.iter_mut().for_each(|(_, o)| rewrite(o, map)),
        Object::Stream(s) => s.dict.iter_mut().for_each(|(_, o)| rewrite(o, map)),
        _ => {}
    }
}

/// Moves parent-tree keys by `offset` and removes actions a PDF/A file may not carry.
pub(super) fn tidy(obj: &mut Object, offset: i64) {
    let d = match obj {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &mut s.dict,
        _ => return,
    };
    for key in [b"StructParents".as_slice(), b"StructParent"] {
        if let Ok(k) = d.get(key).and_then(Object::as_i64) {
            d.set(key, k.saturating_add(offset));
        }
    }
    d.remove(b"AA");
    let action = d
        .get(b"A")
        .and_then(Object::as_dict)
        .ok()
        .and_then(|a| a.get(b"S").and_then(Object::as_name).ok());
    if action.is_some_and(|s| !matches!(s, b"URI" | b"GoTo")) {
        d.remove(b"A");
    }
}

/// Copies onto each page what it inherits from its page-tree ancestors, and cuts it loose
/// from its own tree (clerk's page tree takes it).
pub(super) fn flatten_pages(src: &mut Document, pages: &[ObjectId]) -> Result<(), String> {
    for &p in pages {
        let mut inherited = Dictionary::new();
        let mut node = src.get_dictionary(p).map_err(|e| e.to_string())?.clone();
        for _ in 0..32 {
            let Ok(parent) = node.get(b"Parent").and_then(Object::as_reference) else {
                break;
            };
            let Ok(up) = src.get_dictionary(parent) else {
                break;
            };
            for key in INHERITED {
                if let Ok(v) = up.get(key)
                    && !inherited.has(key)
                {
                    inherited.set(key, v.clone());
                }
            }
            node = up.clone();
        }
        let page = src.get_dictionary_mut(p).map_err(|e| e.to_string())?;
        for (k, v) in inherited.into_iter() {
            if !page.has(&k) {
                page.set(k, v);
            }
        }
        page.remove(b"Parent");
    }
    Ok(())
}

/// Replaces each named destination in `src` (a link's `/Dest`, a go-to action's `/D`) by
/// the destination it names, since the names (the catalog's `/Dests` and `/Names`) are
/// left behind; a name that leads nowhere is dropped.
pub(super) fn resolve_named_dests(src: &mut Document) {
    let mut named: BTreeMap<Vec<u8>, Object> = BTreeMap::new();
    if let Ok(catalog) = src.catalog() {
        let dests = catalog
            .get(b"Dests")
            .ok()
            .and_then(|d| src.dereference(d).ok())
            .and_then(|(_, d)| d.as_dict().ok());
        for (k, v) in dests.into_iter().flat_map(Dictionary::iter) {
            named.insert(k.clone(), v.clone());
        }
        let tree = catalog
            .get(b"Names")
            .ok()
            .and_then(|n| src.dereference(n).ok())
            .and_then(|(_, n)| n.as_dict().ok())
            .and_then(|n| n.get(b"Dests").ok());
        if let Some(tree) = tree {
            name_tree(src, tree, &mut named, 0);
        }
    }
    if named.is_empty() {
        return;
    }
    // A destination is an array, or a dictionary holding it as `/D`.
    let explicit = |name: &[u8]| {
        let v = named.get(name)?;
        match src.dereference(v).ok()?.1 {
            Object::Array(a) => Some(Object::Array(a.clone())),
            Object::Dictionary(d) => d.get(b"D").ok().cloned(),
            _ => None,
        }
    };
    let mut fixes = Vec::new();
    for (id, obj) in &src.objects {
        let Ok(d) = obj.as_dict() else { continue };
        let key: &[u8] = if d.has(b"Dest") {
            b"Dest"
        } else if d.get(b"S").and_then(Object::as_name).ok() == Some(b"GoTo".as_slice()) {
            b"D"
        } else {
            continue;
        };
        let name = match d.get(key) {
            Ok(Object::Name(n)) => n.clone(),
            Ok(Object::String(s, _)) => s.clone(),
            _ => continue,
        };
        fixes.push((*id, key, explicit(&name)));
    }
    for (id, key, dest) in fixes {
        if let Some(Object::Dictionary(d)) = src.objects.get_mut(&id) {
            match dest {
                Some(dest) => d.set(key, dest),
                None => {
                    d.remove(key);
                }
            }
        }
    }
}

/// The `(name, value)` pairs of a name tree (`/Names` and `/Kids` flattened).
fn name_tree(doc: &Document, node: &Object, out: &mut BTreeMap<Vec<u8>, Object>, depth: usize) {
    let Ok((_, Object::Dictionary(d))) = doc.dereference(node) else {
        return;
    };
    if depth > 32 {
        return;
    }
    if let Ok(names) = d.get(b"Names").and_then(Object::as_array) {
        for pair in names.chunks(2) {
            if let [Object::String(k, _), v] = pair {
                out.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
    }
    if let Ok(kids) = d.get(b"Kids").and_then(Object::as_array) {
        for kid in kids {
            name_tree(doc, kid, out, depth + 1);
        }
    }
}

/// Is `obj` a catalog, page-tree node, structure root or outline: what an import leaves
/// behind (clerk's own take their place)?
pub(super) fn left_behind(obj: &Object) -> bool {
    let (top, stream) = Top::of(obj);
    !stream && top.is(&LEFT_BEHIND)
}

/// The types of what an import leaves behind: see [`left_behind`].
pub(super) const LEFT_BEHIND: [&[u8]; 4] = [b"Pages", b"Catalog", b"Outlines", b"StructTreeRoot"];

/// The objects `roots` reach, in a fixed order, never entering `skipped` nor the
/// appendix's own catalog, page tree, structure root or outline.
pub(super) fn reachable(
    src: &mut impl Objects,
    roots: Vec<ObjectId>,
    skipped: &[ObjectId],
) -> Vec<ObjectId> {
    let mut stop: BTreeSet<ObjectId> = skipped.iter().copied().collect();
    let root = src
        .doc_mut()
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference);
    stop.extend(root.ok());
    stop.extend(src.left_behind());
    let mut order = Vec::new();
    let mut seen = BTreeSet::new();
    let mut queue: VecDeque<ObjectId> = roots.into();
    while let Some(id) = queue.pop_front() {
        if stop.contains(&id) || !seen.insert(id) {
            continue;
        }
        let mut next = Vec::new();
        if !src.refs(id, &mut next) {
            continue;
        }
        order.push(id);
        queue.extend(next);
    }
    order
}

/// Hands the objects of `order`, taken from `src`, to `keep` with their new numbers
/// (`map`), their references renumbered and their parent-tree keys moved by `offset`: as
/// written, when `src` can and `keep` takes them so, else built.
pub(super) fn copy(
    doc: &mut Document,
    src: &mut impl Objects,
    order: &[ObjectId],
    map: &BTreeMap<ObjectId, Object>,
    offset: i64,
    keep: &mut dyn Keep,
) {
    let mut bytes = Vec::new();
    for id in order {
        let Some(&Object::Reference(new)) = map.get(id) else {
            continue;
        };
        bytes.clear();
        if src.written(*id, map, &mut bytes) && keep.written(new, &bytes) {
            continue;
        }
        let Some(mut obj) = src.take(*id) else {
            continue;
        };
        rewrite(&mut obj, map);
        tidy(&mut obj, offset);
        keep.object(doc, new, obj);
    }
}

/// What becomes of each object an import copies, under its new number: put into the
/// document, or written out at once (a pack). A closure taking the built object is one
/// that never takes an object as written.
pub trait Keep {
    /// Takes the object, built.
    fn object(&mut self, doc: &mut Document, id: ObjectId, object: Object);
    /// Takes the object as written (the bytes between `n g obj\n` and `\nendobj`, its
    /// references renumbered); false when it should come built instead.
    fn written(&mut self, id: ObjectId, bytes: &[u8]) -> bool;
}

impl<F: FnMut(&mut Document, ObjectId, Object)> Keep for F {
    fn object(&mut self, doc: &mut Document, id: ObjectId, object: Object) {
        self(doc, id, object);
    }

    fn written(&mut self, _id: ObjectId, _bytes: &[u8]) -> bool {
        false
    }
}

/// A PDF text string: literal when ASCII, else UTF-16BE with a byte-order mark.
pub fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut b = vec![0xFE, 0xFF];
        b.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(b, StringFormat::Hexadecimal)
    }
}

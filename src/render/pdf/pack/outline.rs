//! The pack's outline: a paper's own outline read before its pages are taken, and the
//! pack's written with each item's entry closed over the paper's.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::document::appendix::text_string;
use crate::meeting::AgendaItem;

/// An outline entry of a paper: its title, the page (0-based in the paper) and the top it
/// opens at, and its children.
#[derive(Debug, Clone)]
pub(super) struct Mark {
    title: Object,
    page: usize,
    top: Object,
    kids: Vec<Mark>,
}

pub(super) fn level(
    doc: &Document,
    mut next: Option<ObjectId>,
    index: &BTreeMap<ObjectId, usize>,
    depth: usize,
    seen: &mut BTreeSet<ObjectId>,
) -> Vec<Mark> {
    let mut out = Vec::new();
    while let Some(id) = next {
        if depth > 16 || !seen.insert(id) {
            break;
        }
        let Ok(d) = doc.get_dictionary(id) else { break };
        let dest = d
            .get(b"Dest")
            .ok()
            .or_else(|| {
                d.get(b"A")
                    .and_then(Object::as_dict)
                    .and_then(|a| a.get(b"D"))
                    .ok()
            })
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_array().ok());
        let page = dest
            .and_then(|a| a.first())
            .and_then(|p| p.as_reference().ok())
            .and_then(|p| index.get(&p).copied());
        let xyz = dest.is_some_and(|a| a.get(1).and_then(|n| n.as_name().ok()) == Some(b"XYZ"));
        let top = match dest.and_then(|a| a.get(3)) {
            Some(t) if xyz => t.clone(),
            _ => Object::Null,
        };
        let first = d.get(b"First").and_then(Object::as_reference).ok();
        let kids = level(doc, first, index, depth + 1, seen);
        if let Some(page) = page {
            out.push(Mark {
                title: d.get(b"Title").cloned().unwrap_or_else(|_| text_string("")),
                page,
                top,
                kids,
            });
        }
        next = d.get(b"Next").and_then(Object::as_reference).ok();
    }
    out
}

/// An outline entry of the pack.
pub(super) struct Entry {
    pub(super) title: Object,
    pub(super) dest: Vec<Object>,
    pub(super) kids: Vec<Entry>,
}

pub(super) fn dest(page: ObjectId, top: Object) -> Vec<Object> {
    vec![page.into(), "XYZ".into(), Object::Null, top, Object::Null]
}

pub(super) fn marks(outline: &[Mark], pages: &[ObjectId]) -> Vec<Entry> {
    outline
        .iter()
        .filter_map(|m| {
            Some(Entry {
                title: m.title.clone(),
                dest: dest(*pages.get(m.page)?, m.top.clone()),
                kids: marks(&m.kids, pages),
            })
        })
        .collect()
}

/// Writes the outline: each entry, its children closed under it.
pub(super) fn write_outline(pdf: &mut Document, entries: Vec<Entry>) -> Option<ObjectId> {
    let root = pdf.new_object_id();
    let (first, last, count) = write_level(pdf, root, entries)?;
    let d = Dictionary::from_iter([
        ("Type", Object::Name(b"Outlines".to_vec())),
        ("First", first.into()),
        ("Last", last.into()),
        ("Count", count.into()),
    ]);
    pdf.objects.insert(root, Object::Dictionary(d));
    Some(root)
}

fn write_level(
    pdf: &mut Document,
    parent: ObjectId,
    entries: Vec<Entry>,
) -> Option<(ObjectId, ObjectId, i64)> {
    let ids: Vec<ObjectId> = entries.iter().map(|_| pdf.new_object_id()).collect();
    let n = ids.len();
    for (k, e) in entries.into_iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", e.title);
        d.set("Parent", parent);
        d.set("Dest", e.dest);
        if k > 0 {
            d.set("Prev", ids[k - 1]);
        }
        if k + 1 < n {
            d.set("Next", ids[k + 1]);
        }
        if let Some((first, last, count)) = write_level(pdf, ids[k], e.kids) {
            d.set("First", first);
            d.set("Last", last);
            d.set("Count", -count);
        }
        pdf.objects.insert(ids[k], Object::Dictionary(d));
    }
    Some((*ids.first()?, *ids.last()?, n as i64))
}

/// Does the pack `bytes` hold no item but `items`: is each of its items' bookmarks (the
/// outline's top level, past the front sheet's, titled `front_sheet`) the bookmark of one
/// of them? False when its outline cannot be read (or its front sheet was worded
/// otherwise), so that a caller that must not leave a paper public removes it.
pub fn holds_only(bytes: &[u8], items: &[&AgendaItem], front_sheet: &str) -> bool {
    let Ok(doc) = Document::load_mem(bytes) else {
        return false;
    };
    let Some(titles) = top_titles(&doc) else {
        return false;
    };
    // Written from the meeting as shown (`Meeting::shown`): its titles punctuated.
    let known: Vec<Object> = items
        .iter()
        .map(|i| text_string(&crate::document::smart::punctuate(&super::outline_title(i))))
        .collect();
    let front = text_string(front_sheet);
    let bytes_of = |o: &Object| o.as_str().map(<[u8]>::to_vec).unwrap_or_default();
    titles
        .iter()
        .filter(|t| **t != bytes_of(&front))
        .all(|t| known.iter().any(|k| bytes_of(k) == *t))
}

/// The titles of the outline's top-level entries, as their PDF strings' bytes.
fn top_titles(doc: &Document) -> Option<Vec<Vec<u8>>> {
    let outlines = doc.catalog().ok()?.get(b"Outlines").ok()?;
    let (_, outlines) = doc.dereference(outlines).ok()?;
    let mut next = outlines
        .as_dict()
        .ok()?
        .get(b"First")
        .and_then(Object::as_reference)
        .ok();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    while let Some(id) = next {
        if !seen.insert(id) {
            return None;
        }
        let d = doc.get_dictionary(id).ok()?;
        let (_, title) = doc.dereference(d.get(b"Title").ok()?).ok()?;
        out.push(title.as_str().ok()?.to_vec());
        next = d.get(b"Next").and_then(Object::as_reference).ok();
    }
    Some(out)
}

//! Appendix files: read in the paper → document step ([`read`]: a Markdown file's text, a
//! PDF's bytes once [`check`]ed as readable, not encrypted, tagged, every font embedded), and
//! a PDF one later appended after clerk's pages by the PDF renderer ([`append`]) so that the
//! whole file stays PDF/A-2a and PDF/UA-1. This is lopdf work on the appendix alone; it
//! knows nothing of clerk's layout.
//!
//! The appendix's pages are imported with fresh object numbers (their inherited
//! resources, boxes and rotation copied onto each page), its structure tree is grafted
//! under a `Sect` titled "Appendix B – title" in clerk's tree, and its parent-tree keys
//! are moved past clerk's. Its outline, forms, actions and names are left behind (links to
//! named destinations are first given the destination itself).

mod artifacts;
mod check;
mod guard;
mod lazy;
mod objects;
mod raw;
mod read;
mod syntax;
mod tree;

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use objects::Objects;

pub use check::{Problem, check};
pub use lazy::{Lazy, element_or_link};
pub use objects::{Keep, text_string};
pub use read::{AppendixFile, own_draft, own_marking, read};

/// A PDF appendix to append: its outline title and its bytes (already [`check`]ed).
#[derive(Debug, Clone, Copy)]
pub struct Appended<'a> {
    /// `Appendix B – title`.
    pub title: &'a str,
    /// The file as read.
    pub bytes: &'a [u8],
    /// The most its streams may inflate to ([`inflate_limit`]).
    pub inflate_limit: u64,
}

/// How many times its own size limit an appendix's streams may inflate to, together.
pub const INFLATE_FACTOR: u64 = 10;

/// The most bytes the streams of one appendix PDF may inflate to, together, from the
/// house's `limits.appendix_bytes`.
pub fn inflate_limit(appendix_bytes: u64) -> u64 {
    appendix_bytes.saturating_mul(INFLATE_FACTOR)
}

/// Appends each appendix's pages after `doc`'s, grafting its structure tree into `doc`'s;
/// returns each appendix's outline title with its pages (one at least), or why one could
/// not be appended (a file that passed [`check`] should never fail here).
pub fn append(
    doc: &mut Document,
    appendices: &[Appended<'_>],
) -> Result<Vec<(String, Vec<ObjectId>)>, String> {
    let mut out = Vec::new();
    for a in appendices {
        let mut src = check::load(a.bytes, a.inflate_limit).map_err(|e| broken(a.title, &e))?;
        // What it draws outside its tags made artifacts, its links described.
        artifacts::mend(&mut src);
        let pages = import(doc, &mut src, a.title, &mut put).map_err(|e| broken(a.title, &e))?;
        if pages.is_empty() {
            return Err(broken(a.title, "no pages"));
        }
        out.push((a.title.to_string(), pages));
    }
    Ok(out)
}

/// A PDF clerk built (a paper, for a pack), opened for [`append_paper`]: read object by
/// object when it is in the plain form clerk writes, else loaded whole by lopdf.
#[derive(Debug)]
pub enum PaperPdf<B> {
    /// Loaded whole.
    Whole(Document),
    /// Read object by object: a long paper is not held as lopdf objects.
    Lazy(Lazy<B>),
}

impl<B: AsRef<[u8]>> PaperPdf<B> {
    /// Opens `bytes`, never panicking on a broken file; no stream of one lopdf loads whole
    /// may inflate past 1 GiB, which no paper of clerk's comes near.
    pub fn open(bytes: B) -> Result<PaperPdf<B>, String> {
        match Lazy::open(bytes) {
            Ok(lazy) => Ok(PaperPdf::Lazy(lazy)),
            Err(bytes) => check::load(bytes.as_ref(), 1 << 30).map(PaperPdf::Whole),
        }
    }

    /// What it holds as a document: all of it, or (read object by object) its catalog,
    /// trailer, page tree and pages, outline and structure root.
    pub fn doc(&self) -> &Document {
        match self {
            PaperPdf::Whole(doc) => doc,
            PaperPdf::Lazy(lazy) => lazy.doc(),
        }
    }
}

/// Appends the pages of `src` after `doc`'s, its structure tree grafted under a `Sect`
/// titled `title`; each object it brings is given to `keep` (which puts it into `doc`, or
/// writes it out); returns its pages in `doc`, in order. Agenda packs put papers together
/// with this.
pub fn append_paper<B: AsRef<[u8]>>(
    doc: &mut Document,
    src: PaperPdf<B>,
    title: &str,
    keep: &mut dyn Keep,
) -> Result<Vec<ObjectId>, String> {
    match src {
        PaperPdf::Whole(mut src) => import(doc, &mut src, title, keep),
        PaperPdf::Lazy(mut src) => import(doc, &mut src, title, keep),
    }
    .map_err(|e| broken(title, &e))
}

/// Puts an imported object into the document (what [`append`] does with each).
fn put(doc: &mut Document, id: ObjectId, object: Object) {
    doc.objects.insert(id, object);
}

fn broken(title: &str, why: &str) -> String {
    format!("cannot append {title} to the PDF ({why})")
}

/// Imports `src` after `doc`'s pages; returns the imported pages (the first one at least).
fn import(
    doc: &mut Document,
    from: &mut impl Objects,
    title: &str,
    keep: &mut dyn Keep,
) -> Result<Vec<ObjectId>, String> {
    let t = tree::target(doc)?;
    let src = from.doc_mut();
    let pages: Vec<ObjectId> = src.get_pages().into_values().collect();
    let first = *pages.first().ok_or("no pages")?;
    // lopdf counts a page-tree leaf it cannot type as a (blank) page; clerk's PDF/A may
    // hold only real pages.
    if let Some(p) = pages.iter().find(|p| {
        src.get_dictionary(**p).and_then(Dictionary::get_type).ok() != Some(b"Page".as_slice())
    }) {
        return Err(format!(
            "the page tree's leaf {} {} R is not a page",
            p.0, p.1
        ));
    }
    objects::flatten_pages(src, &pages)?;
    objects::resolve_named_dests(src);
    let tree = tree::read_tree(src)?;

    // Everything the pages, the tree and its maps reach, renumbered after doc's objects.
    let mut roots = pages.clone();
    let values = tree.entries.iter().map(|(_, v)| v);
    for o in tree
        .top
        .iter()
        .chain(values)
        .chain(tree.maps.iter().flatten())
    {
        objects::refs(o, &mut roots);
    }
    let order = objects::reachable(from, roots, &tree.skipped);
    let sect = doc.new_object_id();
    let mut map: BTreeMap<ObjectId, Object> = BTreeMap::new();
    for id in &tree.skipped {
        map.insert(*id, sect.into());
    }
    for &id in &order {
        map.insert(id, doc.new_object_id().into());
    }
    objects::copy(doc, from, &order, &map, t.next_key, keep);

    tree::graft(doc, &t, sect, title, tree, &map)?;
    let new_pages: Vec<Object> = pages.iter().filter_map(|p| map.get(p).cloned()).collect();
    tree::add_pages(doc, &t, &new_pages)?;
    if map.get(&first).is_none_or(|o| o.as_reference().is_err()) {
        return Err("its first page was not imported".into());
    }
    Ok(new_pages
        .iter()
        .filter_map(|p| p.as_reference().ok())
        .collect())
}

#[cfg(test)]
mod tests;

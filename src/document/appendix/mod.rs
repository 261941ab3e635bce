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

mod check;
mod guard;
mod objects;
mod read;
mod tree;

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

pub use check::{Problem, check};
pub use objects::text_string;
pub use read::{AppendixFile, read};

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
/// returns each appendix's outline title with its first page, or why one could not be
/// appended (a file that passed [`check`] should never fail here).
pub fn append(
    doc: &mut Document,
    appendices: &[Appended<'_>],
) -> Result<Vec<(String, ObjectId)>, String> {
    let mut out = Vec::new();
    for a in appendices {
        let src = check::load(a.bytes, a.inflate_limit).map_err(|e| broken(a.title, &e))?;
        let first = import(doc, src, a.title).map_err(|e| broken(a.title, &e))?;
        out.push((a.title.to_string(), first));
    }
    Ok(out)
}

/// Appends the pages of `src` (a PDF already loaded, e.g. a paper clerk built) after
/// `doc`'s, its structure tree grafted under a `Sect` titled `title`; returns its first
/// page in `doc`. Agenda packs put papers together with this.
pub fn append_loaded(doc: &mut Document, src: Document, title: &str) -> Result<ObjectId, String> {
    import(doc, src, title).map_err(|e| broken(title, &e))
}

/// Loads a PDF clerk built (a paper, for a pack) with lopdf, never panicking on a broken
/// one; no stream may inflate past 1 GiB, which no paper of clerk's comes near.
pub fn load(bytes: &[u8]) -> Result<Document, String> {
    check::load(bytes, 1 << 30)
}

fn broken(title: &str, why: &str) -> String {
    format!("cannot append {title} to the PDF ({why})")
}

/// Imports `src` after `doc`'s pages; returns the first imported page.
fn import(doc: &mut Document, mut src: Document, title: &str) -> Result<ObjectId, String> {
    let t = tree::target(doc)?;
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
    objects::flatten_pages(&mut src, &pages)?;
    objects::resolve_named_dests(&mut src);
    let tree = tree::read_tree(&src)?;

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
    let order = objects::reachable(&src, roots, &tree.skipped);
    let sect = doc.new_object_id();
    let mut map: BTreeMap<ObjectId, Object> = BTreeMap::new();
    for id in &tree.skipped {
        map.insert(*id, sect.into());
    }
    for &id in &order {
        map.insert(id, doc.new_object_id().into());
    }
    objects::copy(doc, &mut src, &order, &map, t.next_key);

    tree::graft(doc, &t, sect, title, tree, &map)?;
    let new_pages: Vec<Object> = pages.iter().filter_map(|p| map.get(p).cloned()).collect();
    tree::add_pages(doc, &t, &new_pages)?;
    map.get(&first)
        .and_then(|o| o.as_reference().ok())
        .ok_or_else(|| "its first page was not imported".to_string())
}

#[cfg(test)]
mod tests;

//! The structure tree: from the marked content `emit` wrote (one MCID per block, and per
//! link or passage in another language inside it, per page, in reading order) and the
//! link annotations, a `/StructTreeRoot` with `Document` › the title `H1`, headings,
//! paragraphs (a numbered paragraph with its own lists or tables grouped in a `Div`),
//! lists (`L` › `LI` › `Lbl`, `LBody`), tables (`Table` › `THead`/`TBody` › `TR` ›
//! `TH`/`TD`), figures with `/Alt`, `Link` elements holding their text and an `OBJR` to
//! each of their annotations, `Span`s with `/Lang`, and notes (`Note` › `Lbl`, with a
//! unique `/ID`) at the end of the element that cites them; and the `/ParentTree` that
//! maps each page's MCIDs and each annotation back to its element. Deterministic: the
//! same layout gives the same objects.

mod element;
#[cfg(test)]
mod tests;
mod tree;

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::layout::{Part, Role, Scope, Structure};
use super::serialise::Prewritten;
use element::{Element, KidRef, parents_object, write_parents};
use tree::{Annot, Block, Kid, Mark, build};

/// What one page contributed: its object, the block, role and part of each MCID (index =
/// MCID) and its link annotations with the block and link that carry each.
#[derive(Debug, Default)]
pub(crate) struct PageMarks {
    /// The page object.
    pub(crate) id: ObjectId,
    /// `(block, role, part)` per MCID.
    pub(crate) mcids: Vec<(u32, Role, Part)>,
    /// `(annotation, block, link)` per link annotation.
    pub(crate) annots: Vec<(ObjectId, u32, Option<u32>)>,
}

/// The standard structure types clerk writes (PDF 1.7, 14.8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StructType {
    Document,
    Div,
    /// A heading, `H1`–`H6`.
    H(u8),
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    THead,
    TBody,
    TR,
    TH,
    TD,
    Figure,
    Code,
    BlockQuote,
    Note,
    Link,
    Span,
}

impl StructType {
    /// The type's name, as `/S` and marked-content tags spell it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            StructType::Document => "Document",
            StructType::Div => "Div",
            StructType::H(..=1) => "H1",
            StructType::H(2) => "H2",
            StructType::H(3) => "H3",
            StructType::H(4) => "H4",
            StructType::H(5) => "H5",
            StructType::H(_) => "H6",
            StructType::P => "P",
            StructType::L => "L",
            StructType::LI => "LI",
            StructType::Lbl => "Lbl",
            StructType::LBody => "LBody",
            StructType::Table => "Table",
            StructType::THead => "THead",
            StructType::TBody => "TBody",
            StructType::TR => "TR",
            StructType::TH => "TH",
            StructType::TD => "TD",
            StructType::Figure => "Figure",
            StructType::Code => "Code",
            StructType::BlockQuote => "BlockQuote",
            StructType::Note => "Note",
            StructType::Link => "Link",
            StructType::Span => "Span",
        }
    }
}

/// The structure type of a block's own element (the one that holds its marked content).
pub(crate) fn leaf_type(role: &Role) -> StructType {
    match role {
        Role::P => StructType::P,
        Role::H(level) => StructType::H(*level),
        Role::L(_) => StructType::LBody,
        Role::Lbl => StructType::Lbl,
        Role::Cell(c) if c.scope == Scope::Data => StructType::TD,
        Role::Cell(_) => StructType::TH,
        Role::Figure(_) => StructType::Figure,
        Role::Code => StructType::Code,
        Role::Quote => StructType::BlockQuote,
        Role::Note => StructType::Note,
    }
}

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// Writes the structure tree for `pages` into `doc`: sets `/StructParents` on each page,
/// `/StructParent` on each annotation, and returns the `/StructTreeRoot` for the catalog.
/// With `ahead`, the elements below the `Document` element and the pages' parent arrays
/// (which nothing changes later) go there already written rather than into `doc`; the
/// root, the `Document` element and the parent tree stay in `doc`, where an appendix's
/// tree is grafted.
pub(crate) fn structure(
    doc: &mut Document,
    pages: &[PageMarks],
    hints: &Structure,
    lang: Option<&str>,
    mut ahead: Option<&mut Prewritten>,
) -> ObjectId {
    let mut blocks: BTreeMap<u32, Block> = BTreeMap::new();
    for (p, page) in pages.iter().enumerate() {
        for (mcid, (block, role, part)) in page.mcids.iter().enumerate() {
            let entry = blocks
                .entry(*block)
                .or_insert_with(|| Block::new(role.clone()));
            entry.marks.push(Mark {
                page: p,
                mcid: mcid as i64,
                part: part.clone(),
            });
        }
        for &(annot, block, link) in &page.annots {
            let entry = blocks.entry(block).or_insert_with(|| Block::new(Role::P));
            entry.annots.push(Annot {
                page: p,
                annot,
                link,
            });
        }
    }
    // A quote's own block draws nothing; its element holds what it quotes.
    for &(first, _) in &hints.quotes {
        blocks
            .entry(first)
            .or_insert_with(|| Block::new(Role::Quote));
    }
    // A cell with no text drew no marked content, yet holds its place in its row.
    for (block, cell) in &hints.cells {
        blocks
            .entry(*block)
            .or_insert_with(|| Block::new(Role::Cell(*cell)));
    }
    let tree = build(&blocks, hints);
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = tree.nodes.iter().map(|_| doc.new_object_id()).collect();
    let mut parent_of_mcid: Vec<Vec<Option<ObjectId>>> =
        pages.iter().map(|p| vec![None; p.mcids.len()]).collect();
    let mut annot_keys = Vec::new();
    let mut kids = Vec::new();
    for (n, node) in tree.nodes.iter().enumerate() {
        // The element's page is that of its first marked content: what it marks there is
        // named by MCID alone (ISO 32000-1, 14.7.4.2), an MCR dictionary only for what goes
        // on to another page. A long paper's tree is mostly such MCIDs.
        let home = node.kids.iter().find_map(|k| match *k {
            Kid::Mcr { page, .. } => Some(page),
            _ => None,
        });
        kids.clear();
        for kid in &node.kids {
            kids.push(match *kid {
                Kid::Node(k) => KidRef::Node(ids[k]),
                Kid::Mcr { page: p, mcid } => {
                    if let Some(slot) = parent_of_mcid[p].get_mut(mcid as usize) {
                        *slot = Some(ids[n]);
                    }
                    if home == Some(p) {
                        KidRef::Mcid(mcid)
                    } else {
                        KidRef::Mcr {
                            page: pages[p].id,
                            mcid,
                        }
                    }
                }
                Kid::Objr { page: p, annot } => {
                    annot_keys.push((annot, ids[n]));
                    KidRef::Objr {
                        page: pages[p].id,
                        annot,
                    }
                }
            });
        }
        let element = Element {
            ty: node.ty,
            parent: if n == 0 { root } else { ids[node.parent] },
            page: home.map(|p| pages[p].id),
            kids: &kids,
            attrs: node.attrs.as_ref(),
            alt: node.alt.as_deref(),
            lang: node.lang.as_deref(),
            id: (node.ty == StructType::Note).then(|| format!("note-{n}")),
        };
        match ahead.as_deref_mut() {
            Some(ahead) if n > 0 => ahead.push_with(ids[n], |out| element.write(out)),
            _ => {
                let mut d = element.dictionary();
                if n == 0
                    && let Some(lang) = lang
                {
                    d.set("Lang", super::finish::text(lang));
                }
                doc.objects.insert(ids[n], Object::Dictionary(d));
            }
        }
    }
    let mut nums = Vec::new();
    for (p, (page, parents)) in pages.iter().zip(parent_of_mcid).enumerate() {
        let key = p as i64;
        nums.push(key.into());
        let id = match ahead.as_deref_mut() {
            Some(ahead) => {
                let id = doc.new_object_id();
                ahead.push_with(id, |out| write_parents(out, &parents));
                id
            }
            None => doc.add_object(parents_object(&parents)),
        };
        nums.push(id.into());
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(page.id) {
            d.set("StructParents", key);
        }
    }
    let mut next = pages.len() as i64;
    for (annot, link) in annot_keys {
        nums.push(next.into());
        nums.push(link.into());
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(annot) {
            d.set("StructParent", next);
        }
        next += 1;
    }
    let parent_tree = doc.add_object(Dictionary::from_iter([("Nums", Object::Array(nums))]));
    doc.objects.insert(
        root,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("StructTreeRoot")),
            ("K", ids[0].into()),
            ("ParentTree", parent_tree.into()),
            ("ParentTreeNextKey", next.into()),
        ])),
    );
    root
}

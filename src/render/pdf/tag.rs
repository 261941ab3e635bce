//! The structure tree: from the marked content `emit` wrote (one MCID per block per
//! page, in reading order) and the link annotations, a `/StructTreeRoot` with
//! `Document` › headings, paragraphs, lists (`L` › `LI` › `Lbl`, `LBody`), tables (`Table` ›
//! `THead`/`TBody` › `TR` › `TH`/`TD`), figures with `/Alt`, notes (`Note` › `Lbl`, with a unique `/ID`) and `Link` elements
//! holding an `OBJR` to their annotation; and the `/ParentTree` that maps each page's
//! MCIDs and each annotation back to its element. Deterministic: the same layout gives
//! the same objects.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::layout::{Role, Scope};

/// What one page contributed: its object, the role and block of each MCID (index = MCID)
/// and its link annotations with the block that carries each.
#[derive(Debug, Default)]
pub(crate) struct PageMarks {
    /// The page object.
    pub(crate) id: ObjectId,
    /// `(block, role)` per MCID.
    pub(crate) mcids: Vec<(u32, Role)>,
    /// `(annotation, block)` per link annotation.
    pub(crate) annots: Vec<(ObjectId, u32)>,
}

/// The structure type of a block's own element (the one that holds its marked content).
pub(crate) fn leaf_type(role: &Role) -> String {
    match role {
        Role::P => "P".into(),
        Role::H(level) => format!("H{}", level.clamp(&1, &6)),
        Role::L(_) => "LBody".into(),
        Role::Lbl => "Lbl".into(),
        Role::Cell(c) if c.scope == Scope::Data => "TD".into(),
        Role::Cell(_) => "TH".into(),
        Role::Figure(_) => "Figure".into(),
        Role::Code => "Code".into(),
        Role::Quote => "BlockQuote".into(),
        Role::Note => "Note".into(),
    }
}

/// A marked-content or object reference inside an element.
#[derive(Debug, Clone, Copy)]
enum Kid {
    Node(usize),
    /// Page index and MCID.
    Mcr(usize, i64),
    /// Page index and annotation.
    Objr(usize, ObjectId),
}

#[derive(Debug)]
struct Node {
    ty: String,
    parent: usize,
    kids: Vec<Kid>,
    attrs: Option<Dictionary>,
    alt: Option<String>,
}

/// The tree as plain nodes; node 0 is `Document`.
#[derive(Debug)]
struct Tree {
    nodes: Vec<Node>,
}

impl Tree {
    fn add(&mut self, parent: usize, ty: &str) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node {
            ty: ty.to_string(),
            parent,
            kids: Vec::new(),
            attrs: None,
            alt: None,
        });
        self.nodes[parent].kids.push(Kid::Node(id));
        id
    }
}

/// One block: its role, its marked content (page, MCID) and its annotations.
type Block = (Role, Vec<(usize, i64)>, Vec<(usize, ObjectId)>);

/// Groups the blocks (in block order, which is reading order) into the tree; returns it
/// with the node of each block.
fn build(blocks: &BTreeMap<u32, Block>) -> (Tree, BTreeMap<u32, usize>) {
    let mut tree = Tree {
        nodes: vec![Node {
            ty: "Document".into(),
            parent: 0,
            kids: Vec::new(),
            attrs: None,
            alt: None,
        }],
    };
    let mut of_block = BTreeMap::new();
    let (mut table, mut section, mut row) = (None, None, 0usize);
    // The open lists, outermost first: each `L` and the `LBody` of its latest item.
    let mut lists: Vec<(usize, usize)> = Vec::new();
    // A label waits for the list item or note it labels.
    let mut label: Option<&[(usize, i64)]> = None;
    for (&block, (role, mcrs, annots)) in blocks {
        if let Role::Lbl = role {
            label = Some(mcrs);
            continue;
        }
        let lbl = label.take().unwrap_or(&[]);
        let add_label = |tree: &mut Tree, parent: usize| {
            if !lbl.is_empty() {
                let l = tree.add(parent, "Lbl");
                tree.nodes[l]
                    .kids
                    .extend(lbl.iter().map(|&(p, m)| Kid::Mcr(p, m)));
            }
        };
        if !matches!(role, Role::L(_)) {
            lists.clear();
        }
        if !matches!(role, Role::Cell(_)) {
            table = None;
        }
        let node = match role {
            Role::L(depth) => {
                // A deeper list sits inside the body of the item it belongs to.
                let depth = usize::from(*depth);
                lists.truncate(depth + 1);
                if lists.len() <= depth {
                    let parent = lists.last().map_or(0, |&(_, body)| body);
                    lists.push((tree.add(parent, "L"), 0));
                }
                // Never empty here: it has just been given a list at `depth`.
                let top = lists.len() - 1;
                let li = tree.add(lists[top].0, "LI");
                add_label(&mut tree, li);
                lists[top].1 = tree.add(li, "LBody");
                lists[top].1
            }
            Role::Cell(c) => {
                let t = match table {
                    Some(t) if !c.table_start => t,
                    _ => {
                        section = None;
                        let t = tree.add(0, "Table");
                        table = Some(t);
                        t
                    }
                };
                if c.row_start {
                    let parent = match (c.scope, section) {
                        (Scope::Row, _) => t,
                        (Scope::Column, _) => {
                            let h = tree.add(t, "THead");
                            section = None;
                            h
                        }
                        (Scope::Data, Some(s)) => s,
                        (Scope::Data, None) => {
                            let b = tree.add(t, "TBody");
                            section = Some(b);
                            b
                        }
                    };
                    row = tree.add(parent, "TR");
                }
                let cell = tree.add(row, &leaf_type(role));
                if c.scope != Scope::Data {
                    let scope = if c.scope == Scope::Row {
                        "Row"
                    } else {
                        "Column"
                    };
                    tree.nodes[cell].attrs = Some(Dictionary::from_iter([
                        ("O", Object::Name(b"Table".to_vec())),
                        ("Scope", Object::Name(scope.as_bytes().to_vec())),
                    ]));
                }
                cell
            }
            Role::Note => {
                let note = tree.add(0, "Note");
                add_label(&mut tree, note);
                note
            }
            _ => {
                add_label(&mut tree, 0);
                tree.add(0, &leaf_type(role))
            }
        };
        if let Role::Figure(alt) = role {
            tree.nodes[node].alt = Some(alt.clone());
        }
        tree.nodes[node]
            .kids
            .extend(mcrs.iter().map(|&(p, m)| Kid::Mcr(p, m)));
        for &(p, annot) in annots {
            let link = tree.add(node, "Link");
            tree.nodes[link].kids.push(Kid::Objr(p, annot));
        }
        of_block.insert(block, node);
    }
    (tree, of_block)
}

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// Writes the structure tree for `pages` into `doc`: sets `/StructParents` on each page,
/// `/StructParent` on each annotation, and returns the `/StructTreeRoot` for the catalog.
pub(crate) fn structure(doc: &mut Document, pages: &[PageMarks], lang: Option<&str>) -> ObjectId {
    let mut blocks: BTreeMap<u32, Block> = BTreeMap::new();
    for (p, page) in pages.iter().enumerate() {
        for (mcid, (block, role)) in page.mcids.iter().enumerate() {
            let entry = blocks
                .entry(*block)
                .or_insert_with(|| (role.clone(), Vec::new(), Vec::new()));
            entry.1.push((p, mcid as i64));
        }
        for &(annot, block) in &page.annots {
            let entry = blocks
                .entry(block)
                .or_insert_with(|| (Role::P, Vec::new(), Vec::new()));
            entry.2.push((p, annot));
        }
    }
    let (tree, _) = build(&blocks);
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = tree.nodes.iter().map(|_| doc.new_object_id()).collect();
    let mut parent_of_mcid: Vec<Vec<Object>> = pages
        .iter()
        .map(|p| vec![Object::Null; p.mcids.len()])
        .collect();
    let mut annot_keys = Vec::new();
    for (n, node) in tree.nodes.iter().enumerate() {
        let mut kids = Vec::new();
        for kid in &node.kids {
            kids.push(match *kid {
                Kid::Node(k) => ids[k].into(),
                Kid::Mcr(p, mcid) => {
                    if let Some(slot) = parent_of_mcid[p].get_mut(mcid as usize) {
                        *slot = ids[n].into();
                    }
                    Object::Dictionary(Dictionary::from_iter([
                        ("Type", name("MCR")),
                        ("Pg", pages[p].id.into()),
                        ("MCID", mcid.into()),
                    ]))
                }
                Kid::Objr(p, annot) => {
                    annot_keys.push((annot, ids[n]));
                    Object::Dictionary(Dictionary::from_iter([
                        ("Type", name("OBJR")),
                        ("Pg", pages[p].id.into()),
                        ("Obj", annot.into()),
                    ]))
                }
            });
        }
        let mut d = Dictionary::from_iter([
            ("Type", name("StructElem")),
            ("S", name(&node.ty)),
            ("P", if n == 0 { root } else { ids[node.parent] }.into()),
            ("K", kids.into()),
        ]);
        if let Some(a) = &node.attrs {
            d.set("A", a.clone());
        }
        if let Some(alt) = &node.alt {
            d.set("Alt", super::finish::text(alt));
        }
        if node.ty == "Note" {
            // PDF/UA-1 7.9: every Note has an ID, unique in the document.
            d.set("ID", Object::string_literal(format!("note-{n}")));
        }
        if n == 0
            && let Some(lang) = lang
        {
            d.set("Lang", super::finish::text(lang));
        }
        doc.objects.insert(ids[n], Object::Dictionary(d));
    }
    let mut nums = Vec::new();
    for (p, (page, parents)) in pages.iter().zip(parent_of_mcid).enumerate() {
        let key = p as i64;
        nums.push(key.into());
        nums.push(doc.add_object(Object::Array(parents)).into());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::layout::CellRole;

    fn cell(scope: Scope, row_start: bool, table_start: bool) -> Role {
        Role::Cell(CellRole {
            scope,
            row_start,
            table_start,
        })
    }

    fn outline(tree: &Tree, n: usize, depth: usize, out: &mut String) {
        out.push_str(&format!("{}{}\n", "  ".repeat(depth), tree.nodes[n].ty));
        for kid in &tree.nodes[n].kids {
            if let Kid::Node(k) = kid {
                outline(tree, *k, depth + 1, out);
            }
        }
    }

    #[test]
    fn blocks_group_into_tables_lists_and_links() {
        let roles = [
            cell(Scope::Row, true, true),
            cell(Scope::Data, false, false),
            cell(Scope::Row, true, false),
            cell(Scope::Data, false, false),
            Role::H(1),
            Role::P,
            Role::Lbl,
            Role::L(0),
            Role::L(1),
            Role::L(0),
            cell(Scope::Column, true, true),
            cell(Scope::Data, true, false),
            Role::Figure("A chart".into()),
        ];
        let mut blocks = BTreeMap::new();
        for (k, role) in roles.iter().enumerate() {
            let annots = if k == 5 { vec![(0, (9, 0))] } else { vec![] };
            blocks.insert(k as u32 + 1, (role.clone(), vec![(0, k as i64)], annots));
        }
        let (tree, _) = build(&blocks);
        let mut out = String::new();
        outline(&tree, 0, 0, &mut out);
        let expected = "Document\n  Table\n    TR\n      TH\n      TD\n    TR\n      TH\n      TD\n  H1\n  P\n    Link\n  L\n    LI\n      Lbl\n      LBody\n        L\n          LI\n            LBody\n    LI\n      LBody\n  Table\n    THead\n      TR\n        TH\n    TBody\n      TR\n        TD\n  Figure\n";
        assert_eq!(out, expected);
        let th = tree
            .nodes
            .iter()
            .find(|n| n.ty == "TH")
            .and_then(|n| n.attrs.clone());
        assert_eq!(
            th.and_then(|a| a.get(b"Scope").ok().cloned()),
            Some(name("Row"))
        );
    }
}

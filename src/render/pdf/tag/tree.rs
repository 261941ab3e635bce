//! The structure tree as plain nodes, grouped from the blocks in reading order: headings,
//! paragraphs (a numbered paragraph with its lists and tables in a `Div`), lists, tables,
//! figures, links (their text and annotations in one `Link`), passages in another language
//! (`Span` with `/Lang`) and footnotes (a `Note` at the end of the element that cites it).

use std::collections::BTreeMap;

use lopdf::{Dictionary, Object, ObjectId};

use super::leaf_type;
use crate::render::pdf::layout::{Part, Role, Scope, Structure};

/// A marked-content or object reference inside an element.
#[derive(Debug, Clone, Copy)]
pub(super) enum Kid {
    Node(usize),
    /// Page index and MCID.
    Mcr(usize, i64),
    /// Page index and annotation.
    Objr(usize, ObjectId),
}

#[derive(Debug)]
pub(super) struct Node {
    pub(super) ty: String,
    pub(super) parent: usize,
    pub(super) kids: Vec<Kid>,
    pub(super) attrs: Option<Dictionary>,
    pub(super) alt: Option<String>,
    pub(super) lang: Option<String>,
}

/// The tree as plain nodes; node 0 is `Document`.
#[derive(Debug)]
pub(super) struct Tree {
    pub(super) nodes: Vec<Node>,
}

impl Tree {
    fn new() -> Tree {
        Tree {
            nodes: vec![Node {
                ty: "Document".into(),
                parent: 0,
                kids: Vec::new(),
                attrs: None,
                alt: None,
                lang: None,
            }],
        }
    }

    fn add(&mut self, parent: usize, ty: &str) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node {
            ty: ty.to_string(),
            parent,
            kids: Vec::new(),
            attrs: None,
            alt: None,
            lang: None,
        });
        self.nodes[parent].kids.push(Kid::Node(id));
        id
    }
}

/// One block: its role, its marked content (page, MCID, part) and its annotations (page,
/// annotation, the link it belongs to).
pub(super) type Block = (
    Role,
    Vec<(usize, i64, Part)>,
    Vec<(usize, ObjectId, Option<u32>)>,
);

/// Puts a block's marked content into its element `node`: plain text straight in, a
/// link's text and annotations in one `Link`, a passage in another language in a `Span`.
fn fill(tree: &mut Tree, node: usize, (_, mcrs, annots): &Block) {
    let mut links: BTreeMap<u32, usize> = BTreeMap::new();
    for (p, m, part) in mcrs {
        let mut parent = node;
        if let Some(l) = part.link {
            parent = match links.get(&l) {
                Some(&n) => n,
                None => {
                    let n = tree.add(node, "Link");
                    links.insert(l, n);
                    n
                }
            };
        }
        if let Some(lang) = &part.lang {
            // Consecutive marked content in one language shares its span.
            let last = match tree.nodes[parent].kids.last() {
                Some(Kid::Node(k)) if tree.nodes[*k].lang.as_deref() == Some(&**lang) => Some(*k),
                _ => None,
            };
            parent = match last {
                Some(k) => k,
                None => {
                    let span = tree.add(parent, "Span");
                    tree.nodes[span].lang = Some(lang.to_string());
                    span
                }
            };
        }
        tree.nodes[parent].kids.push(Kid::Mcr(*p, *m));
    }
    for &(p, annot, link) in annots {
        let parent = match link.and_then(|l| links.get(&l)) {
            Some(&n) => n,
            None => tree.add(node, "Link"),
        };
        tree.nodes[parent].kids.push(Kid::Objr(p, annot));
    }
}

/// Groups the blocks (in block order, which is reading order) into the tree.
pub(super) fn build(blocks: &BTreeMap<u32, Block>, hints: &Structure) -> Tree {
    let mut tree = Tree::new();
    let mut of_block: BTreeMap<u32, usize> = BTreeMap::new();
    let (mut table, mut section, mut row) = (None, None, 0usize);
    // The open lists, outermost first: each `L` and the `LBody` of its latest item.
    let mut lists: Vec<(usize, usize)> = Vec::new();
    // A label waits for the list item or note it labels.
    let mut label: Option<&[(usize, i64, Part)]> = None;
    // The `Div` of the numbered paragraph being read: its last block and node.
    let mut div: Option<(u32, usize)> = None;
    for (&block, entry) in blocks {
        let (role, mcrs, _) = entry;
        if let Role::Lbl = role {
            label = Some(mcrs);
            continue;
        }
        let in_note = hints
            .notes
            .iter()
            .find(|n| n.0 < block && block <= n.1)
            .and_then(|n| of_block.get(&n.0));
        let group = hints.groups.iter().find(|g| g.0 <= block && block <= g.1);
        let container = match (in_note, group) {
            (Some(&note), _) => {
                if div.take().is_some() {
                    lists.clear();
                    table = None;
                }
                note
            }
            (None, Some(g)) => match div {
                Some((l, node)) if l == g.1 => node,
                _ => {
                    let node = tree.add(0, "Div");
                    div = Some((g.1, node));
                    lists.clear();
                    table = None;
                    node
                }
            },
            (None, None) => {
                if div.take().is_some() {
                    lists.clear();
                    table = None;
                }
                0
            }
        };
        let lbl = label.take().unwrap_or(&[]);
        let add_label = |tree: &mut Tree, parent: usize| {
            if !lbl.is_empty() {
                let l = tree.add(parent, "Lbl");
                tree.nodes[l]
                    .kids
                    .extend(lbl.iter().map(|(p, m, _)| Kid::Mcr(*p, *m)));
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
                    let parent = lists.last().map_or(container, |&(_, body)| body);
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
                        let t = tree.add(container, "Table");
                        table = Some(t);
                        t
                    }
                };
                if c.row_start {
                    let parent = match (c.scope, section) {
                        (Scope::Column, _) => {
                            section = None;
                            tree.add(t, "THead")
                        }
                        (_, Some(s)) => s,
                        (_, None) => {
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
                // At the end of the element whose text cites it, where a reader meets it.
                let parent = hints
                    .cited_by
                    .get(&block)
                    .and_then(|b| of_block.get(b))
                    .copied()
                    .unwrap_or(0);
                let note = tree.add(parent, "Note");
                add_label(&mut tree, note);
                note
            }
            _ => {
                add_label(&mut tree, container);
                tree.add(container, &leaf_type(role))
            }
        };
        if let Role::Figure(alt) = role {
            tree.nodes[node].alt = Some(alt.clone());
        }
        fill(&mut tree, node, entry);
        of_block.insert(block, node);
    }
    tree
}

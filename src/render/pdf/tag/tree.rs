//! The structure tree as plain nodes, grouped from the blocks in reading order: headings,
//! paragraphs (a numbered paragraph with its lists and tables in a `Div`), lists, tables,
//! figures, links (their text and annotations in one `Link`), passages in another language
//! (`Span` with `/Lang`) and footnotes (a `Note` at the end of the element that cites it).
//! A [`Builder`] walks the blocks with one method per role.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Object, ObjectId};

use super::StructType;
use crate::render::pdf::layout::{CellRole, Part, Role, Scope, Structure};

/// A marked-content or object reference inside an element.
#[derive(Debug, Clone, Copy)]
pub(super) enum Kid {
    /// A child element, by node index.
    Node(usize),
    /// Marked content on a page.
    Mcr {
        /// Page index.
        page: usize,
        /// The MCID on that page.
        mcid: i64,
    },
    /// An annotation on a page.
    Objr {
        /// Page index.
        page: usize,
        /// The annotation.
        annot: ObjectId,
    },
}

/// One element of the tree.
#[derive(Debug)]
pub(super) struct Node {
    pub(super) ty: StructType,
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
        let mut tree = Tree { nodes: Vec::new() };
        tree.push(0, StructType::Document);
        tree
    }

    fn push(&mut self, parent: usize, ty: StructType) -> usize {
        self.nodes.push(Node {
            ty,
            parent,
            kids: Vec::new(),
            attrs: None,
            alt: None,
            lang: None,
        });
        self.nodes.len() - 1
    }

    /// Adds an element of type `ty` as the last kid of `parent`.
    fn add(&mut self, parent: usize, ty: StructType) -> usize {
        let id = self.push(parent, ty);
        self.nodes[parent].kids.push(Kid::Node(id));
        id
    }
}

/// One MCID of a block: where it is and which inline part of the block it draws.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Mark {
    /// Page index.
    pub(super) page: usize,
    /// MCID on the page.
    pub(super) mcid: i64,
    /// The link or language it belongs to.
    pub(super) part: Part,
}

/// One link annotation of a block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Annot {
    /// Page index.
    pub(super) page: usize,
    /// The annotation object.
    pub(super) annot: ObjectId,
    /// The link (its number in the document) whose text it covers.
    pub(super) link: Option<u32>,
}

/// One block: its role, its marked content and its annotations.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Block {
    pub(super) role: Role,
    pub(super) marks: Vec<Mark>,
    pub(super) annots: Vec<Annot>,
}

impl Block {
    pub(super) fn new(role: Role) -> Block {
        Block {
            role,
            marks: Vec::new(),
            annots: Vec::new(),
        }
    }
}

/// The table being read: its element, its open `TBody` and its latest `TR`.
#[derive(Debug, Clone, Copy)]
struct OpenTable {
    table: usize,
    body: Option<usize>,
    row: usize,
}

/// A list being read: its `L` and the `LBody` of its latest item.
#[derive(Debug, Clone, Copy)]
struct OpenList {
    list: usize,
    body: usize,
}

/// The `Div` of the numbered paragraph being read, and its last block.
#[derive(Debug, Clone, Copy)]
struct OpenDiv {
    last: u32,
    node: usize,
}

/// Groups the blocks (in block order, which is reading order) into the tree.
pub(super) fn build(blocks: &BTreeMap<u32, Block>, hints: &Structure) -> Tree {
    let mut builder = Builder {
        tree: Tree::new(),
        hints,
        of_block: BTreeMap::new(),
        table: None,
        lists: Vec::new(),
        label: None,
        div: None,
        quote: None,
    };
    for (&n, block) in blocks {
        builder.block(n, block);
    }
    builder.tree
}

/// Walks the blocks in order, keeping what is open: a table, lists (outermost first), a
/// numbered paragraph's `Div`, and a label waiting for the list item or note it labels.
struct Builder<'a> {
    tree: Tree,
    hints: &'a Structure,
    of_block: BTreeMap<u32, usize>,
    table: Option<OpenTable>,
    lists: Vec<OpenList>,
    label: Option<&'a [Mark]>,
    div: Option<OpenDiv>,
    /// The innermost quote the last block stood in (its first block): lists open inside a
    /// quote end with it, and those open outside it are not continued inside.
    quote: Option<u32>,
}

impl<'a> Builder<'a> {
    fn block(&mut self, n: u32, block: &'a Block) {
        if let Role::Lbl = block.role {
            self.label = Some(&block.marks);
            return;
        }
        let quote = (self.hints.quotes.iter())
            .filter(|r| r.0 < n && n <= r.1)
            .map(|r| r.0)
            .max();
        if quote != self.quote {
            self.lists.clear();
            self.quote = quote;
        }
        let container = self.container(n);
        // A label belongs to the block right after it, whatever that is.
        let label = self.label.take().unwrap_or(&[]);
        if !matches!(block.role, Role::L(_)) {
            self.lists.clear();
        }
        if !matches!(block.role, Role::Cell(_)) {
            self.table = None;
        }
        let node = match &block.role {
            Role::L(depth) => {
                let depth = usize::from(*depth);
                // A list's first item closes any list open at its depth.
                if self.hints.lists.binary_search(&n).is_ok() {
                    self.lists.truncate(depth);
                }
                self.list_item(depth, container, label)
            }
            Role::Cell(c) => self.cell(*c, container),
            Role::Note => self.note(n, label),
            role => {
                self.label(container, label);
                self.tree.add(container, super::leaf_type(role))
            }
        };
        if let Role::Figure(alt) = &block.role {
            self.tree.nodes[node].alt = Some(alt.clone());
        }
        fill(&mut self.tree, node, block);
        self.of_block.insert(n, node);
    }

    /// The element block `n` goes into: the note it continues, the `Div` of its numbered
    /// paragraph, or the document. Leaving a `Div` closes its lists and tables.
    fn container(&mut self, n: u32) -> usize {
        let hints = self.hints;
        // Inside a quote (the innermost, when one quotes another): its element, within the
        // paragraph's `Div` or note it stands in, which stays open.
        let quote = (hints.quotes.iter())
            .filter(|r| r.0 < n && n <= r.1)
            .max_by_key(|r| r.0);
        if let Some(&node) = quote.and_then(|r| self.of_block.get(&r.0)) {
            return node;
        }
        let in_note = hints.notes.iter().find(|r| r.0 < n && n <= r.1);
        if let Some(&note) = in_note.and_then(|r| self.of_block.get(&r.0)) {
            self.leave_div();
            return note;
        }
        match hints.groups.iter().find(|g| g.0 <= n && n <= g.1) {
            Some(g) => match self.div {
                Some(div) if div.last == g.1 => div.node,
                _ => {
                    let node = self.tree.add(0, StructType::Div);
                    self.div = Some(OpenDiv { last: g.1, node });
                    self.lists.clear();
                    self.table = None;
                    node
                }
            },
            None => {
                self.leave_div();
                0
            }
        }
    }

    fn leave_div(&mut self) {
        if self.div.take().is_some() {
            self.lists.clear();
            self.table = None;
        }
    }

    /// Puts a label's marked content, if any, into `parent` as an `Lbl`.
    fn label(&mut self, parent: usize, marks: &[Mark]) {
        if !marks.is_empty() {
            let l = self.tree.add(parent, StructType::Lbl);
            self.tree.nodes[l]
                .kids
                .extend(marks.iter().map(|m| Kid::Mcr {
                    page: m.page,
                    mcid: m.mcid,
                }));
        }
    }

    /// A list item (`LI` › `Lbl`, `LBody`); a deeper list sits inside the body of the
    /// item it belongs to. Returns the `LBody`.
    fn list_item(&mut self, depth: usize, container: usize, label: &[Mark]) -> usize {
        // A list that starts deeper than the lists open (one inside a quote inside a list
        // item) is one level below them, not an empty list's item.
        let depth = depth.min(self.lists.len());
        self.lists.truncate(depth + 1);
        if self.lists.len() <= depth {
            let parent = self.lists.last().map_or(container, |l| l.body);
            let list = self.tree.add(parent, StructType::L);
            self.lists.push(OpenList { list, body: 0 });
        }
        // Never empty here: it has just been given a list at `depth`.
        let top = self.lists.len() - 1;
        let li = self.tree.add(self.lists[top].list, StructType::LI);
        self.label(li, label);
        let body = self.tree.add(li, StructType::LBody);
        self.lists[top].body = body;
        body
    }

    /// A table cell (`TH` with its `/Scope`, or `TD`), in a new `TR` when it starts a
    /// row, in a new `Table` when it starts one; the header row gets a `THead`.
    fn cell(&mut self, c: CellRole, container: usize) -> usize {
        let mut open = match self.table {
            Some(t) if !c.table_start => t,
            previous => OpenTable {
                table: self.tree.add(container, StructType::Table),
                body: None,
                row: previous.map_or(0, |t| t.row),
            },
        };
        if c.row_start {
            let parent = match (c.head, open.body) {
                (true, _) => {
                    open.body = None;
                    self.tree.add(open.table, StructType::THead)
                }
                (_, Some(body)) => body,
                (_, None) => {
                    let body = self.tree.add(open.table, StructType::TBody);
                    open.body = Some(body);
                    body
                }
            };
            open.row = self.tree.add(parent, StructType::TR);
        }
        self.table = Some(open);
        let cell = self.tree.add(open.row, super::leaf_type(&Role::Cell(c)));
        let scope: &[u8] = match c.scope {
            Scope::Data => return cell,
            Scope::Row => b"Row",
            Scope::Column => b"Column",
        };
        self.tree.nodes[cell].attrs = Some(Dictionary::from_iter([
            ("O", Object::Name(b"Table".to_vec())),
            ("Scope", Object::Name(scope.to_vec())),
        ]));
        cell
    }

    /// A footnote: a `Note` (with its label) at the end of the element whose text cites
    /// it, where a reader meets it.
    fn note(&mut self, n: u32, label: &[Mark]) -> usize {
        let parent = self
            .hints
            .cited_by
            .get(&n)
            .and_then(|b| self.of_block.get(b))
            .copied()
            .unwrap_or(0);
        let note = self.tree.add(parent, StructType::Note);
        self.label(note, label);
        note
    }
}

/// Puts a block's marked content into its element `node`: plain text straight in, a
/// link's text and annotations in one `Link`, a passage in another language in a `Span`,
/// struck-through text in a `Span` whose layout attributes say so.
fn fill(tree: &mut Tree, node: usize, block: &Block) {
    let mut links: BTreeMap<u32, usize> = BTreeMap::new();
    for mark in &block.marks {
        let mut parent = node;
        if let Some(l) = mark.part.link {
            parent = *links
                .entry(l)
                .or_insert_with(|| tree.add(node, StructType::Link));
        }
        if let Some(lang) = &mark.part.lang {
            // Consecutive marked content in one language shares its span.
            let last = match tree.nodes[parent].kids.last() {
                Some(Kid::Node(k)) if tree.nodes[*k].lang.as_deref() == Some(&**lang) => Some(*k),
                _ => None,
            };
            parent = match last {
                Some(k) => k,
                None => {
                    let span = tree.add(parent, StructType::Span);
                    tree.nodes[span].lang = Some(lang.to_string());
                    span
                }
            };
        }
        if mark.part.struck {
            // Consecutive struck marked content shares its span.
            parent = match tree.nodes[parent].kids.last() {
                Some(Kid::Node(k)) if is_struck(&tree.nodes[*k]) => *k,
                _ => {
                    let span = tree.add(parent, StructType::Span);
                    tree.nodes[span].attrs = Some(line_through());
                    span
                }
            };
        }
        tree.nodes[parent].kids.push(Kid::Mcr {
            page: mark.page,
            mcid: mark.mcid,
        });
    }
    for a in &block.annots {
        let parent = match a.link.and_then(|l| links.get(&l)) {
            Some(&n) => n,
            None => tree.add(node, StructType::Link),
        };
        tree.nodes[parent].kids.push(Kid::Objr {
            page: a.page,
            annot: a.annot,
        });
    }
}

/// The layout attributes of struck-through text (PDF 1.7, 14.8.5.4.2).
fn line_through() -> Dictionary {
    Dictionary::from_iter([
        ("O", Object::Name(b"Layout".to_vec())),
        ("TextDecorationType", Object::Name(b"LineThrough".to_vec())),
    ])
}

/// Is `node` the `Span` of struck-through text?
fn is_struck(node: &Node) -> bool {
    node.ty == StructType::Span && node.attrs.as_ref() == Some(&line_through())
}

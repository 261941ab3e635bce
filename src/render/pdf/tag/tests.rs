use std::collections::BTreeMap;

use super::tree::{Annot, Block, Kid, Mark, Tree, build};
use super::*;
use crate::render::pdf::layout::CellRole;

fn cell(scope: Scope, row_start: bool, table_start: bool) -> Role {
    Role::Cell(CellRole {
        scope,
        head: scope == Scope::Column,
        row_start,
        table_start,
    })
}

/// The tree's element types, indented, with `#` for marked content and `@` for an
/// annotation.
fn outline(tree: &Tree, n: usize, depth: usize, out: &mut String) {
    let node = &tree.nodes[n];
    let marks: String = node
        .kids
        .iter()
        .filter_map(|k| match k {
            Kid::Mcr { .. } => Some('#'),
            Kid::Objr { .. } => Some('@'),
            Kid::Node(_) => None,
        })
        .collect();
    out.push_str(&format!(
        "{}{} {marks}\n",
        "  ".repeat(depth),
        node.ty.name()
    ));
    for kid in &node.kids {
        if let Kid::Node(k) = kid {
            outline(tree, *k, depth + 1, out);
        }
    }
}

fn part(link: Option<u32>, lang: Option<&str>) -> Part {
    Part {
        link,
        lang: lang.map(Into::into),
        struck: false,
    }
}

/// Marked content on the first page.
fn mark(mcid: i64, part: Part) -> Mark {
    Mark {
        page: 0,
        mcid,
        part,
    }
}

/// An annotation on the first page.
fn annot(object: u32, link: Option<u32>) -> Annot {
    Annot {
        page: 0,
        annot: (object, 0),
        link,
    }
}

/// Blocks numbered from 1, one plain MCID each unless given.
fn blocks(roles: &[Role]) -> BTreeMap<u32, Block> {
    roles
        .iter()
        .enumerate()
        .map(|(k, role)| {
            let mut block = Block::new(role.clone());
            block.marks.push(mark(k as i64, Part::default()));
            (k as u32 + 1, block)
        })
        .collect()
}

fn tree_of(blocks: &BTreeMap<u32, Block>, hints: &Structure) -> String {
    let mut out = String::new();
    outline(&build(blocks, hints), 0, 0, &mut out);
    out
}

#[test]
fn blocks_group_into_title_tables_lists_and_figures() {
    let roles = [
        Role::H(1),
        cell(Scope::Row, true, true),
        cell(Scope::Data, false, false),
        cell(Scope::Row, true, false),
        cell(Scope::Data, false, false),
        Role::H(2),
        Role::P,
        Role::Lbl,
        Role::L(0),
        Role::L(1),
        Role::L(0),
        cell(Scope::Column, true, true),
        cell(Scope::Data, true, false),
        Role::Figure("A chart".into()),
    ];
    let tree = build(&blocks(&roles), &Structure::default());
    let mut out = String::new();
    outline(&tree, 0, 0, &mut out);
    let expected = "\
Document 
  H1 #
  Table 
    TBody 
      TR 
        TH #
        TD #
      TR 
        TH #
        TD #
  H2 #
  P #
  L 
    LI 
      Lbl #
      LBody #
        L 
          LI 
            LBody #
    LI 
      LBody #
  Table 
    THead 
      TR 
        TH #
    TBody 
      TR 
        TD #
  Figure #
";
    assert_eq!(out, expected);
    let th = tree
        .nodes
        .iter()
        .find(|n| n.ty == StructType::TH)
        .and_then(|n| n.attrs.clone());
    assert_eq!(
        th.and_then(|a| a.get(b"Scope").ok().cloned()),
        Some(name("Row"))
    );
}

#[test]
fn a_links_text_and_annotations_share_one_link_element() {
    // A paragraph: text, a link over two lines (two MCIDs, two annotations), text, and a
    // passage in Gaelic inside a second link.
    let p = Block {
        role: Role::P,
        marks: vec![
            mark(0, Part::default()),
            mark(1, part(Some(7), None)),
            mark(2, part(Some(7), None)),
            mark(3, Part::default()),
            mark(4, part(Some(8), Some("gd"))),
        ],
        annots: vec![annot(20, Some(7)), annot(21, Some(7)), annot(22, Some(8))],
    };
    let blocks = BTreeMap::from([(1, p)]);
    let out = tree_of(&blocks, &Structure::default());
    assert_eq!(
        out,
        "Document \n  P ##\n    Link ##@@\n    Link @\n      Span #\n"
    );
    let tree = build(&blocks, &Structure::default());
    let span = tree.nodes.iter().find(|n| n.ty == StructType::Span);
    assert_eq!(span.and_then(|s| s.lang.as_deref()), Some("gd"));
}

#[test]
fn struck_text_is_a_span_saying_so_and_its_lines_share_it() {
    let struck = |lang: Option<&str>| Part {
        struck: true,
        ..part(None, lang)
    };
    // Text, a struck passage over two lines, text, then struck Gaelic.
    let p = Block {
        role: Role::P,
        marks: vec![
            mark(0, Part::default()),
            mark(1, struck(None)),
            mark(2, struck(None)),
            mark(3, Part::default()),
            mark(4, struck(Some("gd"))),
        ],
        annots: Vec::new(),
    };
    let blocks = BTreeMap::from([(1, p)]);
    let out = tree_of(&blocks, &Structure::default());
    assert_eq!(
        out,
        "Document \n  P ##\n    Span ##\n    Span \n      Span #\n"
    );
    let tree = build(&blocks, &Structure::default());
    let spans: Vec<&super::tree::Node> = tree
        .nodes
        .iter()
        .filter(|n| n.ty == StructType::Span && n.attrs.is_some())
        .collect();
    assert_eq!(spans.len(), 2, "{out}");
    for span in spans {
        let attrs = span.attrs.as_ref().unwrap();
        assert_eq!(attrs.get(b"O").unwrap().as_name().unwrap(), b"Layout");
        assert_eq!(
            attrs.get(b"TextDecorationType").unwrap().as_name().unwrap(),
            b"LineThrough"
        );
    }
}

#[test]
fn a_numbered_paragraph_with_a_list_is_one_div_and_notes_follow_their_citation() {
    let roles = [
        Role::H(2),
        Role::P,
        Role::Lbl,
        Role::L(0),
        Role::Lbl,
        Role::L(0),
        Role::P,
        Role::Lbl,
        Role::Note,
        Role::Lbl,
        Role::L(0),
        Role::P,
    ];
    let hints = Structure {
        groups: vec![(2, 6)],
        cited_by: BTreeMap::from([(9, 2)]),
        notes: vec![(9, 12)],
        ..Structure::default()
    };
    let out = tree_of(&blocks(&roles), &hints);
    let expected = "\
Document 
  H2 #
  Div 
    P #
      Note #
        Lbl #
        L 
          LI 
            Lbl #
            LBody #
        P #
    L 
      LI 
        Lbl #
        LBody #
      LI 
        Lbl #
        LBody #
  P #
";
    assert_eq!(out, expected);
}

#[test]
fn an_empty_corner_is_a_td_in_the_thead_and_each_table_keeps_its_own_rows() {
    let corner = Role::Cell(CellRole {
        scope: Scope::Data,
        head: true,
        row_start: true,
        table_start: true,
    });
    let roles = [
        cell(Scope::Column, true, true),
        cell(Scope::Column, false, false),
        cell(Scope::Data, true, false),
        cell(Scope::Data, false, false),
        corner,
        cell(Scope::Column, false, false),
        cell(Scope::Data, true, false),
        cell(Scope::Data, false, false),
    ];
    let expected = "\
Document 
  Table 
    THead 
      TR 
        TH #
        TH #
    TBody 
      TR 
        TD #
        TD #
  Table 
    THead 
      TR 
        TD #
        TH #
    TBody 
      TR 
        TD #
        TD #
";
    assert_eq!(tree_of(&blocks(&roles), &Structure::default()), expected);
}

#[test]
fn a_cell_with_no_text_keeps_its_place_in_its_row_with_no_kids() {
    let mut doc = Document::with_version("1.7");
    let page = doc.new_object_id();
    doc.objects
        .insert(page, Object::Dictionary(Dictionary::new()));
    let first = match cell(Scope::Data, true, true) {
        Role::Cell(c) => c,
        _ => unreachable!("cell() makes a cell"),
    };
    let other = CellRole {
        row_start: false,
        table_start: false,
        ..first
    };
    // Three cells; the middle one drew nothing.
    let pages = [PageMarks {
        id: page,
        mcids: vec![
            (1, Role::Cell(first), Part::default()),
            (3, Role::Cell(other), Part::default()),
        ],
        annots: Vec::new(),
    }];
    let hints = Structure {
        cells: vec![(1, first), (2, other), (3, other)],
        ..Structure::default()
    };
    structure(&mut doc, &pages, &hints, Some("en"), None);
    let tds: Vec<&Dictionary> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"S").ok().and_then(|s| s.as_name().ok()) == Some(b"TD"))
        .collect();
    assert_eq!(tds.len(), 3);
    assert_eq!(tds.iter().filter(|d| !d.has(b"K")).count(), 1);
    let row = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .find(|d| d.get(b"S").ok().and_then(|s| s.as_name().ok()) == Some(b"TR"))
        .expect("a row");
    assert_eq!(
        row.get(b"K").and_then(Object::as_array).map(Vec::len).ok(),
        Some(3)
    );
}

/// `1.` items then `-` items straight after: two lists, each an `L` of its own (the
/// HTML's <ol> then <ul>), not one of four items. A nested list's first item opens a list
/// inside its item, as before.
#[test]
fn a_list_straight_after_another_is_a_list_of_its_own() {
    let roles = [Role::L(0), Role::L(0), Role::L(1), Role::L(0), Role::L(0)];
    let hints = Structure {
        lists: vec![1, 3, 4],
        ..Structure::default()
    };
    let expected = "\
Document 
  L 
    LI 
      LBody #
    LI 
      LBody #
        L 
          LI 
            LBody #
  L 
    LI 
      LBody #
    LI 
      LBody #
";
    assert_eq!(tree_of(&blocks(&roles), &hints), expected);
}

/// A quote's element holds what it quotes, in order: its paragraphs, a list, a table and
/// a quote inside it (whose paragraph stays inside the inner one, and what follows it in
/// the outer one); the quote's own block draws nothing.
#[test]
fn a_quote_holds_its_paragraphs_lists_tables_and_inner_quotes() {
    let roles = [
        Role::P,
        Role::P,
        Role::Lbl,
        Role::L(0),
        cell(Scope::Column, true, true),
        Role::P,
        Role::P,
        Role::P,
    ];
    let mut blocks = blocks(&roles);
    // Block 1 is the outer quote (nothing drawn), 6 the inner one; 8 is after both.
    blocks.remove(&1);
    blocks.remove(&6);
    let hints = Structure {
        quotes: vec![(6, 7), (1, 7)],
        lists: vec![4],
        ..Structure::default()
    };
    let expected = "\
Document 
  BlockQuote 
    P #
    L 
      LI 
        Lbl #
        LBody #
    Table 
      THead 
        TR 
          TH #
    BlockQuote 
      P #
  P #
";
    // As `structure` gives them: each quote's own block, drawing nothing.
    for &(first, _) in &hints.quotes {
        blocks.insert(first, Block::new(Role::Quote));
    }
    assert_eq!(tree_of(&blocks, &hints), expected);
}

/// A quote inside a list item holding a list of its own (`- a` / `  > - b` / `- c`): the
/// quote's list is one `L` inside the `BlockQuote`, and the outer list's next item is not
/// taken into it (a review found `c` an item of the quote's list).
#[test]
fn a_list_in_a_quote_in_a_list_item_keeps_to_the_quote() {
    let roles = [Role::L(0), Role::P, Role::L(1), Role::L(0)];
    let mut blocks = blocks(&roles);
    // Block 2 is the quote (nothing drawn), holding block 3.
    blocks.insert(2, Block::new(Role::Quote));
    let hints = Structure {
        quotes: vec![(2, 3)],
        lists: vec![1, 3],
        ..Structure::default()
    };
    // (A quote in a list item stands after its list, as a table there does: the outer
    // list goes on as a second `L`, as it did before quotes held their content.)
    let expected = "\
Document 
  L 
    LI 
      LBody #
  BlockQuote 
    L 
      LI 
        LBody #
  L 
    LI 
      LBody #
";
    assert_eq!(tree_of(&blocks, &hints), expected);
}

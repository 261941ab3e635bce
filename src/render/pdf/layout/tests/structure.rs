//! What the layout tells the structure tree: the title and heading levels, links,
//! passages in another language and struck text as parts of their block, groups and
//! footnote citations.

use super::{doc, runs};
use crate::render::pdf::fonts::Fonts;
use crate::render::pdf::layout::running::MARKING_BLOCK;
use crate::render::pdf::layout::*;

fn text_of(run: &GlyphRun) -> String {
    run.glyphs.iter().map(|g| g.text).collect()
}

fn lay_doc(d: &Document, title: bool) -> Layout {
    let mut house = HouseStyle::default();
    house.pdf.title = title;
    layout(d, &RenderOptions::new(&house), &Fonts::embedded())
}

/// `(role, part, run)` of every content run, in drawing order.
fn content(l: &Layout) -> Vec<(Role, Part, u32, &GlyphRun)> {
    l.pages
        .iter()
        .flat_map(runs)
        .filter_map(|(t, r)| match t {
            Tag::Content { block, role, part } => Some((role.clone(), part.clone(), *block, r)),
            Tag::Artifact => None,
        })
        .collect()
}

#[test]
fn the_title_is_the_h1_above_the_header_table_and_wraps() {
    let mut d = doc(
        "# Background\n\nText.\n\n## Detail\n\nMore.\n\n### Finer\n\nMost.",
        "",
    );
    d.meta.title = "A Long Title About the Annual Review of Policing Performance Across Every Division of Scotland".into();
    let l = lay_doc(&d, true);
    let runs = content(&l);
    let title: Vec<&GlyphRun> = runs
        .iter()
        .filter(|(role, ..)| *role == Role::H(1))
        .map(|(.., r)| *r)
        .collect();
    let words: String = title
        .iter()
        .map(|r| text_of(r))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.starts_with("A Long Title"), "{words}");
    let lines: std::collections::BTreeSet<i64> = title.iter().map(|r| r.y as i64).collect();
    assert!(lines.len() >= 2, "a long title wraps: {lines:?}");
    assert!(
        title
            .iter()
            .all(|r| r.face == crate::render::pdf::fonts::FaceId::Bold)
    );
    assert!(
        title
            .iter()
            .all(|r| r.size > HouseStyle::default().pdf.font_size * 1.3)
    );
    let meeting = runs
        .iter()
        .find(|(.., r)| text_of(r) == "Meeting")
        .expect("the header table");
    assert!(
        title.iter().all(|r| r.y < meeting.3.y),
        "the title is above the table"
    );
    let level = |text: &str| {
        runs.iter()
            .find(|(.., r)| text_of(r).contains(text))
            .map(|(role, ..)| role.clone())
    };
    assert_eq!(level("BACKGROUND"), Some(Role::H(2)));
    assert_eq!(level("Detail"), Some(Role::H(3)));
    assert_eq!(level("Finer"), Some(Role::H(4)));
}

#[test]
fn without_the_title_the_sections_are_h1_and_no_level_is_skipped() {
    let d = doc(
        "# Background\n\nText.\n\n### Straight to three\n\nMore.",
        "",
    );
    let l = lay_doc(&d, false);
    let runs = content(&l);
    let headings: Vec<(Role, String)> = runs
        .iter()
        .filter(|(role, ..)| matches!(role, Role::H(_)))
        .map(|(role, .., r)| (role.clone(), text_of(r)))
        .collect();
    assert_eq!(headings[0].0, Role::H(1));
    assert!(
        headings.iter().all(|(_, t)| !t.contains("A Test Paper")),
        "{headings:?}"
    );
    let three = headings.iter().find(|(_, t)| t.contains("Straight"));
    assert_eq!(
        three.map(|h| &h.0),
        Some(&Role::H(2)),
        "### under a section is one level down"
    );
}

#[test]
fn a_link_over_two_lines_is_one_link_and_a_marked_passage_has_its_language() {
    let body = "# Background\n\nThe report is at [the inspectorate's long and winding publication page for this review, with every annex, appendix and the consultation responses it received](https://example.org/r) and it says [Tha mi toilichte]{lang=gd} in the middle of a sentence that goes on.";
    let l = lay_doc(&doc(body, ""), true);
    let runs = content(&l);
    let linked: Vec<(u32, f32)> = runs
        .iter()
        .filter_map(|(_, part, _, r)| Some((part.link?, r.y)))
        .collect();
    let ids: std::collections::BTreeSet<u32> = linked.iter().map(|l| l.0).collect();
    let lines: std::collections::BTreeSet<i64> = linked.iter().map(|l| l.1 as i64).collect();
    assert_eq!(ids.len(), 1, "one link: {linked:?}");
    assert!(lines.len() >= 2, "over two lines: {linked:?}");
    let gaelic: String = runs
        .iter()
        .filter(|(_, part, ..)| part.lang.as_deref() == Some("gd"))
        .map(|(.., r)| text_of(r))
        .collect();
    assert_eq!(gaelic.trim(), "Tha mi toilichte");
    // Plain text around them is plain, in the same block.
    let blocks: std::collections::BTreeSet<u32> = runs
        .iter()
        .filter(|(role, ..)| *role == Role::P)
        .filter(|(.., r)| text_of(r).contains("report") || text_of(r).contains("middle"))
        .map(|(_, _, b, _)| *b)
        .collect();
    assert_eq!(blocks.len(), 1);
}

#[test]
fn a_paragraph_with_a_list_is_a_group_and_a_note_knows_its_citation() {
    let body = "# Background\n\nThe points were:[^a]\n\n- one\n- two\n\nAfter.\n\n[^a]: A note.";
    let l = lay_doc(&doc(body, ""), true);
    let runs = content(&l);
    let block_of = |text: &str| {
        runs.iter()
            .find(|(.., r)| text_of(r).contains(text))
            .map(|(_, _, b, _)| *b)
            .unwrap_or_else(|| panic!("{text}"))
    };
    let (intro, two, after) = (block_of("points"), block_of("two"), block_of("After"));
    assert_eq!(l.structure.groups, vec![(intro, two)], "{:?}", l.structure);
    assert!(after > two);
    let note = block_of("A note");
    assert_eq!(l.structure.cited_by.get(&note), Some(&intro));
    assert!(l.structure.notes.iter().any(|n| n.0 == note));
}

#[test]
fn struck_text_is_its_own_part_with_a_line_through_it_on_each_line() {
    let body = "# Background\n\nThe budget is ~~five million pounds, as the first draft of this report said in its opening paragraph and again later~~ six million.";
    let l = lay_doc(&doc(body, ""), true);
    let runs = content(&l);
    let struck: Vec<&GlyphRun> = runs
        .iter()
        .filter(|(_, part, ..)| part.struck)
        .map(|(.., r)| *r)
        .collect();
    let text: String = struck.iter().map(|r| text_of(r)).collect();
    assert_eq!(
        text.split_whitespace().collect::<Vec<_>>().join(" "),
        "five million pounds, as the first draft of this report said in its opening paragraph and again later"
    );
    // Each struck run has a line through it: an artifact as long as its words (not the
    // space after them), a third of the size above its baseline.
    let lines: Vec<(f32, f32, f32, f32)> = l.pages[0]
        .items
        .iter()
        .filter_map(|i| match (&i.tag, &i.mark) {
            (
                Tag::Artifact,
                Mark::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill: Some(_),
                    stroke: None,
                },
            ) => Some((*x, *y, *w, *h)),
            _ => None,
        })
        .filter(|(_, _, _, h)| *h < 1.0)
        .collect();
    let rows: std::collections::BTreeSet<i64> = struck.iter().map(|r| r.y as i64).collect();
    assert!(rows.len() >= 2, "over two lines: {rows:?}");
    assert_eq!(lines.len(), rows.len(), "one line through each: {lines:?}");
    for run in &struck {
        let through = lines
            .iter()
            .find(|(x, y, ..)| {
                (x - run.x).abs() < 0.01 && *y < run.y && *y > run.y - run.size * 0.5
            })
            .unwrap_or_else(|| panic!("a line through {:?} in {lines:?}", text_of(run)));
        let words = text_of(run);
        let width = run.width()
            - if words.ends_with(' ') {
                run.glyphs.ids().last().map_or(0.0, |g| g.1)
            } else {
                0.0
            };
        assert!(
            (through.2 - width).abs() < 0.5,
            "{words:?}: {through:?} against {width}"
        );
    }
    // The words after are plain, with nothing through them.
    assert!(
        runs.iter()
            .any(|(_, part, _, r)| !part.struck && text_of(r).contains("six"))
    );
}

/// The DRAFT mark and the marking are read once, first, on the first page (as the HTML's
/// banner and marking are); on every later page they are furniture.
#[test]
fn the_draft_mark_and_marking_are_read_first_on_the_first_page_only() {
    let body = (1..60)
        .map(|n| format!("Paragraph {n} of a paper long enough for a second page."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut d = doc(&format!("# Background\n\n{body}"), "");
    d.meta.classification = Some("OFFICIAL-SENSITIVE".into());
    let house = HouseStyle::default();
    let mut opts = RenderOptions::new(&house);
    opts.draft = true;
    let l = layout(&d, &opts, &Fonts::embedded());
    assert!(l.pages.len() > 1);
    let read: Vec<(u32, String)> = content(&l)
        .into_iter()
        .map(|(role, _, block, r)| {
            assert!(block > MARKING_BLOCK || role == Role::P);
            (block, text_of(r))
        })
        .collect();
    let first: Vec<&str> = read.iter().take(2).map(|(_, t)| t.as_str()).collect();
    assert_eq!(first, ["DRAFT", "OFFICIAL-SENSITIVE"], "{read:?}");
    assert_eq!((read[0].0, read[1].0), (0, 1));
    let said = |word: &str| read.iter().filter(|(_, t)| t == word).count();
    assert_eq!((said("DRAFT"), said("OFFICIAL-SENSITIVE")), (1, 1));
}

/// Each list's first item is told to the tree, after its bullet's block: a numbered list
/// and a bulleted one straight after it are two lists; a nested list is one more.
#[test]
fn each_lists_first_item_is_told_to_the_tree() {
    let d = doc(
        "# Background\n\n1. first\n2. second\n    - inner\n\n- third\n- fourth",
        "",
    );
    let l = lay_doc(&d, true);
    let firsts: Vec<String> = content(&l)
        .into_iter()
        .filter(|(role, _, block, _)| {
            matches!(role, Role::L(_)) && l.structure.lists.contains(block)
        })
        .map(|(.., r)| text_of(r))
        // The paragraph's hanging number, which the list opens, is drawn with its item.
        .filter(|t| t != "1.1 ")
        .collect();
    assert_eq!(firsts, ["first", "inner", "third"]);
}

/// A paper written in Welsh in an English house: the words the house gives (the header
/// table's labels, an implication's heading and default sentence) are marked `en-GB`, the
/// paper's own words not, so a screen reader reads each in its language.
#[test]
fn the_houses_words_in_a_paper_of_another_language_are_marked_as_the_houses() {
    let d = doc("# Cefndir\n\nMae'r papur hwn yn Gymraeg.", "language: cy\n");
    let l = lay_doc(&d, true);
    let lang_of = |want: &str| -> Option<Option<String>> {
        content(&l)
            .into_iter()
            .find(|(.., r)| text_of(r).starts_with(want))
            .map(|(_, part, ..)| part.lang.map(String::from))
    };
    let english = Some(Some("en-GB".to_string()));
    assert_eq!(lang_of("Meeting"), english);
    assert_eq!(lang_of("FINANCIAL"), english);
    assert_eq!(lang_of("There"), english, "the default sentence");
    assert_eq!(lang_of("Mae"), Some(None), "the paper's own words");
    // A draft's DRAFT mark, read first, is the house's word too.
    let house = HouseStyle::default();
    let mut opts = RenderOptions::new(&house);
    opts.draft = true;
    let drafted = layout(&d, &opts, &Fonts::embedded());
    let (_, part, ..) = content(&drafted).into_iter().next().expect("read first");
    assert_eq!(part.lang.as_deref(), Some("en-GB"));
    // The same paper in English marks nothing.
    let d = doc("# Background\n\nThis paper is in English.", "");
    let l = lay_doc(&d, true);
    assert!(content(&l).iter().all(|(_, part, ..)| part.lang.is_none()));
}

/// A code block's lines, and a list item's two paragraphs (one block each), end with an
/// invisible space: read from the tags, `line one line two`, not `line oneline two`.
#[test]
fn lines_of_one_block_are_read_apart() {
    let d = doc(
        "# Background\n\nSome code:\n\n```\nline one\nline two\ndone ✓\nnext\n```\n\n- First item\n\n  Its second paragraph.\n\n- Second item",
        "",
    );
    let l = lay_doc(&d, true);
    let text: Vec<String> = content(&l).into_iter().map(|(.., r)| text_of(r)).collect();
    let ending = |start: &str| {
        text.iter()
            .find(|t| t.starts_with(start))
            .unwrap_or_else(|| panic!("{start} in {text:?}"))
            .ends_with(' ')
    };
    assert!(ending("line one"), "{text:?}");
    // A line that ends in a symbol, from clerk's symbols font, ends with its space.
    assert!(ending("✓"), "{text:?}");
    assert!(ending("First item"), "{text:?}");
}

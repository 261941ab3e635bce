//! CommonMark fidelity (#19) and heading labels (#15 item 10), one test per item.

use super::*;

fn lists(blocks: &[Block]) -> Vec<(bool, usize)> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::List { tight, items, .. } => Some((*tight, items.len())),
            _ => None,
        })
        .collect()
}

fn first_list(p: &Para) -> (&Vec<Vec<Block>>, bool) {
    p.blocks
        .iter()
        .find_map(|b| match b {
            Block::List { items, tight, .. } => Some((items, *tight)),
            _ => None,
        })
        .expect("a list")
}

#[test]
fn item_1_a_list_is_tight_or_loose_as_written() {
    let (s, d) = run("# A\n\nIntro:\n\n- foo\n- bar\n\nLoose:\n\n- foo\n\n- bar\n");
    assert!(d.is_empty(), "{d:#?}");
    let p = paras(&s.sections[0]);
    assert_eq!(lists(&p[0].blocks), vec![(true, 2)]);
    assert_eq!(lists(&p[1].blocks), vec![(false, 2)]);

    // A tight item holding a nested list stays tight (its text is no paragraph of its
    // own), and the nested list is tight too.
    let (s, _) = run("# A\n\nIntro:\n\n- a\n  - b\n  - c\n- d\n");
    let (items, tight) = first_list(paras(&s.sections[0])[0]);
    assert!(tight);
    assert!(matches!(items[0][1], Block::List { tight: true, .. }));

    // One blank line between two items makes the whole list loose, not half of it.
    let (s, _) = run("# A\n\nIntro:\n\n- a\n- b\n\n- c\n");
    let (items, tight) = first_list(paras(&s.sections[0])[0]);
    assert!(!tight);
    assert_eq!(items.len(), 3);
}

fn link_urls(s: &Sections) -> Vec<String> {
    let mut out = Vec::new();
    let mut sections = s.sections.clone();
    for sec in &mut sections {
        for item in &mut sec.items {
            if let Item::Para(p) = item {
                crate::document::markdown::refs::walk_blocks(&mut p.blocks, &mut |i| {
                    if let Inline::Link { url, .. } = i {
                        out.push(url.clone());
                    }
                });
            }
        }
    }
    out
}

#[test]
fn item_2_an_email_autolink_gets_mailto() {
    let (s, d) = run("# A\n\nWrite to <foo@bar.example.com> or <https://example.org>.\n");
    // Only the web address is warned about (its words say nothing); an email address
    // says who it writes to.
    assert_eq!(codes(&d), ["link-text-url"], "{d:#?}");
    assert_eq!(find(&d, "link-text-url").column, 35);
    assert_eq!(
        link_urls(&s),
        ["mailto:foo@bar.example.com", "https://example.org"]
    );
}

#[test]
fn item_3_link_destinations_are_percent_encoded_as_the_reference_renderer_does() {
    let (s, _) = run(
        "# A\n\n[a](</my uri>) [b](/föö) [c](/x\u{a0}y) [d](/q\"uote) [e](/100%25) [f](/a&b) [g](#label)\n",
    );
    assert_eq!(
        link_urls(&s),
        [
            "/my%20uri",
            "/f%C3%B6%C3%B6",
            "/x%C2%A0y",
            "/q%22uote",
            "/100%25",
            "/a&b",
            "#label"
        ]
    );
    // A bare web address is encoded alike.
    let (s, _) = run("# A\n\nSee https://example.org/a|b for it.\n");
    assert_eq!(link_urls(&s), ["https://example.org/a%7Cb"]);
}

#[test]
fn item_4_inline_markup_in_a_heading_is_kept() {
    let (s, d) = run("# foo *bar* \\*baz\\* `code`\n\nText.\n");
    assert!(d.is_empty(), "{d:#?}");
    let sec = &s.sections[0];
    // The plain heading (outline, bookmarks, ids) is the words.
    assert_eq!(sec.heading, "foo bar *baz* code");
    assert_eq!(
        sec.content,
        vec![
            Inline::Text {
                text: "foo ".into()
            },
            Inline::Emph {
                content: vec![Inline::Text { text: "bar".into() }]
            },
            Inline::Text {
                text: " *baz* ".into()
            },
            Inline::Code {
                text: "code".into()
            },
        ]
    );
    assert!(Inline::has_markup(&sec.content));
}

#[test]
fn item_5_a_heading_inside_a_list_or_quote_is_a_bold_line_with_a_warning() {
    let (s, d) = run("# A\n\nIntro:\n\n- # Foo\n- bar\n\n> ## Quoted\n> text\n");
    let warned: Vec<_> = d.iter().filter(|d| d.code == "heading-in-block").collect();
    assert_eq!(warned.len(), 2, "{d:#?}");
    assert_eq!((warned[0].line, warned[1].line), (5, 8));
    assert_eq!(warned[0].severity, Severity::Warning);
    // Still one section: neither heading became one of the paper's.
    let body = |k: &SectionKind| matches!(k, SectionKind::Body);
    assert_eq!(s.sections.iter().filter(|s| body(&s.kind)).count(), 1);
    let (items, _) = first_list(paras(&s.sections[0])[0]);
    assert!(matches!(
        &items[0][0],
        Block::Paragraph { content } if matches!(&content[0], Inline::Strong { .. })
    ));
}

#[test]
fn a_task_box_is_shown_as_written_with_a_warning() {
    let (s, d) = run(
        "# A\n\nActions:\n\n- [x] done\n- [ ] open\n- [X] also done\n\nMore:\n\n1. [ ] another list\n",
    );
    // Once a list, at its first box.
    assert_eq!(codes(&d), ["task-list", "task-list"], "{d:#?}");
    assert_eq!((d[0].line, d[0].column), (5, 3));
    assert_eq!((d[1].line, d[1].column), (11, 4));
    let (items, _) = first_list(paras(&s.sections[0])[0]);
    let texts: Vec<String> = items
        .iter()
        .map(|it| match &it[0] {
            Block::Paragraph { content } => Inline::plain(content),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(texts, ["[x] done", "[ ] open", "[X] also done"]);
}

#[test]
fn a_heading_label_is_cited_as_its_section() {
    let (s, d) = run(
        "# Purpose\n\nSee [](#background) and [the detail](#detail).\n\n# Background {#background}\n\nText.\n\n## Detail {#detail}\n\nMore.\n",
    );
    assert!(d.is_empty(), "{d:#?}");
    let bg = &s.sections[1];
    // The label is the section's anchor and never shows.
    assert_eq!(
        (bg.id.as_str(), bg.heading.as_str()),
        ("background", "Background")
    );
    assert!(!Inline::plain(&bg.content).contains('{'));
    let Item::SubHeading { id, content, .. } = &bg.items[1] else {
        panic!("{:?}", bg.items)
    };
    assert_eq!(
        (id.as_str(), Inline::plain(content).as_str()),
        ("detail", "Detail")
    );
    let inl = first_inlines(paras(&s.sections[0])[0]);
    assert!(
        inl.contains(&Inline::CrossRef {
            label: "background".into(),
            number: "section\u{a0}1".into(),
            target: "background".into(),
        }),
        "{inl:?}"
    );
}

/// The numbers the cross-references of a paragraph show, in order.
fn crossref_numbers(para: &Para) -> Vec<String> {
    first_inlines(para)
        .iter()
        .filter_map(|i| match i {
            Inline::CrossRef { number, .. } => Some(number.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_heading_reference_after_the_word_section_shows_the_number_alone() {
    let (s, d) = run(
        "# Background {#background}\n\nSee section [](#background), Section [](#background) and (section [](#background)); [](#background) too.\n",
    );
    assert!(d.is_empty(), "{d:#?}");
    let numbers = crossref_numbers(paras(&s.sections[0])[0]);
    assert_eq!(numbers, ["1", "1", "1", "section\u{a0}1"]);
}

#[test]
fn the_word_section_may_end_a_line_or_be_emphasised_before_a_reference() {
    let (s, d) = run(
        "# Background {#background}\n\nSee section\n[](#background), **section** [](#background), sections [](#background).\n",
    );
    assert!(d.is_empty(), "{d:#?}");
    let numbers = crossref_numbers(paras(&s.sections[0])[0]);
    assert_eq!(numbers, ["1", "1", "section\u{a0}1"]);
}

/// A Welsh house words the section a reference names (`words.section: adran`): `adran 1`,
/// and the number alone after `adran` written out.
#[test]
fn a_heading_reference_shows_the_houses_word_for_section() {
    let mut house = HouseStyle::default();
    house.words.section = "adran".into();
    let body = "# Cefndir {#cefndir}\n\nGweler adran [](#cefndir) a [](#cefndir).\n";
    let dir = Path::new(".");
    let (s, d) = run_in_house(body, (&[], RECS), (dir, dir), &house);
    assert!(d.is_empty(), "{d:#?}");
    let numbers = crossref_numbers(paras(&s.sections[0])[0]);
    assert_eq!(numbers, ["1", "adran\u{a0}1"]);
}

#[test]
fn an_unknown_heading_label_is_reported_at_its_line_with_a_hint() {
    let (_, d) = run("# Background {#background}\n\nSee [](#backgruond).\n");
    let e = find(&d, "unknown-label");
    assert_eq!((e.line, e.severity), (3, Severity::Error));
    assert!(
        e.help.as_deref().unwrap_or("").contains("`background`"),
        "{e:#?}"
    );
}

#[test]
fn a_label_used_twice_is_an_error_and_an_unnumbered_heading_cannot_be_cited_by_number() {
    let (_, d) = run("# A {#same}\n\nText.\n\n# B {#same}\n\nText.\n");
    let e = find(&d, "duplicate-label");
    assert_eq!((e.line, e.column, e.severity), (5, 5, Severity::Error));

    let (_, d) = run("# A\n\nParagraph. {#same}\n\n## Sub {#same}\n\nText.\n");
    assert_eq!(find(&d, "duplicate-label").line, 5);

    let (_, d) = run("# A\n\nSee [](#sub).\n\n## Sub {#sub}\n\nText.\n");
    assert_eq!(find(&d, "xref-unnumbered").line, 3);
}

#[test]
fn heading_classes_and_attributes_are_warned_about_and_never_shown() {
    let (s, d) = run("# Background {.wide lang=en}\n\nText.\n");
    assert_eq!(codes(&d), ["heading-attribute"], "{d:#?}");
    assert_eq!(s.sections[0].heading, "Background");
}

#[test]
fn an_indented_paragraph_is_code_with_a_warning_and_a_fenced_block_has_none() {
    let (_, d) = run("# A\n\nIntro.\n\n\tIndented as in Word.\n\n    Four spaces too.\n");
    let warned: Vec<_> = d.iter().filter(|d| d.code == "indented-code").collect();
    assert_eq!(warned.len(), 1, "one block: {d:#?}");
    assert_eq!((warned[0].line, warned[0].severity), (5, Severity::Warning));
    assert!(warned[0].help.as_deref().unwrap().contains("```"));
    let (_, d) = run("# A\n\nIntro:\n\n```\n    code\n```\n\n- item\n\n  its second paragraph\n");
    assert!(
        d.iter().all(|d| d.code != "indented-code"),
        "fenced code, and a paragraph indented to its list item, are not it: {d:#?}"
    );
}

//! Top-level blocks → sections and items with numbers and anchor ids.
//!
//! A paragraph takes a number; a list, table, quote, code block, lone image or rule that
//! follows it belongs to it. Body sections are numbered 1, 2, …, implications on from there,
//! and RECOMMENDATIONS closes the paper unnumbered (those, and appendix files, are in
//! `closing`).

use super::blocks::Node;
use super::ids::{heading_text, unique_slug};
use super::names::check_closing_heading;
use super::{Ctx, Loc};
use crate::config::HouseStyle;
use crate::document::{Block, Inline, Item, Para, Section, SectionKind};

/// An item before it has a number and id.
pub(super) enum Draft {
    Para {
        blocks: Vec<Block>,
        label: Option<(String, Loc)>,
    },
    Sub {
        content: Vec<Inline>,
        level: u8,
        label: Option<(String, Loc)>,
    },
}

/// Adds a top-level block: a paragraph starts a new item, anything else joins the open one.
pub(super) fn push_block(
    drafts: &mut Vec<Draft>,
    block: Block,
    paragraph: bool,
    label: Option<(String, Loc)>,
) {
    if !paragraph && let Some(Draft::Para { blocks, .. }) = drafts.last_mut() {
        blocks.push(block);
        return;
    }
    drafts.push(Draft::Para {
        blocks: vec![block],
        label,
    });
}

/// Warns when a heading skips a level (`#` then `###`); `prev` is the level before it.
pub(super) fn check_level(ctx: &mut Ctx, prev: &mut u8, level: u8, loc: &Loc) {
    if *prev > 0 && level > *prev + 1 {
        let (from, to, want) = (
            "#".repeat(*prev as usize),
            "#".repeat(level as usize),
            "#".repeat(*prev as usize + 1),
        );
        ctx.warn(
            "heading-level",
            loc,
            format!("this heading jumps from level {prev} (`{from}`) to level {level} (`{to}`)"),
            Some(format!("use `{want}` here: headings go down one level at a time, and screen readers rely on it")),
        );
    }
    *prev = level;
}

/// Numbers `drafts` into items: `"N.k"` when `number` is given, else unnumbered.
pub(super) fn number_items(
    ctx: &mut Ctx,
    drafts: Vec<Draft>,
    number: Option<u32>,
    section_id: &str,
) -> Vec<Item> {
    let mut items = Vec::with_capacity(drafts.len());
    let mut k = 0;
    let mut subs = Vec::new();
    for d in drafts {
        match d {
            Draft::Para { blocks, label } => {
                k += 1;
                let para_number = number.map(|n| format!("{n}.{k}"));
                let generated = match number {
                    Some(n) => format!("para-{n}-{k}"),
                    None => format!("{section_id}-{k}"),
                };
                let id = match &label {
                    Some((l, loc)) => {
                        ctx.refs.place_label(l, loc, para_number.clone(), l);
                        l.clone()
                    }
                    None => generated,
                };
                ctx.ids.insert(id.clone());
                items.push(Item::Para(Para {
                    number: para_number,
                    id,
                    label: label.map(|(l, _)| l),
                    blocks,
                }));
            }
            Draft::Sub {
                content,
                level,
                label,
            } => {
                // A labelled sub-heading is cited by its label but has no number to show.
                let id = match label {
                    Some((l, loc)) => {
                        ctx.refs.place_label(&l, &loc, None, &l);
                        l
                    }
                    None => {
                        subs.push(items.len());
                        String::new()
                    }
                };
                items.push(Item::SubHeading { content, id, level });
            }
        }
    }
    // Sub-heading ids come last so they step around this section's paragraph ids.
    for i in subs {
        if let Item::SubHeading { content, id, .. } = &mut items[i] {
            *id = unique_slug(ctx, &heading_text(content));
        }
    }
    items
}

struct Open {
    content: Vec<Inline>,
    label: Option<(String, Loc)>,
    loc: Loc,
    drafts: Vec<Draft>,
}

/// The body's sections: `#` headings, unnumbered when the house says so, else 1, 2, ….
pub(crate) fn body_sections(
    ctx: &mut Ctx,
    nodes: Vec<Node>,
    house: &HouseStyle,
    next: &mut u32,
) -> Vec<Section> {
    if nodes.is_empty() {
        let body = Loc {
            src: 0,
            range: 0..0,
        };
        ctx.warn(
            "empty-body",
            &body,
            "this paper has no text after its metadata, so it shows only its implications and recommendations",
            Some("write its sections here, starting with a heading such as `# Purpose`".into()),
        );
    }
    let mut sections = Vec::new();
    let mut open: Option<Open> = None;
    let mut prev = 0u8;
    // Each section's heading as written (words, any case) and where, for repeats.
    let mut headings: Vec<(String, Loc)> = Vec::new();
    let mut orphan_reported = false;
    // Said once, at the first thing before a section's heading; a sub-heading there most
    // often means the sections are written with `##` (Markdown's habit elsewhere).
    let mut orphan = |ctx: &mut Ctx, loc: &Loc, sub: Option<(u8, &str)>| {
        if std::mem::replace(&mut orphan_reported, true) {
            return;
        }
        match sub {
            Some((level, text)) => {
                let marks = "#".repeat(usize::from(level));
                ctx.error(
                    "content-before-heading",
                    loc,
                    format!("`{marks} {text}` is a sub-heading, but no section has started: a section's heading has one `#`"),
                    Some(format!("write `# {text}`; if the paper's sections are all written with `{marks}`, take a `#` off each of them")),
                );
            }
            None => ctx.error(
                "content-before-heading",
                loc,
                "this comes before the first heading, so it belongs to no section",
                Some("add a heading such as `# Purpose` above it".into()),
            ),
        }
    };
    for node in nodes {
        match node {
            Node::Heading {
                level: 1,
                content,
                label,
                loc,
            } => {
                if let Some(o) = open.take() {
                    sections.push(close_body(ctx, o, house, next));
                }
                let text = heading_text(&content);
                check_closing_heading(ctx, &text, &loc, house);
                super::names::check_heading_slips(ctx, &text, &loc, house);
                check_repeated_heading(ctx, &mut headings, &text, &loc);
                prev = 1;
                open = Some(Open {
                    content,
                    label,
                    loc,
                    drafts: Vec::new(),
                });
            }
            Node::Heading {
                level,
                content,
                label,
                loc,
            } => {
                check_level(ctx, &mut prev, level, &loc);
                match &mut open {
                    Some(o) => o.drafts.push(Draft::Sub {
                        content,
                        level,
                        label,
                    }),
                    None => orphan(ctx, &loc, Some((level, &heading_text(&content)))),
                }
            }
            Node::Block {
                block,
                paragraph,
                label,
                loc,
            } => match &mut open {
                Some(o) => {
                    let first = matches!(o.drafts.last(), None | Some(Draft::Sub { .. }));
                    if first && !house.is_unnumbered(&heading_text(&o.content)) {
                        super::listed::check_first_list(ctx, &block, &loc);
                    }
                    push_block(&mut o.drafts, block, paragraph, label)
                }
                None => orphan(ctx, &loc, None),
            },
        }
    }
    if let Some(o) = open.take() {
        sections.push(close_body(ctx, o, house, next));
    }
    sections
}

/// Warns when a section's heading `text` (at `loc`) repeats an earlier one's in `seen`,
/// words compared without regard to case: two PURPOSE sections, or a section pasted twice.
fn check_repeated_heading(ctx: &mut Ctx, seen: &mut Vec<(String, Loc)>, text: &str, loc: &Loc) {
    let key: String = text
        .split_whitespace()
        .flat_map(|w| w.chars().flat_map(char::to_lowercase).chain([' ']))
        .collect();
    if key.is_empty() {
        return;
    }
    match seen.iter().find(|(k, _)| *k == key) {
        Some((_, first)) => {
            let first = first.clone();
            let line = ctx.line_of(&first);
            ctx.warn(
                "repeated-section",
                loc,
                format!(
                    "a second section headed “{}”: the first is on line {line}",
                    text.trim()
                ),
                Some("merge the two, or give this one a heading of its own".into()),
            );
        }
        None => seen.push((key, loc.clone())),
    }
}

fn close_body(ctx: &mut Ctx, o: Open, house: &HouseStyle, next: &mut u32) -> Section {
    let heading = heading_text(&o.content);
    let (kind, number, id) = if house.is_unnumbered(&heading) {
        let id = match &o.label {
            Some((l, _)) => l.clone(),
            None => unique_slug(ctx, &heading),
        };
        (SectionKind::Unnumbered, None, id)
    } else {
        let n = *next;
        *next += 1;
        let id = match &o.label {
            Some((l, _)) => l.clone(),
            None => format!("section-{n}"),
        };
        ctx.ids.insert(id.clone());
        (SectionKind::Body, Some(n), id)
    };
    // `[](#label)` to a numbered section shows `section 2` (the words kept together), in the
    // house's word (`words.section`).
    if let Some((l, loc)) = &o.label {
        let shown = number.map(|n| format!("{}\u{a0}{n}", house.words.section));
        ctx.refs.place_label(l, loc, shown, l);
    }
    if o.drafts.is_empty() {
        let shown = if heading.is_empty() {
            "this section".to_string()
        } else {
            format!("the section “{heading}”")
        };
        ctx.warn(
            "empty-section",
            &o.loc,
            format!("{shown} has nothing in it"),
            Some("write its paragraphs under the heading, or remove the heading".into()),
        );
    }
    let items = number_items(ctx, o.drafts, number, &id);
    Section {
        kind,
        number,
        display_heading: house.case_heading(&heading),
        heading,
        content: o.content,
        id,
        items,
    }
}

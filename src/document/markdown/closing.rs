//! Markdown that is not the body: the implications and recommendations (from metadata
//! values, where a `#` heading has no place) and appendix files (never numbered).

use super::blocks::Node;
use super::numbering::{Draft, check_level, number_items, push_block};
use super::{Ctx, Loc};
use crate::config::{HouseStyle, ImplicationStyle};
use crate::document::{Block, Inline, Item, Section, SectionKind};

/// How the headings of Markdown outside the body are taken.
#[derive(Clone, Copy)]
enum Headings<'a> {
    /// A metadata value (`what` names it): a `#` has no place, and is reported and taken as `##`.
    Metadata(&'a str),
    /// An appendix file: every heading one level down, under the heading clerk gives it.
    Appendix,
}

/// Drafts of Markdown outside the body, its headings taken as `headings` says.
fn draft_nodes(ctx: &mut Ctx, nodes: Vec<Node>, headings: Headings) -> Vec<Draft> {
    let mut drafts = Vec::new();
    let mut prev = match headings {
        Headings::Metadata(_) => 1u8,
        Headings::Appendix => 0,
    };
    for node in nodes {
        match node {
            Node::Heading {
                level,
                content,
                label,
                loc,
            } => {
                let level = match headings {
                    Headings::Metadata(what) if level == 1 => {
                        ctx.error(
                            "heading-in-metadata",
                            &loc,
                            format!(
                                "a `#` heading cannot go inside {what}: it already has its own heading"
                            ),
                            Some("use `##` for a sub-heading, or remove the `#`".into()),
                        );
                        prev = 2;
                        2
                    }
                    Headings::Metadata(_) => {
                        check_level(ctx, &mut prev, level, &loc);
                        level
                    }
                    Headings::Appendix => {
                        check_level(ctx, &mut prev, level, &loc);
                        level.saturating_add(1).min(6)
                    }
                };
                drafts.push(Draft::Sub {
                    content,
                    level,
                    label,
                });
            }
            Node::Block {
                block,
                paragraph,
                label,
                ..
            } => push_block(&mut drafts, block, paragraph, label),
        }
    }
    drafts
}

/// An appendix file's content: never numbered, and every heading one level down, so that
/// its `#` is a sub-heading under the heading clerk gives the appendix.
pub(crate) fn appendix_items(ctx: &mut Ctx, src: usize, nodes: Vec<Node>, id: &str) -> Vec<Item> {
    let drafts = draft_nodes(ctx, nodes, Headings::Appendix);
    if drafts.is_empty() {
        ctx.warn(
            "empty-section",
            &Loc { src, range: 0..0 },
            "this appendix file is empty",
            Some("write the appendix in it, or remove `file:` from the paper".into()),
        );
    }
    number_items(ctx, drafts, None, id)
}

/// One implication, numbered on from the body; `nodes` is `(source, parsed)` when filled in.
pub(crate) fn implication_section(
    ctx: &mut Ctx,
    style: &ImplicationStyle,
    nodes: Option<(usize, Vec<Node>)>,
    house: &HouseStyle,
    next: &mut u32,
) -> Section {
    let n = *next;
    *next += 1;
    let id = format!("section-{n}");
    ctx.ids.insert(id.clone());
    let what = format!("the {} implication", style.key);
    let mut drafts = match nodes {
        Some((src, nodes)) => {
            let drafts = draft_nodes(ctx, nodes, Headings::Metadata(&what));
            if drafts.is_empty() {
                let loc = Loc { src, range: 0..0 };
                ctx.warn(
                    "empty-section",
                    &loc,
                    format!("{what} is empty, so the house sentence is shown instead"),
                    Some(format!(
                        "write the implication, or leave `{}` out",
                        style.key
                    )),
                );
            }
            Some(drafts)
        }
        None => None,
    };
    let defaulted = drafts.as_ref().is_none_or(Vec::is_empty);
    if defaulted {
        let text = Inline::Text {
            text: style.default.clone(),
        };
        drafts = Some(vec![Draft::Para {
            blocks: vec![Block::Paragraph {
                content: vec![text],
            }],
            label: None,
        }]);
    }
    let drafts = drafts.unwrap_or_default();
    let paras = drafts
        .iter()
        .filter(|d| matches!(d, Draft::Para { .. }))
        .count();
    let items = number_items(ctx, drafts, (paras >= 2).then_some(n), &id);
    Section {
        kind: SectionKind::Implication {
            key: style.key.clone(),
            defaulted,
        },
        number: Some(n),
        heading: style.heading.clone(),
        display_heading: house.case_heading(&style.heading),
        content: Vec::new(),
        id,
        items,
    }
}

/// The closing, unnumbered RECOMMENDATIONS section.
pub(crate) fn recommendations_section(
    ctx: &mut Ctx,
    src: usize,
    nodes: Vec<Node>,
    house: &HouseStyle,
) -> Section {
    let id = "recommendations".to_string();
    ctx.ids.insert(id.clone());
    let drafts = draft_nodes(ctx, nodes, Headings::Metadata("the recommendations"));
    if drafts.is_empty() {
        ctx.warn(
            "empty-section",
            &Loc { src, range: 0..0 },
            "the recommendations are empty",
            Some("say what members are asked to do, e.g. `Members are invited to discuss the contents of this report.`".into()),
        );
    }
    let items = number_items(ctx, drafts, None, &id);
    Section {
        kind: SectionKind::Recommendations,
        number: None,
        heading: house.recommendations_heading.clone(),
        display_heading: house.case_heading(&house.recommendations_heading),
        content: Vec::new(),
        id,
        items,
    }
}

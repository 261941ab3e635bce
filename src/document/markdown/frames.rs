//! The parse stack's frames: one per open Markdown element, made from pulldown-cmark tags.

use std::ops::Range;

use pulldown_cmark::{Alignment, CodeBlockKind, HeadingLevel, LinkType, Tag};

use crate::document::{Align, Block, Inline};

/// What an open element is, with what it has gathered that is not blocks or inlines.
pub(super) enum Kind {
    Root,
    Quote,
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
        /// False once an item holds a paragraph of its own (pulldown-cmark leaves the
        /// paragraphs of a tight list unmarked).
        tight: bool,
    },
    Item,
    FootnoteDef(String),
    Paragraph,
    /// A heading's level and its `{#label}`, if any.
    Heading(u8, Option<String>),
    Html(String),
    Code {
        language: Option<String>,
        text: String,
    },
    Table {
        align: Vec<Align>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Cells {
        head: bool,
        cells: Vec<Vec<Inline>>,
    },
    Cell,
    Emph,
    Strong,
    Strike,
    Link {
        url: String,
        title: String,
        safe: bool,
    },
    Image {
        url: String,
    },
}

/// An open element: its kind, source range and the content gathered so far.
pub(super) struct Frame {
    /// What the element is.
    pub(super) kind: Kind,
    /// Its bytes in the Markdown.
    pub(super) range: Range<usize>,
    /// Blocks gathered (containers).
    pub(super) blocks: Vec<Block>,
    /// Inline content gathered (paragraphs, spans, tight list items).
    pub(super) inlines: Vec<Inline>,
    /// Starts flattened into this frame whose ends are still to come.
    pub(super) suppressed: usize,
}

/// A new frame of `kind` over `range`.
pub(super) fn frame(kind: Kind, range: Range<usize>) -> Frame {
    Frame {
        kind,
        range,
        blocks: Vec::new(),
        inlines: Vec::new(),
        suppressed: 0,
    }
}

/// The frame kind for `tag`; `None` for elements the paper format does not enable
/// (their content is kept, flattened into the parent). Links start out safe.
pub(super) fn kind_of(tag: Tag) -> Option<Kind> {
    Some(match tag {
        Tag::Paragraph => Kind::Paragraph,
        Tag::Heading { level, id, .. } => {
            Kind::Heading(heading_level(level), id.map(|id| id.to_string()))
        }
        Tag::BlockQuote(_) => Kind::Quote,
        Tag::CodeBlock(k) => Kind::Code {
            language: match k {
                CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(str::to_string),
                CodeBlockKind::Indented => None,
            },
            text: String::new(),
        },
        Tag::HtmlBlock => Kind::Html(String::new()),
        Tag::List(start) => Kind::List {
            start,
            items: Vec::new(),
            tight: true,
        },
        Tag::Item => Kind::Item,
        Tag::FootnoteDefinition(name) => Kind::FootnoteDef(name.to_string()),
        Tag::Table(align) => Kind::Table {
            align: align.iter().map(|a| convert_align(*a)).collect(),
            head: Vec::new(),
            rows: Vec::new(),
        },
        Tag::TableHead => Kind::Cells {
            head: true,
            cells: Vec::new(),
        },
        Tag::TableRow => Kind::Cells {
            head: false,
            cells: Vec::new(),
        },
        Tag::TableCell => Kind::Cell,
        Tag::Emphasis => Kind::Emph,
        Tag::Strong => Kind::Strong,
        Tag::Strikethrough => Kind::Strike,
        Tag::Link {
            link_type,
            dest_url,
            title,
            ..
        } => Kind::Link {
            // `<name@example.org>` is an email autolink: CommonMark gives it `mailto:`.
            url: match link_type {
                LinkType::Email => format!("mailto:{dest_url}"),
                _ => dest_url.to_string(),
            },
            title: title.to_string(),
            safe: true,
        },
        Tag::Image { dest_url, .. } => Kind::Image {
            url: dest_url.to_string(),
        },
        Tag::Superscript
        | Tag::Subscript
        | Tag::DefinitionList
        | Tag::DefinitionListTitle
        | Tag::DefinitionListDefinition
        | Tag::MetadataBlock(_) => return None,
    })
}

/// Can `tag` nest in itself without bound (and so be flattened past the depth limit)?
pub(super) fn is_nestable(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::FootnoteDefinition(_)
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
    )
}

/// Does a frame of `kind` start a block (ending any implicit paragraph before it)?
pub(super) fn opens_block(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::Paragraph
            | Kind::Heading(..)
            | Kind::Quote
            | Kind::Code { .. }
            | Kind::Html(_)
            | Kind::List { .. }
            | Kind::FootnoteDef(_)
            | Kind::Table { .. }
    )
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn convert_align(a: Alignment) -> Align {
    match a {
        Alignment::None => Align::None,
        Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

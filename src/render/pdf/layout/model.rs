//! What the layout hands to `emit`: pages of positioned glyph runs, rules, boxes and
//! images, with links, anchors and bookmarks. Plain data, no printpdf types; `y` is
//! measured down from the top of the page, in points.

use std::collections::BTreeMap;

use super::glyphs::Glyphs;
use crate::document::Image;
use crate::render::pdf::fonts::FaceId;

/// An RGB colour, each channel 0–1 (the PDF's only colour space besides gray).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// Text black.
    pub const BLACK: Rgb = Rgb(0.0, 0.0, 0.0);
    /// A gray level.
    pub const fn gray(v: f32) -> Rgb {
        Rgb(v, v, v)
    }
}

/// Whether a table cell is a header, and for what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// A data cell (`TD`).
    Data,
    /// The header of its row (`TH /Scope /Row`: the header table's labels).
    Row,
    /// The header of its column (`TH /Scope /Column`: a GFM table's head row).
    Column,
}

/// One table cell's place in its table, so the structure tree can rebuild the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRole {
    /// Header or data.
    pub scope: Scope,
    /// In the table's header row (a `THead`), even when the cell itself is data: the
    /// empty corner of a header row is a `TD`, so that no header is announced empty.
    pub head: bool,
    /// The first cell of a row.
    pub row_start: bool,
    /// The first cell of a table.
    pub table_start: bool,
}

/// The structural role of a block, for marked content and the structure tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// A paragraph (or a footnote's text).
    P,
    /// A heading: `H1` the paper's title (or the sections, when the house draws no
    /// title), then one level down per level of heading.
    H(u8),
    /// A list item, with the depth of its list (0 for a list that is not inside another).
    L(u8),
    /// A list item's bullet or number, or a footnote's number: the label of the block
    /// that follows.
    Lbl,
    /// A table cell.
    Cell(CellRole),
    /// An image with its alternative text.
    Figure(String),
    /// Code.
    Code,
    /// A block quote.
    Quote,
    /// A footnote.
    Note,
}

/// An inline stretch of a block that has an element of its own inside the block's: a
/// link's text (`Link`, numbered per document so the lines of one link stay one element),
/// a passage in another language (`Span` with `/Lang`) or struck-through text (`Span`
/// whose `TextDecorationType` is `LineThrough`). Plain text has none of them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Part {
    /// The link this text belongs to.
    pub link: Option<u32>,
    /// The language of this text, when the author marked it.
    pub lang: Option<Box<str>>,
    /// Struck through.
    pub struck: bool,
}

impl Part {
    /// Text with no element of its own.
    pub fn is_plain(&self) -> bool {
        self.link.is_none() && self.lang.is_none() && !self.struck
    }
}

/// Whether a mark is content or a running artifact (header, footer, watermark).
#[derive(Debug, Clone, PartialEq)]
pub enum Tag {
    /// Page furniture: classification, footer, DRAFT.
    Artifact,
    /// Content of block number `block` (one marked-content sequence per block, and per
    /// part of it, per page).
    Content {
        /// Sequence number of the block in the document.
        block: u32,
        /// Its role.
        role: Role,
        /// The inline part of the block this mark draws.
        part: Part,
    },
}

/// What the structure tree needs beyond each block's role: which blocks a numbered
/// paragraph groups (its first paragraph with the lists, tables… that belong to it) and
/// which block first cites each footnote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Structure {
    /// First and last block of each numbered paragraph made of more than one block.
    pub groups: Vec<(u32, u32)>,
    /// A footnote's block → the block whose text first cites it.
    pub cited_by: BTreeMap<u32, u32>,
    /// First and last block of each footnote (its lists, further paragraphs… belong in it).
    pub notes: Vec<(u32, u32)>,
    /// Every table cell's block and role. A cell with no text draws no marked content,
    /// yet its row needs it (one cell per column, PDF/UA-1 7.2-42): the tree takes it
    /// from here.
    pub cells: Vec<(u32, CellRole)>,
    /// The block of each list's first item: a list straight after another at the same
    /// depth (`1.` items, then `-` items) is a list of its own, not more items of it.
    pub lists: Vec<u32>,
    /// First and last block of each block quote: its own (which draws nothing) and those
    /// of what it quotes, which its element holds.
    pub quotes: Vec<(u32, u32)>,
}

/// The text a glyph stands for, kept inline when short (almost always one character), so
/// thousands of glyphs a paper cost no allocation each.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum GlyphText {
    /// A glyph that is not the first of its cluster.
    #[default]
    Empty,
    /// Up to 8 bytes of UTF-8.
    Short(Inline),
    /// Anything longer (boxed twice, a thin pointer: so a glyph is 24 bytes, not 32).
    Long(Box<String>),
}

/// A short text in eight bytes aligned as a `u64`, the bytes past its end `0xFF` (which
/// UTF-8 never uses): a glyph is copied a word at a time. (With its length in a byte of
/// its own beside the variant's tag, a glyph's bytes were copied through overlapping
/// halves, a stall on every glyph of every cached word.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(align(8))]
pub struct Inline(pub [u8; 8]);

impl Inline {
    /// The bytes of its text.
    pub fn bytes(&self) -> &[u8] {
        let len = self.0.iter().position(|&b| b == 0xFF).unwrap_or(8);
        &self.0[..len]
    }
}

impl From<&str> for GlyphText {
    fn from(s: &str) -> GlyphText {
        match s.len() {
            0 => GlyphText::Empty,
            len @ 1..=8 => {
                let mut buf = [0xFF; 8];
                buf[..len].copy_from_slice(s.as_bytes());
                GlyphText::Short(Inline(buf))
            }
            _ => GlyphText::Long(Box::new(s.into())),
        }
    }
}

impl GlyphText {
    /// The one ASCII character it stands for, when that is what it stands for (most
    /// glyphs): read without checking the text is UTF-8 again.
    pub fn ascii(&self) -> Option<char> {
        match self {
            GlyphText::Short(buf) if buf.0[0].is_ascii() && buf.0[1] == 0xFF => {
                Some(char::from(buf.0[0]))
            }
            _ => None,
        }
    }
}

impl std::ops::Deref for GlyphText {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            GlyphText::Empty => "",
            GlyphText::Short(buf) => std::str::from_utf8(buf.bytes()).unwrap_or(""),
            GlyphText::Long(s) => s,
        }
    }
}

/// One glyph to draw: id, the advance to the next glyph (points) and the text it stands
/// for (the cluster's text on its first glyph, empty on the others).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Glyph id in the face.
    pub gid: u16,
    /// Advance in points (kerning and justification included).
    pub advance: f32,
    /// The Unicode text this glyph represents.
    pub text: GlyphText,
}

/// Glyphs set in one face and size along a baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    /// Left edge of the first glyph.
    pub x: f32,
    /// Baseline, down from the page top.
    pub y: f32,
    /// Face.
    pub face: FaceId,
    /// Size in points.
    pub size: f32,
    /// Fill colour.
    pub color: Rgb,
    /// Rotation in degrees, counter-clockwise (0 except the DRAFT mark).
    pub angle: f32,
    /// The glyphs.
    pub glyphs: Glyphs,
}

impl GlyphRun {
    /// Total advance in points.
    pub fn width(&self) -> f32 {
        self.glyphs.ids().map(|(_, advance)| advance).sum()
    }
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// Text.
    Glyphs(GlyphRun),
    /// A rectangle, filled and/or stroked; `y` is its top edge.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill colour.
        fill: Option<Rgb>,
        /// Stroke colour and width.
        stroke: Option<(Rgb, f32)>,
    },
    /// A straight line.
    Line {
        /// Start.
        from: (f32, f32),
        /// End.
        to: (f32, f32),
        /// Width.
        width: f32,
        /// Colour.
        color: Rgb,
    },
    /// An image from the layout's list, its box's top-left at (x, y).
    Image {
        /// Index into [`Layout::images`].
        index: usize,
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
    },
}

/// A mark with its tag.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Content or artifact.
    pub tag: Tag,
    /// What to draw.
    pub mark: Mark,
}

/// Where a link goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// An outside URL.
    Uri(String),
    /// An anchor id in the paper (a paragraph, section or footnote).
    Anchor(String),
    /// The first page of a PDF appendix (its id, `appendix-b`): appended after the
    /// paper's pages are drawn, so the link is pointed at it then.
    Appended(String),
}

/// A clickable area: `(x, y, w, h)` with `y` its top edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The block whose text carries the link (0 when none).
    pub block: u32,
    /// The area.
    pub rect: (f32, f32, f32, f32),
    /// Where it goes.
    pub target: Target,
}

/// One page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Marks in drawing order.
    pub items: Vec<Item>,
    /// Link areas.
    pub links: Vec<Link>,
}

/// An outline entry: a section's number and heading, where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    /// `1. BACKGROUND`
    pub title: String,
    /// 0-based page.
    pub page: usize,
    /// Top of the heading, down from the page top.
    pub y: f32,
}

/// The laid-out paper.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Page width and height in points.
    pub page_size: (f32, f32),
    /// The pages.
    pub pages: Vec<Page>,
    /// Anchor id → (0-based page, y of its top).
    pub anchors: BTreeMap<String, (usize, f32)>,
    /// The outline, in reading order.
    pub bookmarks: Vec<Bookmark>,
    /// Images referred to by [`Mark::Image`].
    pub images: Vec<Image>,
    /// Groups and footnote citations, for the structure tree.
    pub structure: Structure,
    /// Anchor id → what a reader is taken to (`Paragraph 2.1`, `Footnote 1`), for the
    /// `/Contents` of the links that go there.
    pub anchor_names: BTreeMap<String, String>,
    /// What is drawn on each page of the paper's PDF appendices (none without one).
    pub stamps: Vec<Stamp>,
}

/// A part of what clerk draws on a page it did not lay out (a PDF appendix's): laid out
/// on a page of the house's size and drawn as a form, moved to the page's own edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamp {
    /// Which edge of the page it keeps to.
    pub at: StampAt,
    /// It hides what the page has under the marking (a white ground under its text): it
    /// is drawn, in place of the plain marking, only on the pages of an appendix whose own
    /// marking the paper's replaces ([`crate::document::Marked::Replaced`]).
    pub covers: bool,
    /// The id of the one appendix on whose pages alone it is drawn (its label); `None`
    /// for one drawn on the pages of every appendix.
    pub only: Option<String>,
    /// Its marks, all artifacts.
    pub page: Page,
}

/// Where a [`Stamp`] goes on a page of another size: the house page's top (or foot, or
/// middle) edge is put on that page's, centred across it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StampAt {
    /// The classification above the text, over the page's content.
    Top,
    /// The classification at the foot, over the page's content.
    Foot,
    /// The DRAFT mark across the page, under its content (as on clerk's own pages).
    Middle,
    /// An appendix's label on the classification's line, kept to the page's top left
    /// corner as shown (a wider page's label stays at its left edge, not centred).
    TopLeft,
}

#[cfg(test)]
mod tests;

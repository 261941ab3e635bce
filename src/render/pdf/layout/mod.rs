//! Pure layout: a [`Document`], the house style and font metrics in; pages of positioned
//! glyph runs, rules, boxes, links and bookmarks out ([`Layout`]). No printpdf types, so
//! every rule (hanging numbers, keep-with-next, widows, repeated table headers, margins)
//! is tested with plain asserts.
//!
//! The flow: masthead and header table, then each section (heading, numbered paragraphs
//! and what belongs to them), the appendix list; each block becomes [`Unit`]s in a
//! [`Galley`], which [`paginate`] puts on pages; `running` adds the page furniture.

mod appendix;
mod blocks;
mod breaks;
mod fill;
mod fit;
mod glyphs;
mod keeps;
pub mod model;
mod paginate;
mod parts;
pub(crate) mod running;
mod sections;
mod shape;
mod spans;
mod strike;
mod table;
pub mod text;
mod title;
mod words;

use std::collections::BTreeMap;

pub(crate) use fit::{cuts_words, overlong_word};
pub use glyphs::{GlyphRef, Glyphs};
pub use model::*;
pub use paginate::{Frame, Galley, Keep, PageEnd, Unit, paginate};

use crate::config::HouseStyle;
use crate::document::Document;
use crate::render::pdf::fonts::Fonts;
use crate::render::{Logo, RenderOptions};
use text::{Align, Span, Style};

/// Page geometry and type sizes, from the house style.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    /// Page width and height.
    pub page: (f32, f32),
    /// Margins: top, right, bottom, left (points).
    pub margins: (f32, f32, f32, f32),
    /// Body size.
    pub size: f32,
    /// Width of the hanging number column.
    pub number_column: f32,
    /// Justify body text.
    pub justify: bool,
    /// Draw the paper's title as its `H1`; sections are then `H2`.
    pub title: bool,
}

impl Geometry {
    /// From the house's `pdf` settings.
    pub fn from_house(house: &HouseStyle) -> Geometry {
        let p = &house.pdf;
        let mm = 72.0 / 25.4;
        let m = &p.margins_mm;
        Geometry {
            page: p.page_size.points(),
            margins: (m.top * mm, m.right * mm, m.bottom * mm, m.left * mm),
            size: p.font_size,
            number_column: p.font_size * 3.6,
            justify: p.justify,
            title: p.title,
        }
    }

    /// [`Geometry::from_house`] for `doc`: its hanging number column wide enough for its
    /// widest paragraph number.
    pub fn for_document(house: &HouseStyle, doc: &Document, fonts: &Fonts) -> Geometry {
        let mut geo = Geometry::from_house(house);
        geo.number_column = sections::number_column(&geo, doc, fonts);
        geo
    }

    /// Left edge of the text area.
    pub fn left(&self) -> f32 {
        self.margins.3
    }

    /// Right edge of the text area.
    pub fn right(&self) -> f32 {
        self.page.0 - self.margins.1
    }

    /// Left edge of the text column (beside the hanging numbers).
    pub fn column(&self) -> f32 {
        self.left() + self.number_column
    }

    /// The heading level of the sections: 2 under the paper's title, else 1.
    pub fn section_level(&self) -> u8 {
        if self.title { 2 } else { 1 }
    }

    /// Line height for text of `size`.
    pub fn leading(size: f32) -> f32 {
        size * 1.38
    }

    fn frame(&self) -> Frame {
        Frame {
            top: self.margins.0,
            height: self.page.1 - self.margins.0 - self.margins.2,
            left: self.left(),
        }
    }
}

/// The running state of the flow: where units go and what the next unit must carry.
pub(crate) struct Flow<'a> {
    pub(crate) fonts: &'a Fonts,
    pub(crate) geo: Geometry,
    pub(crate) galley: Galley,
    pub(crate) images: Vec<crate::document::Image>,
    block: u32,
    role: Role,
    /// The next unit gets these: hanging markers (x, spans, and a marker's own tag when it
    /// is a label), anchors and bookmarks. A list opening a numbered paragraph puts the
    /// number and the first bullet on one line.
    markers: Vec<(f32, Vec<Span>, Option<Tag>)>,
    anchors: Vec<String>,
    /// Every anchor so far → what a reader is taken to, for link descriptions.
    anchor_names: BTreeMap<String, String>,
    bookmarks: Vec<String>,
    /// Groups and footnote citations found so far.
    pub(crate) structure: Structure,
    /// Footnote number → the block that first cites it.
    pub(crate) citations: BTreeMap<u32, u32>,
    /// Links numbered so far, and the link that runs on from the end of the last line
    /// (its block, target and number).
    links: u32,
    open_link: Option<(u32, Target, u32)>,
}

impl<'a> Flow<'a> {
    pub(crate) fn new(fonts: &'a Fonts, geo: Geometry) -> Flow<'a> {
        Flow {
            fonts,
            geo,
            galley: Galley::default(),
            images: Vec::new(),
            // The first page's DRAFT mark and marking come before the paper's blocks.
            block: running::MARKING_BLOCK,
            role: Role::P,
            markers: Vec::new(),
            anchors: Vec::new(),
            anchor_names: BTreeMap::new(),
            bookmarks: Vec::new(),
            structure: Structure::default(),
            citations: BTreeMap::new(),
            links: 0,
            open_link: None,
        }
    }

    /// Starts a new marked block with `role`.
    pub(crate) fn begin(&mut self, role: Role) {
        self.block += 1;
        self.role = role;
    }

    pub(crate) fn tag(&self) -> Tag {
        self.tag_part(Part::default())
    }

    /// The current block's tag for one inline part of it.
    pub(crate) fn tag_part(&self, part: Part) -> Tag {
        Tag::Content {
            block: self.block,
            role: self.role.clone(),
            part,
        }
    }

    /// Adds a hanging marker (paragraph number, bullet) to the next unit's first line; a
    /// bullet or a footnote's number is a block of its own ([`Role::Lbl`]) just before its
    /// item's.
    pub(crate) fn set_marker(&mut self, x: f32, spans: Vec<Span>) {
        let label = matches!(self.role, Role::L(_) | Role::Note).then(|| {
            let role = self.role.clone();
            self.begin(Role::Lbl);
            let tag = self.tag();
            self.begin(role);
            tag
        });
        self.markers.push((x, spans, label));
    }

    /// Puts anchor `id` on the next unit; `name` says what is there (`Paragraph 2.1`), for
    /// links that go to it.
    pub(crate) fn anchor(&mut self, id: &str, name: impl Into<String>) {
        self.anchors.push(id.to_string());
        self.anchor_names
            .entry(id.to_string())
            .or_insert_with(|| name.into());
    }

    /// Starts the next block of the current table cell, or comes back to the cell's block
    /// (a row too tall for a page is set in several units, each cell one block).
    pub(crate) fn resume(&mut self, block: u32, role: Role) {
        self.block = block;
        self.role = role;
    }

    /// The current block's number.
    pub(crate) fn block(&self) -> u32 {
        self.block
    }

    /// Ends the current block's text so far with an invisible space, when its last line
    /// is the last unit's: the next paragraph of the same block reads on after a space.
    pub(crate) fn end_block_with_space(&mut self) {
        let block = self.block;
        let Some(unit) = self.galley.units.last_mut() else {
            return;
        };
        let run = unit
            .items
            .iter_mut()
            .rev()
            .find_map(|i| match (&i.tag, &mut i.mark) {
                (Tag::Content { block: b, .. }, Mark::Glyphs(run)) if *b == block => Some(run),
                _ => None,
            });
        if let Some(run) = run {
            breaks::end_run_with_space(run, self.fonts);
        }
    }

    /// Appends a unit, giving it the pending marker (on `baseline`), anchors and bookmarks.
    pub(crate) fn push(&mut self, mut unit: Unit, baseline: f32) {
        for (x, spans, label) in std::mem::take(&mut self.markers) {
            let tag = label.unwrap_or_else(|| self.tag());
            for mut line in text::break_lines(&spans, self.fonts, 1000.0, Align::Left)
                .into_iter()
                .take(1)
            {
                breaks::end_with_space(&mut line, self.fonts);
                for mut run in line.runs {
                    run.x += x;
                    run.y += baseline;
                    unit.items.insert(
                        0,
                        Item {
                            tag: tag.clone(),
                            mark: Mark::Glyphs(run),
                        },
                    );
                }
            }
        }
        unit.anchors.append(&mut self.anchors);
        unit.bookmarks.append(&mut self.bookmarks);
        // Held until the paper is paginated: a line's unit holds one or two items, and
        // the room for four a first push reserves would be most of a long paper's layout.
        unit.items.shrink_to_fit();
        self.galley.units.push(unit);
    }

    /// Sets `lines` of text at `x` as one unit each; the first line keeps with the second
    /// and the last with the one before (no orphans, no widows).
    pub(crate) fn push_lines(
        &mut self,
        mut lines: Vec<text::Line>,
        x: f32,
        size: f32,
        space_before: f32,
    ) {
        breaks::keep_breaks(&mut lines, self.fonts);
        let lh = Geometry::leading(size);
        let baseline = lh / 2.0 + size * 0.35;
        let n = lines.len();
        for (k, line) in lines.into_iter().enumerate() {
            let parts = self.parts(&line);
            let strikes: Vec<Item> = strike::items(&line, x, baseline).collect();
            let mut unit = Unit {
                height: lh,
                space_before: if k == 0 { space_before } else { 0.0 },
                keep_with_next: match k {
                    _ if n < 2 => Keep::No,
                    0 => Keep::Orphan,
                    _ if k + 2 == n => Keep::Widow,
                    _ => Keep::No,
                },
                ..Unit::default()
            };
            for (mut run, part) in line.runs.into_iter().zip(parts) {
                run.x += x;
                run.y += baseline;
                unit.items.push(Item {
                    tag: self.tag_part(part),
                    mark: Mark::Glyphs(run),
                });
            }
            unit.items.extend(strikes);
            for (lx, w, target) in line.links {
                unit.links.push(Link {
                    block: self.block,
                    rect: (x + lx, baseline - size * 0.85, w, size * 1.15),
                    target,
                });
            }
            unit.footnotes = line.footnotes;
            self.push(unit, baseline);
        }
    }

    /// A heading line in the text column, kept with what follows it.
    pub(crate) fn heading(&mut self, spans: &[Span]) {
        let (x, width, space) = (
            self.geo.column(),
            self.geo.right() - self.geo.column(),
            self.geo.size * 1.3,
        );
        self.paragraph(spans, x, width, space);
        if let Some(last) = self.galley.units.last_mut() {
            last.keep_with_next = Keep::Heading;
        }
    }

    /// Sets running text from `spans` at `x`, `width` wide.
    pub(crate) fn paragraph(&mut self, spans: &[Span], x: f32, width: f32, space_before: f32) {
        let size = spans.first().map_or(self.geo.size, |s| s.style.size);
        let align = if self.geo.justify {
            Align::Justify
        } else {
            Align::Left
        };
        let lines = text::break_lines(spans, self.fonts, width, align);
        let lines = if lines.is_empty() {
            vec![text::Line::default()]
        } else {
            lines
        };
        self.push_lines(lines, x, size, space_before);
    }

    /// The body style at the house size.
    pub(crate) fn body(&self) -> Style {
        Style::plain(self.geo.size)
    }
}

/// Lays out a paper: masthead, header table, sections, appendices, footnotes, then
/// pages with their furniture (classification, footer, DRAFT).
pub fn layout(doc: &Document, opts: &RenderOptions<'_>, fonts: &Fonts) -> Layout {
    let mut flow = galley(doc, opts.house, fonts, opts.logo.map(Logo::image));
    let geo = flow.geo;
    let images = std::mem::take(&mut flow.images);
    let mut paged = paginate(flow.galley, geo.frame());
    running::furnish(&mut paged.pages, doc, opts, fonts, &geo);
    // A long paper holds every page until the PDF is drawn: no room beyond the marks.
    for page in &mut paged.pages {
        page.items.shrink_to_fit();
        page.links.shrink_to_fit();
    }
    let mut anchors = BTreeMap::new();
    for (id, page, y) in paged.anchors {
        anchors.entry(id).or_insert((page, y));
    }
    Layout {
        page_size: geo.page,
        pages: paged.pages,
        anchors,
        bookmarks: paged.bookmarks,
        images,
        structure: flow.structure,
        anchor_names: flow.anchor_names,
        stamps: running::stamps(doc, opts, fonts, &geo),
    }
}

/// The paper as one galley of units, not yet on pages.
pub(crate) fn galley<'a>(
    doc: &Document,
    house: &HouseStyle,
    fonts: &'a Fonts,
    logo: Option<&crate::document::Image>,
) -> Flow<'a> {
    let geo = Geometry::for_document(house, doc, fonts);
    let mut flow = Flow::new(fonts, geo);
    sections::masthead(&mut flow, house, logo);
    title::title(&mut flow, &doc.meta.title);
    let labels: Vec<&str> = house.header_rows.iter().map(|r| r.label.as_str()).collect();
    // The house's words, in a paper written in another language, are marked as the house's.
    let words_lang = house.words_lang(&doc.meta.language);
    table::header_table(&mut flow, &doc.header, (&labels, words_lang));
    for section in &doc.sections {
        sections::section_flow(&mut flow, section, (house, words_lang));
    }
    blocks::appendices(&mut flow, doc, house);
    appendix::markdown_appendices(&mut flow, doc, house);
    blocks::footnotes(&mut flow, doc);
    flow
}

#[cfg(test)]
mod tests;

//! One page's content stream: glyph runs, rules, boxes and images, each block in its
//! marked-content sequence, the furniture as artifacts.

use super::{Embedded, font_name};
use crate::render::pdf::content::Content;
use crate::render::pdf::fonts::{FaceId, Fonts};
use crate::render::pdf::layout::{Item, Mark, Page, Part, Rgb, Role, Tag};
use crate::render::pdf::tag::{self, StructType};

/// One page's content stream, with the graphics state it has set.
pub(super) struct PageWriter<'a> {
    /// The content stream so far.
    pub(super) c: Content,
    height: f32,
    remap: &'a [Vec<u16>],
    fonts: &'a Fonts,
    in_text: bool,
    font: Option<(FaceId, f32)>,
    fill: Option<Rgb>,
    stroke: Option<(Rgb, f32)>,
    /// `(block, role, part)` of each MCID written so far.
    pub(super) marks: Vec<(u32, Role, Part)>,
}

impl PageWriter<'_> {
    fn open(&mut self, tag: &Tag) {
        match tag {
            Tag::Content { block, role, part } if !decorative(role) => {
                let ty = match part {
                    Part { link: Some(_), .. } => StructType::Link,
                    Part { lang: Some(_), .. } => StructType::Span,
                    _ => tag::leaf_type(role),
                };
                self.c.raw("/").raw(ty.name()).raw(" <</MCID ");
                self.c.num(self.marks.len() as f32);
                self.c.raw(">> BDC\n");
                self.marks.push((*block, role.clone(), part.clone()));
            }
            // An image without alternative text is decoration, part of the page's design.
            Tag::Content { .. } => {
                self.c.raw("/Artifact <</Type /Layout>> BDC\n");
            }
            Tag::Artifact => {
                self.c.raw("/Artifact <</Type /Pagination>> BDC\n");
            }
        }
    }

    fn close(&mut self) {
        self.end_text();
        self.c.op("EMC");
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.c.op("ET");
            self.in_text = false;
        }
    }

    fn fill(&mut self, c: Rgb) {
        if self.fill != Some(c) {
            self.c.nums(&[c.0, c.1, c.2]).op("rg");
            self.fill = Some(c);
        }
    }

    fn stroke(&mut self, c: Rgb, w: f32) {
        if self.stroke != Some((c, w)) {
            self.c.nums(&[c.0, c.1, c.2]).op("RG").num(w).op("w");
            self.stroke = Some((c, w));
        }
    }

    fn draw(&mut self, item: &Item, images: &[Embedded]) {
        let h = self.height;
        match &item.mark {
            Mark::Glyphs(run) => {
                if !self.in_text {
                    self.c.op("BT");
                    self.in_text = true;
                }
                if self.font != Some((run.face, run.size)) {
                    self.c
                        .raw("/")
                        .raw(&font_name(run.face))
                        .raw(" ")
                        .num(run.size)
                        .op("Tf");
                    self.font = Some((run.face, run.size));
                }
                self.fill(run.color);
                let (s, c) = run.angle.to_radians().sin_cos();
                self.c.nums(&[c, s, -s, c, run.x, h - run.y]).op("Tm");
                let face = self.fonts.face(run.face);
                let upm = f32::from(face.units_per_em);
                let remap = &self.remap[run.face.index()];
                let size = run.size;
                self.c.show(run.glyphs.ids().map(|(id, advance)| {
                    let gid = remap.get(usize::from(id)).copied().unwrap_or(0);
                    // The viewer advances by the /W width; adjust to the layout's advance.
                    // (Truncated by a cast: `trunc` is a libm call on baseline x86-64, and
                    // the width, under 65,536 em thousandths, is exact either way.)
                    let width = (f32::from(face.advance(id)) * 1000.0 / upm) as i32 as f32;
                    let adjust = width - advance * 1000.0 / size;
                    (gid, if adjust.abs() < 0.05 { 0.0 } else { adjust })
                }));
            }
            Mark::Rect {
                x,
                y,
                w,
                h: rh,
                fill,
                stroke,
            } => {
                self.end_text();
                if let Some(f) = fill {
                    self.fill(*f);
                    self.c.nums(&[*x, h - y - rh, *w, *rh]).op("re f");
                }
                if let Some((sc, sw)) = stroke {
                    self.stroke(*sc, *sw);
                    self.c.nums(&[*x, h - y - rh, *w, *rh]).op("re S");
                }
            }
            Mark::Line {
                from,
                to,
                width,
                color,
            } => {
                self.end_text();
                self.stroke(*color, *width);
                self.c
                    .nums(&[from.0, h - from.1])
                    .op("m")
                    .nums(&[to.0, h - to.1])
                    .op("l S");
            }
            Mark::Image {
                index,
                x,
                y,
                w,
                h: ih,
            } => {
                self.end_text();
                if images.get(*index).is_some() {
                    self.c
                        .op("q")
                        .nums(&[*w, 0.0, 0.0, *ih, *x, h - y - ih])
                        .op("cm");
                    self.c.raw("/Im").num((index + 1) as f32).op("Do").op("Q");
                }
            }
        }
    }
}

/// An image without alternative text is decoration: an artifact, not a figure.
fn decorative(role: &Role) -> bool {
    matches!(role, Role::Figure(alt) if alt.trim().is_empty())
}

fn page_content(page: &Page, writer: &mut PageWriter<'_>, images: &[Embedded]) {
    // One marked-content sequence per run of items of one block and part (or artifact).
    let mut current: Option<&Tag> = None;
    for item in &page.items {
        let same = current.is_some_and(|t| match (t, &item.tag) {
            (
                Tag::Content { block, part, .. },
                Tag::Content {
                    block: b, part: p, ..
                },
            ) => block == b && part == p,
            (t, i) => t == i,
        });
        if !same {
            if current.is_some() {
                writer.close();
            }
            writer.open(&item.tag);
            current = Some(&item.tag);
        }
        writer.draw(item, images);
    }
    if current.is_some() {
        writer.close();
    }
}

/// `page`'s content stream, for a page `height` high.
pub(super) fn draw<'a>(
    page: &Page,
    height: f32,
    fonts: &'a Fonts,
    remap: &'a [Vec<u16>],
    images: &[Embedded],
) -> PageWriter<'a> {
    let mut writer = PageWriter {
        c: Content::default(),
        height,
        remap,
        fonts,
        in_text: false,
        font: None,
        fill: None,
        stroke: None,
        marks: Vec::new(),
    };
    page_content(page, &mut writer, images);
    writer
}

//! Drawing a [`Layout`] with printpdf, the only module that uses its types: subset fonts,
//! images, and per page the glyph runs (glyph ids via `ShowText`), rules, boxes and link
//! annotations. Every block is one marked-content sequence with an MCID (`BDC … EMC`),
//! the page furniture is marked `/Artifact`, so tagging can build on it later.
//!
//! printpdf subsets fonts only with its heavy `text_layout` feature, so clerk subsets each
//! face itself (allsorts, already in printpdf's tree) to the glyphs the paper uses,
//! renumbered, and hands printpdf the small font.

use std::collections::BTreeMap;

use printpdf::{
    Actions, BorderArray, Codepoint, Color, ColorArray, Destination, DictItem, FontId, Line,
    LineDashPattern, LinePoint, LinkAnnotation, Op, PaintMode, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, RawImage, Rect, Rgb as PdfRgb, TextItem,
    TextMatrix, XObject, XObjectId, XObjectTransform,
};

use super::fonts::{FaceId, Fonts};
use super::layout::{Glyph, Item, Layout, Mark, Rgb, Role, Tag, Target};
use crate::diag::Diagnostic;

/// Per face: old glyph id → (new id, text), for the glyphs the paper uses.
type GlyphMap = BTreeMap<FaceId, BTreeMap<u16, (u16, String)>>;

fn used_glyphs(layout: &Layout) -> GlyphMap {
    let mut used: GlyphMap = BTreeMap::new();
    for page in &layout.pages {
        for item in &page.items {
            if let Mark::Glyphs(run) = &item.mark {
                let map = used.entry(run.face).or_default();
                for g in &run.glyphs {
                    let e = map.entry(g.gid).or_insert((0, String::new()));
                    if e.1.is_empty() {
                        e.1 = g.text.to_string();
                    }
                }
            }
        }
    }
    for map in used.values_mut() {
        // New ids: .notdef first, then the used glyphs in order (allsorts' numbering).
        let mut next = 1u16;
        for (gid, entry) in map.iter_mut() {
            entry.0 = if *gid == 0 { 0 } else { next };
            if *gid != 0 {
                next += 1;
            }
        }
    }
    used
}

/// A subset tag (`ABCDEF+`) from the glyph set, so the same glyphs give the same name.
fn subset_tag(face: FaceId, gids: &BTreeMap<u16, (u16, String)>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ face as u64;
    for gid in gids.keys() {
        h = (h ^ u64::from(*gid)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 5)) % 26) as u8))
        .collect()
}

fn subset_font(
    fonts: &Fonts,
    face_id: FaceId,
    gids: &BTreeMap<u16, (u16, String)>,
) -> Result<ParsedFont, String> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile, subset};
    let face = fonts.face(face_id);
    let scope = ReadScope::new(face.bytes());
    let data = scope.read::<FontData<'_>>().map_err(|e| e.to_string())?;
    let provider = data.table_provider(0).map_err(|e| e.to_string())?;
    let ids: Vec<u16> = std::iter::once(0)
        .chain(gids.keys().copied().filter(|g| *g != 0))
        .collect();
    let bytes = subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| e.to_string())?;
    let widths: BTreeMap<u16, u16> = ids
        .iter()
        .enumerate()
        .map(|(new, old)| (new as u16, face.advance(*old)))
        .collect();
    let name = format!("{}+{}", subset_tag(face_id, gids), face.name);
    let mut font = ParsedFont::with_glyph_data(
        bytes,
        0,
        Some(name),
        BTreeMap::new(),
        widths,
        face.units_per_em,
        printpdf::FontMetrics {
            ascent: face.ascent.round() as i16,
            descent: face.descent.round() as i16,
        },
    );
    let m = &mut font.pdf_font_metrics;
    [m.x_min, m.y_min, m.x_max, m.y_max] = face.bbox;
    (m.caret_slope_rise, m.caret_slope_run) = face.caret_slope;
    m.us_weight_class = face.weight;
    Ok(font)
}

fn color(c: Rgb) -> Color {
    Color::Rgb(PdfRgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

fn font_id(face: FaceId) -> FontId {
    FontId(format!("F{}", face as usize + 1))
}

fn utf16(text: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    out
}

/// The page's operations: marked-content groups of consecutive items with the same tag.
struct PageOps<'a> {
    ops: Vec<Op>,
    height: f32,
    glyphs: &'a GlyphMap,
    fonts: &'a Fonts,
    in_text: bool,
    font: Option<(FaceId, f32)>,
    fill: Option<Rgb>,
    mcid: i64,
}

impl PageOps<'_> {
    fn open(&mut self, tag: &Tag) {
        let (name, map): (&str, BTreeMap<String, DictItem>) = match tag {
            Tag::Artifact => (
                "Artifact",
                BTreeMap::from([("Type".into(), DictItem::Name(b"Pagination".to_vec()))]),
            ),
            Tag::Content { role, .. } => {
                let mut map = BTreeMap::from([("MCID".to_string(), DictItem::Int(self.mcid))]);
                self.mcid += 1;
                let name = match role {
                    Role::P => "P",
                    Role::H(1) => "H1",
                    Role::H(_) => "H2",
                    Role::L => "LI",
                    Role::Table => "TR",
                    Role::Figure(alt) => {
                        map.insert(
                            "Alt".into(),
                            DictItem::String {
                                data: utf16(alt),
                                literal: false,
                            },
                        );
                        "Figure"
                    }
                    Role::Code => "Code",
                    Role::Quote => "BlockQuote",
                    Role::Note => "Note",
                };
                (name, map)
            }
        };
        self.ops.push(Op::BeginMarkedContentWithProperties {
            tag: name.into(),
            properties: DictItem::Dict { map },
        });
    }

    fn close(&mut self) {
        self.end_text();
        self.ops.push(Op::EndMarkedContent);
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    fn set_fill(&mut self, c: Rgb) {
        if self.fill != Some(c) {
            self.ops.push(Op::SetFillColor { col: color(c) });
            self.fill = Some(c);
        }
    }

    fn draw(&mut self, item: &Item, images: &[(XObjectId, usize, usize)]) {
        let h = self.height;
        match &item.mark {
            Mark::Glyphs(run) => {
                if !self.in_text {
                    self.ops.push(Op::StartTextSection);
                    self.in_text = true;
                }
                if self.font != Some((run.face, run.size)) {
                    self.ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id(run.face)),
                        size: Pt(run.size),
                    });
                    self.font = Some((run.face, run.size));
                }
                self.set_fill(run.color);
                let (s, c) = run.angle.to_radians().sin_cos();
                self.ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Raw([c, s, -s, c, run.x, h - run.y]),
                });
                let items = self.codepoints(run.face, run.size, &run.glyphs);
                self.ops.push(Op::ShowText {
                    items: vec![TextItem::GlyphIds(items)],
                });
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
                let rect = |mode| Rect {
                    x: Pt(*x),
                    y: Pt(h - y - rh),
                    width: Pt(*w),
                    height: Pt(*rh),
                    mode: Some(mode),
                    winding_order: None,
                };
                if let Some(f) = fill {
                    self.set_fill(*f);
                    self.ops.push(Op::DrawRectangle {
                        rectangle: rect(PaintMode::Fill),
                    });
                }
                if let Some((sc, sw)) = stroke {
                    self.ops.push(Op::SetOutlineColor { col: color(*sc) });
                    self.ops.push(Op::SetOutlineThickness { pt: Pt(*sw) });
                    self.ops.push(Op::DrawRectangle {
                        rectangle: rect(PaintMode::Stroke),
                    });
                }
            }
            Mark::Line {
                from,
                to,
                width,
                color: c,
            } => {
                self.end_text();
                self.ops.push(Op::SetOutlineColor { col: color(*c) });
                self.ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                self.ops.push(Op::SetLineDashPattern {
                    dash: LineDashPattern::default(),
                });
                let point = |(x, y): (f32, f32)| LinePoint {
                    p: Point {
                        x: Pt(x),
                        y: Pt(h - y),
                    },
                    bezier: false,
                };
                self.ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*from), point(*to)],
                        is_closed: false,
                    },
                });
            }
            Mark::Image {
                index,
                x,
                y,
                w,
                h: ih,
            } => {
                self.end_text();
                if let Some((id, pw, ph)) = images.get(*index) {
                    self.ops.push(Op::UseXobject {
                        id: id.clone(),
                        transform: XObjectTransform {
                            translate_x: Some(Pt(*x)),
                            translate_y: Some(Pt(h - y - ih)),
                            scale_x: Some(w / *pw as f32),
                            scale_y: Some(ih / *ph as f32),
                            dpi: Some(72.0),
                            ..XObjectTransform::default()
                        },
                    });
                }
            }
        }
    }

    /// Glyph ids renumbered for the subset, each with the kerning or justification that
    /// makes the viewer's pen land where the layout put the next glyph.
    fn codepoints(&self, face: FaceId, size: f32, glyphs: &[Glyph]) -> Vec<Codepoint> {
        let f = self.fonts.face(face);
        let map = self.glyphs.get(&face);
        glyphs
            .iter()
            .map(|g| {
                let (gid, text) = map
                    .and_then(|m| m.get(&g.gid))
                    .map_or((0, String::new()), |(n, t)| (*n, t.clone()));
                let pdf_width = (f32::from(f.advance(g.gid)) * 1000.0 / f32::from(f.units_per_em))
                    as i64 as f32;
                let offset = pdf_width - g.advance * 1000.0 / size;
                let offset = if offset.abs() < 0.01 {
                    0.0
                } else {
                    (offset * 100.0).round() / 100.0
                };
                Codepoint {
                    gid,
                    offset,
                    cid: Some(text),
                }
            })
            .collect()
    }
}

/// printpdf's output: the document, and for each font resource (`F1`…) the text of each of
/// its (subset) glyph ids, for the ToUnicode CMaps.
#[derive(Debug)]
pub struct Emitted {
    /// The document, not yet finished.
    pub doc: lopdf::Document,
    /// Font resource name → (glyph id, text) in id order.
    pub to_unicode: Vec<(String, Vec<(u16, String)>)>,
}

/// Draws the layout into a printpdf document and returns it as a lopdf document, ready for
/// `finish`. An image that cannot be decoded is a diagnostic.
pub fn emit(layout: &Layout, fonts: &Fonts) -> Result<Emitted, Diagnostic> {
    let glyphs = used_glyphs(layout);
    let mut doc = PdfDocument::new("");
    doc.metadata.info.conformance =
        printpdf::PdfConformance::Custom(printpdf::CustomPdfConformance {
            requires_icc_profile: false,
            requires_xmp_metadata: false,
            ..Default::default()
        });
    for (face, gids) in &glyphs {
        let font = subset_font(fonts, *face, gids).map_err(|e| {
            Diagnostic::file_error(
                "pdf",
                std::path::Path::new("clerk.yaml"),
                format!("cannot subset the font {} ({e})", fonts.face(*face).name),
            )
        })?;
        doc.resources
            .fonts
            .map
            .insert(font_id(*face), PdfFont::new(font));
    }
    let mut images = Vec::new();
    for (i, img) in layout.images.iter().enumerate() {
        let mut warnings = Vec::new();
        let raw = RawImage::decode_from_bytes(&img.data, &mut warnings).map_err(|e| {
            Diagnostic::file_error(
                "bad-image",
                &img.path,
                format!("cannot decode this image for the PDF ({e})"),
            )
            .with_help("save it again as a PNG or baseline JPEG")
        })?;
        let id = XObjectId(format!("Im{}", i + 1));
        images.push((id.clone(), raw.width.max(1), raw.height.max(1)));
        doc.resources.xobjects.map.insert(id, XObject::Image(raw));
    }
    let (w, h) = layout.page_size;
    let mut pages = Vec::with_capacity(layout.pages.len());
    for page in &layout.pages {
        let mut p = PageOps {
            ops: Vec::new(),
            height: h,
            glyphs: &glyphs,
            fonts,
            in_text: false,
            font: None,
            fill: None,
            mcid: 0,
        };
        let mut current: Option<&Tag> = None;
        let mut current_block: Option<u32> = None;
        for item in &page.items {
            let block = match &item.tag {
                Tag::Content { block, .. } => Some(*block),
                Tag::Artifact => None,
            };
            if current.is_none()
                || current_block != block
                || (block.is_none() && current != Some(&item.tag))
            {
                if current.is_some() {
                    p.close();
                }
                p.open(&item.tag);
                current = Some(&item.tag);
                current_block = block;
            }
            p.draw(item, &images);
        }
        if current.is_some() {
            p.close();
        }
        for link in &page.links {
            let (x, y, lw, lh) = link.rect;
            let action = match &link.target {
                Target::Uri(u) => Actions::Uri(u.clone()),
                Target::Anchor(a) => match layout.anchors.get(a) {
                    Some((pg, top)) => Actions::Goto(Destination::Xyz {
                        page: pg + 1,
                        left: None,
                        top: Some(h - top + 4.0),
                        zoom: None,
                    }),
                    None => continue,
                },
            };
            let rect = Rect::from_xywh(Pt(x), Pt(h - y - lh), Pt(lw), Pt(lh));
            let link = LinkAnnotation::new(
                rect,
                action,
                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                Some(ColorArray::Transparent),
                None,
            );
            p.ops.push(Op::LinkAnnotation { link });
        }
        pages.push(PdfPage::new(
            printpdf::Mm(w * 25.4 / 72.0),
            printpdf::Mm(h * 25.4 / 72.0),
            p.ops,
        ));
    }
    doc.with_pages(pages);
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let to_unicode = glyphs
        .iter()
        .map(|(face, map)| {
            let mut v: Vec<(u16, String)> = map
                .values()
                .filter(|(_, t)| !t.is_empty())
                .cloned()
                .collect();
            v.sort_unstable_by_key(|(g, _)| *g);
            (font_id(*face).0, v)
        })
        .collect();
    Ok(Emitted {
        doc: doc.to_lopdf_document(&opts, &mut warnings),
        to_unicode,
    })
}

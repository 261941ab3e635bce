//! Drawing a [`Layout`] into a PDF document: per page one content stream with the glyph
//! runs (glyph ids, `TJ`), rules, boxes and images, then the link annotations (`annot`).
//! Every block, and each link or passage in another language inside it, is one
//! marked-content sequence with an MCID (`BDC … EMC`) and the page furniture is marked
//! `/Artifact`; `tag` builds the structure tree on them.
//!
//! printpdf decodes the images; the pages, fonts and annotations are written with lopdf.
//! printpdf's own `Op` path was the first version of this module: it works, but it cannot
//! subset a font without its `text_layout` feature (azul-layout, minutes of build), its
//! resource names are random (no byte-identical rebuilds without renaming), its outline
//! is sorted by title, and turning every glyph into a lopdf object cost more than all of
//! clerk's layout, a third of a paper's PDF time against the 2 ms a paper budget.

use std::collections::HashMap;
use std::sync::Arc;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::annot;
use super::embed::{self, GlyphMap};
use super::fonts::{FaceId, Fonts};
use super::glyphs::{remap, used_glyphs};
use super::layout::{Layout, Page, StampAt, Target};
use super::serialise::Prewritten;
use super::tag::{self, PageMarks};
use crate::diag::Diagnostic;

mod page;

/// An image's XObject and its size in pixels, as [`embed::image`] adds it.
type Embedded = (ObjectId, usize, usize);

fn font_name(face: FaceId) -> String {
    format!("F{}", face.index() + 1)
}

/// How [`emit`] treats pages once drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawn {
    /// Kept as they are: the content streams uncompressed (until `finish`), the layout's
    /// pages whole (an agenda pack turns some drawn pages into forms).
    Kept,
    /// Let go: each page's content stream deflated as soon as it is drawn and the page's
    /// items (its glyph runs) freed, so a long paper does not hold every page twice.
    /// The finished bytes are the same as with `Kept`.
    Released,
}

/// Draws the layout into a new PDF document (pages, fonts, images, links), ready for
/// `finish`. An image that cannot be decoded or a font that cannot be subset is a
/// diagnostic. With [`Drawn::Released`] the layout's pages are left without their items.
pub fn emit(
    layout: &mut Layout,
    fonts: &Fonts,
    lang: &str,
    drawn: Drawn,
) -> Result<Emitted, Diagnostic> {
    let mut doc = Document::with_version("1.7");
    // A classic cross-reference table: read by every PDF reader and archive tool.
    doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    let glyphs = used_glyphs(layout, fonts);
    let remap = remap(&glyphs, fonts);
    let (resources_id, images) = resources(&mut doc, layout, fonts, &glyphs)?;
    let pages_id = doc.new_object_id();
    let page_ids: Vec<ObjectId> = layout.pages.iter().map(|_| doc.new_object_id()).collect();
    let tree = PageTree {
        pages_id,
        resources_id,
        page_ids: &page_ids,
        remap: &remap,
        images: &images,
    };
    let mut marks: Vec<PageMarks> = Vec::with_capacity(page_ids.len());
    let mut appended = Vec::new();
    for (k, id) in page_ids.iter().enumerate() {
        let page = &layout.pages[k];
        let (page_marks, links) = emit_page(&mut doc, layout, fonts, &tree, page, *id, drawn);
        marks.push(page_marks);
        appended.extend(links);
        if drawn == Drawn::Released {
            layout.pages[k].items = Vec::new();
        }
    }
    let stamps = layout
        .stamps
        .iter()
        .map(|s| {
            let form = emit_form(&mut doc, layout, fonts, &tree, &s.page, drawn);
            StampForm {
                at: s.at,
                covers: s.covers,
                only: s.only.clone(),
                form,
            }
        })
        .collect();
    let kids: Vec<Object> = page_ids.iter().map(|p| Object::Reference(*p)).collect();
    let pages = Dictionary::from_iter([
        ("Type", Object::Name(b"Pages".to_vec())),
        ("Count", (page_ids.len() as i64).into()),
        ("Kids", kids.into()),
    ]);
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let lang = (!lang.trim().is_empty()).then_some(lang);
    // A paper (pages released as drawn) has its structure elements written at once; a
    // pack's front sheet keeps them as objects, for its papers' trees to join.
    let mut ahead = Prewritten::default();
    let sink = (drawn == Drawn::Released).then_some(&mut ahead);
    let root = tag::structure(&mut doc, &marks, &layout.structure, lang, sink);
    let catalog = doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", pages_id.into()),
        ("StructTreeRoot", root.into()),
    ]));
    doc.trailer.set("Root", catalog);
    Ok(Emitted {
        doc,
        ahead,
        stamps,
        appended,
    })
}

/// An emitted PDF: its objects, and those already written (see [`tag::structure`]).
#[derive(Debug)]
pub struct Emitted {
    /// Everything still to be finished.
    pub doc: Document,
    /// Objects written ahead, for [`super::serialise::save_with`].
    pub(crate) ahead: Prewritten,
    /// The layout's stamps, each a form XObject the size of the house's page.
    pub stamps: Vec<StampForm>,
    /// The link annotations to a PDF appendix, with its id, to be pointed at its first
    /// page once it is appended.
    pub appended: Vec<(ObjectId, String)>,
}

/// A [`super::layout::Stamp`] made a form XObject.
#[derive(Debug, Clone)]
pub struct StampForm {
    /// Where it goes on a page.
    pub at: StampAt,
    /// Does it cover the page's own marking? (see [`super::layout::Stamp::covers`])
    pub covers: bool,
    /// The appendix on whose pages alone it is drawn (see [`super::layout::Stamp::only`]).
    pub only: Option<String>,
    /// The form.
    pub form: ObjectId,
}

/// The resources every page shares (the subset fonts, `F1`…, and the images, `Im1`…),
/// and each image's object and pixel size.
fn resources(
    doc: &mut Document,
    layout: &Layout,
    fonts: &Fonts,
    glyphs: &GlyphMap,
) -> Result<(ObjectId, Vec<Embedded>), Diagnostic> {
    let mut font_dict = Dictionary::new();
    for (face, gids) in glyphs {
        let id = embed::font(doc, fonts, *face, gids)?;
        font_dict.set(font_name(*face), id);
    }
    let mut images = Vec::new();
    let mut xobjects = Dictionary::new();
    // An image shown at several places is one XObject, decoded and embedded once: the
    // paper's images share their bytes (one `Arc` per file), and the logo is its own.
    let mut seen: HashMap<*const Vec<u8>, Embedded> = HashMap::new();
    for (i, img) in layout.images.iter().enumerate() {
        let entry = match seen.get(&Arc::as_ptr(&img.data)) {
            Some(entry) => *entry,
            None => {
                let entry = embed::image(doc, img)?;
                seen.insert(Arc::as_ptr(&img.data), entry);
                entry
            }
        };
        xobjects.set(format!("Im{}", i + 1), entry.0);
        images.push(entry);
    }
    let mut resources = Dictionary::from_iter([("Font", Object::Dictionary(font_dict))]);
    if !xobjects.is_empty() {
        resources.set("XObject", xobjects);
    }
    Ok((doc.add_object(resources), images))
}

/// What every page's dictionary and content refer to.
struct PageTree<'a> {
    pages_id: ObjectId,
    resources_id: ObjectId,
    /// Every page's object id, reserved before any is drawn, for links between pages.
    page_ids: &'a [ObjectId],
    remap: &'a [Vec<u16>],
    images: &'a [Embedded],
}

/// Draws a stamp as a form XObject the size of the layout's pages, with the pages'
/// resources; its marks are artifacts, so it has no part in the structure tree.
fn emit_form(
    doc: &mut Document,
    layout: &Layout,
    fonts: &Fonts,
    tree: &PageTree<'_>,
    page: &Page,
    drawn: Drawn,
) -> ObjectId {
    let (w, h) = layout.page_size;
    let writer = page::draw(page, h, fonts, tree.remap, tree.images);
    let dict = Dictionary::from_iter([
        ("Type", Object::Name(b"XObject".to_vec())),
        ("Subtype", Object::Name(b"Form".to_vec())),
        (
            "BBox",
            vec![0.into(), 0.into(), Object::Real(w), Object::Real(h)].into(),
        ),
        ("Resources", tree.resources_id.into()),
    ]);
    let mut stream = Stream::new(dict, writer.c.bytes);
    if drawn == Drawn::Released {
        super::compress::compress_stream(&mut stream);
    }
    doc.add_object(stream)
}

/// Draws one page as object `id`: its content stream, then its link annotations. Returns
/// its marked content and links, for the structure tree.
fn emit_page(
    doc: &mut Document,
    layout: &Layout,
    fonts: &Fonts,
    tree: &PageTree<'_>,
    page: &Page,
    id: ObjectId,
    drawn: Drawn,
) -> (PageMarks, Vec<(ObjectId, String)>) {
    let (w, h) = layout.page_size;
    let writer = page::draw(page, h, fonts, tree.remap, tree.images);
    let mut stream = Stream::new(Dictionary::new(), writer.c.bytes);
    if drawn == Drawn::Released {
        super::compress::compress_stream(&mut stream);
    }
    let contents = doc.add_object(stream);
    let mut dict = Dictionary::from_iter([
        ("Type", Object::Name(b"Page".to_vec())),
        ("Parent", tree.pages_id.into()),
        (
            "MediaBox",
            vec![0.into(), 0.into(), Object::Real(w), Object::Real(h)].into(),
        ),
        ("Resources", tree.resources_id.into()),
        ("Contents", contents.into()),
    ]);
    let (mut annots, mut appended) = (Vec::new(), Vec::new());
    for l in &page.links {
        if let Some(annot) = annot::link(layout, tree.page_ids, l) {
            let annot_id = doc.add_object(annot);
            if let Target::Appended(appendix) = &l.target {
                appended.push((annot_id, appendix.clone()));
            }
            annots.push((annot_id, l.block, annot::link_of(page, l)));
        }
    }
    if !annots.is_empty() {
        let refs: Vec<Object> = annots.iter().map(|(a, ..)| (*a).into()).collect();
        dict.set("Annots", refs);
        dict.set("Tabs", "S");
    }
    doc.objects.insert(id, Object::Dictionary(dict));
    let marks = PageMarks {
        id,
        mcids: writer.marks,
        annots,
    };
    (marks, appended)
}

//! Putting a pack together with lopdf: the stamp pages of the emitted front sheet become
//! form XObjects, each paper's pages and structure tree are grafted in (one `Sect` per
//! item, its `/Lang` kept, parent-tree keys moved on, its `Note` IDs made unique) and each
//! page gets its stamp drawn over it as an artifact; the front sheet's links are pointed at
//! the papers' first pages, and the outline holds the front sheet, then one entry per item
//! with the paper's own outline nested under it.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::outline::{Entry, Mark, dest, level, marks, write_outline};
use crate::document::appendix::{self, PaperPdf, text_string};
use crate::render::pdf::finish::{self, Meta};
use crate::render::pdf::overlay;
use crate::render::pdf::serialise::Prewritten;

/// A paper's PDF, opened, with its outline read before its pages are taken.
#[derive(Debug)]
pub(super) struct Paper<B> {
    pdf: PaperPdf<B>,
    title: String,
    pages: u32,
    outline: Vec<Mark>,
    /// What identifies its content: its `/ID` (clerk's is a hash of everything it draws
    /// and its metadata), else a hash of its streams.
    id: Vec<u8>,
    /// The length of its file.
    size: usize,
}

impl<B: AsRef<[u8]>> Paper<B> {
    /// Opens `bytes`; `None` when they cannot be read or have no pages.
    pub(super) fn load(bytes: B, title: String) -> Option<Paper<B>> {
        let size = bytes.as_ref().len();
        let pdf = PaperPdf::open(bytes).ok()?;
        let doc = pdf.doc();
        let index: BTreeMap<ObjectId, usize> = doc
            .get_pages()
            .values()
            .enumerate()
            .map(|(i, id)| (*id, i))
            .collect();
        let pages = index.len() as u32;
        if pages == 0 {
            return None;
        }
        let first = doc
            .catalog()
            .ok()
            .and_then(|c| c.get(b"Outlines").ok())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok())
            .and_then(|o| o.get(b"First").and_then(Object::as_reference).ok());
        let outline = level(doc, first, &index, 0, &mut BTreeSet::new());
        let id = match doc.trailer.get(b"ID").and_then(Object::as_array) {
            Ok(ids) if !ids.is_empty() => match ids[0].as_str() {
                Ok(bytes) => bytes.to_vec(),
                Err(_) => format!("{:?}", ids[0]).into_bytes(),
            },
            _ => finish::hash_streams(doc).digest128().to_be_bytes().to_vec(),
        };
        Some(Paper {
            pdf,
            title,
            pages,
            outline,
            id,
            size,
        })
    }

    /// Its page count.
    pub(super) fn pages(&self) -> u32 {
        self.pages
    }
}

/// A stamp page made a form XObject: its id and the page's size.
struct Form {
    id: ObjectId,
    size: (f32, f32),
}

/// The emitted front sheet: its pages, its bookmark's title (`Front sheet`), and for each
/// stamp page after it whether its stamp holds the DRAFT mark, drawn multiplied in.
pub(super) struct Front<'a> {
    pub(super) pages: usize,
    pub(super) title: &'a str,
    pub(super) multiplied: &'a [bool],
}

/// The papers of a pack: each opened (`None` when not available), its pack pages, and the
/// way from the pack's folder to its PDF's (see [`super::link_base`]; none given, its
/// relative links are left as they are).
pub(super) struct Papers<'a, B> {
    pub(super) loaded: Vec<Option<Paper<B>>>,
    pub(super) ranges: &'a [Option<(u32, u32)>],
    pub(super) bases: &'a [String],
}

/// Puts the pack together: `pdf` is the emitted front sheet (`front` pages) followed by
/// the stamp pages, then the `papers` in order. Objects of the
/// papers that need no change but their numbers are copied as written when `as_written`
/// (the same bytes as building and writing them: a test builds packs both ways).
pub(super) fn merge<B: AsRef<[u8]>>(
    mut pdf: Document,
    front: Front<'_>,
    papers: Papers<'_, B>,
    srgb: &[u8],
    meta: &Meta,
    as_written: bool,
) -> Result<Vec<u8>, String> {
    let Papers {
        loaded: papers,
        ranges,
        bases,
    } = papers;
    let Front {
        pages: front,
        title: front_title,
        multiplied,
    } = front;
    // The pack's ID hashes what it draws: the front sheet and stamps, and each paper's own
    // ID (a hash of its content), not the papers' streams over again.
    let mut content = finish::hash_streams(&pdf);
    let pages: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    let forms = take_stamps(&mut pdf, &pages, front)?;
    let q = pdf.add_object(Stream::new(Dictionary::new(), b"q\n".to_vec()));
    let multiply = multiplied
        .contains(&true)
        .then(|| pdf.add_object(overlay::multiply_state()));
    // The streams that draw a stamp after a page's content, one for each offset (one in
    // all when the papers' pages are the size of the front sheet's).
    let mut ends: BTreeMap<String, ObjectId> = BTreeMap::new();
    // Stamp page → the paper page that takes its place (for the front sheet's links).
    let mut moved: BTreeMap<ObjectId, ObjectId> = BTreeMap::new();
    // The papers' objects written as they come take less than their files (their
    // streams stay in the document until the pack is saved).
    let room = papers.iter().flatten().map(|p| p.size).sum();
    let mut ahead = Prewritten::with_capacity(room);
    let mut entries = vec![Entry {
        title: text_string(front_title),
        dest: dest(pages[0], Object::Null),
        kids: Vec::new(),
    }];
    for (j, (paper, range)) in papers.into_iter().zip(ranges).enumerate() {
        let (Some(paper), Some((first, _))) = (paper, range) else {
            continue;
        };
        let before = pdf.max_id;
        let Paper {
            pdf: paper_pdf,
            title,
            pages: n,
            outline,
            id,
            size: _,
        } = paper;
        content.update(format!("{j} {first} {title:?} ").as_bytes());
        content.update(&id);
        // Structure elements, links and parent-tree arrays are written as they come (a
        // long paper's tree is never held as lopdf objects); the rest is kept for stamping.
        let mut keep = Grafted {
            j,
            ahead: &mut ahead,
            as_written,
            base: bases.get(j).map_or("", String::as_str),
        };
        let new = appendix::append_paper(&mut pdf, paper_pdf, &title, &mut keep)?;
        // Its pages as grafted, not the pack's page tree walked again for each paper.
        let (Some(&first_page), true) = (new.first(), new.len() == n as usize) else {
            return Err(format!("the pages of {title} did not all come"));
        };
        let skip = *first as usize - 1 - front;
        for (i, page) in new.iter().enumerate() {
            let form = forms.get(skip + i).ok_or("a stamp is missing")?;
            let multiply = multiply.filter(|_| multiplied.get(skip + i) == Some(&true));
            stamp_page(&mut pdf, *page, (form, multiply), q, &mut ends)?;
            moved.insert(pages[front + skip + i], *page);
        }
        // The paper's objects are done with (its pages and streams aside): written now,
        // a long paper's tree is not held as lopdf objects beside the file being made.
        let added = (before + 1..=pdf.max_id).map(|n| (n, 0));
        ahead.take_from(&mut pdf, added);
        entries.push(Entry {
            title: text_string(&title),
            dest: dest(first_page, Object::Null),
            kids: marks(&outline, &new),
        });
    }
    point_links(&mut pdf, &moved);
    let outline = write_outline(&mut pdf, entries);
    finish::finish_with(pdf, &ahead, outline, meta, srgb, Some(content)).map_err(|d| d.message)
}

/// Turns the stamp pages (after the first `front`) into form XObjects and removes them,
/// with their parent-tree entries, from the document.
fn take_stamps(pdf: &mut Document, pages: &[ObjectId], front: usize) -> Result<Vec<Form>, String> {
    let mut forms = Vec::new();
    for &id in &pages[front..] {
        let page = pdf.get_dictionary(id).map_err(|e| e.to_string())?.clone();
        let size = match page.get(b"MediaBox").and_then(Object::as_array) {
            Ok(b) if b.len() == 4 => (number(&b[2]), number(&b[3])),
            _ => return Err("a stamp page has no size".into()),
        };
        let contents = page
            .get(b"Contents")
            .and_then(Object::as_reference)
            .map_err(|e| e.to_string())?;
        let Some(Object::Stream(s)) = pdf.objects.remove(&contents) else {
            return Err("a stamp page has no content".into());
        };
        let dict = Dictionary::from_iter([
            ("Type", Object::Name(b"XObject".to_vec())),
            ("Subtype", Object::Name(b"Form".to_vec())),
            (
                "BBox",
                vec![
                    0.into(),
                    0.into(),
                    Object::Real(size.0),
                    Object::Real(size.1),
                ]
                .into(),
            ),
            (
                "Resources",
                page.get(b"Resources").cloned().unwrap_or(Object::Null),
            ),
        ]);
        pdf.objects
            .insert(contents, Object::Stream(Stream::new(dict, s.content)));
        pdf.objects.remove(&id);
        forms.push(Form { id: contents, size });
    }
    let gone: BTreeSet<ObjectId> = pages[front..].iter().copied().collect();
    let root = pdf
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    let kids = pdf.get_dictionary_mut(root).map_err(|e| e.to_string())?;
    if let Ok(Object::Array(a)) = kids.get_mut(b"Kids") {
        a.retain(|k| k.as_reference().is_ok_and(|r| !gone.contains(&r)));
    }
    kids.set("Count", front as i64);
    // Their parent-tree keys are their page indices.
    let tree = pdf
        .catalog()
        .and_then(|c| c.get(b"StructTreeRoot"))
        .and_then(Object::as_reference)
        .and_then(|r| pdf.get_dictionary(r))
        .and_then(|r| r.get(b"ParentTree"))
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    let range = front as i64..pages.len() as i64;
    let mut dropped = Vec::new();
    if let Ok(Object::Array(nums)) = pdf
        .get_dictionary_mut(tree)
        .map_err(|e| e.to_string())?
        .get_mut(b"Nums")
    {
        let mut kept = Vec::new();
        for pair in nums.chunks(2) {
            if let [k, v] = pair {
                if k.as_i64().is_ok_and(|k| range.contains(&k)) {
                    dropped.extend(v.as_reference().ok());
                } else {
                    kept.extend([k.clone(), v.clone()]);
                }
            }
        }
        *nums = kept;
    }
    for id in dropped {
        pdf.objects.remove(&id);
    }
    Ok(forms)
}

fn number(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

/// The name each page's resources give its stamp.
const STAMP: &str = "ClerkPack";

/// Draws `form` over `page` as an artifact, its top right corner on the page's as shown
/// (turned or cropped), multiplied in with the graphics state `multiply` when given (a
/// stamp holding the DRAFT mark, which the page's text stays as dark under). The
/// stream that draws it is shared by the pages with the same offset (`ends`).
fn stamp_page(
    pdf: &mut Document,
    page: ObjectId,
    (form, multiply): (&Form, Option<ObjectId>),
    q: ObjectId,
    ends: &mut BTreeMap<String, ObjectId>,
) -> Result<(), String> {
    let dict = pdf.get_dictionary(page).map_err(|e| e.to_string())?;
    let cm = overlay::top_right(pdf, dict, form.size);
    let state = match multiply {
        Some(_) => format!("/{} gs ", overlay::MULTIPLY),
        None => String::new(),
    };
    let ops = format!("Q\n/Artifact BMC\nq {state}{cm} /{STAMP} Do Q\nEMC\n");
    let end = overlay::shared_stream(pdf, ends, ops);
    overlay::wrap_page(
        pdf,
        page,
        Some((q, end)),
        (&[(STAMP.into(), form.id)], multiply),
    )
}

/// Makes the `/ID` of a structure element the `j`th paper brought unique in the pack:
/// `note-1` of the third paper becomes `p3-note-1`.
fn unique_id(object: &mut Object, j: usize) {
    let Object::Dictionary(d) = object else {
        return;
    };
    if d.get(b"Type").and_then(Object::as_name).ok() != Some(b"StructElem".as_slice()) {
        return;
    }
    if let Ok(Object::String(s, format)) = d.get(b"ID") {
        let mut new = format!("p{}-", j + 1).into_bytes();
        new.extend_from_slice(s);
        let format = *format;
        d.set("ID", Object::String(new, format));
    }
}

/// What becomes of the objects the `j`th paper brings: those nothing reads or changes
/// after the graft are written at once (copied as written, when `as_written`), the rest
/// kept in the pack's document.
struct Grafted<'a> {
    j: usize,
    ahead: &'a mut Prewritten,
    as_written: bool,
    /// The way from the pack's folder to the paper's, put before its relative links.
    base: &'a str,
}

impl appendix::Keep for Grafted<'_> {
    fn object(&mut self, doc: &mut Document, id: ObjectId, mut object: Object) {
        unique_id(&mut object, self.j);
        super::links::rebase(&mut object, self.base);
        if written_at_once(&object) {
            self.ahead.push(id, &object);
        } else {
            doc.objects.insert(id, object);
        }
    }

    fn written(&mut self, id: ObjectId, bytes: &[u8]) -> bool {
        // A link to an address may need its relative address made to lead from the pack:
        // it comes built, to be read.
        if !self.base.is_empty() && memchr::memmem::find(bytes, b"/URI").is_some() {
            return false;
        }
        if self.as_written {
            self.ahead.push_written(id, bytes);
        }
        self.as_written
    }
}

/// Does nothing after the graft read or change `object`, so that it can be written as it
/// comes: a structure element, a link or its reference, a parent-tree array.
fn written_at_once(object: &Object) -> bool {
    matches!(object, Object::Array(_)) || appendix::element_or_link(object)
}

/// Points the front sheet's links, made to the stamp pages, at the paper pages.
fn point_links(pdf: &mut Document, moved: &BTreeMap<ObjectId, ObjectId>) {
    for obj in pdf.objects.values_mut() {
        let Object::Dictionary(d) = obj else { continue };
        if let Ok(Object::Array(dest)) = d.get_mut(b"Dest")
            && let Some(Object::Reference(page)) = dest.first_mut()
            && let Some(new) = moved.get(page)
        {
            *page = *new;
        }
    }
}

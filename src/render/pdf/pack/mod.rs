//! Agenda packs: one PDF per meeting (and a supplementary and a private one) made of a front
//! sheet and the papers' already-built PDFs, never laid out again.
//!
//! The front sheet is the agenda laid out by the papers' engine, each paper item with the
//! pack pages it occupies and a link to its first page. Its page count and the ranges it
//! names depend on each other, so it is laid out until they agree (a line or two more can
//! push it onto another page, at most a few rounds). The same layout carries one page per
//! paper page holding only that page's `Pack page N` stamp (and, on the private pack's front
//! sheet, the PRIVATE marking its papers' pages carry of their own); [`merge`] turns those into form XObjects drawn over the papers' pages,
//! grafts each paper's structure tree under a `Sect` of the pack, and builds the outline.

mod kind;
mod links;
mod merge;
mod outline;

pub use kind::PackKind;
pub use links::link_base;
pub use outline::holds_only;

use crate::config::{HouseStyle, Words};
use crate::diag::Diagnostic;
use crate::document::Document;
use crate::document::appendix::own_draft;
use crate::meeting::{AgendaItem, ItemKind, Meeting};
use crate::render::RenderOptions;
use crate::render::agenda::{Line, sheet};

use super::PdfEngine;
use super::layout::running;
use super::layout::text::{Align, Span, Style};
use super::layout::{self, Geometry, Item, Page, Rgb};

/// A built pack.
#[derive(Debug, Clone)]
pub struct PackPdf {
    /// The file.
    pub bytes: Vec<u8>,
    /// Its pages.
    pub pages: u32,
    /// For each paper of the pack (as [`PackKind::papers`]), its first and last pack page
    /// (1-based), or `None` when its paper was not available.
    pub ranges: Vec<Option<(u32, u32)>>,
}

/// `pages 5–13`, `page 5`, as the house words them.
pub fn range_text(words: &Words, first: u32, last: u32) -> String {
    words.pack_pages(first, last)
}

/// The pack page ranges of papers of `counts` pages (0: not available) after a front
/// sheet of `front` pages.
pub fn ranges(front: u32, counts: &[u32]) -> Vec<Option<(u32, u32)>> {
    let mut next = front + 1;
    counts
        .iter()
        .map(|&n| {
            (n > 0).then(|| {
                let r = (next, next + n - 1);
                next += n;
                r
            })
        })
        .collect()
}

/// The anchor of the `j`-th paper of a pack, which its front-sheet line links to.
fn anchor(j: usize) -> String {
    format!("pack-item-{j}")
}

/// The front sheet of `kind` for `meeting`, naming `ranges` for its papers.
fn front_sheet<'m>(
    meeting: &'m Meeting,
    house: &HouseStyle,
    kind: PackKind,
    ranges: &[Option<(u32, u32)>],
) -> Document {
    let papers = kind.papers(meeting);
    let words = &house.words;
    let line = |item: &'m AgendaItem| -> Line<'m> {
        let mut l = Line::plain(item);
        if let Some(j) = papers.iter().position(|p| std::ptr::eq(*p, item)) {
            match ranges.get(j).copied().flatten() {
                Some((a, b)) => {
                    l.link = Some(format!("#{}", anchor(j)));
                    l.note = Some(range_text(words, a, b));
                }
                None => l.note = Some(words.paper_not_available.clone()),
            }
        } else if kind == PackKind::Public && item.late && item.paper().is_some() {
            l.note = Some(words.in_supplementary_pack.clone());
        }
        l
    };
    // The sheet's own title (its heading and footer) is the pack's name: the committee and
    // date are in the header table under it; the file's title says all three. (Dated as
    // the agenda's is, the footer of a one-page front sheet reads as a line of prose marked
    // as an artifact to outloud's TAG-002, whose houses' pack names have small words.)
    let title = kind.name(words).to_string();
    match kind {
        PackKind::Public => {
            let public: Vec<Line<'_>> = meeting.public_agenda().into_iter().map(line).collect();
            let private: Vec<Line<'_>> = meeting.private_items().map(Line::plain).collect();
            sheet(
                meeting,
                house,
                title,
                &[
                    (&words.agenda, "agenda", &public),
                    (&house.private_heading, "private", &private),
                ],
            )
        }
        PackKind::Supplementary => {
            let late: Vec<Line<'_>> = under_headings(&meeting.items, |i| kind.holds(i))
                .into_iter()
                .map(line)
                .collect();
            sheet(meeting, house, title, &[(&words.late_items, "late", &late)])
        }
        PackKind::Private => {
            let private: Vec<Line<'_>> = under_headings(&meeting.items, |i| i.private.is_some())
                .into_iter()
                .map(line)
                .collect();
            // Its pages carry `PRIVATE – CLASSIFICATION` from the stamps, as every page of
            // the pack does (its papers' pages from their own PDFs); the file's metadata
            // says the classification.
            sheet(
                meeting,
                house,
                title,
                &[(&house.private_heading, "private", &private)],
            )
        }
    }
}

/// The items `keep` holds, each after the public headings it sits under (`3 Finance`
/// before a late `3.10`), each heading once: a front sheet of late or private items keeps
/// their place in the agenda.
fn under_headings(items: &[AgendaItem], keep: impl Fn(&AgendaItem) -> bool) -> Vec<&AgendaItem> {
    let mut out: Vec<&AgendaItem> = Vec::new();
    // The items the one at hand sits under, by depth.
    let mut open: Vec<&AgendaItem> = Vec::new();
    for item in items {
        open.truncate(item.depth);
        if keep(item) {
            for h in &open {
                let heading = h.kind == ItemKind::Heading && h.private.is_none();
                if heading && !out.iter().any(|o| std::ptr::eq(*o, *h)) {
                    out.push(h);
                }
            }
            out.push(item);
        }
        open.push(item);
    }
    out
}

/// The stamp of pack page `n` (1-based): `Pack page N` at the top right, in the top margin
/// (the papers' own furniture is the classification centred above and the footer below);
/// on the private pack's front sheet, `PRIVATE – CLASSIFICATION` at the top left and
/// bottom left too (its papers' pages carry their own).
fn stamp(
    engine: &PdfEngine,
    geo: &Geometry,
    words: &Words,
    n: u32,
    private: Option<&str>,
) -> Vec<Item> {
    let fonts = engine.fonts();
    let (_, h) = geo.page;
    let small = (geo.size * 0.8).max(6.0);
    let top = (geo.margins.0 * 0.5 + geo.size * 0.35).max(geo.size);
    let span = |text: String, style: Style| Span { text, style };
    let grey = Style {
        color: Rgb::gray(0.25),
        ..Style::plain(small)
    };
    let (left, right) = (geo.left(), geo.right());
    // The PRIVATE marking has the line's left part, the page number its right: each set
    // smaller, should a house's words be too long for its part, never over the other.
    let mid = left + (right - left) * 0.4;
    let mut items = running::line(
        fonts,
        span(words.pack_page_stamp(n), grey),
        mid,
        right,
        top,
        Align::Right,
    );
    if let Some(marking) = private {
        let text = words.private_marking(&marking.to_uppercase());
        let bold = Style::plain(small).bold();
        let bottom = h - (geo.margins.2 * 0.25).max(geo.size * 0.4);
        for y in [top, bottom] {
            items.extend(running::line(
                fonts,
                span(text.clone(), bold.clone()),
                left,
                mid,
                y,
                Align::Left,
            ));
        }
    }
    items
}

impl PdfEngine {
    /// Builds `kind`'s pack of `meeting`: `pdfs` are the built PDFs of
    /// [`PackKind::papers`] in order (`None` for a paper not available, which its line says).
    /// A PDF that cannot be read counts as not available; the caller warns of both.
    /// A PDF in the plain form clerk writes is read object by object as its paper is
    /// grafted (its bytes held until then, never all its objects at once); any other is
    /// loaded whole. Each is let go once its paper is grafted.
    pub fn render_pack<B: AsRef<[u8]>>(
        &self,
        meeting: &Meeting,
        kind: PackKind,
        pdfs: impl IntoIterator<Item = Option<B>>,
        opts: &RenderOptions<'_>,
    ) -> Result<PackPdf, Diagnostic> {
        self.render_pack_with(meeting, kind, (pdfs, &[]), opts, true)
    }

    /// [`PdfEngine::render_pack`], the papers' objects copied as written where they can be
    /// when `as_written`, else every one built.
    pub(crate) fn render_pack_with<B: AsRef<[u8]>>(
        &self,
        meeting: &Meeting,
        kind: PackKind,
        (pdfs, bases): (impl IntoIterator<Item = Option<B>>, &[String]),
        opts: &RenderOptions<'_>,
        as_written: bool,
    ) -> Result<PackPdf, Diagnostic> {
        let house = opts.house;
        let papers = kind.papers(meeting);
        // Each paper's own marking, and whether its pages carry the DRAFT mark, read from
        // the PDF clerk made of it.
        let (mut markings, mut drafted) = (Vec::new(), Vec::new());
        let loaded: Vec<Option<merge::Paper<B>>> = papers
            .iter()
            .zip(pdfs.into_iter().chain(std::iter::repeat_with(|| None)))
            .map(|(item, pdf)| {
                drafted.push(pdf.as_ref().is_some_and(|b| own_draft(b.as_ref())));
                let pdf = pdf?;
                markings.extend(crate::document::appendix::own_marking(pdf.as_ref()));
                merge::Paper::load(pdf, outline_title(item))
            })
            .collect();
        // A pack is marked as the most protected paper in it, as a file of papers is (the
        // private pack carries its PRIVATE marking instead).
        let marking = (kind != PackKind::Private)
            .then(|| highest(house, &markings))
            .flatten();
        let counts: Vec<u32> = loaded
            .iter()
            .map(|p| p.as_ref().map_or(0, |p| p.pages()))
            .collect();
        let geo = Geometry::from_house(house);
        let mut front = 1;
        let (mut layout, mut r) = (None, Vec::new());
        for _ in 0..6 {
            r = ranges(front, &counts);
            let mut doc = front_sheet(meeting, house, kind, &r);
            doc.meta.classification.clone_from(&marking);
            let l = layout::layout(&doc, opts, self.fonts());
            let got = l.pages.len().max(1) as u32;
            let done = got == front;
            front = got;
            layout = Some((doc, l));
            if done {
                break;
            }
        }
        let Some((doc, mut layout)) = layout else {
            return Err(Diagnostic::internal(
                "the pack's front sheet was not laid out",
            ));
        };
        if layout.pages.len() as u32 != front {
            return Err(Diagnostic::internal(
                "the pack's front sheet did not settle on a page count",
            ));
        }
        let private = (kind == PackKind::Private).then_some(house.private_classification.as_str());
        let total: u32 = front + counts.iter().sum::<u32>();
        for (k, page) in layout.pages.iter_mut().enumerate() {
            page.items
                .extend(stamp(self, &geo, &house.words, k as u32 + 1, private));
        }
        // The papers' own pages carry the PRIVATE marking already, centred at top and foot,
        // as every page of a private paper's PDF does: a second one beside it would run
        // into it. A draft meeting's pack has DRAFT on every page: its papers' pages get
        // the mark from their stamp, unless their own PDF has it already.
        let draft = opts.draft.then(|| {
            let (w, h) = geo.page;
            running::draft_mark(self.fonts(), w, h, &house.words.draft)
        });
        let mut multiplied = Vec::new();
        for (range, own) in r.iter().zip(&drafted) {
            let Some((a, b)) = range else { continue };
            let mark = draft.as_ref().filter(|_| !own);
            for n in *a..=*b {
                let mut items = mark.cloned().unwrap_or_default();
                items.extend(stamp(self, &geo, &house.words, n, None));
                layout.pages.push(Page {
                    items,
                    links: Vec::new(),
                });
                multiplied.push(mark.is_some());
            }
        }
        for (j, range) in r.iter().enumerate() {
            if let Some((a, _)) = range {
                layout.anchors.insert(anchor(j), (*a as usize - 1, 4.0));
                // `Budget, pack page 5`: the stamp's words, as said after a comma.
                let at = house.words.pack_page_stamp(*a).to_lowercase();
                let name = format!("{}, {at}", papers[j].title);
                layout.anchor_names.insert(anchor(j), name);
            }
        }
        let pdf = super::emit::emit(
            &mut layout,
            self.fonts(),
            &doc.meta.language,
            super::emit::Drawn::Kept,
        )?
        .doc;
        let mut meta = self.meta(&doc, opts);
        meta.title = kind.title(meeting, house);
        if kind == PackKind::Private {
            meta.classification = Some(house.private_classification.clone());
        }
        meta.subject = format!("{}, {}", meeting.committee, doc.meta.date_display);
        meta.keywords = vec![
            "agenda pack".into(),
            meeting.committee.clone(),
            kind.name(&house.words).into(),
        ];
        meta.author = house.organisation.name.clone();
        let front = merge::Front {
            pages: front as usize,
            title: &house.words.front_sheet,
            multiplied: &multiplied,
        };
        let papers = merge::Papers {
            loaded,
            ranges: &r,
            bases,
        };
        let bytes = merge::merge(pdf, front, papers, &self.srgb, &meta, as_written)
            .map_err(|e| Diagnostic::internal(format!("cannot put the pack together ({e})")))?;
        Ok(PackPdf {
            bytes,
            pages: total,
            ranges: r,
        })
    }
}

/// The most protected of `markings` by the house's order of `classifications` (the last
/// the most); one the house does not list counts for nothing.
fn highest(house: &HouseStyle, markings: &[String]) -> Option<String> {
    let rank = |m: &String| {
        house
            .classifications
            .iter()
            .position(|c| c.eq_ignore_ascii_case(m.trim()))
    };
    markings
        .iter()
        .filter_map(|m| Some((rank(m)?, m)))
        .max_by_key(|(r, _)| *r)
        .map(|(r, _)| house.classifications[r].clone())
}

/// An item's bookmark and structure title: `3.1 Budget Monitoring`.
fn outline_title(item: &AgendaItem) -> String {
    match &item.number {
        Some(n) => format!("{n} {}", item.title),
        None => item.title.clone(),
    }
}

/// Is `item` a paper whose outputs this run made or kept?
pub fn available(item: &AgendaItem) -> bool {
    matches!(
        item.kind,
        ItemKind::Paper {
            available: true,
            ..
        }
    )
}

#[cfg(test)]
mod tests;

//! The archival PDF of a paper, in three stages:
//!
//! 1. [`layout`]: pure; the `Document`, house style and font metrics become pages of
//!    positioned glyph runs, rules, boxes, links and bookmarks.
//! 2. [`emit`]: draws the pages (a content stream each, written directly) with subset
//!    fonts, images (decoded by printpdf), links, marked content per block and the page
//!    furniture as artifacts; [`tag`] builds the structure tree from that marked content.
//!    [`appendix::append`] then adds the pages of PDF appendices, their structure tree grafted
//!    in, and [`overlay`] draws the paper's classification and DRAFT mark on them.
//! 3. [`finish`]: lopdf; metadata (Info and XMP agreeing), PDF/A-2a and PDF/UA-1 identification, sRGB
//!    OutputIntent, outline, and an ID from the content, so rebuilds are byte-identical;
//!    `serialise` writes the bytes (as lopdf would, faster).

mod annot;
mod compress;
mod content;
mod coverage;
mod embed;
pub mod emit;
pub mod finish;
pub mod fonts;
mod glyphs;
mod house_fonts;
pub mod layout;
mod overlay;
pub mod pack;
mod serialise;
mod tag;
mod unhint;

use std::path::Path;

use lopdf::Object;

use crate::config::{AuthorChoice, HouseStyle};
use crate::diag::Diagnostic;
use crate::document::appendix::{self, Appended};
use crate::document::{AppendixContent, Block, Document, Inline, Item, Marked};
use crate::render::RenderOptions;
pub use fonts::Fonts;
pub use house_fonts::check_house_fonts;
pub use serialise::page_count;

/// What the PDF stage keeps for a whole run: the parsed fonts and the fixed timestamp.
#[derive(Debug)]
pub struct PdfEngine {
    fonts: Fonts,
    source_date_epoch: Option<i64>,
    srgb: Vec<u8>,
}

/// The latest `SOURCE_DATE_EPOCH` a PDF date can say: the last second of 9999.
const LAST_EPOCH: i64 = 253_402_300_799;

/// `SOURCE_DATE_EPOCH` read: whole seconds since 1970 that a PDF date can say, none when it
/// is empty (as some CI sets it: as if unset), else why it cannot date a PDF.
fn epoch(value: &str) -> Result<Option<i64>, &'static str> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    match value.parse::<i64>() {
        Ok(s) if (0..=LAST_EPOCH).contains(&s) => Ok(Some(s)),
        Ok(_) => Err("is outside the dates a PDF can say (1970 to 9999)"),
        Err(_) => Err("is not a whole number of seconds since 1970"),
    }
}

/// A warning when `SOURCE_DATE_EPOCH` is set but cannot date the PDFs: clerk then dates
/// each by its paper's (or meeting's) date, as when it is not set.
pub fn epoch_warning() -> Option<Diagnostic> {
    let value = std::env::var("SOURCE_DATE_EPOCH").ok()?;
    let why = epoch(&value).err()?;
    Some(
        Diagnostic::file_error(
            "source-date-epoch",
            Path::new("SOURCE_DATE_EPOCH"),
            format!("`SOURCE_DATE_EPOCH={value}` {why}, so each PDF is dated by its paper's date instead"),
        )
        .with_help("set it to `date +%s` of the moment to date the outputs by (e.g. `SOURCE_DATE_EPOCH=1779148800`), or unset it")
        .warning(),
    )
}

impl PdfEngine {
    /// Parses the fonts (the house's own files under `root`, or the embedded faces) and
    /// reads `SOURCE_DATE_EPOCH`, once.
    pub fn new(root: &Path, house: &HouseStyle) -> Result<PdfEngine, Diagnostic> {
        let fonts = Fonts::load(root, house)?;
        let source_date_epoch = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|v| epoch(&v).ok().flatten());
        Ok(PdfEngine {
            fonts,
            source_date_epoch,
            srgb: finish::srgb_deflated(),
        })
    }

    /// The fonts.
    pub fn fonts(&self) -> &Fonts {
        &self.fonts
    }

    /// A warning for each character of a paper's source (`text`, the whole of `file`)
    /// that none of the fonts has, so the PDF shows a stand-in for it.
    pub fn unshown(&self, file: &Path, text: &str) -> Vec<Diagnostic> {
        coverage::unshown(&self.fonts, file, text)
    }

    /// A warning for each table of `doc` too wide for the page's text column even in the
    /// smallest type, whose cells the PDF breaks inside words and numbers (`£1,234` on one
    /// line, `,567` on the next): at its header row in `text` (the whole of `file`) when
    /// that can be found.
    pub fn wide_tables(
        &self,
        doc: &Document,
        house: &crate::config::HouseStyle,
        file: &Path,
        text: &str,
    ) -> Vec<Diagnostic> {
        let geo = layout::Geometry::for_document(house, doc, &self.fonts);
        let width = geo.right() - geo.column();
        let mut out = Vec::new();
        // Each table's header row in `text`, found in order so that two tables headed alike
        // are told apart.
        let mut from = 0;
        for t in tables(doc) {
            let head: Vec<String> = t.head.iter().map(|c| Inline::plain(c)).collect();
            let line = header_line(text, from, head.first().map_or("", |h| h.trim()));
            if let Some(line) = &line {
                from = line.end;
            }
            if !layout::cuts_words(&self.fonts, t, width, geo.size) {
                continue;
            }
            let named = head
                .iter()
                .find(|h| !h.trim().is_empty())
                .map_or("a table".to_string(), |h| {
                    format!("the table headed “{}”", h.trim())
                });
            // One word too long for any column is the cause, not the columns: name it.
            let d = match layout::overlong_word(&self.fonts, t, width) {
                Some(word) => Diagnostic::file_error(
                    "table-too-wide",
                    file,
                    format!(
                        "{named} holds a word too long for its column even in the smallest type, `{}`: the PDF cuts it across lines",
                        shortened(&word)
                    ),
                )
                .with_help("shorten it or give it spaces (an address can be a link whose text is a few words, `[the survey](https://…)`); the HTML shows it whole"),
                None => Diagnostic::file_error(
                    "table-too-wide",
                    file,
                    format!(
                        "{named} has too many columns for the PDF's page even in the smallest type: its cells break inside words and numbers (`£1,234,567` set as `£1,234` above `,567`)"
                    ),
                )
                .with_help("split it into narrower tables, turn it (one row for each column), or shorten its headings; the HTML shows it whole"),
            }
            .warning();
            out.push(match line {
                Some(line) => d.with_span(line),
                None => d,
            });
        }
        out
    }

    /// Renders a paper to PDF bytes; a draft has the DRAFT mark on every page.
    pub fn render(&self, doc: &Document, opts: &RenderOptions<'_>) -> Result<Vec<u8>, Diagnostic> {
        self.render_timed(doc, opts).0
    }

    /// [`PdfEngine::render`], with the time the layout took (the rest is writing the PDF).
    pub fn render_timed(
        &self,
        doc: &Document,
        opts: &RenderOptions<'_>,
    ) -> (Result<Vec<u8>, Diagnostic>, std::time::Duration) {
        let started = std::time::Instant::now();
        let mut layout = layout::layout(doc, opts, &self.fonts);
        let laid_out = started.elapsed();
        (self.write(doc, opts, &mut layout), laid_out)
    }

    fn write(
        &self,
        doc: &Document,
        opts: &RenderOptions<'_>,
        layout: &mut layout::Layout,
    ) -> Result<Vec<u8>, Diagnostic> {
        let released = emit::Drawn::Released;
        let mut pdf = emit::emit(layout, &self.fonts, &doc.meta.language, released)?;
        let headings: Vec<String> = doc.appendices.iter().map(|a| a.heading()).collect();
        let pdfs: Vec<(&str, Marked, Appended<'_>)> = doc
            .appendices
            .iter()
            .zip(&headings)
            .filter_map(|(a, title)| match &a.content {
                AppendixContent::Pdf { bytes, marked } => Some((
                    a.id.as_str(),
                    *marked,
                    Appended {
                        title,
                        bytes,
                        inflate_limit: appendix::inflate_limit(opts.house.limits.appendix_bytes),
                    },
                )),
                _ => None,
            })
            .collect();
        let appended: Vec<Appended<'_>> = pdfs.iter().map(|(_, _, a)| *a).collect();
        let pages = appendix::append(&mut pdf.doc, &appended).map_err(Diagnostic::internal)?;
        for ((id, marked, appended), (_, pages)) in pdfs.iter().zip(&pages) {
            // An appendix clerk made with the paper's marking has it where the stamp would
            // draw it again; one whose marking the paper's replaced has it covered. One
            // clerk made as a draft has the DRAFT mark where the paper's would go.
            let drafted = appendix::own_draft(appended.bytes);
            let stamps: Vec<_> = (pdf.stamps.iter())
                .filter(|s| match (&s.only, s.at, *marked) {
                    (Some(only), _, _) => only == id,
                    (None, layout::StampAt::Middle, _) => !drafted,
                    (None, _, Marked::No | Marked::Other) => !s.covers,
                    (None, _, Marked::Yes) => false,
                    (None, _, Marked::Replaced) => s.covers,
                })
                .map(|s| (s.at, s.form))
                .collect();
            overlay::stamp_pages(&mut pdf.doc, &stamps, layout.page_size, pages)
                .map_err(Diagnostic::internal)?;
            // The APPENDICES list's links to it go to its first page.
            for (annot, _) in pdf.appended.iter().filter(|(_, to)| to == id) {
                if let Ok(d) = pdf.doc.get_dictionary_mut(*annot) {
                    d.set("Dest", vec![pages[0].into(), Object::Name(b"Fit".to_vec())]);
                }
            }
        }
        let extra: Vec<_> = pages.into_iter().map(|(t, p)| (t, p[0])).collect();
        let meta = self.meta(doc, opts);
        finish::finish(pdf, layout, &extra, &meta, &self.srgb)
    }

    fn meta(&self, doc: &Document, opts: &RenderOptions<'_>) -> finish::Meta {
        let (m, house) = (&doc.meta, opts.house);
        let timestamp = self.source_date_epoch.unwrap_or_else(|| {
            m.date
                .to_zoned(jiff::tz::TimeZone::UTC)
                .map_or(0, |z| z.timestamp().as_second())
        });
        let mut subject = format!("{}, {}", m.meeting, m.date_display);
        if let Some(item) = &m.agenda_item {
            subject.push_str(&format!(", agenda item {item}"));
        }
        finish::Meta {
            title: m.title.clone(),
            author: match house.pdf.author {
                AuthorChoice::Presenter => m.presented_by.clone(),
                AuthorChoice::Organisation => house.organisation.name.clone(),
            },
            subject,
            keywords: m.keywords.clone(),
            language: m.language.clone(),
            timestamp,
            meeting: m.meeting.clone(),
            meeting_date: m.date.to_string(),
            agenda_item: m.agenda_item.clone(),
            classification: m.classification.clone(),
            draft: opts.draft,
        }
    }
}

/// `word` as a message quotes it: up to 40 characters, then an ellipsis.
fn shortened(word: &str) -> String {
    match word.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &word[..cut]),
        None => word.to_string(),
    }
}

/// The first line of `text` at or after byte `from` that holds a `|` and `first` (a table's
/// first header cell): where that table's header row stands.
fn header_line(text: &str, from: usize, first: &str) -> Option<std::ops::Range<usize>> {
    let mut i = from;
    while i < text.len() {
        let end = text[i..].find('\n').map_or(text.len(), |e| i + e);
        if text[i..end].contains('|') && text[i..end].contains(first) {
            return Some(i..end);
        }
        i = end + 1;
    }
    None
}

/// Every table of the paper's own sections (in lists and quotes too), in reading order.
fn tables(doc: &Document) -> Vec<&crate::document::Table> {
    fn walk<'d>(blocks: &'d [Block], out: &mut Vec<&'d crate::document::Table>) {
        for b in blocks {
            match b {
                Block::Table(t) => out.push(t),
                Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                Block::Quote { blocks } => walk(blocks, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for item in doc.sections.iter().flat_map(|s| &s.items) {
        if let Item::Para(p) = item {
            walk(&p.blocks, &mut out);
        }
    }
    out
}

//! The `Document`: one paper numbered and house-styled, independent of any output format.
//!
//! [`compile`] builds it from a checked [`crate::paper::Paper`]: [`markdown`] numbers the
//! body, implications and recommendations, and [`appendix`] reads the appendix files. The HTML and PDF
//! renderers read it. Numbers are stored as text (`"2.4"`), never left to a renderer to count.

pub mod appendix;
pub mod compile;
mod images;
pub mod markdown;
pub mod picture;
pub mod smart;

use std::path::PathBuf;

use serde::Serialize;

/// A paper ready to render: its checked metadata, header table and numbered sections.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The paper's checked metadata.
    pub meta: crate::paper::PaperMeta,
    /// Rows of the header table, in house order, values already formatted.
    pub header: Vec<HeaderRow>,
    /// All sections in reading order: PURPOSE, numbered body sections, implications,
    /// RECOMMENDATIONS.
    pub sections: Vec<Section>,
    /// Footnotes, numbered 1, 2, … per paper in order of first reference.
    pub footnotes: Vec<Footnote>,
    /// Appendices with their letters (A, B, …).
    pub appendices: Vec<Appendix>,
    /// The paper's file name without `.md`, which names its outputs (`NAME.pdf`).
    pub file_stem: String,
    /// Does it link another paper's page or PDF? Its outputs then depend on which papers
    /// are taken in private (a link to one is left out), so a build does not reuse them.
    pub links_papers: bool,
}

/// One row of the header table, e.g. `Meeting | Policing Performance Committee`.
#[derive(Debug, Clone, Serialize)]
pub struct HeaderRow {
    /// The row header, from the house style.
    pub label: String,
    /// The metadata key the row shows (or a derived one such as `appendices`).
    pub key: String,
    /// The value as plain text.
    pub value: String,
}

/// An appendix named in the metadata.
#[derive(Debug, Clone, Serialize)]
pub struct Appendix {
    /// The house's word before the letter (`words.appendix`): `Appendix`.
    pub word: String,
    /// `A`, `B`, …
    pub letter: String,
    /// Its title.
    pub title: String,
    /// The file beside the paper, when given (relative to the paper's folder).
    pub file: Option<PathBuf>,
    /// Anchor id, e.g. `appendix-a`.
    pub id: String,
    /// What the file holds, read and checked.
    pub content: AppendixContent,
}

impl Appendix {
    /// The heading clerk gives it: `Appendix A – Title`, in the house's word.
    pub fn heading(&self) -> String {
        format!("{} {} – {}", self.word, self.letter, self.title)
    }
}

/// The content of an appendix file.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AppendixContent {
    /// No file: the appendix is only named.
    None,
    /// A Markdown file: unnumbered paragraphs, its `#` headings as sub-headings (level 2).
    Markdown {
        /// Paragraphs and sub-headings in order, never numbered.
        items: Vec<Item>,
    },
    /// A PDF file (checked: readable, not encrypted, tagged, fonts embedded), appended
    /// after the paper's own pages in the PDF.
    Pdf {
        /// The file's bytes.
        #[serde(skip)]
        bytes: std::sync::Arc<Vec<u8>>,
        /// What its pages carry of the paper's marking already, which decides what clerk
        /// draws at their top and foot.
        #[serde(skip)]
        marked: Marked,
    },
}

/// What the pages of a PDF appendix carry of the paper's marking already.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Marked {
    /// Not the paper's marking (made elsewhere, or by clerk under another marking): the
    /// paper's is drawn over the pages.
    #[default]
    No,
    /// clerk made it with the paper's marking, which its pages carry where clerk would
    /// draw it: nothing more is drawn.
    Yes,
    /// clerk made it under another marking than the paper's (the `appendix-marking`
    /// warning): the paper's is drawn over the pages, as for [`Marked::No`].
    Other,
    /// clerk made it with the marking the paper had before it was taken in private, or
    /// another: the paper's PRIVATE marking is drawn in its place, on a white ground that
    /// hides it.
    Replaced,
}

impl Document {
    /// Marks a paper taken in private with `marking` (PRIVATE and the house's private
    /// classification) in place of its own classification, on its own pages and on every
    /// page of its PDF appendices: those clerk made (with its own marking or another) have
    /// that marking replaced rather than kept or drawn over.
    pub fn take_in_private(&mut self, marking: String) {
        self.meta.classification = Some(marking);
        for a in &mut self.appendices {
            if let AppendixContent::Pdf { marked, .. } = &mut a.content
                && matches!(*marked, Marked::Yes | Marked::Other)
            {
                *marked = Marked::Replaced;
            }
        }
    }

    /// Does it append a PDF file? Its page names that appendix and links it to the
    /// paper's own PDF, where it is.
    pub fn has_pdf_appendix(&self) -> bool {
        let pdf = |a: &Appendix| matches!(a.content, AppendixContent::Pdf { .. });
        self.appendices.iter().any(pdf)
    }
}

/// What a section is, which decides where it comes from and how it is numbered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SectionKind {
    /// A `# Heading` of the body named in the house's unnumbered list (e.g. PURPOSE).
    Unnumbered,
    /// A numbered `# Heading` of the body.
    Body,
    /// An implication from the house list; `defaulted` when the paper did not fill it in.
    Implication {
        /// The house key, e.g. `financial`.
        key: String,
        /// True when the house default sentence stands in for missing text.
        defaulted: bool,
    },
    /// The closing RECOMMENDATIONS section from the `recommendations` metadata.
    Recommendations,
}

impl SectionKind {
    /// Is its heading the house's words (an implication's, RECOMMENDATIONS), not the
    /// author's?
    pub fn heading_from_house(&self) -> bool {
        matches!(
            self,
            SectionKind::Implication { .. } | SectionKind::Recommendations
        )
    }
}

/// A section: heading, optional number, and its content.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Body, implication, unnumbered or recommendations.
    pub kind: SectionKind,
    /// `Some(3)` for `3. FINANCIAL IMPLICATIONS`; `None` when unnumbered.
    pub number: Option<u32>,
    /// The heading as written (source case); renderers apply the house case.
    pub heading: String,
    /// The heading in the house case (e.g. upper case), for outputs that print it as is.
    pub display_heading: String,
    /// A Markdown heading's inline content as written (emphasis, code, links kept), for
    /// outputs that show its markup; empty for the headings clerk gives (implications,
    /// recommendations). Outlines and bookmarks use the plain `heading`.
    pub content: Vec<Inline>,
    /// A stable anchor id, e.g. `section-2` or `purpose`.
    pub id: String,
    /// Numbered paragraphs and sub-headings in order.
    pub items: Vec<Item>,
}

/// One entry of a section: a (possibly numbered) paragraph with what belongs to it, or a
/// sub-heading.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Item {
    /// A paragraph (or a list, table, … opening a section) with the blocks that follow it.
    Para(Para),
    /// A `## Sub-heading`: unnumbered, does not restart paragraph numbers.
    SubHeading {
        /// The heading's inline content.
        content: Vec<Inline>,
        /// Anchor id.
        id: String,
        /// Markdown level (2 for `##`, 3 for `###`, …).
        level: u8,
    },
}

/// A numbered (or unnumbered) paragraph: its first block and the blocks that belong to it.
#[derive(Debug, Clone, Serialize)]
pub struct Para {
    /// `Some("2.4")` in a numbered section; `None` in an unnumbered one.
    pub number: Option<String>,
    /// Anchor id: the author's `{#label}` when given, else derived from the number
    /// (`para-2-4`) or position.
    pub id: String,
    /// The author's label, when the paragraph ended with `{#label}`.
    pub label: Option<String>,
    /// The blocks: first the paragraph (or list/table/… opening a section), then any list,
    /// table, quote, code block or image directly following it.
    pub blocks: Vec<Block>,
}

/// Block-level content.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// Running text.
    Paragraph {
        /// Its inline content.
        content: Vec<Inline>,
    },
    /// A bullet (`start: None`) or ordered list.
    List {
        /// First number of an ordered list.
        start: Option<u64>,
        /// Each item's blocks.
        items: Vec<Vec<Block>>,
        /// CommonMark's tight list (no blank line between its items or their blocks): an
        /// item's paragraphs are shown as bare lines, and the items sit closer together.
        /// A loose list's paragraphs are paragraphs (`<li><p>…</p></li>`), spaced apart.
        tight: bool,
    },
    /// A GFM table.
    Table(Table),
    /// A block quote.
    Quote {
        /// Its blocks.
        blocks: Vec<Block>,
    },
    /// A fenced or indented code block.
    Code {
        /// The info string's language, if any.
        language: Option<String>,
        /// The code, verbatim.
        text: String,
    },
    /// An image standing alone as a paragraph.
    Image(Image),
    /// A thematic break (`---`).
    Rule,
}

/// A GFM table.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// Column alignment, one per column.
    pub align: Vec<Align>,
    /// Header row cells.
    pub head: Vec<Vec<Inline>>,
    /// Body rows of cells.
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// Column alignment of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// Not specified (left in practice).
    None,
    /// `:--`
    Left,
    /// `:-:`
    Center,
    /// `--:`
    Right,
}

/// An image, read from disk and checked (PNG or JPEG inside the project).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Image {
    /// Alternative text (may be empty: a warning was given).
    pub alt: String,
    /// Path as written in the paper.
    pub src: String,
    /// Resolved path on disk.
    pub path: PathBuf,
    /// `image/png` or `image/jpeg`.
    pub mime: &'static str,
    /// The file's bytes (embedded by the HTML renderer, drawn by the PDF).
    #[serde(skip)]
    pub data: std::sync::Arc<Vec<u8>>,
}

/// Inline content.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text (smart punctuation applied; raw HTML lands here as text).
    Text {
        /// The text.
        text: String,
    },
    /// `*emphasis*`
    Emph {
        /// Content.
        content: Vec<Inline>,
    },
    /// `**strong**`
    Strong {
        /// Content.
        content: Vec<Inline>,
    },
    /// `~~struck~~`
    Strike {
        /// Content.
        content: Vec<Inline>,
    },
    /// `` `code` ``
    Code {
        /// The code.
        text: String,
    },
    /// A link to a URL (or a `#fragment`).
    Link {
        /// Target, percent-encoded as CommonMark's reference renderer does (`/my%20uri`);
        /// an email autolink's has `mailto:`.
        url: String,
        /// Tooltip title, may be empty.
        title: String,
        /// Link text.
        content: Vec<Inline>,
    },
    /// `[](#label)`: shows the target paragraph's number and links to it.
    CrossRef {
        /// The label.
        label: String,
        /// The number it resolved to, e.g. `2.4`.
        number: String,
        /// Anchor id of the target paragraph.
        target: String,
    },
    /// A footnote reference `[^x]`, numbered per paper.
    FootnoteRef {
        /// The number shown, 1-based.
        number: u32,
        /// Anchor id of the footnote.
        target: String,
        /// Anchor id of this reference (for the link back).
        id: String,
    },
    /// `[Tha mi toilichte]{lang=gd}`: a passage in another language than the paper's.
    Span {
        /// Its language, a BCP 47 tag such as `gd` or `fr-CA`.
        lang: String,
        /// Content.
        content: Vec<Inline>,
    },
    /// An inline image (inside running text).
    Image(Image),
    /// A soft line break (rendered as a space).
    SoftBreak,
    /// A hard line break.
    HardBreak,
}

/// A footnote's text.
#[derive(Debug, Clone, Serialize)]
pub struct Footnote {
    /// 1-based number.
    pub number: u32,
    /// Anchor id, e.g. `fn-1`.
    pub id: String,
    /// Anchor ids of references to it, for links back.
    pub refs: Vec<String>,
    /// Its blocks.
    pub blocks: Vec<Block>,
    /// The anchor id of the Markdown appendix whose file defines it (`appendix-a`); `None`
    /// for the paper's own, which the HTML lists at the end of the paper, before the
    /// appendices, and an appendix's at the end of that appendix.
    pub appendix: Option<String>,
}

impl Inline {
    /// Does this run hold anything beyond plain words and line breaks (emphasis, code,
    /// links, …)?
    pub fn has_markup(content: &[Inline]) -> bool {
        content
            .iter()
            .any(|i| !matches!(i, Inline::Text { .. } | Inline::SoftBreak))
    }

    /// Plain text of a run of inlines (for titles, outlines and tests).
    pub fn plain(content: &[Inline]) -> String {
        let mut out = String::new();
        for i in content {
            match i {
                Inline::Text { text } | Inline::Code { text } => out.push_str(text),
                Inline::Emph { content }
                | Inline::Strong { content }
                | Inline::Strike { content }
                | Inline::Link { content, .. }
                | Inline::Span { content, .. } => out.push_str(&Inline::plain(content)),
                Inline::CrossRef { number, .. } => out.push_str(number),
                Inline::FootnoteRef { number, .. } => out.push_str(&number.to_string()),
                Inline::Image(img) => out.push_str(&img.alt),
                Inline::SoftBreak | Inline::HardBreak => out.push(' '),
            }
        }
        out
    }
}

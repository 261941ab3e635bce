//! The view `paper.html` sees: plain serializable structs built from a [`Document`],
//! never the internal model itself.
//!
//! `docs/templates.md` documents every field here as a template variable; keep the two
//! in step. Text fields are raw (the template escapes them); fields named `html` are
//! rendered by [`super::html`] and go through the `safe` filter.

use serde::Serialize;

use super::html;
use super::options::{Logo, RenderOptions};
use crate::config::{HeadingCase, HouseStyle};
use crate::document::{Appendix, AppendixContent, Document, Inline, Item, Section, SectionKind};
use crate::paper::Status;

/// What `paper.html` is rendered with.
#[derive(Debug, Serialize)]
pub(crate) struct PaperView<'a> {
    /// The paper's metadata as text.
    pub(crate) meta: MetaView<'a>,
    /// The house's organisation.
    pub(crate) organisation: OrganisationView<'a>,
    /// `Title – Meeting – 1 September 2021`, for `<title>`.
    pub(crate) page_title: String,
    /// Show the DRAFT banner.
    pub(crate) draft: bool,
    /// `upper`, `title` or `as-written`: the house's heading case (the headings are given
    /// in it; a class for styling, such as upper case's letter spacing).
    pub(crate) heading_case: &'static str,
    /// `Appendices` (`words.appendices`) in the house case, the heading of the appendix list.
    pub(crate) appendices_heading: String,
    /// Rows of the header table.
    pub(crate) header: Vec<HeaderRowView<'a>>,
    /// All sections in reading order.
    pub(crate) sections: Vec<SectionView<'a>>,
    /// Appendices with their letters.
    pub(crate) appendices: Vec<AppendixView<'a>>,
    /// Every footnote in number order, its appendices' too.
    pub(crate) footnotes: Vec<FootnoteView<'a>>,
    /// The paper's own footnotes (not a Markdown appendix's), which end the paper.
    pub(crate) paper_footnotes: Vec<FootnoteView<'a>>,
    /// The stylesheet, to inline in `<style>`.
    pub(crate) css: &'a str,
    /// The classification as a quoted CSS string, for `@page` margin boxes.
    pub(crate) classification_css: Option<String>,
    /// Always `clerk`.
    pub(crate) generator: &'static str,
    /// The house's words for the page's labels.
    pub(crate) words: &'a crate::config::Words,
    /// The house's language, where the paper is in another: the `lang` of the words the
    /// house gives (the header table's labels, the appendix list's heading, the banner).
    pub(crate) words_lang: Option<&'a str>,
    /// Its links to the index and its meeting's page, when it is published beside them.
    pub(crate) site: Option<super::SiteLinks<'a>>,
}

/// The metadata a template may show, dates already formatted.
#[derive(Debug, Serialize)]
pub(crate) struct MetaView<'a> {
    /// Title of Paper.
    pub(crate) title: &'a str,
    /// Committee name.
    pub(crate) meeting: &'a str,
    /// `YYYY-MM-DD`.
    pub(crate) date: String,
    /// The date in the house format.
    pub(crate) date_display: &'a str,
    /// Name, role.
    pub(crate) presented_by: &'a str,
    /// Recommendation to Members.
    pub(crate) recommendation: &'a str,
    /// Where the meeting is held.
    pub(crate) location: Option<&'a str>,
    /// Agenda item.
    pub(crate) agenda_item: Option<&'a str>,
    /// Protective marking.
    pub(crate) classification: Option<&'a str>,
    /// `draft`, `final`, or none when the paper does not say.
    pub(crate) status: Option<Status>,
    /// BCP 47 tag for `<html lang>`.
    pub(crate) language: &'a str,
    /// Keywords for `<meta name="keywords">`.
    pub(crate) keywords: &'a [String],
}

/// The organisation named at the top of every page.
#[derive(Debug, Serialize)]
pub(crate) struct OrganisationView<'a> {
    /// Its name.
    pub(crate) name: &'a str,
    /// Its logo as a `data:` URI, when the house has one.
    pub(crate) logo: Option<&'a str>,
}

/// One row of the header table.
#[derive(Debug, Serialize)]
pub(crate) struct HeaderRowView<'a> {
    /// Row header.
    pub(crate) label: &'a str,
    /// The metadata key behind it.
    pub(crate) key: &'a str,
    /// Plain-text value.
    pub(crate) value: &'a str,
    /// The value as HTML, its web and e-mail addresses linked.
    pub(crate) value_html: String,
}

/// A section with its heading parts and items.
#[derive(Debug, Serialize)]
pub(crate) struct SectionView<'a> {
    /// Anchor id of the `<section>`.
    pub(crate) id: &'a str,
    /// Anchor id of its heading (`<id>-heading`), for `aria-labelledby`.
    pub(crate) heading_id: String,
    /// `unnumbered`, `body`, `implication` or `recommendations`.
    pub(crate) kind: &'static str,
    /// The house implication key, for implications.
    pub(crate) implication_key: Option<&'a str>,
    /// True for an implication showing the house default sentence.
    pub(crate) defaulted: bool,
    /// The section number, e.g. `3`.
    pub(crate) number: Option<u32>,
    /// The number as shown, with its full stop: `3.`.
    pub(crate) number_text: Option<String>,
    /// The heading as written.
    pub(crate) heading: &'a str,
    /// The heading in the house case, as the page shows it (real text, not CSS: copied,
    /// read aloud and cited as shown, like the PDF's).
    pub(crate) display_heading: &'a str,
    /// The heading's HTML in the house case (code as written) when it has inline markup
    /// (emphasis, code, links), else `None` and templates print `display_heading`.
    pub(crate) heading_html: Option<String>,
    /// The house's language, for a heading the house gives (an implication's,
    /// RECOMMENDATIONS) in a paper written in another.
    pub(crate) heading_lang: Option<&'a str>,
    /// Paragraphs and sub-headings in order.
    pub(crate) items: Vec<ItemView<'a>>,
}

/// A paragraph or a sub-heading of a section.
#[derive(Debug, Serialize)]
pub(crate) struct ItemView<'a> {
    /// `para` or `heading`.
    pub(crate) kind: &'static str,
    /// Anchor id.
    pub(crate) id: &'a str,
    /// A numbered paragraph's number, e.g. `2.4`.
    pub(crate) number: Option<&'a str>,
    /// The author's `{#label}`, when given.
    pub(crate) label: Option<&'a str>,
    /// For a heading, its HTML level (3 or 4).
    pub(crate) level: Option<u8>,
    /// The content, rendered and escaped.
    pub(crate) html: String,
}

/// An appendix listed after the recommendations, and shown after them when it has a file.
#[derive(Debug, Serialize)]
pub(crate) struct AppendixView<'a> {
    /// `A`, `B`, …
    pub(crate) letter: &'a str,
    /// Its title.
    pub(crate) title: &'a str,
    /// The file beside the paper, with `/` separators.
    pub(crate) file: Option<String>,
    /// `none` (only named), `markdown` (its `items` follow) or `pdf` (in the PDF only).
    pub(crate) kind: &'static str,
    /// Anchor id of its `<section>`, e.g. `appendix-a`.
    pub(crate) id: &'a str,
    /// Anchor id of its heading (`<id>-heading`).
    pub(crate) heading_id: String,
    /// `Appendix A – Title`.
    pub(crate) heading: String,
    /// The heading in the house case, as its section shows it.
    pub(crate) display_heading: String,
    /// A Markdown appendix's paragraphs and sub-headings (never numbered).
    pub(crate) items: Vec<ItemView<'a>>,
    /// For a PDF appendix, the relative link to the paper's PDF when it is built too.
    pub(crate) pdf_href: Option<String>,
    /// The footnotes a Markdown appendix's file defines, listed at its end.
    pub(crate) footnotes: Vec<FootnoteView<'a>>,
}

/// A footnote at the end of the page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FootnoteView<'a> {
    /// 1-based number.
    pub(crate) number: u32,
    /// Anchor id, e.g. `fn-1`.
    pub(crate) id: &'a str,
    /// Anchor ids of the references to it.
    pub(crate) refs: &'a [String],
    /// Its content with the back links (↩) at the end, rendered and escaped.
    pub(crate) html: String,
}

impl<'a> PaperView<'a> {
    /// Builds the view of `doc` rendered with `opts`, the page styled by `css`.
    pub(crate) fn new(doc: &'a Document, opts: &RenderOptions<'a>, css: &'a str) -> Self {
        let (meta, house) = (&doc.meta, opts.house);
        // Shared by sections and then footnotes, which are built in that order below.
        let mut tables = html::TableNames::default();
        let words_lang = house.words_lang(&meta.language);
        let mut view = PaperView {
            meta: MetaView {
                title: &meta.title,
                meeting: &meta.meeting,
                date: meta.date.to_string(),
                date_display: &meta.date_display,
                presented_by: &meta.presented_by,
                recommendation: &meta.recommendation,
                location: meta.location.as_deref(),
                agenda_item: meta.agenda_item.as_deref(),
                classification: meta.classification.as_deref(),
                status: meta.status,
                language: &meta.language,
                keywords: &meta.keywords,
            },
            organisation: OrganisationView {
                name: &house.organisation.name,
                logo: opts.logo.map(Logo::data_uri),
            },
            page_title: format!("{} – {} – {}", meta.title, meta.meeting, meta.date_display),
            draft: opts.draft,
            appendices_heading: house.case_heading(&house.words.appendices),
            heading_case: match house.heading_case {
                HeadingCase::Upper => "upper",
                HeadingCase::Title => "title",
                HeadingCase::AsWritten => "as-written",
            },
            header: doc
                .header
                .iter()
                .map(|r| HeaderRowView {
                    label: &r.label,
                    key: &r.key,
                    value: &r.value,
                    value_html: super::html::linked(&r.value),
                })
                .collect(),
            sections: doc
                .sections
                .iter()
                .map(|s| section_view(s, (house, words_lang), &mut tables))
                .collect(),
            appendices: doc
                .appendices
                .iter()
                .map(|a| appendix_view(a, doc, house, opts.pdf_links, &mut tables))
                .collect(),
            footnotes: Vec::new(),
            paper_footnotes: Vec::new(),
            css,
            classification_css: meta.classification.as_deref().map(html::css_string),
            generator: "clerk",
            words: &house.words,
            words_lang,
            site: opts.site,
        };
        // The paper's notes end the paper; an appendix's end that appendix.
        for f in &doc.footnotes {
            let note = FootnoteView {
                number: f.number,
                id: &f.id,
                refs: &f.refs,
                html: html::footnote(f.number, &f.refs, &f.blocks, &mut tables),
            };
            let owner = f
                .appendix
                .as_deref()
                .and_then(|id| view.appendices.iter_mut().find(|a| a.id == id));
            // `footnotes` keeps every note, as templates written before the split read it.
            view.footnotes.push(note.clone());
            match owner {
                Some(appendix) => appendix.footnotes.push(note),
                None => view.paper_footnotes.push(note),
            }
        }
        view
    }
}

fn section_view<'d>(
    section: &'d Section,
    (house, words_lang): (&HouseStyle, Option<&'d str>),
    tables: &mut html::TableNames,
) -> SectionView<'d> {
    let (kind, implication_key, defaulted) = match &section.kind {
        SectionKind::Unnumbered => ("unnumbered", None, false),
        SectionKind::Body => ("body", None, false),
        SectionKind::Implication { key, defaulted } => {
            ("implication", Some(key.as_str()), *defaulted)
        }
        SectionKind::Recommendations => ("recommendations", None, false),
    };
    SectionView {
        id: &section.id,
        heading_id: format!("{}-heading", section.id),
        kind,
        implication_key,
        defaulted,
        number: section.number,
        number_text: section.number.map(|n| format!("{n}.")),
        heading_lang: words_lang.filter(|_| section.kind.heading_from_house()),
        heading: &section.heading,
        display_heading: &section.display_heading,
        heading_html: Inline::has_markup(&section.content).then(|| {
            // As the PDF sets it: each piece of text in the house case, code as written.
            let mut content = section.content.clone();
            crate::document::markdown::walk_inlines(&mut content, &mut |i| {
                if let Inline::Text { text } = i {
                    *text = house.case_heading(text);
                }
            });
            super::html::inlines(&content)
        }),
        items: item_views(&section.items, tables),
    }
}

/// The views of a section's (or an appendix's) items; a sub-heading is never more than one
/// level below the heading before it (`###` straight under the section is an <h3>, as its
/// PDF tag is an `H3`), so a screen reader's list of headings skips no level.
fn item_views<'d>(items: &'d [Item], tables: &mut html::TableNames) -> Vec<ItemView<'d>> {
    let mut last = 2;
    (items.iter())
        .map(|i| {
            let mut view = item_view(i, tables);
            if let Some(level) = view.level.map(|l| l.min(last + 1)) {
                view.level = Some(level);
                last = level;
            }
            view
        })
        .collect()
}

fn appendix_view<'d>(
    a: &'d Appendix,
    doc: &Document,
    house: &HouseStyle,
    pdf_links: bool,
    tables: &mut html::TableNames,
) -> AppendixView<'d> {
    let (kind, items) = match &a.content {
        AppendixContent::None => ("none", Vec::new()),
        AppendixContent::Markdown { items } => ("markdown", item_views(items, tables)),
        AppendixContent::Pdf { .. } => ("pdf", Vec::new()),
    };
    AppendixView {
        letter: &a.letter,
        title: &a.title,
        file: a
            .file
            .as_ref()
            .map(|f| f.to_string_lossy().replace('\\', "/")),
        kind,
        id: &a.id,
        heading_id: format!("{}-heading", a.id),
        heading: a.heading(),
        display_heading: house.case_heading(&a.heading()),
        items,
        pdf_href: (kind == "pdf" && pdf_links && !doc.file_stem.is_empty())
            .then(|| super::link(&format!("{}.pdf", doc.file_stem))),
        footnotes: Vec::new(),
    }
}

fn item_view<'d>(item: &'d Item, tables: &mut html::TableNames) -> ItemView<'d> {
    match item {
        Item::Para(para) => ItemView {
            kind: "para",
            id: &para.id,
            number: para.number.as_deref(),
            label: para.label.as_deref(),
            level: None,
            html: html::blocks(
                &para.blocks,
                tables.at(para.number.as_ref().map(|n| format!("paragraph {n}"))),
            ),
        },
        Item::SubHeading { content, id, level } => ItemView {
            kind: "heading",
            id,
            number: None,
            label: None,
            // `##` is an <h3> under the section's <h2>; anything deeper is an <h4>.
            level: Some(level.saturating_add(1).clamp(3, 4)),
            html: html::inlines(content),
        },
    }
}

//! Rendering: a numbered [`Document`] to a standalone HTML page, and the list of papers to
//! `index.html`.
//!
//! 1. [`Renderer::new`] loads the templates (`paper.html`, `index.html`, embedded or the
//!    project's own) and the stylesheet once per run.
//! 2. `view` turns a `Document` into the plain view the template sees; `html` renders the
//!    content of each paragraph and footnote, escaped.
//! 3. Tera lays the view out; the page inlines its CSS and images, so it makes no request.

// The API hands back one `Diagnostic` by value, as the rest of clerk does; it is cold
// path data, so its size does not matter here.
#![allow(clippy::result_large_err)]

pub mod agenda;
mod html;
pub mod ics;
mod index;
mod meeting;
pub mod pdf;
mod templates;
mod view;

#[cfg(test)]
mod tests;

use std::path::Path;

use serde::Serialize;

use crate::config::HouseStyle;
use crate::diag::Diagnostic;
use crate::document::Document;

pub use html::escape;
pub use index::{IndexEntry, MeetingLink, PrivateLine};
pub use meeting::{BuiltFile, PaperFiles, describe};
pub use templates::{DEFAULT_TEMPLATES, TEMPLATES_DIR};

/// The formats a paper is rendered to; callers match on this in one place, so adding a
/// variant points at every spot that must learn it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// One standalone HTML file per paper.
    Html,
    /// One archival, tagged PDF (PDF/A-2a and PDF/UA-1) per paper.
    Pdf,
}

impl OutputFormat {
    /// The file extension of this format's output, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Html => "html",
            OutputFormat::Pdf => "pdf",
        }
    }
}

/// The templates, stylesheet and logo of a run, loaded once and shared read-only by all
/// threads (it is `Send + Sync`).
#[derive(Debug)]
pub struct Renderer {
    templates: templates::Templates,
    css: String,
    logo: Option<String>,
    /// Fonts parsed once per run, shared by every thread.
    pdf: std::sync::Arc<pdf::PdfEngine>,
    /// Whether each paper's PDF is there beside its page, for links to PDF appendices.
    pdf_links: bool,
}

impl Renderer {
    /// Loads the embedded default templates (`paper.html`, `index.html`) and stylesheet
    /// (`style.css`), each replaced by a file of the same name in
    /// `<project_root>/templates/` when present, and the house logo as a `data:` URI.
    ///
    /// A template that fails to parse gives a diagnostic naming its file, with the line and
    /// column Tera reports; every failing template is reported.
    pub fn new(project_root: &Path, house: &HouseStyle) -> Result<Renderer, Vec<Diagnostic>> {
        let templates = templates::Templates::load(project_root);
        let css = templates::load_css(project_root);
        let logo = templates::load_logo(project_root, house);
        let pdf = pdf::PdfEngine::new(project_root, house);
        match (templates, css, logo, pdf) {
            (Ok(templates), Ok(css), Ok(logo), Ok(pdf)) => Ok(Renderer {
                templates,
                css,
                logo,
                pdf: std::sync::Arc::new(pdf),
                pdf_links: false,
            }),
            (templates, css, logo, pdf) => {
                let mut diags = templates.err().unwrap_or_default();
                diags.extend(css.err());
                diags.extend(logo.err());
                diags.extend(pdf.err());
                Err(diags)
            }
        }
    }

    /// Says whether each paper's PDF is published beside its page (`NAME.pdf`), so that a
    /// page can link its PDF appendices there; without it they are only named.
    pub fn with_pdf_links(self, pdf_links: bool) -> Renderer {
        Renderer { pdf_links, ..self }
    }

    /// One standalone HTML page for a paper: styles inline, images as `data:` URIs, no
    /// outside request. `draft` shows the DRAFT banner. The same inputs give the same bytes.
    ///
    /// `house` gives the organisation name and heading case; the logo is the one `new` read.
    pub fn render_paper(
        &self,
        doc: &Document,
        house: &HouseStyle,
        draft: bool,
    ) -> Result<String, Diagnostic> {
        let view = view::PaperView::new(
            doc,
            house,
            draft,
            self.logo.as_deref(),
            &self.css,
            self.pdf_links,
        );
        let what = format!("the paper “{}”", doc.meta.title);
        self.templates.render(templates::PAPER, &view, &what)
    }

    /// Renders a paper to the bytes of one output format. The one place that matches on
    /// [`OutputFormat`]: a new format adds its arm here.
    pub fn render(
        &self,
        format: OutputFormat,
        doc: &Document,
        house: &HouseStyle,
        draft: bool,
    ) -> Result<Vec<u8>, Diagnostic> {
        match format {
            OutputFormat::Html => self.render_paper(doc, house, draft).map(String::into_bytes),
            OutputFormat::Pdf => self.pdf.render(doc, house, draft),
        }
    }

    /// Warnings for the characters of a paper's source (`text`, the whole of `file`) the
    /// PDF cannot show: none of its fonts has them.
    pub fn pdf_unshown(&self, file: &Path, text: &str) -> Vec<Diagnostic> {
        self.pdf.unshown(file, text)
    }

    /// `index.html`: every paper grouped by meeting (by name), then by date (newest
    /// first), in agenda-item order (compared numerically by part, so `4.2` comes before
    /// `4.10`; papers without an item come last), then by title.
    pub fn render_index(
        &self,
        entries: &[IndexEntry],
        house: &HouseStyle,
    ) -> Result<String, Diagnostic> {
        self.render_index_with_meetings(entries, &[], house)
    }

    /// `index.html` as [`Renderer::render_index`], with each meeting's page linked under its
    /// date and its private items listed by title and exempt ground.
    pub fn render_index_with_meetings(
        &self,
        entries: &[IndexEntry],
        meetings: &[MeetingLink],
        house: &HouseStyle,
    ) -> Result<String, Diagnostic> {
        let view = index::IndexView::new(entries, house, &self.css).with_meetings(meetings);
        self.templates.render(templates::INDEX, &view, "the index")
    }

    /// A meeting's page (`meetings/SLUG/index.html`): its agenda nested as ordered lists,
    /// each public paper linked with its `files`, private items by number, title and exempt
    /// ground only; `agenda_pdf` is linked when built. `draft` shows DRAFT.
    pub fn render_meeting(
        &self,
        meeting: &crate::meeting::Meeting,
        files: &PaperFiles,
        agenda_pdf: Option<&BuiltFile>,
        house: &HouseStyle,
        draft: bool,
    ) -> Result<String, Diagnostic> {
        let view = meeting::MeetingView::new(
            meeting,
            files,
            agenda_pdf,
            house,
            draft,
            &self.css,
            self.logo.as_deref(),
        );
        let what = format!(
            "the meeting page of {} on {}",
            meeting.committee, meeting.date
        );
        self.templates.render(templates::MEETING, &view, &what)
    }

    /// A meeting's `agenda.pdf`, tagged like the papers (PDF/A-2a + PDF/UA-1).
    pub fn render_agenda_pdf(
        &self,
        meeting: &crate::meeting::Meeting,
        house: &HouseStyle,
        draft: bool,
    ) -> Result<Vec<u8>, Diagnostic> {
        self.pdf
            .render(&agenda::document(meeting, house), house, draft)
    }
}

//! Rendering: a numbered [`Document`] to a standalone HTML page or an archival PDF, and
//! the list of papers to `index.html`.
//!
//! 1. [`Renderer::for_formats`] loads the templates (`paper.html`, `index.html`, embedded or
//!    the project's own), the stylesheet and the house [`Logo`] once per run, and the PDF
//!    fonts only when the run renders PDF.
//! 2. Each paper is rendered with its [`RenderOptions`] (house, logo, draft, links to its
//!    PDF), to the format asked for: [`Renderer::render`] is the one place that matches on
//!    [`OutputFormat`].
//! 3. HTML: `view` turns a `Document` into the plain view the template sees; `html`
//!    renders the content of each paragraph and footnote, escaped; Tera lays the view out,
//!    and the page inlines its CSS and images, so it makes no request. PDF: see [`pdf`].

// The API hands back one `Diagnostic` by value, as the rest of clerk does; it is cold
// path data, so its size does not matter here.
#![allow(clippy::result_large_err)]

pub mod agenda;
#[cfg(test)]
mod commonmark_diff;
mod html;
mod html_table;
pub mod ics;
mod index;
mod meeting;
mod options;
pub mod pdf;
mod templates;
pub(crate) mod ties;
mod view;

#[cfg(test)]
mod tests;

use std::path::Path;

use clap::ValueEnum as _;
use serde::Serialize;

use crate::config::HouseStyle;
use crate::diag::{Diagnostic, Sources};
use crate::document::Document;

pub use html::{escape, link};
pub use index::{IndexEntry, MeetingLink, PrivateLine};
pub use meeting::{BuiltFile, PaperFiles, describe};
pub use options::{Logo, RenderOptions, SiteLinks};
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
    /// Each meeting's agenda packs only, made from the papers' PDFs already built.
    Pack,
}

impl OutputFormat {
    /// Is it a format each paper is rendered to (not the meetings' packs)?
    pub fn is_paper(self) -> bool {
        self != OutputFormat::Pack
    }

    /// The file extension of this format's output, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Html => "html",
            OutputFormat::Pdf | OutputFormat::Pack => "pdf",
        }
    }

    /// The media type of this format's output, for the preview's `Content-Type`.
    pub fn media_type(self) -> &'static str {
        match self {
            OutputFormat::Html => "text/html; charset=utf-8",
            OutputFormat::Pdf | OutputFormat::Pack => "application/pdf",
        }
    }
}

/// Where rendering one output spent its time.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderTimes {
    /// Laying out the pages (PDF only).
    pub layout: std::time::Duration,
    /// Everything else: writing the PDF's objects, or the HTML page.
    pub write: std::time::Duration,
}

/// The house's own files checked as a build would read them, for `clerk check`: the logo
/// (read and sniffed) and each font file (read and its tables checked, not prepared for
/// shaping). One diagnostic per file that a build would refuse, at its `clerk.yaml` value.
pub fn check_house_files(project_root: &Path, house: &HouseStyle) -> Vec<Diagnostic> {
    let mut diags: Vec<Diagnostic> = Logo::load(project_root, house).err().into_iter().collect();
    diags.extend(pdf::check_house_fonts(project_root, house));
    diags
}

/// The templates, stylesheet, logo and (when the run renders PDF) fonts of a run, loaded
/// once and shared read-only by all threads (it is `Send + Sync`).
#[derive(Debug)]
pub struct Renderer {
    templates: templates::Templates,
    css: String,
    logo: Option<Logo>,
    /// Fonts parsed once per run; only when the run renders PDF.
    pdf: Option<pdf::PdfEngine>,
}

impl Renderer {
    /// A renderer for every format (the preview's): [`Renderer::for_formats`] with all.
    pub fn new(
        project_root: &Path,
        house: &HouseStyle,
        sources: &mut Sources,
    ) -> Result<Renderer, Vec<Diagnostic>> {
        Renderer::for_formats(project_root, house, OutputFormat::value_variants(), sources)
    }

    /// Loads what rendering to `formats` needs: the embedded default templates
    /// (`paper.html`, `index.html`) and stylesheet (`style.css`), each replaced by a file
    /// of the same name in `<project_root>/templates/` when present, the house logo, and
    /// the PDF fonts only when `formats` has PDF (so a broken `pdf.fonts` entry does not
    /// stop an HTML build). Each paper's page links its PDF appendices to the paper's PDF
    /// when PDF is among `formats`.
    ///
    /// A template that fails to parse gives a diagnostic naming its file, with the line and
    /// column Tera reports; every failing template is reported. The templates' texts go in
    /// `sources`, for those diagnostics.
    pub fn for_formats(
        project_root: &Path,
        house: &HouseStyle,
        formats: &[OutputFormat],
        sources: &mut Sources,
    ) -> Result<Renderer, Vec<Diagnostic>> {
        let templates = templates::Templates::load(project_root, sources);
        let css = templates::load_css(project_root);
        let logo = Logo::load(project_root, house);
        let pdf = formats
            .iter()
            .any(|f| matches!(f, OutputFormat::Pdf | OutputFormat::Pack))
            .then(|| pdf::PdfEngine::new(project_root, house))
            .transpose();
        match (templates, css, logo, pdf) {
            (Ok(templates), Ok(css), Ok(logo), Ok(pdf)) => Ok(Renderer {
                templates,
                css,
                logo,
                pdf,
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

    /// The texts of the templates, which the diagnostics of a failed render point into.
    pub fn sources(&self) -> &Sources {
        self.templates.texts()
    }

    /// The options of one paper in `house`'s style: the run's logo, and links to its PDF
    /// when the run renders PDF.
    pub fn options<'a>(&'a self, house: &'a HouseStyle, draft: bool) -> RenderOptions<'a> {
        RenderOptions {
            house,
            logo: self.logo.as_ref(),
            draft,
            pdf_links: self.pdf.is_some(),
            site: None,
        }
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
        self.html(doc, &self.options(house, draft))
    }

    fn html(&self, doc: &Document, opts: &RenderOptions<'_>) -> Result<String, Diagnostic> {
        let view = view::PaperView::new(doc, opts, &self.css);
        let what = format!("the paper “{}”", doc.meta.title);
        self.templates.render(templates::PAPER, &view, &what)
    }

    /// Renders a paper to the bytes of one output format. The one place that matches on
    /// [`OutputFormat`] to render: a new format adds its arm here (and in
    /// [`Renderer::warnings`] if it has warnings of its own).
    pub fn render(
        &self,
        format: OutputFormat,
        doc: &Document,
        house: &HouseStyle,
        draft: bool,
    ) -> Result<Vec<u8>, Diagnostic> {
        let opts = self.options(house, draft);
        match format {
            OutputFormat::Html => self.html(doc, &opts).map(String::into_bytes),
            OutputFormat::Pdf => self.pdf()?.render(doc, &opts),
            OutputFormat::Pack => Err(Diagnostic::internal(
                "a pack is made for a meeting, not for one paper",
            )),
        }
    }

    /// [`Renderer::render`], with the time spent by part: for a PDF, laying it out and
    /// writing it; for HTML, all of it counts as writing. `pdf_beside`: the paper's PDF
    /// stands beside its page though this run makes none (an earlier build's), so the page
    /// links its PDF appendices to it as a run making PDF does. `site`: the page's links to
    /// the index and its meeting's page, when it is published beside them.
    pub fn render_timed<'a>(
        &'a self,
        format: OutputFormat,
        doc: &Document,
        (house, draft, pdf_beside): (&'a HouseStyle, bool, bool),
        site: Option<SiteLinks<'a>>,
    ) -> (Result<Vec<u8>, Diagnostic>, RenderTimes) {
        let started = std::time::Instant::now();
        let mut opts = self.options(house, draft);
        opts.pdf_links |= pdf_beside;
        opts.site = site;
        let (bytes, layout) = match format {
            OutputFormat::Html => (
                self.html(doc, &opts).map(String::into_bytes),
                std::time::Duration::ZERO,
            ),
            OutputFormat::Pdf => match self.pdf() {
                Ok(pdf) => pdf.render_timed(doc, &opts),
                Err(d) => (Err(d), std::time::Duration::ZERO),
            },
            OutputFormat::Pack => (
                self.render(format, doc, house, draft),
                std::time::Duration::ZERO,
            ),
        };
        let times = RenderTimes {
            layout,
            write: started.elapsed().saturating_sub(layout),
        };
        (bytes, times)
    }

    /// Warnings a format has about a paper (`doc`, from `text`, the whole of `file`): for
    /// the PDF, the characters none of its fonts has, and the tables too wide for its page.
    pub fn warnings(
        &self,
        format: OutputFormat,
        (doc, house): (&Document, &HouseStyle),
        file: &Path,
        text: &str,
    ) -> Vec<Diagnostic> {
        match format {
            OutputFormat::Html | OutputFormat::Pack => Vec::new(),
            OutputFormat::Pdf => self.pdf().map_or_else(
                |d| vec![d],
                |p| {
                    let mut out = p.unshown(file, text);
                    out.extend(p.wide_tables(doc, house, file, text));
                    out
                },
            ),
        }
    }

    /// The PDF engine; an error when this renderer was made without PDF.
    fn pdf(&self) -> Result<&pdf::PdfEngine, Diagnostic> {
        self.pdf.as_ref().ok_or_else(|| {
            Diagnostic::file_error(
                "pdf",
                Path::new("clerk"),
                "the PDF fonts were not loaded for this run",
            )
            .with_help("this is a bug in clerk, please report it")
        })
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
        packs: &[(&str, String, Option<BuiltFile>)],
        house: &HouseStyle,
        draft: bool,
    ) -> Result<String, Diagnostic> {
        let shown = meeting.shown();
        let mut view = meeting::MeetingView::new(
            &shown,
            files,
            agenda_pdf,
            house,
            draft,
            &self.css,
            self.logo.as_ref().map(Logo::data_uri),
        );
        view.packs = packs
            .iter()
            .map(|(label, name, f)| meeting::PackView::new(label, name, f.as_ref()))
            .collect();
        let what = format!(
            "the meeting page of {} on {}",
            meeting.committee, meeting.date
        );
        self.templates.render(templates::MEETING, &view, &what)
    }

    /// One of a meeting's agenda packs, from its papers' built `pdfs` (in the order of
    /// [`pdf::pack::PackKind::papers`]; `None` for a paper not available).
    /// Each PDF is held until its paper is grafted and let go after.
    pub fn render_pack<B: AsRef<[u8]>>(
        &self,
        meeting: &crate::meeting::Meeting,
        kind: pdf::pack::PackKind,
        pdfs: impl IntoIterator<Item = Option<B>>,
        house: &HouseStyle,
        draft: bool,
    ) -> Result<pdf::pack::PackPdf, Diagnostic> {
        self.render_pack_from(meeting, kind, (pdfs, &[]), house, draft)
    }

    /// [`Renderer::render_pack`], each paper's relative links made to lead from the pack's
    /// folder: `bases` gives, for each paper, the way from there to its PDF's folder
    /// ([`pdf::pack::link_base`]).
    pub fn render_pack_from<B: AsRef<[u8]>>(
        &self,
        meeting: &crate::meeting::Meeting,
        kind: pdf::pack::PackKind,
        (pdfs, bases): (impl IntoIterator<Item = Option<B>>, &[String]),
        house: &HouseStyle,
        draft: bool,
    ) -> Result<pdf::pack::PackPdf, Diagnostic> {
        let opts = self.options(house, draft);
        self.pdf()?
            .render_pack_with(&meeting.shown(), kind, (pdfs, bases), &opts, true)
    }

    /// A meeting's `agenda.pdf`, tagged like the papers (PDF/A-2a + PDF/UA-1).
    pub fn render_agenda_pdf(
        &self,
        meeting: &crate::meeting::Meeting,
        house: &HouseStyle,
        draft: bool,
    ) -> Result<Vec<u8>, Diagnostic> {
        let opts = self.options(house, draft);
        self.pdf()?
            .render(&agenda::document(&meeting.shown(), house), &opts)
    }
}

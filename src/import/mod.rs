//! `clerk import`: a Word committee paper (.docx) → a clerk paper (front matter + Markdown body)
//! and its images, with a note for everything that could not be mapped.
//!
//! The stages: [`package`] opens the zip with limits, [`xml`] parses parts without DTDs,
//! [`styles`], [`docx`], [`field`] and [`drawing`] read Word's model, [`layout`] takes a
//! paper out of a layout table, [`header`] and [`fill`] map the header table (or what
//! stands for it) to metadata, [`body`] sorts the rest into sections, [`emit`],
//! [`assemble`] and [`front`] write the Markdown, and [`command`] writes the files and
//! runs `clerk check` on them.

pub mod appendix;
pub mod assemble;
pub mod batch;
pub mod body;
pub mod cite;
pub mod command;
pub use crate::paper::typed_date as date;
pub mod docx;
pub mod drawing;
pub mod emit;
pub mod field;
pub mod fill;
pub mod front;
pub mod header;
pub mod heading;
mod implications;
pub mod layout;
pub mod notes;
pub mod numbering;
pub mod package;
pub mod place;
pub mod styles;
pub mod symbol;
pub mod typed;
pub mod xml;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::path::Path;

use crate::config::HouseStyle;
use crate::diag::{Diagnostic, Severity};

pub use package::Limits;

/// Something the import could not map, said for the author; placed in the written Markdown
/// by the text it left there (`at`), when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Error or warning.
    pub severity: Severity,
    /// Short stable code (`import-…`).
    pub code: &'static str,
    /// What happened, naming where in the Word document.
    pub message: String,
    /// A way out.
    pub help: Option<String>,
    /// Text to find in the written Markdown, to point at.
    pub at: Option<String>,
}

impl Note {
    /// A warning.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Note {
        Note {
            severity: Severity::Warning,
            code,
            message: message.into(),
            help: None,
            at: None,
        }
    }

    /// An error: the imported paper needs a hand before it is right.
    pub fn error(code: &'static str, message: impl Into<String>) -> Note {
        Note {
            severity: Severity::Error,
            ..Note::warning(code, message)
        }
    }

    /// Adds a way out.
    pub fn help(mut self, help: impl Into<String>) -> Note {
        self.help = Some(help.into());
        self
    }

    /// Points at this text in the written Markdown.
    pub fn at(mut self, text: impl Into<String>) -> Note {
        self.at = Some(text.into());
        self
    }

    /// A diagnostic from a stage that refuses (read as a note, keeping its code and help).
    pub fn from_diagnostic(d: Diagnostic) -> Note {
        Note {
            severity: d.severity,
            code: d.code,
            message: d.message,
            help: d.help,
            at: None,
        }
    }

    /// The diagnostic for `file`, whose text is `markdown`.
    pub fn to_diagnostic(&self, file: &Path, markdown: &str) -> Diagnostic {
        let mut d = Diagnostic::file_error(self.code, file, self.message.clone());
        d.severity = self.severity;
        d.help = self.help.clone();
        if let Some(at) = self.at.as_deref().filter(|a| !a.is_empty())
            && let Some(pos) = markdown.find(at)
        {
            d.span = Some(pos..pos + at.chars().count());
        }
        d
    }
}

/// The result of converting one document.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The paper: front matter and Markdown body.
    pub markdown: String,
    /// Images to write into the images folder: (file name, bytes).
    pub images: Vec<(String, Vec<u8>)>,
    /// Appendix files to write beside the paper: (file name, Markdown).
    pub appendices: Vec<(String, String)>,
    /// What could not be mapped.
    pub notes: Vec<Note>,
}

/// Converts the .docx `bytes` (read from `file`, for messages) into a paper in `house`
/// style to be written as `stem.md`: its images go in the folder `stem-images` beside it,
/// and the appendices written in its body in files `_stem-appendix-a.md`. An `Err` means
/// nothing could be imported (not a .docx, damaged, or past a limit).
pub fn convert(
    file: &Path,
    bytes: &[u8],
    house: &HouseStyle,
    stem: &str,
    limits: Limits,
) -> Result<Imported, Diagnostic> {
    let mut pkg = package::Package::open(file, bytes, limits)?;
    let main = pkg.main.clone();
    let (dir, name) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let rels_text = pkg.read_text(&format!("{dir}/_rels/{name}.rels"))?;
    let rels = match &rels_text {
        Some(t) => xml::relationships(t).map_err(|e| bad_part(file, "relationships", &e))?,
        None => Vec::new(),
    };
    let part = |kind: &str, default: &str| {
        rels.iter()
            .find(|r| r.kind.ends_with(kind) && !r.external)
            .and_then(|r| xml::resolve(dir, &r.target))
            .unwrap_or_else(|| format!("{dir}/{default}"))
    };
    let styles_text = pkg.read_text(&part("/styles", "styles.xml"))?;
    let numbering_text = pkg.read_text(&part("/numbering", "numbering.xml"))?;
    // The footnotes and endnotes, each part with its relationships (for links in notes).
    let mut note_parts = Vec::new();
    for kind in ["footnote", "endnote"] {
        let name = part(&format!("/{kind}s"), &format!("{kind}s.xml"));
        let text = pkg.read_text(&name)?;
        let rels = pkg.read_text(&format!(
            "{dir}/_rels/{}.rels",
            name.rsplit('/').next().unwrap_or("")
        ))?;
        note_parts.push((kind, text, rels));
    }
    let core_text = pkg.read_text("docProps/core.xml")?;
    let main_text = pkg
        .read_text(&main)?
        .ok_or_else(|| bad_part(file, &main, "it is missing"))?;

    let styles = match &styles_text {
        Some(t) => styles::Styles::parse(
            &xml::parse(t, &limits).map_err(|e| bad_part(file, "styles", &e))?,
        ),
        None => styles::Styles::default(),
    };
    let mut numbering = match &numbering_text {
        Some(t) => styles::Numbering::parse(
            &xml::parse(t, &limits).map_err(|e| bad_part(file, "numbering", &e))?,
        ),
        None => styles::Numbering::default(),
    };
    let doc = xml::parse(&main_text, &limits).map_err(|e| bad_part(file, &main, &e))?;
    let by_id = |rels: &[xml::Relationship]| -> HashMap<String, xml::Relationship> {
        rels.iter().map(|r| (r.id.clone(), r.clone())).collect()
    };
    let mut cx = docx::Context {
        styles: &styles,
        numbering: &mut numbering,
        rels: by_id(&rels),
        base_dir: dir.to_string(),
        count: 0,
        skipped: Vec::new(),
        boxes: Vec::new(),
        tracked: 0,
        merged: Vec::new(),
        raised: None,
        equations: None,
        underlined: None,
        unlinked: Vec::new(),
        in_link: false,
    };
    let body = doc
        .root_element()
        .children()
        .find(|n| xml::is_w(*n, "body"))
        .ok_or_else(|| bad_part(file, &main, "it has no document body"))?;
    let blocks = docx::blocks(body, &mut cx);
    let mut skipped = std::mem::take(&mut cx.skipped);
    // Endnotes are kept as footnotes (a paper's notes are footnotes), said in a note.
    let mut footnotes = Vec::new();
    for (kind, text, rels) in &note_parts {
        let Some(t) = text else { continue };
        let what = format!("{kind}s");
        let fdoc = xml::parse(t, &limits).map_err(|e| bad_part(file, &what, &e))?;
        let frels = match rels {
            Some(r) => xml::relationships(r).map_err(|e| bad_part(file, &what, &e))?,
            None => Vec::new(),
        };
        cx.rels = by_id(&frels);
        footnotes.extend(docx::notes(fdoc.root_element(), kind, &mut cx));
        skipped.append(&mut cx.skipped);
    }
    // The page headers and footers, where Word templates usually carry the protective
    // marking: their lines, read for it alone.
    let mut page_lines = Vec::new();
    for r in rels
        .iter()
        .filter(|r| !r.external && (r.kind.ends_with("/header") || r.kind.ends_with("/footer")))
    {
        let Some(name) = xml::resolve(dir, &r.target) else {
            continue;
        };
        let Some(text) = pkg.read_text(&name)? else {
            continue;
        };
        if let Ok(part) = xml::parse(&text, &limits) {
            page_lines.extend(xml::paragraph_texts(&part));
        }
    }
    let keywords = core_text
        .as_deref()
        .and_then(|t| xml::parse(t, &limits).ok().map(|d| keywords(&d)))
        .unwrap_or_default();
    let input = assemble::Input {
        blocks: &blocks,
        footnotes: &footnotes,
        keywords,
        skipped,
        boxes: std::mem::take(&mut cx.boxes),
        tracked: cx.tracked,
        merged: std::mem::take(&mut cx.merged),
        raised: cx.raised.take(),
        equations: cx.equations.take(),
        underlined: cx.underlined.take(),
        unlinked: std::mem::take(&mut cx.unlinked),
        page_lines,
    };
    Ok(assemble::paper(&input, house, &mut pkg, stem))
}

fn keywords(core: &roxmltree::Document) -> Vec<String> {
    core.descendants()
        .find(|n| n.is_element() && n.tag_name().name() == "keywords")
        .and_then(|n| n.text())
        .map(|t| {
            t.split([',', ';'])
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .map(str::to_string)
                .take(64)
                .collect()
        })
        .unwrap_or_default()
}

fn bad_part(file: &Path, part: &str, why: &str) -> Diagnostic {
    Diagnostic::file_error(
        "import-damaged",
        file,
        format!("the document's {part} part cannot be read: {why}"),
    )
    .with_help("open the file in Word or LibreOffice and save it again as a .docx")
}

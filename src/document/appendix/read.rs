//! Reads a paper's appendix files: a Markdown file's text, a PDF's bytes once checked.
//! A problem with a PDF is reported at its `file:` line in the metadata; one with a
//! Markdown file, against that file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::HouseStyle;
use crate::diag::Diagnostic;
use crate::fsio::{self, ReadError};
use crate::paper::{AppendixMeta, Paper};

/// One appendix's file, as read.
#[derive(Debug, Clone, Default)]
pub enum AppendixFile {
    /// No file, or one that could not be read (its diagnostic says why).
    #[default]
    None,
    /// A Markdown file: the path shown in diagnostics and its text.
    Markdown(PathBuf, String),
    /// A PDF that passed [`super::check`], with the marking it gives itself when clerk
    /// made it ([`own_marking`]).
    Pdf {
        /// The file as read.
        bytes: Arc<Vec<u8>>,
        /// Its own protective marking, if clerk made it.
        marking: Option<String>,
        /// The pages (1-based) that draw something outside its tags.
        untagged: Vec<u32>,
    },
}

/// Reads every appendix file of `paper`, one entry per appendix in order, with a
/// diagnostic for each that cannot be used.
pub fn read(paper: &Paper, house: &HouseStyle) -> (Vec<AppendixFile>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let files = paper
        .meta
        .appendices
        .iter()
        .enumerate()
        .map(|(i, a)| match read_one(paper, house, a) {
            Ok(file) => {
                diags.extend(marking_differs(paper, a, &file));
                diags.extend(untagged_content(paper, a, &file));
                diags.extend(title_repeated(a, i, &file));
                file
            }
            Err(d) => {
                diags.push(d);
                AppendixFile::None
            }
        })
        .collect();
    (files, diags)
}

fn read_one(
    paper: &Paper,
    house: &HouseStyle,
    a: &AppendixMeta,
) -> Result<AppendixFile, Diagnostic> {
    let Some(file) = &a.file else {
        return Ok(AppendixFile::None);
    };
    let path = paper.dir().join(file);
    if file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
    {
        let shown = paper
            .source
            .display
            .parent()
            .unwrap_or(Path::new(""))
            .join(file);
        return read_markdown(paper, &path, shown, house.limits.paper_bytes);
    }
    let at = |code: &'static str, message: String| at_file(paper, a, code, message);
    let name = file.display();
    let bytes = fsio::read_limited(&path, house.limits.appendix_bytes).map_err(|e| {
        let limit = matches!(e, ReadError::TooLarge(_))
            .then_some(" (`limits.appendix_bytes` in clerk.yaml)")
            .unwrap_or_default();
        at(
            "appendix-unreadable",
            format!("the appendix `{name}` cannot be read ({e}{limit})"),
        )
    })?;
    let inflate = super::inflate_limit(house.limits.appendix_bytes);
    match super::check(&name.to_string(), &bytes, inflate) {
        Ok(untagged) => Ok(AppendixFile::Pdf {
            marking: own_marking(&bytes),
            untagged,
            bytes: Arc::new(bytes),
        }),
        Err(p) => Err(at(p.code, p.message).with_help(p.help)),
    }
}

/// A diagnostic at the appendix's `file:` line in the paper's metadata.
fn at_file(paper: &Paper, a: &AppendixMeta, code: &'static str, message: String) -> Diagnostic {
    let mut d = Diagnostic::file_error(code, &paper.split.meta_file, message);
    d.span = a.file_pos.span();
    d
}

/// The protective marking a PDF clerk made gives itself (its XMP's, which clerk writes
/// uncompressed), if it is one.
pub fn own_marking(bytes: &[u8]) -> Option<String> {
    let (open, close) = (
        b"<clerk:classification>".as_slice(),
        b"</clerk:classification>".as_slice(),
    );
    let start = memchr::memmem::find(bytes, open)? + open.len();
    let rest = &bytes[start..bytes.len().min(start + 128)];
    let len = memchr::memmem::find(rest, close)?;
    let text = std::str::from_utf8(&bytes[start..start + len]).ok()?;
    Some(text.replace("&amp;", "&").trim().to_string())
}

/// Does a PDF clerk made say (in its XMP) that every page carries the DRAFT mark?
pub fn own_draft(bytes: &[u8]) -> bool {
    memchr::memmem::find(bytes, b"<clerk:status>draft</clerk:status>").is_some()
}

/// A warning when a PDF appendix clerk made is marked otherwise than the paper: the
/// paper's marking is drawn over its own, at the top and foot of its pages.
fn marking_differs(paper: &Paper, a: &AppendixMeta, file: &AppendixFile) -> Option<Diagnostic> {
    let AppendixFile::Pdf {
        marking: Some(own), ..
    } = file
    else {
        return None;
    };
    let paper_marking = paper.meta.classification.as_deref()?.trim();
    if own.eq_ignore_ascii_case(paper_marking) {
        return None;
    }
    let name = a.file.as_deref().unwrap_or(Path::new("")).display();
    let upper = paper_marking.to_uppercase();
    let d = at_file(
        paper,
        a,
        "appendix-marking",
        format!(
            "the appendix `{name}` is marked {} but the paper {upper}: the paper's marking is drawn at the top and foot of the appendix's pages, over its own",
            own.to_uppercase()
        ),
    );
    Some(d.with_help(format!("build the appendix again with `classification: {paper_marking}`, so that its pages carry one marking")).warning())
}

/// A warning when a PDF appendix draws something outside its tags: the append marks it as
/// an artifact (decoration), which screen readers pass over, so a picture or text that
/// carries meaning there would be lost to them.
fn untagged_content(paper: &Paper, a: &AppendixMeta, file: &AppendixFile) -> Option<Diagnostic> {
    let AppendixFile::Pdf { untagged, .. } = file else {
        return None;
    };
    let first = untagged.first()?;
    let name = a.file.as_deref().unwrap_or(Path::new("")).display();
    let pages = match untagged.as_slice() {
        [_] => format!("page {first}"),
        [_, .., last] => format!("{} pages, {first} to {last}", untagged.len()),
        [] => return None,
    };
    let d = at_file(
        paper,
        a,
        "appendix-untagged-content",
        format!(
            "the appendix `{name}` draws something outside its tags ({pages}): clerk marks it as decoration, which screen readers pass over, so that the paper stays PDF/UA"
        ),
    );
    Some(d.with_help("check nothing there carries meaning (a chart, a table, text); if it does, export the appendix again as a tagged PDF from its source (Word, LibreOffice) rather than printing it to PDF").warning())
}

/// A Markdown appendix's text; one too large, not UTF-8, unreadable, or that is a paper
/// itself (its own front matter or sidecar, or the paper's own file) is an error against it.
fn read_markdown(
    paper: &Paper,
    path: &Path,
    shown: PathBuf,
    limit: u64,
) -> Result<AppendixFile, Diagnostic> {
    let refuse = |message: String, help: &str| {
        Err(Diagnostic::file_error("appendix-unreadable", &shown, message).with_help(help))
    };
    let same = |a: &Path, b: &Path| a.canonicalize().ok() == b.canonicalize().ok();
    if same(path, &paper.source.path) {
        return refuse(
            "a paper cannot be its own appendix".into(),
            "point `file:` at the appendix's own Markdown file",
        );
    }
    let text = match fsio::read_text_limited(path, limit) {
        Ok(Some(text)) => text,
        Ok(None) => return refuse("this appendix is not UTF-8 text".into(), SAVE_AS),
        Err(ReadError::TooLarge(_)) => {
            let size = std::fs::metadata(path).map_or(0, |m| m.len());
            let message = format!(
                "this appendix is {size} bytes, more than the limit of {limit} (`limits.paper_bytes`)"
            );
            return refuse(message, SAVE_AS);
        }
        Err(e) => return refuse(format!("this appendix cannot be read ({e})"), SAVE_AS),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.starts_with("---\n")
        || text.starts_with("---\r\n")
        || path.with_extension("yaml").is_file()
    {
        return refuse(
            "this file is a paper (it has metadata of its own), not an appendix".into(),
            "an appendix holds only Markdown: remove its metadata, or point `file:` at the appendix",
        );
    }
    Ok(AppendixFile::Markdown(shown, text.to_string()))
}

/// A Markdown appendix whose first line is a heading giving its own title again (`# Criteria`,
/// `# Appendix A – Criteria`, `# Appendix A`), as authors write one: clerk heads it
/// `Appendix A – Criteria` already, so the title would stand twice.
fn title_repeated(a: &AppendixMeta, index: usize, file: &AppendixFile) -> Option<Diagnostic> {
    let AppendixFile::Markdown(shown, text) = file else {
        return None;
    };
    let start = text.len() - text.trim_start().len();
    let line = text[start..].lines().next()?.trim_end();
    let heading = line.strip_prefix('#')?.trim_start_matches('#');
    if !heading.starts_with(' ') {
        return None;
    }
    let words = heading.trim().trim_end_matches('#').trim().to_lowercase();
    let title = a.title.trim().to_lowercase();
    // `Appendix A – Title`, `Appendix A: Title`, `Appendix A`: the words after this
    // appendix's own letter (`Appendix Methodology` names no letter).
    let letter = crate::document::compile::appendix_letter(index).to_lowercase();
    let after_letter = words.strip_prefix("appendix ").and_then(|rest| {
        let rest = rest.strip_prefix(letter.as_str())?;
        let ends = rest.is_empty() || rest.starts_with([' ', ':', '.', '–', '—', '-']);
        ends.then(|| rest.trim_start_matches([' ', ':', '.', '–', '—', '-']))
    });
    let repeated = words == title || after_letter.is_some_and(|t| t.is_empty() || t == title);
    repeated.then(|| {
        Diagnostic::at(
            "appendix-title-repeated",
            shown,
            start..start + line.len(),
            format!("this heading repeats the appendix's title, which clerk sets above it already (“{}”), so it would be shown twice", a.title.trim()),
        )
        .with_help("remove this line: the title comes from the paper's `appendices:` list")
        .warning()
    })
}

const SAVE_AS: &str = "save it as UTF-8 Markdown, or point `file:` at another file";

//! Paper → Document: numbers the body, fills in implications and recommendations, and
//! derives the header table, all in the house style.

use std::path::{Path, PathBuf};

use crate::config::HouseStyle;
use crate::diag::Diagnostic;
use crate::document::{Appendix, AppendixContent, Document, HeaderRow, Item};
use crate::markdown::{self, DocumentParts, MdSource, Origin};
use crate::paper::{MetaText, Paper, PaperMeta};

/// Builds the numbered `Document` of a checked paper. Returns it when there is no error, and
/// every diagnostic (warnings included).
pub fn compile<'a>(
    paper: &'a Paper,
    house: &HouseStyle,
    project_root: &Path,
) -> (Option<Document>, Vec<Diagnostic>) {
    let split = &paper.split;
    let meta_source = |t: &'a MetaText| MdSource {
        file: &split.meta_file,
        file_text: &split.meta_file_text,
        markdown: &t.text,
        origin: Origin::Line(t.line),
    };
    let implications = house
        .implications
        .iter()
        .map(|style| {
            let filled = paper
                .meta
                .implications
                .iter()
                .find(|(k, _)| *k == style.key);
            (style, filled.map(|(_, t)| meta_source(t)))
        })
        .collect();
    let paper_dir = paper.dir();
    let (texts, mut read_diags) = read_markdown_appendices(paper, house);
    let appendix_sources = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let src = text.as_ref().map(|(file, text)| MdSource {
                file,
                file_text: text,
                markdown: text,
                origin: Origin::Offset(0),
            });
            (appendix_id(i), src)
        })
        .collect();
    let parts = DocumentParts {
        body: MdSource {
            file: &paper.source.display,
            file_text: &split.md_text,
            markdown: paper.body(),
            origin: Origin::Offset(split.body_offset),
        },
        implications,
        recommendations: meta_source(&paper.meta.recommendations),
        appendices: appendix_sources,
        paper_dir: &paper_dir,
        project_root,
    };
    let (sections, diags) = markdown::build_sections(&parts, house);
    read_diags.extend(diags);
    let diags = read_diags;
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    // Metadata is shown with the body's smart punctuation.
    let meta = crate::smart::meta(&paper.meta);
    let doc = Document {
        header: header_rows(&meta, house),
        appendices: appendices(&meta, sections.appendices),
        meta,
        sections: sections.sections,
        footnotes: sections.footnotes,
        file_stem: paper
            .source
            .path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
    };
    (Some(doc), diags)
}

/// The anchor id of the n-th appendix (0-based): `appendix-a`.
pub fn appendix_id(n: usize) -> String {
    format!("appendix-{}", appendix_letter(n).to_ascii_lowercase())
}

/// The text of each Markdown appendix file (`None` for the others), with the path shown in
/// diagnostics; a file that cannot be read is an error against it.
fn read_markdown_appendices(
    paper: &Paper,
    house: &HouseStyle,
) -> (Vec<Option<(PathBuf, String)>>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let shown_dir = paper.source.display.parent().unwrap_or(Path::new(""));
    let texts = paper
        .meta
        .appendices
        .iter()
        .map(|a| {
            let file = a
                .file
                .as_ref()
                .filter(|f| f.extension().is_some_and(|e| e.eq_ignore_ascii_case("md")))?;
            let shown = shown_dir.join(file);
            let path = paper.dir().join(file);
            let size = std::fs::metadata(&path).map_or(0, |m| m.len());
            let message = if size > house.limits.paper_bytes {
                format!(
                    "this appendix is {size} bytes, more than the limit of {} (`limits.paper_bytes`)",
                    house.limits.paper_bytes
                )
            } else {
                match std::fs::read(&path).map(String::from_utf8) {
                    Ok(Ok(text)) => return Some((shown, text)),
                    Ok(Err(_)) => "this appendix is not UTF-8 text".to_string(),
                    Err(e) => format!("this appendix cannot be read ({e})"),
                }
            };
            diags.push(
                Diagnostic::file_error("appendix-unreadable", &shown, message)
                    .with_help("save it as UTF-8 Markdown, or point `file:` at another file"),
            );
            None
        })
        .collect();
    (texts, diags)
}

/// `A`, `B`, … `Z`, `AA`, … for the n-th appendix (0-based).
pub fn appendix_letter(mut n: usize) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, (b'A' + (n % 26) as u8) as char);
        if n < 26 {
            return s;
        }
        n = n / 26 - 1;
    }
}

fn appendices(meta: &PaperMeta, markdown: Vec<Option<Vec<Item>>>) -> Vec<Appendix> {
    meta.appendices
        .iter()
        .zip(markdown)
        .enumerate()
        .map(|(i, (a, items))| Appendix {
            letter: appendix_letter(i),
            title: a.title.clone(),
            file: a.file.clone(),
            id: appendix_id(i),
            content: match (items, &a.pdf) {
                (Some(items), _) => AppendixContent::Markdown { items },
                (None, Some(bytes)) => AppendixContent::Pdf {
                    bytes: std::sync::Arc::clone(bytes),
                },
                (None, None) => AppendixContent::None,
            },
        })
        .collect()
}

/// The header table in house order; rows for optional keys the paper leaves empty are dropped.
pub fn header_rows(meta: &PaperMeta, house: &HouseStyle) -> Vec<HeaderRow> {
    house
        .header_rows
        .iter()
        .filter_map(|row| {
            let value = match row.key.as_str() {
                "meeting" => Some(meta.meeting.clone()),
                "date" => Some(meta.date_display.clone()),
                "title" => Some(meta.title.clone()),
                "presented_by" => Some(meta.presented_by.clone()),
                "recommendation" => Some(meta.recommendation.clone()),
                "location" => meta.location.clone(),
                "agenda_item" => meta.agenda_item.clone(),
                "classification" => meta.classification.clone(),
                "status" => meta.status.map(|s| format!("{s:?}")),
                "appendices" => Some(appendix_summary(meta)),
                other => meta
                    .extra
                    .iter()
                    .find(|(k, _)| k == other)
                    .map(|(_, v)| v.clone()),
            }?;
            Some(HeaderRow {
                label: row.label.clone(),
                key: row.key.clone(),
                value,
            })
        })
        .collect()
}

/// "Yes – Appendix A – title" (one per appendix, joined by "; ") or "No".
pub fn appendix_summary(meta: &PaperMeta) -> String {
    if meta.appendices.is_empty() {
        return "No".into();
    }
    let list: Vec<String> = meta
        .appendices
        .iter()
        .enumerate()
        .map(|(i, a)| format!("Appendix {} – {}", appendix_letter(i), a.title))
        .collect();
    format!("Yes – {}", list.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(appendix_letter(0), "A");
        assert_eq!(appendix_letter(25), "Z");
        assert_eq!(appendix_letter(26), "AA");
    }
}

//! Paper → Document: numbers the body, fills in implications and recommendations, and
//! derives the header table, all in the house style.

use std::path::Path;

use crate::config::{HouseStyle, Words};
use crate::diag::{Diagnostic, Sources};
use crate::document::appendix::{self, AppendixFile};
use crate::document::markdown::{self, DocumentParts, MdSource, Origin, PrivatePapers};
use crate::document::{
    Appendix, AppendixContent, Block, Document, HeaderRow, Inline, Item, Marked, SectionKind,
};
use crate::paper::{MetaText, Paper, PaperMeta};
use crate::schema::Key;

/// Builds the numbered `Document` of a checked paper. Returns it when there is no error, and
/// every diagnostic (warnings included). The texts of Markdown appendices go in `sources`.
pub fn compile(
    paper: &Paper,
    house: &HouseStyle,
    project_root: &Path,
    sources: &mut Sources,
) -> (Option<Document>, Vec<Diagnostic>) {
    compile_with(paper, house, (project_root, PrivatePapers::NONE), sources)
}

/// [`compile`], its links to the papers `private` holds left out (see
/// [`PrivatePapers`]).
pub fn compile_with<'a>(
    paper: &'a Paper,
    house: &HouseStyle,
    (project_root, private): (&Path, PrivatePapers<'_>),
    sources: &mut Sources,
) -> (Option<Document>, Vec<Diagnostic>) {
    let split = &paper.split;
    let meta_source = |t: &'a MetaText| MdSource {
        file: &split.meta_file,
        markdown: &t.text,
        origin: Origin::Value {
            line: t.line,
            line_start: t.line_start,
            spans: &t.spans,
        },
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
    let (files, mut read_diags) = appendix::read(paper, house);
    let appendix_sources = files
        .iter()
        .enumerate()
        .map(|(i, file)| {
            let src = match file {
                AppendixFile::Markdown(file, text) => {
                    sources.add(file, text.as_str());
                    Some(MdSource {
                        file,
                        markdown: text,
                        origin: Origin::Body { offset: 0, line: 1 },
                    })
                }
                _ => None,
            };
            (appendix_id(i), src)
        })
        .collect();
    let parts = DocumentParts {
        body: MdSource {
            file: &paper.source.display,
            markdown: paper.body(),
            origin: Origin::Body {
                offset: split.body_offset,
                line: split.md_text[..split.body_offset].matches('\n').count() + 1,
            },
        },
        implications,
        recommendations: meta_source(&paper.meta.recommendations),
        appendices: appendix_sources,
        paper_dir: &paper_dir,
        project_root,
        private,
    };
    let (sections, diags) = markdown::build_sections(&parts, house);
    read_diags.extend(diags);
    let diags = read_diags;
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    // Metadata is shown with the body's smart punctuation.
    let meta = crate::document::smart::meta(&paper.meta);
    let mut body = sections.sections;
    if let Some(lang) = house.words_lang(&meta.language) {
        house_sentences_in(&mut body, lang);
    }
    let doc = Document {
        header: header_rows(&meta, house),
        appendices: appendices(&meta, sections.appendices, &files, &house.words),
        meta,
        sections: body,
        footnotes: sections.footnotes,
        file_stem: paper
            .source
            .path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
        links_papers: sections.links_papers,
    };
    (Some(doc), diags)
}

/// Marks the house's default sentences (an implication the paper did not fill in) as
/// written in `lang`, the house's language, where the paper is in another: a screen reader
/// reads them in theirs, not with the paper's pronunciation.
fn house_sentences_in(sections: &mut [crate::document::Section], lang: &str) {
    let defaulted = |k: &SectionKind| {
        matches!(
            k,
            SectionKind::Implication {
                defaulted: true,
                ..
            }
        )
    };
    for section in sections.iter_mut().filter(|s| defaulted(&s.kind)) {
        for item in &mut section.items {
            let Item::Para(para) = item else { continue };
            for block in &mut para.blocks {
                if let Block::Paragraph { content } = block {
                    let words = std::mem::take(content);
                    content.push(Inline::Span {
                        lang: lang.to_string(),
                        content: words,
                    });
                }
            }
        }
    }
}

/// The anchor id of the n-th appendix (0-based): `appendix-a`.
pub fn appendix_id(n: usize) -> String {
    format!("appendix-{}", appendix_letter(n).to_ascii_lowercase())
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

fn appendices(
    meta: &PaperMeta,
    markdown: Vec<Option<Vec<Item>>>,
    files: &[AppendixFile],
    words: &Words,
) -> Vec<Appendix> {
    meta.appendices
        .iter()
        .zip(markdown)
        .zip(files)
        .enumerate()
        .map(|(i, ((a, items), file))| Appendix {
            word: words.appendix.clone(),
            letter: appendix_letter(i),
            title: a.title.clone(),
            file: a.file.clone(),
            id: appendix_id(i),
            content: match (items, file) {
                (Some(items), _) => AppendixContent::Markdown { items },
                (None, AppendixFile::Pdf { bytes, marking, .. }) => AppendixContent::Pdf {
                    bytes: std::sync::Arc::clone(bytes),
                    marked: match marking.as_deref() {
                        Some(own) => {
                            let paper = meta.classification.as_deref().unwrap_or_default();
                            if own.eq_ignore_ascii_case(paper.trim()) {
                                Marked::Yes
                            } else {
                                Marked::Other
                            }
                        }
                        None => Marked::No,
                    },
                },
                (None, _) => AppendixContent::None,
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
            let value = match Key::from_name(&row.key).filter(|k| Key::HEADER.contains(k)) {
                Some(key) => header_value(meta, key, &house.words),
                None => meta
                    .extra
                    .iter()
                    .find(|(k, _)| *k == row.key)
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

/// A one-line field's text as the paper shows it, for the PDF footer: any key but the
/// sections (`recommendations`, `implications`), or one of the house's `extra_fields`.
pub fn field_text(meta: &PaperMeta, name: &str, words: &Words) -> Option<String> {
    match Key::from_name(name) {
        Some(Key::Language) => Some(meta.language.clone()),
        Some(Key::Keywords) => Some(meta.keywords.join(", ")),
        Some(key) => header_value(meta, key, words),
        None => meta
            .extra
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone()),
    }
}

/// The header table's value for one of the [`Key::HEADER`] keys.
fn header_value(meta: &PaperMeta, key: Key, words: &Words) -> Option<String> {
    match key {
        Key::Meeting => Some(meta.meeting.clone()),
        Key::Date => Some(meta.date_display.clone()),
        Key::Title => Some(meta.title.clone()),
        Key::PresentedBy => Some(meta.presented_by.clone()),
        Key::Recommendation => Some(meta.recommendation.clone()),
        Key::Location => meta.location.clone(),
        Key::AgendaItem => meta.agenda_item.clone(),
        Key::Classification => meta.classification.clone(),
        Key::Status => meta.status.map(|s| s.label().to_string()),
        Key::Appendices => Some(appendix_summary(meta, words)),
        Key::Recommendations | Key::Implications | Key::Language | Key::Keywords => None,
    }
}

/// "Yes – Appendix A – title" (one per appendix, joined by "; ") or "No".
pub fn appendix_summary(meta: &PaperMeta, words: &Words) -> String {
    if meta.appendices.is_empty() {
        return words.no.clone();
    }
    let list: Vec<String> = meta
        .appendices
        .iter()
        .enumerate()
        .map(|(i, a)| format!("{} {} – {}", words.appendix, appendix_letter(i), a.title))
        .collect();
    format!("{} – {}", words.yes, list.join("; "))
}

/// A test paper under `root/papers/p.md` (the usual front matter, `extra_meta` and `body`),
/// compiled through the real pipeline with the default house style; panics on a problem.
/// Files it reads (images, appendices) go in `root/papers` first.
#[cfg(test)]
pub(crate) fn test_paper(root: &std::path::Path, extra_meta: &str, body: &str) -> Document {
    let papers = root.join("papers");
    std::fs::create_dir_all(&papers).unwrap();
    let path = papers.join("p.md");
    let text = format!(
        "---\nmeeting: Test Committee\ndate: 2021-09-01\ntitle: A Test Paper\npresented_by: A Person, Role\nrecommendation: For Noting\nrecommendations: Members are invited to note this.\n{extra_meta}---\n\n{body}\n"
    );
    std::fs::write(&path, text).unwrap();
    let house = HouseStyle::default();
    let source = crate::project::walk::source_for(root, &papers, &path);
    let (paper, diags) = crate::paper::load(&source, &house, &mut Default::default());
    let paper = paper.unwrap_or_else(|| panic!("{diags:?}"));
    let (doc, diags) = compile(&paper, &house, root, &mut Default::default());
    doc.unwrap_or_else(|| panic!("{diags:?}"))
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

    #[test]
    fn the_appendix_row_is_worded_as_the_house_words_it() {
        let dir = tempfile::tempdir().unwrap();
        let appendix = "appendices:\n  - title: Survey results\n";
        let doc = test_paper(dir.path(), appendix, "# Background\n\nText.");
        let row = |meta: &PaperMeta, house: &HouseStyle| {
            let rows = header_rows(meta, house);
            rows.into_iter()
                .find(|r| r.key == "appendices")
                .unwrap()
                .value
        };
        let mut house = HouseStyle::default();
        assert_eq!(row(&doc.meta, &house), "Yes – Appendix A – Survey results");
        house.words.yes = "Tha".into();
        house.words.no = "Chan eil".into();
        house.words.appendix = "Eàrr-ràdh".into();
        assert_eq!(row(&doc.meta, &house), "Tha – Eàrr-ràdh A – Survey results");
        let mut none = doc.meta.clone();
        none.appendices.clear();
        assert_eq!(row(&none, &house), "Chan eil");
        // The appendix's own heading, in the HTML and the PDF, takes the same word.
        let own = appendices(&doc.meta, vec![None], &[AppendixFile::None], &house.words);
        assert_eq!(own[0].heading(), "Eàrr-ràdh A – Survey results");
    }
}

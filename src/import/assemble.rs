//! Puts the paper together: front matter from the header, the body's sections, implications
//! that differ from the house default, recommendations, footnotes and citation labels.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::config::HouseStyle;

use super::body::{self, Kind, Section, Unit};
use super::docx::{Block, Para};
use super::emit::{Emitter, anchor, escape, para_at, place_at, ref_spans};
use super::header::{self, normalise, short};
use super::package::Package;
use super::{Imported, Note};
use super::{appendix, fill, front, layout};

mod markdown;

use markdown::{footnote_defs, units};

/// What the document holds, read.
pub struct Input<'a> {
    /// Top-level blocks of the body.
    pub blocks: &'a [Block],
    /// Footnotes by id.
    pub footnotes: &'a [(String, Vec<Block>)],
    /// Keywords from the document properties.
    pub keywords: Vec<String>,
    /// Things the walk met and could not map: (what, paragraph number).
    pub skipped: Vec<(String, usize)>,
    /// Text boxes kept as text where anchored: (first words, paragraph number).
    pub boxes: Vec<(String, usize)>,
    /// Tracked changes, taken as if accepted.
    pub tracked: usize,
    /// Tables with merged cells, by the paragraph index of their first paragraph.
    pub merged: Vec<usize>,
    /// Superscript or subscript kept as ordinary text: (first piece, its paragraph, count).
    pub raised: Option<(String, usize, usize)>,
    /// Equations kept as their text: (first, its paragraph, count).
    pub equations: Option<(String, usize, usize)>,
    /// Underlined text kept plain: (first, its paragraph, count).
    pub underlined: Option<(String, usize, usize)>,
    /// Links kept as their text only: (address, paragraph).
    pub unlinked: Vec<(String, usize)>,
    /// The lines of the page headers and footers.
    pub page_lines: Vec<String>,
}

/// Builds the paper's text.
pub fn paper(input: &Input, house: &HouseStyle, pkg: &mut Package, stem: &str) -> Imported {
    let mut notes = Vec::new();
    let (blocks, unwrapped) = layout::unwrap(input.blocks, house, &mut notes);
    let mut header = header::read(&blocks, house, &mut notes);
    header::page_marking(&mut header, &input.page_lines, house, &mut notes);
    let rest = match header.table {
        Some(t) => &blocks[t + 1..],
        None => &blocks[..],
    };
    let rest = fill::title(rest, &mut header, &mut notes);
    fill::placeholders(&mut header, &mut notes);
    let (sections, found) = body::sections(&rest, house, &mut notes);
    let mut appendices = vec![String::new(); found.len()];
    let cited = super::numbering::check_numbers(&sections, &mut notes);
    let mut em = Emitter::new(pkg, format!("{stem}-images"));
    em.held_notes = Some(input.footnotes.iter().map(|(id, _)| id.clone()).collect());
    let wanted = cited_numbers(&sections);
    let cited_in = cited_sections(&sections, input.footnotes);
    em.section_labels = super::cite::labels(&sections, &cited_in);
    let mut labelled = HashMap::new();
    for (si, numbers) in cited.iter().enumerate() {
        for (ui, n) in numbers.iter().enumerate() {
            let Some(n) = n else { continue };
            if wanted.contains(n) && !em.labels.contains_key(n) {
                let label = format!("word-{}", n.replace('.', "-"));
                em.labels.insert(n.clone(), label.clone());
                labelled.insert((si, ui), label);
            }
        }
    }
    let mut body = Vec::new();
    let mut implications: Vec<(String, String)> = Vec::new();
    let mut recommendations = None;
    // The footnotes set with an implication or the recommendations, in the front matter.
    let mut placed = HashSet::new();
    for (si, s) in sections.iter().enumerate() {
        let label_of = |ui: usize| labelled.get(&(si, ui));
        let before = em.footnotes.len();
        let mut text = units(&s.units, &mut em, &label_of);
        if matches!(
            s.kind,
            Kind::Implication(_) | Kind::Recommendations | Kind::Appendix(..)
        ) {
            // A note of a value set from the front matter (or of an appendix) is defined in
            // that value (or file): the body's notes are not the value's.
            let defs = footnote_defs(input.footnotes, &mut em, &mut notes, (before, &mut placed));
            text.push_str(&defs);
        }
        match &s.kind {
            Kind::Preamble => body.push(text),
            Kind::Body(_) => {
                // A section cited by its number in Word is labelled, for the citation.
                let label = (s.number.as_ref())
                    .and_then(|n| em.section_labels.get(n))
                    .map_or(String::new(), |l| format!(" {{#{l}}}"));
                body.push(
                    format!("# {}{label}\n\n{text}", escape(&s.heading))
                        .trim_end()
                        .to_string(),
                )
            }
            Kind::Implication(key) => {
                let style = house.implications.iter().find(|i| &i.key == key);
                let default = style.map(|i| normalise(&i.default)).unwrap_or_default();
                if implications.iter().any(|(k, _)| k == key) {
                    notes.push(Note::warning(
                        "import-implication",
                        format!(
                            "the implication “{}” appears twice; the second is left out",
                            s.heading
                        ),
                    ));
                } else if !text.trim().is_empty() && normalise(&text) != default {
                    implications.push((key.clone(), text));
                }
            }
            Kind::Recommendations => recommendations = Some(text),
            // The heading that starts an appendix is its title, in the front matter.
            Kind::Appendix(i, true) => appendices[*i].push_str(&text),
            Kind::Appendix(i, false) => {
                let text = format!("\n\n# {}\n\n{text}", escape(&s.heading));
                appendices[*i].push_str(&text);
            }
        }
    }
    let mut md_body = body
        .into_iter()
        .filter(|b| !b.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    md_body.push_str(&footnote_defs(
        input.footnotes,
        &mut em,
        &mut notes,
        (0, &mut placed),
    ));
    if recommendations.is_none() {
        notes.push(
            Note::error(
                "import-no-recommendations",
                format!("found no “{}” section", house.recommendations_heading),
            )
            .help(
                "write the recommendations to members under `recommendations:` in the front matter",
            ),
        );
    }
    let outside = outside_body(&sections);
    for n in &em.missing_refs {
        if let Some(heading) = outside.get(n) {
            notes.push(
                Note::warning("import-cross-ref", format!("the text cites paragraph {n}, which is in “{heading}”, now set from the front matter, where a citation cannot follow it; it is left as text"))
                    .help("cite it by name (“the financial implications”) instead of by number")
                    .at(format!("paragraph {n}")),
            );
            continue;
        }
        if let Some((parent, item)) = n
            .rsplit_once('.')
            .filter(|_| super::typed::sub_paragraph(n).is_some())
        {
            notes.push(
                Note::warning("import-cross-ref", format!("the text cites paragraph {n}, which is now item {item} of the list under paragraph {parent} (clerk numbers paragraphs two deep); it is left as text"))
                    .help(format!("say “item {item} of paragraph {parent}”, or cite paragraph {parent}"))
                    .at(format!("paragraph {n}")),
            );
            continue;
        }
        notes.push(
            Note::warning("import-cross-ref", format!("the text cites paragraph {n}, which the Word document does not have; it is left as text"))
                .help("correct the number by hand, or label the paragraph meant with `{#label}` and cite it as `[](#label)`")
                .at(format!("paragraph {n}")),
        );
    }
    for n in (em.missing_sections.iter()).filter(|n| super::cite::in_range(n, &sections)) {
        notes.push(super::cite::missing(n, &sections));
    }
    // Where a note's paragraph is: by its first words, which an author can find in Word.
    let place = |at: usize| place_at(input.blocks, input.footnotes, at);
    // And where it is in the paper: its first words, for the line a note points at.
    let near =
        |at: usize| para_at(input.blocks, input.footnotes, at).map_or_else(String::new, anchor);
    for (what, at) in &input.skipped {
        notes.push(
            Note::warning(
                "import-not-mapped",
                format!(
                    "{} {what} in {} is left out",
                    if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
                        "an"
                    } else {
                        "a"
                    },
                    place(*at)
                ),
            )
            .help("add what is left out by hand if the paper needs it")
            .at(near(*at)),
        );
    }
    // The header table's cells make no Markdown table: merged, they lose nothing.
    let header_table = match header.table.map(|t| &blocks[t]) {
        Some(Block::Table(rows)) if !header.lines => layout::first_paragraph(rows),
        _ => None,
    };
    let merged = input.merged.iter().filter(|at| Some(**at) != header_table);
    for at in merged.filter(|at| !unwrapped.contains(at)) {
        notes.push(
            Note::warning(
                "import-merged-cells",
                format!("the table that starts with {} has merged cells: a Markdown table cannot merge cells, so a merged cell's text is in its first cell and the cells it spanned are left empty", place(*at)),
            )
            .help("check the table reads right with its empty cells: repeat a heading that spanned columns in each, or split the table")
            .at(near(*at)),
        );
    }
    for (words, at) in &input.boxes {
        notes.push(
            Note::warning(
                "import-text-box",
                format!("the text box “{words}…” (in {}) is kept as lines of the paragraph it is anchored in", place(*at)),
            )
            .help("a paper has no boxes: check the text reads right where it now stands, or make it a paragraph of its own")
            .at(near(*at)),
        );
    }
    if let Some((first, at, count)) = &input.raised {
        notes.push(raised_note(first, &place(*at), *count).at(near(*at)));
    }
    if let Some((first, at, count)) = &input.equations {
        let which = if *count == 1 {
            "an equation".to_string()
        } else {
            format!("{count} equations")
        };
        notes.push(
            Note::warning(
                "import-equation",
                format!("the Word document has {which} (the first, “{}”, in {}); a paper has no mathematics, so each is kept as its text, on one line", short(first), place(*at)),
            )
            .help("check each still reads right (fractions and powers lose their layout); write it out in words where it matters")
            .at(near(*at)),
        );
    }
    if let Some((first, at, count)) = &input.underlined {
        notes.push(
            Note::warning(
                "import-underline",
                format!("the Word document underlines {} (the first, “{}”, in {}); a paper has no underline (on a page, underlined words read as links), so it is kept as plain text", if *count == 1 { "a piece of text".to_string() } else { format!("{count} pieces of text") }, short(first), place(*at)),
            )
            .help("where the stress matters, make it bold (`**…**`) or italic (`*…*`) in the Markdown")
            .at(near(*at)),
        );
    }
    for (url, at) in &input.unlinked {
        notes.push(
            Note::warning(
                "import-link",
                format!("the link to `{}` in {} is kept as its text only: a published paper links to web addresses (`https:`) and e-mail (`mailto:`) only, not to a file on someone's computer or shared drive", short(url), place(*at)),
            )
            .help("publish the file and link to its web address, or name where it is in the text")
            .at(near(*at)),
        );
    }
    if input.tracked > 0 {
        notes.push(
            Note::warning(
                "import-tracked-changes",
                format!(
                    "the Word document has {} tracked change{} not yet accepted or rejected: the paper has its text as if every one were accepted (inserted and moved text kept, deleted text left out)",
                    input.tracked,
                    if input.tracked == 1 { "" } else { "s" }
                ),
            )
            .help("if some changes were not meant to stand, reject them in Word (Review › Reject) and import again, or correct the paper by hand"),
        );
    }
    notes.append(&mut em.notes);
    notes.extend(super::notes::said(input.footnotes, &em.footnotes));
    let appendices = appendix::settle(&mut header, &found, appendices, stem, &mut notes);
    let files: Vec<&str> = appendices.iter().map(|(f, _)| f.as_str()).collect();
    let front = front::front_matter(
        &header,
        &files,
        &input.keywords,
        &implications,
        recommendations.as_deref(),
    );
    Imported {
        markdown: format!("---\n{front}---\n\n{md_body}\n"),
        images: std::mem::take(&mut em.images),
        appendices,
        notes,
    }
}

/// The note, once per paper, for text Word sets raised or lowered, which clerk's Markdown
/// cannot (it has no superscript or subscript) and keeps as ordinary text.
fn raised_note(first: &str, at: &str, count: usize) -> Note {
    let pieces = if count == 1 {
        "a piece of text".to_string()
    } else {
        format!("{count} pieces of text")
    };
    Note::warning(
        "import-superscript",
        format!("the Word document sets {pieces} as superscript or subscript (the first, “{}”, in {at}); a paper has no raised or lowered text, so it is kept as ordinary text: “1st” stays “1st”, “CO2” stays “CO2”", short(first)),
    )
    .help("check each still reads right; where the look matters, type the character itself (CO₂, m², ¹) in the Markdown")
}

/// The document's numbers of the paragraphs in implications and recommendations, which go
/// to the front matter, by the heading they stand under.
fn outside_body(sections: &[Section]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for s in sections {
        if matches!(
            s.kind,
            Kind::Implication(_) | Kind::Recommendations | Kind::Appendix(..)
        ) {
            for u in &s.units {
                if let Unit::Para(_, Some(n)) = u {
                    out.insert(n.clone(), s.heading.clone());
                }
            }
        }
    }
    out
}

/// The numbers of the sections the text cites (`section 3`): in its paragraphs, tables
/// and footnotes, wherever a citation is written.
fn cited_sections(sections: &[Section], footnotes: &[(String, Vec<Block>)]) -> Vec<String> {
    fn spans(text: &str, out: &mut Vec<String>) {
        out.extend(
            super::cite::section_spans(text)
                .into_iter()
                .map(|(_, _, n)| n),
        );
    }
    fn scan(blocks: &[Block], out: &mut Vec<String>) {
        for b in blocks {
            match b {
                Block::Para(p) => spans(&p.text(), out),
                Block::Table(rows) => rows.iter().flatten().for_each(|cell| scan(cell, out)),
            }
        }
    }
    let mut out = Vec::new();
    for s in sections {
        for u in &s.units {
            match u {
                Unit::Para(p, _) | Unit::Item(p, ..) | Unit::SubHeading(p) => {
                    spans(&p.text(), &mut out)
                }
                Unit::Table(rows, _) => rows.iter().flatten().for_each(|cell| scan(cell, &mut out)),
            }
        }
    }
    footnotes
        .iter()
        .for_each(|(_, blocks)| scan(blocks, &mut out));
    out
}

fn cited_numbers(sections: &[Section]) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    let mut scan = |p: &Para| {
        let text = p.text();
        for (start, end) in ref_spans(&text) {
            set.insert(text[start..end].to_string());
        }
    };
    for s in sections {
        for u in &s.units {
            match u {
                Unit::Para(p, _) | Unit::Item(p, ..) | Unit::SubHeading(p) => scan(p),
                Unit::Table(..) => {}
            }
        }
    }
    set
}

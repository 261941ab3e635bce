//! The Word document's footnotes and endnotes as the paper keeps them: endnotes become
//! footnotes (a paper's notes are footnotes), said in a note; a note the paper has no
//! place for (on a heading, or in the header table) is said to be left out, with its words.

use std::collections::HashSet;

use super::Note;
use super::docx::Block;
use super::header::short;

/// The notes on the document's `notes` (its footnotes and endnotes, by id, an endnote's id
/// starting `e`) against those the paper `kept` (referenced where a paper can): how many
/// endnotes became footnotes, and each note left out.
pub fn said(notes: &[(String, Vec<Block>)], kept: &[String]) -> Vec<Note> {
    let kept: HashSet<&String> = kept.iter().collect();
    let mut out = Vec::new();
    let endnotes = kept.iter().filter(|id| id.starts_with('e')).count();
    if endnotes > 0 {
        out.push(endnotes_kept(endnotes));
    }
    for (id, blocks) in notes.iter().filter(|(id, _)| !kept.contains(id)) {
        let words: Vec<String> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Para(p) => Some(p.text()),
                Block::Table(_) => None,
            })
            .collect();
        let words = words.join(" ");
        let kind = if id.starts_with('e') {
            "endnote"
        } else {
            "footnote"
        };
        out.push(
            Note::warning(
                "import-note-lost",
                format!("the {kind} “{}” is left out: it is on a heading or in the header table, where a paper has no notes", short(words.trim())),
            )
            .help("put its words in the paragraph it is about, as a footnote (`[^1]`) there, if the paper needs them"),
        );
    }
    out
}

/// The note that `count` of the document's endnotes are footnotes in the paper.
fn endnotes_kept(count: usize) -> Note {
    let which = if count == 1 {
        "an endnote: it is kept as a footnote".to_string()
    } else {
        format!("{count} endnotes: they are kept as footnotes")
    };
    Note::warning(
        "import-endnotes",
        format!("the Word document has {which}, numbered with the footnotes in order of use (a paper's notes are set at the foot of the page that cites them, and at the end of its web page)"),
    )
    .help("check the notes read right as footnotes, and correct any text that cites an endnote by its old number (“see note iv”)")
}

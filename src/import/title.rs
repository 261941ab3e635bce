//! A line in Word's Title style below the header table (or, without one, before the first
//! heading): the paper's title when the header gives none, else left out with a note, so
//! that it does not stand before the first heading as text of no section.

use super::Note;
use super::docx::Block;
use super::header::{Header, Value, normalise, short};
use super::heading::heading_like;

/// The body's blocks without the Title-style lines before its first heading; the first
/// such line is the title when `header` has none.
pub fn take(blocks: &[Block], header: &mut Header, notes: &mut Vec<Note>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    let mut heading_met = false;
    for b in blocks {
        let Block::Para(p) = b else {
            heading_met = true;
            out.push(b.clone());
            continue;
        };
        let text = p.text().trim().to_string();
        if heading_met || text.is_empty() || !p.title_style {
            heading_met |= !p.title_style
                && (p.heading.is_some() || heading_like(&text, p.all_bold()).is_some());
            out.push(b.clone());
            continue;
        }
        match header.get("title") {
            None => header.set("title", Value::Text(text)),
            Some(Value::Text(title)) if normalise(title) == normalise(&text) => notes.push(
                Note::warning(
                    "import-title-line",
                    format!("the line “{}”, in Word's Title style, repeats the paper's title, so it is left out: clerk puts the title at the top of the paper itself", short(&text)),
                ),
            ),
            Some(title) => {
                let title = match title {
                    Value::Text(t) => t.clone(),
                    Value::Appendices(_) => String::new(),
                };
                notes.push(
                    Note::warning(
                        "import-title-line",
                        format!("the line “{}”, in Word's Title style, is not the title the header table gives (“{}”); the header's title is kept and the line is left out", short(&text), short(&title)),
                    )
                    .help("if the line is the title you want, put it after `title:` in the front matter")
                    .at("title:"),
                );
            }
        }
    }
    out
}

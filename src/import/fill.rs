//! Front matter the header table does not give: a line in Word's Title style below the
//! table (or, without one, before the first heading) is the title, or left out with a
//! note; and without any header table each required key gets a placeholder to fill in.

use crate::paper::placeholder::{ELLIPSIS, PRESENTER};
use crate::schema::Key;

use super::Note;
use super::docx::Block;
use super::header::{Header, Value, normalise, short};
use super::heading::heading_like;

/// The body's blocks without the Title-style lines before its first heading; the first
/// such line is the title when `header` has none.
pub fn title(blocks: &[Block], header: &mut Header, notes: &mut Vec<Note>) -> Vec<Block> {
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
        title_line(header, text, notes);
    }
    out
}

/// A line in Word's Title style (below the header table, or above it): the title when
/// `header` has none, else left out with a note saying whether it repeats the title.
pub(super) fn title_line(header: &mut Header, text: String, notes: &mut Vec<Note>) {
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

/// Gives each required key the header did not a placeholder (`…`, or `Name, Role` for the
/// presenter), which `clerk check` reports until it is replaced, and says why once per key:
/// no header table, no row for it, or its row empty. Other empty rows are noted too.
pub fn placeholders(header: &mut Header, notes: &mut Vec<Note>) {
    let required = [
        Key::Meeting,
        Key::Date,
        Key::Title,
        Key::PresentedBy,
        Key::Recommendation,
    ];
    for key in required {
        let name = key.name();
        if header.get(name).is_some() {
            continue;
        }
        let value = if key == Key::PresentedBy {
            PRESENTER
        } else {
            ELLIPSIS
        };
        header.set(name, Value::Text(value.to_string()));
        let row = header.empty.iter().find(|(k, _)| k == name);
        let (code, why) = match (header.table, row) {
            (None, _) => (
                "import-placeholder",
                format!(
                    "the Word document has no header table, so it does not give the {}",
                    key.noun()
                ),
            ),
            (Some(_), Some((_, label))) => (
                "import-empty-row",
                if header.lines {
                    format!("the header line “{label}” is empty")
                } else {
                    format!("the header row “{label}” is empty")
                },
            ),
            (Some(_), None) if header.lines => (
                "import-placeholder",
                format!("the header lines have none for the {}", key.noun()),
            ),
            (Some(_), None) => (
                "import-placeholder",
                format!("the header table has no row for the {}", key.noun()),
            ),
        };
        notes.push(
            Note::warning(
                code,
                format!("{why}: the paper has the placeholder “{value}” in its place"),
            )
            .help(format!(
                "write the {} after `{name}:` in the front matter",
                key.noun()
            ))
            .at(format!("{name}: {value}")),
        );
    }
    for (key, label) in &header.empty {
        if !required.iter().any(|k| k.name() == key) {
            notes.push(
                Note::warning(
                    "import-empty-row",
                    format!("the header row “{label}” is empty"),
                )
                .help(format!("fill in `{key}` in the front matter")),
            );
        }
    }
}

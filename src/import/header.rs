//! The header table (and the lines above it) → metadata: labels matched loosely against the
//! house's `header_rows`, dates read in any common form, appendices split into titles. A
//! document without a table may give the same as `Label: value` lines ([`lines`]).

use crate::config::HouseStyle;

use super::Note;
use super::date;
use super::docx::Block;

mod above;
mod appendices;
mod lines;
use above::header_line;
pub use above::page_marking;
pub use appendices::{appendices, untitled, untitled_note};

/// A metadata value read from the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Plain text.
    Text(String),
    /// Appendix titles, in order.
    Appendices(Vec<String>),
}

/// The metadata found, in the order found, with notes on what could not be mapped.
#[derive(Debug, Default)]
pub struct Header {
    /// (key, value) pairs.
    pub fields: Vec<(String, Value)>,
    /// Index of the header's last block among the top-level blocks: the header table, or
    /// the last of its lines when it is written as lines; the paper's body follows it.
    pub table: Option<usize>,
    /// Was the header written as lines (`Meeting: …`) rather than a table?
    pub lines: bool,
    /// The keys of the rows found empty, with each row's label as Word writes it.
    pub empty: Vec<(String, String)>,
}

impl Header {
    /// The value of `key`, if found.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Sets `key` unless it is set already.
    pub fn set(&mut self, key: &str, value: Value) {
        if self.get(key).is_none() {
            self.fields.push((key.to_string(), value));
        }
    }
}

/// Lower case, letters and digits only, single spaces: `Presented By:` → `presented by`.
pub fn normalise(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Labels used in Word templates for the standard keys, beside the house's own labels.
const ALIASES: &[(&str, &str)] = &[
    ("meeting", "meeting"),
    ("committee", "meeting"),
    ("date", "date"),
    ("date of meeting", "date"),
    ("meeting date", "date"),
    ("location", "location"),
    ("venue", "location"),
    ("title", "title"),
    ("title of paper", "title"),
    ("title of report", "title"),
    ("paper title", "title"),
    ("subject", "title"),
    ("presented by", "presented_by"),
    ("author", "presented_by"),
    ("report of", "presented_by"),
    ("report by", "presented_by"),
    ("recommendation", "recommendation"),
    ("recommendation to members", "recommendation"),
    ("appendix attached", "appendices"),
    ("appendices attached", "appendices"),
    ("appendices", "appendices"),
    ("appendix", "appendices"),
    ("agenda item", "agenda_item"),
    ("classification", "classification"),
    ("security classification", "classification"),
    ("protective marking", "classification"),
];

/// The metadata key a header-table label stands for in this house.
pub fn key_for(label: &str, house: &HouseStyle) -> Option<String> {
    let l = normalise(label);
    if l.is_empty() {
        return None;
    }
    if let Some(row) = house.header_rows.iter().find(|r| normalise(&r.label) == l) {
        return Some(row.key.clone());
    }
    if let Some((_, key)) = ALIASES.iter().find(|(a, _)| *a == l) {
        return Some((*key).to_string());
    }
    house
        .header_rows
        .iter()
        .map(|r| (strsim::normalized_levenshtein(&normalise(&r.label), &l), r))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, r)| r.key.clone())
}

/// The text of a table cell, its paragraphs joined by `; `.
pub(super) fn cell_text(cell: &[Block]) -> String {
    paragraphs_joined(cell, "; ")
}

/// A cell's paragraphs' texts joined by `by`.
fn paragraphs_joined(cell: &[Block], by: &str) -> String {
    cell.iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(lines_joined(&p.runs)),
            Block::Table(_) => None,
        })
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(by)
}

/// A cell paragraph's text with its line breaks as commas (`Jo Bloggs` / `Head of
/// Governance` → `Jo Bloggs, Head of Governance`, as `presented_by` reads), or as spaces
/// after a line that ends in punctuation of its own.
fn lines_joined(runs: &[super::docx::Run]) -> String {
    let mut out = String::new();
    for r in runs {
        match r {
            super::docx::Run::Break => {
                let kept = out.trim_end().len();
                out.truncate(kept);
                if !out.is_empty() {
                    out.push_str(if out.ends_with([',', ';', ':', '–', '-']) {
                        " "
                    } else {
                        ", "
                    });
                }
            }
            other => out.push_str(&super::docx::plain(std::slice::from_ref(other))),
        }
    }
    out.trim().to_string()
}

/// Finds the header table among the top-level blocks: the first table with two or more rows
/// whose left cell is a label of this house.
pub fn find_table(blocks: &[Block], house: &HouseStyle) -> Option<usize> {
    blocks.iter().position(|b| match b {
        Block::Table(rows) => {
            rows.iter()
                .filter(|r| r.len() >= 2 && key_for(&cell_text(&r[0]), house).is_some())
                .count()
                >= 2
        }
        Block::Para(_) => false,
    })
}

/// Reads the header: lines above the table (classification, agenda item, title) and the
/// table's rows; or, with no table, its `Label: value` lines and the lines above them.
pub fn read(blocks: &[Block], house: &HouseStyle, notes: &mut Vec<Note>) -> Header {
    let table = find_table(blocks, house);
    let lines = table
        .is_none()
        .then(|| lines::find(blocks, house))
        .flatten();
    let (top, rows) = match (table, lines) {
        (Some(t), _) => (t, table_rows(&blocks[t], house)),
        (None, Some(found)) => {
            let header = Header {
                table: Some(found.last),
                lines: true,
                ..Header::default()
            };
            return read_rows(header, (&blocks[..found.first], found.rows), house, notes);
        }
        (None, None) => {
            notes.push(
                Note::error(
                    "import-no-header",
                    "found no header table (a two-column table of Meeting, Date, Title of Paper, …), nor lines such as “Meeting: …” at the top",
                )
                .help(format!(
                    "the paper has a placeholder for each required key, to fill in by hand; the house's rows are: {}",
                    house
                        .header_rows
                        .iter()
                        .map(|r| r.label.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
            return Header::default();
        }
    };
    let header = Header {
        table: Some(top),
        ..Header::default()
    };
    read_rows(header, (&blocks[..top], rows), house, notes)
}

/// The header table's rows as (label, value): a cell's paragraphs as one value (`Jo Bloggs`
/// above `Head of Estates` is one presenter, `Jo Bloggs, Head of Estates`; a list, wards or
/// appendices, keeps `;`).
fn table_rows(table: &Block, house: &HouseStyle) -> Vec<(String, String)> {
    let Block::Table(rows) = table else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (label, cells) in rows.iter().flat_map(|row| row_pairs(row, house)) {
        let by = if key_for(&label, house).as_deref() == Some("presented_by") {
            ", "
        } else {
            "; "
        };
        let value: String = cells
            .iter()
            .map(|c| paragraphs_joined(c, by))
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        out.push((label, value));
    }
    out
}

/// Reads the lines `above` the header, then its `rows` (label, value) into `header`.
fn read_rows(
    mut header: Header,
    (above, rows): (&[Block], Vec<(String, String)>),
    house: &HouseStyle,
    notes: &mut Vec<Note>,
) -> Header {
    let (row, what) = if header.lines {
        ("header line", "header lines")
    } else {
        ("header row", "header table")
    };
    // A Title-style line above the table yields to the table's own title, said once the
    // table is read.
    let mut title_line = None;
    for b in above {
        if let Block::Para(p) = b {
            if p.title_style && !p.text().trim().is_empty() {
                title_line.get_or_insert_with(|| p.text().trim().to_string());
            } else {
                let place = format!("above the {what}");
                header_line(&p.text(), (house, &place), &mut header, notes);
            }
        }
    }
    for (label, value) in rows {
        let key = key_for(&label, house);
        match key {
            Some(key) if value.is_empty() => {
                if key != "appendices" {
                    header.empty.push((key, label));
                }
            }
            // A second row for a key a row filled: the first stands, the second is said.
            Some(key) if header.get(&key).is_some() => notes.push(
                Note::warning(
                    "import-row-twice",
                    format!("the {row} “{label}” (“{}”) gives the paper's `{key}` again, which a row above gave already: the first is kept, this one left out", short(&value)),
                )
                .help(format!("check `{key}` in the front matter; if this row's value is the right one, put it there")),
            ),
            Some(key) => row_value(&key, &label, &value, house, &mut header, notes),
            None if label.is_empty() && value.is_empty() => {}
            // A row of one cell (merged across the table: the committee, a marking) is a
            // line of the header, as one above it is.
            None if value.is_empty() => {
                let place = format!("in the {what}");
                header_line(&label, (house, &place), &mut header, notes);
            }
            None => notes.push(
                Note::warning(
                    "import-unknown-row",
                    format!("the {row} “{label}” (“{value}”) is not one of this house's rows; it is left out"),
                )
                .help("add it to the paper by hand if it matters, or add the row to `header_rows` (and `extra_fields`) in clerk.yaml"),
            ),
        }
    }
    if let Some(line) = title_line {
        super::fill::title_line(&mut header, line, notes);
    }
    header
}

/// A header row's label (its first cell) and the cells of its value, as Word tables lay
/// them out: `Meeting | Resources Committee`; with a cell of punctuation between, `Meeting
/// | : | …`, which is left out; or two rows side by side, `Meeting | … | Date | …`, read as
/// two (a later cell that names a house row, after a value, starts the second).
fn row_pairs<'r>(row: &'r [Vec<Block>], house: &HouseStyle) -> Vec<(String, Vec<&'r [Block]>)> {
    let mut out: Vec<(String, Vec<&'r [Block]>)> = Vec::new();
    for cell in row {
        let text = cell_text(cell);
        let Some((_, values)) = out.last_mut() else {
            out.push((text, Vec::new()));
            continue;
        };
        let t = text.trim();
        if t.chars()
            .all(|c| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '.'))
        {
            continue;
        }
        if !values.is_empty() && key_for(t, house).is_some() {
            out.push((text, Vec::new()));
        } else {
            values.push(cell);
        }
    }
    out
}

fn row_value(
    key: &str,
    label: &str,
    value: &str,
    house: &HouseStyle,
    header: &mut Header,
    notes: &mut Vec<Note>,
) {
    let v = match key {
        "date" => match date::parse(value) {
            Some(d) => {
                if d.ambiguous {
                    notes.push(
                        Note::warning(
                            "import-date",
                            format!("the date “{value}” could be read either way; it was taken as day/month (UK): {}", house.format_date(d.date)),
                        )
                        .help("check `date` in the front matter")
                        .at(format!("date: {}", d.date)),
                    );
                }
                Value::Text(d.date.to_string())
            }
            None => {
                notes.push(
                    Note::error(
                        "import-date",
                        match date::problem(value) {
                            Some(why) => format!("the {label} “{value}” is not a date: {why}"),
                            None => format!("the {label} “{value}” is not a date clerk can read"),
                        },
                    )
                    .help("write it as YYYY-MM-DD in the front matter")
                    .at("date:"),
                );
                Value::Text(value.to_string())
            }
        },
        "appendices" => {
            let titles = appendices(value);
            notes.extend(untitled_note(&format!("the {label} “{value}”"), &titles));
            Value::Appendices(titles)
        }
        "classification" => Value::Text(value.to_uppercase()),
        "agenda_item" => Value::Text(
            value
                .trim_start_matches(|c: char| !c.is_ascii_digit())
                .to_string(),
        ),
        _ => Value::Text(value.to_string()),
    };
    header.set(key, v);
}

/// The first words of a long text, for messages.
pub fn short(text: &str) -> String {
    let t = text.trim();
    match t.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", t[..i].trim_end()),
        None => t.to_string(),
    }
}

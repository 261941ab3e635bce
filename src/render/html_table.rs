//! Tables in the HTML: each in a named, scrolling region (`Table 1, paragraph 2.4`),
//! header cells scoped to their columns, alignment and columns of words as classes.

use std::fmt::Write as _;

use super::html::{escape_into, inlines_into};
use crate::document::{Align, Inline, Table};

/// Names the data tables of one page for their scroll regions, in page order: `Table 1,
/// paragraph 2.4`, `Table 2`, `Table 3, footnote 1`, so that a screen reader's list of
/// regions tells them apart and says where each is.
#[derive(Debug, Default)]
pub struct TableNames {
    count: usize,
    place: Option<String>,
}

impl TableNames {
    /// Tables from now on are in `place` (`paragraph 2.4`, `footnote 1`), or nowhere named.
    pub fn at(&mut self, place: Option<String>) -> &mut Self {
        self.place = place;
        self
    }

    fn next(&mut self) -> String {
        self.count += 1;
        match &self.place {
            Some(place) => format!("Table {}, {place}", self.count),
            None => format!("Table {}", self.count),
        }
    }
}

fn align_class(align: Align) -> &'static str {
    match align {
        Align::None => "",
        Align::Left => "align-left",
        Align::Center => "align-center",
        Align::Right => "align-right",
    }
}

/// The text column holds about this many characters of table (75ch, less the rules).
const TEXT_COLUMN_CH: usize = 70;

/// Whether a table is wider than the text column, and which columns hold words (a cell of
/// three words or more): a wide table may use the window's width, and a column of words
/// gets a minimum width so that its rows are not one word a line. The width a table needs,
/// in characters: each column's longest cell with its padding, a column of words counted
/// at 20 (it wraps well), so a table of prose stays in the column.
fn table_shape(table: &Table) -> (bool, Vec<bool>) {
    let cols = table.align.len().max(table.head.len());
    let mut longest = vec![0usize; cols];
    let mut words = vec![false; cols];
    for row in std::iter::once(&table.head).chain(&table.rows) {
        for (c, cell) in row.iter().enumerate().take(cols) {
            let text = Inline::plain(cell);
            longest[c] = longest[c].max(text.chars().count());
            words[c] |= text.split_whitespace().count() >= 3;
        }
    }
    let natural: usize = longest
        .iter()
        .zip(&words)
        .map(|(l, w)| if *w { (*l).min(20) } else { *l } + 3)
        .sum();
    (natural > TEXT_COLUMN_CH, words)
}

pub(super) fn table_into(out: &mut String, table: &Table, tables: &mut TableNames) {
    let (wide, words) = table_shape(table);
    let align = |i: usize| {
        let align = align_class(table.align.get(i).copied().unwrap_or(Align::None));
        let words = if words.get(i) == Some(&true) {
            "words"
        } else {
            ""
        };
        match (align, words) {
            ("", "") => String::new(),
            (a, "") | ("", a) => format!(" class=\"{a}\""),
            (a, w) => format!(" class=\"{a} {w}\""),
        }
    };
    out.push_str(if wide {
        "<div class=\"table-wrap wide\" role=\"region\" tabindex=\"0\" aria-label=\""
    } else {
        "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\""
    });
    escape_into(out, &tables.next());
    out.push_str("\">\n");
    out.push_str("<table>\n");
    // A header row without words (warned about as `table-no-header`) would only give
    // screen readers empty column headings to announce, so it is left out.
    let has_head = table
        .head
        .iter()
        .any(|cell| !Inline::plain(cell).trim().is_empty());
    if has_head {
        out.push_str("<thead>\n<tr>");
        for (i, cell) in table.head.iter().enumerate() {
            // An empty corner cell is a `<td>`: an empty `<th>` is a column header with
            // no name (axe `empty-table-header`), and the PDF tags it as a `TD` too.
            if Inline::plain(cell).trim().is_empty() {
                let _ = write!(out, "<td{}></td>", align(i));
                continue;
            }
            let _ = write!(out, "<th scope=\"col\"{}>", align(i));
            inlines_into(out, cell);
            out.push_str("</th>");
        }
        out.push_str("</tr>\n</thead>\n");
    }
    out.push_str("<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let _ = write!(out, "<td{}>", align(i));
            inlines_into(out, cell);
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

//! Tables written unevenly, as Markdown reads them without a word: a row with more cells
//! than the table has columns loses the extra ones, a row with fewer is padded with empty
//! cells, and a table whose line under the header has another number of cells is no table
//! at all but a paragraph of pipes. Each is a warning at its line.

use std::ops::Range;

use super::blocks::Builder;

impl Builder<'_, '_> {
    /// Warns about each row of the table at `range` (its header, line under it and rows)
    /// whose cells are not `columns`.
    pub(super) fn lint_table_rows(&mut self, columns: usize, range: Range<usize>) {
        let lines = lines_of(self.md, range);
        for (i, (line, at)) in lines.into_iter().enumerate() {
            // The header sets the columns; the line under it is checked by the parser.
            if i < 2 {
                continue;
            }
            let n = cells(line);
            let (message, help) = if n > columns {
                (
                    format!(
                        "this row has {n} cells but the table has {columns} columns, so the last {} left out",
                        if n - columns == 1 {
                            "is".to_string()
                        } else {
                            format!("{} are", n - columns)
                        }
                    ),
                    "add a column (a heading in the first row and a `---` in the line under it), or join the cells' text; a `|` meant as text is written `\\|`",
                )
            } else if n < columns {
                (
                    format!(
                        "this row has {n} of the table's {columns} cells, so the rest are left empty"
                    ),
                    "add the missing cells (`| |` for an empty one), so each value stands under its heading",
                )
            } else {
                continue;
            };
            let loc = self.loc(at..at + line.len());
            self.ctx
                .warn("table-ragged", &loc, message, Some(help.to_string()));
        }
    }

    /// Warns when the paragraph at `range` begins as a table does but its line under the
    /// header has another number of cells than the header, so it is no table.
    pub(super) fn lint_table_like(&mut self, range: Range<usize>) {
        // Most paragraphs have no `|` on their first line: asked first, allocating nothing.
        let first = self.md.get(range.clone()).and_then(|t| t.lines().next());
        if !first.is_some_and(|l| l.contains('|')) {
            return;
        }
        let lines = lines_of(self.md, range);
        let [(head, at), (under, _), ..] = lines.as_slice() else {
            return;
        };
        // Rows of cells with no line under the header (pasted from a spreadsheet, or the
        // line lost): a paragraph of pipes, numbered as text.
        let row = |l: &str| {
            let t = l.trim();
            t.starts_with('|') && t.ends_with('|') && t.len() > 1 && cells(t) >= 2
        };
        if !delimiter_row(under) && lines.iter().all(|(l, _)| row(l)) {
            let loc = self.loc(*at..*at + head.len());
            let n = cells(head);
            self.ctx.warn(
                "table-not-read",
                &loc,
                "these lines look like a table's rows, but there is no line under the header row, so Markdown makes them a paragraph of text, pipes and all".to_string(),
                Some(format!(
                    "put a line of `---` under the header row, one for each column: `| {} |`",
                    vec!["---"; n].join(" | ")
                )),
            );
            return;
        }
        if !head.contains('|') || !delimiter_row(under) {
            return;
        }
        let (h, d) = (cells(head), cells(under));
        if h == d {
            return;
        }
        let loc = self.loc(*at..*at + head.len());
        self.ctx.warn(
            "table-not-read",
            &loc,
            format!(
                "this reads as a table, but its header row has {h} cells and the line under it {d}: Markdown makes it a paragraph of text, pipes and all"
            ),
            Some(format!(
                "write one `---` for each column in the line under the header: `| {} |`",
                vec!["---"; h].join(" | ")
            )),
        );
    }
}

/// The lines of `md` in `range`, each with where it starts.
fn lines_of(md: &str, range: Range<usize>) -> Vec<(&str, usize)> {
    let Some(text) = md.get(range.clone()) else {
        return Vec::new();
    };
    let mut at = range.start;
    text.split('\n')
        .map(|l| {
            let line = (l.trim_end_matches('\r'), at);
            at += l.len() + 1;
            line
        })
        .filter(|(l, _)| !l.trim().is_empty())
        .collect()
}

/// How many cells a table line holds, as GFM counts them: split at each `|` not escaped
/// (inside code too), a `|` at either end opening or closing the row rather than a cell.
/// A block quote's or list's marks before the row are not part of it.
fn cells(line: &str) -> usize {
    let row = line.trim().trim_start_matches(['>', ' ']).trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let mut n = 1;
    let mut escaped = false;
    let mut last_pipe = false;
    for c in row.chars() {
        last_pipe = false;
        match c {
            '\\' => {
                escaped = !escaped;
                continue;
            }
            '|' if !escaped => {
                n += 1;
                last_pipe = true;
            }
            _ => {}
        }
        escaped = false;
    }
    if last_pipe { n - 1 } else { n }
}

/// Is `line` a table's line under its header (`| --- | :-: |`)?
fn delimiter_row(line: &str) -> bool {
    let t = line.trim();
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

#[cfg(test)]
mod tests {
    use super::{cells, delimiter_row};

    #[test]
    fn cells_are_counted_as_gfm_counts_them() {
        assert_eq!(cells("| a | b | c |"), 3);
        assert_eq!(cells("a | b"), 2);
        assert_eq!(cells("| a \\| b | c |"), 2);
        assert_eq!(
            cells("| `x|y` | c |"),
            3,
            "a pipe in code splits a cell too"
        );
        assert_eq!(cells("> | a | b |"), 2);
        assert_eq!(cells("| a |"), 1);
        assert!(delimiter_row("| --- | :-: |"));
        assert!(!delimiter_row("| a | b |"));
    }
}

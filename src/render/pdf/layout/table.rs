//! Tables: the two-column header table of the first page, and GFM tables with column
//! widths from their content, wrapped cells, honoured alignment and the header row
//! repeated on every page. A table too wide for the text is set smaller, down to 7 pt,
//! before its cells wrap; nothing crosses the margin.

use super::fit::{Fit, PAD, fit, widths};
use super::model::{CellRole, Item, Link, Mark, Rgb, Role, Scope, Tag};
use super::paginate::{Keep, Unit};
use super::text::{self, Align, Span, Style};
use super::{Flow, Geometry};
use crate::document::{self, HeaderRow, Inline};

const BORDER: (Rgb, f32) = (Rgb(0.35, 0.35, 0.35), 0.6);
const SHADE: Rgb = Rgb(0.88, 0.88, 0.88);

/// A table cell to set: its spans, alignment, background, header scope and whether it
/// is in the table's header row.
struct Cell {
    spans: Vec<Span>,
    align: Align,
    fill: Option<Rgb>,
    scope: Scope,
    head: bool,
}

/// Lays out one row: every cell wrapped to its column (each cell its own marked block),
/// the row as tall as its tallest cell, fills under the text and borders over it (both
/// artifacts). `table_start` marks the first row of a table. Returns units with the
/// baseline of their first line: one, or several when a row is too tall for a page (a
/// very long cell), each at most 80% of the frame, so that it breaks rather than run past
/// the bottom margin.
fn row(
    flow: &mut Flow<'_>,
    cells: &[Cell],
    (x, table_start): (f32, bool),
    widths: &[f32],
    size: f32,
) -> Vec<(Unit, f32)> {
    let lh = Geometry::leading(size);
    let baseline = PAD + lh / 2.0 + size * 0.35;
    let set: Vec<Vec<text::Line>> = cells
        .iter()
        .zip(widths)
        .map(|(c, w)| {
            let mut lines =
                text::break_lines(&c.spans, flow.fonts, (w - 2.0 * PAD).max(1.0), c.align);
            super::breaks::keep_breaks(&mut lines, flow.fonts);
            lines
        })
        .collect();
    // Each cell is one block, in every unit of its row, and recorded so that a cell with
    // no text still has its element in the row.
    let blocks: Vec<(u32, Role)> = cells
        .iter()
        .enumerate()
        .map(|(c, cell)| {
            let role = CellRole {
                scope: cell.scope,
                head: cell.head,
                row_start: c == 0,
                table_start: table_start && c == 0,
            };
            flow.begin(Role::Cell(role));
            flow.structure.cells.push((flow.block(), role));
            (flow.block(), Role::Cell(role))
        })
        .collect();
    let frame = flow.geo.page.1 - flow.geo.margins.0 - flow.geo.margins.2;
    let per_unit = (((frame * 0.8 - 2.0 * PAD) / lh).floor() as usize).max(1);
    let tallest = set.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let mut out = Vec::new();
    for first in (0..tallest).step_by(per_unit) {
        let chunk: Vec<&[text::Line]> = set
            .iter()
            .map(|l| {
                l.get(first..)
                    .map_or(&[][..], |r| &r[..r.len().min(per_unit)])
            })
            .collect();
        let unit = chunk_unit(flow, cells, &chunk, (x, &blocks), (widths, size, baseline));
        out.push((unit, baseline));
    }
    out
}

/// One unit of a row: the given lines of each cell, each cell in its own marked block.
fn chunk_unit(
    flow: &mut Flow<'_>,
    cells: &[Cell],
    set: &[&[text::Line]],
    (x, blocks): (f32, &[(u32, Role)]),
    (widths, size, baseline): (&[f32], f32, f32),
) -> Unit {
    let lh = Geometry::leading(size);
    let tag = Tag::Artifact;
    let height = set
        .iter()
        .map(|l| l.len().max(1) as f32 * lh)
        .fold(0.0, f32::max)
        + 2.0 * PAD;
    let mut unit = Unit {
        height,
        ..Unit::default()
    };
    let mut cx = x;
    let mut borders = Vec::new();
    for (((cell, lines), w), (block, role)) in cells.iter().zip(set).zip(widths).zip(blocks) {
        flow.resume(*block, role.clone());
        if let Some(fill) = cell.fill {
            unit.items.push(Item {
                tag: tag.clone(),
                mark: Mark::Rect {
                    x: cx,
                    y: 0.0,
                    w: *w,
                    h: height,
                    fill: Some(fill),
                    stroke: None,
                },
            });
        }
        for (k, line) in lines.iter().enumerate() {
            let parts = flow.parts(line);
            let inner = w - 2.0 * PAD;
            let dx = match cell.align {
                Align::Right => (inner - line.width).max(0.0),
                Align::Center => ((inner - line.width) / 2.0).max(0.0),
                _ => 0.0,
            };
            let (lx, ly) = (cx + PAD + dx, baseline + k as f32 * lh);
            for (run, part) in line.runs.iter().zip(parts) {
                let mut run = run.clone();
                run.x += lx;
                run.y += ly;
                unit.items.push(Item {
                    tag: flow.tag_part(part),
                    mark: Mark::Glyphs(run),
                });
            }
            unit.items.extend(super::strike::items(line, lx, ly));
            for (ox, ow, target) in &line.links {
                unit.links.push(Link {
                    block: flow.block,
                    rect: (lx + ox, ly - size * 0.85, *ow, size * 1.15),
                    target: target.clone(),
                });
            }
            unit.footnotes.extend(&line.footnotes);
        }
        borders.push(Item {
            tag: tag.clone(),
            mark: Mark::Rect {
                x: cx,
                y: 0.0,
                w: *w,
                h: height,
                fill: None,
                stroke: Some(BORDER),
            },
        });
        cx += w;
    }
    unit.items.extend(borders);
    unit
}

/// The label column's share of the header table: as wide as the house's longest label
/// (`labels`, and the rows' own) on one line, as the house's Word template has it, but
/// between a quarter and 45% of the width; a longer label wraps.
pub(crate) fn label_column(flow: &Flow<'_>, rows: &[HeaderRow], labels: &[&str]) -> f32 {
    let total = flow.geo.right() - flow.geo.left();
    let style = Style::plain(flow.geo.size).bold();
    let longest = labels
        .iter()
        .copied()
        .chain(rows.iter().map(|r| r.label.as_str()))
        .map(|label| {
            let spans = [Span {
                text: label.to_string(),
                style: style.clone(),
            }];
            text::measure(&spans, flow.fonts).1
        })
        .fold(0.0, f32::max);
    (longest + 2.0 * PAD + 1.0).clamp(total * 0.25, total * 0.45)
}

/// The header table: label column shaded and bold, values wrapping beside it.
pub(crate) fn header_table(
    flow: &mut Flow<'_>,
    rows: &[HeaderRow],
    (labels, words_lang): (&[&str], Option<&str>),
) {
    let geo = flow.geo;
    let total = geo.right() - geo.left();
    let label = label_column(flow, rows, labels);
    let widths = [label, total - label];
    let size = geo.size;
    for (k, r) in rows.iter().enumerate() {
        let cells = [
            Cell {
                spans: vec![Span {
                    text: r.label.clone(),
                    style: Style {
                        lang: words_lang.map(Into::into),
                        ..Style::plain(size).bold()
                    },
                }],
                align: Align::Left,
                fill: Some(SHADE),
                scope: Scope::Row,
                head: false,
            },
            Cell {
                spans: super::spans::linked_spans(&r.value, &Style::plain(size)),
                align: Align::Left,
                fill: None,
                scope: Scope::Data,
                head: false,
            },
        ];
        for (mut unit, baseline) in row(flow, &cells, (geo.left(), k == 0), &widths, size) {
            unit.keep_with_next = if k + 1 < rows.len() {
                Keep::Opening
            } else {
                Keep::No
            };
            flow.push(unit, baseline);
        }
    }
    if let Some(last) = flow.galley.units.last_mut() {
        last.height += geo.size * 0.8;
    }
}

/// A GFM table at `x`, `width` wide.
pub(crate) fn table(flow: &mut Flow<'_>, t: &document::Table, x: f32, width: f32, space: f32) {
    let Fit {
        cols,
        base,
        mins,
        maxs,
        content,
        size,
    } = fit(flow.fonts, t, width, flow.geo.size);
    let align: Vec<Align> = (0..cols)
        .map(|c| match t.align.get(c) {
            Some(document::Align::Right) => Align::Right,
            Some(document::Align::Center) => Align::Center,
            _ => Align::Left,
        })
        .collect();
    let cell_spans = |content: &[Inline], size: f32, bold: bool| {
        let style = if bold {
            Style::plain(size).bold()
        } else {
            Style::plain(size)
        };
        text::spans(content, &style)
    };
    let all_rows = std::iter::once((&t.head, true)).chain(t.rows.iter().map(|r| (r, false)));
    let scale = size / base;
    let mins: Vec<f32> = mins.iter().map(|m| m * scale).collect();
    let maxs: Vec<f32> = maxs.iter().map(|m| m * scale + 0.5).collect();
    let widths: Vec<f32> = widths(&mins, &maxs, content)
        .into_iter()
        .map(|w| w + 2.0 * PAD)
        .collect();
    let header_index = flow.galley.headers.len();
    let mut first = true;
    // A header row with words: its empty cells (the corner above a column of row labels)
    // are data cells, so no column header is announced empty. A header row with no words
    // at all keeps its header cells, as the page draws them.
    let head_words = t.head.iter().any(|c| !Inline::plain(c).trim().is_empty());
    // Each body row's place, for the rows kept together at either end of the table.
    let rows = t.rows.len();
    let mut body = 0;
    for (cells, bold) in all_rows {
        let cells: Vec<Cell> = (0..cols)
            .map(|c| {
                let content = cells.get(c).map_or(&[][..], Vec::as_slice);
                let empty = Inline::plain(content).trim().is_empty();
                Cell {
                    spans: cell_spans(content, size, bold),
                    align: align[c],
                    fill: bold.then_some(SHADE),
                    scope: match bold && !(empty && head_words) {
                        true => Scope::Column,
                        false => Scope::Data,
                    },
                    head: bold,
                }
            })
            .collect();
        let units = row(flow, &cells, (x, first), &widths, size);
        let last = units.len().saturating_sub(1);
        // The first row holds its second on its page, the last but one its last: a row
        // too tall for a page is set in several units, the last of which holds.
        let held = !bold && rows >= 2 && (body == 0 || body + 2 == rows);
        if !bold {
            body += 1;
        }
        for (n, (mut unit, baseline)) in units.into_iter().enumerate() {
            if held && n == last {
                unit.keep_with_next = Keep::TableRows;
            }
            if bold {
                unit.keep_with_next = Keep::TableHead;
                if n == 0 {
                    unit.space_before = space;
                    flow.galley.headers.push(repeated(&unit));
                }
            } else {
                unit.repeat = Some(header_index);
                if first && n == 0 {
                    unit.space_before = space;
                }
            }
            flow.push(unit, baseline);
        }
        first = false;
    }
}

/// A header row as repeated atop later pages: page furniture (an artifact), since the
/// structure tree holds the row once, where it first appears.
fn repeated(unit: &Unit) -> Unit {
    let mut copy = Unit {
        footnotes: Vec::new(),
        links: Vec::new(),
        ..unit.clone()
    };
    for item in &mut copy.items {
        item.tag = Tag::Artifact;
    }
    copy
}

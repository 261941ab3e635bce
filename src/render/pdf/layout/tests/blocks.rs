//! Blocks set as the HTML sets them: a table's empty header row left out, footnote
//! numbers in a column as wide as the widest, code broken at spaces.

use super::*;

/// The cells of the paper's first GFM table (the header table's come first).
fn gfm_cells(l: &Layout) -> Vec<CellRole> {
    let cells = &l.structure.cells;
    let second = cells
        .iter()
        .enumerate()
        .filter(|(_, (_, c))| c.table_start)
        .nth(1)
        .map_or(cells.len(), |(k, _)| k);
    cells[second..].iter().map(|(_, c)| *c).collect()
}

/// Shaded boxes on page 1: the header table's labels, and a GFM table's header cells.
fn shaded(l: &Layout) -> usize {
    l.pages[0]
        .items
        .iter()
        .filter(|i| matches!(i.mark, Mark::Rect { fill: Some(f), .. } if f == Rgb::gray(0.88)))
        .count()
}

#[test]
fn an_empty_header_row_is_left_out_and_the_table_has_no_header_cells() {
    let table = |head: &str| {
        format!(
            "# Background\n\nThe figures:\n\n{head}\n|---|--:|\n| Electricity | 3.1 |\n| Gas | 1.2 |\n"
        )
    };
    let (l, _) = lay(&table("|   |   |"), "");
    let cells = gfm_cells(&l);
    assert_eq!(cells.len(), 4, "two body rows of two: {cells:?}");
    assert!(
        cells.iter().all(|c| !c.head && c.scope == Scope::Data),
        "no header row, no TH: {cells:?}"
    );
    assert!(cells[0].table_start && cells[0].row_start && cells[2].row_start);
    let labels = l
        .structure
        .cells
        .iter()
        .filter(|(_, c)| c.scope == Scope::Row)
        .count();
    assert_eq!(
        shaded(&l),
        labels,
        "only the header table's labels are shaded"
    );
    // With words in the header row, it is drawn shaded and tagged as column headers.
    let (l, _) = lay(&table("| Fuel | £m |"), "");
    let cells = gfm_cells(&l);
    assert_eq!(cells.len(), 6, "{cells:?}");
    assert!(
        cells[..2]
            .iter()
            .all(|c| c.head && c.scope == Scope::Column)
    );
    assert_eq!(shaded(&l), labels + 2);
}

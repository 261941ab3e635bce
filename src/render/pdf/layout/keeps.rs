//! The rules that hold units on one page ([`Keep`]) and how each page ended
//! ([`PageEnd`]): the gap at its foot and the rule that forced it, so a page that ends
//! short can say why.

/// Why a unit is kept on the page of the unit after it: each typesetting rule that joins
/// units, so that a page ending short can say which rule made it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Keep {
    /// A page may break after this unit.
    #[default]
    No,
    /// A paragraph's first line with its second: no orphan at a page's foot.
    Orphan,
    /// A paragraph's last line but one with its last: no widow atop a page.
    Widow,
    /// A heading with the first lines under it.
    Heading,
    /// A paragraph with the list, table, quote or image it introduces.
    Intro,
    /// A table's head row with its first row.
    TableHead,
    /// A table's first row with its second, and its last but one with its last: no row
    /// left alone at a page's foot or atop the next (under its repeated head).
    TableRows,
    /// The header table's rows, the title and the masthead, all on the first page.
    Opening,
}

impl Keep {
    /// True when no page break may follow.
    pub fn holds(self) -> bool {
        self != Keep::No
    }
}

/// Why a page ended where it did and the space it left at its foot, so the rule behind
/// every short page can be checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageEnd {
    /// Space left between the last line of text (or the footnotes under it) and the
    /// bottom margin.
    pub gap: f32,
    /// The height the next piece of text needed here (its footnotes included): more than
    /// the gap, else it would have stayed.
    pub next: f32,
    /// The rules that held the next piece together, one for each join in it (empty when
    /// it was one unbreakable unit: a table row, an image).
    pub kept: Vec<Keep>,
    /// The page ended because a page break was asked for, or the text ended.
    pub forced: bool,
}

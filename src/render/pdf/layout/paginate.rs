//! Pagination: a galley of unbreakable units (a line, a table row, an image) placed on
//! pages, honouring keep-with-next chains, repeated table headers and footnotes that must
//! sit at the foot of the page that cites them.

use super::model::{Bookmark, Item, Link, Mark, Page};

/// An unbreakable piece of the galley; its marks are positioned relative to its top.
#[derive(Debug, Clone, Default)]
pub struct Unit {
    /// Height in points.
    pub height: f32,
    /// Space above it, dropped at the top of a page.
    pub space_before: f32,
    /// No page break between this unit and the next.
    pub keep_with_next: bool,
    /// Marks, `y` relative to the unit's top.
    pub items: Vec<Item>,
    /// Links, `y` relative to the unit's top.
    pub links: Vec<Link>,
    /// Anchor ids that point at this unit.
    pub anchors: Vec<String>,
    /// Outline titles that start at this unit.
    pub bookmarks: Vec<String>,
    /// Footnotes cited in this unit.
    pub footnotes: Vec<u32>,
    /// A table row: the header unit (index into [`Galley::headers`]) to repeat above it
    /// when it starts a page.
    pub repeat: Option<usize>,
    /// Starts a new page (an appendix's heading).
    pub break_before: bool,
}

/// The body as units, plus table headers to repeat and footnotes by number.
#[derive(Debug, Default)]
pub struct Galley {
    /// The units, in reading order.
    pub units: Vec<Unit>,
    /// Table header rows.
    pub headers: Vec<Unit>,
    /// Footnote number → its units (laid out at full text width).
    pub notes: std::collections::BTreeMap<u32, Vec<Unit>>,
}

/// Page geometry for pagination.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// Top of the text area.
    pub top: f32,
    /// Height of the text area.
    pub height: f32,
    /// Left edge of the text area (for the footnote rule).
    pub left: f32,
}

/// The pages with anchors and bookmarks resolved.
#[derive(Debug, Default)]
pub struct Paginated {
    /// Pages.
    pub pages: Vec<Page>,
    /// Anchor → (page, y).
    pub anchors: Vec<(String, usize, f32)>,
    /// Outline entries.
    pub bookmarks: Vec<Bookmark>,
}

struct Builder<'a> {
    galley: &'a Galley,
    frame: Frame,
    out: Paginated,
    page: Page,
    y: f32,
    empty: bool,
    notes: Vec<u32>,
    notes_height: f32,
}

const NOTE_GAP: f32 = 10.0;

impl Builder<'_> {
    fn note_height(&self, n: u32) -> f32 {
        self.galley
            .notes
            .get(&n)
            .map_or(0.0, |v| v.iter().map(|u| u.height).sum())
    }

    fn notes_height(&self, units: &[Unit]) -> f32 {
        let mut extra = 0.0;
        let mut seen: Vec<u32> = Vec::new();
        for u in units {
            for n in &u.footnotes {
                if !self.notes.contains(n) && !seen.contains(n) {
                    seen.push(*n);
                    extra += self.note_height(*n);
                }
            }
        }
        if extra > 0.0 && self.notes.is_empty() {
            extra + NOTE_GAP
        } else {
            extra
        }
    }

    fn fits(&self, units: &[Unit]) -> bool {
        let mut h = self.y;
        for (k, u) in units.iter().enumerate() {
            if !(self.empty && k == 0) {
                h += u.space_before;
            }
            h += u.height;
        }
        h + self.notes_height + self.notes_height(units) <= self.frame.height + 0.01
    }

    fn place(&mut self, unit: Unit) {
        if !self.empty {
            self.y += unit.space_before;
        }
        let top = self.frame.top + self.y;
        let page_no = self.out.pages.len();
        for mut item in unit.items {
            shift_in_place(&mut item, top);
            self.page.items.push(item);
        }
        for link in unit.links {
            let (x, y, w, h) = link.rect;
            self.page.links.push(Link {
                block: link.block,
                rect: (x, y + top, w, h),
                target: link.target,
            });
        }
        for a in &unit.anchors {
            self.out.anchors.push((a.clone(), page_no, top));
        }
        for b in &unit.bookmarks {
            self.out.bookmarks.push(Bookmark {
                title: b.clone(),
                page: page_no,
                y: top,
            });
        }
        for n in &unit.footnotes {
            if !self.notes.contains(n) {
                if self.notes.is_empty() {
                    self.notes_height += NOTE_GAP;
                }
                self.notes.push(*n);
                self.notes_height += self.note_height(*n);
            }
        }
        self.y += unit.height;
        self.empty = false;
    }

    fn new_page(&mut self) {
        self.flush_notes();
        let page = std::mem::take(&mut self.page);
        self.out.pages.push(page);
        self.y = 0.0;
        self.empty = true;
    }

    /// Draws the page's footnotes from the bottom of the text area up, under a short rule.
    fn flush_notes(&mut self) {
        if self.notes.is_empty() {
            return;
        }
        let page_no = self.out.pages.len();
        let mut y = self.frame.top + self.frame.height - self.notes_height + NOTE_GAP;
        self.page.items.push(Item {
            tag: super::model::Tag::Artifact,
            mark: Mark::Line {
                from: (self.frame.left, y - NOTE_GAP / 2.0),
                to: (self.frame.left + 120.0, y - NOTE_GAP / 2.0),
                width: 0.5,
                color: super::model::Rgb::gray(0.4),
            },
        });
        for n in std::mem::take(&mut self.notes) {
            for unit in self.galley.notes.get(&n).map(Vec::as_slice).unwrap_or(&[]) {
                for item in &unit.items {
                    self.page.items.push(shift(item, y));
                }
                for link in &unit.links {
                    let (x, ly, w, h) = link.rect;
                    self.page.links.push(Link {
                        block: link.block,
                        rect: (x, ly + y, w, h),
                        target: link.target.clone(),
                    });
                }
                for a in &unit.anchors {
                    self.out.anchors.push((a.clone(), page_no, y));
                }
                y += unit.height;
            }
        }
        self.notes_height = 0.0;
    }
}

fn shift(item: &Item, dy: f32) -> Item {
    let mut item = item.clone();
    shift_in_place(&mut item, dy);
    item
}

fn shift_in_place(item: &mut Item, dy: f32) {
    match &mut item.mark {
        Mark::Glyphs(run) => run.y += dy,
        Mark::Rect { y, .. } | Mark::Image { y, .. } => *y += dy,
        Mark::Line { from, to, .. } => {
            from.1 += dy;
            to.1 += dy;
        }
    }
}

/// Places the galley's units on pages of `frame`.
///
/// A chain of units joined by `keep_with_next` moves to the next page whole when it does
/// not fit; only a chain taller than a whole page is split. A table row that starts a page
/// gets its header row repeated above it.
pub fn paginate(mut galley: Galley, frame: Frame) -> Paginated {
    let mut units = std::mem::take(&mut galley.units);
    let mut b = Builder {
        galley: &galley,
        frame,
        out: Paginated::default(),
        page: Page::default(),
        y: 0.0,
        empty: true,
        notes: Vec::new(),
        notes_height: 0.0,
    };
    let mut i = 0;
    while i < units.len() {
        if units[i].break_before && !b.empty {
            b.new_page();
        }
        let mut j = i;
        while j + 1 < units.len() && units[j].keep_with_next {
            j += 1;
        }
        let group = &units[i..=j];
        if b.fits(group) {
            for u in &mut units[i..=j] {
                b.place(std::mem::take(u));
            }
            i = j + 1;
            continue;
        }
        let fresh = !b.empty && !only_header(&b, &units, i);
        if fresh && chain_height(group) <= frame.height {
            b.new_page();
            repeat_header(&mut b, &units[i]);
            continue;
        }
        // The chain is taller than a page: fill pages with it, unit by unit.
        if b.empty || b.fits(&group[..1]) {
            b.place(std::mem::take(&mut units[i]));
            i += 1;
        } else {
            b.new_page();
            repeat_header(&mut b, &units[i]);
        }
    }
    if !b.empty || b.out.pages.is_empty() {
        b.new_page();
    }
    b.out
}

fn chain_height(units: &[Unit]) -> f32 {
    units
        .iter()
        .enumerate()
        .map(|(k, u)| u.height + if k > 0 { u.space_before } else { 0.0 })
        .sum()
}

/// True when the page holds nothing but a repeated header (so breaking again is useless).
fn only_header(b: &Builder<'_>, units: &[Unit], i: usize) -> bool {
    units[i]
        .repeat
        .is_some_and(|h| (b.y - b.galley.headers[h].height).abs() < 0.01)
}

fn repeat_header(b: &mut Builder<'_>, next: &Unit) {
    if let Some(h) = next.repeat {
        let header = b.galley.headers[h].clone();
        b.place(Unit {
            anchors: Vec::new(),
            bookmarks: Vec::new(),
            ..header
        });
    }
}

#[cfg(test)]
#[path = "paginate_tests.rs"]
mod tests;

//! Pagination: a galley of unbreakable units (a line, a table row, an image) placed on
//! pages, honouring keep-with-next chains, repeated table headers and footnotes that must
//! sit at the foot of the page that cites them.

pub use super::keeps::{Keep, PageEnd};
use super::model::{Bookmark, Item, Link, Mark, Page};

/// An unbreakable piece of the galley; its marks are positioned relative to its top.
#[derive(Debug, Clone, Default)]
pub struct Unit {
    /// Height in points.
    pub height: f32,
    /// Space above it, dropped at the top of a page.
    pub space_before: f32,
    /// No page break between this unit and the next, and the rule that says so.
    pub keep_with_next: Keep,
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
    /// How each page ended.
    pub ends: Vec<PageEnd>,
}

struct Builder<'a> {
    galley: &'a Galley,
    frame: Frame,
    out: Paginated,
    page: Page,
    y: f32,
    empty: bool,
    /// Footnotes cited on this page.
    notes: Vec<u32>,
    /// The note units at this page's foot, in order.
    foot: Vec<Unit>,
    /// Height of the foot, with the gap above it.
    notes_height: f32,
    /// The rest of a note too long for its page's foot: continued at the next page's foot
    /// (with any notes cited after it), as a typesetter would.
    carry: Vec<Unit>,
}

const NOTE_GAP: f32 = 10.0;

impl Builder<'_> {
    fn note_units(&self, n: u32) -> &[Unit] {
        self.galley.notes.get(&n).map_or(&[], Vec::as_slice)
    }

    /// What a newly cited note needs on this page: all of it, or, for a note taller than
    /// half a page (split anyway), its first two lines; nothing when an earlier note is
    /// already continuing on the next page (this one follows it there).
    fn note_need(&self, n: u32) -> f32 {
        if !self.carry.is_empty() {
            return 0.0;
        }
        let units = self.note_units(n);
        let whole: f32 = units.iter().map(|u| u.height).sum();
        if whole > self.frame.height / 2.0 {
            units.iter().take(2).map(|u| u.height).sum()
        } else {
            whole
        }
    }

    fn notes_height(&self, units: &[Unit]) -> f32 {
        let mut extra = 0.0;
        let mut seen: Vec<u32> = Vec::new();
        for u in units {
            for n in &u.footnotes {
                if !self.notes.contains(n) && !seen.contains(n) {
                    seen.push(*n);
                    extra += self.note_need(*n);
                }
            }
        }
        if extra > 0.0 && self.foot.is_empty() {
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

    /// True when `unit` fits above the foot as it stands (its own notes aside).
    fn body_fits(&self, unit: &Unit) -> bool {
        self.y + unit.height + self.notes_height <= self.frame.height + 0.01
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
        self.y += unit.height;
        self.empty = false;
        for n in &unit.footnotes {
            if !self.notes.contains(n) {
                self.notes.push(*n);
                self.add_note(*n);
            }
        }
    }

    /// Puts a cited note at the page's foot; what does not fit under the text above
    /// continues on the next page, so no line ever crosses the bottom margin.
    fn add_note(&mut self, n: u32) {
        let galley = self.galley;
        for unit in galley.notes.get(&n).map_or(&[][..], Vec::as_slice) {
            let gap = if self.foot.is_empty() { NOTE_GAP } else { 0.0 };
            let room = self.frame.height + 0.01 - self.y - self.notes_height - gap;
            if self.carry.is_empty() && unit.height <= room {
                self.notes_height += gap + unit.height;
                self.foot.push(unit.clone());
            } else {
                self.carry.push(unit.clone());
            }
        }
    }

    /// Ends the page because `next` (a chain of units) does not fit on it, or because a
    /// break is `forced`; records the gap left at its foot and why.
    fn end_page(&mut self, next: &[Unit], forced: bool) {
        let spaces: f32 = next.iter().map(|u| u.space_before).sum();
        let heights: f32 = next.iter().map(|u| u.height).sum();
        let notes = if next.is_empty() {
            0.0
        } else {
            self.notes_height(next)
        };
        let kept = next[..next.len().saturating_sub(1)]
            .iter()
            .map(|u| u.keep_with_next)
            .collect();
        self.out.ends.push(PageEnd {
            gap: (self.frame.height - self.y - self.notes_height).max(0.0),
            next: spaces + heights + notes,
            kept,
            forced,
        });
        self.new_page();
    }

    fn new_page(&mut self) {
        self.flush_notes();
        let page = std::mem::take(&mut self.page);
        self.out.pages.push(page);
        self.y = 0.0;
        self.empty = true;
        // A note continued from the page before opens this page's foot.
        let carry = std::mem::take(&mut self.carry);
        for unit in carry {
            let gap = if self.foot.is_empty() { NOTE_GAP } else { 0.0 };
            let fits = self.notes_height + gap + unit.height <= self.frame.height + 0.01;
            if self.carry.is_empty() && (fits || self.foot.is_empty()) {
                self.notes_height += gap + unit.height;
                self.foot.push(unit);
            } else {
                self.carry.push(unit);
            }
        }
    }

    /// Draws the page's footnotes from the bottom of the text area up, under a short rule.
    fn flush_notes(&mut self) {
        if self.foot.is_empty() {
            self.notes.clear();
            self.notes_height = 0.0;
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
        self.notes.clear();
        for unit in std::mem::take(&mut self.foot) {
            for mut item in unit.items {
                shift_in_place(&mut item, y);
                self.page.items.push(item);
            }
            for link in unit.links {
                let (x, ly, w, h) = link.rect;
                self.page.links.push(Link {
                    block: link.block,
                    rect: (x, ly + y, w, h),
                    target: link.target,
                });
            }
            for a in unit.anchors {
                self.out.anchors.push((a, page_no, y));
            }
            y += unit.height;
        }
        self.notes_height = 0.0;
    }
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
        foot: Vec::new(),
        notes_height: 0.0,
        carry: Vec::new(),
    };
    let mut i = 0;
    while i < units.len() {
        if units[i].break_before && !b.empty {
            b.end_page(&[], true);
        }
        let mut j = i;
        while j + 1 < units.len() && units[j].keep_with_next.holds() {
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
            b.end_page(group, false);
            repeat_header(&mut b, &units[i]);
            continue;
        }
        // A note continued from the page before can leave no room for text: a page of
        // notes, then on.
        if b.empty && !b.foot.is_empty() && !b.body_fits(&units[i]) {
            b.end_page(&group[..1], false);
            continue;
        }
        // The chain is taller than a page: fill pages with it, unit by unit.
        if b.empty || b.fits(&group[..1]) {
            b.place(std::mem::take(&mut units[i]));
            i += 1;
        } else {
            b.end_page(&group[..1], false);
            repeat_header(&mut b, &units[i]);
        }
    }
    while !b.empty || !b.foot.is_empty() || b.out.pages.is_empty() {
        b.end_page(&[], true);
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
mod tests;

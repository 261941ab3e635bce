//! The inline parts of a block: which link (numbered so that the lines of one link stay
//! one `Link` element) and which language each glyph run of a line belongs to, whether it
//! is struck through, and which footnotes the block cites.

use super::Flow;
use super::model::Part;
use super::text;

impl Flow<'_> {
    /// The part of the current block each run of `line` draws: the link it belongs to
    /// (the lines of one link share its number) and its language. Notes which footnotes
    /// the block cites.
    pub(crate) fn parts(&mut self, line: &text::Line) -> Vec<Part> {
        for n in &line.footnotes {
            self.citations.entry(*n).or_insert(self.block);
        }
        let mut ids = Vec::with_capacity(line.links.len());
        for (k, (lx, _, target)) in line.links.iter().enumerate() {
            let open = self.open_link.take();
            let id = match open {
                Some((block, t, id))
                    if k == 0 && *lx < 0.01 && block == self.block && &t == target =>
                {
                    id
                }
                _ => {
                    self.links += 1;
                    self.links
                }
            };
            ids.push(id);
        }
        self.open_link = None;
        if let (Some((lx, lw, target)), Some(id)) = (line.links.last(), ids.last())
            && (lx + lw - line.width).abs() < 0.01
        {
            self.open_link = Some((self.block, target.clone(), *id));
        }
        line.runs
            .iter()
            .map(|run| {
                let inside = |x: f32, w: f32| run.x > x - 0.01 && run.x < x + w - 0.01;
                Part {
                    link: line
                        .links
                        .iter()
                        .zip(&ids)
                        .find(|((x, w, _), _)| inside(*x, *w))
                        .map(|(_, id)| *id),
                    lang: line
                        .langs
                        .iter()
                        .find(|(x, w, _)| inside(*x, *w))
                        .map(|(_, _, l)| l.clone()),
                    struck: line.strikes.iter().any(|s| inside(s.x, s.w)),
                }
            })
            .collect()
    }
}

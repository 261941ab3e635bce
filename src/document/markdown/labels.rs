//! `{#label}`s in paragraphs: the label a top-level paragraph ends with, and a warning for
//! each one written where it labels nothing (and is shown as text).

use std::ops::Range;

use super::Loc;
use super::blocks::Builder;
use super::inline::paragraph_block;
use crate::document::Inline;

fn is_label_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')
}

/// `Some(label)` when `text` ends with `{#label}` (after trailing whitespace).
pub(crate) fn trailing_label(text: &str) -> Option<&str> {
    let t = text.trim_end();
    let inner = t.strip_suffix('}')?;
    let at = inner.rfind("{#")?;
    let label = &inner[at + 2..];
    (!label.is_empty() && label.chars().all(is_label_char)).then_some(label)
}

/// Each `{#label}` in `text`, by its label.
fn labels_in(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("{#").filter_map(|(at, _)| {
        let rest = &text[at + 2..];
        let label = &rest[..rest.find('}')?];
        (!label.is_empty() && label.chars().all(is_label_char)).then_some(label)
    })
}

/// The texts of `inlines` in reading order, into `out` (code spans left out: what is
/// written there is meant as it is).
pub(super) fn texts<'a>(inlines: &'a [Inline], out: &mut Vec<&'a str>) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => out.push(text),
            Inline::Emph { content }
            | Inline::Strong { content }
            | Inline::Strike { content }
            | Inline::Link { content, .. }
            | Inline::Span { content, .. } => texts(content, out),
            _ => {}
        }
    }
}

impl Builder<'_, '_> {
    /// Finishes a paragraph: a top-level one may end in `{#label}`, which defines the label.
    pub(super) fn end_paragraph(&mut self, mut inlines: Vec<Inline>, range: Range<usize>) {
        self.lint_spaced_addresses(&inlines, range.clone());
        let label = if self.stack.len() == 1 {
            self.lint_hash_lines(range.clone());
            self.lint_marker_spaces(range.clone());
            self.lint_typed_number(range.clone());
            self.lint_typed_bullet(range.clone());
            let label = self.take_label(&mut inlines, range.clone());
            self.warn_inner_labels(&inlines, range.clone(), false);
            if let Some((name, loc)) = &label
                && super::inline::is_blank(&inlines)
            {
                // A label on a line of its own: it would be an empty numbered paragraph.
                self.ctx.error(
                    "label-alone",
                    loc,
                    format!(
                        "`{{#{name}}}` stands alone, so it would label an empty numbered paragraph"
                    ),
                    Some(format!(
                        "put `{{#{name}}}` at the end of the paragraph it labels, on its last line"
                    )),
                );
            }
            label
        } else {
            self.warn_misplaced_label(&inlines, range.clone());
            None
        };
        let (block, paragraph) = paragraph_block(inlines);
        self.warn_inline_images(&block, range.clone());
        self.deliver(block, paragraph, label, range);
    }

    /// The label a paragraph ends with, as written in the source (not `\{#x}`), and where.
    fn trailing_label_at(&self, inlines: &[Inline], range: Range<usize>) -> Option<(String, Loc)> {
        let Some(Inline::Text { text }) = inlines.last() else {
            return None;
        };
        let label = trailing_label(text)?;
        let tail = format!("{{#{label}}}");
        let source = self.md.get(range.clone()).unwrap_or("").trim_end();
        let before = source.strip_suffix(tail.as_str())?;
        if before.ends_with('\\') {
            return None;
        }
        let at = range.start + before.len();
        Some((label.to_string(), self.loc(at..at + tail.len())))
    }

    /// Strips a trailing `{#label}` (and the whitespace before it) and defines the label.
    fn take_label(
        &mut self,
        inlines: &mut Vec<Inline>,
        range: Range<usize>,
    ) -> Option<(String, Loc)> {
        let (label, loc) = self.trailing_label_at(inlines, range)?;
        if let Some(Inline::Text { text }) = inlines.last_mut() {
            let cut = text.trim_end().len().saturating_sub(label.len() + 3);
            text.truncate(cut);
            let kept = text.trim_end().len();
            text.truncate(kept);
            if text.is_empty() {
                inlines.pop();
            }
        }
        while matches!(inlines.last(), Some(Inline::SoftBreak | Inline::HardBreak)) {
            inlines.pop();
        }
        self.ctx.define_label(&label, &loc);
        Some((label, loc))
    }

    /// Warns about `{#label}` at the end of a paragraph inside a list, quote or footnote.
    pub(super) fn warn_misplaced_label(&mut self, inlines: &[Inline], range: Range<usize>) {
        let trailing = self.trailing_label_at(inlines, range.clone());
        self.warn_inner_labels(inlines, range, trailing.is_some());
        if let Some((label, loc)) = trailing {
            self.ctx.warn(
                "misplaced-label",
                &loc,
                format!("`{{#{label}}}` only labels a paragraph of its own, so here it is shown as text"),
                Some("put the label at the end of a paragraph that is not inside a list, quote or footnote".into()),
            );
        }
    }

    /// Warns about each `{#label}` written inside a paragraph's text (`inlines`, over
    /// `range`) rather than at its end: it labels nothing and is shown as it is. The last
    /// is left out when `skip_last` (a trailing label [`Self::warn_misplaced_label`] warns
    /// about); one written `\{#x}` is text on purpose.
    pub(super) fn warn_inner_labels(
        &mut self,
        inlines: &[Inline],
        range: Range<usize>,
        skip_last: bool,
    ) {
        // Nearly every paragraph has no `{#` at all: nothing to gather.
        let source = self.md.get(range.clone()).unwrap_or("");
        if !source.contains("{#") {
            return;
        }
        let mut found = Vec::new();
        texts(inlines, &mut found);
        let mut labels: Vec<&str> = found.into_iter().flat_map(labels_in).collect();
        if skip_last {
            labels.pop();
        }
        let mut from = 0;
        let mut stray = Vec::new();
        for label in labels {
            let written = format!("{{#{label}}}");
            let Some(at) = source.get(from..).and_then(|s| s.find(&written)) else {
                continue;
            };
            let at = from + at;
            from = at + written.len();
            if !source[..at].ends_with('\\') {
                let start = range.start + at;
                stray.push((label.to_string(), self.loc(start..start + written.len())));
            }
        }
        for (label, loc) in stray {
            self.ctx.warn(
                "misplaced-label",
                &loc,
                format!(
                    "`{{#{label}}}` is inside the paragraph, not at its end, so it labels nothing and is shown as text"
                ),
                Some(format!(
                    "move it to the very end of the paragraph it names, or write `\\{{#{label}}}` to show it as text"
                )),
            );
        }
    }
}

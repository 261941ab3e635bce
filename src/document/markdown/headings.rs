//! Headings while parsing: a top-level heading's `{#label}`, one with no words (an error),
//! headings inside a list or quote (a bold line, warned about), heading attributes clerk
//! does not use, and task list boxes (shown as written, warned about).

use std::ops::Range;

use super::Loc;
use super::blocks::{Builder, Node};
use super::frames::Kind;
use super::ids::heading_text;
use crate::document::{Block, Inline};

impl Builder<'_, '_> {
    /// A heading: a node of the outline at the top level, its `{#label}` defined; inside a
    /// list, quote or footnote (warned about), its words kept in bold.
    pub(super) fn end_heading(
        &mut self,
        level: u8,
        label: Option<String>,
        content: Vec<Inline>,
        range: Range<usize>,
    ) {
        self.lint_setext(level, &content, range.clone());
        if self.stack.len() == 1 {
            let label = label.map(|l| {
                let loc = self.label_loc(&l, range.clone());
                self.ctx.define_label(&l, &loc);
                (l, loc)
            });
            let loc = self.loc(range);
            if !has_words(&heading_text(&content)) {
                self.empty_heading(level, label.is_some(), &loc);
            }
            self.nodes.push(Node::Heading {
                level,
                content,
                label,
                loc,
            });
        } else {
            let content = vec![Inline::Strong { content }];
            self.deliver(Block::Paragraph { content }, false, None, range);
        }
    }

    /// Warns about a heading written as Markdown's other way, a line of `---` (or `===`)
    /// straight under its text (`setext-heading`): from Word or an email, that line was
    /// meant to part the text, and made the paragraph above it a heading instead.
    fn lint_setext(&mut self, level: u8, content: &[Inline], range: Range<usize>) {
        let source = self.md.get(range.clone()).unwrap_or("").trim_end();
        let Some((text, underline)) = source.rsplit_once('\n') else {
            return;
        };
        let underline = underline.trim();
        let dashes = !underline.is_empty() && underline.chars().all(|c| c == '-' || c == '=');
        if source.starts_with('#') || !dashes {
            return;
        }
        let words = heading_text(content);
        let (what, hashes) = match level {
            1 => ("a section's heading", "#"),
            _ => ("a sub-heading", "##"),
        };
        let loc = self.loc(range.start..range.start + text.trim_end().len());
        self.ctx.warn(
            "setext-heading",
            &loc,
            format!("the `{underline}` line under “{words}” makes it {what}, as Markdown writes one without `#`"),
            Some(format!("if it is a heading, write `{hashes} {words}` and delete the line; if the line was meant to part the text, delete it or leave a blank line above it (a paper needs no such lines)")),
        );
    }

    /// An error for a heading with no words (`#` alone, or `# {#label}`): it would be a
    /// numbered section, in the outline and the bookmarks, with nothing to read.
    fn empty_heading(&mut self, level: u8, labelled: bool, loc: &Loc) {
        let hashes = "#".repeat(level.into());
        let (what, example) = match level {
            1 => ("section's heading", "`# Background`"),
            _ => ("sub-heading", "`## Current position`"),
        };
        let message = if labelled {
            "this heading has a label but no words"
        } else {
            "this heading has no words"
        };
        self.ctx.error(
            "empty-heading",
            loc,
            message,
            Some(format!(
                "write the {what} after the `{hashes}` (e.g. {example}), or remove the line"
            )),
        );
    }

    /// `- [x] done`: shown as written, with a warning (once a list, at its first box),
    /// since the paper's fonts have no ☑ or ☐ for the PDF and a checkbox in the HTML alone
    /// would make the two disagree.
    pub(super) fn task_marker(&mut self, done: bool, range: Range<usize>) {
        let written = self
            .md
            .get(range.clone())
            .unwrap_or(if done { "[x]" } else { "[ ]" });
        let text = format!("{written} ");
        let list = self.stack.iter().rev().find_map(|f| match f.kind {
            Kind::List { .. } => Some(f.range.start),
            _ => None,
        });
        if list.is_none() || list != self.task_list_warned {
            self.task_list_warned = list;
            let loc = self.loc(range);
            self.ctx.warn(
                "task-list",
                &loc,
                format!("`{written}` is shown as written, and so are the other task boxes of this list: clerk does not draw task boxes, since the paper's fonts have no ☑ or ☐"),
                Some("say the state in words, e.g. `- Done: …` or `- Action: …`, or keep the brackets as text".into()),
            );
        }
        self.inline(Inline::Text { text });
    }

    /// Where a heading's `{#label}` is written: its last `{` on the heading's first line.
    pub(super) fn label_loc(&self, label: &str, range: Range<usize>) -> Loc {
        let text = self.md.get(range.clone()).unwrap_or("");
        let line = text.split('\n').next().unwrap_or("");
        match line.rfind('{').filter(|_| line.contains(label)) {
            Some(at) => {
                let end = line[at..].find('}').map_or(line.len(), |e| at + e + 1);
                self.loc(range.start + at..range.start + end)
            }
            None => self.loc(range),
        }
    }

    /// `# Heading {.class key=value}`: only `{#label}` means something to clerk.
    pub(super) fn warn_heading_attributes(&mut self, count: usize, range: Range<usize>) {
        if count == 0 {
            return;
        }
        let loc = self.loc(range);
        self.ctx.warn(
            "heading-attribute",
            &loc,
            "this heading has classes or attributes (`{.name}`, `{key=value}`), which clerk does not use",
            Some("keep only a label such as `{#background}` to cite the heading, and remove the rest".into()),
        );
    }

    /// A heading inside a list, quote or footnote cannot be a heading of the paper.
    /// A block indented four spaces or a tab is code to Markdown: an author indenting a
    /// paragraph as in Word would see it set in a monospace box and left unnumbered.
    pub(super) fn warn_indented_code(&mut self, range: Range<usize>) {
        let loc = self.loc(range);
        self.ctx.warn(
            "indented-code",
            &loc,
            "this text is indented (four spaces or a tab), so it is shown as code: in a monospace box, not numbered",
            Some("take the indent away if it is a paragraph; if it is code, put a line of three backticks (```) above and below it instead".into()),
        );
    }

    pub(super) fn warn_heading_in_block(&mut self, range: Range<usize>) {
        let loc = self.loc(range);
        self.ctx.warn(
            "heading-in-block",
            &loc,
            "a heading inside a list, quote or footnote cannot be one of the paper's headings, so it is shown as a bold line",
            Some("move the heading out (no indent, no `>`), or write the line in **bold** if it is only emphasis".into()),
        );
    }
}

/// Does `text` hold anything to read: a character that is neither space nor one of the
/// invisible marks a word processor leaves (zero-width spaces and joiners, the word
/// joiner, a byte-order mark, a soft hyphen)?
fn has_words(text: &str) -> bool {
    text.chars().any(|c| {
        !c.is_whitespace()
            && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}')
    })
}

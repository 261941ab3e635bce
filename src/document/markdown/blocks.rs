//! pulldown-cmark events → `Block`/`Inline` trees, with source locations for diagnostics.
//!
//! One pass over the event stream with an explicit stack (no recursion), so nesting depth
//! cannot overflow: containers deeper than the house's `limits.nesting_depth` are flattened
//! into their parent.
//! Raw HTML becomes text, links are checked, images loaded, and cross-references and
//! footnote references are left as placeholders for [`super::refs`].

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{BrokenLink, CodeBlockKind, CowStr, Event, Parser, Tag};

use super::frames::{Frame, Kind, frame, is_nestable, kind_of, opens_block};
use super::inline::push_inline;
use super::{Ctx, Loc};
use crate::document::{Block, Inline};

/// A top-level piece of a Markdown source: a heading or a block.
#[derive(Debug)]
pub(crate) enum Node {
    /// `#`…`######` at the top level.
    Heading {
        level: u8,
        content: Vec<Inline>,
        /// The heading's `{#label}` and where it is written.
        label: Option<(String, Loc)>,
        loc: Loc,
    },
    /// Any other top-level block; `paragraph` says whether it takes its own number.
    Block {
        block: Block,
        paragraph: bool,
        label: Option<(String, Loc)>,
        loc: Loc,
    },
}

/// Turns one source's event stream into [`Node`]s.
pub(super) struct Builder<'c, 'p> {
    /// The paper's shared state.
    pub(super) ctx: &'c mut Ctx<'p>,
    /// Which source is being parsed.
    pub(super) src: usize,
    /// Its Markdown.
    pub(super) md: &'p str,
    /// Open elements, the root at the bottom.
    pub(super) stack: Vec<Frame>,
    /// Finished top-level nodes.
    pub(super) nodes: Vec<Node>,
    /// `[^name]` with no definition, reported at the end.
    pub(super) unknown_footnotes: Vec<(String, Range<usize>)>,
    /// Names of this source's footnote definitions (for suggestions).
    pub(super) footnote_names: Vec<String>,
    /// Whether the too-deep warning was given.
    pub(super) warned_depth: bool,
    /// Lines already warned about for raw HTML.
    pub(super) html_lines: HashSet<usize>,
    /// The end of a span's `{lang=…}` in the source: text before it is not shown.
    pub(super) skip_to: usize,
    /// Where the last list warned about for its task boxes starts (one warning a list).
    pub(super) task_list_warned: Option<usize>,
    /// Where each image read so far stands, until its paragraph ends: one that shares its
    /// paragraph with text is drawn in the HTML but not the PDF, and is said so.
    pub(super) images: Vec<Range<usize>>,
}

/// Parses source `src` of `ctx` into top-level nodes, registering labels and footnote
/// definitions with `ctx.refs` and reporting what is wrong.
pub(crate) fn parse(ctx: &mut Ctx, src: usize) -> Vec<Node> {
    let md = ctx.markdown(src);
    warn_nul(ctx, src, md);
    let mut b = Builder {
        ctx,
        src,
        md,
        stack: vec![frame(Kind::Root, 0..0)],
        nodes: Vec::new(),
        unknown_footnotes: Vec::new(),
        footnote_names: Vec::new(),
        warned_depth: false,
        html_lines: HashSet::new(),
        skip_to: 0,
        task_list_warned: None,
        images: Vec::new(),
    };
    let spans = |link: BrokenLink<'_>| super::spans::broken_link(md, &link);
    let parser = Parser::new_with_broken_link_callback(md, super::parser_options(), Some(spans));
    for (event, range) in parser.into_offset_iter() {
        b.event(without_nul(event), range);
    }
    // Close anything left open (pulldown-cmark always balances, but be safe).
    while b.stack.len() > 1 {
        b.end();
    }
    b.flush_implicit();
    b.report_unknown_footnotes();
    b.nodes
}

/// A warning at each line of `md` that holds a NUL (a zero byte, from a damaged file or a
/// paste out of another program): it is shown as U+FFFD (see [`without_nul`]), never
/// copied into the outputs.
fn warn_nul(ctx: &mut Ctx, src: usize, md: &str) {
    let mut start = 0;
    for line in md.split_inclusive('\n') {
        if let Some(at) = line.find('\0') {
            let loc = Loc {
                src,
                range: start + at..start + at + 1,
            };
            ctx.warn(
                "nul-character",
                &loc,
                "this line holds a NUL character (a zero byte), which is shown as �",
                Some(
                    "delete it: it comes from a damaged file or a paste out of another program"
                        .into(),
                ),
            );
        }
        start += line.len();
    }
}

/// `event` with each NUL in its text replaced by U+FFFD, as CommonMark asks.
fn without_nul(event: Event<'_>) -> Event<'_> {
    fn fix(t: CowStr<'_>) -> CowStr<'_> {
        if t.contains('\0') {
            t.replace('\0', "\u{FFFD}").into()
        } else {
            t
        }
    }
    match event {
        Event::Text(t) => Event::Text(fix(t)),
        Event::Code(t) => Event::Code(fix(t)),
        Event::Html(t) => Event::Html(fix(t)),
        Event::InlineHtml(t) => Event::InlineHtml(fix(t)),
        Event::InlineMath(t) => Event::InlineMath(fix(t)),
        Event::DisplayMath(t) => Event::DisplayMath(fix(t)),
        e => e,
    }
}

impl Builder<'_, '_> {
    /// A location in this source.
    pub(super) fn loc(&self, range: Range<usize>) -> Loc {
        Loc {
            src: self.src,
            range,
        }
    }

    /// The innermost open element.
    pub(super) fn top(&mut self) -> &mut Frame {
        // The root frame is never popped.
        self.stack.last_mut().expect("root frame")
    }

    fn event(&mut self, event: Event, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(_) => self.end(),
            Event::Text(t) => self.text(&t, range),
            Event::Code(t) => self.inline(Inline::Code {
                text: t.to_string(),
            }),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.inline(Inline::Text {
                text: t.to_string(),
            }),
            Event::Html(t) | Event::InlineHtml(t) => self.html(&t, range),
            Event::FootnoteReference(name) => {
                let idx = self.ctx.refs.footnote_ref(self.src, &name, range);
                let placeholder = Inline::FootnoteRef {
                    number: idx,
                    target: String::new(),
                    id: String::new(),
                };
                self.inline(placeholder);
            }
            Event::SoftBreak => self.inline(Inline::SoftBreak),
            Event::HardBreak => self.inline(Inline::HardBreak),
            Event::Rule => self.deliver(Block::Rule, false, None, range),
            Event::TaskListMarker(done) => self.task_marker(done, range),
        }
    }

    /// Adds inline content to the innermost open element.
    pub(super) fn inline(&mut self, inl: Inline) {
        push_inline(&mut self.top().inlines, inl);
    }

    fn start(&mut self, tag: Tag, range: Range<usize>) {
        let nestable = is_nestable(&tag);
        let item_outside_list =
            matches!(tag, Tag::Item) && !matches!(self.top().kind, Kind::List { .. });
        let max_depth = self.ctx.limits.nesting_depth.max(2);
        if (nestable && self.stack.len() >= max_depth) || item_outside_list {
            if nestable && !self.warned_depth {
                self.warned_depth = true;
                let loc = self.loc(range.clone());
                self.ctx.warn(
                    "too-deep",
                    &loc,
                    format!("lists, quotes or emphasis here are nested more than {max_depth} deep, so the inner ones are flattened"),
                    Some("nest less deeply, or raise `limits.nesting_depth` in clerk.yaml".into()),
                );
            }
            self.top().suppressed += 1;
            return;
        }
        if let Tag::Table(align) = &tag {
            self.lint_table_rows(align.len(), range.clone());
            let limit = self.ctx.limits.table_columns;
            if align.len() > limit {
                let loc = self.loc(range.clone());
                self.ctx.error(
                    "table-too-wide",
                    &loc,
                    format!("this table has {} columns, more than the limit of {limit}", align.len()),
                    Some("split it into narrower tables, or raise `limits.table_columns` in clerk.yaml".into()),
                );
            }
        }
        if let Tag::Heading { classes, attrs, .. } = &tag {
            self.warn_heading_attributes(classes.len() + attrs.len(), range.clone());
        }
        if matches!(tag, Tag::Heading { .. }) && self.stack.len() > 1 {
            self.warn_heading_in_block(range.clone());
        }
        if matches!(tag, Tag::Paragraph) {
            self.lint_table_like(range.clone());
        }
        if matches!(tag, Tag::CodeBlock(CodeBlockKind::Indented)) {
            self.warn_indented_code(range.clone());
        }
        let Some(mut kind) = kind_of(tag) else {
            self.top().suppressed += 1;
            return;
        };
        if let Kind::Link { url, safe, .. } = &mut kind {
            *safe = self.check_link(url, range.clone());
        }
        let opens_block = opens_block(&kind);
        if opens_block {
            self.flush_implicit();
        }
        if matches!(kind, Kind::Paragraph) {
            self.mark_loose();
        }
        self.stack.push(frame(kind, range));
    }

    /// Turns inline content left directly in a block container (tight list items) into a
    /// paragraph.
    pub(super) fn flush_implicit(&mut self) {
        let top = self.top();
        if top.inlines.is_empty()
            || !matches!(
                top.kind,
                Kind::Root | Kind::Item | Kind::Quote | Kind::FootnoteDef(_)
            )
        {
            return;
        }
        let inlines = std::mem::take(&mut top.inlines);
        let range = top.range.clone();
        let (block, paragraph) = self.implicit_paragraph(inlines, range.clone());
        self.deliver(block, paragraph, None, range);
    }

    /// Hands a finished block to the frame on top (or to the top level).
    pub(super) fn deliver(
        &mut self,
        block: Block,
        paragraph: bool,
        label: Option<(String, Loc)>,
        range: Range<usize>,
    ) {
        self.flush_implicit();
        if self.stack.len() == 1 {
            let loc = self.loc(range);
            self.nodes.push(Node::Block {
                block,
                paragraph,
                label,
                loc,
            });
        } else {
            self.top().blocks.push(block);
        }
    }

    fn end(&mut self) {
        let top = self.top();
        if top.suppressed > 0 {
            top.suppressed -= 1;
            return;
        }
        if self.stack.len() == 1 {
            return;
        }
        let Some(mut f) = self.stack.pop() else {
            return;
        };
        if matches!(
            f.kind,
            Kind::Paragraph
                | Kind::Heading(..)
                | Kind::Cell
                | Kind::Emph
                | Kind::Strong
                | Kind::Strike
                | Kind::Item
                | Kind::Quote
                | Kind::FootnoteDef(_)
        ) {
            self.autolink(&mut f.inlines, f.range.clone());
        }
        if matches!(f.kind, Kind::Item | Kind::Quote | Kind::FootnoteDef(_))
            && !f.inlines.is_empty()
        {
            self.lint_spaced_addresses(&f.inlines, f.range.clone());
            let (block, _) =
                self.implicit_paragraph(std::mem::take(&mut f.inlines), f.range.clone());
            f.blocks.push(block);
        }
        let range = f.range.clone();
        match f.kind {
            Kind::Root => {}
            Kind::Paragraph => self.end_paragraph(f.inlines, range),
            Kind::Heading(level, label) => self.end_heading(level, label, f.inlines, range),
            Kind::Quote => self.deliver(Block::Quote { blocks: f.blocks }, false, None, range),
            Kind::List {
                start,
                mut items,
                tight,
            } => {
                if !f.blocks.is_empty() {
                    items.push(f.blocks);
                }
                let list = Block::List {
                    start,
                    items,
                    tight,
                };
                self.deliver(list, false, None, range);
            }
            Kind::Item => match &mut self.top().kind {
                Kind::List { items, .. } => items.push(f.blocks),
                _ => self.top().blocks.extend(f.blocks),
            },
            Kind::FootnoteDef(name) => {
                let loc = self.loc(range);
                self.footnote_names.push(name.clone());
                self.ctx.define_footnote(name, f.blocks, loc);
            }
            Kind::Html(text) => self.end_html(&text, range),
            Kind::Code { language, text } => {
                self.deliver(Block::Code { language, text }, false, None, range)
            }
            Kind::Table { align, head, rows } => {
                self.lint_table(&head, range.clone());
                self.deliver(
                    Block::Table(crate::document::Table { align, head, rows }),
                    false,
                    None,
                    range,
                )
            }
            Kind::Cells { head, cells } => {
                if let Kind::Table { head: h, rows, .. } = &mut self.top().kind {
                    if head {
                        *h = cells;
                    } else {
                        rows.push(cells);
                    }
                }
            }
            Kind::Cell => {
                self.warn_cell_images(range);
                if let Kind::Cells { cells, .. } = &mut self.top().kind {
                    cells.push(f.inlines);
                }
            }
            Kind::Emph => self.inline(Inline::Emph { content: f.inlines }),
            Kind::Strong => self.inline(Inline::Strong { content: f.inlines }),
            Kind::Strike => self.inline(Inline::Strike { content: f.inlines }),
            Kind::Link { url, title, safe } => self.end_link(url, title, safe, f.inlines, range),
            Kind::Image { url } => self.end_image(url, &f.inlines, range),
        }
    }
}

impl Builder<'_, '_> {
    /// A paragraph opens directly in a list item: pulldown-cmark marks paragraphs only in
    /// loose lists, so the list that holds the item is loose.
    fn mark_loose(&mut self) {
        let n = self.stack.len();
        if n >= 2
            && matches!(self.stack[n - 1].kind, Kind::Item)
            && let Kind::List { tight, .. } = &mut self.stack[n - 2].kind
        {
            *tight = false;
        }
    }

    /// A raw HTML block: warned about, then shown as text, line by line.
    fn end_html(&mut self, text: &str, range: Range<usize>) {
        self.warn_html(text, range.clone());
        let mut content = Vec::new();
        for (i, line) in text.trim_end_matches(['\n', '\r']).split('\n').enumerate() {
            if i > 0 {
                content.push(Inline::HardBreak);
            }
            content.push(Inline::Text {
                text: line.trim_end_matches('\r').to_string(),
            });
        }
        self.deliver(Block::Paragraph { content }, true, None, range);
    }
}

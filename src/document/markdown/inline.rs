//! Inline content while parsing: text, raw HTML, links and footnote spotting.

use std::ops::Range;

use super::blocks::Builder;
use super::frames::Kind;
use crate::document::{Block, Inline};

/// Is this inline content only whitespace and line breaks?
pub(super) fn is_blank(inlines: &[Inline]) -> bool {
    inlines.iter().all(|i| match i {
        Inline::Text { text } => text.trim().is_empty(),
        Inline::SoftBreak | Inline::HardBreak => true,
        _ => false,
    })
}

/// Pushes `inl` onto `to`, merging adjacent text.
pub(super) fn push_inline(to: &mut Vec<Inline>, inl: Inline) {
    if let (Some(Inline::Text { text: last }), Inline::Text { text }) = (to.last_mut(), &inl) {
        last.push_str(text);
        return;
    }
    to.push(inl);
}

/// What CommonMark's reference renderer percent-encodes in a link destination: controls,
/// space, `" < > [ \\ ] ` { | }` and every non-ASCII byte (as UTF-8). `%` stays, so an
/// address already encoded is not encoded twice; `&` and `'` are left to the HTML escaping.
const HREF_ENCODE: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A link destination as it goes into an `href` or a PDF link: percent-encoded as
/// CommonMark's reference renderer does (`/my uri` → `/my%20uri`, `/föö` → `/f%C3%B6%C3%B6`).
pub(crate) fn href(url: &str) -> String {
    percent_encoding::utf8_percent_encode(url, HREF_ENCODE).to_string()
}

impl Builder<'_, '_> {
    /// An error for `javascript:`, `vbscript:` and `data:` links; returns whether it is safe.
    pub(super) fn check_link(&mut self, url: &str, range: Range<usize>) -> bool {
        // Browsers ignore tabs, newlines and control characters inside a URL's scheme.
        let squeezed: String = url
            .trim()
            .chars()
            .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
            .take(16)
            .collect::<String>()
            .to_ascii_lowercase();
        let bad = ["javascript:", "vbscript:", "data:"]
            .into_iter()
            .find(|s| squeezed.starts_with(s));
        if let Some(scheme) = bad {
            let loc = self.loc(range);
            self.ctx.error(
                "unsafe-link",
                &loc,
                format!("this link uses `{scheme}`, which could run code in the reader's browser"),
                Some("link to a web page (https://…) or a paragraph (#label) instead".into()),
            );
        }
        bad.is_none()
    }

    /// Text: verbatim in code and HTML blocks, else inline text.
    pub(super) fn text(&mut self, t: &str, range: Range<usize>) {
        match &mut self.top().kind {
            Kind::Code { text, .. } | Kind::Html(text) => {
                text.push_str(t);
                return;
            }
            _ => {}
        }
        let Some(t) = self.past_span_attr(t, range.clone()) else {
            return;
        };
        if t == "[" {
            self.spot_unknown_footnote(range);
        }
        self.inline(Inline::Text {
            text: t.to_string(),
        });
    }

    /// pulldown-cmark leaves `[^name]` with no definition as plain text; spot it in the source.
    fn spot_unknown_footnote(&mut self, range: Range<usize>) {
        if self.md.get(range.clone()) != Some("[") {
            return;
        }
        let Some(rest) = self.md.get(range.end..).and_then(|r| r.strip_prefix('^')) else {
            return;
        };
        let end = rest
            .find(|c: char| c == ']' || c == '[' || c.is_whitespace())
            .unwrap_or(rest.len());
        if end > 0 && rest[end..].starts_with(']') {
            let len = 1 + 1 + end + 1;
            self.unknown_footnotes
                .push((rest[..end].to_string(), range.start..range.start + len));
        }
    }

    /// Reports `[^name]`s without a definition, suggesting a near name.
    pub(super) fn report_unknown_footnotes(&mut self) {
        for (name, range) in std::mem::take(&mut self.unknown_footnotes) {
            let near = if self.ctx.over_cap("unknown-footnote") {
                None
            } else {
                crate::diag::did_you_mean(&name, self.footnote_names.iter().map(String::as_str))
            };
            // Written for another part of the paper (the body's note cited in an
            // implication): each value of the front matter has its own notes.
            let elsewhere = self.ctx.refs.footnote_elsewhere(&name, self.src).cloned();
            let help = match (near, elsewhere) {
                (Some(near), _) => format!("did you mean `[^{near}]`?"),
                (None, Some(loc)) => {
                    let line = self.ctx.line_of(&loc);
                    format!(
                        "`[^{name}]:` is written on line {line}, for another part of the paper: the body, each implication and the recommendations have their own notes, so write the note in this value too"
                    )
                }
                (None, None) => format!(
                    "add the note on a line of its own below the paragraph: `[^{name}]: The note's text.`"
                ),
            };
            let loc = self.loc(range);
            self.ctx.error(
                "unknown-footnote",
                &loc,
                format!("there is no footnote `[^{name}]`"),
                Some(help),
            );
        }
    }

    /// Raw HTML: gathered in an HTML block, else shown as text with a warning.
    pub(super) fn html(&mut self, t: &str, range: Range<usize>) {
        if let Kind::Html(text) = &mut self.top().kind {
            text.push_str(t);
            return;
        }
        self.warn_html(t, range);
        self.inline(Inline::Text {
            text: t.to_string(),
        });
    }

    /// Warns once per line that raw HTML is shown as text.
    pub(super) fn warn_html(&mut self, t: &str, range: Range<usize>) {
        let loc = self.loc(range);
        let line = self.ctx.line_of(&loc);
        if !self.html_lines.insert(line) {
            return;
        }
        let (what, help) = if t.trim_start().starts_with("<!--") {
            (
                "an HTML comment",
                "clerk does not hide comments: remove it, or keep the note outside the paper",
            )
        } else {
            (
                "raw HTML",
                "write it in Markdown instead (e.g. **bold**, a list or a table), or remove it",
            )
        };
        self.ctx.warn(
            "raw-html",
            &loc,
            format!("{what} on line {line} is shown as text, not passed through"),
            Some(help.into()),
        );
    }

    /// Finishes a link: `[](#label)` becomes a cross-reference; unsafe links keep only their text.
    /// An image: checked and read, or (after an error) its alt text, else its path, as text.
    pub(super) fn end_image(&mut self, url: String, alt: &[Inline], range: Range<usize>) {
        let alt = Inline::plain(alt).trim().to_string();
        let loc = self.loc(range);
        match self.ctx.load_image(&url, &alt, &loc) {
            Some(img) => {
                self.images.push(loc.range);
                self.inline(Inline::Image(img));
            }
            None => self.inline(Inline::Text {
                text: if alt.is_empty() { url } else { alt },
            }),
        }
    }

    pub(super) fn end_link(
        &mut self,
        url: String,
        title: String,
        safe: bool,
        mut content: Vec<Inline>,
        range: Range<usize>,
    ) {
        if url == super::spans::SPAN_URL {
            self.end_span(content, range);
            return;
        }
        if !safe {
            for inl in content {
                self.inline(inl);
            }
            return;
        }
        if let Some(fragment) = url.strip_prefix('#').filter(|f| !f.is_empty()) {
            let loc = self.loc(range.clone());
            if is_blank(&content) {
                let placeholder = self.ctx.refs.cross_ref(fragment, loc);
                self.inline(placeholder);
                return;
            }
            self.ctx.refs.fragment_link(fragment, loc);
        }
        if self.leave_out_private_link(&url, range.clone()) {
            for inl in content {
                self.inline(inl);
            }
            return;
        }
        self.lint_link(&url, &mut content, range.clone());
        self.lint_link_target(&url, range);
        self.inline(Inline::Link {
            url: href(&url),
            title,
            content,
        });
    }

    /// A paragraph made of inline content left directly in a container (a tight list item).
    pub(super) fn implicit_paragraph(
        &mut self,
        inlines: Vec<Inline>,
        range: Range<usize>,
    ) -> (Block, bool) {
        self.warn_misplaced_label(&inlines, range.clone());
        let (block, paragraph) = paragraph_block(inlines);
        self.warn_inline_images(&block, range);
        (block, paragraph)
    }

    /// Warns about each image read within `range` when its paragraph (`block`) has text
    /// beside it: the HTML draws it in the line, the PDF shows its alt text there.
    pub(super) fn warn_inline_images(&mut self, block: &Block, range: Range<usize>) {
        let within = self.images_within(range);
        if !matches!(block, Block::Paragraph { .. }) {
            return;
        }
        for at in within {
            let loc = self.loc(at);
            self.ctx.warn(
                "inline-image",
                &loc,
                "this image shares its paragraph with text: the HTML draws it in the line, but the PDF shows only its alt text there",
                Some("give the image a paragraph of its own (a blank line before and after it) to have it drawn in both".into()),
            );
        }
    }
}

impl Builder<'_, '_> {
    /// Takes the places of the images read so far that stand within `range`.
    fn images_within(&mut self, range: Range<usize>) -> Vec<Range<usize>> {
        if self.images.is_empty() {
            return Vec::new();
        }
        let (within, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut self.images)
            .into_iter()
            .partition(|r| r.start >= range.start && r.end <= range.end);
        self.images = rest;
        within
    }

    /// Warns about each image read within the table cell at `range`: the HTML draws it in
    /// the cell, the PDF shows its alt text there (`table-image`).
    pub(super) fn warn_cell_images(&mut self, range: Range<usize>) {
        for at in self.images_within(range) {
            let loc = self.loc(at);
            self.ctx.warn(
                "table-image",
                &loc,
                "this image is in a table cell: the HTML draws it there, but the PDF shows only its alt text in the cell",
                Some("give the image a paragraph of its own, before or after the table, to have it drawn in both".into()),
            );
        }
    }
}

/// A paragraph's block: an image standing alone becomes `Block::Image` (and takes no number).
pub(super) fn paragraph_block(inlines: Vec<Inline>) -> (Block, bool) {
    let mut solid = inlines
        .iter()
        .filter(|i| !is_blank(std::slice::from_ref(i)));
    if let (Some(Inline::Image(img)), None) = (solid.next(), solid.next()) {
        return (Block::Image(img.clone()), false);
    }
    (Block::Paragraph { content: inlines }, true)
}

//! Blocks and inlines of the [`Document`](crate::document::Document) turned into HTML
//! fragments, every piece of author text escaped.
//!
//! The templates own the page's structure (sections, numbered paragraphs, the header
//! table); this module owns the content inside each paragraph and footnote, handed to the
//! template as pre-rendered `html` strings.

use std::fmt::Write as _;

use base64::Engine as _;

pub use super::html_table::TableNames;
use crate::document::{Block, Image, Inline};

/// What [`link`] escapes in each segment of a path: controls, space, and every character
/// that would end or change a relative URL's path (`"#%<>?[]\\^`{|}` and `:`, which would
/// make `a:b.html` a scheme), besides all that is not ASCII.
const LINK_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b']')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}')
    .add(b':');

/// A relative link to the output at the `/`-separated `path`, each segment percent-encoded,
/// so a file name with a space, a `#` or a newline still makes a link that works.
pub fn link(path: &str) -> String {
    path.split('/')
        .map(|seg| percent_encoding::utf8_percent_encode(seg, LINK_SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

/// Escapes text for HTML element content and attribute values (`& < > " '`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// `text` escaped, its web and e-mail addresses made links (a meeting's location and
/// contact: `governance@example.org` → `<a href="mailto:governance@example.org">…</a>`).
pub fn linked(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (r, href) in crate::document::markdown::addresses(text) {
        escape_into(&mut out, &text[at..r.start]);
        out.push_str("<a href=\"");
        escape_into(&mut out, &href);
        out.push_str("\">");
        escape_into(&mut out, &text[r.clone()]);
        out.push_str("</a>");
        at = r.end;
    }
    escape_into(&mut out, &text[at..]);
    out
}

pub(super) fn escape_into(out: &mut String, text: &str) {
    // The text between the characters escaped goes in whole: they are ASCII, so each
    // byte found is a character of its own.
    let mut from = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[from..i]);
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(&text[from..]);
}

/// A `data:` URI holding `data` with its MIME type, for a standalone page.
pub fn data_uri(mime: &str, data: &[u8]) -> String {
    format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(data)
    )
}

/// A quoted CSS string literal for `text` (e.g. for `content:` in `@page` margin boxes),
/// safe inside a `<style>` element.
pub fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => {
                let _ = write!(out, "\\{:x} ", c as u32);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\{:x} ", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Renders a run of blocks (a paragraph's blocks, a footnote, a list item); its tables
/// take the next names from `tables`.
pub fn blocks(blocks: &[Block], tables: &mut TableNames) -> String {
    let mut out = String::new();
    for b in blocks {
        block_into(&mut out, b, tables);
    }
    out
}

/// Renders a run of inlines (a paragraph's text, a heading, a table cell).
pub fn inlines(content: &[Inline]) -> String {
    let mut out = String::new();
    inlines_into(&mut out, content);
    out
}

fn block_into(out: &mut String, block: &Block, tables: &mut TableNames) {
    match block {
        Block::Paragraph { content } => {
            out.push_str("<p>");
            inlines_into(out, content);
            out.push_str("</p>\n");
        }
        Block::List {
            start,
            items,
            tight,
        } => list_into(out, (*start, *tight), items, tables),
        Block::Table(table) => super::html_table::table_into(out, table, tables),
        Block::Quote { blocks } => {
            out.push_str("<blockquote>\n");
            for b in blocks {
                block_into(out, b, tables);
            }
            out.push_str("</blockquote>\n");
        }
        Block::Code { language, text } => {
            out.push_str("<pre><code");
            if let Some(lang) = language.as_deref().filter(|l| !l.is_empty()) {
                out.push_str(" class=\"language-");
                escape_into(out, lang);
                out.push('"');
            }
            out.push('>');
            escape_into(out, text);
            out.push_str("</code></pre>\n");
        }
        Block::Image(image) => {
            out.push_str("<figure class=\"image\">");
            image_into(out, image);
            out.push_str("</figure>\n");
        }
        Block::Rule => out.push_str("<hr>\n"),
    }
}

fn list_into(
    out: &mut String,
    (start, tight): (Option<u64>, bool),
    items: &[Vec<Block>],
    tables: &mut TableNames,
) {
    match start {
        None => out.push_str("<ul>\n"),
        Some(1) => out.push_str("<ol>\n"),
        Some(n) => {
            let _ = writeln!(out, "<ol start=\"{n}\">");
        }
    }
    let tag = if start.is_some() { "ol" } else { "ul" };
    for item in items {
        out.push_str("<li>");
        if tight {
            // A tight list's paragraphs are bare lines in their item, as CommonMark says.
            for (k, b) in item.iter().enumerate() {
                match b {
                    Block::Paragraph { content } => {
                        // Two lines in a row (a heading or HTML block made a line) stay
                        // two lines, as in the PDF.
                        match k.checked_sub(1).map(|j| &item[j]) {
                            Some(Block::Paragraph { .. }) => out.push_str("<br>\n"),
                            Some(_) => out.push('\n'),
                            None => {}
                        }
                        inlines_into(out, content);
                    }
                    b => {
                        out.push('\n');
                        block_into(out, b, tables);
                    }
                }
            }
        } else {
            out.push('\n');
            for b in item {
                block_into(out, b, tables);
            }
        }
        out.push_str("</li>\n");
    }
    let _ = writeln!(out, "</{tag}>");
}

fn image_into(out: &mut String, image: &Image) {
    out.push_str("<img alt=\"");
    escape_into(out, &image.alt);
    out.push_str("\" src=\"");
    out.push_str(&data_uri(image.mime, &image.data));
    out.push_str("\">");
}

/// Is `url` safe to put in an `href`? Script-running schemes are refused; relative links,
/// fragments and ordinary schemes (`https:`, `mailto:`, …) pass.
fn is_safe_url(url: &str) -> bool {
    let lowered: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    let lowered = lowered.to_ascii_lowercase();
    !["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| lowered.starts_with(s))
}

pub(super) fn inlines_into(out: &mut String, content: &[Inline]) {
    for (k, inline) in content.iter().enumerate() {
        match (inline, content.get(k + 1)) {
            // `paragraph [](#label)`: the number the reference shows stays with its word.
            (Inline::Text { text }, Some(Inline::CrossRef { number, .. }))
                if text.ends_with(' ')
                    && text
                        .trim_end()
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| crate::render::ties::space_tied(w, number)) =>
            {
                crate::render::ties::html_into(out, escape_into, text.trim_end());
                out.push_str("&nbsp;");
            }
            _ => inline_into(out, inline),
        }
    }
}

fn wrap(out: &mut String, tag: &str, content: &[Inline]) {
    let _ = write!(out, "<{tag}>");
    inlines_into(out, content);
    let _ = write!(out, "</{tag}>");
}

fn inline_into(out: &mut String, inline: &Inline) {
    match inline {
        Inline::Text { text } => crate::render::ties::html_into(out, escape_into, text),
        Inline::Emph { content } => wrap(out, "em", content),
        Inline::Strong { content } => wrap(out, "strong", content),
        Inline::Strike { content } => wrap(out, "del", content),
        Inline::Code { text } => {
            out.push_str("<code>");
            escape_into(out, text);
            out.push_str("</code>");
        }
        Inline::Link {
            url,
            title,
            content,
        } => {
            if !is_safe_url(url) {
                // Shown, never followed: the text stays, the link goes.
                inlines_into(out, content);
                return;
            }
            out.push_str("<a href=\"");
            escape_into(out, url);
            out.push('"');
            if !title.is_empty() {
                out.push_str(" title=\"");
                escape_into(out, title);
                out.push('"');
            }
            out.push('>');
            inlines_into(out, content);
            out.push_str("</a>");
        }
        Inline::CrossRef { number, target, .. } => {
            out.push_str("<a href=\"#");
            escape_into(out, target);
            out.push_str("\" class=\"xref\">");
            escape_into(out, number);
            out.push_str("</a>");
        }
        Inline::FootnoteRef { number, target, id } => {
            out.push_str("<sup><a href=\"#");
            escape_into(out, target);
            out.push_str("\" id=\"");
            escape_into(out, id);
            let _ = write!(out, "\" role=\"doc-noteref\">{number}</a></sup>");
        }
        Inline::Span { lang, content } => {
            out.push_str("<span lang=\"");
            escape_into(out, lang);
            out.push_str("\">");
            inlines_into(out, content);
            out.push_str("</span>");
        }
        Inline::Image(image) => image_into(out, image),
        Inline::SoftBreak => out.push('\n'),
        Inline::HardBreak => out.push_str("<br>\n"),
    }
}

/// Renders a footnote's blocks with its links back to each reference at the end of the
/// last paragraph (or after the last block when that is not a paragraph).
pub fn footnote(
    number: u32,
    refs: &[String],
    content: &[Block],
    tables: &mut TableNames,
) -> String {
    let mut backlinks = String::new();
    for (i, r) in refs.iter().enumerate() {
        let label = if i == 0 {
            format!("Back to reference {number}")
        } else {
            format!("Back to reference {number} (use {})", i + 1)
        };
        backlinks.push_str(" <a href=\"#");
        escape_into(&mut backlinks, r);
        backlinks.push_str("\" class=\"backref\" role=\"doc-backlink\" aria-label=\"");
        escape_into(&mut backlinks, &label);
        backlinks.push_str("\">↩</a>");
    }
    let mut out = blocks(content, tables.at(Some(format!("footnote {number}"))));
    if backlinks.is_empty() {
        return out;
    }
    match content.last() {
        Some(Block::Paragraph { .. }) => {
            let at = out.len() - "</p>\n".len();
            out.insert_str(at, &backlinks);
        }
        _ => {
            let _ = writeln!(out, "<p>{}</p>", backlinks.trim_start());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    /// Each of the five characters HTML needs escaped is, wherever it stands (first, last,
    /// next to another, beside characters of several bytes); everything else stays.
    #[test]
    fn the_five_are_escaped_and_nothing_else() {
        for (text, html) in [
            ("", ""),
            ("plain £ – é 中", "plain £ – é 中"),
            ("&", "&amp;"),
            (
                "<a href=\"x\">it's</a>",
                "&lt;a href=&quot;x&quot;&gt;it&#39;s&lt;/a&gt;",
            ),
            ("é&é", "é&amp;é"),
            ("&&<<>>", "&amp;&amp;&lt;&lt;&gt;&gt;"),
            ("end'", "end&#39;"),
        ] {
            assert_eq!(escape(text), html, "{text:?}");
        }
    }
}

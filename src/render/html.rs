//! Blocks and inlines of the [`Document`](crate::document::Document) turned into HTML
//! fragments, every piece of author text escaped.
//!
//! The templates own the page's structure (sections, numbered paragraphs, the header
//! table); this module owns the content inside each paragraph and footnote, handed to the
//! template as pre-rendered `html` strings.

use std::fmt::Write as _;

use base64::Engine as _;

use crate::document::{Align, Block, Image, Inline, Table};

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

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
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

/// Names the data tables of one page for their scroll regions, in page order: `Table 1,
/// paragraph 2.4`, `Table 2`, `Table 3, footnote 1`, so that a screen reader's list of
/// regions tells them apart and says where each is.
#[derive(Debug, Default)]
pub struct TableNames {
    count: usize,
    place: Option<String>,
}

impl TableNames {
    /// Tables from now on are in `place` (`paragraph 2.4`, `footnote 1`), or nowhere named.
    pub fn at(&mut self, place: Option<String>) -> &mut Self {
        self.place = place;
        self
    }

    fn next(&mut self) -> String {
        self.count += 1;
        match &self.place {
            Some(place) => format!("Table {}, {place}", self.count),
            None => format!("Table {}", self.count),
        }
    }
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
        Block::List { start, items } => list_into(out, *start, items, tables),
        Block::Table(table) => table_into(out, table, tables),
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

fn list_into(out: &mut String, start: Option<u64>, items: &[Vec<Block>], tables: &mut TableNames) {
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
        // A tight item (one paragraph) reads better without a <p> inside the <li>.
        match item.as_slice() {
            [Block::Paragraph { content }] => inlines_into(out, content),
            blocks => {
                out.push('\n');
                for b in blocks {
                    block_into(out, b, tables);
                }
            }
        }
        out.push_str("</li>\n");
    }
    let _ = writeln!(out, "</{tag}>");
}

fn align_class(align: Align) -> &'static str {
    match align {
        Align::None => "",
        Align::Left => "align-left",
        Align::Center => "align-center",
        Align::Right => "align-right",
    }
}

/// The text column holds about this many characters of table (75ch, less the rules).
const TEXT_COLUMN_CH: usize = 70;

/// Whether a table is wider than the text column, and which columns hold words (a cell of
/// three words or more): a wide table may use the window's width, and a column of words
/// gets a minimum width so that its rows are not one word a line. The width a table needs,
/// in characters: each column's longest cell with its padding, a column of words counted
/// at 20 (it wraps well), so a table of prose stays in the column.
fn table_shape(table: &Table) -> (bool, Vec<bool>) {
    let cols = table.align.len().max(table.head.len());
    let mut longest = vec![0usize; cols];
    let mut words = vec![false; cols];
    for row in std::iter::once(&table.head).chain(&table.rows) {
        for (c, cell) in row.iter().enumerate().take(cols) {
            let text = Inline::plain(cell);
            longest[c] = longest[c].max(text.chars().count());
            words[c] |= text.split_whitespace().count() >= 3;
        }
    }
    let natural: usize = longest
        .iter()
        .zip(&words)
        .map(|(l, w)| if *w { (*l).min(20) } else { *l } + 3)
        .sum();
    (natural > TEXT_COLUMN_CH, words)
}

fn table_into(out: &mut String, table: &Table, tables: &mut TableNames) {
    let (wide, words) = table_shape(table);
    let align = |i: usize| {
        let align = align_class(table.align.get(i).copied().unwrap_or(Align::None));
        let words = if words.get(i) == Some(&true) {
            "words"
        } else {
            ""
        };
        match (align, words) {
            ("", "") => String::new(),
            (a, "") | ("", a) => format!(" class=\"{a}\""),
            (a, w) => format!(" class=\"{a} {w}\""),
        }
    };
    out.push_str(if wide {
        "<div class=\"table-wrap wide\" role=\"region\" tabindex=\"0\" aria-label=\""
    } else {
        "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\""
    });
    escape_into(out, &tables.next());
    out.push_str("\">\n");
    out.push_str("<table>\n");
    // A header row without words (warned about as `table-no-header`) would only give
    // screen readers empty column headings to announce, so it is left out.
    let has_head = table
        .head
        .iter()
        .any(|cell| !Inline::plain(cell).trim().is_empty());
    if has_head {
        out.push_str("<thead>\n<tr>");
        for (i, cell) in table.head.iter().enumerate() {
            // An empty corner cell is a `<td>`: an empty `<th>` is a column header with
            // no name (axe `empty-table-header`), and the PDF tags it as a `TD` too.
            if Inline::plain(cell).trim().is_empty() {
                let _ = write!(out, "<td{}></td>", align(i));
                continue;
            }
            let _ = write!(out, "<th scope=\"col\"{}>", align(i));
            inlines_into(out, cell);
            out.push_str("</th>");
        }
        out.push_str("</tr>\n</thead>\n");
    }
    out.push_str("<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let _ = write!(out, "<td{}>", align(i));
            inlines_into(out, cell);
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
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

fn inlines_into(out: &mut String, content: &[Inline]) {
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

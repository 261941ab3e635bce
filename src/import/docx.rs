//! document.xml (and footnotes.xml) → a small model of paragraphs, runs and tables, with
//! styles, automatic numbers, links, footnote references and images resolved.

use std::collections::HashMap;

use roxmltree::Node;

use super::field::{self, Fields};
use super::styles::{Label, Numbering, Styles, num_pr};
use super::xml::{R, Relationship, child, child_val, is_w, wattr};

mod run;

use run::{equation, run};

/// A block of the document body.
#[derive(Debug, Clone)]
pub enum Block {
    /// A paragraph.
    Para(Para),
    /// A table: rows of cells, each cell a list of blocks.
    Table(Vec<Vec<Vec<Block>>>),
}

/// A paragraph with what import needs to know about it.
#[derive(Debug, Clone, Default)]
pub struct Para {
    /// 1-based position among the document's paragraphs (for messages).
    pub index: usize,
    /// Heading level from the paragraph style (1 = top).
    pub heading: Option<u8>,
    /// Set in the Title style.
    pub title_style: bool,
    /// The style's name, e.g. `List Bullet`.
    pub style: String,
    /// The automatic number Word shows, if any.
    pub label: Option<Label>,
    /// The content.
    pub runs: Vec<Run>,
}

/// Inline content.
#[derive(Debug, Clone, PartialEq)]
pub enum Run {
    /// Text with its emphasis.
    Text {
        /// The text.
        text: String,
        /// Bold.
        bold: bool,
        /// Italic.
        italic: bool,
        /// Struck through.
        strike: bool,
    },
    /// A hyperlink to a URL.
    Link {
        /// The URL.
        url: String,
        /// Its text.
        runs: Vec<Run>,
    },
    /// A footnote reference, by Word's footnote id.
    Footnote(String),
    /// A picture.
    Image {
        /// The part inside the package (`word/media/image1.png`), when embedded.
        part: Option<String>,
        /// Alt text (`descr`), else the title.
        alt: Option<String>,
    },
    /// A line break.
    Break,
}

impl Para {
    /// The paragraph's plain text (links' text included, images left out).
    pub fn text(&self) -> String {
        plain(&self.runs)
    }

    /// Are all the paragraph's letters in bold?
    pub fn all_bold(&self) -> bool {
        let mut any = false;
        for r in &self.runs {
            if let Run::Text { text, bold, .. } = r
                && !text.trim().is_empty()
            {
                any = true;
                if !bold {
                    return false;
                }
            }
        }
        any
    }
}

/// The plain text of runs.
pub fn plain(runs: &[Run]) -> String {
    let mut s = String::new();
    for r in runs {
        match r {
            Run::Text { text, .. } => s.push_str(text),
            Run::Link { runs, .. } => s.push_str(&plain(runs)),
            Run::Break => s.push(' '),
            Run::Footnote(_) | Run::Image { .. } => {}
        }
    }
    s
}

/// What the walk needs besides the XML.
pub struct Context<'a> {
    /// Paragraph styles.
    pub styles: &'a Styles,
    /// List definitions and counters.
    pub numbering: &'a mut Numbering,
    /// The part's relationships by id.
    pub rels: HashMap<String, Relationship>,
    /// Folder of the part, for resolving targets (`word`).
    pub base_dir: String,
    /// Paragraphs seen so far.
    pub count: usize,
    /// Elements the import cannot map: (what, paragraph index).
    pub skipped: Vec<(String, usize)>,
    /// Text boxes whose text was kept where they are anchored: (their first words,
    /// paragraph index).
    pub boxes: Vec<(String, usize)>,
    /// Tracked changes met (insertions, deletions, moves), taken as if accepted.
    pub tracked: usize,
    /// Tables with merged cells, by the paragraph index of their first paragraph.
    pub merged: Vec<usize>,
    /// Text set as superscript or subscript, kept as ordinary text: the first piece and
    /// its paragraph index, and how many pieces.
    pub raised: Option<(String, usize, usize)>,
    /// Equations (Office Math), kept as their text: the first and its paragraph index,
    /// and how many.
    pub equations: Option<(String, usize, usize)>,
    /// Underlined text (not a link's), kept as plain text: the first piece, its paragraph
    /// index, and how many pieces.
    pub underlined: Option<(String, usize, usize)>,
    /// Links kept as their text only, their address not one a published paper can link
    /// to (a file on a computer or shared drive, a script): the address and paragraph index.
    pub unlinked: Vec<(String, usize)>,
    /// Inside a hyperlink, whose underline is the link's own.
    pub in_link: bool,
}

/// Walks the children of `w:body` (or a footnote, or a table cell) into blocks.
pub fn blocks(parent: Node, cx: &mut Context) -> Vec<Block> {
    let mut out = Vec::new();
    for n in parent.children().filter(|n| n.is_element()) {
        match n.tag_name().name() {
            "p" if is_w(n, "p") => {
                let p = para(n, cx);
                if contents_style(&p.style) {
                    contents(cx);
                } else {
                    out.push(Block::Para(p));
                }
            }
            "tbl" if is_w(n, "tbl") => out.push(Block::Table(table(n, cx))),
            "sdt" if placeholder(n) => {}
            "sdt" if gallery(n).is_some_and(|g| g.eq_ignore_ascii_case("Table of Contents")) => {
                contents(cx);
                cx.count += n.descendants().filter(|d| is_w(*d, "p")).count();
            }
            "sdt" | "customXml" => {
                if let Some(content) = child(n, "sdtContent").or(Some(n)) {
                    out.extend(blocks(content, cx));
                }
            }
            // Text pasted in as HTML or another document, which Word converts on opening.
            "altChunk" => cx.skipped.push((
                "part embedded in another format (HTML, RTF)".into(),
                cx.count,
            )),
            _ => {}
        }
    }
    out
}

/// The building block a content control holds (`Table of Contents`, `Cover Pages`).
fn gallery<'a>(sdt: Node<'a, '_>) -> Option<&'a str> {
    let part = child(child(sdt, "sdtPr")?, "docPartObj")?;
    wattr(child(part, "docPartGallery")?, "val")
}

/// Is `style` one of a table of contents' (`TOC 1`…`TOC 9`, `TOC Heading`)?
fn contents_style(style: &str) -> bool {
    let s: String = style.chars().filter(|c| !c.is_whitespace()).collect();
    s.to_ascii_lowercase().starts_with("toc")
}

/// A table of contents met: left out (a paper's sections are its contents, and its PDF's
/// bookmarks list them), said once.
fn contents(cx: &mut Context) {
    let what = "table of contents (a paper's sections and its PDF's bookmarks serve)";
    if !cx.skipped.iter().any(|(w, _)| w == what) {
        cx.skipped.push((what.into(), cx.count));
    }
}

/// Is the content control `sdt` showing its placeholder ("Click or tap here to enter
/// text.")? Then it holds nothing the author wrote.
fn placeholder(sdt: Node) -> bool {
    child(sdt, "sdtPr")
        .and_then(|p| child(p, "showingPlcHdr"))
        .is_some_and(|x| !matches!(wattr(x, "val"), Some("0" | "false" | "off")))
}

/// A table's rows of cells. A cell merged across columns keeps its text in its first
/// cell and leaves the others empty, as one merged down rows does (Word writes nothing in
/// the cells it continues into); the table is noted in `cx.merged`.
fn table(tbl: Node, cx: &mut Context) -> Vec<Vec<Vec<Block>>> {
    let mut rows = Vec::new();
    let first = cx.count + 1;
    let mut merged = false;
    for tr in tbl.children().filter(|n| is_w(*n, "tr")) {
        // A row deleted with track changes on: its text is gone (`w:del`), and so is it,
        // as Word shows the document with the changes accepted. Its cells are still read,
        // so that later paragraphs keep their count.
        let deleted = child(tr, "trPr").and_then(|p| child(p, "del")).is_some();
        let mut cells = Vec::new();
        for tc in tr.children().filter(|n| is_w(*n, "tc")) {
            let props = child(tc, "tcPr");
            let span = props
                .and_then(|p| child_val(p, "gridSpan"))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, 64);
            merged |= !deleted && (span > 1 || props.and_then(|p| child(p, "vMerge")).is_some());
            cells.push(blocks(tc, cx));
            for _ in 1..span {
                cells.push(Vec::new());
            }
        }
        if deleted {
            cx.tracked += 1;
            continue;
        }
        rows.push(cells);
    }
    if merged {
        cx.merged.push(first);
    }
    rows
}

fn para(p: Node, cx: &mut Context) -> Para {
    cx.count += 1;
    let ppr = child(p, "pPr");
    let style_id = ppr.and_then(|x| child_val(x, "pStyle")).unwrap_or("");
    let own_num = ppr.and_then(|x| child(x, "numPr")).and_then(num_pr);
    let num = own_num.or_else(|| cx.styles.numbering(style_id));
    let mut label = num.and_then(|(id, level)| {
        let style = (!style_id.is_empty()).then_some(style_id);
        cx.numbering.next(&id, level, style)
    });
    // Word's `List Bullet 2` (`List Number 3`, …) nests by its style, a list of its own set
    // further in, not by a level of one list: the item is that deep.
    if let Some(l) = label.as_mut() {
        l.level = l.level.max(style_depth(cx.styles.name(style_id)));
    }
    let mut para = Para {
        index: cx.count,
        heading: cx.styles.heading_level(style_id),
        title_style: cx.styles.is_title(style_id),
        style: cx.styles.name(style_id).to_string(),
        label,
        runs: Vec::new(),
    };
    if let Some(level) = ppr
        .and_then(|x| child_val(x, "outlineLvl"))
        .and_then(|v| v.parse::<u8>().ok())
        .filter(|l| *l < 9)
    {
        para.heading = Some(level + 1);
    }
    inline(p, cx, &mut para.runs);
    para
}

/// How deep a list style of Word's own nests its items, from the number its name ends with:
/// `List Bullet 2` one level in, `List Number 3` two; 0 for any other style.
fn style_depth(name: &str) -> u8 {
    let lower = name.to_ascii_lowercase();
    let Some(rest) = ["list bullet ", "list number ", "list continue "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
    else {
        return 0;
    };
    rest.trim()
        .parse::<u8>()
        .ok()
        .filter(|n| (2..=9).contains(n))
        .map_or(0, |n| n - 1)
}

/// Collects the runs under `node` (a paragraph, hyperlink, field or smart tag).
pub(super) fn inline(node: Node, cx: &mut Context, out: &mut Vec<Run>) {
    let mut fields = Fields::default();
    for n in node.children().filter(|n| n.is_element()) {
        match n.tag_name().name() {
            "r" => {
                fields.before(n, out);
                run(n, cx, out);
                fields.after(n, out);
            }
            "fldSimple" => match wattr(n, "instr").and_then(field::hyperlink) {
                Some(url) => {
                    let mut runs = Vec::new();
                    inline(n, cx, &mut runs);
                    out.push(Run::Link { url, runs });
                }
                None => inline(n, cx, out),
            },
            "hyperlink" => {
                let url = n
                    .attribute((R, "id"))
                    .and_then(|id| cx.rels.get(id))
                    .filter(|r| r.external)
                    .map(|r| r.target.clone());
                let mut runs = Vec::new();
                let outer = std::mem::replace(&mut cx.in_link, true);
                inline(n, cx, &mut runs);
                cx.in_link = outer;
                match url {
                    Some(url) if url.starts_with("http") || url.starts_with("mailto:") => {
                        out.push(Run::Link { url, runs })
                    }
                    Some(url) => {
                        cx.unlinked.push((url, cx.count));
                        out.extend(runs);
                    }
                    None => out.extend(runs),
                }
            }
            "sdt" if placeholder(n) => {}
            // Right-to-left and directional runs hold their runs as any wrapper does.
            "smartTag" | "customXml" | "sdt" | "sdtContent" | "bdo" | "dir" => inline(n, cx, out),
            "oMath" | "oMathPara" => equation(n, cx, out),
            // A tracked change is taken as accepted: an insertion's or a move's text kept
            // where it now stands, a deletion's and a move's old place left out.
            "ins" | "moveTo" => {
                cx.tracked += 1;
                inline(n, cx, out)
            }
            "del" | "moveFrom" => cx.tracked += 1,
            _ => {}
        }
    }
}

/// footnotes.xml or endnotes.xml (`kind` `footnote` or `endnote`) → (id, paragraphs),
/// leaving out Word's separator notes. An endnote becomes a footnote, its id told apart.
pub fn notes(root: Node, kind: &str, cx: &mut Context) -> Vec<(String, Vec<Block>)> {
    root.descendants()
        .filter(|n| is_w(*n, kind))
        .filter(|n| wattr(*n, "type").is_none_or(|t| t == "normal"))
        .filter_map(|n| Some((note_id(kind, wattr(n, "id")?), blocks(n, cx))))
        .collect()
}

/// The id a note of `kind` (or a reference to one) goes by: Word numbers footnotes and
/// endnotes apart, so an endnote's is marked.
fn note_id(kind: &str, id: &str) -> String {
    if kind.starts_with("endnote") {
        format!("e{id}")
    } else {
        id.to_string()
    }
}

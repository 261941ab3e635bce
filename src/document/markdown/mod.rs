//! Markdown → numbered sections: the public entry point, parser options and shared context.
//!
//! [`build_sections`] parses the body, every filled-in implication and the recommendations
//! (in that order, see `blocks`), numbers them into [`Section`]s (`numbering`), then
//! resolves cross-references and footnotes across the whole paper (`refs`). Images are
//! checked and read by `images`. Every problem becomes a [`Diagnostic`]; nothing stops
//! at the first one and no input makes it panic.

mod autolink;
mod blocks;
mod closing;
mod frames;
mod headings;
mod ids;
mod images;
mod inline;
mod labels;
mod lint;
mod listed;
mod names;
mod numbering;
mod refs;
mod report;
mod spans;
mod table_rows;
mod targets;

pub(crate) use targets::has_scheme;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::Options;

use crate::config::{HouseStyle, ImplicationStyle, Limits};
use crate::diag::Diagnostic;
use crate::document::{Footnote, Item, Section, SectionKind};
use crate::paper::MetaSpan;
pub(crate) use images::sniff;

/// The web and e-mail addresses in a plain text (a meeting's location or contact), each
/// with the destination it links to, percent-encoded as a paper's links are: linked by the
/// rules a paper's text is (`https://…`, `www.…`, `name@example.org`).
pub fn addresses(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    autolink::find(text)
        .into_iter()
        .map(|(r, url)| (r, inline::href(&url)))
        .collect()
}
#[cfg(test)]
pub(crate) use inline::href;
#[cfg(test)]
pub(crate) use labels::trailing_label;
pub(crate) use refs::walk_inlines;

/// Where a piece of Markdown comes from, so diagnostics point at the right place.
#[derive(Debug, Clone, Copy)]
pub struct MdSource<'a> {
    /// Path shown in diagnostics (relative to the project root).
    pub file: &'a Path,
    /// The Markdown to parse.
    pub markdown: &'a str,
    /// How `markdown` sits in its file.
    pub origin: Origin<'a>,
}

/// How a piece of Markdown sits in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin<'a> {
    /// `markdown` is the file's text from byte `offset` on (the body of a .md file), which
    /// starts on 1-based `line`.
    Body {
        /// Byte offset of `markdown` in the file's text.
        offset: usize,
        /// The line it starts on.
        line: usize,
    },
    /// `markdown` came from a YAML value on 1-based `line`, which starts at byte
    /// `line_start` of the file's text; its problems are reported where `spans` places
    /// them, or at the start of that line when it does not.
    Value {
        /// The value's line.
        line: usize,
        /// Byte offset of the start of that line.
        line_start: usize,
        /// Where the value's bytes stand in the file (see [`MetaSpan`]).
        spans: &'a [MetaSpan],
    },
}

/// Everything Markdown in one paper, with where images may be read from.
#[derive(Debug, Clone)]
pub struct DocumentParts<'a> {
    /// The body (`# Purpose`, `# Background`, …).
    pub body: MdSource<'a>,
    /// One entry per house implication, in house order; `None` = the paper did not fill it in.
    pub implications: Vec<(&'a ImplicationStyle, Option<MdSource<'a>>)>,
    /// The `recommendations` metadata value.
    pub recommendations: MdSource<'a>,
    /// One entry per appendix, in order: its anchor id (`appendix-a`) and, for a Markdown
    /// file, its text.
    pub appendices: Vec<(String, Option<MdSource<'a>>)>,
    /// Absolute folder of the paper (images are relative to it).
    pub paper_dir: &'a Path,
    /// Absolute, canonical project root (images must stay inside).
    pub project_root: &'a Path,
    /// The papers a link of this paper must not name.
    pub private: PrivatePapers<'a>,
}

/// The papers a paper's links must not name: for a public paper, those taken in private
/// (their pages are not published, and their file names say what is discussed in private).
#[derive(Clone, Copy)]
pub struct PrivatePapers<'a>(pub &'a dyn Fn(&Path) -> bool);

impl PrivatePapers<'_> {
    /// None: a private paper's links, or a paper built alone.
    pub const NONE: PrivatePapers<'static> = PrivatePapers(&|_| false);

    /// Is the paper whose `.md` is at the absolute path `source` one of them?
    pub fn holds(&self, source: &Path) -> bool {
        (self.0)(source)
    }
}

impl std::fmt::Debug for PrivatePapers<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PrivatePapers")
    }
}

/// The paper's sections in reading order and its footnotes in number order.
#[derive(Debug, Clone, Default)]
pub struct Sections {
    /// Unnumbered and numbered body sections, implications, then RECOMMENDATIONS.
    pub sections: Vec<Section>,
    /// Footnotes numbered 1, 2, … in order of first reference.
    pub footnotes: Vec<Footnote>,
    /// The content of each appendix, in order: `Some` for a Markdown file.
    pub appendices: Vec<Option<Vec<Item>>>,
    /// Does the paper link another paper's page or PDF (so that its outputs depend on
    /// which papers are taken in private)?
    pub links_papers: bool,
}

/// The pulldown-cmark options of the paper format: GFM tables, footnotes, strikethrough,
/// smart punctuation, heading labels (`# Background {#background}`) and task list markers
/// (spotted to be warned about; no maths).
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_TASKLISTS
}

/// Builds every section of the paper in reading order, with all diagnostics (never stops at
/// the first), sorted by file and position.
pub fn build_sections(parts: &DocumentParts, house: &HouseStyle) -> (Sections, Vec<Diagnostic>) {
    let mut sources: Vec<&MdSource> = vec![&parts.body];
    let mut implication_src = Vec::with_capacity(parts.implications.len());
    for (_, src) in &parts.implications {
        implication_src.push(src.as_ref().map(|s| {
            sources.push(s);
            sources.len() - 1
        }));
    }
    sources.push(&parts.recommendations);
    let recommendations_src = sources.len() - 1;
    let mut appendix_src = Vec::with_capacity(parts.appendices.len());
    for (_, src) in &parts.appendices {
        appendix_src.push(src.as_ref().map(|s| {
            sources.push(s);
            sources.len() - 1
        }));
    }

    let mut ctx = Ctx::new(sources, parts.paper_dir, parts.project_root, house.limits);
    ctx.private = parts.private;
    // Parse everything first so that every label is known before ids are handed out.
    let mut parsed: Vec<Vec<blocks::Node>> = (0..ctx.sources.len())
        .map(|i| blocks::parse(&mut ctx, i))
        .collect();
    let mut take = |i: usize| std::mem::take(&mut parsed[i]);
    ctx.ids.insert("recommendations".into());
    ctx.ids
        .extend(parts.appendices.iter().map(|(id, _)| id.clone()));

    let mut next_number = 1;
    let mut sections = numbering::body_sections(&mut ctx, take(0), house, &mut next_number);
    for ((style, _), src) in parts.implications.iter().zip(&implication_src) {
        let nodes = src.map(|i| (i, take(i)));
        sections.push(closing::implication_section(
            &mut ctx,
            style,
            nodes,
            house,
            &mut next_number,
        ));
    }
    sections.push(closing::recommendations_section(
        &mut ctx,
        recommendations_src,
        take(recommendations_src),
        house,
    ));

    // Appendices are resolved with the paper (their links, references and footnotes are
    // the paper's), then taken back out.
    let main = sections.len();
    let mut with_file = Vec::new();
    for ((id, _), src) in parts.appendices.iter().zip(&appendix_src) {
        with_file.push(src.is_some());
        if let Some(i) = *src {
            let items = closing::appendix_items(&mut ctx, i, take(i), id);
            sections.push(Section {
                kind: SectionKind::Unnumbered,
                number: None,
                heading: String::new(),
                display_heading: String::new(),
                content: Vec::new(),
                id: id.clone(),
                items,
            });
        }
    }
    let appendix_of = parts
        .appendices
        .iter()
        .zip(&appendix_src)
        .filter_map(|((id, _), src)| Some(((*src)?, id.clone())))
        .collect();
    let footnotes = refs::resolve(&mut ctx, &mut sections, &appendix_of);
    let mut appendix_items = sections.split_off(main).into_iter().map(|s| s.items);
    let appendices = with_file
        .into_iter()
        .map(|has| if has { appendix_items.next() } else { None })
        .collect();
    crate::diag::sort(&mut ctx.diags);
    ctx.finish_report();
    (
        Sections {
            sections,
            footnotes,
            appendices,
            links_papers: ctx.links_papers,
        },
        ctx.diags,
    )
}

/// Where something stands: which source (index into [`Ctx::sources`]) and which bytes of its
/// Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Loc {
    /// Index into [`Ctx::sources`].
    pub src: usize,
    /// Byte range in that source's Markdown.
    pub range: Range<usize>,
}

/// State shared by the stages while one paper is built.
pub(crate) struct Ctx<'p> {
    /// Body, filled-in implications, recommendations, in reading order.
    pub sources: Vec<&'p MdSource<'p>>,
    /// Everything found so far.
    pub diags: Vec<Diagnostic>,
    /// Labels, cross-references and footnotes waiting to be resolved.
    pub refs: refs::Refs,
    /// Anchor ids handed out so far (labels first), to keep them unique.
    pub ids: HashSet<String>,
    /// The last numeric suffix tried for each slug (see `numbering::unique_slug`).
    pub slug_counts: HashMap<String, u32>,
    /// Image checks and the bytes already read.
    pub images: images::Images,
    /// Line starts of each distinct file text, and how many diagnostics each code has had.
    pub report: report::Report,
    /// The house's safety limits.
    pub limits: Limits,
    /// See [`DocumentParts::private`].
    pub private: PrivatePapers<'p>,
    /// See [`Sections::links_papers`].
    pub links_papers: bool,
}

impl<'p> Ctx<'p> {
    fn new(
        sources: Vec<&'p MdSource<'p>>,
        paper_dir: &Path,
        project_root: &Path,
        limits: Limits,
    ) -> Self {
        Ctx {
            sources,
            diags: Vec::new(),
            refs: refs::Refs::default(),
            ids: HashSet::new(),
            slug_counts: HashMap::new(),
            images: images::Images::new(paper_dir, project_root),
            report: report::Report::default(),
            limits,
            private: PrivatePapers::NONE,
            links_papers: false,
        }
    }

    /// The Markdown text of source `src`.
    pub fn markdown(&self, src: usize) -> &'p str {
        self.sources[src].markdown
    }
}

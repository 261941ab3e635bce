//! Unit tests of the Markdown stage: shared helpers here, one file per group of rules.

mod appendix;
mod checks;
mod commonmark;
mod headings;
mod lint;
mod listed;
mod numbering;
mod refs;
mod robust;
mod seed;
mod spans;

use std::path::Path;

pub(super) use super::*;
pub(super) use crate::diag::{Placed, Severity, Sources, placed};
pub(super) use crate::document::{Block, Inline, Item, Para, SectionKind};

pub(super) const RECS: &str = "Members are invited to discuss the contents of this report.";

/// Builds a paper whose body is `body` (the whole file), with filled-in implications
/// (`key`, Markdown, line) and recommendations.
pub(super) fn run_full(
    body: &str,
    impls: &[(&str, &str, usize)],
    recs: &str,
    dir: &Path,
) -> (Sections, Vec<Placed>) {
    run_in(body, impls, recs, dir, dir)
}

pub(super) fn run_in(
    body: &str,
    impls: &[(&str, &str, usize)],
    recs: &str,
    dir: &Path,
    root: &Path,
) -> (Sections, Vec<Placed>) {
    run_in_house(body, (impls, recs), (dir, root), &HouseStyle::default())
}

/// [`run_in`] in `house`'s style.
pub(super) fn run_in_house(
    body: &str,
    (impls, recs): (&[(&str, &str, usize)], &str),
    (dir, root): (&Path, &Path),
    house: &HouseStyle,
) -> (Sections, Vec<Placed>) {
    let file = Path::new("papers/p.md");
    // The file: the body, then lines enough for the metadata values' lines.
    let last = impls.iter().map(|i| i.2).max().unwrap_or(1);
    let text = format!("{body}{}", "\n".repeat(last));
    let src = |markdown, origin| MdSource {
        file,
        markdown,
        origin,
    };
    let implications = house
        .implications
        .iter()
        .map(|s| {
            (
                s,
                impls
                    .iter()
                    .find(|i| i.0 == s.key)
                    .map(|(_, md, line)| src(*md, value_at(&text, *line))),
            )
        })
        .collect();
    let parts = DocumentParts {
        body: src(body, Origin::Body { offset: 0, line: 1 }),
        implications,
        recommendations: src(recs, value_at(&text, 1)),
        appendices: Vec::new(),
        paper_dir: dir,
        project_root: root,
        private: crate::document::markdown::PrivatePapers::NONE,
    };
    let (sections, diags) = build_sections(&parts, house);
    (sections, placed(diags, &Sources::of(file, text.as_str())))
}

/// A YAML value on 1-based `line` of `text`.
pub(super) fn value_at(text: &str, line: usize) -> Origin<'static> {
    let line_start = crate::diag::offset_of(text, line, 1).unwrap_or(text.len());
    Origin::Value {
        line,
        line_start,
        spans: &[],
    }
}

pub(super) fn run(body: &str) -> (Sections, Vec<Placed>) {
    run_full(body, &[], RECS, Path::new("/nonexistent-clerk-test"))
}

pub(super) fn paras(s: &Section) -> Vec<&Para> {
    s.items
        .iter()
        .filter_map(|i| match i {
            Item::Para(p) => Some(p),
            Item::SubHeading { .. } => None,
        })
        .collect()
}

/// A section's items in short: `1.2 P L` (number, then P paragraph, L list, T table, Q quote,
/// C code, I image, R rule), `- P` when unnumbered, `## Text` for sub-headings.
pub(super) fn outline(s: &Section) -> Vec<String> {
    s.items
        .iter()
        .map(|i| match i {
            Item::Para(p) => {
                let mut out = p.number.clone().unwrap_or_else(|| "-".into());
                for b in &p.blocks {
                    out.push(' ');
                    out.push(match b {
                        Block::Paragraph { .. } => 'P',
                        Block::List { .. } => 'L',
                        Block::Table(_) => 'T',
                        Block::Quote { .. } => 'Q',
                        Block::Code { .. } => 'C',
                        Block::Image(_) => 'I',
                        Block::Rule => 'R',
                    });
                }
                out
            }
            Item::SubHeading { content, level, .. } => {
                format!("{} {}", "#".repeat(*level as usize), Inline::plain(content))
            }
        })
        .collect()
}

pub(super) fn codes(diags: &[Placed]) -> Vec<&'static str> {
    diags.iter().map(|d| d.code).collect()
}

pub(super) fn find<'a>(diags: &'a [Placed], code: &str) -> &'a Placed {
    diags
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no `{code}` in {diags:#?}"))
}

pub(super) fn para_text(p: &Para) -> String {
    match &p.blocks[0] {
        Block::Paragraph { content } => Inline::plain(content),
        other => format!("{other:?}"),
    }
}

pub(super) fn first_inlines(p: &Para) -> &[Inline] {
    match &p.blocks[0] {
        Block::Paragraph { content } => content,
        other => panic!("not a paragraph: {other:?}"),
    }
}

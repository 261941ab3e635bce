//! Block layout: numbered paragraphs with hanging numbers, lists with hanging markers
//! (nested to any depth), quotes, code, images, rules, footnotes and the appendix list.

use super::model::{Item, Mark, Rgb, Role, Tag, Target};
use super::paginate::{Keep, Unit};
use super::text::{self, Span, Style};
use super::{Flow, Geometry, table};
use crate::config::HouseStyle;
use crate::document::{AppendixContent, Block, Document, Image, Para};

/// A numbered (or unnumbered) paragraph: its number hangs at the left margin, beside the
/// first line of its first block; the blocks that belong to it follow in the text column.
pub(crate) fn para(flow: &mut Flow<'_>, para: &Para, space_before: f32) {
    let geo = flow.geo;
    // A new numbered paragraph is never the continuation of a list item before it.
    flow.role = Role::P;
    let first_block = flow.block + 1;
    for (k, block) in para.blocks.iter().enumerate() {
        if k == 0 {
            let name = match &para.number {
                Some(n) => format!("Paragraph {n}"),
                None => "Paragraph".to_string(),
            };
            flow.anchor(&para.id, name.clone());
            if let Some(label) = &para.label {
                flow.anchor(label, name);
            }
            if let Some(n) = &para.number {
                let spans = vec![Span {
                    text: n.clone(),
                    style: flow.body(),
                }];
                flow.set_marker(geo.left(), spans);
            }
        }
        let space = if k == 0 { space_before } else { geo.size * 0.4 };
        let start = flow.galley.units.len();
        self::block(
            flow,
            block,
            geo.column(),
            geo.right() - geo.column(),
            space,
            0,
        );
        // A paragraph that introduces what follows ("These recommendations were:", a
        // table's caption, the words a quote belongs to) keeps its last line with it, so
        // it stays on the page where the block's first lines or rows start.
        if introduces(block, para.blocks.get(k + 1))
            && flow.galley.units.len() > start
            && let Some(last) = flow.galley.units.last_mut()
        {
            last.keep_with_next = Keep::Intro;
        }
    }
    // A paragraph with a list, table… of its own: the tree groups them (a `Div`).
    if para.blocks.len() > 1 && flow.block > first_block {
        flow.structure.groups.push((first_block, flow.block));
    }
}

/// True when `block` is a paragraph that introduces `next`: a list, table, quote, code or
/// image after it, or anything after words ending in a colon.
pub(crate) fn introduces(block: &Block, next: Option<&Block>) -> bool {
    let Block::Paragraph { content } = block else {
        return false;
    };
    match next {
        None => false,
        Some(Block::Paragraph { .. }) => crate::document::Inline::plain(content)
            .trim_end()
            .ends_with(':'),
        Some(_) => true,
    }
}

/// Lays out one block at `x`, `width` wide; `depth` counts enclosing lists.
pub(crate) fn block(
    flow: &mut Flow<'_>,
    block: &Block,
    x: f32,
    width: f32,
    space: f32,
    depth: usize,
) {
    match block {
        Block::Paragraph { content } => {
            // A list item's or a footnote's first paragraph is its own block's text; a
            // quote's paragraphs are each a `P` inside it.
            if !matches!(flow.role, Role::L(_) | Role::Note) {
                flow.begin(Role::P);
            }
            let spans = text::spans(content, &flow.body());
            flow.paragraph(&spans, x, width, space);
        }
        Block::List {
            start,
            items,
            tight,
        } => list(flow, (*start, *tight), items, (x, width), space, depth),
        Block::Table(t) => table::table(flow, t, x, width, space),
        Block::Quote { blocks } => {
            // The quote's element holds what it quotes (paragraphs, lists, tables, a quote
            // inside it): the tree is told its first and last blocks.
            flow.begin(Role::Quote);
            let first = flow.block();
            let start = flow.galley.units.len();
            for (k, b) in blocks.iter().enumerate() {
                let s = if k == 0 { space } else { flow.geo.size * 0.4 };
                self::block(flow, b, x + 14.0, width - 14.0, s, depth);
            }
            // A quote with nothing in it has no element.
            if flow.block() > first {
                flow.structure.quotes.push((first, flow.block()));
            }
            // Its bar is decoration, drawn beside what it quotes.
            for unit in &mut flow.galley.units[start..] {
                unit.items.push(Item {
                    tag: Tag::Artifact,
                    mark: Mark::Rect {
                        x: x + 2.0,
                        y: 0.0,
                        w: 2.5,
                        h: unit.height,
                        fill: Some(Rgb::gray(0.7)),
                        stroke: None,
                    },
                });
            }
        }
        Block::Code { text, .. } => code(flow, text, x, width, space),
        Block::Image(img) => image(flow, img, x, width, space),
        Block::Rule => {
            flow.begin(Role::P);
            let tag = flow.tag();
            let unit = Unit {
                height: 12.0,
                space_before: space,
                items: vec![Item {
                    tag,
                    mark: Mark::Line {
                        from: (x, 6.0),
                        to: (x + width, 6.0),
                        width: 0.5,
                        color: Rgb::gray(0.5),
                    },
                }],
                ..Unit::default()
            };
            flow.push(unit, 8.0);
        }
    }
}

/// A list: a tight one's items sit close (3 pt apart), a loose one's are spaced as
/// paragraphs are, as the author's blank lines between them asked.
fn list(
    flow: &mut Flow<'_>,
    (start, tight): (Option<u64>, bool),
    items: &[Vec<Block>],
    (x, width): (f32, f32),
    space: f32,
    depth: usize,
) {
    let style = flow.body();
    let gap = if tight { 3.0 } else { flow.geo.size * 0.4 };
    let markers: Vec<String> = (0..items.len())
        .map(|k| match start {
            Some(s) => format!("{}.", s + k as u64),
            None => if depth.is_multiple_of(2) {
                "•"
            } else {
                "–"
            }
            .to_string(),
        })
        .collect();
    let widest = markers.iter().map(|m| m.chars().count()).max().unwrap_or(1) as f32;
    let indent = if start.is_some() {
        (style.size * 0.6 * widest + 8.0).max(18.0)
    } else {
        16.0
    };
    for (k, item) in items.iter().enumerate() {
        flow.begin(Role::L(u8::try_from(depth).unwrap_or(u8::MAX)));
        flow.set_marker(
            x,
            vec![Span {
                text: markers[k].clone(),
                style: style.clone(),
            }],
        );
        // The item's own block, after its bullet's.
        let own = flow.block();
        if k == 0 {
            flow.structure.lists.push(own);
        }
        let before_item = flow.galley.units.len();
        let mut first = true;
        for b in item {
            // A further paragraph or list in the item stands apart as paragraphs do.
            let s = if first {
                if k == 0 { space.max(gap) } else { gap }
            } else {
                flow.geo.size * 0.4
            };
            if !first && matches!(b, Block::Paragraph { .. }) && flow.block() == own {
                // Its text goes on in the item's own: a space between the two, read from the
                // tags (`With a second paragraph`, not `oneWith`).
                flow.end_block_with_space();
            }
            let before = flow.galley.units.len();
            self::block(flow, b, x + indent, width - indent, s, depth + 1);
            if flow.galley.units.len() > before {
                first = false;
            }
            flow.role = Role::L(u8::try_from(depth).unwrap_or(u8::MAX));
        }
        if flow.galley.units.len() == before_item {
            // An empty item still shows its marker on a line of its own.
            flow.push_lines(vec![text::Line::default()], x + indent, style.size, gap);
        }
    }
}

fn code(flow: &mut Flow<'_>, source: &str, x: f32, width: f32, space: f32) {
    flow.begin(Role::Code);
    let size = flow.geo.size * 0.82;
    let style = Style {
        mono: true,
        ..Style::plain(size)
    };
    let pad = 4.0;
    let mut lines = Vec::new();
    for src in source.trim_end_matches('\n').split('\n') {
        // Breaks at spaces (`pre-wrap`); the indent holds to the first word (no-break).
        let src = src.replace('\t', "    ");
        let code = src.trim_start_matches(' ');
        let indent = "\u{a0}".repeat(src.len() - code.len());
        let spans = vec![Span {
            text: format!("{indent}{code}"),
            style: style.clone(),
        }];
        let mut set = text::break_code(&spans, flow.fonts, width - 2.0 * pad);
        if set.is_empty() {
            set.push(text::Line::default());
        }
        // Each source line ends with an invisible space, so that its text, read from the
        // tags, does not run into the next line's (`line oneline two`).
        if let Some(last) = set.last_mut() {
            super::breaks::end_with_space(last, flow.fonts);
        }
        for line in &mut set {
            for run in &mut line.runs {
                run.glyphs.retext("\u{a0}", " ");
            }
        }
        lines.extend(set);
    }
    let start = flow.galley.units.len();
    flow.push_lines(lines, x + pad, size, space);
    let tag = flow.tag();
    let n = flow.galley.units.len();
    for (k, unit) in flow.galley.units[start..].iter_mut().enumerate() {
        // A little padding above the first line and below the last, inside the shading.
        if k == 0 {
            unit.height += 3.0;
            for item in &mut unit.items {
                if let Mark::Glyphs(run) = &mut item.mark {
                    run.y += 3.0;
                }
            }
        }
        if start + k + 1 == n {
            unit.height += 3.0;
        }
        unit.items.insert(
            0,
            Item {
                tag: tag.clone(),
                mark: Mark::Rect {
                    x,
                    y: 0.0,
                    w: width,
                    h: unit.height,
                    fill: Some(Rgb::gray(0.94)),
                    stroke: None,
                },
            },
        );
        // Code lines are not prose: a page may break between any two.
        unit.keep_with_next = Keep::No;
    }
}

fn image(flow: &mut Flow<'_>, img: &Image, x: f32, width: f32, space: f32) {
    flow.begin(Role::Figure(img.alt.clone()));
    let Some((pw, ph)) = crate::document::picture::size(&img.data) else {
        let spans = vec![Span {
            text: format!("[image: {}]", img.alt),
            style: flow.body(),
        }];
        flow.paragraph(&spans, x, width, space);
        return;
    };
    // 96 pixels to the inch, never wider than the text nor taller than half the page.
    let max_h = (flow.geo.page.1 - flow.geo.margins.0 - flow.geo.margins.2) * 0.6;
    let mut w = (pw as f32 * 0.75).min(width);
    let mut h = w * ph as f32 / pw as f32;
    if h > max_h {
        w *= max_h / h;
        h = max_h;
    }
    let index = flow.images.len();
    flow.images.push(img.clone());
    let unit = Unit {
        height: h,
        space_before: space.max(4.0),
        items: vec![Item {
            tag: flow.tag(),
            mark: Mark::Image {
                index,
                x,
                y: 0.0,
                w,
                h,
            },
        }],
        ..Unit::default()
    };
    flow.push(unit, Geometry::leading(flow.geo.size) * 0.7);
}

/// The appendix list after the last section: "Appendix A – title".
pub(crate) fn appendices(flow: &mut Flow<'_>, doc: &Document, house: &HouseStyle) {
    if doc.appendices.is_empty() {
        return;
    }
    let geo = flow.geo;
    flow.begin(Role::H(geo.section_level()));
    flow.anchor("appendices", house.words.appendices.clone());
    let heading = house.case_heading(&house.words.appendices);
    flow.bookmarks.push(heading.clone());
    let spans = vec![Span {
        text: heading,
        style: flow.body().bold(),
    }];
    flow.heading(&spans);
    for a in &doc.appendices {
        flow.begin(Role::P);
        // Each entry goes to its appendix, as in the HTML (one without a file, nowhere).
        let link = match &a.content {
            AppendixContent::Markdown { .. } => Some(Target::Anchor(a.id.clone())),
            AppendixContent::Pdf { .. } => {
                flow.anchor_names.insert(a.id.clone(), a.heading());
                Some(Target::Appended(a.id.clone()))
            }
            _ => None,
        };
        let spans = vec![Span {
            text: a.heading(),
            style: Style {
                link,
                ..flow.body()
            },
        }];
        flow.paragraph(
            &spans,
            geo.column(),
            geo.right() - geo.column(),
            geo.size * 0.5,
        );
    }
}

/// Footnotes, set small at full text width, number hanging; kept aside for the page foot.
pub(crate) fn footnotes(flow: &mut Flow<'_>, doc: &Document) {
    let geo = flow.geo;
    let size = geo.size * 0.8;
    let indent = note_indent(flow, doc, size);
    for note in &doc.footnotes {
        let start = flow.galley.units.len();
        flow.begin(Role::Note);
        flow.anchor(&note.id, format!("Footnote {}", note.number));
        flow.set_marker(
            geo.left(),
            vec![Span {
                text: note.number.to_string(),
                style: Style::plain(size),
            }],
        );
        let first = flow.block;
        if let Some(&by) = flow.citations.get(&note.number) {
            flow.structure.cited_by.insert(first, by);
        }
        for (k, b) in note.blocks.iter().enumerate() {
            let s = if k == 0 { 0.0 } else { 2.0 };
            let saved = flow.geo.size;
            flow.geo.size = size;
            if k > 0 {
                // A further paragraph of the note is a paragraph inside it.
                flow.role = Role::P;
            }
            block(
                flow,
                b,
                geo.left() + indent,
                geo.right() - geo.left() - indent,
                s,
                0,
            );
            flow.geo.size = saved;
        }
        flow.structure.notes.push((first, flow.block));
        let units: Vec<Unit> = flow.galley.units.drain(start..).collect();
        flow.galley.notes.insert(note.number, units);
    }
}

/// Where every note's text hangs: 14 pt in, or further when the paper's widest note
/// number (`100`, set at `size`) needs more, with a gap before the text; one indent for
/// all the notes, as the HTML's list of notes has.
fn note_indent(flow: &Flow<'_>, doc: &Document, size: f32) -> f32 {
    let widest = doc
        .footnotes
        .iter()
        .map(|note| {
            let spans = [Span {
                text: note.number.to_string(),
                style: Style::plain(size),
            }];
            text::measure(&spans, flow.fonts).1
        })
        .fold(0.0, f32::max);
    (widest + size * 0.4).max(14.0)
}

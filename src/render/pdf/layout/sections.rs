//! The paper's own parts, in order: the masthead (organisation name and logo), then each
//! section: its heading (number hanging), its sub-headings and numbered paragraphs.

use super::text::{self, Align, Span, Style};
use super::{Flow, Geometry, Item, Keep, Mark, Role, Unit, blocks};
use crate::config::HouseStyle;
use crate::document::{Inline, Item as DocItem, Section};

/// The organisation's name in bold, with its logo (at most 40 pt high) before it: a name
/// too long for one line goes on as many as it needs, the lines centred beside the logo as
/// one line is.
pub(super) fn masthead(
    flow: &mut Flow<'_>,
    house: &HouseStyle,
    logo: Option<&crate::document::Image>,
) {
    let name = house.organisation.name.trim();
    let size = flow.geo.size * 1.3;
    let lh = Geometry::leading(size);
    let (left, right) = (flow.geo.left(), flow.geo.right());
    let mut unit = Unit {
        height: lh,
        ..Unit::default()
    };
    let mut x = left;
    if let Some((img, (pw, ph))) =
        logo.and_then(|i| Some((i, crate::document::picture::size(&i.data)?)))
    {
        flow.begin(Role::Figure(img.alt.clone()));
        let h = 40.0f32.min(ph as f32 * 0.75);
        let w = (h * pw as f32 / ph as f32).min((right - left) * 0.4);
        let h = w * ph as f32 / pw as f32;
        let index = flow.images.len();
        flow.images.push(img.clone());
        unit.items.push(Item {
            tag: flow.tag(),
            mark: Mark::Image {
                index,
                x,
                y: 0.0,
                w,
                h,
            },
        });
        unit.height = unit.height.max(h);
        x += w + 10.0;
    }
    if !name.is_empty() {
        flow.begin(Role::P);
        let spans = vec![Span {
            text: name.to_string(),
            style: Style::plain(size).bold(),
        }];
        let lines = text::break_lines(&spans, flow.fonts, (right - x).max(10.0), Align::Left);
        let block = lh * lines.len() as f32;
        unit.height = unit.height.max(block);
        let first = (unit.height - block) / 2.0 + lh / 2.0 + size * 0.35;
        for (i, line) in lines.into_iter().enumerate() {
            let baseline = first + lh * i as f32;
            for mut run in line.runs {
                run.x += x;
                run.y += baseline;
                unit.items.push(Item {
                    tag: flow.tag(),
                    mark: Mark::Glyphs(run),
                });
            }
        }
    }
    if unit.items.is_empty() {
        return;
    }
    unit.height += flow.geo.size * 0.6;
    unit.keep_with_next = Keep::Opening;
    flow.push(unit, 0.0);
}

pub(super) fn section_flow(
    flow: &mut Flow<'_>,
    section: &Section,
    (house, words_lang): (&HouseStyle, Option<&str>),
) {
    let geo = flow.geo;
    let level = geo.section_level();
    flow.begin(Role::H(level));
    let name = match section.number {
        Some(n) => format!("Section {n}: {}", section.heading),
        None => format!("Section: {}", section.heading),
    };
    flow.anchor(&section.id, name);
    let title = match section.number {
        Some(n) => format!("{n}. {}", section.display_heading),
        None => section.display_heading.clone(),
    };
    flow.bookmarks.push(title);
    let style = flow.body().bold();
    if let Some(n) = section.number {
        flow.set_marker(
            geo.left(),
            vec![Span {
                text: format!("{n}."),
                style: style.clone(),
            }],
        );
    }
    // A heading with emphasis, code or links keeps them, in the house case; the bookmark
    // above stays plain.
    let spans = if Inline::has_markup(&section.content) {
        let mut content = section.content.clone();
        crate::document::markdown::walk_inlines(&mut content, &mut |i| {
            if let Inline::Text { text } = i {
                *text = house.case_heading(text);
            }
        });
        text::spans(&content, &style)
    } else {
        // A heading the house gives (an implication's, RECOMMENDATIONS) is in its language.
        let given = section.kind.heading_from_house();
        vec![Span {
            text: section.display_heading.clone(),
            style: Style {
                lang: words_lang.filter(|_| given).map(Into::into),
                ..style
            },
        }]
    };
    flow.heading(&spans);
    items_flow(flow, &section.items, level);
}

/// A section's paragraphs and sub-headings, below its heading tagged at `level`.
/// Sub-headings go one level down per Markdown level, never skipping one (`###` straight
/// after a section is taken one level down from it).
pub(crate) fn items_flow(flow: &mut Flow<'_>, items: &[DocItem], level: u8) {
    let geo = flow.geo;
    let mut last = level;
    for (k, item) in items.iter().enumerate() {
        match item {
            DocItem::SubHeading { content, id, level } => {
                let tagged = (geo.section_level() + level.saturating_sub(1)).min(last + 1);
                last = tagged;
                flow.begin(Role::H(tagged));
                flow.anchor(id, format!("Heading: {}", Inline::plain(content)));
                let base = flow.body();
                let style = Style {
                    bold: true,
                    italic: *level > 2,
                    ..base
                };
                let spans = text::spans(content, &style);
                flow.paragraph(
                    &spans,
                    geo.column(),
                    geo.right() - geo.column(),
                    geo.size * 0.9,
                );
                if let Some(last) = flow.galley.units.last_mut() {
                    last.keep_with_next = Keep::Heading;
                }
            }
            DocItem::Para(para) => {
                let space = if k == 0 {
                    geo.size * 0.5
                } else {
                    geo.size * 0.75
                };
                blocks::para(flow, para, space);
            }
        }
    }
}

/// The hanging number column for `doc`: `geo`'s, or wider when the document's widest
/// paragraph number (an agenda's `10.10(b)`) would run into the text beside it, to that
/// number and a gap of 0.8 em. One column for the whole document, so its text lines up.
pub(super) fn number_column(
    geo: &Geometry,
    doc: &crate::document::Document,
    fonts: &crate::render::pdf::fonts::Fonts,
) -> f32 {
    let widest = doc
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .filter_map(|item| match item {
            DocItem::Para(p) => p.number.as_deref(),
            DocItem::SubHeading { .. } => None,
        })
        .map(|n| {
            let spans = [Span {
                text: n.to_string(),
                style: Style::plain(geo.size),
            }];
            super::shape::measure(&spans, fonts).1
        })
        .fold(0.0, f32::max);
    geo.number_column.max(widest + geo.size * 0.8)
}

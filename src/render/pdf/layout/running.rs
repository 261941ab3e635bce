//! Page furniture, drawn as artifacts on every page: the classification centred at the
//! top and bottom, the footer (the paper's identity and "Page N of M") and, for a draft,
//! a DRAFT mark across the page.

use super::Geometry;
use super::model::{GlyphRun, Item, Mark, Page, Rgb, Tag};
use super::text::{self, Align, Span, Style};
use crate::config::HouseStyle;
use crate::document::Document;
use crate::render::RenderOptions;
use crate::render::pdf::fonts::Fonts;

/// The footer's identity: the first house template whose `{keys}` the paper all has.
pub fn identity(doc: &Document, house: &HouseStyle) -> String {
    let m = &doc.meta;
    let value = |key: &str| -> Option<String> {
        match key {
            "agenda_item" => m.agenda_item.clone(),
            "title" => Some(m.title.clone()),
            "meeting" => Some(m.meeting.clone()),
            "date" => Some(m.date_display.clone()),
            _ => None,
        }
    };
    'templates: for template in &house.pdf.footer {
        let mut out = String::new();
        let mut rest = template.as_str();
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            match value(&rest[open + 1..open + close]).filter(|v| !v.trim().is_empty()) {
                Some(v) => out.push_str(&v),
                None => continue 'templates,
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        return out;
    }
    m.title.clone()
}

/// One line of text as artifact runs, aligned in `[left, right]` on `baseline`; text too
/// long for the room is cut to fit.
fn line(
    fonts: &Fonts,
    span: Span,
    left: f32,
    right: f32,
    baseline: f32,
    align: Align,
) -> Vec<Item> {
    let lines = text::break_lines(&[span], fonts, right - left, Align::Left);
    let Some(line) = lines.into_iter().next() else {
        return Vec::new();
    };
    let dx = match align {
        Align::Right => right - left - line.width,
        Align::Center => (right - left - line.width) / 2.0,
        _ => 0.0,
    };
    line.runs
        .into_iter()
        .map(|mut run| {
            run.x += left + dx.max(0.0);
            run.y += baseline;
            Item {
                tag: Tag::Artifact,
                mark: Mark::Glyphs(run),
            }
        })
        .collect()
}

/// Adds the furniture to every page.
pub fn furnish(
    pages: &mut [Page],
    doc: &Document,
    opts: &RenderOptions<'_>,
    fonts: &Fonts,
    geo: &Geometry,
) {
    let house = opts.house;
    let total = pages.len();
    let (w, h) = geo.page;
    let (left, right) = (geo.left(), geo.right());
    let small = (geo.size * 0.8).max(6.0);
    let ident = identity(doc, house);
    let marking = doc.meta.classification.as_ref().map(|c| c.to_uppercase());
    for (n, page) in pages.iter_mut().enumerate() {
        let mut items = Vec::new();
        if opts.draft {
            items.extend(draft_mark(fonts, w, h));
        }
        if let Some(c) = &marking {
            let style = Style::plain(geo.size).bold();
            let top = (geo.margins.0 * 0.5 + geo.size * 0.35).max(geo.size);
            items.extend(line(
                fonts,
                Span {
                    text: c.clone(),
                    style: style.clone(),
                },
                left,
                right,
                top,
                Align::Center,
            ));
            let bottom = h - (geo.margins.2 * 0.25).max(geo.size * 0.4);
            items.extend(line(
                fonts,
                Span {
                    text: c.clone(),
                    style,
                },
                left,
                right,
                bottom,
                Align::Center,
            ));
        }
        let foot = h - geo.margins.2 * 0.55;
        let page_text = format!("Page {} of {}", n + 1, total);
        let style = Style {
            color: Rgb::gray(0.25),
            ..Style::plain(small)
        };
        let (pw, _) = text::measure(
            &[Span {
                text: page_text.replace(' ', "\u{a0}"),
                style: style.clone(),
            }],
            fonts,
        );
        items.extend(line(
            fonts,
            Span {
                text: ident.clone(),
                style: style.clone(),
            },
            left,
            right - pw - 12.0,
            foot,
            Align::Left,
        ));
        items.extend(line(
            fonts,
            Span {
                text: page_text,
                style,
            },
            left,
            right,
            foot,
            Align::Right,
        ));
        items.append(&mut page.items);
        page.items = items;
    }
}

/// A large pale DRAFT across the page, under the text.
fn draft_mark(fonts: &Fonts, w: f32, h: f32) -> Vec<Item> {
    let size = 110.0;
    let lines = text::break_lines(
        &[Span {
            text: "DRAFT".into(),
            style: Style {
                color: Rgb::gray(0.9),
                ..Style::plain(size).bold()
            },
        }],
        fonts,
        2000.0,
        Align::Left,
    );
    let Some(line) = lines.into_iter().next() else {
        return Vec::new();
    };
    let angle: f32 = 50.0;
    let (s, c) = angle.to_radians().sin_cos();
    // Centre the word's middle (half its width along the slant, a third of the size up).
    let (cx, cy) = (w / 2.0, h / 2.0);
    let half = line.width / 2.0;
    let x = cx - half * c + size * 0.35 * s;
    let y = cy + half * s + size * 0.35 * c;
    line.runs
        .into_iter()
        .map(|run| {
            let run = GlyphRun {
                x: x + run.x * c,
                y: y - run.x * s,
                angle,
                ..run
            };
            Item {
                tag: Tag::Artifact,
                mark: Mark::Glyphs(run),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_uses_the_first_template_the_paper_can_fill() {
        let mut doc = super::super::tests::doc("# Background\n\nText.", "agenda_item: \"4.2\"\n");
        let house = HouseStyle::default();
        assert_eq!(identity(&doc, &house), "Agenda Item 4.2");
        doc.meta.agenda_item = None;
        assert_eq!(identity(&doc, &house), "A Test Paper");
        let mut own = house.clone();
        own.pdf.footer = vec!["{meeting}, {date}".into()];
        assert_eq!(identity(&doc, &own), "Test Committee, 1 September 2021");
    }
}

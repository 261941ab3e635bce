//! Page furniture, drawn as artifacts on every page: the classification centred at the
//! top and bottom, the footer (the paper's identity and "Page N of M") and, for a draft,
//! a DRAFT mark across the page.

use super::Geometry;
use super::model::{GlyphRun, Item, Mark, Page, Part, Rgb, Role, Stamp, StampAt, Tag};
use super::text::{self, Align, Span, Style};
use crate::config::{Filled, HouseStyle, fill_footer};
use crate::document::compile::field_text;
use crate::document::{AppendixContent, Document, Marked};
use crate::render::RenderOptions;
use crate::render::pdf::fonts::Fonts;

/// The footer's identity: the first house line whose `{fields}` the paper all fills; the
/// last line when the paper fills some of its fields (the others left out), and the
/// title when it fills none (an agenda sheet has no `{report_number}`).
pub fn identity(doc: &Document, house: &HouseStyle) -> String {
    let lines = &house.pdf.footer;
    for (i, line) in lines.iter().enumerate() {
        match fill_footer(line, |name| field_text(&doc.meta, name, &house.words)) {
            (text, Filled::All) => return text,
            (text, Filled::Some) if i + 1 == lines.len() => return text,
            _ => {}
        }
    }
    doc.meta.title.clone()
}

/// One line of text as artifact runs, aligned in `[left, right]` on `baseline`; text too
/// long for the room is set smaller to fit it whole (a house's long marking is never cut;
/// a footer's identity is cut with an ellipsis before it comes here, see [`fit_one_line`]).
pub(crate) fn line(
    fonts: &Fonts,
    mut span: Span,
    left: f32,
    right: f32,
    baseline: f32,
    align: Align,
) -> Vec<Item> {
    let room = right - left;
    let mut lines = text::break_lines(std::slice::from_ref(&span), fonts, room, Align::Left);
    // Only a line that did not fit (broken, or one word wider than the room) is measured
    // whole and set again, smaller.
    let overflows = lines.len() > 1 || lines.first().is_some_and(|l| l.width > room);
    if overflows && room > 0.0 {
        let whole = text::measure(std::slice::from_ref(&span), fonts).1;
        span.style.size *= room / whole * 0.98;
        lines = text::break_lines(&[span], fonts, room, Align::Left);
    }
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

/// The blocks of the first page's DRAFT mark and marking: before any of the paper's own
/// ([`super::Flow::new`] starts its blocks after them), so read first.
pub(crate) const DRAFT_BLOCK: u32 = 0;
pub(crate) const MARKING_BLOCK: u32 = 1;

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
    let marking = doc.meta.classification.as_ref().map(|c| c.to_uppercase());
    let foot = h - geo.margins.2 * 0.55;
    let style = Style {
        color: Rgb::gray(0.25),
        ..Style::plain(small)
    };
    // The identity is laid out once per paper, beside the widest page number, and cut to
    // one line: a page's furniture costs the same whatever the title's length.
    let widest = house.words.page_number(total, total).replace(' ', "\u{a0}");
    let (_, pw) = text::measure(
        &[Span {
            text: widest,
            style: style.clone(),
        }],
        fonts,
    );
    let room = right - pw - 12.0 - left;
    let ident = fit_one_line(fonts, &identity(doc, house), &style, room);
    let ident = line(
        fonts,
        Span {
            text: ident,
            style: style.clone(),
        },
        left,
        left + room,
        foot,
        Align::Left,
    );
    let draft = if opts.draft {
        draft_mark(fonts, w, h, &house.words.draft)
    } else {
        Vec::new()
    };
    // The house's words (DRAFT, PRIVATE) in a paper written in another language.
    let words_lang = house.words_lang(&doc.meta.language);
    let (top, bottom) = match &marking {
        Some(c) => marking_lines(fonts, geo, c),
        None => (Vec::new(), Vec::new()),
    };
    for (n, page) in pages.iter_mut().enumerate() {
        let mut items = Vec::new();
        // On the first page the DRAFT mark and the marking above the text are read as the
        // paper's first words (as the HTML's banner and marking are): a screen reader
        // says what an artifact would pass over. Elsewhere they are furniture.
        let first = |items: &[Item], block: u32| -> Vec<Item> {
            (items.iter().cloned())
                .map(|mut item| {
                    if n == 0 {
                        item.tag = Tag::Content {
                            block,
                            role: Role::P,
                            part: Part {
                                lang: words_lang.map(Into::into),
                                ..Part::default()
                            },
                        };
                    }
                    item
                })
                .collect()
        };
        items.extend(first(&draft, DRAFT_BLOCK));
        items.extend(first(&top, MARKING_BLOCK));
        items.extend(bottom.iter().cloned());
        let page_text = house.words.page_number(n + 1, total);
        items.extend(ident.iter().cloned());
        items.extend(line(
            fonts,
            Span {
                text: page_text,
                style: style.clone(),
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

/// The classification's line above the text and at the foot of a page.
fn marking_lines(fonts: &Fonts, geo: &Geometry, marking: &str) -> (Vec<Item>, Vec<Item>) {
    let (left, right) = (geo.left(), geo.right());
    let style = Style::plain(geo.size).bold();
    let span = || Span {
        text: marking.to_string(),
        style: style.clone(),
    };
    let (top, bottom) = marking_baselines(geo);
    (
        line(fonts, span(), left, right, top, Align::Center),
        line(fonts, span(), left, right, bottom, Align::Center),
    )
}

/// The baselines of the classification's lines, above the text and at the foot.
fn marking_baselines(geo: &Geometry) -> (f32, f32) {
    let (_, h) = geo.page;
    let top = (geo.margins.0 * 0.5 + geo.size * 0.35).max(geo.size);
    let bottom = h - (geo.margins.2 * 0.25).max(geo.size * 0.4);
    (top, bottom)
}

/// A white ground across the text column under a classification line on `baseline`,
/// hiding a marking clerk drew there on a page of its own (centred on the same line).
fn ground(geo: &Geometry, baseline: f32) -> Item {
    Item {
        tag: Tag::Artifact,
        mark: Mark::Rect {
            x: geo.left(),
            y: baseline - geo.size * 1.05,
            w: geo.right() - geo.left(),
            h: geo.size * 1.4,
            fill: Some(Rgb::gray(1.0)),
            stroke: None,
        },
    }
}

/// What clerk draws on each page of the paper's PDF appendices, as on its own pages: the
/// classification at the top and the foot and, for a draft, the DRAFT mark (none for a
/// paper without a PDF appendix); and on each appendix's own pages, its label. When an appendix's own marking is replaced (a paper
/// taken in private), the classification comes a second time on a white ground, for its
/// pages.
pub fn stamps(
    doc: &Document,
    opts: &RenderOptions<'_>,
    fonts: &Fonts,
    geo: &Geometry,
) -> Vec<Stamp> {
    let pdf = |a: &crate::document::Appendix| matches!(a.content, AppendixContent::Pdf { .. });
    if !doc.appendices.iter().any(pdf) {
        return Vec::new();
    }
    let mut stamps = Vec::new();
    let mut stamp = |at: StampAt, covers: bool, items: Vec<Item>| {
        if !items.is_empty() {
            stamps.push(Stamp {
                at,
                covers,
                only: None,
                page: Page {
                    items,
                    links: Vec::new(),
                },
            });
        }
    };
    if opts.draft {
        let word = &opts.house.words.draft;
        stamp(
            StampAt::Middle,
            false,
            draft_mark(fonts, geo.page.0, geo.page.1, word),
        );
    }
    if let Some(c) = &doc.meta.classification {
        let (top, bottom) = marking_lines(fonts, geo, &c.to_uppercase());
        let replaced = doc.appendices.iter().any(|a| {
            matches!(
                a.content,
                AppendixContent::Pdf {
                    marked: Marked::Replaced,
                    ..
                }
            )
        });
        if replaced {
            let (t, b) = marking_baselines(geo);
            stamp(
                StampAt::Top,
                true,
                [vec![ground(geo, t)], top.clone()].concat(),
            );
            stamp(
                StampAt::Foot,
                true,
                [vec![ground(geo, b)], bottom.clone()].concat(),
            );
        }
        stamp(StampAt::Top, false, top);
        stamp(StampAt::Foot, false, bottom);
    }
    // Each appended page says which appendix it is (`Appendix A`), at the left of the
    // classification's line, drawn last so that no ground covers it: a reader of the
    // printed paper or pack finds the appendix its text cites. The right of the line is
    // a pack's page number.
    let (top, _) = marking_baselines(geo);
    let (left, right) = (geo.left(), geo.right());
    for a in doc.appendices.iter().filter(|a| pdf(a)) {
        let label = Span {
            text: format!("{} {}", a.word, a.letter),
            style: Style::plain(geo.size),
        };
        let items = line(
            fonts,
            label,
            left,
            left + (right - left) * 0.3,
            top,
            Align::Left,
        );
        stamps.push(Stamp {
            at: StampAt::TopLeft,
            covers: false,
            only: Some(a.id.clone()),
            page: Page {
                items,
                links: Vec::new(),
            },
        });
    }
    stamps
}

/// `text` as it fits on one line `room` wide: whole when it fits, else cut at a space where
/// one is near (at a character otherwise) and ended with an ellipsis. Only the first
/// characters that could ever fit are looked at, so a title of megabytes costs no more than
/// a short one.
pub fn fit_one_line(fonts: &Fonts, text: &str, style: &Style, room: f32) -> String {
    let width = |t: &str| {
        let span = Span {
            text: t.to_string(),
            style: style.clone(),
        };
        text::measure(&[span], fonts).1
    };
    // No glyph is narrower than a tenth of the size (a thin space is a fifth).
    let most = (room / (style.size * 0.1)).max(1.0) as usize;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let head: String = text.chars().take(most).collect();
    if head.len() == text.len() && width(&head) <= room {
        return head;
    }
    let chars: Vec<char> = head.chars().collect();
    // The longest prefix that fits with its ellipsis (widths grow with the prefix).
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().chain(['…'].iter()).collect();
        if width(&candidate) <= room {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let cut: String = chars[..lo].iter().collect();
    // Back to the last space when it keeps most of the line, so no word is cut.
    let cut = match cut.rfind(' ') {
        Some(space) if space * 3 >= cut.len() * 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end())
}

/// A large pale DRAFT (the house's `word`) across the page, under the text: smaller when
/// a longer word would not fit across the page's diagonal.
pub(in crate::render::pdf) fn draft_mark(fonts: &Fonts, w: f32, h: f32, word: &str) -> Vec<Item> {
    let span = |size: f32| Span {
        text: word.to_string(),
        style: Style {
            color: Rgb::gray(0.9),
            ..Style::plain(size).bold()
        },
    };
    let mut size = 110.0;
    // The whole word on one line, measured unbroken, kept within the page's diagonal.
    let (_, wide) = text::measure(&[span(size)], fonts);
    let across = (w * w + h * h).sqrt() * 0.75;
    if wide > across {
        size = (size * across / wide).max(12.0);
    }
    let lines = text::break_lines(&[span(size)], fonts, 2000.0, Align::Left);
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
mod tests;

//! The typesetting rules a secretariat checks by eye, each measured on the pure layout
//! (no PDF): ragged lines filled (free width at each line's end against the next word),
//! ties, the title's lines, smart punctuation in metadata, the header table's labels,
//! and the page rules in `page_rules`.

use super::runs;
use crate::render::pdf::fonts::Fonts;
use crate::render::pdf::layout::*;
use crate::render::ties;

const SEED: &str =
    include_str!("../../../../../papers/policing-performance/2021-09-01-hmics-progress-review.md");
pub(super) const LONG: &str = include_str!(
    "../../../../../tests/fixtures/long/papers/2025-11-20-medium-term-financial-plan.md"
);

/// A whole paper (front matter and body) through the real pipeline.
pub(super) fn paper(text: &str) -> Document {
    let dir = tempfile::tempdir().unwrap();
    let papers = dir.path().join("papers");
    std::fs::create_dir_all(&papers).unwrap();
    let path = papers.join("2025-11-20-p.md");
    std::fs::write(&path, text).unwrap();
    let house = HouseStyle::default();
    let source = crate::project::walk::source_for(dir.path(), &papers, &path);
    let (paper, diags) = crate::paper::load(&source, &house, &mut crate::diag::Sources::default());
    let paper = paper.unwrap_or_else(|| panic!("{diags:?}"));
    let (doc, diags) = crate::document::compile::compile(
        &paper,
        &house,
        dir.path(),
        &mut crate::diag::Sources::default(),
    );
    doc.unwrap_or_else(|| panic!("{diags:?}"))
}

fn line_text(line: &text::Line) -> String {
    line.runs
        .iter()
        .flat_map(|r| r.glyphs.iter().map(|g| g.text))
        .collect()
}

/// Every paragraph of running text in a document's sections, as spans at the body size.
fn paragraphs(d: &Document) -> Vec<Vec<text::Span>> {
    let body = Style::plain(HouseStyle::default().pdf.font_size);
    let mut out = Vec::new();
    for section in &d.sections {
        for item in &section.items {
            if let crate::document::Item::Para(p) = item {
                for b in &p.blocks {
                    if let crate::document::Block::Paragraph { content } = b {
                        out.push(text::spans(content, &body));
                    }
                }
            }
        }
    }
    out
}

/// The pieces a line may break between, with their widths: words split at spaces and
/// after hyphens, joined where a tie holds. Each piece: (text, width, space after).
fn pieces(line: &text::Line) -> Vec<(String, f32, f32)> {
    let mut out: Vec<(String, f32, f32)> = Vec::new();
    let (mut word, mut width) = (String::new(), 0.0);
    let mut push = |word: &mut String, width: &mut f32, space: f32| {
        if !word.is_empty() {
            out.push((std::mem::take(word), *width, space));
        }
        *width = 0.0;
    };
    for g in line.runs.iter().flat_map(|r| r.glyphs.iter()) {
        if g.text == " " {
            push(&mut word, &mut width, g.advance);
            continue;
        }
        word.push_str(g.text);
        width += g.advance;
        if g.text.ends_with(['-', '\u{2013}', '\u{2014}']) && word.chars().count() > 1 {
            push(&mut word, &mut width, 0.0);
        }
    }
    push(&mut word, &mut width, 0.0);
    // Join the tied pieces, as the breaker sees them.
    let mut joined: Vec<(String, f32, f32)> = Vec::new();
    for (w, wd, sp) in out {
        let tied = joined.last().is_some_and(|(prev, _, psp)| {
            let last = prev.rsplit([' ', '-']).next().unwrap_or(prev);
            if *psp == 0.0 {
                ties::hyphen_tied(prev, &w)
            } else {
                ties::space_tied(last, &w)
            }
        });
        match joined.last_mut() {
            Some((prev, pw, psp)) if tied => {
                if *psp > 0.0 {
                    prev.push(' ');
                }
                prev.push_str(&w);
                *pw += *psp + wd;
                *psp = sp;
            }
            _ => joined.push((w, wd, sp)),
        }
    }
    joined
}

/// Rule 1, measured: at the end of every ragged line but a paragraph's last, the free
/// width is less than the next word (with the space before it) needs; the one exception
/// is the line above a last line that took one word down so that a short word is not
/// alone (the last line then holds two pieces, the second narrower than a quarter of
/// the measure).
fn assert_filled(spans: &[text::Span], fonts: &Fonts, width: f32) -> (usize, usize) {
    let lines = text::break_lines(spans, fonts, width, text::Align::Left);
    let n = lines.len();
    let mut moved = 0;
    // The width of a space, as set in these lines.
    let space = lines
        .iter()
        .flat_map(|l| l.runs.iter().flat_map(|r| r.glyphs.iter()))
        .find(|g| g.text == " ")
        .map_or(0.0, |g| g.advance);
    for k in 0..n.saturating_sub(1) {
        let free = width - lines[k].width;
        let next = pieces(&lines[k + 1]);
        let need = next[0].1
            + if line_text(&lines[k]).ends_with('-') {
                0.0
            } else {
                space
            };
        if free >= need {
            let runt = k + 2 == n
                && next.len() == 2
                && f64::from(next[1].1) < f64::from(width) * text::RUNT;
            assert!(
                runt,
                "line {k} ends with {free:.1} pt free but {:?} needs {need:.1} pt:\n{:?}\n{:?}",
                next[0].0,
                line_text(&lines[k]),
                line_text(&lines[k + 1])
            );
            moved += 1;
        }
    }
    (n.saturating_sub(1), moved)
}

#[test]
fn ragged_lines_end_only_where_the_next_word_does_not_fit() {
    let fonts = Fonts::embedded();
    let geo = Geometry::from_house(&HouseStyle::default());
    let column = geo.right() - geo.column();
    let (mut pairs, mut moved) = (0, 0);
    for text in [SEED, LONG] {
        for spans in paragraphs(&paper(text)) {
            for width in [column, column * 0.7, column * 0.45] {
                let (p, m) = assert_filled(&spans, &fonts, width);
                pairs += p;
                moved += m;
            }
        }
    }
    assert!(pairs > 400, "measured {pairs} line ends");
    assert!(
        moved * 10 < pairs,
        "{moved} of {pairs} line ends gave a word to the last line"
    );
}

#[test]
fn a_short_word_alone_on_the_last_line_takes_one_word_from_the_line_above() {
    let fonts = Fonts::embedded();
    let spans = vec![text::Span {
        text: "The committee noted the report on the estates programme and asked for more.".into(),
        style: Style::plain(11.0),
    }];
    // Find a width where filling alone would leave "more." by itself.
    let found = (120..400).map(|w| w as f32).find_map(|w| {
        let lines = text::break_lines(&spans, &fonts, w, text::Align::Left);
        let last = line_text(lines.last()?);
        (last.split(' ').count() == 2 && last.ends_with("for more.")).then_some((w, lines))
    });
    let (w, lines) = found.expect("some width sets \"for more.\" as the last line");
    let above = line_text(&lines[lines.len() - 2]);
    let free = w - lines[lines.len() - 2].width;
    assert!(above.split(' ').count() >= 2, "{above:?}");
    // The line above had room for "for": it went down to keep "more." company.
    assert!(free > 10.0, "{free}");
}

#[test]
fn justified_text_keeps_the_balanced_breaker() {
    let fonts = Fonts::embedded();
    let d = paper(SEED);
    let spans = &paragraphs(&d)[0];
    let justified = text::break_lines(spans, &fonts, 300.0, text::Align::Justify);
    for l in &justified[..justified.len() - 1] {
        let drawn: f32 = l.runs.iter().map(GlyphRun::width).sum();
        assert!((drawn - 300.0).abs() < 0.05, "{drawn}");
    }
}

/// Rule 2: no line ends inside a tie, at any width.
#[test]
fn ties_are_never_broken() {
    let fonts = Fonts::embedded();
    let text = "The report of 18 August was published on 1 September 2021 and, as paragraph 2.1 \
        and section 3 explain, Table 4 and Appendix A show the £1.5 million shortfall (R. 3) \
        in Na h-Eileanan Siar for 2025–26, which Mr Galbraith presented.";
    let spans = vec![text::Span {
        text: text.into(),
        style: Style::plain(11.0),
    }];
    let mut checked = 0;
    for w in (90..420).step_by(3) {
        let lines = text::break_lines(&spans, &fonts, w as f32, text::Align::Left);
        for pair in lines.windows(2) {
            let (a, b) = (line_text(&pair[0]), line_text(&pair[1]));
            let last = a.rsplit(' ').next().unwrap_or(&a);
            let first = b.split(' ').next().unwrap_or(&b);
            let tied = if a.ends_with(['-', '\u{2013}']) {
                ties::hyphen_tied(last, first)
            } else {
                ties::space_tied(last, first)
            };
            // A tied stretch wider than the line must break somewhere.
            let stretch = ties::tied_stretches(text)
                .into_iter()
                .map(|r| &text[r])
                .find(|s| {
                    s.contains(&format!("{last} {first}")) || s.contains(&format!("{last}{first}"))
                })
                .unwrap_or("");
            let stretch_width = text::measure(
                &[text::Span {
                    text: stretch.into(),
                    style: Style::plain(11.0),
                }],
                &fonts,
            )
            .1;
            assert!(
                !tied || stretch_width > w as f32,
                "width {w}: {a:?} / {b:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked}");
}

/// Rule 3: the title breaks outside its quoted name and at spaces, and its first line
/// is no shorter than its last.
#[test]
fn the_title_breaks_outside_quotes_and_at_spaces() {
    let fonts = Fonts::embedded();
    let geo = Geometry::from_house(&HouseStyle::default());
    let full = geo.right() - geo.left();
    let title = "Medium-Term Financial Plan 2025\u{2013}2030 and the Costs of Exercise \
        \u{201c}Harbour Light\u{201d}";
    let size = (geo.size * 1.55 * 2.0).round() / 2.0;
    for width in [full, full * 0.8, full * 0.6] {
        let spans = vec![text::Span {
            text: title.into(),
            style: Style::plain(size).bold(),
        }];
        let lines = title::balanced(&spans, &fonts, width);
        let texts: Vec<String> = lines.iter().map(line_text).collect();
        assert!(texts.len() >= 2, "{texts:?}");
        for t in &texts {
            assert!(!t.ends_with('-'), "a break after a hyphen: {texts:?}");
            assert!(
                !t.ends_with("Harbour"),
                "a break inside the quoted name: {texts:?}"
            );
        }
        let (first, last) = (lines[0].width, lines[lines.len() - 1].width);
        assert!(first >= last, "first line {first} shorter than last {last}");
        assert!(lines.iter().all(|l| l.width <= width + 0.01));
    }
}

/// Rule 4: metadata gets the body's curly quotes and apostrophes, in the layout.
#[test]
fn metadata_has_the_bodys_smart_punctuation() {
    let mut d = paper(&LONG.replacen(
        "location: Tulliallan Castle, Kincardine",
        "location: Scotland's \"Harbour\" HQ",
        1,
    ));
    let house = HouseStyle::default();
    assert!(d.meta.title.contains('\u{201c}') && d.meta.title.contains('\u{201d}'));
    assert!(!d.meta.title.contains('"'));
    let location = d.header.iter().find(|r| r.key == "location").unwrap();
    assert_eq!(
        location.value,
        "Scotland\u{2019}s \u{201c}Harbour\u{201d} HQ"
    );
    d.sections.clear();
    let l = layout(&d, &RenderOptions::new(&house), &Fonts::embedded());
    let text: String = l.pages[0]
        .items
        .iter()
        .filter_map(|i| match &i.mark {
            Mark::Glyphs(r) => Some(r.glyphs.iter().map(|g| g.text).collect::<String>()),
            _ => None,
        })
        .collect();
    assert!(text.contains("Scotland\u{2019}s"), "{text}");
    assert!(!text.contains('"') && !text.contains('\''), "{text}");
}

/// Rule 5: every label of the house's header table sits on one line.
#[test]
fn header_labels_stay_on_one_line() {
    let house = HouseStyle::default();
    let l = layout(
        &paper(SEED),
        &RenderOptions::new(&house),
        &Fonts::embedded(),
    );
    let labels: Vec<String> = runs(&l.pages[0])
        .filter(
            |(t, _)| matches!(t, Tag::Content { role: Role::Cell(c), .. } if c.scope == Scope::Row),
        )
        .map(|(_, r)| r.glyphs.iter().map(|g| g.text).collect::<String>())
        .map(|s| s.trim_end().to_string())
        .collect();
    for row in &house.header_rows {
        if paper(SEED).header.iter().any(|h| h.label == row.label) {
            assert!(
                labels.contains(&row.label),
                "{:?} wraps: {labels:?}",
                row.label
            );
        }
    }
    assert!(labels.iter().any(|l| l == "Recommendation to Members"));
}

/// A spaced dash ends a line, never starts one, in a title and in text, at any measure:
/// `Policing Performance Committee –` / `1 December 2021 – Agenda`.
#[test]
fn no_line_starts_with_a_spaced_dash() {
    let fonts = Fonts::embedded();
    let text = "Policing Performance Committee – 1 December 2021 – Agenda of the meeting";
    for size in [10.0, 16.0] {
        let spans = [text::Span {
            text: text.into(),
            style: text::Style::plain(size),
        }];
        // From 200 pt: narrower, "1 December 2021 –" (tied throughout) may not fit a line.
        for width in (20..50).map(|w| w as f32 * 10.0) {
            let set = [
                text::break_title(&spans, &fonts, width),
                text::break_lines(&spans, &fonts, width, text::Align::Left),
            ];
            for line in set.iter().flatten() {
                let shown = line_text(line);
                assert!(
                    !shown.trim_start().starts_with('–'),
                    "{shown:?} at {width} pt, {size} pt"
                );
            }
        }
    }
}

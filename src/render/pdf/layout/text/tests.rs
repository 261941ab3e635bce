//! Line breaking over real widths.

use super::*;
use crate::render::pdf::fonts::Fonts;
use crate::render::pdf::layout::GlyphRef;

fn plain(text: &str) -> Vec<Span> {
    vec![Span {
        text: text.into(),
        style: Style::plain(11.0),
    }]
}

fn line_text(line: &Line) -> String {
    line.runs
        .iter()
        .flat_map(|r| r.glyphs.iter().map(|g| g.text))
        .collect()
}

#[test]
fn lines_fit_and_keep_every_character_in_order() {
    let fonts = Fonts::embedded();
    let text = "The report examines the progress made by Police Scotland since the strategic review of its response.";
    let lines = break_lines(&plain(text), &fonts, 150.0, Align::Left);
    assert!(lines.len() > 2);
    assert!(
        lines.iter().all(|l| l.width <= 150.01),
        "{:?}",
        lines.iter().map(|l| l.width).collect::<Vec<_>>()
    );
    let joined: Vec<String> = lines.iter().map(line_text).collect();
    assert_eq!(joined.join(" "), text);
}

#[test]
fn long_words_and_urls_are_cut_to_fit() {
    let fonts = Fonts::embedded();
    let word = "a".repeat(40);
    let url = "https://example.org/a/very/long/path/that/goes/on/and/on/index.html";
    let lines = break_lines(&plain(&format!("{word} {url}")), &fonts, 80.0, Align::Left);
    assert!(lines.iter().all(|l| l.width <= 80.01));
    let texts: Vec<String> = lines.iter().map(line_text).collect();
    assert_eq!(texts.concat().replace(' ', ""), format!("{word}{url}"));
    // URL pieces end at a slash or a dot where they can.
    let url_lines: Vec<&String> = texts.iter().filter(|t| t.contains('/')).collect();
    assert!(
        url_lines
            .iter()
            .take(url_lines.len() - 1)
            .all(|t| t.ends_with(['/', '.', '-'])),
        "{url_lines:?}"
    );
}

#[test]
fn no_break_spaces_hold_and_hard_breaks_break() {
    let fonts = Fonts::embedded();
    let lines = break_lines(
        &plain("paragraph\u{a0}2.4 and more words here to wrap"),
        &fonts,
        120.0,
        Align::Left,
    );
    assert!(
        line_text(&lines[0]).contains("paragraph\u{a0}2.4"),
        "{:?}",
        lines.iter().map(line_text).collect::<Vec<_>>()
    );
    let mut spans = plain("one");
    spans.push(Span {
        text: "\n".into(),
        style: Style::plain(11.0),
    });
    spans.extend(plain("two"));
    let lines = break_lines(&spans, &fonts, 300.0, Align::Left);
    assert_eq!(
        lines.iter().map(line_text).collect::<Vec<_>>(),
        ["one", "two"]
    );
}

#[test]
fn justified_lines_fill_the_width_except_the_last() {
    let fonts = Fonts::embedded();
    let text = "Members are invited to discuss the contents of this report and to agree the next steps set out above.";
    let lines = break_lines(&plain(text), &fonts, 160.0, Align::Justify);
    for l in &lines[..lines.len() - 1] {
        let drawn: f32 = l.runs.iter().map(GlyphRun::width).sum();
        assert!((drawn - 160.0).abs() < 0.05, "{drawn}");
    }
    let last = lines.last().unwrap();
    assert!(last.runs.iter().map(GlyphRun::width).sum::<f32>() < 160.0);
}

#[test]
fn links_cover_their_text() {
    let fonts = Fonts::embedded();
    let mut spans = plain("see ");
    spans.push(Span {
        text: "the report".into(),
        style: Style {
            link: Some(Target::Uri("https://x.org".into())),
            ..Style::plain(11.0)
        },
    });
    spans.extend(plain(" now"));
    let lines = break_lines(&spans, &fonts, 300.0, Align::Left);
    assert_eq!(lines[0].links.len(), 1);
    let (x, w, _) = &lines[0].links[0];
    assert!(*x > 0.0 && *w > 30.0 && x + w < lines[0].width);
}

#[test]
fn a_character_no_face_has_never_draws_notdef() {
    let fonts = Fonts::embedded();
    // U+1F600 (an emoji) is in none of the faces.
    let lines = break_lines(
        &plain("smile \u{1f600} and \u{2212}1"),
        &fonts,
        300.0,
        Align::Left,
    );
    let glyphs: Vec<GlyphRef<'_>> = lines
        .iter()
        .flat_map(|l| l.runs.iter().flat_map(|r| r.glyphs.iter()))
        .collect();
    assert!(glyphs.iter().all(|g| g.gid != 0));
    let text: String = glyphs.iter().map(|g| g.text).collect();
    assert!(
        text.contains('\u{2212}'),
        "the minus comes from another face: {text}"
    );
}

#[test]
fn every_glyph_of_a_cluster_gets_its_share_of_the_text() {
    assert_eq!(&*cluster_text("fi", 0, 1), "fi");
    let parts: Vec<String> = (0..2)
        .map(|k| cluster_text("e\u{300}", k, 2).to_string())
        .collect();
    assert_eq!(parts, ["e", "\u{300}"]);
    let parts: Vec<String> = (0..2)
        .map(|k| cluster_text("abc", k, 2).to_string())
        .collect();
    assert_eq!(parts, ["a", "bc"]);
    assert_eq!(&*cluster_text("a", 1, 2), "");
}

#[test]
fn a_word_cut_across_lines_reads_back_whole() {
    let fonts = Fonts::embedded();
    let word = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";
    let mut lines = break_lines(
        &plain(&format!("See {word} and more")),
        &fonts,
        90.0,
        Align::Left,
    );
    crate::render::pdf::layout::breaks::keep_breaks(&mut lines, &fonts);
    assert!(lines.len() > 3, "{}", lines.len());
    assert!(lines.iter().any(|l| l.cut), "no line was cut");
    // Joined with nothing between lines, the text is the source: spaces only where the
    // source has them (kept at line ends that break at a space), none inside the word.
    let text: String = lines.iter().map(line_text).collect();
    assert_eq!(text.trim_end(), format!("See {word} and more"));
}

/// Every pass of the breaker walks a paragraph's atoms and glyphs, so they stay small.
#[test]
fn an_atom_and_a_glyph_are_24_bytes() {
    assert_eq!(std::mem::size_of::<Atom>(), 24);
    assert_eq!(std::mem::size_of::<Glyph>(), 24);
}

/// A span's atoms share one run; a change of face, a link's edge and another language's
/// edge each start another.
#[test]
fn runs_part_where_the_style_a_link_or_a_language_changes() {
    let fonts = Fonts::embedded();
    let style = Style::plain(11.0);
    let span = |text: &str, style: &Style| Span {
        text: text.into(),
        style: style.clone(),
    };
    let mut linked = style.clone();
    linked.link = Some(Target::Uri("https://example.org".into()));
    let mut welsh = style.clone();
    welsh.lang = Some("cy".into());
    let spans = [
        span("one two ", &style),
        span("three ", &style.clone().bold()),
        span("four ", &linked),
        span("five ", &welsh),
        span("six", &style),
    ];
    let lines = break_lines(&spans, &fonts, 500.0, Align::Left);
    assert_eq!(lines.len(), 1);
    let runs: Vec<String> = lines[0]
        .runs
        .iter()
        .map(|r| r.glyphs.iter().map(|g| g.text).collect())
        .collect();
    assert_eq!(runs, ["one two ", "three ", "four ", "five ", "six"]);
}

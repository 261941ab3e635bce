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

#[test]
fn the_footer_shows_any_one_line_key_and_the_houses_own_fields() {
    let mut doc = super::super::tests::doc("# Background\n\nText.", "location: Room 2\n");
    doc.meta.extra = vec![("report_number".into(), "EC/26/014".into())];
    let mut own = HouseStyle::default();
    own.pdf.footer = vec!["Report {report_number} – {date}, {location}".into()];
    assert_eq!(
        identity(&doc, &own),
        "Report EC/26/014 – 1 September 2021, Room 2"
    );
    // The last line is used when the paper fills some of it, no separator left over.
    doc.meta.location = None;
    assert_eq!(identity(&doc, &own), "Report EC/26/014 – 1 September 2021");
    own.pdf.footer = vec!["{wards}".into()];
    assert_eq!(
        identity(&doc, &own),
        "A Test Paper",
        "nothing at all: the title"
    );
    // A line none of whose fields the paper fills says nothing of it: the title.
    doc.meta.extra.clear();
    own.pdf.footer = vec!["Report {report_number}".into()];
    assert_eq!(identity(&doc, &own), "A Test Paper", "not just `Report`");
}

#[test]
fn the_page_number_is_worded_as_the_house_words_it() {
    let doc = super::super::tests::doc("# Background\n\nText.", "");
    let mut house = HouseStyle::default();
    house.words.page = "Duilleag {n} de {total}".into();
    let fonts = Fonts::embedded();
    let laid = super::super::layout(&doc, &RenderOptions::new(&house), &fonts);
    let furniture: Vec<String> = super::super::tests::runs(&laid.pages[0])
        .filter(|(tag, _)| matches!(tag, Tag::Artifact))
        .map(|(_, run)| run.glyphs.iter().map(|g| g.text).collect())
        .collect();
    let all = furniture.join(" ");
    assert!(all.contains("Duilleag 1 de 1"), "{all}");
    assert!(!all.contains("Page"), "{all}");
}

#[test]
fn a_marking_too_long_for_its_room_is_set_smaller_and_never_cut() {
    let fonts = Fonts::embedded();
    let marking = "PREIFAT A CHYFRINACHOL – OFFICIAL-SENSITIVE";
    let span = |size: f32| Span {
        text: marking.to_string(),
        style: Style::plain(size).bold(),
    };
    let runs = |items: Vec<Item>| -> Vec<GlyphRun> {
        (items.into_iter())
            .filter_map(|i| match i.mark {
                Mark::Glyphs(run) => Some(run),
                _ => None,
            })
            .collect()
    };
    let text = |runs: &[GlyphRun]| -> String {
        runs.iter()
            .flat_map(|r| r.glyphs.iter().map(|g| g.text))
            .collect::<String>()
    };
    // Room enough: set at its size, as before.
    let wide = runs(line(&fonts, span(8.0), 0.0, 400.0, 20.0, Align::Left));
    assert_eq!(text(&wide).replace(' ', ""), marking.replace(' ', ""));
    assert!(wide.iter().all(|r| (r.size - 8.0).abs() < 1e-3));
    // A third of the room: the whole marking, smaller, inside the room.
    let narrow = runs(line(&fonts, span(8.0), 10.0, 110.0, 20.0, Align::Left));
    assert_eq!(text(&narrow).replace(' ', ""), marking.replace(' ', ""));
    assert!(narrow.iter().all(|r| r.size < 8.0 && r.x >= 10.0));
}

#[test]
fn the_footer_identity_is_one_line_cut_with_an_ellipsis() {
    let fonts = Fonts::embedded();
    let style = Style::plain(8.0);
    let short = "Budget Monitoring Report";
    assert_eq!(fit_one_line(&fonts, short, &style, 300.0), short);
    // Megabytes of title: only what can fit is ever measured, and the cut is at a space.
    let long = "Review of ".to_string() + &"the long title ".repeat(200_000);
    let cut = fit_one_line(&fonts, &long, &style, 300.0);
    assert!(
        cut.ends_with("title…") || cut.ends_with("the…") || cut.ends_with("long…"),
        "{cut}"
    );
    let width = text::measure(
        &[Span {
            text: cut.clone(),
            style: style.clone(),
        }],
        &fonts,
    )
    .1;
    assert!(width <= 300.0, "{width} pt for {cut}");
    assert!(
        width > 250.0,
        "the line is used, not left short: {width} pt for {cut}"
    );
    // One word longer than the room is cut inside the word.
    let word = "x".repeat(10_000);
    let cut = fit_one_line(&fonts, &word, &style, 100.0);
    assert!(
        cut.starts_with("xxx") && cut.ends_with('…') && cut.len() < 200,
        "{cut}"
    );
}

//! The paper page: its parts, escaping, snapshot, determinism and markup.

use super::*;

#[test]
fn renderer_is_shared_across_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Renderer>();
}

#[test]
fn author_text_is_escaped_and_shown_literally() {
    let mut doc = sample();
    doc.meta.title = "Review <script>x</script> {{ meta.title }}".into();
    let html = render(&doc, false);
    assert!(!html.contains("<script"), "{html}");
    assert!(
        html.contains(
            "Raw &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; {{ x }} {% if y %}"
        )
    );
    assert!(
        html.contains("<h1>Review &lt;script&gt;x&lt;/script&gt; {{ meta.title }}</h1>"),
        "{html}"
    );
}

/// The sample paper's page, compared whole with a reviewed snapshot
/// (`src/render/snapshots/sample-page.html`): the head's metadata, the header table, hanging
/// numbers, headings, footnotes, tables and lists, images and the appendix list. The house CSS
/// and base64 image data are elided so a style change does not churn it. A change shows as a
/// diff; after reviewing it, accept it with `BLESS=1 cargo test --lib render::tests`.
#[test]
fn the_sample_page_matches_its_reviewed_snapshot() {
    let html = render(&sample(), false);
    assert_eq!(html.matches("<h1").count(), 1);
    // The house's `case: upper` headings are upper case as real text, not by CSS.
    assert!(
        html.contains("<span class=\"secnum\">1.</span> <span class=\"htext\">BACKGROUND</span>")
    );
    assert!(!html.contains("text-transform"));
    let got = redact_page(&html);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/render/snapshots/sample-page.html");
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).expect("snapshot exists (BLESS=1 to create)");
    if got != want {
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(g, w)| g != w)
            .map_or(got.lines().count().min(want.lines().count()), |i| i);
        panic!(
            "the page differs from its snapshot from line {}:\n  got:  {:?}\n  want: {:?}\n\
             review the change, then BLESS=1 to accept",
            line + 1,
            got.lines().nth(line),
            want.lines().nth(line)
        );
    }
}

/// The page with the `<style>` element's CSS and base64 data replaced by `…`.
fn redact_page(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<style>") {
        let end = rest[at..].find("</style>").map_or(rest.len(), |e| at + e);
        out.push_str(&rest[..at + "<style>".len()]);
        out.push('…');
        rest = &rest[end..];
    }
    out.push_str(rest);
    let mut redacted = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(at) = rest.find(";base64,") {
        let start = at + ";base64,".len();
        let end = rest[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || "+/=".contains(c)))
            .map_or(rest.len(), |e| start + e);
        redacted.push_str(&rest[..start]);
        redacted.push('…');
        rest = &rest[end..];
    }
    redacted.push_str(rest);
    redacted
}

#[test]
fn classification_is_at_top_and_bottom() {
    let html = render(&sample(), false);
    assert_eq!(html.matches(">OFFICIAL</p>").count(), 2, "{html}");
    assert!(position(&html, ">OFFICIAL</p>") < position(&html, "<h1>"));
    assert!(html.rfind(">OFFICIAL</p>").unwrap() > position(&html, "</main>"));
    // Once in the readable text, as PAPER-FORMAT.md asks (the PDF's other markings are
    // artifacts): the bottom copy is hidden from screen readers.
    assert!(html.contains("<p class=\"marking marking-bottom\" aria-hidden=\"true\">OFFICIAL</p>"));
    assert!(html.contains("<p class=\"marking marking-top\">OFFICIAL</p>"));

    let mut doc = sample();
    doc.meta.classification = None;
    assert!(!render(&doc, false).contains("class=\"marking"));
}

#[test]
fn draft_banner_only_for_drafts() {
    let draft = render(&sample(), true);
    assert!(draft.contains("<p class=\"draft-banner\"><strong>DRAFT</strong>"));
    assert!(draft.contains("@top-right { content: \"DRAFT\"; }"));
    let last = render(&sample(), false);
    assert!(!last.contains("draft-banner\">"));
    assert!(!last.contains(">DRAFT<"));
    assert!(!last.contains("content: \"DRAFT\""));
}

#[test]
fn page_makes_no_outside_requests() {
    let html = render(&sample(), true);
    for banned in [
        "src=\"http",
        "src='http",
        "<link",
        "<script",
        "@import",
        "url(",
        "<iframe",
        "<object",
    ] {
        assert!(!html.contains(banned), "found `{banned}`");
    }
    // The one outside URL is a link the reader may follow, in the same tab.
    assert_eq!(html.matches("href=\"http").count(), 1);
    assert!(html.contains("<a href=\"https://www.hmics.scot/\">report</a>"));
    assert!(!html.contains("target="));
    assert!(!html.contains("javascript:"), "unsafe link kept");
    assert!(html.contains(" and bad</p>"));
}

#[test]
fn a_header_row_without_words_is_left_out() {
    let table = |head: Vec<Vec<Inline>>| {
        super::html::blocks(
            &[Block::Table(Table {
                align: vec![Align::None, Align::Right],
                head,
                rows: vec![vec![vec![text("Gas")], vec![text("£1.2m")]]],
            })],
            &mut super::html::TableNames::default(),
        )
    };
    let html = table(vec![vec![text(" ")], vec![]]);
    assert!(!html.contains("<thead>") && !html.contains("<th"), "{html}");
    assert!(
        html.contains("<td>Gas</td><td class=\"align-right\">£1.2m</td>"),
        "{html}"
    );
    // One heading keeps the row: a blank corner above row labels is common, and is a
    // `<td>`, since an empty `<th>` would be a column header with no name.
    let html = table(vec![vec![], vec![text("2024")]]);
    assert!(
        html.contains("<thead>\n<tr><td></td><th scope=\"col\" class=\"align-right\">2024</th>"),
        "{html}"
    );
}

#[test]
fn tables_are_named_in_page_order_with_their_place() {
    let table = || {
        Block::Table(Table {
            align: vec![Align::None],
            head: vec![vec![text("Station")]],
            rows: vec![vec![vec![text("Stornoway")]]],
        })
    };
    let mut names = html::TableNames::default();
    let mut html = html::blocks(&[table(), table()], names.at(Some("paragraph 2.4".into())));
    html += &html::blocks(&[table()], names.at(None));
    html += &html::footnote(3, &[], &[table()], &mut names);
    let labels: Vec<&str> = html
        .split("aria-label=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert_eq!(
        labels,
        [
            "Table 1, paragraph 2.4",
            "Table 2, paragraph 2.4",
            "Table 3",
            "Table 4, footnote 3"
        ]
    );
}

#[test]
fn output_is_deterministic() {
    let r = renderer();
    let house = HouseStyle::default();
    let a = r.render_paper(&sample(), &house, true).unwrap();
    let b = r.render_paper(&sample(), &house, true).unwrap();
    assert_eq!(a, b);
}

#[test]
fn a_footnote_ending_in_a_list_gets_its_back_link_after_it() {
    let list = Block::List {
        start: Some(3),
        items: vec![vec![paragraph(vec![text("c")])]],
        tight: true,
    };
    let out = html::footnote(
        2,
        &["fnref-2".to_string()],
        &[list],
        &mut html::TableNames::default(),
    );
    assert!(
        out.starts_with("<ol start=\"3\">\n<li>c</li>\n</ol>\n<p><a href=\"#fnref-2\""),
        "{out}"
    );
    assert_eq!(
        html::footnote(
            2,
            &[],
            &[paragraph(vec![text("x")])],
            &mut html::TableNames::default()
        ),
        "<p>x</p>\n"
    );
}

#[test]
fn a_passage_in_another_language_is_a_span_with_its_lang() {
    let mut doc = sample();
    let span = Inline::Span {
        lang: "gd".into(),
        content: vec![text("Tha mi <toilichte>")],
    };
    let p = para(
        None,
        "gaelic",
        vec![paragraph(vec![text("She said "), span])],
    );
    doc.sections[0].items.push(p);
    let html = render(&doc, false);
    assert!(
        html.contains(r#"She said <span lang="gd">Tha mi &lt;toilichte&gt;</span>"#),
        "{html}"
    );
}

#[test]
fn a_headings_inline_markup_is_in_the_page_and_a_plain_heading_is_as_before() {
    let mut doc = sample();
    let plain = render(&doc, false);
    let heading = doc.sections[1].display_heading.clone();
    assert!(plain.contains(&format!(
        "<span class=\"htext\">{}</span>",
        escape(&heading)
    )));
    doc.sections[1].content = vec![
        text("Background "),
        Inline::Emph {
            content: vec![text("in brief")],
        },
        Inline::Code {
            text: "<code>".into(),
        },
    ];
    let marked = render(&doc, false);
    position(
        &marked,
        "<span class=\"htext\">BACKGROUND <em>IN BRIEF</em><code>&lt;code&gt;</code></span>",
    );
}

#[test]
fn a_tight_lists_items_are_lines_and_a_loose_lists_are_paragraphs() {
    let items = vec![
        vec![paragraph(vec![text("a")])],
        vec![
            paragraph(vec![text("b")]),
            Block::List {
                start: None,
                items: vec![vec![paragraph(vec![text("c")])]],
                tight: true,
            },
        ],
    ];
    let tight = Block::List {
        start: None,
        items: items.clone(),
        tight: true,
    };
    let loose = Block::List {
        start: Some(2),
        items,
        tight: false,
    };
    let mut names = html::TableNames::default();
    assert_eq!(
        html::blocks(&[tight], &mut names),
        "<ul>\n<li>a</li>\n<li>b\n<ul>\n<li>c</li>\n</ul>\n</li>\n</ul>\n"
    );
    assert_eq!(
        html::blocks(&[loose], &mut names),
        "<ol start=\"2\">\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n<ul>\n<li>c</li>\n</ul>\n</li>\n</ol>\n"
    );
}

/// A `###` straight under a section's heading is an <h3>, as the PDF tags it `H3`: the
/// page's headings skip no level (vnu: "skipping 1 heading level"); under a `##` it is an
/// <h4>, and a `##` after it is an <h3> again.
#[test]
fn sub_headings_skip_no_level() {
    let mut doc = sample();
    let items = &mut doc.sections[2].items;
    let heading = |level: u8, id: &str| Item::SubHeading {
        content: vec![text(id)],
        id: id.into(),
        level,
    };
    items.retain(|i| !matches!(i, Item::SubHeading { .. }));
    items.insert(0, heading(3, "deep-first"));
    items.push(heading(2, "second"));
    items.push(heading(3, "under-second"));
    let html = render(&doc, false);
    for (level, id) in [(3, "deep-first"), (3, "second"), (4, "under-second")] {
        assert!(
            html.contains(&format!("<h{level} id=\"{id}\" class=\"subheading\">")),
            "{id} as h{level}: {html}"
        );
    }
}

/// A paper in Welsh in an English house: the page is `lang="cy"`, the words the house
/// gives (the header table's labels, the headings of the implications and
/// RECOMMENDATIONS) `lang="en-GB"`; the author's headings are the page's language.
#[test]
fn the_houses_words_on_a_page_of_another_language_say_theirs() {
    let mut doc = sample();
    doc.meta.language = "cy".into();
    let html = render(&doc, false);
    assert!(html.contains("<html lang=\"cy\">"), "{html}");
    assert!(
        html.contains("<th scope=\"row\" lang=\"en-GB\">Meeting</th>"),
        "{html}"
    );
    assert!(
        html.contains("<h2 id=\"section-3-heading\" lang=\"en-GB\">"),
        "{html}"
    );
    assert!(
        html.contains("<h2 id=\"recommendations-heading\" lang=\"en-GB\">"),
        "{html}"
    );
    assert!(html.contains("<h2 id=\"section-2-heading\">"), "{html}");
    // In English, nothing is marked but the page.
    let html = render(&sample(), false);
    assert_eq!(html.matches("lang=\"en-GB\"").count(), 1, "{html}");
}

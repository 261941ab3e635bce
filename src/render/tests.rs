//! Tests of the HTML renderer: the paper page, the index, and template loading.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::index::compare_agenda;
use super::*;
use crate::diag::Sources;
use crate::document::{
    Align, Appendix, Block, Footnote, HeaderRow, Image, Inline, Item, Para, Section, SectionKind,
    Table,
};
use crate::paper::{MetaText, PaperMeta};

const PNG: &[u8] =
    include_bytes!("../../papers/policing-performance/recorded-crime-by-quarter.png");

fn text(s: &str) -> Inline {
    Inline::Text {
        text: s.to_string(),
    }
}

fn para(number: Option<&str>, id: &str, blocks: Vec<Block>) -> Item {
    Item::Para(Para {
        number: number.map(str::to_string),
        id: id.to_string(),
        label: None,
        blocks,
    })
}

fn paragraph(content: Vec<Inline>) -> Block {
    Block::Paragraph { content }
}

fn section(
    kind: SectionKind,
    number: Option<u32>,
    heading: &str,
    id: &str,
    items: Vec<Item>,
) -> Section {
    Section {
        kind,
        number,
        heading: heading.to_string(),
        display_heading: heading.to_uppercase(),
        content: Vec::new(),
        id: id.to_string(),
        items,
    }
}

fn meta(title: &str) -> PaperMeta {
    PaperMeta {
        meeting: "Policing Performance Committee".into(),
        date: jiff::civil::date(2021, 9, 1),
        date_display: "1 September 2021".into(),
        title: title.into(),
        presented_by: "Elaine Galbraith, HMICS".into(),
        recommendation: "For Discussion".into(),
        recommendations: MetaText {
            text: "Members are invited to discuss.".into(),
            line: 1,
            line_start: 0,
            spans: Vec::new(),
        },
        location: Some("Video Conferencing".into()),
        agenda_item: Some("4.2".into()),
        classification: Some("OFFICIAL".into()),
        status: None,
        appendices: Vec::new(),
        implications: Vec::new(),
        language: "en-GB".into(),
        keywords: vec!["HMICS".into(), "online child sexual abuse".into()],
        extra: Vec::new(),
    }
}

fn image() -> Image {
    Image {
        alt: "Chart of progress".into(),
        src: "chart.png".into(),
        path: PathBuf::from("papers/chart.png"),
        mime: "image/png",
        data: Arc::new(PNG.to_vec()),
    }
}

/// A paper shaped like the seed: PURPOSE, two body sections, one implication,
/// RECOMMENDATIONS, a footnote and an appendix.
fn sample() -> Document {
    let meta = meta("HMICS Progress Review – Online Child Sexual Abuse");
    let header = [
        ("Meeting", "meeting", meta.meeting.as_str()),
        ("Date", "date", "1 September 2021"),
        ("Title of Paper", "title", meta.title.as_str()),
        (
            "Appendix Attached",
            "appendices",
            "Yes – Appendix A – Progress Review",
        ),
    ]
    .map(|(label, key, value)| HeaderRow {
        label: label.into(),
        key: key.into(),
        value: value.into(),
    })
    .to_vec();
    let table = Table {
        align: vec![Align::Left, Align::Right],
        head: vec![vec![text("Recommendation")], vec![text("Status")]],
        rows: vec![vec![vec![text("R. 3")], vec![text("Closed")]]],
    };
    let sections = vec![
        section(
            SectionKind::Unnumbered,
            None,
            "Purpose",
            "purpose",
            vec![para(
                None,
                "purpose-1",
                vec![paragraph(vec![text("The purpose of this paper.")])],
            )],
        ),
        section(
            SectionKind::Body,
            Some(1),
            "Background",
            "section-1",
            vec![para(
                Some("1.1"),
                "para-1-1",
                vec![paragraph(vec![
                    text("HMICS published a review"),
                    Inline::FootnoteRef {
                        number: 1,
                        target: "fn-1".into(),
                        id: "fnref-1".into(),
                    },
                    text(". See paragraph "),
                    Inline::CrossRef {
                        label: "closed".into(),
                        number: "2.4".into(),
                        target: "para-2-4".into(),
                    },
                    text("."),
                ])],
            )],
        ),
        section(
            SectionKind::Body,
            Some(2),
            "Further Detail on the Report",
            "section-2",
            vec![
                para(
                    Some("2.3"),
                    "para-2-3",
                    vec![paragraph(vec![text(
                        "Raw <script>alert('x')</script> & {{ x }} {% if y %}",
                    )])],
                ),
                Item::SubHeading {
                    content: vec![text("Closed recommendations")],
                    id: "closed-recs".into(),
                    level: 2,
                },
                para(
                    Some("2.4"),
                    "para-2-4",
                    vec![
                        paragraph(vec![text(
                            "Based on the progress assessed, three were closed:",
                        )]),
                        Block::List {
                            start: None,
                            items: vec![
                                vec![paragraph(vec![text("R. 3")])],
                                vec![paragraph(vec![text("R. 7")])],
                            ],
                            tight: true,
                        },
                        Block::Table(table),
                        Block::Image(image()),
                    ],
                ),
                para(
                    Some("2.5"),
                    "para-2-5",
                    vec![paragraph(vec![
                        Inline::Link {
                            url: "https://www.hmics.scot/".into(),
                            title: String::new(),
                            content: vec![text("report")],
                        },
                        text(" and "),
                        Inline::Link {
                            url: "javascript:alert(1)".into(),
                            title: String::new(),
                            content: vec![text("bad")],
                        },
                    ])],
                ),
            ],
        ),
        section(
            SectionKind::Implication {
                key: "financial".into(),
                defaulted: true,
            },
            Some(3),
            "Financial Implications",
            "section-3",
            vec![para(
                None,
                "section-3-1",
                vec![paragraph(vec![text(
                    "There are no direct financial implications.",
                )])],
            )],
        ),
        section(
            SectionKind::Recommendations,
            None,
            "Recommendations",
            "recommendations",
            vec![para(
                None,
                "recommendations-1",
                vec![paragraph(vec![text("Members are invited to discuss.")])],
            )],
        ),
    ];
    Document {
        meta,
        header,
        sections,
        footnotes: vec![Footnote {
            number: 1,
            id: "fn-1".into(),
            refs: vec!["fnref-1".into()],
            blocks: vec![paragraph(vec![text("Published February 2020.")])],
        }],
        appendices: vec![Appendix {
            word: "Appendix".into(),
            letter: "A".into(),
            title: "Progress Review".into(),
            file: None,
            id: "appendix-a".into(),
            content: crate::document::AppendixContent::None,
        }],
        file_stem: "sample".into(),
    }
}

fn renderer() -> Renderer {
    let dir = tempfile::tempdir().unwrap();
    Renderer::new(dir.path(), &HouseStyle::default(), &mut Sources::default()).unwrap()
}

fn render(doc: &Document, draft: bool) -> String {
    renderer()
        .render_paper(doc, &HouseStyle::default(), draft)
        .unwrap()
}

fn position(html: &str, needle: &str) -> usize {
    html.find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not found in:\n{html}"))
}

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

fn entry(meeting: &str, date: &str, item: Option<&str>, title: &str) -> IndexEntry {
    IndexEntry {
        meeting: meeting.into(),
        date: date.into(),
        date_display: date.into(),
        agenda_item: item.map(str::to_string),
        title: title.into(),
        href: format!("{}.html", title.to_lowercase().replace(' ', "-")),
        pdf_href: None,
        warnings: 0,
        classification: None,
        draft: false,
        private: false,
        stale: false,
    }
}

#[test]
fn index_groups_by_meeting_and_date_in_agenda_order() {
    let mut entries = vec![
        entry("Resources Committee", "2021-09-02", Some("3"), "Budget"),
        entry(
            "Policing Performance Committee",
            "2021-09-01",
            None,
            "Late paper",
        ),
        entry(
            "Policing Performance Committee",
            "2021-09-01",
            Some("4.10"),
            "Tenth",
        ),
        entry(
            "Policing Performance Committee",
            "2021-09-01",
            Some("4.2"),
            "Second",
        ),
        entry(
            "Policing Performance Committee",
            "2021-06-01",
            Some("1"),
            "Older meeting",
        ),
    ];
    entries[3].warnings = 2;
    entries[3].draft = true;
    entries[3].classification = Some("OFFICIAL-SENSITIVE".into());
    entries[3].pdf_href = Some("second.pdf".into());
    entries[2].warnings = 1;
    let html = renderer()
        .render_index(&entries, &HouseStyle::default())
        .unwrap();

    assert_eq!(html.matches("<h1").count(), 1);
    assert!(html.contains(
        "<h1><span class=\"organisation\">Scottish Police Authority</span> Committee papers</h1>"
    ));
    let order = [
        "<h2 id=\"policing-performance-committee-heading\">Policing Performance Committee</h2>",
        "<h3 id=\"policing-performance-committee-2021-09-01\">",
        ">Second</a>",
        ">Tenth</a>",
        ">Late paper</a>",
        "<h3 id=\"policing-performance-committee-2021-06-01\">",
        ">Older meeting</a>",
        "<h2 id=\"resources-committee-heading\">Resources Committee</h2>",
        ">Budget</a>",
    ];
    let positions: Vec<usize> = order.iter().map(|n| position(&html, n)).collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "{positions:?}\n{html}"
    );
    assert_eq!(html.matches("<h2").count(), 2);

    assert!(html.contains("<a href=\"second.html\">Second</a>"));
    assert!(html.contains(
        "<strong class=\"draft-marker\">DRAFT</strong> <span class=\"warnings\">2 warnings</span>"
    ));
    assert!(html.contains("<span class=\"warnings\">1 warning</span>"));
    assert_eq!(html.matches("class=\"warnings\"").count(), 2);
    assert!(html.contains("<a href=\"second.pdf\">PDF"));
    assert!(html.contains("OFFICIAL-SENSITIVE"));
}

#[test]
fn agenda_items_compare_by_number() {
    use std::cmp::Ordering::*;
    assert_eq!(compare_agenda(Some("4.2"), Some("4.10")), Less);
    assert_eq!(compare_agenda(Some("10"), Some("9")), Greater);
    assert_eq!(compare_agenda(Some("4"), Some("4.1")), Less);
    assert_eq!(compare_agenda(Some("4a"), Some("4b")), Less);
    assert_eq!(compare_agenda(Some("4.2"), None), Less);
    assert_eq!(compare_agenda(None, None), Equal);
}

fn project_with(file: &str, contents: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(TEMPLATES_DIR)).unwrap();
    std::fs::write(dir.path().join(TEMPLATES_DIR).join(file), contents).unwrap();
    dir
}

#[test]
fn a_project_template_replaces_the_default() {
    let dir = project_with(
        "paper.html",
        "<p>{{ meta.title }} / {{ sections | length }}</p>",
    );
    let house = HouseStyle::default();
    let r = Renderer::new(dir.path(), &house, &mut Sources::default()).unwrap();
    let mut doc = sample();
    doc.meta.title = "A & B".into();
    assert_eq!(
        r.render_paper(&doc, &house, false).unwrap(),
        "<p>A &amp; B / 5</p>"
    );
    // index.html was not overridden, so the default still serves.
    assert!(
        r.render_index(&[], &house)
            .unwrap()
            .contains("There are no papers yet.")
    );
}

#[test]
fn a_broken_template_is_an_error_naming_its_file_and_line() {
    let dir = project_with("paper.html", "<html>\n<p>{% if meta.title %}</p>\n");
    let mut sources = Sources::default();
    let errs = Renderer::new(dir.path(), &HouseStyle::default(), &mut sources).unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].file, Path::new("templates/paper.html"));
    assert!(errs[0].message.contains("templates/paper.html"), "{errs:?}");
    assert!(errs[0].locate(&sources).line > 0, "{errs:?}");
    assert!(errs[0].is_error());
    assert!(
        errs[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("delete `templates/paper.html`")
    );
}

#[test]
fn a_template_failing_at_render_time_names_file_and_line() {
    let dir = project_with("paper.html", "<p>ok</p>\n<p>{{ meta.no_such_field }}</p>\n");
    let house = HouseStyle::default();
    let r = Renderer::new(dir.path(), &house, &mut Sources::default()).unwrap();
    let err = r.render_paper(&sample(), &house, false).unwrap_err();
    assert_eq!(err.file, Path::new("templates/paper.html"));
    let at = err.locate(r.sources());
    assert_eq!((at.line, at.column), (2, 12), "{err:?}");
    assert!(err.message.contains("no_such_field"), "{err:?}");
}

#[test]
fn the_house_logo_is_embedded() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("logo.png"), PNG).unwrap();
    let mut house = HouseStyle::default();
    house.organisation.logo = Some(PathBuf::from("logo.png"));
    let r = Renderer::new(dir.path(), &house, &mut Sources::default()).unwrap();
    let html = r.render_paper(&sample(), &house, false).unwrap();
    assert!(
        html.contains("<img class=\"logo\" src=\"data:image/png;base64,"),
        "{html}"
    );

    house.organisation.logo = Some(PathBuf::from("missing.png"));
    let errs = Renderer::new(dir.path(), &house, &mut Sources::default()).unwrap_err();
    assert_eq!(errs[0].file, Path::new("clerk.yaml"));
}

#[test]
fn css_strings_cannot_escape_their_quotes() {
    assert_eq!(html::css_string("OFFICIAL"), "\"OFFICIAL\"");
    assert_eq!(
        html::css_string("a\"</style>"),
        "\"a\\22 \\3c /style\\3e \""
    );
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

/// Every key of `value`, at any depth.
fn keys(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                keys(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn every_template_variable_is_documented() {
    let docs = include_str!("../../docs/templates.md");
    let house = HouseStyle::default();
    let doc = sample();
    let opts = super::RenderOptions {
        draft: true,
        ..super::RenderOptions::new(&house)
    };
    let paper = view::PaperView::new(&doc, &opts, "");
    let entries = [entry("M", "2021-09-01", Some("1"), "T")];
    let index = index::IndexView::new(&entries, &house, "");
    let links = [MeetingLink {
        cancelled: false,
        committee: "M".into(),
        date: "2021-09-01".into(),
        date_display: "1 September 2021".into(),
        href: "meetings/x/index.html".into(),
        private: vec![PrivateLine {
            number: Some("4".into()),
            title: "P".into(),
            exempt: "E".into(),
        }],
    }];
    let index = index.with_meetings(&links);
    let meeting = crate::meeting::tests_support::sample_meeting();
    let mut files = PaperFiles::new();
    files.insert(
        "a.md".into(),
        vec![
            BuiltFile {
                path: "a.html".into(),
                size: 10,
                pages: None,
            },
            BuiltFile {
                path: "a.pdf".into(),
                size: 10,
                pages: Some(2),
            },
        ],
    );
    let agenda = BuiltFile {
        path: "meetings/x/agenda.pdf".into(),
        size: 10,
        pages: Some(1),
    };
    let page = super::meeting::MeetingView::new(
        &meeting,
        &files,
        Some(&agenda),
        &house,
        true,
        "",
        Some("data:"),
    );
    let mut all = std::collections::BTreeSet::new();
    keys(&serde_json::to_value(&paper).unwrap(), &mut all);
    keys(&serde_json::to_value(&index).unwrap(), &mut all);
    keys(&serde_json::to_value(&page).unwrap(), &mut all);
    let documented = |k: &String| {
        [format!("`{k}`"), format!(".{k}`"), format!("`{k}.")]
            .iter()
            .any(|f| docs.contains(f.as_str()))
    };
    let missing: Vec<_> = all.iter().filter(|k| !documented(k)).collect();
    assert!(missing.is_empty(), "not in docs/templates.md: {missing:?}");
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

//! Tests of the HTML renderer: the paper page (`page`), the index (`index_page`), and
//! template loading (`template_files`), over the fixtures here.

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
    include_bytes!("../../../papers/policing-performance/recorded-crime-by-quarter.png");

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
            appendix: None,
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
        links_papers: false,
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

fn entry(meeting: &str, date: &str, item: Option<&str>, title: &str) -> IndexEntry {
    IndexEntry {
        meeting: meeting.into(),
        date: date.into(),
        date_display: date.into(),
        agenda_item: item.map(str::to_string),
        title: title.into(),
        lang: None,
        href: format!("{}.html", title.to_lowercase().replace(' ', "-")),
        pdf_href: None,
        warnings: 0,
        classification: None,
        draft: false,
        private: false,
        stale: false,
    }
}

mod index_page;
mod page;
mod template_files;

//! `agenda.pdf`: a meeting's agenda laid out by the papers' own PDF engine, so it is tagged
//! PDF/A-2a + PDF/UA-1 like them. The agenda is a [`Document`]: a header table (committee,
//! date, time, location, chair, contact), an unnumbered "Agenda" section whose paragraphs
//! carry the item numbers hanging, and the items taken in private under the house's heading.

use crate::config::HouseStyle;
use crate::document::{Block, Document, HeaderRow, Inline, Item, Para, Section, SectionKind};
use crate::meeting::{AgendaItem, ItemKind, Meeting};
use crate::paper::{MetaText, PaperMeta, Status};

fn text(t: &str) -> Inline {
    Inline::Text {
        text: t.to_string(),
    }
}

/// One line of a front sheet (the agenda's, or a pack's): the item, where its title links
/// to (`#anchor`), and a note said after the others (`pages 5–13`).
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// The item.
    pub item: &'a AgendaItem,
    /// Where its title links to.
    pub link: Option<String>,
    /// The last note.
    pub note: Option<String>,
}

impl<'a> Line<'a> {
    /// The item as the agenda shows it.
    pub fn plain(item: &'a AgendaItem) -> Line<'a> {
        Line {
            item,
            link: None,
            note: None,
        }
    }
}

/// One item as a paragraph: its title (bold for a heading), then who presents it and why,
/// a verbal or late item said so, a private item's exempt ground.
fn item_para(line: &Line<'_>, k: usize, house: &HouseStyle) -> Item {
    let (item, words) = (line.item, &house.words);
    // The paper's own words in its language, when it is not the agenda's: a screen reader
    // reads a Welsh title in a Welsh voice.
    let lang =
        (item.language.as_deref()).and_then(|l| crate::config::other_language(l, &house.language));
    let in_lang = |content: Vec<Inline>| match lang {
        Some(lang) => vec![Inline::Span {
            lang: lang.to_string(),
            content,
        }],
        None => content,
    };
    let title = match &line.link {
        Some(url) => Inline::Link {
            url: url.clone(),
            title: String::new(),
            content: vec![text(&item.title)],
        },
        None => text(&item.title),
    };
    let mut content = in_lang(vec![match item.kind {
        ItemKind::Heading => Inline::Strong {
            content: vec![title],
        },
        _ => title,
    }]);
    // Each note, and whether it is the paper's words (who presents it and why).
    let mut notes = Vec::new();
    if item.kind == ItemKind::Verbal {
        notes.push((words.verbal_item.clone(), false));
    }
    if let ItemKind::Deferred { to, .. } = item.kind {
        notes.push((house.deferred_note(to), false));
    }
    if item.late {
        notes.push((words.late_item.clone(), false));
    }
    if item.private.is_none() {
        match (&item.presenter, &item.purpose) {
            (Some(p), Some(r)) => notes.push((format!("{p} – {r}"), true)),
            (Some(x), None) | (None, Some(x)) => notes.push((x.clone(), true)),
            (None, None) => {}
        }
    }
    if let Some(ground) = &item.private {
        notes.push((words.exempt_note(ground), false));
    }
    notes.extend(line.note.clone().map(|n| (n, false)));
    for (n, papers) in notes {
        content.push(Inline::HardBreak);
        let note = vec![Inline::Emph {
            content: vec![text(&n)],
        }];
        content.extend(if papers { in_lang(note) } else { note });
    }
    Item::Para(Para {
        number: Some(item.number.clone().unwrap_or_else(|| "–".into())),
        id: format!("item-{k}"),
        label: None,
        blocks: vec![Block::Paragraph { content }],
    })
}

/// The agenda of `meeting` as a document the PDF engine lays out.
pub fn document(meeting: &Meeting, house: &HouseStyle) -> Document {
    let public: Vec<Line<'_>> = meeting
        .public_agenda()
        .into_iter()
        .map(Line::plain)
        .collect();
    let private: Vec<Line<'_>> = meeting.private_items().map(Line::plain).collect();
    sheet(
        meeting,
        house,
        // Dated, as a pack's title is: every agenda of a committee is an archive's own file.
        format!(
            "{} – {} – {}",
            meeting.committee,
            house.format_date(meeting.date),
            house.words.agenda
        ),
        &[
            (&house.words.agenda, "agenda", &public),
            (&house.private_heading, "private", &private),
        ],
    )
}

/// A front sheet of `meeting` titled `title`: the header table, then each section
/// `(heading, id, lines)` that has lines; the first always, saying so when it has none
/// (a public agenda whose every item is taken in private), never an empty heading.
pub fn sheet(
    meeting: &Meeting,
    house: &HouseStyle,
    title: String,
    parts: &[(&str, &str, &[Line<'_>])],
) -> Document {
    let date_display = house.format_weekday_date(meeting.date);
    let words = &house.words;
    let mut header = vec![
        HeaderRow {
            label: words.committee.clone(),
            key: "meeting".into(),
            value: meeting.committee.clone(),
        },
        HeaderRow {
            label: words.date.clone(),
            key: "date".into(),
            value: date_display.clone(),
        },
    ];
    let optional = [
        (
            &words.time,
            "time",
            meeting.time.map(|t| match meeting.end {
                Some(end) => format!("{}–{}", house.format_time(t), house.format_time(end)),
                None => house.format_time(t),
            }),
        ),
        (&words.location, "location", meeting.location.clone()),
        (&words.chair, "chair", meeting.chair.clone()),
        (&words.contact, "contact", meeting.contact.clone()),
    ];
    for (label, key, value) in optional {
        if let Some(value) = value {
            header.push(HeaderRow {
                label: label.clone(),
                key: key.into(),
                value,
            });
        }
    }
    let section = |heading: &str, id: &str, items: Vec<Item>| Section {
        kind: SectionKind::Unnumbered,
        number: None,
        heading: heading.to_string(),
        display_heading: house.case_heading(heading),
        content: Vec::new(),
        id: id.to_string(),
        items,
    };
    let mut sections = Vec::new();
    for (n, (heading, id, lines)) in parts.iter().enumerate() {
        if lines.is_empty() && !sections.is_empty() {
            continue;
        }
        // Ids unique across sections: the n-th section's start after n agendas' worth.
        let mut items: Vec<Item> = lines
            .iter()
            .enumerate()
            .map(|(k, l)| item_para(l, k + n * meeting.items.len(), house))
            .collect();
        if items.is_empty() {
            items.push(Item::Para(Para {
                number: None,
                id: format!("{id}-none"),
                label: None,
                blocks: vec![Block::Paragraph {
                    content: vec![text(meeting.no_public_items(words))],
                }],
            }));
        }
        sections.push(section(heading, id, items));
    }
    Document {
        meta: PaperMeta {
            meeting: meeting.committee.clone(),
            date: meeting.date,
            date_display,
            title,
            presented_by: house.organisation.name.clone(),
            recommendation: String::new(),
            recommendations: MetaText {
                text: String::new(),
                line: 0,
                line_start: 0,
                spans: Vec::new(),
            },
            location: meeting.location.clone(),
            agenda_item: None,
            classification: None,
            status: meeting.status.or(Some(Status::Final)),
            appendices: Vec::new(),
            implications: Vec::new(),
            language: house.language.clone(),
            keywords: vec!["agenda".into(), meeting.committee.clone()],
            extra: Vec::new(),
        },
        header,
        sections,
        footnotes: Vec::new(),
        appendices: Vec::new(),
        file_stem: "agenda".into(),
        links_papers: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::tests_support::sample_meeting;

    /// Each section's heading and what its paragraphs say, as `Agenda: 1 Opening remarks`.
    fn shown(doc: &Document) -> Vec<String> {
        doc.sections
            .iter()
            .map(|s| {
                let paras: Vec<String> = s
                    .items
                    .iter()
                    .map(|i| {
                        let Item::Para(p) = i else {
                            return String::new();
                        };
                        let Some(Block::Paragraph { content }) = p.blocks.first() else {
                            return String::new();
                        };
                        let first = match content.first() {
                            Some(Inline::Text { text }) => text.clone(),
                            Some(Inline::Strong { content }) => match content.first() {
                                Some(Inline::Text { text }) => text.clone(),
                                _ => String::new(),
                            },
                            _ => String::new(),
                        };
                        match &p.number {
                            Some(n) => format!("{n} {first}"),
                            None => first,
                        }
                    })
                    .collect();
                format!("{}: {}", s.heading, paras.join(" | "))
            })
            .collect()
    }

    #[test]
    fn an_agenda_whose_every_item_is_private_says_so_under_its_heading() {
        let mut m = sample_meeting();
        m.items.retain(|i| i.private.is_some());
        let doc = document(&m, &HouseStyle::default());
        assert_eq!(
            shown(&doc),
            [
                "Agenda: There are no public items: every item of this meeting is taken in private.",
                "Items to be taken in private: 4 Cyber",
            ]
        );
    }

    #[test]
    fn a_heading_whose_sub_items_are_all_private_is_no_public_business() {
        let mut m = sample_meeting();
        // 3 Finance, with 3.1 taken in private too: nothing is done in public.
        m.items.retain(|i| i.number.as_deref() != Some("1"));
        m.items[1].private = Some("Standing Orders 20(d)".into());
        assert!(m.public_agenda().is_empty());
        let doc = document(&m, &HouseStyle::default());
        assert_eq!(
            shown(&doc)[0],
            "Agenda: There are no public items: every item of this meeting is taken in private."
        );
        // With public business elsewhere, the heading with none under it is left out, not
        // shown empty.
        let mut some = sample_meeting();
        some.items[2].private = Some("Standing Orders 20(d)".into());
        assert_eq!(
            shown(&document(&some, &HouseStyle::default()))[0],
            "Agenda: 1 Opening remarks"
        );
        // With a public item under it, the heading stays with it.
        let full = sample_meeting();
        assert_eq!(full.public_agenda().len(), 3);
        assert_eq!(
            shown(&document(&full, &HouseStyle::default()))[0],
            "Agenda: 1 Opening remarks | 3 Finance | 3.1 Budget"
        );
    }
}

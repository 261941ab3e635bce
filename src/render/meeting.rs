//! The meeting page's view: a [`Meeting`] with each paper's built files described the
//! GOV.UK way (`PDF, 182 KB, 9 pages`), as `meeting.html` sees it. Private items carry
//! their number, title and exempt ground only.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::view::OrganisationView;
use crate::config::{HouseStyle, Words};
use crate::meeting::{AgendaItem, ItemKind, Meeting};

/// A built file the meeting page links to, described by the caller (the output stage).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltFile {
    /// Path relative to the output folder, with `/` separators.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// Pages, for a PDF.
    pub pages: Option<u32>,
}

/// A paper's built HTML and PDF, by the paper's path relative to the papers folder.
pub type PaperFiles = BTreeMap<PathBuf, Vec<BuiltFile>>;

/// A link with its GOV.UK attachment description.
#[derive(Debug, Serialize)]
pub(crate) struct LinkView {
    /// Relative to the meeting page.
    pub(crate) href: String,
    /// `HTML` or `PDF`.
    pub(crate) kind: &'static str,
    /// `PDF, 182 KB, 9 pages`.
    pub(crate) description: String,
    /// `182 KB, 9 pages`: the description after a link that says its type.
    pub(crate) details: String,
}

impl LinkView {
    fn new(href: String, kind: &'static str, f: &BuiltFile) -> LinkView {
        let details = sized(f.size, f.pages);
        LinkView {
            href,
            kind,
            description: format!("{kind}, {details}"),
            details,
        }
    }
}

/// One agenda item on the page.
#[derive(Debug, Serialize)]
pub(crate) struct ItemView<'a> {
    /// `3.1`, or null for a paper with no number.
    pub(crate) number: Option<&'a str>,
    /// The item's title.
    pub(crate) title: &'a str,
    /// The language of its title, presenter and purpose (the paper's), when it is not the
    /// page's: for their `lang`.
    pub(crate) lang: Option<&'a str>,
    /// `paper`, `verbal`, `heading` or `deferred`.
    pub(crate) kind: &'static str,
    /// A deferred item's note: `Deferred to 16 February 2027`.
    pub(crate) deferred: Option<String>,
    /// Who presents it.
    pub(crate) presenter: Option<&'a str>,
    /// `For Discussion`, …
    pub(crate) purpose: Option<&'a str>,
    /// Issued after the pack.
    pub(crate) late: bool,
    /// The exempt ground of a private item.
    pub(crate) exempt: Option<&'a str>,
    /// The ground as the house words it (`words.exempt`): `Exempt: Standing Orders 20(d)`.
    pub(crate) exempt_note: Option<String>,
    /// The paper's HTML page (never for a private item).
    pub(crate) html: Option<LinkView>,
    /// The paper's PDF (never for a private item).
    pub(crate) pdf: Option<LinkView>,
    /// A paper item whose paper is not available (it has errors, and no last good version
    /// is there).
    pub(crate) unavailable: bool,
    /// A paper item whose paper has errors, linked as its last good version was built.
    pub(crate) stale: bool,
    /// Its sub-items.
    pub(crate) children: Vec<ItemView<'a>>,
}

/// What `meeting.html` is rendered with.
#[derive(Debug, Serialize)]
pub(crate) struct MeetingView<'a> {
    /// The house's organisation.
    pub(crate) organisation: OrganisationView<'a>,
    /// `<html lang>`.
    pub(crate) language: &'a str,
    /// The stylesheet, inlined.
    pub(crate) css: &'a str,
    /// `Resources Committee – Tuesday 19 May 2026`.
    pub(crate) page_title: String,
    /// The committee.
    pub(crate) committee: &'a str,
    /// `YYYY-MM-DD`.
    pub(crate) date: String,
    /// `Tuesday 19 May 2026`.
    pub(crate) date_display: String,
    /// `10:00`, when known (for `<time datetime>`).
    pub(crate) time: Option<String>,
    /// [`MeetingView::time`] in the house's `time_format`: `10:00`, `10.00 am`.
    pub(crate) time_display: Option<String>,
    /// When it is planned to end, `HH:MM`, when its file says.
    pub(crate) end: Option<String>,
    /// [`MeetingView::end`] in the house's `time_format`.
    pub(crate) end_display: Option<String>,
    /// Where.
    pub(crate) location: Option<&'a str>,
    /// Who chairs.
    pub(crate) chair: Option<&'a str>,
    /// Whom to contact.
    pub(crate) contact: Option<&'a str>,
    /// [`MeetingView::location`] as HTML, its web and e-mail addresses linked.
    pub(crate) location_html: Option<String>,
    /// [`MeetingView::contact`] as HTML, its e-mail and web addresses linked.
    pub(crate) contact_html: Option<String>,
    /// Show DRAFT.
    pub(crate) draft: bool,
    /// The meeting is cancelled: the page says so at its top (`words.meeting_cancelled`).
    pub(crate) cancelled: bool,
    /// The public agenda, nested.
    pub(crate) items: Vec<ItemView<'a>>,
    /// What the page says in place of the public agenda when it has no items.
    pub(crate) no_public_items: &'a str,
    /// The house's heading for private items.
    pub(crate) private_heading: &'a str,
    /// The items taken in private.
    pub(crate) private_items: Vec<ItemView<'a>>,
    /// The agenda PDF beside the page, when built.
    pub(crate) agenda_pdf: Option<LinkView>,
    /// The agenda packs beside the page (the private pack never).
    pub(crate) packs: Vec<PackView>,
    /// Link back to `index.html`.
    pub(crate) index_href: &'static str,
    /// Link to the calendar of every meeting, `meetings.ics`.
    pub(crate) calendar_href: &'static str,
    /// Always `clerk`.
    pub(crate) generator: &'static str,
    /// The house's words for the page's labels.
    pub(crate) words: &'a Words,
}

/// A pack's link on the meeting page.
#[derive(Debug, Serialize)]
pub(crate) struct PackView {
    /// `Public reports pack`.
    pub(crate) label: String,
    /// Its file name, beside the page.
    pub(crate) href: String,
    /// `PDF, 1.2 MB, 64 pages`; just `PDF` when it is made on request (the preview).
    pub(crate) description: String,
}

impl PackView {
    /// The link to `label`'s pack, file `name` beside the page, described when `built`.
    pub(crate) fn new(label: &str, name: &str, built: Option<&BuiltFile>) -> PackView {
        PackView {
            label: label.to_string(),
            href: name.to_string(),
            description: built
                .map_or_else(|| "PDF".to_string(), |f| describe("PDF", f.size, f.pages)),
        }
    }
}

/// `PDF, 182 KB, 9 pages`: type, size (KB rounded up below 1 MB, else MB to one place), pages.
pub fn describe(kind: &str, size: u64, pages: Option<u32>) -> String {
    format!("{kind}, {}", sized(size, pages))
}

/// `182 KB, 9 pages`: a file's size and pages, as [`describe`] gives them after the type.
fn sized(size: u64, pages: Option<u32>) -> String {
    let size = if size < 1024 * 1024 {
        format!("{} KB", size.div_ceil(1024).max(1))
    } else {
        format!("{:.1} MB", size as f64 / (1024.0 * 1024.0))
    };
    match pages {
        Some(1) => format!("{size}, 1 page"),
        Some(n) => format!("{size}, {n} pages"),
        None => size,
    }
}

/// From `out/meetings/SLUG/index.html` to `path` (relative to `out/`).
fn up(path: &str) -> String {
    format!("../../{}", super::link(path))
}

fn links(item: &AgendaItem, files: &PaperFiles) -> (Option<LinkView>, Option<LinkView>) {
    let Some(source) = item.paper().filter(|_| item.private.is_none()) else {
        return (None, None);
    };
    let Some(built) = files.get(source) else {
        return (None, None);
    };
    let find = |ext: &str, kind: &'static str| {
        built
            .iter()
            .find(|f| f.path.ends_with(ext))
            .map(|f| LinkView::new(up(&f.path), kind, f))
    };
    (find(".html", "HTML"), find(".pdf", "PDF"))
}

fn item_view<'a>(item: &'a AgendaItem, (files, house): (&PaperFiles, &HouseStyle)) -> ItemView<'a> {
    let words = &house.words;
    let (html, pdf) = links(item, files);
    let (kind, unavailable) = match &item.kind {
        ItemKind::Paper { available, .. } => ("paper", !available && item.private.is_none()),
        ItemKind::Verbal => ("verbal", false),
        ItemKind::Heading => ("heading", false),
        ItemKind::Deferred { .. } => ("deferred", false),
    };
    let deferred = match item.kind {
        ItemKind::Deferred { to, .. } => Some(house.deferred_note(to)),
        _ => None,
    };
    let private = item.private.is_some();
    ItemView {
        number: item.number.as_deref(),
        title: &item.title,
        lang: (item.language.as_deref())
            .and_then(|l| crate::config::other_language(l, &house.language)),
        kind,
        deferred,
        presenter: item.presenter.as_deref().filter(|_| !private),
        purpose: item.purpose.as_deref().filter(|_| !private),
        late: item.late,
        exempt: item.private.as_deref(),
        exempt_note: item.private.as_deref().map(|g| words.exempt_note(g)),
        unavailable: unavailable && html.is_none(),
        stale: unavailable && html.is_some(),
        html,
        pdf,
        children: Vec::new(),
    }
}

/// Nests the `shown` items of `items` by depth: `3.1` inside `3`. An item whose parent is
/// not shown (`3.1` under a private `3`) goes under its nearest shown ancestor, or at the
/// top: never under the item shown before it (`2`).
fn nest<'a>(
    items: &'a [AgendaItem],
    shown: impl Fn(&AgendaItem) -> bool,
    files: (&PaperFiles, &HouseStyle),
) -> Vec<ItemView<'a>> {
    let mut top: Vec<ItemView<'a>> = Vec::new();
    // By depth, the open ancestor: where its view is (indices from the top), if shown.
    let mut open: Vec<Option<Vec<usize>>> = Vec::new();
    for item in items {
        open.truncate(item.depth);
        let parent = open.iter().rev().find_map(Clone::clone).unwrap_or_default();
        open.resize(item.depth, None);
        if !shown(item) {
            open.push(None);
            continue;
        }
        let mut level = &mut top;
        for &i in &parent {
            level = &mut level[i].children;
        }
        level.push(item_view(item, files));
        let mut at = parent;
        at.push(level.len() - 1);
        open.push(Some(at));
    }
    top
}

impl<'a> MeetingView<'a> {
    /// The view of `meeting`, linking papers' `files` and the `agenda_pdf` when built.
    pub(crate) fn new(
        meeting: &'a Meeting,
        files: &PaperFiles,
        agenda_pdf: Option<&BuiltFile>,
        house: &'a HouseStyle,
        draft: bool,
        css: &'a str,
        logo: Option<&'a str>,
    ) -> Self {
        let date_display = house.format_weekday_date(meeting.date);
        let end = meeting.end.filter(|_| meeting.time.is_some());
        MeetingView {
            organisation: OrganisationView {
                name: &house.organisation.name,
                logo,
            },
            language: &house.language,
            css,
            page_title: format!("{} – {date_display}", meeting.committee),
            committee: &meeting.committee,
            date: meeting.date.to_string(),
            date_display,
            time: meeting.time.map(|t| t.strftime("%H:%M").to_string()),
            time_display: meeting.time.map(|t| house.format_time(t)),
            end: end.map(|t| t.strftime("%H:%M").to_string()),
            end_display: end.map(|t| house.format_time(t)),
            location: meeting.location.as_deref(),
            chair: meeting.chair.as_deref(),
            contact: meeting.contact.as_deref(),
            location_html: meeting.location.as_deref().map(super::html::linked),
            contact_html: meeting.contact.as_deref().map(super::html::linked),
            draft,
            cancelled: meeting.cancelled,
            items: {
                let public = meeting.public_agenda();
                nest(
                    &meeting.items,
                    |i| public.iter().any(|p| std::ptr::eq(*p, i)),
                    (files, house),
                )
            },
            no_public_items: meeting.no_public_items(&house.words),
            private_heading: &house.private_heading,
            private_items: meeting
                .private_items()
                .map(|i| item_view(i, (files, house)))
                .collect(),
            agenda_pdf: agenda_pdf.map(|f| {
                let name = Path::new(&f.path).file_name();
                let href = name.map_or_else(String::new, |n| super::link(&n.to_string_lossy()));
                LinkView::new(href, "PDF", f)
            }),
            packs: Vec::new(),
            index_href: "../../index.html",
            calendar_href: "../../meetings.ics",
            generator: "clerk",
            words: &house.words,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachments_are_described_the_gov_uk_way() {
        assert_eq!(describe("PDF", 186_000, Some(9)), "PDF, 182 KB, 9 pages");
        assert_eq!(describe("PDF", 10, Some(1)), "PDF, 1 KB, 1 page");
        assert_eq!(
            describe("PDF", 3 * 1024 * 1024 + 200_000, Some(40)),
            "PDF, 3.2 MB, 40 pages"
        );
        assert_eq!(describe("HTML", 2048, None), "HTML, 2 KB");
    }

    /// Items numbered and nested as `set_depths` nests them, `private` marking some.
    fn items(list: &[(&str, usize, bool)]) -> Vec<AgendaItem> {
        list.iter()
            .map(|&(n, depth, private)| AgendaItem {
                number: Some(n.into()),
                title: format!("Item {n}"),
                kind: crate::meeting::ItemKind::Verbal,
                presenter: None,
                purpose: None,
                private: private.then(|| "Standing Orders 20(d)".into()),
                late: false,
                language: None,
                depth,
            })
            .collect()
    }

    /// Each view's number with its children's, as `2[2.1]`.
    fn shape(views: &[ItemView<'_>]) -> String {
        views
            .iter()
            .map(|v| {
                let kids = shape(&v.children);
                let n = v.number.unwrap_or("?");
                if kids.is_empty() {
                    n.to_string()
                } else {
                    format!("{n}[{kids}]")
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_public_sub_item_of_a_private_item_is_not_put_under_the_item_before() {
        let all = items(&[
            ("2", 0, false),
            ("2.1", 1, false),
            ("3", 0, true),
            ("3.1", 1, false),
            ("3.2", 1, true),
            ("3.2.1", 2, false),
            ("4", 0, false),
        ]);
        let house = HouseStyle::default();
        let public = nest(&all, |i| i.private.is_none(), (&PaperFiles::new(), &house));
        assert_eq!(shape(&public), "2[2.1] 3.1 3.2.1 4");
        let every = nest(&all, |_| true, (&PaperFiles::new(), &house));
        assert_eq!(shape(&every), "2[2.1] 3[3.1 3.2[3.2.1]] 4");
    }
}

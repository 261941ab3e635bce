//! The meeting page says each thing once, as GOV.UK's attachment pattern does: a paper's
//! title is the link to its web page, its PDF link is followed by size and pages only, the
//! agenda and pack links by their type, size and pages, and the date stands in the heading.

use crate::common::{clerk, parts, temp_project};
use crate::meetings::{PAGE, read};

/// What a sighted reader sees of `html`: its text without tags and without the
/// `visually-hidden` words a screen reader alone hears.
fn seen(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        rest = &rest[open..];
        if rest.starts_with("<span class=\"visually-hidden\">") {
            // Hidden spans hold at most one inner span (`lang`).
            let close = rest.find("</span>").unwrap() + 7;
            let inner = rest[30..close].matches("<span").count();
            let mut end = close;
            for _ in 0..inner {
                end += rest[end..].find("</span>").unwrap() + 7;
            }
            rest = &rest[end..];
        } else {
            rest = &rest[rest.find('>').unwrap() + 1..];
        }
    }
    text.push_str(rest);
    text
}

#[test]
fn the_meeting_page_says_each_title_date_and_type_once() {
    let dir = temp_project("meetings");
    let root = dir.path();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{out}{err}");
    let page = read(root, PAGE);
    let shown = seen(&page[page.find("<main>").unwrap()..]);
    for once in [
        "Budget Monitoring Report – Quarter 4",
        "Public Counter Review",
        "Tuesday 19 May 2026",
    ] {
        assert_eq!(shown.matches(once).count(), 1, "{once} once in:\n{shown}");
    }
    for doubled in ["PDF PDF", "(PDF) PDF", "(PDF)"] {
        assert!(!shown.contains(doubled), "{doubled} in:\n{shown}");
    }
    // The title links the web page; the PDF link is followed by its size and pages.
    assert!(
        page.contains("<a class=\"item-title\" href=\"../../resources/2026-05-19-budget-monitoring.html\">Budget Monitoring Report – Quarter 4</a>"),
        "{page}"
    );
    assert!(
        page.contains("<a href=\"../../resources/2026-05-19-budget-monitoring.pdf\">PDF<span class=\"visually-hidden\"> of Budget Monitoring Report – Quarter 4</span></a> <span class=\"attachment\">"),
        "{page}"
    );
    // A screen reader still hears the date once and each link's type.
    assert!(
        page.contains("(PDF)</span></a> <span class=\"attachment\">PDF, "),
        "{page}"
    );
}

#[test]
fn without_a_web_page_the_title_is_text_and_the_pdf_is_linked() {
    let dir = temp_project("meetings");
    let root = dir.path();
    let (code, out, err) = parts(&clerk(root, &["build", "--format", "pdf"]));
    assert_eq!(code, 0, "{out}{err}");
    let page = read(root, PAGE);
    assert!(!page.contains("class=\"item-title\" href"), "{page}");
    assert!(
        page.contains("<span class=\"item-title\">Budget Monitoring Report – Quarter 4</span>"),
        "{page}"
    );
    assert!(
        page.contains("href=\"../../resources/2026-05-19-budget-monitoring.pdf\">PDF<"),
        "{page}"
    );
}

/// A published paper's page leads back: to its meeting's page and to the index, by links
/// that resolve in the output folder, after the paper; a paper taken in private, whose
/// page stands apart, has none.
#[test]
fn a_papers_page_links_its_meeting_and_the_index() {
    let dir = temp_project("meetings");
    let root = dir.path();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{out}{err}");
    let rel = "resources/2026-05-19-minutes.html";
    let page = read(root, &format!("out/{rel}"));
    let nav = &page[page.find("<nav class=\"site-links\"").expect(&page)..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    assert!(
        nav.contains(">Agenda and papers: Resources Committee, 19 May 2026</a>"),
        "{nav}"
    );
    assert!(nav.contains(">All committee papers</a>"), "{nav}");
    assert!(page.find("</main>").unwrap() < page.find("<nav").unwrap());
    let from = root.join("out/resources");
    for href in nav.split("href=\"").skip(1) {
        let href = &href[..href.find('"').unwrap()];
        assert!(from.join(href).is_file(), "{href} leads nowhere");
    }
    assert!(nav.contains("../meetings/2026-05-19-resources-committee/index.html"));
    let private = read(root, "out/private/resources/2026-05-19-cyber-exercise.html");
    assert!(!private.contains("<nav class=\"site-links\""), "{private}");
}

/// The calendar is found where a reader looks for a meeting: the index and each meeting's
/// page link `meetings.ics`, which the build writes.
#[test]
fn the_index_and_each_meeting_page_link_the_calendar() {
    let dir = temp_project("meetings");
    let root = dir.path();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{out}{err}");
    assert!(root.join("out/meetings.ics").is_file());
    let link = |href: &str| {
        format!("<a href=\"{href}\" type=\"text/calendar\">Add the meetings to your calendar</a>")
    };
    let index = read(root, "out/index.html");
    assert!(index.contains(&link("meetings.ics")), "{index}");
    let page = read(root, PAGE);
    assert!(page.contains(&link("../../meetings.ics")), "{page}");
}

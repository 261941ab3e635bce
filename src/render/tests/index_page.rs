//! The index page: grouping by meeting and date, in agenda order.

use super::*;

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

/// A meeting whose papers have no marking and no note has no Marking or Notes column: on
/// a phone they would push the PDF links off the screen with nothing in them.
#[test]
fn columns_empty_on_every_row_are_left_out() {
    let mut entries = vec![
        entry("Resources Committee", "2021-09-02", Some("3"), "Budget"),
        entry("Resources Committee", "2021-06-01", Some("1"), "Older"),
    ];
    entries[1].classification = Some("OFFICIAL".into());
    let html = renderer()
        .render_index(&entries, &HouseStyle::default())
        .unwrap();
    let table = |date: &str| {
        let at = html
            .find(&format!("<h3 id=\"resources-committee-{date}\">"))
            .unwrap();
        let end = at + html[at..].find("</table>").unwrap();
        html[at..end].to_string()
    };
    let plain = table("2021-09-02");
    assert!(
        !plain.contains(">Marking</th>") && !plain.contains(">Notes</th>"),
        "{plain}"
    );
    assert_eq!(plain.matches("<td").count(), 3, "item, paper, PDF: {plain}");
    let marked = table("2021-06-01");
    assert!(
        marked.contains(">Marking</th>") && !marked.contains(">Notes</th>"),
        "{marked}"
    );
    assert!(marked.contains("<td>OFFICIAL</td>"), "{marked}");
}

//! Agendas from a meeting file and from papers alone.

use super::*;

#[test]
fn a_meeting_file_gives_verbal_items_headings_private_and_late_items() {
    let dir = papers_dir(&["r/budget.md", "r/counter.md", "r/cyber.md"]);
    let f = files(FILE, dir.path());
    assert!(f.diagnostics.is_empty(), "{:?}", f.diagnostics);
    let (s1, s2, s3) = (
        source("r/budget.md"),
        source("r/counter.md"),
        source("r/cyber.md"),
    );
    let (m1, m2, m3) = (
        meta(
            "Resources Committee",
            "2026-05-19",
            Some("3.1"),
            "Budget Monitoring",
        ),
        meta(
            "Resources Committee",
            "2026-05-19",
            None,
            "Public Counter Review",
        ),
        meta(
            "Resources Committee",
            "2026-05-19",
            Some("4"),
            "Cyber Exercise",
        ),
    );
    let papers = [sound(&s1, &m1), sound(&s2, &m2), sound(&s3, &m3)];
    let (meetings, diags) = assemble(&f, &papers, false, &HouseStyle::default());
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(meetings.len(), 1);
    let m = &meetings[0];
    assert_eq!(m.slug(), "2026-05-19-resources-committee");
    assert_eq!(
        m.out_dir(),
        Path::new("meetings/2026-05-19-resources-committee")
    );
    assert_eq!(m.time.unwrap().to_string(), "10:00:00");
    assert!(m.is_draft(false));
    assert_eq!(
        m.location.as_deref(),
        Some("Committee Room 1"),
        "from the papers"
    );
    let kinds: Vec<_> = m
        .items
        .iter()
        .map(|i| (i.number.clone().unwrap(), i.depth, i.title.clone()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("1".into(), 0, "Chair's opening remarks".into()),
            ("3".into(), 0, "Finance".into()),
            ("3.1".into(), 1, "Budget Monitoring".into()),
            ("3.2".into(), 1, "Public Counter Review".into()),
            ("4".into(), 0, "Cyber Exercise".into()),
        ]
    );
    assert_eq!(m.items[0].kind, ItemKind::Verbal);
    assert_eq!(m.items[1].kind, ItemKind::Heading);
    assert_eq!(
        m.items[2].presenter.as_deref(),
        Some("Fiona Keir, Director")
    );
    assert_eq!(m.items[2].purpose.as_deref(), Some("For Discussion"));
    assert!(m.items[3].late);
    assert_eq!(
        m.items[4].private.as_deref(),
        Some("Standing Orders section 20(d)")
    );
    assert_eq!(m.public_items().count(), 4);
    assert_eq!(m.private_items().count(), 1);
    assert_eq!(
        f.private_papers().keys().collect::<Vec<_>>(),
        [Path::new("r/cyber.md")]
    );
}

#[test]
fn papers_alone_make_meetings_in_natural_order() {
    let (a, b, c, d) = (
        source("a.md"),
        source("b.md"),
        source("c.md"),
        source("d.md"),
    );
    let (ma, mb, mc, md) = (
        meta("Audit", "2026-01-10", Some("4.10"), "Later"),
        meta("Audit", "2026-01-10", Some("4.2"), "Earlier"),
        meta("Audit", "2026-01-10", None, "Unnumbered"),
        meta("Audit", "2026-03-01", Some("2"), "Next meeting"),
    );
    let papers = [
        sound(&a, &ma),
        sound(&b, &mb),
        sound(&c, &mc),
        PaperEntry {
            source: &d,
            meta: Some(&md),
            ok: false,
            last_good: None,
            sources: &NO_TEXTS,
            kept_private: false,
        },
    ];
    let (meetings, diags) = assemble(
        &MeetingFiles::default(),
        &papers,
        false,
        &HouseStyle::default(),
    );
    assert_eq!(codes(&diags), ["no-agenda-item"]);
    assert!(!diags[0].is_error());
    assert_eq!(meetings.len(), 2);
    assert_eq!(meetings[0].date.to_string(), "2026-03-01", "newest first");
    assert_eq!(
        meetings[0].items[0].kind,
        ItemKind::Paper {
            source: "d.md".into(),
            available: false
        }
    );
    let titles: Vec<_> = meetings[1].items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Earlier", "Later", "Unnumbered"]);
}

/// What the outputs show is punctuated as a paper's metadata is; the committee, which names
/// the meeting's folder, and the items' papers stay as written.
#[test]
fn a_meeting_is_shown_with_smart_punctuation() {
    let mut m = crate::meeting::tests_support::sample_meeting();
    m.committee = "Members' Committee".into();
    m.location = Some("Room 1 -- \"The Hub\"".into());
    m.items[0].title = "Chair's remarks...".into();
    let shown = m.shown();
    assert_eq!(shown.items[0].title, "Chair’s remarks…");
    assert_eq!(shown.location.as_deref(), Some("Room 1 – “The Hub”"));
    assert_eq!(shown.committee, "Members' Committee");
    assert_eq!(shown.slug(), m.slug());
    let papers = |m: &Meeting| {
        m.items
            .iter()
            .map(|i| i.paper().map(Path::to_path_buf))
            .collect::<Vec<_>>()
    };
    assert_eq!(papers(&shown), papers(&m));
}

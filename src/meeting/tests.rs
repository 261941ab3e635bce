//! The meeting model and every cross-check, on meeting files and papers made in memory.

use std::path::{Path, PathBuf};

use super::file::read;
use super::*;
use crate::paper::{MetaText, PaperMeta};
use crate::project::PaperSource;

/// No texts: these papers exist only as metadata, so no key's line is found.
static NO_TEXTS: std::sync::LazyLock<crate::diag::Sources> =
    std::sync::LazyLock::new(crate::diag::Sources::default);

fn meta(meeting: &str, date: &str, item: Option<&str>, title: &str) -> PaperMeta {
    PaperMeta {
        meeting: meeting.into(),
        date: date.parse().unwrap(),
        date_display: date.into(),
        title: title.into(),
        presented_by: "Fiona Keir, Director".into(),
        recommendation: "For Discussion".into(),
        recommendations: MetaText {
            line_start: 0,
            spans: Vec::new(),
            text: "Note it.".into(),
            line: 1,
        },
        location: Some("Committee Room 1".into()),
        agenda_item: item.map(str::to_string),
        classification: None,
        status: None,
        appendices: Vec::new(),
        implications: Vec::new(),
        language: "en-GB".into(),
        keywords: Vec::new(),
        extra: Vec::new(),
    }
}

fn source(rel: &str) -> PaperSource {
    PaperSource {
        display: Path::new("papers").join(rel),
        rel: PathBuf::from(rel),
        path: PathBuf::from("/nonexistent/papers").join(rel),
    }
}

/// A papers folder holding `rels` (empty files), for the existence check.
fn papers_dir(rels: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for r in rels {
        let p = dir.path().join(r);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "").unwrap();
    }
    dir
}

const FILE: &str = r#"committee: Resources Committee
date: 2026-05-19
time: "10:00"
chair: Alasdair Grant
status: draft
items:
  - number: "1"
    title: Chair's opening remarks
  - number: "3"
    title: Finance
  - number: "3.1"
    paper: r/budget.md
  - number: "3.2"
    paper: r/counter.md
    late: true
  - number: "4"
    paper: r/cyber.md
    private: true
    exempt: Standing Orders section 20(d)
"#;

fn files(text: &str, dir: &Path) -> MeetingFiles {
    let (file, diagnostics) = read(Path::new("meetings/resources.yaml"), text.into(), dir);
    MeetingFiles {
        files: vec![file],
        diagnostics,
    }
}

fn codes(d: &[crate::diag::Diagnostic]) -> Vec<&'static str> {
    d.iter().map(|d| d.code).collect()
}

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
    let papers = [
        PaperEntry {
            source: &s1,
            meta: Some(&m1),
            ok: true,
            last_title: None,
            sources: &NO_TEXTS,
            kept_private: false,
        },
        PaperEntry {
            source: &s2,
            meta: Some(&m2),
            ok: true,
            last_title: None,
            sources: &NO_TEXTS,
            kept_private: false,
        },
        PaperEntry {
            source: &s3,
            meta: Some(&m3),
            ok: true,
            last_title: None,
            sources: &NO_TEXTS,
            kept_private: false,
        },
    ];
    let (meetings, diags) = assemble(&f, &papers, false);
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
        PaperEntry {
            source: &a,
            meta: Some(&ma),
            ok: true,
            last_title: None,
            sources: &NO_TEXTS,
            kept_private: false,
        },
        PaperEntry {
            source: &b,
            meta: Some(&mb),
            ok: true,
            last_title: None,
            sources: &NO_TEXTS,
            kept_private: false,
        },
        PaperEntry {
            source: &c,
            meta: Some(&mc),
            ok: true,
            last_title: None,
            sources: &NO_TEXTS,
            kept_private: false,
        },
        PaperEntry {
            source: &d,
            meta: Some(&md),
            ok: false,
            last_title: None,
            sources: &NO_TEXTS,
            kept_private: false,
        },
    ];
    let (meetings, diags) = assemble(&MeetingFiles::default(), &papers, false);
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

#[test]
fn every_cross_check_names_both_places() {
    let dir = papers_dir(&["r/budget.md", "r/counter.md", "r/cyber.md", "r/stray.md"]);
    let f = files(FILE, dir.path());
    let (s1, s2, s3, s4) = (
        source("r/budget.md"),
        source("r/counter.md"),
        source("r/cyber.md"),
        source("r/stray.md"),
    );
    let (m1, m2, m4) = (
        meta("Resources Committee", "2026-05-19", Some("3.3"), "Budget"),
        meta("Audit Committee", "2026-05-19", None, "Counter"),
        meta("Resources Committee", "2026-05-19", None, "Stray"),
    );
    let papers = [
        PaperEntry {
            source: &s1,
            meta: Some(&m1),
            ok: true,
            last_title: None,
            sources: &NO_TEXTS,
            kept_private: false,
        },
        PaperEntry {
            source: &s2,
            meta: Some(&m2),
            ok: true,
            last_title: None,
            sources: &NO_TEXTS,
            kept_private: false,
        },
        PaperEntry {
            source: &s3,
            meta: None,
            ok: false,
            last_title: None,
            sources: &NO_TEXTS,
            kept_private: false,
        },
        PaperEntry {
            source: &s4,
            meta: Some(&m4),
            ok: true,
            last_title: None,
            sources: &NO_TEXTS,
            kept_private: false,
        },
    ];
    let (meetings, diags) = assemble(&f, &papers, false);
    let diags = placed(&f, diags);
    let by = |code: &str| {
        diags
            .iter()
            .find(|d| d.code == code)
            .unwrap_or_else(|| panic!("no {code} in {diags:?}"))
    };
    let mismatch = by("agenda-item-mismatch");
    assert_eq!(
        (mismatch.file.as_path(), mismatch.line),
        (Path::new("meetings/resources.yaml"), 11)
    );
    assert!(
        mismatch.message.contains("3.3")
            && mismatch
                .help
                .as_deref()
                .unwrap()
                .contains("papers/r/budget.md")
    );
    let wrong = by("wrong-meeting");
    assert_eq!(wrong.line, 14);
    assert!(
        wrong.message.contains("Audit Committee")
            && wrong
                .help
                .as_deref()
                .unwrap()
                .contains("papers/r/counter.md")
    );
    let stray = by("not-on-agenda");
    assert_eq!(stray.file, Path::new("papers/r/stray.md"));
    assert!(
        stray
            .help
            .as_deref()
            .unwrap()
            .contains("meetings/resources.yaml")
    );
    assert!(!by("paper-not-built").is_error());
    assert!(
        meetings[0].failed,
        "a cross-check error keeps the last good outputs"
    );
    assert_eq!(
        meetings[0].items[4].kind,
        ItemKind::Paper {
            source: "r/cyber.md".into(),
            available: false
        }
    );
}

#[test]
fn a_paper_on_two_agendas_is_refused() {
    let dir = papers_dir(&["x.md"]);
    let a = "committee: A\ndate: 2026-01-01\nitems:\n  - number: \"1\"\n    paper: x.md\n";
    let b = "committee: B\ndate: 2026-01-02\nitems:\n  - number: \"2\"\n    paper: ./x.md\n";
    let (fa, _) = read(Path::new("meetings/a.yaml"), a.into(), dir.path());
    let (fb, _) = read(Path::new("meetings/b.yaml"), b.into(), dir.path());
    let files = MeetingFiles {
        files: vec![fa, fb],
        diagnostics: Vec::new(),
    };
    let s = source("x.md");
    let m = meta("A", "2026-01-01", Some("1"), "X");
    let (_, diags) = assemble(
        &files,
        &[PaperEntry {
            source: &s,
            meta: Some(&m),
            ok: true,
            last_title: None,
            sources: &NO_TEXTS,
            kept_private: false,
        }],
        false,
    );
    let diags = placed(&files, diags);
    let two: Vec<_> = diags
        .iter()
        .filter(|d| d.code == "paper-on-two-agendas")
        .collect();
    assert_eq!(two.len(), 1, "{diags:?}");
    assert_eq!(
        (two[0].file.as_path(), two[0].line),
        (Path::new("meetings/b.yaml"), 5)
    );
    assert!(two[0].message.contains("meetings/a.yaml"));
}

#[test]
fn a_meeting_file_reports_every_problem_at_once() {
    let dir = papers_dir(&[]);
    let text = "committe: Resources Committee\ndate: 2026-02-30\ntime: \"25:00\"\nstatus: done\nitems:\n  - number: \"2\"\n    title: Minutes\n    privte: true\n  - number: \"2\"\n    title: Again\n  - number: \"1\"\n    title: Earlier\n  - number: \"5\"\n    paper: missing.md\n    private: true\n  - number: \"6\"\n";
    let f = files(text, dir.path());
    let diagnostics = placed(&f, f.diagnostics.clone());
    let got: Vec<_> = diagnostics.iter().map(|d| (d.code, d.line)).collect();
    for want in [
        ("unknown-key", 1),
        ("missing-key", 1),
        ("bad-date", 2),
        ("bad-time", 3),
        ("bad-status", 4),
        ("unknown-key", 8),
        ("duplicate-item", 9),
        ("items-out-of-order", 11),
        ("paper-not-found", 14),
        ("private-without-exempt", 15),
        ("missing-key", 16),
    ] {
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
    let typo = diagnostics.iter().find(|d| d.line == 8).unwrap();
    assert_eq!(typo.help.as_deref(), Some("did you mean `private`?"));
    assert_eq!(typo.column, 5);
    assert!(f.files[0].has_errors);
    assert!(f.private_papers().contains_key(Path::new("missing.md")));
}

#[test]
fn a_file_yaml_cannot_read_withholds_the_papers_it_names() {
    let dir = papers_dir(&[]);
    let text = "committee: A\nitems:\n  - number: \"1\"\n    paper: secret.md\n   bad: [\n";
    let f = files(text, dir.path());
    assert!(f.diagnostics[0].is_error());
    assert!(f.private_papers().contains_key(Path::new("secret.md")));
}

/// `diags` with their lines and columns, worked out in the meeting files' texts.
fn placed(f: &MeetingFiles, diags: Vec<crate::diag::Diagnostic>) -> Vec<crate::diag::Placed> {
    let mut sources = crate::diag::Sources::default();
    for file in &f.files {
        sources.add(&file.file, file.text.as_str());
    }
    crate::diag::placed(diags, &sources)
}

#[test]
fn a_missing_key_is_reported_at_the_first_key_past_the_opening_comments() {
    let text =
        "# The Resources Committee's agenda\n# (kept by the clerk)\ndate: 2026-05-19\nitems: []\n";
    let dir = papers_dir(&[]);
    let f = files(text, dir.path());
    let diagnostics = placed(&f, f.diagnostics.clone());
    let got: Vec<_> = diagnostics.iter().map(|d| (d.code, d.line)).collect();
    assert!(got.contains(&("missing-key", 3)), "{got:?}");
}

/// The warning `clock::warning` gives for a meeting file at `date` and `time` in London.
fn clock_warning(date: &str, time: &str) -> Option<(crate::diag::Diagnostic, String)> {
    let text = format!(
        "committee: Resources Committee\ndate: {date}\ntime: \"{time}\"\nitems:\n  - number: \"1\"\n    title: Apologies\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let (file, diags) = read(Path::new("meetings/r.yaml"), text.clone(), dir.path());
    assert!(diags.is_empty(), "{diags:?}");
    super::file::clock::warning(&file, "Europe/London").map(|d| (d, text))
}

#[test]
fn a_time_the_clocks_skip_is_a_warning_at_the_time_saying_what_clerk_used() {
    let (d, text) = clock_warning("2026-03-29", "01:30").expect("a warning");
    assert!(!d.is_error());
    assert_eq!(d.code, "ambiguous-time");
    assert_eq!(d.line_col(&text), (3, 7), "at the time's value");
    assert!(
        d.message
            .contains("01:30 does not exist on Sunday 29 March 2026 in Europe/London")
            && d.message.contains("clocks go forward an hour"),
        "{}",
        d.message
    );
    let help = d.help.unwrap();
    assert!(help.contains("02:30 BST (01:30 UTC)"), "{help}");
    assert!(help.contains("time: \"02:30\""), "{help}");
}

#[test]
fn a_time_the_clocks_pass_twice_is_a_warning_naming_the_one_clerk_took() {
    let (d, _) = clock_warning("2026-10-25", "01:30").expect("a warning");
    assert!(!d.is_error());
    assert!(
        d.message
            .contains("01:30 happens twice on Sunday 25 October 2026")
            && d.message.contains("clocks go back an hour"),
        "{}",
        d.message
    );
    let help = d.help.unwrap();
    assert!(help.contains("the first, 01:30 BST (00:30 UTC)"), "{help}");
    assert!(help.contains("01:30 GMT (01:30 UTC)"), "{help}");
}

#[test]
fn an_ordinary_time_and_the_hours_around_the_change_give_no_warning() {
    for (date, time) in [
        ("2026-03-29", "00:59"),
        ("2026-03-29", "02:00"),
        ("2026-10-25", "00:59"),
        ("2026-10-25", "02:00"),
        ("2026-05-19", "10:00"),
    ] {
        assert!(clock_warning(date, time).is_none(), "{date} {time}");
    }
}

#[test]
fn a_paper_path_not_found_is_offered_where_the_paper_is_when_that_can_be_told() {
    let dir = tempfile::tempdir().unwrap();
    let papers = dir.path().join("papers");
    for rel in [
        "resources/budget.md",
        "audit/plan.md",
        "_drafts/plan.md",
        "x/dup.md",
        "y/dup.md",
    ] {
        let p = papers.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "").unwrap();
    }
    let text = "committee: Resources Committee\ndate: 2026-05-19\nitems:\n  - number: \"1\"\n    \
                paper: papers/resources/budget.md\n  - number: \"2\"\n    paper: plan.md\n  \
                - number: \"3\"\n    paper: dup.md\n";
    let f = files(text, &papers);
    let helps: Vec<String> = f
        .diagnostics
        .iter()
        .filter(|d| d.code == "paper-not-found")
        .filter_map(|d| d.help.clone())
        .collect();
    assert_eq!(
        helps,
        [
            "paths are relative to the papers folder: write `paper: resources/budget.md`",
            // The draft of the same name is no paper, so the one paper is offered.
            "paths are relative to the papers folder: write `paper: audit/plan.md`",
            // Two of that name: no guess.
            "give the paper's path relative to the papers folder, e.g. `resources/2026-05-19-budget.md`",
        ]
    );
}

/// An item with an exempt ground but no `private: true` is taken in private, not published,
/// and said so; the items under an item taken in private are taken in private too, on its
/// ground (a heading's sub-items were published without it).
#[test]
fn an_exempt_ground_or_a_private_parent_takes_an_item_in_private() {
    let dir = papers_dir(&["r/budget.md", "r/counter.md", "r/cyber.md"]);
    let text = FILE
        .replace(
            "  - number: \"3\"\n    title: Finance\n",
            "  - number: \"3\"\n    title: Finance\n    private: true\n    exempt: Schedule 12A, paragraph 3\n",
        )
        .replace("    private: true\n    exempt: Standing Orders", "    exempt: Standing Orders");
    let f = files(&text, dir.path());
    let private = f.private_papers();
    assert_eq!(
        private.get(Path::new("r/budget.md")).map(String::as_str),
        Some("Schedule 12A, paragraph 3")
    );
    assert!(private.contains_key(Path::new("r/counter.md")));
    assert_eq!(
        private.get(Path::new("r/cyber.md")).map(String::as_str),
        Some("Standing Orders section 20(d)")
    );
    let said = codes(&f.diagnostics);
    assert_eq!(
        said,
        ["exempt-without-private", "private-parent", "private-parent"],
        "{:?}",
        f.diagnostics
    );
    assert!(f.diagnostics.iter().all(|d| !d.is_error()));
}

/// A time written as people write it (`2pm`, `9:30`) gets the form it means as its way
/// out; a paper listed twice on one agenda is said to be so, not "on two agendas".
#[test]
fn a_time_as_written_and_a_paper_listed_twice_get_the_fix_they_need() {
    let dir = papers_dir(&["r/budget.md", "r/counter.md", "r/cyber.md"]);
    for (written, meant) in [("2pm", "14:00"), ("9:30", "09:30"), ("10.15 am", "10:15")] {
        let f = files(
            &FILE.replace("\"10:00\"", &format!("\"{written}\"")),
            dir.path(),
        );
        let d = f.diagnostics.iter().find(|d| d.code == "bad-time").unwrap();
        assert_eq!(
            d.help.as_deref(),
            Some(format!("write it on the 24-hour clock, in quotes: `time: \"{meant}\"`").as_str()),
            "{written}"
        );
    }
    let dir = papers_dir(&["x.md"]);
    let a = "committee: A\ndate: 2026-01-01\nitems:\n  - number: \"1\"\n    paper: x.md\n  - number: \"2\"\n    paper: x.md\n";
    let (fa, _) = read(Path::new("meetings/a.yaml"), a.into(), dir.path());
    let files = MeetingFiles {
        files: vec![fa],
        diagnostics: Vec::new(),
    };
    let s = source("x.md");
    let m = meta("A", "2026-01-01", Some("1"), "X");
    let entry = PaperEntry {
        source: &s,
        meta: Some(&m),
        ok: true,
        last_title: None,
        sources: &NO_TEXTS,
        kept_private: false,
    };
    let (_, diags) = assemble(&files, &[entry], false);
    let twice = diags
        .iter()
        .find(|d| d.code == "paper-on-two-agendas")
        .unwrap();
    assert_eq!(twice.message, "`x.md` is already item 1 of this agenda");
}

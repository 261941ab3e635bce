//! The cross-checks between meeting files and papers, each naming both places, and the
//! items taken in private.

use super::*;

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
        sound(&s1, &m1),
        sound(&s2, &m2),
        PaperEntry {
            source: &s3,
            meta: None,
            ok: false,
            last_good: None,
            sources: &NO_TEXTS,
            kept_private: false,
        },
        sound(&s4, &m4),
    ];
    let (meetings, diags) = assemble(&f, &papers, false, &HouseStyle::default());
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
    let (_, diags) = assemble(&files, &[sound(&s, &m)], false, &HouseStyle::default());
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
    let text = "committe: Resources Committee\ndate: 2026-02-30\ntime: \"25:00\"\nstatus: done\nitems:\n  - number: \"2\"\n    title: Minutes\n    privte: true\n  - number: \"2\"\n    title: Again\n  - number: \"1\"\n    title: Earlier\n  - number: \"5\"\n    paper: missing.md\n    private: true\n  - number: \"6\"\n  - number: \"7\"\n    title: Secret\n    private: true\n    exmept: Standing Orders 20\n";
    let f = files(text, dir.path());
    let diagnostics = placed(&f, f.diagnostics.clone());
    let got: Vec<_> = diagnostics.iter().map(|d| (d.code, d.line)).collect();
    for want in [
        // A key misspelt for one the file lacks is one error saying both.
        ("misnamed-key", 1),
        ("bad-date", 2),
        ("bad-time", 3),
        ("bad-status", 4),
        ("misnamed-key", 8),
        ("duplicate-item", 9),
        ("items-out-of-order", 11),
        ("paper-not-found", 14),
        ("private-without-exempt", 15),
        ("missing-key", 16),
        ("misnamed-key", 20),
    ] {
        assert!(got.contains(&want), "{want:?} not in {got:?}");
    }
    for never in [
        ("missing-key", 1),
        ("unknown-key", 1),
        ("private-without-exempt", 19),
    ] {
        assert!(!got.contains(&never), "{never:?} in {got:?}");
    }
    let typo = diagnostics.iter().find(|d| d.line == 8).unwrap();
    assert_eq!(
        typo.help.as_deref(),
        Some("write `private:` instead of `privte:`")
    );
    assert_eq!(
        typo.message,
        "clerk has no key `privte`; it is probably `private` misspelt"
    );
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

#[test]
fn a_paper_path_not_found_is_offered_where_the_paper_is_when_that_can_be_told() {
    let dir = tempfile::tempdir().unwrap();
    let papers = dir.path().join("papers");
    let rels = [
        "resources/budget.md",
        "audit/plan.md",
        "_drafts/plan.md",
        "x/dup.md",
        "y/dup.md",
    ];
    let text = "committee: Resources Committee\ndate: 2026-05-19\nitems:\n  - number: \"1\"\n    \
                paper: papers/resources/budget.md\n  - number: \"2\"\n    paper: plan.md\n  \
                - number: \"3\"\n    paper: dup.md\n";
    let helps = not_found_helps(&papers, &rels, text);
    assert_eq!(
        helps,
        [
            "paths are relative to the papers folder: write `paper: resources/budget.md`",
            // The draft of the same name is no paper, so the one paper is offered.
            "paths are relative to the papers folder: write `paper: audit/plan.md`",
            // Two of that name: no guess, and an example from the project.
            "give the paper's path relative to the papers folder, e.g. `audit/plan.md`",
        ]
    );
}

/// A paper path with a slip (a letter out, no `.md`, Windows' `\\`) gets the paper it
/// nearly names as its way out.
#[test]
fn a_paper_path_with_a_slip_is_offered_the_paper_it_nearly_names() {
    let dir = tempfile::tempdir().unwrap();
    let papers = dir.path().join("papers");
    let rels = [
        "resources/estates.md",
        "resources/budget.md",
        "audit/plan.md",
        "resources/2026-05-19-budget-monitoring.md",
        "resources/2026-05-19-public-counter-review.md",
        "audit/report.md",
    ];
    let text = "committee: Resources Committee\ndate: 2026-05-19\nitems:\n  - number: \"1\"\n    \
                paper: resources/estate.md\n  - number: \"2\"\n    paper: resources/budget\n  \
                - number: \"3\"\n    paper: resources\\estates.md\n  - number: \"4\"\n    \
                paper: resources/minutes.md\n  - number: \"5\"\n    \
                paper: 2026-05-19-budget-monitoring-q2.md\n  - number: \"6\"\n    \
                paper: public-counter-review.md\n  - number: \"7\"\n    \
                paper: resources/2026-05-19-annual-report.md\n";
    let helps = not_found_helps(&papers, &rels, text);
    assert_eq!(
        helps,
        [
            "did you mean `paper: resources/estates.md`?",
            "did you mean `paper: resources/budget.md`?",
            "did you mean `paper: resources/estates.md`?",
            // Nothing near: an example from this project, not a made-up folder.
            "give the paper's path relative to the papers folder, e.g. `audit/plan.md`",
            // The folder left off and a suffix added, or the date: the nearest file name.
            "did you mean `paper: resources/2026-05-19-budget-monitoring.md`?",
            "did you mean `paper: resources/2026-05-19-public-counter-review.md`?",
            // A short name inside a long one is no guess.
            "give the paper's path relative to the papers folder, e.g. `audit/plan.md`",
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

/// A mistake in a neutral key (the time) never hides what the file keeps private: when the
/// broken entry swallows the items (`items:` indented under it), or the file's first key is
/// neutral and its items are missing, the file stays in doubt and names its papers.
#[test]
fn a_neutral_mistake_that_could_hide_the_items_leaves_the_file_in_doubt() {
    let dir = papers_dir(&["r/secret.md"]);
    let items =
        "items:\n  - number: \"1\"\n    paper: r/secret.md\n    private: true\n    exempt: S20\n";
    let swallowed = format!(
        "committee: Resources Committee\ndate: 2026-05-19\ntime: [10:00\n {}",
        items.replace("\n  ", "\n   ")
    );
    let f = files(&swallowed, dir.path());
    let file = &f.files[0];
    assert!(file.privacy_in_doubt, "{:?}", f.diagnostics);
    let named: Vec<_> = f
        .broken()
        .into_iter()
        .flat_map(|b| b.named_papers())
        .collect();
    assert_eq!(
        named,
        [std::path::PathBuf::from("r/secret.md")],
        "{:?}",
        f.diagnostics
    );
    let neutral_first = "location: Room 1\ncommittee: Resources Committee\ndate: 2026-05-19\nitem:\n  - paper: r/secret.md\n";
    let f = files(neutral_first, dir.path());
    assert!(f.files[0].privacy_in_doubt, "{:?}", f.diagnostics);
}

/// The helps of the `paper-not-found` errors of the meeting file `text`, its papers
/// folder `papers` holding the (empty) papers `rels`.
fn not_found_helps(papers: &std::path::Path, rels: &[&str], text: &str) -> Vec<String> {
    for rel in rels {
        let p = papers.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "").unwrap();
    }
    files(text, papers)
        .diagnostics
        .iter()
        .filter(|d| d.code == "paper-not-found")
        .filter_map(|d| d.help.clone())
        .collect()
}

/// An item written without its dash is said to be one (its `number` repeats the item
/// above's), with the line to write; an item with no number is said to lack one, and not
/// also to disagree with its paper's `agenda_item`.
#[test]
fn an_item_without_its_dash_or_its_number_is_said_plainly() {
    let dir = papers_dir(&["r/budget.md"]);
    let text = "committee: Resources Committee\ndate: 2026-05-19\nitems:\n  - number: \"4\"\n    title: Cyber\n    number: \"5\"\n    title: Any other business\n";
    let f = files(text, dir.path());
    let dash: Vec<_> = (f.diagnostics.iter())
        .filter(|d| d.code == "duplicate-key")
        .collect();
    assert_eq!(dash.len(), 2, "number and title: {:?}", f.diagnostics);
    assert!(
        dash[0].message.contains("has no `- ` before it"),
        "{dash:?}"
    );
    assert_eq!(
        dash[0].help.as_deref(),
        Some("start a new item with a dash, level with the one on line 4: `  - number: \"5\"`")
    );
    assert!(
        dash[1]
            .help
            .as_deref()
            .unwrap()
            .contains("first given on line 5")
    );
    let text = "committee: Resources Committee\ndate: 2026-05-19\nitems:\n  - paper: r/budget.md\n";
    let f = files(text, dir.path());
    let s = source("r/budget.md");
    let m = meta("Resources Committee", "2026-05-19", Some("3.1"), "Budget");
    let (_, diags) = assemble(&f, &[sound(&s, &m)], false, &HouseStyle::default());
    assert_eq!(codes(&f.diagnostics), ["missing-key"]);
    assert!(
        !codes(&diags).contains(&"agenda-item-mismatch"),
        "{diags:?}"
    );
}

/// A sub-item with no item above it to head it is a warning at its number, once for its
/// missing heading; `5.3(b)`-style numbers and items under their heading are not.
#[test]
fn a_sub_item_without_its_heading_is_a_warning() {
    let dir = papers_dir(&[]);
    let text = "committee: Resources Committee\ndate: 2026-05-19\nitems:\n  - number: \"2\"\n    title: Minutes\n  - number: \"3.1\"\n    title: Budget\n  - number: \"3.2\"\n    title: Counter\n  - number: \"4\"\n    title: Finance\n  - number: \"4.1\"\n    title: Audit\n  - number: \"5.3(b)\"\n    title: Other\n";
    let f = files(text, dir.path());
    let subs: Vec<_> = (f.diagnostics.iter())
        .filter(|d| d.code == "sub-item-without-heading")
        .collect();
    assert_eq!(subs.len(), 1, "{:?}", f.diagnostics);
    assert!(!subs[0].is_error());
    assert!(
        subs[0]
            .message
            .starts_with("item 3.1 has no item 3 above it")
    );
    assert_eq!(crate::meeting::file::heading_of("4.2.1"), Some("4.2"));
    // Under an item that is there, with one between missing: said where it stands.
    let text = "committee: R\ndate: 2026-05-19\nitems:\n  - number: \"3\"\n    title: Finance\n  - number: \"3.1.1\"\n    title: Detail\n";
    let f = files(text, dir.path());
    assert!(
        f.diagnostics.iter().any(|d| d.message
            == "item 3.1.1 has no item 3.1 above it, so the agenda shows it straight under item 3"),
        "{:?}",
        f.diagnostics
    );
    assert_eq!(crate::meeting::file::heading_of("4"), None);
    assert_eq!(crate::meeting::file::heading_of("5.3(b)"), None);
}

/// A file whose paper items are all deferred does not disagree with their papers, which
/// are another meeting's by design.
#[test]
fn a_file_whose_papers_are_all_deferred_does_not_disagree_with_them() {
    let dir = papers_dir(&["r/a.md", "r/b.md"]);
    let text = "committee: Resources Committee\ndate: 2026-05-19\nitems:\n  - number: \"1\"\n    paper: r/a.md\n    deferred: 2026-06-16\n  - number: \"2\"\n    paper: r/b.md\n    deferred: 2026-06-16\n";
    let f = files(text, dir.path());
    assert!(f.diagnostics.is_empty(), "{:?}", f.diagnostics);
    let (sa, sb) = (source("r/a.md"), source("r/b.md"));
    let ma = meta("Resources Committee", "2026-06-16", Some("1"), "A");
    let mb = meta("Resources Committee", "2026-06-16", Some("2"), "B");
    let (_, diags) = assemble(
        &f,
        &[sound(&sa, &ma), sound(&sb, &mb)],
        false,
        &HouseStyle::default(),
    );
    assert!(!codes(&diags).contains(&"file-disagrees"), "{diags:?}");
}

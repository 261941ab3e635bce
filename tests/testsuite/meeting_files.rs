//! Meeting files from the command line: `clerk check` naming both places where a paper and
//! its agenda disagree, `clerk new meeting-file` starting an agenda, two files for one
//! meeting, and diagnostics placed right in files with a byte order mark or CRLF lines.

use crate::common::{clerk, parts, temp_project};
use crate::meeting_private::no_public_output_holds;
use crate::meetings::{SECRET, build, read};

/// `clerk check` of one paper makes the meetings' checks that concern that paper (its
/// agenda item's number, its meeting and date against its agenda's, a draft on a final
/// agenda), and none about the other papers or the meeting file's own lines.
#[test]
fn check_of_one_paper_says_where_it_and_its_agenda_disagree() {
    let project = temp_project("meetings");
    let root = project.path();
    let budget = "papers/resources/2026-05-19-budget-monitoring.md";
    let text = std::fs::read_to_string(root.join(budget)).unwrap();
    let text = text.replace(
        "agenda_item: \"3.1\"",
        "agenda_item: \"3.4\"\nstatus: draft",
    );
    std::fs::write(root.join(budget), text).unwrap();
    // Another paper's disagreement with the agenda: not this paper's to say.
    let minutes = root.join("papers/resources/2026-05-19-minutes.md");
    let text = std::fs::read_to_string(&minutes).unwrap();
    std::fs::write(
        &minutes,
        text.replace("agenda_item: \"2\"", "agenda_item: \"9\""),
    )
    .unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["check", budget]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert_eq!(
        stderr.matches("error[agenda-item-mismatch]").count(),
        1,
        "{stderr}"
    );
    assert!(
        stderr.contains("this is item 3.1, but its paper says `agenda_item: \"3.4\"`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning[draft-in-final-meeting]"),
        "{stderr}"
    );
    // The paper agreeing with its agenda again: nothing to say.
    let text = std::fs::read_to_string(root.join(budget)).unwrap();
    let text = text.replace(
        "agenda_item: \"3.4\"\nstatus: draft",
        "agenda_item: \"3.1\"",
    );
    std::fs::write(root.join(budget), text).unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["check", budget]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stderr.contains("warning["), "{stderr}");
    // A paper for the meeting that its file does not list: said on the paper's own line.
    let text = std::fs::read_to_string(root.join(budget)).unwrap();
    let extra = "papers/resources/2026-05-19-extra.md";
    std::fs::write(root.join(extra), text.replace("agenda_item: \"3.1\"\n", "")).unwrap();
    let (_, stdout, stderr) = parts(&clerk(root, &["check", extra]));
    assert!(stderr.contains("[not-on-agenda]"), "{stdout}{stderr}");
    assert!(stderr.contains(&format!("{extra}:2:1")), "{stderr}");
}

#[test]
fn check_names_both_places_when_a_paper_and_its_agenda_disagree() {
    let project = temp_project("meetings");
    let root = project.path();
    let paper = root.join("papers/resources/2026-05-19-budget-monitoring.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    std::fs::write(
        &paper,
        text.replace("agenda_item: \"3.1\"", "agenda_item: \"3.4\""),
    )
    .unwrap();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("    late: true", "    lte: true")).unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["check"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stderr.contains("meetings/resources-2026-05-19.yaml:17:"),
        "{stderr}"
    );
    assert!(
        stderr.contains("papers/resources/2026-05-19-budget-monitoring.md line 5"),
        "{stderr}"
    );
    assert!(
        stderr.contains("meetings/resources-2026-05-19.yaml:21:5"),
        "{stderr}"
    );
    assert!(stderr.contains("write `late:` instead of"), "{stderr}");
}

#[test]
fn clerk_new_meeting_file_starts_an_agenda_from_the_meetings_papers() {
    let project = temp_project("meetings");
    let root = project.path();
    std::fs::remove_dir_all(root.join("meetings")).unwrap();
    let cyber = root.join("papers/resources/2026-05-19-cyber-exercise.md");
    let text = std::fs::read_to_string(&cyber).unwrap();
    let marked = text.replacen("---\n", "---\nclassification: OFFICIAL-SENSITIVE\n", 1);
    std::fs::write(&cyber, marked).unwrap();
    let args = [
        "new",
        "--meeting-file",
        "--meeting",
        "Resources Committee",
        "--date",
        "2026-05-19",
    ];
    let (code, stdout, stderr) = parts(&clerk(root, &args));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let text = read(root, "meetings/2026-05-19-resources-committee.yaml");
    assert!(
        text.contains(
            "  - number: \"3.1\"\n    paper: \"resources/2026-05-19-budget-monitoring.md\"\n"
        ),
        "{text}"
    );
    assert_eq!(text.matches("paper: \"resources/").count(), 4, "{text}");
    // Item 3.1 with no item 3: its heading to give, commented above it (and `clerk check`
    // warns until it is given).
    assert!(
        text.contains("  # Item 3.1 has no item 3 above it: give it its heading, e.g.\n  # - number: \"3\"\n  #   title: Finance\n  - number: \"3.1\"\n"),
        "{text}"
    );
    // The OFFICIAL-SENSITIVE paper's item has the lines that take it in private, ready
    // and commented, and the secretary is told: published only if she leaves them so.
    assert!(
        text.contains("paper: \"resources/2026-05-19-cyber-exercise.md\"\n    # OFFICIAL-SENSITIVE: to take it in private, uncomment these two lines and give its ground\n    # private: true\n    # exempt: "),
        "{text}"
    );
    assert_eq!(text.matches("    # private: true").count(), 1, "{text}");
    assert!(
        stdout.contains(
            "Note: `resources/2026-05-19-cyber-exercise.md` is marked OFFICIAL-SENSITIVE"
        ),
        "{stdout}"
    );
    let (code, stdout, stderr) = parts(&clerk(root, &["check"]));
    assert_eq!(code, 0, "the new file checks clean: {stdout}{stderr}");
    assert_eq!(parts(&clerk(root, &args)).0, 2, "never overwrites");
}

/// `clerk new --meeting-file` for a meeting that has a file under another name refuses,
/// naming it: a second file would leave the meeting unbuilt, and the first may hold the
/// lines that take its items in private.
#[test]
fn clerk_new_meeting_file_refuses_a_second_file_for_a_meeting() {
    let project = temp_project("meetings");
    let root = project.path();
    let args = [
        "new",
        "--meeting-file",
        "--meeting",
        "resources committee.",
        "--date",
        "2026-05-19",
    ];
    let (code, stdout, stderr) = parts(&clerk(root, &args));
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains(
            "error[exists]: Resources Committee on 2026-05-19 already has this meeting file"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("meetings/resources-2026-05-19.yaml"),
        "{stderr}"
    );
    assert!(
        !root
            .join("meetings/2026-05-19-resources-committee.yaml")
            .exists(),
        "nothing written"
    );
}

#[test]
fn clerk_new_meeting_file_numbers_papers_without_clashes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert_eq!(parts(&clerk(root, &["init"])).0, 0);
    let meeting = ["--meeting", "Resources Committee", "--date", "2026-05-19"];
    let new = |title: &str, extra: &[&str]| {
        let mut args = vec!["new", title];
        args.extend(meeting);
        args.extend(extra);
        assert_eq!(parts(&clerk(root, &args)).0, 0, "{title}");
    };
    new("Budget", &["--agenda-item", "3"]);
    new("Counter", &[]);
    new("Minutes", &[]);
    let mut args = vec!["new", "--meeting-file"];
    args.extend(meeting);
    assert_eq!(parts(&clerk(root, &args)).0, 0);
    let text = read(root, "meetings/2026-05-19-resources-committee.yaml");
    let numbers: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("  - number: "))
        .collect();
    assert_eq!(numbers, ["\"1\"", "\"3\"", "\"4\"", "\"5\""], "{text}");
    let (code, stdout, stderr) = parts(&clerk(root, &["check"]));
    assert_eq!(code, 0, "the new file checks clean: {stdout}{stderr}");
    assert!(!stderr.contains("duplicate-item"), "{stderr}");

    // A paper that is item 1 itself: no Apologies item to clash with it.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert_eq!(parts(&clerk(root, &["init"])).0, 0);
    let mut args = vec!["new", "Opening"];
    args.extend(meeting);
    args.extend(["--agenda-item", "1"]);
    assert_eq!(parts(&clerk(root, &args)).0, 0);
    let mut args = vec!["new", "--meeting-file"];
    args.extend(meeting);
    assert_eq!(parts(&clerk(root, &args)).0, 0);
    let text = read(root, "meetings/2026-05-19-resources-committee.yaml");
    assert!(!text.contains("Apologies"), "{text}");
    assert_eq!(parts(&clerk(root, &["check"])).0, 0, "{text}");

    // Two papers that both say they are item 2: listed as they say, and said at once, so
    // the secretary is not surprised by `clerk check`.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert_eq!(parts(&clerk(root, &["init"])).0, 0);
    for title in ["Alpha", "Beta"] {
        let mut args = vec!["new", title];
        args.extend(meeting);
        args.extend(["--agenda-item", "2"]);
        assert_eq!(parts(&clerk(root, &args)).0, 0);
    }
    let mut args = vec!["new", "--meeting-file"];
    args.extend(meeting);
    let (code, stdout, stderr) = parts(&clerk(root, &args));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("are both item 2") && stdout.contains("2026-05-19-beta.md"),
        "{stdout}"
    );
    let text = read(root, "meetings/2026-05-19-resources-committee.yaml");
    assert!(text.contains("is item 2 too"), "{text}");
}

#[test]
fn two_files_for_one_meeting_build_neither_agenda() {
    let project = temp_project("meetings");
    let root = project.path();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    // An old draft of the agenda beside it, with item 4 not yet private.
    let draft = text
        .replace("    private: true\n", "")
        .replace("    exempt: Standing Orders section 20(d)\n", "");
    std::fs::write(root.join("meetings/a-draft.yaml"), draft).unwrap();
    let (code, stdout, stderr) = build(root);
    assert_eq!(code, 1, "{stderr}");
    // The summary says which meeting was not built, not only the error among many.
    assert!(
        stdout.contains(
            "Not built: 1 meeting whose agenda has errors (above); its page, agenda and packs are not written"
        ) && stdout.contains("\n  Resources Committee on 2026-05-19  (meetings/a-draft.yaml)\n"),
        "{stdout}"
    );
    assert!(
        stderr.contains("--> meetings/resources-2026-05-19.yaml:3:1"),
        "at the clash: {stderr}"
    );
    assert!(
        stderr.contains("already has a meeting file, meetings/a-draft.yaml"),
        "{stderr}"
    );
    // The file the error is on takes item 4 in private and the other does not: deleting
    // it, as the help would otherwise say, publishes that paper.
    assert!(
        stderr.contains("do not delete this one as it stands: it takes item 4 in private and meetings/a-draft.yaml does not"),
        "{stderr}"
    );
    assert!(!stderr.contains("or delete it"), "{stderr}");
    // Neither agenda is published: which items are private cannot be told.
    assert!(
        !root
            .join("out/meetings/2026-05-19-resources-committee")
            .exists()
    );
    no_public_output_holds(&root.join("out"), "Alan Speirs");
    assert!(
        root.join("out/meetings/2026-03-03-audit-committee/index.html")
            .is_file()
    );
}

#[test]
fn a_byte_order_mark_is_no_column_of_a_meeting_file() {
    let project = temp_project("meetings");
    let root = project.path();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let first = text.lines().find(|l| l.starts_with("committee:")).unwrap();
    let text = text.replace(first, "commitee: Resources Committee");
    // The key first in the file, after Notepad's byte-order mark.
    let body: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    std::fs::write(&file, format!("\u{feff}{}\n", body.join("\n"))).unwrap();
    let (code, _, stderr) = parts(&clerk(root, &["check"]));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("clerk has no key `commitee`; it is probably `committee`, which is missing\n --> meetings/resources-2026-05-19.yaml:1:1\n"),
        "{stderr}"
    );
}

#[test]
fn a_meeting_warning_points_at_the_key_in_a_crlf_paper_and_in_a_sidecar() {
    let dir = tempfile::tempdir().unwrap();
    let papers = dir.path().join("papers");
    std::fs::create_dir(&papers).unwrap();
    let meta = "# A comment line first\nmeeting: Resources Committee\ndate: 2026-05-19\n\
                title: T\npresented_by: P\nrecommendation: For Discussion\nrecommendations: x\n";
    let body = "# Purpose\n\nThis paper sets out a plan with a long sentence in it.\n";
    let crlf = format!("---\n{meta}---\n{body}").replace('\n', "\r\n");
    std::fs::write(papers.join("a.md"), crlf).unwrap();
    std::fs::write(papers.join("b.md"), body).unwrap();
    std::fs::write(papers.join("b.yaml"), meta.replace("title: T", "title: U")).unwrap();
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["check"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    // The key as clerk read it (CRLF as LF), in the file that holds it.
    for place in ["--> papers/a.md:3:1", "--> papers/b.yaml:2:1"] {
        assert!(stderr.contains(place), "no warning at {place}: {stderr}");
    }
    assert_eq!(
        stderr.matches("warning[no-agenda-item]").count(),
        2,
        "{stderr}"
    );
    assert!(
        stderr.contains("2 | meeting: Resources Committee"),
        "{stderr}"
    );
}

/// A mistake in a meeting file that cannot change which papers are private (its time,
/// end, place, chair, contact or status) withholds none of them: the file's error is said
/// and its meeting's last good page, agenda, pack and calendar event are kept, but every public paper stays
/// published. A mistake in its items still withholds them all (see `meeting_private`).
#[test]
fn a_mistake_that_touches_no_item_withholds_no_paper() {
    let project = temp_project("meetings");
    let root = project.path();
    assert_eq!(build(root).0, 0);
    let page = "out/meetings/2026-05-19-resources-committee/index.html";
    let before = read(root, page);
    let calendar = read(root, "out/meetings.ics");
    assert!(
        calendar.contains("UID:2026-05-19-resources-committee@"),
        "{calendar}"
    );
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    for (from, to) in [
        ("time: \"10:00\"", "time: 10am"),
        ("location: Committee Room 1", "location: [Committee Room 1"),
        ("status: final", "status: finished"),
    ] {
        assert!(text.contains(from), "{from}");
        std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
        let (code, stdout, stderr) = build(root);
        assert_eq!(code, 1, "{to}: {stdout}{stderr}");
        assert!(
            stderr.contains("resources-2026-05-19.yaml:"),
            "{to}: {stderr}"
        );
        assert!(!stderr.contains("papers-withheld"), "{to}: {stderr}");
        assert!(!stderr.contains("output-withdrawn"), "{to}: {stderr}");
        for public in ["2026-05-19-minutes", "2026-05-19-budget-monitoring"] {
            for ext in ["html", "pdf"] {
                let path = root.join(format!("out/resources/{public}.{ext}"));
                assert!(path.is_file(), "{to}: {public}.{ext} withdrawn");
                assert!(
                    !root
                        .join(format!("out/private/resources/{public}.{ext}"))
                        .exists(),
                    "{to}: {public}.{ext} taken in private"
                );
            }
        }
        assert_eq!(read(root, page), before, "{to}: the last good page is kept");
        // And its last good event: the meeting does not vanish from subscribers' calendars.
        assert_eq!(read(root, "out/meetings.ics"), calendar, "{to}");
        assert!(
            root.join("out/meetings/2026-05-19-resources-committee/pack.pdf")
                .is_file(),
            "{to}"
        );
        no_public_output_holds(&root.join("out"), SECRET);
    }
}

/// A meeting file's number that disagrees with its paper's `agenda_item` names the paper's
/// line in its help on every build, one that reuses the paper's outputs too (its files are
/// read for the line).
#[test]
fn a_numbers_help_names_the_papers_line_when_the_paper_is_reused() {
    let project = crate::meeting_edges::one_paper_project("2026-05-19", "10:00", "Budget", "");
    let root = project.path();
    assert_eq!(build(root).0, 0);
    let file = root.join("meetings/r.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("number: \"1\"", "number: \"2\"")).unwrap();
    for _ in 0..2 {
        let (code, stdout, stderr) = build(root);
        assert_eq!(code, 1, "{stdout}{stderr}");
        assert!(
            stderr.contains("papers/r/a.md line 4 gives `agenda_item: \"1\"`"),
            "{stderr}"
        );
    }
}

/// A paper deferred to a later meeting of a committee that keeps meeting files, one not
/// written yet: the meeting is made from its papers (the contract allows it), with a
/// warning at the paper's `date:` saying so and how to set it up. The committee's meetings
/// from before its first file (here 10 February) are its history, and are not warned of.
#[test]
fn a_paper_deferred_to_a_meeting_with_no_file_is_a_warning_at_its_date() {
    let project = temp_project("meetings");
    let root = project.path();
    let (_, stdout, stderr) = build(root);
    assert!(!stderr.contains("meeting-without-file"), "{stdout}{stderr}");
    let paper = root.join("papers/resources/2026-05-19-public-counter-review.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    std::fs::write(&paper, text.replace("date: 2026-05-19", "date: 2026-07-14")).unwrap();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let listed = std::fs::read_to_string(&file).unwrap();
    let item = "  - number: \"3.2\"\n    paper: resources/2026-05-19-public-counter-review.md\n    late: true\n";
    assert!(listed.contains(item), "{listed}");
    std::fs::write(&file, listed.replace(item, "")).unwrap();
    let (code, stdout, stderr) = build(root);
    assert_eq!(code, 0, "a warning:\n{stdout}{stderr}");
    assert!(
        stderr.contains("warning[meeting-without-file]: Resources Committee's meetings have files, but this one, on 2026-07-14, has none"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2026-05-19-public-counter-review.md:3:1"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "clerk new --meeting-file --meeting \"Resources Committee\" --date 2026-07-14"
        ),
        "{stderr}"
    );
    assert!(
        root.join("out/meetings/2026-07-14-resources-committee/index.html")
            .is_file()
    );
}

/// `clerk check` of a meeting file checks that meeting whole: its papers, each against its
/// item, and a paper for the meeting that the file leaves out; the other meetings' papers
/// are not read into the report.
#[test]
fn check_of_a_meeting_file_checks_its_papers_against_it() {
    let project = temp_project("meetings");
    let root = project.path();
    let file = "meetings/resources-2026-05-19.yaml";
    let (code, stdout, stderr) = parts(&clerk(root, &["check", file]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    // The four papers on its agenda, not the other meetings' two.
    assert!(stdout.contains("Checked 4 papers"), "{stdout}");
    let budget = "papers/resources/2026-05-19-budget-monitoring.md";
    let text = std::fs::read_to_string(root.join(budget)).unwrap();
    std::fs::write(
        root.join(budget),
        text.replace("agenda_item: \"3.1\"", "agenda_item: \"3.4\""),
    )
    .unwrap();
    let extra = "papers/resources/2026-05-19-extra.md";
    std::fs::write(root.join(extra), text.replace("agenda_item: \"3.1\"\n", "")).unwrap();
    // Another meeting's paper with a problem of its own: not this meeting's to say.
    let audit = root.join("papers/audit/2026-03-03-internal-audit-plan.md");
    let text = std::fs::read_to_string(&audit).unwrap();
    std::fs::write(&audit, text.replacen("title:", "titel:", 1)).unwrap();
    for asked in [file, "meetings"] {
        let (code, stdout, stderr) = parts(&clerk(root, &["check", asked]));
        assert_eq!(code, 1, "{stdout}{stderr}");
        assert!(
            stderr.contains("this is item 3.1, but its paper says `agenda_item: \"3.4\"`"),
            "{stderr}"
        );
        assert!(stderr.contains("[not-on-agenda]"), "{stderr}");
        assert!(stderr.contains(&format!("{extra}:2:1")), "{stderr}");
        assert!(!stderr.contains("titel"), "{stderr}");
        assert!(stdout.contains("Checked 5 papers: 2 errors"), "{stdout}");
    }
}

/// A meeting file checked whole is checked with every file of its meeting, so a second
/// file for it is said whichever is named; another meeting's broken file is not this
/// check's to report.
#[test]
fn check_of_a_meeting_file_says_a_second_file_and_nothing_of_other_meetings() {
    let project = temp_project("meetings");
    let root = project.path();
    let file = "meetings/resources-2026-05-19.yaml";
    let text = std::fs::read_to_string(root.join(file)).unwrap();
    std::fs::write(root.join("meetings/a-draft.yaml"), &text).unwrap();
    std::fs::write(
        root.join("meetings/audit-2026-03-03.yaml"),
        "committee: Audit Committee\ndate: 2026-03-03\nitems: [\n",
    )
    .unwrap();
    for asked in [file, "meetings/a-draft.yaml"] {
        let (code, stdout, stderr) = parts(&clerk(root, &["check", asked]));
        assert_eq!(code, 1, "{asked}: {stdout}{stderr}");
        assert!(
            stderr.contains("error[duplicate-meeting]"),
            "{asked}: {stderr}"
        );
        assert!(!stderr.contains("audit-2026-03-03"), "{asked}: {stderr}");
    }
}

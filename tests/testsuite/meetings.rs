//! Meetings: the three-meeting fixture built end to end (pages, agendas, calendar, index,
//! manifest), meetings whose folders would clash, a meeting file with an error left out of
//! the calendar, a failing paper's last good title, and drafts. Private items are in
//! `meeting_private`, meeting files from the command line in `meeting_files`, `clerk serve`
//! in `meeting_serve`.

use std::path::Path;

use crate::common::{clerk, parts, snapshot_tree, temp_project};

pub(crate) const PAGE: &str = "out/meetings/2026-05-19-resources-committee/index.html";
pub(crate) const SECRET: &str = "ZEBRA-CANTICLE-SECRET";

pub(crate) fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

pub(crate) fn build(root: &Path) -> (i32, String, String) {
    parts(&clerk(root, &["build"]))
}

#[test]
fn three_meetings_are_built_with_their_pages_agendas_and_calendar() {
    let project = temp_project("meetings");
    let root = project.path();
    let (code, stdout, stderr) = build(root);
    assert_eq!(code, 0, "{stdout}{stderr}");
    for slug in [
        "2026-05-19-resources-committee",
        "2026-02-10-resources-committee",
        "2026-03-03-audit-committee",
    ] {
        for file in ["index.html", "agenda.pdf"] {
            let p = root.join("out/meetings").join(slug).join(file);
            assert!(p.is_file(), "{} not built\n{stdout}{stderr}", p.display());
        }
    }
    let page = read(root, PAGE);
    assert_eq!(page.matches("<h1").count(), 1);
    assert!(page.contains("Tuesday 19 May 2026"), "{page}");
    assert!(
        page.contains("<dt>Time</dt><dd><time datetime=\"2026-05-19T10:00\">10:00</time></dd>")
    );
    assert!(page.contains("<dt>Chair</dt><dd>Alasdair Grant</dd>"));
    assert!(page.contains(r#"<ol class="agenda" aria-labelledby="agenda">"#));
    // 3.1 is nested in heading 3's own list.
    let heading = page
        .find("<strong class=\"item-title\">Finance</strong>")
        .unwrap();
    let nested = page[heading..].find("<ol class=\"agenda\">").unwrap() + heading;
    assert!(page[nested..].find("3.1").unwrap() < page[nested..].find("</ol>").unwrap());
    // A meeting file's words are punctuated as a paper's are: the apostrophe curled.
    assert!(
        page.contains(
            "Chair’s opening remarks</span> <span class=\"item-note\">(verbal item)</span>"
        )
    );
    assert!(
        page.contains("Public Counter Review</a> <span class=\"item-note\">(late item)</span>")
    );
    assert!(page.contains("James Gray, Chief Financial Officer – For Discussion"));
    assert!(page.contains(r#"<a href="../../resources/2026-05-19-budget-monitoring.pdf">"#));
    let described = regex_like_attachment(&page);
    assert!(
        described >= 4,
        "every paper's PDF says `N KB, N pages` after its link, the agenda's and packs' `PDF, …`:\n{page}"
    );
    assert!(page.contains("<h2 id=\"private\">Items to be taken in private</h2>"));
    assert!(page.contains("Cyber Resilience Exercise</span><br><span class=\"exempt\">Exempt: Standing Orders section 20(d)</span>"));
    assert!(
        !page.contains("<p class=\"draft-banner\">"),
        "the meeting is final"
    );

    // Meetings with no file: their papers' agenda in order.
    let feb = read(
        root,
        "out/meetings/2026-02-10-resources-committee/index.html",
    );
    assert!(feb.contains("Treasury Management Strategy"));

    // The index: committees, meetings newest first, each linking its page.
    let index = read(root, "out/index.html");
    let may = index
        .find("meetings/2026-05-19-resources-committee/index.html")
        .unwrap();
    let feb = index
        .find("meetings/2026-02-10-resources-committee/index.html")
        .unwrap();
    let audit = index
        .find("meetings/2026-03-03-audit-committee/index.html")
        .unwrap();
    assert!(
        audit < may && may < feb,
        "Audit, then Resources newest first"
    );
    // Its private items under the house's heading, as on the meeting's page and agenda:
    // a heading under the date's, each item by its number (no bullet beside it).
    assert!(
        index.contains("<h4 class=\"private-note\">Items to be taken in private</h4>\n<ul class=\"private-items\">\n<li><span class=\"item-number\">4</span> Cyber Resilience Exercise"),
        "{index}"
    );

    // The calendar.
    let ics = read(root, "out/meetings.ics");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3);
    assert!(
        ics.contains("DTSTART:20260519T090000Z\r\n"),
        "10:00 BST is 09:00 UTC"
    );
    assert!(ics.contains("UID:2026-05-19-resources-committee@"));
    assert!(
        ics.contains("DTSTART;VALUE=DATE:20260210\r\n"),
        "no time: all day"
    );

    // The manifest: every meeting output and the calendar with their SHA-256.
    let manifest: serde_json::Value =
        serde_json::from_str(&read(root, "out/manifest.json")).unwrap();
    let meetings = manifest["meetings"].as_array().unwrap();
    assert_eq!(meetings.len(), 3);
    for m in meetings {
        for o in m["outputs"].as_array().unwrap() {
            let bytes = std::fs::read(root.join("out").join(o["path"].as_str().unwrap())).unwrap();
            assert_eq!(o["sha256"].as_str().unwrap(), sha256(&bytes));
        }
        // The page, the agenda and the packs (a public one always).
        let paths: Vec<&str> = m["outputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["path"].as_str().unwrap())
            .collect();
        assert!(
            paths.iter().any(|p| p.ends_with("/index.html")),
            "{paths:?}"
        );
        assert!(
            paths.iter().any(|p| p.ends_with("/agenda.pdf")),
            "{paths:?}"
        );
        assert!(paths.iter().any(|p| p.ends_with("/pack.pdf")), "{paths:?}");
    }
    assert_eq!(manifest["calendar"]["path"], "meetings.ics");
    // A meeting made from a file names it, with its SHA-256; one made from its papers alone
    // names none.
    let with_file: Vec<_> = meetings.iter().filter(|m| !m["file"].is_null()).collect();
    assert_eq!(with_file.len(), 1);
    let file = with_file[0]["file"].as_str().unwrap();
    assert_eq!(file, "meetings/resources-2026-05-19.yaml");
    let bytes = std::fs::read(root.join(file)).unwrap();
    assert_eq!(
        with_file[0]["file_sha256"].as_str().unwrap(),
        sha256(&bytes)
    );
    assert!(
        meetings
            .iter()
            .all(|m| !m["file"].is_null() || m.get("file_sha256").is_none())
    );

    // Byte-identical rebuild.
    let before = snapshot_tree(&root.join("out"));
    assert_eq!(build(root).0, 0);
    assert!(
        before == snapshot_tree(&root.join("out")),
        "a rebuild changed a byte"
    );
}

fn regex_like_attachment(page: &str) -> usize {
    let open = "<span class=\"attachment\">";
    page.match_indices(open)
        .filter(|(i, _)| {
            let rest = &page[i + open.len()..];
            let rest = rest.strip_prefix("PDF, ").unwrap_or(rest);
            let end = rest.find('<').unwrap_or(0);
            let text = &rest[..end];
            text.contains(" KB, ")
                && text.ends_with(if text.contains(", 1 page") {
                    "page"
                } else {
                    "pages"
                })
        })
        .count()
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Adds to the meetings fixture at `root` a paper for the `Audit committee` (lower-case
/// `c`) on the Audit Committee's day: two meetings whose names make one folder.
pub(crate) fn add_clashing_paper(root: &Path) {
    let audit = root.join("papers/audit/2026-03-03-internal-audit-plan.md");
    let text = std::fs::read_to_string(&audit).unwrap();
    let other = text
        .replace("meeting: Audit Committee", "meeting: Audit committee")
        .replace("title: Internal Audit Plan 2026/27", "title: Risk Register");
    std::fs::write(root.join("papers/audit/2026-03-03-risk-register.md"), other).unwrap();
}

#[test]
fn meetings_whose_names_make_one_folder_are_refused_not_written_over_each_other() {
    let project = temp_project("meetings");
    let root = project.path();
    add_clashing_paper(root);
    let (code, stdout, stderr) = build(root);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("error[meeting-clash]"), "{stderr}");
    assert!(
        stderr.contains("differ only in case or punctuation (here `c`, there `C`)"),
        "where the names differ: {stderr}"
    );
    assert!(
        stderr.contains("--> papers/audit/2026-03-03-risk-register.md:2:1"),
        "at the second meeting's paper's `meeting:`: {stderr}"
    );
    // Neither is built: no page shows one meeting's papers as the other's.
    assert!(
        !root
            .join("out/meetings/2026-03-03-audit-committee")
            .exists()
    );
    // The calendar does not publish them, so no two events share a UID.
    let ics = read(root, "out/meetings.ics");
    assert!(!ics.contains("2026-03-03-audit-committee"), "{ics}");
    assert!(ics.contains("2026-05-19-resources-committee"), "{ics}");
}

#[test]
fn a_meeting_whose_file_has_an_error_is_not_in_the_calendar() {
    let project = temp_project("meetings");
    let root = project.path();
    assert_eq!(build(root).0, 0);
    assert!(read(root, "out/meetings.ics").contains("2026-05-19-resources-committee"));
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("    private: true\n", "    privat: true\n"),
    )
    .unwrap();
    let (code, _, stderr) = build(root);
    assert_eq!(code, 1, "{stderr}");
    let ics = read(root, "out/meetings.ics");
    // Its item 4 would have been listed as public.
    assert!(!ics.contains("2026-05-19-resources-committee"), "{ics}");
    assert!(!ics.contains("Cyber"), "{ics}");
    assert!(ics.contains("BEGIN:VCALENDAR"), "the others stay: {ics}");
}

#[test]
fn a_paper_that_fails_now_keeps_its_last_good_title_on_the_agenda() {
    let project = temp_project("meetings");
    let root = project.path();
    assert_eq!(build(root).0, 0);
    let paper = root.join("papers/resources/2026-05-19-budget-monitoring.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    std::fs::write(
        &paper,
        text.replacen("date: 2026-05-19", "date: 2026-02-30", 1),
    )
    .unwrap();
    let (code, _, stderr) = build(root);
    assert_eq!(code, 1, "{stderr}");
    let page = read(
        root,
        "out/meetings/2026-05-19-resources-committee/index.html",
    );
    assert!(page.contains("Budget Monitoring Report"), "{page}");
    assert!(
        !page.contains(">resources/2026-05-19-budget-monitoring.md<"),
        "shown by its path: {page}"
    );
}

#[test]
fn the_seed_paper_alone_gives_its_meeting_a_page() {
    let project = temp_project("repo");
    let (code, stdout, stderr) = parts(&clerk(project.path(), &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let page = read(
        project.path(),
        "out/meetings/2021-09-01-policing-performance-committee/index.html",
    );
    assert!(page.contains("Wednesday 1 September 2021"), "{page}");
    assert!(page.contains("HMICS Progress Review"));
    assert!(page.contains("Video Conferencing"));
}

#[test]
#[ignore = "needs python icalendar"]
fn the_calendar_parses_with_python_icalendar() {
    let project = temp_project("meetings");
    std::fs::write(
        project.path().join("clerk.yaml"),
        "base_url: https://papers.example.org/\n",
    )
    .unwrap();
    assert_eq!(build(project.path()).0, 0);
    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for e in cal.walk('VEVENT'):
    print(e['UID'], e.decoded('DTSTART').isoformat(), e.get('URL', ''), str(e.get('LOCATION', '')), e.decoded('DTEND').isoformat(), sep='|')
"#;
    let o = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(project.path().join("out/meetings.ics"))
        .output()
        .expect("python3 runs");
    let (code, stdout, stderr) = parts(&o);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(lines.contains(&"2026-05-19-resources-committee@scottish-police-authority.clerk|2026-05-19T09:00:00+00:00|https://papers.example.org/meetings/2026-05-19-resources-committee/|Committee Room 1, Pacific Quay|2026-05-19T11:00:00+00:00"), "two hours long: {stdout}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("|2026-02-10|") && l.ends_with("|2026-02-11")),
        "all day: {stdout}"
    );
}

/// A meeting file's `end`: on the meeting's page and agenda after the start, and where the
/// calendar ends the meeting (without one, the house's `meeting_length` after its start).
#[test]
fn a_meeting_end_is_shown_with_its_start_and_ends_it_in_the_calendar() {
    let project = ending_at_half_past_twelve();
    let root = project.path();
    let page = read(root, PAGE);
    assert!(
        page.contains("<time datetime=\"2026-05-19T10:00\">10:00</time>–<time datetime=\"2026-05-19T12:30\">12:30</time>"),
        "{page}"
    );
    let ics = read(root, "out/meetings.ics");
    assert!(
        ics.contains("DTSTART:20260519T090000Z\r\nDTEND:20260519T113000Z\r\n"),
        "{ics}"
    );
}

/// The meetings fixture built, its meeting of 19 May ending at 12:30.
fn ending_at_half_past_twelve() -> tempfile::TempDir {
    let project = temp_project("meetings");
    let file = project.path().join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replace("time: \"10:00\"\n", "time: \"10:00\"\nend: \"12:30\"\n");
    std::fs::write(&file, text).unwrap();
    let (code, out, err) = build(project.path());
    assert_eq!(code, 0, "{out}{err}");
    project
}

#[test]
#[ignore = "needs poppler-utils"]
fn a_meeting_end_is_on_its_agenda() {
    let project = ending_at_half_past_twelve();
    let agenda = project
        .path()
        .join("out/meetings/2026-05-19-resources-committee/agenda.pdf");
    let text = crate::common::run_tool("pdftotext", &[agenda.to_str().unwrap(), "-"]);
    assert!(text.contains("10:00–12:30"), "{text}");
}

#[test]
fn a_draft_meeting_says_so_on_its_page_and_in_the_calendar() {
    let project = temp_project("meetings");
    let root = project.path();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("status: final", "status: draft")).unwrap();
    assert_eq!(build(root).0, 0);
    let page = read(root, PAGE);
    assert!(
        page.contains("<p class=\"draft-banner\"><strong>DRAFT</strong>"),
        "{page}"
    );
    assert!(page.contains("<title>DRAFT – Resources Committee – Tuesday 19 May 2026</title>"));
    let ics = read(root, "out/meetings.ics");
    assert!(ics.contains("STATUS:TENTATIVE"), "{ics}");
}

/// A heading whose sub-items are all taken in private (`3 Finance` over `3.1` and `3.2`)
/// has no public business: the meeting page and the calendar leave it out rather than show
/// it empty, while the other public items stay (the agenda PDF and the pack's front sheet,
/// from the same list, are tested in `render::agenda`).
#[test]
fn a_heading_with_only_private_items_under_it_is_left_out_of_public_outputs() {
    let project = temp_project("meetings");
    let root = project.path();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let ground = "    private: true\n    exempt: Schedule 7A paragraph 1\n";
    let yaml = yaml
        .replacen(
            "paper: resources/2026-05-19-budget-monitoring.md\n",
            &format!("paper: resources/2026-05-19-budget-monitoring.md\n{ground}"),
            1,
        )
        .replacen("    late: true\n", &format!("    late: true\n{ground}"), 1);
    std::fs::write(&file, yaml).unwrap();
    let (code, out, err) = build(root);
    assert_eq!(code, 0, "{out}{err}");
    let page = read(root, PAGE);
    assert!(page.contains("Any other business"), "{page}");
    assert!(!page.contains("Finance"), "{page}");
    let ics = read(root, "out/meetings.ics").replace("\r\n ", "");
    assert!(
        ics.contains("2 Minutes of the Previous Meeting\\n5 Any other business"),
        "{ics}"
    );
    assert!(!ics.contains("Finance"), "{ics}");
}

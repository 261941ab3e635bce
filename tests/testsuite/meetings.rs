//! Meetings: the three-meeting fixture built end to end (pages, agendas, calendar, index,
//! manifest), private items kept out of every public output, cross-checks from the command
//! line, and a broken meeting file that stops nothing else and keeps its last good outputs.

use std::path::Path;

use crate::common::{clerk, parts, run_tool, snapshot_tree, temp_project};

const PAGE: &str = "out/meetings/2026-05-19-resources-committee/index.html";
const SECRET: &str = "ZEBRA-CANTICLE-SECRET";

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn build(root: &Path) -> (i32, String, String) {
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
    assert!(page.contains(
        "Chair&#39;s opening remarks</span> <span class=\"item-note\">(verbal item)</span>"
    ));
    assert!(
        page.contains("Public Counter Review</span> <span class=\"item-note\">(late item)</span>")
    );
    assert!(page.contains("James Gray, Chief Financial Officer – For Discussion"));
    assert!(page.contains(r#"<a href="../../resources/2026-05-19-budget-monitoring.pdf">"#));
    let described = regex_like_attachment(&page);
    assert!(
        described >= 4,
        "every paper's PDF says `PDF, N KB, N pages`:\n{page}"
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
    // Its private items under the house's heading, as on the meeting's page and agenda.
    assert!(
        index.contains("<p class=\"private-note\">Items to be taken in private:</p>"),
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

    // Byte-identical rebuild.
    let before = snapshot_tree(&root.join("out"));
    assert_eq!(build(root).0, 0);
    assert!(
        before == snapshot_tree(&root.join("out")),
        "a rebuild changed a byte"
    );
}

fn regex_like_attachment(page: &str) -> usize {
    page.match_indices("<span class=\"attachment\">PDF, ")
        .filter(|(i, _)| {
            let rest = &page[i + 31..];
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

#[test]
fn a_private_paper_is_built_for_the_secretariat_and_nowhere_public() {
    let project = temp_project("meetings");
    let root = project.path();
    assert_eq!(build(root).0, 0);
    let private = root.join("out/private/resources/2026-05-19-cyber-exercise.html");
    let html = read(root, "out/private/resources/2026-05-19-cyber-exercise.html");
    assert!(html.contains(SECRET));
    // Marked PRIVATE with the house's private classification, at the top and foot, as every
    // page of its PDF is (the same marking drives both).
    for at in ["marking-top\"", "marking-bottom\" aria-hidden=\"true\""] {
        let mark = format!("<p class=\"marking {at}>PRIVATE – OFFICIAL-SENSITIVE</p>");
        assert!(html.contains(&mark), "{at}: {html}");
    }
    let public = read(root, "out/resources/2026-05-19-minutes.html");
    assert!(!public.contains("PRIVATE"), "a public paper is not marked");
    assert!(
        root.join("out/private/resources/2026-05-19-cyber-exercise.pdf")
            .is_file()
    );
    for (rel, bytes) in snapshot_tree(&root.join("out")) {
        if rel.starts_with("private") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        for leak in [SECRET, "cyber-exercise", "Alan Speirs"] {
            assert!(
                !text.contains(leak),
                "{rel} holds `{leak}` of a private paper"
            );
        }
    }
    assert!(private.is_file());
    let manifest: serde_json::Value =
        serde_json::from_str(&read(root, "out/manifest.json")).unwrap();
    assert_eq!(
        manifest["private_papers"][0]["title"],
        "Cyber Resilience Exercise"
    );
    assert_eq!(
        manifest["private_papers"][0]["exempt"],
        "Standing Orders section 20(d)"
    );
}

#[test]
fn a_private_items_neutral_title_is_the_only_title_anything_public_shows() {
    // Exempt items are often given a neutral title because the real one is sensitive.
    let project = temp_project("meetings");
    let root = project.path();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let neutral = text.replace(
        "    private: true\n",
        "    private: true\n    title: Exempt information item\n",
    );
    assert_ne!(neutral, text);
    std::fs::write(&file, neutral).unwrap();
    assert_eq!(build(root).0, 0);
    for (rel, bytes) in snapshot_tree(&root.join("out")) {
        if rel.starts_with("private") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("Cyber Resilience"),
            "{rel} holds the real title"
        );
    }
    let manifest: serde_json::Value =
        serde_json::from_str(&read(root, "out/manifest.json")).unwrap();
    assert_eq!(
        manifest["private_papers"][0]["title"],
        "Exempt information item"
    );
}

#[test]
fn meetings_whose_names_make_one_folder_are_refused_not_written_over_each_other() {
    let project = temp_project("meetings");
    let root = project.path();
    let audit = root.join("papers/audit/2026-03-03-internal-audit-plan.md");
    let text = std::fs::read_to_string(&audit).unwrap();
    let other = text
        .replace("meeting: Audit Committee", "meeting: Audit committee")
        .replace("title: Internal Audit Plan 2026/27", "title: Risk Register");
    std::fs::write(root.join("papers/audit/2026-03-03-risk-register.md"), other).unwrap();
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
    assert!(stderr.contains("did you mean `late`?"), "{stderr}");
}

#[test]
fn a_broken_meeting_file_withholds_its_papers_and_withdraws_what_listed_them() {
    let project = temp_project("meetings");
    let root = project.path();
    assert_eq!(build(root).0, 0);
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("    exempt: Standing Orders section 20(d)\n", ""),
    )
    .unwrap();
    std::fs::remove_dir_all(root.join("out/meetings/2026-03-03-audit-committee")).unwrap();
    let (code, stdout, stderr) = build(root);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("gives no exempt ground"), "{stderr}");
    // Its papers, public before, are withheld: the page, agenda and packs that listed them
    // as public are withdrawn with them.
    for gone in ["index.html", "agenda.pdf", "pack.pdf"] {
        let path = root
            .join("out/meetings/2026-05-19-resources-committee")
            .join(gone);
        assert!(!path.exists(), "{gone} is left public");
    }
    assert!(stderr.contains("warning[output-withdrawn]"), "{stderr}");
    assert!(
        root.join("out/meetings/2026-03-03-audit-committee/index.html")
            .is_file(),
        "other meetings build"
    );
    // Which of its papers are private cannot be trusted: all of them are withheld.
    assert!(stderr.contains("warning[papers-withheld]"), "{stderr}");
    assert!(
        root.join("out/private/resources/2026-05-19-minutes.html")
            .is_file()
    );
    assert!(!root.join("out/resources/2026-05-19-minutes.html").exists());
    assert!(
        root.join("out/resources/2026-02-10-treasury-strategy.html")
            .is_file()
    );

    // YAML that does not parse at all: the papers it names stay private.
    std::fs::write(&file, format!("{text}\n  bad: [\n")).unwrap();
    let (code, _, stderr) = build(root);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        !root
            .join("out/resources/2026-05-19-cyber-exercise.html")
            .exists()
    );
    assert!(!read(root, "out/index.html").contains(SECRET));
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
    print(e['UID'], e.decoded('DTSTART').isoformat(), e.get('URL', ''), str(e.get('LOCATION', '')), sep='|')
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
    assert!(lines.contains(&"2026-05-19-resources-committee@scottish-police-authority.clerk|2026-05-19T09:00:00+00:00|https://papers.example.org/meetings/2026-05-19-resources-committee/|Committee Room 1, Pacific Quay"), "{stdout}");
    assert!(
        lines.iter().any(|l| l.contains("|2026-02-10|")),
        "all day: {stdout}"
    );
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

#[test]
fn clerk_new_meeting_file_starts_an_agenda_from_the_meetings_papers() {
    let project = temp_project("meetings");
    let root = project.path();
    std::fs::remove_dir_all(root.join("meetings")).unwrap();
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
    let (code, stdout, stderr) = parts(&clerk(root, &["check"]));
    assert_eq!(code, 0, "the new file checks clean: {stdout}{stderr}");
    assert_eq!(parts(&clerk(root, &args)).0, 2, "never overwrites");
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
fn serve_shows_meeting_pages_and_rebuilds_them_when_a_meeting_file_changes() {
    use crate::common::serve::Serve;
    use std::time::Duration;
    let project = temp_project("meetings");
    let root = project.path();
    let serve = Serve::start(root, &[]);
    let path = "/meetings/2026-05-19-resources-committee/index.html";
    let page = serve.get(path);
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("<dt>Chair</dt><dd>Alasdair Grant</dd>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("id=\"clerk-live-reload\""));
    assert!(
        serve
            .get("/")
            .body
            .contains("meetings/2026-05-19-resources-committee/index.html")
    );

    let mut events = serve.events();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("chair: Alasdair Grant", "chair: Morag Hay"),
    )
    .unwrap();
    let data = events
        .next_reload(Duration::from_secs(10))
        .expect("a reload event");
    assert!(data.contains(path), "{data}");
    assert!(
        serve
            .get(path)
            .body
            .contains("<dt>Chair</dt><dd>Morag Hay</dd>")
    );

    // A meeting problem shows over the page, which keeps its last good render.
    std::fs::write(
        &file,
        text.replace("    exempt: Standing Orders section 20(d)\n", ""),
    )
    .unwrap();
    let _ = events
        .next_reload(Duration::from_secs(10))
        .expect("a reload event");
    let broken = serve.get(path);
    assert!(
        broken.body.contains("gives no exempt ground"),
        "{}",
        broken.body
    );
    assert!(broken.body.contains("Morag Hay"), "last good render kept");
}

#[test]
fn serve_serves_and_writes_each_agenda_pdf_and_the_calendar() {
    use crate::common::serve::Serve;
    let project = temp_project("meetings");
    let root = project.path();
    let serve = Serve::start(root, &["--write"]);
    let dir = "meetings/2026-05-19-resources-committee";
    let agenda = serve.get(&format!("/{dir}/agenda.pdf"));
    assert_eq!(agenda.status, 200);
    assert_eq!(agenda.header("content-type"), Some("application/pdf"));
    assert!(agenda.body.starts_with("%PDF-"), "a PDF");
    let page = serve.get(&format!("/{dir}/index.html"));
    assert!(
        page.body.contains("href=\"agenda.pdf\""),
        "the page links its agenda, as a build's does: {}",
        page.body
    );
    let ics = serve.get("/meetings.ics");
    assert_eq!(ics.status, 200);
    assert_eq!(
        ics.header("content-type"),
        Some("text/calendar; charset=utf-8")
    );
    assert!(ics.body.starts_with("BEGIN:VCALENDAR"), "{}", ics.body);
    assert!(
        ics.body.contains("SUMMARY:Resources Committee"),
        "{}",
        ics.body
    );

    // The preview lists the private paper for the secretariat, marked PRIVATE.
    let index = serve.get("/").body;
    let row = index
        .split("<tr>")
        .find(|r| r.contains("2026-05-19-cyber-exercise.html") && r.contains("class=\"item\""))
        .unwrap_or_else(|| panic!("the private paper is listed: {index}"));
    assert!(row.contains("private-marker\">PRIVATE</strong>"), "{row}");
    assert!(row.contains("PRIVATE – OFFICIAL-SENSITIVE"), "{row}");
    let page = serve.get("/resources/2026-05-19-cyber-exercise.html").body;
    assert!(
        page.contains("marking-top\">PRIVATE – OFFICIAL-SENSITIVE"),
        "{page}"
    );

    // --write puts them in out/ as a build does, without the reload script.
    let out = root.join("out");
    let written = std::fs::read(out.join(dir).join("agenda.pdf")).unwrap_or_default();
    assert!(written.starts_with(b"%PDF-"), "agenda.pdf written");
    let page = std::fs::read_to_string(out.join(dir).join("index.html")).unwrap_or_default();
    assert!(page.contains("Alasdair Grant") && !page.contains("clerk-live-reload"));
    let ics = std::fs::read_to_string(out.join("meetings.ics")).unwrap_or_default();
    assert!(ics.starts_with("BEGIN:VCALENDAR"));
}

/// Every output outside `out/private/` (the private pack aside, which is for members) does
/// not hold `marker`.
fn no_public_output_holds(out: &Path, marker: &str) {
    for entry in walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(out).unwrap();
        if !entry.file_type().is_file()
            || rel.starts_with("private")
            || rel.ends_with("private-pack.pdf")
        {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(marker), "{} holds {marker}", rel.display());
    }
}

#[test]
fn a_mistake_in_a_meeting_file_never_publishes_its_private_paper() {
    // Each a readable file with an error that loses the private flag or the paper's path.
    let mistakes = [
        ("    private: true\n", "    privte: true\n"),
        ("    private: true\n", "    private: yes please\n"),
        ("\nitems:\n", "\nagenda:\n"),
        (
            "paper: resources/2026-05-19-cyber-exercise.md",
            "paper: resources/2026-05-19-cyber-exercize.md",
        ),
    ];
    for (from, to) in mistakes {
        let project = temp_project("meetings");
        let root = project.path();
        let file = root.join("meetings/resources-2026-05-19.yaml");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(from), "{from}");
        std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
        let (code, stdout, stderr) = build(root);
        assert_eq!(code, 1, "{to}: {stderr}");
        assert!(
            stderr.contains("warning[papers-withheld]"),
            "{to}: {stderr}"
        );
        // The summary says the run has errors besides the papers, and which are private.
        assert!(
            stdout.contains("about meetings, outputs and other files)"),
            "{to}: {stdout}"
        );
        assert!(
            stdout.contains("papers/resources/2026-05-19-cyber-exercise.md (private)"),
            "{to}: {stdout}"
        );
        let out = root.join("out");
        assert!(
            out.join("private/resources/2026-05-19-cyber-exercise.html")
                .is_file(),
            "{to}: built as private"
        );
        assert!(
            !out.join("resources/2026-05-19-cyber-exercise.pdf").exists(),
            "{to}"
        );
        // The paper's own words: in none of the public files.
        no_public_output_holds(&out, "ZEBRA-CANTICLE-SECRET");
        // The other meetings are untouched.
        assert!(
            out.join("resources/2026-02-10-treasury-strategy.pdf")
                .is_file(),
            "{to}"
        );
    }
}

/// The meetings fixture with its private item public, built, then the item taken in private
/// again: the project, its meeting file and the file's text with the item private.
fn built_with_the_private_item_public() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let project = temp_project("meetings");
    let file = project.path().join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let public = text
        .replace("    private: true\n", "")
        .replace("    exempt: Standing Orders section 20(d)\n", "");
    std::fs::write(&file, public).unwrap();
    assert_eq!(build(project.path()).0, 0);
    let pack = project
        .path()
        .join("out/meetings/2026-05-19-resources-committee/pack.pdf");
    assert!(pack.is_file());
    std::fs::write(&file, &text).unwrap();
    (project, file, text)
}

#[test]
fn a_pack_made_while_a_paper_was_public_goes_when_it_is_taken_in_private() {
    let dir = "out/meetings/2026-05-19-resources-committee";
    // An HTML-only build makes no pack: the old one, with the paper in it, is removed.
    let (project, _, _) = built_with_the_private_item_public();
    let root = project.path();
    let (code, stdout, stderr) = parts(&clerk(root, &["build", "--format", "html"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stderr.contains("warning[output-withdrawn]"), "{stderr}");
    // The meeting file has no error: the help does not send the secretary to mend it.
    assert!(
        !stderr.contains("once the meeting file has no error"),
        "{stderr}"
    );
    // The paper's public outputs are said to be removed as it is private now, not gone:
    // its HTML (removed as its private copy was written) and its PDF (not built this run).
    let removed = stdout
        .split("of papers now taken in private (their own are in out/private):\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        removed.starts_with(
            "  out/resources/2026-05-19-cyber-exercise.html\n  out/resources/2026-05-19-cyber-exercise.pdf\n"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("that are gone"), "{stdout}");
    assert!(!root.join(dir).join("pack.pdf").exists());
    assert!(
        !root.join(dir).join("agenda.pdf").exists(),
        "it listed the item as public"
    );
    assert!(!read(root, "out/manifest.json").contains("2026-05-19-resources-committee/pack.pdf"));
    assert!(
        root.join("out/meetings/2026-03-03-audit-committee/pack.pdf")
            .is_file()
    );

    // Taken in private with another mistake in the same edit: the meeting keeps its last
    // good page and agenda, but not the pack that holds the paper.
    let (project, file, text) = built_with_the_private_item_public();
    let root = project.path();
    std::fs::write(
        &file,
        text.replace(
            "  - number: \"5\"\n",
            "  - number: \"5\"\n    presentr: Chair\n",
        ),
    )
    .unwrap();
    let (code, _, stderr) = build(root);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("warning[output-withdrawn]"), "{stderr}");
    assert!(
        stderr.contains("once the meeting file has no error"),
        "{stderr}"
    );
    assert!(!root.join(dir).join("pack.pdf").exists());
    assert!(
        !root.join(dir).join("index.html").exists(),
        "it listed the paper as public"
    );
    assert!(
        !root
            .join("out/resources/2026-05-19-cyber-exercise.pdf")
            .exists()
    );

    // A full build makes the pack again, without the paper.
    std::fs::write(&file, &text).unwrap();
    assert_eq!(build(root).0, 0);
    assert!(root.join(dir).join("pack.pdf").is_file());
}

#[test]
fn a_packs_only_build_does_not_link_the_agenda_it_withdraws() {
    // The agenda the last build made lists the paper as public: a packs-only build does
    // not make it again, so it goes, and the meeting page it writes does not link it.
    let dir = "out/meetings/2026-05-19-resources-committee";
    let (project, _, _) = built_with_the_private_item_public();
    let root = project.path();
    assert!(read(root, &format!("{dir}/index.html")).contains("agenda.pdf"));
    let (code, stdout, stderr) = parts(&clerk(root, &["build", "--format", "pack"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!root.join(dir).join("agenda.pdf").exists());
    assert!(
        stderr.contains("warning[output-withdrawn]") && stderr.contains("agenda.pdf"),
        "{stderr}"
    );
    let page = read(root, &format!("{dir}/index.html"));
    assert!(
        !page.contains("agenda.pdf"),
        "a link to a file not there:\n{page}"
    );
    assert!(
        root.join(dir).join("pack.pdf").is_file(),
        "made afresh without it"
    );
}

#[test]
fn serve_write_removes_what_a_build_published_of_a_paper_now_private() {
    use crate::common::serve::Serve;
    let (project, _, _) = built_with_the_private_item_public();
    let root = project.path();
    let out = root.join("out");
    let pack = out.join("meetings/2026-05-19-resources-committee/pack.pdf");
    // The pack's bookmarks name its papers, as text: the build's names the paper.
    let names = |pdf: &Path| {
        String::from_utf8_lossy(&std::fs::read(pdf).unwrap()).contains("Cyber Resilience")
    };
    assert!(names(&pack), "the build published it in the pack");
    let _serve = Serve::start(root, &["--write"]);
    for gone in [
        "resources/2026-05-19-cyber-exercise.html",
        "resources/2026-05-19-cyber-exercise.pdf",
    ] {
        assert!(!out.join(gone).exists(), "{gone} is left public");
    }
    // The public pack is made afresh without it.
    assert!(pack.is_file() && !names(&pack), "the pack holds it still");
    assert!(
        out.join("private/resources/2026-05-19-cyber-exercise.html")
            .is_file()
    );
    assert!(
        out.join("resources/2026-05-19-minutes.pdf").is_file(),
        "the build's other outputs stay"
    );
    assert!(
        out.join("meetings/2026-05-19-resources-committee/supplementary-pack.pdf")
            .is_file(),
        "the late items' pack never held the paper"
    );
    // The manifest lists what the build wrote beside and is still there, and nothing gone.
    let manifest = read(root, "out/manifest.json");
    assert!(
        manifest.contains("\"meetings/2026-05-19-resources-committee/supplementary-pack.pdf\""),
        "{manifest}"
    );
    assert!(
        manifest.contains("\"resources/2026-05-19-minutes.pdf\""),
        "{manifest}"
    );
    assert!(
        manifest.contains("\"meetings/2026-03-03-audit-committee/pack.pdf\""),
        "{manifest}"
    );
    assert!(
        manifest.contains("2026-05-19-resources-committee/pack.pdf"),
        "{manifest}"
    );
    assert!(!manifest.contains("cyber-exercise"), "{manifest}");
}

#[test]
fn serve_write_withdraws_the_page_and_agenda_of_a_meeting_whose_file_breaks() {
    use crate::common::serve::{Serve, wait_for};
    use std::time::Duration;
    // Built with every item public; the file then gets a typo, which withholds its papers.
    let (project, file, text) = built_with_the_private_item_public();
    let root = project.path();
    let dir = root.join("out/meetings/2026-05-19-resources-committee");
    let public = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, &public).unwrap();
    assert_eq!(build(root).0, 0);
    assert!(dir.join("index.html").is_file() && dir.join("agenda.pdf").is_file());
    let broken = public.replacen("    paper:", "    papr:", 1);
    assert_ne!(broken, public);
    // At start: what the build published of the meeting goes.
    std::fs::write(&file, &broken).unwrap();
    let serve = Serve::start(root, &["--write"]);
    for name in ["index.html", "agenda.pdf", "pack.pdf"] {
        assert!(!dir.join(name).exists(), "{name} is left public at start");
    }
    // While serving: fixed, the meeting is published again; broken, withdrawn again.
    std::fs::write(&file, &text).unwrap();
    let back = wait_for(Duration::from_secs(20), || {
        dir.join("index.html").is_file().then_some(())
    });
    assert!(back.is_some(), "the fixed meeting's page is written");
    std::fs::write(&file, &broken).unwrap();
    let gone = wait_for(Duration::from_secs(20), || {
        (!dir.join("index.html").exists() && !dir.join("agenda.pdf").exists()).then_some(())
    });
    assert!(
        gone.is_some(),
        "page or agenda left public while the file is broken"
    );
    // The manifest written after lists neither.
    let listed = |m: &str| m.contains("2026-05-19-resources-committee/index.html");
    let manifest = wait_for(Duration::from_secs(20), || {
        let m = std::fs::read_to_string(root.join("out/manifest.json")).ok()?;
        (!listed(&m)).then_some(m)
    });
    assert!(manifest.is_some(), "the manifest still lists the page");
    drop(serve);
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
    let (code, _, stderr) = build(root);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("--> meetings/resources-2026-05-19.yaml:3:1"),
        "at the clash: {stderr}"
    );
    assert!(
        stderr.contains("already has a meeting file, meetings/a-draft.yaml"),
        "{stderr}"
    );
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
fn the_build_cache_forgets_a_paper_taken_in_private_even_when_it_fails() {
    let (project, _, _) = built_with_the_private_item_public();
    let root = project.path();
    let cache = root.join("out/.clerk-cache");
    let held = || String::from_utf8_lossy(&std::fs::read(&cache).unwrap()).contains("Alan Speirs");
    assert!(held(), "remembered while public");
    let paper = root.join("papers/resources/2026-05-19-cyber-exercise.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    std::fs::write(&paper, text.replacen("title: ", "title: [", 1)).unwrap();
    assert_eq!(build(root).0, 1);
    assert!(
        !held(),
        "the public cache still holds the private paper's metadata"
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
        stderr.contains("unknown key `commitee`\n --> meetings/resources-2026-05-19.yaml:1:1\n"),
        "{stderr}"
    );
}

#[test]
fn a_meeting_file_that_cannot_be_read_takes_its_published_pack_with_it() {
    let dir = "out/meetings/2026-05-19-resources-committee";
    // YAML that does not parse (a tab), and a file that is not UTF-8: no meeting can be
    // assembled from either, so the folder is found by the paper's own metadata.
    let breaks: [fn(&str) -> Vec<u8>; 2] = [
        |t| t.replacen("\nitems:", "\n\titems:", 1).into_bytes(),
        |t| {
            t.replacen("Committee Room 1", "Caf\u{e9}", 1)
                .replace('\u{e9}', "\u{1}")
                .into_bytes()
        },
    ];
    for (k, broken) in breaks.iter().enumerate() {
        let (project, file, text) = built_with_the_private_item_public();
        let root = project.path();
        let mut bytes = broken(&text);
        if k == 1 {
            // Latin-1 é where the text had a placeholder byte.
            let at = bytes.iter().position(|b| *b == 1).unwrap();
            bytes[at] = 0xE9;
        }
        std::fs::write(&file, bytes).unwrap();
        let (code, _, stderr) = build(root);
        assert_eq!(code, 1, "{k}: {stderr}");
        assert!(!root.join(dir).join("pack.pdf").exists(), "{k}: {stderr}");
        assert!(
            !root
                .join("out/resources/2026-05-19-cyber-exercise.pdf")
                .exists(),
            "{k}"
        );
        no_public_output_holds(&root.join("out"), "ZEBRA-CANTICLE-SECRET");
    }
}

#[test]
fn a_meeting_file_without_a_readable_date_still_withholds_the_papers_it_names() {
    let project = temp_project("meetings");
    let root = project.path();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text
        .replacen("date: 2026-05-19", "date: 2026-05-32", 1)
        .replacen("    private: true\n", "    privte: true\n", 1);
    std::fs::write(&file, text).unwrap();
    let (code, _, stderr) = build(root);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        !root
            .join("out/resources/2026-05-19-cyber-exercise.html")
            .exists(),
        "{stderr}"
    );
    no_public_output_holds(&root.join("out"), "ZEBRA-CANTICLE-SECRET");
    // Nor does it make a public meeting of its own from its metadata.
    assert!(
        !root
            .join("out/meetings/2026-05-19-resources-committee")
            .exists()
    );
}

#[test]
fn serve_write_keeps_a_private_paper_out_of_every_public_output() {
    use crate::common::serve::Serve;
    let project = temp_project("meetings");
    let root = project.path();
    let out = root.join("out");
    // A public copy an earlier preview left, before the paper was taken in private.
    let public_copy = out.join("resources/2026-05-19-cyber-exercise.html");
    std::fs::create_dir_all(public_copy.parent().unwrap()).unwrap();
    std::fs::write(&public_copy, "the paper, in public").unwrap();
    let _serve = Serve::start(root, &["--write"]);

    assert!(!public_copy.exists(), "the public copy is removed");
    let private =
        std::fs::read_to_string(out.join("private/resources/2026-05-19-cyber-exercise.html"))
            .unwrap_or_default();
    assert!(
        private.contains("marking-top\">PRIVATE – OFFICIAL-SENSITIVE"),
        "{private}"
    );
    // The public index and meeting page name the item, as a build's do, and link no copy.
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("Cyber Resilience Exercise"), "{index}");
    assert!(!index.contains("cyber-exercise"), "{index}");
    let page =
        std::fs::read_to_string(out.join("meetings/2026-05-19-resources-committee/index.html"))
            .unwrap();
    assert!(!page.contains("cyber-exercise"), "{page}");
    assert!(page.contains("Budget Monitoring"), "{page}");

    // The public manifest: the paper by title and ground only; the meetings and calendar
    // that were written, with their checksums.
    let read = |p: &Path| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
    };
    let public = read(&out.join("manifest.json"));
    let text = public.to_string();
    assert!(!text.contains("cyber-exercise"), "{text}");
    assert_eq!(
        public["private_papers"][0]["exempt"], "Standing Orders section 20(d)",
        "{text}"
    );
    assert!(public["papers"].as_array().unwrap().len() >= 4, "{text}");
    let meeting = public["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["date"] == "2026-05-19")
        .unwrap_or_else(|| panic!("the meeting is listed: {text}"));
    let paths: Vec<&str> = meeting["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "meetings/2026-05-19-resources-committee/agenda.pdf",
            "meetings/2026-05-19-resources-committee/index.html",
            "meetings/2026-05-19-resources-committee/pack.pdf",
            "meetings/2026-05-19-resources-committee/supplementary-pack.pdf"
        ]
    );
    // The private pack beside them, where a build puts it, listed in the private manifest.
    let private_pack = "meetings/2026-05-19-resources-committee/private-pack.pdf";
    assert!(out.join(private_pack).is_file());
    assert!(
        read(&out.join("private/manifest.json"))
            .to_string()
            .contains(private_pack)
    );
    let ics = std::fs::read(out.join("meetings.ics")).unwrap();
    assert_eq!(public["calendar"]["size"], ics.len(), "{text}");
    // Its full entry is in the private manifest, with where its page is.
    let private = read(&out.join("private/manifest.json"));
    assert_eq!(
        private["papers"][0]["outputs"][0]["path"],
        "private/resources/2026-05-19-cyber-exercise.html"
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

#[test]
#[ignore = "needs poppler-utils"]
fn every_page_of_a_private_papers_pdf_is_marked_private_top_and_foot() {
    let project = temp_project("meetings");
    let root = project.path();
    assert_eq!(build(root).0, 0);
    let pdf = root.join("out/private/resources/2026-05-19-cyber-exercise.pdf");
    let pdf = pdf.to_str().unwrap();
    let info = run_tool("pdfinfo", &[pdf]);
    let n: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(n >= 1);
    for p in 1..=n {
        let ps = p.to_string();
        let text = run_tool("pdftotext", &["-layout", "-f", &ps, "-l", &ps, pdf, "-"]);
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let mark = "PRIVATE – OFFICIAL-SENSITIVE";
        assert_eq!(lines.first(), Some(&mark), "page {p}: {text}");
        assert_eq!(lines.last(), Some(&mark), "page {p}: {text}");
    }
}

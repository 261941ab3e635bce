//! `clerk serve`'s URLs as a reader's browser or `curl` uses them: a folder with or
//! without its slash, a file name with a `:` in it, and an output that cannot be built.

use crate::common::serve::Serve;
use crate::common::*;

const MEETING: &str = "/meetings/2026-05-19-resources-committee";

#[test]
fn a_meeting_folder_is_its_page_and_without_its_slash_is_sent_there() {
    let dir = temp_project("meetings");
    let serve = Serve::start(dir.path(), &[]);
    let page = serve.get(&format!("{MEETING}/index.html"));
    assert_eq!(page.status, 200, "{}", page.body);
    let folder = serve.get(&format!("{MEETING}/"));
    assert_eq!(folder.status, 200, "{}", folder.body);
    assert!(folder.body.contains("agenda.pdf"), "{}", folder.body);
    let bare = serve.get(MEETING);
    assert_eq!(bare.status, 301, "{}", bare.body);
    let location = bare.headers.iter().find(|(k, _)| k == "location");
    assert_eq!(
        location.map(|(_, v)| v.as_str()),
        Some(&*format!("{MEETING}/"))
    );
    // Its query goes along: `?last-good` still asks for the last good version.
    let asked = serve.get(&format!("{MEETING}?last-good"));
    assert_eq!(asked.status, 301, "{}", asked.body);
    let location = asked.headers.iter().find(|(k, _)| k == "location");
    assert_eq!(
        location.map(|(_, v)| v.as_str()),
        Some(&*format!("{MEETING}/?last-good"))
    );
    assert_eq!(serve.get("/meetings/no-such-meeting/").status, 404);
}

/// A folder whose paper is its `index.md` is sent to its slash too, as README promises of
/// every folder (only a meeting's was).
#[test]
fn a_papers_folder_without_its_slash_is_sent_there() {
    let dir = temp_project("repo");
    let root = dir.path();
    let seed = root.join("papers/policing-performance/2021-09-01-hmics-progress-review.md");
    std::fs::create_dir_all(root.join("papers/sub")).unwrap();
    std::fs::copy(seed, root.join("papers/sub/index.md")).unwrap();
    let serve = Serve::start(root, &[]);
    assert_eq!(serve.get("/sub/").status, 200);
    let bare = serve.get("/sub");
    assert_eq!(bare.status, 301, "{}", bare.body);
    let location = bare.headers.iter().find(|(k, _)| k == "location");
    assert_eq!(location.map(|(_, v)| v.as_str()), Some("/sub/"));
    assert_eq!(serve.get("/nosuch").status, 404);
}

#[cfg(unix)]
#[test]
fn a_paper_with_a_colon_in_its_name_opens_from_the_index() {
    let dir = temp_project("repo");
    let root = dir.path();
    let seed = root.join("papers/policing-performance/2021-09-01-hmics-progress-review.md");
    let text = std::fs::read_to_string(&seed)
        .unwrap()
        .replace("agenda_item: \"4.2\"", "agenda_item: \"4.9\"");
    std::fs::create_dir_all(root.join("papers/odd")).unwrap();
    std::fs::write(root.join("papers/odd/colon:50%.md"), text).unwrap();
    let serve = Serve::start(root, &[]);
    let index = serve.get("/");
    let href = "odd/colon%3A50%25.html";
    assert!(index.body.contains(href), "{}", index.body);
    let page = serve.get(&format!("/{href}"));
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("<h1"), "{}", page.body);
}

#[test]
fn a_pdf_that_cannot_be_built_is_not_answered_as_one() {
    let dir = temp_project("repo");
    let root = dir.path();
    let paper = "papers/policing-performance/2021-09-01-hmics-progress-review.md";
    let text = std::fs::read_to_string(root.join(paper)).unwrap();
    std::fs::write(
        root.join(paper),
        text.replacen("date: 2021-09-01", "date: 2021-02-30", 1),
    )
    .unwrap();
    let serve = Serve::start(root, &[]);
    let pdf = serve.get("/policing-performance/2021-09-01-hmics-progress-review.pdf");
    assert_eq!(pdf.status, 500, "{}", pdf.body);
    let kind = pdf.headers.iter().find(|(k, _)| k == "content-type");
    assert!(
        kind.is_some_and(|(_, v)| v.starts_with("text/html")),
        "{:?}",
        pdf.headers
    );
    assert!(
        pdf.body.contains("bad-date"),
        "the errors are shown: {}",
        pdf.body
    );
    // The page itself is still the page with its errors over it.
    let html = serve.get("/policing-performance/2021-09-01-hmics-progress-review.html");
    assert_eq!(html.status, 200);
}

#[test]
fn a_meeting_page_whose_file_breaks_keeps_its_last_good_version_a_click_away() {
    use crate::common::serve::wait_for;
    use std::time::Duration;
    let dir = temp_project("meetings");
    let root = dir.path();
    let serve = Serve::start(root, &[]);
    let page = format!("{MEETING}/index.html");
    assert_eq!(serve.get(&page).status, 200);
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("    paper:", "    papr:", 1)).unwrap();
    let broken = wait_for(Duration::from_secs(20), || {
        let r = serve.get(&page);
        r.body.contains("clerk-overlay").then_some(r)
    })
    .expect("the errors are shown over the page");
    assert!(
        broken.body.contains(&format!("{page}?last-good")),
        "{}",
        broken.body
    );
    assert!(!broken.body.contains("There is no good version"));
    let last = serve.get(&format!("{page}?last-good"));
    assert!(last.body.contains("clerk-banner"), "{}", last.body);
    assert!(!last.body.contains("clerk-overlay\""), "{}", last.body);
}

#[test]
fn a_meeting_files_problems_are_shown_where_they_belong_not_on_every_paper() {
    use crate::common::serve::wait_for;
    use std::time::Duration;
    let dir = temp_project("meetings");
    let root = dir.path();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("    paper:", "    papr:", 1)).unwrap();
    // Another committee's paper has no agenda item: a warning about that paper.
    let audit = root.join("papers/audit/2026-03-03-internal-audit-plan.md");
    let paper = std::fs::read_to_string(&audit).unwrap();
    let no_item: String = paper
        .lines()
        .filter(|l| !l.starts_with("agenda_item:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(no_item, paper);
    std::fs::write(&audit, no_item).unwrap();
    let serve = Serve::start(root, &[]);
    let ready = wait_for(Duration::from_secs(20), || {
        let r = serve.get("/");
        (r.status == 200).then_some(r)
    })
    .unwrap();
    // The index and the meeting's page show the meeting file's error; the index's panel
    // counts the warning about the audit paper as that paper's.
    assert!(ready.body.contains("clerk-overlay"), "{}", ready.body);
    assert!(ready.body.contains("1 with warnings"), "{}", ready.body);
    let meeting = serve.get(&format!("{MEETING}/index.html"));
    assert!(meeting.body.contains("clerk-overlay"), "{}", meeting.body);
    // The other committee's paper does not, but shows the warning about it.
    let other = serve.get("/audit/2026-03-03-internal-audit-plan.html");
    assert!(
        !other.body.contains("id=\"clerk-overlay\""),
        "{}",
        other.body
    );
    assert!(other.body.contains("no-agenda-item"), "{}", other.body);
    // And a paper about which nothing was said shows neither.
    let treasury = serve.get("/resources/2026-02-10-treasury-strategy.html");
    assert!(!treasury.body.contains("id=\"clerk-overlay\""));
    assert!(
        !treasury.body.contains("no-agenda-item"),
        "{}",
        treasury.body
    );
}

/// `--open` says so when the desktop's opener fails (no desktop, no browser), as it does
/// when the opener cannot start: the secretary is told to open the address.
#[cfg(unix)]
#[test]
fn open_says_so_when_the_browser_cannot_be_opened() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_project("repo");
    let bin = tempfile::tempdir().unwrap();
    let opener = bin.path().join("xdg-open");
    std::fs::write(&opener, "#!/bin/sh\nexit 3\n").unwrap();
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let serve = Serve::start_with(dir.path(), &["--open"], &[("PATH", &path)]);
    let said = crate::common::serve::wait_for(std::time::Duration::from_secs(10), || {
        serve
            .stderr()
            .into_iter()
            .find(|l| l.contains("cannot open a browser"))
    });
    let said = said.expect("a warning");
    assert!(
        said.contains("xdg-open failed") && said.contains("open http://"),
        "{said}"
    );
}

/// A meeting file's error is shown over its own meeting's page (and the index), not over
/// every meeting's: another meeting's page said "1 error – the preview is not up to date".
#[test]
fn a_meeting_files_error_shows_on_its_meeting_not_on_another() {
    let dir = temp_project("meetings");
    let file = dir.path().join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("private: true", "privat: true", 1)).unwrap();
    let serve = Serve::start(dir.path(), &[]);
    let own = serve.get(&format!("{MEETING}/"));
    assert!(own.body.contains("id=\"clerk-overlay\""), "{}", own.body);
    // The key as the error quotes it (the stylesheet has `.private-items`).
    assert!(own.body.contains("`privat`"), "{}", own.body);
    let other = serve.get("/meetings/2026-03-03-audit-committee/");
    assert_eq!(other.status, 200);
    assert!(
        !other.body.contains("id=\"clerk-overlay\""),
        "{}",
        other.body
    );
    assert!(!other.body.contains("`privat`"), "{}", other.body);
    assert!(
        serve.get("/").body.contains("`privat`"),
        "the index says it"
    );
}

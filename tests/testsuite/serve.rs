//! `clerk serve` end to end: the real binary on a free loopback port in a temporary copy of
//! the example papers, spoken to over plain TCP. Every wait is bounded; the server is killed
//! when each test ends.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::serve::{Serve, wait_for};
use crate::common::*;

const REVIEW: &str = "policing-performance/2021-09-01-hmics-progress-review";
const ESTATES: &str = "resources/2022-03-15-estates-strategy";
const SOON: Duration = Duration::from_secs(10);

fn project() -> tempfile::TempDir {
    temp_project("repo")
}

fn edit(root: &Path, paper: &str, from: &str, to: &str) {
    let path = root.join("papers").join(format!("{paper}.md"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn serves_the_index_and_papers_and_reloads_a_paper_when_it_is_saved() {
    let dir = project();
    let serve = Serve::start(dir.path(), &[]);
    assert_eq!(
        serve.addr.ip().to_string(),
        "127.0.0.1",
        "loopback by default"
    );
    assert!(
        serve.stderr().is_empty(),
        "no warning on loopback: {:?}",
        serve.stderr()
    );
    assert!(
        serve.stdout()[0].starts_with("built 3 papers in "),
        "{:?}",
        serve.stdout()
    );

    let index = serve.get("/");
    assert_eq!(index.status, 200);
    assert_eq!(
        index.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(index.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(index.header("cache-control"), Some("no-store"));
    assert!(index.body.contains(&format!("href=\"{REVIEW}.html\"")));
    assert!(index.body.contains("Preview of 3 papers: 3 ok"));
    assert_eq!(serve.get("/index.html").body, index.body);

    let page = serve.get(&format!("/{ESTATES}.html"));
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("DRAFT"),
        "papers without a status are drafts in the preview"
    );
    let script = page
        .body
        .find("id=\"clerk-live-reload\"")
        .expect("reload script added");
    assert!(script < page.body.rfind("</body>").unwrap());
    assert!(
        !dir.path().join("out").exists(),
        "nothing written without --write"
    );

    let mut events = serve.events();
    edit(dir.path(), ESTATES, "title: ", "title: Revised ");
    // How soon is for the benches (`serve_latency`); here, only that it comes.
    let data = events.next_reload(SOON).expect("a reload event");
    assert!(data.contains(&format!("\"/{ESTATES}.html\"")), "{data}");
    assert!(data.contains("\"/index.html\""), "{data}");
    assert!(
        serve
            .get(&format!("/{ESTATES}.html"))
            .body
            .contains("Revised ")
    );
    let lines = wait_for(SOON, || Some(serve.rebuilds()).filter(|l| !l.is_empty())).unwrap();
    assert!(
        lines[0].starts_with(&format!("papers/{ESTATES}.md changed: rebuilt 1 paper in ")),
        "{lines:?}"
    );
    assert!(lines[0].ends_with(": ok"), "{lines:?}");
}

#[test]
fn a_page_served_before_a_change_reloads_even_if_its_stream_opens_after() {
    let dir = project();
    let serve = Serve::start(dir.path(), &[]);
    let page = serve.get(&format!("/{ESTATES}.html")).body;
    let since = page
        .split("?since=")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .unwrap();
    edit(dir.path(), ESTATES, "title: ", "title: Revised ");
    wait_for(SOON, || serve.rebuilds().first().cloned()).expect("a rebuild");
    let mut late = serve.events_at(&format!("/__clerk/events?since={since}"));
    assert_eq!(late.next_reload(SOON).as_deref(), Some("[\"*\"]"));
    let mut current = serve.events_at("/__clerk/events?since=none-0");
    assert_eq!(
        current.next_reload(SOON).as_deref(),
        Some("[\"*\"]"),
        "an unknown id reloads"
    );
}

#[test]
fn refuses_paths_out_of_the_tree_methods_other_than_get_and_head_and_symlinks_out() {
    let dir = project();
    let outside = tempfile::tempdir().unwrap();
    let secret = std::fs::read_to_string(dir.path().join(format!("papers/{ESTATES}.md")))
        .unwrap()
        .replace("title: ", "title: SECRET OUTSIDE ");
    std::fs::write(outside.path().join("secret.md"), &secret).unwrap();
    #[cfg(unix)]
    {
        let papers = dir.path().join("papers");
        std::os::unix::fs::symlink(outside.path().join("secret.md"), papers.join("link.md"))
            .unwrap();
        std::os::unix::fs::symlink(outside.path(), papers.join("linked-folder")).unwrap();
    }
    let serve = Serve::start(dir.path(), &[]);
    for target in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..\\Cargo.toml",
        "/%5c..%5cCargo.toml",
        "//etc/passwd",
        "/C:/Windows/win.ini",
        "/./index.html",
        "/link.html",
        "/linked-folder/secret.html",
        &format!("/{ESTATES}.md"),
        "/manifest.json",
        "/__clerk/other",
        "/nothing.html",
    ] {
        let reply = serve.get(target);
        assert_eq!(reply.status, 404, "{target}");
        assert!(
            !reply.body.contains("SECRET") && !reply.body.contains("[package]"),
            "{target}"
        );
        assert_eq!(
            reply.header("x-content-type-options"),
            Some("nosniff"),
            "{target}"
        );
    }
    assert!(
        !serve.get("/").body.contains("SECRET"),
        "a symlink out is not a paper"
    );

    for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
        let reply = serve.request(method, "/");
        assert_eq!(reply.status, 405, "{method}");
        assert_eq!(reply.header("allow"), Some("GET, HEAD"), "{method}");
    }
    let head = serve.request("HEAD", &format!("/{REVIEW}.html"));
    let get = serve.get(&format!("/{REVIEW}.html"));
    assert_eq!(head.status, 200);
    assert_eq!(head.body, "", "HEAD has no body");
    assert_eq!(
        head.header("content-length"),
        Some(get.body.len().to_string().as_str())
    );
    assert_eq!(
        head.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let events = serve.request("HEAD", "/__clerk/events");
    assert_eq!(events.header("content-type"), Some("text/event-stream"));
}

#[test]
fn a_broken_paper_shows_every_diagnostic_with_the_last_good_render_one_click_away() {
    let dir = project();
    let serve = Serve::start(dir.path(), &[]);
    let page = format!("/{ESTATES}.html");
    let mut events = serve.events();
    edit(dir.path(), ESTATES, "date: 2022-03-15", "date: 2022-02-30");
    let data = events.next_reload(SOON).expect("a reload event");
    assert!(data.contains(&page), "{data}");

    let broken = serve.get(&page);
    assert_eq!(broken.status, 200);
    let text = html_text(&broken.body);
    assert!(
        text.contains("1 error – the preview is not up to date"),
        "{text}"
    );
    assert!(text.contains(&format!("papers/{ESTATES}.md:3:7")), "{text}");
    assert!(text.contains("is not a real date"), "{text}");
    assert!(text.contains("help:"), "{text}");
    assert!(broken.body.contains("2 | meeting:"), "the lines around it");
    assert!(broken.body.contains("3 | date: 2022-02-30"));
    assert!(broken.body.contains("5 | agenda_item:"));
    assert!(!broken.body.contains("6 | title:"), "two lines either side");
    assert!(broken.body.contains(&format!("href=\"{page}?last-good\"")));
    assert!(
        broken.body.contains("Estates Strategy"),
        "the last good render is under it"
    );

    let last_good = serve.get(&format!("{page}?last-good"));
    assert!(!last_good.body.contains("id=\"clerk-overlay\""));
    assert!(last_good.body.contains("This is the last good version"));
    let index = serve.get("/");
    assert!(
        index.body.contains("1 with errors"),
        "the index shows the paper's state"
    );
    let lines = wait_for(SOON, || Some(serve.rebuilds()).filter(|l| !l.is_empty())).unwrap();
    assert!(lines[0].ends_with(": 1 error"), "{lines:?}");
    // The next lines say what the error is and where, as a compiler prints it.
    let out = serve.stdout();
    let at = out.iter().position(|l| l == &lines[0]).unwrap();
    assert!(out[at + 1].starts_with("  error: "), "{out:?}");
    assert!(
        out[at + 2].starts_with("   --> papers/resources/2022-03-15-estates-strategy.md:3:"),
        "{out:?}"
    );

    edit(dir.path(), ESTATES, "date: 2022-02-30", "date: 2022-03-15");
    events.next_reload(SOON).expect("a reload when fixed");
    assert!(!serve.get(&page).body.contains("id=\"clerk-overlay\""));
}

#[test]
fn a_burst_of_fifty_saves_in_a_second_is_one_or_two_rebuilds() {
    for attempt in 1..=3 {
        let dir = project();
        let serve = Serve::start(dir.path(), &[]);
        let path = dir.path().join(format!("papers/{ESTATES}.md"));
        let text = std::fs::read_to_string(&path).unwrap();
        let started = Instant::now();
        for i in 0..50 {
            let saved = text.replacen("title: ", &format!("title: Save {i} "), 1);
            std::fs::write(&path, saved).unwrap();
            std::thread::sleep(Duration::from_millis(20));
        }
        let took = started.elapsed();
        let page = format!("/{ESTATES}.html");
        let last = wait_for(SOON, || {
            Some(()).filter(|_| serve.get(&page).body.contains("Save 49 "))
        });
        assert!(last.is_some(), "the last save is shown");
        std::thread::sleep(Duration::from_millis(600));
        let rebuilds = serve.rebuilds();
        if took > Duration::from_millis(2500) && attempt < 3 {
            eprintln!("the machine is too busy (50 saves took {took:?}): once more");
            continue;
        }
        assert!((1..=2).contains(&rebuilds.len()), "{took:?} {rebuilds:#?}");
        return;
    }
}

#[test]
fn deleting_or_renaming_a_paper_updates_the_index() {
    let dir = project();
    let serve = Serve::start(dir.path(), &[]);
    let mut events = serve.events();
    let papers = dir.path().join("papers");
    std::fs::rename(
        papers.join(format!("{ESTATES}.md")),
        papers.join("resources/renamed.md"),
    )
    .unwrap();
    let data = events.next_reload(SOON).expect("a reload event");
    assert!(data.contains("/index.html"), "{data}");
    let index = serve.get("/").body;
    assert!(index.contains("href=\"resources/renamed.html\""));
    assert!(!index.contains(&format!("{ESTATES}.html")));
    assert_eq!(serve.get(&format!("/{ESTATES}.html")).status, 404);
    assert_eq!(serve.get("/resources/renamed.html").status, 200);

    std::fs::remove_file(papers.join(format!("{REVIEW}.md"))).unwrap();
    events.next_reload(SOON).expect("a reload event");
    assert!(!serve.get("/").body.contains(&format!("{REVIEW}.html")));
}

/// A project's `clerk.yaml` deleted while the preview runs: every page says its house style
/// is gone (the preview falls back on the default), until the file is back.
#[test]
fn a_house_style_deleted_while_serving_is_said_on_every_page_until_it_is_back() {
    let dir = temp_project("council");
    let serve = Serve::start(dir.path(), &[]);
    let mut events = serve.events();
    let yaml = dir.path().join("clerk.yaml");
    let house = std::fs::read_to_string(&yaml).unwrap();
    std::fs::remove_file(&yaml).unwrap();
    events.next_reload(SOON).expect("a reload");
    let index = html_text(&serve.get("/").body);
    assert!(index.contains("clerk.yaml is gone"), "{index}");
    assert!(index.contains("house-style-gone"), "{index}");
    let page = html_text(&serve.get("/2024-06-12-parking-charges.html").body);
    assert!(page.contains("clerk.yaml is gone"), "{page}");
    std::fs::write(&yaml, house).unwrap();
    events.next_reload(SOON).expect("a reload when it is back");
    assert!(!html_text(&serve.get("/").body).contains("clerk.yaml is gone"));
}

#[test]
fn a_broken_house_style_or_template_is_shown_and_the_server_recovers() {
    let dir = project();
    let serve = Serve::start(dir.path(), &[]);
    let mut events = serve.events();
    std::fs::write(dir.path().join("clerk.yaml"), "heading_cse: upper\n").unwrap();
    assert_eq!(events.next_reload(SOON).as_deref(), Some("[\"*\"]"));
    let index = serve.get("/");
    assert!(index.body.contains("id=\"clerk-overlay\""));
    assert!(
        html_text(&index.body).contains("clerk.yaml:1:1"),
        "{}",
        html_text(&index.body)
    );
    assert!(
        serve
            .get(&format!("/{REVIEW}.html"))
            .body
            .contains("id=\"clerk-overlay\"")
    );
    // Its PDF is not made with the house style as it was: the errors, status 500.
    let pdf = serve.get(&format!("/{REVIEW}.pdf"));
    assert_eq!(pdf.status, 500, "{}", pdf.body);
    assert!(pdf.body.contains("clerk.yaml:1:1"), "{}", pdf.body);

    std::fs::write(dir.path().join("clerk.yaml"), "heading_case: title\n").unwrap();
    events.next_reload(SOON).expect("a reload when fixed");
    assert!(!serve.get("/").body.contains("id=\"clerk-overlay\""));
    assert_eq!(serve.get(&format!("/{REVIEW}.pdf")).status, 200);

    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("paper.html"), "<body>{% if %}</body>").unwrap();
    events
        .next_reload(SOON)
        .expect("a reload for the broken template");
    let page = serve.get(&format!("/{REVIEW}.html"));
    assert!(
        html_text(&page.body).contains("templates/paper.html:1:"),
        "{}",
        page.body
    );
    std::fs::write(
        templates.join("paper.html"),
        "<body><h1>{{ meta.title }}</h1></body>",
    )
    .unwrap();
    events.next_reload(SOON).expect("a reload when fixed");
    let page = serve.get(&format!("/{REVIEW}.html"));
    assert!(page.body.starts_with("<body><h1>HMICS"), "{}", page.body);
}

#[test]
fn starts_with_a_broken_template_and_recovers_when_it_is_fixed() {
    let dir = project();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("index.html"), "<body>{{ oops </body>").unwrap();
    let serve = Serve::start(dir.path(), &[]);
    assert!(
        serve.stdout()[0].contains("1 error"),
        "{:?}",
        serve.stdout()
    );
    for target in ["/".to_string(), format!("/{ESTATES}.html")] {
        let reply = serve.get(&target);
        assert_eq!(reply.status, 200, "{target}");
        let text = html_text(&reply.body);
        assert!(text.contains("templates/index.html:1:"), "{target}: {text}");
        assert!(
            text.contains("There is no good version of this page yet"),
            "{target}"
        );
    }
    let mut events = serve.events();
    std::fs::write(templates.join("index.html"), "<body><h1>Papers</h1></body>").unwrap();
    assert_eq!(events.next_reload(SOON).as_deref(), Some("[\"*\"]"));
    assert!(serve.get("/").body.contains("<h1>Papers</h1>"));
    assert!(
        serve
            .get(&format!("/{ESTATES}.html"))
            .body
            .contains("Estates Strategy")
    );
}

/// `--write` writes the public's index as `clerk build` does: a paper's warnings stay on
/// the preview's index, for the secretariat, and off the one written.
#[test]
fn write_leaves_warnings_off_the_written_index() {
    let dir = project();
    edit(
        dir.path(),
        ESTATES,
        "recommendation: For Decision",
        "recommendation: To approve",
    );
    let serve = Serve::start(dir.path(), &["--write"]);
    let preview = serve.get("/");
    assert!(
        preview.body.contains("1 warning</span>"),
        "{}",
        preview.body
    );
    let written = std::fs::read_to_string(dir.path().join("out/index.html")).unwrap();
    assert!(written.contains("Estates"), "{written}");
    assert!(!written.contains("class=\"warnings\""), "{written}");
}

#[test]
fn write_also_writes_the_output_folder_without_the_reload_script() {
    let dir = project();
    let serve = Serve::start(dir.path(), &["--write"]);
    let out = dir.path().join("out");
    for f in [
        format!("{ESTATES}.html"),
        "index.html".into(),
        "manifest.json".into(),
    ] {
        let text = std::fs::read_to_string(out.join(&f)).unwrap_or_default();
        assert!(!text.is_empty(), "{f}");
        assert!(
            !text.contains("clerk-live-reload") && !text.contains("clerk-overlay"),
            "{f}"
        );
    }
    let mut events = serve.events();
    edit(dir.path(), ESTATES, "title: ", "title: Revised ");
    events.next_reload(SOON).expect("a reload event");
    let written = wait_for(SOON, || {
        let text = std::fs::read_to_string(out.join(format!("{ESTATES}.html"))).ok()?;
        text.contains("Revised ").then_some(text)
    });
    assert!(written.is_some(), "the edit is written too");
    assert!(
        serve.rebuilds().len() <= 1,
        "writing to out/ does not trigger a rebuild"
    );
}

/// Every link of the pages `--write` writes leads to a file it wrote (or an earlier build
/// left): the papers' PDFs and the meetings' packs are written too, and written again when
/// their paper changes. (The pages linked PDFs and packs that were never written.)
#[test]
fn write_writes_every_pdf_and_pack_its_pages_link() {
    let project = temp_project("meetings");
    let root = project.path();
    let serve = Serve::start(root, &["--write"]);
    let out = root.join("out");
    let broken = |out: &Path| -> Vec<String> {
        let mut broken = Vec::new();
        for entry in walkdir::WalkDir::new(out) {
            let entry = entry.unwrap();
            let page = entry.path();
            if page.extension().is_none_or(|e| e != "html") {
                continue;
            }
            let text = std::fs::read_to_string(page).unwrap();
            for href in text
                .split("href=\"")
                .skip(1)
                .filter_map(|s| s.split('"').next())
            {
                let file = href.split(['#', '?']).next().unwrap_or("");
                if file.is_empty()
                    || file.contains(':')
                    || !file.ends_with(".pdf") && !file.ends_with(".html")
                {
                    continue;
                }
                if !page.parent().unwrap().join(file).is_file() {
                    broken.push(format!("{} -> {href}", page.display()));
                }
            }
        }
        broken
    };
    assert_eq!(broken(&out), Vec::<String>::new());
    let pack = out.join("meetings/2026-05-19-resources-committee/pack.pdf");
    let paper = out.join("resources/2026-05-19-budget-monitoring.pdf");
    let (pack_before, paper_before) = (
        std::fs::read(&pack).unwrap(),
        std::fs::read(&paper).unwrap(),
    );
    let mut events = serve.events();
    let source = root.join("papers/resources/2026-05-19-budget-monitoring.md");
    let text = std::fs::read_to_string(&source).unwrap();
    std::fs::write(&source, format!("{text}\nA sentence added in review.\n")).unwrap();
    events.next_reload(SOON).expect("a reload event");
    let rewritten = wait_for(SOON, || {
        let (a, b) = (std::fs::read(&pack).ok()?, std::fs::read(&paper).ok()?);
        (a != pack_before && b != paper_before).then_some(())
    });
    assert!(
        rewritten.is_some(),
        "the paper's PDF and its pack are written again"
    );
    // Written last, once the rest is.
    let manifest = wait_for(SOON, || {
        std::fs::read_to_string(out.join("manifest.json")).ok()
    });
    let manifest = manifest.expect("the manifest is written again");
    for listed in [
        "2026-05-19-budget-monitoring.pdf",
        "2026-05-19-resources-committee/pack.pdf",
    ] {
        assert!(manifest.contains(listed), "{listed}");
    }
}

#[test]
fn write_to_an_output_folder_it_cannot_use_says_so_once_and_again_when_fixed() {
    let dir = project();
    // A file where the output folder should be stops writes as root too.
    let afile = dir.path().join("afile");
    std::fs::write(&afile, "not a folder").unwrap();
    let serve = Serve::start(dir.path(), &["--write", "--out", "afile"]);
    let errors = || {
        serve
            .stderr()
            .iter()
            .filter(|l| l.starts_with("error[output-not-a-folder]"))
            .count()
    };
    // Its stderr is read on a thread of its own, which may lag the `Serving` line.
    wait_for(SOON, || (errors() >= 1).then_some(()));
    assert_eq!(errors(), 1, "{:?}", serve.stderr());
    let mut events = serve.events();
    for rebuilt in 1..=2 {
        edit(dir.path(), ESTATES, "title: ", "title: Revised ");
        events.next_reload(SOON).expect("a reload event");
        wait_for(SOON, || (serve.rebuilds().len() >= rebuilt).then_some(()));
    }
    std::fs::remove_file(&afile).unwrap();
    edit(dir.path(), ESTATES, "title: ", "title: Revised ");
    let fixed = wait_for(SOON, || {
        serve
            .stdout()
            .into_iter()
            .find(|l| l.contains("can be written in again"))
    });
    assert_eq!(
        fixed.as_deref(),
        Some("afile/ can be written in again: the preview's pages are written there."),
        "{:?}",
        serve.stdout()
    );
    assert_eq!(
        errors(),
        1,
        "said once, not at each rebuild: {:?}",
        serve.stderr()
    );
    let index = wait_for(SOON, || afile.join("index.html").is_file().then_some(()));
    assert!(index.is_some(), "all written once fixed");
    assert!(
        afile.join(format!("{REVIEW}.html")).is_file(),
        "not only what changed"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly_with_status_0() {
    let dir = project();
    let serve = Serve::start(dir.path(), &[]);
    let events = serve.events();
    assert_eq!(serve.interrupt(), Some(0));
    drop(events);
}

#[test]
fn editing_an_appendix_file_reloads_the_paper_that_uses_it() {
    const QUARTERLY: &str = "policing-performance/2021-12-01-quarterly-performance-report";
    let dir = project();
    let serve = Serve::start(dir.path(), &[]);
    let page = serve.get(&format!("/{QUARTERLY}.html"));
    assert!(
        page.body.contains("id=\"appendix-a\""),
        "Markdown appendix shown"
    );
    // The estates paper's PDF appendix is named, linking the PDF the preview serves.
    let estates = serve.get(&format!("/{ESTATES}.html"));
    assert!(
        estates
            .body
            .contains("href=\"2022-03-15-estates-strategy.pdf\"")
    );
    let pdf = serve.get(&format!("/{ESTATES}.pdf"));
    assert_eq!(pdf.status, 200);

    let mut events = serve.events();
    let appendix = dir
        .path()
        .join("papers/policing-performance/_appendix-a-performance-data.md");
    let text = std::fs::read_to_string(&appendix).unwrap();
    std::fs::write(&appendix, format!("{text}\nFigures revised in November.\n")).unwrap();
    let data = events.next_reload(SOON).expect("a reload event");
    assert!(data.contains(&format!("\"/{QUARTERLY}.html\"")), "{data}");
    assert!(
        serve
            .get(&format!("/{QUARTERLY}.html"))
            .body
            .contains("Figures revised in November.")
    );
}

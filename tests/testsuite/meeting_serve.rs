//! Meetings under `clerk serve`: their pages, agenda PDFs and calendar served and rebuilt when
//! a meeting file changes, and `--write` withdrawing what a private paper or a broken file
//! must no longer publish.

use std::path::Path;

use crate::common::temp_project;
use crate::meeting_private::built_with_the_private_item_public;
use crate::meetings::{build, read};

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

    // The preview's meeting page links the private pack for the secretariat; the page
    // written never does.
    let served = serve.get(&format!("/{dir}/index.html")).body;
    assert!(served.contains("<a href=\"private-pack.pdf\">"), "{served}");
    assert_eq!(serve.get(&format!("/{dir}/private-pack.pdf")).status, 200);

    // --write puts them in out/ as a build does, without the reload script.
    let out = root.join("out");
    let written = std::fs::read(out.join(dir).join("agenda.pdf")).unwrap_or_default();
    assert!(written.starts_with(b"%PDF-"), "agenda.pdf written");
    let page = std::fs::read_to_string(out.join(dir).join("index.html")).unwrap_or_default();
    assert!(page.contains("Alasdair Grant") && !page.contains("clerk-live-reload"));
    assert!(!page.contains("private-pack.pdf"), "{page}");
    let ics = std::fs::read_to_string(out.join("meetings.ics")).unwrap_or_default();
    assert!(ics.starts_with("BEGIN:VCALENDAR"));
    // And says, as a build does, what whoever publishes the folder must leave out.
    let said = || {
        let said = serve.stdout().join("\n");
        said.contains("Not for publication (items taken in private):")
            .then_some(said)
    };
    let said = crate::common::serve::wait_for(std::time::Duration::from_secs(10), said)
        .unwrap_or_else(|| panic!("{:?}", serve.stdout()));
    assert!(said.contains("out/private  (1 private paper)"), "{said}");
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

/// `serve --write` removes what was written for a paper deleted while it runs, and for its
/// meeting left with no papers, as `clerk build` does, and says so; a later build has
/// nothing left of them to find. A paper taken out of private leaves no private copy.
#[test]
fn serve_write_removes_the_outputs_of_a_paper_deleted_and_of_its_meeting() {
    use crate::common::serve::{Serve, wait_for};
    use std::time::Duration;
    let project = temp_project("meetings");
    let root = project.path();
    assert_eq!(build(root).0, 0);
    let out = root.join("out");
    let gone = [
        "resources/2026-02-10-treasury-strategy.html",
        "resources/2026-02-10-treasury-strategy.pdf",
        "meetings/2026-02-10-resources-committee/index.html",
        "meetings/2026-02-10-resources-committee/agenda.pdf",
        "meetings/2026-02-10-resources-committee/pack.pdf",
        "private/resources/2026-05-19-cyber-exercise.html",
    ];
    for rel in gone {
        assert!(out.join(rel).is_file(), "{rel} built");
    }
    let serve = Serve::start(root, &["--write"]);
    std::fs::remove_file(root.join("papers/resources/2026-02-10-treasury-strategy.md")).unwrap();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace(
            "    private: true\n    exempt: Standing Orders section 20(d)\n",
            "",
        ),
    )
    .unwrap();
    let all_gone = || gone.iter().all(|rel| !out.join(rel).exists()).then_some(());
    assert!(
        wait_for(Duration::from_secs(10), all_gone).is_some(),
        "left: {:?}",
        gone.iter()
            .filter(|rel| out.join(rel).exists())
            .collect::<Vec<_>>()
    );
    assert!(
        out.join("resources/2026-05-19-cyber-exercise.html")
            .is_file()
    );
    let said = || {
        let said = serve.stdout().join("\n");
        (said.contains("Removed") && said.contains("treasury-strategy")).then_some(said)
    };
    assert!(
        wait_for(Duration::from_secs(10), said).is_some(),
        "{:?}",
        serve.stdout()
    );
    drop(serve);
    let (code, stdout, stderr) = build(root);
    assert_eq!(code, 0, "{stdout}{stderr}");
    for rel in gone {
        assert!(!out.join(rel).exists(), "{rel} is back");
    }
}

/// A meeting file YAML cannot read at all keeps its meeting's page in the preview, its last
/// good version with the file's error over it, as a file with a lesser error does; it comes
/// back as it was once the file is fixed.
#[test]
fn a_meeting_file_that_cannot_be_read_keeps_its_page_with_the_error() {
    use crate::common::serve::Serve;
    use std::time::Duration;
    let project = temp_project("meetings");
    let root = project.path();
    let serve = Serve::start(root, &[]);
    let path = "/meetings/2026-05-19-resources-committee/index.html";
    assert_eq!(serve.get(path).status, 200);
    let mut events = serve.events();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let broken = text.replace(
        "committee: Resources Committee",
        "committee: [Resources Committee",
    );
    assert_ne!(broken, text);
    std::fs::write(&file, &broken).unwrap();
    let _ = events
        .next_reload(Duration::from_secs(10))
        .expect("a reload event");
    let page = serve.get(path);
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("yaml-syntax"), "{}", page.body);
    assert!(
        page.body.contains("Alasdair Grant"),
        "last good render kept"
    );
    std::fs::write(&file, &text).unwrap();
    let _ = events
        .next_reload(Duration::from_secs(10))
        .expect("a reload event");
    let page = serve.get(path);
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("yaml-syntax"), "{}", page.body);
}

/// While a paper has an error, `serve --write` cannot tell a meeting that is gone from one
/// whose paper failed: the meeting's outputs stay, and stay listed, so that the next write
/// with no error removes them.
#[test]
fn serve_write_keeps_listing_a_meeting_gone_while_a_paper_has_an_error() {
    use crate::common::serve::{Serve, wait_for};
    use std::time::Duration;
    let project = temp_project("meetings");
    let root = project.path();
    assert_eq!(build(root).0, 0);
    let page = "meetings/2026-02-10-resources-committee/index.html";
    let serve = Serve::start(root, &["--write"]);
    let minutes = root.join("papers/resources/2026-05-19-minutes.md");
    let text = std::fs::read_to_string(&minutes).unwrap();
    std::fs::write(
        &minutes,
        text.replace("date: 2026-05-19", "date: 2026-05-32"),
    )
    .unwrap();
    std::fs::remove_file(root.join("papers/resources/2026-02-10-treasury-strategy.md")).unwrap();
    let listed = || {
        let manifest = std::fs::read_to_string(root.join("out/manifest.json")).unwrap_or_default();
        (!root
            .join("out/resources/2026-02-10-treasury-strategy.html")
            .exists()
            && manifest.contains(page))
        .then_some(())
    };
    assert!(
        wait_for(Duration::from_secs(10), listed).is_some(),
        "the paper gone, the meeting's page kept and listed"
    );
    assert!(root.join("out").join(page).is_file());
    std::fs::write(&minutes, &text).unwrap();
    let gone = || (!root.join("out").join(page).exists()).then_some(());
    assert!(
        wait_for(Duration::from_secs(10), gone).is_some(),
        "removed once nothing has an error"
    );
    drop(serve);
}

//! Agenda packs (#12): the meetings fixture with a third public paper (with a footnote and a
//! PDF appendix), a late item and a private item, built end to end; what each pack holds,
//! its bookmarks, structure tree and manifest entry; byte-identical rebuilds; `--format
//! pack`; a paper with errors; the pack read back with poppler (page ranges, stamps,
//! PRIVATE marking); and a property test over random agendas and paper lengths.

use std::collections::BTreeSet;
use std::path::Path;

use lopdf::{Document, Object, ObjectId};

use crate::common::{clerk, parts, sha256_hex, temp_project};

pub(crate) const DIR: &str = "out/meetings/2026-05-19-resources-committee";
pub(crate) const SECRET: &str = "ZEBRA-CANTICLE-SECRET";
pub(crate) const FLEET: &str = "papers/resources/2026-05-19-fleet-strategy.md";

/// The meetings fixture plus item 3.3, a paper with a footnote and a PDF appendix (the
/// audit committee's paper, as built by clerk), built.
pub(crate) fn project() -> tempfile::TempDir {
    let dir = temp_project("meetings");
    let root = dir.path();
    let o = clerk(root, &["build", "--format", "pdf"]);
    assert_eq!(parts(&o).0, 0, "{}", parts(&o).2);
    let appendix =
        std::fs::read(root.join("out/audit/2026-03-03-internal-audit-plan.pdf")).unwrap();
    std::fs::write(root.join("papers/resources/survey.pdf"), appendix).unwrap();
    std::fs::write(
        root.join(FLEET),
        "---\nmeeting: Resources Committee\ndate: 2026-05-19\nagenda_item: \"3.3\"\n\
         title: Fleet Strategy\npresented_by: Lynn Brown, Director of Estates\n\
         recommendation: For Decision\nrecommendations: Members are asked to agree the strategy.\n\
         appendices:\n  - title: Audit survey\n    file: survey.pdf\n---\n\n\
         # Purpose\n\nThis paper proposes a fleet strategy.[^a]\n\n[^a]: Set out in 2025.\n\n\
         # Background\n\nThe fleet is ageing.[^b]\n\n[^b]: Its average age is nine years.\n",
    )
    .unwrap();
    let meeting = root.join("meetings/resources-2026-05-19.yaml");
    let yaml = std::fs::read_to_string(&meeting).unwrap().replace(
        "  - number: \"4\"\n",
        "  - number: \"3.3\"\n    paper: resources/2026-05-19-fleet-strategy.md\n  - number: \"4\"\n",
    );
    std::fs::write(&meeting, yaml).unwrap();
    let o = clerk(root, &["build"]);
    let (code, out, err) = parts(&o);
    assert_eq!(code, 0, "{out}{err}");
    dir
}

pub(crate) fn at(root: &Path, name: &str) -> std::path::PathBuf {
    root.join(DIR).join(name)
}

pub(crate) fn load(root: &Path, name: &str) -> Document {
    Document::load(at(root, name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub(crate) fn page_count(root: &Path, rel: &str) -> u32 {
    clerk::render::pdf::page_count(&std::fs::read(root.join(rel)).unwrap()).unwrap()
}

/// The outline's top entries: title and 1-based page; and every entry's children count.
pub(crate) fn outline(doc: &Document) -> Vec<(String, usize, usize)> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root = doc
        .catalog()
        .unwrap()
        .get(b"Outlines")
        .unwrap()
        .as_reference()
        .unwrap();
    let mut next = doc
        .get_dictionary(root)
        .unwrap()
        .get(b"First")
        .ok()
        .cloned();
    let mut out = Vec::new();
    while let Some(Object::Reference(id)) = next {
        let d = doc.get_dictionary(id).unwrap();
        let title = crate::pdfua_check::text(d.get(b"Title").unwrap()).unwrap();
        let dest = d.get(b"Dest").unwrap().as_array().unwrap();
        let target = dest[0].as_reference().unwrap();
        let page = pages.iter().position(|p| *p == target).unwrap() + 1;
        let mut kids = 0;
        let mut kid = d.get(b"First").ok().cloned();
        while let Some(Object::Reference(k)) = kid {
            kids += 1;
            kid = doc.get_dictionary(k).unwrap().get(b"Next").ok().cloned();
        }
        out.push((title, page, kids));
        next = d.get(b"Next").ok().cloned();
    }
    out
}

#[test]
fn a_meeting_gets_a_public_a_supplementary_and_a_private_pack() {
    let dir = project();
    let root = dir.path();
    let pack = load(root, "pack.pdf");
    let minutes = page_count(root, "out/resources/2026-05-19-minutes.pdf");
    let budget = page_count(root, "out/resources/2026-05-19-budget-monitoring.pdf");
    let fleet = page_count(root, "out/resources/2026-05-19-fleet-strategy.pdf");
    let front = pack.get_pages().len() as u32 - minutes - budget - fleet;
    assert!(front >= 1, "a front sheet");
    // Bookmarks: the front sheet, then one per item at its first pack page, with the
    // paper's own outline (and the appendix's entry) nested.
    let got = outline(&pack);
    let titles: Vec<(&str, usize)> = got.iter().map(|(t, p, _)| (t.as_str(), *p)).collect();
    let f = front as usize;
    assert_eq!(
        titles,
        [
            ("Front sheet", 1),
            ("2 Minutes of the Previous Meeting", f + 1),
            (
                "3.1 Budget Monitoring Report – Quarter 4",
                f + 1 + minutes as usize
            ),
            ("3.3 Fleet Strategy", f + 1 + (minutes + budget) as usize),
        ]
    );
    assert!(got[1..].iter().all(|(_, _, kids)| *kids >= 2), "{got:?}");
    // One Sect per paper under the one Document, each with its language; Note IDs unique.
    let sects: Vec<String> = pack
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"S").and_then(Object::as_name).ok() == Some(b"Sect".as_slice()))
        .filter(|d| d.has(b"Lang"))
        .filter_map(|d| crate::pdfua_check::text(d.get(b"T").ok()?))
        .collect();
    for t in [
        "2 Minutes",
        "3.1 Budget",
        "3.3 Fleet Strategy",
        "Appendix A – Audit survey",
    ] {
        assert!(sects.iter().any(|s| s.starts_with(t)), "{t} in {sects:?}");
    }
    let ids: Vec<Vec<u8>> = pack
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"ID").ok()?.as_str().ok().map(<[u8]>::to_vec))
        .collect();
    let unique: BTreeSet<&Vec<u8>> = ids.iter().collect();
    assert!(ids.len() >= 2, "the fleet paper's notes keep their IDs");
    assert_eq!(unique.len(), ids.len(), "Note IDs are unique across papers");
    // XMP describes the pack.
    let xmp = String::from_utf8_lossy(&std::fs::read(root.join(DIR).join("pack.pdf")).unwrap())
        .contains("Resources Committee – 19 May 2026 – Public reports pack");
    assert!(xmp);
    // The supplementary pack holds the late item, the private pack the private one.
    let supp = load(root, "supplementary-pack.pdf");
    let late = outline(&supp);
    assert_eq!(late.len(), 2, "{late:?}");
    assert_eq!(late[1].0, "3.2 Public Counter Review");
    let private = load(root, "private-pack.pdf");
    assert_eq!(outline(&private)[1].0, "4 Cyber Resilience Exercise");
    // The public manifest records the public packs, the private manifest the private one
    // (whoever publishes what `manifest.json` lists never publishes it); the meeting page
    // links the public ones.
    let manifest = std::fs::read_to_string(root.join("out/manifest.json")).unwrap();
    let private_manifest = std::fs::read_to_string(root.join("out/private/manifest.json")).unwrap();
    let page = std::fs::read_to_string(root.join(DIR).join("index.html")).unwrap();
    for name in ["pack.pdf", "supplementary-pack.pdf", "private-pack.pdf"] {
        let sha = sha256_hex(&std::fs::read(at(root, name)).unwrap());
        let private = name == "private-pack.pdf";
        assert_eq!(manifest.contains(&sha), !private, "{name} in the manifest");
        assert_eq!(
            private_manifest.contains(&sha),
            private,
            "{name} in the private one"
        );
    }
    assert!(!manifest.contains("private-pack.pdf"), "{manifest}");
    assert!(
        page.contains("<a href=\"pack.pdf\">Public reports pack"),
        "{page}"
    );
    assert!(page.contains("supplementary-pack.pdf"));
    assert!(
        !page.contains("private-pack.pdf"),
        "the public page never links it"
    );
    let pages = pack.get_pages().len();
    assert!(page.contains(&format!("{pages} pages")), "{page}");
}

#[test]
fn packs_rebuild_byte_identical_and_alone_with_format_pack() {
    let dir = project();
    let root = dir.path();
    let names = ["pack.pdf", "supplementary-pack.pdf", "private-pack.pdf"];
    let first: Vec<Vec<u8>> = names
        .iter()
        .map(|n| std::fs::read(at(root, n)).unwrap())
        .collect();
    let html = root.join("out/resources/2026-05-19-minutes.html");
    std::fs::write(&html, "kept").unwrap();
    for n in names {
        std::fs::remove_file(at(root, n)).unwrap();
    }
    let o = clerk(root, &["build", "--format", "pack"]);
    assert_eq!(parts(&o).0, 0, "{}", parts(&o).2);
    for (n, before) in names.iter().zip(&first) {
        let again = std::fs::read(at(root, n)).unwrap();
        assert!(again == *before, "{n} is byte-identical");
    }
    assert_eq!(
        std::fs::read_to_string(&html).unwrap(),
        "kept",
        "no paper rebuilt"
    );
    let manifest = std::fs::read_to_string(root.join("out/manifest.json")).unwrap();
    assert!(
        manifest.contains("resources/2026-05-19-minutes.html"),
        "papers stay listed"
    );
}

/// A build of the packs alone keeps listing each meeting's agenda PDF where a full build
/// lists it (before the page and the packs): the manifest does not change with the
/// formats built.
#[test]
fn a_packs_only_build_leaves_the_manifest_as_the_full_build_wrote_it() {
    let dir = project();
    let root = dir.path();
    let full = std::fs::read_to_string(root.join("out/manifest.json")).unwrap();
    assert!(full.contains("agenda.pdf"), "{full}");
    let o = clerk(root, &["build", "--format", "pack"]);
    assert_eq!(parts(&o).0, 0, "{}", parts(&o).2);
    let after = std::fs::read_to_string(root.join("out/manifest.json")).unwrap();
    assert_eq!(after, full);
}

/// A pack reads each paper's PDF object by object (a long paper is never held whole as
/// lopdf objects); grafted so, a paper brings exactly what it brings loaded whole.
#[test]
fn papers_are_read_object_by_object_and_graft_as_when_loaded_whole() {
    use clerk::document::appendix::{PaperPdf, append_paper};
    let dir = project();
    let mut pdfs: Vec<_> = walkdir::WalkDir::new(dir.path().join("out"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .filter(|p| !p.to_string_lossy().ends_with("pack.pdf"))
        .collect();
    pdfs.sort();
    assert!(pdfs.len() >= 4, "{pdfs:?}");
    for path in pdfs {
        let bytes = std::fs::read(&path).unwrap();
        let lazy = PaperPdf::open(&bytes[..]).unwrap();
        assert!(matches!(lazy, PaperPdf::Lazy(_)), "{path:?} is read lazily");
        let whole = PaperPdf::<&[u8]>::Whole(Document::load_mem(&bytes).unwrap());
        assert_eq!(lazy.doc().get_pages(), whole.doc().get_pages());
        assert_eq!(lazy.doc().trailer, whole.doc().trailer);
        let graft = |src| {
            let mut doc = Document::load_mem(&bytes).unwrap();
            let mut order = Vec::new();
            let mut keep = |doc: &mut Document, id: ObjectId, object: Object| {
                order.push(id);
                doc.objects.insert(id, object);
            };
            let first = append_paper(&mut doc, src, "Item 1", &mut keep).unwrap();
            (doc.objects, doc.max_id, first, order)
        };
        let (a, b) = (graft(lazy), graft(whole));
        let before = Document::load_mem(&bytes).unwrap().objects.len();
        assert!(
            a.0.len() > before && !a.3.is_empty(),
            "the paper was grafted"
        );
        assert!(a == b, "{path:?} grafts as when loaded whole");
    }
}

#[test]
fn a_paper_with_errors_is_not_available_in_the_pack_and_stops_nothing() {
    let dir = project();
    let root = dir.path();
    let budget = root.join("papers/resources/2026-05-19-budget-monitoring.md");
    let text = std::fs::read_to_string(&budget).unwrap();
    std::fs::write(
        &budget,
        text.replace("recommendation: For Discussion\n", ""),
    )
    .unwrap();
    let before = load(root, "pack.pdf").get_pages().len();
    let budget_pages = page_count(root, "out/resources/2026-05-19-budget-monitoring.pdf") as usize;
    let (_, out, err) = parts(&clerk(root, &["build"]));
    assert!(
        err.contains("pack-paper-not-available") || out.contains("pack-paper-not-available"),
        "{out}{err}"
    );
    let pack = load(root, "pack.pdf");
    assert_eq!(pack.get_pages().len(), before - budget_pages);
    let titles: Vec<String> = outline(&pack).into_iter().map(|(t, ..)| t).collect();
    assert!(!titles.iter().any(|t| t.contains("Budget")), "{titles:?}");
    assert!(at(root, "private-pack.pdf").exists());
}

#[test]
fn serve_builds_a_pack_on_request_and_again_when_a_paper_changes() {
    use crate::common::serve::Serve;
    use std::time::Duration;
    let project = temp_project("meetings");
    let root = project.path();
    let serve = Serve::start(root, &[]);
    let page = serve.get("/meetings/2026-05-19-resources-committee/index.html");
    assert!(
        page.body
            .contains("<a href=\"pack.pdf\">Public reports pack"),
        "{}",
        page.body
    );
    let path = "/meetings/2026-05-19-resources-committee/pack.pdf";
    let first = serve.get(path);
    assert_eq!(first.status, 200, "{}", first.body);
    assert!(first.body.starts_with("%PDF-"));
    assert_eq!(
        serve.get(path).body,
        first.body,
        "kept, not built again differently"
    );
    let private = serve.get("/meetings/2026-05-19-resources-committee/private-pack.pdf");
    assert!(private.body.starts_with("%PDF-"));

    let mut events = serve.events();
    let minutes = root.join("papers/resources/2026-05-19-minutes.md");
    let text = std::fs::read_to_string(&minutes).unwrap();
    std::fs::write(
        &minutes,
        text.replace(
            "Minutes of the Previous Meeting",
            "Minutes of the Last Meeting",
        ),
    )
    .unwrap();
    events
        .next_reload(Duration::from_secs(20))
        .expect("a reload event");
    let again = serve.get(path);
    assert_eq!(again.status, 200);
    assert!(again.body.starts_with("%PDF-"));
    assert_ne!(
        again.body, first.body,
        "a paper of the meeting changed: the pack is made again"
    );
}

/// `--format pack` renders no paper: its summary counts the packs it built, and says the
/// papers were checked.
#[test]
fn format_pack_says_it_built_packs_not_papers() {
    let dir = project();
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["build", "--format", "pack"]));
    assert_eq!(code, 0, "{stderr}");
    let packs = walkdir::WalkDir::new(dir.path().join("out"))
        .into_iter()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with("pack.pdf")
        })
        .count();
    assert!(packs > 1);
    let summary = stdout.lines().find(|l| l.starts_with("Built ")).unwrap();
    assert!(
        summary.starts_with(&format!("Built {packs} packs from 7 checked papers in ")),
        "{summary}"
    );
}

#[test]
fn the_summary_names_what_is_not_for_publication() {
    let dir = project();
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["build", "--force"]));
    assert_eq!(code, 0, "{stderr}");
    let note = stdout
        .split("Not for publication (items taken in private):\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no note in {stdout}"));
    let lines: Vec<&str> = note.lines().collect();
    assert!(lines[0].trim_start().starts_with("out/private"), "{note}");
    assert!(lines[0].ends_with("(1 private paper)"), "{note}");
    assert_eq!(lines[1].trim(), format!("{DIR}/private-pack.pdf"), "{note}");
}

/// A pack is marked as the most protected paper in it, at the top and foot of its front
/// sheet and in its metadata, as a file of papers is: an OFFICIAL-SENSITIVE paper's pack
/// was unmarked but for the paper's own pages. A pack of unmarked papers stays unmarked.
#[test]
fn a_pack_is_marked_as_the_most_protected_paper_in_it() {
    let project = temp_project("repo");
    let root = project.path();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let marking = |meeting: &str| {
        let pack = root.join(format!("out/meetings/{meeting}/pack.pdf"));
        let bytes = std::fs::read(pack).unwrap();
        let xmp = String::from_utf8_lossy(&bytes).into_owned();
        xmp.split("<clerk:classification>")
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .map(str::to_string)
    };
    assert_eq!(
        marking("2022-03-15-resources-committee").as_deref(),
        Some("OFFICIAL-SENSITIVE")
    );
    assert_eq!(
        marking("2021-12-01-policing-performance-committee").as_deref(),
        Some("OFFICIAL")
    );
    assert_eq!(marking("2021-09-01-policing-performance-committee"), None);
}

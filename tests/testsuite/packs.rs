//! Agenda packs (#12): the meetings fixture with a third public paper (with a footnote and a
//! PDF appendix), a late item and a private item, built end to end; what each pack holds,
//! its bookmarks, structure tree and manifest entry; byte-identical rebuilds; `--format
//! pack`; a paper with errors; the pack read back with poppler (page ranges, stamps,
//! PRIVATE marking); and a property test over random agendas and paper lengths.

use std::collections::BTreeSet;
use std::path::Path;

use lopdf::{Document, Object, ObjectId};

use crate::common::{clerk, parts, run_tool, sha256_hex, temp_project};

const DIR: &str = "out/meetings/2026-05-19-resources-committee";
const SECRET: &str = "ZEBRA-CANTICLE-SECRET";
const FLEET: &str = "papers/resources/2026-05-19-fleet-strategy.md";

/// The meetings fixture plus item 3.3, a paper with a footnote and a PDF appendix (the
/// audit committee's paper, as built by clerk), built.
fn project() -> tempfile::TempDir {
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

fn at(root: &Path, name: &str) -> std::path::PathBuf {
    root.join(DIR).join(name)
}

fn load(root: &Path, name: &str) -> Document {
    Document::load(at(root, name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn page_count(root: &Path, rel: &str) -> u32 {
    clerk::render::pdf::page_count(&std::fs::read(root.join(rel)).unwrap()).unwrap()
}

/// The outline's top entries: title and 1-based page; and every entry's children count.
fn outline(doc: &Document) -> Vec<(String, usize, usize)> {
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

fn pdftotext(pdf: &Path, page: usize) -> String {
    let p = page.to_string();
    let path = pdf.to_str().unwrap();
    run_tool("pdftotext", &["-layout", "-f", &p, "-l", &p, path, "-"])
}

/// The front sheet's `pages A–B` for the line titled `title`.
fn range_on_front(front: &str, title: &str) -> (usize, usize) {
    let at = front
        .find(title)
        .unwrap_or_else(|| panic!("{title} on {front}"));
    let rest = &front[at..];
    let p = rest.find("page").unwrap();
    let nums: Vec<usize> = rest[p..]
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(2)
        .map(|s| s.parse().unwrap())
        .collect();
    let single = rest[p..].starts_with("page ");
    if single {
        (nums[0], nums[0])
    } else {
        (nums[0], nums[1])
    }
}

#[test]
#[ignore = "needs poppler-utils"]
fn the_front_sheet_ranges_agree_with_the_pages_read_back() {
    let dir = project();
    let root = dir.path();
    let pack = root.join(DIR).join("pack.pdf");
    let pages = Document::load(&pack).unwrap().get_pages().len();
    let front = pdftotext(&pack, 1);
    let mut next = 0;
    for title in [
        "Minutes of the Previous Meeting",
        "Budget Monitoring Report – Quarter 4",
        "Fleet Strategy",
    ] {
        let (a, b) = range_on_front(&front, title);
        assert!(a > next, "{title}: ranges follow each other");
        next = b;
        let first = pdftotext(&pack, a);
        assert!(first.contains(title), "{title} on pack page {a}:\n{first}");
        assert!(
            first.contains("Page 1 of"),
            "the paper's own footer is untouched"
        );
    }
    assert_eq!(next, pages, "the last range ends on the last page");
    assert!(front.contains("In the supplementary pack"));
    assert!(front.contains("Cyber Resilience Exercise"));
    assert!(front.contains("Exempt: Standing Orders section 20(d)"));
    for k in 1..=pages {
        let text = pdftotext(&pack, k);
        assert!(
            text.contains(&format!("Pack page {k}")),
            "page {k}:\n{text}"
        );
        assert!(
            !text.contains(SECRET),
            "no private paper in the public pack"
        );
    }
    let private = at(root, "private-pack.pdf");
    let n = Document::load(&private).unwrap().get_pages().len();
    for k in 1..=n {
        let text = pdftotext(&private, k);
        // Once at the top and once at the foot: the paper's own marking on its pages, the
        // pack's on the front sheet, never two side by side.
        assert_eq!(
            text.matches("PRIVATE – OFFICIAL-SENSITIVE").count(),
            2,
            "page {k} marked top and bottom:\n{text}"
        );
    }
    assert!(pdftotext(&private, 2).contains(SECRET));
}

#[test]
#[ignore = "needs qpdf"]
fn qpdf_finds_no_fault_in_any_pack() {
    let dir = project();
    for name in ["pack.pdf", "supplementary-pack.pdf", "private-pack.pdf"] {
        let path = at(dir.path(), name);
        let out = run_tool("qpdf", &["--check", path.to_str().unwrap()]);
        assert!(
            out.contains("No syntax or stream encoding errors"),
            "{name}: {out}"
        );
    }
}

mod property {
    use std::sync::OnceLock;

    use clerk::config::HouseStyle;
    use clerk::document::compile::compile;
    use clerk::meeting::{AgendaItem, ItemKind, Meeting};
    use clerk::project::walk::source_for;
    use clerk::render::pdf::pack::PackKind;
    use clerk::render::{OutputFormat, Renderer};
    use lopdf::{Document, Object, ObjectId};
    use proptest::prelude::*;

    /// Papers of a few lengths, built once: their PDFs.
    fn pool() -> &'static Vec<Vec<u8>> {
        static POOL: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
        POOL.get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let papers = dir.path().join("papers");
            std::fs::create_dir_all(&papers).unwrap();
            let house = HouseStyle::default();
            let mut sources = clerk::diag::Sources::default();
            let renderer = Renderer::new(dir.path(), &house, &mut sources).unwrap();
            [0, 30, 70, 120]
                .iter()
                .enumerate()
                .map(|(k, n)| {
                    let body: String = (0..*n)
                        .map(|i| format!("Paragraph {i} of the paper, long enough to fill a line or two of the page in the house style.\n\n"))
                        .collect();
                    let text = format!(
                        "---\nmeeting: M\ndate: 2026-05-19\ntitle: Paper {k}\npresented_by: P\n\
                         recommendation: For Noting\nrecommendations: R\n---\n# Purpose\n\nWhy.\n\n# Background\n\n{body}"
                    );
                    let path = papers.join(format!("p{k}.md"));
                    std::fs::write(&path, text).unwrap();
                    let source = source_for(dir.path(), &papers, &path);
                    let (loaded, _) = clerk::paper::load(&source, &house, &mut sources);
                    let (doc, diags) = compile(&loaded.unwrap(), &house, dir.path(), &mut sources);
                    let doc = doc.unwrap_or_else(|| panic!("{diags:?}"));
                    renderer.render(OutputFormat::Pdf, &doc, &house, false).unwrap()
                })
                .collect()
        })
    }

    fn item(n: usize, kind: ItemKind) -> AgendaItem {
        AgendaItem {
            number: Some((n + 1).to_string()),
            title: format!("Item {}", n + 1),
            kind,
            presenter: None,
            purpose: None,
            private: None,
            late: false,
            depth: 0,
        }
    }

    fn dest_page(d: &lopdf::Dictionary, pages: &[ObjectId]) -> usize {
        let dest = d.get(b"Dest").unwrap().as_array().unwrap();
        let target = dest[0].as_reference().unwrap();
        pages.iter().position(|p| *p == target).unwrap() + 1
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

        /// Random agendas (papers of random lengths, verbal items, papers not available, in
        /// any order): the ranges follow the front sheet and each other, each bookmark and
        /// front-sheet link goes to its range's first page, and that page is the paper's.
        #[test]
        fn page_ranges_bookmarks_links_and_pages_agree(kinds in prop::collection::vec(0usize..6, 1..9)) {
            let pool = pool();
            let lengths: std::collections::BTreeSet<u32> =
                pool.iter().map(|b| clerk::render::pdf::page_count(b).unwrap()).collect();
            prop_assert!(lengths.len() >= 3, "papers of several lengths: {:?}", lengths);
            let house = HouseStyle::default();
            let items: Vec<AgendaItem> = kinds
                .iter()
                .enumerate()
                .map(|(n, k)| match k {
                    4 => item(n, ItemKind::Verbal),
                    _ => item(n, ItemKind::Paper { source: format!("p{n}.md").into(), available: *k != 5 }),
                })
                .collect();
            let pdfs: Vec<Option<&[u8]>> = kinds
                .iter()
                .filter(|k| **k != 4)
                .map(|k| pool.get(*k).map(Vec::as_slice))
                .collect();
            let meeting = Meeting {
                committee: "Resources Committee".into(),
                date: jiff::civil::date(2026, 5, 19),
                time: None,
                location: None,
                chair: None,
                contact: None,
                status: None,
                items,
                file: None,
                failed: false,
                cancelled: false,
            };
            let dir = tempfile::tempdir().unwrap();
            let renderer = Renderer::new(dir.path(), &house, &mut clerk::diag::Sources::default()).unwrap();
            let pack = renderer.render_pack(&meeting, PackKind::Public, pdfs.iter().copied(), &house, false).unwrap();
            let doc = Document::load_mem(&pack.bytes).unwrap();
            let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
            prop_assert_eq!(pages.len() as u32, pack.pages);
            let counts: Vec<u32> = pdfs
                .iter()
                .map(|p| p.map_or(0, |b| clerk::render::pdf::page_count(b).unwrap()))
                .collect();
            let front = pack.pages - counts.iter().sum::<u32>();
            prop_assert!(front >= 1);
            let mut next = front + 1;
            let mut starts = Vec::new();
            for (range, n) in pack.ranges.iter().zip(&counts) {
                match range {
                    Some((a, b)) => {
                        prop_assert_eq!((*a, *b), (next, next + n - 1));
                        next = b + 1;
                        starts.push(*a as usize);
                    }
                    None => prop_assert_eq!(*n, 0),
                }
            }
            prop_assert_eq!(next - 1, pack.pages);
            // Bookmarks after "Front sheet", in order.
            let root = doc.catalog().unwrap().get(b"Outlines").unwrap().as_reference().unwrap();
            let mut at = doc.get_dictionary(root).unwrap().get(b"First").unwrap().as_reference().ok();
            let mut marks = Vec::new();
            while let Some(id) = at {
                let d = doc.get_dictionary(id).unwrap();
                marks.push(dest_page(d, &pages));
                at = d.get(b"Next").and_then(Object::as_reference).ok();
            }
            prop_assert_eq!(marks[0], 1);
            prop_assert_eq!(&marks[1..], &starts[..]);
            // The front sheet's links, in reading order.
            let mut links = Vec::new();
            for page in &pages[..front as usize] {
                let annots = doc.get_dictionary(*page).unwrap().get(b"Annots").and_then(Object::as_array).cloned().unwrap_or_default();
                for a in annots {
                    let d = doc.get_dictionary(a.as_reference().unwrap()).unwrap();
                    links.push(dest_page(d, &pages));
                }
            }
            prop_assert_eq!(&links, &starts);
            // Each range starts with its paper's first page (its content, inside the pack's).
            for (j, (pdf, range)) in pdfs.iter().zip(&pack.ranges).enumerate() {
                if let (Some(bytes), Some((a, _))) = (pdf, range) {
                    let paper = Document::load_mem(bytes).unwrap();
                    let first = *paper.get_pages().values().next().unwrap();
                    let want = paper.get_page_content(first);
                    prop_assert!(want.len() > 100, "the paper's content is read");
                    let got = doc.get_page_content(pages[*a as usize - 1]);
                    prop_assert!(got.windows(want.len()).any(|w| w == want.as_slice()), "paper {} on page {}", j, a);
                }
            }
        }
    }
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

/// The outside checkers (PyPI `pdfua` and `outloud`, installed by `.ci/run`) over every pack
/// of the project with footnotes and a PDF appendix.
#[test]
#[ignore = "needs pdfua and outloud (PyPI)"]
fn outside_checkers_find_no_errors_in_any_pack() {
    let dir = project();
    let base = std::env::var_os("CLERK_CHECKERS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| crate::common::repo().join("target/checkers"));
    let tool = |name: &str| base.join(name).join("bin").join(name);
    let mut failures = Vec::new();
    for name in ["pack.pdf", "supplementary-pack.pdf", "private-pack.pdf"] {
        let file = at(dir.path(), name);
        let file = file.to_str().unwrap();
        let runs = [
            std::process::Command::new(tool("pdfua"))
                .args(["check", "--min-severity", "error", "--rules", "UA-01-005,UA-01-002,UA-01-003,UA-06-001,UA-13-004,UA-15-003,UA-18-005,UA-18-001,UA-07-001,UA-07-002,UA-28-004", file])
                .output(),
            std::process::Command::new(tool("outloud"))
                .args(["--fail-on", "error", "--no-info", file])
                .output(),
        ];
        for run in runs {
            let o = run.expect("the checker runs; .ci/run installs it");
            if !o.status.success() {
                failures.push(format!("{name}:\n{}", String::from_utf8_lossy(&o.stdout)));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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

/// The marking stands at the top and foot of the front sheet, as on a paper's pages.
#[test]
#[ignore = "needs poppler-utils"]
fn a_packs_front_sheet_shows_its_marking_at_top_and_foot() {
    let project = temp_project("repo");
    let root = project.path();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let front = run_tool(
        "pdftotext",
        &[
            "-f",
            "1",
            "-l",
            "1",
            root.join("out/meetings/2022-03-15-resources-committee/pack.pdf")
                .to_str()
                .unwrap(),
            "-",
        ],
    );
    assert_eq!(front.matches("OFFICIAL-SENSITIVE").count(), 2, "{front}");
}

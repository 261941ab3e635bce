//! Agenda packs under a property test: random agendas of papers of several lengths, each
//! pack's page ranges, bookmarks, front-sheet links and pages checked against the papers it
//! was made from (each paper's content found on the first page its range names).

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
        language: None,
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
            end: None,
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

//! Property tests: arbitrary papers, assembled from the pieces authors use and from random
//! text, never panic from metadata through Markdown to the HTML and PDF bytes; every
//! diagnostic points inside the file; paragraph numbers run 1, 2, 3… in every numbered
//! section. Bounded case counts, so CI stays quick; the
//! coverage-guided fuzz targets in `fuzz/` run the same stages for as long as one likes.

use std::path::Path;

use clerk::config::HouseStyle;
use clerk::document::Item;
use clerk::document::compile::compile;
use clerk::paper;
use clerk::project::walk::source_for;
use clerk::render::{OutputFormat, Renderer};
use proptest::prelude::*;

const META: &str = "meeting: Policing Performance Committee\ndate: 2021-09-01\ntitle: T\npresented_by: P\nrecommendation: For Noting\nrecommendations: R\n";

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# Background\n\n".to_string()),
        Just("# Purpose\n\n".to_string()),
        Just("## Sub-heading\n\n".to_string()),
        Just("#### Deep heading\n\n".to_string()),
        "[a-zA-Z ,.'’–àŵŷ£€]{1,60}".prop_map(|s| format!("{s}\n\n")),
        "[a-z]{1,8}".prop_map(|l| format!("A labelled paragraph. {{#{l}}}\n\n")),
        "[a-z]{1,8}".prop_map(|l| format!("See paragraph [](#{l}).\n\n")),
        "[a-z]{1,4}".prop_map(|n| format!("Noted.[^{n}]\n\n[^{n}]: The note.\n\n")),
        Just("- one\n- two\n  - nested\n\n".to_string()),
        Just("1. first\n2. second\n\n".to_string()),
        Just("| a | b |\n|---|--:|\n| 1 | 2 |\n\n".to_string()),
        Just("> quoted\n\n".to_string()),
        Just("```\ncode {{ x }}\n```\n\n".to_string()),
        Just("<div>raw</div>\n\n".to_string()),
        Just("*emph* **strong** ~~struck~~ `code` [link](https://example.org)\n\n".to_string()),
        Just("![](missing.png)\n\n".to_string()),
        any::<String>().prop_map(|s| format!("{s}\n\n")),
    ]
}

/// Pieces that never make an error, so the paper always reaches the HTML and PDF renderers.
fn valid_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# Background\n\n".to_string()),
        Just("## Sub-heading\n\n".to_string()),
        "[a-zA-Z ,.'’–àŵŷ£€]{1,300}".prop_map(|s| format!("{s}\n\n")),
        "[a-zA-Z]{30,90}".prop_map(|s| format!("A very long word {s} in a line.\n\n")),
        Just("- one\n- two\n  - nested\n    - deeper\n\n".to_string()),
        Just("| a | b | c |\n|---|:-:|--:|\n| 1 | two words | 3 |\n| long cell text that wraps | x | y |\n\n".to_string()),
        Just("> quoted\n\n".to_string()),
        Just("```\ncode line that is rather long and should never cross the margin of the page\n```\n\n".to_string()),
        Just("*emph* **strong** ~~struck~~ `code` [link](https://example.org/a/very/long/path)\n\n".to_string()),
    ]
}

fn check_body(body: &str) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let papers = dir.path().join("papers");
    std::fs::create_dir_all(&papers).unwrap();
    let text = format!("---\n{META}---\n{body}");
    let path = papers.join("p.md");
    std::fs::write(&path, &text).unwrap();
    let house = HouseStyle::default();
    let source = source_for(dir.path(), &papers, &path);
    let mut sources = clerk::diag::Sources::default();
    let (loaded, mut diags) = paper::load(&source, &house, &mut sources);
    let loaded = loaded.expect("the metadata is valid");
    let (doc, more) = compile(&loaded, &house, dir.path(), &mut sources);
    diags.extend(more);
    let valid_only = !body.contains("missing.png") && !body.contains("](#") && !body.contains("{#");
    if valid_only && body.starts_with("# Purpose\n\nWhy.") {
        prop_assert!(doc.is_some(), "{diags:?}");
    }
    let lines = text.lines().count().max(1);
    for d in &diags {
        let line = d.locate(&sources).line;
        prop_assert!(line <= lines + 1, "{d:?} beyond {lines} lines");
    }
    if let Some(doc) = doc {
        let renderer =
            Renderer::new(dir.path(), &house, &mut sources).expect("default templates load");
        let html = renderer.render(OutputFormat::Html, &doc, &house, false);
        prop_assert!(html.is_ok_and(|b| b.ends_with(b"</html>\n")));
        match renderer.render(OutputFormat::Pdf, &doc, &house, true) {
            Ok(pdf) => prop_assert!(
                pdf.starts_with(b"%PDF-") && pdf.ends_with(b"%%EOF\n") || pdf.ends_with(b"%%EOF")
            ),
            Err(d) => prop_assert!(false, "PDF failed: {d:?}"),
        }
        for s in doc
            .sections
            .iter()
            .filter(|s| s.number.is_some() && s.items.len() > 1)
        {
            let n = s.number.unwrap();
            let numbers: Vec<String> = s
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Para(p) => p.number.clone(),
                    Item::SubHeading { .. } => None,
                })
                .collect();
            let expected: Vec<String> = (1..=numbers.len()).map(|k| format!("{n}.{k}")).collect();
            prop_assert_eq!(numbers, expected);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bodies_never_panic_and_number_in_order(pieces in prop::collection::vec(piece(), 0..24)) {
        check_body(&pieces.concat())?;
    }

    #[test]
    fn valid_bodies_always_render_to_html_and_pdf(pieces in prop::collection::vec(valid_piece(), 1..40)) {
        check_body(&format!("# Purpose\n\nWhy.\n\n{}", pieces.concat()))?;
    }

    #[test]
    fn arbitrary_metadata_never_panics(yaml in any::<String>(), prefix in prop_oneof![Just(""), Just(META)]) {
        let file = Path::new("p.yaml");
        let text = format!("{prefix}{yaml}");
        if let Ok(root) = clerk::yaml::to_node(&text, file) {
            let house = HouseStyle::default();
            let cx = paper::MetaContext { file, text: &text, paper_dir: Path::new("."), house: &house };
            let (_, diags) = paper::check_meta(&root, &cx);
            for d in diags {
                prop_assert!(d.line_col(&text).0 <= text.lines().count() + 1);
            }
        }
    }
}

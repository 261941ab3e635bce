//! Markdown appendices: unnumbered, headings one level down, diagnostics in their own file,
//! references and footnotes shared with the paper.

use super::*;

fn run_with_appendix(body: &str, appendix: &str) -> (Sections, Vec<Placed>) {
    let house = HouseStyle::default();
    let paper = Path::new("papers/p.md");
    let file = Path::new("papers/_appendix-a.md");
    let src = |file, text| MdSource {
        file,
        markdown: text,
        origin: Origin::Body { offset: 0, line: 1 },
    };
    let recs = src(paper, RECS);
    let parts = DocumentParts {
        body: src(paper, body),
        implications: house.implications.iter().map(|s| (s, None)).collect(),
        recommendations: MdSource {
            origin: value_at(body, 1),
            ..recs
        },
        appendices: vec![
            ("appendix-a".into(), Some(src(file, appendix))),
            ("appendix-b".into(), None),
        ],
        paper_dir: Path::new("/nonexistent-clerk-test"),
        project_root: Path::new("/nonexistent-clerk-test"),
        private: crate::document::markdown::PrivatePapers::NONE,
    };
    let (sections, diags) = build_sections(&parts, &house);
    let mut sources = Sources::of(paper, body);
    sources.add(file, appendix);
    (sections, placed(diags, &sources))
}

#[test]
fn appendix_is_unnumbered_with_headings_one_level_down() {
    let (s, d) = run_with_appendix(
        "# Background\n\nText, see [the tables](#tables).\n",
        "Intro.\n\n# Tables\n\nFirst table.\n\n## Detail\n\nMore.[^n]\n\n[^n]: A note.\n",
    );
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(s.appendices.len(), 2);
    assert!(s.appendices[1].is_none());
    let items = s.appendices[0].as_ref().unwrap();
    let levels: Vec<u8> = items
        .iter()
        .filter_map(|i| match i {
            Item::SubHeading { level, .. } => Some(*level),
            Item::Para(_) => None,
        })
        .collect();
    assert_eq!(levels, [2, 3]);
    assert!(items.iter().all(|i| match i {
        Item::Para(p) => p.number.is_none() && p.id.starts_with("appendix-a-"),
        Item::SubHeading { .. } => true,
    }));
    // The appendix's footnote is numbered with the paper's; the body's link to its
    // heading resolves.
    assert_eq!(s.footnotes.len(), 1);
    assert!(!s.sections.iter().any(|s| s.id.starts_with("appendix")));
}

#[test]
fn appendix_diagnostics_point_into_its_file() {
    let (_, d) = run_with_appendix(
        "# Background\n\nText.\n",
        "Intro.\n\nSee [](#nowhere) and <b>bold</b>.\n",
    );
    let in_appendix: Vec<_> = d
        .iter()
        .filter(|d| d.file == Path::new("papers/_appendix-a.md"))
        .map(|d| (d.code, d.line, d.column))
        .collect();
    assert!(in_appendix.contains(&("unknown-label", 3, 5)), "{d:?}");
    assert!(
        in_appendix.iter().any(|x| x.0 == "raw-html" && x.1 == 3),
        "{d:?}"
    );
}

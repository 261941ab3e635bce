//! Paragraph numbering and grouping, sections, implications and recommendations.

use std::path::Path;

use super::*;

#[test]
fn paragraphs_and_grouping() {
    let cases: &[(&str, &[&str])] = &[
        ("# A\n\nx\n\ny\n\nz\n", &["1.1 P", "1.2 P", "1.3 P"]),
        ("# A\n\nx:\n\n- a\n- b\n\ny\n", &["1.1 P L", "1.2 P"]),
        ("# A\n\n- a\n- b\n\nx\n", &["1.1 L", "1.2 P"]),
        (
            "# A\n\nx\n\n## S\n\n- a\n\ny\n",
            &["1.1 P", "## S", "1.2 L", "1.3 P"],
        ),
        (
            "# A\n\nx\n\n## S\n\ny\n\n### T\n\nz\n",
            &["1.1 P", "## S", "1.2 P", "### T", "1.3 P"],
        ),
        (
            "# A\n\nx\n\n> q\n\n```\nc\n```\n\n---\n\n| a |\n|---|\n| b |\n",
            &["1.1 P Q C R T"],
        ),
        ("# A\n\nx[^1]\n\n[^1]: n\n\n- a\n", &["1.1 P L"]),
        ("# A\n\n<div>x</div>\n\ny\n", &["1.1 P", "1.2 P"]),
        ("# A\n\n1. a\n2. b\n\n| a |\n|---|\n| b |\n", &["1.1 L T"]),
    ];
    for (md, want) in cases {
        let (s, _) = run(md);
        assert_eq!(outline(&s.sections[0]), *want, "{md:?}");
    }
}

#[test]
fn ids_numbers_and_headings() {
    let (s, d) = run(
        "# Purpose\n\nWhy.\n\nAnd.\n\n# Background\n\nOne.\n\n## Next steps\n\nTwo.\n\n# Further Detail on the Report\n\nThree.\n",
    );
    assert!(d.is_empty(), "{d:#?}");
    let [purpose, bg, fd] = &s.sections[..3] else {
        panic!()
    };
    assert_eq!(
        (purpose.kind.clone(), purpose.number, purpose.id.as_str()),
        (SectionKind::Unnumbered, None, "purpose")
    );
    assert_eq!(
        paras(purpose)
            .iter()
            .map(|p| (p.number.clone(), p.id.as_str()))
            .collect::<Vec<_>>(),
        [(None, "purpose-1"), (None, "purpose-2")]
    );
    assert_eq!(
        (bg.kind.clone(), bg.number, bg.id.as_str()),
        (SectionKind::Body, Some(1), "section-1")
    );
    assert_eq!(
        paras(bg).iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ["para-1-1", "para-1-2"]
    );
    assert!(matches!(&bg.items[1], Item::SubHeading { id, level: 2, .. } if id == "next-steps"));
    assert_eq!(
        (fd.number, fd.heading.as_str(), fd.display_heading.as_str()),
        (
            Some(2),
            "Further Detail on the Report",
            "FURTHER DETAIL ON THE REPORT"
        )
    );
}

#[test]
fn implications_and_recommendations() {
    let body = "# Purpose\n\np\n\n# One\n\na\n\n# Two\n\nb\n";
    let impls = [
        ("financial", "Costs £10k.", 3),
        ("legal", "First.\n\nSecond.", 4),
        ("social", "## Detail\n\nOnly one.", 5),
    ];
    let (s, d) = run_full(
        body,
        &impls,
        "Members are invited to note.\n\nAnd agree.",
        Path::new("/nonexistent"),
    );
    assert!(d.is_empty(), "{d:#?}");
    let imps = &s.sections[3..11];
    assert_eq!(
        imps.iter().map(|s| s.number).collect::<Vec<_>>(),
        (3..=10).map(Some).collect::<Vec<_>>()
    );
    let cases: &[(usize, &str, bool, &[&str])] = &[
        (0, "financial", false, &["- P"]),
        (1, "personnel", true, &["- P"]),
        (2, "legal", false, &["5.1 P", "5.2 P"]),
        (4, "social", false, &["## Detail", "- P"]),
    ];
    for (i, key, defaulted, want) in cases {
        let sec = &imps[*i];
        assert_eq!(
            sec.kind,
            SectionKind::Implication {
                key: key.to_string(),
                defaulted: *defaulted
            },
            "{key}"
        );
        assert_eq!(outline(sec), *want, "{key}");
    }
    assert_eq!(
        para_text(paras(&imps[1])[0]),
        "There are no direct personnel implications associated with this paper."
    );
    assert_eq!(imps[5].display_heading, "COMMUNITY IMPACT");
    let rec = s.sections.last().unwrap();
    assert_eq!(
        (
            rec.kind.clone(),
            rec.number,
            rec.id.as_str(),
            rec.display_heading.as_str()
        ),
        (
            SectionKind::Recommendations,
            None,
            "recommendations",
            "RECOMMENDATIONS"
        )
    );
    assert_eq!(outline(rec), ["- P", "- P"]);
    assert_eq!(paras(rec)[1].id, "recommendations-2");
}

#[test]
fn headings_in_metadata_and_empty_values() {
    let (s, d) = run_full(
        "# A\n\nx\n",
        &[("financial", "# Costs\n\nSome.", 7), ("legal", "  ", 8)],
        " ",
        Path::new("/nonexistent"),
    );
    let e = find(&d, "heading-in-metadata");
    assert_eq!((e.severity, e.line, e.column), (Severity::Error, 7, 1));
    let legal = &s.sections[3];
    assert_eq!(
        legal.kind,
        SectionKind::Implication {
            key: "legal".into(),
            defaulted: true
        }
    );
    assert_eq!(
        d.iter()
            .filter(|d| d.code == "empty-section")
            .map(|d| d.line)
            .collect::<Vec<_>>(),
        [1, 8]
    );
}

#[test]
fn structure_diagnostics() {
    let cases: &[(&str, &str, Severity, usize)] = &[
        (
            "# A\n\nx\n\n### Deep\n\ny\n",
            "heading-level",
            Severity::Warning,
            5,
        ),
        (
            "# A\n\n## B\n\n#### Deeper\n",
            "heading-level",
            Severity::Warning,
            5,
        ),
        ("# A\n\n# B\n\nx\n", "empty-section", Severity::Warning, 1),
        (
            "Intro.\n\nMore.\n\n# A\n\nx\n",
            "content-before-heading",
            Severity::Error,
            1,
        ),
        (
            "\n\n## Sub\n\n# A\n\nx\n",
            "content-before-heading",
            Severity::Error,
            3,
        ),
    ];
    for (md, code, sev, line) in cases {
        let (_, d) = run(md);
        assert_eq!(
            d.iter().filter(|x| x.code == *code).count(),
            1,
            "{md:?}: {d:#?}"
        );
        let x = find(&d, code);
        assert_eq!((x.severity, x.line), (*sev, *line), "{md:?}");
        assert!(x.help.is_some(), "{code} has help");
    }
    let (_, d) = run("Intro.\n\n# A\n\nx\n");
    assert!(
        find(&d, "content-before-heading")
            .help
            .as_deref()
            .unwrap()
            .contains("# Purpose")
    );
    // Sections written with `##`: said as such, with the heading to write.
    let (_, d) = run("## Purpose\n\nWhy.\n\n## Background\n\nText.\n");
    let x = find(&d, "content-before-heading");
    assert_eq!(
        x.message,
        "`## Purpose` is a sub-heading, but no section has started: a section's heading has one `#`"
    );
    assert_eq!(
        x.help.as_deref(),
        Some(
            "write `# Purpose`; if the paper's sections are all written with `##`, take a `#` off each of them"
        )
    );
    let (_, d) = run("# A\n\nx\n\n## B\n\n### C\n\n## D\n\n# E\n\ny\n");
    assert!(d.is_empty(), "{d:#?}");
}

/// The body's sections under `house`, with the diagnostics.
fn run_house(body: &str, house: &HouseStyle) -> Vec<Placed> {
    let file = Path::new("papers/p.md");
    let src = |markdown| MdSource {
        file,
        markdown,
        origin: Origin::Body { offset: 0, line: 1 },
    };
    let parts = DocumentParts {
        body: src(body),
        implications: house.implications.iter().map(|s| (s, None)).collect(),
        recommendations: src(RECS),
        appendices: Vec::new(),
        paper_dir: Path::new("/nonexistent-clerk-test"),
        project_root: Path::new("/nonexistent-clerk-test"),
        private: crate::document::markdown::PrivatePapers::NONE,
    };
    let (_, diags) = build_sections(&parts, house);
    placed(diags, &Sources::of(file, body))
}

#[test]
fn a_body_heading_naming_an_implication_or_the_recommendations_is_an_error() {
    let house = HouseStyle::default();
    let body = "# Purpose\n\nWhy.\n\n# Financial  IMPLICATIONS\n\nCosts.\n\n## Community Impact\n\nA sub-heading may.\n\n# Community impact\n\nX.\n\n# recommendations\n\nAgree.\n\n# Financial Detail\n\nY.\n";
    let d = run_house(body, &house);
    let found: Vec<(&str, usize, usize)> = d.iter().map(|d| (d.code, d.line, d.column)).collect();
    assert_eq!(
        found,
        [
            ("closing-heading-in-body", 5, 1),
            ("closing-heading-in-body", 13, 1),
            ("closing-heading-in-body", 17, 1),
        ],
        "{d:#?}"
    );
    let help = |i: usize| d[i].help.as_deref().unwrap();
    assert!(help(0).contains("`implications:`") && help(0).contains("`financial: |`"));
    assert!(help(1).contains("`community: |`"), "{}", help(1));
    assert!(help(2).contains("`recommendations: |`"), "{}", help(2));
}

#[test]
fn the_closing_headings_are_the_house_styles_own() {
    let mut house = HouseStyle::default();
    house.implications.truncate(1);
    house.implications[0].key = "risk".into();
    house.implications[0].heading = "Risk Management".into();
    house.recommendations_heading = "Decisions Sought".into();
    let body = "# Financial Implications\n\nX.\n\n# Recommendations\n\nY.\n\n# RISK management\n\nZ.\n\n# Decisions sought\n\nW.\n";
    let d = run_house(body, &house);
    let found: Vec<(usize, &str)> = d.iter().map(|d| (d.line, d.code)).collect();
    assert_eq!(
        found,
        [
            (9, "closing-heading-in-body"),
            (13, "closing-heading-in-body")
        ],
        "{d:#?}"
    );
    assert!(d[0].help.as_deref().unwrap().contains("`risk: |`"));
}

#[test]
fn a_heading_without_words_is_an_error_at_its_line() {
    let body = "# Purpose\n\nWhy.\n\n#\n\nUnder it.\n\n# {#lbl}\n\nSee [](#lbl).\n\n## \n\nX.\n\n# Background {#bg}\n\nY.\n";
    let (_, d) = run(body);
    let found: Vec<(&str, usize, usize)> = d.iter().map(|d| (d.code, d.line, d.column)).collect();
    assert_eq!(
        found,
        [
            ("empty-heading", 5, 1),
            ("empty-heading", 9, 1),
            ("empty-heading", 13, 1)
        ],
        "{d:#?}"
    );
    assert!(d[1].message.contains("label"), "{:?}", d[1]);
    assert!(
        d[0].help.as_deref().unwrap().contains("after the `#`"),
        "{:?}",
        d[0]
    );
    assert!(
        d[2].help.as_deref().unwrap().contains("after the `##`"),
        "{:?}",
        d[2]
    );
}

#[test]
fn a_paper_with_no_body_is_warned_about() {
    for blank in ["", "\n\n", "  \n\t\n"] {
        let (s, d) = run(blank);
        assert_eq!(codes(&d), ["empty-body"], "{blank:?}");
        assert_eq!((d[0].line, d[0].column), (1, 1));
        // The closing sections are still there.
        assert!(!s.sections.is_empty());
    }
    let (_, d) = run("# Purpose\n\nWhy.\n");
    assert!(codes(&d).is_empty(), "{d:#?}");
}

#[test]
fn a_repeated_section_heading_is_warned_about_at_the_second() {
    let (s, d) = run(
        "# Purpose\n\nWhy.\n\n# Background\n\nA.\n\n# PURPOSE\n\nAgain.\n\n# Back  ground\n\nB.\n",
    );
    assert_eq!(codes(&d), ["repeated-section"]);
    assert_eq!((d[0].line, d[0].column), (9, 1));
    assert!(
        d[0].message.contains("“PURPOSE”") && d[0].message.contains("line 1"),
        "{}",
        d[0].message
    );
    // Both are kept, as written.
    let purpose = |s: &&crate::document::Section| s.display_heading == "PURPOSE";
    assert_eq!(s.sections.iter().filter(purpose).count(), 2);
}

#[test]
fn a_body_heading_reading_nearly_as_a_closing_section_is_a_warning() {
    let house = HouseStyle::default();
    let body = "# Purpose\n\nWhy.\n\n# Implications\n\nA.\n\n# Financial Implication\n\nB.\n\n# Equality Impact Assessment\n\nC.\n\n# Recommendations and next steps\n\nD.\n\n# Recommendation\n\nE.\n\n# Financial Detail\n\nF.\n\n# Recommendation Tracking\n\nG.\n\n# Social Work Review\n\nH.\n";
    let d = run_house(body, &house);
    let found: Vec<(&str, usize)> = d.iter().map(|d| (d.code, d.line)).collect();
    assert_eq!(
        found,
        [
            ("closing-like-heading", 5),
            ("closing-like-heading", 9),
            ("closing-like-heading", 13),
            ("closing-like-heading", 17),
            ("closing-like-heading", 21),
        ],
        "{d:#?}"
    );
    assert!(
        d.iter()
            .all(|d| d.severity == crate::diag::Severity::Warning)
    );
    let help = |i: usize| d[i].help.as_deref().unwrap();
    assert!(help(0).contains("`implications:`"), "{}", help(0));
    assert!(help(1).contains("`financial: |`"), "{}", help(1));
    assert!(help(2).contains("`equalities: |`"), "{}", help(2));
    assert!(help(3).contains("`recommendations: |`"), "{}", help(3));
    assert!(
        d[1].message.contains("“Financial Implications”"),
        "{}",
        d[1].message
    );
}

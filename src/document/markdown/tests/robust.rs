//! Diagnostic placement, hostile input and floods of problems.

use std::path::Path;

use super::*;

#[test]
fn diagnostics_point_into_the_file() {
    let front = "---\ntitle: Paper\ndate: 2021-09-01\n---\n";
    let body = "# A\n\nsee [](#nope)\n";
    let file_text = format!("{front}{body}\nrecommendations: |\n  see [](#nope2)\n");
    let house = HouseStyle::default();
    let file = Path::new("papers/p.md");
    let parts = DocumentParts {
        body: MdSource {
            file,
            markdown: body,
            origin: Origin::Body {
                offset: front.len(),
                line: 5,
            },
        },
        implications: house.implications.iter().map(|s| (s, None)).collect(),
        recommendations: MdSource {
            file,
            markdown: "see [](#nope2)",
            origin: value_at(&file_text, 9),
        },
        appendices: Vec::new(),
        paper_dir: Path::new("/x"),
        project_root: Path::new("/x"),
        private: crate::document::markdown::PrivatePapers::NONE,
    };
    let (_, d) = build_sections(&parts, &house);
    let d = placed(d, &Sources::of(file, file_text.as_str()));
    let got: Vec<_> = d
        .iter()
        .map(|d| {
            (
                d.code,
                d.line,
                d.column,
                d.source_line.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("unknown-label", 7, 5, "see [](#nope)".to_string()),
            ("unknown-label", 9, 1, "recommendations: |".to_string()),
        ]
    );
    assert_eq!(d[0].file, file);
}

#[test]
fn placement_matches_diag_locate() {
    let text = "---\r\ntitle: é\r\n---\r\n# Ä\r\n\r\nsée [](#x) ü [](#y)\r\n";
    let body_at = text.find("# Ä").unwrap();
    let house = HouseStyle::default();
    let file = Path::new("p.md");
    let body = &text[body_at..];
    let parts = DocumentParts {
        body: MdSource {
            file,
            markdown: body,
            origin: Origin::Body {
                offset: body_at,
                line: 4,
            },
        },
        implications: house.implications.iter().map(|s| (s, None)).collect(),
        recommendations: MdSource {
            file,
            markdown: RECS,
            origin: value_at(text, 2),
        },
        appendices: Vec::new(),
        paper_dir: Path::new("/x"),
        project_root: Path::new("/x"),
        private: crate::document::markdown::PrivatePapers::NONE,
    };
    let (_, d) = build_sections(&parts, &house);
    assert_eq!(d.len(), 2, "{d:#?}");
    let sources = Sources::of(file, text);
    let d = placed(d, &sources);
    for (diag, needle) in d.iter().zip(["[](#x)", "[](#y)"]) {
        let at = text.find(needle).unwrap();
        assert_eq!(diag.span, Some(at..at + needle.len()));
        let want = crate::diag::Location::of(text, &(at..at + needle.len()));
        assert_eq!(
            (diag.line, diag.column, diag.width, &diag.source_line),
            (want.line, want.column, want.width, &want.source_line)
        );
    }
    assert_eq!((d[0].line, d[0].column), (6, 5));
}

#[test]
fn never_panics() {
    let deep_quote = ">".repeat(50_000) + " x\n";
    let deep_list: String = (0..3_000)
        .map(|i| format!("{}- x\n", "  ".repeat(i)))
        .collect();
    let deep_emph = "*".repeat(20_000) + "x" + &"*".repeat(20_000);
    let brackets = "[".repeat(20_000) + "^x" + &"]".repeat(20_000);
    let inputs = [
        String::new(),
        "\u{feff}# é\n\n\u{1F600}[^é]\n\n[^é]: ü".into(),
        "# A\n\n".to_string() + &deep_quote,
        "# A\n\n".to_string() + &deep_list,
        "# A\n\n".to_string() + &deep_emph,
        "# A\n\n".to_string() + &brackets,
        "# A\n\n| a | b |\n|:-|-:|\n| 1 |\n| 1 | 2 | 3 |\n".into(),
        "# A\n\n[^a]: x[^a]\n\ny[^a]".into(),
        "#\n\n{#}\n\n[](#)\n\n![](#)\n\n`".into(),
        "# A\n\n- [ ] task\n\n$x$\n\n<!--".into(),
    ];
    for md in &inputs {
        let (s, _) = run(md);
        let _ = format!("{s:?}");
    }
    // An offset that does not fit the file still gives a diagnostic, not a panic.
    let house = HouseStyle::default();
    let file = Path::new("p.md");
    let body = "é\n\n# A\n\n[](#x) <b>";
    let parts = DocumentParts {
        body: MdSource {
            file,
            markdown: body,
            origin: Origin::Body { offset: 1, line: 1 },
        },
        implications: house.implications.iter().map(|s| (s, None)).collect(),
        recommendations: MdSource {
            file,
            markdown: "x",
            origin: Origin::Value {
                line: 99,
                line_start: 0,
                spans: &[],
            },
        },
        appendices: Vec::new(),
        paper_dir: Path::new("/x"),
        project_root: Path::new("/x"),
        private: crate::document::markdown::PrivatePapers::NONE,
    };
    let (_, d) = build_sections(&parts, &house);
    let d = placed(d, &Sources::default());
    assert_eq!(
        codes(&d),
        ["content-before-heading", "unknown-label", "raw-html"]
    );
    let (s, d) = run(&("# A\n\n".to_string() + &deep_quote));
    assert!(codes(&d).contains(&"too-deep"));
    assert_eq!(outline(&s.sections[0]), ["1.1 Q"]);
}

#[test]
fn floods_are_capped() {
    // How the time grows is measured by the benches, never asserted here.
    let n = 10_000;
    let mut md = String::from("# A\n\n");
    md.push_str(&"<b>x</b> [](#nope) [^none] ".repeat(n));
    md.push('\n');
    for i in 0..n {
        md.push_str(&format!("\n## Notes\n\nPara {i} {{#l{i}}}\n"));
    }
    let (s, d) = run(&md);
    assert_eq!(paras(&s.sections[0]).len(), n + 1);
    let ids: std::collections::HashSet<_> = s.sections[0]
        .items
        .iter()
        .map(|i| match i {
            Item::Para(p) => p.id.clone(),
            Item::SubHeading { id, .. } => id.clone(),
        })
        .collect();
    assert_eq!(ids.len(), 2 * n + 1, "ids are unique");
    for code in ["unknown-label", "unknown-footnote"] {
        let shown = d.iter().filter(|x| x.code == code).count();
        assert_eq!(shown, super::report::MAX_PER_CODE + 1, "{code}");
        assert!(d.iter().any(|x| {
            x.code == code
                && x.line == 0
                && x.message
                    .contains(&format!("{} more", n - super::report::MAX_PER_CODE))
        }));
    }
    assert_eq!(
        d.iter().filter(|x| x.code == "raw-html").count(),
        1,
        "one per line"
    );
}

//! Unit tests of the Markdown stage, one table per rule, and the seed paper end to end.

use std::path::Path;

use super::*;
use crate::diag::Severity;
use crate::document::{Block, Inline, Item, Para, SectionKind};

const RECS: &str = "Members are invited to discuss the contents of this report.";

/// Builds a paper whose body is `body` (the whole file), with filled-in implications
/// (`key`, Markdown, line) and recommendations.
fn run_full(
    body: &str,
    impls: &[(&str, &str, usize)],
    recs: &str,
    dir: &Path,
) -> (Sections, Vec<Diagnostic>) {
    run_in(body, impls, recs, dir, dir)
}

fn run_in(
    body: &str,
    impls: &[(&str, &str, usize)],
    recs: &str,
    dir: &Path,
    root: &Path,
) -> (Sections, Vec<Diagnostic>) {
    let house = HouseStyle::default();
    let file = Path::new("papers/p.md");
    let src = |markdown, origin| MdSource {
        file,
        file_text: body,
        markdown,
        origin,
    };
    let implications = house
        .implications
        .iter()
        .map(|s| {
            (
                s,
                impls
                    .iter()
                    .find(|i| i.0 == s.key)
                    .map(|(_, md, line)| src(*md, Origin::Line(*line))),
            )
        })
        .collect();
    let parts = DocumentParts {
        body: src(body, Origin::Offset(0)),
        implications,
        recommendations: src(recs, Origin::Line(1)),
        paper_dir: dir,
        project_root: root,
    };
    build_sections(&parts, &house)
}

fn run(body: &str) -> (Sections, Vec<Diagnostic>) {
    run_full(body, &[], RECS, Path::new("/nonexistent-clerk-test"))
}

fn paras(s: &Section) -> Vec<&Para> {
    s.items
        .iter()
        .filter_map(|i| match i {
            Item::Para(p) => Some(p),
            Item::SubHeading { .. } => None,
        })
        .collect()
}

/// A section's items in short: `1.2 P L` (number, then P paragraph, L list, T table, Q quote,
/// C code, I image, R rule), `- P` when unnumbered, `## Text` for sub-headings.
fn outline(s: &Section) -> Vec<String> {
    s.items
        .iter()
        .map(|i| match i {
            Item::Para(p) => {
                let mut out = p.number.clone().unwrap_or_else(|| "-".into());
                for b in &p.blocks {
                    out.push(' ');
                    out.push(match b {
                        Block::Paragraph { .. } => 'P',
                        Block::List { .. } => 'L',
                        Block::Table(_) => 'T',
                        Block::Quote { .. } => 'Q',
                        Block::Code { .. } => 'C',
                        Block::Image(_) => 'I',
                        Block::Rule => 'R',
                    });
                }
                out
            }
            Item::SubHeading { content, level, .. } => {
                format!("{} {}", "#".repeat(*level as usize), Inline::plain(content))
            }
        })
        .collect()
}

fn codes(diags: &[Diagnostic]) -> Vec<&'static str> {
    diags.iter().map(|d| d.code).collect()
}

fn find<'a>(diags: &'a [Diagnostic], code: &str) -> &'a Diagnostic {
    diags
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no `{code}` in {diags:#?}"))
}

fn para_text(p: &Para) -> String {
    match &p.blocks[0] {
        Block::Paragraph { content } => Inline::plain(content),
        other => format!("{other:?}"),
    }
}

fn first_inlines(p: &Para) -> &[Inline] {
    match &p.blocks[0] {
        Block::Paragraph { content } => content,
        other => panic!("not a paragraph: {other:?}"),
    }
}

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
        [8, 1]
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
    let (_, d) = run("# A\n\nx\n\n## B\n\n### C\n\n## D\n\n# E\n\ny\n");
    assert!(d.is_empty(), "{d:#?}");
}

#[test]
fn cross_references() {
    let (s, d) = run(
        "# A\n\nSee [](#later) and [that](#first).\n\nFirst {#first}\n\n# B\n\nLater.\n\nHere.   {#later}\n",
    );
    assert!(d.is_empty(), "{d:#?}");
    let a = paras(&s.sections[0]);
    assert_eq!(
        (
            a[1].id.as_str(),
            a[1].label.as_deref(),
            para_text(a[1]).as_str()
        ),
        ("first", Some("first"), "First")
    );
    assert_eq!(paras(&s.sections[1])[1].id, "later");
    let inl = first_inlines(a[0]);
    assert!(
        inl.contains(&Inline::CrossRef {
            label: "later".into(),
            number: "2.2".into(),
            target: "later".into()
        }),
        "{inl:?}"
    );
    assert!(
        inl.iter()
            .any(|i| matches!(i, Inline::Link { url, .. } if url == "#first")),
        "{inl:?}"
    );

    // Across body and implications, both ways.
    let (s, d) = run_full(
        "# A\n\nSee [](#cost).\n\nBody {#body}\n",
        &[("legal", "x {#cost}\n\nsee [](#body)", 9)],
        RECS,
        Path::new("/x"),
    );
    assert!(d.is_empty(), "{d:#?}");
    assert!(
        first_inlines(paras(&s.sections[0])[0])
            .iter()
            .any(|i| matches!(i, Inline::CrossRef { number, .. } if number == "4.1"))
    );
    assert!(
        first_inlines(paras(&s.sections[3])[1])
            .iter()
            .any(|i| matches!(i, Inline::CrossRef { number, .. } if number == "1.2"))
    );

    let cases: &[(&str, &str, usize, &str)] = &[
        (
            "# A\n\nx {#summary}\n\nsee [](#sumary)\n",
            "unknown-label",
            5,
            "did you mean `summary`?",
        ),
        (
            "# A\n\nx {#alpha}\n\nsee [](#zzz)\n",
            "unknown-label",
            5,
            "`alpha`",
        ),
        (
            "# A\n\nx {#a}\n\ny {#a}\n",
            "duplicate-label",
            5,
            "own label",
        ),
        (
            "# Purpose\n\nWhy {#why}\n\n# B\n\nsee [](#why)\n",
            "xref-unnumbered",
            7,
            "[see the purpose](#why)",
        ),
        (
            "# A\n\nx {#section-1}\n",
            "duplicate-label",
            3,
            "another label",
        ),
    ];
    for (md, code, line, help) in cases {
        let (_, d) = run(md);
        let e = find(&d, code);
        assert_eq!((e.severity, e.line), (Severity::Error, *line), "{md:?}");
        assert!(
            e.help.as_deref().unwrap_or("").contains(help),
            "{md:?}: {e:?}"
        );
    }
    let (_, d) = run("# A\n\nsee [here](#nowhere) and [top](#)\n");
    assert_eq!(codes(&d), ["broken-link"]);
}

#[test]
fn labels_only_at_the_end_of_top_level_paragraphs() {
    let (s, d) = run("# A\n\nnot {#a} here\n\nescaped \\{#b}\n\n- item {#c}\n");
    let p = paras(&s.sections[0]);
    assert_eq!(
        p.iter().map(|p| p.label.clone()).collect::<Vec<_>>(),
        [None, None]
    );
    assert_eq!(para_text(p[1]), "escaped {#b}");
    assert_eq!(codes(&d), ["misplaced-label"]);
}

#[test]
fn footnotes() {
    let md = "# A\n\nOne[^b] two[^a] again[^b].\n\n[^a]: Note a.\n[^b]: Note b[^c].\n[^c]: Inner.\n[^z]: Never used.\n";
    let (s, d) = run(md);
    assert_eq!(codes(&d), ["unused-footnote"]);
    assert_eq!(find(&d, "unused-footnote").line, 8);
    let refs: Vec<_> = first_inlines(paras(&s.sections[0])[0])
        .iter()
        .filter_map(|i| match i {
            Inline::FootnoteRef { number, target, id } => {
                Some((*number, target.as_str(), id.as_str()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        refs,
        [
            (1, "fn-1", "fnref-1"),
            (2, "fn-2", "fnref-2"),
            (1, "fn-1", "fnref-1-2")
        ]
    );
    let notes: Vec<_> = s
        .footnotes
        .iter()
        .map(|f| {
            (
                f.number,
                f.id.as_str(),
                f.refs.clone(),
                Inline::plain(match &f.blocks[0] {
                    Block::Paragraph { content } => content,
                    _ => panic!(),
                }),
            )
        })
        .collect();
    assert_eq!(
        notes[0],
        (
            1,
            "fn-1",
            vec!["fnref-1".to_string(), "fnref-1-2".into()],
            "Note b3.".to_string()
        )
    );
    assert_eq!(
        notes[1],
        (
            2,
            "fn-2",
            vec!["fnref-2".to_string()],
            "Note a.".to_string()
        )
    );
    assert_eq!(notes[2].0, 3);
    assert_eq!(s.footnotes.len(), 3);

    let (_, d) = run("# A\n\nText[^missing] and [^note2].\n\n[^note]: x\n");
    let unknown: Vec<_> = d.iter().filter(|d| d.code == "unknown-footnote").collect();
    assert_eq!(unknown.len(), 2, "{d:#?}");
    assert_eq!(
        (unknown[0].line, unknown[0].column, unknown[0].severity),
        (3, 5, Severity::Error)
    );
    assert!(
        unknown[1].help.as_deref().unwrap().contains("[^note]"),
        "{unknown:?}"
    );
    let (_, d) = run("# A\n\nEscaped \\[^x] and code `[^y]`.\n");
    assert!(d.is_empty(), "{d:#?}");
}

#[test]
fn raw_html_is_text_with_a_warning_on_its_line() {
    let md = "# A\n\nSome <b>bold</b> text.\n\n<div>\nblock\n</div>\n\n<!-- a note -->\n";
    let (s, d) = run(md);
    let lines: Vec<_> = d
        .iter()
        .filter(|d| d.code == "raw-html")
        .map(|d| (d.line, d.severity))
        .collect();
    assert_eq!(
        lines,
        [
            (3, Severity::Warning),
            (5, Severity::Warning),
            (9, Severity::Warning)
        ]
    );
    assert!(d[0].message.contains("line 3"), "{:?}", d[0]);
    assert!(d[2].message.contains("comment"), "{:?}", d[2]);
    let p = paras(&s.sections[0]);
    assert_eq!(para_text(p[0]), "Some <b>bold</b> text.");
    assert_eq!(
        first_inlines(p[1]),
        [
            Inline::Text {
                text: "<div>".into()
            },
            Inline::HardBreak,
            Inline::Text {
                text: "block".into()
            },
            Inline::HardBreak,
            Inline::Text {
                text: "</div>".into()
            },
        ]
    );
    assert_eq!(para_text(p[2]), "<!-- a note -->");
}

#[test]
fn unsafe_links() {
    for url in [
        "javascript:alert(1)",
        " JavaScript:x",
        "vbscript:x",
        "data:text/html,x",
        "java&#9;script:x",
        "<javascript:x>",
    ] {
        let md = format!("# A\n\n[click]({url})\n");
        let md = if url.starts_with('<') {
            format!("# A\n\n{url}\n")
        } else {
            md
        };
        let (s, d) = run(&md);
        assert_eq!(codes(&d), ["unsafe-link"], "{url}");
        assert!(!format!("{:?}", s.sections[0]).contains("Link"), "{url}");
    }
    let (_, d) = run("# A\n\n[ok](https://example.org) [mail](mailto:a@b.c)\n");
    assert!(d.is_empty());
}

#[test]
fn images() {
    let root = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let papers = root.path().join("papers");
    std::fs::create_dir_all(papers.join("img")).unwrap();
    let png = b"\x89PNG\r\n\x1a\nrest".to_vec();
    std::fs::write(papers.join("img/chart.png"), &png).unwrap();
    std::fs::write(papers.join("photo.jpg"), b"\xFF\xD8\xFF\xE0jpeg").unwrap();
    std::fs::write(papers.join("anim.gif"), b"GIF89a...").unwrap();
    std::fs::write(root.path().join("logo.png"), &png).unwrap();
    std::fs::write(outside.path().join("x.png"), &png).unwrap();
    let rel_outside = format!(
        "../../{}/x.png",
        outside.path().file_name().unwrap().to_str().unwrap()
    );
    let abs = outside.path().join("x.png").display().to_string();
    let cases: &[(&str, Option<&str>)] = &[
        ("![Chart](img/chart.png)", None),
        ("![Photo](photo.jpg)", None),
        ("![Logo](../logo.png)", None),
        ("![](img/chart.png)", Some("image-alt")),
        ("![A](missing.png)", Some("image-missing")),
        ("![A](anim.gif)", Some("image-format")),
        ("![A](https://example.org/x.png)", Some("remote-image")),
        ("![A](//example.org/x.png)", Some("remote-image")),
        ("![A](data:image/png;base64,AAAA)", Some("remote-image")),
        (&rel_outside, Some("image-outside-project")),
        (&abs, Some("image-absolute")),
    ];
    for (img, code) in cases {
        let img = if img.starts_with('!') {
            img.to_string()
        } else {
            format!("![A]({img})")
        };
        let md = format!("# A\n\nText:\n\n{img}\n\nInline {img} here.\n");
        let (s, d) = run_in(&md, &[], RECS, &papers, root.path());
        let p = paras(&s.sections[0]);
        match code {
            None => assert!(d.is_empty(), "{img}: {d:#?}"),
            Some(c) => {
                assert_eq!(codes(&d), [*c, *c], "{img}");
                assert_eq!(d[0].line, 5);
                assert_eq!(
                    d[0].severity,
                    if *c == "image-alt" {
                        Severity::Warning
                    } else {
                        Severity::Error
                    }
                );
            }
        }
        if code.is_none_or(|c| c == "image-alt") {
            // Alone in its paragraph: a block of the paragraph before; inside text: inline.
            assert_eq!(outline(&s.sections[0]), ["1.1 P I", "1.2 P"], "{img}");
            let Block::Image(image) = &p[0].blocks[1] else {
                panic!()
            };
            assert!(image.mime == "image/png" || image.mime == "image/jpeg");
            assert!(image.data.len() > 3 && image.path.is_absolute());
            assert!(
                first_inlines(p[1])
                    .iter()
                    .any(|i| matches!(i, Inline::Image(_)))
            );
        }
    }
}

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
            file_text: &file_text,
            markdown: body,
            origin: Origin::Offset(front.len()),
        },
        implications: house.implications.iter().map(|s| (s, None)).collect(),
        recommendations: MdSource {
            file,
            file_text: &file_text,
            markdown: "see [](#nope2)",
            origin: Origin::Line(9),
        },
        paper_dir: Path::new("/x"),
        project_root: Path::new("/x"),
    };
    let (_, d) = build_sections(&parts, &house);
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
    let (s, d) = run(&("# A\n\n".to_string() + &deep_quote));
    assert!(codes(&d).contains(&"too-deep"));
    assert_eq!(outline(&s.sections[0]), ["1.1 Q"]);
}

#[test]
fn seed_paper() {
    let body = "\
# Purpose

The purpose of this paper is to provide members with an overview of the recent (18 August) report published by Her Majesty's Inspectorate of Constabulary in Scotland (HMICS).

# Background

HMICS published, in February 2020, a [strategic review](#) of the Police Scotland response to online child sexual abuse which made ten specific recommendations for improvement.

In March 2021 HMICS undertook a progress review, intended to measure progress against the recommendations.

The [progress report](#), published in August 2021, summarises the HMICS assessment of progress made since the strategic review.

# Further Detail on the Report

The HMICS progress report details an assessment of progress against each of the ten specific recommendations made in February 2020.

The report also summarises that initial slow progress on other areas has shown clear activity since the start of 2021.

The recommendations made in 2020 and the subsequent progress review also link to other important areas of Police Scotland activity which are of interest to the committee – such as implementation of the cyber strategy.

Based on the progress assessed and reported by HMICS, three of the ten recommendations made in February 2020 have been closed. These recommendations were:

- Police Scotland should ensure a strategic governance framework is in place (R. 3)
- Police Scotland and the National Crime Agency should work together (R. 7)
- Police Scotland should ensure that arrangements for deploying undercover online specialist resources are directed by formal tasking arrangements (R. 10)

All other recommendations made in the 2020 strategic review are reported as partially met.
";
    let (s, d) = run(body);
    assert!(d.is_empty(), "{d:#?}");
    let heads: Vec<_> = s
        .sections
        .iter()
        .map(|s| match s.number {
            Some(n) => format!("{n}. {}", s.display_heading),
            None => s.display_heading.clone(),
        })
        .collect();
    assert_eq!(
        heads,
        [
            "PURPOSE",
            "1. BACKGROUND",
            "2. FURTHER DETAIL ON THE REPORT",
            "3. FINANCIAL IMPLICATIONS",
            "4. PERSONNEL IMPLICATIONS",
            "5. LEGAL IMPLICATIONS",
            "6. REPUTATIONAL IMPLICATIONS",
            "7. SOCIAL IMPLICATIONS",
            "8. COMMUNITY IMPACT",
            "9. EQUALITIES IMPLICATIONS",
            "10. ENVIRONMENT IMPLICATIONS",
            "RECOMMENDATIONS",
        ]
    );
    assert_eq!(outline(&s.sections[0]), ["- P"]);
    assert_eq!(outline(&s.sections[1]), ["1.1 P", "1.2 P", "1.3 P"]);
    assert_eq!(
        outline(&s.sections[2]),
        ["2.1 P", "2.2 P", "2.3 P", "2.4 P L", "2.5 P"]
    );
    let Block::List { start: None, items } = &paras(&s.sections[2])[3].blocks[1] else {
        panic!()
    };
    assert_eq!(items.len(), 3);
    assert!(
        para_text(paras(&s.sections[0])[0]).contains("Majesty’s"),
        "smart punctuation"
    );
    let house = HouseStyle::default();
    for (sec, style) in s.sections[3..11].iter().zip(&house.implications) {
        assert_eq!(outline(sec), ["- P"]);
        assert_eq!(para_text(paras(sec)[0]), style.default);
        assert_eq!(
            sec.kind,
            SectionKind::Implication {
                key: style.key.clone(),
                defaulted: true
            }
        );
    }
    let rec = &s.sections[11];
    assert_eq!(
        (rec.kind.clone(), outline(rec), para_text(paras(rec)[0])),
        (
            SectionKind::Recommendations,
            vec!["- P".to_string()],
            RECS.to_string()
        )
    );
    assert!(s.footnotes.is_empty());
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
            file_text: text,
            markdown: body,
            origin: Origin::Offset(body_at),
        },
        implications: house.implications.iter().map(|s| (s, None)).collect(),
        recommendations: MdSource {
            file,
            file_text: text,
            markdown: RECS,
            origin: Origin::Line(2),
        },
        paper_dir: Path::new("/x"),
        project_root: Path::new("/x"),
    };
    let (_, d) = build_sections(&parts, &house);
    assert_eq!(d.len(), 2, "{d:#?}");
    for (diag, needle) in d.iter().zip(["[](#x)", "[](#y)"]) {
        let at = text.find(needle).unwrap();
        let want = Diagnostic::error_at(
            "unknown-label",
            file,
            text,
            at,
            needle.len(),
            diag.message.clone(),
        );
        assert_eq!(
            (diag.line, diag.column, diag.width, &diag.source_line),
            (want.line, want.column, want.width, &want.source_line)
        );
    }
    assert_eq!((d[0].line, d[0].column), (6, 5));
}

#[test]
fn floods_are_capped_and_stay_linear() {
    let start = std::time::Instant::now();
    let n = 20_000;
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
    assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
}

//! Cross-references, labels and footnotes.

use std::path::Path;

use super::*;

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
    let (_, d) = run("# A\n\nsee [the outlook](#nowhere) and [top](#)\n");
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
    assert_eq!(para_text(p[0]), "not {#a} here");
    assert_eq!(para_text(p[1]), "escaped {#b}");
    // `{#a}` inside the text and `{#c}` in a list label nothing: each is said, where it
    // stands; the escaped `\{#b}` is text on purpose.
    assert_eq!(codes(&d), ["misplaced-label", "misplaced-label"]);
    let at: Vec<_> = d.iter().map(|d| (d.line, d.column, d.width)).collect();
    assert_eq!(at, [(3, 5, 4), (7, 8, 4)]);
    assert!(
        d[0].message.contains("`{#a}` is inside the paragraph"),
        "{d:#?}"
    );
}

#[test]
fn a_label_before_the_last_labels_nothing_and_is_said() {
    // Only the last `{#…}` labels the paragraph; one in a code span is meant as written;
    // one inside a list item's text is said as well as its trailing one.
    let (s, d) = run(
        "# A\n\nEnds twice {#b} {#c}\n\nWrite `{#x}` last, *as {#y} here*.\n\n- in {#p} a list {#q}\n",
    );
    let p = paras(&s.sections[0]);
    assert_eq!(p[0].label.as_deref(), Some("c"));
    assert_eq!(para_text(p[0]), "Ends twice {#b}");
    let found: Vec<_> = d.iter().map(|d| (d.code, d.line, d.column)).collect();
    assert_eq!(
        found,
        [
            ("misplaced-label", 3, 12),
            ("misplaced-label", 5, 24),
            ("misplaced-label", 7, 6),
            ("misplaced-label", 7, 18),
        ]
    );
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
    // A body's note cited in an implication: said to be written for another part, where.
    let (_, d) = run_full(
        "# A\n\nText[^q].\n\n[^q]: The source.\n",
        &[("legal", "A risk.[^q]", 9)],
        RECS,
        Path::new("/x"),
    );
    let unknown: Vec<_> = d.iter().filter(|d| d.code == "unknown-footnote").collect();
    assert_eq!(unknown.len(), 1, "{d:#?}");
    assert!(
        unknown[0]
            .help
            .as_deref()
            .unwrap()
            .starts_with("`[^q]:` is written on line 5, for another part of the paper"),
        "{unknown:?}"
    );
}

//! Raw HTML, unsafe links and images.

use super::*;

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
    let png =
        include_bytes!("../../../../papers/policing-performance/recorded-crime-by-quarter.png")
            .to_vec();
    std::fs::write(papers.join("img/chart.png"), &png).unwrap();
    let photo = image::RgbImage::from_fn(8, 6, |x, y| image::Rgb([x as u8 * 30, y as u8 * 40, 9]));
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
        .encode_image(&photo)
        .unwrap();
    std::fs::write(papers.join("photo.jpg"), &jpeg).unwrap();
    // The magic bytes of a PNG, and nothing a reader could draw.
    std::fs::write(papers.join("fake.png"), b"\x89PNG\r\n\x1a\nrest").unwrap();
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
        ("![A](fake.png)", Some("image-unreadable")),
        ("![A](https://example.org/x.png)", Some("remote-image")),
        ("![A](//example.org/x.png)", Some("remote-image")),
        ("![A](data:image/png;base64,AAAA)", Some("remote-image")),
        (&rel_outside, Some("image-outside-project")),
        // Outside, and not there either: the way out is the same.
        (
            "../../../../../../nowhere/x.png",
            Some("image-outside-project"),
        ),
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
            // Drawn alone in its paragraph; in a line of text, the PDF shows its alt text
            // there, which is said, at the image.
            None => {
                assert_eq!(codes(&d), ["inline-image"], "{img}: {d:#?}");
                assert_eq!((d[0].line, d[0].column), (7, 8), "{img}");
            }
            Some(c) => {
                // An image read despite its problem (no alt text) is also in a line.
                let drawn: &[&str] = if *c == "image-alt" {
                    &[*c, *c, "inline-image"]
                } else {
                    &[*c, *c]
                };
                assert_eq!(codes(&d), drawn, "{img}");
                assert_eq!(d[0].line, 5);
                if *c == "image-missing" {
                    assert!(
                        d[0].help.as_deref().unwrap().ends_with("(papers)"),
                        "{:?}",
                        d[0]
                    );
                }
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
    // A path that differs from the file's only in its capitals: the file is named.
    let (_, d) = run_in(
        "# A\n\n![A](Img/Chart.PNG)\n",
        &[],
        RECS,
        &papers,
        root.path(),
    );
    assert_eq!(codes(&d), ["image-missing"], "{d:#?}");
    let help = d[0].help.as_deref().unwrap();
    assert!(help.starts_with("the file is `img/chart.png`"), "{help}");
    // A slip in the name: the image beside it it was meant to be; a file that is no
    // image is never offered.
    std::fs::write(papers.join("img/chrat.txt"), "notes").unwrap();
    for (written, meant) in [
        ("img/chrat.png", Some("did you mean `img/chart.png`?")),
        ("img/chart.jpg", Some("did you mean `img/chart.png`?")),
        ("img/graph.png", None),
    ] {
        let md = format!("# A\n\n![A]({written})\n");
        let (_, d) = run_in(&md, &[], RECS, &papers, root.path());
        assert_eq!(codes(&d), ["image-missing"], "{d:#?}");
        let help = d[0].help.as_deref().unwrap();
        match meant {
            Some(meant) => assert!(help.starts_with(meant), "{written}: {help}"),
            None => assert!(help.starts_with("check the spelling"), "{written}: {help}"),
        }
    }
    // Written with Windows' backslash: the way out is the slash (and the capitals).
    for (written, capitals) in [("img\\chart.png", false), ("Img\\chart.png", true)] {
        let md = format!("# A\n\n![A]({written})\n");
        let (_, d) = run_in(&md, &[], RECS, &papers, root.path());
        assert_eq!(codes(&d), ["image-missing"], "{d:#?}");
        let help = d[0].help.as_deref().unwrap();
        assert!(
            help.starts_with(
                "the file is `img/chart.png`: write the path with `/` between its folders"
            ),
            "{help}"
        );
        assert_eq!(help.contains("same capitals"), capitals, "{help}");
    }
    // In a table cell, the PDF shows its alt text: said, at the image.
    let (_, d) = run_in(
        "# A\n\n| Map | Picture |\n| --- | --- |\n| Estate | ![Map](img/chart.png) |\n",
        &[],
        RECS,
        &papers,
        root.path(),
    );
    assert_eq!(codes(&d), ["table-image"], "{d:#?}");
    assert_eq!((d[0].line, d[0].column), (5, 12), "{d:#?}");
}

#[test]
fn a_label_on_a_line_of_its_own_is_an_error() {
    let (_, d) = run("# A\n\nFirst.\n\n{#x}\n\nSecond. {#y}\n");
    let found: Vec<(&str, usize, usize)> = d.iter().map(|d| (d.code, d.line, d.column)).collect();
    assert_eq!(found, [("label-alone", 5, 1)], "{d:#?}");
    assert!(
        d[0].help
            .as_deref()
            .unwrap()
            .contains("at the end of the paragraph")
    );
}

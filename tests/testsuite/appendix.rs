//! Appendix files: a Markdown appendix rendered after the paper (HTML and PDF), a PDF
//! appendix appended to the paper's PDF with its tags, and the PDFs refused (untagged,
//! encrypted, not a PDF, fonts not embedded) with a diagnostic at the `file:` line.

use std::path::Path;

use crate::common::{clerk, parts, run_tool};
use crate::pdfua_check::{Pdf, mcids, untagged_content};
use lopdf::{Dictionary, Document, Object, Stream};

/// A paper whose metadata lists `appendices` (YAML lines); its `appendices:` key is on
/// line 8, the first `file:` on line 10.
fn paper(appendices: &str) -> String {
    format!(
        "---\nmeeting: Resources Committee\ndate: 2022-03-15\ntitle: Fleet Review\n\
         presented_by: A. Person, Head of Fleet\nrecommendation: For Noting\n\
         recommendations: Members are invited to note this paper.\nappendices:\n{appendices}---\n\n\
         # Purpose\n\nTo report on the fleet.\n\n# Background\n\nThe fleet has 40 vehicles.\n"
    )
}

fn project(appendices: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("papers")).unwrap();
    std::fs::write(dir.path().join("papers/fleet.md"), paper(appendices)).unwrap();
    dir
}

/// `(code, file, line)` of every diagnostic `clerk check --format json` prints.
fn check(dir: &Path) -> Vec<(String, String, usize)> {
    let o = clerk(dir, &["check", "--format", "json"]);
    let (_, stdout, _) = parts(&o);
    let field = |line: &str, key: &str| {
        let at = line.find(&format!("\"{key}\":"))? + key.len() + 3;
        let rest = line[at..].trim_start();
        Some(if let Some(s) = rest.strip_prefix('"') {
            s[..s.find('"')?].to_string()
        } else {
            rest[..rest.find([',', '}'])?].trim().to_string()
        })
    };
    stdout
        .lines()
        .filter_map(|l| {
            Some((
                field(l, "code")?,
                field(l, "file")?,
                field(l, "line")?.parse().ok()?,
            ))
        })
        .collect()
}

/// A one-page PDF drawing a line of text in `font`; `tagged` adds `/MarkInfo` and a
/// structure tree.
fn small_pdf(font: Dictionary, tagged: bool) -> Document {
    let mut doc = Document::with_version("1.7");
    let pages = doc.new_object_id();
    let font = doc.add_object(font);
    let content = doc.add_object(Stream::new(
        Dictionary::new(),
        b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET".to_vec(),
    ));
    let page = doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Page".to_vec())),
        ("Parent", pages.into()),
        ("Contents", content.into()),
        (
            "Resources",
            Dictionary::from_iter([("Font", Dictionary::from_iter([("F1", font.into())]).into())])
                .into(),
        ),
    ]));
    doc.objects.insert(
        pages,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", vec![page.into()].into()),
            ("Count", 1.into()),
            (
                "MediaBox",
                vec![0.into(), 0.into(), 595.into(), 842.into()].into(),
            ),
        ])),
    );
    let mut catalog = Dictionary::from_iter([
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", pages.into()),
    ]);
    if tagged {
        // Its one paragraph's marked content, which the tree points at.
        let root = doc.new_object_id();
        let p = doc.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"StructElem".to_vec())),
            ("S", Object::Name(b"P".to_vec())),
            ("P", root.into()),
            ("Pg", page.into()),
            ("K", 0.into()),
        ]));
        doc.objects.insert(
            root,
            Object::Dictionary(Dictionary::from_iter([
                ("Type", Object::Name(b"StructTreeRoot".to_vec())),
                ("K", p.into()),
            ])),
        );
        catalog.set("StructTreeRoot", root);
        catalog.set(
            "MarkInfo",
            Dictionary::from_iter([("Marked", Object::Boolean(true))]),
        );
    }
    let catalog = doc.add_object(catalog);
    doc.trailer.set("Root", catalog);
    doc
}

fn helvetica() -> Dictionary {
    Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type1".to_vec())),
        ("BaseFont", Object::Name(b"Helvetica".to_vec())),
    ])
}

fn save(doc: &mut Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn refused_pdfs_are_reported_at_their_file_line() {
    let untagged = save(&mut small_pdf(helvetica(), false));
    let fonts = save(&mut small_pdf(helvetica(), true));
    let mut locked = small_pdf(helvetica(), true);
    let encrypt = locked.add_object(Dictionary::from_iter([
        ("Filter", Object::Name(b"Standard".to_vec())),
        ("V", 1.into()),
        ("R", 2.into()),
        ("O", Object::string_literal(vec![1u8; 32])),
        ("U", Object::string_literal(vec![2u8; 32])),
        ("P", (-4).into()),
    ]));
    locked.trailer.set("Encrypt", encrypt);
    let locked = save(&mut locked);
    let cases: [(&str, &[u8], &str); 4] = [
        ("untagged.pdf", &untagged, "appendix-untagged"),
        ("fonts.pdf", &fonts, "appendix-fonts"),
        ("locked.pdf", &locked, "appendix-encrypted"),
        (
            "junk.pdf",
            b"PK\x03\x04 this is a zip file",
            "appendix-unreadable",
        ),
    ];
    let mut yaml = String::new();
    for (name, _, _) in &cases {
        yaml.push_str(&format!("  - title: {name}\n    file: {name}\n"));
    }
    let dir = project(&yaml);
    for (name, bytes, _) in &cases {
        std::fs::write(dir.path().join("papers").join(name), bytes).unwrap();
    }
    let got = check(dir.path());
    for (k, (name, _, code)) in cases.iter().enumerate() {
        let line = 10 + 2 * k;
        assert!(
            got.iter()
                .any(|(c, f, l)| c == code && f.ends_with("fleet.md") && *l == line),
            "{name}: want {code} at fleet.md:{line}, got {got:?}"
        );
    }
    // A build refuses the paper too, and writes nothing for it.
    let o = clerk(dir.path(), &["build"]);
    assert_eq!(parts(&o).0, 1, "{}", parts(&o).2);
    assert!(!dir.path().join("out/fleet.pdf").exists());
}

#[test]
fn a_problem_inside_a_markdown_appendix_points_into_it() {
    let dir = project("  - title: Vehicle list\n    file: _appendix-a.md\n");
    std::fs::write(
        dir.path().join("papers/_appendix-a.md"),
        "Vehicles by station.\n\n![A map](missing.png)\n\nSee [the list](#nowhere).\n",
    )
    .unwrap();
    let got = check(dir.path());
    assert!(
        got.iter().any(|(c, f, l)| c == "image-missing"
            && f.ends_with("papers/_appendix-a.md")
            && *l == 3),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(c, f, l)| c == "broken-link" && f.ends_with("_appendix-a.md") && *l == 5),
        "{got:?}"
    );
}

#[test]
fn a_markdown_appendix_that_is_not_text_is_refused_against_it() {
    let dir = project("  - title: Vehicle list\n    file: _appendix-a.md\n");
    std::fs::write(dir.path().join("papers/_appendix-a.md"), b"caf\xe9 list\n").unwrap();
    let got = check(dir.path());
    assert!(
        got.iter()
            .any(|(c, f, _)| c == "appendix-unreadable" && f.ends_with("papers/_appendix-a.md")),
        "{got:?}"
    );
}

/// A project with a Markdown appendix A and a PDF appendix B (a paper clerk built), built.
fn both_kinds() -> (tempfile::TempDir, u32) {
    let source = project("  - title: Only named\n");
    let o = clerk(source.path(), &["build", "--format", "pdf"]);
    assert_eq!(parts(&o).0, 0, "{}", parts(&o).2);
    let appendix_pdf = std::fs::read(source.path().join("out/fleet.pdf")).unwrap();
    let appendix_pages = clerk::render::pdf::page_count(&appendix_pdf).unwrap();

    let dir = project(
        "  - title: Vehicle list\n    file: _appendix-a.md\n  - title: Survey\n    file: survey.pdf\n",
    );
    std::fs::write(dir.path().join("papers/survey.pdf"), appendix_pdf).unwrap();
    std::fs::write(
        dir.path().join("papers/_appendix-a.md"),
        "Vehicles by station, March 2022.\n\n# Electric vehicles\n\nTwelve of the forty are electric.\n",
    )
    .unwrap();
    let o = clerk(dir.path(), &["build"]);
    assert_eq!(parts(&o).0, 0, "{}", parts(&o).2);
    (dir, appendix_pages)
}

#[test]
fn a_markdown_appendix_that_repeats_its_title_is_warned_of_at_that_line() {
    let dir = project("  - title: Vehicle list\n    file: _appendix-a.md\n");
    let appendix = dir.path().join("papers/_appendix-a.md");
    for first in [
        "# Vehicle list",
        "# Appendix A – Vehicle List",
        "## Appendix A: vehicle list",
        "# APPENDIX A",
    ] {
        std::fs::write(&appendix, format!("\n{first}\n\nVehicles by station.\n")).unwrap();
        let got: Vec<_> = check(dir.path())
            .into_iter()
            .filter(|(c, ..)| c != "no-agenda-item")
            .collect();
        assert_eq!(
            got,
            [(
                "appendix-title-repeated".to_string(),
                "papers/_appendix-a.md".to_string(),
                2
            )],
            "{first}"
        );
    }
    // A heading of its own is the appendix's to give, one that starts with the word
    // "Appendix" too, and another appendix's letter is no repeat of this one's title.
    for first in [
        "# Appendix Methodology",
        "# Appendix tables",
        "# Appendix B",
        "# Appendix AB",
    ] {
        std::fs::write(&appendix, format!("{first}\n\nNorth: 12.\n")).unwrap();
        assert!(
            check(dir.path())
                .iter()
                .all(|(c, ..)| c == "no-agenda-item"),
            "{first}"
        );
    }
    std::fs::write(&appendix, "# Vehicles by station\n\nNorth: 12.\n").unwrap();
    assert!(
        check(dir.path())
            .iter()
            .all(|(c, ..)| c == "no-agenda-item")
    );
}

#[test]
fn markdown_appendix_follows_the_last_section_in_html() {
    let (dir, _) = both_kinds();
    let html = std::fs::read_to_string(dir.path().join("out/fleet.html")).unwrap();
    let recs = html.find("id=\"recommendations\"").unwrap();
    let a = html
        .find("<section id=\"appendix-a\"")
        .expect("appendix A section");
    assert!(a > recs, "appendix A comes after RECOMMENDATIONS");
    let text = crate::common::html_text(&html[a..]);
    assert!(text.contains("APPENDIX A – VEHICLE LIST"), "{text}");
    assert!(text.contains("Twelve of the forty are electric."), "{text}");
    assert!(html[a..].contains("<h3"), "the file's `#` is a sub-heading");
    assert!(
        !html[a..].contains("class=\"pnum\""),
        "no paragraph numbers"
    );
    // The PDF appendix is named and linked to the PDF beside the page.
    assert!(html.contains("<a href=\"fleet.pdf\">PDF version of this paper</a>"));
}

#[test]
fn without_a_pdf_built_a_pdf_appendix_is_named_not_linked() {
    let (dir, _) = both_kinds();
    let o = clerk(
        dir.path(),
        &["build", "--format", "html", "--out", "html-only"],
    );
    assert_eq!(parts(&o).0, 0, "{}", parts(&o).2);
    let html = std::fs::read_to_string(dir.path().join("html-only/fleet.html")).unwrap();
    let b = html
        .find("<section id=\"appendix-b\"")
        .expect("appendix B section");
    let section = &html[b..html[b..].find("</section>").map_or(html.len(), |e| b + e)];
    assert!(
        section.contains("in the PDF version of this paper"),
        "{section}"
    );
    assert!(!section.contains("href="), "{section}");
}

#[test]
fn an_html_only_build_links_a_pdf_appendix_to_the_pdf_already_built() {
    let (dir, _) = both_kinds();
    let root = dir.path();
    let page = || std::fs::read_to_string(root.join("out/fleet.html")).unwrap();
    let full = page();
    let html_only = |extra: &[&str]| {
        let o = clerk(root, &[&["build", "--format", "html"], extra].concat());
        assert_eq!(parts(&o).0, 0, "{}", parts(&o).2);
    };
    // The full build's PDF is there and listed: the page is the full build's.
    html_only(&["--force"]);
    assert_eq!(page(), full);
    // Gone: named, not linked, on the next HTML-only build (no --force needed).
    std::fs::remove_file(root.join("out/fleet.pdf")).unwrap();
    html_only(&[]);
    assert!(page().contains("in the PDF version of this paper"));
    assert!(!page().contains("href=\"fleet.pdf\""), "{}", page());
    // Made again by a PDF-only build: linked again.
    let o = clerk(root, &["build", "--format", "pdf"]);
    assert_eq!(parts(&o).0, 0, "{}", parts(&o).2);
    html_only(&[]);
    assert_eq!(page(), full);
}

#[test]
#[ignore = "needs poppler-utils and qpdf"]
fn pdf_holds_both_appendices_after_the_paper() {
    let (dir, appendix_pages) = both_kinds();
    let pdf = dir.path().join("out/fleet.pdf");
    let pdf = pdf.to_str().unwrap();
    let text = run_tool("pdftotext", &["-layout", pdf, "-"]);
    let recs = text.find("RECOMMENDATIONS").unwrap();
    let a = text.find("Twelve of the forty are electric.").unwrap();
    assert!(a > recs, "{text}");

    let info = run_tool("pdfinfo", &[pdf]);
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    // clerk's own pages say "Page N of M", M counting only them.
    let own: u32 = text
        .split("Page 1 of ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert_eq!(pages, own + appendix_pages, "{info}");
    // Each appended page says which appendix it is, first on its page (top left); clerk's
    // own pages, the Markdown appendix A's among them, have their heading instead.
    let first_line = |n: u32| {
        let n = n.to_string();
        let page = run_tool("pdftotext", &["-f", &n, "-l", &n, pdf, "-"]);
        page.lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_string()
    };
    for n in own + 1..=pages {
        assert_eq!(first_line(n), "Appendix B", "page {n}");
    }
    for n in 1..=own {
        assert!(!first_line(n).starts_with("Appendix"), "page {n}");
    }
    let manifest = std::fs::read_to_string(dir.path().join("out/manifest.json")).unwrap();
    assert!(
        manifest.contains(&format!("\"pages\": {pages}")),
        "{manifest}"
    );

    let qpdf = std::process::Command::new("qpdf")
        .args(["--check", pdf])
        .output()
        .unwrap();
    assert!(
        qpdf.status.success(),
        "{}",
        String::from_utf8_lossy(&qpdf.stdout)
    );
    let out = String::from_utf8_lossy(&qpdf.stdout);
    assert!(!out.contains("WARNING"), "{out}");

    let tags = run_tool("pdfinfo", &["-struct-text", pdf]);
    assert!(tags.contains("Sect"), "{tags}");
    assert!(tags.contains("Twelve of the forty are electric."), "{tags}");
    // The appended paper's own text is in the tree too, after the Sect.
    let sect = tags.find("Sect").unwrap();
    assert!(
        tags[sect..].contains("The fleet has 40 vehicles."),
        "{tags}"
    );
}

#[test]
fn merged_pdf_passes_the_matterhorn_checks_and_rebuilds_the_same() {
    let (dir, appendix_pages) = both_kinds();
    let bytes = std::fs::read(dir.path().join("out/fleet.pdf")).unwrap();
    let pdf = Pdf::load("fleet.pdf", &bytes);
    assert!(pdf.pages().len() as u32 > appendix_pages);
    assert_eq!(untagged_content(&pdf), Vec::<String>::new());
    let orphans: Vec<_> = mcids(&pdf)
        .into_iter()
        .filter(|(_, _, parent)| parent.is_none())
        .collect();
    assert!(orphans.is_empty(), "MCIDs without an element: {orphans:?}");
    // Every annotation's /StructParent leads back to an element.
    for (_, annot, d) in pdf.annotations() {
        let key = d.get(b"StructParent").and_then(Object::as_i64).unwrap();
        assert!(pdf.parent_tree(key).is_some(), "annotation {annot:?}");
    }
    // The outline names both appendices.
    let outline: Vec<String> = pdf
        .doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.has(b"Dest") && d.has(b"Parent"))
        .filter_map(|d| crate::pdfua_check::text(d.get(b"Title").ok()?))
        .collect();
    for want in ["APPENDIX A – VEHICLE LIST", "Appendix B – Survey"] {
        assert!(outline.iter().any(|t| t == want), "{outline:?}");
    }

    let o = clerk(dir.path(), &["build"]);
    assert_eq!(parts(&o).0, 0);
    let again = std::fs::read(dir.path().join("out/fleet.pdf")).unwrap();
    assert!(again == bytes, "a rebuild gives the same bytes");
}

#[test]
fn the_appendices_list_links_each_appendix_to_its_first_page() {
    let (dir, appendix_pages) = both_kinds();
    let bytes = std::fs::read(dir.path().join("out/fleet.pdf")).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    let page_of = |title: &str| -> usize {
        let link = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .find(|d| {
                d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Link".as_slice())
                    && d.get(b"Contents")
                        .ok()
                        .and_then(crate::pdfua_check::text)
                        .is_some_and(|t| t.starts_with(title))
            })
            .unwrap_or_else(|| panic!("no link to {title}"));
        let dest = link.get(b"Dest").and_then(Object::as_array).unwrap();
        let page = dest[0].as_reference().unwrap();
        pages.iter().position(|p| *p == page).unwrap()
    };
    // Appendix B, the PDF, starts on the first page after clerk's own.
    assert_eq!(
        page_of("Appendix B – Survey"),
        pages.len() - appendix_pages as usize
    );
    // Appendix A, the Markdown one, on clerk's page that has its heading.
    let a = page_of("Appendix A – Vehicle list");
    assert!(
        a >= 1 && a < pages.len() - appendix_pages as usize,
        "page {a}"
    );
}

/// An appendix file named with a slip (`apendix-a.pdf`, `Appendix-A.pdf`) is refused with
/// the file beside the paper it was meant to be; one with nothing near is told to check.
#[test]
fn a_misspelt_appendix_file_is_refused_with_the_file_meant() {
    for (written, said) in [
        ("apendix-a.pdf", Some("did you mean `appendix-a.pdf`?")),
        (
            "Appendix-A.pdf",
            Some("did you mean `appendix-a.pdf`? Capitals count"),
        ),
        ("budget.pdf", None),
    ] {
        let dir = project(&format!("  - title: Fleet list\n    file: {written}\n"));
        std::fs::write(dir.path().join("papers/appendix-a.pdf"), b"%PDF-1.7\n").unwrap();
        std::fs::write(dir.path().join("papers/notes.txt"), b"x").unwrap();
        let o = clerk(dir.path(), &["check"]);
        let (_, out, err) = parts(&o);
        let text = format!("{out}{err}");
        assert!(text.contains("appendix-missing"), "{text}");
        match said {
            Some(said) => assert!(text.contains(said), "{written}: {text}"),
            None => assert!(
                !text.contains("did you mean") && text.contains("correct the name"),
                "{written}: {text}"
            ),
        }
    }
}

/// In the HTML the paper's footnotes end the paper, before its appendices, and a Markdown
/// appendix's own footnotes end that appendix: a reader never takes the paper's note for
/// the appendix's. (The PDF sets each note at the foot of its page.)
#[test]
fn the_papers_footnotes_end_the_paper_and_an_appendixs_end_the_appendix() {
    let dir = project("  - title: Vehicle list\n    file: _appendix-a.md\n");
    let paper = dir.path().join("papers/fleet.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    std::fs::write(
        &paper,
        text.replace("40 vehicles.", "40 vehicles.[^count]")
            + "\n[^count]: Counted in March 2022.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("papers/_appendix-a.md"),
        "Twelve of the forty are electric.[^ev]\n\n[^ev]: Two more arrive in May.\n",
    )
    .unwrap();
    let o = clerk(dir.path(), &["build", "--format", "html"]);
    assert_eq!(parts(&o).0, 0, "{}", parts(&o).2);
    let html = std::fs::read_to_string(dir.path().join("out/fleet.html")).unwrap();
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} in {html}"));
    let (list, appendix) = (
        at("<section id=\"appendices\""),
        at("<section id=\"appendix-a\""),
    );
    let (paper_note, appendix_note) = (at("Counted in"), at("Two more arrive"));
    assert!(list < paper_note && paper_note < appendix, "{html}");
    assert!(appendix < appendix_note, "{html}");
    assert_eq!(
        html.matches("<section class=\"footnotes\"").count(),
        2,
        "{html}"
    );
    // Two regions, each named apart for a screen reader's list of landmarks.
    assert!(
        html.contains("<section class=\"footnotes\" aria-label=\"Footnotes\">"),
        "{html}"
    );
    assert!(
        html.contains(
            "<section class=\"footnotes\" aria-label=\"Footnotes: Appendix A – Vehicle list\">"
        ),
        "{html}"
    );
    // The appendix's notes are inside its section, which closes after them.
    let closes = appendix + html[appendix..].find("</section>\n</section>").unwrap();
    assert!(appendix_note < closes, "{html}");
    // A project's template written before the split still finds every note in `footnotes`.
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/paper.html"),
        "<!DOCTYPE html><html lang=\"en\"><title>x</title>{% for n in footnotes %}[{{ n.id }}]{% endfor %}</html>\n",
    )
    .unwrap();
    let o = clerk(dir.path(), &["build", "--format", "html"]);
    assert_eq!(parts(&o).0, 0, "{}", parts(&o).2);
    let html = std::fs::read_to_string(dir.path().join("out/fleet.html")).unwrap();
    assert!(html.contains("[fn-1][fn-2]"), "{html}");
}

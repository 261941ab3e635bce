//! Tables tagged right, links that say where they go, and bare web addresses that link,
//! proven on the two-table fixture (`tests/fixtures/tables`: a Total row with empty cells,
//! then a table whose header row opens with an empty corner); the project's checker rules
//! (`pdfua_check::rules`, `doc_rules`, `pdfa_rules`) over every example and fixture PDF, each also shown failing
//! a synthetic bad file; and the outside checkers (PyPI `pdfua` and `outloud`) over every
//! PDF the tests build, `#[ignore]`d as they need Python (`.ci/run` installs them).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::common::*;
use crate::pdfua_check::synthetic::synthetic;
use crate::pdfua_check::{Pdf, every_pdf, kids, text};
use crate::pdfua_check::{doc_rules, rules};
use lopdf::{Dictionary, Object, dictionary};

const TABLES: &str = "2025-03-10-capital-tables";

/// The tables fixture, built (HTML and PDF) into a fresh folder.
fn built() -> tempfile::TempDir {
    let dir = temp_project("tables");
    let o = clerk(dir.path(), &["build"]);
    let (code, stdout, stderr) = parts(&o);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    dir
}

fn tables_pdf(dir: &Path) -> Pdf {
    let path = dir.join(format!("out/{TABLES}.pdf"));
    Pdf::load(TABLES, &std::fs::read(path).unwrap())
}

/// Each GFM table (the header table aside) as rows of cell types, `TH` or `TD`, with `|`
/// between the `THead` and the `TBody`.
fn table_shapes(pdf: &Pdf) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (_, table) in pdf.elements() {
        if Pdf::role(table) != "Table" {
            continue;
        }
        let mut rows = Vec::new();
        for section in kids(pdf, table) {
            for row in kids(pdf, section) {
                let cells: Vec<String> = kids(pdf, row).into_iter().map(Pdf::role).collect();
                rows.push(format!("{} {}", Pdf::role(section), cells.join(" ")));
            }
        }
        if rows.iter().any(|r| r.starts_with("THead")) {
            out.push(rows);
        }
    }
    out
}

/// Issue 14, 1 and 2: the Total row keeps its empty cells, and the second table keeps
/// its own header row, its empty corner a `TD` (an empty `TH` would be a column header
/// with no name).
#[test]
fn each_row_holds_one_cell_per_column_and_each_table_its_own_headers() {
    let dir = built();
    let pdf = tables_pdf(dir.path());
    let shapes = table_shapes(&pdf);
    let row = |section: &str, cells: &str| format!("{section} {cells}");
    assert_eq!(
        shapes,
        vec![
            vec![
                row("THead", "TH TH TH TH"),
                row("TBody", "TD TD TD TD"),
                row("TBody", "TD TD TD TD"),
                row("TBody", "TD TD TD TD"),
            ],
            vec![
                row("THead", "TD TH TH TH"),
                row("TBody", "TD TD TD TD"),
                row("TBody", "TD TD TD TD"),
                row("TBody", "TD TD TD TD"),
            ],
        ]
    );
    assert!(rules::irregular_tables(&pdf).is_empty());
    assert!(rules::table_headers(&pdf).is_empty());
}

/// The HTML agrees: the empty corner is a `<td>`, the Total row keeps its empty cells.
#[test]
fn the_html_keeps_empty_cells_and_makes_the_corner_a_td() {
    let dir = built();
    let html = std::fs::read_to_string(dir.path().join(format!("out/{TABLES}.html"))).unwrap();
    assert!(
        html.contains("<thead>\n<tr><td class=\"align-left\"></td><th scope=\"col\""),
        "{html}"
    );
    assert!(
        html.contains("Total</td><td class=\"align-left\"></td><td class=\"align-left\"></td>"),
        "{html}"
    );
}

/// Issue 14, 3 and 4: link annotations name the place in words, and bare addresses are
/// links in the PDF (a `URI` action) and the HTML.
#[test]
fn links_say_where_they_go_and_bare_addresses_link() {
    let dir = built();
    let pdf = tables_pdf(dir.path());
    let contents: Vec<String> = pdf
        .annotations()
        .into_iter()
        .filter_map(|(_, _, a)| a.get(b"Contents").ok().and_then(text))
        .collect();
    for want in [
        "Paragraph 1.1",
        "Footnote 1",
        "Link to https://example.org/capital/2025-26",
        "Link to http://www.example.org/capital/archive",
    ] {
        assert!(contents.iter().any(|c| c == want), "{want} in {contents:?}");
    }
    assert!(
        doc_rules::link_descriptions(&pdf).is_empty(),
        "{contents:?}"
    );
    let html = std::fs::read_to_string(dir.path().join(format!("out/{TABLES}.html"))).unwrap();
    assert!(html.contains(
        "<a href=\"https://example.org/capital/2025-26\">https://example.org/capital/2025-26</a>"
    ));
    assert!(html.contains(
        "<a href=\"http://www.example.org/capital/archive\">www.example.org/capital/archive</a>"
    ));
}

/// A bare address is checked like `<https://…>`: warned about as link text.
#[test]
fn a_bare_address_is_warned_about_like_an_autolink() {
    let dir = temp_project("tables");
    let o = clerk(dir.path(), &["check"]);
    let (_, stdout, stderr) = parts(&o);
    let all = format!("{stdout}{stderr}");
    assert_eq!(all.matches("link-text-url").count(), 2, "{all}");
    assert!(all.contains(&format!("papers/{TABLES}.md:35:")), "{all}");
}

#[test]
fn ua1_7_2_15_41_42_43_tables_are_regular() {
    every_pdf(rules::irregular_tables);
}

#[test]
fn ua1_7_5_1_7_5_2_tables_have_headers_with_scope_or_headers() {
    every_pdf(rules::table_headers);
}

#[test]
fn ua1_7_2_11_to_14_one_thead_one_tfoot_and_a_tbody() {
    every_pdf(rules::table_sections);
}

#[test]
fn ua1_7_4_4_headings_of_one_kind() {
    every_pdf(rules::heading_kinds);
}

#[test]
fn ua1_7_1_5_6_7_standard_structure_types() {
    every_pdf(rules::structure_types);
}

#[test]
fn ua1_7_18_5_2_links_say_where_they_go() {
    every_pdf(doc_rules::link_descriptions);
}

#[test]
fn ua1_7_9_1_7_9_2_notes_have_unique_ids() {
    every_pdf(doc_rules::note_ids);
}

#[test]
fn ua1_7_18_annotations_sit_in_the_right_elements() {
    every_pdf(doc_rules::annotation_kinds);
}

#[test]
fn ua1_7_2_26_to_28_7_2_40_tocs_and_list_captions() {
    every_pdf(rules::tocs_and_list_captions);
}

#[test]
fn ua1_7_7_1_7_18_1_2_formulas_and_annotations_are_described() {
    every_pdf(doc_rules::alternative_descriptions);
}

#[test]
fn ua1_7_21_8_1_no_notdef_glyph() {
    every_pdf(doc_rules::notdef_glyphs);
}

/// The `.notdef` rule fails a page that shows glyph 0 in an Identity-H font.
#[test]
fn the_notdef_rule_fails_a_synthetic_page_showing_glyph_0() {
    use lopdf::Stream;
    let mut pdf = synthetic(&[("P", None, Dictionary::new())], &[], Dictionary::new());
    let page = pdf.pages()[0];
    let doc = &mut pdf.doc;
    let cid = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "CIDFontType2",
    "CIDToGIDMap" => "Identity" });
    let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type0",
    "Encoding" => "Identity-H", "DescendantFonts" => vec![cid.into()] });
    let content = doc.add_object(Stream::new(
        Dictionary::new(),
        b"BT /F1 12 Tf <00410000> Tj [<0042>] TJ ET".to_vec(),
    ));
    let p = doc.get_dictionary_mut(page).unwrap();
    p.set(
        "Resources",
        dictionary! { "Font" => dictionary! { "F1" => font } },
    );
    p.set("Contents", content);
    assert_eq!(
        doc_rules::notdef_glyphs(&pdf),
        ["page 1: text shows .notdef (glyph 0)"]
    );
}

#[test]
fn ua1_document_settings() {
    every_pdf(doc_rules::document_settings);
}

fn cell(ty: &str, row: usize, extra: Dictionary) -> (&str, Option<usize>, Dictionary) {
    (ty, Some(row), extra)
}

fn scope(s: &str) -> Dictionary {
    dictionary! { "A" => dictionary! { "O" => "Table", "Scope" => Object::Name(s.into()) } }
}

/// The rules are not vacuous: each fails a synthetic file made to break it.
#[test]
fn the_table_rules_fail_synthetic_bad_tables() {
    let none = Dictionary::new;
    // A header row of four, then a row of two: the Total row that lost its empty cells.
    let pdf = synthetic(
        &[
            ("Table", None, none()),
            ("TR", Some(0), none()),
            cell("TH", 1, scope("Column")),
            cell("TH", 1, scope("Column")),
            cell("TH", 1, scope("Column")),
            cell("TH", 1, scope("Column")),
            ("TR", Some(0), none()),
            cell("TD", 6, none()),
            cell("TD", 6, none()),
            ("TR", Some(0), none()),
            cell(
                "TD",
                9,
                dictionary! { "A" => dictionary! { "O" => "Table", "ColSpan" => 3 } },
            ),
            cell(
                "TD",
                9,
                dictionary! { "A" => dictionary! { "O" => "Table", "RowSpan" => 2 } },
            ),
        ],
        &[],
        dictionary! { "Lang" => Object::string_literal("en") },
    );
    let bad = rules::irregular_tables(&pdf);
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert!(
        bad[0].contains("spans 2 rows, past the table's end"),
        "{bad:?}"
    );
    assert!(
        bad[1].contains("rows 1 and 2 span different numbers of columns (4 and 2)"),
        "{bad:?}"
    );
    assert!(rules::table_headers(&pdf).is_empty());

    // No header at all; a TH without scope; /Headers naming nothing.
    let pdf = synthetic(
        &[
            ("Table", None, none()),
            ("TR", Some(0), none()),
            cell("TD", 1, none()),
            ("Table", None, none()),
            ("TR", Some(3), none()),
            cell("TH", 4, none()),
            ("Table", None, none()),
            ("TR", Some(6), none()),
            cell(
                "TH",
                7,
                dictionary! { "ID" => Object::string_literal("h1") },
            ),
            cell(
                "TD",
                7,
                dictionary! { "A" => dictionary! {
                "O" => "Table", "Headers" => vec![Object::string_literal("h2")] } },
            ),
        ],
        &[],
        Dictionary::new(),
    );
    let bad = rules::table_headers(&pdf);
    assert_eq!(bad.len(), 3, "{bad:?}");
    assert!(bad[0].contains("has no header cell"));
    assert!(bad[1].contains("1 TH without /Scope"));
    assert!(bad[2].contains("which is no TH of this table"));

    // Two THeads and no TBody; two Captions, one in the middle.
    let pdf = synthetic(
        &[
            ("Table", None, none()),
            ("THead", Some(0), none()),
            ("Caption", Some(0), none()),
            ("THead", Some(0), none()),
            ("Caption", Some(0), none()),
        ],
        &[],
        Dictionary::new(),
    );
    let bad = rules::table_sections(&pdf);
    assert_eq!(bad.len(), 4, "{bad:?}");
    assert!(bad[2].contains("2 Captions") && bad[3].contains("neither first nor last"));
}

#[test]
fn the_structure_rules_fail_synthetic_bad_files() {
    let none = Dictionary::new;
    let pdf = synthetic(
        &[
            ("Document", None, none()),
            ("H", Some(0), none()),
            ("H", Some(0), none()),
            ("H2", Some(0), none()),
            ("Chapter", Some(0), none()),
            ("Note", Some(0), none()),
            (
                "Note",
                Some(0),
                dictionary! { "ID" => Object::string_literal("n") },
            ),
            (
                "Note",
                Some(0),
                dictionary! { "ID" => Object::string_literal("n") },
            ),
        ],
        &[],
        Dictionary::new(),
    );
    assert_eq!(
        rules::heading_kinds(&pdf).len(),
        2,
        "{:?}",
        rules::heading_kinds(&pdf)
    );
    let types = rules::structure_types(&pdf);
    assert!(
        types.len() == 1 && types[0].contains("Chapter"),
        "{types:?}"
    );
    let notes = doc_rules::note_ids(&pdf);
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[0].contains("without /ID") && notes[1].contains("repeated"));

    // A role map that remaps a standard type, and maps Chapter to Sect: only the remap
    // is wrong.
    let mut pdf = synthetic(&[("Chapter", None, none())], &[], Dictionary::new());
    let root = pdf
        .catalog()
        .get(b"StructTreeRoot")
        .unwrap()
        .as_reference()
        .unwrap();
    let map = dictionary! { "Chapter" => "Sect", "P" => "Span" };
    pdf.doc
        .get_dictionary_mut(root)
        .unwrap()
        .set("RoleMap", map);
    let types = rules::structure_types(&pdf);
    assert!(
        types.len() == 1 && types[0].contains("standard type P is remapped"),
        "{types:?}"
    );
}

#[test]
fn the_annotation_and_document_rules_fail_synthetic_bad_files() {
    let link = |contents: &str| {
        dictionary! { "Subtype" => "Link", "Contents" => Object::string_literal(contents) }
    };
    let pdf = synthetic(
        &[
            ("P", None, Dictionary::new()),
            ("Link", Some(0), Dictionary::new()),
        ],
        &[
            (link("Go to fn-1"), Some(1)),
            (link("proposal"), Some(1)),
            (link("Paragraph 2.1"), Some(1)),
            (dictionary! { "Subtype" => "Link" }, Some(1)),
            (dictionary! { "Subtype" => "Text" }, Some(1)),
            (dictionary! { "Subtype" => "TrapNet" }, None),
            (dictionary! { "Subtype" => "Widget" }, None),
            (dictionary! { "Subtype" => "Text", "F" => 2 }, None),
        ],
        dictionary! {
            "MarkInfo" => dictionary! { "Marked" => true, "Suspects" => true },
            "OCProperties" => dictionary! { "D" => dictionary! { "AS" => vec![] } },
        },
    );
    let links = doc_rules::link_descriptions(&pdf);
    assert_eq!(links.len(), 3, "{links:?}");
    let annots = doc_rules::annotation_kinds(&pdf);
    assert_eq!(annots.len(), 3, "{annots:?}");
    assert!(annots[0].contains("Text annotation") && annots[1].contains("TrapNet"));
    assert!(annots[2].contains("Widget annotation"));
    let doc = doc_rules::document_settings(&pdf);
    assert_eq!(doc.len(), 4, "{doc:?}");
}

/// `pdfinfo -struct-text` shows the fixture's tables as issue 14 asks: one cell per
/// column in every row, and the second table's own header cells.
#[test]
#[ignore = "needs poppler-utils"]
fn pdfinfo_shows_one_cell_per_column_and_each_tables_headers() {
    let dir = built();
    let path = dir.path().join(format!("out/{TABLES}.pdf"));
    let tree = run_tool("pdfinfo", &["-struct-text", path.to_str().unwrap()]);
    // The rows of the two GFM tables: the cell types under each TR, in order.
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut tr_indent = None;
    for line in tree.lines() {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        let ty = t.split([' ', ':']).next().unwrap_or("");
        if ty == "TR" {
            tr_indent = Some(indent);
            rows.push(Vec::new());
        } else if tr_indent.is_some_and(|i| indent <= i) {
            tr_indent = None;
        } else if let (Some(i), Some(row)) = (tr_indent, rows.last_mut())
            && matches!(ty, "TH" | "TD")
            && indent > i
        {
            row.push(ty.to_string());
        }
    }
    let gfm: Vec<String> = rows
        .iter()
        .filter(|r| r.len() == 4)
        .map(|r| r.join(" "))
        .collect();
    assert_eq!(
        gfm,
        [
            "TH TH TH TH",
            "TD TD TD TD",
            "TD TD TD TD",
            "TD TD TD TD",
            "TD TH TH TH",
            "TD TD TD TD",
            "TD TD TD TD",
            "TD TD TD TD"
        ],
        "{tree}"
    );
    assert!(rows.iter().all(|r| r.len() == 2 || r.len() == 4), "{tree}");
}

/// Where `.ci/run` installed the outside checkers: `$CLERK_CHECKERS`, else
/// `target/checkers`, each in its own virtual environment.
fn checker(name: &str) -> PathBuf {
    let base = std::env::var_os("CLERK_CHECKERS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target/checkers"));
    base.join(name).join("bin").join(name)
}

/// pdfua 0.1.3's rules but UA-14-001, whose heading check crashes on every file (Typst's
/// too: "pikepdf.Object is not a Dictionary or Stream: cannot get key '/is_integer'").
const PDFUA_RULES: &str = "UA-01-005,UA-01-002,UA-01-003,UA-06-001,UA-13-004,UA-15-003,UA-18-005,UA-18-001,UA-07-001,UA-07-002,UA-28-004";

/// Every PDF the tests build: the example papers, each fixture, and a paper with a
/// Markdown appendix and a PDF appendix merged in.
fn every_built_pdf() -> (Vec<tempfile::TempDir>, Vec<PathBuf>) {
    let mut dirs = Vec::new();
    let mut pdfs = Vec::new();
    for name in [
        "repo",
        "awkward",
        "council",
        "every-feature",
        "tables",
        "meetings",
    ] {
        let dir = temp_project(name);
        let o = clerk(dir.path(), &["build"]);
        assert_eq!(parts(&o).0, 0, "{name}: {}", parts(&o).2);
        dirs.push(dir);
    }
    // An appendix merge: the council paper's PDF as appendix B of the tables paper.
    let merged = temp_project("tables");
    let council = dirs[2].path().join("out/2024-06-12-parking-charges.pdf");
    std::fs::copy(&council, merged.path().join("papers/parking.pdf")).unwrap();
    let paper = merged.path().join(format!("papers/{TABLES}.md"));
    let md = std::fs::read_to_string(&paper).unwrap().replacen(
        "recommendations: |",
        "appendices:\n  - title: Parking charges\n    file: parking.pdf\nrecommendations: |",
        1,
    );
    std::fs::write(&paper, md).unwrap();
    let o = clerk(merged.path(), &["build"]);
    assert_eq!(parts(&o).0, 0, "merge: {}", parts(&o).2);
    dirs.push(merged);
    for dir in &dirs {
        for entry in walkdir::WalkDir::new(dir.path().join("out")).sort_by_file_name() {
            let path = entry.unwrap().into_path();
            if path.extension().is_some_and(|e| e == "pdf") {
                pdfs.push(path);
            }
        }
    }
    (dirs, pdfs)
}

/// Issue 14: checkers nobody here wrote find no error in any PDF clerk builds.
#[test]
#[ignore = "needs pdfua and outloud (PyPI)"]
fn outside_checkers_find_no_errors() {
    let (_dirs, pdfs) = every_built_pdf();
    assert!(pdfs.len() >= 9, "{pdfs:?}");
    let mut failures = Vec::new();
    for pdf in &pdfs {
        let file = pdf.to_str().unwrap();
        let runs = [
            (
                "pdfua",
                std::process::Command::new(checker("pdfua"))
                    .args([
                        "check",
                        "--min-severity",
                        "error",
                        "--rules",
                        PDFUA_RULES,
                        file,
                    ])
                    .output(),
            ),
            (
                "outloud",
                std::process::Command::new(checker("outloud"))
                    .args(["--fail-on", "error", "--no-info", file])
                    .output(),
            ),
        ];
        for (name, run) in runs {
            let o = run.unwrap_or_else(|e| panic!("{name} runs ({e}); .ci/run installs it"));
            if !o.status.success() {
                failures.push(format!(
                    "{name} {file}:\n{}{}",
                    String::from_utf8_lossy(&o.stdout),
                    String::from_utf8_lossy(&o.stderr)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn pdfa_2a_object_rules_hold_for_every_pdf() {
    every_pdf(crate::pdfua_check::pdfa_rules::pdfa_objects);
}

/// The PDF/A-2a object rules fail a synthetic file that breaks each of them.
#[test]
fn the_pdfa_object_rules_fail_a_synthetic_bad_file() {
    use lopdf::Stream;
    let mut pdf = synthetic(
        &[("P", None, Dictionary::new())],
        &[
            (
                dictionary! { "Subtype" => "Movie", "Rect" => vec![0.into(), 0.into(), 9.into(), 9.into()] },
                None,
            ),
            (
                dictionary! { "Subtype" => "Text", "F" => 6, "Rect" => vec![0.into(), 0.into(), 9.into(), 9.into()],
                "AP" => dictionary! { "N" => Object::Null, "D" => Object::Null } },
                None,
            ),
            (
                dictionary! { "Subtype" => "Link", "F" => 4, "Rect" => vec![0.into(), 0.into(), 9.into(), 9.into()],
                "A" => dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("x") } },
                None,
            ),
        ],
        dictionary! {
            "AA" => dictionary! {},
            "Requirements" => vec![],
            "NeedsRendering" => true,
            "OpenAction" => dictionary! { "S" => "Named", "N" => "Print" },
            "AcroForm" => dictionary! { "XFA" => vec![], "NeedAppearances" => true },
            "OCProperties" => dictionary! {
                "D" => dictionary! { "AS" => vec![] },
                "Configs" => vec![
                    dictionary! { "Name" => Object::string_literal("a") }.into(),
                    dictionary! { "Name" => Object::string_literal("a") }.into(),
                ],
            },
        },
    );
    let elem = pdf.elements()[0].0;
    let doc = &mut pdf.doc;
    doc.get_dictionary_mut(elem).unwrap().remove(b"Type");
    doc.add_object(dictionary! {
        "Type" => "ExtGState", "TR" => "Identity", "TR2" => "Identity", "HTP" => 1,
        "BM" => "Dissolve", "RI" => "Vivid",
    });
    doc.add_object(
        dictionary! { "Type" => "Halftone", "HalftoneType" => 6, "HalftoneName" => "x" },
    );
    doc.add_object(Stream::new(
        dictionary! { "Subtype" => "Image", "Alternates" => vec![], "OPI" => dictionary! {},
        "Interpolate" => true, "Filter" => "LZWDecode", "F" => Object::string_literal("x") },
        Vec::new(),
    ));
    doc.add_object(Stream::new(
        dictionary! { "Subtype" => "Form", "BBox" => vec![], "Ref" => dictionary! {}, "PS" => 1 },
        Vec::new(),
    ));
    doc.add_object(dictionary! { "Type" => "Filespec", "EF" => dictionary! {} });
    doc.add_object(
        dictionary! { "Type" => "Page", "AA" => dictionary! {}, "PresSteps" => dictionary! {} },
    );
    doc.add_object(Object::Integer(1 << 40));
    doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "X",
        "FontDescriptor" => dictionary! {}, "FirstChar" => 32, "LastChar" => 33, "Widths" => vec![500.into()] });
    doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type42" });
    doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "TrueType", "FontDescriptor" => dictionary! {} });
    doc.add_object(dictionary! { "BaseFont" => "Y", "Subtype" => "Type0" });
    doc.add_object(
        dictionary! { "Type" => "OutputIntent", "DestOutputProfileRef" => dictionary! {} },
    );
    doc.add_object(dictionary! { "FT" => "Tx", "AA" => dictionary! {} });
    doc.add_object(dictionary! { "Type" => "Page", "MediaBox" => vec![0.into(), 0.into(), 2.into(), 20000.into()] });
    doc.add_object(
        dictionary! { "Type" => "Annot", "Subtype" => "Text", "F" => 4,
        "Rect" => vec![0.into(), 0.into(), 0.into(), 0.into()] },
    );
    let got: BTreeSet<String> = crate::pdfua_check::pdfa_rules::pdfa_objects(&pdf)
        .iter()
        .map(|m| m.split(':').next().unwrap().to_string())
        .collect();
    let want = [
        "6.1.3-1",
        "6.1.7-3",
        "6.1.7-4",
        "6.1.13-1",
        "6.2.5-1",
        "6.2.5-2",
        "6.2.5-3",
        "6.2.5-4",
        "6.2.5-5",
        "6.2.6-1",
        "6.2.8-1",
        "6.2.8-2",
        "6.2.8-3",
        "6.2.9-1",
        "6.2.9-2",
        "6.2.10-1",
        "6.3.1-1",
        "6.3.2-1",
        "6.3.2-2",
        "6.3.3-1",
        "6.3.3-2",
        "6.4.1-3",
        "6.4.2-1",
        "6.4.2-2",
        "6.5.1-1",
        "6.5.1-2",
        "6.5.2-1",
        "6.5.2-2",
        "6.6.2.1-1",
        "6.7.2-1",
        "6.7.3-2",
        "6.8-2",
        "6.9-1",
        "6.9-2",
        "6.9-4",
        "6.10-2",
        "6.11-1",
    ];
    let missing: Vec<&str> = want.iter().copied().filter(|w| !got.contains(*w)).collect();
    assert!(missing.is_empty(), "missing {missing:?} in {got:?}");
}

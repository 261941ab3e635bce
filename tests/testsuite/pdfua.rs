//! PDF/UA-1: the Matterhorn Protocol failure conditions that a machine can decide, checked
//! with lopdf on every PDF that the example papers and the fixtures build to (PDF/A-2
//! rules are in `pdfa.rs`). Each test is named after the failure conditions it checks
//! (numbered and worded as in Matterhorn Protocol 1.1, which kept 1.02's numbers; the
//! PDF/UA-1 clause in its doc comment) and reports every failing file. Tests without a
//! number check structure that the protocol leaves to ISO 32000 or that clerk promises.

use crate::pdfua_check::{Pdf, every_pdf, failing, holds_text, mcids, text, untagged_content};
use lopdf::Object;

/// 01-005 (UA1 7.1-2): "Content is neither marked as Artifact nor tagged as real content."
#[test]
fn matterhorn_01_005_content_is_tagged_or_artifact() {
    every_pdf(untagged_content);
}

/// No Matterhorn number (UA1 7.1, ISO 32000-1 14.7.4.4 and 14.7.1): the catalog says the
/// file is tagged, and the parent tree maps each MCID to the element that holds it, on
/// that page: as an MCID alone on the element's own `/Pg`, or as an MCR dictionary.
#[test]
fn parent_tree_maps_every_mcid_to_its_element() {
    every_pdf(|pdf| {
        let mut bad = Vec::new();
        let pages = pdf.pages();
        for (page, mcid, parent) in mcids(pdf) {
            let Some(id) = parent else {
                bad.push(format!("page {page}: MCID {mcid} has no parent element"));
                continue;
            };
            let page_id = pages[page - 1];
            let elem = pdf.doc.get_dictionary(id).unwrap();
            let own_page = elem.get(b"Pg").and_then(Object::as_reference).ok();
            let holds = elem
                .get(b"K")
                .ok()
                .and_then(|k| k.as_array().ok())
                .is_some_and(|kids| {
                    kids.iter().any(|k| match k {
                        Object::Integer(m) => *m == mcid && own_page == Some(page_id),
                        Object::Dictionary(d) => {
                            d.get(b"MCID").and_then(Object::as_i64).ok() == Some(mcid)
                                && d.get(b"Pg")
                                    .and_then(Object::as_reference)
                                    .ok()
                                    .or(own_page)
                                    == Some(page_id)
                        }
                        _ => false,
                    })
                });
            if !holds {
                bad.push(format!(
                    "page {page}: MCID {mcid}'s parent does not hold it"
                ));
            }
        }
        let marked = catalog_flag(pdf, b"MarkInfo", b"Marked");
        bad.extend(failing(
            marked == Some(true),
            "no /MarkInfo << /Marked true >>",
        ));
        bad.extend(failing(
            pdf.catalog().has(b"StructTreeRoot"),
            "no /StructTreeRoot",
        ));
        bad
    });
}

/// 06-001 (UA1 7.1-8): "Document does not contain an XMP metadata stream."
#[test]
fn matterhorn_06_001_xmp_metadata_present() {
    every_pdf(|pdf| {
        failing(
            pdf.xmp().is_some_and(|x| x.contains("<x:xmpmeta")),
            "no XMP metadata",
        )
    });
}

/// 06-002 (UA1 5): "The XMP metadata stream in the Catalog dictionary does not include
/// the PDF/UA identifier."
#[test]
fn matterhorn_06_002_xmp_identifies_pdfua_1() {
    every_pdf(|pdf| {
        let x = pdf.xmp().unwrap_or_default();
        let mut bad = failing(
            x.contains("<pdfuaid:part>1</pdfuaid:part>"),
            "no pdfuaid:part 1",
        );
        // PDF/A needs an extension schema for every namespace it does not predefine.
        bad.extend(failing(
            x.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"),
            "no PDF/A extension schema for pdfuaid",
        ));
        bad
    });
}

/// 06-003 (UA1 7.1-8): "XMP metadata stream does not contain dc:title."
#[test]
fn matterhorn_06_003_xmp_has_dc_title() {
    every_pdf(|pdf| {
        let titled = pdf.xmp().is_some_and(|x| x.contains("<dc:title>"));
        failing(titled, "no dc:title")
    });
}

/// 07-001 and 07-002 (UA1 7.1-9): the ViewerPreferences dictionary "does not contain a
/// DisplayDocTitle entry", or contains one "with a value of false".
#[test]
fn matterhorn_07_001_07_002_display_doc_title_is_true() {
    every_pdf(|pdf| {
        let shown = catalog_flag(pdf, b"ViewerPreferences", b"DisplayDocTitle");
        failing(shown == Some(true), "DisplayDocTitle is not true")
    });
}

/// 11-001 (UA1 7.2-3): "Natural language for text in page content cannot be determined."
#[test]
fn matterhorn_11_001_natural_language_declared() {
    every_pdf(|pdf| {
        let lang = pdf
            .catalog()
            .get(b"Lang")
            .ok()
            .and_then(text)
            .unwrap_or_default();
        failing(!lang.trim().is_empty(), "no /Lang in the catalog")
    });
}

/// 13-004 (UA1 7.3-3): "<Figure> tag alternative or replacement text missing."
#[test]
fn matterhorn_13_004_figures_have_alternative_text() {
    every_pdf(|pdf| {
        pdf.elements()
            .into_iter()
            .filter(|(_, d)| Pdf::role(d) == "Figure")
            .filter(|(_, d)| {
                d.get(b"Alt")
                    .ok()
                    .and_then(text)
                    .is_none_or(|a| a.trim().is_empty())
            })
            .map(|(id, _)| format!("Figure {id:?} without /Alt"))
            .collect()
    });
}

/// 14-003 (UA1 7.4-1): "Numbered heading levels in descending sequence are skipped
/// (Example: <H3> follows directly after <H1>)."
#[test]
fn matterhorn_14_003_heading_levels_not_skipped() {
    every_pdf(|pdf| {
        let mut bad = Vec::new();
        let mut last = 0u32;
        for (_, d) in pdf.elements() {
            let role = Pdf::role(d);
            let Some(level) = role.strip_prefix('H').and_then(|n| n.parse::<u32>().ok()) else {
                continue;
            };
            if level > last + 1 {
                bad.push(format!("H{level} follows H{last}"));
            }
            last = level;
        }
        bad
    });
}

/// 15-003 (UA1 7.5-2): "In a table not organized with Headers attributes and IDs, a <TH>
/// cell does not contain a Scope attribute."
#[test]
fn matterhorn_15_003_table_headers_have_a_scope() {
    every_pdf(|pdf| {
        pdf.elements()
            .into_iter()
            .filter(|(_, d)| Pdf::role(d) == "TH")
            .filter(|(_, d)| {
                let a = d.get(b"A").ok().and_then(|a| a.as_dict().ok());
                a.and_then(|a| a.get(b"Scope").ok())
                    .and_then(|s| s.as_name().ok())
                    .is_none()
            })
            .map(|(id, _)| format!("TH {id:?} without /Scope"))
            .collect()
    });
}

/// 19-003 and 19-004 (UA1 7.9-2): "ID entry of the <Note> tag is not present" or "is
/// non-unique".
#[test]
fn matterhorn_19_003_19_004_notes_have_unique_ids() {
    every_pdf(|pdf| {
        let mut seen = std::collections::BTreeSet::new();
        let mut bad = Vec::new();
        for (id, d) in pdf
            .elements()
            .into_iter()
            .filter(|(_, d)| Pdf::role(d) == "Note")
        {
            match d.get(b"ID").ok().and_then(|i| i.as_str().ok()) {
                None => bad.push(format!("Note {id:?} without /ID")),
                Some(v) if !seen.insert(v.to_vec()) => {
                    bad.push(format!("Note {id:?}: /ID repeated"))
                }
                Some(_) => {}
            }
        }
        bad
    });
}

/// 28-011 (UA1 7.18.5-1): "A link annotation is not nested within a <Link> tag." Each is
/// held by the `OBJR` of a `Link` element that also holds the link's text (ISO 32000-1
/// 14.8.4.4.2: a Link holds its content and its annotation).
#[test]
fn matterhorn_28_011_link_annotations_sit_in_link_elements_with_their_text() {
    every_pdf(|pdf| {
        let mut bad = Vec::new();
        for (_, id, annot) in pdf.annotations() {
            let key = annot
                .get(b"StructParent")
                .ok()
                .and_then(|k| k.as_i64().ok());
            let elem = key
                .and_then(|k| pdf.parent_tree(k))
                .and_then(|o| o.as_reference().ok())
                .and_then(|e| pdf.doc.get_dictionary(e).ok());
            let Some(elem) = elem else {
                bad.push(format!("annotation {id:?} has no structure parent"));
                continue;
            };
            let objr = elem
                .get(b"K")
                .ok()
                .and_then(|k| k.as_array().ok())
                .is_some_and(|kids| {
                    kids.iter().any(|k| {
                        k.as_dict().is_ok_and(|d| {
                            d.get(b"Obj").ok().and_then(|o| o.as_reference().ok()) == Some(id)
                        })
                    })
                });
            if Pdf::role(elem) != "Link" || !objr {
                bad.push(format!(
                    "annotation {id:?} is not held by a Link element's OBJR"
                ));
            } else if !holds_text(pdf, elem) {
                bad.push(format!(
                    "annotation {id:?}: its Link holds no marked content (the link's text)"
                ));
            }
        }
        bad
    });
}

/// 28-012 (UA1 7.18.5-2): "A link annotation does not include an alternate description
/// in its Contents entry."
#[test]
fn matterhorn_28_012_link_annotations_have_contents() {
    every_pdf(|pdf| {
        pdf.annotations()
            .into_iter()
            .filter(|(_, _, a)| {
                a.get(b"Contents")
                    .ok()
                    .and_then(text)
                    .is_none_or(|c| c.trim().is_empty())
            })
            .map(|(_, id, _)| format!("annotation {id:?} without /Contents"))
            .collect()
    });
}

/// 28-008 and 28-009 (UA1 7.18.3-1): "A page containing an annotation does not contain a
/// Tabs entry", or "has a Tabs entry with a value other than S".
#[test]
fn matterhorn_28_008_28_009_tab_order_follows_structure() {
    every_pdf(|pdf| {
        let mut bad = Vec::new();
        for (n, page) in pdf.pages().into_iter().enumerate() {
            let p = pdf.doc.get_dictionary(page).unwrap();
            let tabs = p.get(b"Tabs").ok().and_then(|t| t.as_name().ok());
            if p.has(b"Annots") && tabs != Some(b"S".as_slice()) {
                bad.push(format!("page {}: /Tabs is not /S", n + 1));
            }
        }
        bad
    });
}

/// 31-009 (UA1 7.21.4.1-1): "the font program is not embedded"; 31-027 (UA1 7.21.7-1):
/// a font has no ToUnicode entry (clerk's Type 0 fonts have no other mapping).
#[test]
fn matterhorn_31_009_31_027_fonts_embedded_with_unicode_maps() {
    every_pdf(|pdf| {
        let mut bad = Vec::new();
        for (id, o) in &pdf.doc.objects {
            let Ok(d) = o.as_dict() else { continue };
            if d.get(b"Type").ok().and_then(|t| t.as_name().ok()) != Some(b"Font".as_slice()) {
                continue;
            }
            let subtype = d
                .get(b"Subtype")
                .ok()
                .and_then(|t| t.as_name().ok())
                .unwrap_or(b"");
            if subtype == b"Type0" {
                if !d.has(b"ToUnicode") {
                    bad.push(format!("font {id:?} without ToUnicode"));
                }
                continue;
            }
            let desc = d
                .get(b"FontDescriptor")
                .ok()
                .and_then(|r| pdf.doc.dereference(r).ok())
                .and_then(|(_, o)| o.as_dict().ok());
            let embedded = desc
                .is_some_and(|f| f.has(b"FontFile") || f.has(b"FontFile2") || f.has(b"FontFile3"));
            if !embedded {
                bad.push(format!("font {id:?} not embedded"));
            }
        }
        bad
    });
}

/// The boolean `key` of the catalog's dictionary `dict` (e.g. `/MarkInfo /Marked`).
fn catalog_flag(pdf: &Pdf, dict: &[u8], key: &[u8]) -> Option<bool> {
    let d = pdf.catalog().get(dict).ok()?.as_dict().ok()?;
    d.get(key).ok()?.as_bool().ok()
}

/// An image without alternative text is decoration, an artifact of the page's layout
/// (`/Type /Layout`), not one of its running heads and page numbers (`/Pagination`).
#[test]
fn an_image_without_alt_text_is_a_layout_artifact() {
    use crate::common::{clerk, parts, temp_project};
    let project = temp_project("every-feature");
    let root = project.path();
    let paper = root.join("papers/finance/2025-02-20-budget-monitoring.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    std::fs::write(&paper, format!("{text}\n\n![](spend.png)\n")).unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stderr.contains("image-alt"), "{stderr}");
    let doc =
        lopdf::Document::load(root.join("out/finance/2025-02-20-budget-monitoring.pdf")).unwrap();
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    let layout = pages
        .iter()
        .map(|p| String::from_utf8_lossy(&doc.get_page_content(*p)).into_owned())
        .filter(|c| c.contains("/Artifact <</Type /Layout>> BDC"))
        .count();
    assert_eq!(layout, 1, "one page draws the decorative image");
}

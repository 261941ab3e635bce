//! veraPDF's PDF/UA-1 rules about links, notes, annotations and document settings, each
//! a function from a file to its failures (as messages), each tested on a synthetic bad
//! file in `tests/testsuite/tables_tagged.rs`.

use std::collections::BTreeSet;

use lopdf::content::Content;
use lopdf::{Dictionary, Object};

use super::{Pdf, text};

/// UA1 7.18.5-2 (Matterhorn 28-012), as clerk reads it: a link annotation's `/Contents`
/// says where it goes in words, not an anchor's id (`Go to fn-1`, `proposal`).
pub fn link_descriptions(pdf: &Pdf) -> Vec<String> {
    let mut bad = Vec::new();
    for (_, id, annot) in pdf.annotations() {
        if annot.get(b"Subtype").ok().and_then(|s| s.as_name().ok()) != Some(b"Link") {
            continue;
        }
        let contents = annot.get(b"Contents").ok().and_then(text);
        let words = contents.as_deref().map(str::trim).unwrap_or("");
        let id_like = !words.contains(' ')
            && words.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | ':' | '.')
            });
        if words.is_empty() || words.starts_with("Go to ") || id_like {
            bad.push(format!(
                "link annotation {id:?}: /Contents {words:?} does not say where it goes in words"
            ));
        }
    }
    bad
}

/// UA1 7.9-1 and 7.9-2 (Matterhorn 19-003, 19-004): every `Note` has an `/ID`, unique.
pub fn note_ids(pdf: &Pdf) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut bad = Vec::new();
    for (id, d) in pdf.elements() {
        if Pdf::role(d) != "Note" {
            continue;
        }
        match d.get(b"ID").ok().and_then(|i| i.as_str().ok()) {
            None | Some([]) => bad.push(format!("Note {id:?} without /ID (7.9-1)")),
            Some(v) if !seen.insert(v.to_vec()) => {
                bad.push(format!("Note {id:?}: /ID repeated (7.9-2)"))
            }
            Some(_) => {}
        }
    }
    bad
}

/// UA1 7.18.1-1, 7.18.2-1, 7.18.4-1 and 7.18.8-1: annotations other than links, widgets
/// and popups sit in an `Annot` element, widgets in a `Form`; no `TrapNet`; a
/// `PrinterMark` is not in the structure tree. Hidden annotations (flag 2) are exempt.
pub fn annotation_kinds(pdf: &Pdf) -> Vec<String> {
    let mut bad = Vec::new();
    for (_, id, a) in pdf.annotations() {
        let sub = a
            .get(b"Subtype")
            .ok()
            .and_then(|s| s.as_name().ok())
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .unwrap_or_default();
        let hidden = a
            .get(b"F")
            .ok()
            .and_then(|f| f.as_i64().ok())
            .is_some_and(|f| f & 2 != 0);
        if hidden {
            continue;
        }
        let parent = a
            .get(b"StructParent")
            .ok()
            .and_then(|k| k.as_i64().ok())
            .and_then(|k| pdf.parent_tree(k))
            .and_then(|o| o.as_reference().ok())
            .and_then(|e| pdf.doc.get_dictionary(e).ok())
            .map(Pdf::role);
        let want = match sub.as_str() {
            "Link" | "Popup" => None,
            "Widget" => Some("Form"),
            "TrapNet" => {
                bad.push(format!("annotation {id:?} is a TrapNet (7.18.2-1)"));
                continue;
            }
            "PrinterMark" => {
                if parent.is_some() {
                    bad.push(format!(
                        "PrinterMark {id:?} is in the structure tree (7.18.8-1)"
                    ));
                }
                continue;
            }
            _ => Some("Annot"),
        };
        if let Some(want) = want
            && parent.as_deref() != Some(want)
        {
            bad.push(format!(
                "{sub} annotation {id:?} is not in a {want} element (7.18.1-1/7.18.4-1)"
            ));
        }
    }
    bad
}

/// Document-level rules: UA1 7.1-4 (`/Suspects` not true), 7.2-2/7.2-33 (a catalog
/// `/Lang`, for the outline and metadata), 7.10-1/2 (optional content configurations
/// named, without `/AS`), 7.15-1 (no dynamic XFA), 7.16-1 (an encrypted file lets
/// assistive technology extract text: bit 10 of `/P`).
pub fn document_settings(pdf: &Pdf) -> Vec<String> {
    let mut bad = Vec::new();
    let catalog = pdf.catalog();
    let get = |d: &Dictionary, k: &[u8]| -> Option<Object> {
        pdf.doc
            .dereference(d.get(k).ok()?)
            .ok()
            .map(|(_, o)| o.clone())
    };
    if let Some(Object::Dictionary(mark)) = get(catalog, b"MarkInfo")
        && matches!(mark.get(b"Suspects"), Ok(Object::Boolean(true)))
    {
        bad.push("/MarkInfo /Suspects is true (7.1-4)".into());
    }
    if catalog
        .get(b"Lang")
        .ok()
        .and_then(text)
        .is_none_or(|l| l.trim().is_empty())
    {
        bad.push("no catalog /Lang for the outline and metadata (7.2-2/7.2-33)".into());
    }
    if let Some(Object::Dictionary(oc)) = get(catalog, b"OCProperties") {
        let mut configs: Vec<Object> = get(&oc, b"D").into_iter().collect();
        if let Some(Object::Array(more)) = get(&oc, b"Configs") {
            configs.extend(
                more.iter()
                    .filter_map(|o| pdf.doc.dereference(o).ok().map(|(_, o)| o.clone())),
            );
        }
        for c in configs {
            let Object::Dictionary(c) = c else { continue };
            if c.get(b"Name")
                .ok()
                .and_then(text)
                .is_none_or(|n| n.is_empty())
            {
                bad.push("an optional content configuration without /Name (7.10-1)".into());
            }
            if c.has(b"AS") {
                bad.push("an optional content configuration with /AS (7.10-2)".into());
            }
        }
    }
    if let Some(Object::Dictionary(form)) = get(catalog, b"AcroForm")
        && form.has(b"XFA")
        && get(catalog, b"NeedsRendering") == Some(Object::Boolean(true))
    {
        bad.push("a dynamic XFA form (7.15-1)".into());
    }
    if let Ok(enc) = pdf.doc.trailer.get(b"Encrypt") {
        let p = pdf
            .doc
            .dereference(enc)
            .ok()
            .and_then(|(_, o)| o.as_dict().ok()?.get(b"P").ok()?.as_i64().ok());
        if p.is_none_or(|p| p & 512 == 0) {
            bad.push("encrypted without bit 10 of /P (7.16-1)".into());
        }
    }
    bad
}

/// UA1 7.7-1 and 7.18.1-2: a `Formula` has `/Alt` or `/ActualText`; an annotation other
/// than a link, widget or popup, not hidden, has `/Contents` or its element an `/Alt`.
pub fn alternative_descriptions(pdf: &Pdf) -> Vec<String> {
    let mut bad = Vec::new();
    let said = |d: &Dictionary, key: &[u8]| {
        d.get(key)
            .ok()
            .and_then(text)
            .is_some_and(|t| !t.is_empty())
    };
    for (id, d) in pdf.elements() {
        if Pdf::role(d) == "Formula" && !said(d, b"Alt") && !d.has(b"ActualText") {
            bad.push(format!(
                "Formula {id:?} without /Alt or /ActualText (7.7-1)"
            ));
        }
    }
    for (_, id, a) in pdf.annotations() {
        let sub = a
            .get(b"Subtype")
            .ok()
            .and_then(|s| s.as_name().ok())
            .unwrap_or(b"");
        let hidden = a
            .get(b"F")
            .ok()
            .and_then(|f| f.as_i64().ok())
            .is_some_and(|f| f & 2 != 0);
        if hidden || matches!(sub, b"Link" | b"Widget" | b"Popup") || said(a, b"Contents") {
            continue;
        }
        let alt = a
            .get(b"StructParent")
            .ok()
            .and_then(|k| k.as_i64().ok())
            .and_then(|k| pdf.parent_tree(k))
            .and_then(|o| o.as_reference().ok())
            .and_then(|e| pdf.doc.get_dictionary(e).ok())
            .is_some_and(|e| said(e, b"Alt"));
        if !alt {
            bad.push(format!(
                "annotation {id:?} without /Contents or /Alt (7.18.1-2)"
            ));
        }
    }
    bad
}

/// UA1 7.21.8-1 and PDF/A-2 6.2.11.8-1: no text shows the `.notdef` glyph. Decided for
/// Type 0 fonts with `Identity-H` encoding and an `Identity` CID-to-glyph map (clerk's),
/// where the two-byte code 0 is glyph 0, `.notdef`; other fonts are not read.
pub fn notdef_glyphs(pdf: &Pdf) -> Vec<String> {
    let mut bad = Vec::new();
    for (n, page) in pdf.pages().into_iter().enumerate() {
        let resources = pdf.resources(page);
        let fonts = resources
            .and_then(|r| r.get(b"Font").ok())
            .and_then(|f| pdf.doc.dereference(f).ok())
            .and_then(|(_, f)| f.as_dict().ok());
        let identity = |font: &[u8]| -> bool {
            let Some(d) = fonts
                .and_then(|f| f.get(font).ok())
                .and_then(|f| pdf.doc.dereference(f).ok())
                .and_then(|(_, f)| f.as_dict().ok())
            else {
                return false;
            };
            let cid = d
                .get(b"DescendantFonts")
                .ok()
                .and_then(|a| pdf.doc.dereference(a).ok())
                .and_then(|(_, a)| a.as_array().ok()?.first())
                .and_then(|c| pdf.doc.dereference(c).ok())
                .and_then(|(_, c)| c.as_dict().ok());
            d.get(b"Encoding").ok().and_then(|e| e.as_name().ok()) == Some(b"Identity-H")
                && cid.is_some_and(|c| {
                    c.get(b"CIDToGIDMap").ok().and_then(|m| m.as_name().ok()) == Some(b"Identity")
                })
        };
        let Ok(content) = Content::decode(&pdf.doc.get_page_content(page)) else {
            continue;
        };
        let mut current = false;
        for op in &content.operations {
            match op.operator.as_str() {
                "Tf" => {
                    current = op
                        .operands
                        .first()
                        .and_then(|f| f.as_name().ok())
                        .is_some_and(identity);
                }
                "Tj" | "TJ" | "'" | "\"" if current => {
                    let strings: Vec<&[u8]> = op
                        .operands
                        .iter()
                        .flat_map(|o| match o {
                            Object::Array(a) => a.iter().collect(),
                            other => vec![other],
                        })
                        .filter_map(|o| o.as_str().ok())
                        .collect();
                    if strings.iter().any(|s| s.chunks(2).any(|c| c == [0, 0])) {
                        bad.push(format!("page {}: text shows .notdef (glyph 0)", n + 1));
                    }
                }
                _ => {}
            }
        }
    }
    bad
}

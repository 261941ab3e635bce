//! veraPDF's PDF/A-2 rules about names, the XMP packet and optional content: font names,
//! colourant names and structure type names valid UTF-8 (6.1.8-1), the document's XMP
//! packet well-formed XML (6.6.2.1-4), and an optional content configuration's `/Order`
//! naming every optional content group (6.9-3).

use std::collections::BTreeSet;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::{Pdf, resolve};

/// Every failure of these rules in `pdf`, each starting with its rule id.
pub fn pdfa_catalog(pdf: &Pdf) -> Vec<String> {
    let doc = &pdf.doc;
    let mut bad = BTreeSet::new();
    for (id, object) in &doc.objects {
        let d = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            Object::Array(a) => {
                colourant_names(a, *id, &mut bad);
                continue;
            }
            _ => continue,
        };
        names(d, *id, &mut bad);
        for v in d.iter().map(|(_, v)| v) {
            if let Object::Array(a) = v {
                colourant_names(a, *id, &mut bad);
            }
        }
    }
    if let Ok(catalog) = doc.catalog() {
        xmp(doc, catalog, &mut bad);
        order(doc, catalog, &mut bad);
    }
    bad.into_iter().collect()
}

fn utf8(name: &[u8], what: &str, id: ObjectId, bad: &mut BTreeSet<String>) {
    if std::str::from_utf8(name).is_err() {
        bad.insert(format!("6.1.8-1: object {}: {what} is not UTF-8", id.0));
    }
}

/// 6.1.8-1 for a font's and a descriptor's name, a structure element's type and a role
/// map's names.
fn names(d: &Dictionary, id: ObjectId, bad: &mut BTreeSet<String>) {
    for key in [b"BaseFont".as_slice(), b"FontName"] {
        if let Ok(Object::Name(n)) = d.get(key) {
            utf8(n, "a font name", id, bad);
        }
    }
    if d.get(b"Type").and_then(Object::as_name).ok() == Some(b"StructElem")
        && let Ok(Object::Name(n)) = d.get(b"S")
    {
        utf8(n, "a structure type", id, bad);
    }
    if let Ok(Object::Dictionary(roles)) = d.get(b"RoleMap") {
        for (k, v) in roles.iter() {
            utf8(k, "a role map's name", id, bad);
            if let Object::Name(n) = v {
                utf8(n, "a role map's name", id, bad);
            }
        }
    }
}

/// 6.1.8-1 for the colourant names of a Separation or DeviceN colour space.
fn colourant_names(a: &[Object], id: ObjectId, bad: &mut BTreeSet<String>) {
    match a.first().and_then(|n| n.as_name().ok()) {
        Some(b"Separation") => {
            if let Some(Object::Name(n)) = a.get(1) {
                utf8(n, "a colourant name", id, bad);
            }
        }
        Some(b"DeviceN") => {
            if let Some(Object::Array(list)) = a.get(1) {
                for n in list.iter().filter_map(|n| n.as_name().ok()) {
                    utf8(n, "a colourant name", id, bad);
                }
            }
        }
        _ => {}
    }
}

/// 6.6.2.1-4: the catalog's XMP packet parses as XML.
fn xmp(doc: &Document, catalog: &Dictionary, bad: &mut BTreeSet<String>) {
    let Some(stream) = catalog
        .get(b"Metadata")
        .ok()
        .and_then(|m| resolve(doc, m).as_stream().ok())
    else {
        return;
    };
    let bytes = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let parsed = std::str::from_utf8(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|text| {
            roxmltree::Document::parse(text)
                .map(|_| ())
                .map_err(|e| e.to_string())
        });
    if let Err(e) = parsed {
        bad.insert(format!(
            "6.6.2.1-4: the XMP packet is not well-formed XML ({e})"
        ));
    }
}

/// 6.9-3: each optional content configuration with an `/Order` names every group.
fn order(doc: &Document, catalog: &Dictionary, bad: &mut BTreeSet<String>) {
    let Some(properties) = catalog
        .get(b"OCProperties")
        .ok()
        .and_then(|p| resolve(doc, p).as_dict().ok())
    else {
        return;
    };
    let groups: BTreeSet<ObjectId> = properties
        .get(b"OCGs")
        .ok()
        .and_then(|g| resolve(doc, g).as_array().ok())
        .map(|a| a.iter().filter_map(|g| g.as_reference().ok()).collect())
        .unwrap_or_default();
    let mut configurations: Vec<&Dictionary> = properties
        .get(b"D")
        .ok()
        .and_then(|d| resolve(doc, d).as_dict().ok())
        .into_iter()
        .collect();
    if let Some(Ok(list)) = properties
        .get(b"Configs")
        .ok()
        .map(|c| resolve(doc, c).as_array())
    {
        configurations.extend(list.iter().filter_map(|c| resolve(doc, c).as_dict().ok()));
    }
    for configuration in configurations {
        let Ok(listed) = configuration.get(b"Order") else {
            continue;
        };
        let mut named = BTreeSet::new();
        flatten(doc, listed, &mut named, 0);
        if let Some(missing) = groups.difference(&named).next() {
            bad.insert(format!(
                "6.9-3: an optional content configuration's /Order leaves out group {}",
                missing.0
            ));
        }
    }
}

fn flatten(doc: &Document, o: &Object, out: &mut BTreeSet<ObjectId>, depth: usize) {
    match o {
        Object::Reference(id) if !matches!(resolve(doc, o), Object::Array(_)) => {
            out.insert(*id);
        }
        _ if depth < 32 => {
            if let Ok(list) = resolve(doc, o).as_array() {
                for item in list {
                    flatten(doc, item, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

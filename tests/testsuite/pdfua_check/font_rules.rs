//! veraPDF's PDF/A-2 rules about fonts that need the fonts read (PDF/UA-1 asks the same in
//! 7.21.3 to 7.21.7): a composite font's CMap and CIDSystemInfo (6.2.11.3-1 to -4), every
//! glyph drawn present in the embedded program (6.2.11.4-2), a `/CIDSet` naming every glyph
//! the program has (6.2.11.4-4), the widths the file states agreeing with the program's
//! (6.2.11.5-1), and every glyph drawn mapped to Unicode, none to U+0000, U+FEFF or U+FFFE
//! (6.2.11.7-1). The glyphs are those the text on every page, and in every form a page
//! draws, shows. A font this checker cannot read glyph by glyph (anything but a Type 0 font
//! with `Identity-H` or `Identity-V` over an embedded TrueType program, which is all clerk
//! writes) fails rather than passing unread.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use skrifa::{FontRef, GlyphId, MetadataProvider};

use super::cmap::{PREDEFINED, ordering, to_unicode, wmode};
use super::{Pdf, dict, name, resolve};

fn number(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        _ => f64::NAN,
    }
}

/// A stream's bytes, decoded when it is filtered.
fn bytes(doc: &Document, o: &Object) -> Option<Vec<u8>> {
    let s = resolve(doc, o).as_stream().ok()?;
    Some(
        s.decompressed_content()
            .unwrap_or_else(|_| s.content.clone()),
    )
}

/// The Type 0 font's CIDFont.
fn descendant<'a>(doc: &'a Document, font: &'a Dictionary) -> Option<&'a Dictionary> {
    let kids = resolve(doc, font.get(b"DescendantFonts").ok()?)
        .as_array()
        .ok()?;
    dict(doc, kids.first()?)
}

/// `Registry`, `Ordering` and `Supplement` of the `CIDSystemInfo` in `d`.
fn system_info(doc: &Document, d: &Dictionary) -> Option<(String, String, i64)> {
    let info = dict(doc, d.get(b"CIDSystemInfo").ok()?)?;
    let text = |k: &[u8]| {
        let o = resolve(doc, info.get(k).ok()?);
        Some(String::from_utf8_lossy(o.as_str().ok()?).into_owned())
    };
    let supplement = info
        .get(b"Supplement")
        .ok()
        .and_then(|s| resolve(doc, s).as_i64().ok())?;
    Some((text(b"Registry")?, text(b"Ordering")?, supplement))
}

/// Every failure of the font rules in `pdf`, each starting with its rule id.
pub fn pdfa_fonts(pdf: &Pdf) -> Vec<String> {
    let doc = &pdf.doc;
    let mut bad = BTreeSet::new();
    for (id, object) in &doc.objects {
        let d = match object {
            Object::Dictionary(d) => d,
            _ => continue,
        };
        match (name(d, b"Type"), name(d, b"Subtype")) {
            (Some("Font"), Some("Type0")) => composite(doc, *id, d, &mut bad),
            (Some("Font"), Some("TrueType")) => {
                super::truetype_rules::simple(doc, *id, d, &mut bad)
            }
            _ => {}
        }
    }
    let mut drawn: BTreeMap<ObjectId, BTreeSet<Vec<u8>>> = BTreeMap::new();
    for page in pdf.pages() {
        let resources = pdf.resources(page);
        let content = doc.get_page_content(page);
        let mut seen = BTreeSet::new();
        shown(doc, &content, resources, &mut seen, &mut drawn, &mut bad);
    }
    for (font, strings) in &drawn {
        glyphs(doc, *font, strings, &mut bad);
    }
    bad.into_iter().collect()
}

/// `font N (BaseFont)`, to name a font in a failure.
fn label(id: ObjectId, d: &Dictionary) -> String {
    format!("font {} ({})", id.0, name(d, b"BaseFont").unwrap_or("?"))
}

/// 6.2.11.3-1 to -4 for one Type 0 font, drawn or not.
fn composite(doc: &Document, id: ObjectId, font: &Dictionary, bad: &mut BTreeSet<String>) {
    let label = label(id, font);
    let cid = descendant(doc, font);
    let cid_info = cid.and_then(|c| system_info(doc, c));
    match font.get(b"Encoding").ok().map(|e| resolve(doc, e)) {
        Some(Object::Name(n)) => {
            let n = String::from_utf8_lossy(n);
            if !PREDEFINED.contains(&n.as_ref()) {
                bad.insert(format!(
                    "6.2.11.3-3: {label}: its CMap {n} is neither predefined nor embedded"
                ));
            } else if n != "Identity-H"
                && n != "Identity-V"
                && !cid_info
                    .as_ref()
                    .is_some_and(|(r, o, _)| r == "Adobe" && o == ordering(&n))
            {
                bad.insert(format!(
                    "6.2.11.3-1: {label}: its CIDSystemInfo is not that of its CMap {n}"
                ));
            }
        }
        Some(Object::Stream(s)) => {
            let compatible = match (system_info(doc, &s.dict), &cid_info) {
                (Some((r, o, at_least)), Some((fr, fo, s))) => {
                    r == *fr && o == *fo && *s >= at_least
                }
                _ => false,
            };
            if !compatible {
                bad.insert(format!(
                    "6.2.11.3-1: {label}: its CIDSystemInfo is not compatible with its embedded CMap's"
                ));
            }
            let stated = s
                .dict
                .get(b"WMode")
                .ok()
                .and_then(|w| w.as_i64().ok())
                .unwrap_or(0);
            let program = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            if stated != wmode(&program).unwrap_or(0) {
                bad.insert(format!(
                    "6.2.11.3-4: {label}: the embedded CMap's /WMode {stated} is not its program's"
                ));
            }
            if let Ok(used) = s.dict.get(b"UseCMap") {
                let standard = resolve(doc, used)
                    .as_name()
                    .is_ok_and(|n| PREDEFINED.contains(&String::from_utf8_lossy(n).as_ref()));
                if !standard {
                    bad.insert(format!(
                        "6.2.11.3-3: {label}: its embedded CMap uses a CMap that is not predefined"
                    ));
                }
            }
        }
        _ => {
            bad.insert(format!("6.2.11.3-3: {label}: no CMap (/Encoding)"));
        }
    }
    if let Some(c) = cid
        && name(c, b"Subtype") == Some("CIDFontType2")
    {
        let map = c.get(b"CIDToGIDMap").ok().map(|m| resolve(doc, m));
        let ok = matches!(map, Some(Object::Name(n)) if n == b"Identity")
            || matches!(map, Some(Object::Stream(_)));
        if !ok {
            bad.insert(format!(
                "6.2.11.3-2: {label}: a Type 2 CIDFont without a /CIDToGIDMap of Identity or a stream"
            ));
        }
    }
}

/// Collects, by font, the strings the text operators of `content` show, following the
/// forms it draws (each once); a font named but not found by reference is a failure.
fn shown(
    doc: &Document,
    content: &[u8],
    resources: Option<&Dictionary>,
    seen: &mut BTreeSet<ObjectId>,
    drawn: &mut BTreeMap<ObjectId, BTreeSet<Vec<u8>>>,
    bad: &mut BTreeSet<String>,
) {
    let Ok(content) = Content::decode(content) else {
        bad.insert("6.2.11.4-2: a content stream does not parse".to_string());
        return;
    };
    let entry = |kind: &[u8], key: &[u8]| -> Option<&Object> {
        let group = dict(doc, resources?.get(kind).ok()?)?;
        group.get(key).ok()
    };
    let mut font: Option<ObjectId> = None;
    let mut saved = Vec::new();
    for op in &content.operations {
        match op.operator.as_str() {
            "q" => saved.push(font),
            "Q" => font = saved.pop().unwrap_or(font),
            "Tf" => {
                let key = op.operands.first().and_then(|f| f.as_name().ok());
                font = match key.and_then(|k| entry(b"Font", k)) {
                    Some(Object::Reference(id)) => Some(*id),
                    _ => {
                        let key = key.map(String::from_utf8_lossy).unwrap_or_default();
                        bad.insert(format!(
                            "6.2.11.4-2: font /{key} is not a font object this checker can read"
                        ));
                        None
                    }
                };
            }
            "Tj" | "TJ" | "'" | "\"" => {
                if let Some(f) = font {
                    let strings = op.operands.iter().flat_map(|o| match o {
                        Object::Array(a) => a.iter().collect(),
                        other => vec![other],
                    });
                    let set = drawn.entry(f).or_default();
                    for s in strings.filter_map(|o| o.as_str().ok()) {
                        set.insert(s.to_vec());
                    }
                }
            }
            "Do" => {
                let key = op.operands.first().and_then(|n| n.as_name().ok());
                let Some(Object::Reference(id)) = key.and_then(|k| entry(b"XObject", k)) else {
                    continue;
                };
                let Ok(Object::Stream(form)) = doc.get_object(*id) else {
                    continue;
                };
                if name(&form.dict, b"Subtype") == Some("Form") && seen.insert(*id) {
                    let own = form.dict.get(b"Resources").ok().and_then(|r| dict(doc, r));
                    let bytes = form
                        .decompressed_content()
                        .unwrap_or_else(|_| form.content.clone());
                    shown(doc, &bytes, own.or(resources), seen, drawn, bad);
                }
            }
            _ => {}
        }
    }
}

/// 6.2.11.4-2, 6.2.11.4-4, 6.2.11.5-1 and 6.2.11.7-1 for the glyphs `strings` show in the
/// font `id`.
fn glyphs(doc: &Document, id: ObjectId, strings: &BTreeSet<Vec<u8>>, bad: &mut BTreeSet<String>) {
    let Ok(font) = doc.get_dictionary(id) else {
        bad.insert(format!("6.2.11.4-2: font {} is not a dictionary", id.0));
        return;
    };
    let label = label(id, font);
    let identity = matches!(name(font, b"Encoding"), Some("Identity-H" | "Identity-V"));
    let cid = descendant(doc, font).filter(|_| name(font, b"Subtype") == Some("Type0"));
    let descriptor = cid.and_then(|c| dict(doc, c.get(b"FontDescriptor").ok()?));
    let program = descriptor.and_then(|d| bytes(doc, d.get(b"FontFile2").ok()?));
    let (Some(cid), Some(descriptor), Some(program), true) = (cid, descriptor, program, identity)
    else {
        bad.insert(format!(
            "6.2.11.4-2: {label}: not read (only Type 0 fonts with Identity-H or Identity-V over an embedded TrueType program are)"
        ));
        return;
    };
    let Ok(face) = FontRef::new(&program) else {
        bad.insert(format!(
            "6.2.11.4-2: {label}: its TrueType program does not parse"
        ));
        return;
    };
    let count = face.maxp().map_or(0, |m| u32::from(m.num_glyphs()));
    let per_em = face.head().map_or(1000.0, |h| f64::from(h.units_per_em()));
    let metrics = face.glyph_metrics(Size::unscaled(), LocationRef::default());
    let map = cid.get(b"CIDToGIDMap").ok().and_then(|m| bytes(doc, m));
    let gid_of = |code: u32| -> u32 {
        match &map {
            Some(m) => {
                let at = code as usize * 2;
                m.get(at..at + 2)
                    .map_or(0, |b| u32::from(u16::from_be_bytes([b[0], b[1]])))
            }
            None => code,
        }
    };
    let stated = widths(doc, cid);
    let default = cid.get(b"DW").ok().map_or(1000.0, number);
    let unicode = font
        .get(b"ToUnicode")
        .ok()
        .and_then(|t| bytes(doc, t))
        .map(|b| to_unicode(&b))
        .unwrap_or_default();
    let codes: BTreeSet<u32> = strings
        .iter()
        .flat_map(|s| {
            s.chunks_exact(2)
                .map(|c| u32::from(u16::from_be_bytes([c[0], c[1]])))
        })
        .collect();
    for code in codes {
        let gid = gid_of(code);
        if gid >= count {
            bad.insert(format!(
                "6.2.11.4-2: {label}: glyph {gid} (code {code}) is not in its program of {count} glyphs"
            ));
            continue;
        }
        let program_width = metrics
            .advance_width(GlyphId::new(gid))
            .map_or(0.0, |w| f64::from(w) * 1000.0 / per_em);
        let width = stated.get(&code).copied().unwrap_or(default);
        if (program_width - width).abs() > 1.0 {
            bad.insert(format!(
                "6.2.11.5-1: {label}: code {code} is {width} wide in the file, {program_width:.1} in its program"
            ));
        }
        match unicode.get(&code) {
            None => {
                bad.insert(format!(
                    "6.2.11.7-1: {label}: code {code} maps to no Unicode"
                ));
            }
            Some(units) if units.iter().any(|u| matches!(u, 0 | 0xFEFF | 0xFFFE)) => {
                bad.insert(format!(
                    "6.2.11.7-1: {label}: code {code} maps to U+0000, U+FEFF or U+FFFE"
                ));
            }
            Some(_) => {}
        }
    }
    if let Ok(set) = descriptor.get(b"CIDSet") {
        cid_set(doc, set, map.is_some(), count, &label, bad);
    }
}

/// 6.2.11.4-4: a `/CIDSet` names every glyph its program has (CID = glyph id, the
/// `Identity` map).
fn cid_set(
    doc: &Document,
    set: &Object,
    mapped: bool,
    count: u32,
    label: &str,
    bad: &mut BTreeSet<String>,
) {
    let Some(bits) = bytes(doc, set).filter(|_| !mapped) else {
        bad.insert(format!(
            "6.2.11.4-4: {label}: a /CIDSet beside a /CIDToGIDMap stream is not read"
        ));
        return;
    };
    let missing: Vec<u32> = (0..count)
        .filter(|cid| {
            let byte = bits.get((cid / 8) as usize).copied().unwrap_or(0);
            byte & (0x80 >> (cid % 8)) == 0
        })
        .collect();
    if let Some(first) = missing.first() {
        bad.insert(format!(
            "6.2.11.4-4: {label}: its /CIDSet leaves out {} glyphs of its program (the first {first})",
            missing.len()
        ));
    }
}

/// The widths a CIDFont's `/W` array states, by CID.
fn widths(doc: &Document, cid: &Dictionary) -> BTreeMap<u32, f64> {
    let mut out = BTreeMap::new();
    let Some(Ok(w)) = cid.get(b"W").ok().map(|w| resolve(doc, w).as_array()) else {
        return out;
    };
    let mut i = 0;
    while i < w.len() {
        let first = number(resolve(doc, &w[i])) as u32;
        match w.get(i + 1).map(|o| resolve(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate() {
                    out.insert(first + k as u32, number(resolve(doc, v)));
                }
                i += 2;
            }
            Some(last) => {
                let last = number(last) as u32;
                let width = w.get(i + 2).map_or(f64::NAN, |v| number(resolve(doc, v)));
                for c in first..=last {
                    out.insert(c, width);
                }
                i += 3;
            }
            None => break,
        }
    }
    out
}

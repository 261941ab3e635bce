//! veraPDF's PDF/A-2a rules that can be decided object by object: one walk over every
//! object of the file, each failure a message that starts with its rule id (`6.3.2-2: …`),
//! so the README's coverage table can point here rule by rule.

use std::collections::BTreeSet;

use lopdf::{Dictionary, Object};

use super::{Pdf, name, text};

/// The annotation types ISO 32000-1 defines, less 3D, Sound, Screen and Movie (6.3.1-1).
const ANNOTATIONS: &[&str] = &[
    "Text",
    "Link",
    "FreeText",
    "Line",
    "Square",
    "Circle",
    "Polygon",
    "PolyLine",
    "Highlight",
    "Underline",
    "Squiggly",
    "StrikeOut",
    "Stamp",
    "Caret",
    "Ink",
    "Popup",
    "FileAttachment",
    "Widget",
    "PrinterMark",
    "TrapNet",
    "Watermark",
    "Redact",
];
/// The filters of ISO 32000-1 Table 6 but LZW (6.1.7-4).
const FILTERS: &[&str] = &[
    "ASCIIHexDecode",
    "ASCII85Decode",
    "FlateDecode",
    "RunLengthDecode",
    "CCITTFaxDecode",
    "JBIG2Decode",
    "DCTDecode",
    "JPXDecode",
];
const BLEND_MODES: &[&str] = &[
    "Normal",
    "Compatible",
    "Multiply",
    "Screen",
    "Overlay",
    "Darken",
    "Lighten",
    "ColorDodge",
    "ColorBurn",
    "HardLight",
    "SoftLight",
    "Difference",
    "Exclusion",
    "Hue",
    "Saturation",
    "Color",
    "Luminosity",
];
const INTENTS: &[&str] = &[
    "RelativeColorimetric",
    "AbsoluteColorimetric",
    "Perceptual",
    "Saturation",
];
const ACTIONS: &[&str] = &[
    "GoTo",
    "GoToR",
    "GoToE",
    "Thread",
    "URI",
    "Named",
    "SubmitForm",
];
const NAMED: &[&str] = &["NextPage", "PrevPage", "FirstPage", "LastPage"];

fn int(d: &Dictionary, key: &[u8]) -> Option<i64> {
    d.get(key).ok()?.as_i64().ok()
}

/// Every limit of 6.1.13 a value can break: integers, reals, strings, names.
fn limits(o: &Object, bad: &mut BTreeSet<String>) {
    match o {
        Object::Integer(i) if i32::try_from(*i).is_err() => {
            bad.insert(format!("6.1.13-1: integer {i} out of range"));
        }
        Object::Real(r) if !r.is_finite() => {
            bad.insert(format!("6.1.13-2: real {r} out of range"));
        }
        Object::Real(r) if *r != 0.0 && r.abs() < 1.175e-38 => {
            bad.insert(format!("6.1.13-5: real {r} too close to zero"));
        }
        Object::String(s, _) if s.len() >= 32767 => {
            bad.insert("6.1.13-3: a string of 32767 bytes or more".into());
        }
        Object::Name(n) if n.len() > 127 => {
            bad.insert("6.1.13-4: a name longer than 127 bytes".into());
        }
        Object::Array(a) => a.iter().for_each(|o| limits(o, bad)),
        Object::Dictionary(d) => d.iter().for_each(|(k, v)| {
            limits(&Object::Name(k.clone()), bad);
            limits(v, bad)
        }),
        Object::Stream(s) => limits(&Object::Dictionary(s.dict.clone()), bad),
        _ => {}
    }
}

/// Every failure of the object-level PDF/A-2a rules in `pdf`, each starting with its id.
pub fn pdfa_objects(pdf: &Pdf) -> Vec<String> {
    let mut bad = BTreeSet::new();
    let mut add = |s: String| {
        bad.insert(s);
    };
    let trailer = &pdf.doc.trailer;
    if trailer
        .get(b"ID")
        .ok()
        .and_then(|i| i.as_array().ok())
        .is_none_or(|a| a.is_empty())
    {
        add("6.1.3-1: no file identifier (/ID) in the trailer".into());
    }
    if trailer.has(b"Encrypt") {
        add("6.1.3-2: the trailer has /Encrypt".into());
    }
    if pdf.doc.objects.len() > 8_388_607 {
        add("6.1.13-7: more than 8388607 indirect objects".into());
    }
    let catalog = pdf.catalog();
    for (key, rule) in [(b"AA".as_slice(), "6.5.2-1"), (b"Requirements", "6.11-1")] {
        if catalog.has(key) {
            add(format!(
                "{rule}: the catalog has /{}",
                String::from_utf8_lossy(key)
            ));
        }
    }
    if matches!(catalog.get(b"NeedsRendering"), Ok(Object::Boolean(true))) {
        add("6.4.2-2: the catalog's /NeedsRendering is true".into());
    }
    if !catalog.has(b"Metadata") {
        add("6.6.2.1-1: the catalog has no /Metadata".into());
    }
    if !catalog.has(b"StructTreeRoot") {
        add("6.7.3-1: the catalog has no /StructTreeRoot".into());
    }
    let marked = catalog
        .get(b"MarkInfo")
        .ok()
        .and_then(|m| pdf.doc.dereference(m).ok())
        .and_then(|(_, m)| m.as_dict().ok())
        .is_some_and(|m| matches!(m.get(b"Marked"), Ok(Object::Boolean(true))));
    if !marked {
        add("6.7.2-1: /MarkInfo /Marked is not true".into());
    }
    let names = catalog
        .get(b"Names")
        .ok()
        .and_then(|n| pdf.doc.dereference(n).ok())
        .and_then(|(_, n)| n.as_dict().ok());
    if names.is_some_and(|n| n.has(b"AlternatePresentations")) {
        add("6.10-1: the name dictionary has /AlternatePresentations".into());
    }
    match pdf.xmp() {
        None => {}
        Some(x) => {
            let header = x.split("?>").next().unwrap_or("");
            if header.contains("bytes=") {
                add("6.6.2.1-2: the XMP packet header has a bytes attribute".into());
            }
            if header.contains("encoding=") {
                add("6.6.2.1-3: the XMP packet header has an encoding attribute".into());
            }
            if !x.contains("pdfaid:part") {
                add("6.6.4-1: no PDF/A identification in the XMP".into());
            } else if !x.contains("<pdfaid:part>2</pdfaid:part>")
                && !x.contains("pdfaid:part=\"2\"")
            {
                add("6.6.4-2: pdfaid:part is not 2".into());
            }
            if !x.contains("<pdfaid:conformance>A</pdfaid:conformance>")
                && !x.contains("pdfaid:conformance=\"A\"")
            {
                add("6.6.4-3: pdfaid:conformance is not A".into());
            }
        }
    }
    for (id, d) in pdf.elements() {
        if name(d, b"Type") != Some("StructElem") {
            add(format!(
                "6.7.3-2: structure element {id:?} has no /Type /StructElem"
            ));
        }
    }
    let mut oc_names = BTreeSet::new();
    for (id, o) in &pdf.doc.objects {
        let mut found = BTreeSet::new();
        limits(o, &mut found);
        found.into_iter().for_each(&mut add);
        if let Object::Stream(s) = o {
            stream(&format!("{id:?}"), &s.dict, &mut add);
        }
        let mut dicts = Vec::new();
        nested(o, false, &mut dicts);
        for (d, action) in dicts {
            dictionary(pdf, &format!("{id:?}"), d, action, &mut oc_names, &mut add);
        }
    }
    bad.into_iter().collect()
}

/// Every dictionary inside `o` (itself included), each marked when it is an action (the
/// `/A` of an annotation, an `/OpenAction`, a `/Next`, an entry of an `/AA`).
fn nested<'a>(o: &'a Object, action: bool, out: &mut Vec<(&'a Dictionary, bool)>) {
    let d = match o {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        Object::Array(a) => {
            a.iter().for_each(|o| nested(o, action, out));
            return;
        }
        _ => return,
    };
    out.push((d, action));
    let annotation = d.has(b"Subtype") && d.has(b"Rect");
    for (k, v) in d.iter() {
        let is_action = match k.as_slice() {
            b"A" => annotation,
            b"OpenAction" | b"Next" => true,
            _ => false,
        };
        if k.as_slice() == b"AA"
            && let Object::Dictionary(aa) = v
        {
            aa.iter().for_each(|(_, a)| nested(a, true, out));
            continue;
        }
        if k.as_slice() != b"P" && k.as_slice() != b"Parent" {
            nested(v, is_action, out);
        }
    }
}

/// 6.1.7-3 and 6.1.7-4: a stream has no `/F`, `/FFilter`, `/FDecodeParms`, and only the
/// standard filters but LZW.
fn stream(id: &str, d: &Dictionary, add: &mut impl FnMut(String)) {
    for key in [b"F".as_slice(), b"FFilter", b"FDecodeParms"] {
        if d.has(key) {
            add(format!(
                "6.1.7-3: stream {id} has /{}",
                String::from_utf8_lossy(key)
            ));
        }
    }
    let filters: Vec<&Object> = match d.get(b"Filter") {
        Ok(Object::Array(a)) => a.iter().collect(),
        Ok(f) => vec![f],
        Err(_) => vec![],
    };
    for f in filters {
        let f = f
            .as_name()
            .ok()
            .map(String::from_utf8_lossy)
            .unwrap_or_default();
        if !FILTERS.contains(&f.as_ref()) {
            add(format!("6.1.7-4: stream {id} uses the filter {f}"));
        }
    }
}

/// The rules about one dictionary, by what it is.
fn dictionary(
    pdf: &Pdf,
    id: &str,
    d: &Dictionary,
    action: bool,
    oc_names: &mut BTreeSet<String>,
    add: &mut impl FnMut(String),
) {
    let ty = name(d, b"Type");
    let sub = name(d, b"Subtype");
    if ty == Some("ExtGState") {
        if d.has(b"TR") {
            add(format!("6.2.5-1: ExtGState {id} has /TR"));
        }
        if d.get(b"TR2")
            .is_ok_and(|t| t.as_name().ok() != Some(b"Default"))
        {
            add(format!(
                "6.2.5-2: ExtGState {id} has /TR2 other than Default"
            ));
        }
        if d.has(b"HTP") {
            add(format!("6.2.5-3: ExtGState {id} has /HTP"));
        }
        if let Some(bm) = name(d, b"BM")
            && !BLEND_MODES.contains(&bm)
        {
            add(format!("6.2.10-1: ExtGState {id} uses the blend mode {bm}"));
        }
    }
    if let Some(ri) = name(d, b"RI").or(name(d, b"Intent"))
        && !INTENTS.contains(&ri)
    {
        add(format!("6.2.6-1: {id} uses the rendering intent {ri}"));
    }
    if ty == Some("Halftone") || d.has(b"HalftoneType") {
        if !matches!(int(d, b"HalftoneType"), Some(1 | 5)) {
            add(format!("6.2.5-4: halftone {id} is not of type 1 or 5"));
        }
        if d.has(b"HalftoneName") {
            add(format!("6.2.5-5: halftone {id} has /HalftoneName"));
        }
    }
    match sub {
        Some("Image") => {
            if d.has(b"Alternates") {
                add(format!("6.2.8-1: image {id} has /Alternates"));
            }
            if d.has(b"OPI") {
                add(format!("6.2.8-2: image {id} has /OPI"));
            }
            if matches!(d.get(b"Interpolate"), Ok(Object::Boolean(true))) {
                add(format!("6.2.8-3: image {id} has /Interpolate true"));
            }
        }
        Some("Form") if d.has(b"BBox") => {
            if d.has(b"OPI") || d.has(b"PS") || name(d, b"Subtype2") == Some("PS") {
                add(format!(
                    "6.2.9-1: form XObject {id} has /OPI, /PS or /Subtype2 /PS"
                ));
            }
            if d.has(b"Ref") {
                add(format!("6.2.9-2: form XObject {id} is a reference XObject"));
            }
        }
        Some("PS") => add(format!("6.2.9-3: {id} is a PostScript XObject")),
        _ => {}
    }
    if ty == Some("Annot") || (d.has(b"Rect") && sub.is_some()) {
        annotation(pdf, id, d, sub.unwrap_or(""), add);
    }
    if ty == Some("Font") || (d.has(b"BaseFont") && sub.is_some()) {
        font(id, d, add);
    }
    if ty == Some("OutputIntent") && d.has(b"DestOutputProfileRef") {
        add(format!(
            "6.2.3-3: output intent {id} has /DestOutputProfileRef"
        ));
    }
    if d.has(b"FT") && d.has(b"AA") {
        add(format!("6.4.1-2: form field {id} has /AA"));
    }
    if ty == Some("Page") {
        for key in [
            b"MediaBox".as_slice(),
            b"CropBox",
            b"BleedBox",
            b"TrimBox",
            b"ArtBox",
        ] {
            let sides: Vec<f32> = d
                .get(key)
                .ok()
                .and_then(|b| b.as_array().ok())
                .map(|b| b.iter().filter_map(|v| v.as_float().ok()).collect())
                .unwrap_or_default();
            if let [x0, y0, x1, y1] = sides[..] {
                let (w, h) = ((x1 - x0).abs(), (y1 - y0).abs());
                if !(3.0..=14400.0).contains(&w) || !(3.0..=14400.0).contains(&h) {
                    add(format!(
                        "6.1.13-11: page {id}'s /{} is {w} by {h}",
                        String::from_utf8_lossy(key)
                    ));
                }
            }
        }
        if d.has(b"AA") {
            add(format!("6.5.2-2: page {id} has /AA"));
        }
        if d.has(b"PresSteps") {
            add(format!("6.10-2: page {id} has /PresSteps"));
        }
    }
    if action || ty == Some("Action") {
        let s = name(d, b"S").unwrap_or("");
        if !ACTIONS.contains(&s) {
            add(format!("6.5.1-1: action in {id} of type {s}"));
        }
        if s == "Named" && !name(d, b"N").is_some_and(|n| NAMED.contains(&n)) {
            add(format!("6.5.1-2: named action in {id} is not a page turn"));
        }
    }
    if d.has(b"EF") && !(d.has(b"F") && d.has(b"UF")) {
        add(format!("6.8-2: embedded file spec {id} lacks /F or /UF"));
    }
    if let Ok(form) = d.get(b"AcroForm").and_then(|f| f.as_dict()) {
        if form.has(b"XFA") {
            add("6.4.2-1: the form has /XFA".into());
        }
        if matches!(form.get(b"NeedAppearances"), Ok(Object::Boolean(true))) {
            add("6.4.1-3: the form's /NeedAppearances is true".into());
        }
    }
    if let Ok(oc) = d.get(b"OCProperties").and_then(|o| o.as_dict()) {
        let mut configs: Vec<&Dictionary> = oc
            .get(b"D")
            .ok()
            .and_then(|c| c.as_dict().ok())
            .into_iter()
            .collect();
        if let Ok(more) = oc.get(b"Configs").and_then(|c| c.as_array()) {
            configs.extend(more.iter().filter_map(|c| c.as_dict().ok()));
        }
        for c in configs {
            match c.get(b"Name").ok().and_then(text) {
                None => add("6.9-1: an optional content configuration without /Name".into()),
                Some(n) if !oc_names.insert(n.clone()) => add(format!(
                    "6.9-2: optional content configuration name {n:?} repeated"
                )),
                _ => {}
            }
            if c.has(b"AS") {
                add("6.9-4: an optional content configuration has /AS".into());
            }
        }
    }
}

/// 6.3.1-1 to 6.4.1-1: an annotation's type, flags, appearance and actions.
fn annotation(pdf: &Pdf, id: &str, d: &Dictionary, sub: &str, add: &mut impl FnMut(String)) {
    if !ANNOTATIONS.contains(&sub) {
        add(format!("6.3.1-1: annotation {id} of type {sub}"));
    }
    match int(d, b"F") {
        None if sub != "Popup" => add(format!("6.3.2-1: annotation {id} has no /F")),
        Some(f) if f & 4 == 0 || f & (1 | 2 | 32 | 256) != 0 => add(format!(
            "6.3.2-2: annotation {id} is hidden or not printed (/F {f})"
        )),
        _ => {}
    }
    let zero = d
        .get(b"Rect")
        .ok()
        .and_then(|r| r.as_array().ok())
        .is_some_and(|r| {
            let v: Vec<f32> = r.iter().filter_map(|x| x.as_float().ok()).collect();
            v.len() == 4 && v[0] == v[2] && v[1] == v[3]
        });
    let ap = d
        .get(b"AP")
        .ok()
        .and_then(|a| pdf.doc.dereference(a).ok())
        .and_then(|(_, a)| a.as_dict().ok());
    match ap {
        None if !zero && !matches!(sub, "Popup" | "Link") => {
            add(format!("6.3.3-1: annotation {id} has no appearance"))
        }
        Some(ap) if ap.len() != 1 || !ap.has(b"N") => {
            add(format!("6.3.3-2: annotation {id}'s /AP holds more than /N"))
        }
        _ => {}
    }
    if sub == "Widget" && (d.has(b"A") || d.has(b"AA")) {
        add(format!("6.4.1-1: widget {id} has /A or /AA"));
    }
    if sub == "Text" && int(d, b"F").is_none_or(|f| f & 24 != 24) {
        add(format!(
            "6.3.2-3: text annotation {id} lacks NoZoom or NoRotate"
        ));
    }
}

/// 6.2.11.2-1 to 6.2.11.2-6: a font dictionary's `/Type`, `/Subtype`, `/BaseFont`, and a
/// simple font's `/FirstChar`, `/LastChar` and `/Widths` of the right length.
fn font(id: &str, d: &Dictionary, add: &mut impl FnMut(String)) {
    if name(d, b"Type") != Some("Font") {
        add(format!("6.2.11.2-1: font {id} has no /Type /Font"));
    }
    let sub = name(d, b"Subtype").unwrap_or("");
    let known = [
        "Type1",
        "MMType1",
        "TrueType",
        "Type3",
        "Type0",
        "CIDFontType0",
        "CIDFontType2",
    ];
    if !known.contains(&sub) {
        add(format!("6.2.11.2-2: font {id} of subtype {sub:?}"));
    }
    if sub != "Type3" && name(d, b"BaseFont").is_none() {
        add(format!("6.2.11.2-3: font {id} has no /BaseFont"));
    }
    if matches!(sub, "Type1" | "MMType1" | "TrueType" | "Type3") {
        let standard = sub == "Type1" && !d.has(b"FontDescriptor");
        let (first, last) = (int(d, b"FirstChar"), int(d, b"LastChar"));
        if !standard && first.is_none() {
            add(format!("6.2.11.2-4: simple font {id} has no /FirstChar"));
        }
        if !standard && last.is_none() {
            add(format!("6.2.11.2-5: simple font {id} has no /LastChar"));
        }
        let widths = d
            .get(b"Widths")
            .ok()
            .and_then(|w| w.as_array().ok())
            .map(Vec::len);
        if !standard
            && let (Some(f), Some(l)) = (first, last)
            && widths != usize::try_from(l - f + 1).ok()
        {
            add(format!(
                "6.2.11.2-6: simple font {id}'s /Widths is not LastChar − FirstChar + 1 long"
            ));
        }
    }
}

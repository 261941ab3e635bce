//! veraPDF's PDF/A-2 rules about the colour spaces a file defines, wherever they stand:
//! every ICCBased space's profile of an allowed class, colour space and version
//! (6.2.4.2-1), no overprint mode 1 where an ICCBased CMYK space is used (6.2.4.2-2), a
//! DeviceN space of at most 32 colourants (6.1.13-9), each of its spot colourants in its
//! `/Colorants` (6.2.4.4-1), and Separations of one name alike (6.2.4.4-2).

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Document, Object};

use super::resolve;

/// Every failure of these rules in the colour spaces of `doc`, into `bad`.
pub fn spaces(doc: &Document, bad: &mut BTreeSet<String>) {
    let mut arrays = Vec::new();
    for object in doc.objects.values() {
        nested_arrays(object, &mut arrays);
    }
    iccs(doc, &arrays, bad);
    let kind = |a: &Vec<Object>| a.first().and_then(|n| n.as_name().ok()).map(<[u8]>::to_vec);
    let cmyk_icc = arrays.iter().any(|a| {
        kind(a).as_deref() == Some(b"ICCBased")
            && a.get(1)
                .and_then(|p| header(doc, p))
                .is_some_and(|(_, cs, _)| cs == "CMYK")
    });
    if cmyk_icc {
        for object in doc.objects.values() {
            let d = match object {
                Object::Dictionary(d) => d,
                _ => continue,
            };
            let flag = |k: &[u8]| d.get(k).and_then(Object::as_bool).unwrap_or(false);
            let opm = d.get(b"OPM").ok().and_then(|o| o.as_i64().ok()) == Some(1);
            if opm && (flag(b"OP") || flag(b"op")) {
                bad.insert(
                    "6.2.4.2-2: overprint mode 1 with overprinting on, where ICCBased CMYK is used"
                        .into(),
                );
            }
        }
    }
    let mut separations: BTreeMap<Vec<u8>, BTreeSet<String>> = BTreeMap::new();
    for a in &arrays {
        match kind(a).as_deref() {
            Some(b"DeviceN") => device_n(doc, a, bad),
            Some(b"Separation") => {
                if let Some(Object::Name(n)) = a.get(1) {
                    let rest: Vec<String> = a[2..]
                        .iter()
                        .map(|o| match resolve(doc, o) {
                            Object::Stream(s) => format!("{:?} {:?}", s.dict, s.content),
                            other => format!("{other:?}"),
                        })
                        .collect();
                    separations
                        .entry(n.clone())
                        .or_default()
                        .insert(rest.join(" "));
                }
            }
            _ => {}
        }
    }
    for (name, forms) in separations {
        if forms.len() > 1 {
            bad.insert(format!(
                "6.2.4.4-2: Separations named {} differ in their alternate space or tint transform",
                String::from_utf8_lossy(&name)
            ));
        }
    }
}

/// 6.1.13-9 and 6.2.4.4-1 for one DeviceN colour space.
fn device_n(doc: &Document, a: &[Object], bad: &mut BTreeSet<String>) {
    let Some(Ok(names)) = a.get(1).map(|n| resolve(doc, n).as_array()) else {
        return;
    };
    if names.len() > 32 {
        bad.insert(format!(
            "6.1.13-9: a DeviceN space of {} colourants",
            names.len()
        ));
    }
    let colorants = a
        .get(4)
        .and_then(|attrs| resolve(doc, attrs).as_dict().ok())
        .and_then(|attrs| resolve(doc, attrs.get(b"Colorants").ok()?).as_dict().ok());
    for n in names.iter().filter_map(|n| n.as_name().ok()) {
        let process = matches!(n, b"Cyan" | b"Magenta" | b"Yellow" | b"Black" | b"None");
        if !process && !colorants.is_some_and(|c| c.has(n)) {
            bad.insert(format!(
                "6.2.4.4-1: the spot colourant {} of a DeviceN space is not in its /Colorants",
                String::from_utf8_lossy(n)
            ));
        }
    }
}

/// The class, colour space and major version of an ICC profile's header.
pub fn header(doc: &Document, profile: &Object) -> Option<(String, String, u8)> {
    let s = resolve(doc, profile).as_stream().ok()?;
    let bytes = s
        .decompressed_content()
        .unwrap_or_else(|_| s.content.clone());
    let text = |r: std::ops::Range<usize>| -> Option<String> {
        Some(String::from_utf8_lossy(bytes.get(r)?).into_owned())
    };
    Some((text(12..16)?, text(16..20)?, *bytes.get(8)?))
}

/// 6.2.4.2-1: the profile of every ICCBased colour space in the file.
fn iccs(doc: &Document, arrays: &[&Vec<Object>], bad: &mut BTreeSet<String>) {
    for a in arrays {
        if a.first().and_then(|n| n.as_name().ok()) != Some(b"ICCBased") {
            continue;
        }
        let ok = a
            .get(1)
            .and_then(|p| header(doc, p))
            .is_some_and(|(class, cs, major)| {
                matches!(class.as_str(), "prtr" | "mntr" | "scnr" | "spac")
                    && matches!(cs.as_str(), "RGB " | "CMYK" | "GRAY" | "LAB ")
                    && major < 5
            });
        if !ok {
            bad.insert("6.2.4.2-1: an ICCBased colour space's profile is not of an allowed class, colour space and version".into());
        }
    }
}

/// Every array inside `o`, itself included.
fn nested_arrays<'a>(o: &'a Object, out: &mut Vec<&'a Vec<Object>>) {
    match o {
        Object::Array(a) => {
            out.push(a);
            a.iter().for_each(|v| nested_arrays(v, out));
        }
        Object::Dictionary(d) => d.iter().for_each(|(_, v)| nested_arrays(v, out)),
        Object::Stream(s) => s.dict.iter().for_each(|(_, v)| nested_arrays(v, out)),
        _ => {}
    }
}

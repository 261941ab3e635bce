//! veraPDF's PDF/A-2 rules about content streams and colour, decided by reading every page's
//! content and every form it draws: `q` nested at most 28 deep (6.1.13-8), only ISO
//! 32000-1's operators (6.2.2-1), a form that names resources having its own (6.2.2-2), the
//! output intent's ICC profile an output or monitor profile of an allowed colour space and
//! version (6.2.3-1), one profile for every output intent (6.2.3-2), and DeviceRGB,
//! DeviceCMYK and DeviceGray used only under an output intent that allows them (6.2.4.3-2
//! to -4). Also PDF/UA-1's 7.20-2: a form holding marked content (an MCID) is drawn once.
//! The colour spaces themselves are `colour_rules`'.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::colour_rules::header;
use super::{Pdf, dict, resolve};

/// The operators of ISO 32000-1, Annex A.
const OPERATORS: &[&str] = &[
    "b", "B", "b*", "B*", "BDC", "BI", "BMC", "BT", "BX", "c", "cm", "CS", "cs", "d", "d0", "d1",
    "Do", "DP", "EI", "EMC", "ET", "EX", "f", "F", "f*", "G", "g", "gs", "h", "i", "ID", "j", "J",
    "K", "k", "l", "m", "M", "MP", "n", "q", "Q", "re", "RG", "rg", "ri", "s", "S", "SC", "sc",
    "SCN", "scn", "sh", "T*", "Tc", "Td", "TD", "Tf", "Tj", "TJ", "TL", "Tm", "Tr", "Ts", "Tw",
    "Tz", "v", "w", "W", "W*", "y", "'", "\"",
];

/// The resource kind each operator's name operand is looked up in.
fn resource_kind(operator: &str) -> Option<&'static [u8]> {
    Some(match operator {
        "Tf" => b"Font",
        "Do" => b"XObject",
        "gs" => b"ExtGState",
        "sh" => b"Shading",
        "cs" | "CS" => b"ColorSpace",
        "DP" | "BDC" => b"Properties",
        _ => return None,
    })
}

/// The device colour spaces a file uses, and what its walk found.
#[derive(Default)]
struct Walk {
    rgb: bool,
    cmyk: bool,
    gray: bool,
    /// How many times each form is drawn.
    drawn: BTreeMap<ObjectId, usize>,
    /// The forms holding marked content with an MCID.
    with_mcid: BTreeSet<ObjectId>,
    bad: BTreeSet<String>,
}

/// Every failure of the content and colour rules in `pdf`, each starting with its rule id.
pub fn pdfa_content(pdf: &Pdf) -> Vec<String> {
    let doc = &pdf.doc;
    let mut walk = Walk::default();
    for (n, page) in pdf.pages().into_iter().enumerate() {
        let resources = pdf.resources(page);
        let content = doc.get_page_content(page);
        read(
            doc,
            &content,
            resources,
            None,
            0,
            &format!("page {}", n + 1),
            &mut walk,
        );
    }
    for (id, object) in &doc.objects {
        if let Object::Stream(s) = object
            && s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image")
        {
            match s.dict.get(b"ColorSpace").map(|c| resolve(doc, c)) {
                Ok(Object::Name(n)) => device(n, &mut walk),
                // An indexed space over a device one uses that one.
                Ok(Object::Array(a)) => {
                    if a.first().and_then(|n| n.as_name().ok()) == Some(b"Indexed")
                        && let Some(Object::Name(base)) = a.get(1)
                    {
                        device(base, &mut walk);
                    }
                }
                Err(_) => {}
                Ok(_) => {
                    walk.bad.insert(format!(
                        "6.2.4.3-2: image {}: a colour space not read",
                        id.0
                    ));
                }
            }
        }
    }
    for (form, count) in &walk.drawn {
        if *count > 1 && walk.with_mcid.contains(form) {
            walk.bad.insert(format!(
                "7.20-2: form {} holds marked content and is drawn {count} times",
                form.0
            ));
        }
    }
    let mut bad = walk.bad.clone();
    intents(doc, &walk, &mut bad);
    super::colour_rules::spaces(doc, &mut bad);
    bad.into_iter().collect()
}

/// Marks the device colour space `name` as used.
fn device(name: &[u8], walk: &mut Walk) {
    match name {
        b"DeviceRGB" | b"RGB" => walk.rgb = true,
        b"DeviceCMYK" | b"CMYK" => walk.cmyk = true,
        b"DeviceGray" | b"G" => walk.gray = true,
        _ => {}
    }
}

/// Reads one content stream (a page's, or the form `form`'s) at `depth` of `q`.
fn read(
    doc: &Document,
    bytes: &[u8],
    resources: Option<&Dictionary>,
    form: Option<ObjectId>,
    mut depth: usize,
    what: &str,
    walk: &mut Walk,
) {
    let Ok(content) = Content::decode(bytes) else {
        walk.bad
            .insert(format!("6.2.2-1: {what}: the content does not parse"));
        return;
    };
    for op in &content.operations {
        let o = op.operator.as_str();
        if !OPERATORS.contains(&o) {
            walk.bad.insert(format!(
                "6.2.2-1: {what}: operator {o} is not ISO 32000-1's"
            ));
        }
        match o {
            "q" => {
                depth += 1;
                if depth > 28 {
                    walk.bad
                        .insert(format!("6.1.13-8: {what}: q nested {depth} deep"));
                }
            }
            "Q" => depth = depth.saturating_sub(1),
            "rg" | "RG" => walk.rgb = true,
            "k" | "K" => walk.cmyk = true,
            "g" | "G" => walk.gray = true,
            "cs" | "CS" => {
                if let Some(n) = op.operands.first().and_then(|n| n.as_name().ok()) {
                    device(n, walk);
                }
            }
            "BDC" => {
                if let (Some(f), Some(Object::Dictionary(p))) = (form, op.operands.get(1))
                    && p.has(b"MCID")
                {
                    walk.with_mcid.insert(f);
                }
            }
            _ => {}
        }
        let Some(kind) = resource_kind(o) else {
            continue;
        };
        // A marked-content operator names its properties second (its first is the tag).
        let at = usize::from(kind == b"Properties");
        let Some(key) = op.operands.get(at).and_then(|n| n.as_name().ok()) else {
            continue;
        };
        if kind == b"ColorSpace"
            && matches!(
                key,
                b"DeviceRGB" | b"DeviceCMYK" | b"DeviceGray" | b"Pattern"
            )
        {
            continue;
        }
        let entry = resources
            .and_then(|r| dict(doc, r.get(kind).ok()?))
            .and_then(|group| group.get(key).ok());
        let Some(entry) = entry else {
            walk.bad.insert(format!(
                "6.2.2-2: {what}: /{} is not in its own resources",
                String::from_utf8_lossy(key)
            ));
            continue;
        };
        if o == "Do"
            && let Object::Reference(id) = entry
            && let Ok(Object::Stream(s)) = doc.get_object(*id)
            && s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form")
        {
            let count = walk.drawn.entry(*id).or_default();
            *count += 1;
            if *count == 1 {
                let own = s.dict.get(b"Resources").ok().and_then(|r| dict(doc, r));
                let bytes = s
                    .decompressed_content()
                    .unwrap_or_else(|_| s.content.clone());
                let name = format!("form {}", id.0);
                read(doc, &bytes, own, Some(*id), depth, &name, walk);
            }
        }
    }
}

/// 6.2.3-1, 6.2.3-2 and 6.2.4.3-2 to -4: the output intents, and the device colour spaces
/// the content used under them.
fn intents(doc: &Document, walk: &Walk, bad: &mut BTreeSet<String>) {
    let intents: Vec<&Dictionary> = doc
        .catalog()
        .ok()
        .and_then(|c| resolve(doc, c.get(b"OutputIntents").ok()?).as_array().ok())
        .map(|a| a.iter().filter_map(|i| dict(doc, i)).collect())
        .unwrap_or_default();
    let profiles: BTreeSet<String> = intents
        .iter()
        .filter_map(|i| i.get(b"DestOutputProfile").ok())
        .map(|p| match p {
            Object::Reference(id) => format!("{} {}", id.0, id.1),
            _ => "a direct profile".to_string(),
        })
        .collect();
    if profiles.len() > 1 {
        bad.insert(format!(
            "6.2.3-2: the output intents name {} profiles, not one",
            profiles.len()
        ));
    }
    let mut space = None;
    for intent in &intents {
        let Ok(profile) = intent.get(b"DestOutputProfile") else {
            continue;
        };
        match header(doc, profile) {
            Some((class, cs, major))
                if matches!(class.as_str(), "prtr" | "mntr")
                    && matches!(cs.as_str(), "RGB " | "CMYK" | "GRAY")
                    && major < 5 =>
            {
                if intent.get(b"S").and_then(Object::as_name).ok() == Some(b"GTS_PDFA1") {
                    space = Some(cs);
                }
            }
            found => {
                bad.insert(format!(
                    "6.2.3-1: the output intent's profile is not an output or monitor profile of RGB, CMYK or GRAY before version 5 ({found:?})"
                ));
            }
        }
    }
    if walk.rgb && space.as_deref() != Some("RGB ") {
        bad.insert("6.2.4.3-2: DeviceRGB is used without an RGB output intent".into());
    }
    if walk.cmyk && space.as_deref() != Some("CMYK") {
        bad.insert("6.2.4.3-3: DeviceCMYK is used without a CMYK output intent".into());
    }
    if walk.gray && space.is_none() {
        bad.insert("6.2.4.3-4: DeviceGray is used without an output intent".into());
    }
}

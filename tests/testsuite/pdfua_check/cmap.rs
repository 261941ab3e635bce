//! CMaps, for the font rules: the names ISO 32000-1 predefines, with their character
//! collections, and the two things read from a CMap program: its `/WMode`, and a ToUnicode
//! map's codes and the UTF-16 text each stands for.

use std::collections::BTreeMap;

/// The CMaps ISO 32000-1, 9.7.5.2, Table 118 predefines: the only ones a file may use
/// without embedding them (6.2.11.3-3).
pub const PREDEFINED: &[&str] = &[
    "Identity-H",
    "Identity-V",
    "GB-EUC-H",
    "GB-EUC-V",
    "GBpc-EUC-H",
    "GBpc-EUC-V",
    "GBK-EUC-H",
    "GBK-EUC-V",
    "GBKp-EUC-H",
    "GBKp-EUC-V",
    "GBK2K-H",
    "GBK2K-V",
    "UniGB-UCS2-H",
    "UniGB-UCS2-V",
    "UniGB-UTF16-H",
    "UniGB-UTF16-V",
    "B5pc-H",
    "B5pc-V",
    "HKscs-B5-H",
    "HKscs-B5-V",
    "ETen-B5-H",
    "ETen-B5-V",
    "ETenms-B5-H",
    "ETenms-B5-V",
    "CNS-EUC-H",
    "CNS-EUC-V",
    "UniCNS-UCS2-H",
    "UniCNS-UCS2-V",
    "UniCNS-UTF16-H",
    "UniCNS-UTF16-V",
    "83pv-RKSJ-H",
    "90ms-RKSJ-H",
    "90ms-RKSJ-V",
    "90msp-RKSJ-H",
    "90msp-RKSJ-V",
    "90pv-RKSJ-H",
    "Add-RKSJ-H",
    "Add-RKSJ-V",
    "EUC-H",
    "EUC-V",
    "Ext-RKSJ-H",
    "Ext-RKSJ-V",
    "H",
    "V",
    "UniJIS-UCS2-H",
    "UniJIS-UCS2-V",
    "UniJIS-UCS2-HW-H",
    "UniJIS-UCS2-HW-V",
    "UniJIS-UTF16-H",
    "UniJIS-UTF16-V",
    "KSC-EUC-H",
    "KSC-EUC-V",
    "KSCms-UHC-H",
    "KSCms-UHC-V",
    "KSCms-UHC-HW-H",
    "KSCms-UHC-HW-V",
    "KSCpc-EUC-H",
    "UniKS-UCS2-H",
    "UniKS-UCS2-V",
    "UniKS-UTF16-H",
    "UniKS-UTF16-V",
];

/// The character collection (Adobe's `Ordering`) of a predefined CMap other than Identity.
pub fn ordering(cmap: &str) -> &'static str {
    if cmap.contains("GB") {
        "GB1"
    } else if ["B5", "CNS", "ETen", "HKscs"]
        .iter()
        .any(|k| cmap.contains(k))
    {
        "CNS1"
    } else if cmap.contains("KS") {
        "Korea1"
    } else {
        "Japan1"
    }
}

/// The `/WMode N def` of a CMap program.
pub fn wmode(program: &[u8]) -> Option<i64> {
    let text = String::from_utf8_lossy(program);
    let at = text.find("/WMode")?;
    text[at + 6..].split_whitespace().next()?.parse().ok()
}

/// A piece of a CMap's `bfchar` or `bfrange` section: a hex string, or an array of them.
enum Piece {
    Hex(Vec<u8>),
    Array(Vec<Vec<u8>>),
}

/// The hex strings and arrays of them in `body`, in order.
fn pieces(body: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut array: Option<Vec<Vec<u8>>> = None;
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '<' => {
                let digits: String = chars.by_ref().take_while(|c| *c != '>').collect();
                let digits: Vec<u8> = digits
                    .chars()
                    .filter_map(|d| d.to_digit(16).map(|v| v as u8))
                    .collect();
                let hex = digits
                    .chunks(2)
                    .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0))
                    .collect();
                match array.as_mut() {
                    Some(a) => a.push(hex),
                    None => out.push(Piece::Hex(hex)),
                }
            }
            '[' => array = Some(Vec::new()),
            ']' => out.extend(array.take().map(Piece::Array)),
            _ => {}
        }
    }
    out
}

fn code(hex: &[u8]) -> u32 {
    hex.iter().fold(0, |n, b| n << 8 | u32::from(*b))
}

fn units(hex: &[u8]) -> Vec<u16> {
    hex.chunks(2)
        .map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]))
        .collect()
}

/// A ToUnicode CMap's map from code to UTF-16 units (`bfchar` and `bfrange` sections).
pub fn to_unicode(program: &[u8]) -> BTreeMap<u32, Vec<u16>> {
    let text = String::from_utf8_lossy(program);
    let mut out = BTreeMap::new();
    for section in text.split("beginbfchar").skip(1) {
        let body = section.split("endbfchar").next().unwrap_or_default();
        for pair in pieces(body).chunks(2) {
            if let [Piece::Hex(src), Piece::Hex(dst)] = pair {
                out.insert(code(src), units(dst));
            }
        }
    }
    for section in text.split("beginbfrange").skip(1) {
        let body = section.split("endbfrange").next().unwrap_or_default();
        for triple in pieces(body).chunks(3) {
            let [Piece::Hex(lo), Piece::Hex(hi), dst] = triple else {
                continue;
            };
            for (k, c) in (code(lo)..=code(hi)).enumerate() {
                let mapped = match dst {
                    Piece::Hex(d) => {
                        let mut u = units(d);
                        if let Some(last) = u.last_mut() {
                            *last = last.wrapping_add(k as u16);
                        }
                        Some(u)
                    }
                    Piece::Array(list) => list.get(k).map(|d| units(d)),
                };
                if let Some(u) = mapped {
                    out.insert(c, u);
                }
            }
        }
    }
    out
}

//! veraPDF's PDF/A-2 rules for simple TrueType fonts (6.2.11.6-1 to -4; PDF/UA-1 asks the
//! same in 7.21.6): a non-symbolic font's program has a cmap and the font's encoding is
//! MacRoman or WinAnsi (or differences over them, read through a Microsoft Unicode (3,1)
//! cmap; whether each difference's glyph name is in the Adobe Glyph List is not read); a
//! symbolic font has no `/Encoding`, and its program's cmap has one subtable or a
//! Microsoft Symbol (3,0) one. clerk writes none; an appendix exported by another program
//! may hold them.

use std::collections::BTreeSet;

use lopdf::{Dictionary, Document, Object, ObjectId};
use skrifa::FontRef;
use skrifa::raw::TableProvider;

use super::resolve;

/// The rules for the simple TrueType font `font` (object `id`), into `bad`.
pub fn simple(doc: &Document, id: ObjectId, font: &Dictionary, bad: &mut BTreeSet<String>) {
    let base = font
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .map(String::from_utf8_lossy)
        .unwrap_or_default();
    let label = format!("font {} ({base})", id.0);
    let Some(descriptor) = font
        .get(b"FontDescriptor")
        .ok()
        .and_then(|d| resolve(doc, d).as_dict().ok())
    else {
        return;
    };
    let symbolic = descriptor
        .get(b"Flags")
        .ok()
        .and_then(|f| resolve(doc, f).as_i64().ok())
        .is_some_and(|f| f & 4 != 0);
    // A font not embedded is 6.2.11.4-1's to report.
    let Some(stream) = descriptor
        .get(b"FontFile2")
        .ok()
        .and_then(|f| resolve(doc, f).as_stream().ok())
    else {
        return;
    };
    let program = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let records: Vec<(u16, u16)> = FontRef::new(&program)
        .ok()
        .and_then(|f| f.cmap().ok())
        .map(|c| {
            c.encoding_records()
                .iter()
                .map(|r| (r.platform_id() as u16, r.encoding_id()))
                .collect()
        })
        .unwrap_or_default();
    let encoding = font.get(b"Encoding").ok().map(|e| resolve(doc, e));
    let standard = |n: &[u8]| matches!(n, b"MacRomanEncoding" | b"WinAnsiEncoding");
    if symbolic {
        if encoding.is_some() {
            bad.insert(format!("6.2.11.6-3: {label}: symbolic, with an /Encoding"));
        }
        if records.len() != 1 && !records.contains(&(3, 0)) {
            bad.insert(format!(
                "6.2.11.6-4: {label}: symbolic, its cmap neither one subtable nor a (3,0) one"
            ));
        }
        return;
    }
    if records.is_empty() {
        bad.insert(format!(
            "6.2.11.6-1: {label}: non-symbolic, its program has no cmap"
        ));
    }
    let encoded = match encoding {
        Some(Object::Name(n)) => standard(n),
        Some(Object::Dictionary(d)) => {
            let base = d.get(b"BaseEncoding").ok().map(|b| resolve(doc, b));
            let base_ok = match base {
                None => true,
                Some(Object::Name(n)) => standard(n),
                Some(_) => false,
            };
            base_ok && (!d.has(b"Differences") || records.contains(&(3, 1)))
        }
        _ => false,
    };
    if !encoded {
        bad.insert(format!(
            "6.2.11.6-2: {label}: non-symbolic, encoded other than MacRoman or WinAnsi (or differences over them with a (3,1) cmap)"
        ));
    }
}

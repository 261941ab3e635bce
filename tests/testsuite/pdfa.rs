//! PDF/A-2 rules that lopdf can decide, on every PDF that the example papers and the
//! fixtures build to: XMP and Info agree, an OutputIntent, no encryption, no transparency
//! group without a blending colour space.

use crate::pdfua_check::{every_pdf, failing, text};
use lopdf::Object;

#[test]
fn pdfa_xmp_and_info_agree_and_output_intent_present() {
    every_pdf(|pdf| {
        let mut bad = Vec::new();
        let x = pdf.xmp().unwrap_or_default();
        let info = pdf.info();
        for (key, tag) in [
            (b"Title".as_slice(), "dc:title"),
            (b"Producer", "pdf:Producer"),
        ] {
            let value = info
                .and_then(|i| i.get(key).ok())
                .and_then(text)
                .unwrap_or_default();
            let escaped = value
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            if !x.contains(&format!(">{escaped}</")) || !x.contains(tag) {
                bad.push(format!(
                    "Info {} `{value}` not in XMP {tag}",
                    String::from_utf8_lossy(key)
                ));
            }
        }
        bad.extend(failing(
            x.contains("<pdfaid:part>2</pdfaid:part>"),
            "no pdfaid:part 2",
        ));
        bad.extend(failing(
            x.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
            "not conformance A",
        ));
        let intents = pdf
            .catalog()
            .get(b"OutputIntents")
            .ok()
            .and_then(|o| o.as_array().ok());
        let profile = intents
            .and_then(|a| a.first())
            .and_then(|i| pdf.doc.dereference(i).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        bad.extend(failing(
            profile.is_some_and(|p| p.has(b"DestOutputProfile")),
            "no OutputIntent profile",
        ));
        bad
    });
}

#[test]
fn pdfa_no_encryption_and_no_transparency_group_without_colour_space() {
    every_pdf(|pdf| {
        let mut bad = failing(!pdf.doc.trailer.has(b"Encrypt"), "encrypted");
        for (id, o) in &pdf.doc.objects {
            let d = match o {
                Object::Dictionary(d) => d,
                Object::Stream(s) => &s.dict,
                _ => continue,
            };
            if let Ok(g) = d.get(b"Group").and_then(Object::as_dict)
                && g.get(b"S").ok().and_then(|s| s.as_name().ok())
                    == Some(b"Transparency".as_slice())
                && !g.has(b"CS")
            {
                bad.push(format!("object {id:?}: transparency group without /CS"));
            }
        }
        bad
    });
}

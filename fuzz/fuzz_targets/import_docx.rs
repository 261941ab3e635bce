//! Fuzz target: any bytes as a Word document for `clerk import`, and any bytes as the
//! document.xml of an otherwise well-formed .docx (first byte odd), so mutations reach the
//! XML walk, the header table and the body mapping as well as the zip reader.
//! Seed it with tests/fixtures/import/*.docx. Must never panic, hang or run out of memory.
#![no_main]

use std::io::Write;
use std::path::Path;

use clerk::config::HouseStyle;
use clerk::import::{Limits, convert};
use libfuzzer_sys::fuzz_target;

const ROOT_RELS: &[u8] = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

fn wrap(document_xml: &[u8]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for (name, bytes) in [("_rels/.rels", ROOT_RELS), ("word/document.xml", document_xml)] {
        w.start_file(name, opts).expect("zip in memory");
        w.write_all(bytes).expect("zip in memory");
    }
    w.finish().expect("zip in memory").into_inner()
}

fuzz_target!(|data: &[u8]| {
    let house = HouseStyle::default();
    let bytes = match data.split_first() {
        Some((flag, rest)) if flag % 2 == 1 => wrap(rest),
        _ => data.to_vec(),
    };
    let limits = Limits {
        part_bytes: 4 << 20,
        total_bytes: 16 << 20,
        xml_nodes: 200_000,
        ..Limits::default()
    };
    if let Ok(imported) = convert(Path::new("fuzz.docx"), &bytes, &house, "fuzz-images", limits) {
        assert!(imported.markdown.starts_with("---\n"));
    }
});

//! Fuzz target: any bytes as the Markdown body, through the `Document` to layout and the
//! PDF bytes (emit, tagging, finish).
#![no_main]

use clerk::render::OutputFormat;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Some(doc) = common::compiled(data) {
        let house = &common::scratch().house;
        match common::renderer().render(OutputFormat::Pdf, &doc, house, true) {
            Ok(pdf) => assert!(pdf.starts_with(b"%PDF-")),
            Err(d) => panic!("a compiled paper failed to render to PDF: {d:?}"),
        }
    }
});

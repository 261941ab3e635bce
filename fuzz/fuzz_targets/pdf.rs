//! Fuzz target: any bytes as the Markdown body, through the `Document` to layout and the
//! PDF bytes (emit, tagging, finish).
#![no_main]

use clerk::compile::compile;
use clerk::render::OutputFormat;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let (paper, _) = common::load(&common::with_body(data));
    let Some(paper) = paper else { return };
    let s = common::scratch();
    let (doc, _) = compile(&paper, &s.house, &s.root);
    if let Some(doc) = doc {
        match common::renderer().render(OutputFormat::Pdf, &doc, &s.house, true) {
            Ok(pdf) => assert!(pdf.starts_with(b"%PDF-")),
            Err(d) => panic!("a compiled paper failed to render to PDF: {d:?}"),
        }
    }
});

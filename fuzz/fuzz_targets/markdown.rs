//! Fuzz target: any bytes as the Markdown body of a paper with valid metadata, through
//! numbering into a `Document` and the HTML renderer.
#![no_main]

use clerk::render::OutputFormat;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Some(doc) = common::compiled(data) {
        let house = &common::scratch().house;
        let html = common::renderer()
            .render(OutputFormat::Html, &doc, house, false)
            .expect("a compiled paper renders to HTML");
        assert!(html.ends_with(b"</html>\n"));
    }
});

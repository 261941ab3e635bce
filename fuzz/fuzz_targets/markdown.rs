//! Fuzz target: any bytes as the Markdown body of a paper with valid metadata, through
//! numbering into a `Document` and the HTML renderer.
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
        let html = common::renderer()
            .render(OutputFormat::Html, &doc, &s.house, false)
            .expect("a compiled paper renders to HTML");
        assert!(html.ends_with(b"</html>\n"));
    }
});

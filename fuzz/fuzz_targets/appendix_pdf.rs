//! Fuzz target: any bytes as a paper's PDF appendix, through the appendix checks and, when
//! they pass, the merge into the paper's PDF (page import, structure-tree graft).
//! Seed it with real tagged PDFs (clerk's own outputs) so mutations reach the merge.
#![no_main]

use clerk::document::compile::compile;
use clerk::render::OutputFormat;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let s = common::scratch();
    std::fs::write(s.papers.join("appendix.pdf"), data).expect("scratch write");
    let paper = common::with_body(b"# Purpose\n\nWhy.\n")
        .splitn(2, |&b| b == b'\n')
        .nth(1)
        .map(|rest| {
            let mut t = b"---\nappendices:\n  - title: Fuzzed\n    file: appendix.pdf\n".to_vec();
            t.extend_from_slice(rest);
            t
        })
        .expect("a paper");
    let (paper, _) = common::load(&paper);
    let Some(paper) = paper else { return };
    let (doc, _) = compile(&paper, &s.house, &s.root);
    if let Some(doc) = doc {
        match common::renderer().render(OutputFormat::Pdf, &doc, &s.house, false) {
            Ok(pdf) => assert!(pdf.starts_with(b"%PDF-")),
            Err(d) => panic!("an appendix that passed its checks failed to merge: {d:?}"),
        }
    }
});

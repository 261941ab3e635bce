//! Fuzz target: a paper's PDF appendix, through the appendix checks and, when they pass,
//! the merge into the paper's PDF (page import, structure-tree graft).
//!
//! Two kinds of input (#13): any bytes as the file (seed with clerk's own tagged PDFs so
//! mutations reach the merge), and, when the input starts with `%H`, a hostile stream
//! dictionary inside an otherwise sound file: after `%H` come a flags byte, the
//! dictionary's entries up to a 0xFF byte, and the stream's data. Flag 1 compresses the
//! data with Flate, flag 2 makes the stream the file's cross-reference stream (`/Type
//! /XRef`, pointed at by `startxref`), flag 4 an object stream (lopdf unpacks each one it
//! finds), and otherwise it is the page's content stream. So `/W`, `/Size`, `/Index`, `/Length`,
//! `/N`, `/First`, `/DecodeParms` and inflate bombs are mutated where lopdf reads them.
//! libFuzzer's `-malloc_limit_mb` (the RSS limit, 2 GB, by default) reports any allocation
//! larger than that as a crash, so an absurd size that gets through is found.
#![no_main]

use std::io::Write;

use clerk::document::compile::compile;
use clerk::render::OutputFormat;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let pdf = match data.strip_prefix(b"%H") {
        Some(rest) => hostile(rest),
        None => data.to_vec(),
    };
    let s = common::scratch();
    std::fs::write(s.papers.join("appendix.pdf"), pdf).expect("scratch write");
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
    let (doc, _) = compile(&paper, &s.house, &s.root, &mut clerk::diag::Sources::default());
    if let Some(doc) = doc {
        match common::renderer().render(OutputFormat::Pdf, &doc, &s.house, false) {
            Ok(pdf) => assert!(pdf.starts_with(b"%PDF-")),
            Err(d) => panic!("an appendix that passed its checks failed to merge: {d:?}"),
        }
    }
});

/// A small tagged PDF holding the fuzzed stream (see the module's doc).
fn hostile(rest: &[u8]) -> Vec<u8> {
    let Some((&flags, rest)) = rest.split_first() else {
        return Vec::new();
    };
    let cut = rest.iter().position(|&b| b == 0xFF).unwrap_or(rest.len());
    let entries = &rest[..cut];
    let mut body = rest.get(cut + 1..).unwrap_or_default().to_vec();
    let mut filter: &[u8] = b"";
    if flags & 1 != 0 {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(&body).expect("in memory");
        body = z.finish().expect("in memory");
        filter = b"/Filter /FlateDecode ";
    }
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |pdf: &mut Vec<u8>, text: &[u8]| {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", offsets.len()).as_bytes());
        pdf.extend_from_slice(text);
        pdf.extend_from_slice(b"\nendobj\n");
    };
    object(&mut pdf, b"<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 4 0 R >>");
    object(&mut pdf, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object(&mut pdf, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 300] /Contents 6 0 R /StructParents 0 >>");
    object(&mut pdf, b"<< /Type /StructTreeRoot /K 5 0 R /ParentTree << /Nums [0 [5 0 R]] >> >>");
    object(&mut pdf, b"<< /Type /StructElem /S /P /P 4 0 R /Pg 3 0 R /K 0 >>");
    let mut stream = Vec::new();
    let kind: &[u8] = match flags & 6 {
        2 => b"/Type /XRef /Root 1 0 R ",
        4 => b"/Type /ObjStm ",
        _ => b"",
    };
    stream.extend_from_slice(b"<< ");
    stream.extend_from_slice(kind);
    stream.extend_from_slice(filter);
    stream.extend_from_slice(entries);
    stream.extend_from_slice(format!(" /Length {} >>\nstream\n", body.len()).as_bytes());
    stream.extend_from_slice(&body);
    stream.extend_from_slice(b"\nendstream");
    object(&mut pdf, &stream);
    let at = pdf.len();
    if flags & 6 == 2 {
        // The fuzzed stream is the cross-reference stream: startxref points at it.
        let start = offsets[5];
        pdf.extend_from_slice(format!("startxref\n{start}\n%%EOF\n").as_bytes());
        return pdf;
    }
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes());
    for o in &offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{at}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

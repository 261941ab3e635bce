//! The rest of #13: appendix PDFs that would make the PDF reader allocate without bound (a
//! 404-byte file asking for 16 TiB; a 4 MB one inflating to 4 GB), one image referenced
//! many times, images that `check` and `build` once judged differently, NUL bytes in a body
//! and file names that are not plain link text. Large inputs are generated here.

use std::path::Path;

use flate2::{Compress, Compression, FlushCompress};

use crate::hostile_files::{clerk_within, project};

const APPENDIX: &str = "appendices:\n  - title: Survey\n    file: survey.pdf\n";

/// The line of `file: survey.pdf` in the paper `project` writes.
const FILE_LINE: usize = 10;

/// Zlib data that inflates to `total` zero bytes (whole MiB): one fully flushed MiB
/// repeated, so making it costs one MiB of compression.
fn zero_bomb(total: u64) -> Vec<u8> {
    let mib = vec![0u8; 1 << 20];
    let mut z = Compress::new(Compression::best(), true);
    let mut chunk = || {
        let mut out = Vec::with_capacity(64 * 1024);
        z.compress_vec(&mib, &mut out, FlushCompress::Full).unwrap();
        out
    };
    let mut data = chunk();
    let again = chunk();
    for _ in 1..total >> 20 {
        data.extend_from_slice(&again);
    }
    data.extend_from_slice(&[0x03, 0x00, 0, 0, 0, 0]);
    data
}

fn assert_refused_at_file_line(root: &Path, expected: &str) {
    for args in [&["check"][..], &["build"][..]] {
        let (code, stdout, stderr) = clerk_within(root, args);
        assert_eq!(code, 1, "{args:?} {stdout}{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
        assert!(
            stderr.contains(&format!("papers/a.md:{FILE_LINE}:")),
            "at the `file:` line: {stderr}"
        );
    }
}

/// #13 item 1: lopdf 0.44 asked for 17592186044416 bytes and the process aborted (exit
/// 134), which no `catch_unwind` can stop: check, build and a running serve all died.
#[test]
fn a_404_byte_appendix_asking_for_16_tib_is_refused_not_an_abort() {
    let dir = project(APPENDIX, "Text.");
    let root = dir.path();
    let pdf = std::fs::read(crate::common::repo().join("tests/hostile/wide-xref.pdf")).unwrap();
    assert_eq!(pdf.len(), 404);
    std::fs::write(root.join("papers/survey.pdf"), pdf).unwrap();
    assert_refused_at_file_line(root, "17592186044416 bytes wide");
}

/// #13 item 1: a 4 MB appendix whose xref stream inflates to 4 GB was built "ok" at 4.3 GB
/// of memory; its streams may inflate to at most 10 × `limits.appendix_bytes`, together.
#[test]
fn a_4_mb_appendix_inflating_to_4_gb_is_refused_without_inflating_it() {
    let dir = project(APPENDIX, "Text.");
    let root = dir.path();
    std::fs::write(
        root.join("clerk.yaml"),
        "limits:\n  appendix_bytes: 5000000\n",
    )
    .unwrap();
    let bomb = zero_bomb(4 << 30);
    let mut pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n".to_vec();
    let at = pdf.len();
    pdf.extend_from_slice(
        format!(
            "3 0 obj\n<< /Type /XRef /Size 4 /W [1 2 1] /Root 1 0 R /Filter /FlateDecode /Length {} >>\nstream\n",
            bomb.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(&bomb);
    pdf.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{at}\n%%EOF\n").as_bytes());
    assert!((3_000_000..5_000_000).contains(&pdf.len()), "{}", pdf.len());
    std::fs::write(root.join("papers/survey.pdf"), pdf).unwrap();
    assert_refused_at_file_line(root, "inflate to more than 50000000 bytes");
}

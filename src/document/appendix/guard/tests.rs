use super::*;
use flate2::{Compress, Compression, FlushCompress};

/// A PDF whose only stream is an xref stream with the dictionary entries `xref` and the
/// (already encoded) data `data`.
fn with_xref(xref: &str, data: &[u8]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n".to_vec();
    let at = pdf.len();
    pdf.extend_from_slice(
        format!(
            "3 0 obj\n<< /Type /XRef /Root 1 0 R {xref} /Length {} >>\nstream\n",
            data.len()
        )
        .as_bytes(),
    );
    pdf.extend_from_slice(data);
    pdf.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{at}\n%%EOF\n").as_bytes());
    pdf
}

/// The file of #13: 404 bytes whose xref stream declares a field 2⁴⁴ bytes wide, which
/// made lopdf 0.44 ask for 16 TiB and abort the process.
pub(crate) fn wide_xref() -> Vec<u8> {
    let mut pdf = with_xref("/Size 4 /W [1 17592186044416 1]", &[0; 12]);
    pdf.resize(404.max(pdf.len()), b'\n');
    pdf
}

/// Zlib data that inflates to `total` zero bytes (a whole number of MiB), built from one
/// fully flushed MiB repeated, so making it costs one MiB of compression.
pub(crate) fn zero_bomb(total: u64) -> Vec<u8> {
    let mib = vec![0u8; 1 << 20];
    let mut z = Compress::new(Compression::best(), true);
    let chunk = |z: &mut Compress, flush| {
        let mut out = Vec::with_capacity(64 * 1024);
        z.compress_vec(&mib, &mut out, flush).unwrap();
        out
    };
    let first = chunk(&mut z, FlushCompress::Full);
    let again = chunk(&mut z, FlushCompress::Full);
    let mut data = first;
    for _ in 1..total >> 20 {
        data.extend_from_slice(&again);
    }
    // The final empty block and a (wrong) checksum: the reader stops long before.
    data.extend_from_slice(&[0x03, 0x00, 0, 0, 0, 0]);
    data
}

fn refused(pdf: &[u8]) -> String {
    scan(pdf, 1 << 30).unwrap_err()
}

#[test]
fn the_404_byte_wide_xref_field_is_refused_before_lopdf_reads_it() {
    let pdf = wide_xref();
    assert_eq!(pdf.len(), 404);
    let why = refused(&pdf);
    assert!(why.contains("17592186044416 bytes wide"), "{why}");
    // An escaped name is the same name.
    let pdf = with_xref("/Size 4 /#57 [1 9 1]", &[0; 12]);
    assert!(refused(&pdf).contains("9 bytes wide"));
}

#[test]
fn absurd_xref_sizes_and_indexes_are_refused() {
    let cases = [
        ("/Size 99999999999 /W [1 2 1]", "/Size 99999999999"),
        ("/Size 4 /W [1 2]", "/W"),
        ("/Size 4 /W [0 0 0]", "no width"),
        ("/Size 4 /W [1 2 1] /Index [0 9000000]", "/Index"),
        ("/Size 4 /W [1 2 1] /Index [0 1 2]", "pairs"),
        ("/Size 4 /W [1 2 1] /Index [-5 2]", "/Index"),
        ("/Size 4 /W [1 2 1] /Index [0 8000000 0 8000000]", "/Index"),
    ];
    for (xref, expected) in cases {
        let why = refused(&with_xref(xref, &[0; 16]));
        assert!(why.contains(expected), "{xref}: {why}");
    }
}

#[test]
fn absurd_stream_lengths_and_decode_parameters_are_refused() {
    let pdf = b"%PDF-1.7\n1 0 obj\n<< /Length 9999999999 >>\nstream\nabc\nendstream\nendobj\n";
    assert!(refused(pdf).contains("length of 9999999999"));
    let pdf = b"%PDF-1.7\n1 0 obj\n<< /Length -3 >>\nstream\nabc\nendstream\nendobj\n";
    assert!(refused(pdf).contains("length of -3"));
    for (parms, expected) in [
        (
            "<< /Predictor 12 /Columns 4294967296 >>",
            "/Columns 4294967296",
        ),
        ("[ null << /Predictor 99 >> ]", "/Predictor 99"),
        ("<< /Predictor 12 /Colors 100000 >>", "/Colors 100000"),
        (
            "<< /Predictor 12 /BitsPerComponent 7 >>",
            "/BitsPerComponent 7",
        ),
    ] {
        let pdf = with_xref(&format!("/Size 4 /W [1 2 1] /DecodeParms {parms}"), &[0; 8]);
        let why = refused(&pdf);
        assert!(why.contains(expected), "{parms}: {why}");
    }
}

#[test]
fn sound_values_pass() {
    let pdf = with_xref(
        "/Size 4 /W [1 4 2] /Index [0 4] /DecodeParms << /Predictor 12 /Columns 7 >>",
        &[0; 28],
    );
    assert_eq!(scan(&pdf, 1 << 30), Ok(()));
    // A CIDFont's /W is widths, not an xref stream's fields.
    let pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /Font /W [1 [500 600] 3 70000 250] >>\nendobj\n";
    assert_eq!(scan(pdf, 1 << 30), Ok(()));
}

/// A 4 MB file whose xref stream inflates to 4 GB: refused once the count passes the
/// budget, never built (the budget here is that of a 4 MB `limits.appendix_bytes`).
#[test]
fn a_stream_that_inflates_past_the_budget_is_refused_without_building_it() {
    let bomb = zero_bomb(4 << 30);
    assert!(bomb.len() < 5_000_000, "{}", bomb.len());
    let pdf = with_xref("/Size 4 /W [1 2 1] /Filter /FlateDecode", &bomb);
    let limit = crate::document::appendix::inflate_limit(4_000_000);
    let why = scan(&pdf, limit).unwrap_err();
    assert!(why.contains("inflate to more than 40000000 bytes"), "{why}");
    // Streams count together: two streams of 30 MB each pass alone but not as a pair.
    let one = zero_bomb(30 << 20);
    let pdf = with_xref("/Size 4 /W [1 2 1] /Filter [/FlateDecode]", &one);
    assert_eq!(scan(&pdf, limit), Ok(()));
    let mut two = pdf.clone();
    two.extend_from_slice(&pdf);
    assert!(scan(&two, limit).is_err());
}

#[test]
fn the_scan_of_arbitrary_bytes_ends_without_error_or_panic() {
    for junk in [
        &b"<<<<<<[[[[(((("[..],
        b"<< /Length 5 >> stream",
        b"<< /Filter /FlateDecode >> stream\r\n\x78\x9c",
        b"(unclosed \\",
        b"<< /A <abc",
        b"]]]>>>> /#zz 1 0 R R R",
    ] {
        let _ = scan(junk, 1 << 20);
    }
    let deep = "[".repeat(10_000);
    assert!(scan(format!("<< /A {deep}").as_bytes(), 1 << 20).is_err());
}

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

/// The line of the body in the paper `project` writes, without extra metadata.
const BODY_LINE: usize = 16;

const CHART: &str = "papers/policing-performance/recorded-crime-by-quarter.png";

/// A `w` × `h` baseline JPEG.
fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x * 3) as u8, (y * 5) as u8, 90]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&img)
        .unwrap();
    out
}

/// #13 item 6: a PNG declaring 60000 × 60000 and a truncated JPEG passed `check` and failed
/// `build` with the error at the image's absolute path; a JPEG without a size header became
/// "[image: alt]" text in the PDF with no warning. Now one reader judges them for both, at
/// the line and column of the `![…](…)`.
#[test]
fn check_and_build_refuse_the_same_images_at_the_line_that_shows_them() {
    let whole = jpeg(64, 48);
    let sof = whole.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    let len = usize::from(u16::from_be_bytes([whole[sof + 2], whole[sof + 3]]));
    let mut headless = whole[..sof].to_vec();
    headless.extend_from_slice(&whole[sof + 2 + len..]);
    let mut huge = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    huge.extend_from_slice(&60_000u32.to_be_bytes());
    huge.extend_from_slice(&60_000u32.to_be_bytes());
    huge.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    let cases: [(&str, Vec<u8>, &str); 3] = [
        ("huge.png", huge, "60000 × 60000 pixels"),
        ("cut.jpg", whole[..whole.len() / 2].to_vec(), "cut short"),
        ("headless.jpg", headless, "gives no size"),
    ];
    for (name, bytes, expected) in cases {
        let dir = project("", &format!("Before. ![A photo]({name})"));
        let root = dir.path();
        std::fs::write(root.join("papers").join(name), bytes).unwrap();
        for args in [&["check"][..], &["build"][..]] {
            let (code, stdout, stderr) = clerk_within(root, args);
            assert_eq!(code, 1, "{name} {args:?}: {stdout}{stderr}");
            assert!(stderr.contains(expected), "{name}: {stderr}");
            assert!(
                stderr.contains(&format!("papers/a.md:{BODY_LINE}:9")),
                "{name}: at the `![` in the paper: {stderr}"
            );
            let absolute = root.canonicalize().unwrap();
            assert!(
                !stderr.contains(&absolute.display().to_string()),
                "{name}: never at the image's absolute path: {stderr}"
            );
        }
        assert!(!root.join("out/a.pdf").exists(), "{name}");
    }
}

/// #13 item 3: one 1 MB PNG shown 3000 times made a 4 GB HTML file (15.6 GB of memory)
/// and `check` said 0 errors. Each place an image is shown counts against
/// `limits.embedded_image_bytes`; the `![…]` that passes it is the error, in `check` too.
#[test]
fn one_image_shown_many_times_is_refused_past_the_papers_image_budget() {
    let chart = std::fs::read(crate::common::repo().join(CHART)).unwrap();
    let size = chart.len();
    let body = (0..3000)
        .map(|_| "![A chart](chart.png)")
        .collect::<Vec<_>>()
        .join("\n\n");
    let dir = project("", &body);
    let root = dir.path();
    std::fs::write(root.join("papers/chart.png"), &chart).unwrap();
    // Room for exactly four showings.
    let budget = 4 * size + size / 2;
    std::fs::write(
        root.join("clerk.yaml"),
        format!("limits:\n  embedded_image_bytes: {budget}\n"),
    )
    .unwrap();
    for args in [&["check"][..], &["build"][..]] {
        let (code, stdout, stderr) = clerk_within(root, args);
        assert_eq!(code, 1, "{args:?}: {stdout}{stderr}");
        assert!(stderr.contains("limits.embedded_image_bytes"), "{stderr}");
        // The fifth showing, two lines apart.
        let line = BODY_LINE + 4 * 2;
        assert!(
            stderr.contains(&format!("papers/a.md:{line}:1")),
            "{stderr}"
        );
        assert_eq!(stderr.matches("image-budget").count(), 1, "{stderr}");
    }
    assert!(!root.join("out/a.html").exists());
}

/// #13 item 3: the PDF held one copy of an image for each place it was shown.
#[test]
fn an_image_shown_at_several_places_is_one_object_in_the_pdf() {
    let chart = std::fs::read(crate::common::repo().join(CHART)).unwrap();
    let body = ["![A chart](chart.png)"; 5].join("\n\n");
    let dir = project("", &body);
    let root = dir.path();
    std::fs::write(root.join("papers/chart.png"), &chart).unwrap();
    let (code, stdout, stderr) = clerk_within(root, &["build", "--format", "pdf"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let pdf = lopdf::Document::load(root.join("out/a.pdf")).unwrap();
    let images = pdf
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image"))
        .filter(|s| s.dict.get(b"Width").and_then(|w| w.as_i64()).ok() == Some(480))
        .count();
    assert_eq!(images, 1, "one XObject for the chart shown five times");
}

/// #13 item 8: NUL bytes in a body were copied into the HTML. Each is shown as U+FFFD,
/// with a warning at its line.
#[test]
fn a_nul_in_the_body_becomes_a_replacement_character_with_a_warning() {
    let dir = project("", "Before\0after, and `co\0de`.");
    let root = dir.path();
    let (code, stdout, stderr) = clerk_within(root, &["check"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stderr.contains("nul-character"), "{stderr}");
    assert!(
        stderr.contains(&format!("papers/a.md:{BODY_LINE}:7")),
        "{stderr}"
    );
    let (code, stdout, stderr) = clerk_within(root, &["build"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let html = std::fs::read_to_string(root.join("out/a.html")).unwrap();
    assert!(!html.contains('\0'));
    assert!(html.contains("Before\u{FFFD}after"), "{html}");
    assert!(html.contains("co\u{FFFD}de"), "{html}");
}

/// #13 item 8: a file name with a newline, a space or a `#` gave a broken link in the
/// index and the meeting page: hrefs built from file names are percent-encoded.
#[cfg(unix)]
#[test]
fn links_to_papers_with_odd_file_names_lead_to_their_files() {
    let dir = project("agenda_item: \"1\"\n", "Text.");
    let root = dir.path();
    let paper = std::fs::read_to_string(root.join("papers/a.md")).unwrap();
    let names = ["two words #1", "new\nline", "colon:50%"];
    for name in names {
        let other = paper.replace(
            "agenda_item: \"1\"",
            &format!("agenda_item: \"{}\"", name.len()),
        );
        std::fs::write(root.join(format!("papers/{name}.md")), other).unwrap();
    }
    let (code, stdout, stderr) = clerk_within(root, &["build"]);
    assert!(code == 0, "{stdout}{stderr}");
    let out = root.join("out");
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let hrefs = |html: &str| -> Vec<String> {
        html.split("href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .filter(|h| h.ends_with(".html") || h.ends_with(".pdf"))
            .map(|h| h.replace("&amp;", "&"))
            .collect()
    };
    let decode = |h: &str| {
        percent_encoding::percent_decode_str(h)
            .decode_utf8()
            .unwrap()
            .into_owned()
    };
    for name in names {
        for ext in ["html", "pdf"] {
            let target = format!("{name}.{ext}");
            let link = hrefs(&index)
                .into_iter()
                .find(|h| decode(h) == target)
                .unwrap_or_else(|| panic!("no link to {target:?} in the index: {index}"));
            assert!(!link.contains([' ', '\n', '#', ':']), "{link:?}");
            assert!(out.join(decode(&link)).is_file(), "{link:?}");
        }
    }
    // The meeting page links each paper too, two folders up.
    let meeting = walk(&out.join("meetings"))
        .into_iter()
        .find(|p| p.ends_with("index.html"))
        .expect("a meeting page");
    let page = std::fs::read_to_string(&meeting).unwrap();
    let dir = meeting.parent().unwrap();
    for name in names {
        let link = hrefs(&page)
            .into_iter()
            .find(|h| decode(h).ends_with(&format!("{name}.html")))
            .unwrap_or_else(|| panic!("no link to {name:?} on the meeting page: {page}"));
        assert!(dir.join(decode(&link)).is_file(), "{link:?}");
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

use super::*;

/// A `w` × `h` baseline JPEG, as a camera would save it.
pub(crate) fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x * 7) as u8, (y * 5) as u8, 90]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&img)
        .unwrap();
    out
}

/// A PNG whose header declares `w` × `h` but which holds no pixel data.
pub(crate) fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend_from_slice(&w.to_be_bytes());
    png.extend_from_slice(&h.to_be_bytes());
    png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    png
}

#[test]
fn a_sound_png_and_jpeg_pass_with_their_size() {
    let png = include_bytes!("../../../papers/policing-performance/recorded-crime-by-quarter.png");
    assert_eq!(probe(png), Ok((480, 240)));
    assert_eq!(probe(&jpeg(40, 30)), Ok((40, 30)));
    assert_eq!(
        size(&[
            0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8, 0, 20, 0, 30, 3, 0, 0, 0, 0
        ]),
        Some((30, 20))
    );
}

#[test]
fn a_huge_declared_size_is_refused_before_decoding() {
    let why = probe(&png_header(60_000, 60_000)).unwrap_err();
    assert!(why.contains("60000 × 60000 pixels"), "{why}");
    let why = probe(&png_header(10_000, 10_000)).unwrap_err();
    assert!(why.contains("50000000 in all"), "{why}");
}

#[test]
fn a_truncated_jpeg_and_one_without_a_frame_header_are_refused() {
    let whole = jpeg(64, 48);
    let why = probe(&whole[..whole.len() / 2]).unwrap_err();
    assert!(why.contains("cut short"), "{why}");
    // Cut inside its tables, the decoder itself gives up.
    let why = probe(&whole[..200]).unwrap_err();
    assert!(
        why.contains("cut short") || why.contains("cannot be decoded"),
        "{why}"
    );
    // Without its SOF0 segment, a JPEG has no size.
    let sof = whole.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    let len = usize::from(u16::from_be_bytes([whole[sof + 2], whole[sof + 3]]));
    let mut headless = whole[..sof].to_vec();
    headless.extend_from_slice(&whole[sof + 2 + len..]);
    let why = probe(&headless).unwrap_err();
    assert!(why.contains("gives no size"), "{why}");
}

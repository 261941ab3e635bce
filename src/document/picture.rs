//! The one image reader, used by `check` (as a paper is compiled) and by the PDF renderer,
//! so both judge an image alike: its size from its header (a JPEG without a frame header
//! has none), a bound on its pixels before anything is decoded, and a full decode (a
//! truncated file is found here, not when the PDF is written).

use printpdf::RawImage;

/// The most pixels along one side of an image.
pub const MAX_SIDE: u32 = 30_000;
/// The most pixels in one image (decoded as RGBA, 200 MB).
pub const MAX_PIXELS: u64 = 50_000_000;

/// Pixel size of a PNG or JPEG, read from its header.
pub fn size(data: &[u8]) -> Option<(u32, u32)> {
    if data.starts_with(b"\x89PNG\r\n\x1a\n") && data.len() >= 24 {
        let w = u32::from_be_bytes(data[16..20].try_into().ok()?);
        let h = u32::from_be_bytes(data[20..24].try_into().ok()?);
        return (w > 0 && h > 0).then_some((w, h));
    }
    if data.starts_with(&[0xFF, 0xD8]) {
        let mut i = 2;
        while i + 9 < data.len() {
            if data[i] != 0xFF {
                i += 1;
                continue;
            }
            let marker = data[i + 1];
            let len = usize::from(u16::from_be_bytes([data[i + 2], data[i + 3]]));
            if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
                let h = u32::from(u16::from_be_bytes([data[i + 5], data[i + 6]]));
                let w = u32::from(u16::from_be_bytes([data[i + 7], data[i + 8]]));
                return (w > 0 && h > 0).then_some((w, h));
            }
            i += 2 + len;
        }
    }
    None
}

/// Checks that the PNG or JPEG `data` can be drawn: a size in its header, within
/// [`MAX_SIDE`] and [`MAX_PIXELS`], a JPEG not cut short, and pixels that decode. Returns its size; `Err` says
/// what is wrong, for the author.
pub fn probe(data: &[u8]) -> Result<(u32, u32), String> {
    let (w, h) = bounded_size(data)?;
    decode(data)?;
    Ok((w, h))
}

/// The header's size, within the bounds.
fn bounded_size(data: &[u8]) -> Result<(u32, u32), String> {
    let (w, h) = size(data).ok_or_else(|| {
        "its header gives no size (a JPEG needs a frame header), so it cannot be placed".to_string()
    })?;
    if w > MAX_SIDE || h > MAX_SIDE || u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(format!(
            "it is {w} × {h} pixels, more than clerk draws (at most {MAX_SIDE} on a side and {MAX_PIXELS} in all)"
        ));
    }
    if data.starts_with(&[0xFF, 0xD8]) && !jpeg_ends(data) {
        return Err(
            "it is cut short: the JPEG's end marker is missing, so part of the picture is lost"
                .into(),
        );
    }
    Ok((w, h))
}

/// Whether a JPEG's scan is followed by its end marker (`FF D9`), which a file cut short
/// lacks; the entropy-coded data cannot hold one (a 0xFF there is followed by 0).
fn jpeg_ends(data: &[u8]) -> bool {
    let sos = data.windows(2).position(|w| w == [0xFF, 0xDA]);
    sos.is_some_and(|s| data[s..].windows(2).any(|w| w == [0xFF, 0xD9]))
}

/// Decodes `data` (after the checks of [`probe`]) for the PDF.
pub fn decode(data: &[u8]) -> Result<RawImage, String> {
    bounded_size(data)?;
    let decoded = std::panic::catch_unwind(|| RawImage::decode_from_bytes(data, &mut Vec::new()))
        .map_err(|_| "the image decoder gave up on it".to_string())?;
    let raw = decoded.map_err(|e| format!("its pixels cannot be decoded: {e}"))?;
    if (raw.width, raw.height) != size(data).map_or((0, 0), |(w, h)| (w as usize, h as usize)) {
        return Err("its pixels do not match the size in its header".into());
    }
    Ok(raw)
}

#[cfg(test)]
mod tests;

//! Resources a page draws with: the subset fonts (Type0 / CIDFontType2 with widths and a
//! ToUnicode map for every glyph) and the images (decoded by printpdf, written as
//! XObjects with a soft mask for any alpha).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::fonts::{FaceId, Fonts};
use crate::diag::Diagnostic;
use crate::document::Image;

/// Per face: old glyph id → (new id in the subset, text it stands for).
pub type GlyphMap = BTreeMap<FaceId, BTreeMap<u16, (u16, String)>>;

/// A subset tag (`ABCDEF+`) from the glyph set, so the same glyphs give the same name.
fn subset_tag(face: FaceId, gids: &BTreeMap<u16, (u16, String)>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ face.index() as u64;
    for gid in gids.keys() {
        h = (h ^ u64::from(*gid)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 5)) % 26) as u8))
        .collect()
}

/// The face cut down to the glyphs used, by Typst's `subsetter` (a TrueType program of
/// glyf, loca, hmtx and the tables a PDF needs; no cmap, since the ToUnicode map and the
/// Identity CIDToGIDMap stand in for it), then without its hinting and glyph names
/// ([`super::unhint`]; an embedded face was prepared so when clerk was built).
/// The new ids are the ones `gids` gives (.notdef, then the used glyphs in id order, as
/// the content streams draw them); the parts of composite glyphs are added after them. Numbering that disagrees is an error, not a
/// wrong glyph on the page.
fn subset(
    fonts: &Fonts,
    face: FaceId,
    gids: &BTreeMap<u16, (u16, String)>,
) -> Result<Vec<u8>, String> {
    let mut remapper = subsetter::GlyphRemapper::new();
    for (old, (new, _)) in gids {
        let given = remapper.remap(*old);
        if given != *new {
            return Err(format!(
                "glyph {old} would be {given} in the subset, but the page draws it as {new}"
            ));
        }
    }
    let source = fonts.face(face);
    let program = subsetter::subset(source.bytes(), 0, &remapper).map_err(|e| e.to_string())?;
    if source.prepared {
        return Ok(program);
    }
    Ok(super::unhint::unhint(&program).unwrap_or(program))
}

/// The font programs of the last glyph sets subset, deflated as `finish` would deflate
/// them: papers of one house mostly draw the same glyphs (the same headings, furniture
/// and letters), so most papers of a run reuse a subset rather than cutting and
/// compressing the face again. Shared by the run's threads; bounded, it forgets
/// everything when full.
/// Their ToUnicode CMaps are kept the same way, by the text each glyph stands for.
#[derive(Debug, Default)]
pub struct SubsetCache {
    programs: std::sync::Mutex<HashMap<SubsetKey, Arc<Stream>>>,
    cmaps: std::sync::Mutex<HashMap<CmapKey, Arc<Stream>>>,
}

/// A ToUnicode map's glyphs: each new glyph id with the text it stands for, in id order.
type CmapKey = Vec<(u16, String)>;

/// A face's index and the glyph ids of the subset.
type SubsetKey = (usize, Vec<u16>);

/// How many glyph sets [`SubsetCache`] keeps (a few faces a house, a few sets each).
const SUBSETS_KEPT: usize = 64;

impl SubsetCache {
    /// The font file stream of `face` cut to `gids` (Length1, deflated when that is
    /// smaller), from the cache or made now.
    fn program(
        &self,
        fonts: &Fonts,
        face: FaceId,
        gids: &BTreeMap<u16, (u16, String)>,
    ) -> Result<Arc<Stream>, String> {
        let key = (face.index(), gids.keys().copied().collect::<Vec<u16>>());
        kept(&self.programs, key, |_| {
            let program = subset(fonts, face, gids)?;
            let mut file = Dictionary::new();
            file.set("Length1", program.len() as i64);
            Ok(Stream::new(file, program))
        })
    }

    /// The ToUnicode CMap stream of `mapped` (new glyph id → text, in id order), from the
    /// cache or made now: a paper's faces are each a CMap, and most papers of a run map
    /// the same glyphs to the same text.
    fn cmap(&self, mapped: CmapKey) -> Result<Arc<Stream>, String> {
        kept(&self.cmaps, mapped, |mapped| {
            Ok(Stream::new(Dictionary::new(), to_unicode_cmap(mapped)))
        })
    }
}

/// `key`'s stream in `map`, else the one `make` makes, deflated as `finish` would deflate
/// it and kept there (the map emptied first when it holds [`SUBSETS_KEPT`]).
fn kept<K: Eq + std::hash::Hash>(
    map: &std::sync::Mutex<HashMap<K, Arc<Stream>>>,
    key: K,
    make: impl FnOnce(&K) -> Result<Stream, String>,
) -> Result<Arc<Stream>, String> {
    let lock = || map.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(stream) = lock().get(&key) {
        return Ok(Arc::clone(stream));
    }
    let mut stream = make(&key)?;
    super::compress::compress_stream(&mut stream);
    let stream = Arc::new(stream);
    let mut streams = lock();
    if streams.len() >= SUBSETS_KEPT {
        streams.clear();
    }
    streams.insert(key, Arc::clone(&stream));
    Ok(stream)
}

/// Adds one face, subset to `gids`, as a Type0 font; returns the font dictionary's id.
pub fn font(
    doc: &mut Document,
    fonts: &Fonts,
    face_id: FaceId,
    gids: &BTreeMap<u16, (u16, String)>,
) -> Result<ObjectId, Diagnostic> {
    let face = fonts.face(face_id);
    let program = fonts
        .subsets()
        .program(fonts, face_id, gids)
        .map_err(|e| Diagnostic::internal(format!("cannot subset the font {} ({e})", face.name)))?;
    let name = format!("{}+{}", subset_tag(face_id, gids), face.name);
    let scale = |v: f32| (v * 1000.0 / f32::from(face.units_per_em)).round() as i64;
    let file_id = doc.add_object(Stream::clone(&program));
    let (rise, run) = face.caret_slope;
    let italic_angle = if rise == 0 {
        0.0
    } else {
        -(f32::from(run)).atan2(f32::from(rise)).to_degrees()
    };
    let flags = 32 + if italic_angle.abs() > 0.5 { 64 } else { 0 };
    let stem_v = 50 + ((f32::from(face.weight) / 65.0).powi(2)).round() as i64;
    let [x0, y0, x1, y1] = face.bbox.map(|v| scale(f32::from(v)));
    let descriptor = Dictionary::from_iter([
        ("Type", Object::Name(b"FontDescriptor".to_vec())),
        ("FontName", Object::Name(name.clone().into_bytes())),
        ("Flags", flags.into()),
        (
            "FontBBox",
            vec![x0.into(), y0.into(), x1.into(), y1.into()].into(),
        ),
        ("ItalicAngle", Object::Real(italic_angle.round())),
        ("Ascent", scale(face.ascent).into()),
        ("Descent", scale(face.descent).into()),
        ("CapHeight", scale(face.cap_height).into()),
        ("StemV", stem_v.into()),
        ("FontFile2", file_id.into()),
    ]);
    let descriptor_id = doc.add_object(descriptor);
    // Widths of the new ids, in runs: [first [w w w …]].
    let widths: Vec<Object> = vec![
        0.into(),
        std::iter::once(0)
            .chain(gids.keys().copied().filter(|g| *g != 0))
            .map(|old| {
                Object::Integer(
                    (f32::from(face.advance(old)) * 1000.0 / f32::from(face.units_per_em)) as i64,
                )
            })
            .collect::<Vec<Object>>()
            .into(),
    ];
    let cid = Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"CIDFontType2".to_vec())),
        ("BaseFont", Object::Name(name.clone().into_bytes())),
        (
            "CIDSystemInfo",
            Dictionary::from_iter([
                (
                    "Registry",
                    Object::String(b"Adobe".to_vec(), StringFormat::Literal),
                ),
                (
                    "Ordering",
                    Object::String(b"Identity".to_vec(), StringFormat::Literal),
                ),
                ("Supplement", 0.into()),
            ])
            .into(),
        ),
        ("FontDescriptor", descriptor_id.into()),
        ("W", widths.into()),
        ("CIDToGIDMap", Object::Name(b"Identity".to_vec())),
    ]);
    let cid_id = doc.add_object(cid);
    let mut mapped: Vec<(u16, String)> = gids
        .values()
        .filter(|(_, t)| !t.is_empty())
        .cloned()
        .collect();
    mapped.sort_unstable_by_key(|(g, _)| *g);
    let cmap = fonts.subsets().cmap(mapped).map_err(|e| {
        Diagnostic::internal(format!("cannot map the font {} to text ({e})", face.name))
    })?;
    let to_unicode = doc.add_object(Stream::clone(&cmap));
    Ok(doc.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type0".to_vec())),
        ("BaseFont", Object::Name(name.into_bytes())),
        ("Encoding", Object::Name(b"Identity-H".to_vec())),
        ("DescendantFonts", vec![cid_id.into()].into()),
        ("ToUnicode", to_unicode.into()),
    ])))
}

/// Adds an image as an XObject (8 bits a component, gray or RGB, alpha as a soft mask);
/// returns its id and pixel size. An image that cannot be decoded is a diagnostic.
pub fn image(doc: &mut Document, img: &Image) -> Result<(ObjectId, usize, usize), Diagnostic> {
    use printpdf::{RawImageData, RawImageFormat};
    let bad = |e: String| {
        Diagnostic::file_error(
            "bad-image",
            &img.path,
            format!("cannot decode this image for the PDF ({e})"),
        )
        .with_help("save it again as a PNG or baseline JPEG")
    };
    // The reader `check` used on the image (so this fails only for a logo or an image
    // that changed between the two).
    let raw = crate::document::picture::decode(&img.data).map_err(bad)?;
    let samples: Vec<u8> = match &raw.pixels {
        RawImageData::U8(v) => v.clone(),
        RawImageData::U16(v) => v.iter().map(|s| (s >> 8) as u8).collect(),
        RawImageData::F32(v) => v
            .iter()
            .map(|s| (s.clamp(0.0, 1.0) * 255.0).round() as u8)
            .collect(),
    };
    let (channels, alpha, gray) = match raw.data_format {
        RawImageFormat::R8 | RawImageFormat::R16 => (1, false, true),
        RawImageFormat::RG8 | RawImageFormat::RG16 => (2, true, true),
        RawImageFormat::RGB8 | RawImageFormat::RGB16 | RawImageFormat::RGBF32 => (3, false, false),
        RawImageFormat::RGBA8 | RawImageFormat::RGBA16 | RawImageFormat::RGBAF32 => {
            (4, true, false)
        }
        _ => {
            let why = "its pixels are laid out in an order clerk does not take: gray or RGB, with or without alpha";
            return Err(bad(why.into()));
        }
    };
    let (w, h) = (raw.width, raw.height);
    if w == 0 || h == 0 || samples.len() < w * h * channels {
        return Err(bad("the pixel data is short".into()));
    }
    let colour = channels - usize::from(alpha);
    let mut pixels = Vec::with_capacity(w * h * colour);
    let mut mask = Vec::with_capacity(if alpha { w * h } else { 0 });
    for px in samples.chunks_exact(channels).take(w * h) {
        pixels.extend_from_slice(&px[..colour]);
        if alpha {
            mask.push(px[colour]);
        }
    }
    let dict = |space: &str| {
        Dictionary::from_iter([
            ("Type", Object::Name(b"XObject".to_vec())),
            ("Subtype", Object::Name(b"Image".to_vec())),
            ("Width", (w as i64).into()),
            ("Height", (h as i64).into()),
            ("ColorSpace", Object::Name(space.as_bytes().to_vec())),
            ("BitsPerComponent", 8.into()),
        ])
    };
    let mut main = dict(if gray { "DeviceGray" } else { "DeviceRGB" });
    if alpha && mask.iter().any(|a| *a != 255) {
        let smask = doc.add_object(Stream::new(dict("DeviceGray"), mask));
        main.set("SMask", smask);
    }
    Ok((doc.add_object(Stream::new(main, pixels)), w, h))
}

/// A ToUnicode CMap: each glyph id to the UTF-16 of the text it stands for.
pub fn to_unicode_cmap(glyphs: &[(u16, String)]) -> Vec<u8> {
    // Written byte by byte rather than with `format!` a glyph: this runs for every face
    // of every paper.
    fn hex4(out: &mut Vec<u8>, v: u16) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        let v = usize::from(v);
        out.extend_from_slice(&[
            HEX[v >> 12],
            HEX[(v >> 8) & 15],
            HEX[(v >> 4) & 15],
            HEX[v & 15],
        ]);
    }
    let mut out = Vec::with_capacity(400 + glyphs.len() * 16);
    out.extend_from_slice(b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    for chunk in glyphs.chunks(100) {
        out.extend_from_slice(chunk.len().to_string().as_bytes());
        out.extend_from_slice(b" beginbfchar\n");
        for (gid, text) in chunk {
            out.push(b'<');
            hex4(&mut out, *gid);
            out.extend_from_slice(b"> <");
            for unit in text.encode_utf16() {
                hex4(&mut out, unit);
            }
            out.extend_from_slice(b">\n");
        }
        out.extend_from_slice(b"endbfchar\n");
    }
    out.extend_from_slice(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

#[cfg(test)]
pub(super) mod tests;

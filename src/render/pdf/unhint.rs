//! Dropping a TrueType font's hinting before it is embedded: the `fpgm`, `prep` and
//! `cvt ` tables and each glyph's instructions; and its glyph names (`post` version 3),
//! which no PDF reader uses (text is read through the ToUnicode map) and `subsetter`
//! spent a fifth of a subset's time copying. The embedded Noto Sans faces are prepared
//! so when clerk is built (`build.rs` includes this file); a house's own font's subset is
//! prepared as it is embedded.
//!
//! Hinting is grid-fitting for low-resolution screens; PDF viewers and printers render
//! without it (Noto's own default builds are unhinted), and in a subset of the embedded
//! Noto Sans it was half of the font program. The outlines, advances and glyph ids stay
//! exactly as they were (a test compares every glyph's outline). The `name` table stays,
//! though a PDF's font dictionary names the font: some systems' font loaders (Apple's
//! among them) refuse a TrueType font without one.

/// `font` without its hinting, or `None` when it is not a TrueType font this
/// reads (no `glyf`, or tables out of bounds): it is then embedded as it is.
pub(super) fn unhint(font: &[u8]) -> Option<Vec<u8>> {
    let tables = directory(font)?;
    let table = |tag: &[u8; 4]| tables.iter().find(|t| &t.tag == tag).map(|t| t.data);
    let (head, loca, glyf, maxp) = (
        table(b"head")?,
        table(b"loca")?,
        table(b"glyf")?,
        table(b"maxp")?,
    );
    if head.len() < 54 || maxp.len() < 6 {
        return None;
    }
    let glyphs = usize::from(u16_at(maxp, 4)?);
    let long = u16_at(head, 50)? != 0;
    let offset = |i: usize| -> Option<usize> {
        if long {
            Some(u32_at(loca, i * 4)? as usize)
        } else {
            Some(usize::from(u16_at(loca, i * 2)?) * 2)
        }
    };
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_loca = Vec::with_capacity((glyphs + 1) * 4);
    for i in 0..glyphs {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        let (start, end) = (offset(i)?, offset(i + 1)?);
        if end > start {
            strip_glyph(glyf.get(start..end)?, &mut new_glyf)?;
            while new_glyf.len() % 4 != 0 {
                new_glyf.push(0);
            }
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
    let mut new_head = head.to_vec();
    new_head[8..12].copy_from_slice(&[0; 4]); // checkSumAdjustment, set below
    new_head[50..52].copy_from_slice(&1u16.to_be_bytes()); // long loca offsets
    // `post` version 3: its header (metrics a printer may use), no glyph names.
    let new_post: Option<Vec<u8>> = table(b"post").filter(|p| p.len() >= 32).map(|p| {
        let mut v3 = p[..32].to_vec();
        v3[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
        v3
    });
    let mut kept: Vec<([u8; 4], &[u8])> = Vec::new();
    for t in &tables {
        let data: &[u8] = match &t.tag {
            b"fpgm" | b"prep" | b"cvt " => continue,
            b"glyf" => &new_glyf,
            b"loca" => &new_loca,
            b"head" => &new_head,
            b"post" => new_post.as_deref().unwrap_or(t.data),
            _ => t.data,
        };
        kept.push((t.tag, data));
    }
    Some(write(kept))
}

/// One table of a font: its tag and bytes.
struct Table<'a> {
    tag: [u8; 4],
    data: &'a [u8],
}

/// The font's tables, in the directory's order.
fn directory(font: &[u8]) -> Option<Vec<Table<'_>>> {
    let count = usize::from(u16_at(font, 4)?);
    (0..count)
        .map(|i| {
            let at = 12 + i * 16;
            let tag = font.get(at..at + 4)?.try_into().ok()?;
            let (offset, length) = (u32_at(font, at + 8)? as usize, u32_at(font, at + 12)?);
            let data = font.get(offset..offset.checked_add(length as usize)?)?;
            Some(Table { tag, data })
        })
        .collect()
}

/// Appends glyph `g` without its instructions: a simple glyph's are cut out after its
/// contour ends; a composite glyph's follow its last component, which says it has them.
fn strip_glyph(g: &[u8], out: &mut Vec<u8>) -> Option<()> {
    let contours = u16_at(g, 0)? as i16;
    if contours >= 0 {
        let ends = 10 + 2 * usize::from(contours as u16);
        let length = usize::from(u16_at(g, ends)?);
        let rest = g.get(ends + 2 + length..)?;
        out.extend_from_slice(g.get(..ends)?);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(rest);
        return Some(());
    }
    const WORDS: u16 = 0x1;
    const SCALE: u16 = 0x8;
    const MORE: u16 = 0x20;
    const XY_SCALE: u16 = 0x40;
    const TWO_BY_TWO: u16 = 0x80;
    const INSTRUCTIONS: u16 = 0x100;
    let start = out.len();
    out.extend_from_slice(g.get(..10)?);
    let mut at = 10;
    loop {
        let flags = u16_at(g, at)?;
        let args = if flags & WORDS != 0 { 4 } else { 2 };
        let scale = match flags {
            f if f & SCALE != 0 => 2,
            f if f & XY_SCALE != 0 => 4,
            f if f & TWO_BY_TWO != 0 => 8,
            _ => 0,
        };
        let size = 4 + args + scale;
        let flags_at = out.len() - start;
        out.extend_from_slice(g.get(at..at + size)?);
        let kept = (flags & !INSTRUCTIONS).to_be_bytes();
        out[start + flags_at..start + flags_at + 2].copy_from_slice(&kept);
        at += size;
        if flags & MORE == 0 {
            return Some(());
        }
    }
}

/// A font file of `tables` (in the order given: the directory sorts them by tag), each
/// 4-byte aligned with its checksum, and `head`'s checksum adjustment set.
fn write(mut tables: Vec<([u8; 4], &[u8])>) -> Vec<u8> {
    tables.sort_by_key(|(tag, _)| *tag);
    let count = tables.len() as u16;
    let power = if count == 0 {
        0
    } else {
        15 - count.leading_zeros() as u16
    };
    let range = (1u16 << power) * 16;
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [count, range, power, count * 16 - range] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + tables.len() * 16;
    let mut head_at = None;
    for (tag, data) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjust.to_be_bytes());
    }
    out
}

/// The OpenType checksum: the sum of the big-endian 32-bit words, the last zero-padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut word = [0; 4];
        word[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
#[path = "unhint_tests.rs"]
mod tests;

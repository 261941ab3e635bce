//! The glyphs a paper's PDF draws, numbered for its font subsets: which glyphs of each
//! face the layout's pages (and stamps) use, with their text, and the map from each face's
//! glyph ids to the subset's.

use super::embed::GlyphMap;
use super::fonts::Fonts;
use super::layout::{Layout, Mark};

/// The glyphs each face draws, with the text of each (first occurrence with text wins),
/// numbered for the subset: .notdef first, then the used glyphs in id order.
pub(super) fn used_glyphs(layout: &Layout, fonts: &Fonts) -> GlyphMap {
    // By face and glyph id: 0 when the glyph is not drawn, else 1 + where its text is in
    // `texts` (4 bytes a glyph of the face; a run's texts are sliced only when kept).
    let mut seen: Vec<Vec<u32>> = vec![Vec::new(); fonts.count()];
    let mut texts: Vec<&str> = vec![""];
    let stamps = layout.stamps.iter().map(|s| &s.page);
    for page in layout.pages.iter().chain(stamps) {
        for item in &page.items {
            if let Mark::Glyphs(run) = &item.mark {
                let slots = &mut seen[run.face.index()];
                if slots.is_empty() {
                    slots.resize(fonts.face(run.face).glyph_count().max(1), 0);
                }
                for (gid, at) in run.glyphs.spans() {
                    // Not drawn yet, or drawn only without text (after a cluster's first).
                    if let Some(slot) = slots.get_mut(usize::from(gid))
                        && *slot <= 1
                    {
                        if !at.is_empty() {
                            texts.push(run.glyphs.text_at(at));
                            *slot = texts.len() as u32;
                        } else {
                            *slot = 1;
                        }
                    }
                }
            }
        }
    }
    let mut used = GlyphMap::new();
    for face in fonts.ids() {
        let slots = &seen[face.index()];
        if slots.is_empty() {
            continue;
        }
        let mut next = 1u16;
        let map = used.entry(face).or_default();
        for (gid, &slot) in slots.iter().enumerate() {
            if slot > 0 {
                let new = if gid == 0 { 0 } else { next };
                if gid != 0 {
                    next += 1;
                }
                let text = texts.get(slot as usize - 1).copied().unwrap_or_default();
                map.insert(gid as u16, (new, text.to_string()));
            }
        }
    }
    used
}

/// For each face, the subset's glyph id of every glyph id of the face (0 when unused).
pub(super) fn remap(glyphs: &GlyphMap, fonts: &Fonts) -> Vec<Vec<u16>> {
    let mut remap: Vec<Vec<u16>> = vec![Vec::new(); fonts.count()];
    for (face, map) in glyphs {
        let r = &mut remap[face.index()];
        r.resize(fonts.face(*face).glyph_count().max(1), 0);
        for (old, (new, _)) in map {
            if let Some(slot) = r.get_mut(usize::from(*old)) {
                *slot = *new;
            }
        }
    }
    remap
}

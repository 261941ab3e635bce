//! Link annotations: the clickable area of each line of a link, with its `/Contents`
//! for assistive technology (where it goes, in words), and the link (its text's part)
//! each one belongs to.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};

use super::layout::{Layout, Mark, Tag, Target};

pub(crate) fn link(layout: &Layout, pages: &[ObjectId], l: &super::layout::Link) -> Option<Object> {
    let h = layout.page_size.1;
    let (x, y, w, lh) = l.rect;
    let mut d = Dictionary::from_iter([
        ("Type", Object::Name(b"Annot".to_vec())),
        ("Subtype", Object::Name(b"Link".to_vec())),
        (
            "Rect",
            vec![
                Object::Real(x),
                Object::Real(h - y - lh),
                Object::Real(x + w),
                Object::Real(h - y),
            ]
            .into(),
        ),
        ("Border", vec![0.into(), 0.into(), 0.into()].into()),
        (
            "Contents",
            super::finish::text(&describe(layout, &l.target)),
        ),
        ("F", 4.into()),
    ]);
    match &l.target {
        Target::Uri(u) => {
            let action = Dictionary::from_iter([
                ("S", Object::Name(b"URI".to_vec())),
                (
                    "URI",
                    Object::String(u.as_bytes().to_vec(), StringFormat::Literal),
                ),
            ]);
            d.set("A", action);
        }
        Target::Anchor(a) => {
            let (page, top) = layout.anchors.get(a)?;
            let dest = vec![
                (*pages.get(*page)?).into(),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real(h - top + 4.0),
                Object::Null,
            ];
            d.set("Dest", dest);
        }
        // Its destination is set once the appendix's pages are appended.
        Target::Appended(_) => {}
    }
    Some(d.into())
}

/// The link (its number in the document) whose text the link area `l` covers: the part
/// of the first glyph run of its block that starts inside the area.
pub(crate) fn link_of(page: &super::layout::Page, l: &super::layout::Link) -> Option<u32> {
    let (x, y, w, h) = l.rect;
    page.items
        .iter()
        .find_map(|item| match (&item.tag, &item.mark) {
            (Tag::Content { block, part, .. }, Mark::Glyphs(run))
                if *block == l.block
                    && part.link.is_some()
                    && run.x > x - 0.05
                    && run.x < x + w
                    && run.y > y - 0.05
                    && run.y < y + h + 0.05 =>
            {
                part.link
            }
            _ => None,
        })
}

/// The annotation's description for assistive technology, in words: where it goes
/// (`Paragraph 2.1`, `Footnote 1`, `Link to https://…`, `E-mail governance@example.org`),
/// never an anchor's id.
pub(crate) fn describe(layout: &Layout, target: &Target) -> String {
    match target {
        Target::Uri(u) => match u.strip_prefix("mailto:") {
            Some(address) => format!(
                "E-mail {}",
                percent_encoding::percent_decode_str(address).decode_utf8_lossy()
            ),
            None => format!("Link to {u}"),
        },
        Target::Anchor(a) | Target::Appended(a) => layout
            .anchor_names
            .get(a)
            .cloned()
            .unwrap_or_else(|| "A place in this paper".to_string()),
    }
}

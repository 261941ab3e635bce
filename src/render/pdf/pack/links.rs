//! A paper's relative links in a pack: an address such as `2026-05-19-budget.pdf` leads
//! from the paper's folder, and the pack stands elsewhere (`meetings/DATE-COMMITTEE/`), so
//! the way from the pack's folder to the paper's is put before it.

use std::path::Path;

use lopdf::Object;

use crate::document::markdown::has_scheme;

/// The way from a pack in `pack_dir` to a paper's PDF in `paper_dir` (both relative to the
/// output folder), for the paper's relative links: `../../resources/`.
pub fn link_base(pack_dir: &Path, paper_dir: &Path) -> String {
    let mut base = "../".repeat(pack_dir.components().count());
    for part in paper_dir.components() {
        base.push_str(&part.as_os_str().to_string_lossy());
        base.push('/');
    }
    base
}

/// Makes a link annotation's relative address (`2026-05-19-budget.pdf`, which leads from the
/// paper's folder) lead from the pack's, `base` before it: the same file, wherever the pack
/// stands. An address with a scheme, from the site's root or within the page is left.
pub(super) fn rebase(object: &mut Object, base: &str) {
    if base.is_empty() {
        return;
    }
    let Object::Dictionary(d) = object else {
        return;
    };
    if d.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Link".as_slice()) {
        return;
    }
    let Ok(Object::Dictionary(action)) = d.get_mut(b"A") else {
        return;
    };
    if action.get(b"S").and_then(Object::as_name).ok() != Some(b"URI".as_slice()) {
        return;
    }
    if let Ok(Object::String(uri, _)) = action.get_mut(b"URI") {
        // As a paper's own links are told apart (the address was written so).
        let scheme = std::str::from_utf8(uri).map_or(true, has_scheme);
        if !scheme && !uri.is_empty() && !matches!(uri[0], b'/' | b'#' | b'?') {
            uri.splice(0..0, base.bytes());
        }
    }
}

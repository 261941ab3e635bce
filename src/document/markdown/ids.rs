//! Anchor ids: slugs of headings, kept unique and clear of the ids clerk generates.

use super::Ctx;
use crate::document::Inline;

/// The plain text of a heading, leaving out footnote marks and cross-reference numbers.
pub(super) fn heading_text(content: &[Inline]) -> String {
    let kept: Vec<Inline> = content
        .iter()
        .filter(|i| !matches!(i, Inline::FootnoteRef { .. } | Inline::CrossRef { .. }))
        .cloned()
        .collect();
    Inline::plain(&kept).trim().to_string()
}

/// A slug of `text` for an anchor id: lower-case ASCII letters and digits joined by `-`.
pub(crate) fn slug(text: &str) -> String {
    let s = slug::slugify(text);
    if s.is_empty() { "section".into() } else { s }
}

/// Would `id` look like one clerk generates (`section-3`, `para-2-4`, `fn-1`)?
fn looks_generated(id: &str) -> bool {
    ["section-", "para-", "fn-", "fnref-"].iter().any(|p| {
        id.strip_prefix(p).is_some_and(|rest| {
            rest.starts_with(|c: char| c.is_ascii_digit())
                && rest.chars().all(|c| c.is_ascii_digit() || c == '-')
        })
    })
}

/// A unique id from `text`'s slug, remembered in `ctx.ids`.
pub(super) fn unique_slug(ctx: &mut Ctx, text: &str) -> String {
    let mut base = slug(text);
    if looks_generated(&base) {
        base = format!("heading-{base}");
    }
    let mut id = base.clone();
    // Remember where counting stopped for each base, so many equal headings stay linear.
    let n = ctx.slug_counts.entry(base.clone()).or_insert(1);
    while ctx.ids.contains(&id) {
        *n += 1;
        id = format!("{base}-{n}");
    }
    ctx.ids.insert(id.clone());
    id
}

//! A meeting's packs in the preview: built from its papers' PDFs (each built on request
//! and cached too) when first asked for, and kept until the meeting or one of its papers
//! changes; served at their paths, and written to the output folder by `--write`.

use std::path::Path;
use std::sync::Arc;

use super::overlay::Notes;
use super::rebuild::render_lazy;
use super::site::{PaperEntry, Shared, Site};
use crate::render::OutputFormat;
use crate::render::pdf::pack;

/// What the pack at `rel` is made from, as a key: the meeting and its papers' generations;
/// `None` when the site has no such pack.
pub(crate) fn inputs(site: &Site, rel: &str) -> Option<String> {
    let (meeting, _) = site.packs.get(rel)?;
    let generations: Vec<Option<u64>> = papers(site, rel)?
        .iter()
        .map(|e| e.map(|e| e.generation))
        .collect();
    Some(format!("{meeting:?}{generations:?}"))
}

/// The entries of the pack's papers in order, `None` for one not available.
fn papers<'s>(site: &'s Site, rel: &str) -> Option<Vec<Option<&'s Arc<PaperEntry>>>> {
    let (meeting, kind) = site.packs.get(rel)?;
    Some(
        kind.papers(meeting)
            .iter()
            .map(|i| {
                i.paper()
                    .filter(|_| pack::available(i))
                    .and_then(|s| site.papers.get(s))
                    .filter(|e| e.page.notes.errors == 0)
            })
            .collect(),
    )
}

/// The pack at `rel`, from the cache or built now; `None` when the site has no such pack
/// or no templates to build it with.
pub(crate) fn pack(site: &Site, shared: &Shared, rel: &str) -> Option<Result<Arc<[u8]>, Notes>> {
    pack_of(site, shared, rel, inputs(site, rel)?)
}

/// [`pack`], what it is made from (its [`inputs`]) already worked out.
pub(crate) fn pack_of(
    site: &Site,
    shared: &Shared,
    rel: &str,
    inputs: String,
) -> Option<Result<Arc<[u8]>, Notes>> {
    let renderer = site.renderer.as_deref()?;
    let (meeting, kind) = site.packs.get(rel)?;
    let entries = papers(site, rel)?;
    Some(shared.pack_output(rel, inputs, || {
        let pdfs: Vec<Option<Arc<[u8]>>> = entries
            .iter()
            .map(|e| {
                let e = (*e)?;
                let build = || render_lazy(site, e, OutputFormat::Pdf);
                shared.lazy_output(e, OutputFormat::Pdf, build).ok()
            })
            .collect();
        let pdfs: Vec<Option<&[u8]>> = pdfs.iter().map(|b| b.as_deref()).collect();
        // The preview serves each paper's PDF beside its source's place, private or not.
        let bases: Vec<String> = kind
            .papers(meeting)
            .iter()
            .map(|i| {
                let dir = i.paper().and_then(Path::parent).unwrap_or(Path::new(""));
                pack::link_base(&meeting.out_dir(), dir)
            })
            .collect();
        let draft = meeting.is_draft(true);
        renderer
            .render_pack_from(meeting, *kind, (pdfs, &bases), &site.project.house, draft)
            .map(|p| p.bytes)
            .map_err(|d| Notes::new(&[d], renderer.sources()))
    }))
}

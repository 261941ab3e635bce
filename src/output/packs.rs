//! Each meeting's agenda packs: `pack.pdf` always and `supplementary-pack.pdf` when it has
//! late items, and `private-pack.pdf` when it has private items, all beside its page, as
//! MEETING-FORMAT.md places them (the private pack is for members, not for publishing). A
//! pack is made from the papers' PDFs as this run left them on disk (no paper is laid out
//! again). A paper that has errors (or whose PDF cannot be read) keeps its line on the
//! front sheet as "Paper not available", with a warning; a pack that cannot be made is an
//! error that leaves the last good pack in place and stops nothing else.

use std::path::{Path, PathBuf};

use super::meetings::PRIVATE_DIR;
use super::write::{OutputFile, write_atomic};
use crate::diag::Diagnostic;
use crate::meeting::Meeting;
use crate::project::{Project, walk};
use crate::render::Renderer;
use crate::render::pdf::pack::{self, PackKind};

/// A pack written (or kept) for a meeting page's link.
#[derive(Debug, Clone)]
pub struct PackFile {
    /// Which pack.
    pub kind: PackKind,
    /// The file.
    pub file: OutputFile,
}

/// Where the built PDF of the paper `source` (relative to the papers folder) is, relative to
/// the output folder.
pub fn paper_pdf(source: &Path, private: bool) -> PathBuf {
    let rel = source.with_extension("pdf");
    if private {
        Path::new(PRIVATE_DIR).join(rel)
    } else {
        rel
    }
}

/// Where `kind`'s pack of `meeting` goes, relative to the output folder: beside its page.
pub fn pack_path(meeting: &Meeting, kind: PackKind) -> PathBuf {
    meeting.out_dir().join(kind.file_name())
}

/// Builds and writes each pack `meeting` has; returns them (the last good one kept when a
/// pack fails) and the warnings and errors. A pack the meeting no longer has items for is
/// removed, and its path pushed on `removed`.
pub fn write_packs(
    project: &Project,
    renderer: &Renderer,
    meeting: &Meeting,
    draft: bool,
    removed: &mut Vec<String>,
) -> (Vec<PackFile>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut files = Vec::new();
    // Where an earlier clerk put the private pack: not left behind, out of date.
    let _ = std::fs::remove_file(
        project
            .out_dir
            .join(PRIVATE_DIR)
            .join(pack_path(meeting, PackKind::Private)),
    );
    for kind in PackKind::ALL {
        let rel = pack_path(meeting, kind);
        if !kind.wanted(meeting) {
            // No late (or private) items any more: no pack of them.
            if std::fs::remove_file(project.out_dir.join(&rel)).is_ok() {
                removed.push(super::write::slash_path(&rel));
            }
            continue;
        }
        let papers = kind.papers(meeting);
        let pdfs: Vec<Option<Vec<u8>>> = papers
            .iter()
            .map(|item| {
                let source = item.paper()?;
                if !pack::available(item) {
                    return None;
                }
                let at = paper_pdf(source, item.private.is_some());
                std::fs::read(project.out_dir.join(at)).ok()
            })
            .collect();
        // Each paper's relative links lead from its own folder: made to lead from the pack's.
        let bases: Vec<String> = papers
            .iter()
            .map(|item| {
                let at = item
                    .paper()
                    .map(|source| paper_pdf(source, item.private.is_some()))
                    .unwrap_or_default();
                let dir = at.parent().unwrap_or(Path::new(""));
                pack::link_base(&meeting.out_dir(), dir)
            })
            .collect();
        let built = renderer.render_pack_from(meeting, kind, (pdfs, &bases), &project.house, draft);
        match built {
            Ok(p) => {
                for (item, range) in papers.iter().zip(&p.ranges) {
                    if range.is_none() {
                        diags.push(not_available(project, meeting, kind, item));
                    }
                }
                match write_atomic(&project.out_dir.join(&rel), &p.bytes) {
                    Ok(()) => files.push(PackFile {
                        kind,
                        file: OutputFile::describe(&rel, &p.bytes),
                    }),
                    Err(e) => diags.push(Diagnostic::file_error(
                        "write-failed",
                        &walk::relative(&project.root, &project.out_dir.join(&rel)),
                        format!("cannot write this output ({e})"),
                    )),
                }
            }
            Err(mut d) => {
                d.message = format!(
                    "the {} of {} on {} was not made: {}",
                    kind.label().to_lowercase(),
                    meeting.committee,
                    meeting.date,
                    d.message
                );
                diags.push(d.with_help("the last good pack, if any, is kept; this is a bug in clerk, please report it with the meeting's papers"));
                if let Ok(bytes) = std::fs::read(project.out_dir.join(&rel)) {
                    files.push(PackFile {
                        kind,
                        file: OutputFile::describe(&rel, &bytes),
                    });
                }
            }
        }
    }
    (files, diags)
}

fn not_available(
    project: &Project,
    meeting: &Meeting,
    kind: PackKind,
    item: &crate::meeting::AgendaItem,
) -> Diagnostic {
    let source = item.paper().unwrap_or(Path::new(""));
    Diagnostic::file_error(
        "pack-paper-not-available",
        &walk::relative(&project.root, &project.papers_dir.join(source)),
        format!(
            "this paper is not in the {} of {} on {}: its front-sheet line says \"Paper not available\"",
            kind.label().to_lowercase(),
            meeting.committee,
            meeting.date
        ),
    )
    .with_help(if pack::available(item) {
        // Checked and sound, but no PDF where the pack looks: a packs-only run makes none.
        "its PDF has not been built where the pack looks for it (a `--format pack` run makes no paper PDFs, and a paper just taken in private or out of it has its PDF elsewhere): run `clerk build`, which makes both"
    } else {
        "fix the paper's errors and build again; the pack is made afresh"
    })
    .warning()
}

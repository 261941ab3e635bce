//! A run over some papers only (`clerk check PAPER.md`): the meetings are not built, but
//! the meeting files' checks of those papers are made — the paper's agenda item against its
//! `agenda_item`, meeting and date, a draft on a final agenda, a meeting file that does not
//! list it — so that checking one paper says what a whole check would say of it against
//! its agenda.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::meeting::MeetingFiles;
use crate::meeting::file::normal;
use crate::output::PaperReport;

/// Of the meetings' diagnostics `diags` (put together from `papers` alone), those the
/// meeting files give of one of `papers`: at the number or `paper:` of an item of `files`
/// that names it, or on its own files where a meeting file does not list it or spells its
/// meeting otherwise ([`ON_THE_PAPER`]). The rest would be about papers this run did not
/// read, or about the order of a meeting without a file, which its other papers settle.
pub(super) fn concerning(
    diags: Vec<Diagnostic>,
    papers: &[PaperReport],
    files: &MeetingFiles,
) -> Vec<Diagnostic> {
    let named: BTreeSet<PathBuf> = papers.iter().map(|p| normal(&p.source.rel)).collect();
    let own: BTreeSet<PathBuf> = (papers.iter())
        .flat_map(|p| {
            let display = &p.source.display;
            [display.clone(), display.with_extension("yaml")]
        })
        .collect();
    let mut places: BTreeSet<(&Path, usize)> = BTreeSet::new();
    for f in &files.files {
        for item in &f.items {
            if item
                .paper
                .as_deref()
                .is_some_and(|p| named.contains(&normal(p)))
            {
                // Where the meetings place a diagnostic at the item's number or paper.
                for pos in [item.number_pos, item.paper_pos] {
                    places.extend(pos.span_in(&f.text).map(|s| (f.file.as_path(), s.start)));
                }
            }
        }
    }
    diags
        .into_iter()
        .filter(|d| {
            (own.contains(&d.file) && ON_THE_PAPER.contains(&d.code))
                || d.span
                    .as_ref()
                    .is_some_and(|s| places.contains(&(d.file.as_path(), s.start)))
        })
        .collect()
}

/// The meeting files' diagnostics placed on a paper's own `meeting:` line: a meeting file
/// for its meeting that does not list it, and a meeting name spelt otherwise there.
const ON_THE_PAPER: [&str; 2] = ["not-on-agenda", "meeting-clash"];

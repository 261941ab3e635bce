//! A run over some papers only (`clerk check PAPER.md`): the meetings are not built, but
//! the meeting files' checks of those papers are made — the paper's agenda item against its
//! `agenda_item`, meeting and date, a draft on a final agenda, a meeting file that does not
//! list it — so that checking one paper says what a whole check would say of it against
//! its agenda. A meeting file named (`clerk check meetings/X.yaml`) is checked whole: its
//! own problems, and its papers', each against it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Sources};
use crate::meeting::file::normal;
use crate::meeting::{MeetingFile, MeetingFiles};
use crate::output::PaperReport;
use crate::project::Project;
use crate::project::walk::from_here;

/// What a run over some papers was asked, for its report.
pub(super) struct PartialRun<'a> {
    pub project: &'a Project,
    /// The papers, folders and meeting files named on the command line.
    pub paths: &'a [PathBuf],
    pub files: &'a MeetingFiles,
    /// The meeting files named, each checked whole ([`named_meetings`]).
    pub whole: &'a [&'a MeetingFile],
    /// The papers named (relative to the papers folder), beside the meetings'.
    pub asked: &'a BTreeSet<PathBuf>,
}

impl PartialRun<'_> {
    /// The papers to report on and the run's diagnostics: those of the `papers` built
    /// (every paper, when a meeting is checked whole) that were asked for, and what the
    /// meeting files say of them and of themselves. Keeps in `sources` the texts pointed at.
    pub fn report(
        &self,
        papers: Vec<PaperReport>,
        mut diagnostics: Vec<Diagnostic>,
        (draft_default, private): (bool, &BTreeMap<PathBuf, String>),
        sources: &mut Sources,
    ) -> (Vec<PaperReport>, Vec<Diagnostic>) {
        let root = &self.project.root;
        let named = |file: &Path| {
            let file = from_here(&root.join(file));
            self.paths.iter().any(|p| file.starts_with(from_here(p)))
        };
        let whole = |file: &Path| self.whole.iter().any(|f| f.file == file);
        // Every paper was read for a meeting checked whole: what the run said of other
        // meeting files (their papers withheld) is not this check's.
        let other_file = |d: &Diagnostic| {
            !self.whole.is_empty()
                && self.files.files.iter().any(|f| f.file == d.file)
                && !named(&d.file)
                && !whole(&d.file)
        };
        diagnostics.retain(|d| !other_file(d));
        // A meeting file named (or a folder of them, or another file of its meeting) says
        // its own problems.
        for d in (self.files.diagnostics.iter()).filter(|d| named(&d.file) || whole(&d.file)) {
            diagnostics.push(d.clone());
        }
        // Put together from every paper read, so that a meeting checked whole finds a paper
        // placed at it that its file leaves out.
        let house = &self.project.house;
        let (_, diags) =
            super::assemble_meetings(self.files, &papers, house, (draft_default, private));
        let papers: Vec<PaperReport> = if self.whole.is_empty() {
            papers
        } else {
            (papers.into_iter())
                .filter(|p| self.asked.contains(&p.source.rel) || self.of_whole(p))
                .collect()
        };
        let (on_whole, rest): (Vec<_>, Vec<_>) = diags.into_iter().partition(|d| whole(&d.file));
        diagnostics.extend(on_whole);
        diagnostics.extend(concerning(rest, &papers, self.files));
        crate::diag::sort(&mut diagnostics);
        let pointed = |f: &Path| diagnostics.iter().any(|d| d.file == f);
        for f in (self.files.files.iter())
            .filter(|f| named(&f.file) || whole(&f.file) || pointed(&f.file))
        {
            sources.add(&f.file, f.text.as_str());
        }
        super::keep_pointed_texts(&diagnostics, &papers, sources);
        (papers, diagnostics)
    }

    /// Is `paper` one of a meeting checked whole: named by an item of its file (or, the file
    /// not readable as YAML, anywhere in it), or placed at its committee and date by its own
    /// metadata (the committee in any capitals or punctuation that makes the same meeting
    /// folder, whose clash a whole check says)?
    fn of_whole(&self, paper: &PaperReport) -> bool {
        let rel = normal(&paper.source.rel);
        self.whole.iter().any(|f| {
            f.items
                .iter()
                .any(|i| i.paper.as_deref().is_some_and(|p| normal(p) == rel))
                || f.withheld.iter().any(|p| normal(p) == rel)
                || paper.meta.as_ref().is_some_and(|m| {
                    f.out_dir() == Some(crate::meeting::out_dir(&m.meeting, m.date))
                })
        })
    }
}

/// The meeting files that `paths` name: a file in the meetings folder, or a folder at or
/// within it (`meetings/`). Each is checked whole, with every paper it places.
pub(super) fn named_meetings<'f>(
    project: &Project,
    paths: &[PathBuf],
    files: &'f MeetingFiles,
) -> Vec<&'f MeetingFile> {
    let meetings = from_here(&project.meetings_dir());
    let asked: Vec<PathBuf> = (paths.iter())
        .map(|p| from_here(p))
        .filter(|p| p.starts_with(&meetings))
        .collect();
    if asked.is_empty() {
        return Vec::new();
    }
    let named: Vec<&MeetingFile> = (files.files.iter())
        .filter(|f| {
            let at = from_here(&project.root.join(&f.file));
            asked.iter().any(|a| at.starts_with(a))
        })
        .collect();
    // With every other file of the same meeting (its folder the same): the two are one
    // meeting's, and a whole check says so (`duplicate-meeting`, a clash of names).
    let folders: Vec<PathBuf> = named.iter().filter_map(|f| f.out_dir()).collect();
    (files.files.iter())
        .filter(|f| {
            named.iter().any(|n| std::ptr::eq(*n, *f))
                || f.out_dir().is_some_and(|d| folders.contains(&d))
        })
        .collect()
}

/// Of the meetings' diagnostics `diags` (put together from `papers` alone), those the
/// meeting files give of one of `papers`: at the number or `paper:` of an item of `files`
/// that names it, or on its own files where a meeting file does not list it or spells its
/// meeting otherwise ([`ON_THE_PAPER`]). The rest would be about papers this run did not
/// read, or about the order of a meeting without a file, which its other papers settle.
fn concerning(
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
    // The files that list a paper named: what one says of all its papers at once
    // (`file-disagrees`, in place of an error at each item) concerns each of them.
    let mut listing: BTreeSet<&Path> = BTreeSet::new();
    for f in &files.files {
        for item in &f.items {
            if item
                .paper
                .as_deref()
                .is_some_and(|p| named.contains(&normal(p)))
            {
                listing.insert(f.file.as_path());
                // Where the meetings place a diagnostic at the item's number, paper or deferral.
                for pos in [item.number_pos, item.paper_pos, item.deferred_pos] {
                    places.extend(pos.span_in(&f.text).map(|s| (f.file.as_path(), s.start)));
                }
            }
        }
    }
    diags
        .into_iter()
        .filter(|d| {
            (own.contains(&d.file) && ON_THE_PAPER.contains(&d.code))
                || (d.code == "file-disagrees" && listing.contains(d.file.as_path()))
                || d.span
                    .as_ref()
                    .is_some_and(|s| places.contains(&(d.file.as_path(), s.start)))
        })
        .collect()
}

/// The meeting files' diagnostics placed on a paper's own `meeting:` line: a meeting file
/// for its meeting that does not list it, and a meeting name spelt otherwise there.
const ON_THE_PAPER: [&str; 2] = ["not-on-agenda", "meeting-clash"];

//! Each meeting's outputs written atomically (`meetings/SLUG/index.html`, `agenda.pdf` and
//! the packs, see [`super::packs`]), and `meetings.ics`; a meeting whose file has errors
//! keeps its last good outputs, unless they showed a paper withheld now
//! ([`super::withdraw`]).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::PaperReport;
use super::packs::write_packs;
use super::record::Record;
use super::write::{OutputFile, write_atomic};
use crate::diag::Diagnostic;
use crate::meeting::{AGENDA_FILE, Meeting, PAGE_FILE};
use crate::project::{Project, walk};
use crate::render::pdf::pack::PackKind;
use crate::render::{BuiltFile, PaperFiles, Renderer};

/// The folder, under the output folder, of private papers' own HTML and PDF: built for the
/// secretariat, never linked from public pages. Do not publish it.
pub const PRIVATE_DIR: &str = crate::project::walk::PRIVATE_OUT;

/// The calendar of every meeting, in the output folder.
pub const CALENDAR: &str = "meetings.ics";

/// A meeting and what the run left in its folder.
#[derive(Debug, Clone)]
pub struct MeetingOutputs {
    /// The meeting.
    pub meeting: Meeting,
    /// Its page and agenda PDF (new, or kept from the last good build).
    pub outputs: Vec<OutputFile>,
    /// True when this run wrote (or confirmed) them.
    pub built: bool,
    /// The packs this run removed because the meeting has no items for them any more
    /// (paths relative to the output folder), for the summary.
    pub removed: Vec<String>,
}

impl MeetingOutputs {
    /// Its page, relative to the output folder, when there is one.
    pub fn page(&self) -> Option<&OutputFile> {
        self.outputs.iter().find(|o| o.path.ends_with(PAGE_FILE))
    }
}

/// The public papers' built files, for the meeting pages' links (private ones never).
pub fn paper_files(papers: &[PaperReport]) -> PaperFiles {
    let private_dir = format!("{PRIVATE_DIR}/");
    papers
        .iter()
        .filter(|p| p.errors() == 0 || !p.outputs.is_empty())
        .map(|p| {
            let files = p
                .outputs
                .iter()
                .filter(|o| !o.path.starts_with(&private_dir))
                .map(|o| BuiltFile {
                    path: o.path.clone(),
                    size: o.size,
                    pages: o.pages,
                })
                .collect();
            (crate::meeting::file::normal(&p.source.rel), files)
        })
        .collect()
}

/// What a run writes for each meeting besides its page.
#[derive(Debug, Clone, Copy)]
pub struct MeetingFormats {
    /// `agenda.pdf` (else the last one built is kept and linked, when there is one).
    pub pdf: bool,
    /// The agenda packs (else those the last build made are kept and linked).
    pub packs: bool,
}

/// Renders and writes each meeting's page, agenda PDF and packs (in parallel, results in
/// order).
/// `record` (the last build's manifests) vouches for the PDFs a page links that this run
/// does not make.
pub fn write_meetings(
    project: &Project,
    renderer: &Renderer,
    meetings: Vec<Meeting>,
    papers: &[PaperReport],
    (draft_default, formats): (bool, MeetingFormats),
    record: &Record,
    diags: &mut Vec<Diagnostic>,
) -> Vec<MeetingOutputs> {
    let files = paper_files(papers);
    let run = (draft_default, formats, record);
    let one = |m| write_one(project, renderer, m, &files, run);
    // One meeting: no thread pool started for it (see `pipeline::run`).
    let results: Vec<(MeetingOutputs, Vec<Diagnostic>)> = if meetings.len() > 1 {
        meetings.into_par_iter().with_max_len(1).map(one).collect()
    } else {
        meetings.into_iter().map(one).collect()
    };
    results
        .into_iter()
        .map(|(m, d)| {
            diags.extend(d);
            m
        })
        .collect()
}

fn write_one(
    project: &Project,
    renderer: &Renderer,
    meeting: Meeting,
    files: &PaperFiles,
    (draft_default, formats, record): (bool, MeetingFormats, &Record),
) -> (MeetingOutputs, Vec<Diagnostic>) {
    let dir = meeting.out_dir();
    let page_rel = dir.join(PAGE_FILE);
    let agenda_rel = dir.join(AGENDA_FILE);
    if meeting.failed {
        let packs = PackKind::ALL.map(|k| super::packs::pack_path(&meeting, k));
        let outputs = [&agenda_rel, &page_rel]
            .into_iter()
            .chain(&packs)
            .filter_map(|rel| {
                let bytes = std::fs::read(project.out_dir.join(rel)).ok()?;
                Some(OutputFile::describe(rel, &bytes))
            })
            .collect();
        let m = MeetingOutputs {
            meeting,
            outputs,
            built: false,
            removed: Vec::new(),
        };
        return (m, Vec::new());
    }
    let house = &project.house;
    let draft = meeting.is_draft(draft_default);
    let mut diags = Vec::new();
    // Each page or PDF to write, with its description when already made (hashed once).
    let mut rendered: Vec<(PathBuf, Vec<u8>, Option<OutputFile>)> = Vec::new();
    // A run without PDF keeps the agenda PDF the last build made, and links it; without
    // packs, the packs (those a paper now private was in are gone: `withdraw_unmade`).
    let mut agenda = None;
    if !formats.pdf {
        agenda = kept(project, record, &agenda_rel);
    }
    if formats.pdf {
        match renderer.render_agenda_pdf(&meeting, house, draft) {
            Ok(bytes) => {
                let o = OutputFile::describe(&agenda_rel, &bytes);
                agenda = Some(BuiltFile {
                    path: o.path.clone(),
                    size: o.size,
                    pages: o.pages,
                });
                rendered.push((agenda_rel, bytes, Some(o)));
            }
            Err(d) => diags.push(d),
        }
    }
    let mut removed = Vec::new();
    let (packs, pack_diags) = if formats.packs {
        write_packs(project, renderer, &meeting, draft, &mut removed)
    } else {
        (Vec::new(), Vec::new())
    };
    // Each linked pack this run wrote (or kept); one that failed with none kept is not.
    let links: Vec<(&str, String, Option<BuiltFile>)> = PackKind::linked(&meeting)
        .filter_map(|k| {
            let built = if formats.packs {
                let p = packs.iter().find(|p| p.kind == k)?;
                BuiltFile {
                    path: p.file.path.clone(),
                    size: p.file.size,
                    pages: p.file.pages,
                }
            } else {
                kept(project, record, &super::packs::pack_path(&meeting, k))?
            };
            Some(k.link(&house.words, Some(built)))
        })
        .collect();
    match renderer.render_meeting(&meeting, files, agenda.as_ref(), &links, house, draft) {
        Ok(html) => rendered.push((page_rel, html.into_bytes(), None)),
        Err(d) => diags.push(d),
    }
    let mut outputs = Vec::new();
    if diags.is_empty() {
        for (rel, bytes, described) in rendered {
            match write_atomic(&project.out_dir.join(&rel), &bytes) {
                Ok(()) => {
                    outputs.push(described.unwrap_or_else(|| OutputFile::describe(&rel, &bytes)))
                }
                Err(e) => diags.push(write_failed(project, &rel, e)),
            }
        }
    }
    let built = diags.is_empty();
    outputs.extend(packs.into_iter().map(|p| p.file));
    diags.extend(pack_diags);
    (
        MeetingOutputs {
            meeting,
            outputs,
            built,
            removed,
        },
        diags,
    )
}

/// The PDF at `rel` as an earlier build left it, for a page to link (its size and pages):
/// only while `record` lists it and it is still as clerk wrote it.
fn kept(project: &Project, record: &Record, rel: &Path) -> Option<BuiltFile> {
    let o = record.other(&super::write::slash_path(rel))?;
    super::write::still_written(&project.out_dir, o).then(|| BuiltFile {
        path: o.path.clone(),
        size: o.size,
        pages: o.pages,
    })
}

/// Writes `meetings.ics` for every meeting; `None` (with a diagnostic) when it cannot. A
/// meeting whose file has an error keeps the event the last calendar gave it while its last
/// good page stands (call this once the run has withdrawn what it must), so that it does not
/// vanish from subscribers' calendars; `record` vouches that calendar is clerk's as written.
pub fn write_calendar(
    project: &Project,
    meetings: &[MeetingOutputs],
    (draft_default, record): (bool, &Record),
    diags: &mut Vec<Diagnostic>,
) -> Option<OutputFile> {
    let list = meetings
        .iter()
        .filter(|m| !m.meeting.failed || m.page().is_some())
        .map(|m| &m.meeting);
    let earlier = meetings
        .iter()
        .any(|m| m.meeting.failed)
        .then(|| {
            let o = record.other(CALENDAR)?;
            super::write::still_written(&project.out_dir, o)
                .then(|| std::fs::read_to_string(project.out_dir.join(CALENDAR)).ok())
                .flatten()
        })
        .flatten()
        .unwrap_or_default();
    let ics = match crate::render::ics::calendar(list, &project.house, draft_default, &earlier) {
        Ok(ics) => ics,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let rel = Path::new(CALENDAR);
    match write_atomic(&project.out_dir.join(rel), ics.as_bytes()) {
        Ok(()) => Some(OutputFile::describe(rel, ics.as_bytes())),
        Err(e) => {
            diags.push(write_failed(project, rel, e));
            None
        }
    }
}

fn write_failed(project: &Project, rel: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::file_error(
        "write-failed",
        &walk::relative(&project.root, &project.out_dir.join(rel)),
        format!("cannot write this output ({e})"),
    )
}

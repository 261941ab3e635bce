//! The preview's meeting pages: after each rebuild the meeting files are read again and the
//! meetings assembled from the papers as the preview shows them (cheap: no paper is
//! rendered), so a change to a paper or a meeting file updates its meeting's page, its
//! `agenda.pdf` and `meetings.ics`, served and written (`--write`) as `clerk build` does.
//! Each meeting's packs are listed by path; the server builds one when first asked for it.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::overlay::Notes;
use super::site::{Page, PaperEntry, Problems, Site};
use crate::diag::Diagnostic;
use crate::meeting;
use crate::output::meetings::{CALENDAR, paper_files};
use crate::output::record::Record;
use crate::output::write::OutputFile;
use crate::project::{PaperSource, Project};
use crate::render::pdf::pack::PackKind;
use crate::render::{BuiltFile, MeetingLink, Renderer};

/// What the preview shows of the meetings, by path relative to the output folder.
#[derive(Debug, Default)]
pub(crate) struct MeetingPages {
    /// Each meeting's page (`meetings/SLUG/index.html`).
    pub(crate) pages: BTreeMap<String, Page>,
    /// Each meeting's `agenda.pdf` and the calendar, `meetings.ics`.
    pub(crate) files: BTreeMap<String, Arc<[u8]>>,
    /// The meeting each agenda PDF was rendered from, to keep it while that is unchanged.
    pub(crate) agendas: BTreeMap<String, meeting::Meeting>,
    /// The index's link to each meeting.
    pub(crate) links: Vec<MeetingLink>,
    /// Each meeting's packs by path, built on first request.
    pub(crate) packs: Packs,
    /// Every meeting as assembled (none when the templates never loaded).
    pub(crate) list: Vec<meeting::Meeting>,
}

/// Every meeting's page and agenda PDF, and the calendar; a meeting whose file has an
/// error keeps its last good page and agenda; with the index's link to each. The meeting
/// problems go in `problems.meetings`. An agenda PDF is rendered again only when its
/// meeting, the templates or the house changed.
pub(crate) fn pages(
    (papers, private): (
        &BTreeMap<PathBuf, Arc<PaperEntry>>,
        &BTreeMap<PathBuf, String>,
    ),
    files: meeting::MeetingFiles,
    renderer: Option<&Renderer>,
    project: &Project,
    old: &Site,
    problems: &mut Problems,
) -> MeetingPages {
    let reports: Vec<_> = papers
        .values()
        .map(|e| {
            let mut r = e.report.clone();
            r.meta = e.good_meta.clone();
            r
        })
        .collect();
    let (mut meetings, diags) =
        crate::pipeline::assemble_meetings(&files, &reports, &project.house, (true, private));
    keep_unreadable(&mut meetings, &files, old);
    problems.meetings = files.diagnostics.clone();
    problems.meetings.extend(diags);
    // Their texts, so the overlay can show the lines they point at.
    for f in &files.files {
        problems.sources.add(&f.file, f.text.as_str());
    }
    for r in &reports {
        let sidecar = r.source.display.with_extension("yaml");
        if problems
            .meetings
            .iter()
            .any(|d| d.file == r.source.display || d.file == sidecar)
        {
            problems.sources.extend(&r.sources);
        }
    }
    let Some(renderer) = renderer else {
        return MeetingPages {
            pages: old.meetings.clone(),
            files: old.meeting_files.clone(),
            agendas: old.agendas.clone(),
            links: Vec::new(),
            packs: old.packs.clone(),
            list: old.meeting_list.clone(),
        };
    };
    let house = &project.house;
    let links = meetings
        .iter()
        .map(|m| {
            MeetingLink::new(
                m,
                house,
                crate::render::link(&crate::output::href(&m.out_dir().join(meeting::PAGE_FILE))),
            )
        })
        .collect();
    let built = paper_files(&reports);
    // Same templates and house as last time: an unchanged meeting keeps its agenda PDF.
    let same_setup = old
        .renderer
        .as_deref()
        .is_some_and(|r| std::ptr::eq(r, renderer))
        && std::ptr::eq(&*old.project, project);
    let mut out = MeetingPages::default();
    for m in &meetings {
        let dir = m.out_dir();
        let rel = crate::output::href(&dir.join(meeting::PAGE_FILE));
        let agenda_rel = crate::output::href(&dir.join(meeting::AGENDA_FILE));
        let previous = old.meetings.get(&rel).cloned().unwrap_or_default();
        let draft = m.is_draft(true);
        let kept = old
            .agendas
            .get(&agenda_rel)
            .filter(|a| same_setup && *a == m);
        let agenda = match (m.failed, kept, old.meeting_files.get(&agenda_rel)) {
            (true, _, old_pdf) => old_pdf.cloned().map(Ok),
            (false, Some(_), Some(old_pdf)) => Some(Ok(old_pdf.clone())),
            (false, _, _) => Some(renderer.render_agenda_pdf(m, house, draft).map(Arc::from)),
        };
        let mut notes = Vec::new();
        let agenda_file = match agenda {
            Some(Ok(bytes)) => {
                let described = OutputFile::describe(std::path::Path::new(&agenda_rel), &bytes);
                out.files.insert(agenda_rel.clone(), bytes);
                out.agendas.insert(agenda_rel.clone(), m.clone());
                Some(BuiltFile {
                    path: described.path,
                    size: described.size,
                    pages: described.pages,
                })
            }
            Some(Err(d)) => {
                notes.push(d);
                None
            }
            None => None,
        };
        let page = if m.failed {
            previous
        } else {
            // The packs are made on request, so their links say only their type.
            let packs: Vec<(&str, String, Option<BuiltFile>)> = PackKind::linked(m)
                .map(|k| k.link(&house.words, None))
                .collect();
            match renderer.render_meeting(m, &built, agenda_file.as_ref(), &packs, house, draft) {
                Ok(html) if notes.is_empty() => Page {
                    good: Some(html.into_bytes().into()),
                    notes: Notes::default(),
                },
                Ok(_) => Page {
                    good: previous.good,
                    notes: Notes::new(&notes, renderer.sources()),
                },
                Err(d) => Page {
                    good: previous.good,
                    notes: Notes::new(&[d], renderer.sources()),
                },
            }
        };
        out.pages.insert(rel, page);
    }
    match crate::render::ics::calendar(&meetings, house, true, "") {
        Ok(ics) => {
            out.files
                .insert(CALENDAR.to_string(), ics.into_bytes().into());
        }
        Err(d) => problems.meetings.push(d),
    }
    out.links = links;
    for m in meetings.iter().filter(|m| !m.failed) {
        let m = Arc::new(m.clone());
        for kind in PackKind::ALL.into_iter().filter(|k| k.wanted(&m)) {
            let rel = crate::output::href(&crate::output::packs::pack_path(&m, kind));
            out.packs.insert(rel, (m.clone(), kind));
        }
    }
    out.list = meetings;
    out
}

/// A meeting whose file YAML cannot read at all (its committee and date unknown) keeps the
/// meeting that file last gave, as failed: its page stays, its last good version with the
/// file's errors on it, rather than going (a reader's open page turned to "Not found").
fn keep_unreadable(
    meetings: &mut Vec<meeting::Meeting>,
    files: &meeting::MeetingFiles,
    old: &Site,
) {
    let unread = files
        .files
        .iter()
        .filter(|f| f.has_errors && (f.committee.is_none() || f.date.is_none()));
    for f in unread {
        let last = old
            .meeting_list
            .iter()
            .find(|m| m.file.as_deref() == Some(f.file.as_path()));
        let Some(last) = last else { continue };
        if meetings.iter().all(|m| m.out_dir() != last.out_dir()) {
            meetings.push(meeting::Meeting {
                failed: true,
                ..last.clone()
            });
        }
    }
    meetings.sort_by(meeting::order::committee_then_newest);
}

/// Each pack's meeting and kind, by path relative to the output folder.
pub(crate) type Packs = BTreeMap<String, (Arc<meeting::Meeting>, PackKind)>;

/// The papers taken in private, those a broken meeting file or a missing item withholds,
/// by the meeting files as they are now (cheap: YAML only; `sources`' own metadata only
/// while a file is broken, else only of the papers no file lists), and those the last
/// build took in private that no file lists now (as `clerk build` keeps them: a preview
/// written with `--write` must not publish them); with the warnings that say so.
pub(crate) fn private_papers(
    project: &Project,
    files: &meeting::MeetingFiles,
    sources: &[PaperSource],
) -> (BTreeMap<PathBuf, String>, Vec<Diagnostic>) {
    let mut notes = Vec::new();
    let mut private = files.withheld_papers(|| sources.to_vec(), &project.house, &mut notes);
    let mut record = Record::read_private(&project.out_dir);
    // A paper the last build did not know may be one it took in private, renamed or
    // copied: which papers it knew, the public manifest says (read only when it took one in
    // private: an archive's is big).
    let last: &dyn meeting::LastBuild = &record;
    if !last.private_papers().is_empty() {
        record = Record::read(&project.out_dir);
    }
    let last = (&record as &dyn meeting::LastBuild, &project.house);
    files.keep_taken_in_private(sources, last, &mut private, &mut notes);
    (private, notes)
}

//! Meetings' pages and agendas reused when what they show is unchanged: a key over the
//! run's inputs, the meeting (its agenda, as assembled) and the files of its papers the page
//! links (paths, sizes, page counts), remembered in the cache with each output's size and
//! modification time. Only meetings whose key changed, or whose outputs are not on disk as
//! written, are rendered again.

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::PaperReport;
use super::cache::{Cache, RunKey};
use super::record::Record;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::meetings::{MeetingFormats, MeetingOutputs, paper_files, write_meetings};
use super::write::OutputFile;
use super::write::slash_path;
use crate::diag::Diagnostic;
use crate::meeting::Meeting;
use crate::project::Project;
use crate::render::pdf::pack::PackKind;
use crate::render::{PaperFiles, Renderer};

/// What a meeting's outputs depend on, hashed: with its packs, the very bytes of its
/// papers' outputs (private ones too), not only their sizes and page counts; and the PDFs
/// its page links as an earlier build left them (by size and modification time, and as
/// `record` lists them), when this run does not make them.
fn meeting_key(
    (run, out_dir, record): (&RunKey, &Path, &Record),
    meeting: &Meeting,
    files: &PaperFiles,
    outputs: &HashMap<PathBuf, &[OutputFile]>,
    formats: MeetingFormats,
) -> String {
    use std::fmt::Write as _;
    let mut h = Sha256::new();
    h.update(run.hash().as_bytes());
    h.update(format!("\0{}\0{}\0", formats.pdf, formats.packs).as_bytes());
    let dir = meeting.out_dir();
    let agenda = (!formats.pdf).then(|| dir.join(crate::meeting::AGENDA_FILE));
    let packs = PackKind::linked(meeting).filter(|_| !formats.packs);
    for rel in agenda
        .into_iter()
        .chain(packs.map(|k| dir.join(k.file_name())))
    {
        let stamp = std::fs::metadata(out_dir.join(&rel))
            .ok()
            .map(|m| (m.len(), m.modified().ok()));
        let listed = record.other(&slash_path(&rel)).map(|o| &o.sha256);
        h.update(format!("{}\0{stamp:?}\0{listed:?}\0", rel.display()).as_bytes());
    }
    h.update(serde_json::to_vec(meeting).unwrap_or_default());
    // One buffer for the whole meeting: an archive has thousands of meetings.
    let mut text = String::new();
    for source in meeting.items.iter().filter_map(|i| i.paper()) {
        let key = crate::meeting::file::normal(source);
        let built = files.get(&key);
        let _ = write!(text, "\0{}\0{built:?}", source.display());
        for o in outputs.get(&key).copied().unwrap_or_default() {
            let _ = write!(text, "\0{}\0{}", o.path, o.sha256);
        }
    }
    h.update(text.as_bytes());
    super::write::hex(&h.finalize())
}

/// [`write_meetings`] for the meetings whose key changed (all with `force`); the others
/// keep their outputs. Results in the meetings' order; the cache learns each built one.
#[allow(clippy::too_many_arguments)]
pub fn write_meetings_reusing(
    project: &Project,
    renderer: &Renderer,
    meetings: Vec<Meeting>,
    papers: &[PaperReport],
    (draft_default, formats, force): (bool, MeetingFormats, bool),
    (cache, run, record): (&mut Cache, &RunKey, &Record),
    diags: &mut Vec<Diagnostic>,
) -> Vec<MeetingOutputs> {
    let files = paper_files(papers);
    let outputs: HashMap<PathBuf, &[OutputFile]> = papers
        .iter()
        .map(|p| {
            (
                crate::meeting::file::normal(&p.source.rel),
                p.outputs.as_slice(),
            )
        })
        .collect();
    let dirs: std::collections::BTreeSet<String> =
        meetings.iter().map(|m| slash_path(&m.out_dir())).collect();
    cache.retain_meetings(&dirs);
    let mut results: Vec<Option<MeetingOutputs>> = Vec::with_capacity(meetings.len());
    let mut to_build = Vec::new();
    let mut keys = Vec::new();
    // An archive has thousands of meetings: their keys are hashed in parallel (but no
    // thread pool is started for one).
    let key = |meeting: &Meeting| {
        meeting_key(
            (run, &project.out_dir, record),
            meeting,
            &files,
            &outputs,
            formats,
        )
    };
    let meeting_keys: Vec<String> = if meetings.len() > 1 {
        meetings.par_iter().map(key).collect()
    } else {
        meetings.iter().map(key).collect()
    };
    for (meeting, key) in meetings.into_iter().zip(meeting_keys) {
        let dir = slash_path(&meeting.out_dir());
        let fresh = (!force && !meeting.failed)
            .then(|| cache.fresh_meeting(project, &dir, &key))
            .flatten();
        match fresh {
            Some(outputs) => results.push(Some(MeetingOutputs {
                meeting,
                outputs,
                built: true,
                removed: Vec::new(),
            })),
            None => {
                results.push(None);
                keys.push((dir, key));
                to_build.push(meeting);
            }
        }
    }
    let built = write_meetings(
        project,
        renderer,
        to_build,
        papers,
        (draft_default, formats),
        record,
        diags,
    );
    let mut built = built.into_iter().zip(keys);
    for slot in &mut results {
        if slot.is_none() {
            let (m, (dir, key)) = built.next().expect("one result per meeting built");
            if m.built {
                cache.remember_meeting(project, dir, key, &m.outputs);
            }
            *slot = Some(m);
        }
    }
    results.into_iter().flatten().collect()
}

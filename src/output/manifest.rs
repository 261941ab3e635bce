//! `out/manifest.json`: for archivists, per paper its source, metadata and each output's
//! path, size and SHA-256, then each meeting's outputs and the calendar; sorted, with no
//! timestamps, so a rebuild gives the same bytes. Papers taken in private appear there by
//! the title their agenda item shows and exempt ground only; their full entries go in
//! `out/private/manifest.json`, with the meetings' private packs.
//! Also the manifests' lifecycle in a run: withdrawn before anything is written, written
//! again last.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::meetings::PRIVATE_DIR;
use super::write::{self, OutputFile, slash_path};
use super::{BuildReport, PaperReport};
use crate::diag::Diagnostic;
use crate::meeting::file::normal;
use crate::project::{Project, walk};
use crate::render::pdf::pack::PackKind;

#[derive(Serialize)]
struct Manifest<'a> {
    generator: String,
    /// The project's files every output was made with (see `cache::house_inputs`).
    #[serde(skip_serializing_if = "<[Input]>::is_empty")]
    house: &'a [Input],
    index: Option<&'a OutputFile>,
    papers: Vec<Entry<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    private_papers: Vec<PrivateEntry<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    meetings: Vec<MeetingEntry<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    calendar: Option<&'a OutputFile>,
    /// Outputs of meetings this run no longer has, kept by a run with errors (see
    /// `BuildReport::kept`): listed so that the next run without errors removes them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    kept: Vec<&'a OutputFile>,
}

/// A file a paper was built from, as the manifest lists it: its path from the project's
/// folder and its SHA-256, so that an archive can show what each output was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Input {
    /// `papers/resources/x.md`.
    pub path: String,
    /// Its SHA-256, in hex.
    pub sha256: String,
}

/// Each paper's input files as its last build read them, by the paper's path relative to
/// the papers folder (`resources/x.md`): what the incremental cache records.
pub type Inputs = BTreeMap<String, Vec<Input>>;

/// A private paper as the public manifest shows it.
#[derive(Serialize)]
struct PrivateEntry<'a> {
    title: Option<&'a str>,
    /// The exempt ground of a paper taken in private.
    #[serde(skip_serializing_if = "str::is_empty")]
    exempt: &'a str,
    /// A paper withheld, not taken in private: its meeting file has an error, or its
    /// meeting's agenda does not list it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    withheld: bool,
}

#[derive(Serialize)]
struct MeetingEntry<'a> {
    committee: &'a str,
    date: String,
    file: Option<String>,
    /// The meeting file's SHA-256, as read when the manifest was written.
    #[serde(skip_serializing_if = "Option::is_none")]
    file_sha256: Option<&'a str>,
    status: &'static str,
    outputs: Vec<&'a OutputFile>,
}

/// Is `output` a meeting's private pack? It sits in the meeting's folder, where the
/// contract puts it, but it is listed in the private manifest only: a publisher who
/// uploads what `manifest.json` lists never uploads it.
pub fn is_private_pack(output: &OutputFile) -> bool {
    PackKind::of_path(&output.path) == Some(PackKind::Private)
}

/// What the outputs were made from, beside the papers' own files: the project's files
/// every output shares (see `cache::house_inputs`) and each meeting file's SHA-256 by its
/// path (`meetings/x.yaml`).
#[derive(Debug, Default)]
pub struct Shared {
    /// The house's files.
    pub house: Vec<Input>,
    /// The meeting files' hashes.
    pub meeting_files: BTreeMap<String, String>,
}

impl Shared {
    /// The `house` files (as the run's key hashed them), and each of `report`'s meeting
    /// files read now under the project's `root`.
    pub fn read(root: &Path, house: &[Input], report: &BuildReport) -> Shared {
        let meeting_files = report
            .meetings
            .iter()
            .filter_map(|m| m.meeting.file.as_deref())
            .filter_map(|file| {
                let bytes = std::fs::read(root.join(file)).ok()?;
                Some((slash_path(file), write::sha256_hex(&bytes)))
            })
            .collect();
        Shared {
            house: house.to_vec(),
            meeting_files,
        }
    }
}

/// The public manifest, and the private one when there are private papers or packs:
/// `inputs` are each paper's files, `shared` what else the outputs were made from.
pub fn manifests(
    report: &BuildReport,
    index: Option<&OutputFile>,
    (inputs, shared): (&Inputs, &Shared),
) -> (String, Option<String>) {
    let house = shared.house.as_slice();
    let is_private =
        |p: &PaperReport| crate::meeting::file::is_private(&report.private, &p.source.rel);
    let (private, public): (Vec<&PaperReport>, Vec<&PaperReport>) =
        report.papers.iter().partition(|p| is_private(p));
    // A private paper's title as its meeting's agenda gives it (a meeting file may give an
    // exempt item a neutral title in place of the paper's own); none when no agenda that
    // can be trusted lists it (a meeting file with an error).
    let agenda_titles: BTreeMap<PathBuf, &str> = report
        .meetings
        .iter()
        .filter(|m| !m.meeting.failed)
        .flat_map(|m| m.meeting.private_items())
        .filter_map(|i| Some((normal(i.paper()?), i.title.as_str())))
        .collect();
    let private_entries: Vec<PrivateEntry> = private
        .iter()
        .map(|p| {
            let exempt = report
                .private
                .get(&normal(&p.source.rel))
                .map_or("", String::as_str);
            PrivateEntry {
                title: agenda_titles.get(&normal(&p.source.rel)).copied(),
                exempt,
                withheld: exempt.is_empty(),
            }
        })
        .collect();
    // Each meeting's outputs, the private pack's apart.
    let meeting_entries = |private: bool| -> Vec<MeetingEntry> {
        report
            .meetings
            .iter()
            .map(|m| MeetingEntry {
                committee: &m.meeting.committee,
                date: m.meeting.date.to_string(),
                file: m.meeting.file.as_deref().map(slash_path),
                file_sha256: (m.meeting.file.as_deref())
                    .and_then(|f| shared.meeting_files.get(&slash_path(f)))
                    .map(String::as_str),
                status: if m.built { "ok" } else { "failed" },
                outputs: (m.outputs.iter())
                    .filter(|o| is_private_pack(o) == private)
                    .collect(),
            })
            .filter(|m| !private || !m.outputs.is_empty())
            .collect()
    };
    let meetings = meeting_entries(false);
    let private_packs = meeting_entries(true);
    let manifest = Manifest {
        generator: generator(),
        house,
        index,
        papers: entries(public, inputs),
        private_papers: private_entries,
        meetings,
        calendar: report.calendar.as_ref(),
        kept: report.kept.iter().filter(|o| !is_private_pack(o)).collect(),
    };
    let public_json = to_json(&manifest);
    let kept_private: Vec<&OutputFile> =
        report.kept.iter().filter(|o| is_private_pack(o)).collect();
    let private_json =
        (!private.is_empty() || !private_packs.is_empty() || !kept_private.is_empty()).then(|| {
            to_json(&Manifest {
                generator: generator(),
                house,
                index: None,
                papers: entries(private.iter().copied(), &Inputs::new())
                    .into_iter()
                    .zip(&private)
                    .map(|(e, p)| Entry {
                        exempt: report
                            .private
                            .get(&normal(&p.source.rel))
                            .map(String::as_str)
                            .filter(|ground| !ground.is_empty()),
                        ..e
                    })
                    .collect(),
                private_papers: Vec::new(),
                meetings: private_packs,
                calendar: None,
                kept: kept_private,
            })
        });
    (public_json, private_json)
}

#[derive(Serialize)]
struct Entry<'a> {
    source: String,
    status: &'static str,
    errors: usize,
    warnings: usize,
    title: Option<&'a str>,
    meeting: Option<&'a str>,
    date: Option<String>,
    agenda_item: Option<&'a str>,
    classification: Option<&'a str>,
    presented_by: Option<&'a str>,
    recommendation: Option<&'a str>,
    /// The paper's own `status:` as written (`draft`, `final`); none when it gives none
    /// (`clerk build` then publishes it as final, `clerk serve` as a draft).
    paper_status: Option<&'static str>,
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    keywords: &'a [String],
    /// The files it was built from (the paper, its sidecar, appendices and images).
    #[serde(skip_serializing_if = "Option::is_none")]
    inputs: Option<&'a [Input]>,
    /// In the private manifest, the exempt ground of a paper taken in private: what tells
    /// the next build that a meeting file, not a slip, made it private (see
    /// `MeetingFiles::keep_taken_in_private`).
    #[serde(skip_serializing_if = "Option::is_none")]
    exempt: Option<&'a str>,
    outputs: &'a [OutputFile],
}

fn generator() -> String {
    format!("clerk {}", env!("CARGO_PKG_VERSION"))
}

fn to_json(manifest: &Manifest) -> String {
    let mut json = serde_json::to_string_pretty(manifest).unwrap_or_default();
    json.push('\n');
    json
}

fn entries<'a>(
    papers: impl IntoIterator<Item = &'a PaperReport>,
    inputs: &'a Inputs,
) -> Vec<Entry<'a>> {
    papers
        .into_iter()
        .map(|p| {
            // A failed paper's outputs, kept from its last good build, are described by the
            // metadata they were built from, as the index describes them.
            let m = match p.errors() {
                0 => p.meta.as_ref(),
                _ => p.last_good.as_ref().or(p.meta.as_ref()),
            };
            Entry {
                source: slash_path(&p.source.display),
                status: if p.errors() > 0 {
                    "failed"
                } else if p.warnings() > 0 {
                    "warnings"
                } else {
                    "ok"
                },
                errors: p.errors(),
                warnings: p.warnings(),
                title: m.map(|m| m.title.as_str()),
                meeting: m.map(|m| m.meeting.as_str()),
                date: m.map(|m| m.date.to_string()),
                agenda_item: m.and_then(|m| m.agenda_item.as_deref()),
                classification: m.and_then(|m| m.classification.as_deref()),
                presented_by: m.map(|m| m.presented_by.as_str()),
                recommendation: m.map(|m| m.recommendation.as_str()),
                paper_status: m.and_then(|m| m.status).map(|s| s.as_str()),
                language: m.map(|m| m.language.as_str()),
                keywords: m.map_or(&[], |m| m.keywords.as_slice()),
                inputs: inputs.get(&slash_path(&p.source.rel)).map(Vec::as_slice),
                exempt: None,
                outputs: &p.outputs,
            }
        })
        .collect()
}

/// The manifest's name in the output folder.
pub const MANIFEST: &str = "manifest.json";

/// Where a withdrawn manifest waits (beside it, a dot file) until the next is written.
pub const PREVIOUS_MANIFEST: &str = ".clerk-manifest-previous.json";

/// The public and private manifests' places in the output folder, with where each waits
/// while withdrawn.
fn manifest_places(out_dir: &Path) -> [(PathBuf, PathBuf); 2] {
    let private = out_dir.join(PRIVATE_DIR);
    [
        (out_dir.join(MANIFEST), out_dir.join(PREVIOUS_MANIFEST)),
        (private.join(MANIFEST), private.join(PREVIOUS_MANIFEST)),
    ]
}

/// Withdraws the manifest before a run writes anything, so that it is never untrue: an
/// archivist trusts its hashes, and a run killed or failing halfway has changed files it
/// lists. It is renamed to [`PREVIOUS_MANIFEST`], not removed, so that after a killed run
/// the next still knows what earlier builds wrote (and can remove what is gone). A manifest
/// present is always newer than a withdrawn copy waiting there (it is written last, and each
/// copy is dropped once its manifest is written again), so it replaces that copy; with no
/// manifest (the run before was killed) the copy is kept.
/// [`publish_manifests`] writes them again last, once everything they list is in place.
pub fn withdraw_manifest(project: &Project) -> Result<(), Diagnostic> {
    for (path, previous) in manifest_places(&project.out_dir) {
        match std::fs::rename(&path, &previous) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Diagnostic::file_error(
                    "write-failed",
                    &walk::relative(&project.root, &path),
                    format!("cannot remove the old manifest before writing outputs ({e})"),
                )
                .with_help(
                    "clerk must be able to change the output folder; check its permissions",
                ));
            }
        }
    }
    Ok(())
}

/// Was the last run that wrote into `out_dir` cut short (its manifest still withdrawn), or
/// is there no manifest at all? Only then can temporary files of a killed build be there.
pub fn last_run_unfinished(out_dir: &Path) -> bool {
    manifest_places(out_dir)
        .iter()
        .any(|(_, previous)| previous.exists())
        || !out_dir.join(MANIFEST).exists()
}

/// Writes each manifest (the public one, then the private one if there are private
/// outputs) and drops its withdrawn copy once it is written; a manifest that cannot be
/// written is reported and its copy kept, so the next run still knows what was there. With
/// no private manifest, its copy goes with the public one's (the run left nothing private).
pub fn publish_manifests(
    project: &Project,
    public: String,
    private: Option<String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let [public_place, private_place] = manifest_places(&project.out_dir);
    let public_written = publish(project, &public_place, &public, diagnostics);
    match private {
        Some(json) => {
            publish(project, &private_place, &json, diagnostics);
        }
        None if public_written => {
            let _ = std::fs::remove_file(&private_place.1);
        }
        None => {}
    }
}

/// Writes one manifest at `path` and drops its withdrawn copy `previous`; false if it
/// could not be written (reported in `diagnostics`).
fn publish(
    project: &Project,
    (path, previous): &(PathBuf, PathBuf),
    json: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    match put_manifest(path, json.as_bytes()) {
        Ok(()) => {
            let _ = std::fs::remove_file(previous);
            true
        }
        Err(e) => {
            diagnostics.push(Diagnostic::file_error(
                "write-failed",
                &walk::relative(&project.root, path),
                format!("cannot write the manifest ({e})"),
            ));
            false
        }
    }
}

/// Puts the manifest `json` at `path`: the one withdrawn at the start of the run moved back
/// when it has the very same bytes (a rebuild with nothing changed writes nothing; an
/// archive's manifest is megabytes), else `json` written.
fn put_manifest(path: &Path, json: &[u8]) -> std::io::Result<()> {
    let previous = path.with_file_name(PREVIOUS_MANIFEST);
    let same = std::fs::metadata(&previous).is_ok_and(|m| m.len() == json.len() as u64)
        && std::fs::read(&previous).is_ok_and(|old| old == json);
    if same && std::fs::rename(&previous, path).is_ok() {
        return Ok(());
    }
    write::write_atomic_with(path, |w| w.write_all(json))
}

//! The incremental build's memory, `out/.clerk-cache`: per paper, a key over every
//! input its outputs depend on (the paper and its sidecar, its appendix files and images,
//! and the run's own inputs: clerk.yaml, the project's templates, the logo, the fonts,
//! `SOURCE_DATE_EPOCH`, the formats and clerk itself), the files it read, its checked
//! metadata, and each output's size and modification time as written. A paper whose key is
//! unchanged and whose outputs are still on disk as written is not read, checked, laid out
//! or rendered again. Only papers that built with no diagnostic at all are remembered, so
//! a warning is never lost by skipping its paper. Papers taken in private are never
//! remembered (the cache sits in the public output folder): they are always built.
//!
//! The file is binary, read and written whole every run, so it must be quick to parse: a
//! text header (the format's version and the clerk that wrote it), the SHA-256 of the rest,
//! then the rest in `postcard` (serde's compact, length-prefixed encoding). A file that is
//! truncated, corrupt, of another format or another clerk's counts as no cache at all: every
//! paper is built again, which is never wrong.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

mod deps;
mod key;

pub use deps::{Dep, doc_deps, kept_pdf_dep, source_deps};
#[cfg(test)]
use deps::{dep_as_built, hash_dep, recheck};
use deps::{moved, mtime_ns};
use key::paper_key;
pub use key::{RunKey, identity};

use super::write::{OutputFile, slash_path, write_atomic_with};
use crate::paper::PaperMeta;
use crate::project::{PaperSource, Project};
use crate::render::OutputFormat;

/// The cache's name in the output folder (a dot file: clerk's, not for publishing).
pub const CACHE_FILE: &str = ".clerk-cache";

/// Where clerk before the binary cache kept it (removed when the new one is written).
const OLD_CACHE_FILE: &str = ".clerk-cache.json";

/// The first line of the cache file: its format. The second is the clerk that wrote it.
const MAGIC: &[u8] = b"clerk-cache 2\n";

/// What the last builds remembered, by paper (path relative to the papers folder).
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Cache {
    /// Per paper.
    papers: BTreeMap<String, Entry>,
    /// Per meeting (its folder): the key over what its page and agenda show, and them.
    #[serde(default)]
    meetings: BTreeMap<String, (String, Vec<Stamped>)>,
    /// The index: the key over what it shows, and it as written.
    #[serde(default)]
    index: Option<(String, Stamped)>,
    /// Something changed since it was read, so it must be written.
    #[serde(skip)]
    dirty: bool,
}

/// One paper as its last clean build left it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// The key over every input, as it was when the outputs were written.
    key: String,
    /// The paper's own input files, hashed and stamped.
    deps: Vec<Dep>,
    /// Its checked metadata.
    pub meta: PaperMeta,
    /// Its outputs, as written.
    outputs: Vec<Stamped>,
    /// It built with no diagnostic at all (only then may it be skipped).
    clean: bool,
}

/// An output with the size and modification time it had once written. (Its fields, not an
/// [`OutputFile`]: the manifest's form leaves out absent page counts, which a compact
/// encoding without field names cannot.)
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stamped {
    path: String,
    size: u64,
    sha256: String,
    pages: Option<u32>,
    mtime_ns: u64,
}

impl Stamped {
    fn file(&self) -> OutputFile {
        OutputFile {
            path: self.path.clone(),
            size: self.size,
            sha256: self.sha256.clone(),
            pages: self.pages,
        }
    }
}

impl Cache {
    /// The cache in `out_dir`; an empty one when there is none, it cannot be read, or
    /// another clerk wrote it.
    pub fn read(out_dir: &Path) -> Cache {
        std::fs::read(out_dir.join(CACHE_FILE))
            .ok()
            .and_then(|bytes| Cache::decode(&bytes, &identity()))
            .unwrap_or_default()
    }

    /// The cache in `bytes` when they are whole and `clerk` wrote them.
    fn decode(bytes: &[u8], clerk: &str) -> Option<Cache> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let rest = rest.strip_prefix(clerk.as_bytes())?.strip_prefix(b"\n")?;
        let (digest, body) = rest.split_at_checked(32)?;
        if Sha256::digest(body).as_slice() != digest {
            return None;
        }
        match postcard::take_from_bytes::<Cache>(body) {
            Ok((cache, [])) => Some(cache),
            _ => None,
        }
    }

    /// The cache's file as `clerk` writes it.
    fn encode(&self, clerk: &str) -> Vec<u8> {
        let body = postcard::to_stdvec(self).unwrap_or_default();
        let mut bytes = Vec::with_capacity(MAGIC.len() + clerk.len() + 33 + body.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(clerk.as_bytes());
        bytes.push(b'\n');
        bytes.extend_from_slice(&Sha256::digest(&body));
        bytes.extend_from_slice(&body);
        bytes
    }

    /// The remembered entry of a paper, whatever its state.
    pub fn entry(&self, source: &PaperSource) -> Option<&Entry> {
        self.papers.get(&slash_path(&source.rel))
    }

    /// The paper's metadata and outputs when nothing it depends on changed and every output
    /// of `formats` is on disk as written; `None` when it must be built. Its input files
    /// are read only when their stamps changed; if so, and their bytes did not, the fresh
    /// stamps come back for [`Cache::restamp`].
    pub fn fresh(
        &self,
        project: &Project,
        run: &RunKey,
        source: &PaperSource,
        formats: &[OutputFormat],
    ) -> Option<Fresh> {
        let rel = slash_path(&source.rel);
        let entry = self.papers.get(&rel).filter(|e| e.clean)?;
        // Copied only when a stamp moved: in an archive almost none has.
        let mut current: Option<Vec<Dep>> = None;
        for (i, dep) in entry.deps.iter().enumerate() {
            if let Some(now) = moved(&project.root, dep) {
                current.get_or_insert_with(|| entry.deps.clone())[i] = now;
            }
        }
        let deps = current.as_deref().unwrap_or(&entry.deps);
        if paper_key(run, &rel, deps) != entry.key {
            return None;
        }
        let mut outputs = Vec::new();
        for format in formats {
            let want = slash_path(&super::output_path(&source.rel, *format));
            let o = entry.outputs.iter().find(|o| o.path == want)?;
            if !stamped_on_disk(project, o) {
                return None;
            }
            outputs.push(o.file());
        }
        Some(Fresh {
            meta: entry.meta.clone(),
            outputs,
            restamped: current.filter(|c| *c != entry.deps),
        })
    }

    /// Takes the fresh stamps of a paper's unchanged input files (from [`Cache::fresh`]).
    pub fn restamp(&mut self, source: &PaperSource, deps: Vec<Dep>) {
        if let Some(entry) = self.papers.get_mut(&slash_path(&source.rel)) {
            entry.deps = deps;
            self.dirty = true;
        }
    }

    /// The index as written when its key is unchanged and it is on disk as written.
    pub fn fresh_index(&self, project: &Project, key: &str) -> Option<OutputFile> {
        let (recorded, o) = self.index.as_ref()?;
        (recorded == key && stamped_on_disk(project, o)).then(|| o.file())
    }

    /// Remembers the index as just written, under its key.
    pub fn remember_index(&mut self, project: &Project, key: String, index: &OutputFile) {
        self.index = stamp(project, vec![index.clone()]).pop().map(|o| (key, o));
        self.dirty = true;
    }

    /// Each paper's input files with their SHA-256, as it was last built, for the manifest.
    pub fn inputs(&self) -> super::manifest::Inputs {
        self.papers
            .iter()
            .map(|(rel, e)| {
                let files = e
                    .deps
                    .iter()
                    .filter_map(|d| {
                        Some(super::manifest::Input {
                            path: d.path.clone(),
                            sha256: d.hash.clone()?,
                        })
                    })
                    .collect();
                (rel.clone(), files)
            })
            .collect()
    }

    /// Remembers a paper that built, as [`prepare`] made it ready.
    pub fn remember(&mut self, prepared: Prepared) {
        self.papers.insert(prepared.rel, prepared.entry);
        self.dirty = true;
    }

    /// A meeting's outputs when its key is unchanged and each is on disk as written.
    pub fn fresh_meeting(
        &self,
        project: &Project,
        dir: &str,
        key: &str,
    ) -> Option<Vec<OutputFile>> {
        let (recorded, outputs) = self.meetings.get(dir)?;
        if recorded != key || outputs.is_empty() {
            return None;
        }
        outputs
            .iter()
            .map(|o| stamped_on_disk(project, o).then(|| o.file()))
            .collect()
    }

    /// Remembers a meeting's outputs as just written, under its key.
    pub fn remember_meeting(
        &mut self,
        project: &Project,
        dir: String,
        key: String,
        outputs: &[OutputFile],
    ) {
        self.meetings
            .insert(dir, (key, stamp(project, outputs.to_vec())));
        self.dirty = true;
    }

    /// Forgets every meeting whose folder is not in `dirs`.
    pub fn retain_meetings(&mut self, dirs: &std::collections::BTreeSet<String>) {
        let before = self.meetings.len();
        self.meetings.retain(|dir, _| dirs.contains(dir));
        self.dirty |= self.meetings.len() != before;
    }

    /// Forgets a paper (one now taken in private).
    pub fn forget(&mut self, source: &PaperSource) {
        self.dirty |= self.papers.remove(&slash_path(&source.rel)).is_some();
    }

    /// Forgets every paper not in `keep` (papers gone from the project).
    pub fn retain(&mut self, keep: &[PaperSource]) {
        let keep: std::collections::BTreeSet<String> =
            keep.iter().map(|s| slash_path(&s.rel)).collect();
        let before = self.papers.len();
        self.papers.retain(|rel, _| keep.contains(rel));
        self.dirty |= self.papers.len() != before;
    }

    /// Writes the cache (as this clerk's) into `out_dir`, unless nothing changed since it
    /// was read; removes the text cache an older clerk kept.
    pub fn write(&self, out_dir: &Path) -> std::io::Result<()> {
        if !self.dirty {
            return Ok(());
        }
        let _ = std::fs::remove_file(out_dir.join(OLD_CACHE_FILE));
        let bytes = self.encode(&identity());
        write_atomic_with(&out_dir.join(CACHE_FILE), |w| w.write_all(&bytes))
    }
}

/// Is the output still on disk with the size and modification time it was written with?
fn stamped_on_disk(project: &Project, o: &Stamped) -> bool {
    std::fs::metadata(project.out_dir.join(&o.path))
        .is_ok_and(|m| m.is_file() && m.len() == o.size && mtime_ns(&m) == o.mtime_ns)
}

/// Outputs with their size and modification time now.
fn stamp(project: &Project, outputs: Vec<OutputFile>) -> Vec<Stamped> {
    outputs
        .into_iter()
        .filter_map(|file| {
            let m = std::fs::metadata(project.out_dir.join(&file.path)).ok()?;
            Some(Stamped {
                mtime_ns: mtime_ns(&m),
                path: file.path,
                size: file.size,
                sha256: file.sha256,
                pages: file.pages,
            })
        })
        .collect()
}

/// A paper that built, made ready for [`Cache::remember`] on the thread that built it.
#[derive(Debug)]
pub struct Prepared {
    rel: String,
    entry: Entry,
}

/// Makes ready what the cache remembers of a paper that built: its own files as hashed
/// before it was read (see [`source_deps`]) and the others it read, its outputs as just
/// written (stamped now, on the thread that wrote them, not one by one after the run).
pub fn prepare(project: &Project, run: &RunKey, source: &PaperSource, built: Built) -> Prepared {
    let rel = slash_path(&source.rel);
    let outputs = stamp(project, built.outputs);
    let key = paper_key(run, &rel, &built.deps);
    let entry = Entry {
        key,
        deps: built.deps,
        meta: built.meta,
        outputs,
        clean: built.clean,
    };
    Prepared { rel, entry }
}

/// A paper found up to date by [`Cache::fresh`].
#[derive(Debug)]
pub struct Fresh {
    /// Its checked metadata.
    pub meta: PaperMeta,
    /// Its outputs of the formats asked for.
    pub outputs: Vec<OutputFile>,
    /// Its input files' fresh stamps, when they moved but the bytes did not.
    pub restamped: Option<Vec<Dep>>,
}

/// What a clean build of a paper leaves to remember.
#[derive(Debug, Clone)]
pub struct Built {
    /// Its files, hashed and stamped.
    pub deps: Vec<Dep>,
    /// Its checked metadata.
    pub meta: PaperMeta,
    /// Its outputs as written.
    pub outputs: Vec<OutputFile>,
    /// It had no diagnostic at all, and links no other paper: what it shows depends on its
    /// own inputs alone.
    pub clean: bool,
}

#[cfg(test)]
mod tests;

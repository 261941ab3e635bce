//! The keys of the incremental build: the run's (every input its papers share, hashed
//! once) and each paper's (the run's, where its outputs go, and its own files' hashes).

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::deps::{Dep, mtime_ns, rel_to_root};
use crate::output::manifest::Input;
use crate::output::write::hex;
use crate::project::Project;
use crate::render::OutputFormat;

/// The inputs every paper of a run shares, hashed once per run.
#[derive(Debug, Clone)]
pub struct RunKey {
    hash: String,
    /// The house's own files among them, each with its SHA-256, for the manifest.
    house: Vec<Input>,
}

impl RunKey {
    /// The hash, for keys built on it.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// The project's files that shape every output (see [`house_inputs`]), as hashed.
    pub fn house(&self) -> &[Input] {
        &self.house
    }

    /// Hashes clerk's identity, `SOURCE_DATE_EPOCH`, the formats and the draft default, and
    /// the house's files ([`house_inputs`]).
    pub fn new(project: &Project, formats: &[OutputFormat], draft_by_default: bool) -> RunKey {
        let mut h = Sha256::new();
        let mut add = |label: &str, bytes: &[u8]| {
            h.update((label.len() as u64).to_le_bytes());
            h.update(label.as_bytes());
            h.update((bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        };
        add("clerk", identity().as_bytes());
        add(
            "formats",
            format!("{formats:?} {draft_by_default}").as_bytes(),
        );
        let env = std::env::var("SOURCE_DATE_EPOCH").unwrap_or_default();
        add("SOURCE_DATE_EPOCH", env.as_bytes());
        let house = house_inputs(project);
        for input in &house {
            add(&input.path, input.sha256.as_bytes());
        }
        RunKey {
            hash: hex(&h.finalize()),
            house,
        }
    }
}

/// The project's files every output is made with, each that exists with its SHA-256, in
/// this order: `clerk.yaml`, every file of the templates folder (by path), the logo and the
/// house fonts as `clerk.yaml` names them. Named from the project's folder as a paper's
/// inputs are (through `..` for one outside it). None of them: clerk's built-in house
/// style, templates and fonts, which its version names.
pub fn house_inputs(project: &Project) -> Vec<Input> {
    let mut files: Vec<PathBuf> = vec![PathBuf::from(crate::config::HOUSE_FILE)];
    let templates = project.root.join(crate::render::TEMPLATES_DIR);
    let mut in_templates: Vec<PathBuf> = walkdir::WalkDir::new(&templates)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            e.path()
                .strip_prefix(&project.root)
                .ok()
                .map(Path::to_path_buf)
        })
        .collect();
    in_templates.sort();
    files.extend(in_templates);
    let house = &project.house;
    files.extend(house.organisation.logo.iter().cloned());
    let f = &house.pdf.fonts;
    for font in [&f.regular, &f.bold, &f.italic, &f.bold_italic, &f.mono] {
        files.extend(font.iter().cloned());
    }
    files.extend(f.fallback.iter().cloned());
    let mut inputs: Vec<Input> = Vec::with_capacity(files.len());
    for rel in files {
        let path = project.root.join(&rel);
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let path = rel_to_root(project, &path);
        // A font named for two faces is one file, listed once.
        if inputs.iter().all(|i| i.path != path) {
            inputs.push(Input {
                path,
                sha256: hex(&Sha256::digest(&bytes)),
            });
        }
    }
    inputs
}

/// clerk's version, and the size and time of the program itself, so that a rebuilt clerk
/// (whose embedded templates, fonts or layout may differ) never trusts an old cache.
pub fn identity() -> String {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| format!("{} {}", m.len(), mtime_ns(&m)))
        .unwrap_or_default();
    format!("clerk {} {exe}", env!("CARGO_PKG_VERSION"))
}

/// The key of a public paper: the run's key, where its outputs go, and its own files'
/// hashes. (Private papers are never remembered, so always built.)
pub(super) fn paper_key(run: &RunKey, rel: &str, deps: &[Dep]) -> String {
    let mut h = Sha256::new();
    h.update(run.hash.as_bytes());
    for part in [&b"\0"[..], rel.as_bytes(), b"\0"] {
        h.update(part);
    }
    for dep in deps {
        let hash = dep.hash.as_deref().unwrap_or("-");
        for part in [dep.path.as_bytes(), b"\0", hash.as_bytes(), b"\0"] {
            h.update(part);
        }
    }
    hex(&h.finalize())
}

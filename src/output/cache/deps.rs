//! A paper's input files as the cache records them: each one's hash and a stamp of its
//! metadata, so that an unchanged file is not read again, and the files a paper was found
//! to read (its appendices and images) recorded as they were when it was built.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::super::write::{hex, slash_path};
use crate::document::Document;
use crate::project::{PaperSource, Project};

/// One input file of a paper: its path (relative to the project root), its SHA-256
/// (`None`: the file was absent, as a sidecar may be), and a stamp of its size, times and
/// inode as they were before it was hashed (0: not to be trusted, see [`file_stamp`]).
/// While the stamp still matches, the recorded hash is taken without reading the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dep {
    #[serde(rename = "p")]
    pub(super) path: String,
    #[serde(rename = "h")]
    pub(super) hash: Option<String>,
    #[serde(rename = "s", default)]
    pub(super) stamp: u64,
}

pub(super) fn mtime_ns(m: &std::fs::Metadata) -> u64 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64)
}

/// A stamp of a file's metadata: its size, modification time and (on Unix) inode and
/// change time, which no tool sets back. 0 when the file is absent or was changed within
/// the last two seconds: a file can change again within the clock's granularity without
/// its times moving, so a stamp so recent is not trusted (as git does with its index).
pub(super) fn file_stamp(path: &Path) -> u64 {
    let Ok(m) = std::fs::metadata(path) else {
        return 0;
    };
    let modified = mtime_ns(&m);
    let now = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    if modified == 0 || now.saturating_sub(modified) < 2_000_000_000 {
        return 0;
    }
    let mut parts = vec![m.len(), modified];
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        parts.extend([m.ino(), m.dev(), m.ctime() as u64, m.ctime_nsec() as u64]);
    }
    // splitmix64 over the parts; never 0, which means "not trusted".
    let stamp = parts.iter().fold(0x9e37_79b9_7f4a_7c15_u64, |h, &v| {
        let mut z = (h ^ v).wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    });
    stamp.max(1)
}

/// The file at `path` (shown as `rel`) stamped, then hashed: a change after the stamp
/// gives another stamp next time, so it is hashed again then.
pub(super) fn hash_dep(path: &Path, rel: String) -> Dep {
    let stamp = file_stamp(path);
    let hash = std::fs::read(path).ok().map(|b| hex(&Sha256::digest(&b)));
    Dep {
        path: rel,
        stamp: if hash.is_some() { stamp } else { 0 },
        hash,
    }
}

/// `dep` as the file under `root` is now: the recorded hash while its stamp matches, else
/// hashed again.
#[cfg(test)]
pub(super) fn recheck(root: &Path, dep: &Dep) -> Dep {
    moved(root, dep).unwrap_or_else(|| dep.clone())
}

/// `None` while `dep`'s stamp matches the file under `root` (or it is still absent), so its
/// recorded hash holds; else the file hashed again.
pub(super) fn moved(root: &Path, dep: &Dep) -> Option<Dep> {
    let path = root.join(&dep.path);
    let unchanged = if dep.hash.is_none() {
        std::fs::symlink_metadata(&path).is_err()
    } else {
        dep.stamp != 0 && file_stamp(&path) == dep.stamp
    };
    (!unchanged).then(|| hash_dep(&path, dep.path.clone()))
}

/// The paper's PDF at `rel` (under the output folder) as an earlier build left it, for a run
/// that makes no PDF: the page links the PDF's appendices only while it is there.
pub fn kept_pdf_dep(project: &Project, rel: &Path) -> Dep {
    let path = project.out_dir.join(rel);
    let shown = rel_to_root(project, &path);
    hash_dep(&path, shown)
}

/// The paper's own files and their hashes, taken before it is read: the `.md` and its
/// sidecar (absent or not).
pub fn source_deps(project: &Project, source: &PaperSource) -> Vec<Dep> {
    [source.path.clone(), source.sidecar()]
        .iter()
        .map(|p| hash_dep(p, rel_to_root(project, p)))
        .collect()
}

/// The files a compiled paper read besides its own: each appendix file and each image.
pub fn doc_deps(
    project: &Project,
    source: &PaperSource,
    doc: &Document,
    read_from: std::time::SystemTime,
) -> Vec<Dep> {
    let dir = source.path.parent().unwrap_or(Path::new(""));
    let mut paths: Vec<PathBuf> = doc
        .meta
        .appendices
        .iter()
        .filter_map(|a| a.file.as_ref().map(|f| dir.join(f)))
        .collect();
    // Images can stand anywhere in the document (paragraphs, lists, tables, appendices).
    paths.extend(doc.images().into_iter().map(|image| image.path.clone()));
    let mut rels: Vec<(String, &PathBuf)> =
        paths.iter().map(|p| (rel_to_root(project, p), p)).collect();
    rels.sort();
    rels.dedup_by(|a, b| a.0 == b.0);
    // These files are found only once the paper is read, so they are hashed after it was
    // built: one changed since it was read may not be what the outputs show.
    let since = read_from
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    rels.into_iter()
        .map(|(rel, p)| dep_as_built(p, rel, since))
        .collect()
}

/// The file at `path` hashed, or recorded as changed (so its paper is built again next
/// time) when it changed at or after `since` (nanoseconds since the epoch), when its paper
/// was read.
pub(super) fn dep_as_built(path: &Path, rel: String, since: u64) -> Dep {
    let dep = hash_dep(path, rel);
    if dep.hash.is_some() && changed_at(path) >= since {
        return Dep {
            hash: Some(CHANGED_WHILE_BUILT.to_string()),
            stamp: 0,
            ..dep
        };
    }
    dep
}

/// The hash recorded for an input that changed while its paper was built: it matches no
/// file's hash, so the paper is built again next time.
pub(super) const CHANGED_WHILE_BUILT: &str = "changed while the paper was built";

/// When the file at `path` last changed, in nanoseconds since the epoch: the later of its
/// modification and (on Unix) status change times, as a tool may set the first back.
pub(super) fn changed_at(path: &Path) -> u64 {
    let Ok(m) = std::fs::metadata(path) else {
        return u64::MAX;
    };
    let modified = mtime_ns(&m);
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let ctime = (m.ctime().max(0) as u64)
            .saturating_mul(1_000_000_000)
            .saturating_add(m.ctime_nsec().max(0) as u64);
        modified.max(ctime)
    }
    #[cfg(not(unix))]
    modified
}

/// `path` as the manifest and the cache name an input: relative to the project root, up
/// through `..` when it is outside it (`--papers` or `--out` elsewhere), so that the same
/// project gives the same names wherever it stands; absolute only when the two share no
/// folder at all (another drive).
pub(super) fn rel_to_root(project: &Project, path: &Path) -> String {
    let root = &project.root;
    match path.strip_prefix(root) {
        Ok(inside) => slash_path(inside),
        Err(_) => slash_path(&up_to(root, path).unwrap_or_else(|| path.to_path_buf())),
    }
}

/// `path` from `root` through `..` (both absolute), when they share their first folder.
fn up_to(root: &Path, path: &Path) -> Option<PathBuf> {
    let (r, p): (Vec<_>, Vec<_>) = (root.components().collect(), path.components().collect());
    let shared = r.iter().zip(&p).take_while(|(a, b)| a == b).count();
    // Both from the root (and drive): more than the root alone shared, or a root of its own.
    let from_root = r
        .first()
        .is_some_and(|c| matches!(c, std::path::Component::RootDir));
    if shared == 0 || !from_root && shared < 2 {
        return None;
    }
    let mut out: PathBuf = r[shared..].iter().map(|_| "..").collect();
    out.extend(&p[shared..]);
    Some(out)
}

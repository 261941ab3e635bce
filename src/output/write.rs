//! Writing outputs atomically (temporary file in the same folder, then rename) and
//! describing them with size and SHA-256 for the manifest.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::project::walk;
use sha2::{Digest, Sha256};

/// A file clerk wrote (or would write), for the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputFile {
    /// Path relative to the output folder, with `/` separators.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
    /// Number of pages, for a PDF.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
}

impl OutputFile {
    /// Describes `bytes` as the output at `rel`.
    pub fn describe(rel: &Path, bytes: &[u8]) -> OutputFile {
        OutputFile {
            path: slash_path(rel),
            size: bytes.len() as u64,
            sha256: sha256_hex(bytes),
            pages: rel
                .extension()
                .is_some_and(|e| e == "pdf")
                .then(|| crate::render::pdf::page_count(bytes))
                .flatten(),
        }
    }
}

/// Is `o` still in `out_dir` as clerk wrote it (same size and SHA-256)? A file changed or
/// replaced by hand since is not clerk's to list or remove.
pub fn still_written(out_dir: &Path, o: &OutputFile) -> bool {
    let path = out_dir.join(&o.path);
    if !std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() == o.size) {
        return false;
    }
    std::fs::read(&path).is_ok_and(|bytes| sha256_hex(&bytes) == o.sha256)
}

/// SHA-256 in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Bytes in lower-case hex (one allocation: an archive's run hexes tens of thousands).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// A path with `/` separators, for manifests and links on every platform.
pub fn slash_path(p: &Path) -> String {
    // A relative path already in that form (an archive's run asks tens of thousands times)
    // is copied as it is; anything else goes through its components.
    if let Some(s) = p.to_str().filter(|s| walk::plain_relative(s)) {
        return s.to_owned();
    }
    // The root's own `/` is a separator already: not doubled (`/abs/x.md`, not `//abs/…`).
    let mut out = String::new();
    for c in p.components() {
        if matches!(c, std::path::Component::RootDir) {
            // After a drive (`C:`) as after nothing: one slash.
            if !out.ends_with('/') {
                out.push('/');
            }
            continue;
        }
        if !(out.is_empty() || out.ends_with('/')) {
            out.push('/');
        }
        out.push_str(&c.as_os_str().to_string_lossy());
    }
    out
}

/// The temporary file `write_atomic` writes beside `name` in this process.
fn temp_name(name: &str) -> String {
    format!(".{name}.clerk-{}.tmp", std::process::id())
}

/// The process id in a temporary file name `write_atomic` made, if it is one.
fn temp_owner(file_name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?.strip_suffix(".tmp")?;
    rest.rsplit_once(".clerk-")?.1.parse().ok()
}

/// Is the process that wrote a temporary file gone (so the file is a leftover of a killed
/// build)? Where processes cannot be looked up, a file older than ten minutes counts as gone.
fn owner_gone(pid: u32, path: &Path) -> bool {
    if pid == std::process::id() {
        return false;
    }
    let proc = Path::new("/proc");
    if proc.is_dir() {
        return !proc.join(pid.to_string()).exists();
    }
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() > 600))
}

/// Removes temporary files that a killed build left in `out_dir` (its top folder alone
/// unless `deep`); never touches anything else, nor the temporary files of a build still
/// running. Returns how many it removed.
pub fn clean_leftovers(out_dir: &Path, deep: bool) -> usize {
    walkdir::WalkDir::new(out_dir)
        .max_depth(if deep { usize::MAX } else { 1 })
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            temp_owner(&name).is_some_and(|pid| owner_gone(pid, e.path()))
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, then renamed over
/// the target, so a reader (or a killed build) never sees a half-written file. Unchanged
/// files are left alone.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if same_bytes(path, bytes) {
        return Ok(());
    }
    // Whole in memory already: written straight to the file, not copied through a buffer.
    write_atomic_to(path, |f| f.write_all(bytes))
}

/// Does the regular file at `path` hold exactly `bytes`? Read a block at a time (a long
/// paper's PDF is not read whole beside its new bytes), and not at all when the sizes
/// differ.
fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read as _;
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    if !file
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
    {
        return false;
    }
    let mut block = vec![0; 64 * 1024];
    let mut rest = bytes;
    loop {
        match file.read(&mut block) {
            Ok(0) => return rest.is_empty(),
            Ok(n) if n <= rest.len() && block[..n] == rest[..n] => rest = &rest[n..],
            Ok(_) => return false,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

/// Writes what `fill` writes to `path` atomically (a temporary file beside it, renamed
/// over it), streamed through a buffer and without comparing with the file already there:
/// for the large files clerk writes for itself and archivists (the cache, the manifest).
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    write_atomic_to(path, |file| {
        let mut f = std::io::BufWriter::with_capacity(1 << 16, file);
        fill(&mut f)?;
        f.flush()
    })
}

/// Writes what `fill` writes to a temporary file beside `path`, then renames it over
/// `path`; the temporary file is removed when anything fails.
fn write_atomic_to(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp: PathBuf = dir.join(temp_name(&name));
    // The folder is made only when the file cannot be for want of it: most outputs go
    // into a folder an earlier one made (two system calls a file saved).
    let mut file = match std::fs::File::create(&tmp) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir)?;
            std::fs::File::create(&tmp)?
        }
        made => made?,
    };
    let written = fill(&mut file);
    // Closed before it is renamed or removed (Windows refuses either on an open file).
    drop(file);
    // No fsync: the rename makes each output whole to any reader and through a killed
    // build; surviving a power cut would cost a disk flush per file, ten times the
    // rendering time of a paper.
    let result = written.and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unchanged_file_is_left_alone_and_any_other_written() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a.pdf");
        let long: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        assert!(!same_bytes(&path, &long), "no file yet");
        write_atomic(&path, &long).unwrap();
        assert!(same_bytes(&path, &long));
        let mut last = long.clone();
        *last.last_mut().unwrap() ^= 1;
        assert!(!same_bytes(&path, &last), "a change in the last block");
        assert!(!same_bytes(&path, &long[..long.len() - 1]), "shorter");
        // Left alone: the file keeps its inode (it is not replaced by a rename).
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let before = std::fs::metadata(&path).unwrap().ino();
            write_atomic(&path, &long).unwrap();
            assert_eq!(std::fs::metadata(&path).unwrap().ino(), before);
            write_atomic(&path, &last).unwrap();
            assert_eq!(std::fs::read(&path).unwrap(), last);
        }
    }

    #[test]
    fn a_slash_path_is_its_components_joined_by_slashes_quick_way_or_not() {
        let long_way = |p: &str| {
            Path::new(p)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        };
        for p in [
            "a.md",
            "2026/meeting-0001/paper.pdf",
            "./a/b.md",
            "a//b.md",
            "a/./b.md",
            "a/b/",
            "a/../b.md",
            "..",
            "a.b/c..d/.e",
        ] {
            assert_eq!(slash_path(Path::new(p)), long_way(p), "{p}");
        }
        // A path from the root has one slash before its first folder, not two.
        #[cfg(unix)]
        assert_eq!(slash_path(Path::new("/abs//x.md")), "/abs/x.md");
        assert!(walk::plain_relative("a/b.md"));
        assert!(!walk::plain_relative("a/../b.md"));
        assert!(!walk::plain_relative(""));
    }

    #[test]
    fn leftovers_of_dead_builds_are_removed_and_nothing_else() {
        let tmp = tempfile::tempdir().unwrap();
        let dead = tmp.path().join(".a.html.clerk-4294967.tmp");
        let mine = tmp.path().join(temp_name("b.html"));
        let other = tmp.path().join(".notes.tmp");
        for p in [&dead, &mine, &other] {
            std::fs::write(p, "x").unwrap();
        }
        assert_eq!(temp_owner(".a.html.clerk-4294967.tmp"), Some(4294967));
        let below = tmp.path().join("a");
        std::fs::create_dir(&below).unwrap();
        let dead_below = below.join(".c.html.clerk-4294967.tmp");
        std::fs::write(&dead_below, "x").unwrap();
        assert_eq!(clean_leftovers(tmp.path(), false), 1, "the top folder only");
        assert!(!dead.exists() && dead_below.exists());
        assert_eq!(clean_leftovers(tmp.path(), true), 1);
        assert!(!dead_below.exists() && mine.exists() && other.exists());
    }

    #[test]
    fn writes_atomically_and_hashes() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("a/b.html");
        write_atomic(&p, b"hello").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"hello");
        assert_eq!(
            std::fs::read_dir(tmp.path().join("a")).unwrap().count(),
            1,
            "no temporary file left"
        );
        let o = OutputFile::describe(Path::new("a/b.html"), b"hello");
        assert_eq!(
            o.sha256,
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        );
        assert_eq!(o.path, "a/b.html");
        assert_eq!(hex(&[0, 9, 10, 255]), "00090aff");
        write_atomic_with(&p, |w| w.write_all(b"streamed")).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"streamed");
        assert_eq!(std::fs::read_dir(tmp.path().join("a")).unwrap().count(), 1);
    }

    #[test]
    fn the_folders_an_output_needs_are_made_and_a_file_in_their_way_is_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        let deep = tmp.path().join("x/y/z/paper.pdf");
        write_atomic(&deep, b"pdf").unwrap();
        assert_eq!(std::fs::read(&deep).unwrap(), b"pdf");
        // A file where a folder should be: refused, and nothing left behind.
        std::fs::write(tmp.path().join("f"), b"in the way").unwrap();
        assert!(write_atomic(&tmp.path().join("f/paper.pdf"), b"pdf").is_err());
        assert!(write_atomic(&tmp.path().join("f/g/paper.pdf"), b"pdf").is_err());
        let names: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert_eq!(std::fs::read(tmp.path().join("f")).unwrap(), b"in the way");
    }

    #[test]
    fn a_write_that_fails_midway_leaves_the_old_file_and_no_temporary_one() {
        let tmp = tempfile::tempdir().unwrap();
        let p = tmp.path().join("manifest.json");
        std::fs::write(&p, b"old").unwrap();
        let failed = write_atomic_with(&p, |w| {
            w.write_all(&[b'x'; 100_000])?;
            Err(std::io::Error::other("disk full"))
        });
        assert_eq!(failed.unwrap_err().to_string(), "disk full");
        assert_eq!(std::fs::read(&p).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
        // Written whole, the new bytes replace the old, with nothing left beside them.
        write_atomic(&p, b"new").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
    }
}

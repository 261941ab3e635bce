//! Writing outputs atomically (temporary file in the same folder, then rename) and
//! describing them with size and SHA-256 for the manifest.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

/// A file clerk wrote (or would write), for the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutputFile {
    /// Path relative to the output folder, with `/` separators.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
    /// Number of pages, for a PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
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

/// SHA-256 in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A path with `/` separators, for manifests and links on every platform.
pub fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, flushed, then renamed over
/// the target, so a reader (or a killed build) never sees a half-written file. Unchanged
/// files are left alone.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp: PathBuf = dir.join(format!(".{name}.clerk-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}

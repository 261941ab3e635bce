//! Reading the files clerk is given, safely: only regular files (a named pipe would block
//! the build for ever, `/dev/zero` would never end), and never more than a limit, counted
//! while reading rather than trusted from a size a special file can fake.

use std::fmt;
use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Nothing is there.
    NotFound,
    /// Something is there, but not a file: a folder, a named pipe, a device or a socket.
    NotAFile(&'static str),
    /// The file holds more than the limit (in bytes).
    TooLarge(u64),
    /// The system refused (permissions, I/O).
    Io(std::io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "there is no such file"),
            ReadError::NotAFile(kind) => write!(f, "it is {kind}, not a file"),
            ReadError::TooLarge(limit) => write!(f, "it is larger than {limit} bytes"),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// What a path that is not a regular file is, in words.
fn kind(meta: &std::fs::Metadata) -> &'static str {
    let ft = meta.file_type();
    if ft.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if ft.is_char_device() || ft.is_block_device() {
            return "a device";
        }
        if ft.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// Reads the regular file at `path` (links followed), at most `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    })?;
    // Checked before opening: opening a named pipe for reading waits for a writer.
    if !meta.is_file() {
        return Err(ReadError::NotAFile(kind(&meta)));
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    // And again on what was opened, in case the path changed in between.
    let opened = file.metadata().map_err(ReadError::Io)?;
    if !opened.is_file() {
        return Err(ReadError::NotAFile(kind(&opened)));
    }
    if opened.len() > limit {
        return Err(ReadError::TooLarge(limit));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(opened.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// Reads the regular file at `path` as UTF-8 text, at most `limit` bytes; `None` for text
/// that is not UTF-8.
pub fn read_text_limited(path: &Path, limit: u64) -> Result<Option<String>, ReadError> {
    read_limited(path, limit).map(|b| String::from_utf8(b).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_up_to_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "hello").unwrap();
        assert_eq!(read_limited(&p, 5).unwrap(), b"hello");
        assert!(matches!(read_limited(&p, 4), Err(ReadError::TooLarge(4))));
        assert!(matches!(
            read_limited(&dir.path().join("none"), 9),
            Err(ReadError::NotFound)
        ));
        assert!(matches!(
            read_limited(dir.path(), 9),
            Err(ReadError::NotAFile("a folder"))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.png");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let e = read_limited(&fifo, 100).unwrap_err();
            assert_eq!(e.to_string(), "it is a named pipe (FIFO), not a file");
        }
        let e = read_limited(Path::new("/dev/zero"), 100).unwrap_err();
        assert_eq!(e.to_string(), "it is a device, not a file");
    }
}

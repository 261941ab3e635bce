//! The output folder, checked before a build writes anything: it must be a folder (not a
//! file) that clerk may write in, and so must each of its folders the build writes in;
//! else one error up front per folder, not one per output.

use std::collections::BTreeSet;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::project::{Project, walk};

/// What to do when the output folder cannot be used, for every error below.
const HELP: &str = "choose another folder with `--out` (or `output_dir` in clerk.yaml), or ask \
                    whoever looks after this folder to let you write in it";

/// Makes the output folder if it is missing and tries writing a small file in it (removed
/// at once), so that a folder clerk cannot write in stops the build before any output is
/// half written.
pub fn ready(project: &Project) -> Result<(), Diagnostic> {
    let out = &project.out_dir;
    let shown = walk::relative(&project.root, out);
    if out.exists() && !out.is_dir() {
        return Err(Diagnostic::file_error(
            "output-not-a-folder",
            &shown,
            format!(
                "the output folder {} is a file, not a folder",
                shown.display()
            ),
        )
        .with_help(
            "give `--out` (or `output_dir` in clerk.yaml) the name of a folder; clerk makes \
             it if it is missing",
        ));
    }
    std::fs::create_dir_all(out)
        .and_then(|()| probe(out))
        .map_err(|e| cannot_write(&shown, &e))
}

/// Writes and removes a file in `dir`, to learn whether clerk may write there.
fn probe(dir: &Path) -> std::io::Result<()> {
    let path = dir.join(format!(".clerk-write-check-{}", std::process::id()));
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    std::fs::remove_file(&path)
}

/// Checks the folders below the output folder that a run writes in (`dirs`, relative to
/// it) and the folders between: one error for each that is there but clerk may not write
/// in (a folder under it is not blamed again), and nothing written. A folder not there yet
/// is made by the run in one already checked. One `faccessat` per folder, no file written
/// or read: a no-op rebuild of a 10,000-paper archive asks a few hundred times.
pub fn ready_below<'a>(
    project: &Project,
    dirs: impl IntoIterator<Item = &'a Path>,
) -> Result<(), Vec<Diagnostic>> {
    let mut all: BTreeSet<PathBuf> = BTreeSet::new();
    for dir in dirs {
        for up in dir.ancestors().take_while(|a| !a.as_os_str().is_empty()) {
            // Its own folders are in already, from the folder it was first put in with.
            if !all.insert(up.to_path_buf()) {
                break;
            }
        }
    }
    let mut blamed: Vec<&Path> = Vec::new();
    let mut errors = Vec::new();
    // In path order, a folder before those under it.
    for dir in &all {
        if blamed.iter().any(|b| dir.starts_with(b)) {
            continue;
        }
        match writable(&project.out_dir.join(dir)) {
            Err(e) if e.kind() != ErrorKind::NotFound => {
                let shown = walk::relative(&project.root, &project.out_dir.join(dir));
                errors.push(cannot_write_below(&shown, &e));
                blamed.push(dir);
            }
            _ => {}
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// May clerk (as the user it runs as) write in the folder `dir`? Asked without writing in
/// it; a trailing `/` makes a file where the folder should be an error too.
#[cfg(unix)]
fn writable(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt as _;
    let mut bytes = dir.as_os_str().as_bytes().to_vec();
    bytes.push(b'/');
    let path = std::ffi::CString::new(bytes).map_err(|_| ErrorKind::InvalidInput)?;
    // SAFETY: `path` is a NUL-terminated string that lives through the call.
    let asked =
        unsafe { libc::faccessat(libc::AT_FDCWD, path.as_ptr(), libc::W_OK, libc::AT_EACCESS) };
    if asked == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Elsewhere a folder that cannot be written in shows when its outputs are written.
#[cfg(not(unix))]
fn writable(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// The cause of a write error in words.
fn cause(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_string(),
        ErrorKind::NotADirectory => "part of its path is a file, not a folder".to_string(),
        ErrorKind::StorageFull => "the disk is full".to_string(),
        _ => e.to_string(),
    }
}

/// The error for a folder below the output folder that clerk may not write in.
fn cannot_write_below(shown: &Path, e: &std::io::Error) -> Diagnostic {
    let folder = shown.display();
    Diagnostic::file_error(
        "output-not-writable",
        shown,
        format!(
            "cannot write in {folder}/, a folder of the output ({}), so nothing was built",
            cause(e)
        ),
    )
    .with_help(format!(
        "ask whoever looks after {folder}/ to let you write in it, or build elsewhere \
         with `--out` (or `output_dir` in clerk.yaml)"
    ))
}

/// The error for an output folder that cannot be made or written in, the cause in words.
fn cannot_write(shown: &Path, e: &std::io::Error) -> Diagnostic {
    let cause = cause(e);
    Diagnostic::file_error(
        "output-not-writable",
        shown,
        format!(
            "cannot write to the output folder {}/ ({cause}), so nothing was built",
            shown.display()
        ),
    )
    .with_help(HELP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Sources;

    fn project(root: &Path, out: &Path) -> Project {
        std::fs::create_dir_all(root.join("papers")).unwrap();
        Project::open(root, None, Some(out), &mut Sources::default()).unwrap()
    }

    #[test]
    fn an_output_folder_that_is_a_file_is_said_to_be_one() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("afile"), "x").unwrap();
        let err = ready(&project(tmp.path(), Path::new("afile"))).unwrap_err();
        assert_eq!(err.code, "output-not-a-folder");
        assert!(
            err.message.contains("afile is a file, not a folder"),
            "{err:?}"
        );
        assert!(err.help.unwrap().contains("--out"));
    }

    #[test]
    fn a_missing_output_folder_is_made_and_left_empty() {
        let tmp = tempfile::tempdir().unwrap();
        ready(&project(tmp.path(), Path::new("out/site"))).unwrap();
        let left: Vec<_> = std::fs::read_dir(tmp.path().join("out/site"))
            .unwrap()
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_folder_under_a_file_cannot_be_made_and_says_why_in_words() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("afile"), "x").unwrap();
        let err = ready(&project(tmp.path(), Path::new("afile/out"))).unwrap_err();
        assert_eq!(err.code, "output-not-writable");
        assert!(
            err.message.contains("part of its path is a file"),
            "{err:?}"
        );
    }

    #[test]
    fn a_folder_below_that_cannot_be_used_is_one_error_naming_it_and_missing_ones_are_fine() {
        let tmp = tempfile::tempdir().unwrap();
        let p = project(tmp.path(), Path::new("out"));
        ready(&p).unwrap();
        // A file where the papers of 2026 go (root may write anywhere, but not there).
        std::fs::write(tmp.path().join("out/2026"), "x").unwrap();
        let dirs = [
            Path::new("2026/q1"),
            Path::new("2026/q2"),
            Path::new("2027"),
            Path::new(""),
        ];
        let errs = ready_below(&p, dirs).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].code, "output-not-writable");
        assert_eq!(errs[0].file, Path::new("out/2026"));
        assert!(
            errs[0]
                .message
                .starts_with("cannot write in out/2026/, a folder of the output"),
            "{errs:?}"
        );
        assert!(errs[0].help.as_ref().unwrap().contains("--out"));
        std::fs::remove_file(tmp.path().join("out/2026")).unwrap();
        ready_below(&p, dirs).unwrap();
    }

    #[test]
    fn permission_denied_is_said_in_words_with_a_way_out() {
        let e = std::io::Error::from(ErrorKind::PermissionDenied);
        let d = cannot_write(Path::new("out"), &e);
        assert_eq!(
            d.message,
            "cannot write to the output folder out/ (permission denied), so nothing was built"
        );
        assert!(d.help.unwrap().contains("--out"));
    }
}

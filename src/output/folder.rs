//! The output folder, checked before a build writes anything: it must be a folder (not a
//! file) that clerk may write in; else one error up front, not one per output.

use std::io::ErrorKind;
use std::path::Path;

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

/// The error for an output folder that cannot be made or written in, the cause in words.
fn cannot_write(shown: &Path, e: &std::io::Error) -> Diagnostic {
    let cause = match e.kind() {
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_string(),
        ErrorKind::NotADirectory => "part of its path is a file, not a folder".to_string(),
        ErrorKind::StorageFull => "the disk is full".to_string(),
        _ => e.to_string(),
    };
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

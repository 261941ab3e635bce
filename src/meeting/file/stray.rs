//! Meeting files where clerk does not read them: at the project root, in a folder named
//! like the meetings folder but not it (`Meetings/`, `meeting/`), or in the papers folder.
//! Each is an error that withholds the papers it names, as a meeting file with an error
//! does: its agenda may take one of them in private, and nothing else would say so.

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::project::walk;

use super::MeetingFile;

/// The YAML files that may be meeting files out of place (see the module's doc), in path
/// order: none is in `meetings_dir`.
fn candidates(root: &Path, meetings_dir: &Path, papers_dir: &Path) -> Vec<PathBuf> {
    let yaml = |p: &Path| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
    };
    // A name the build skips (`_archive/`, `.git/`, `_old.yaml`) is kept out quietly here too.
    let skipped = |name: &std::ffi::OsStr| name.to_string_lossy().starts_with(['_', '.']);
    let mut found = Vec::new();
    let meetings_name = meetings_dir
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase());
    let same_dir = |d: &Path| same_file::is_same_file(d, meetings_dir).unwrap_or(false);
    let mut folders = Vec::new();
    if !same_dir(root) {
        for entry in std::fs::read_dir(root).into_iter().flatten().flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_lowercase();
            if skipped(&entry.file_name()) {
                continue;
            }
            if path.is_file() && yaml(&path) && !matches!(name.as_str(), "clerk.yaml" | "clerk.yml")
            {
                found.push(path);
            } else if path.is_dir()
                && meetings_name.as_deref().is_some_and(|m| {
                    m.chars().count() >= 5 && strsim::damerau_levenshtein(&name, m) <= 2
                })
                && !same_dir(&path)
            {
                folders.push(path);
            }
        }
    }
    // In the papers folder, only a YAML file with no paper beside it (a paper's sidecar is
    // its metadata).
    let lone = |p: &Path| !p.with_extension("md").is_file();
    for (dir, keep) in folders
        .iter()
        .map(|d| (d.as_path(), false))
        .chain([(papers_dir, true)])
    {
        let files = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !skipped(e.file_name()))
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && yaml(e.path()))
            .map(walkdir::DirEntry::into_path)
            .filter(|p| !keep || lone(p))
            .filter(|p| !p.starts_with(meetings_dir));
        found.extend(files);
    }
    found.sort();
    found.dedup();
    found
}

/// The meeting files out of place under `root`, each a file with an error whose papers
/// are withheld, with that error.
pub(super) fn strays(
    root: &Path,
    meetings_dir: &Path,
    papers_dir: &Path,
) -> (Vec<MeetingFile>, Vec<Diagnostic>) {
    let (mut files, mut diags) = (Vec::new(), Vec::new());
    for path in candidates(root, meetings_dir, papers_dir) {
        let Ok(Some(text)) = crate::fsio::read_text_limited(&path, 1 << 20) else {
            continue;
        };
        if !walk::looks_like_meeting_file(&text) {
            continue;
        }
        let display = walk::relative(root, &path);
        let folder = walk::relative(root, meetings_dir);
        let folder = folder.to_string_lossy().replace('\\', "/");
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        diags.push(
            Diagnostic::file_error(
                "meeting-file-elsewhere",
                &display,
                format!(
                    "this is a meeting file, but clerk reads meeting files from `{folder}/` only: its agenda is not used, so the papers it names are kept out of every public output until it is there"
                ),
            )
            .with_help(if meetings_dir.join(name.as_ref()).exists() {
                format!(
                    "`{folder}/{name}` is there already: compare the two, keep the right one in `{folder}/` and delete this one"
                )
            } else {
                format!(
                    "move it to `{folder}/{name}`, where its agenda and its private items are read; if it is an old copy, delete it"
                )
            }),
        );
        files.push(MeetingFile {
            file: display,
            withheld: super::named_papers(&text),
            text,
            has_errors: true,
            privacy_in_doubt: true,
            ..MeetingFile::default()
        });
    }
    (files, diags)
}

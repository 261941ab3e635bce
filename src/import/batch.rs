//! `clerk import` of several documents at once, or of folders of them: which `.docx` files
//! are imported and into which folder, so that a secretariat brings in its papers in one
//! command, keeping their folders.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

use super::command::{ImportOptions, paper_stem};

/// Files of the formats Word saved before `.docx`, or another word processor's, which a
/// folder may hold beside its `.docx` files and clerk cannot read.
const OLDER: &[&str] = &["doc", "rtf", "odt", "wpd", "docm", "dot", "dotx"];

/// The imports `paths` ask for, each `.docx` into `base` (a folder's, into the sub-folder
/// of `base` it stands in below that folder), with the warnings and errors of listing
/// them (paths shown from the project's `root`): a folder with none, files a folder holds that clerk cannot read, and two
/// documents that would become the same paper (the second is not imported).
pub fn plan(
    (root, paths): (&Path, &[PathBuf]),
    base: &Path,
    (dry_run, force): (bool, bool),
) -> (Vec<ImportOptions>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut jobs: Vec<ImportOptions> = Vec::new();
    let job = |docx: PathBuf, to: PathBuf| ImportOptions {
        docx,
        to: Some(to),
        dry_run,
        force,
    };
    for path in paths {
        if !path.is_dir() {
            jobs.push(job(path.clone(), base.to_path_buf()));
            continue;
        }
        let mut older = Vec::new();
        let before = jobs.len();
        let entries = walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file());
        for entry in entries {
            let name = entry.file_name().to_string_lossy();
            // Word's lock file of a document open in it (`~$per.docx`).
            if name.starts_with("~$") {
                continue;
            }
            let ext = entry
                .path()
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase());
            let below = entry
                .path()
                .parent()
                .and_then(|p| p.strip_prefix(path).ok())
                .unwrap_or(Path::new(""));
            match ext.as_deref() {
                Some("docx") => jobs.push(job(entry.path().to_path_buf(), base.join(below))),
                Some(e) if OLDER.contains(&e) => older.push(below.join(&*name)),
                _ => {}
            }
        }
        if jobs.len() == before {
            diags.push(
                Diagnostic::file_error(
                    "import-no-documents",
                    path,
                    "this folder holds no Word document (.docx) to import",
                )
                .with_help("give the folder the papers are in, or the .docx files themselves"),
            );
        }
        if !older.is_empty() {
            let names: Vec<String> = older.iter().map(|p| p.display().to_string()).collect();
            diags.push(
                Diagnostic::file_error(
                    "import-not-docx",
                    path,
                    format!(
                        "{} in this folder {} not imported: clerk reads Word documents saved as .docx only ({})",
                        if names.len() == 1 { "1 file".to_string() } else { format!("{} files", names.len()) },
                        if names.len() == 1 { "is" } else { "are" },
                        names.join(", ")
                    ),
                )
                .with_help("open each in Word (or LibreOffice), save it as a Word Document (.docx), and import that")
                .warning(),
            );
        }
    }
    // Two documents that would be written as the same paper: the first is imported.
    let mut seen: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    jobs.retain(|j| {
        let to = j.to.clone().unwrap_or_default();
        let paper = to.join(format!("{}.md", paper_stem(&j.docx)));
        match seen.get(&paper) {
            Some(first) => {
                diags.push(
                    Diagnostic::file_error(
                        "import-same-name",
                        &j.docx,
                        format!(
                            "this document would be written as {}, as {} is: it is not imported",
                            crate::project::walk::relative(root, &paper).display(),
                            first.display()
                        ),
                    )
                    .with_help("rename one of the two documents, or import it on its own with `--to` another folder"),
                );
                false
            }
            None => {
                seen.insert(paper, j.docx.clone());
                true
            }
        }
    });
    (jobs, diags)
}

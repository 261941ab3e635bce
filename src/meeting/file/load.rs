//! Finding and reading a project's meeting files: every `*.yaml` under its meetings folder,
//! each bounded and read as text (or, not UTF-8, searched for the papers it names).

use std::path::{Path, PathBuf};

use super::{MeetingFile, MeetingFiles, clock, named_papers, read};
use crate::diag::Diagnostic;
use crate::project::walk;

/// The meeting files of `project`: [`load_all`] of its meetings folder, by its house's
/// papers folder and time zone.
pub fn load_project(project: &crate::project::Project) -> MeetingFiles {
    load_all(
        &project.root,
        &project.meetings_dir(),
        &project.papers_dir,
        &project.house.time_zone,
    )
}

/// Reads every `*.yaml` under `meetings_dir` (none when it does not exist), checking each;
/// its start time against `time_zone` (the house's) too.
pub fn load_all(
    root: &Path,
    meetings_dir: &Path,
    papers_dir: &Path,
    time_zone: &str,
) -> MeetingFiles {
    let mut all = MeetingFiles::default();
    let (strays, diags) = super::stray::strays(root, meetings_dir, papers_dir);
    all.diagnostics.extend(diags);
    if !meetings_dir.is_dir() {
        all.files.extend(strays);
        return all;
    }
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(meetings_dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    paths.sort();
    for path in paths {
        let display = walk::relative(root, &path);
        // A meeting file is a page of YAML; bounded, and never a pipe or a device.
        let text = match crate::fsio::read_text_limited(&path, 1 << 20) {
            Ok(Some(t)) => t,
            Ok(None) => {
                all.diagnostics.push(
                    Diagnostic::file_error(
                        "unreadable",
                        &display,
                        "this meeting file is not UTF-8 text",
                    )
                    .with_help("save it as UTF-8 in your editor"),
                );
                // Still a file with an error: the papers it names, found line by line in
                // what can be read of it, stay private until it is fixed.
                let mut bytes = Vec::new();
                if let Ok(f) = std::fs::File::open(&path) {
                    use std::io::Read as _;
                    let _ = f.take(1 << 20).read_to_end(&mut bytes);
                }
                let lossy = String::from_utf8_lossy(&bytes).into_owned();
                all.files.push(MeetingFile {
                    file: display.clone(),
                    withheld: named_papers(&lossy),
                    text: lossy,
                    has_errors: true,
                    privacy_in_doubt: true,
                    ..MeetingFile::default()
                });
                continue;
            }
            Err(e) => {
                all.diagnostics.push(
                    Diagnostic::file_error(
                        "unreadable",
                        &display,
                        format!("cannot read this meeting file ({e})"),
                    )
                    .with_help("check that it is a UTF-8 text file you may read"),
                );
                continue;
            }
        };
        let (file, diags) = read(&display, text, papers_dir);
        all.diagnostics.extend(clock::warning(&file, time_zone));
        all.files.push(file);
        all.diagnostics.extend(diags);
    }
    all.files.extend(strays);
    all
}

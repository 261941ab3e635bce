//! Finds papers: every `*.md` under the papers folder, sorted, skipping `_`/`.` names and
//! never descending into the output folder.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diag::Diagnostic;

/// A paper found under `papers/`, before anything is read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PaperSource {
    /// Path relative to the project root, as shown in diagnostics (`papers/x.md`).
    pub display: PathBuf,
    /// Path relative to the papers folder (`x.md`), mirrored under `out/`.
    pub rel: PathBuf,
    /// Absolute path of the `.md` file.
    pub path: PathBuf,
}

/// Is this file or folder name one clerk skips (`_draft.md`, `.git`)?
fn skipped(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('_') || name.starts_with('.')
}

/// Walks `dir` (inside `papers_dir`) for papers. Paths are reported relative to `root`.
pub fn walk(
    root: &Path,
    papers_dir: &Path,
    dir: &Path,
    (out_dir, meetings_dir): (&Path, &Path),
) -> (Vec<PaperSource>, Vec<Diagnostic>) {
    let mut papers = Vec::new();
    let mut diags = Vec::new();
    // YAML files, to find those that are nobody's sidecar.
    let mut yaml = Vec::new();
    let (out_abs, meetings_abs) = (absolute(out_dir), absolute(meetings_dir));
    let walker = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || (!skipped(e.file_name()) && absolute(e.path()) != out_abs)
        });
    for entry in walker {
        match entry {
            // A special file named `.md` (a pipe, a device) is listed too, so that reading
            // it refuses it aloud; links are not followed, folders are walked.
            Ok(e)
                if !e.file_type().is_dir()
                    && !e.file_type().is_symlink()
                    && e.path().extension().is_some_and(|x| x == "md") =>
            {
                papers.push(source_for(root, papers_dir, e.path()));
            }
            // A link to a paper or a folder of them: not followed (it could lead out of the
            // project, or publish one file twice), and said, not passed over in silence.
            Ok(e)
                if e.file_type().is_symlink()
                    && (e.path().extension().is_some_and(|x| x == "md")
                        || std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir())) =>
            {
                diags.push(
                    Diagnostic::file_error(
                        "symlink-not-followed",
                        &relative(root, e.path()),
                        "this is a symbolic link, which clerk does not follow, so what it points at is not built",
                    )
                    .with_help("put the paper (or the folder) itself here, not a link to it")
                    .warning(),
                );
            }
            Ok(e) if e.file_type().is_file() && looks_like_a_paper(e.path()) => {
                diags.push(not_built(root, e.path(), false));
            }
            Ok(e) if e.file_type().is_file() && not_imported(e.path()) => {
                diags.push(word_not_imported(root, e.path()));
            }
            Ok(e)
                if e.file_type().is_file()
                    && e.path()
                        .extension()
                        .is_some_and(|x| x == "yaml" || x == "yml")
                    && !absolute(e.path()).starts_with(&meetings_abs)
                    && e.path() != root.join(crate::config::HOUSE_FILE) =>
            {
                yaml.push(e.into_path());
            }
            Ok(_) => {}
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
                diags.push(
                    Diagnostic::file_error(
                        "unreadable",
                        &relative(root, &path),
                        format!("cannot read this folder or file ({e})"),
                    )
                    .with_help("check its permissions, or rename it with a leading `_` to skip it"),
                );
            }
        }
    }
    keep_unreserved(&mut papers, &mut diags);
    papers.sort();
    for file in yaml {
        // A meeting file in the papers folder is the meetings' to say (`meeting-file-elsewhere`).
        let meeting = || {
            crate::fsio::read_text_limited(&file, 1 << 20)
                .is_ok_and(|t| t.is_some_and(|t| looks_like_meeting_file(&t)))
        };
        if !file.with_extension("md").is_file() && !meeting() {
            diags.push(lone_sidecar(root, &file));
        }
    }
    (papers, diags)
}

/// The folder of the output folder that holds the meetings' pages, agendas and packs.
pub const MEETINGS_OUT: &str = "meetings";

/// The folder of the output folder that holds the private papers' outputs, which whoever
/// publishes the output folder leaves out.
pub const PRIVATE_OUT: &str = "private";

/// Takes out of `papers` (sorting them, each once) those whose outputs would land on clerk's
/// own ([`reserved`]), each with its error in `diags`; and warns of each whose outputs differ
/// from an earlier paper's only in capitals.
pub fn keep_unreserved(papers: &mut Vec<PaperSource>, diags: &mut Vec<Diagnostic>) {
    // A paper named twice on the command line is one paper, not a clash with itself.
    papers.sort();
    papers.dedup();
    let mut seen: std::collections::HashMap<String, PathBuf> = Default::default();
    papers.retain(|p| {
        if let Some(d) = reserved(&p.rel) {
            diags.push(d(&p.display));
            return false;
        }
        // Windows, a Mac and SharePoint take `Report.html` and `report.html` for one file.
        let folded = p.rel.with_extension("").to_string_lossy().to_lowercase();
        // Said, not refused: refusing one would withdraw what it published, and here the
        // two are two files.
        match seen.get(&folded) {
            Some(first) => diags.push(case_clash(&p.display, first)),
            None => {
                seen.insert(folded, p.display.clone());
            }
        }
        true
    });
}

/// The warning for the paper at `display` whose outputs differ from those of the paper at
/// `first` only in capitals.
fn case_clash(display: &Path, first: &Path) -> Diagnostic {
    Diagnostic::file_error(
        "case-clash",
        display,
        format!(
            "this paper's outputs' names differ from those of `{}` only in capitals: copied to Windows, a Mac or SharePoint, which take such names for one, one paper's would be written over the other's",
            first.display()
        ),
    )
    .with_help("rename one of the two papers (or its folder) so that their names differ in more than capitals")
    .warning()
}

/// The error for a paper at `rel` (in the papers folder) whose outputs would land on what
/// clerk writes in the output folder itself, in any capitals: the site's index, or the
/// meetings' or the private papers' folder. `None` for any other paper.
fn reserved(rel: &Path) -> Option<impl Fn(&Path) -> Diagnostic> {
    // In any capitals: where names that differ only in them are one (Windows, a Mac,
    // SharePoint), `Index.html` is the site's index and `Private/` its private folder.
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .to_lowercase();
    let what = if rel.to_string_lossy().eq_ignore_ascii_case("index.md") {
        "it would be written over the site's index, `index.html`"
    } else if rel.components().count() > 1 && first == MEETINGS_OUT {
        "its outputs would go in the output folder's `meetings/`, which holds the meetings' pages and packs"
    } else if rel.components().count() > 1 && first == PRIVATE_OUT {
        "its outputs would go in the output folder's `private/`, which holds the private papers and is never published"
    } else {
        return None;
    };
    Some(move |display: &Path| {
        Diagnostic::file_error(
            "reserved-path",
            display,
            format!("this paper is not built: {what}"),
        )
        .with_help("rename the file (or its folder) in `papers/`")
    })
}

/// Is `path`, not named `*.md`, a paper by its look: `.MD`, `.markdown` and the like, or a
/// `.txt` that starts with `---` (a paper saved as text)?
pub fn looks_like_a_paper(path: &Path) -> bool {
    let Some(ext) = path.extension().and_then(|x| x.to_str()) else {
        return false;
    };
    match ext.to_ascii_lowercase().as_str() {
        _ if ext == "md" => false,
        "md" | "markdown" | "mdown" | "mkd" | "mkdn" => true,
        "txt" => {
            let mut head = [0u8; 3];
            std::fs::File::open(path)
                .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
                .is_ok_and(|()| &head == b"---")
        }
        _ => false,
    }
}

/// The warning for a file that [`looks_like_a_paper`] but is not built: only `*.md` files
/// are papers. `named`: given on the command line, so read this time, but left out of a
/// build of the whole project.
pub fn not_built(root: &Path, path: &Path, named: bool) -> Diagnostic {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let stem = stem.strip_suffix(".md").unwrap_or(&stem);
    let what = if named {
        "a build of the whole project leaves this file out"
    } else {
        "this file looks like a paper but is not built"
    };
    Diagnostic::file_error(
        "not-a-paper-name",
        &relative(root, path),
        format!("{what}: only files ending in `.md` are papers"),
    )
    .warning()
    .with_help(format!(
        "rename it `{stem}.md` to build it, or start its name with `_` to keep it out quietly"
    ))
}

/// The paper beside `path` that lists it as an appendix (`file: _appendix-a.md`), when
/// `path` is a Markdown file kept out of the build (`_` first) and one paper names it.
pub fn appendix_of(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    if !name.starts_with('_') || !name.ends_with(".md") {
        return None;
    }
    let dir = path.parent()?;
    let names_it = |text: &str| {
        text.lines().any(|l| {
            let l = l.trim().trim_start_matches("- ").trim();
            l.strip_prefix("file:")
                .is_some_and(|v| v.trim().trim_matches(['"', '\'']) == name)
        })
    };
    let mut papers = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "md")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('_'))
        })
        .filter(|p| {
            crate::fsio::read_text_limited(p, 1 << 20)
                .is_ok_and(|t| t.is_some_and(|t| names_it(&t)))
        });
    let first = papers.next()?;
    papers.next().is_none().then_some(first)
}

/// The warning that a Markdown appendix given to check was checked with its paper.
pub fn appendix_checked_with(root: &Path, appendix: &Path, paper: &Path) -> Diagnostic {
    Diagnostic::file_error(
        "appendix-checked-with-paper",
        &relative(root, appendix),
        format!(
            "this is an appendix of `{}`, so it is checked with that paper: its problems are said at their lines here",
            relative(root, paper).display()
        ),
    )
    .warning()
    .with_help(format!(
        "`clerk check {}` checks the paper and its appendices; an appendix has no metadata of its own",
        relative(root, paper).display()
    ))
}

/// Is `path` a Word document with no paper of its name beside it (`budget.docx` without
/// `budget.md`)? Word's lock files (`~$budget.docx`) are not documents.
fn not_imported(path: &Path) -> bool {
    let word = path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("docx"));
    let lock = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("~$"));
    word && !lock && !path.with_extension("md").exists()
}

/// The warning for a Word document [`not_imported`]: clerk builds papers written in
/// Markdown; `clerk import` writes one.
fn word_not_imported(root: &Path, path: &Path) -> Diagnostic {
    let shown = relative(root, path);
    Diagnostic::file_error(
        "word-not-imported",
        &shown,
        "this Word document is not built: clerk builds papers written in Markdown (`.md`)",
    )
    .warning()
    .with_help(format!(
        "import it: `clerk import {}` writes the paper `{}` beside it",
        shown.display(),
        shown.with_extension("md").display()
    ))
}

/// Does `text` read as a meeting file: an `items:` list and a `committee:` or `date:`, each
/// at the start of a line? (Read line by line, so that a file YAML cannot read counts too.)
pub fn looks_like_meeting_file(text: &str) -> bool {
    let starts = |key: &str| text.lines().any(|l| l.starts_with(key));
    starts("items:") && (starts("committee:") || starts("date:"))
}

/// A warning for a YAML file in the papers folder with no `NAME.md` beside it: a sidecar
/// whose paper was renamed or deleted, metadata nothing reads.
fn lone_sidecar(root: &Path, file: &Path) -> Diagnostic {
    let paper = file.with_extension("md");
    let name = paper.file_name().unwrap_or_default().to_string_lossy();
    Diagnostic::file_error(
        "lone-sidecar",
        &relative(root, file),
        format!("this metadata file has no paper `{name}` beside it, so nothing is built from it"),
    )
    .warning()
    .with_help(
        "name it after its paper (`NAME.yaml` beside `NAME.md`), delete it, or start its name \
         with `_` to keep it out of the build",
    )
}

/// A `PaperSource` for a file, with its paths relative to the root and the papers folder.
pub fn source_for(root: &Path, papers_dir: &Path, path: &Path) -> PaperSource {
    let rel = path
        .strip_prefix(papers_dir)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| PathBuf::from(path.file_name().unwrap_or_default()));
    PaperSource {
        display: relative(root, path),
        rel,
        path: path.to_path_buf(),
    }
}

/// Is `s` a relative path that reads the same as its components joined by `/`: no empty,
/// `.` or `..` part and, on Windows, no `\\` or drive? (`..` is kept by `components`, but
/// a path with it is rare enough to take the long way.)
pub fn plain_relative(s: &str) -> bool {
    let foreign = cfg!(windows) && s.contains(['\\', ':']);
    !s.is_empty() && !foreign && s.split('/').all(|part| !matches!(part, "" | "." | ".."))
}

/// A path the user typed, made absolute from where they stand with `.` and `a/..` folded
/// by name (not on disk), so that it is shown as `papers/x.md`, not `papers/sub/../x.md`.
pub fn from_here(path: &Path) -> PathBuf {
    fold(&absolute(path))
}

/// `path` with `./` and `a/../` folded by name (a leading `..` of a relative path kept).
pub fn fold(p: &Path) -> PathBuf {
    // Already plain (nearly every path a run has): copied as it is.
    if p.to_str().is_some_and(plain_relative) {
        return p.to_path_buf();
    }
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to `root` when inside it, else as given.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

#[cfg(test)]
mod tests;

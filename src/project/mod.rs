//! The project: its root, house style and folders, opened once per run, and the papers
//! found under it (the first stage: nothing of a paper is read here).

pub mod walk;

use std::path::{Path, PathBuf};

use crate::config::HouseStyle;
use crate::diag::{Diagnostic, Sources};
pub use walk::PaperSource;

/// The folders given in place of `clerk.yaml`'s `papers_dir` and `output_dir` (the
/// command line's `--papers` and `--out`); `None` keeps the house's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folders {
    /// The papers folder.
    pub papers: Option<PathBuf>,
    /// The output folder.
    pub out: Option<PathBuf>,
}

/// A project: its root, house style and folders, resolved once per run.
#[derive(Debug, Clone)]
pub struct Project {
    /// Absolute project root.
    pub root: PathBuf,
    /// The house style (`clerk.yaml` over the default).
    pub house: HouseStyle,
    /// Absolute folder of papers.
    pub papers_dir: PathBuf,
    /// Absolute output folder.
    pub out_dir: PathBuf,
}

impl Project {
    /// Opens the project at `root`: loads the house style and resolves the folders (flags win
    /// over `clerk.yaml`). Errors here are project-level (exit code 2); the house style's
    /// text is kept in `sources` for them.
    pub fn open(
        root: &Path,
        papers: Option<&Path>,
        out: Option<&Path>,
        sources: &mut Sources,
    ) -> Result<Project, Vec<Diagnostic>> {
        let root = std::path::absolute(root)
            .and_then(|r| r.canonicalize())
            .map_err(|e| {
                vec![
                    Diagnostic::file_error(
                        "no-project",
                        root,
                        format!("cannot open the project folder ({e})"),
                    )
                    .with_help("check the folder given with `--root`, or run clerk in the project's folder (the one with clerk.yaml and papers/)"),
                ]
            })?;
        let house = HouseStyle::load(&root, sources)?;
        let papers_dir = resolve(&root.join(papers.unwrap_or(&house.papers_dir)));
        let out_dir = resolve(&root.join(out.unwrap_or(&house.output_dir)));
        let bad_out = out_dir == root || out_dir == papers_dir || papers_dir.starts_with(&out_dir);
        if bad_out {
            return Err(vec![Diagnostic::file_error(
                "bad-output-folder",
                &walk::relative(&root, &out_dir),
                "the output folder must not be the project root or contain the papers",
            )
            .with_help("set `output_dir` in clerk.yaml (or `--out`) to a folder of its own, such as `out`")]);
        }
        if !papers_dir.is_dir() {
            return Err(vec![Diagnostic::file_error(
                "no-papers",
                &walk::relative(&root, &papers_dir),
                "the papers folder does not exist",
            )
            .with_help("create it, run `clerk init` to start a project, or pass `--root` to the project folder")]);
        }
        Ok(Project {
            root,
            house,
            papers_dir,
            out_dir,
        })
    }

    /// The folder of meeting files (house key `meetings_dir`).
    pub fn meetings_dir(&self) -> PathBuf {
        self.root.join(&self.house.meetings_dir)
    }

    /// Every paper under the papers folder (or only those under `paths`, when given), with
    /// a warning for each YAML file there that is no paper's sidecar.
    pub fn papers(&self, paths: &[PathBuf]) -> (Vec<PaperSource>, Vec<Diagnostic>) {
        if paths.is_empty() {
            let (found, mut diags) = walk::walk(
                &self.root,
                &self.papers_dir,
                &self.papers_dir,
                (&self.out_dir, &self.meetings_dir()),
            );
            if found.is_empty() {
                diags.push(self.no_papers());
            }
            return (found, diags);
        }
        let mut all = (Vec::new(), Vec::new());
        let meetings = walk::from_here(&self.meetings_dir());
        for p in paths {
            let abs = walk::from_here(p);
            // The meeting files and the house style are checked by every run (`clerk check`
            // then says a meeting file's own problems): not papers.
            if abs.starts_with(&meetings)
                || abs == walk::from_here(&self.root.join(crate::config::HOUSE_FILE))
            {
                continue;
            }
            if abs.is_file()
                && abs.extension().is_none_or(|e| e != "md")
                && !walk::looks_like_a_paper(&abs)
            {
                all.1.push(not_a_paper(&self.root, &abs));
                continue;
            }
            if abs.is_dir() {
                let dirs = (self.out_dir.as_path(), self.meetings_dir());
                let (found, diags) =
                    walk::walk(&self.root, &self.papers_dir, &abs, (dirs.0, &dirs.1));
                all.0.extend(found);
                all.1.extend(diags);
            } else if let Some(paper) = abs.is_file().then(|| walk::appendix_of(&abs)).flatten() {
                // A Markdown appendix is checked with its paper, whose check reads it and
                // points into it: alone, it has no metadata of its own to check.
                all.1
                    .push(walk::appendix_checked_with(&self.root, &abs, &paper));
                all.0
                    .push(walk::source_for(&self.root, &self.papers_dir, &paper));
            } else if abs.is_file() {
                // Checked as asked, but said when a whole-project build would leave it out.
                if walk::looks_like_a_paper(&abs) {
                    all.1.push(walk::not_built(&self.root, &abs, true));
                }
                all.0
                    .push(walk::source_for(&self.root, &self.papers_dir, &abs));
            } else {
                all.1.push(self.path_not_found(p));
            }
        }
        walk::keep_unreserved(&mut all.0, &mut all.1);
        all.0.sort();
        all.0.dedup();
        all
    }
}

impl Project {
    /// [`not_found`], offering the paper `path` names from the papers folder rather than
    /// from the folder the command runs in (`good.md` for `papers/good.md`, `.md` or not).
    pub fn path_not_found(&self, path: &Path) -> Diagnostic {
        // A file beside it of a near name is the better guess, said as typed.
        let near = near_name(path);
        let d = not_found_near(path, near.as_deref());
        if near.is_some() {
            return d;
        }
        let inside = self.papers_dir.join(path);
        let with_md = PathBuf::from(format!("{}.md", inside.display()));
        let meant = [inside, with_md]
            .into_iter()
            .find(|p| path.is_relative() && p.exists());
        match meant {
            // Named from the folder the command runs in, as the path typed was.
            Some(m) => {
                let m = walk::from_here(&m);
                let here = std::env::current_dir().ok().map(|d| walk::from_here(&d));
                let shown = here
                    .and_then(|d| from_folder(&d, &m))
                    .unwrap_or_else(|| walk::relative(&self.root, &m));
                d.with_help(format!(
                    "did you mean `{}`? A path is read from the folder you are in",
                    shown.to_string_lossy().replace('\\', "/")
                ))
            }
            None => d,
        }
    }
}

/// `path` as written from the folder `dir` (both absolute): `../papers/good.md` from
/// `notes/`; `None` when they share no root (another drive).
fn from_folder(dir: &Path, path: &Path) -> Option<PathBuf> {
    let (d, p): (Vec<_>, Vec<_>) = (dir.components().collect(), path.components().collect());
    let common = d.iter().zip(&p).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return None;
    }
    let mut out: PathBuf = d[common..].iter().map(|_| "..").collect();
    out.extend(&p[common..]);
    Some(out)
}

/// The error for a file given to check that is no paper (a picture, a Word document, a PDF).
fn not_a_paper(root: &Path, path: &Path) -> Diagnostic {
    let word = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx") || e.eq_ignore_ascii_case("doc"));
    Diagnostic::file_error(
        "not-a-paper",
        &walk::relative(root, path),
        "this is not a paper: clerk checks papers (`.md` files), folders of them, and meeting files",
    )
    .with_help(if word {
        "to bring a Word paper into clerk, run `clerk import` on it"
    } else {
        "give the paper's `.md` file, or the folder it is in"
    })
}

impl Project {
    /// The warning for a papers folder with no paper in it: a build that makes nothing
    /// says so.
    fn no_papers(&self) -> Diagnostic {
        Diagnostic::file_error(
            "no-papers-found",
            &walk::relative(&self.root, &self.papers_dir),
            "there is no paper in the papers folder: a paper is a `.md` file whose name does not start with `_` or `.`",
        )
        .warning()
        .with_help("start one with `clerk new \"Title\" --meeting \"Committee\" --date 2026-05-19`")
    }
}

/// A paper or folder given on the command line that is not there; the one beside it that
/// it nearly names offered, when there is one.
pub fn not_found(path: &Path) -> Diagnostic {
    not_found_near(path, near_name(path).as_deref())
}

/// [`not_found`] with the file of a near name beside it already looked for.
fn not_found_near(path: &Path, near: Option<&Path>) -> Diagnostic {
    let d = Diagnostic::file_error("not-found", path, "no such paper or folder");
    match near {
        Some(near) => d.with_help(format!("did you mean `{}`?", near.display())),
        None => d.with_help("give the path of a `.md` paper or a folder of papers"),
    }
}

/// The one file or folder beside `path` whose name is `path`'s but for capitals or a slip
/// or two (a letter left out, doubled, changed or two swapped), or for a `.md` left off.
fn near_name(path: &Path) -> Option<PathBuf> {
    let typed = path.file_name()?.to_string_lossy().into_owned();
    let lower = typed.to_lowercase();
    let near = |l: &str| l == lower || strsim::damerau_levenshtein(l, &lower) <= 2;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let near: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            let l = name.to_lowercase();
            // A paper or meeting file named without its extension.
            let stem = (l.strip_suffix(".md").or_else(|| l.strip_suffix(".yaml")))
                .filter(|_| !lower.ends_with(".md") && !lower.ends_with(".yaml"));
            *name != typed && (near(&l) || stem.is_some_and(near))
        })
        .take(2)
        .collect();
    match near.as_slice() {
        [one] => Some(path.with_file_name(one)),
        _ => None,
    }
}

/// The project `start` is in, found as cargo finds `Cargo.toml`: the nearest folder at or
/// above `start` holding `clerk.yaml`, else the nearest holding a `papers` folder, else
/// `start` itself (where `clerk init` would make one).
pub fn find_root(start: &Path) -> PathBuf {
    let start = resolve(start);
    let nearest =
        |has: &dyn Fn(&Path) -> bool| start.ancestors().find(|d| has(d)).map(Path::to_path_buf);
    nearest(&|d| d.join(crate::config::HOUSE_FILE).is_file())
        .or_else(|| nearest(&|d| d.join("papers").is_dir()))
        .unwrap_or(start)
}

/// `path` made absolute and compared as the file system sees it: symbolic links and `..`
/// resolved as far as the path exists, the part not made yet (an output folder before the
/// first build) appended with `.` and `..` taken by name. So `out/..`, `papers/x/..` or a
/// link to the project root are seen for what they are.
pub fn resolve(path: &Path) -> PathBuf {
    use std::path::Component;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut resolved = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::Prefix(_) | Component::RootDir => resolved.push(part),
            Component::CurDir => {}
            // `resolved` has no links in it (it is canonical where it exists), so its
            // parent by name is its parent on disk.
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => {
                resolved.push(name);
                if let Ok(real) = resolved.canonicalize() {
                    resolved = real;
                }
            }
        }
    }
    resolved
}

#[cfg(test)]
mod tests;

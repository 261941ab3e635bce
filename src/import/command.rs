//! `clerk import PAPER.docx`: converts, writes NAME.md and NAME-images/ (refusing to
//! overwrite without `--force`), then runs clerk's checks on the result and returns every
//! diagnostic, the import's own among them, for the command to print.

use std::path::{Path, PathBuf};

use crate::diag::{self, Diagnostic, Sources};
use crate::pipeline::{self, BuildOptions};
use crate::project::{Project, walk::relative};

use super::{Imported, Limits, convert};

/// What an import did: where the paper is (or would be), its text and every diagnostic.
#[derive(Debug)]
pub struct ImportReport {
    /// The paper's path.
    pub paper: PathBuf,
    /// The converted paper.
    pub imported: Imported,
    /// Check and import diagnostics, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// The texts they point into.
    pub sources: Sources,
}

/// What to import and how (from `clerk import`'s flags).
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The Word document (.docx).
    pub docx: PathBuf,
    /// Folder to write the paper in (default: the papers folder).
    pub to: Option<PathBuf>,
    /// Check the result in a scratch folder and write nothing.
    pub dry_run: bool,
    /// Replace a paper (and its images folder) of the same name.
    pub force: bool,
}

/// Imports `args.docx` into `project`: converts, writes (unless a dry run), checks.
pub fn import(project: &Project, args: &ImportOptions) -> Result<ImportReport, Vec<Diagnostic>> {
    let docx = &args.docx;
    let limits = Limits::default();
    // Word's lock file beside a document open in it (`~$tates.docx`): not the document.
    if let Some(name) = docx.file_name().and_then(|n| n.to_str())
        && let Some(rest) = name.strip_prefix("~$")
    {
        return Err(vec![
            Diagnostic::file_error(
                "import-lock-file",
                docx,
                "this is the lock file Word keeps beside a document while it is open, not the document",
            )
            .with_help(format!("import the document itself (its name ends `…{rest}`); close it in Word first if the lock file stays")),
        ]);
    }
    let size = std::fs::metadata(docx).map(|m| m.len()).map_err(|e| {
        vec![
            Diagnostic::file_error(
                "not-found",
                docx,
                format!("cannot read the Word document ({e})"),
            )
            .with_help("give the path of a .docx file"),
        ]
    })?;
    if size > limits.file_bytes {
        return Err(vec![Diagnostic::file_error(
            "import-too-large",
            docx,
            format!(
                "the file is {} MB; clerk imports Word documents up to {} MB",
                size >> 20,
                limits.file_bytes >> 20
            ),
        )]);
    }
    let bytes = std::fs::read(docx).map_err(|e| {
        vec![Diagnostic::file_error(
            "unreadable",
            docx,
            format!("cannot read the Word document ({e})"),
        )]
    })?;
    let stem = paper_stem(docx);
    let dir = match &args.to {
        Some(d) => std::path::absolute(d).unwrap_or_else(|_| d.clone()),
        None => project.papers_dir.clone(),
    };
    let paper = dir.join(format!("{stem}.md"));
    let image_dir = format!("{stem}-images");
    let imported = convert(docx, &bytes, &project.house, &stem, limits).map_err(|d| vec![d])?;
    let appendices = imported.appendices.iter().map(|(name, _)| dir.join(name));
    let taken = [
        paper.clone(),
        paper.with_extension("yaml"),
        dir.join(&image_dir),
    ]
    .into_iter()
    .chain(appendices)
    .find(|p| p.exists());
    // A dry run says what the import itself would refuse, as a warning.
    let mut refusal = None;
    if let (Some(p), false) = (taken, args.force) {
        let d = Diagnostic::file_error(
            "exists",
            &relative(&project.root, &p),
            "this already exists; clerk does not overwrite it",
        )
        .with_help(
            "pass --force to replace it, --to another folder, or --dry-run to see the result",
        );
        if !args.dry_run {
            return Err(vec![d]);
        }
        refusal = Some(d.with_help("the import itself would stop here: pass --force to replace it, or --to another folder").warning());
    }
    if args.force && !args.dry_run {
        // Replaced whole: what an earlier import of the paper wrote and this one does not
        // (an appendix gone, a picture removed) is not left beside it.
        let _ = std::fs::remove_dir_all(dir.join(&image_dir));
        let ours = |name: &str| imported.appendices.iter().any(|(n, _)| n == name);
        let prefix = format!("_{stem}-appendix-");
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(&prefix) && name.ends_with(".md") && !ours(&name) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    let scratch = args
        .dry_run
        .then(Scratch::new)
        .transpose()
        .map_err(|e| write_failed(&dir, e))?;
    let (check_root, written) = match &scratch {
        Some(s) => {
            let rel = relative(&project.root, &paper);
            let rel = if rel.is_absolute() {
                PathBuf::from(paper.file_name().unwrap_or_default())
            } else {
                rel
            };
            (s.0.clone(), s.0.join(rel))
        }
        None => (project.root.clone(), paper.clone()),
    };
    write(&written, &image_dir, &imported).map_err(|e| write_failed(&written, e))?;
    let check_project = Project {
        root: check_root.clone(),
        house: project.house.clone(),
        papers_dir: check_root.join(relative(&project.root, &project.papers_dir)),
        out_dir: check_root.join(relative(&project.root, &project.out_dir)),
    };
    let opts = BuildOptions {
        formats: Vec::new(),
        paths: vec![written.clone()],
        draft_by_default: false,
        force: false,
    };
    let mut sources = Sources::default();
    let mut diagnostics = match pipeline::run(&check_project, &opts, &mut sources) {
        Ok(r) => {
            let mut all = r.diagnostics;
            for p in r.papers {
                sources.extend(&p.sources);
                all.extend(p.diagnostics);
            }
            all
        }
        Err(d) => d,
    };
    let shown = relative(&check_root, &written);
    sources.add(&shown, imported.markdown.as_str());
    let notes: Vec<Diagnostic> = imported
        .notes
        .iter()
        .map(|n| n.to_diagnostic(&shown, &imported.markdown))
        .collect();
    // The import's own note on a picture without alt text, a date it could not read, or a
    // placeholder it wrote names the Word text and the way out; the check's note on the
    // same line would say it twice. (A placeholder date stays an error: the paper cannot
    // be built with it.)
    let line = |d: &Diagnostic| d.locate(&sources).line;
    let own = |code: &str| -> &[&str] {
        match code {
            "image-alt" => &["import-image-alt"],
            "bad-date" => &["import-date"],
            "unfilled-placeholder" | "unusual-recommendation" => &["import-placeholder"],
            _ => &[],
        }
    };
    let no_recommendations = notes.iter().any(|n| n.code == "import-no-recommendations");
    diagnostics.retain(|d| {
        // The missing `recommendations`, said already as the section Word lacks.
        if no_recommendations && d.code == "missing-key" && d.message.contains("`recommendations`")
        {
            return false;
        }
        let mine = own(d.code);
        !notes
            .iter()
            .any(|n| mine.contains(&n.code) && line(n) == line(d) && line(n) > 0)
    });
    diagnostics.extend(notes);
    diagnostics.extend(refusal);
    diag::sort(&mut diagnostics);
    drop(scratch);
    Ok(ImportReport {
        paper,
        imported,
        diagnostics,
        sources,
    })
}

/// The name the paper imported from `docx` is written under (without `.md`): the
/// document's, made a slug (`Estates Strategy v2.docx` → `estates-strategy-v2`).
pub fn paper_stem(docx: &Path) -> String {
    let stem = docx
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match slug::slugify(&stem) {
        s if s.is_empty() => "imported-paper".to_string(),
        s => s,
    }
}

fn write(paper: &Path, image_dir: &str, imported: &Imported) -> std::io::Result<()> {
    let dir = paper.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    if !imported.images.is_empty() {
        let images = dir.join(image_dir);
        std::fs::create_dir_all(&images)?;
        for (name, bytes) in &imported.images {
            std::fs::write(images.join(name), bytes)?;
        }
    }
    for (name, text) in &imported.appendices {
        std::fs::write(dir.join(name), text)?;
    }
    std::fs::write(paper, &imported.markdown)
}

fn write_failed(path: &Path, e: std::io::Error) -> Vec<Diagnostic> {
    vec![Diagnostic::file_error(
        "write-failed",
        path,
        format!("cannot write the imported paper ({e})"),
    )]
}

/// A folder in the system's temporary folder for a dry run, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> std::io::Result<Scratch> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!("clerk-import-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

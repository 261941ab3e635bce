//! `clerk new` and `clerk init`: ready-to-edit papers and projects, never overwriting a file.

use std::path::{Path, PathBuf};

use crate::config::{DEFAULT_HOUSE_YAML, HOUSE_FILE, HouseStyle};
use crate::diag::{Diagnostic, Sources};
use crate::paper::placeholder;
use crate::render::DEFAULT_TEMPLATES;
use crate::schema::Key;
use wording::HouseWording;

mod meeting;
mod wording;
pub use meeting::new_meeting;

/// The example paper `clerk init` writes: the SPA committee paper clerk was modelled on.
pub const EXAMPLE_PAPER: &str =
    include_str!("../../papers/policing-performance/2021-09-01-hmics-progress-review.md");

/// Writes `text` to `path`, making its folder; `what` names it in the error.
fn write_new(path: &Path, text: String, what: &str) -> Result<(), Vec<Diagnostic>> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .and_then(|_| std::fs::write(path, text))
        .map_err(|e| {
            vec![Diagnostic::file_error(
                "write-failed",
                path,
                format!("cannot write {what} ({e})"),
            )]
        })
}

fn usage(message: impl Into<String>, help: &str) -> Vec<Diagnostic> {
    vec![Diagnostic::file_error("usage", Path::new("clerk"), message).with_help(help)]
}

/// A file name's part from a title: its slug, or `paper` when it has no letter or digit
/// (`???` would name the file `2026-05-19-.md`). An apostrophe joins its word
/// (`Chief Executive’s Report` → `chief-executives-report`, not `chief-executive-s-report`).
fn file_slug(title: &str) -> String {
    let slug = slug::slugify(title.replace(['\'', '\u{2019}', '\u{2bc}'], ""));
    if slug.is_empty() {
        "paper".into()
    } else {
        slug
    }
}

/// What `clerk new` is told about the paper to write.
#[derive(Debug, Clone, Default)]
pub struct NewPaper {
    /// Title of the paper.
    pub title: String,
    /// Committee name.
    pub meeting: String,
    /// Meeting date as given, checked to be `YYYY-MM-DD`.
    pub date: String,
    /// Folder to write the paper in (default: the papers folder).
    pub dir: Option<PathBuf>,
    /// Presenter's name and role.
    pub presented_by: Option<String>,
    /// Agenda item, e.g. `4.2`.
    pub agenda_item: Option<String>,
}

/// The `--date` flag read as a paper's date is, with the same `bad-date` message, about the
/// flag; `example` is the command written right.
fn date_flag(text: &str, example: &str) -> Result<jiff::civil::Date, Vec<Diagnostic>> {
    crate::paper::parse_date(text).map_err(|p| {
        // The example shows the date given, when it can be read (`19/05/2026`).
        let example = match crate::paper::typed_date::parse(text) {
            Some(read) => example.replace("2021-09-01", &read.date.to_string()),
            None => example.to_string(),
        };
        vec![
            Diagnostic::file_error("bad-date", Path::new("clerk new --date"), p.message)
                .with_help(format!("{}: `{example}`", p.help)),
        ]
    })
}

/// What `clerk new --meeting-file` is asked for.
#[derive(Debug, Clone)]
pub struct NewMeeting {
    /// Committee name.
    pub meeting: String,
    /// Meeting date as given, checked to be `YYYY-MM-DD`.
    pub date: String,
    /// Folder to write the meeting file in (default: the house's meetings folder).
    pub dir: Option<PathBuf>,
}

/// YAML double-quoted string (JSON strings are valid YAML).
/// A comment line for `clerk new`: the key's description from the schema, then `tail`.
fn note(key: Key, tail: &str) -> String {
    format!("# {}{tail}.\n", key.about())
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// Writes a new paper with every required key commented, the house's sections and its
/// implications listed. Refuses to overwrite. Returns the lines to print; the house style's
/// text goes in `sources`, for its diagnostics.
pub fn new_paper(
    root: &Path,
    args: &NewPaper,
    sources: &mut Sources,
) -> Result<Vec<String>, Vec<Diagnostic>> {
    let house = HouseStyle::load(root, sources)?;
    let date = date_flag(&args.date, "clerk new … --date 2021-09-01")?;
    if args.title.trim().is_empty() {
        return Err(usage(
            "the title is empty",
            "give the paper's title in quotes: clerk new \"Budget Monitoring Report\" --meeting … --date …",
        ));
    }
    if args.meeting.trim().is_empty() {
        return Err(usage(
            "the meeting is empty",
            "give the committee's name: --meeting \"Resources Committee\"",
        ));
    }
    if args
        .agenda_item
        .as_deref()
        .is_some_and(|a| a.trim().is_empty())
    {
        return Err(usage(
            "the agenda item is empty",
            "give its number, --agenda-item 4.2, or leave `--agenda-item` out",
        ));
    }
    // Its meeting's file, read once: the committee as it spells it, the numbers it gives.
    let file = meeting::meeting_file_of(root, &house, &args.meeting, date);
    let spelt = (file.as_ref()).and_then(|f| meeting::committee_spelt(f, &args.meeting));
    let respelt = spelt.as_ref().map(|c| NewPaper {
        meeting: c.clone(),
        ..args.clone()
    });
    let args = respelt.as_ref().unwrap_or(args);
    let dir = args
        .dir
        .clone()
        .unwrap_or_else(|| root.join(&house.papers_dir));
    let name = format!("{date}-{}.md", file_slug(&args.title));
    let path = dir.join(&name);
    if path.exists() || path.with_extension("yaml").exists() {
        return Err(vec![
            Diagnostic::file_error(
                "exists",
                &path,
                "a paper with this name already exists; clerk never overwrites it",
            )
            .with_help("choose another title, or edit the existing paper"),
        ]);
    }
    if let Some(taken) = (file.as_ref()).and_then(|f| meeting::number_taken(f, args)) {
        return Err(vec![taken]);
    }
    let text = new_paper_text(&house, args, date);
    write_new(&path, text, "the new paper")?;
    let papers = std::path::absolute(root.join(&house.papers_dir)).ok();
    let inside = std::path::absolute(&path)
        .ok()
        .zip(papers)
        .is_some_and(|(p, papers)| p.starts_with(papers));
    let next = if inside {
        format!(
            "Next: edit it, then run `clerk check {}` and `clerk build`.",
            path.display()
        )
    } else {
        format!(
            "Note: it is outside the papers folder ({}), so `clerk build` will not build it; move it there when it is ready.",
            house.papers_dir.display()
        )
    };
    let mut lines = vec![format!("Wrote {}", path.display()), next];
    if let Some(c) = &spelt {
        lines.push(format!(
            "Its `meeting:` is written `{c}`, as its meeting file spells the committee."
        ));
    }
    if inside {
        let note = |f| meeting::meeting_file_note((root, &house), f, args, &path);
        lines.extend(file.as_ref().and_then(note));
    }
    Ok(lines)
}

fn new_paper_text(house: &HouseStyle, args: &NewPaper, date: jiff::civil::Date) -> String {
    let presented_by = args
        .presented_by
        .clone()
        .unwrap_or_else(|| placeholder::PRESENTER.into());
    let agenda = match &args.agenda_item {
        Some(a) => format!("agenda_item: {}\n", quoted(a)),
        None => "# agenda_item: \"4.2\"\n".into(),
    };
    let vocab = house.recommendation_vocabulary.join(", ");
    let classes = house.classifications.join(", ");
    let wording = HouseWording::of(house);
    let recommendation_note = format!(
        "# {}; usually one of: {vocab}.\n",
        wording.recommendation_label
    );
    let recommendations_note = format!(
        "# The closing {} section (Markdown).\n",
        wording.recommendations_heading
    );
    let implications: String = house
        .implications
        .iter()
        .map(|i| format!("#   {}: |\n#     {}\n", i.key, placeholder::ELLIPSIS))
        .collect();
    let unnumbered = house
        .unnumbered_sections
        .first()
        .cloned()
        .unwrap_or_else(|| "Purpose".into());
    format!(
        "---\n\
{meeting_note}meeting: {meeting}\n\
{date_note}date: {date}\n\
{location_note}# location: {location}\n\
{agenda_note}{agenda}\
title: {title}\n\
{presented_by_note}presented_by: {presented_by}\n\
{recommendation_note}recommendation: {recommendation}\n\
{classification_note}# classification: {classification}\n\
{status_note}status: draft\n\
{extra}\
# Appendices (optional): each a title, and a PDF or Markdown file beside this paper\n\
# (a PDF must be tagged, with its fonts embedded: export it as PDF/A; a Markdown\n\
# file's name should start with _, and it needs no title of its own).\n\
# appendices:\n\
#   - title: Appendix title\n\
#     file: appendix-a.pdf\n\
# Implications left out show the house's default sentence. Fill in any of:\n\
# implications:\n\
{implications}\
{recommendations_note}recommendations: |\n  {recommendations}\n\
---\n\n\
# {unnumbered}\n\n\
{purpose}\n\n\
# Background\n\n\
{background}\n\n\
{background_list}\n",
        purpose = placeholder::PURPOSE,
        background = placeholder::BACKGROUND,
        background_list = placeholder::BACKGROUND_LIST,
        location = wording.location,
        recommendation = wording.recommendation,
        classification = wording.classification,
        extra = wording.extra,
        recommendations = wording.recommendations,
        meeting = quoted(&args.meeting),
        title = quoted(&args.title),
        presented_by = quoted(&presented_by),
        meeting_note = note(Key::Meeting, ""),
        date_note = note(Key::Date, ""),
        location_note = note(Key::Location, " (optional)"),
        agenda_note = note(Key::AgendaItem, " (optional; quote it)"),
        presented_by_note = note(Key::PresentedBy, ""),
        classification_note = note(
            Key::Classification,
            &format!(" (optional): one of {classes}")
        ),
        status_note = note(Key::Status, ""),
    )
}

/// The folder `clerk init` makes its project in: the one it is given, or `--root`, or where
/// the user stands; both a folder and `--root` is a usage error, not one silently ignored.
pub fn init_folder(dir: Option<&Path>, root: Option<&Path>) -> Result<PathBuf, Vec<Diagnostic>> {
    match (dir, root) {
        (Some(dir), Some(root)) => Err(usage(
            format!(
                "`clerk init` was given two folders for the new project: {} and `--root {}`",
                dir.display(),
                root.display()
            ),
            &format!(
                "name the folder once: `clerk init {}` (or `clerk init --root {}`)",
                dir.display(),
                root.display()
            ),
        )),
        (Some(p), None) | (None, Some(p)) => Ok(p.to_path_buf()),
        (None, None) => Ok(PathBuf::from(".")),
    }
}

/// Makes a project in `dir`: `clerk.yaml` (the commented default house style), `papers/`
/// with the example paper, a `.gitignore` for `out/`, and with `templates` the default
/// templates to edit; in a project already there, `templates` writes the templates alone.
/// Refuses to overwrite any file.
pub fn init(dir: &Path, templates: bool) -> Result<Vec<String>, Vec<Diagnostic>> {
    let mut files: Vec<(PathBuf, &str)> = vec![
        (dir.join(HOUSE_FILE), DEFAULT_HOUSE_YAML),
        (
            dir.join("papers/2021-09-01-hmics-progress-review.md"),
            EXAMPLE_PAPER,
        ),
        (dir.join(".gitignore"), "/out\n"),
    ];
    let template_files =
        DEFAULT_TEMPLATES.map(|(name, text)| (dir.join("templates").join(name), text));
    let existing_project = dir.join(HOUSE_FILE).is_file();
    if templates && existing_project {
        // The templates added to a project that has none yet (`clerk init` run before).
        files = template_files.to_vec();
    } else if templates {
        files.extend(template_files);
    }
    // A project already here: one error for it, not one per file it would have written.
    if existing_project && !templates {
        return Err(vec![
            Diagnostic::file_error(
                "project-exists",
                &crate::project::walk::fold(&dir.join(HOUSE_FILE)),
                "this folder already holds a clerk project (it has a clerk.yaml); clerk init never overwrites one",
            )
            .with_help("carry on with it (`clerk new \"Title\" --meeting \"…\" --date YYYY-MM-DD`, then `clerk build`), or start another project in a new folder with `clerk init NEW-FOLDER`"),
        ]);
    }
    // A project inside another would be built twice: its papers are the outer one's too.
    let outer = (!existing_project)
        .then(|| std::path::absolute(dir).ok())
        .flatten()
        .and_then(|d| {
            d.ancestors()
                .skip(1)
                .find(|a| a.join(HOUSE_FILE).is_file())
                .map(Path::to_path_buf)
        });
    if let Some(outer) = outer {
        return Err(vec![
            Diagnostic::file_error(
                "inside-project",
                dir,
                format!("this folder is inside the project at {}", outer.display()),
            )
            .with_help("add papers to that project with `clerk new`, or run `clerk init` in a folder outside it"),
        ]);
    }
    let existing: Vec<Diagnostic> = files
        .iter()
        .filter(|(p, _)| p.exists())
        .map(|(p, _)| {
            Diagnostic::file_error(
                "exists",
                p,
                "this file already exists; clerk init never overwrites it",
            )
            .with_help("run `clerk init` in an empty folder, or remove the file first")
        })
        .collect();
    if !existing.is_empty() {
        return Err(existing);
    }
    let mut lines = Vec::new();
    for (path, text) in &files {
        std::fs::create_dir_all(path.parent().unwrap_or(dir))
            .and_then(|_| std::fs::write(path, text))
            .map_err(|e| {
                vec![Diagnostic::file_error(
                    "write-failed",
                    path,
                    format!("cannot write this file ({e})"),
                )]
            })?;
        lines.push(format!("Wrote {}", path.display()));
    }
    let here = std::env::current_dir()
        .ok()
        .and_then(|d| d.canonicalize().ok());
    // Built first to see the example work (into out/, on this machine only); made the
    // house's own before anything is published.
    if dir.canonicalize().ok() == here {
        lines.push("Next: clerk build, and open out/index.html to see the example".into());
    } else {
        lines.push(format!(
            "Next: cd {} && clerk build, and open out/index.html to see the example",
            dir.display()
        ));
    }
    // The example paper is the SPA's: left in, it is published under the new house's name.
    let example = files
        .iter()
        .map(|(p, _)| p)
        .find(|p| p.extension() == Some("md".as_ref()));
    if let Some(example) = example {
        lines.push(format!(
            "Before you publish anything, make it yours: your organisation and logo in clerk.yaml, a paper with \
             `clerk new \"Title\" --meeting \"Committee\" --date YYYY-MM-DD`, and delete the \
             example paper {} once you have your own (it is the SPA's, and would be published \
             under your name)",
            example.display()
        ));
    }
    Ok(lines)
}

//! `clerk serve --write`: the previewed pages and their PDFs, the meetings' pages, files
//! and packs, the index and the manifests put into the output folder where `clerk build`
//! puts them — a private paper's page under `out/private/` (its public copies removed,
//! and its meeting's public pack that an earlier build made with it, then made afresh),
//! the public index without it, and the public manifest naming it by title and exempt
//! ground only, its full entry in `out/private/manifest.json` — so that no public output
//! holds a private paper, and every link of what is written leads to a file there.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::index::{Audience, index_page};
use super::rebuild::render_lazy;
use super::site::{Changed, Page, Shared, Site};
use crate::diag::Diagnostic;
use crate::meeting::AgendaItem;
use crate::output::meetings::{CALENDAR, MeetingOutputs, PRIVATE_DIR};
use crate::output::record::Record;
use crate::output::write::{OutputFile, slash_path, write_atomic};
use crate::output::{BuildReport, manifest};
use crate::project::walk::relative;
use crate::render::OutputFormat;
use crate::render::pdf::pack::{self, PackKind};

/// What `--write` last said of the output folder, so that a folder clerk cannot write in
/// is said once, not at every rebuild: again only when the problem changes, and when it is
/// fixed.
#[derive(Debug, Default)]
pub(super) struct FolderNotice {
    /// The problems last said; empty while the folders can be written in.
    said: Vec<Diagnostic>,
    /// Each pack written, by path, with what it was made from ([`super::packs::inputs`]):
    /// written again only when that changes.
    packs: std::collections::BTreeMap<String, String>,
    /// What was last said of the outputs not for publication (as a build's summary says
    /// it): said again only when it changes.
    private: String,
}

/// What to say of the output folder after a rebuild's check.
#[derive(Debug, PartialEq)]
enum Tell {
    /// Nothing new.
    Nothing,
    /// These problems, new or changed.
    Problems(Vec<Diagnostic>),
    /// The problems last said are gone.
    Fixed,
}

impl FolderNotice {
    /// Takes the problems a rebuild's check found (none when the folders can be written
    /// in) and tells what is new.
    fn tell(&mut self, now: Vec<Diagnostic>) -> Tell {
        if now == self.said {
            return Tell::Nothing;
        }
        let fixed = now.is_empty();
        self.said = now.clone();
        if fixed {
            Tell::Fixed
        } else {
            Tell::Problems(now)
        }
    }
}

/// Writes the `changed` pages, the meetings' pages and files, the index and the manifests
/// into the output folder, as served but without anything the server adds. Failures are
/// printed; a folder clerk cannot write in only when first found, changed or fixed
/// (`notice` remembers).
pub(super) fn write_out(
    site: &Site,
    shared: &Shared,
    mut changed: &Changed,
    notice: &mut FolderNotice,
) {
    let project = &site.project;
    let out = &project.out_dir;
    // What the last build wrote beside (a paper's PDF, a meeting's packs), listed while it
    // is still on disk as written, as a build lists the formats it did not make.
    let record = Record::read(out);
    // An output folder (or a folder in it) clerk cannot write in: one error, not one per
    // output, nor one per rebuild.
    let problems = folder_problems(site, &record);
    let blocked = !problems.is_empty();
    match notice.tell(problems) {
        Tell::Nothing => {}
        Tell::Problems(problems) => {
            crate::report::print_human(&problems, &crate::diag::Sources::default(), false);
            super::say(&format!(
                "Nothing is written to {}/ until it is fixed; the preview goes on.",
                relative(&project.root, out).display()
            ));
        }
        Tell::Fixed => {
            super::say(&format!(
                "{}/ can be written in again: the preview's pages are written there.",
                relative(&project.root, out).display()
            ));
            // What changed while nothing could be written is not known here: all of it.
            changed = &Changed::All;
            notice.packs.clear();
        }
    }
    if blocked {
        return;
    }
    let mut problems: Vec<Diagnostic> = crate::output::withdraw_manifest(project)
        .err()
        .into_iter()
        .collect();
    let mut put = |rel: &Path, bytes: &[u8]| {
        if let Err(e) = write_atomic(&out.join(rel), bytes) {
            let shown = relative(&project.root, &out.join(rel));
            problems.push(Diagnostic::file_error(
                "write-failed",
                &shown,
                format!("cannot write this output ({e})"),
            ));
        }
    };
    let private = &site.private;
    let mut papers = Vec::new();
    // Private papers an earlier build or preview had published.
    let mut turned = Vec::new();
    for entry in site.papers.values() {
        let href = entry.href();
        let mut report = entry.report.clone();
        let is_private = crate::meeting::file::is_private(private, &report.source.rel);
        let rel = if is_private {
            // Where public copies may have been written before the paper was taken in
            // private: never left there.
            let html = Path::new(&href);
            let removed = [html.to_path_buf(), html.with_extension("pdf")]
                .iter()
                .filter(|p| std::fs::remove_file(out.join(p)).is_ok())
                .count();
            if removed > 0 {
                turned.push(crate::meeting::file::normal(&report.source.rel));
                // The folder its own metadata names, for a meeting no file could be read
                // for: what a build wrote there, the preview does not write again.
                if let Some(meta) = &entry.good_meta {
                    let dir = crate::meeting::out_dir(&meta.meeting, meta.date);
                    if !site
                        .meetings
                        .contains_key(&crate::output::href(&dir.join(crate::meeting::PAGE_FILE)))
                    {
                        for rel in crate::output::withdraw::public_files(&dir) {
                            let _ = std::fs::remove_file(out.join(rel));
                        }
                    }
                }
            }
            for o in &mut report.outputs {
                o.path = format!("{PRIVATE_DIR}/{}", o.path);
            }
            Path::new(PRIVATE_DIR).join(&href)
        } else {
            PathBuf::from(&href)
        };
        let mut pdf = None;
        if let (Some(good), true) = (&entry.page.good, changed.contains(&format!("/{href}"))) {
            put(&rel, good);
            // Its PDF beside it, as the pages written link it (built as the preview serves it).
            // Not made from a house style or templates as they were before they broke.
            if entry.page.notes.errors == 0 && site.notes.errors == 0 && site.renderer.is_some() {
                let build = || render_lazy(site, entry, OutputFormat::Pdf);
                if let Ok(bytes) = shared.lazy_output(entry, OutputFormat::Pdf, build) {
                    let at = rel.with_extension("pdf");
                    put(&at, &bytes);
                    pdf = Some(OutputFile::describe(&at, &bytes));
                }
            }
        }
        let other = |path: &str| !path.ends_with(".html");
        let recorded = record.written(out, &report.source.display, other);
        crate::output::keep_other_formats(&mut report, recorded, is_private);
        if let Some(pdf) = pdf {
            report.outputs.retain(|o| o.path != pdf.path);
            report.outputs.push(pdf);
        }
        papers.push(report);
    }
    // A meeting's public packs made while one of those papers was public: the preview
    // makes packs only when asked for, so they are removed rather than left public. A pack
    // whose bookmarks are all items still public in it stays (the supplementary pack, when
    // the paper was not late); any doubt (a meeting file with errors, a pack that cannot be
    // read) removes it.
    let public_now = |i: &&AgendaItem| {
        i.paper()
            .is_none_or(|p| !crate::meeting::file::is_private(private, p))
    };
    for m in &site.meeting_list {
        let holds = m
            .items
            .iter()
            .filter_map(|i| i.paper())
            .any(|p| turned.contains(&crate::meeting::file::normal(p)));
        if holds {
            for kind in [PackKind::Public, PackKind::Supplementary] {
                let path = out.join(m.out_dir().join(kind.file_name()));
                let items: Vec<&AgendaItem> = m
                    .items
                    .iter()
                    .filter(|i| kind.holds(i))
                    .filter(public_now)
                    .collect();
                let keep = !m.failed
                    && std::fs::read(&path).is_ok_and(|bytes| {
                        pack::holds_only(&bytes, &items, &project.house.words.front_sheet)
                    });
                if !keep {
                    let _ = std::fs::remove_file(&path);
                }
            }
        }
    }
    // A meeting whose file has an error withholds its papers: its last good page and
    // agenda, which list them as public, are neither written nor left (as a build does).
    let withheld = withheld_meetings(site);
    for dir in &withheld {
        for rel in crate::output::withdraw::public_files(dir) {
            let _ = std::fs::remove_file(out.join(rel));
        }
    }
    let shown = |rel: &str| !withheld.iter().any(|d| Path::new(rel).starts_with(d));
    // The meetings' pages, agendas and calendar, as `clerk build` writes them.
    for (rel, page) in &site.meetings {
        if let (Some(good), true) = (&page.good, changed.contains(&format!("/{rel}")))
            && shown(rel)
        {
            put(Path::new(rel), good);
        }
    }
    for (rel, bytes) in &site.meeting_files {
        if changed.contains(&format!("/{rel}")) && shown(rel) {
            put(Path::new(rel), bytes);
        }
    }
    // The packs the pages link, each written again when what it is made from changed.
    let mut packs = Vec::new();
    for rel in site.packs.keys().filter(|rel| shown(rel)) {
        let Some(inputs) = super::packs::inputs(site, rel) else {
            continue;
        };
        if notice.packs.get(rel) == Some(&inputs) && out.join(rel).is_file() {
            continue;
        }
        if let Some(Ok(bytes)) = super::packs::pack_of(site, shared, rel, inputs.clone()) {
            put(Path::new(rel), &bytes);
            packs.push(OutputFile::describe(Path::new(rel), &bytes));
            notice.packs.insert(rel.clone(), inputs);
        }
    }
    // The public index: the preview's lists the private papers for the secretariat.
    let public = index_page(
        &site.papers,
        &site.meeting_links,
        site.renderer.as_deref(),
        (project, private),
        &Page::default(),
        Audience::Public,
    );
    let index = public.good.as_ref().map(|good| {
        put(Path::new(crate::output::INDEX_FILE), good);
        OutputFile::describe(Path::new(crate::output::INDEX_FILE), good)
    });
    // Last, and only when the index was written, so that the two agree.
    if index.is_some() {
        let mut report = BuildReport {
            papers,
            meetings: meetings_written(site, &record, &withheld, &packs),
            calendar: site
                .meeting_files
                .get(CALENDAR)
                .map(|ics| OutputFile::describe(Path::new(CALENDAR), ics)),
            private: private.clone(),
            ..BuildReport::default()
        };
        let gone = super::gone::remove_gone(site, &record, &report);
        // The meetings' outputs an error keeps stay listed, for a later run to remove.
        report.kept = gone.kept;
        let removed = gone.removed;
        if !removed.is_empty() {
            super::say(&format!(
                "Removed {} of papers or meetings that are gone: {}",
                crate::report::plural(removed.len(), "output"),
                removed.join(", ")
            ));
        }
        // The preview keeps no cache: its manifest lists no inputs.
        let inputs = manifest::Inputs::new();
        let shared = manifest::Shared::default();
        let (public, private) = manifest::manifests(&report, index.as_ref(), (&inputs, &shared));
        crate::output::publish_manifests(project, public, private, &mut problems);
        // Whoever publishes the folder must leave these out: said as a build says it.
        let shown = relative(&project.root, out);
        let note = crate::report::not_for_publication(&report, &shown);
        if note != notice.private {
            if !note.is_empty() {
                super::say(note.trim_end());
            }
            notice.private = note;
        }
    }
    crate::report::print_human(&problems, &crate::diag::Sources::default(), false);
}

/// The problems of the output folder and of the folders in it that the preview writes in
/// (its papers', its meetings', and those an earlier build wrote in); none when clerk may
/// write in them all.
fn folder_problems(site: &Site, record: &Record) -> Vec<Diagnostic> {
    let project = &site.project;
    if let Err(d) = crate::output::folder::ready(project) {
        return vec![d];
    }
    let mut dirs: BTreeSet<PathBuf> = BTreeSet::new();
    for entry in site.papers.values() {
        let href = PathBuf::from(entry.href());
        let rel = crate::meeting::file::normal(&entry.report.source.rel);
        let rel = if site.private.contains_key(&rel) {
            Path::new(PRIVATE_DIR).join(href)
        } else {
            href
        };
        dirs.extend(rel.parent().map(Path::to_path_buf));
    }
    let meetings = site.meetings.keys().chain(site.meeting_files.keys());
    dirs.extend(meetings.filter_map(|rel| Some(Path::new(rel).parent()?.to_path_buf())));
    dirs.extend(record.folders().into_iter().map(Path::to_path_buf));
    crate::output::folder::ready_below(project, dirs.iter().map(PathBuf::as_path))
        .err()
        .unwrap_or_default()
}

/// Each meeting with the page and agenda the preview holds for it, the packs written now
/// (`packs`), and those written before that are still as written, in a build's order.
fn meetings_written(
    site: &Site,
    record: &Record,
    withheld: &[PathBuf],
    packs: &[OutputFile],
) -> Vec<MeetingOutputs> {
    site.meeting_list
        .iter()
        .map(|m| {
            let dir = m.out_dir();
            if withheld.contains(&dir) {
                return MeetingOutputs {
                    meeting: m.clone(),
                    outputs: Vec::new(),
                    built: false,
                    removed: Vec::new(),
                };
            }
            let agenda = crate::output::href(&dir.join(crate::meeting::AGENDA_FILE));
            let page = crate::output::href(&dir.join(crate::meeting::PAGE_FILE));
            let agenda = site.meeting_files.get(&agenda).map(|b| (agenda, &b[..]));
            let page = site
                .meetings
                .get(&page)
                .and_then(|p| Some((page, &p.good.as_ref()?[..])));
            let mut outputs: Vec<OutputFile> = [agenda, page]
                .into_iter()
                .flatten()
                .map(|(rel, bytes)| OutputFile::describe(Path::new(&rel), bytes))
                .collect();
            let out = &site.project.out_dir;
            let under = slash_path(&dir);
            outputs.extend(
                packs
                    .iter()
                    .filter(|p| Path::new(&p.path).parent() == Some(Path::new(&under)))
                    .cloned(),
            );
            let kept = record.others_under(out, &under, &outputs);
            outputs.extend(kept);
            MeetingOutputs {
                meeting: m.clone(),
                outputs,
                built: !m.failed,
                removed: Vec::new(),
            }
        })
        .collect()
}

/// The output folders of the meetings whose file has an error and that hold a paper
/// private now (the error withholds it): what they last published lists it as public.
fn withheld_meetings(site: &Site) -> Vec<PathBuf> {
    let private: Vec<_> = site
        .papers
        .values()
        .filter(|e| {
            let rel = crate::meeting::file::normal(&e.report.source.rel);
            site.private.contains_key(&rel)
        })
        .collect();
    site.meeting_list
        .iter()
        .filter(|m| m.failed)
        .filter(|m| {
            private.iter().any(|e| {
                let meta = e.report.meta.as_ref().or(e.good_meta.as_ref());
                crate::output::withdraw::holds(m, &e.report.source.rel, meta)
            })
        })
        .map(crate::meeting::Meeting::out_dir)
        .collect()
}

#[cfg(test)]
mod tests;

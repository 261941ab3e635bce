//! Watching the project: `papers/`, `templates/`, `assets/` and `clerk.yaml`, through
//! notify with a short debouncer, then sorted into a [`ChangeSet`] (which papers changed,
//! or the templates or house style, so everything) and batched so that a burst of saves
//! gives one or two rebuilds while a lone save is rebuilt at once.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebouncedEvent, Debouncer, RecommendedCache, new_debouncer_opt};

use crate::config::HOUSE_FILE;
use crate::project::Project;
use crate::project::walk::relative;
use crate::render::TEMPLATES_DIR;

/// The project folder whose files (logo and the like) the templates may use.
pub(crate) const ASSETS_DIR: &str = "assets";

/// How long notify's debouncer holds an event, to pair renames and merge duplicates.
const DEBOUNCE: Duration = Duration::from_millis(10);
/// After a quiet spell, how long to gather the rest of one save (a temporary file and its
/// rename may arrive a tick apart) before rebuilding.
const SETTLE: Duration = Duration::from_millis(5);
/// A change this soon after the last rebuild is part of a burst…
pub(crate) const HOT: Duration = Duration::from_millis(500);
/// …and waits until the files have been quiet this long…
const QUIET: Duration = Duration::from_millis(200);
/// …but never longer than this, so a file saved non-stop is still previewed.
const MAX_WAIT: Duration = Duration::from_secs(3);
/// How long a paper that reads as empty may take to be written before it is built as is.
const HALF_WRITTEN: Duration = Duration::from_millis(100);

/// What the rebuild loop is told.
#[derive(Debug)]
pub(crate) enum Message {
    /// File events, debounced.
    Events(Vec<DebouncedEvent>),
    /// The watcher failed on something (printed, then watching goes on).
    Errors(Vec<notify::Error>),
    /// Ctrl-C or SIGTERM: stop.
    Stop,
}

/// What changed since the last rebuild.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct ChangeSet {
    /// `clerk.yaml`: reopen the project, reload the templates, rebuild all.
    pub(crate) house: bool,
    /// A template, the stylesheet or an asset: reload the templates, rebuild all.
    pub(crate) templates: bool,
    /// A file papers may use (image, `_appendix.md`, an appendix PDF): rebuild every paper.
    pub(crate) all_papers: bool,
    /// A folder came or went: look for added and removed papers.
    pub(crate) rescan: bool,
    /// Papers (absolute `.md` paths) written, created, renamed or deleted.
    pub(crate) papers: BTreeSet<PathBuf>,
    /// A meeting file: assemble the meetings again (no paper is rendered).
    pub(crate) meetings: bool,
    /// The files that changed, relative to the project, for the status line.
    pub(crate) files: BTreeSet<PathBuf>,
}

impl ChangeSet {
    /// Everything: the first build.
    pub(crate) fn everything() -> ChangeSet {
        ChangeSet {
            templates: true,
            all_papers: true,
            rescan: true,
            ..ChangeSet::default()
        }
    }

    /// Is there nothing to rebuild?
    pub(crate) fn is_empty(&self) -> bool {
        !(self.house || self.templates || self.all_papers || self.rescan || self.meetings)
            && self.papers.is_empty()
    }

    /// Does a changed paper read as empty (truncated, not yet written)?
    fn half_written(&self) -> bool {
        self.papers
            .iter()
            .any(|p| std::fs::metadata(p).is_ok_and(|m| m.len() == 0))
    }

    /// Sorts the debounced `events` into this set; events outside what clerk reads (the
    /// output folder, editor backups and swap files) are left out.
    pub(crate) fn add(&mut self, project: &Project, events: &[DebouncedEvent]) {
        for event in events {
            if event.need_rescan() {
                *self = ChangeSet {
                    house: true,
                    files: std::mem::take(&mut self.files),
                    ..ChangeSet::everything()
                };
                continue;
            }
            if !is_change(&event.kind) {
                continue;
            }
            let folder = matches!(
                event.kind,
                EventKind::Create(notify::event::CreateKind::Folder)
                    | EventKind::Remove(notify::event::RemoveKind::Folder)
            );
            for path in &event.paths {
                if self.add_path(project, path, folder) {
                    self.files.insert(relative(&project.root, path));
                }
            }
        }
    }

    fn add_path(&mut self, project: &Project, path: &Path, folder: bool) -> bool {
        if path.starts_with(&project.out_dir) {
            return false;
        }
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            return false;
        };
        if is_editor_temp(name) {
            return false;
        }
        if let Ok(rel) = path.strip_prefix(&project.papers_dir) {
            return self.add_paper_file(path, rel, name, folder);
        }
        let Ok(rel) = path.strip_prefix(&project.root) else {
            return false;
        };
        if rel == Path::new(HOUSE_FILE) {
            self.house = true;
        } else if rel.starts_with(TEMPLATES_DIR) || rel.starts_with(ASSETS_DIR) {
            self.templates = true;
        } else if rel.starts_with(&project.house.meetings_dir) {
            self.meetings = true;
        } else {
            return false;
        }
        true
    }

    fn add_paper_file(&mut self, path: &Path, rel: &Path, name: &str, folder: bool) -> bool {
        let skipped = rel
            .iter()
            .any(|c| c.to_string_lossy().starts_with(['_', '.']));
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            _ if folder || path.is_dir() => self.rescan = true,
            Some("md") if !skipped => {
                self.papers.insert(path.to_path_buf());
            }
            Some("yaml" | "yml") if !skipped => {
                self.papers.insert(path.with_extension("md"));
            }
            Some("md" | "png" | "jpg" | "jpeg" | "gif" | "svg" | "yaml" | "yml" | "pdf") => {
                self.all_papers = true;
            }
            // A folder that was removed or renamed away no longer says it is one.
            None if !name.contains('.') => self.rescan = true,
            _ => return false,
        }
        true
    }
}

/// Does this kind of event change what a file holds or where it is? Reading a file (clerk
/// reads every paper it builds) and metadata such as access times do not.
fn is_change(kind: &EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode, ModifyKind};
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Other => false,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Any | EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
    }
}

/// Names editors write beside a file while saving it: `.x.md.swp`, `x.md~`, `#x.md#`,
/// `.#x.md`, `x.md.tmp`, `4913` (vim's probe), `.goutputstream-…`.
fn is_editor_temp(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    name.starts_with(['.', '#'])
        || name.ends_with('~')
        || is_vim_probe(name)
        || [
            ".swp", ".swx", ".swo", ".tmp", ".bak", ".orig", ".crswap", ".part",
        ]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Is `name` the file vim writes to see whether it may write in a folder: `4913`, or
/// `4913` plus a multiple of 123 when that is taken (vim's `fileio.c`)? Not any number:
/// papers are often kept in folders named by year (`papers/2027/`).
fn is_vim_probe(name: &str) -> bool {
    name.len() <= 9
        && name.bytes().all(|b| b.is_ascii_digit())
        && name
            .parse::<u32>()
            .is_ok_and(|n| n >= 4913 && (n - 4913) % 123 == 0)
}

/// The file watcher; watching stops when it is dropped.
pub(crate) struct Watcher {
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    watched: BTreeSet<PathBuf>,
}

impl Watcher {
    /// Starts watching `project`, sending what it sees to `tx`.
    pub(crate) fn start(project: &Project, tx: Sender<Message>) -> notify::Result<Watcher> {
        let config = notify::Config::default().with_follow_symlinks(false);
        let handler = move |result: notify_debouncer_full::DebounceEventResult| {
            let _ = tx.send(match result {
                Ok(events) => Message::Events(events),
                Err(errors) => Message::Errors(errors),
            });
        };
        let debouncer =
            new_debouncer_opt(DEBOUNCE, None, handler, RecommendedCache::new(), config)?;
        let mut watcher = Watcher {
            debouncer,
            watched: BTreeSet::new(),
        };
        watcher
            .debouncer
            .watch(&project.root, RecursiveMode::NonRecursive)?;
        watcher
            .debouncer
            .watch(&project.papers_dir, RecursiveMode::Recursive)?;
        watcher.watched.insert(project.papers_dir.clone());
        watcher.update(project);
        Ok(watcher)
    }

    /// Watches the folders of `project` that exist now (`templates/` made after the start,
    /// a new `papers_dir` in `clerk.yaml`), and stops watching those it no longer has.
    /// True when it started watching a folder.
    pub(crate) fn update(&mut self, project: &Project) -> bool {
        let wanted: BTreeSet<PathBuf> = [
            project.papers_dir.clone(),
            project.root.join(TEMPLATES_DIR),
            project.root.join(ASSETS_DIR),
            project.meetings_dir(),
        ]
        .into_iter()
        .filter(|dir| dir.is_dir())
        .collect();
        for gone in self
            .watched
            .difference(&wanted)
            .cloned()
            .collect::<Vec<_>>()
        {
            let _ = self.debouncer.unwatch(&gone);
            self.watched.remove(&gone);
        }
        let mut added = false;
        for dir in wanted {
            if !self.watched.contains(&dir)
                && self.debouncer.watch(&dir, RecursiveMode::Recursive).is_ok()
            {
                self.watched.insert(dir);
                added = true;
            }
        }
        added
    }
}

/// What the rebuild loop should do next.
#[derive(Debug)]
pub(crate) enum Next {
    /// Rebuild these changes.
    Rebuild(ChangeSet),
    /// Stop serving.
    Stop,
}

/// Waits for changes worth a rebuild and gathers the rest of them: a lone save comes back
/// after [`SETTLE`]; a save within [`HOT`] of the last rebuild waits for [`QUIET`] (at most
/// [`MAX_WAIT`]), so a burst of saves is one rebuild. Watcher errors are printed.
pub(crate) fn next(rx: &Receiver<Message>, project: &Project, last_rebuild: Instant) -> Next {
    let mut changes = ChangeSet::default();
    while changes.is_empty() {
        match rx.recv() {
            Ok(Message::Events(events)) => changes.add(project, &events),
            Ok(Message::Errors(errors)) => print_errors(&errors),
            Ok(Message::Stop) | Err(_) => return Next::Stop,
        }
    }
    let first = Instant::now();
    let quiet = if last_rebuild.elapsed() < HOT {
        QUIET
    } else {
        SETTLE
    };
    let mut wait = quiet;
    let mut grace: Option<Instant> = None;
    loop {
        let waited = first.elapsed();
        let due = waited >= MAX_WAIT;
        let event = (!due).then(|| rx.recv_timeout(wait.min(MAX_WAIT - waited)));
        match event {
            Some(Ok(Message::Events(events))) => {
                changes.add(project, &events);
                wait = quiet;
            }
            Some(Ok(Message::Errors(errors))) => print_errors(&errors),
            Some(Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected)) => return Next::Stop,
            // Quiet, or waited long enough: rebuild, unless a paper reads as empty, as one
            // caught between an editor's truncation and its write does; give that a moment.
            None | Some(Err(RecvTimeoutError::Timeout)) => {
                let until = *grace.get_or_insert_with(|| Instant::now() + HALF_WRITTEN);
                if Instant::now() >= until || !changes.half_written() {
                    return Next::Rebuild(changes);
                }
                wait = SETTLE;
                if due {
                    std::thread::sleep(SETTLE);
                }
            }
        }
    }
}

fn print_errors(errors: &[notify::Error]) {
    for e in errors {
        eprintln!("warning: watching files: {e}");
    }
}

#[cfg(test)]
mod tests;

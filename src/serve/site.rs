//! The preview's state. A [`Site`] is an immutable snapshot of every page, replaced whole
//! by each rebuild; [`Shared`] hands the current one to request threads, wakes the event
//! streams when it changes, and caches the outputs built on first request (PDF).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use clap::ValueEnum;

use super::overlay::Notes;
use crate::diag::{Diagnostic, Sources};
use crate::meeting::Meeting;
use crate::output::{PaperReport, href, output_path};
use crate::paper::PaperMeta;
use crate::project::{Folders, Project};
use crate::render::pdf::pack::PackKind;
use crate::render::{MeetingLink, OutputFormat, Renderer};

/// The format every paper is built to at once; the others are built when first asked for.
pub(crate) const EAGER: OutputFormat = OutputFormat::Html;

/// The format whose outputs end in `.ext`. Every format but [`EAGER`] is built on first
/// request and cached until the paper changes, so a new format is served with no change
/// here.
pub(crate) fn format_for(path: &Path) -> Option<OutputFormat> {
    let ext = path.extension()?.to_str()?;
    OutputFormat::value_variants()
        .iter()
        .copied()
        .find(|f| f.extension() == ext)
}

/// One page: its last render without errors, and its current diagnostics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Page {
    /// The last good render, kept when a later edit breaks the source.
    pub(crate) good: Option<Arc<[u8]>>,
    /// The current diagnostics, rendered.
    pub(crate) notes: Notes,
}

/// One paper of the preview.
#[derive(Debug)]
pub(crate) struct PaperEntry {
    /// The paper's report; `outputs` describe the last good HTML.
    pub(crate) report: PaperReport,
    /// The metadata of the last good HTML, which the index lists.
    pub(crate) good_meta: Option<PaperMeta>,
    /// Its HTML page.
    pub(crate) page: Page,
    /// The rebuild that last rendered it: a cached lazy output of an older one is stale.
    pub(crate) generation: u64,
}

impl PaperEntry {
    /// The page's path relative to the index (`a/b.html`).
    pub(crate) fn href(&self) -> String {
        href(&output_path(&self.report.source.rel, EAGER))
    }
}

/// Problems that are not one paper's, kept apart so each is cleared by its own fix.
#[derive(Debug, Clone, Default)]
pub(crate) struct Problems {
    /// `clerk.yaml` (or the folders it names) could not be loaded.
    pub(crate) house: Vec<Diagnostic>,
    /// A template, the stylesheet or the logo could not be loaded.
    pub(crate) templates: Vec<Diagnostic>,
    /// Folders under `papers/` that could not be read.
    pub(crate) walk: Vec<Diagnostic>,
    /// Problems of the meeting files and of the meetings' cross-checks.
    pub(crate) meetings: Vec<Diagnostic>,
    /// The texts of the house style and templates, which they point into.
    pub(crate) sources: Sources,
}

impl Problems {
    /// All of them, house first.
    pub(crate) fn all(&self) -> Vec<Diagnostic> {
        [&self.house, &self.templates, &self.walk, &self.meetings]
            .into_iter()
            .flatten()
            .cloned()
            .collect()
    }
}

/// Everything the preview shows, as of one rebuild.
#[derive(Debug)]
pub(crate) struct Site {
    /// The folder flags given to `clerk serve`, to reopen the project when `clerk.yaml` changes.
    pub(crate) folders: Folders,
    /// The project as last opened without error.
    pub(crate) project: Arc<Project>,
    /// The templates as last loaded without error; `None` until they first load.
    pub(crate) renderer: Option<Arc<Renderer>>,
    /// Every paper, by path relative to the papers folder.
    pub(crate) papers: BTreeMap<PathBuf, Arc<PaperEntry>>,
    /// The index page.
    pub(crate) index: Page,
    /// Meeting pages by path relative to the output folder (`meetings/SLUG/index.html`).
    pub(crate) meetings: BTreeMap<String, Page>,
    /// Each meeting's `agenda.pdf` and the calendar `meetings.ics`, by path relative to the
    /// output folder, as served.
    pub(crate) meeting_files: BTreeMap<String, Arc<[u8]>>,
    /// The meeting each agenda PDF was rendered from (kept while it is unchanged).
    pub(crate) agendas: BTreeMap<String, crate::meeting::Meeting>,
    /// Each meeting's packs by path relative to the output folder, built on first request.
    pub(crate) packs: BTreeMap<String, (Arc<Meeting>, PackKind)>,
    /// Every meeting as assembled, in the order a build's manifest lists them (`--write`).
    pub(crate) meeting_list: Vec<Meeting>,
    /// The index's link to each meeting (`--write` renders the public index with them).
    pub(crate) meeting_links: Vec<MeetingLink>,
    /// The papers kept out of public outputs (taken in private, or withheld while a
    /// meeting file is broken), as of the last rebuild.
    pub(crate) private: BTreeMap<PathBuf, String>,
    /// The index's status panel (every paper's state).
    pub(crate) status_panel: String,
    /// Problems that are not one paper's.
    pub(crate) problems: Problems,
    /// Those of them every page shows: `clerk.yaml`'s and the templates', which every
    /// render depends on.
    pub(crate) notes: Notes,
    /// The rest (the meeting files', the meetings' cross-checks, the papers folder's),
    /// shown on the index and the meeting pages.
    pub(crate) project_notes: Notes,
    /// Those of them about one paper (its display path → them), shown on its page too.
    pub(crate) paper_notes: BTreeMap<PathBuf, Notes>,
    /// What each meeting's page shows of them: all but another meeting file's, by the
    /// page's path.
    pub(crate) meeting_notes: BTreeMap<String, Notes>,
}

impl Site {
    /// A site with no pages yet, to build the first one from.
    pub(crate) fn empty(project: Project, folders: Folders) -> Site {
        Site {
            folders,
            project: Arc::new(project),
            renderer: None,
            papers: BTreeMap::new(),
            index: Page::default(),
            meetings: BTreeMap::new(),
            meeting_files: BTreeMap::new(),
            agendas: BTreeMap::new(),
            packs: BTreeMap::new(),
            meeting_list: Vec::new(),
            meeting_links: Vec::new(),
            private: BTreeMap::new(),
            status_panel: String::new(),
            problems: Problems::default(),
            notes: Notes::default(),
            project_notes: Notes::default(),
            paper_notes: BTreeMap::new(),
            meeting_notes: BTreeMap::new(),
        }
    }

    /// The paper whose output is at `rel` (`a/b.html`, `a/b.pdf`), with that output's format.
    pub(crate) fn output(&self, rel: &str) -> Option<(&Arc<PaperEntry>, OutputFormat)> {
        let rel = Path::new(rel);
        let format = format_for(rel)?;
        let entry = self.papers.get(&rel.with_extension("md"))?;
        Some((entry, format))
    }
}

/// The pages a rebuild changed, for the reload event and `--write`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Changed {
    /// Every page: what is shown on every page changed, or a stream missed a change.
    All,
    /// These pages (`/a/b.html`, `/index.html`); none when nothing a reader sees changed.
    Pages(Vec<String>),
}

impl Changed {
    /// True when no page changed.
    pub(crate) fn is_empty(&self) -> bool {
        matches!(self, Changed::Pages(p) if p.is_empty())
    }

    /// True when the page at `path` (`/a/b.html`) changed.
    pub(crate) fn contains(&self, path: &str) -> bool {
        match self {
            Changed::All => true,
            Changed::Pages(pages) => pages.iter().any(|p| p == path),
        }
    }

    /// The paths as the reload event sends them to the page's script: `["*"]` for all.
    pub(crate) fn to_json(&self) -> String {
        let star = ["*".to_string()];
        let paths = match self {
            Changed::All => &star[..],
            Changed::Pages(pages) => pages,
        };
        serde_json::to_string(paths).unwrap_or_else(|_| "[\"*\"]".into())
    }
}

/// What an event stream is told after waiting.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Wait {
    /// Pages changed: the event id and the changed pages.
    Changed(String, Changed),
    /// Nothing happened before the timeout.
    Idle,
    /// The server is stopping.
    Stopped,
}

/// Lazy outputs by paper and format, with the generation each was built from.
type LazyCache = HashMap<(PathBuf, OutputFormat), (u64, Arc<[u8]>)>;
/// Packs by path: what they were built from (the meeting and its papers' generations), and
/// their bytes.
type PackCache = HashMap<String, (String, Arc<[u8]>)>;

#[derive(Debug)]
struct State {
    site: Arc<Site>,
    seq: u64,
    changed: Changed,
    stopping: bool,
}

/// The current site, shared by the rebuild loop (which publishes) and the request threads
/// (which read it and wait for changes).
#[derive(Debug)]
pub(crate) struct Shared {
    state: Mutex<State>,
    changed: Condvar,
    lazy: Mutex<LazyCache>,
    packs: Mutex<PackCache>,
    instance: String,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    /// Shares `site` as the first snapshot.
    pub(crate) fn new(site: Site) -> Shared {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Shared {
            state: Mutex::new(State {
                site: Arc::new(site),
                seq: 0,
                changed: Changed::Pages(Vec::new()),
                stopping: false,
            }),
            changed: Condvar::new(),
            lazy: Mutex::new(HashMap::new()),
            packs: Mutex::new(HashMap::new()),
            instance: format!("{:x}{:x}", std::process::id(), nanos),
        }
    }

    /// The current snapshot.
    pub(crate) fn site(&self) -> Arc<Site> {
        lock(&self.state).site.clone()
    }

    /// The current snapshot and the id of the change it was published with.
    pub(crate) fn snapshot(&self) -> (Arc<Site>, String) {
        let state = lock(&self.state);
        (state.site.clone(), self.event_id(state.seq))
    }

    /// Replaces the snapshot; when pages `changed`, tells every event stream.
    pub(crate) fn publish(&self, site: Site, changed: Changed) {
        let mut state = lock(&self.state);
        state.site = Arc::new(site);
        if !changed.is_empty() {
            state.seq += 1;
            state.changed = changed;
            self.changed.notify_all();
        }
    }

    /// Wakes every event stream to close.
    pub(crate) fn stop(&self) {
        lock(&self.state).stopping = true;
        self.changed.notify_all();
    }

    /// Where a new event stream starts, and whether a client that last saw `last_id` (from
    /// a reconnect's `Last-Event-ID`) has missed a change.
    pub(crate) fn cursor(&self, last_id: Option<&str>) -> (u64, bool) {
        let state = lock(&self.state);
        let missed = last_id.is_some_and(|id| id != self.event_id(state.seq));
        (state.seq, missed)
    }

    /// The id of the event for change `seq`, unique to this server process.
    pub(crate) fn event_id(&self, seq: u64) -> String {
        format!("{}-{seq}", self.instance)
    }

    /// Waits up to `timeout` for a change after `*seen`, and moves `*seen` to it. A stream
    /// that missed a change in between is told every page changed.
    pub(crate) fn wait(&self, seen: &mut u64, timeout: Duration) -> Wait {
        let deadline = Instant::now() + timeout;
        let mut state = lock(&self.state);
        loop {
            if state.stopping {
                return Wait::Stopped;
            }
            if state.seq > *seen {
                let changed = if state.seq == *seen + 1 {
                    state.changed.clone()
                } else {
                    Changed::All
                };
                *seen = state.seq;
                return Wait::Changed(self.event_id(state.seq), changed);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Wait::Idle;
            }
            state = self
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// The output of `entry` in a lazy `format`: from the cache when built since the paper
    /// last changed, else built now with `build` and kept.
    pub(crate) fn lazy_output(
        &self,
        entry: &PaperEntry,
        format: OutputFormat,
        build: impl FnOnce() -> Result<Vec<u8>, Notes>,
    ) -> Result<Arc<[u8]>, Notes> {
        let key = (entry.report.source.rel.clone(), format);
        if let Some((generation, bytes)) = lock(&self.lazy).get(&key)
            && *generation == entry.generation
        {
            return Ok(bytes.clone());
        }
        // Built outside the lock: a slow PDF must not hold up other requests.
        let bytes: Arc<[u8]> = build()?.into();
        lock(&self.lazy).insert(key, (entry.generation, bytes.clone()));
        Ok(bytes)
    }

    /// The pack at `rel`: from the cache when it was built from the same `inputs` (the
    /// meeting and its papers' generations), else built now with `build` and kept.
    pub(crate) fn pack_output(
        &self,
        rel: &str,
        inputs: String,
        build: impl FnOnce() -> Result<Vec<u8>, Notes>,
    ) -> Result<Arc<[u8]>, Notes> {
        if let Some((seen, bytes)) = lock(&self.packs).get(rel)
            && *seen == inputs
        {
            return Ok(bytes.clone());
        }
        let bytes: Arc<[u8]> = build()?.into();
        lock(&self.packs).insert(rel.to_string(), (inputs, bytes.clone()));
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests;

//! Meeting files (`meetings/*.yaml`) read from the spanned YAML tree and checked key by key:
//! every problem at once, each at its line and column, misspelt keys with a did-you-mean.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::{self, Diagnostic};
use crate::paper::Status;
use crate::yaml::{Key, Node, Pos, Value};

pub(crate) mod clock;
mod dash;
mod doubt;
mod items;
pub(crate) use items::heading_of;
mod load;
pub use load::{load_all, load_project};
mod stray;
mod values;

/// The keys a meeting file may have.
pub const MEETING_KEYS: &[&str] = &[
    "committee",
    "date",
    "time",
    "end",
    "location",
    "chair",
    "contact",
    "status",
    "items",
];

/// The keys an agenda item may have.
pub const ITEM_KEYS: &[&str] = &[
    "number",
    "title",
    "paper",
    "presenter",
    "purpose",
    "private",
    "exempt",
    "late",
    "deferred",
];

/// The keys a meeting file and each of its items must have.
const REQUIRED: [&str; 4] = ["committee", "date", "items", "number"];

/// A meeting file as read: what could be read of it, with where each part stands.
#[derive(Debug, Clone, Default)]
pub struct MeetingFile {
    /// The file, relative to the project root.
    pub file: PathBuf,
    /// Its text, to locate problems found later.
    pub text: String,
    /// `committee`.
    pub committee: Option<String>,
    /// `date`.
    pub date: Option<jiff::civil::Date>,
    /// `time`.
    pub time: Option<jiff::civil::Time>,
    /// Where `time` stands.
    pub time_pos: Pos,
    /// `end`: when the meeting is planned to end, after `time`.
    pub end: Option<jiff::civil::Time>,
    /// `location`.
    pub location: Option<String>,
    /// `chair`.
    pub chair: Option<String>,
    /// `contact`.
    pub contact: Option<String>,
    /// `status`.
    pub status: Option<Status>,
    /// `status: cancelled`: the meeting will not take place.
    pub cancelled: bool,
    /// `items`, in file order.
    pub items: Vec<FileItem>,
    /// Papers named in a file too broken to read: kept out of public pages until it is fixed.
    pub withheld: Vec<PathBuf>,
    /// Does the file have an error of its own?
    pub has_errors: bool,
    /// Does an error leave in doubt which papers it keeps private (any error but one of
    /// its time, place, chair, contact or status)? Its papers are withheld while it does.
    pub privacy_in_doubt: bool,
}

/// One item of a meeting file.
#[derive(Debug, Clone, Default)]
pub struct FileItem {
    /// `number`.
    pub number: String,
    /// Where the number stands (or the item, when it has none).
    pub number_pos: Pos,
    /// `title`.
    pub title: Option<String>,
    /// `paper`, relative to the papers folder.
    pub paper: Option<PathBuf>,
    /// Where `paper` stands.
    pub paper_pos: Pos,
    /// `presenter`.
    pub presenter: Option<String>,
    /// `purpose`.
    pub purpose: Option<String>,
    /// `private`.
    pub private: bool,
    /// `exempt`.
    pub exempt: Option<String>,
    /// `late`.
    pub late: bool,
    /// `deferred`: the date of the meeting its paper is put off to. The item stays on this
    /// agenda, said to be deferred, without its paper.
    pub deferred: Option<jiff::civil::Date>,
    /// Where `deferred` stands.
    pub deferred_pos: Pos,
}

/// Every meeting file of the project, with the problems found in them.
#[derive(Debug, Clone, Default)]
pub struct MeetingFiles {
    /// The files, in path order.
    pub files: Vec<MeetingFile>,
    /// Their problems.
    pub diagnostics: Vec<Diagnostic>,
}

impl MeetingFile {
    /// Its meeting's output folder (`meetings/2026-05-19-resources-committee`), when its
    /// committee and date can be read: two files with one are one meeting's.
    pub fn out_dir(&self) -> Option<PathBuf> {
        Some(super::out_dir(self.committee.as_deref()?, self.date?))
    }
}

impl FileItem {
    /// The paper this item puts on its agenda: none for a deferred item, whose paper
    /// belongs to the meeting it is put off to.
    pub fn listed_paper(&self) -> Option<&Path> {
        self.paper.as_deref().filter(|_| self.deferred.is_none())
    }
}

impl MeetingFiles {
    /// The papers taken in private (path relative to the papers folder → exempt ground),
    /// and those a broken meeting file names (withheld until it is fixed).
    pub fn private_papers(&self) -> BTreeMap<PathBuf, String> {
        let mut out = BTreeMap::new();
        for f in &self.files {
            for i in f.items.iter().filter(|i| i.private) {
                if let Some(p) = &i.paper {
                    let ground = i.exempt.clone().unwrap_or_default();
                    out.insert(normal(p), ground);
                }
            }
            for p in &f.withheld {
                out.entry(normal(p)).or_default();
            }
        }
        out
    }
}

/// A relative path with `./` and `a/../` folded, so two spellings of one paper compare equal.
pub(crate) fn normal(p: &Path) -> PathBuf {
    crate::project::walk::fold(p)
}

/// Is the paper at `rel` (relative to the papers folder, however spelt) one `private` holds
/// (the papers a run keeps private, by their [`normal`] path)?
pub(crate) fn is_private(private: &BTreeMap<PathBuf, String>, rel: &Path) -> bool {
    private.contains_key(&normal(rel))
}

/// Checks one meeting file's text; `papers_dir` is where its `paper` paths lead.
pub fn read(display: &Path, text: String, papers_dir: &Path) -> (MeetingFile, Vec<Diagnostic>) {
    // A byte-order mark (Notepad's UTF-8) is no character of the file: columns start after.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    let mut c = Reader {
        file: display,
        text: &text,
        diags: Vec::new(),
    };
    let mut m = MeetingFile {
        file: display.to_path_buf(),
        ..MeetingFile::default()
    };
    // A line YAML cannot read in the entry of a key that says nothing of the items (a
    // `location: [Room 1`): that entry is read as its key alone, and the rest as written.
    let read = match crate::yaml::to_node(&text, display) {
        Ok(root) => Ok((root, None)),
        Err(diags) => match doubt::past_neutral(&text, &diags) {
            Some((blanked, entry)) => match crate::yaml::to_node(&blanked, display) {
                Ok(root) => Ok((root, Some((diags, entry)))),
                Err(_) => Err(diags),
            },
            None => Err(diags),
        },
    };
    let in_doubt = match read {
        Ok((root, past)) => {
            c.diags
                .extend(crate::yaml::cut_by_comments(&root, &text, display));
            c.meeting(&root, &mut m, papers_dir);
            if let Some((said, entry)) = past {
                // What the entry read as its key alone would add is the error said already
                // (a key missing, said at the first key, is not).
                c.diags.retain(|d| {
                    d.code == "missing-key"
                        || !d.span.as_ref().is_some_and(|s| entry.contains(&s.start))
                });
                c.diags.extend(said);
            }
            doubt::privacy_in_doubt(&root, &text, &c.diags)
        }
        Err(mut diags) => {
            dash::new_item_without_dash(&mut diags, &text);
            c.diags.extend(diags);
            m.withheld = named_papers(&text);
            true
        }
    };
    m.has_errors = c.diags.iter().any(Diagnostic::is_error);
    m.privacy_in_doubt = m.has_errors && in_doubt;
    let diags = c.diags;
    m.text = text;
    (m, diags)
}

/// The `paper:` values of a file YAML cannot read, found line by line.
fn named_papers(text: &str) -> Vec<PathBuf> {
    text.lines()
        .filter_map(|l| {
            let l = l.trim().trim_start_matches("- ").trim();
            let v = l.strip_prefix("paper:")?.split(" #").next()?.trim();
            let v = v.trim_matches(['"', '\'']);
            (!v.is_empty()).then(|| PathBuf::from(v))
        })
        .collect()
}

struct Reader<'a> {
    file: &'a Path,
    text: &'a str,
    diags: Vec<Diagnostic>,
}

impl Reader<'_> {
    /// A diagnostic at `pos` of this file.
    pub(super) fn at(&self, pos: Pos, code: &'static str, message: String) -> Diagnostic {
        let d = Diagnostic::file_error(code, self.file, message);
        match pos.span_in(self.text) {
            Some(span) => d.with_span(span),
            None => d,
        }
    }

    fn error(&mut self, pos: Pos, code: &'static str, message: String, help: &str) {
        let d = self.at(pos, code, message).with_help(help);
        self.diags.push(d);
    }

    /// Reports each unknown key; one that is probably a key the map lacks (`exmept` for
    /// `exempt`, `itmes` for `items`) is one `misnamed-key` error saying both, and the key
    /// meant is returned, so that its absence is not said again.
    fn unknown_keys(
        &mut self,
        entries: &[(Key, Node)],
        known: &[&'static str],
        what: &str,
    ) -> Vec<&'static str> {
        let mut meant = Vec::new();
        for (k, _) in entries {
            if known.contains(&k.name.as_str()) {
                continue;
            }
            let best = diag::did_you_mean(&k.name, known.iter().copied());
            let lacking = best.filter(|b| entries.iter().all(|(e, _)| e.name != **b));
            if let Some(m) = lacking.and_then(|b| known.iter().find(|k| **k == b)) {
                meant.push(*m);
                // Only a key the file needs is said to be missing: `presenter` is optional.
                let missing = if REQUIRED.contains(m) {
                    ", which is missing"
                } else {
                    " misspelt"
                };
                self.error(
                    k.pos,
                    "misnamed-key",
                    format!(
                        "clerk has no key `{}`; it is probably `{m}`{missing}",
                        k.name
                    ),
                    &format!("write `{m}:` instead of `{}:`", k.name),
                );
                continue;
            }
            let help = match best {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("the keys {what} may have are: {}", known.join(", ")),
            };
            self.error(
                k.pos,
                "unknown-key",
                format!("unknown key `{}`", k.name),
                &help,
            );
        }
        meant
    }

    /// A one-line text value; numbers are taken as written (`3.10` stays `3.10`).
    fn meeting(&mut self, root: &Node, m: &mut MeetingFile, papers_dir: &Path) {
        let Value::Map(entries) = &root.value else {
            let help = "start with `committee:` and `date:` lines, then `items:`";
            self.error(
                root.pos,
                "wrong-type",
                "a meeting file must be a set of `key: value` lines".into(),
                help,
            );
            return;
        };
        let misnamed = self.unknown_keys(entries, MEETING_KEYS, "a meeting file");
        // A missing key is reported at the file's first key (past its opening comments).
        let top = entries.first().map_or(
            Pos {
                line: 1,
                column: 1,
                offset: Some(0),
                len: 1,
            },
            |(k, _)| k.pos,
        );
        for k in ["committee", "date", "items"] {
            if root.get(k).is_none() && !misnamed.contains(&k) {
                let help = match k {
                    "committee" => {
                        "add `committee: …` with the committee's name, as the papers' `meeting` gives it"
                    }
                    "date" => "add `date: YYYY-MM-DD` with the meeting's date",
                    _ => "add `items:` with the agenda, one `- number: \"1\"` entry per item",
                };
                self.error(
                    top,
                    "missing-key",
                    format!("the required key `{k}` is missing"),
                    help,
                );
            }
        }
        let opt = |r: &mut Self, k: &str| {
            root.get(k)
                .filter(|n| !n.is_null())
                .and_then(|n| r.text_of(k, n))
        };
        m.committee = opt(self, "committee");
        m.date = root.get("date").and_then(|n| self.date(n));
        if let Some(n) = root.get("time").filter(|n| !n.is_null()) {
            m.time = self.time("time", n);
            m.time_pos = n.pos;
        }
        if let Some(n) = root.get("end").filter(|n| !n.is_null()) {
            m.end = self.time("end", n);
            self.end_after_start(m, root.get("time").is_some_and(|t| !t.is_null()), n);
        }
        m.location = opt(self, "location");
        m.chair = opt(self, "chair");
        m.contact = opt(self, "contact");
        m.status = match opt(self, "status").as_deref() {
            None => None,
            Some("draft") => Some(Status::Draft),
            Some("final") => Some(Status::Final),
            Some("cancelled" | "canceled") => {
                // Its agenda stands as it was agreed; the pages and calendar say it is off.
                m.cancelled = true;
                Some(Status::Final)
            }
            Some(other) => {
                let pos = root.get("status").map_or(top, |n| n.pos);
                self.error(
                    pos,
                    "bad-status",
                    format!("`status` must be `draft`, `final` or `cancelled`, not `{other}`"),
                    "write `status: draft` until the agenda is agreed, then `status: final`; `status: cancelled` if the meeting will not take place",
                );
                None
            }
        };
        match root.get("items").map(|n| &n.value) {
            Some(Value::Seq(items)) => {
                for n in items {
                    if let Some(item) = self.item(n, papers_dir) {
                        m.items.push(item);
                    }
                }
                self.order(&m.items);
                self.inherit_private(&mut m.items);
            }
            Some(_) => {
                let pos = root.get("items").map_or(top, |n| n.pos);
                self.error(
                    pos,
                    "wrong-type",
                    "`items` must be a list".into(),
                    "write one item per entry under `items:`, each starting with `- number:`",
                );
            }
            None => {}
        }
    }
}

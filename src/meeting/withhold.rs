//! Privacy that fails safe: the papers kept out of every public output. Those taken in
//! private, of course; and while a meeting file has an error, what it meant to keep private
//! cannot be trusted — a misspelt `private:`, a wrong `paper:` path, a renamed `items:` —
//! so every paper it names, and every paper whose own metadata places it at that meeting,
//! is withheld (built as a private paper) until the file is fixed. A typo in a meeting file
//! never publishes a paper. Nor does an item struck off an agenda: a paper whose metadata
//! places it at a meeting with a file that does not list it (`not-on-agenda`) is withheld
//! until the file lists it, since the agenda, not the paper, says what is public.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::file::{FileItem, MeetingFile, MeetingFiles, normal};
use crate::config::HouseStyle;
use crate::diag::{Diagnostic, Sources};
use crate::project::PaperSource;
use crate::yaml;

/// `1 paper is` / `3 papers are`.
fn plural_papers(n: usize) -> String {
    if n == 1 {
        "1 paper is".to_string()
    } else {
        format!("{n} papers are")
    }
}

/// The first four of `papers` (relative to the papers folder), in backticks, and how
/// many more: `resources/a.md`, `resources/b.md` and 3 more.
fn named_papers(papers: &BTreeSet<PathBuf>) -> String {
    let shown: Vec<String> = papers
        .iter()
        .take(4)
        .map(|p| format!("`{}`", p.to_string_lossy().replace('\\', "/")))
        .collect();
    match papers.len().saturating_sub(shown.len()) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

/// A meeting file with an error, and what it holds back while it has one: the papers it
/// names (normalised), and the papers of its meeting — its day, and its committee when
/// that could be read (else any committee's papers of that day).
pub(super) struct Broken<'a> {
    file: &'a MeetingFile,
    named: BTreeSet<PathBuf>,
    meeting: Option<(jiff::civil::Date, Option<String>)>,
}

impl Broken<'_> {
    /// The papers it names (normalised), for tests.
    #[cfg(test)]
    pub(super) fn named_papers(&self) -> Vec<PathBuf> {
        self.named.iter().cloned().collect()
    }

    /// Does it hold back the paper at `rel` (normalised) whose metadata gives `day` and
    /// `committee`?
    pub(super) fn holds(
        &self,
        rel: &Path,
        day: Option<jiff::civil::Date>,
        committee: Option<&str>,
    ) -> bool {
        self.named.contains(rel)
            || self.meeting.as_ref().zip(day).is_some_and(|((d, c), day)| {
                *d == day && c.as_deref().is_none_or(|c| Some(c) == committee)
            })
    }
}

impl MeetingFiles {
    /// The papers kept out of every public output (path relative to the papers folder →
    /// exempt ground, empty when withheld): [`MeetingFiles::private_papers`], and while a
    /// meeting file has an error, every paper of `papers` whose metadata gives that
    /// meeting's committee and date. `papers` is called (and the papers' metadata read)
    /// only then; a note for each broken file that withholds a paper goes in `notes`.
    pub fn withheld_papers(
        &self,
        papers: impl FnOnce() -> Vec<PaperSource>,
        house: &HouseStyle,
        notes: &mut Vec<Diagnostic>,
    ) -> BTreeMap<PathBuf, String> {
        let mut out = self.private_papers();
        let broken = self.broken();
        // The meetings with a file, and every paper a file lists: a paper none lists is
        // withheld when its own metadata places it at one of those meetings.
        let agendas: BTreeSet<(&str, jiff::civil::Date)> = self
            .files
            .iter()
            .filter_map(|f| Some((f.committee.as_deref()?, f.date?)))
            .collect();
        if broken.is_empty() && agendas.is_empty() {
            return out;
        }
        let listed: BTreeSet<PathBuf> = self.listed().map(normal).collect();
        // Each broken file's papers: those it names, and those of its meeting.
        let mut held: BTreeMap<&Path, BTreeSet<PathBuf>> = BTreeMap::new();
        for source in papers() {
            let rel = normal(&source.rel);
            if broken.is_empty() && listed.contains(&rel) {
                // On an agenda: its metadata is read when it is built, not here too.
                continue;
            }
            let (day, committee) = paper_meeting(&source, house).unzip();
            let committee = committee.flatten();
            for b in &broken {
                if b.holds(&rel, day, committee.as_deref()) {
                    out.entry(rel.clone()).or_default();
                    held.entry(&b.file.file).or_default().insert(rel.clone());
                }
            }
            if let (Some(day), Some(committee)) = (day, committee.as_deref())
                && !listed.contains(&rel)
                && agendas.contains(&(committee, day))
            {
                // `not-on-agenda`, said when the meetings are put together.
                out.entry(rel).or_default();
            }
        }
        for (file, papers) in held.into_iter().filter(|(_, p)| !p.is_empty()) {
            notes.push(
                Diagnostic::file_error(
                    "papers-withheld",
                    file,
                    format!(
                        "while this meeting file has errors, {} treated as private (a build puts them under `out/private/`, out of every public output), so that a mistake here never publishes a paper meant to be private",
                        plural_papers(papers.len())
                    ),
                )
                .with_help(format!(
                    "fix this file's errors and build again: the papers it names go back where it says (withheld now: {})",
                    named_papers(&papers)
                ))
                .warning(),
            );
        }
        out
    }
}

impl MeetingFiles {
    /// Every paper a meeting file names, as written: on its agenda, or found line by line
    /// in a file YAML cannot read. A deferred item does not list its paper: it belongs to
    /// the meeting it is put off to, whose agenda must list it.
    pub(super) fn listed(&self) -> impl Iterator<Item = &Path> {
        self.files.iter().flat_map(|f| {
            let items = f.items.iter().filter_map(FileItem::listed_paper);
            items.chain(f.withheld.iter().map(PathBuf::as_path))
        })
    }

    /// The files with an error that leaves in doubt which papers they keep private, each
    /// with what it holds back (see [`Broken`]): a file YAML
    /// cannot read gives its date and committee from its top-level `date:` and
    /// `committee:` lines, and the papers it names line by line (`withheld`).
    pub(super) fn broken(&self) -> Vec<Broken<'_>> {
        self.files
            .iter()
            .filter(|f| f.privacy_in_doubt)
            .map(|f| {
                let line = |key: &str| {
                    f.text.lines().find_map(|l| {
                        let v = l.strip_prefix(key)?.strip_prefix(':')?;
                        let v = v.split(" #").next()?.trim().trim_matches(['"', '\'']);
                        (!v.is_empty()).then(|| v.to_string())
                    })
                };
                let day = f
                    .date
                    .or_else(|| crate::paper::parse_date(&line("date")?).ok());
                let committee = f.committee.clone().or_else(|| line("committee"));
                let items = f.items.iter().filter_map(|i| i.paper.as_deref());
                let named = items
                    .chain(f.withheld.iter().map(PathBuf::as_path))
                    .map(normal)
                    .collect();
                Broken {
                    file: f,
                    named,
                    meeting: day.map(|d| (d, committee)),
                }
            })
            .collect()
    }
}

/// The `date` and `meeting` a paper's metadata gives, read without checking the rest;
/// `None` when its metadata cannot be read or has no readable date.
pub(super) fn paper_meeting(
    source: &PaperSource,
    house: &HouseStyle,
) -> Option<(jiff::civil::Date, Option<String>)> {
    let root = front_matter(source, house)?;
    let day = crate::paper::parse_date(root.get("date")?.as_text()?.trim()).ok()?;
    Some((day, committee_of(&root)))
}

/// The paper's metadata read as a tree, without checking it; `None` when it cannot be.
pub(super) fn front_matter(source: &PaperSource, house: &HouseStyle) -> Option<yaml::Node> {
    let split = source
        .read(house.limits.paper_bytes, &mut Sources::default())
        .ok()?;
    let limits = yaml::YamlLimits {
        values: house.limits.metadata_values,
        depth: house.limits.metadata_depth,
    };
    yaml::to_node_within(&split.yaml, &split.meta_file, limits).ok()
}

/// The committee a paper's metadata names (`meeting`), as meetings are matched.
pub(super) fn committee_of(root: &yaml::Node) -> Option<String> {
    root.get("meeting")
        .and_then(|n| n.as_text())
        .map(|t| crate::paper::shared_name(&t).to_string())
}

//! Papers the last build took in private stay private until a meeting file says
//! otherwise: one that no meeting file lists now keeps its place under `out/private/`, and
//! so, as a best guess that fails safe, does a new paper that may be one of them under
//! another name (a private paper deferred the usual way, its file renamed or copied for the
//! new date): the same title and committee, or a title that cannot be read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::file::{MeetingFiles, normal};
use super::withhold::{committee_of, front_matter};
use crate::config::HouseStyle;
use crate::diag::Diagnostic;
use crate::project::PaperSource;

/// What the last build knew of the papers, read back from its manifests.
pub trait LastBuild {
    /// The exempt ground of the paper at `display` (`papers/x.md`) when the last build
    /// took it in private.
    fn taken_in_private(&self, display: &Path) -> Option<&str>;
    /// Did the last build list any output of the paper at `display`?
    fn knew(&self, display: &Path) -> bool;
    /// Each paper the last build took in private.
    fn private_papers(&self) -> Vec<TakenPaper<'_>>;
}

/// A paper the last build took in private, as its private manifest lists it.
#[derive(Debug, Clone)]
pub struct TakenPaper<'a> {
    /// Where it was (`papers/x.md`).
    pub display: &'a Path,
    /// Its title, as it was, when the last build could read it.
    pub title: Option<&'a str>,
    /// Its committee (`meeting`), when it named one.
    pub committee: Option<&'a str>,
    /// Its exempt ground.
    pub ground: &'a str,
}

impl MeetingFiles {
    /// Keeps private each paper of `found` that the `last` build took in private but that
    /// no meeting file lists now and nothing else withholds: its meeting file was deleted or
    /// renamed, or its item struck off while its own metadata moved it to a meeting without
    /// a file. So too a paper the last build did not know, that no meeting file lists, with
    /// the title and committee of a paper it took in private (that paper renamed, say to
    /// defer it, or copied), or whose metadata cannot be read to tell it is another: a
    /// best guess that fails safe. Only a meeting file publishes a paper one took in
    /// private; a `still-private` warning for each says how.
    pub fn keep_taken_in_private(
        &self,
        found: &[PaperSource],
        (last, house): (&dyn LastBuild, &HouseStyle),
        out: &mut BTreeMap<PathBuf, String>,
        notes: &mut Vec<Diagnostic>,
    ) {
        let listed: BTreeSet<PathBuf> = self.listed().map(normal).collect();
        let taken = last.private_papers();
        for source in found {
            let rel = normal(&source.rel);
            if out.contains_key(&rel) || listed.contains(&rel) {
                continue;
            }
            let (ground, message) = match last.taken_in_private(&source.display) {
                Some(ground) => (
                    ground.to_string(),
                    "the last build took this paper in private, and no meeting file lists it now, so it stays private (built under `out/private/`, out of every public output)".to_string(),
                ),
                None if taken.is_empty() || last.knew(&source.display) => continue,
                None => match may_be(source, &taken, house) {
                    Some((was, why)) => (
                        was.ground.to_string(),
                        format!(
                            "{why} `{}`, which the last build took in private: it may be that paper renamed or copied, so it stays private (built under `out/private/`, out of every public output)",
                            was.display.display()
                        ),
                    ),
                    None => continue,
                },
            };
            out.insert(rel, ground);
            notes.push(
                Diagnostic::file_error("still-private", &source.display, message)
                .with_help("list it in its meeting's file: with `private: true` and its `exempt:` ground to keep it private, or without them to publish it (`clerk new --meeting-file` writes a meeting file for a meeting's papers)")
                .warning(),
            );
        }
    }
}

/// The paper of `taken` that `source`, a paper the last build did not know, may be, and
/// why: the same title (in any capitals and spacing) and, where both name one, the same
/// committee (so too a taken paper whose title the last build could not read, of that
/// committee); or, when `source`'s own title cannot be read, the first of its committee
/// (or the first of all), since nothing shows it is another.
fn may_be<'t, 'a>(
    source: &PaperSource,
    taken: &'t [TakenPaper<'a>],
    house: &HouseStyle,
) -> Option<(&'t TakenPaper<'a>, &'static str)> {
    let plain = |t: &str| {
        t.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let root = front_matter(source, house);
    let committee = root.as_ref().and_then(committee_of).map(|c| plain(&c));
    let same_committee = |t: &TakenPaper<'_>| match (t.committee, committee.as_deref()) {
        (Some(a), Some(b)) => plain(a) == b,
        _ => true,
    };
    let others = taken.iter().filter(|t| t.display != source.display);
    let title = root
        .as_ref()
        .and_then(|r| r.get("title"))
        .and_then(|t| t.as_text())
        .map(|t| plain(&t));
    let Some(title) = title else {
        let mut others = others.filter(|t| same_committee(t));
        return others
            .next()
            .map(|t| (t, "this paper's title cannot be read to tell it from"));
    };
    others
        .filter(|t| same_committee(t))
        .find(|t| t.title.is_none_or(|own| plain(own) == title))
        .map(|t| (t, "this paper has the title and committee of"))
}

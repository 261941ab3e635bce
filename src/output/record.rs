//! What earlier builds wrote, read back from the previous manifests (public and private)
//! before a run withdraws them: the record that lets a run keep listing the outputs of the
//! formats it did not build, keep a failed paper's last good output listed, and remove the
//! outputs of papers that are gone — and never touch a file clerk did not write.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

use super::meetings::PRIVATE_DIR;
use super::write::{OutputFile, slash_path, still_written};
use super::{MANIFEST, PREVIOUS_MANIFEST};

#[derive(Deserialize)]
struct Manifest {
    #[serde(default)]
    papers: Vec<Entry>,
    #[serde(default)]
    index: Option<OutputFile>,
    #[serde(default)]
    meetings: Vec<Outputs>,
    #[serde(default)]
    calendar: Option<OutputFile>,
    #[serde(default)]
    kept: Vec<OutputFile>,
}

#[derive(Deserialize)]
struct Outputs {
    #[serde(default)]
    outputs: Vec<OutputFile>,
}

#[derive(Deserialize)]
struct Entry {
    source: String,
    #[serde(default)]
    outputs: Vec<OutputFile>,
    /// The exempt ground of a paper taken in private (the private manifest's only).
    #[serde(default)]
    exempt: Option<String>,
    /// Its title, when it had one.
    #[serde(default)]
    title: Option<String>,
    /// Its committee, when it named one.
    #[serde(default)]
    meeting: Option<String>,
}

/// A paper a meeting file took in private: its exempt ground, title and committee.
#[derive(Debug, Clone)]
struct Taken {
    ground: String,
    title: Option<String>,
    meeting: Option<String>,
}

/// The outputs the previous manifests list: the papers' by source (`papers/x.md`), and the
/// others (index, meeting pages and agendas, calendar).
#[derive(Debug, Default, Clone)]
pub struct Record {
    by_source: BTreeMap<String, Vec<OutputFile>>,
    others: Vec<OutputFile>,
    /// The papers a meeting file took in private, by source.
    taken_in_private: BTreeMap<String, Taken>,
}

impl Record {
    /// Reads `manifest.json` and `private/manifest.json` in `out_dir` or, where a run was
    /// cut short before writing one, the one it withdrew ([`PREVIOUS_MANIFEST`]); what
    /// cannot be read records nothing.
    pub fn read(out_dir: &Path) -> Record {
        Record::read_from(&[
            (out_dir.to_path_buf(), false),
            (out_dir.join(PRIVATE_DIR), true),
        ])
    }

    /// [`Record::read`] of the private manifest alone (a few entries): what `clerk serve`
    /// needs to keep private the papers the last build took in private.
    pub fn read_private(out_dir: &Path) -> Record {
        Record::read_from(&[(out_dir.join(PRIVATE_DIR), true)])
    }

    /// The manifests of `dirs`, each with whether it is the private one.
    fn read_from(dirs: &[(std::path::PathBuf, bool)]) -> Record {
        let mut by_source: BTreeMap<String, Vec<OutputFile>> = BTreeMap::new();
        let mut others = Vec::new();
        let mut taken_in_private = BTreeMap::new();
        for (dir, private) in dirs {
            let private = *private;
            let read = |name: &str| {
                std::fs::read(dir.join(name))
                    .ok()
                    .and_then(|b| serde_json::from_slice::<Manifest>(&b).ok())
            };
            let Some(m) = read(MANIFEST).or_else(|| read(PREVIOUS_MANIFEST)) else {
                continue;
            };
            for e in m.papers {
                if let Some(ground) = e.exempt.filter(|g| private && !g.is_empty()) {
                    let (title, meeting) = (e.title, e.meeting);
                    let taken = Taken {
                        ground,
                        title,
                        meeting,
                    };
                    taken_in_private.insert(e.source.clone(), taken);
                }
                by_source.entry(e.source).or_default().extend(e.outputs);
            }
            others.extend(m.index);
            others.extend(m.meetings.into_iter().flat_map(|m| m.outputs));
            others.extend(m.calendar);
            others.extend(m.kept);
        }
        // In path order, so that a meeting's are found by a binary search (an archive
        // has thousands of meetings).
        others.sort_by(|a, b| a.path.cmp(&b.path));
        Record {
            by_source,
            others,
            taken_in_private,
        }
    }

    /// The exempt ground of the paper at `display` (`papers/x.md`) when the last build took
    /// it in private by a meeting file (not withheld for a file's error or a missing item).
    pub fn taken_in_private(&self, display: &Path) -> Option<&str> {
        self.taken_in_private
            .get(&slash_path(display))
            .map(|t| t.ground.as_str())
    }

    /// The papers (`papers/x.md`, from the project root) the last build made outputs of.
    pub fn papers(&self) -> impl Iterator<Item = &str> {
        self.by_source.keys().map(String::as_str)
    }

    /// The folders (relative to the output folder) holding the outputs earlier builds
    /// wrote, each once.
    pub fn folders(&self) -> BTreeSet<&Path> {
        self.by_source
            .values()
            .flatten()
            .chain(&self.others)
            .filter_map(|o| Path::new(&o.path).parent())
            .collect()
    }

    /// Did the last build publish the paper at `display` (`papers/x.md`): does the record
    /// list an output of it outside `out/private/`?
    pub fn was_public(&self, display: &Path) -> bool {
        let private = format!("{PRIVATE_DIR}/");
        self.by_source
            .get(&slash_path(display))
            .is_some_and(|outputs| outputs.iter().any(|o| !o.path.starts_with(&private)))
    }

    /// The recorded outputs of the paper at `display` (`papers/x.md`) still in `out_dir` as
    /// clerk wrote them.
    /// Only outputs `wanted` accepts (by path) are read to check them.
    pub fn written(
        &self,
        out_dir: &Path,
        display: &Path,
        wanted: impl Fn(&str) -> bool,
    ) -> Vec<OutputFile> {
        self.by_source
            .get(&slash_path(display))
            .into_iter()
            .flatten()
            .filter(|o| wanted(&o.path) && still_written(out_dir, o))
            .cloned()
            .collect()
    }

    /// The recorded output other than a paper's at `path` (relative to the output folder,
    /// `/`-separated), when there is one.
    pub fn other(&self, path: &str) -> Option<&OutputFile> {
        let at = self.others.partition_point(|o| o.path.as_str() < path);
        self.others.get(at).filter(|o| o.path == path)
    }

    /// The recorded outputs other than papers' under `dir` (a meeting's folder) still in
    /// `out_dir` as clerk wrote them, but not in `listed`.
    pub fn others_under(
        &self,
        out_dir: &Path,
        dir: &str,
        listed: &[OutputFile],
    ) -> Vec<OutputFile> {
        let prefix = format!("{dir}/");
        let first = self.others.partition_point(|o| o.path < prefix);
        self.others[first..]
            .iter()
            .take_while(|o| o.path.starts_with(&prefix))
            .filter(|o| !listed.iter().any(|l| l.path == o.path))
            .filter(|o| still_written(out_dir, o))
            .cloned()
            .collect()
    }

    /// Removes every recorded output that this run does not list (`listed`, paths relative
    /// to `out_dir`): those of papers that are gone and, with `meetings`, of meetings that
    /// are gone. Only files still as clerk wrote them are removed. Returns the paths removed
    /// and the paths left because they changed since; without `meetings`, the meetings'
    /// outputs kept (still as clerk wrote them), for the manifest to list.
    pub fn remove_unlisted(
        &self,
        out_dir: &Path,
        listed: &BTreeSet<&str>,
        meetings: bool,
    ) -> Unlisted {
        let (mut removed, mut changed) = (Vec::new(), Vec::new());
        let kept = if meetings {
            Vec::new()
        } else {
            self.others
                .iter()
                .filter(|o| !listed.contains(o.path.as_str()) && still_written(out_dir, o))
                .cloned()
                .collect()
        };
        let others = self.others.iter().filter(|_| meetings);
        let recorded = self.by_source.values().flatten().chain(others);
        let mut seen = BTreeSet::new();
        for o in recorded {
            if listed.contains(o.path.as_str()) || !seen.insert(o.path.as_str()) {
                continue;
            }
            let path = out_dir.join(&o.path);
            if !path.exists() {
                continue;
            }
            if still_written(out_dir, o) && std::fs::remove_file(&path).is_ok() {
                removed.push(o.path.clone());
                remove_empty_parents(out_dir, &path);
            } else {
                changed.push(o.path.clone());
            }
        }
        removed.sort();
        changed.sort();
        Unlisted {
            removed,
            changed,
            kept,
        }
    }
}

/// What [`Record::remove_unlisted`] did with the outputs a run does not list.
#[derive(Debug, Default)]
pub struct Unlisted {
    /// Removed (paths relative to the output folder).
    pub removed: Vec<String>,
    /// Left because they changed since clerk wrote them.
    pub changed: Vec<String>,
    /// Meetings' outputs kept by a run with errors.
    pub kept: Vec<OutputFile>,
}

/// Removes the folders above `path` that its removal left empty, up to `out_dir`.
pub(crate) fn remove_empty_parents(out_dir: &Path, path: &Path) {
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == out_dir || !d.starts_with(out_dir) || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

impl crate::meeting::LastBuild for Record {
    fn taken_in_private(&self, display: &Path) -> Option<&str> {
        Record::taken_in_private(self, display)
    }

    fn knew(&self, display: &Path) -> bool {
        self.by_source.contains_key(&slash_path(display))
    }

    fn private_papers(&self) -> Vec<crate::meeting::TakenPaper<'_>> {
        self.taken_in_private
            .iter()
            .map(|(source, t)| crate::meeting::TakenPaper {
                display: Path::new(source),
                title: t.title.as_deref(),
                committee: t.meeting.as_deref(),
                ground: &t.ground,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_only_what_it_wrote_for_papers_gone() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path();
        std::fs::create_dir_all(out.join("old")).unwrap();
        std::fs::write(out.join("old/a.html"), "clerk wrote this").unwrap();
        std::fs::write(out.join("old/a.pdf"), "edited by hand").unwrap();
        std::fs::write(out.join("keep.html"), "still a paper").unwrap();
        let a = OutputFile::describe(Path::new("old/a.html"), b"clerk wrote this");
        let a_pdf = OutputFile::describe(Path::new("old/a.pdf"), b"as clerk wrote it");
        let keep = OutputFile::describe(Path::new("keep.html"), b"still a paper");
        let json = serde_json::json!({"papers": [
            {"source": "papers/old/a.md", "outputs": [a, a_pdf]},
            {"source": "papers/keep.md", "outputs": [keep]},
        ]});
        std::fs::write(out.join(MANIFEST), json.to_string()).unwrap();
        let record = Record::read(out);
        assert_eq!(
            record
                .written(out, Path::new("papers/keep.md"), |_| true)
                .len(),
            1
        );
        assert!(
            record
                .written(out, Path::new("papers/old/a.md"), |_| true)
                .len()
                == 1
        );
        let unlisted = record.remove_unlisted(out, &BTreeSet::from(["keep.html"]), true);
        let (removed, changed) = (unlisted.removed, unlisted.changed);
        assert_eq!(removed, ["old/a.html"]);
        assert_eq!(changed, ["old/a.pdf"]);
        assert!(!out.join("old/a.html").exists());
        assert!(out.join("old/a.pdf").exists() && out.join("keep.html").exists());
    }
}

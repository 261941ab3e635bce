//! What a writing run does around the papers in the output folder: the folders it checks
//! it can write in before anything is written, and the outputs it keeps listing or
//! removes after (those of papers and meetings that are gone).

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::meeting;
use crate::output::record::Record;
use crate::output::{self, BuildReport, write};
use crate::project::{PaperSource, Project, walk};

/// The folders below the output folder a writing run may write in (relative to it): the
/// papers' (public or private), the meetings' and those earlier builds wrote in.
pub(super) fn output_folders<'a>(
    found: &'a [PaperSource],
    private: &std::collections::BTreeMap<PathBuf, String>,
    record: &'a Record,
) -> std::collections::BTreeSet<std::borrow::Cow<'a, Path>> {
    use std::borrow::Cow;
    let papers = found.iter().filter_map(|s| {
        let dir = s.rel.parent()?;
        Some(if meeting::file::is_private(private, &s.rel) {
            Cow::Owned(Path::new(output::meetings::PRIVATE_DIR).join(dir))
        } else {
            Cow::Borrowed(dir)
        })
    });
    let fixed = [
        crate::project::walk::MEETINGS_OUT,
        output::meetings::PRIVATE_DIR,
    ]
    .map(|d| Cow::Borrowed(Path::new(d)));
    papers
        .chain(fixed)
        .chain(record.folders().into_iter().map(Cow::Borrowed))
        .collect()
}

/// Where a meeting's output stands in its list as a build of every format writes it: the
/// agenda PDF, the page, then the packs in their kinds' order. A build of some formats
/// lists the outputs it keeps in the same order, so the manifest does not change with the
/// formats built.
fn listed_order(path: &str) -> usize {
    use crate::render::pdf::pack::PackKind;
    match path.rsplit('/').next() {
        Some(meeting::AGENDA_FILE) => 0,
        Some(meeting::PAGE_FILE) => 1,
        _ => {
            2 + PackKind::of_path(path)
                .and_then(|k| PackKind::ALL.iter().position(|&a| a == k))
                .unwrap_or(PackKind::ALL.len())
        }
    }
}

/// Keeps listing each meeting's outputs that this run did not build (its agenda PDF after
/// an HTML-only build), then removes the outputs earlier builds wrote that nothing lists any
/// more (those of papers and meetings that are gone), for the summary to say so.
pub(super) fn tidy(project: &Project, record: &Record, report: &mut BuildReport) {
    let out = &project.out_dir;
    for m in &mut report.meetings {
        let dir = write::slash_path(&m.meeting.out_dir());
        let kept = record.others_under(out, &dir, &m.outputs);
        if !kept.is_empty() {
            m.outputs.extend(kept);
            m.outputs.sort_by_key(|o| listed_order(&o.path));
        }
    }
    let listed = report.listed();
    // A run with errors cannot tell a meeting that is gone from one whose papers failed:
    // meetings' outputs are removed only by a run without errors.
    let unlisted = record.remove_unlisted(out, &listed, !report.has_errors());
    let (mut removed, left) = (unlisted.removed, unlisted.changed);
    report.kept = unlisted.kept;
    // With the public copies each paper taken in private removed as it was written, and
    // the packs of items a meeting no longer has.
    removed.extend(
        report
            .papers
            .iter()
            .flat_map(|p| p.withdrawn.iter().cloned()),
    );
    removed.extend(
        report
            .meetings
            .iter()
            .flat_map(|m| m.removed.iter().cloned()),
    );
    removed.sort();
    // Nor is a folder left that only those were in (once every paper is written: another
    // may have been about to write there): a folder's name can say what a paper is about.
    for rel in &removed {
        crate::output::record::remove_empty_parents(out, &out.join(rel));
    }
    report.removed = removed;
    // An output of a paper of this run that is not as clerk wrote it (one that could not
    // be written: its error says so) is that paper's, not one of a paper gone.
    let papers: std::collections::BTreeSet<String> = report
        .papers
        .iter()
        .flat_map(|p| {
            let stem = p.source.rel.with_extension("");
            [Path::new(output::meetings::PRIVATE_DIR).join(&stem), stem]
        })
        .map(|stem| write::slash_path(&stem))
        .collect();
    report.left = left
        .into_iter()
        .filter(|path| !papers.contains(path.rsplit_once('.').map_or(path.as_str(), |(s, _)| s)))
        .collect();
}

/// Refuses a build of part of the project into the folder a build of all of it made: the
/// papers folder (`--papers papers/resources`) leaves out papers that are still there and
/// whose outputs the last build into this output folder made, which this run would take
/// away (and the meeting pages that link them would be kept). Papers that are gone, or a
/// papers folder moved in clerk.yaml, are not a part: their outputs go as usual.
pub(super) fn not_a_part(project: &Project, record: &Record) -> Result<(), Diagnostic> {
    let outside: Vec<&str> = record
        .papers()
        .filter(|p| {
            let path = project.root.join(p);
            !path.starts_with(&project.papers_dir) && path.is_file()
        })
        .collect();
    let Some(first) = outside.first() else {
        return Ok(());
    };
    let others = match outside.len() {
        1 => format!("`{first}`"),
        n => format!("`{first}` and {} other papers", n - 1),
    };
    Err(Diagnostic::file_error(
        "part-of-project",
        &walk::relative(&project.root, &project.out_dir),
        format!(
            "this folder holds the outputs of {others}, which are outside the papers folder `{}` this build reads: building only part of the project here would take them away",
            walk::relative(&project.root, &project.papers_dir).display()
        ),
    )
    .with_help("give a build of part of the project a folder of its own with `--out` (e.g. `--out /tmp/part`), or build the whole project without `--papers`; if those papers are no longer the project's, delete them or this folder first"))
}

//! The meeting file that disagrees with every paper on its agenda (one other committee or
//! date than theirs): more likely the file's slip than all the papers'.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::diag::Diagnostic;
use crate::meeting::file::MeetingFile;

use super::PaperEntry;

/// When every paper on the agenda names one other committee (or date) than the file's, the
/// slip is more likely the file's (`Resources Commitee`): said at its line, beside each
/// paper's `wrong-meeting`, which points at the papers.
pub(super) fn file_slip(
    f: &MeetingFile,
    by_rel: &BTreeMap<PathBuf, &PaperEntry>,
) -> Vec<Diagnostic> {
    let metas: Vec<&crate::paper::PaperMeta> = f
        .items
        .iter()
        .filter_map(|i| by_rel.get(i.paper.as_ref()?)?.meta)
        .collect();
    let mut out = Vec::new();
    if metas.len() < 2 {
        return out;
    }
    let committees: BTreeSet<String> = metas.iter().map(|m| m.meeting.clone()).collect();
    let dates: BTreeSet<String> = metas.iter().map(|m| m.date.to_string()).collect();
    let file_date = f.date.map(|d| d.to_string());
    for (key, own, theirs) in [
        ("committee", f.committee.clone(), committees),
        ("date", file_date, dates),
    ] {
        let mut names = theirs.iter();
        let (Some(own), Some(other), None) = (own, names.next(), names.next()) else {
            continue;
        };
        if *other == own {
            continue;
        }
        // The key's line, by byte offsets (a file may end its lines with CR LF).
        let mut at = 0;
        let mut span = None;
        for l in f.text.split_inclusive('\n') {
            if l.starts_with(&format!("{key}:")) {
                span = Some(at..at + l.trim_end().len());
                break;
            }
            at += l.len();
        }
        let Some(span) = span else {
            continue;
        };
        let paper_key = if key == "committee" {
            "meeting"
        } else {
            "date"
        };
        out.push(
            Diagnostic::at(
                "file-disagrees",
                &f.file,
                span,
                format!(
                    "every paper on this agenda is for “{other}” (its `{paper_key}:`), not “{own}”"
                ),
            )
            .with_help(format!(
                "if this file is the one mistaken, write `{key}: {other}` here"
            ))
            .warning(),
        );
    }
    out
}

//! Which of a meeting file's errors leave in doubt what it keeps private: any but one in
//! the value of a key that says nothing of its items (its time, place, chair, contact or
//! status). A file in doubt withholds its papers (see `meeting::withhold`); one whose only
//! errors are of those keys keeps its papers where its items put them.

use std::ops::Range;

use crate::diag::Diagnostic;
use crate::yaml::{Node, Value, blanked, entry_at, keys_in};

/// The top-level keys whose values say nothing of which papers are public.
const NEUTRAL: [&str; 6] = ["time", "end", "location", "chair", "contact", "status"];

/// Do the errors among `diags`, found in the file `text` read as `root`, leave in doubt
/// which papers it keeps private? Every error does but one that stands within the entry of
/// a [`NEUTRAL`] key (from its key to the next top-level key) and is not a missing key.
pub(super) fn privacy_in_doubt(root: &Node, text: &str, diags: &[Diagnostic]) -> bool {
    let neutral = neutral_entries(root, text.len());
    diags.iter().filter(|d| d.is_error()).any(|d| {
        // A key missing (`items`) is said at the file's first key, which may be a neutral
        // one: never neutral itself.
        d.code == "missing-key"
            || !d
                .span
                .as_ref()
                .is_some_and(|s| neutral.iter().any(|n| n.contains(&s.start)))
    })
}

/// Where each entry of a [`NEUTRAL`] key stands in a file `len` bytes long.
fn neutral_entries(root: &Node, len: usize) -> Vec<Range<usize>> {
    let Value::Map(entries) = &root.value else {
        return Vec::new();
    };
    let starts: Vec<(usize, &str)> = entries
        .iter()
        .filter_map(|(key, _)| Some((key.pos.offset?, key.name.as_str())))
        .collect();
    starts
        .iter()
        .enumerate()
        .filter(|(_, (_, name))| NEUTRAL.contains(name))
        .map(|(i, (at, _))| *at..starts.get(i + 1).map_or(len, |(next, _)| *next))
        .collect()
}

/// The file `text` with the entry that holds its one syntax error among `diags` read as its
/// key alone ([`blanked`]), and where that entry stands: when that key is a [`NEUTRAL`]
/// one and the entry holds no other key, so the items are read as written. `None` for any
/// other error, or more than one.
pub(super) fn past_neutral(text: &str, diags: &[Diagnostic]) -> Option<(String, Range<usize>)> {
    let [d] = diags else {
        return None;
    };
    let at = d.span.as_ref().filter(|_| d.code == "yaml-syntax")?.start;
    let entry = entry_at(text, at);
    let key = text[entry.clone()].split(':').next()?.trim();
    // Nothing else in the entry: an `items:` (or a `paper:`) that lost its place under it
    // would be blanked with it, and the file would name no papers.
    let alone = keys_in(text, entry.clone()) == [key];
    (NEUTRAL.contains(&key) && alone).then(|| (blanked(text, entry.clone()), entry))
}

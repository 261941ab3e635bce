//! Each listed paper's own meeting's file: the one whose committee and date its metadata
//! gives. Such a file holds the paper whichever file is read first, so that another file
//! listing it (last month's copied, dated earlier) is the one told, and is said to be a copy.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::super::file::MeetingFile;
use super::{MeetingKey, PaperEntry};

/// Each listed paper's own meeting's file (its committee and date the paper's), when that
/// file lists it.
pub(super) type Homes<'f> = BTreeMap<PathBuf, &'f MeetingFile>;

pub(super) fn home_files<'f>(
    owners: &BTreeMap<MeetingKey, &'f MeetingFile>,
    by_rel: &BTreeMap<PathBuf, &PaperEntry>,
) -> Homes<'f> {
    let mut home = BTreeMap::new();
    for (key, f) in owners {
        for p in f.items.iter().filter_map(|i| i.listed_paper()) {
            let meta = by_rel.get(p).and_then(|e| e.meta);
            if meta.is_some_and(|m| m.meeting == key.0 && m.date == key.1) {
                home.insert(p.to_path_buf(), *f);
            }
        }
    }
    home
}

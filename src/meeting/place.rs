//! Where a meeting's diagnostics point: at a value or line of a meeting file, or at a key
//! of a paper's metadata (its front matter or sidecar), found in the text read when the
//! paper was checked.

use std::path::{Path, PathBuf};

use super::assemble::PaperEntry;
use super::file::MeetingFile;
use crate::diag::Diagnostic;

/// An error on meeting file `f` at `pos` (its whole value when the offset is known).
pub(super) fn at_pos(
    f: &MeetingFile,
    pos: crate::yaml::Pos,
    code: &'static str,
    message: String,
    help: String,
) -> Diagnostic {
    let d = Diagnostic::file_error(code, &f.file, message).with_help(help);
    match pos.span_in(&f.text) {
        Some(span) => d.with_span(span),
        None => d,
    }
}

/// A diagnostic on a paper's file, at its `key` line when it can be found.
pub(super) fn paper_diag(
    p: &PaperEntry,
    key: &str,
    code: &'static str,
    message: String,
    help: String,
) -> Diagnostic {
    match find_key(p, key) {
        Some((file, _, off)) => {
            Diagnostic::file_error(code, &file, message).with_span(off..off + key.len())
        }
        None => Diagnostic::file_error(code, &p.source.display, message),
    }
    .with_help(help)
}

/// The line of `key:` in the paper's metadata (its `.md` front matter or sidecar `.yaml`).
/// A paper this run did not read again (its outputs reused) has no texts here: its `.md`
/// is read for the line, so that a help names it on every build.
pub(super) fn key_line(p: &PaperEntry, key: &str) -> Option<usize> {
    let line = |text: &str, off: usize| text[..off].matches('\n').count() + 1;
    if let Some((_, text, off)) = find_key(p, key) {
        return Some(line(text, off));
    }
    if p.sources.get(&p.source.display).is_some() {
        return None;
    }
    // Its front matter only (a body line may start `date:` too), and not a sidecar, whose
    // line the help, naming the `.md`, would misplace.
    let text = std::fs::read_to_string(&p.source.path).ok()?;
    // A paper with a sidecar has no front matter: its body's `---` is a rule.
    if !text.trim_start_matches('\u{feff}').starts_with("---") {
        return None;
    }
    let front = text.get(..text.find("\n---").unwrap_or(text.len()))?;
    let off = line_start(front, &format!("{key}:"))?;
    Some(line(&text, off))
}

/// Where `key:` starts a line of the paper's metadata: the file (as shown), its text as
/// read when the paper was checked, and the byte offset.
fn find_key<'s>(p: &PaperEntry<'s>, key: &str) -> Option<(PathBuf, &'s str, usize)> {
    let needle = format!("{key}:");
    let display = &p.source.display;
    [display.clone(), display.with_extension("yaml")]
        .into_iter()
        .find_map(|file| {
            let text = p.sources.get(&file)?;
            let off = text
                .lines()
                .scan(0, |o, l| {
                    let start = *o;
                    *o += l.len() + 1;
                    Some((start, l))
                })
                .find(|(_, l)| l.starts_with(&needle))?
                .0;
            Some((file, text, off))
        })
}

pub(super) fn slash(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The byte offset of the line of `text` that starts with `key`, when there is one.
pub(super) fn line_start(text: &str, key: &str) -> Option<usize> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with(key) {
            return Some(at);
        }
        at += line.len();
    }
    None
}

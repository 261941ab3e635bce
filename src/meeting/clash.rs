//! Meetings that would share an output folder: committee names that differ only in case or
//! punctuation (`Resources Committee`, `Resources committee`; `Audit & Risk`, `Audit Risk`)
//! make the same folder name, and one meeting's page, agenda and packs would be written
//! over the other's.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::Meeting;
use super::assemble::PaperEntry;
use super::file::{MeetingFiles, normal};
use super::place::{line_start, paper_diag};
use crate::diag::Diagnostic;

/// Fails every meeting of `meetings` that shares its output folder with another (neither
/// is built, as for two files of one meeting), with an error at each but the first: at its
/// file's `committee:` line, or at its first paper's `meeting:` key.
pub(super) fn refuse_clashes(
    meetings: &mut [Meeting],
    files: &MeetingFiles,
    papers: &[PaperEntry],
    diags: &mut Vec<Diagnostic>,
) {
    let mut by_dir: BTreeMap<PathBuf, Vec<usize>> = BTreeMap::new();
    for (i, m) in meetings.iter().enumerate() {
        by_dir.entry(m.out_dir()).or_default().push(i);
    }
    for (dir, group) in by_dir.into_iter().filter(|(_, g)| g.len() > 1) {
        let first = &meetings[group[0]];
        let (name, date) = (first.committee.clone(), first.date);
        for &i in &group[1..] {
            let m = &meetings[i];
            let message = format!(
                "{} on {date} would share its output folder, `{}`, with {name} on that day: \
                 the two names differ only in case or punctuation{}",
                m.committee,
                dir.display(),
                difference(&m.committee, &name)
            );
            let help = "write the committee's name the same way in every paper and meeting \
                        file; until then neither meeting is built"
                .to_string();
            diags.push(at_meeting(m, files, papers, message, help));
        }
        for &i in &group {
            meetings[i].failed = true;
        }
    }
}

/// Where two names that make one folder first differ, for the eye that cannot tell them
/// apart: ` (here `’` (U+2019), there `'`)`; nothing when the names show it themselves
/// (a letter against another, or words left out).
fn difference(here: &str, there: &str) -> String {
    let (mut a, mut b) = (here.chars(), there.chars());
    let (x, y) = loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y => {}
            pair => break pair,
        }
    };
    let hidden = |c: Option<char>| c.is_some_and(|c| !c.is_ascii_graphic());
    let case = matches!((x, y), (Some(x), Some(y)) if x.to_lowercase().eq(y.to_lowercase()));
    if !(case || hidden(x) || hidden(y)) {
        return String::new();
    }
    let show = |c: Option<char>| match c {
        None => "nothing".to_string(),
        Some(' ') => "a space".to_string(),
        Some('\u{a0}') => "a no-break space (U+00A0)".to_string(),
        Some(c) if c.is_ascii_graphic() => format!("`{c}`"),
        Some(c) if c.is_whitespace() || c.is_control() => format!("U+{:04X}", c as u32),
        Some(c) => format!("`{c}` (U+{:04X})", c as u32),
    };
    format!(" (here {}, there {})", show(x), show(y))
}

/// An error about meeting `m`: at its file's `committee:` line, else at its first paper's
/// `meeting:` key.
fn at_meeting(
    m: &Meeting,
    files: &MeetingFiles,
    papers: &[PaperEntry],
    message: String,
    help: String,
) -> Diagnostic {
    const CODE: &str = "meeting-clash";
    if let Some(file) = &m.file
        && let Some(f) = files.files.iter().find(|f| &f.file == file)
    {
        let d = Diagnostic::file_error(CODE, &f.file, message).with_help(help);
        return match line_start(&f.text, "committee:") {
            Some(off) => d.with_span(off..off + "committee".len()),
            None => d,
        };
    }
    let first = m
        .items
        .iter()
        .filter_map(|i| i.paper())
        .find_map(|s| papers.iter().find(|p| normal(&p.source.rel) == normal(s)));
    match first {
        Some(p) => paper_diag(p, "meeting", CODE, message, help),
        None => Diagnostic::file_error(CODE, &m.out_dir(), message).with_help(help),
    }
}

#[cfg(test)]
mod tests {
    use super::difference;

    #[test]
    fn names_that_look_alike_are_told_apart() {
        assert_eq!(
            difference("Chair\u{2019}s Committee", "Chair's Committee"),
            " (here `\u{2019}` (U+2019), there `'`)"
        );
        assert_eq!(
            difference("Audit\u{a0}Committee", "Audit Committee"),
            " (here a no-break space (U+00A0), there a space)"
        );
        assert_eq!(
            difference("Audit  Committee", "Audit Committee"),
            " (here a space, there `C`)"
        );
        assert_eq!(
            difference("Audit committee", "Audit Committee"),
            " (here `c`, there `C`)"
        );
        assert_eq!(
            difference("Audit Committee ", "Audit Committee"),
            " (here a space, there nothing)"
        );
        // What the names show themselves is not spelt out.
        assert_eq!(difference("Audit & Risk", "Audit Risk"), "");
    }
}

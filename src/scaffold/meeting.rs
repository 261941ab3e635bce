//! `clerk new --meeting-file`: a meeting file started from the papers already written for
//! that meeting, in agenda order, its numbers free of clashes where clerk can tell; and,
//! for `clerk new` of a paper, the lines that put it on its meeting file's agenda.

use std::path::Path;

use super::{NewMeeting, NewPaper, date_flag, file_slug, quoted, usage, write_new};
use crate::config::HouseStyle;
use crate::diag::{Diagnostic, Sources};
use crate::meeting::file::MeetingFile;

/// Writes a meeting file for `--meeting` on `--date` in the meetings folder, its agenda
/// started from the papers already written for that meeting (in agenda order), with the
/// optional keys commented. Refuses to overwrite. Returns the lines to print.
pub fn new_meeting(
    root: &Path,
    args: &NewMeeting,
    sources: &mut Sources,
) -> Result<Vec<String>, Vec<Diagnostic>> {
    let project = crate::project::Project::open(root, None, None, sources)?;
    let date = date_flag(&args.date, "clerk new --meeting-file … --date 2021-09-01")?;
    if args.meeting.trim().is_empty() {
        return Err(usage(
            "the committee's name (`--meeting`) is empty",
            "give the committee's name: --meeting \"Resources Committee\"",
        ));
    }
    let dir = args.dir.clone().unwrap_or_else(|| project.meetings_dir());
    let path = dir.join(format!("{date}-{}.yaml", file_slug(&args.meeting)));
    if path.exists() {
        return Err(vec![
            Diagnostic::file_error(
                "exists",
                &path,
                "this meeting file already exists; clerk never overwrites it",
            )
            .with_help("edit the existing file"),
        ]);
    }
    // One file per meeting: a second, under another name, would leave the meeting unbuilt,
    // and deleting the older one as the error then says could drop its `private:` lines.
    if let Some(f) = meeting_file_of(&project.root, &project.house, &args.meeting, date) {
        return Err(vec![
            Diagnostic::file_error(
                "exists",
                &f.file,
                format!(
                    "{} on {date} already has this meeting file; clerk keeps one file per meeting and never writes a second",
                    f.committee.as_deref().unwrap_or_default()
                ),
            )
            .with_help("edit this file: add the meeting's new papers to its `items`"),
        ]);
    }
    let (found, _) = project.papers(&[]);
    // Each paper's item, path, and marking when it needs care (see `meeting::sensitive`).
    let mut sensitive = std::collections::BTreeMap::new();
    let mut papers: Vec<(Option<String>, String)> = found
        .iter()
        .filter_map(|s| {
            let meta = crate::paper::load(s, &project.house, &mut Sources::default())
                .0?
                .meta;
            let rel = crate::output::href(&s.rel);
            let marking = meta.classification.as_deref();
            if let Some(m) =
                marking.filter(|m| crate::meeting::sensitive::needs_care(m, &project.house))
            {
                sensitive.insert(rel.clone(), m.to_string());
            }
            (meta.meeting == args.meeting && meta.date == date).then_some((meta.agenda_item, rel))
        })
        .collect();
    // Apologies open the agenda as item 1, unless a paper is item 1 itself; a paper with
    // no `agenda_item` takes the next number free after every number in use, so that the
    // file passes `clerk check` as written.
    let opens = !papers.iter().any(|p| p.0.as_deref() == Some("1"));
    let mut used: std::collections::BTreeSet<String> =
        papers.iter().filter_map(|p| p.0.clone()).collect();
    if opens {
        used.insert("1".into());
    }
    let top = |n: &String| n.split('.').next()?.trim().parse::<u32>().ok();
    let mut next = used.iter().filter_map(top).max().unwrap_or(0) + 1;
    papers.sort_by(|a, b| a.1.cmp(&b.1));
    for (item, _) in papers.iter_mut().filter(|p| p.0.is_none()) {
        while used.contains(&next.to_string()) {
            next += 1;
        }
        *item = Some(next.to_string());
        used.insert(next.to_string());
    }
    papers.sort_by(|a, b| {
        crate::meeting::compare_agenda(a.0.as_deref(), b.0.as_deref()).then_with(|| a.1.cmp(&b.1))
    });
    let mut text = [
        format!(
            "# The meeting of {} on {date}: its agenda, in order. See the README, \"Meetings\".",
            args.meeting
        ),
        format!("committee: {}", quoted(&args.meeting)),
        format!("date: {date}"),
        "# time: \"10:00\"".into(),
        "# end: \"12:00\"".into(),
        "# location: Committee Room 1".into(),
        "# chair: Name".into(),
        "# contact: Name, Committee Officer, email".into(),
        "status: draft".into(),
        "items:".into(),
    ]
    .join("\n");
    text.push('\n');
    if opens {
        text.push_str("  - number: \"1\"\n    title: Apologies and declarations of interest\n");
    }
    // Two papers giving one `agenda_item`: both are listed as they say, and said so (the
    // number is theirs to change, in the paper and here).
    let mut clashes = Vec::new();
    // A paper's `3.1` with no item 3 on the agenda: its heading, to give, written commented.
    let mut headed: std::collections::BTreeSet<String> = used.clone();
    for (k, (item, rel)) in papers.iter().enumerate() {
        let number = item.clone().unwrap_or_default();
        if let Some(parent) = crate::meeting::file::heading_of(&number)
            && headed.insert(parent.to_string())
        {
            text.push_str(&format!(
                "  # Item {number} has no item {parent} above it: give it its heading, e.g.\n  # - number: \"{parent}\"\n  #   title: Finance\n"
            ));
        }
        let before = papers[..k].iter().find(|p| p.0 == *item);
        if let Some((_, first)) = before {
            text.push_str(&format!(
                "  # {rel} is item {number} too, by its `agenda_item`: renumber one of them\n"
            ));
            clashes.push(format!(
                "Note: `{first}` and `{rel}` are both item {number}: give one another \
                 `agenda_item` (in the paper and in this file) before `clerk check` passes."
            ));
        }
        text.push_str(&format!(
            "  - number: {}\n    paper: {}\n",
            quoted(&number),
            quoted(rel)
        ));
        // A paper marked for care is published unless its item says otherwise: the lines
        // that take it in private are written ready, commented, for the secretary to decide.
        if let Some(marking) = sensitive.get(rel) {
            text.push_str(&format!(
                "    # {marking}: to take it in private, uncomment these two lines and give its ground\n    # private: true\n    # exempt: Standing Orders section 20(d)\n"
            ));
            clashes.push(format!(
                "Note: `{rel}` is marked {marking}: its item has the lines that take it in private, commented; uncomment them and give its exempt ground, or it is published."
            ));
        }
    }
    text.push_str(concat!(
        "  # An item taken in private, or issued late:\n",
        "  # - number: \"9\"\n",
        "  #   paper: folder/paper.md\n",
        "  #   private: true\n",
        "  #   exempt: Standing Orders section 20(d)\n",
        "  #   late: true\n",
    ));
    write_new(&path, text, "the meeting file")?;
    let mut lines = vec![format!(
        "Wrote {} with {} of its papers",
        path.display(),
        papers.len()
    )];
    lines.extend(clashes);
    lines.push("Next: put the agenda in order, then run `clerk check` and `clerk build`.".into());
    Ok(lines)
}

/// The meeting file of `meeting` on `date`, when it has one: its folder the same (the
/// committee in any capitals or punctuation).
pub(super) fn meeting_file_of(
    root: &Path,
    house: &HouseStyle,
    meeting: &str,
    date: jiff::civil::Date,
) -> Option<crate::meeting::file::MeetingFile> {
    let files = crate::meeting::file::load_all(
        root,
        &root.join(&house.meetings_dir),
        &root.join(&house.papers_dir),
        &house.time_zone,
    );
    let folder = crate::meeting::out_dir(meeting, date);
    files
        .files
        .into_iter()
        .find(|f| f.out_dir().as_ref() == Some(&folder))
}

/// The committee as the meeting's file spells it, when that file (found by the meeting's
/// folder) spells it otherwise than `meeting` (`Resources Committee` for `resources
/// committee`): the paper is written so, or its meeting would clash with the file's.
pub(super) fn committee_spelt(file: &MeetingFile, meeting: &str) -> Option<String> {
    file.committee.clone().filter(|c| c != meeting)
}

/// An `--agenda-item` the meeting's file already gives an item of a paper or a heading:
/// refused before the paper is written (two items cannot share a number), naming that item
/// and the next number free. An item without a paper under that number (the agenda written
/// first, its papers after) is this paper's to fill: see [`meeting_file_note`].
pub(super) fn number_taken(file: &MeetingFile, args: &NewPaper) -> Option<Diagnostic> {
    let asked = args.agenda_item.as_deref().map(str::trim)?;
    let item = file.items.iter().find(|i| i.number.trim() == asked)?;
    let heads = (file.items.iter()).any(|i| crate::meeting::order::is_sub_item(asked, &i.number));
    if item.paper.is_none() && !heads {
        return None;
    }
    let what = match (&item.title, &item.paper) {
        (Some(t), _) => t.clone(),
        (None, Some(p)) => format!("the paper {}", crate::output::write::slash_path(p)),
        (None, None) => "another item".to_string(),
    };
    let free = free_after(asked, &file.items);
    Some(
        Diagnostic::file_error(
            "agenda-item-taken",
            &file.file,
            format!(
                "item {asked} of this meeting is already {what}: two items cannot share a number, so no paper was written"
            ),
        )
        .with_help(format!(
            "give the new paper a free number: `--agenda-item {free}` (the next free at its level), or renumber this file's items first"
        )),
    )
}

/// When the new paper's meeting has a meeting file, how to put the paper on its agenda:
/// a meeting file lists the papers, and one it does not list is an error.
pub(super) fn meeting_file_note(
    (root, house): (&Path, &HouseStyle),
    file: &MeetingFile,
    args: &NewPaper,
    path: &Path,
) -> Option<String> {
    let rel = std::path::absolute(path)
        .ok()
        .zip(std::path::absolute(root.join(&house.papers_dir)).ok())
        .and_then(|(p, papers)| Some(p.strip_prefix(papers).ok()?.to_path_buf()))?;
    let number = args.agenda_item.as_deref().map_or("…", str::trim);
    // The agenda written first: its item waiting for this paper gets the `paper:` line.
    let waiting = (file.items.iter()).find(|i| i.number.trim() == number && i.paper.is_none());
    if let Some(item) = waiting {
        return Some(format!(
            "Item {number} of its meeting file, {}, has no paper yet{}: add this line under it, \
             or `clerk check` will say the paper is not on the agenda:\n    paper: {}",
            file.file.display(),
            item.title
                .as_deref()
                .map_or(String::new(), |t| format!(" ({t})")),
            crate::output::write::slash_path(&rel)
        ));
    }
    Some(format!(
        "Its meeting has a meeting file, {}: add the paper to its `items:`, in agenda \
         order (an item out of order is an error), or `clerk check` will say it is not on \
         the agenda:\n  - number: \"{number}\"\n    paper: {}",
        file.file.display(),
        crate::output::write::slash_path(&rel)
    ))
}

/// The first number after `n` at its level that no item of `items` has: `3.1` taken with
/// `3.2` → `3.3`; `2` with items up to `5` → `6`.
fn free_after(n: &str, items: &[crate::meeting::file::FileItem]) -> String {
    let (stem, last) = match n.rsplit_once('.') {
        Some((stem, last)) => (format!("{stem}."), last),
        None => (String::new(), n),
    };
    let used = |k: u32| {
        items
            .iter()
            .any(|i| i.number.trim() == format!("{stem}{k}"))
    };
    let siblings = items.iter().filter_map(|i| {
        let rest = i.number.trim().strip_prefix(stem.as_str())?;
        rest.parse::<u32>().ok()
    });
    let start = siblings.max().unwrap_or(0).max(last.parse().unwrap_or(0));
    let mut k = start + 1;
    while used(k) {
        k += 1;
    }
    format!("{stem}{k}")
}

//! A meeting's time: the clocks' changes, and a time written as people write it.

use super::*;

/// The warning `clock::warning` gives for a meeting file at `date` and `time` in London.
fn clock_warning(date: &str, time: &str) -> Option<(crate::diag::Diagnostic, String)> {
    let text = format!(
        "committee: Resources Committee\ndate: {date}\ntime: \"{time}\"\nitems:\n  - number: \"1\"\n    title: Apologies\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let (file, diags) = read(Path::new("meetings/r.yaml"), text.clone(), dir.path());
    assert!(diags.is_empty(), "{diags:?}");
    super::file::clock::warning(&file, "Europe/London").map(|d| (d, text))
}

#[test]
fn a_time_the_clocks_skip_is_a_warning_at_the_time_saying_what_clerk_used() {
    let (d, text) = clock_warning("2026-03-29", "01:30").expect("a warning");
    assert!(!d.is_error());
    assert_eq!(d.code, "ambiguous-time");
    assert_eq!(d.line_col(&text), (3, 7), "at the time's value");
    assert!(
        d.message
            .contains("01:30 does not exist on Sunday 29 March 2026 in Europe/London")
            && d.message.contains("clocks go forward an hour"),
        "{}",
        d.message
    );
    let help = d.help.unwrap();
    assert!(help.contains("02:30 BST (01:30 UTC)"), "{help}");
    assert!(help.contains("time: \"02:30\""), "{help}");
}

#[test]
fn a_time_the_clocks_pass_twice_is_a_warning_naming_the_one_clerk_took() {
    let (d, _) = clock_warning("2026-10-25", "01:30").expect("a warning");
    assert!(!d.is_error());
    assert!(
        d.message
            .contains("01:30 happens twice on Sunday 25 October 2026")
            && d.message.contains("clocks go back an hour"),
        "{}",
        d.message
    );
    let help = d.help.unwrap();
    assert!(help.contains("the first, 01:30 BST (00:30 UTC)"), "{help}");
    assert!(help.contains("01:30 GMT (01:30 UTC)"), "{help}");
}

#[test]
fn an_ordinary_time_and_the_hours_around_the_change_give_no_warning() {
    for (date, time) in [
        ("2026-03-29", "00:59"),
        ("2026-03-29", "02:00"),
        ("2026-10-25", "00:59"),
        ("2026-10-25", "02:00"),
        ("2026-05-19", "10:00"),
    ] {
        assert!(clock_warning(date, time).is_none(), "{date} {time}");
    }
}

/// A time written as people write it (`2pm`, `9:30`) gets the form it means as its way
/// out; a paper listed twice on one agenda is said to be so, not "on two agendas".
#[test]
fn a_time_as_written_and_a_paper_listed_twice_get_the_fix_they_need() {
    let dir = papers_dir(&["r/budget.md", "r/counter.md", "r/cyber.md"]);
    for (written, meant) in [("2pm", "14:00"), ("9:30", "09:30"), ("10.15 am", "10:15")] {
        let f = files(
            &FILE.replace("\"10:00\"", &format!("\"{written}\"")),
            dir.path(),
        );
        let d = f.diagnostics.iter().find(|d| d.code == "bad-time").unwrap();
        assert_eq!(
            d.help.as_deref(),
            Some(format!("write it on the 24-hour clock, in quotes: `time: \"{meant}\"`").as_str()),
            "{written}"
        );
    }
    let dir = papers_dir(&["x.md"]);
    let a = "committee: A\ndate: 2026-01-01\nitems:\n  - number: \"1\"\n    paper: x.md\n  - number: \"2\"\n    paper: x.md\n";
    let (fa, _) = read(Path::new("meetings/a.yaml"), a.into(), dir.path());
    let files = MeetingFiles {
        files: vec![fa],
        diagnostics: Vec::new(),
    };
    let s = source("x.md");
    let m = meta("A", "2026-01-01", Some("1"), "X");
    let entry = sound(&s, &m);
    let (_, diags) = assemble(&files, &[entry], false, &HouseStyle::default());
    let twice = diags
        .iter()
        .find(|d| d.code == "paper-on-two-agendas")
        .unwrap();
    assert_eq!(twice.message, "`x.md` is already item 1 of this agenda");
}

/// The diagnostics of a meeting file whose `time` and `end` lines are `lines`.
fn end_diagnostics(lines: &str) -> (Vec<crate::diag::Diagnostic>, String, super::MeetingFile) {
    let text = format!(
        "committee: Resources Committee\ndate: 2026-05-19\n{lines}items:\n  - number: \"1\"\n    title: Apologies\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let (file, diags) = read(Path::new("meetings/r.yaml"), text.clone(), dir.path());
    (diags, text, file)
}

/// `end` is when the meeting ends: read as a start time is, after it, and only with one.
#[test]
fn an_end_is_read_after_the_start_and_a_wrong_one_is_told_how_to_put_it() {
    let (diags, _, file) = end_diagnostics("time: \"10:00\"\nend: \"12:30\"\n");
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(file.end, Some(jiff::civil::time(12, 30, 0, 0)));
    // A 12-hour end: the afternoon is meant.
    let (diags, text, _) = end_diagnostics("time: \"10:00\"\nend: \"01:30\"\n");
    let d = diags.iter().find(|d| d.code == "end-before-start").unwrap();
    assert_eq!(d.line_col(&text), (4, 6), "at the end's value");
    assert_eq!(d.message, "the meeting ends at 01:30 but starts at 10:00");
    assert!(
        d.help.as_deref().unwrap().contains("`end: \"13:30\"`"),
        "{:?}",
        d.help
    );
    // An end an hour before the start is a slip or the two swapped, not 9 in the evening.
    let (diags, _, _) = end_diagnostics("time: \"10:00\"\nend: \"09:00\"\n");
    let d = diags.iter().find(|d| d.code == "end-before-start").unwrap();
    let help = d.help.as_deref().unwrap();
    assert!(!help.contains("21:00"), "{help}");
    assert!(
        help.contains("write `time: \"09:00\"` and `end: \"10:00\"`"),
        "{help}"
    );
    // In the form, but no time of day.
    let (diags, _, _) = end_diagnostics("time: \"25:00\"\n");
    let d = diags.iter().find(|d| d.code == "bad-time").unwrap();
    assert!(
        d.message.contains("the hours go from 00 to 23"),
        "{}",
        d.message
    );
    let (diags, _, _) = end_diagnostics("time: \"14:00\"\nend: \"14:00\"\n");
    let d = diags.iter().find(|d| d.code == "end-before-start").unwrap();
    assert!(d.help.as_deref().unwrap().contains("after its start"));
    let (diags, _, _) = end_diagnostics("end: \"12:30\"\n");
    let d = diags.iter().find(|d| d.code == "end-without-time").unwrap();
    assert!(d.help.as_deref().unwrap().contains("time: \"10:00\""));
    let (diags, _, _) = end_diagnostics("time: \"10:00\"\nend: half twelve\n");
    let d = diags.iter().find(|d| d.code == "bad-time").unwrap();
    assert!(
        d.help.as_deref().unwrap().contains("end time"),
        "{:?}",
        d.help
    );
    let (diags, _, _) = end_diagnostics("time: \"10:00\"\nend: 4pm\n");
    let d = diags.iter().find(|d| d.code == "bad-time").unwrap();
    assert!(
        d.help.as_deref().unwrap().contains("`end: \"16:00\"`"),
        "{:?}",
        d.help
    );
    // An empty `time:` is no start: the end is said to lack one, not left unread.
    let (diags, _, _) = end_diagnostics("time:\nend: \"12:30\"\n");
    assert!(
        diags.iter().any(|d| d.code == "end-without-time"),
        "{diags:?}"
    );
    // A start that cannot be read is its own error: the end is not said to lack one.
    let (diags, _, _) = end_diagnostics("time: noon\nend: \"14:00\"\n");
    assert!(
        !diags.iter().any(|d| d.code == "end-without-time"),
        "{diags:?}"
    );
}

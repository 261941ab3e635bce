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
    let (_, diags) = assemble(&files, &[entry], false);
    let twice = diags
        .iter()
        .find(|d| d.code == "paper-on-two-agendas")
        .unwrap();
    assert_eq!(twice.message, "`x.md` is already item 1 of this agenda");
}

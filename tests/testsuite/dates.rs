//! A house that writes dates and times its own way: the months and weekdays in its words
//! (`words.months`, `words.weekdays`) and a meeting's time in its `time_format`, on the
//! meeting page, the papers and the agenda PDF; and a format or list that cannot work
//! refused at its line in clerk.yaml.

use std::path::Path;

use crate::common::{clerk, parts, run_tool, temp_project};

const DIR: &str = "out/meetings/2026-05-19-resources-committee";

/// A Welsh council's months and weekdays, and times in twelve hours.
const HOUSE: &str = "language: cy\ntime_format: \"%-I.%M %P\"\nwords:\n  \
    months: [Ionawr, Chwefror, Mawrth, Ebrill, Mai, Mehefin, Gorffennaf, Awst, Medi, Hydref, Tachwedd, Rhagfyr]\n  \
    weekdays: [Dydd Llun, Dydd Mawrth, Dydd Mercher, Dydd Iau, Dydd Gwener, Dydd Sadwrn, Dydd Sul]\n";

/// The meetings fixture built with the Welsh house (its meeting at 10:00, ending at 13:30).
fn project(formats: &[&str]) -> tempfile::TempDir {
    let dir = temp_project("meetings");
    let root = dir.path();
    std::fs::write(root.join("clerk.yaml"), HOUSE).unwrap();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen("time: \"10:00\"", "time: \"10:00\"\nend: \"13:30\"", 1),
    )
    .unwrap();
    let mut args = vec!["build"];
    args.extend(formats);
    let (code, out, err) = parts(&clerk(root, &args));
    assert_eq!(code, 0, "{out}{err}");
    dir
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn the_meeting_page_and_papers_show_the_houses_months_weekdays_and_times() {
    let dir = project(&["--format", "html"]);
    let root = dir.path();
    let page = read(root, &format!("{DIR}/index.html"));
    for said in [
        ">Dydd Mawrth 19 Mai 2026</time>",
        "<time datetime=\"2026-05-19T10:00\">10.00 am</time>",
        "<time datetime=\"2026-05-19T13:30\">1.30 pm</time>",
    ] {
        assert!(page.contains(said), "{said} on the meeting page:\n{page}");
    }
    assert!(!page.contains("May"), "{page}");
    let paper = read(root, "out/resources/2026-05-19-budget-monitoring.html");
    assert!(paper.contains("19 Mai 2026"), "{paper}");
    assert!(!paper.contains("19 May 2026"), "{paper}");
}

#[test]
#[ignore = "needs poppler-utils"]
fn the_agenda_pdf_shows_the_houses_date_and_time() {
    let dir = project(&[]);
    let path = dir.path().join(DIR).join("agenda.pdf");
    let text = run_tool("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    assert!(text.contains("Dydd Mawrth 19 Mai 2026"), "{text}");
    assert!(text.contains("10.00 am–1.30 pm"), "{text}");
}

#[test]
fn a_time_format_without_minutes_and_a_short_list_of_months_are_refused_at_their_lines() {
    let dir = temp_project("meetings");
    let root = dir.path();
    std::fs::write(
        root.join("clerk.yaml"),
        "time_format: \"%-I%P\"\nwords:\n  months: [Ionawr, Chwefror]\n",
    )
    .unwrap();
    let (code, _, stderr) = parts(&clerk(root, &["check"]));
    assert_eq!(code, 2, "{stderr}");
    for said in [
        "--> clerk.yaml:1:14",
        "`time_format` `%-I%P` shows no minutes",
        "\"%-I.%M %P\" gives 2.30 pm",
        "--> clerk.yaml:3:11",
        "`words.months` names 2 of the 12",
    ] {
        assert!(stderr.contains(said), "{said}:\n{stderr}");
    }
}

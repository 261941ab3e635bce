//! Typesetting in the built HTML: ties kept on one line, metadata with the body's smart
//! punctuation, and tables wider than the text column allowed the window's width, with a
//! minimum width for columns of words. (The PDF's rules are tested on the pure layout,
//! in `src/render/pdf/layout/tests/typeset.rs`.) `clerk check` warns of what the PDF
//! cannot typeset as the build does.

use crate::common::*;

fn build_html(fixture: &str, stem: &str) -> String {
    let project = temp_project(fixture);
    let o = clerk(project.path(), &["build", "--format", "html,pdf"]);
    let (code, stdout, stderr) = parts(&o);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let out = project.path().join("out");
    let pdf = walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy() == format!("{stem}.pdf"));
    assert!(pdf, "{stem}.pdf was built");
    let html = walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy() == format!("{stem}.html"))
        .expect("the paper's HTML");
    std::fs::read_to_string(html.path()).unwrap()
}

#[test]
fn the_long_paper_keeps_ties_and_curls_its_metadata() {
    let html = build_html("long", "2025-11-20-medium-term-financial-plan");
    // Dates and references stay whole on their line.
    assert!(
        html.contains("<span class=\"tie\">18 February 2026.</span>"),
        "no tie around the date"
    );
    assert!(html.contains("<span class=\"tie\">Table 4"));
    assert!(
        html.contains("<span class=\"tie\">Na h-Eileanan</span>")
            || html.contains("<span class=\"tie\">h-Eileanan</span>")
    );
    // The title from the front matter has the body's curly quotes, in the page and the
    // header table alike.
    assert!(html.contains("Exercise \u{201c}Harbour Light\u{201d}"));
    assert!(!html.contains("Exercise &quot;Harbour Light&quot;"));
    assert!(html.contains("Scotland\u{2019}s Police Authority"));
}

#[test]
fn a_table_wider_than_the_text_may_use_the_window() {
    let html = build_html("awkward", "awkward");
    let wide = html.matches("class=\"table-wrap wide\"").count();
    assert!(wide >= 2, "the two twelve-column tables are wide: {wide}");
    // The table of names and descriptions wraps its prose in the text column.
    assert_eq!(
        html.matches("class=\"table-wrap\" role=\"region\"").count(),
        1
    );
    // The area names are a column of words, given a minimum width.
    assert!(html.contains("<td class=\"align-left words\">Highlands and Islands</td>"));
    let css = std::fs::read_to_string(repo().join("assets/style.css")).unwrap();
    assert!(css.contains(".table-wrap.wide") && css.contains(".table-wrap .words"));
}

/// A table too wide for the PDF's page even in its smallest type, whose cells the PDF
/// breaks inside numbers, is a warning at its header row in a build with PDF; a narrow one
/// is not, nor is the wide one in an HTML-only build, which shows it whole.
#[test]
fn a_table_the_pdf_must_break_inside_numbers_is_a_warning_at_its_header() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("papers")).unwrap();
    let months = "Apr May Jun Jul Aug Sep Oct Nov Dec Jan Feb Mar";
    let head = format!("| Budget line | {} | Total |", months.replace(' ', " | "));
    let money = ["£1,234,567"; 12].join(" | ");
    std::fs::write(
        dir.path().join("papers/p.md"),
        format!(
            "---\nmeeting: Board\ndate: 2026-03-12\ntitle: T\npresented_by: A, B\nrecommendation: For Noting\nrecommendations: Note.\n---\n\n# Purpose\n\nWhy.\n\n# Budget\n\nThe budget:\n\n{head}\n|{}\n| Estates | {money} | £14,814,804 |\n\nA narrow one:\n\n| Site | Cost |\n| --- | --- |\n| Inverness | £3m |\n",
            " --- |".repeat(14)
        ),
    )
    .unwrap();
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["build"]));
    assert_eq!(code, 0, "a warning:\n{stdout}{stderr}");
    let said: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning[table-too-wide]"))
        .collect();
    assert_eq!(said.len(), 1, "{stderr}");
    assert!(said[0].contains("“Budget line”"), "{stderr}");
    assert!(said[0].contains("too many columns"), "{stderr}");
    assert!(stderr.contains(" --> papers/p.md:18:1\n"), "{stderr}");
    // `clerk check` says what the build's PDF would, at the same place.
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["check"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let checked = format!("{stdout}{stderr}");
    assert_eq!(
        checked.matches("warning[table-too-wide]").count(),
        1,
        "{checked}"
    );
    assert!(checked.contains(" --> papers/p.md:18:1\n"), "{checked}");
    let (_, _, stderr) = parts(&clerk(
        dir.path(),
        &["build", "--format", "html", "--force"],
    ));
    assert!(!stderr.contains("table-too-wide"), "{stderr}");
}

/// A table of three short columns cut only by one word longer than the line is said to be
/// that word's fault, named (shortened), not its columns'.
#[test]
fn a_table_cut_by_one_long_word_names_the_word() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("papers")).unwrap();
    let word = "Supercalifragilisticexpialidocious".repeat(4);
    std::fs::write(
        dir.path().join("papers/p.md"),
        format!(
            "---\nmeeting: Board\ndate: 2026-03-12\ntitle: T\npresented_by: A, B\nrecommendation: For Noting\nrecommendations: Note.\n---\n\n# Purpose\n\nWhy.\n\n# Codes\n\nThe codes:\n\n| Code | Meaning | Amount |\n| --- | --- | ---: |\n| X1 | {word} | 1 |\n"
        ),
    )
    .unwrap();
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["check"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stderr.contains("warning[table-too-wide]: the table headed “Code” holds a word too long for its column even in the smallest type, `SupercalifragilisticexpialidociousSuperc…`"),
        "{stderr}"
    );
    assert!(!stderr.contains("too many columns"), "{stderr}");
}

/// A character none of the house fonts has is a warning from `clerk check` as from a
/// build with PDF, once, at its first occurrence: the check loads the fonts a build would.
#[test]
fn a_character_no_font_has_is_a_warning_from_check_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("papers")).unwrap();
    std::fs::write(
        dir.path().join("papers/p.md"),
        "---\nmeeting: Board\ndate: 2026-03-12\ntitle: T\npresented_by: A, B\nrecommendation: For Noting\nrecommendations: Note.\n---\n\n# Purpose\n\nThe sign 字 is in no font here, nor is 字 twice.\n",
    )
    .unwrap();
    for command in [&["check"][..], &["build"]] {
        let (code, stdout, stderr) = parts(&clerk(dir.path(), command));
        assert_eq!(code, 0, "a warning:\n{stdout}{stderr}");
        let said = format!("{stdout}{stderr}");
        assert_eq!(
            said.matches("the PDF can't show `字` (U+5B57)").count(),
            1,
            "{said}"
        );
        assert!(said.contains(" --> papers/p.md:12:10\n"), "{said}");
    }
}

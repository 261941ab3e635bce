//! `clerk init` and `clerk new`: projects and papers that build at once, never overwriting.

use crate::common::*;

#[test]
fn init_makes_a_project_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("committee");
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["init", "committee"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(root.join("clerk.yaml").is_file());
    assert!(
        root.join("papers/2021-09-01-hmics-progress-review.md")
            .is_file()
    );
    let house = std::fs::read_to_string(root.join("clerk.yaml")).unwrap();
    assert!(house.contains("# How headings are shown"), "commented");
    let (code, stdout, stderr) = parts(&clerk(&root, &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        root.join("out/2021-09-01-hmics-progress-review.html")
            .is_file()
    );

    let (code, _, stderr) = parts(&clerk(dir.path(), &["init", "committee"]));
    assert_eq!(code, 2, "never overwrites");
    assert!(stderr.contains("already holds a clerk project"), "{stderr}");
}

/// `clerk init` where a project is: one error saying so, not one per file it would write.
#[test]
fn init_in_a_project_says_once_that_it_is_one() {
    let dir = tempfile::tempdir().unwrap();
    assert!(clerk(dir.path(), &["init"]).status.success());
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["init"]));
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert_eq!(stderr.matches("error").count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(
            "error[project-exists]: this folder already holds a clerk project (it has a clerk.yaml)"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("clerk init NEW-FOLDER"), "{stderr}");
    assert!(
        stderr.contains(" --> clerk.yaml\n"),
        "points at it: {stderr}"
    );
}

/// `clerk init --templates` in a project made before adds the templates to it, and never
/// overwrites one already there.
#[test]
fn init_templates_in_a_project_adds_only_the_templates() {
    let dir = tempfile::tempdir().unwrap();
    assert!(clerk(dir.path(), &["init"]).status.success());
    let house = std::fs::read_to_string(dir.path().join("clerk.yaml")).unwrap();
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["init", "--templates"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        dir.path().join("templates/paper.html").is_file(),
        "{stdout}"
    );
    assert!(dir.path().join("templates/style.css").is_file(), "{stdout}");
    assert!(!stdout.contains("clerk.yaml"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("clerk.yaml")).unwrap(),
        house
    );
    let (code, _, stderr) = parts(&clerk(dir.path(), &["init", "--templates"]));
    assert_eq!(code, 2, "never overwrites");
    assert!(stderr.contains("error[exists]"), "{stderr}");
}

/// `--root` names where `clerk init` makes the project; with a folder as well it is
/// refused, not silently ignored.
#[test]
fn init_takes_root_as_its_folder_and_refuses_two() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = parts(&clerk(dir.path(), &["init", "x", "--root", "proj1"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(
            "`clerk init` was given two folders for the new project: x and `--root proj1`"
        ),
        "{stderr}"
    );
    assert!(!dir.path().join("x").exists() && !dir.path().join("proj1").exists());
    let (code, _, stderr) = parts(&clerk(dir.path(), &["init", "--root", "proj1"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(dir.path().join("proj1/clerk.yaml").is_file());
}

#[test]
fn init_with_templates_lets_a_house_override_them() {
    let dir = tempfile::tempdir().unwrap();
    assert!(clerk(dir.path(), &["init", "--templates"]).status.success());
    let tpl = dir.path().join("templates/paper.html");
    let text = std::fs::read_to_string(&tpl).unwrap();
    std::fs::write(&tpl, text.replace("<body", "<body data-house=\"ours\"")).unwrap();
    assert!(clerk(dir.path(), &["build"]).status.success());
    let html =
        std::fs::read_to_string(dir.path().join("out/2021-09-01-hmics-progress-review.html"))
            .unwrap();
    assert!(html.contains("data-house=\"ours\""));
}

#[test]
fn new_writes_a_paper_that_checks_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    assert!(clerk(dir.path(), &["init"]).status.success());
    let args = [
        "new",
        "Gàidhlig Language Plan",
        "--meeting",
        "Resources Committee",
        "--date",
        "2024-05-01",
        "--agenda-item",
        "4.10",
    ];
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &args));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let path = dir
        .path()
        .join("papers/2024-05-01-gaidhlig-language-plan.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("title: \"Gàidhlig Language Plan\""), "{text}");
    assert!(text.contains("agenda_item: \"4.10\""), "{text}");
    assert!(text.contains("#   financial: |"), "{text}");
    let (code, stdout, stderr) = parts(&clerk(
        dir.path(),
        &["check", "papers/2024-05-01-gaidhlig-language-plan.md"],
    ));
    assert_eq!(code, 0, "{stdout}{stderr}");

    let (code, _, stderr) = parts(&clerk(dir.path(), &args));
    assert_eq!(code, 2);
    assert!(stderr.contains("never overwrites"), "{stderr}");
    let (code, _, stderr) = parts(&clerk(
        dir.path(),
        &["new", "X", "--meeting", "M", "--date", "2024-02-30"],
    ));
    assert_eq!(code, 2);
    // The message a paper with that date gets, about the flag.
    assert!(
        stderr.contains(
            "error[bad-date]: `2024-02-30` is not a real date: February 2024 has 29 days"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("--> clerk new --date"), "{stderr}");
    // A date written another way is offered in the form asked for, the example too.
    let (code, _, stderr) = parts(&clerk(
        dir.path(),
        &["new", "X", "--meeting", "M", "--date", "19/05/2026"],
    ));
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "write it as `2026-05-19` (year, month, day): `clerk new … --date 2026-05-19`"
        ),
        "{stderr}"
    );
}

#[test]
fn placeholders_left_from_clerk_new_warn_and_stop_a_final_paper() {
    let dir = tempfile::tempdir().unwrap();
    assert!(clerk(dir.path(), &["init"]).status.success());
    let args = ["new", "Plan", "--meeting", "M", "--date", "2024-05-01"];
    assert!(clerk(dir.path(), &args).status.success());
    let path = dir.path().join("papers/2024-05-01-plan.md");
    let check = ["check", "papers/2024-05-01-plan.md"];
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &check));
    let all = format!("{stdout}{stderr}");
    assert_eq!(code, 0, "a draft with placeholders still passes: {all}");
    let text = std::fs::read_to_string(&path).unwrap();
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    for needle in [
        "presented_by: \"Name, Role\"",
        "The purpose of this paper is to …",
    ] {
        let at = format!("--> papers/2024-05-01-plan.md:{}:", line_of(needle));
        assert!(all.contains(&at), "no placeholder at {at}: {all}");
    }
    assert_eq!(
        all.matches("warning[unfilled-placeholder]").count(),
        4,
        "{all}"
    );

    let final_text = text.replace("status: draft", "status: final");
    std::fs::write(&path, &final_text).unwrap();
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &check));
    let all = format!("{stdout}{stderr}");
    assert_eq!(code, 1, "{all}");
    assert_eq!(
        all.matches("error[unfilled-placeholder]").count(),
        4,
        "{all}"
    );

    let filled = final_text
        .replace("Name, Role", "Ann Other, Clerk")
        .replace(
            "The purpose of this paper is to …",
            "This paper sets out the plan.",
        )
        .replace(
            "Each paragraph of a numbered section is numbered 1.1, 1.2, … when the paper is built.",
            "The plan was agreed in 2023.",
        )
        .replace(
            "A list or table straight after a paragraph belongs to it.",
            "It runs to 2028.",
        );
    std::fs::write(&path, filled).unwrap();
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &check));
    let all = format!("{stdout}{stderr}");
    assert_eq!(code, 0, "{all}");
    assert!(!all.contains("unfilled-placeholder"), "{all}");
}

#[test]
fn init_and_new_refuse_what_would_not_build_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let (code, stdout, _) = parts(&clerk(root, &["init"]));
    assert_eq!(code, 0);
    assert!(
        stdout.contains("\nNext: clerk build, and open out/index.html to see the example\n"),
        "no `cd .`: {stdout}"
    );
    // The way to make the project one's own, the SPA's example paper named for deletion.
    assert!(
        stdout.ends_with(
            "and delete the example paper ./papers/2021-09-01-hmics-progress-review.md once \
             you have your own (it is the SPA's, and would be published under your name)\n"
        ),
        "{stdout}"
    );
    // A project inside the project would have its papers built twice.
    let inner = root.join("papers/more");
    std::fs::create_dir_all(&inner).unwrap();
    let (code, _, stderr) = parts(&clerk(&inner, &["init"]));
    assert_ne!(code, 0, "{stderr}");
    assert!(stderr.contains("error[inside-project]"), "{stderr}");
    assert!(!inner.join("clerk.yaml").exists());

    let day = ["--meeting", "Resources Committee", "--date", "2026-05-19"];
    let new = |args: &[&str]| {
        let mut all = vec!["new"];
        all.extend(args);
        parts(&clerk(root, &all))
    };
    // A title without a letter still names a file.
    let (code, stdout, stderr) = new(&[&["???"][..], &day].concat());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        root.join("papers/2026-05-19-paper.md").is_file(),
        "{stdout}"
    );
    // An apostrophe, straight or curled, is no break between words in the file's name.
    for title in ["Chief Executive’s Report", "Chair's Report"] {
        let (code, stdout, stderr) = new(&[&[title][..], &day].concat());
        assert_eq!(code, 0, "{stderr}");
        let name = if title.starts_with("Chief") {
            "papers/2026-05-19-chief-executives-report.md"
        } else {
            "papers/2026-05-19-chairs-report.md"
        };
        assert!(root.join(name).is_file(), "{title}: {stdout}");
    }
    // An empty meeting would make a paper that fails its check: refused, with help.
    let (code, _, stderr) = new(&["Budget", "--meeting", " ", "--date", "2026-05-19"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("the meeting is empty") && stderr.contains("= help:"),
        "{stderr}"
    );
    // So would an empty agenda item.
    let (code, _, stderr) = new(&[&["Budget", "--agenda-item="][..], &day].concat());
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("the agenda item is empty"), "{stderr}");
    assert!(!root.join("papers/2026-05-19-budget.md").exists());
    // A paper outside the papers folder: written, and said not to be built.
    let away = tempfile::tempdir().unwrap();
    let to = away.path().to_str().unwrap();
    let (code, stdout, _) = new(&[&["Away", "--dir", to][..], &day].concat());
    assert_eq!(code, 0);
    assert!(stdout.contains("will not build it"), "{stdout}");
}

#[test]
fn new_follows_the_house_and_its_paper_checks_with_only_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    let house = "organisation: { name: Loch Ard Council }\n\
heading_case: title\n\
recommendations_heading: Decisions sought\n\
extra_fields:\n  - { key: report_number, required: true }\n  - { key: wards_affected }\n\
header_rows:\n  - { label: Report to, key: meeting }\n  - { label: Decision Sought, key: recommendation }\n\
recommendation_vocabulary: [To Approve, To Note]\n\
classifications: [PUBLIC, NOT FOR PUBLICATION]\n";
    std::fs::write(dir.path().join("clerk.yaml"), house).unwrap();
    let args = ["new", "Plan", "--meeting", "M", "--date", "2024-05-01"];
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &args));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let text = std::fs::read_to_string(dir.path().join("papers/2024-05-01-plan.md")).unwrap();
    for line in [
        "recommendation: To Approve\n",
        "# Decision Sought; usually one of: To Approve, To Note.\n",
        "# classification: PUBLIC\n",
        "# location: Committee Room 1\n",
        "report_number: \"…\"\n",
        "# wards_affected: …\n",
        "# The closing Decisions Sought section (Markdown).\n",
    ] {
        assert!(text.contains(line), "no {line:?} in:\n{text}");
    }
    for spa in [
        "For Discussion",
        "OFFICIAL",
        "Video Conferencing",
        "Recommendation to Members",
        "RECOMMENDATIONS",
    ] {
        assert!(!text.contains(spa), "{spa} in:\n{text}");
    }
    // The fresh paper checks: its placeholders are warnings, no key is missing.
    let (code, stdout, stderr) = parts(&clerk(dir.path(), &["check", "papers/2024-05-01-plan.md"]));
    let all = format!("{stdout}{stderr}");
    assert_eq!(code, 0, "{all}");
    assert!(all.contains("0 errors"), "{all}");
    let warnings = all.matches("warning[").count();
    assert_eq!(
        warnings,
        all.matches("warning[unfilled-placeholder]").count(),
        "{all}"
    );
    assert!(
        all.contains("report_number: \"…\""),
        "its placeholder is one: {all}"
    );
}

/// A paper for a meeting with a meeting file: `clerk new` says to list it there, with the
/// lines to add, since a meeting file's agenda is the list of its papers.
#[test]
fn new_says_how_to_put_a_paper_on_its_meeting_files_agenda() {
    let dir = temp_project("meetings");
    let root = dir.path();
    let new = [
        "new",
        "Fleet Plan",
        "--meeting",
        "Resources Committee",
        "--date",
        "2026-05-19",
        "--agenda-item",
        "3.4",
        "--dir",
        "papers/resources",
    ];
    let (code, stdout, stderr) = parts(&clerk(root, &new));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.ends_with(
            "Its meeting has a meeting file, meetings/resources-2026-05-19.yaml: add the paper \
             to its `items:`, in agenda order (an item out of order is an error), or `clerk \
             check` will say it is not on the agenda:\n  \
             - number: \"3.4\"\n    paper: resources/2026-05-19-fleet-plan.md\n"
        ),
        "{stdout}"
    );
    // Another meeting of the committee has no file: nothing said.
    let other = [
        "new",
        "Fleet Plan",
        "--meeting",
        "Resources Committee",
        "--date",
        "2026-06-19",
    ];
    let (code, stdout, _) = parts(&clerk(root, &other));
    assert_eq!(code, 0);
    assert!(!stdout.contains("meeting file"), "{stdout}");
}

/// An agenda number the meeting file already gives an item is refused, naming the item and
/// the next number free at its level; nothing is written (a paper written with the taken
/// number would be two files to put right).
#[test]
fn new_says_when_its_agenda_number_is_taken_and_offers_a_free_one() {
    let dir = temp_project("meetings");
    let root = dir.path();
    let new = |title: &str, item: &str| {
        parts(&clerk(
            root,
            &[
                "new",
                title,
                "--meeting",
                "Resources Committee",
                "--date",
                "2026-05-19",
                "--agenda-item",
                item,
            ],
        ))
    };
    let (code, stdout, stderr) = new("Fleet Plan", "3.1");
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains(
            "error[agenda-item-taken]: item 3.1 of this meeting is already the paper \
             resources/2026-05-19-budget-monitoring.md: two items cannot share a number, so \
             no paper was written"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("`--agenda-item 3.3`"), "{stderr}");
    assert!(!root.join("papers/2026-05-19-fleet-plan.md").exists());
    // A heading's number, top level: past the last top-level item (5), named by its title.
    let (_, _, stderr) = new("Estates Plan", "3");
    assert!(
        stderr.contains("item 3 of this meeting is already Finance: ")
            && stderr.contains("`--agenda-item 6`"),
        "{stderr}"
    );
    // An item with no paper yet (the agenda written first) is this paper's to fill.
    let (code, stdout, stderr) = new("Chair's update", "1");
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("Item 1 of its meeting file, meetings/resources-2026-05-19.yaml, has no paper yet (Chair's opening remarks): add this line under it")
            && stdout.ends_with("\n    paper: 2026-05-19-chairs-update.md\n"),
        "{stdout}"
    );
    // The committee typed in other capitals is written as the meeting file spells it.
    let (code, stdout, stderr) = parts(&clerk(
        root,
        &[
            "new",
            "Fleet Plan",
            "--meeting",
            "resources committee",
            "--date",
            "2026-05-19",
        ],
    ));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("Its `meeting:` is written `Resources Committee`"),
        "{stdout}"
    );
    let paper = std::fs::read_to_string(root.join("papers/2026-05-19-fleet-plan.md")).unwrap();
    assert!(
        paper.contains("meeting: \"Resources Committee\"\n"),
        "{paper}"
    );
    // A free number is taken as given.
    let (_, stdout, _) = new("Fleet Review", "3.4");
    assert!(!stdout.contains("already"), "{stdout}");
    assert!(stdout.contains("  - number: \"3.4\"\n"), "{stdout}");
}

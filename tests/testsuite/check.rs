//! `clerk check` end to end: every diagnostic of the invalid fixture, rustc-style and as JSON,
//! compared with a snapshot; nothing written; exit codes.

use crate::common::*;

/// Regenerate with `BLESS=1 cargo test --test testsuite check::`.
#[test]
fn invalid_papers_report_every_problem_like_the_snapshot() {
    let root = fixture("invalid");
    let (code, stdout, stderr) = parts(&clerk(&root, &["check"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    let got = format!("{stderr}{stdout}");
    let snapshot = root.join("expected-check.txt");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&snapshot, &got).unwrap();
    }
    let expected = std::fs::read_to_string(&snapshot).expect("snapshot exists (BLESS=1 to create)");
    assert_eq!(got, expected, "check output changed; BLESS=1 to accept");
    assert!(!root.join("out").exists(), "check writes nothing");
}

#[test]
fn json_diagnostics_for_editors() {
    let root = fixture("invalid");
    let (code, stdout, _) = parts(&clerk(&root, &["check", "--format", "json"]));
    assert_eq!(code, 1);
    let diags: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let find = |code: &str| {
        diags
            .iter()
            .find(|d| d["code"] == code)
            .unwrap_or_else(|| panic!("no {code} in {stdout}"))
    };
    let d = find("misnamed-key");
    assert_eq!(d["file"], "papers/metadata.md");
    assert_eq!(d["line"], 4);
    assert_eq!(d["column"], 1);
    assert_eq!(d["severity"], "error");
    assert_eq!(
        d["message"],
        "clerk has no key `titel`; it is probably the required key `title`, which is missing"
    );
    assert_eq!(find("duplicate-key")["line"], 6);
    assert_eq!(find("bad-date")["column"], 7);
    assert_eq!(find("raw-html")["severity"], "warning");
    for d in &diags {
        for key in ["file", "line", "column", "severity", "code", "message"] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
    }
}

/// A paper with problems in its metadata and its body: one run reports them all, the
/// repeated key at its repeat, and a build writes nothing for it.
#[test]
fn metadata_errors_hide_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("papers")).unwrap();
    let paper = "---
meeting: Policing Performance Committee
date: 2021-02-30
title: First title
title: Second title
presented_by: J
recommendation: For Discussion
agenda_item: \"1\"
locaton: Video Conferencing
recommendations: M.
---

# Purpose

See [](#nope). <b>raw</b>
";
    std::fs::write(dir.path().join("papers/p.md"), paper).unwrap();
    let (code, stdout, _) = parts(&clerk(dir.path(), &["check", "--format", "json"]));
    assert_eq!(code, 1);
    let found: Vec<(String, u64)> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("bad-date", 3),
        ("duplicate-key", 5),
        ("misnamed-key", 9),
        ("unknown-label", 15),
        ("raw-html", 15),
    ];
    let expected: Vec<(String, u64)> = expected.iter().map(|(c, l)| (c.to_string(), *l)).collect();
    assert_eq!(found, expected, "{stdout}");
    let (code, _, _) = parts(&clerk(dir.path(), &["build", "--format", "html"]));
    assert_eq!(code, 1);
    assert!(!dir.path().join("out/p.html").exists(), "nothing is built");
    // A line that is not YAML: the rest of the metadata is checked (the four keys it does
    // not give are missing), and the body all the same.
    let paper = "---\nmeeting: [Policing\ndate: 2021-09-01\n---\n\n# Purpose\n\nSee [](#nope).\n";
    std::fs::write(dir.path().join("papers/p.md"), paper).unwrap();
    let (code, stdout, _) = parts(&clerk(dir.path(), &["check", "--format", "json"]));
    assert_eq!(code, 1);
    let codes: Vec<String> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        codes,
        [
            "missing-key",
            "missing-key",
            "missing-key",
            "missing-key",
            "yaml-syntax",
            "unknown-label"
        ],
        "{stdout}"
    );
}

/// Markdown in metadata values: a problem is reported where it stands, inside a block
/// scalar or along a one-line value, not at the start of the value's first line.
#[test]
fn problems_in_metadata_markdown_are_placed_where_they_stand() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("papers")).unwrap();
    let paper = "---
meeting: Policing Performance Committee
date: 2021-09-01
title: T
presented_by: J
recommendation: For Discussion
agenda_item: \"1\"
recommendations: Members are invited to see ![](nope.png).
implications:
  legal: |
    First paragraph.

    Second, citing [](#missing) here.
  social: >
    Folded over
    two [](#gone) lines.
---

# Purpose

P.
";
    std::fs::write(dir.path().join("papers/p.md"), paper).unwrap();
    let (code, stdout, _) = parts(&clerk(dir.path(), &["check", "--format", "json"]));
    assert_eq!(code, 1);
    let found: Vec<(String, u64, u64)> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|d| {
            let n = |k: &str| d[k].as_u64().unwrap();
            (
                d["code"].as_str().unwrap().to_string(),
                n("line"),
                n("column"),
            )
        })
        .collect();
    let expected = [
        ("image-missing", 8, 45),
        ("image-alt", 8, 45),
        ("unknown-label", 13, 20),
        ("unknown-label", 16, 9),
    ];
    let expected: Vec<(String, u64, u64)> = expected
        .iter()
        .map(|(c, l, col)| (c.to_string(), *l, *col))
        .collect();
    assert_eq!(found, expected, "{stdout}");
}

#[test]
fn check_takes_paths() {
    let root = fixture("invalid");
    let (code, stdout, stderr) = parts(&clerk(&root, &["check", "papers/good.md"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("Checked 1 paper: 0 errors, 0 warnings."),
        "{stdout}"
    );
    // A mistyped path is a usage error (exit 2, as the README's exit codes say).
    let (code, _, stderr) = parts(&clerk(&root, &["check", "papers/nope.md"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("no such paper or folder"), "{stderr}");
    // A paper named from the papers folder rather than the folder she is in (`good.md`
    // for `papers/good.md`), with or without its `.md`: the paper is offered.
    for typed in ["good.md", "good"] {
        let (code, _, stderr) = parts(&clerk(&root, &["check", typed]));
        assert_eq!(code, 2);
        assert!(
            stderr.contains("did you mean `papers/good.md`?"),
            "{typed}: {stderr}"
        );
    }
    // A meeting file named without its `.yaml`: the file is offered.
    let meetings = crate::common::temp_project("meetings");
    let typed = "meetings/resources-2026-05-19";
    let (code, _, stderr) = parts(&clerk(meetings.path(), &["check", typed]));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("did you mean `meetings/resources-2026-05-19.yaml`?"),
        "{stderr}"
    );
    // From a folder inside the project, the path is offered as typed from there.
    let copy = crate::common::temp_project("../fixtures/invalid");
    let inner = copy.path().join("notes");
    std::fs::create_dir_all(&inner).unwrap();
    let (code, _, stderr) = parts(&clerk(&inner, &["check", "good.md"]));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("did you mean `../papers/good.md`?"),
        "{stderr}"
    );
}

#[test]
fn the_repo_papers_check_clean() {
    let (code, stdout, stderr) = parts(&clerk(&repo(), &["check"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("Checked 3 papers: 0 errors, 0 warnings."),
        "{stdout}{stderr}"
    );
}

#[test]
fn a_broken_house_style_is_exit_code_2_with_its_line() {
    let project = temp_project("council");
    std::fs::write(
        project.path().join("clerk.yaml"),
        "language: en-GB\nheading_cse: upper\n",
    )
    .unwrap();
    let (code, _, stderr) = parts(&clerk(project.path(), &["check"]));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--> clerk.yaml:2:1"), "{stderr}");
    assert!(stderr.contains("did you mean `heading_case`?"), "{stderr}");
}

#[test]
fn a_broken_house_style_is_json_too_when_asked() {
    let project = temp_project("council");
    std::fs::write(
        project.path().join("clerk.yaml"),
        "language: en-GB\nheading_cse: upper\n",
    )
    .unwrap();
    let (code, stdout, _) = parts(&clerk(project.path(), &["check", "--format", "json"]));
    assert_eq!(code, 2);
    let d: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(
        (d["file"].as_str(), d["line"].as_u64(), d["code"].as_str()),
        (Some("clerk.yaml"), Some(2), Some("unknown-key"))
    );
}

#[test]
fn no_papers_folder_is_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    // A project of its own, so that a `papers` folder above the temporary folder (say
    // `/tmp/papers`) is not taken for its project.
    std::fs::write(dir.path().join("clerk.yaml"), "language: en-GB\n").unwrap();
    let (code, _, stderr) = parts(&clerk(dir.path(), &["build"]));
    assert_eq!(code, 2);
    assert!(
        stderr.contains("the papers folder does not exist"),
        "{stderr}"
    );
    assert!(stderr.contains("clerk init"), "{stderr}");
}

#[test]
fn clerk_finds_its_project_from_a_folder_inside_it_as_cargo_does() {
    let project = temp_project("repo");
    let root = project.path();
    std::fs::write(root.join("clerk.yaml"), "language: en-GB\n").unwrap();
    let inside = root.join("papers/policing-performance");
    let paper = "2021-09-01-hmics-progress-review.md";
    let (code, stdout, stderr) = parts(&clerk(&inside, &["check", paper]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("Checked 1 paper"), "{stdout}");
    // A build from there writes the project's out/, not one under papers/.
    let (code, stdout, stderr) = parts(&clerk(&inside, &["build", "--format", "html"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(root.join("out/index.html").is_file());
    assert!(!inside.join("out").exists());
    // `--out` is where the user stands.
    let (code, _, _) = parts(&clerk(
        &inside,
        &["build", "--format", "html", "--out", "../../site"],
    ));
    assert_eq!(code, 0);
    assert!(root.join("site/index.html").is_file());
}

#[test]
fn front_matter_after_a_blank_line_is_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let papers = dir.path().join("papers");
    std::fs::create_dir(&papers).unwrap();
    let meta = "meeting: M\ndate: 2026-05-19\ntitle: T\npresented_by: P\nrecommendation: For Noting\nrecommendations: x\n";
    std::fs::write(
        papers.join("a.md"),
        format!("\n---\n{meta}---\n\n# Purpose\n\nWhy.\n"),
    )
    .unwrap();
    let (code, _, stderr) = crate::common::parts(&crate::common::clerk(dir.path(), &["check"]));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("is not the file's first line"), "{stderr}");
    assert!(stderr.contains("remove the blank lines"), "{stderr}");
    assert!(stderr.contains("papers/a.md:2:1"), "at the `---`: {stderr}");
    // Metadata without its opening `---`: said at its first line, with the way out.
    std::fs::write(
        papers.join("a.md"),
        format!("{meta}---\n\n# Purpose\n\nWhy.\n"),
    )
    .unwrap();
    let (code, _, stderr) = crate::common::parts(&crate::common::clerk(dir.path(), &["check"]));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("this looks like the paper's metadata, but it has no `---` line above it"),
        "{stderr}"
    );
    assert!(stderr.contains("papers/a.md:1:1"), "{stderr}");
    assert!(
        stderr.contains("(the one below the metadata is there)"),
        "{stderr}"
    );
}

/// A sidecar that does not match its paper's name is said so, not passed over: one left
/// behind by a renamed paper is a warning, one named `.yml` beside its paper an error that
/// names it; the meetings folder's files are no sidecars.
#[test]
fn sidecars_that_match_no_paper_are_said() {
    let dir = temp_project("repo");
    let root = dir.path();
    let seed = root.join("papers/policing-performance/2021-09-01-hmics-progress-review.md");
    let text = std::fs::read_to_string(&seed).unwrap();
    let meta = text.split("---\n").nth(1).unwrap();
    std::fs::write(root.join("papers/renamed-away.yaml"), meta).unwrap();
    std::fs::write(root.join("papers/notes.md"), "# Purpose\n\nWhy.\n").unwrap();
    std::fs::write(root.join("papers/notes.yml"), meta).unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["check", "--format", "json"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    let diags: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let found: Vec<_> = diags
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (s("code"), s("severity"), s("file"))
        })
        .collect();
    let pair = |c: &str, s: &str, f: &str| (c.to_string(), s.to_string(), f.to_string());
    assert!(
        found.contains(&pair("lone-sidecar", "warning", "papers/renamed-away.yaml")),
        "{stdout}"
    );
    assert!(
        found.contains(&pair("no-metadata", "error", "papers/notes.md")),
        "{stdout}"
    );
    assert_eq!(
        found.len(),
        2,
        "nothing else, the .yml beside its paper included: {stdout}"
    );
    let yml = diags.iter().find(|d| d["code"] == "no-metadata").unwrap();
    assert!(
        yml["message"]
            .as_str()
            .unwrap()
            .contains("`papers/notes.yml` is not"),
        "{yml}"
    );
}

/// A paper named `index.md` at the top of `papers/` would have been written over the
/// site's index without a word: it is refused, and the index stays the index.
#[test]
fn a_paper_named_like_the_site_index_is_refused() {
    let dir = temp_project("repo");
    let root = dir.path();
    let seed = root.join("papers/policing-performance/2021-09-01-hmics-progress-review.md");
    std::fs::copy(&seed, root.join("papers/index.md")).unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stderr.contains("error[reserved-path]") && stderr.contains("papers/index.md"),
        "{stderr}"
    );
    let index = std::fs::read_to_string(root.join("out/index.html")).unwrap();
    assert!(
        index.contains("2021-09-01-hmics-progress-review.html"),
        "the site index, listing the papers"
    );
    assert!(!root.join("out/index.pdf").exists());
}

/// From a sub-folder, a paper named with `..` is shown by its plain path in diagnostics
/// and in the build's list, not `papers/sub/../x.md`.
#[test]
fn paths_typed_from_a_sub_folder_are_shown_plainly() {
    let dir = temp_project("council");
    let root = dir.path();
    let paper = std::fs::read_to_string(root.join("papers/2024-06-12-parking-charges.md"))
        .unwrap()
        .replace(
            "recommendation: For Decision",
            "recommendation: For Decison",
        );
    std::fs::write(root.join("papers/x.md"), paper).unwrap();
    let sub = root.join("papers/sub");
    std::fs::create_dir_all(&sub).unwrap();
    let (code, stdout, stderr) = parts(&clerk(&sub, &["check", "../x.md", "../../papers/sub"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stderr.contains(" --> papers/x.md:6:"), "{stderr}");
    assert!(!stderr.contains(".."), "{stderr}");
}

/// A Markdown appendix saved without the `_` that keeps clerk from reading it as a paper:
/// its error says it is the other paper's appendix and to rename it, in check and build.
#[test]
fn an_appendix_read_as_a_paper_is_told_to_take_an_underscore() {
    let dir = tempfile::tempdir().unwrap();
    let papers = dir.path().join("papers/grants");
    std::fs::create_dir_all(&papers).unwrap();
    std::fs::write(
        papers.join("scheme.md"),
        "---\nmeeting: M\ndate: 2026-05-19\ntitle: Grants\npresented_by: P\n\
         recommendation: For Noting\nrecommendations: x\nappendices:\n  - title: Criteria\n    \
         file: ./criteria.md\n---\n\n# Purpose\n\nWhy.\n",
    )
    .unwrap();
    std::fs::write(
        papers.join("criteria.md"),
        "# Criteria\n\nGroups must be constituted.\n",
    )
    .unwrap();
    for command in ["check", "build"] {
        let (code, _, stderr) = crate::common::parts(&crate::common::clerk(dir.path(), &[command]));
        assert_eq!(code, 1, "{stderr}");
        assert!(
            stderr.contains("this file is an appendix of `papers/grants/scheme.md`"),
            "{command}: {stderr}"
        );
        assert!(
            stderr.contains("rename it `_criteria.md` and write `file: ./_criteria.md` in `papers/grants/scheme.md`"),
            "{command}: {stderr}"
        );
        assert!(
            !stderr.contains("start the file with a `---` line"),
            "{stderr}"
        );
    }
    // Renamed as the help says, both build.
    std::fs::rename(papers.join("criteria.md"), papers.join("_criteria.md")).unwrap();
    let scheme = std::fs::read_to_string(papers.join("scheme.md")).unwrap();
    std::fs::write(
        papers.join("scheme.md"),
        scheme.replace("./criteria.md", "./_criteria.md"),
    )
    .unwrap();
    let (code, _, stderr) = crate::common::parts(&crate::common::clerk(dir.path(), &["build"]));
    assert_eq!(code, 0, "{stderr}");
}

/// A value with a colon in it is read again with its `: ` eased, so that the rest of the
/// metadata is checked; the eased value itself is never quoted back to the author.
#[test]
fn a_value_with_a_colon_is_reported_once_not_again_as_read_eased() {
    let dir = tempfile::tempdir().unwrap();
    let papers = dir.path().join("papers");
    std::fs::create_dir(&papers).unwrap();
    std::fs::write(
        papers.join("a.md"),
        "---\nmeeting: M\ndate: 2026-05-19: am\ntitle: T\npresented_by: P\n\
         recommendation: For Discussion: urgent\nrecommendations: x\nagenda_itm: \"1\"\n---\n\n\
         # Purpose\n\nWhy.\n",
    )
    .unwrap();
    let (code, _, stderr) = crate::common::parts(&crate::common::clerk(dir.path(), &["check"]));
    assert_eq!(code, 1, "{stderr}");
    let codes: Vec<&str> = stderr
        .lines()
        .filter_map(|l| {
            l.strip_prefix("error[")
                .or_else(|| l.strip_prefix("warning["))
        })
        .filter_map(|l| l.split(']').next())
        .collect();
    // Both colons said, the misspelt key still found; no bad-date or unusual-recommendation
    // about `2026-05-19; am` or `For Discussion; urgent`.
    assert_eq!(
        codes,
        ["yaml-syntax", "yaml-syntax", "misnamed-key"],
        "{stderr}"
    );
    assert!(
        !stderr.contains("; am") && !stderr.contains("; urgent"),
        "{stderr}"
    );
}

/// The codes of the diagnostics `clerk check` prints for a project with `papers/a.md` alone.
fn codes_for(paper: &str) -> (Vec<String>, String) {
    let dir = tempfile::tempdir().unwrap();
    let papers = dir.path().join("papers");
    std::fs::create_dir(&papers).unwrap();
    std::fs::write(papers.join("a.md"), paper).unwrap();
    let (code, _, stderr) = crate::common::parts(&crate::common::clerk(dir.path(), &["check"]));
    assert_eq!(code, 1, "{stderr}");
    let codes = stderr
        .lines()
        .filter_map(|l| {
            let (kind, rest) = l.split_once('[')?;
            let place = stderr.lines().skip_while(|x| *x != l).nth(1)?;
            let place = place.trim().strip_prefix("--> papers/a.md:")?;
            ["error", "warning"]
                .contains(&kind)
                .then(|| format!("{}@{place}", rest.split(']').next().unwrap_or("")))
        })
        .collect();
    (codes, stderr)
}

/// A line YAML cannot read (a quote never closed, a key indented under another) is said
/// where it is, and the rest of the metadata is still checked, so that every problem comes
/// out in one run; the key on that line is not said to be missing or empty as well.
#[test]
fn a_line_yaml_cannot_read_hides_no_other_problem() {
    let body = "---\n\n# Purpose\n\nTo report.\n";
    let (codes, stderr) = codes_for(&format!(
        "---\nmeeting: Resources Committee\ndate: 2026-13-45\ntitle: \"Budget monitoring\n\
         presented_by: A Person, Head\nrecommendation: For Noting\n\
         recommendations: Members are invited to note this paper.\nclassification: SECRET\n{body}"
    ));
    assert_eq!(
        codes,
        [
            "bad-date@3:7",
            "yaml-syntax@4:8",
            "refused-classification@8:17"
        ],
        "{stderr}"
    );
    let (codes, stderr) = codes_for(&format!(
        "---\nmeeting: Resources Committee\ndate: 2026-13-45\ntitle: Budget\n\
         presented_by: A Person, Head\n  recommendation: For Noting\n\
         recommendations: Members are invited to note this paper.\nclassification: SECRET\n\
         keywords: [budget\n{body}"
    ));
    assert_eq!(
        codes,
        [
            "bad-date@3:7",
            "yaml-syntax@6:17",
            "refused-classification@8:17",
            "yaml-syntax@9:11"
        ],
        "{stderr}"
    );
    // A sidecar whose first line is unreadable: the keys missing are still said (at that
    // first line), but not the one the line gives.
    let dir = tempfile::tempdir().unwrap();
    let papers = dir.path().join("papers");
    std::fs::create_dir(&papers).unwrap();
    std::fs::write(papers.join("a.md"), "# Purpose\n\nTo report.\n").unwrap();
    std::fs::write(
        papers.join("a.yaml"),
        "meeting: \"Resources Committee\ndate: 2026-05-19\ntitle: Budget\n\
         recommendation: For Noting\nrecommendations: Members are invited to note this paper.\n",
    )
    .unwrap();
    let (code, _, stderr) = crate::common::parts(&crate::common::clerk(dir.path(), &["check"]));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("error[yaml-syntax]"), "{stderr}");
    assert!(
        stderr.contains("the required key `presented_by` is missing"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("the required key `meeting` is missing"),
        "{stderr}"
    );
}

/// A paper or a folder that is a symbolic link is not followed, and said so: it was passed
/// over in silence (`clerk serve` said "rebuilt 0 papers: ok").
#[cfg(unix)]
#[test]
fn a_symlinked_paper_or_folder_is_said_not_followed() {
    let project = temp_project("repo");
    let root = project.path();
    let elsewhere = tempfile::tempdir().unwrap();
    let seed = root.join("papers/policing-performance/2021-09-01-hmics-progress-review.md");
    std::fs::copy(&seed, elsewhere.path().join("linked.md")).unwrap();
    std::os::unix::fs::symlink(
        elsewhere.path().join("linked.md"),
        root.join("papers/linked.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), root.join("papers/linked-folder")).unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["check"]));
    assert_eq!(code, 0, "warnings only: {stdout}{stderr}");
    assert_eq!(
        stderr.matches("warning[symlink-not-followed]").count(),
        2,
        "{stderr}"
    );
    assert!(stderr.contains("--> papers/linked.md"), "{stderr}");
    assert!(stderr.contains("--> papers/linked-folder"), "{stderr}");
}

/// `clerk check` given a meeting file checks it as one, not as a paper (whose keys it
/// lacks); given the house style, finds it sound; given a picture or a Word document, says
/// it is no paper.
#[test]
fn check_takes_a_meeting_file_as_one_and_refuses_a_file_that_is_no_paper() {
    let project = temp_project("meetings");
    let root = project.path();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("chair:", "chiar:", 1)).unwrap();
    let (code, stdout, stderr) = parts(&clerk(
        root,
        &["check", "meetings/resources-2026-05-19.yaml"],
    ));
    assert!(stderr.contains("chiar"), "{stdout}{stderr}");
    assert!(!stderr.contains("`meeting` is missing"), "{stderr}");
    // The meeting file's own key is offered, never a paper's.
    assert!(stderr.contains("it is probably `chair`"), "{stderr}");
    assert!(
        !stderr.contains("probably the required key"),
        "no paper's keys offered: {stderr}"
    );
    assert_eq!(code, 1, "{stdout}{stderr}");
    std::fs::write(root.join("papers/chart.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    std::fs::write(root.join("papers/draft.docx"), b"PK\x03\x04").unwrap();
    let (code, _, stderr) = parts(&clerk(
        root,
        &["check", "papers/chart.png", "papers/draft.docx"],
    ));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(stderr.matches("error[not-a-paper]").count(), 2, "{stderr}");
    assert!(stderr.contains("run `clerk import`"), "{stderr}");
    let council = temp_project("council");
    let (code, stdout, stderr) = parts(&clerk(council.path(), &["check", "clerk.yaml"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stderr.contains("missing"), "{stderr}");
}

/// A meeting file that is not YAML is still checked with the papers it names: the check
/// says how many it read, not `Checked 0 papers`.
#[test]
fn a_meeting_file_broken_as_yaml_is_checked_with_the_papers_it_names() {
    let project = temp_project("meetings");
    let root = project.path();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replacen("title: Chair's opening remarks", "title: [Chair's", 1);
    std::fs::write(&file, text).unwrap();
    let (code, stdout, stderr) = parts(&clerk(
        root,
        &["check", "meetings/resources-2026-05-19.yaml"],
    ));
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("error[yaml-syntax]"), "{stderr}");
    assert!(stdout.contains("Checked 4 papers: 1 error"), "{stdout}");
}

/// A paper named twice on the command line is checked once, not refused as a clash with
/// itself.
#[test]
fn a_paper_named_twice_is_checked_once() {
    let project = temp_project("repo");
    let seed = "papers/policing-performance/2021-09-01-hmics-progress-review.md";
    let (code, stdout, stderr) = parts(&clerk(project.path(), &["check", seed, seed]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stderr.contains("case-clash"), "{stderr}");
    assert!(stdout.contains("Checked 1 paper"), "{stdout}");
}

/// A Markdown appendix given to check is checked with the paper that lists it (alone it
/// has no metadata, and `no-metadata` would send its author the wrong way); its problems
/// are said at its own lines.
#[test]
fn an_appendix_given_to_check_is_checked_with_its_paper() {
    let project = temp_project("repo");
    let root = project.path();
    let appendix = "papers/policing-performance/_appendix-a-performance-data.md";
    let (code, stdout, stderr) = parts(&clerk(root, &["check", appendix]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let all = format!("{stdout}{stderr}");
    assert!(
        all.contains("warning[appendix-checked-with-paper]"),
        "{all}"
    );
    assert!(
        all.contains("`papers/policing-performance/2021-12-01-quarterly-performance-report.md`"),
        "{all}"
    );
    assert!(!all.contains("no-metadata"), "{all}");
    // A slip in the appendix is said at its line there.
    let path = root.join(appendix);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\n![](missing-chart.png)\n")).unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["check", appendix]));
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stderr.contains(&format!("--> {appendix}:")),
        "{stdout}{stderr}"
    );
}

use super::*;

#[test]
fn resolve_sees_through_dot_dot_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::create_dir_all(root.join("papers/x")).unwrap();
    assert_eq!(resolve(&root.join("papers/x/..")), root.join("papers"));
    assert_eq!(resolve(&root.join("papers/..")), root);
    assert_eq!(
        resolve(&root.join("not-yet/../papers")),
        root.join("papers")
    );
    assert_eq!(resolve(&root.join("out/site")), root.join("out/site"));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&root, root.join("papers/up")).unwrap();
        assert_eq!(resolve(&root.join("papers/up")), root);
        assert_eq!(resolve(&root.join("papers/up/new")), root.join("new"));
    }
}

#[test]
fn an_output_folder_that_is_the_root_holds_the_papers_or_is_them_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("papers/x")).unwrap();
    for out in ["papers/..", "papers/x/..", "..", ".", "papers", "./papers/"] {
        let err = Project::open(root, None, Some(Path::new(out)), &mut Default::default())
            .expect_err(&format!("--out {out} must be refused"));
        assert_eq!(err[0].code, "bad-output-folder", "--out {out}");
    }
    for out in ["out", "papers-out", "../elsewhere"] {
        assert!(
            Project::open(root, None, Some(Path::new(out)), &mut Default::default()).is_ok(),
            "--out {out} is a folder of its own"
        );
    }
}

#[test]
fn a_papers_folder_with_no_paper_is_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("papers")).unwrap();
    std::fs::write(root.join("papers/_draft.md"), "x").unwrap();
    let project = Project::open(root, None, None, &mut Default::default()).unwrap();
    let (found, diags) = project.papers(&[]);
    assert!(found.is_empty());
    let codes: Vec<_> = diags.iter().map(|d| (d.code, d.severity)).collect();
    assert_eq!(codes, [("no-papers-found", crate::diag::Severity::Warning)]);
    assert!(diags[0].help.as_deref().unwrap().contains("clerk new"));
    // One paper, and no such warning.
    std::fs::write(root.join("papers/a.md"), "x").unwrap();
    assert!(project.papers(&[]).1.is_empty());
}

/// A path typed with `..` (from a sub-folder) is shown folded, as the paper's own path.
#[test]
fn papers_named_with_dot_dot_are_shown_by_their_plain_path() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::create_dir_all(root.join("papers/sub")).unwrap();
    std::fs::write(root.join("papers/a.md"), "x").unwrap();
    std::fs::write(root.join("papers/sub/b.md"), "x").unwrap();
    let project = Project::open(&root, None, None, &mut Default::default()).unwrap();
    let typed = [
        root.join("papers/sub/../a.md"),
        root.join("papers/sub/./../../papers/sub"),
    ];
    let (found, diags) = project.papers(&typed);
    assert!(diags.is_empty(), "{diags:?}");
    let shown: Vec<_> = found.iter().map(|s| s.display.clone()).collect();
    assert_eq!(
        shown,
        [
            PathBuf::from("papers/a.md"),
            PathBuf::from("papers/sub/b.md")
        ]
    );
}

/// A path given on the command line that is not there, but a slip away from a file beside
/// it (a letter out, or capitals), is offered that file.
#[test]
fn a_path_not_found_is_offered_the_file_it_nearly_names() {
    let tmp = tempfile::tempdir().unwrap();
    let papers = tmp.path().join("papers");
    std::fs::create_dir_all(&papers).unwrap();
    std::fs::write(papers.join("base.md"), "").unwrap();
    std::fs::write(papers.join("budget.md"), "").unwrap();
    std::fs::write(papers.join("2022-03-15-estates-strategy.md"), "").unwrap();
    // Typed without `.md`, as a file manager shows names: the paper is offered too.
    for (typed, meant) in [
        ("base", "base.md"),
        (
            "2022-03-15-estates-strategy",
            "2022-03-15-estates-strategy.md",
        ),
        (
            "2022-03-15-estates-stratgy",
            "2022-03-15-estates-strategy.md",
        ),
    ] {
        let d = not_found(&papers.join(typed));
        let want = format!("did you mean `{}`?", papers.join(meant).display());
        assert_eq!(d.help.as_deref(), Some(want.as_str()), "{typed}");
    }
    for typed in ["bse.md", "Base.md", "base.dm"] {
        let d = not_found(&papers.join(typed));
        let want = format!("did you mean `{}`?", papers.join("base.md").display());
        assert_eq!(d.help.as_deref(), Some(want.as_str()), "{typed}");
    }
    let d = not_found(&papers.join("minutes.md"));
    assert_eq!(
        d.help.as_deref(),
        Some("give the path of a `.md` paper or a folder of papers")
    );
}

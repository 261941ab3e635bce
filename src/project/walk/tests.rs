//! Finding papers: the order walked, what is skipped or refused, and files warned about.

use super::*;
use crate::diag::Severity;

/// Makes each of `list` (paths under `papers`), with its folders.
fn files(papers: &Path, list: &[&str]) {
    for f in list {
        let p = papers.join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "x").unwrap();
    }
}

/// Walks a papers folder of `list` (its output folder inside it, the meetings beside it):
/// the papers found, by path in the folder, and the diagnostics.
fn walked(list: &[&str]) -> (Vec<String>, Vec<Diagnostic>) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let papers = root.join("papers");
    files(&papers, list);
    let dirs = (papers.join("out"), root.join("meetings"));
    let (found, diags) = walk(root, &papers, &papers, (&dirs.0, &dirs.1));
    let names = found
        .iter()
        .map(|p| p.rel.to_string_lossy().into_owned())
        .collect();
    (names, diags)
}

/// Each diagnostic's code, severity and file.
fn coded(diags: &[Diagnostic]) -> Vec<(&'static str, Severity, String)> {
    diags
        .iter()
        .map(|d| (d.code, d.severity, d.file.to_string_lossy().into_owned()))
        .collect()
}

#[test]
fn walks_sorted_and_skips_underscore_dot_and_output() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let papers = root.join("papers");
    files(
        &papers,
        &[
            "b.md",
            "a.md",
            "_skip.md",
            ".hidden.md",
            "sub/c.md",
            "_drafts/d.md",
            "notes.txt",
            "out/e.md",
        ],
    );
    let (found, diags) = walk(
        root,
        &papers,
        &papers,
        (&papers.join("out"), &root.join("m")),
    );
    assert!(diags.is_empty());
    let names: Vec<_> = found
        .iter()
        .map(|p| p.rel.to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a.md", "b.md", "sub/c.md"]);
    assert_eq!(found[0].display, Path::new("papers/a.md"));
}

#[test]
fn a_paper_whose_outputs_would_land_on_clerks_own_is_refused() {
    let (names, diags) = walked(&[
        "index.md",
        "meetings.md",
        "meetings/2026-05-19-resources-committee/agenda.md",
        "private/notes.md",
        "sub/index.md",
        "sub/private/x.md",
    ]);
    assert_eq!(names, ["meetings.md", "sub/index.md", "sub/private/x.md"]);
    let refused = coded(&diags);
    assert_eq!(
        refused,
        [
            ("reserved-path", Severity::Error, "papers/index.md".into()),
            (
                "reserved-path",
                Severity::Error,
                "papers/meetings/2026-05-19-resources-committee/agenda.md".into()
            ),
            (
                "reserved-path",
                Severity::Error,
                "papers/private/notes.md".into()
            ),
        ]
    );
    assert!(
        diags[0].message.contains("`index.html`"),
        "{}",
        diags[0].message
    );
}

#[test]
fn a_yaml_file_that_is_no_papers_sidecar_is_warned_about() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let papers = root.join("papers");
    files(
        &papers,
        &[
            "a.md",
            "a.yaml",
            "renamed.yaml",
            "sub/old.yml",
            "_kept.yaml",
            "meetings/2026-05-19.yaml",
        ],
    );
    let dirs = (papers.join("out"), papers.join("meetings"));
    let (found, diags) = walk(root, &papers, &papers, (&dirs.0, &dirs.1));
    assert_eq!(found.len(), 1);
    let lone = coded(&diags);
    assert_eq!(
        lone,
        [
            (
                "lone-sidecar",
                Severity::Warning,
                "papers/renamed.yaml".into()
            ),
            (
                "lone-sidecar",
                Severity::Warning,
                "papers/sub/old.yml".into()
            ),
        ]
    );
    assert!(diags[0].message.contains("no paper `renamed.md` beside it"));
    // Papers kept at the project's root (`papers_dir: .`): `clerk.yaml` is no sidecar.
    std::fs::write(root.join("clerk.yaml"), "x").unwrap();
    let (_, diags) = walk(root, root, root, (&dirs.0, &dirs.1));
    assert!(
        diags.iter().all(|d| !d.file.ends_with("clerk.yaml")),
        "{diags:?}"
    );
}

#[test]
fn a_paper_saved_under_another_extension_is_warned_of_not_built_silently() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let papers = root.join("papers");
    files(&papers, &["a.md", "Third.MD", "b.markdown", "notes.txt"]);
    std::fs::write(papers.join("other.txt"), "---\nmeeting: R\n---\n").unwrap();
    std::fs::write(papers.join("c.md.txt"), "---\n").unwrap();
    let (found, diags) = walk(
        root,
        &papers,
        &papers,
        (&papers.join("out"), &root.join("m")),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let warned = coded(&diags);
    let warning = |f: &str| ("not-a-paper-name", Severity::Warning, f.to_string());
    assert_eq!(
        warned,
        [
            warning("papers/Third.MD"),
            warning("papers/b.markdown"),
            warning("papers/c.md.txt"),
            warning("papers/other.txt"),
        ],
        "a .txt of notes is no paper"
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some("rename it `Third.md` to build it, or start its name with `_` to keep it out quietly")
    );
    assert!(diags[2].help.as_deref().unwrap().contains("`c.md`"));
}

/// Names that differ only in capitals are one on Windows, a Mac and SharePoint: a paper
/// whose outputs would be clerk's own there is refused, and one whose outputs would be
/// another paper's is warned of (both are built: refusing one would withdraw it).
#[test]
fn a_paper_whose_outputs_differ_from_others_only_in_capitals_is_refused() {
    let (names, diags) = walked(&[
        "INDEX.md",
        "Meetings/x.md",
        "Private/y.md",
        "Report.md",
        "report.md",
        "sub/Budget.md",
        "Sub/budget.md",
        "sub/index.md",
    ]);
    assert_eq!(
        names,
        [
            "Report.md",
            "Sub/budget.md",
            "report.md",
            "sub/Budget.md",
            "sub/index.md"
        ]
    );
    let refused: Vec<_> = diags
        .iter()
        .map(|d| (d.code, d.file.to_string_lossy().into_owned()))
        .collect();
    assert!(diags[3].severity == Severity::Warning && diags[4].severity == Severity::Warning);
    assert_eq!(
        refused,
        [
            ("reserved-path", "papers/INDEX.md".into()),
            ("reserved-path", "papers/Meetings/x.md".into()),
            ("reserved-path", "papers/Private/y.md".into()),
            ("case-clash", "papers/report.md".into()),
            ("case-clash", "papers/sub/Budget.md".into()),
        ]
    );
    assert!(
        diags[3].message.contains("`papers/Report.md`"),
        "{}",
        diags[3].message
    );
}

/// A Word document in the papers folder with no paper of its name beside it is said not to
/// be built, with the import as the way out; one already imported (its `.md` beside it) and
/// Word's lock files (`~$…`) are passed over.
#[test]
fn a_word_document_not_yet_imported_is_warned_of() {
    let (found, diags) = walked(&["budget.docx", "estates.docx", "estates.md", "~$budget.docx"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        coded(&diags),
        [(
            "word-not-imported",
            Severity::Warning,
            "papers/budget.docx".to_string()
        )]
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some(
            "import it: `clerk import papers/budget.docx` writes the paper `papers/budget.md` beside it"
        )
    );
}

//! Privacy over time: a paper's place in public is given by its meeting's file, so a paper
//! whose item is struck off an agenda, or whose meeting file is deleted after it took the
//! paper in private, is never published by default; what a build removes as papers go in
//! and out of private is named; a meeting moved in two steps leaves nothing behind; and an
//! item taken in private is never named by its file. Each case builds the meetings fixture
//! (item 4, the cyber exercise, taken in private), edits it as a secretariat would, and
//! searches every public output for the private paper's words.

use std::path::Path;

use crate::common::{clerk, parts, temp_project};

pub(crate) const MEETING_FILE: &str = "meetings/resources-2026-05-19.yaml";
/// The private paper, and words of its body no public output may hold.
pub(crate) const CYBER: &str = "resources/2026-05-19-cyber-exercise";
pub(crate) const SECRET: &str = "ZEBRA-CANTICLE-SECRET";
/// A public paper of the same meeting.
const BUDGET: &str = "resources/2026-05-19-budget-monitoring";

pub(crate) fn build(root: &Path) -> (i32, String) {
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    (code, format!("{stdout}{stderr}"))
}

/// The meetings fixture, built once as it is.
pub(crate) fn built() -> tempfile::TempDir {
    let project = temp_project("meetings");
    let (code, out) = build(project.path());
    assert_eq!(code, 0, "{out}");
    project
}

/// The meeting file's text with `paper`'s item taken in private.
fn taken_in_private(listed: &str, paper: &str) -> String {
    let item = format!("    paper: {paper}.md\n");
    listed.replace(
        &item,
        &format!("{item}    private: true\n    exempt: Standing Orders section 20(b)\n"),
    )
}

/// The public outputs (everything under `out/` but `out/private/` and private packs) that
/// hold `word`: in the text of HTML, JSON and calendar files, and of PDFs by pdftotext
/// when it is installed (the raw bytes otherwise: clerk's PDFs deflate their text).
pub(crate) fn public_holding(root: &Path, word: &str) -> Vec<String> {
    let out = root.join("out");
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(&out).unwrap().to_string_lossy();
        if !entry.file_type().is_file()
            || rel.starts_with("private")
            || rel.ends_with("private-pack.pdf")
        {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        let text = if rel.ends_with(".pdf") {
            std::process::Command::new("pdftotext")
                .args([entry.path().to_str().unwrap(), "-"])
                .output()
                .map_or_else(
                    |_| String::from_utf8_lossy(&bytes).into_owned(),
                    |o| String::from_utf8_lossy(&o.stdout).into_owned(),
                )
        } else {
            String::from_utf8_lossy(&bytes).into_owned()
        };
        if text.contains(word) {
            found.push(rel.into_owned());
        }
    }
    found
}

/// The public PDFs of [`public_holding`] (a paper's title stays on its public agenda page).
fn public_pdfs_holding(root: &Path, word: &str) -> Vec<String> {
    let mut found = public_holding(root, word);
    found.retain(|p| p.ends_with(".pdf"));
    found
}

/// The meeting file with item `number`'s lines (from its `- number:` to the next) removed.
pub(crate) fn strike(root: &Path, number: &str) {
    let file = root.join(MEETING_FILE);
    let text = std::fs::read_to_string(&file).unwrap();
    let start = text
        .find(&format!("  - number: \"{number}\"\n"))
        .expect("the item");
    let end = text[start + 4..]
        .find("  - number:")
        .map_or(text.len(), |i| start + 4 + i);
    std::fs::write(&file, format!("{}{}", &text[..start], &text[end..])).unwrap();
}

#[test]
fn a_private_item_struck_off_its_agenda_is_not_published() {
    let project = built();
    let root = project.path();
    assert!(root.join(format!("out/private/{CYBER}.pdf")).is_file());
    // Deferred: the item goes from the agenda, the paper still names the meeting.
    strike(root, "4");
    let (code, out) = build(root);
    assert_eq!(code, 1, "not-on-agenda is an error:\n{out}");
    assert!(out.contains("error[not-on-agenda]"), "{out}");
    assert!(
        out.contains("so it is kept out of every public output"),
        "{out}"
    );
    assert_eq!(public_holding(root, SECRET), Vec::<String>::new(), "{out}");
    assert!(!root.join(format!("out/{CYBER}.html")).exists(), "{out}");
    assert!(root.join(format!("out/private/{CYBER}.html")).is_file());
}

#[test]
fn a_public_item_struck_off_its_agenda_is_withheld_until_it_is_listed_again() {
    let project = built();
    let root = project.path();
    let word = "Budget Monitoring Report";
    assert!(root.join(format!("out/{BUDGET}.html")).is_file());
    let listed = std::fs::read_to_string(root.join(MEETING_FILE)).unwrap();
    strike(root, "3.1");
    let (code, out) = build(root);
    assert_eq!(code, 1, "{out}");
    assert!(!root.join(format!("out/{BUDGET}.html")).exists(), "{out}");
    assert!(!root.join(format!("out/{BUDGET}.pdf")).exists(), "{out}");
    assert!(root.join(format!("out/private/{BUDGET}.html")).is_file());
    assert_eq!(
        public_pdfs_holding(root, word),
        Vec::<String>::new(),
        "{out}"
    );
    // The public manifest says a paper is withheld, not what it is.
    let manifest = std::fs::read_to_string(root.join("out/manifest.json")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let withheld = serde_json::json!({"title": null, "withheld": true});
    assert!(
        manifest["private_papers"]
            .as_array()
            .unwrap()
            .contains(&withheld),
        "{manifest}"
    );
    // Listed again: published again, and nothing of it left under private/.
    std::fs::write(root.join(MEETING_FILE), listed).unwrap();
    let (code, out) = build(root);
    assert_eq!(code, 0, "{out}");
    assert!(root.join(format!("out/{BUDGET}.html")).is_file(), "{out}");
    assert!(!root.join(format!("out/private/{BUDGET}.html")).exists());
}

#[test]
fn a_paper_taken_in_private_stays_private_when_its_meeting_file_goes() {
    let project = built();
    let root = project.path();
    let file = root.join(MEETING_FILE);
    let listed = std::fs::read_to_string(&file).unwrap();
    std::fs::rename(&file, root.join("meetings/old.yaml.bak")).unwrap();
    let (code, out) = build(root);
    assert_eq!(code, 0, "a warning, not an error:\n{out}");
    assert!(out.contains("warning[still-private]"), "{out}");
    assert!(
        out.contains(&format!("--> papers/{CYBER}.md")),
        "the warning is at the paper:\n{out}"
    );
    assert_eq!(public_holding(root, SECRET), Vec::<String>::new(), "{out}");
    // Nor is it an item of the meeting its papers make without a file.
    assert_eq!(
        public_holding(root, "Cyber Resilience Exercise"),
        Vec::<String>::new(),
        "{out}"
    );
    assert!(root.join(format!("out/private/{CYBER}.pdf")).is_file());
    // And on the next build too: the private manifest still says why.
    let (_, out) = build(root);
    assert!(out.contains("warning[still-private]"), "{out}");
    // A meeting file listing it without `private: true` publishes it.
    let public = listed
        .replace("    private: true\n", "")
        .replace("    exempt: Standing Orders section 20(d)\n", "");
    std::fs::write(&file, public).unwrap();
    let (code, out) = build(root);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("still-private"), "{out}");
    assert!(root.join(format!("out/{CYBER}.html")).is_file(), "{out}");
    assert!(!public_holding(root, SECRET).is_empty());
}

/// What a build removes as papers go in and out of private is named in its summary, each
/// under what it is: the secretariat takes public copies off its website by that list.
#[test]
fn the_summary_names_every_copy_removed_as_papers_go_in_and_out_of_private() {
    let project = built();
    let root = project.path();
    let file = root.join(MEETING_FILE);
    let listed = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, taken_in_private(&listed, BUDGET)).unwrap();
    let (code, out) = build(root);
    assert_eq!(code, 0, "{out}");
    let said = |out: &str, heading: &str, paths: &[String]| {
        let at = out
            .find(heading)
            .unwrap_or_else(|| panic!("{heading}:\n{out}"));
        let block: Vec<&str> = out[at..]
            .lines()
            .skip(1)
            .take_while(|l| l.starts_with("  "))
            .map(str::trim)
            .collect();
        let want: Vec<String> = paths.iter().map(|p| format!("out/{p}")).collect();
        assert_eq!(block, want, "{out}");
    };
    let public = [format!("{BUDGET}.html"), format!("{BUDGET}.pdf")];
    said(
        &out,
        "Removed 2 public outputs of papers now taken in private",
        &public,
    );
    // Public again, and the cyber exercise too: its private copies go, and so does the
    // private pack, whose meeting has no private items left.
    let none_private = listed
        .replace("    private: true\n", "")
        .replace("    exempt: Standing Orders section 20(d)\n", "");
    std::fs::write(&file, none_private).unwrap();
    let (code, out) = build(root);
    assert_eq!(code, 0, "{out}");
    let private_copies: Vec<String> = [BUDGET, CYBER]
        .iter()
        .flat_map(|p| [format!("private/{p}.html"), format!("private/{p}.pdf")])
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    said(
        &out,
        "Removed 4 private outputs of papers no longer taken in private",
        &private_copies,
    );
    said(
        &out,
        "Removed 1 pack whose meeting has no items for it any more",
        &["meetings/2026-05-19-resources-committee/private-pack.pdf".to_string()],
    );
    assert!(!out.contains("that are gone"), "{out}");
}

/// A meeting moved to another date in two steps (its file first, which is then an error
/// against its papers, then the papers): the run with errors keeps the old date's folder,
/// private pack and all, but lists it, and names the private pack as not for publication;
/// the next run without errors removes it and says so.
#[test]
fn a_meeting_moved_in_two_steps_leaves_nothing_behind() {
    let project = built();
    let root = project.path();
    let old = "meetings/2026-05-19-resources-committee";
    assert!(
        root.join("out")
            .join(old)
            .join("private-pack.pdf")
            .is_file()
    );
    let file = root.join(MEETING_FILE);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("date: 2026-05-19", "date: 2026-05-26")).unwrap();
    let (code, out) = build(root);
    assert_eq!(code, 1, "wrong-meeting errors:\n{out}");
    let kept = |manifest: &str| {
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(root.join("out").join(manifest)).unwrap())
                .unwrap();
        json["kept"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|o| o["path"].as_str().unwrap().to_string())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let public = kept("manifest.json");
    assert!(public.contains(&format!("{old}/pack.pdf")), "{public:?}");
    assert!(!public.iter().any(|p| p.ends_with("private-pack.pdf")));
    assert_eq!(
        kept("private/manifest.json"),
        [format!("{old}/private-pack.pdf")]
    );
    assert!(
        out.contains(&format!("  out/{old}/private-pack.pdf\n")),
        "named as not for publication:\n{out}"
    );
    // The papers follow: the old folder goes, and the summary names what went.
    for paper in [
        "budget-monitoring",
        "cyber-exercise",
        "minutes",
        "public-counter-review",
    ] {
        let path = root.join(format!("papers/resources/2026-05-19-{paper}.md"));
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("date: 2026-05-19", "date: 2026-05-26")).unwrap();
    }
    let (code, out) = build(root);
    assert_eq!(code, 0, "{out}");
    assert!(!root.join("out").join(old).exists(), "{out}");
    assert!(
        out.contains(&format!("  out/{old}/private-pack.pdf\n")),
        "{out}"
    );
    assert!(out.contains("of papers or meetings that are gone"), "{out}");
    assert!(kept("manifest.json").is_empty());
}

/// An item taken in private whose paper's metadata cannot be read this run (a misspelt
/// key) has no title to show: it is shown by its number and exempt ground, never by its
/// file's name, which often says what the paper is about. (A build of another papers
/// folder into this output folder, which once showed it so, is refused now.)
#[test]
fn a_private_item_without_a_title_is_not_named_by_its_file() {
    let project = built();
    let root = project.path();
    let paper = root.join(format!("papers/{CYBER}.md"));
    let text = std::fs::read_to_string(&paper).unwrap();
    std::fs::write(&paper, text.replacen("title:", "titel:", 1)).unwrap();
    let (_, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert!(stderr.contains("paper-not-built"), "{stdout}{stderr}");
    assert_eq!(
        public_holding(root, "cyber-exercise"),
        Vec::<String>::new(),
        "{stdout}{stderr}"
    );
    let index = std::fs::read_to_string(root.join("out/index.html")).unwrap();
    assert!(
        index.contains("(Exempt: Standing Orders section 20(d))"),
        "the item is still listed, by its ground"
    );
}

/// A packs-only run after a paper is taken in private finds no private PDF of it yet: the
/// pack says "Paper not available", and the warning says to build it, not to fix errors
/// the paper does not have.
#[test]
fn a_packs_only_run_says_to_build_a_pdf_it_lacks_not_to_fix_errors() {
    let project = built();
    let root = project.path();
    let file = root.join(MEETING_FILE);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, taken_in_private(&text, BUDGET)).unwrap();
    let (_, stdout, stderr) = parts(&clerk(root, &["build", "--format", "pack"]));
    let warning = stderr
        .split("\n\n")
        .find(|w| w.contains("pack-paper-not-available") && w.contains("budget-monitoring"))
        .unwrap_or_else(|| panic!("{stdout}{stderr}"));
    assert!(warning.contains("run `clerk build`"), "{warning}");
    assert!(!warning.contains("fix the paper's errors"), "{warning}");
}

/// In a run with meeting-file errors, a meeting the run no longer has keeps its folder (and
/// the manifest lists it, for the next run to remove); but when a paper is taken in private
/// in that run after its own metadata moved it on, which old folder held it cannot be told,
/// so the public files of every such folder are withdrawn rather than kept listed.
#[test]
fn a_kept_meeting_folder_is_withdrawn_when_a_moved_paper_turns_private() {
    let project = built();
    let root = project.path();
    let old = "out/meetings/2026-05-19-resources-committee";
    let file = root.join(MEETING_FILE);
    let text = std::fs::read_to_string(&file).unwrap();
    let moved = taken_in_private(&text, BUDGET).replace("date: 2026-05-19", "date: 2026-05-26");
    std::fs::write(&file, moved).unwrap();
    let paper = root.join(format!("papers/{BUDGET}.md"));
    let own = std::fs::read_to_string(&paper).unwrap();
    std::fs::write(&paper, own.replace("date: 2026-05-19", "date: 2026-05-26")).unwrap();
    let (code, out) = build(root);
    assert_eq!(code, 1, "the other papers are for another date:\n{out}");
    assert!(!root.join(old).join("pack.pdf").exists(), "{out}");
    assert!(out.contains("warning[output-withdrawn]"), "{out}");
    assert_eq!(
        public_pdfs_holding(root, "Budget Monitoring Report – Quarter 4"),
        Vec::<String>::new(),
        "{out}"
    );
    let manifest = std::fs::read_to_string(root.join("out/manifest.json")).unwrap();
    assert!(
        !manifest.contains("2026-05-19-resources-committee/pack.pdf"),
        "{manifest}"
    );
}

/// `clerk serve` keeps private, as `clerk build` does, a paper the last build took in
/// private whose meeting file has gone: its preview says why, and `--write` neither
/// publishes it nor drops it from the private manifest, so the next build keeps it
/// private too. (It published it, and erased the record that it had been private.)
#[test]
fn the_preview_keeps_private_what_the_last_build_took_in_private() {
    use crate::common::serve::Serve;
    let project = built();
    let root = project.path();
    let file = root.join(MEETING_FILE);
    std::fs::rename(&file, root.join("meetings/old.yaml.bak")).unwrap();
    let serve = Serve::start(root, &["--write"]);
    assert!(!root.join(format!("out/{CYBER}.html")).exists());
    assert!(root.join(format!("out/private/{CYBER}.html")).is_file());
    let private = std::fs::read_to_string(root.join("out/private/manifest.json")).unwrap();
    assert!(private.contains("\"exempt\""), "{private}");
    let page = serve.get(&format!("/{CYBER}.html")).body;
    assert!(page.contains("still-private"), "the preview says why");
    drop(serve);
    let (code, out) = build(root);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("warning[still-private]"), "{out}");
    assert!(!root.join(format!("out/{CYBER}.html")).exists(), "{out}");
}

/// A meeting file with an error withholds its papers, and the preview says so, as
/// `clerk check` does (its `papers-withheld` warning was dropped).
#[test]
fn the_preview_says_which_papers_a_broken_meeting_file_withholds() {
    use crate::common::serve::Serve;
    let project = temp_project("meetings");
    let root = project.path();
    let file = root.join(MEETING_FILE);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("private: true", "privat: true", 1)).unwrap();
    let serve = Serve::start(root, &[]);
    let page = serve.get("/").body;
    assert!(page.contains("papers-withheld"), "{page}");
}

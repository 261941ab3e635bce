//! Private items: a paper a meeting takes in private is built for the secretariat and kept
//! out of every public output, through mistakes in its meeting file, files that cannot be
//! read, packs made while it was public, and the build cache.

use std::path::Path;

use crate::common::{clerk, parts, run_tool, snapshot_tree, temp_project};
use crate::meetings::{SECRET, build, read};

#[test]
fn a_private_paper_is_built_for_the_secretariat_and_nowhere_public() {
    let project = temp_project("meetings");
    let root = project.path();
    assert_eq!(build(root).0, 0);
    let private = root.join("out/private/resources/2026-05-19-cyber-exercise.html");
    let html = read(root, "out/private/resources/2026-05-19-cyber-exercise.html");
    assert!(html.contains(SECRET));
    // Marked PRIVATE with the house's private classification, at the top and foot, as every
    // page of its PDF is (the same marking drives both).
    for at in ["marking-top\"", "marking-bottom\" aria-hidden=\"true\""] {
        let mark = format!("<p class=\"marking {at}>PRIVATE – OFFICIAL-SENSITIVE</p>");
        assert!(html.contains(&mark), "{at}: {html}");
    }
    let public = read(root, "out/resources/2026-05-19-minutes.html");
    assert!(!public.contains("PRIVATE"), "a public paper is not marked");
    assert!(
        root.join("out/private/resources/2026-05-19-cyber-exercise.pdf")
            .is_file()
    );
    for (rel, bytes) in snapshot_tree(&root.join("out")) {
        if rel.starts_with("private") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        for leak in [SECRET, "cyber-exercise", "Alan Speirs"] {
            assert!(
                !text.contains(leak),
                "{rel} holds `{leak}` of a private paper"
            );
        }
    }
    assert!(private.is_file());
    let manifest: serde_json::Value =
        serde_json::from_str(&read(root, "out/manifest.json")).unwrap();
    assert_eq!(
        manifest["private_papers"][0]["title"],
        "Cyber Resilience Exercise"
    );
    assert_eq!(
        manifest["private_papers"][0]["exempt"],
        "Standing Orders section 20(d)"
    );
}

#[test]
fn a_private_items_neutral_title_is_the_only_title_anything_public_shows() {
    // Exempt items are often given a neutral title because the real one is sensitive.
    let project = temp_project("meetings");
    let root = project.path();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let neutral = text.replace(
        "    private: true\n",
        "    private: true\n    title: Exempt information item\n",
    );
    assert_ne!(neutral, text);
    std::fs::write(&file, neutral).unwrap();
    assert_eq!(build(root).0, 0);
    for (rel, bytes) in snapshot_tree(&root.join("out")) {
        if rel.starts_with("private") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("Cyber Resilience"),
            "{rel} holds the real title"
        );
    }
    let manifest: serde_json::Value =
        serde_json::from_str(&read(root, "out/manifest.json")).unwrap();
    assert_eq!(
        manifest["private_papers"][0]["title"],
        "Exempt information item"
    );
}

#[test]
fn a_broken_meeting_file_withholds_its_papers_and_withdraws_what_listed_them() {
    let project = temp_project("meetings");
    let root = project.path();
    assert_eq!(build(root).0, 0);
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("    exempt: Standing Orders section 20(d)\n", ""),
    )
    .unwrap();
    std::fs::remove_dir_all(root.join("out/meetings/2026-03-03-audit-committee")).unwrap();
    let (code, stdout, stderr) = build(root);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("gives no exempt ground"), "{stderr}");
    // Its papers, public before, are withheld: the page, agenda and packs that listed them
    // as public are withdrawn with them.
    for gone in ["index.html", "agenda.pdf", "pack.pdf"] {
        let path = root
            .join("out/meetings/2026-05-19-resources-committee")
            .join(gone);
        assert!(!path.exists(), "{gone} is left public");
    }
    assert!(stderr.contains("warning[output-withdrawn]"), "{stderr}");
    // The page is made again by any build, the PDFs by one with PDF.
    assert!(
        stderr.contains(
            "index.html\n  = help: the next build makes it again without the paper, once the meeting file has no error"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("agenda.pdf\n  = help: a build with PDF (`clerk build`) makes it again"),
        "{stderr}"
    );
    // Said as withheld, not as taken in private: the file's error is why, and nothing
    // was taken in private.
    assert!(
        stderr.contains("and that paper is withheld now, while its meeting file has an error"),
        "{stderr}"
    );
    assert!(!stderr.contains("is taken in private now"), "{stderr}");
    assert!(
        stdout.contains("of papers withheld while their meeting file has an error"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("of papers now taken in private"),
        "{stdout}"
    );
    // Its calendar event listed those items as public: it goes with the page, while the
    // other meetings keep theirs.
    let calendar = std::fs::read_to_string(root.join("out/meetings.ics")).unwrap();
    assert!(
        !calendar.contains("UID:2026-05-19-resources-committee@"),
        "{calendar}"
    );
    assert!(
        calendar.contains("UID:2026-03-03-audit-committee@"),
        "{calendar}"
    );
    assert!(
        root.join("out/meetings/2026-03-03-audit-committee/index.html")
            .is_file(),
        "other meetings build"
    );
    // Which of its papers are private cannot be trusted: all of them are withheld, and
    // the warning names them.
    assert!(stderr.contains("warning[papers-withheld]"), "{stderr}");
    assert!(
        stderr.contains("(withheld now: `resources/2026-05-19-budget-monitoring.md`, "),
        "{stderr}"
    );
    assert!(
        root.join("out/private/resources/2026-05-19-minutes.html")
            .is_file()
    );
    assert!(!root.join("out/resources/2026-05-19-minutes.html").exists());
    assert!(
        root.join("out/resources/2026-02-10-treasury-strategy.html")
            .is_file()
    );

    // YAML that does not parse at all: the papers it names stay private.
    std::fs::write(&file, format!("{text}\n  bad: [\n")).unwrap();
    let (code, _, stderr) = build(root);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        !root
            .join("out/resources/2026-05-19-cyber-exercise.html")
            .exists()
    );
    assert!(!read(root, "out/index.html").contains(SECRET));
}

/// Every output outside `out/private/` (the private pack aside, which is for members) does
/// not hold `marker`.
pub(crate) fn no_public_output_holds(out: &Path, marker: &str) {
    for entry in walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(out).unwrap();
        if !entry.file_type().is_file()
            || rel.starts_with("private")
            || rel.ends_with("private-pack.pdf")
        {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(marker), "{} holds {marker}", rel.display());
    }
}

#[test]
fn a_mistake_in_a_meeting_file_never_publishes_its_private_paper() {
    // Each a readable file with an error that loses the private flag or the paper's path.
    let mistakes = [
        ("    private: true\n", "    privte: true\n"),
        ("    private: true\n", "    private: yes please\n"),
        ("\nitems:\n", "\nagenda:\n"),
        (
            "paper: resources/2026-05-19-cyber-exercise.md",
            "paper: resources/2026-05-19-cyber-exercize.md",
        ),
    ];
    for (from, to) in mistakes {
        let project = temp_project("meetings");
        let root = project.path();
        let file = root.join("meetings/resources-2026-05-19.yaml");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(from), "{from}");
        std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
        let (code, stdout, stderr) = build(root);
        assert_eq!(code, 1, "{to}: {stderr}");
        assert!(
            stderr.contains("warning[papers-withheld]"),
            "{to}: {stderr}"
        );
        // The summary says the run has errors besides the papers, and which are private.
        assert!(
            stdout.contains("about meetings, outputs and other files)"),
            "{to}: {stdout}"
        );
        assert!(
            stdout.contains("papers/resources/2026-05-19-cyber-exercise.md (private)"),
            "{to}: {stdout}"
        );
        let out = root.join("out");
        assert!(
            out.join("private/resources/2026-05-19-cyber-exercise.html")
                .is_file(),
            "{to}: built as private"
        );
        assert!(
            !out.join("resources/2026-05-19-cyber-exercise.pdf").exists(),
            "{to}"
        );
        // The paper's own words: in none of the public files.
        no_public_output_holds(&out, "ZEBRA-CANTICLE-SECRET");
        // The other meetings are untouched.
        assert!(
            out.join("resources/2026-02-10-treasury-strategy.pdf")
                .is_file(),
            "{to}"
        );
    }
}

/// The meetings fixture with its private item public, built, then the item taken in private
/// again: the project, its meeting file and the file's text with the item private.
pub(crate) fn built_with_the_private_item_public() -> (tempfile::TempDir, std::path::PathBuf, String)
{
    let project = temp_project("meetings");
    let file = project.path().join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let public = text
        .replace("    private: true\n", "")
        .replace("    exempt: Standing Orders section 20(d)\n", "");
    std::fs::write(&file, public).unwrap();
    assert_eq!(build(project.path()).0, 0);
    let pack = project
        .path()
        .join("out/meetings/2026-05-19-resources-committee/pack.pdf");
    assert!(pack.is_file());
    std::fs::write(&file, &text).unwrap();
    (project, file, text)
}

#[test]
fn a_pack_made_while_a_paper_was_public_goes_when_it_is_taken_in_private() {
    let dir = "out/meetings/2026-05-19-resources-committee";
    // An HTML-only build makes no pack: the old one, with the paper in it, is removed.
    let (project, _, _) = built_with_the_private_item_public();
    let root = project.path();
    let (code, stdout, stderr) = parts(&clerk(root, &["build", "--format", "html"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stderr.contains("warning[output-withdrawn]"), "{stderr}");
    // The meeting file has no error: the help does not send the secretary to mend it.
    assert!(
        !stderr.contains("once the meeting file has no error"),
        "{stderr}"
    );
    // The paper's public outputs are said to be removed as it is private now, not gone:
    // its HTML (removed as its private copy was written) and its PDF (not built this run).
    let removed = stdout
        .split("of papers now taken in private (their own are in out/private):\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        removed.starts_with(
            "  out/resources/2026-05-19-cyber-exercise.html\n  out/resources/2026-05-19-cyber-exercise.pdf\n"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("that are gone"), "{stdout}");
    assert!(!root.join(dir).join("pack.pdf").exists());
    assert!(
        !root.join(dir).join("agenda.pdf").exists(),
        "it listed the item as public"
    );
    assert!(!read(root, "out/manifest.json").contains("2026-05-19-resources-committee/pack.pdf"));
    assert!(
        root.join("out/meetings/2026-03-03-audit-committee/pack.pdf")
            .is_file()
    );

    // Taken in private with another mistake in the same edit: the meeting keeps its last
    // good page and agenda, but not the pack that holds the paper.
    let (project, file, text) = built_with_the_private_item_public();
    let root = project.path();
    std::fs::write(
        &file,
        text.replace(
            "  - number: \"5\"\n",
            "  - number: \"5\"\n    presentr: Chair\n",
        ),
    )
    .unwrap();
    let (code, _, stderr) = build(root);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("warning[output-withdrawn]"), "{stderr}");
    assert!(
        stderr.contains("once the meeting file has no error"),
        "{stderr}"
    );
    assert!(!root.join(dir).join("pack.pdf").exists());
    assert!(
        !root.join(dir).join("index.html").exists(),
        "it listed the paper as public"
    );
    assert!(
        !root
            .join("out/resources/2026-05-19-cyber-exercise.pdf")
            .exists()
    );

    // A full build makes the pack again, without the paper.
    std::fs::write(&file, &text).unwrap();
    assert_eq!(build(root).0, 0);
    assert!(root.join(dir).join("pack.pdf").is_file());
}

#[test]
fn a_packs_only_build_does_not_link_the_agenda_it_withdraws() {
    // The agenda the last build made lists the paper as public: a packs-only build does
    // not make it again, so it goes, and the meeting page it writes does not link it.
    let dir = "out/meetings/2026-05-19-resources-committee";
    let (project, _, _) = built_with_the_private_item_public();
    let root = project.path();
    assert!(read(root, &format!("{dir}/index.html")).contains("agenda.pdf"));
    let (code, stdout, stderr) = parts(&clerk(root, &["build", "--format", "pack"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!root.join(dir).join("agenda.pdf").exists());
    assert!(
        stderr.contains("warning[output-withdrawn]") && stderr.contains("agenda.pdf"),
        "{stderr}"
    );
    let page = read(root, &format!("{dir}/index.html"));
    assert!(
        !page.contains("agenda.pdf"),
        "a link to a file not there:\n{page}"
    );
    assert!(
        root.join(dir).join("pack.pdf").is_file(),
        "made afresh without it"
    );
}

#[test]
fn the_build_cache_forgets_a_paper_taken_in_private_even_when_it_fails() {
    let (project, _, _) = built_with_the_private_item_public();
    let root = project.path();
    let cache = root.join("out/.clerk-cache");
    let held = || String::from_utf8_lossy(&std::fs::read(&cache).unwrap()).contains("Alan Speirs");
    assert!(held(), "remembered while public");
    let paper = root.join("papers/resources/2026-05-19-cyber-exercise.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    std::fs::write(&paper, text.replacen("title: ", "title: [", 1)).unwrap();
    assert_eq!(build(root).0, 1);
    assert!(
        !held(),
        "the public cache still holds the private paper's metadata"
    );
}

#[test]
fn a_meeting_file_that_cannot_be_read_takes_its_published_pack_with_it() {
    let dir = "out/meetings/2026-05-19-resources-committee";
    // YAML that does not parse (a tab), and a file that is not UTF-8: no meeting can be
    // assembled from either, so the folder is found by the paper's own metadata.
    let breaks: [fn(&str) -> Vec<u8>; 2] = [
        |t| t.replacen("\nitems:", "\n\titems:", 1).into_bytes(),
        |t| {
            t.replacen("Committee Room 1", "Caf\u{e9}", 1)
                .replace('\u{e9}', "\u{1}")
                .into_bytes()
        },
    ];
    for (k, broken) in breaks.iter().enumerate() {
        let (project, file, text) = built_with_the_private_item_public();
        let root = project.path();
        let mut bytes = broken(&text);
        if k == 1 {
            // Latin-1 é where the text had a placeholder byte.
            let at = bytes.iter().position(|b| *b == 1).unwrap();
            bytes[at] = 0xE9;
        }
        std::fs::write(&file, bytes).unwrap();
        let (code, _, stderr) = build(root);
        assert_eq!(code, 1, "{k}: {stderr}");
        assert!(!root.join(dir).join("pack.pdf").exists(), "{k}: {stderr}");
        assert!(
            !root
                .join("out/resources/2026-05-19-cyber-exercise.pdf")
                .exists(),
            "{k}"
        );
        no_public_output_holds(&root.join("out"), "ZEBRA-CANTICLE-SECRET");
    }
}

#[test]
fn a_meeting_file_without_a_readable_date_still_withholds_the_papers_it_names() {
    let project = temp_project("meetings");
    let root = project.path();
    let file = root.join("meetings/resources-2026-05-19.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text
        .replacen("date: 2026-05-19", "date: 2026-05-32", 1)
        .replacen("    private: true\n", "    privte: true\n", 1);
    std::fs::write(&file, text).unwrap();
    let (code, _, stderr) = build(root);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        !root
            .join("out/resources/2026-05-19-cyber-exercise.html")
            .exists(),
        "{stderr}"
    );
    no_public_output_holds(&root.join("out"), "ZEBRA-CANTICLE-SECRET");
    // Nor does it make a public meeting of its own from its metadata.
    assert!(
        !root
            .join("out/meetings/2026-05-19-resources-committee")
            .exists()
    );
}

#[test]
#[ignore = "needs poppler-utils"]
fn every_page_of_a_private_papers_pdf_is_marked_private_top_and_foot() {
    let project = temp_project("meetings");
    let root = project.path();
    assert_eq!(build(root).0, 0);
    let pdf = root.join("out/private/resources/2026-05-19-cyber-exercise.pdf");
    let pdf = pdf.to_str().unwrap();
    let info = run_tool("pdfinfo", &[pdf]);
    let n: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(n >= 1);
    for p in 1..=n {
        let ps = p.to_string();
        let text = run_tool("pdftotext", &["-layout", "-f", &ps, "-l", &ps, pdf, "-"]);
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let mark = "PRIVATE – OFFICIAL-SENSITIVE";
        assert_eq!(lines.first(), Some(&mark), "page {p}: {text}");
        assert_eq!(lines.last(), Some(&mark), "page {p}: {text}");
    }
}

//! Meetings at their edges, from the command line: a start time the clocks skip or pass
//! twice, a meeting whose every item is taken in private, a draft paper on a final
//! meeting's agenda, and an HTML-only build: its pages link the agenda PDFs and packs the
//! last build made, and after a paper turns private it withdraws only the packs that held
//! it; and a duplicate agenda item placed on a build that reuses its papers.

use std::path::Path;

use crate::common::{clerk, parts, temp_project};

const MAY: &str = "out/meetings/2026-05-19-resources-committee";
const MEETING_FILE: &str = "meetings/resources-2026-05-19.yaml";

/// A project of one paper, `r/a.md` titled `title`, at the Resources Committee on `date`,
/// and a meeting file for it: `time` and the paper's item lines `item`.
pub(crate) fn one_paper_project(
    date: &str,
    time: &str,
    title: &str,
    item: &str,
) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("papers/r")).unwrap();
    std::fs::create_dir_all(root.join("meetings")).unwrap();
    std::fs::write(
        root.join("papers/r/a.md"),
        format!(
            "---\nmeeting: Resources Committee\ndate: {date}\nagenda_item: \"1\"\ntitle: {title}\npresented_by: Fiona Keir, Director\nrecommendation: For Decision\nrecommendations: Members are invited to agree it.\n---\n\n# Purpose\n\nWALRUS-LANTERN-BODY sets out the proposal.\n"
        ),
    )
    .unwrap();
    std::fs::write(
        root.join("meetings/r.yaml"),
        format!(
            "committee: Resources Committee\ndate: {date}\ntime: \"{time}\"\nitems:\n  - number: \"1\"\n    paper: r/a.md\n{item}"
        ),
    )
    .unwrap();
    dir
}

pub(crate) fn build(root: &Path, args: &[&str]) -> (i32, String) {
    let (code, stdout, stderr) = parts(&clerk(root, args));
    (code, format!("{stdout}{stderr}"))
}

#[test]
fn a_start_time_the_clocks_skip_is_a_warning_at_its_line_and_column() {
    let project = one_paper_project("2026-03-29", "01:30", "Budget", "");
    let root = project.path();
    for command in [&["build", "--format", "html"][..], &["check"]] {
        let (code, out) = build(root, command);
        assert_eq!(code, 0, "a warning, not an error:\n{out}");
        assert!(out.contains("meetings/r.yaml:3:7"), "{out}");
        assert!(
            out.contains(
                "01:30 does not exist on Sunday 29 March 2026 in Europe/London: the clocks go forward an hour that night"
            ),
            "{out}"
        );
        assert!(out.contains("02:30 BST (01:30 UTC)"), "{out}");
    }
    let ics = std::fs::read_to_string(root.join("out/meetings.ics")).unwrap();
    assert!(ics.contains("DTSTART:20260329T013000Z"), "{ics}");
}

#[test]
fn a_start_time_the_clocks_pass_twice_is_a_warning_naming_the_first() {
    let project = one_paper_project("2026-10-25", "01:30", "Budget", "");
    let (code, out) = build(project.path(), &["build", "--format", "html"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("meetings/r.yaml:3:7"), "{out}");
    assert!(
        out.contains("01:30 happens twice on Sunday 25 October 2026 in Europe/London"),
        "{out}"
    );
    assert!(out.contains("the first, 01:30 BST (00:30 UTC)"), "{out}");
    let (_, out) = build(
        one_paper_project("2026-10-25", "10:00", "Budget", "").path(),
        &["build", "--format", "html"],
    );
    assert!(!out.contains("ambiguous-time"), "{out}");
}

#[test]
fn a_meeting_taken_wholly_in_private_says_so_and_publishes_nothing_of_its_paper() {
    let item = "    title: Exempt information item\n    private: true\n    exempt: Standing Orders section 20(d)\n";
    let project = one_paper_project("2026-05-19", "10:00", "OTTER-QUARRY-TITLE", item);
    let root = project.path();
    let (code, out) = build(root, &["build"]);
    assert_eq!(code, 0, "{out}");
    let page = std::fs::read_to_string(root.join(MAY).join("index.html")).unwrap();
    assert!(
        page.contains("<h2 id=\"agenda\">Agenda</h2>\n<p class=\"no-public-items\">There are no public items: every item of this meeting is taken in private.</p>"),
        "{page}"
    );
    assert!(page.contains("Exempt information item"), "{page}");
    // Nothing of the paper but its item's neutral title anywhere public: the page, the
    // agenda and pack (their metadata and text streams), the index, calendar, manifest.
    for entry in walkdir::WalkDir::new(root.join("out")) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(root).unwrap();
        if !entry.file_type().is_file()
            || rel.starts_with("out/private")
            || rel.ends_with("private-pack.pdf")
        {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for secret in ["OTTER-QUARRY-TITLE", "WALRUS-LANTERN-BODY", "r/a."] {
            assert!(!text.contains(secret), "{} shows {secret}", rel.display());
        }
    }
}

/// [`one_paper_project`] with the paper's `status` and the meeting file's.
fn with_statuses(paper: &str, meeting: &str) -> tempfile::TempDir {
    let project = one_paper_project("2026-05-19", "10:00", "Budget", "");
    let edit = |rel: &str, from: &str, to: String| {
        let path = project.path().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replacen(from, &to, 1)).unwrap();
    };
    edit(
        "papers/r/a.md",
        "title:",
        format!("status: {paper}\ntitle:"),
    );
    edit(
        "meetings/r.yaml",
        "items:",
        format!("status: {meeting}\nitems:"),
    );
    project
}

#[test]
fn a_draft_paper_on_a_final_meetings_agenda_is_a_warning_at_its_item() {
    let project = with_statuses("draft", "final");
    let root = project.path();
    for command in [&["build"][..], &["check"]] {
        let (code, out) = build(root, command);
        assert_eq!(code, 0, "a warning, not an error:\n{out}");
        assert!(
            out.contains(
                "warning[draft-in-final-meeting]: item 1's paper `r/a.md` is still a draft"
            ),
            "{out}"
        );
        assert!(
            out.contains("goes into the meeting's public pack with DRAFT"),
            "{out}"
        );
        // At the item's `paper:` value; the help names the paper's `status:` line and the
        // meeting's.
        assert!(out.contains("meetings/r.yaml:7:12"), "{out}");
        assert!(
            out.contains("set `status: final` in papers/r/a.md line 5"),
            "{out}"
        );
        assert!(
            out.contains("make this meeting `status: draft` (line 4)"),
            "{out}"
        );
    }
    // What is built is unchanged: the paper is still in the pack, DRAFT and all.
    assert!(root.join(MAY).join("pack.pdf").is_file());
    let page = std::fs::read_to_string(root.join(MAY).join("index.html")).unwrap();
    assert!(page.contains("r/a.pdf"), "{page}");
    // A final paper, or a meeting still a draft, is no surprise.
    for (paper, meeting) in [("final", "final"), ("draft", "draft")] {
        let (code, out) = build(with_statuses(paper, meeting).path(), &["check"]);
        assert_eq!(code, 0, "{out}");
        assert!(!out.contains("draft-in-final-meeting"), "{out}");
    }
}

/// A meeting file without `status` is final in a build (and a draft only in `clerk serve`):
/// a draft paper on its agenda is the same surprise, and the help says to add the key.
#[test]
fn a_draft_paper_on_a_meeting_without_status_is_a_warning_in_a_build() {
    let project = one_paper_project("2026-05-19", "10:00", "Budget", "");
    let path = project.path().join("papers/r/a.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("title:", "status: draft\ntitle:", 1)).unwrap();
    for command in [&["build"][..], &["check"]] {
        let (code, out) = build(project.path(), command);
        assert_eq!(code, 0, "a warning, not an error:\n{out}");
        assert!(
            out.contains(
                "but this meeting is final (its file gives no `status`, and a build publishes \
                 meetings as final)"
            ),
            "{out}"
        );
        assert!(
            out.contains("until it is, add `status: draft` to this meeting file, so that"),
            "{out}"
        );
    }
}

/// The meetings fixture built with PDF, then `edit` made to its meeting file and built
/// HTML-only: the output of that build, and the supplementary pack's bytes before.
fn turn_private_then_html_only(
    edit: impl Fn(String) -> String,
) -> (tempfile::TempDir, String, Vec<u8>) {
    let project = temp_project("meetings");
    let root = project.path();
    let (code, out) = build(root, &["build"]);
    assert_eq!(code, 0, "{out}");
    let supplementary = std::fs::read(root.join(MAY).join("supplementary-pack.pdf")).unwrap();
    let file = root.join(MEETING_FILE);
    std::fs::write(&file, edit(std::fs::read_to_string(&file).unwrap())).unwrap();
    let (code, out) = build(root, &["build", "--format", "html"]);
    assert_eq!(code, 0, "{out}");
    (project, out, supplementary)
}

/// The meeting page's `href`s to the meeting's own PDFs (beside it, no folder).
fn pdf_links(root: &Path) -> Vec<String> {
    let page = std::fs::read_to_string(root.join(MAY).join("index.html")).unwrap();
    page.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|h| h.ends_with(".pdf") && !h.contains('/'))
        .map(str::to_string)
        .collect()
}

#[test]
fn an_html_only_build_links_the_agenda_and_packs_the_last_build_made() {
    let project = temp_project("meetings");
    let root = project.path();
    let (code, out) = build(root, &["build"]);
    assert_eq!(code, 0, "{out}");
    let page = std::fs::read(root.join(MAY).join("index.html")).unwrap();
    let links = pdf_links(root);
    for file in ["agenda.pdf", "pack.pdf", "supplementary-pack.pdf"] {
        assert!(links.iter().any(|l| l == file), "{file} in {links:?}");
    }
    // Not made by this run, but there and listed: linked as the full build linked them,
    // with the same sizes and page counts, so the page is the same.
    let (code, out) = build(root, &["build", "--format", "html", "--force"]);
    assert_eq!(code, 0, "{out}");
    let again = std::fs::read(root.join(MAY).join("index.html")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&again),
        String::from_utf8_lossy(&page)
    );
    // A pack removed by hand is no longer linked, though nothing else changed.
    std::fs::remove_file(root.join(MAY).join("supplementary-pack.pdf")).unwrap();
    let (code, out) = build(root, &["build", "--format", "html"]);
    assert_eq!(code, 0, "{out}");
    let links = pdf_links(root);
    assert!(links.iter().any(|l| l == "pack.pdf"), "{links:?}");
    assert!(
        !links.iter().any(|l| l == "supplementary-pack.pdf"),
        "a link to a file not there: {links:?}"
    );
    // One changed by hand is no longer clerk's: neither listed nor linked.
    let pack = root.join(MAY).join("pack.pdf");
    let mut bytes = std::fs::read(&pack).unwrap();
    bytes.extend_from_slice(b"\n% edited\n");
    std::fs::write(&pack, bytes).unwrap();
    let (code, out) = build(root, &["build", "--format", "html"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(pdf_links(root), ["agenda.pdf"]);
}

#[test]
fn an_html_only_build_links_no_pdf_the_last_manifest_does_not_vouch_for() {
    // The manifest is gone, so the build cannot tell that the paper now taken in private
    // was public in the pack and agenda on disk: it must not link them.
    let project = temp_project("meetings");
    let root = project.path();
    let (code, out) = build(root, &["build"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = build(root, &["build", "--format", "html"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(pdf_links(root).len(), 3, "agenda and both packs");
    // Nothing else changed: the page is made again all the same, without the links.
    std::fs::remove_file(root.join("out/manifest.json")).unwrap();
    let (code, out) = build(root, &["build", "--format", "html"]);
    assert_eq!(code, 0, "{out}");
    assert!(pdf_links(root).is_empty(), "{:?}", pdf_links(root));
    let file = root.join(MEETING_FILE);
    let text = std::fs::read_to_string(&file).unwrap().replace(
        "    paper: resources/2026-05-19-budget-monitoring.md\n",
        "    paper: resources/2026-05-19-budget-monitoring.md\n    private: true\n    exempt: Standing Orders section 20(b)\n",
    );
    std::fs::write(&file, text).unwrap();
    std::fs::remove_file(root.join("out/manifest.json")).unwrap();
    let (code, out) = build(root, &["build", "--format", "html"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        root.join(MAY).join("pack.pdf").exists(),
        "not known to be stale"
    );
    let links = pdf_links(root);
    assert!(links.is_empty(), "{links:?}");
}

#[test]
fn an_html_only_build_keeps_the_supplementary_pack_that_never_held_the_paper() {
    // 3.1 is not late: it was in `pack.pdf`, never in the supplementary pack.
    let (project, out, before) = turn_private_then_html_only(|s| {
        s.replace(
            "    paper: resources/2026-05-19-budget-monitoring.md\n",
            "    paper: resources/2026-05-19-budget-monitoring.md\n    private: true\n    exempt: Standing Orders section 20(b)\n",
        )
    });
    let root = project.path();
    assert!(!root.join(MAY).join("pack.pdf").exists(), "{out}");
    assert!(out.contains(&format!("{MAY}/pack.pdf")), "{out}");
    assert!(!out.contains("supplementary-pack.pdf"), "{out}");
    let after = std::fs::read(root.join(MAY).join("supplementary-pack.pdf")).unwrap();
    assert_eq!(after, before, "kept as it was");
    // The page links what is left: the supplementary pack, not the withdrawn pack and
    // agenda, which listed the paper as public.
    assert_eq!(pdf_links(root), ["supplementary-pack.pdf"]);
    // Still listed, as the outputs an HTML-only build did not make are.
    let manifest = std::fs::read_to_string(root.join("out/manifest.json")).unwrap();
    let listed = format!(
        "\"{}/supplementary-pack.pdf\"",
        MAY.trim_start_matches("out/")
    );
    assert!(manifest.contains(&listed), "{manifest}");
}

#[test]
fn an_html_only_build_withdraws_the_supplementary_pack_that_held_the_paper() {
    // 3.2 was late (in the supplementary pack); now private and no longer late, while
    // 3.1 is late now: the pack on disk is not the one this agenda would make.
    let (project, out, _) = turn_private_then_html_only(|s| {
        s.replace(
            "    paper: resources/2026-05-19-public-counter-review.md\n    late: true\n",
            "    paper: resources/2026-05-19-public-counter-review.md\n    private: true\n    exempt: Standing Orders section 20(b)\n",
        )
        .replace(
            "    paper: resources/2026-05-19-budget-monitoring.md\n",
            "    paper: resources/2026-05-19-budget-monitoring.md\n    late: true\n",
        )
    });
    let root = project.path();
    assert!(
        !root.join(MAY).join("supplementary-pack.pdf").exists(),
        "{out}"
    );
    assert!(
        out.contains(&format!("{MAY}/supplementary-pack.pdf")),
        "{out}"
    );
    assert!(!root.join(MAY).join("pack.pdf").exists(), "{out}");
    let links = pdf_links(root);
    assert!(links.is_empty(), "links to withdrawn files: {links:?}");
}

/// Two papers of one meeting (no meeting file) claim item 5: the warning names the other
/// paper and points at the `agenda_item:` line, on a build that reuses both papers' outputs
/// as on the first (the papers are not read again then, but the warning's place is).
#[test]
fn a_duplicate_item_is_placed_and_names_the_other_paper_on_every_build() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("papers")).unwrap();
    for i in 1..=2 {
        // Windows line endings: the place is counted as the author's editor counts it.
        let text = format!(
            "---\r\nmeeting: Board\r\ndate: 2026-03-12\r\ntitle: T{i}\r\npresented_by: A, B\r\nrecommendation: For Noting\r\nagenda_item: \"5\"\r\nrecommendations: Note.\r\n---\r\n\r\n# Purpose\r\n\r\nWhy.\r\n"
        );
        std::fs::write(root.join(format!("papers/p{i}.md")), text).unwrap();
    }
    for run in ["first", "reusing"] {
        let (code, out) = build(root, &["build", "--format", "html"]);
        assert_eq!(code, 0, "{run}:\n{out}");
        assert!(
            out.contains(
                "warning[duplicate-item]: another paper for Board on 2026-03-12, papers/p1.md, is also item 5\n --> papers/p2.md:7:1\n"
            ),
            "{run}:\n{out}"
        );
        assert!(out.contains("7 | agenda_item: \"5\"\n"), "{run}:\n{out}");
    }
}

/// A meeting whose file says `status: cancelled`: its page says so at the top, the index
/// marks it beside its date, and the calendar keeps its event, marked cancelled, so that
/// members' copies are marked off; its agenda stands as issued.
#[test]
fn a_cancelled_meeting_is_said_so_on_its_page_the_index_and_the_calendar() {
    let project = temp_project("meetings");
    let root = project.path();
    let file = root.join(MEETING_FILE);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("status: final", "status: cancelled")).unwrap();
    let (code, out) = build(root, &["build"]);
    assert_eq!(code, 0, "{out}");
    let page = std::fs::read_to_string(root.join(MAY).join("index.html")).unwrap();
    assert!(
        page.contains("<strong>Cancelled</strong> – This meeting has been cancelled."),
        "{page}"
    );
    assert!(
        page.contains("Budget Monitoring Report"),
        "the agenda stands"
    );
    assert!(root.join(MAY).join("agenda.pdf").is_file());
    let index = std::fs::read_to_string(root.join("out/index.html")).unwrap();
    assert!(
        index.contains("19 May 2026</time> <span class=\"cancelled\">– Cancelled</span>"),
        "{index}"
    );
    let ics = std::fs::read_to_string(root.join("out/meetings.ics")).unwrap();
    let event = ics
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("UID:2026-05-19-resources-committee@"))
        .expect("the event stays");
    assert!(event.contains("STATUS:CANCELLED\r\n"), "{event}");
    assert!(
        event.contains("SUMMARY:Cancelled: Resources Committee\r\n"),
        "{event}"
    );
    // Any other word is still refused, and names the three.
    std::fs::write(&file, text.replace("status: final", "status: postponed")).unwrap();
    let (code, out) = build(root, &["check"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("must be `draft`, `final` or `cancelled`"),
        "{out}"
    );
}

/// A paper that breaks after it was built keeps its last good version on its meeting's
/// page, which says so, while its pack shows it as not available; the warning says both.
#[test]
fn a_paper_that_breaks_is_linked_as_its_last_good_version_and_said_so() {
    let project = temp_project("meetings");
    let root = project.path();
    assert_eq!(build(root, &["build"]).0, 0);
    let paper = root.join("papers/resources/2026-05-19-minutes.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    let broken: String = text
        .lines()
        .filter(|l| !l.starts_with("title:"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&paper, broken).unwrap();
    let (code, out) = build(root, &["build"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("the meeting's page links its last good version"),
        "{out}"
    );
    let page = std::fs::read_to_string(root.join(MAY).join("index.html")).unwrap();
    assert!(page.contains("2026-05-19-minutes.html"), "still linked");
    assert!(
        page.contains("Last good version: the paper now has errors"),
        "{page}"
    );
    assert!(!page.contains("Paper not available"), "{page}");
}

/// The meetings fixture with its meeting file's committee misspelt (`Resources Commitee`).
fn committee_misspelt() -> tempfile::TempDir {
    let project = temp_project("meetings");
    let file = project.path().join(MEETING_FILE);
    let text = std::fs::read_to_string(&file).unwrap();
    let misspelt = text.replacen(
        "committee: Resources Committee",
        "committee: Resources Commitee",
        1,
    );
    std::fs::write(&file, misspelt).unwrap();
    project
}

/// A committee misspelt in a meeting file, which every paper names otherwise, is said once,
/// at the file's `committee:` line, naming the papers, not at each paper (the secretary
/// audits had four errors, each pointing at a paper and saying to correct it).
#[test]
fn a_committee_every_paper_names_otherwise_is_said_at_the_files_line() {
    let project = committee_misspelt();
    let root = project.path();
    let (code, out) = build(root, &["check"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.matches("error[").count(), 1, "{out}");
    assert!(out.contains("error[file-disagrees]"), "{out}");
    assert!(!out.contains("wrong-meeting"), "{out}");
    assert!(
        out.contains("every paper on this agenda is for “Resources Committee” (its `meeting:`), not “Resources Commitee”"),
        "{out}"
    );
    assert!(
        out.contains("write `committee: Resources Committee` here"),
        "{out}"
    );
    assert!(out.contains(&format!("--> {MEETING_FILE}:3:1")), "{out}");
    assert!(
        out.contains("if the papers are, write `meeting: Resources Commitee` in each: `papers/resources/2026-05-19-minutes.md`"),
        "{out}"
    );
    // Checking two of its papers says it too: it is said of them, at the file's line.
    let (code, out) = build(
        root,
        &[
            "check",
            "papers/resources/2026-05-19-minutes.md",
            "papers/resources/2026-05-19-budget-monitoring.md",
        ],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[file-disagrees]"), "{out}");
}

/// Last month's meeting file copied for this month, its date alone changed: one error at
/// its `date:` line saying it looks like a copy, not one per paper telling the secretary to
/// move last month's papers (which would break last month's agenda).
#[test]
fn a_meeting_file_copied_for_the_next_meeting_is_said_to_be_a_copy() {
    let project = temp_project("meetings");
    let root = project.path();
    let text = std::fs::read_to_string(root.join(MEETING_FILE)).unwrap();
    std::fs::write(
        root.join("meetings/resources-2026-06-16.yaml"),
        text.replacen("date: 2026-05-19", "date: 2026-06-16", 1),
    )
    .unwrap();
    let (code, out) = build(root, &["check"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.matches("error[").count(), 1, "{out}");
    assert!(
        out.contains("error[file-disagrees]: every paper on this agenda is for “2026-05-19” (its `date:`), not “2026-06-16”, and is on the agenda of meetings/resources-2026-05-19.yaml: this file looks like a copy of it"),
        "{out}"
    );
    assert!(
        out.contains("--> meetings/resources-2026-06-16.yaml:4:1"),
        "{out}"
    );
    assert!(!out.contains("correct `meeting` and `date`"), "{out}");
    // A copy dated before the meeting it copies is one too, and takes none of its papers:
    // the meeting they belong to is built, whichever file is read first.
    std::fs::remove_file(root.join("meetings/resources-2026-06-16.yaml")).unwrap();
    std::fs::write(
        root.join("meetings/a-copy.yaml"),
        text.replacen("date: 2026-05-19", "date: 2026-04-14", 1),
    )
    .unwrap();
    let (code, out) = build(root, &["build"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.matches("error[").count(), 1, "{out}");
    assert!(out.contains("this file looks like a copy of it"), "{out}");
    assert!(out.contains("--> meetings/a-copy.yaml:4:1"), "{out}");
    assert!(
        root.join("out/meetings/2026-05-19-resources-committee/index.html")
            .is_file(),
        "the May meeting is built: {out}"
    );
}

/// A slip in the file's committee does not hide a paper's own mistake: the paper that
/// also gives another date keeps its `wrong-meeting` error.
#[test]
fn a_papers_own_wrong_date_is_said_beside_the_files_slip() {
    let project = committee_misspelt();
    let root = project.path();
    let minutes = root.join("papers/resources/2026-05-19-minutes.md");
    let paper = std::fs::read_to_string(&minutes).unwrap();
    std::fs::write(
        &minutes,
        paper.replacen("date: 2026-05-19", "date: 2026-05-12", 1),
    )
    .unwrap();
    let (code, out) = build(root, &["check"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.matches("error[file-disagrees]").count(), 1, "{out}");
    assert_eq!(out.matches("error[wrong-meeting]").count(), 1, "{out}");
    assert!(
        out.contains("`resources/2026-05-19-minutes.md` is for Resources Committee on 2026-05-12"),
        "{out}"
    );
}

//! An item whose paper is put off to a later meeting (`deferred:`): it stays on the first
//! meeting's agenda, said to be deferred, unlinked and out of its packs, while the paper is
//! published with the meeting it moves to, whose file may list it too.

use crate::common::{clerk, parts, temp_project};
use crate::meetings::{PAGE, read};

const FILE: &str = "meetings/resources-2026-05-19.yaml";
const BUDGET: &str = "papers/resources/2026-05-19-budget-monitoring.md";

/// The meetings fixture with its item 3.1 deferred to 16 June and its paper moved there.
fn deferred_to_june() -> tempfile::TempDir {
    let project = temp_project("meetings");
    let root = project.path();
    let text = std::fs::read_to_string(root.join(FILE)).unwrap();
    let listed = "    paper: resources/2026-05-19-budget-monitoring.md\n";
    assert!(text.contains(listed));
    let text = text.replace(listed, &format!("{listed}    deferred: 2026-06-16\n"));
    std::fs::write(root.join(FILE), text).unwrap();
    let paper = std::fs::read_to_string(root.join(BUDGET)).unwrap();
    std::fs::write(
        root.join(BUDGET),
        paper.replacen("date: 2026-05-19", "date: 2026-06-16", 1),
    )
    .unwrap();
    project
}

#[test]
fn a_deferred_item_stays_on_its_agenda_and_its_paper_moves_on() {
    let project = deferred_to_june();
    let root = project.path();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{out}{err}");
    assert!(!err.contains("error["), "{err}");
    let page = read(root, PAGE);
    assert!(
        page.contains("Budget Monitoring Report – Quarter 4</span> <span class=\"item-note\">(Deferred to 16 June 2026)</span>"),
        "{page}"
    );
    assert!(
        !page.contains("budget-monitoring.html"),
        "not linked: {page}"
    );
    // Its paper is June's: on that meeting's page, linked.
    let june = read(
        root,
        "out/meetings/2026-06-16-resources-committee/index.html",
    );
    assert!(june.contains("budget-monitoring.html"), "{june}");
    // The calendar's lines unfolded (RFC 5545 folds them at 75 octets).
    let ics = read(root, "out/meetings.ics").replace("\r\n ", "");
    assert!(
        ics.contains("3.1 Budget Monitoring Report – Quarter 4 (Deferred to 16 June 2026)"),
        "{ics}"
    );
    // June's own file lists it: no paper on two agendas.
    std::fs::write(
        root.join("meetings/resources-2026-06-16.yaml"),
        "committee: Resources Committee\ndate: 2026-06-16\nitems:\n  - number: \"2\"\n    paper: resources/2026-05-19-budget-monitoring.md\n",
    )
    .unwrap();
    let budget = std::fs::read_to_string(root.join(BUDGET)).unwrap();
    std::fs::write(
        root.join(BUDGET),
        budget.replacen("agenda_item: \"3.1\"", "agenda_item: \"2\"", 1),
    )
    .unwrap();
    let (code, out, err) = parts(&clerk(root, &["check"]));
    assert_eq!(code, 0, "{out}{err}");
    assert!(!err.contains("paper-on-two-agendas"), "{err}");
}

/// A deferral the paper does not follow (its date another), or one back in time, or one
/// of an item without a paper, is said at the `deferred:` line.
#[test]
fn a_deferral_is_checked_against_its_paper_and_its_meeting() {
    let project = deferred_to_june();
    let root = project.path();
    let paper = std::fs::read_to_string(root.join(BUDGET)).unwrap();
    std::fs::write(
        root.join(BUDGET),
        paper.replacen("date: 2026-06-16", "date: 2026-07-14", 1),
    )
    .unwrap();
    let (_, out, err) = parts(&clerk(root, &["check"]));
    assert!(err.contains("warning[deferred-elsewhere]"), "{out}{err}");
    assert!(
        err.contains("item 3.1 is deferred to 2026-06-16, but its paper says `date: 2026-07-14`"),
        "{err}"
    );
    assert!(
        err.contains("--> meetings/resources-2026-05-19.yaml:19:15"),
        "{err}"
    );
    // Checking the paper alone says it too: it is said of that paper.
    let (_, out, err) = parts(&clerk(root, &["check", BUDGET]));
    assert!(err.contains("warning[deferred-elsewhere]"), "{out}{err}");
    let text = std::fs::read_to_string(root.join(FILE)).unwrap();
    let text = text
        .replace("deferred: 2026-06-16", "deferred: 2026-05-01")
        .replacen(
            "    title: Chair's opening remarks\n",
            "    title: Chair's opening remarks\n    deferred: 2026-06-16\n",
            1,
        );
    std::fs::write(root.join(FILE), text).unwrap();
    let (code, out, err) = parts(&clerk(root, &["check"]));
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("error[deferred-backwards]: item 3.1 is deferred to 2026-05-01, which is not after this meeting (2026-05-19)"),
        "{err}"
    );
    assert!(err.contains("error[deferred-without-paper]"), "{err}");
}

/// The paper of a deferred item belongs to the meeting it moves to: when that meeting's
/// file does not list it, it is withheld as any paper its agenda leaves out (not
/// published because the first file names it); when that meeting takes it in private,
/// the first meeting's public item says nothing of it but what its own file gives.
#[test]
fn a_deferred_papers_privacy_is_the_later_meetings() {
    let project = deferred_to_june();
    let root = project.path();
    let june = root.join("meetings/resources-2026-06-16.yaml");
    std::fs::write(
        &june,
        "committee: Resources Committee\ndate: 2026-06-16\nitems:\n  - number: \"1\"\n    title: Apologies\n",
    )
    .unwrap();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("error[not-on-agenda]"), "{err}");
    assert!(
        !root
            .join("out/resources/2026-05-19-budget-monitoring.html")
            .exists(),
        "withheld, not published: {out}"
    );
    assert!(
        root.join("out/private/resources/2026-05-19-budget-monitoring.html")
            .is_file()
    );
    // June takes it in private: May's public item shows no word of the paper's.
    std::fs::write(
        &june,
        "committee: Resources Committee\ndate: 2026-06-16\nitems:\n  - number: \"3.1\"\n    paper: resources/2026-05-19-budget-monitoring.md\n    private: true\n    exempt: Para 3\n",
    )
    .unwrap();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    assert!(!err.contains("error["), "{code} {out}{err}");
    let page = read(root, PAGE);
    assert!(page.contains("(Deferred to 16 June 2026)"), "{page}");
    for word in ["Budget Monitoring", "James Gray", "budget-monitoring"] {
        assert!(!page.contains(word), "{word} on May's page: {page}");
        let ics = read(root, "out/meetings.ics").replace("\r\n ", "");
        assert!(!ics.contains(word), "{word} in the calendar: {ics}");
    }
}

/// An item taken in private and deferred keeps its paper private: the later meeting may
/// not list it in public (its page showing the title unlinked, its pack "Paper not
/// available"). That file is told at the paper's line, with both ways out, and its
/// meeting is not built until one is taken.
#[test]
fn a_paper_deferred_in_private_is_not_listed_in_public_later() {
    let project = deferred_to_june();
    let root = project.path();
    let text = std::fs::read_to_string(root.join(FILE)).unwrap();
    let deferred = "    deferred: 2026-06-16\n";
    std::fs::write(
        root.join(FILE),
        text.replace(
            deferred,
            &format!("{deferred}    private: true\n    exempt: Para 3\n"),
        ),
    )
    .unwrap();
    let june = root.join("meetings/resources-2026-06-16.yaml");
    let listed = "committee: Resources Committee\ndate: 2026-06-16\nitems:\n  - number: \"3\"\n    title: Finance\n  - number: \"3.1\"\n    paper: resources/2026-05-19-budget-monitoring.md\n";
    std::fs::write(&june, listed).unwrap();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        err.contains("error[deferred-in-private]: item 3.1's paper `resources/2026-05-19-budget-monitoring.md` is taken in private by meetings/resources-2026-05-19.yaml (item 3.1, deferred to this meeting), but this item is public"),
        "{err}"
    );
    assert!(
        err.contains("--> meetings/resources-2026-06-16.yaml:7:12"),
        "{err}"
    );
    assert!(
        err.contains("add `private: true` and its `exempt:` ground under this item, or remove `private: true` from item 3.1 of meetings/resources-2026-05-19.yaml"),
        "{err}"
    );
    assert!(!err.contains("pack-paper-not-available"), "{err}");
    assert!(
        !root
            .join("out/meetings/2026-06-16-resources-committee/index.html")
            .exists(),
        "June is not built: {out}"
    );
    // Taken in private in June too: built, the paper in June's private pack.
    std::fs::write(
        &june,
        format!("{listed}    private: true\n    exempt: Para 3\n"),
    )
    .unwrap();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{out}{err}");
    assert!(!err.contains("deferred-in-private"), "{err}");
    assert!(
        root.join("out/meetings/2026-06-16-resources-committee/private-pack.pdf")
            .is_file()
    );
    // An earlier meeting that listed the paper in public is not made wrong by the
    // deferral after it (its other problems are its own).
    std::fs::write(
        root.join("meetings/resources-2026-04-21.yaml"),
        "committee: Resources Committee\ndate: 2026-04-21\nitems:\n  - number: \"1\"\n    paper: resources/2026-05-19-budget-monitoring.md\n",
    )
    .unwrap();
    let (_, out, err) = parts(&clerk(root, &["check"]));
    assert!(!err.contains("deferred-in-private"), "{out}{err}");
}

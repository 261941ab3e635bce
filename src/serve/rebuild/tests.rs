//! Rebuilds on a copy of the example papers: what is rendered, what is kept, what changes.

use std::path::{Path, PathBuf};

use super::*;
use crate::project::Folders;
use crate::serve::site::{Changed, Shared};
use std::sync::Arc;

const REVIEW: &str = "policing-performance/2021-09-01-hmics-progress-review.md";
const ESTATES: &str = "resources/2022-03-15-estates-strategy.md";

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

struct Fixture {
    _tmp: tempfile::TempDir,
    site: Site,
    generation: u64,
}

impl Fixture {
    fn new() -> Fixture {
        let tmp = tempfile::tempdir().unwrap();
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("papers"),
            &tmp.path().join("papers"),
        );
        let project = Project::open(tmp.path(), None, None, &mut Default::default()).unwrap();
        let empty = Site::empty(project, Folders::default());
        let (site, summary) = rebuild(&empty, &ChangeSet::everything(), 0);
        assert_eq!((summary.rendered, summary.errors), (3, 0));
        Fixture {
            _tmp: tmp,
            site,
            generation: 0,
        }
    }

    fn root(&self) -> &Path {
        &self.site.project.root
    }

    fn paper(&self, rel: &str) -> PathBuf {
        self.site.project.papers_dir.join(rel)
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.paper(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    /// Rebuilds with `changes`; returns the summary and the changed paths.
    fn step(&mut self, changes: ChangeSet) -> (Summary, Changed) {
        self.generation += 1;
        let (site, summary) = rebuild(&self.site, &changes, self.generation);
        let paths = changed_paths(&self.site, &site);
        self.site = site;
        (summary, paths)
    }

    fn page(&self, rel: &str) -> String {
        let entry = &self.site.papers[Path::new(rel)];
        String::from_utf8(entry.page.good.as_deref().unwrap().to_vec()).unwrap()
    }
}

/// The reload of exactly these pages.
fn pages(paths: &[&str]) -> Changed {
    Changed::Pages(paths.iter().map(|p| p.to_string()).collect())
}

fn papers(paths: &[PathBuf]) -> ChangeSet {
    ChangeSet {
        papers: paths.iter().cloned().collect(),
        ..ChangeSet::default()
    }
}

#[test]
fn the_first_build_has_every_page_marked_draft_unless_final() {
    let f = Fixture::new();
    assert_eq!(f.site.papers.len(), 3);
    assert!(f.site.index.good.is_some());
    assert!(f.site.notes.errors == 0 && f.site.renderer.is_some());
    // The seed paper has no `status`: the preview marks it DRAFT, `clerk build` would not.
    assert!(f.page(REVIEW).contains("draft-banner"));
    let index = String::from_utf8(f.site.index.good.as_deref().unwrap().to_vec()).unwrap();
    assert!(index.contains("draft-marker"), "the index marks drafts too");
    assert!(
        f.site.status_panel.contains("3 ok"),
        "{}",
        f.site.status_panel
    );
}

#[test]
fn a_paper_edit_renders_that_paper_and_reloads_its_page_and_the_index() {
    let mut f = Fixture::new();
    let other = "meetings/2021-09-01-policing-performance-committee/agenda.pdf";
    let before = f.site.meeting_files[other].clone();
    f.edit(ESTATES, "title: ", "title: Revised ");
    let (summary, paths) = f.step(papers(&[f.paper(ESTATES)]));
    assert!(
        Arc::ptr_eq(&before, &f.site.meeting_files[other]),
        "another meeting's agenda PDF is kept, not rendered again"
    );
    assert_eq!(
        (summary.rendered, summary.removed, summary.errors),
        (1, 0, 0)
    );
    assert_eq!(
        paths,
        pages(&[
            "/resources/2022-03-15-estates-strategy.html",
            // Its meeting's page, agenda and calendar entry list its title.
            "/meetings/2022-03-15-resources-committee/index.html",
            "/meetings.ics",
            "/meetings/2022-03-15-resources-committee/agenda.pdf",
            "/index.html"
        ])
    );
    assert!(f.page(ESTATES).contains("Revised "));
    assert_eq!(f.site.papers[Path::new(ESTATES)].generation, 1);
    assert_eq!(
        f.site.papers[Path::new(REVIEW)].generation,
        0,
        "others are kept as they were"
    );

    let (summary, paths) = f.step(papers(&[f.paper(ESTATES)]));
    assert_eq!(summary.rendered, 1);
    assert!(
        paths.is_empty(),
        "a save that changes nothing reloads nothing: {paths:?}"
    );
}

#[test]
fn a_broken_paper_keeps_its_last_good_page_and_recovers() {
    let mut f = Fixture::new();
    let good = f.page(ESTATES);
    f.edit(ESTATES, "date: 2022-03-15", "date: 2022-02-30");
    let (summary, paths) = f.step(papers(&[f.paper(ESTATES)]));
    assert_eq!(summary.errors, 1);
    assert!(
        summary
            .first_error
            .as_deref()
            .unwrap()
            .ends_with("2022-03-15-estates-strategy.md:3:7")
    );
    // Its meeting's page too: it says the paper is linked as its last good version.
    assert_eq!(
        paths,
        pages(&[
            "/resources/2022-03-15-estates-strategy.html",
            "/meetings/2022-03-15-resources-committee/index.html",
            "/index.html"
        ])
    );
    let meeting = &f.site.meetings["meetings/2022-03-15-resources-committee/index.html"];
    let meeting = String::from_utf8(meeting.good.as_deref().unwrap().to_vec()).unwrap();
    assert!(meeting.contains("Last good version: the paper now has errors"));
    let entry = &f.site.papers[Path::new(ESTATES)];
    assert_eq!(entry.page.notes.errors, 1);
    assert!(entry.page.notes.errors_html.contains("date: 2022-02-30"));
    assert_eq!(f.page(ESTATES), good, "the last good render stays");
    assert!(!entry.report.outputs.is_empty(), "and stays in the index");
    let index = String::from_utf8(f.site.index.good.as_deref().unwrap().to_vec()).unwrap();
    assert!(
        index.contains("2022-03-15-estates-strategy.html"),
        "{index}"
    );

    f.edit(ESTATES, "title: ", "titel: ");
    f.step(papers(&[f.paper(ESTATES)]));
    assert!(
        f.site.papers[Path::new(ESTATES)].report.meta.is_none(),
        "the metadata fails now"
    );
    let index = String::from_utf8(f.site.index.good.as_deref().unwrap().to_vec()).unwrap();
    assert!(
        index.contains("2022-03-15-estates-strategy.html"),
        "listed by its last good metadata"
    );
    f.edit(ESTATES, "titel: ", "title: ");

    f.edit(ESTATES, "date: 2022-02-30", "date: 2022-03-15");
    let (summary, _) = f.step(papers(&[f.paper(ESTATES)]));
    assert_eq!(summary.errors, 0);
    assert_eq!(f.site.papers[Path::new(ESTATES)].page.notes.errors, 0);
}

#[test]
fn deleting_and_adding_papers_updates_the_index() {
    let mut f = Fixture::new();
    let old = f.paper(ESTATES);
    let new = f.paper("resources/renamed.md");
    std::fs::rename(&old, &new).unwrap();
    let (summary, paths) = f.step(papers(&[old, new]));
    assert_eq!((summary.rendered, summary.removed), (1, 1));
    assert!(matches!(paths, Changed::Pages(_)), "{paths:?}");
    assert!(paths.contains("/resources/renamed.html"));
    assert!(paths.contains("/resources/2022-03-15-estates-strategy.html"));
    assert!(paths.contains("/index.html"));
    let index = String::from_utf8(f.site.index.good.as_deref().unwrap().to_vec()).unwrap();
    assert!(index.contains("href=\"resources/renamed.html\""));
    assert!(!index.contains("estates-strategy.html"));
    assert!(f.site.output("resources/renamed.html").is_some());
    assert!(
        f.site
            .output("resources/2022-03-15-estates-strategy.html")
            .is_none()
    );
}

#[test]
fn a_broken_template_or_house_style_is_shown_everywhere_until_fixed() {
    let mut f = Fixture::new();
    let templates = f.root().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("paper.html"),
        "<html><body>{{ oops </body></html>",
    )
    .unwrap();
    let changes = ChangeSet {
        templates: true,
        ..ChangeSet::default()
    };
    let (summary, paths) = f.step(changes.clone());
    assert_eq!(paths, Changed::All);
    assert_eq!(
        summary.rendered, 0,
        "nothing re-rendered with broken templates"
    );
    assert_eq!(f.site.notes.errors, 1);
    assert!(
        f.site.notes.errors_html.contains("templates/paper.html:1:"),
        "{}",
        f.site.notes.errors_html
    );
    assert!(
        f.page(REVIEW).contains("draft-banner"),
        "the last good pages stay"
    );

    std::fs::write(
        templates.join("paper.html"),
        "<html><body>{{ meta.title }}</body></html>",
    )
    .unwrap();
    let (summary, paths) = f.step(changes);
    assert_eq!((summary.rendered, summary.errors), (3, 0));
    assert_eq!(paths, Changed::All);
    assert!(
        f.page(REVIEW).starts_with("<html><body>HMICS"),
        "{}",
        f.page(REVIEW)
    );

    std::fs::write(f.root().join("clerk.yaml"), "heading_cse: upper\n").unwrap();
    let house = ChangeSet {
        house: true,
        ..ChangeSet::default()
    };
    let (summary, paths) = f.step(house.clone());
    assert_eq!((summary.errors, paths), (1, Changed::All));
    assert!(
        f.site.notes.errors_html.contains("clerk.yaml:1:1"),
        "{}",
        f.site.notes.errors_html
    );
    std::fs::write(f.root().join("clerk.yaml"), "heading_case: title\n").unwrap();
    let (summary, _) = f.step(house);
    assert_eq!((summary.errors, summary.rendered), (0, 3));
    assert_eq!(
        f.site.project.house.heading_case,
        crate::config::HeadingCase::Title
    );
}

#[test]
fn lazy_outputs_are_built_once_per_paper_version() {
    let mut f = Fixture::new();
    let shared = Shared::new(Site::empty(
        f.site.project.as_ref().clone(),
        Folders::default(),
    ));
    let mut builds = 0;
    let mut get = |site: &Site| {
        let (entry, _) = site
            .output("resources/2022-03-15-estates-strategy.html")
            .unwrap();
        shared
            .lazy_output(entry, OutputFormat::Html, || {
                builds += 1;
                render_lazy(site, entry, OutputFormat::Html)
            })
            .unwrap()
    };
    let first = get(&f.site);
    assert_eq!(
        *first,
        *f.site.papers[Path::new(ESTATES)].page.good.clone().unwrap()
    );
    get(&f.site);
    f.edit(ESTATES, "title: ", "title: Revised ");
    f.step(papers(&[f.paper(ESTATES)]));
    let second = get(&f.site);
    assert!(String::from_utf8_lossy(&second).contains("Revised "));
    assert_eq!(
        builds, 2,
        "built on first request, again only once the paper changed"
    );
}

#[test]
fn a_template_error_a_paper_met_goes_when_the_template_changes_and_no_longer_loads() {
    let mut f = Fixture::new();
    let templates = f.root().join("templates");
    std::fs::create_dir(&templates).unwrap();
    let changes = ChangeSet {
        templates: true,
        ..ChangeSet::default()
    };
    // Loads, but fails each paper's render.
    std::fs::write(
        templates.join("paper.html"),
        "<html><body>\n{{ meta.nonexistent_xyz }}</body></html>",
    )
    .unwrap();
    f.step(changes.clone());
    let entry = |f: &Fixture| f.site.papers.values().next().unwrap().clone();
    assert!(
        entry(&f).page.notes.errors_html.contains("nonexistent_xyz"),
        "{}",
        entry(&f).page.notes.errors_html
    );
    // Now it does not load: the load error is shown, the old render error is gone.
    std::fs::write(templates.join("paper.html"), "<html>{% if %}</html>").unwrap();
    f.step(changes);
    assert_eq!(f.site.notes.errors, 1, "{}", f.site.notes.errors_html);
    let e = entry(&f);
    assert!(
        !e.page.notes.errors_html.contains("nonexistent_xyz"),
        "{}",
        e.page.notes.errors_html
    );
    assert_eq!(e.page.notes.errors, 0);
}

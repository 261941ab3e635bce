//! Sorting events into change sets, and batching them in time.

use super::*;
use notify::Event;
use notify::event::{CreateKind, ModifyKind, RemoveKind, RenameMode};

fn project() -> Project {
    let root = PathBuf::from("/p");
    Project {
        house: crate::config::HouseStyle::default(),
        papers_dir: root.join("papers"),
        out_dir: root.join("out"),
        root,
    }
}

fn debounced(events: &[(EventKind, &[&str])]) -> Vec<DebouncedEvent> {
    events
        .iter()
        .map(|(kind, paths)| {
            let mut e = Event::new(*kind);
            e.paths = paths.iter().map(PathBuf::from).collect();
            DebouncedEvent::new(e, Instant::now())
        })
        .collect()
}

fn changes(events: &[(EventKind, &[&str])]) -> ChangeSet {
    let mut set = ChangeSet::default();
    set.add(&project(), &debounced(events));
    set
}

const WRITE: EventKind = EventKind::Modify(ModifyKind::Any);

#[test]
fn a_paper_save_is_that_paper_only() {
    let set = changes(&[(WRITE, &["/p/papers/a/x.md"])]);
    assert_eq!(
        set.papers,
        BTreeSet::from([PathBuf::from("/p/papers/a/x.md")])
    );
    assert!(!set.templates && !set.house && !set.all_papers);
    assert_eq!(set.files, BTreeSet::from([PathBuf::from("papers/a/x.md")]));
    let sidecar = changes(&[(WRITE, &["/p/papers/x.yaml"])]);
    assert_eq!(
        sidecar.papers,
        BTreeSet::from([PathBuf::from("/p/papers/x.md")])
    );
}

#[test]
fn a_rename_over_save_is_the_target_paper() {
    let rename = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
    let set = changes(&[(rename, &["/p/papers/.x.md.tmp123", "/p/papers/x.md"])]);
    assert_eq!(
        set.papers,
        BTreeSet::from([PathBuf::from("/p/papers/x.md")])
    );
    let moved = changes(&[(rename, &["/p/papers/x.md", "/p/papers/y.md"])]);
    assert_eq!(
        moved.papers.len(),
        2,
        "the old name goes, the new one comes"
    );
}

#[test]
fn templates_assets_and_house_rebuild_everything() {
    assert!(changes(&[(WRITE, &["/p/templates/paper.html"])]).templates);
    assert!(changes(&[(WRITE, &["/p/assets/logo.png"])]).templates);
    assert!(changes(&[(WRITE, &["/p/clerk.yaml"])]).house);
    assert!(changes(&[(WRITE, &["/p/papers/a/chart.png"])]).all_papers);
    assert!(changes(&[(WRITE, &["/p/papers/_appendix.md"])]).all_papers);
    assert!(changes(&[(WRITE, &["/p/papers/a/appendix-b.pdf"])]).all_papers);
    assert!(changes(&[(EventKind::Create(CreateKind::Folder), &["/p/papers/new"])]).rescan);
    assert!(changes(&[(EventKind::Remove(RemoveKind::Any), &["/p/papers/gone"])]).rescan);
}

#[test]
fn reading_a_file_is_no_change() {
    use notify::event::{AccessKind, AccessMode, MetadataKind};
    let open = EventKind::Access(AccessKind::Open(AccessMode::Any));
    assert!(changes(&[(open, &["/p/papers/x.md"])]).is_empty());
    let atime = EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime));
    assert!(changes(&[(atime, &["/p/papers/x.md"])]).is_empty());
    let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
    assert_eq!(changes(&[(closed, &["/p/papers/x.md"])]).papers.len(), 1);
}

#[test]
fn output_temp_files_and_other_files_are_ignored() {
    for path in [
        "/p/out/x.html",
        "/p/papers/.x.md.swp",
        "/p/papers/x.md~",
        "/p/papers/#x.md#",
        "/p/papers/4913",
        "/p/papers/2027/5036",
        "/p/papers/x.md.tmp",
        "/p/papers/notes.txt",
        "/p/templates/.paper.html.swp",
        "/p/Cargo.toml",
        "/elsewhere/x.md",
    ] {
        assert!(changes(&[(WRITE, &[path])]).is_empty(), "{path}");
    }
}

fn save(tx: &Sender<Message>, path: &str) {
    tx.send(Message::Events(debounced(&[(WRITE, &[path])])))
        .unwrap();
}

#[test]
fn a_lone_save_is_rebuilt_at_once_and_a_burst_once_it_is_over() {
    let (tx, rx) = std::sync::mpsc::channel();
    let long_ago = Instant::now() - HOT * 2;
    save(&tx, "/p/papers/a.md");
    let start = Instant::now();
    let Next::Rebuild(set) = next(&rx, &project(), long_ago) else {
        panic!()
    };
    assert_eq!(set.papers.len(), 1);
    assert!(start.elapsed() < QUIET, "{:?}", start.elapsed());

    let sender = tx.clone();
    let burst = std::thread::spawn(move || {
        for i in 0..25 {
            save(&sender, &format!("/p/papers/b{i}.md"));
            std::thread::sleep(Duration::from_millis(20));
        }
    });
    let start = Instant::now();
    let Next::Rebuild(set) = next(&rx, &project(), Instant::now()) else {
        panic!()
    };
    burst.join().unwrap();
    assert_eq!(set.papers.len(), 25, "one rebuild for the whole burst");
    assert!(
        start.elapsed() >= Duration::from_millis(480),
        "{:?}",
        start.elapsed()
    );

    tx.send(Message::Stop).unwrap();
    assert!(matches!(next(&rx, &project(), long_ago), Next::Stop));
}

#[test]
fn a_paper_caught_half_written_gets_a_moment() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    let project = Project {
        house: crate::config::HouseStyle::default(),
        papers_dir: root.join("papers"),
        out_dir: root.join("out"),
        root,
    };
    std::fs::create_dir(&project.papers_dir).unwrap();
    let paper = project.papers_dir.join("a.md");
    std::fs::write(&paper, "").unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    save(&tx, paper.to_str().unwrap());
    let start = Instant::now();
    let writer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(40));
        std::fs::write(&paper, "---\n").unwrap();
    });
    let long_ago = Instant::now() - HOT * 2;
    assert!(matches!(next(&rx, &project, long_ago), Next::Rebuild(_)));
    writer.join().unwrap();
    let took = start.elapsed();
    assert!(
        took >= Duration::from_millis(40) && took < HALF_WRITTEN * 2,
        "{took:?}"
    );
}

#[test]
fn a_folder_named_by_year_is_no_editor_probe() {
    // Moved in, or moved away (a removed folder no longer says it is one): the papers are
    // found again.
    let moved = EventKind::Modify(ModifyKind::Name(RenameMode::Any));
    for kind in [EventKind::Create(CreateKind::Folder), moved] {
        assert!(changes(&[(kind, &["/p/papers/2027"])]).rescan, "{kind:?}");
    }
    assert!(changes(&[(moved, &["/p/papers/2021/12"])]).rescan);
}

use super::*;

fn site() -> Site {
    let tmp = std::env::temp_dir();
    let project = Project {
        root: tmp.clone(),
        house: crate::config::HouseStyle::default(),
        papers_dir: tmp.join("papers"),
        out_dir: tmp.join("out"),
    };
    Site::empty(project, Folders::default())
}

#[test]
fn formats_follow_the_enum() {
    assert_eq!(format_for(Path::new("a/b.html")), Some(OutputFormat::Html));
    assert_eq!(format_for(Path::new("a/b.md")), None);
    assert_eq!(format_for(Path::new("a/b.pdf")), Some(OutputFormat::Pdf));
}

#[test]
fn every_page_goes_to_the_script_as_a_star() {
    assert_eq!(Changed::All.to_json(), r#"["*"]"#);
    let pages = Changed::Pages(vec!["/a.html".into(), "/index.html".into()]);
    assert_eq!(pages.to_json(), r#"["/a.html","/index.html"]"#);
    assert!(pages.contains("/a.html") && !pages.contains("/b.html"));
    assert!(Changed::All.contains("/b.html"));
    assert!(Changed::Pages(Vec::new()).is_empty() && !Changed::All.is_empty());
}

#[test]
fn streams_wake_on_publish_and_stop() {
    let shared = Arc::new(Shared::new(site()));
    let (mut seen, missed) = shared.cursor(None);
    assert!(!missed);
    assert_eq!(
        shared.wait(&mut seen, Duration::from_millis(10)),
        Wait::Idle
    );
    let s2 = shared.clone();
    let waiter = std::thread::spawn(move || s2.wait(&mut seen, Duration::from_secs(5)));
    std::thread::sleep(Duration::from_millis(20));
    shared.publish(site(), Changed::Pages(Vec::new()));
    shared.publish(site(), Changed::Pages(vec!["/a.html".into()]));
    let Wait::Changed(id, paths) = waiter.join().unwrap() else {
        panic!()
    };
    assert_eq!(paths, Changed::Pages(vec!["/a.html".into()]));
    assert!(!shared.cursor(Some(&id)).1, "up to date");
    assert!(
        shared.cursor(Some("other-1")).1,
        "another server's id: reload"
    );
    let mut old = 0;
    shared.publish(site(), Changed::Pages(vec!["/b.html".into()]));
    assert_eq!(
        shared.wait(&mut old, Duration::ZERO),
        Wait::Changed(shared.event_id(2), Changed::All),
        "a stream that missed a change reloads everything"
    );
    shared.stop();
    assert_eq!(shared.wait(&mut old, Duration::from_secs(5)), Wait::Stopped);
}

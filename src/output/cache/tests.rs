//! The build cache: what makes a paper fresh, what makes it stale, and a cache that cannot be trusted.

use super::*;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn age(path: &Path, secs: u64) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(secs))
        .unwrap();
}

/// A cache with one paper and a meeting, as a build leaves it.
fn sample() -> Cache {
    let meta: PaperMeta = serde_json::from_value(serde_json::json!({
        "meeting": "Board", "date": "2026-01-02", "date_display": "2 January 2026",
        "title": "T", "presented_by": "P", "recommendation": "For Noting",
        "recommendations": {"text": "R", "line": 3}, "location": null,
        "agenda_item": "4", "classification": null, "status": "final",
        "appendices": [{"title": "A", "file": "a.md"}],
        "implications": [["Money", {"text": "None", "line": 9}]],
        "language": "en", "keywords": ["k"], "extra": [["x", "y"]],
    }))
    .unwrap();
    let stamped = Stamped {
        path: "a/p.pdf".into(),
        size: 10,
        sha256: "ab".into(),
        pages: Some(2),
        mtime_ns: 7,
    };
    let entry = Entry {
        key: "k".into(),
        deps: vec![Dep {
            path: "papers/a/p.md".into(),
            hash: None,
            stamp: 0,
        }],
        meta,
        outputs: vec![stamped.clone()],
        clean: true,
    };
    Cache {
        papers: BTreeMap::from([("a/p.md".into(), entry)]),
        meetings: BTreeMap::from([("m".into(), ("mk".into(), vec![stamped.clone()]))]),
        index: Some(("ik".into(), stamped)),
        dirty: true,
    }
}

#[test]
fn the_cache_file_reads_back_and_anything_else_reads_as_no_cache() {
    let bytes = sample().encode("clerk 1");
    let back = Cache::decode(&bytes, "clerk 1").expect("reads back");
    assert_eq!(back.encode("clerk 1"), bytes);
    assert!(!back.dirty);
    let e = &back.papers["a/p.md"];
    assert_eq!((e.meta.title.as_str(), e.outputs[0].pages), ("T", Some(2)));
    assert_eq!(back.index.as_ref().unwrap().1.file().path, "a/p.pdf");
    // Another clerk's, any truncation, any changed byte, an older format: no cache.
    assert!(Cache::decode(&bytes, "clerk 2").is_none());
    for len in 0..bytes.len() {
        assert!(
            Cache::decode(&bytes[..len], "clerk 1").is_none(),
            "cut at {len}"
        );
    }
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0x20;
        assert!(Cache::decode(&bad, "clerk 1").is_none(), "byte {i} changed");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(Cache::decode(&longer, "clerk 1").is_none());
    let json = br#"{"clerk":"clerk 1","papers":{}}"#;
    assert!(Cache::decode(json, "clerk 1").is_none());
    // Well-hashed but not a cache's body (as a format change would leave): no cache,
    // no panic.
    let mut other = MAGIC.to_vec();
    other.extend_from_slice(b"clerk 1\n");
    let body = [0xff_u8; 40];
    other.extend_from_slice(&Sha256::digest(body));
    other.extend_from_slice(&body);
    assert!(Cache::decode(&other, "clerk 1").is_none());
    // Written and read through the output folder; the old text cache goes.
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join(OLD_CACHE_FILE), "{}").unwrap();
    sample().write(tmp.path()).unwrap();
    assert!(!tmp.path().join(OLD_CACHE_FILE).exists());
    assert_eq!(Cache::read(tmp.path()).papers.len(), 1);
    std::fs::write(tmp.path().join(CACHE_FILE), &bytes[..bytes.len() / 2]).unwrap();
    assert!(Cache::read(tmp.path()).papers.is_empty());
}

#[test]
fn an_image_changed_after_its_paper_was_read_is_built_again_next_time() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("chart.png");
    std::fs::write(&path, "before").unwrap();
    age(&path, 60);
    let ns = |t: SystemTime| t.duration_since(UNIX_EPOCH).unwrap().as_nanos() as u64;
    let read = ns(SystemTime::now());
    // Unchanged since the paper was read: its hash, as the outputs show it.
    let kept = dep_as_built(&path, "chart.png".into(), read);
    assert_eq!(kept, hash_dep(&path, "chart.png".into()));
    // Changed while the paper was built: recorded as changed, so never taken as fresh.
    let read = ns(SystemTime::now() - Duration::from_secs(1));
    std::fs::write(&path, "after").unwrap();
    let changed = dep_as_built(&path, "chart.png".into(), read);
    assert_eq!(changed.stamp, 0);
    assert_ne!(changed.hash, hash_dep(&path, "chart.png".into()).hash);
    assert_ne!(recheck(tmp.path(), &changed), changed);
}

#[test]
fn a_stamped_file_is_not_read_again_until_it_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("paper.md");
    std::fs::write(&path, "first").unwrap();
    // Just written: too recent to trust its times.
    assert_eq!(hash_dep(&path, "paper.md".into()).stamp, 0);
    age(&path, 60);
    let dep = hash_dep(&path, "paper.md".into());
    assert_ne!(dep.stamp, 0);
    assert_eq!(recheck(tmp.path(), &dep), dep);
    // The recorded hash is taken on the stamp's word, without reading the file.
    let trusted = Dep {
        hash: Some("recorded".into()),
        ..dep.clone()
    };
    assert_eq!(
        recheck(tmp.path(), &trusted).hash.as_deref(),
        Some("recorded")
    );
    // Same size, modification time set back as it was: the change time still moved
    // (on Unix), or the size did.
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::fs::write(&path, "other").unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(modified).unwrap();
    #[cfg(unix)]
    assert_ne!(
        recheck(tmp.path(), &dep).hash,
        dep.hash,
        "an edit that keeps size and mtime is seen"
    );
    std::fs::write(&path, "changed, longer").unwrap();
    assert_ne!(recheck(tmp.path(), &dep).hash, dep.hash);
    // A sidecar that appears is seen; one still absent stays absent.
    let absent = hash_dep(&tmp.path().join("paper.yaml"), "paper.yaml".into());
    assert_eq!((absent.hash.as_deref(), absent.stamp), (None, 0));
    assert_eq!(recheck(tmp.path(), &absent), absent);
    std::fs::write(tmp.path().join("paper.yaml"), "title: x").unwrap();
    assert!(recheck(tmp.path(), &absent).hash.is_some());
}

/// An input outside the project (papers or output folder elsewhere) is named from the root
/// through `..`, as it is wherever the two stand, never by its absolute path.
#[cfg(unix)]
#[test]
fn an_input_outside_the_root_is_named_through_dot_dot() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tmp.path().join("project/papers")).unwrap();
    let mut sources = crate::diag::Sources::default();
    let project =
        crate::project::Project::open(&tmp.path().join("project"), None, None, &mut sources)
            .unwrap();
    let (root, beside) = (&project.root, project.root.parent().unwrap());
    let named = |p: &Path| deps::rel_to_root(&project, p);
    assert_eq!(named(&root.join("papers/a.md")), "papers/a.md");
    assert_eq!(named(&beside.join("out/a.pdf")), "../out/a.pdf");
    assert_eq!(named(&beside.join("x/y/a.md")), "../x/y/a.md");
    // Read back from the root, the name leads to the file.
    std::fs::create_dir_all(beside.join("x/y")).unwrap();
    std::fs::write(beside.join("x/y/a.md"), "a").unwrap();
    assert!(root.join(named(&beside.join("x/y/a.md"))).is_file());
}

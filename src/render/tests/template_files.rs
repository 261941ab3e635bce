//! Templates: a project's own replacing the defaults, errors naming file and line, the
//! logo and CSS, and every template variable documented.

use super::*;

fn project_with(file: &str, contents: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(TEMPLATES_DIR)).unwrap();
    std::fs::write(dir.path().join(TEMPLATES_DIR).join(file), contents).unwrap();
    dir
}

#[test]
fn a_project_template_replaces_the_default() {
    let dir = project_with(
        "paper.html",
        "<p>{{ meta.title }} / {{ sections | length }}</p>",
    );
    let house = HouseStyle::default();
    let r = Renderer::new(dir.path(), &house, &mut Sources::default()).unwrap();
    let mut doc = sample();
    doc.meta.title = "A & B".into();
    assert_eq!(
        r.render_paper(&doc, &house, false).unwrap(),
        "<p>A &amp; B / 5</p>"
    );
    // index.html was not overridden, so the default still serves.
    assert!(
        r.render_index(&[], &house)
            .unwrap()
            .contains("There are no papers yet.")
    );
}

#[test]
fn a_broken_template_is_an_error_naming_its_file_and_line() {
    let dir = project_with("paper.html", "<html>\n<p>{% if meta.title %}</p>\n");
    let mut sources = Sources::default();
    let errs = Renderer::new(dir.path(), &HouseStyle::default(), &mut sources).unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].file, Path::new("templates/paper.html"));
    assert!(errs[0].message.contains("templates/paper.html"), "{errs:?}");
    assert!(errs[0].locate(&sources).line > 0, "{errs:?}");
    assert!(errs[0].is_error());
    assert!(
        errs[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("delete `templates/paper.html`")
    );
}

#[test]
fn a_template_failing_at_render_time_names_file_and_line() {
    let dir = project_with("paper.html", "<p>ok</p>\n<p>{{ meta.no_such_field }}</p>\n");
    let house = HouseStyle::default();
    let r = Renderer::new(dir.path(), &house, &mut Sources::default()).unwrap();
    let err = r.render_paper(&sample(), &house, false).unwrap_err();
    assert_eq!(err.file, Path::new("templates/paper.html"));
    let at = err.locate(r.sources());
    assert_eq!((at.line, at.column), (2, 12), "{err:?}");
    assert!(err.message.contains("no_such_field"), "{err:?}");
}

#[test]
fn the_house_logo_is_embedded() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("logo.png"), PNG).unwrap();
    let mut house = HouseStyle::default();
    house.organisation.logo = Some(PathBuf::from("logo.png"));
    let r = Renderer::new(dir.path(), &house, &mut Sources::default()).unwrap();
    let html = r.render_paper(&sample(), &house, false).unwrap();
    assert!(
        html.contains("<img class=\"logo\" src=\"data:image/png;base64,"),
        "{html}"
    );

    house.organisation.logo = Some(PathBuf::from("missing.png"));
    let errs = Renderer::new(dir.path(), &house, &mut Sources::default()).unwrap_err();
    assert_eq!(errs[0].file, Path::new("clerk.yaml"));
}

#[test]
fn css_strings_cannot_escape_their_quotes() {
    assert_eq!(html::css_string("OFFICIAL"), "\"OFFICIAL\"");
    assert_eq!(
        html::css_string("a\"</style>"),
        "\"a\\22 \\3c /style\\3e \""
    );
}

/// Every key of `value`, at any depth.
fn keys(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                keys(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn every_template_variable_is_documented() {
    let docs = include_str!("../../../docs/templates.md");
    let house = HouseStyle::default();
    let doc = sample();
    let opts = super::RenderOptions {
        draft: true,
        site: Some(super::SiteLinks {
            index_href: "../index.html",
            meeting_href: "../meetings/2021-09-01-m/index.html",
        }),
        ..super::RenderOptions::new(&house)
    };
    let paper = view::PaperView::new(&doc, &opts, "");
    let entries = [entry("M", "2021-09-01", Some("1"), "T")];
    let index = index::IndexView::new(&entries, &house, "");
    let links = [MeetingLink {
        cancelled: false,
        draft: false,
        committee: "M".into(),
        date: "2021-09-01".into(),
        date_display: "1 September 2021".into(),
        href: "meetings/x/index.html".into(),
        private: vec![PrivateLine {
            number: Some("4".into()),
            title: "P".into(),
            exempt: "E".into(),
            exempt_note: "Exempt: E".into(),
        }],
    }];
    let index = index.with_meetings(&links);
    let meeting = crate::meeting::tests_support::sample_meeting();
    let mut files = PaperFiles::new();
    files.insert(
        "a.md".into(),
        vec![
            BuiltFile {
                path: "a.html".into(),
                size: 10,
                pages: None,
            },
            BuiltFile {
                path: "a.pdf".into(),
                size: 10,
                pages: Some(2),
            },
        ],
    );
    let agenda = BuiltFile {
        path: "meetings/x/agenda.pdf".into(),
        size: 10,
        pages: Some(1),
    };
    let page = super::meeting::MeetingView::new(
        &meeting,
        &files,
        Some(&agenda),
        &house,
        true,
        "",
        Some("data:"),
    );
    let mut all = std::collections::BTreeSet::new();
    keys(&serde_json::to_value(&paper).unwrap(), &mut all);
    keys(&serde_json::to_value(&index).unwrap(), &mut all);
    keys(&serde_json::to_value(&page).unwrap(), &mut all);
    let documented = |k: &String| {
        [format!("`{k}`"), format!(".{k}`"), format!("`{k}.")]
            .iter()
            .any(|f| docs.contains(f.as_str()))
    };
    let missing: Vec<_> = all.iter().filter(|k| !documented(k)).collect();
    assert!(missing.is_empty(), "not in docs/templates.md: {missing:?}");
}

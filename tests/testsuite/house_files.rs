//! The house's own files, its logo and fonts, are read by `clerk check` as a build reads
//! them: what the build would refuse, check refuses first, at the `clerk.yaml` value.

use crate::common::*;

/// The repo's papers with `clerk.yaml` set to `house`, a PNG logo at `logo.png`, a font at
/// `fonts/ogham.ttf` and an SVG at `logo.svg`.
fn project(house: &str) -> tempfile::TempDir {
    let project = temp_project("repo");
    let root = project.path();
    std::fs::create_dir_all(root.join("fonts")).unwrap();
    std::fs::copy(
        fixture("fonts/NotoSansOgham-Regular.ttf"),
        root.join("fonts/ogham.ttf"),
    )
    .unwrap();
    std::fs::copy(fixture("every-feature/logo.png"), root.join("logo.png")).unwrap();
    std::fs::write(
        root.join("logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    std::fs::write(root.join("clerk.yaml"), house).unwrap();
    project
}

/// `clerk check` and `clerk build` on a project with `house` fail alike: exit code 2 and
/// the one JSON diagnostic of check is returned, with the build's stderr.
fn check_and_build(house: &str) -> (serde_json::Value, String) {
    let p = project(house);
    let (code, stdout, stderr) = parts(&clerk(p.path(), &["check", "--format", "json"]));
    assert_eq!(code, 2, "{stdout}{stderr}");
    let diags: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(diags.len(), 1, "{diags:?}");
    let (code, _, built) = parts(&clerk(p.path(), &["build"]));
    assert_eq!(code, 2, "{built}");
    (diags[0].clone(), built)
}

fn line_col(d: &serde_json::Value) -> (u64, u64) {
    (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap())
}

#[test]
fn a_missing_logo_fails_check_as_it_fails_the_build_at_its_line() {
    let (d, built) = check_and_build("organisation:\n  name: X\n  logo: Logo.PNG\n");
    assert_eq!(d["code"], "logo");
    assert_eq!(line_col(&d), (3, 9));
    assert!(d["help"].as_str().unwrap().contains("`logo.png`"), "{d}");
    assert!(built.contains("clerk.yaml:3:9"), "{built}");
    // An HTML-only build reads the logo too, and fails alike.
    let p = project("organisation:\n  name: X\n  logo: Logo.PNG\n");
    let (code, _, html) = parts(&clerk(p.path(), &["build", "--format", "html"]));
    assert_eq!(code, 2, "{html}");
    assert!(html.contains("clerk.yaml:3:9"), "{html}");
}

#[test]
fn an_svg_logo_is_refused_by_check_with_a_way_out() {
    let (d, _) = check_and_build("organisation:\n  name: X\n  logo: logo.svg\n");
    assert_eq!(line_col(&d), (3, 9));
    assert!(
        d["help"]
            .as_str()
            .unwrap()
            .contains("save the logo as PNG or JPEG"),
        "{d}"
    );
}

#[test]
fn a_missing_font_fails_check_at_its_line() {
    let (d, built) = check_and_build("pdf:\n  fonts:\n    bold: fonts/ogam.ttf\n");
    assert_eq!(d["code"], "font");
    assert_eq!(line_col(&d), (3, 11));
    assert!(
        d["help"].as_str().unwrap().contains("`fonts/ogham.ttf`"),
        "{d}"
    );
    assert!(built.contains("clerk.yaml:3:11"), "{built}");
}

#[test]
fn an_image_named_as_a_font_fails_check_at_its_line() {
    let (d, _) = check_and_build("pdf:\n  fonts:\n    fallback: [fonts/ogham.ttf, logo.png]\n");
    assert_eq!(d["code"], "font");
    assert_eq!(line_col(&d), (3, 33));
    assert!(d["message"].as_str().unwrap().contains("`logo.png`"), "{d}");
}

#[test]
fn good_house_files_pass_check() {
    let p = project(
        "organisation:\n  name: X\n  logo: logo.png\npdf:\n  fonts:\n    fallback: [fonts/ogham.ttf]\n",
    );
    let (code, stdout, stderr) = parts(&clerk(p.path(), &["check"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
}

/// The manifest names the house's own files, each with its SHA-256, so an archive can tell
/// which house style, templates, logo and fonts its outputs were made with; a project with
/// none of them (the built-in house) has no such list.
#[test]
fn the_manifest_names_the_house_files_with_their_hashes() {
    let house = "organisation:\n  name: X\n  logo: logo.png\npdf:\n  fonts:\n    fallback: [fonts/ogham.ttf]\n";
    let p = project(house);
    let root = p.path();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    let template = std::fs::read(repo().join("templates/index.html")).unwrap();
    std::fs::write(root.join("templates/index.html"), &template).unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build", "--format", "html"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("out/manifest.json")).unwrap()).unwrap();
    let listed: Vec<(&str, &str)> = manifest["house"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["path"].as_str().unwrap(), i["sha256"].as_str().unwrap()))
        .collect();
    let paths: Vec<&str> = listed.iter().map(|(p, _)| *p).collect();
    assert_eq!(
        paths,
        [
            "clerk.yaml",
            "templates/index.html",
            "logo.png",
            "fonts/ogham.ttf"
        ]
    );
    for (path, sha) in listed {
        assert_eq!(
            sha,
            sha256_hex(&std::fs::read(root.join(path)).unwrap()),
            "{path}"
        );
    }

    let plain = temp_project("repo");
    let (code, _, stderr) = parts(&clerk(plain.path(), &["build", "--format", "html"]));
    assert_eq!(code, 0, "{stderr}");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(plain.path().join("out/manifest.json")).unwrap())
            .unwrap();
    assert!(manifest.get("house").is_none(), "{manifest}");
}

/// A house font for upright text alone: its bold and italics would be Noto Sans beside it.
/// A warning (not an error) where a PDF is made or checked, at `pdf.fonts`; an HTML build,
/// whose pages the browser sets, says nothing.
#[test]
fn a_house_font_for_some_faces_only_is_a_warning_where_pdfs_are_made() {
    let p = project("pdf:\n  fonts:\n    regular: fonts/ogham.ttf\n");
    let (code, out, err) = parts(&clerk(p.path(), &["check"]));
    assert_eq!(code, 0, "{out}{err}");
    for said in [
        "warning[mixed-fonts]: `pdf.fonts` names `regular` but not `bold`, `italic` or `bold_italic`",
        "--> clerk.yaml:3:5",
    ] {
        assert!(err.contains(said), "{said}:\n{err}");
    }
    let (code, out, err) = parts(&clerk(p.path(), &["build"]));
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("mixed-fonts"), "{err}");
    let (code, out, err) = parts(&clerk(p.path(), &["build", "--format", "html"]));
    assert_eq!(code, 0, "{out}{err}");
    assert!(!err.contains("mixed-fonts"), "{err}");
}

/// The preview says `mixed-fonts` too, as a build does: it makes PDFs.
#[test]
fn the_preview_warns_of_a_house_font_for_some_faces_only() {
    use crate::common::serve::Serve;
    let p = project("pdf:\n  fonts:\n    regular: fonts/ogham.ttf\n");
    let serve = Serve::start(p.path(), &[]);
    let page = serve.get("/").body;
    assert!(page.contains("mixed-fonts"), "{page}");
}

//! The renderer builds only what is asked: an HTML build never reads the PDF fonts, so a
//! broken `pdf.fonts` entry stops only the builds that make a PDF (and `clerk check`, which
//! reports what any build would refuse), with an error on `clerk.yaml` that names the font
//! and says how to fix it.

use crate::common::*;

const BROKEN_FONT: &str = "pdf:\n  fonts:\n    regular: fonts/missing.ttf\n";

/// A copy of the repo's papers with a house whose regular PDF font is not there.
fn project_with_a_missing_font() -> tempfile::TempDir {
    let project = temp_project("repo");
    std::fs::write(project.path().join("clerk.yaml"), BROKEN_FONT).unwrap();
    project
}

#[test]
fn an_html_build_works_with_a_broken_pdf_font() {
    let project = project_with_a_missing_font();
    let root = project.path();
    let (code, stdout, stderr) = parts(&clerk(root, &["build", "--format", "html"]));
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(!stderr.contains("missing.ttf"), "{stderr}");
    assert!(stdout.contains("Built 3 papers in"), "{stdout}");
    let page = root.join("out/resources/2022-03-15-estates-strategy.html");
    assert!(page.is_file(), "{stdout}");
    assert!(
        !page.with_extension("pdf").exists(),
        "an HTML build writes no PDF"
    );
    assert!(root.join("out/index.html").is_file());
    // `clerk check` renders nothing, but reports the font a PDF build would refuse.
    let (code, stdout, stderr) = parts(&clerk(root, &["check"]));
    assert_eq!(code, 2, "{stdout}\n{stderr}");
    assert!(stderr.contains("clerk.yaml:3:14"), "{stdout}{stderr}");
}

#[test]
fn a_pdf_build_names_the_broken_font_in_clerk_yaml() {
    let project = project_with_a_missing_font();
    let root = project.path();
    for formats in ["html,pdf", "pdf"] {
        let (code, stdout, stderr) = parts(&clerk(root, &["build", "--format", formats]));
        assert_eq!(
            code, 2,
            "a house-style error ({formats}): {stdout}\n{stderr}"
        );
        assert!(
            stderr.contains("cannot read the font `fonts/missing.ttf`"),
            "{formats}: {stderr}"
        );
        assert!(stderr.contains("clerk.yaml:3:14"), "{formats}: {stderr}");
        assert!(
            stderr.contains(
                "help: font paths in clerk.yaml are relative to the project folder, for example"
            ),
            "{formats}: {stderr}"
        );
        assert!(
            !root.join("out").exists(),
            "nothing is written when the house cannot be rendered ({formats})"
        );
    }
}

#[test]
fn a_page_links_its_pdf_appendix_only_when_the_pdf_is_built() {
    let project = temp_project("repo");
    let root = project.path();
    let page = root.join("out/resources/2022-03-15-estates-strategy.html");
    let link = "<a href=\"2022-03-15-estates-strategy.pdf\">PDF version of this paper</a>";
    let (code, stdout, stderr) = parts(&clerk(root, &["build", "--format", "html"]));
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("Appendix A"), "{html}");
    assert!(
        !html.contains(link),
        "without the PDF, its appendix is only named"
    );
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains(link),
        "with the PDF built, the page links it: {html}"
    );
}

#[test]
fn a_misspelt_footer_field_stops_check_and_build_at_its_line() {
    let project = temp_project("council");
    let root = project.path();
    let yaml = root.join("clerk.yaml");
    let house = std::fs::read_to_string(&yaml).unwrap();
    let line = house.lines().count() + 3;
    std::fs::write(
        &yaml,
        format!("{house}pdf:\n  footer:\n    - \"Wards: {{wards_afected}}\"\n"),
    )
    .unwrap();
    for command in ["check", "build"] {
        let (code, stdout, stderr) = parts(&clerk(root, &[command]));
        assert_eq!(code, 2, "{command}: {stdout}\n{stderr}");
        assert!(
            stderr.contains(&format!("clerk.yaml:{line}:15")),
            "{command}: {stderr}"
        );
        assert!(
            stderr.contains("did you mean `{wards_affected}`"),
            "{stderr}"
        );
    }
}

#[test]
#[ignore = "needs poppler-utils"]
fn a_house_field_spelt_right_is_in_the_pdf_footer() {
    let project = temp_project("council");
    let root = project.path();
    let yaml = root.join("clerk.yaml");
    let house = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(
        &yaml,
        format!("{house}pdf:\n  footer:\n    - \"Wards: {{wards_affected}}\"\n"),
    )
    .unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let pdf = root.join("out/2024-06-12-parking-charges.pdf");
    let text = run_tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(
        text.contains("Wards: Felpersham North; Felpersham South"),
        "{text}"
    );
}

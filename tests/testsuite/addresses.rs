//! Web and e-mail addresses written as plain text become links wherever clerk shows them: a
//! paper's text and header table, a meeting page's location and contact, and the agenda
//! PDF's header table (a `mailto:` link annotation).

use std::path::Path;

use lopdf::{Document, Object};

use crate::common::{clerk, parts, temp_project};

/// Every URI the link annotations of the PDF at `path` point to; an e-mail link's says so
/// to a screen reader (`E-mail …`, not `Link to mailto:…`).
fn uris(path: &Path) -> Vec<String> {
    let doc = Document::load(path).unwrap();
    let mut out = Vec::new();
    for page in doc.get_pages().values() {
        let page = doc.get_dictionary(*page).unwrap();
        let Ok(annots) = page.get(b"Annots").and_then(Object::as_array) else {
            continue;
        };
        for a in annots {
            let a = doc.dereference(a).unwrap().1.as_dict().unwrap();
            if let Ok(action) = a.get(b"A").and_then(Object::as_dict)
                && let Ok(uri) = action.get(b"URI").and_then(Object::as_str)
            {
                let uri = String::from_utf8_lossy(uri).into_owned();
                let said = String::from_utf8_lossy(a.get(b"Contents").unwrap().as_str().unwrap());
                if let Some(address) = uri.strip_prefix("mailto:") {
                    assert_eq!(said, format!("E-mail {address}"));
                }
                out.push(uri);
            }
        }
    }
    out
}

#[test]
fn a_meetings_contact_address_is_a_mailto_link_on_its_page_and_agenda() {
    let project = temp_project("meetings");
    let root = project.path();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let dir = root.join("out/meetings/2026-05-19-resources-committee");
    let page = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(
        page.contains(
            "<dt>Contact</dt><dd>Fiona Keir, Committee Officer, \
             <a href=\"mailto:governance@example.org\">governance@example.org</a></dd>"
        ),
        "{page}"
    );
    assert!(page.contains("<dt>Location</dt><dd>Committee Room 1, Pacific Quay</dd>"));
    for pdf in ["agenda.pdf", "pack.pdf"] {
        let found = uris(&dir.join(pdf));
        assert!(
            found.contains(&"mailto:governance@example.org".to_string()),
            "{pdf}: {found:?}"
        );
    }
}

#[test]
fn a_bare_e_mail_address_in_a_paper_links_in_its_html_and_pdf() {
    let project = temp_project("meetings");
    let root = project.path();
    let paper = root.join("papers/resources/2026-05-19-budget-monitoring.md");
    let text = std::fs::read_to_string(&paper).unwrap();
    let text = text
        .replace(
            "presented_by: James Gray, Chief Financial Officer",
            "presented_by: James Gray, Chief Financial Officer, finance@example.org",
        )
        .replace(
            "at the end of quarter 4.",
            "at the end of quarter 4. Questions to j.gray+budget@example.gov.uk, please.",
        );
    std::fs::write(&paper, text).unwrap();
    let (code, stdout, stderr) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        !stderr.contains("link-text"),
        "no link-text warning: {stderr}"
    );
    let out = root.join("out/resources/2026-05-19-budget-monitoring");
    let html = std::fs::read_to_string(out.with_extension("html")).unwrap();
    assert!(
        html.contains(
            "Questions to <a href=\"mailto:j.gray+budget@example.gov.uk\">\
             j.gray+budget@example.gov.uk</a>, please."
        ),
        "{html}"
    );
    assert!(
        html.contains(
            "<td>James Gray, Chief Financial Officer, \
             <a href=\"mailto:finance@example.org\">finance@example.org</a></td>"
        ),
        "{html}"
    );
    let found = uris(&out.with_extension("pdf"));
    for uri in [
        "mailto:j.gray+budget@example.gov.uk",
        "mailto:finance@example.org",
    ] {
        assert!(found.contains(&uri.to_string()), "{found:?}");
    }
}

//! A paper's links in a pack lead where they led in the paper's own PDF: a relative
//! address (`2026-05-19-budget-monitoring.pdf`, from the paper's folder) is made to lead
//! from the pack's folder; a web or e-mail address, and a paper's PDF itself, are left as
//! they are.

use lopdf::{Document, Object};

use crate::common::{clerk, parts, temp_project};

/// The URI of every link annotation of the PDF at `path`, in object order.
fn uris(path: &std::path::Path) -> Vec<String> {
    let doc = Document::load(path).unwrap();
    doc.objects
        .values()
        .filter_map(|o| {
            let d = o.as_dict().ok()?;
            let action = d.get(b"A").ok()?.as_dict().ok()?;
            let uri = action.get(b"URI").ok()?;
            match uri {
                Object::String(s, _) => Some(String::from_utf8_lossy(s).into_owned()),
                _ => None,
            }
        })
        .collect()
}

#[test]
fn a_papers_relative_links_lead_from_the_packs_folder() {
    let dir = temp_project("meetings");
    let root = dir.path();
    let minutes = root.join("papers/resources/2026-05-19-minutes.md");
    let mut text = std::fs::read_to_string(&minutes).unwrap();
    text.push_str(
        "\nThe [budget report](2026-05-19-budget-monitoring.pdf) and the \
         [audit plan](../audit/2026-03-03-internal-audit-plan.html) are on the \
         [committee's site](https://example.org/committee).\n",
    );
    std::fs::write(&minutes, text).unwrap();
    let (code, out, err) = parts(&clerk(root, &["build"]));
    assert_eq!(code, 0, "{out}{err}");
    let own = uris(&root.join("out/resources/2026-05-19-minutes.pdf"));
    for uri in [
        "2026-05-19-budget-monitoring.pdf",
        "../audit/2026-03-03-internal-audit-plan.html",
        "https://example.org/committee",
    ] {
        assert!(own.iter().any(|u| u == uri), "{uri} in {own:?}");
    }
    let pack = uris(&root.join("out/meetings/2026-05-19-resources-committee/pack.pdf"));
    for uri in [
        "../../resources/2026-05-19-budget-monitoring.pdf",
        "../../resources/../audit/2026-03-03-internal-audit-plan.html",
        "https://example.org/committee",
    ] {
        assert!(pack.iter().any(|u| u == uri), "{uri} in {pack:?}");
    }
    assert!(
        !pack.iter().any(|u| u == "2026-05-19-budget-monitoring.pdf"),
        "{pack:?}"
    );
}

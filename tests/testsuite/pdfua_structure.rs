//! PDF/UA-1, the shape of the structure tree: the Matterhorn failure conditions about
//! headings, table and list nesting and marked languages (numbered and worded as in
//! Matterhorn Protocol 1.1), checked with lopdf on every example and fixture PDF, and a
//! check that the examples use what these are about. The other checkpoints are in
//! `pdfua.rs`.

use crate::pdfua_check::{Pdf, every_pdf, failing, kids, text};

/// 14-002 (UA1 7.4.2-1): "Does use numbered headings, but the first heading tag is not
/// <H1>." clerk also promises one `H1`, the title, before the sections' `H2`s (or, when
/// a house draws no title, `H1` sections and no `H2` before the first of them).
#[test]
fn matterhorn_14_002_first_heading_is_h1_and_the_title_the_only_one() {
    every_pdf(|pdf| {
        // A PDF appendix brings its own tree (with its own title as H1) inside a `Sect`;
        // the rule is about clerk's own headings, so that subtree is left out.
        let grafted: Vec<&lopdf::Dictionary> = pdf
            .elements()
            .into_iter()
            .filter(|(_, d)| Pdf::role(d) == "Sect")
            .flat_map(|(_, d)| descendants(pdf, d))
            .collect();
        let levels: Vec<u32> = pdf
            .elements()
            .into_iter()
            .filter(|(_, d)| !grafted.iter().any(|g| std::ptr::eq(*g, *d)))
            .filter_map(|(_, d)| Pdf::role(d).strip_prefix('H')?.parse().ok())
            .collect();
        let mut bad = failing(levels.first() == Some(&1), "the first heading is not H1");
        let h1s = levels.iter().filter(|l| **l == 1).count();
        if levels.contains(&2) {
            bad.extend(failing(h1s == 1, &format!("{h1s} H1s besides H2s")));
        }
        bad
    });
}

/// 09-004 (UA1 7.2-1): "A table-related structure element is used in a way that does not
/// conform to the syntax defined in ISO 32000-1, Table 337": a `TR` sits in a `THead`,
/// `TBody` or `TFoot` (or the `Table`), a `TH`/`TD` in a `TR`.
#[test]
fn matterhorn_09_004_table_elements_nest_as_table_337_says() {
    every_pdf(|pdf| {
        nesting(pdf, |role| match role {
            "Table" => Some(&["TR", "THead", "TBody", "TFoot", "Caption"]),
            "THead" | "TBody" | "TFoot" => Some(&["TR"]),
            "TR" => Some(&["TH", "TD"]),
            _ => None,
        })
    });
}

/// Every element whose role `allowed` knows holds only kids of the roles it lists.
fn nesting(pdf: &Pdf, allowed: impl Fn(&str) -> Option<&'static [&'static str]>) -> Vec<String> {
    let mut bad = Vec::new();
    for (id, d) in pdf.elements() {
        let Some(allowed) = allowed(Pdf::role(d).as_str()) else {
            continue;
        };
        for kid in kids(pdf, d) {
            let role = Pdf::role(kid);
            if !allowed.contains(&role.as_str()) {
                bad.push(format!("{} {id:?} holds a {role}", Pdf::role(d)));
            }
        }
    }
    bad
}

/// 09-005 (UA1 7.2-1): "A list-related structure element is used in a way that does not
/// conform to Table 336 in ISO 32000-1": an `L` holds `LI`s (or a `Caption`, or a nested
/// `L`), an `LI` its `Lbl` and `LBody`.
#[test]
fn matterhorn_09_005_list_elements_nest_as_table_336_says() {
    every_pdf(|pdf| {
        nesting(pdf, |role| match role {
            "L" => Some(&["LI", "L", "Caption"]),
            "LI" => Some(&["Lbl", "LBody"]),
            _ => None,
        })
    });
}

/// 11-001 (UA1 7.2-3) for passages the author marked: every `/Lang` on a structure
/// element is a language tag (BCP 47 shape), so a reader can tell what language it is.
/// A `Span` is such a passage, or struck-through text (its layout attributes say so).
#[test]
fn matterhorn_11_001_marked_passages_have_valid_language_tags() {
    every_pdf(|pdf| {
        let mut bad = Vec::new();
        for (id, d) in pdf.elements() {
            let struck = d
                .get(b"A")
                .and_then(|a| a.as_dict())
                .and_then(|a| a.get(b"TextDecorationType"))
                .and_then(|t| t.as_name())
                .is_ok_and(|t| t == b"LineThrough");
            let Some(lang) = d.get(b"Lang").ok().and_then(text) else {
                if Pdf::role(d) == "Span" && !struck {
                    bad.push(format!("Span {id:?} without /Lang or line-through"));
                }
                continue;
            };
            let mut parts = lang.split('-');
            let first = parts.next().unwrap_or("");
            let ok = (2..=3).contains(&first.len())
                && first.chars().all(|c| c.is_ascii_alphabetic())
                && parts.all(|p| {
                    (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric())
                });
            if !ok {
                bad.push(format!(
                    "{} {id:?}: /Lang {lang:?} is not a language tag",
                    Pdf::role(d)
                ));
            }
        }
        bad
    });
}

/// The example papers use what these checks are about: a title, links, a footnote, a
/// list inside a numbered paragraph and a passage marked as Gaelic (so the checks above
/// are not passing for want of anything to check).
#[test]
fn the_examples_exercise_links_notes_groups_and_languages() {
    let mut seen = std::collections::BTreeSet::new();
    for pdf in crate::pdfua_check::pdfs() {
        for (_, d) in pdf.elements() {
            let role = Pdf::role(d);
            if role == "Span" && d.get(b"Lang").ok().and_then(text).as_deref() == Some("gd") {
                seen.insert("Span gd".to_string());
            }
            seen.insert(role);
        }
    }
    for want in [
        "H1", "H2", "Link", "Note", "Div", "Span gd", "TBody", "THead",
    ] {
        assert!(seen.contains(want), "no {want} in any example: {seen:?}");
    }
}

/// Every structure element inside `d`, depth first.
fn descendants<'a>(pdf: &'a Pdf, d: &'a lopdf::Dictionary) -> Vec<&'a lopdf::Dictionary> {
    let mut out = Vec::new();
    for k in kids(pdf, d) {
        out.push(k);
        out.extend(descendants(pdf, k));
    }
    out
}

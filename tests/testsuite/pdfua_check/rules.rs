//! More of veraPDF's PDF/UA-1 rules, each a function from a file to its failures (as
//! messages), each tested on a synthetic bad file in `tests/testsuite/tables_tagged.rs`: table
//! regularity, headers and sections, headings and standard structure types (links,
//! notes, annotations and document settings are in `doc_rules.rs`). The README's
//! coverage table says which rule id each function decides.

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Dictionary, Object, ObjectId};

use super::{Pdf, kids};

/// The standard structure types of ISO 32000-1, 14.8.4.
pub const STANDARD: &[&str] = &[
    "Document",
    "Part",
    "Art",
    "Sect",
    "Div",
    "BlockQuote",
    "Caption",
    "TOC",
    "TOCI",
    "Index",
    "NonStruct",
    "Private",
    "P",
    "H",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "L",
    "LI",
    "Lbl",
    "LBody",
    "Table",
    "TR",
    "TH",
    "TD",
    "THead",
    "TBody",
    "TFoot",
    "Span",
    "Quote",
    "Note",
    "Reference",
    "BibEntry",
    "Code",
    "Link",
    "Annot",
    "Ruby",
    "RB",
    "RT",
    "RP",
    "Warichu",
    "WT",
    "WP",
    "Figure",
    "Formula",
    "Form",
];

/// An attribute of a table cell (`/A` a dictionary or an array of them), e.g. `ColSpan`.
fn attr<'a>(pdf: &'a Pdf, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let a = d.get(b"A").ok()?;
    let list: Vec<&Object> = match pdf.doc.dereference(a).ok()?.1 {
        Object::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    list.into_iter()
        .filter_map(|o| pdf.doc.dereference(o).ok()?.1.as_dict().ok())
        .find_map(|a| a.get(key).ok())
}

fn span(pdf: &Pdf, cell: &Dictionary, key: &[u8]) -> usize {
    attr(pdf, cell, key)
        .and_then(|o| o.as_i64().ok())
        .map_or(1, |n| n.max(1) as usize)
}

/// The rows of a table, in order: its own `TR`s and those of its `THead`, `TBody`s and
/// `TFoot`.
fn rows<'a>(pdf: &'a Pdf, table: &'a Dictionary) -> Vec<&'a Dictionary> {
    let mut out = Vec::new();
    for kid in kids(pdf, table) {
        match Pdf::role(kid).as_str() {
            "TR" => out.push(kid),
            "THead" | "TBody" | "TFoot" => {
                out.extend(kids(pdf, kid).into_iter().filter(|r| Pdf::role(r) == "TR"))
            }
            _ => {}
        }
    }
    out
}

/// The `TH` and `TD` cells of a row.
fn cells<'a>(pdf: &'a Pdf, row: &'a Dictionary) -> Vec<&'a Dictionary> {
    kids(pdf, row)
        .into_iter()
        .filter(|c| matches!(Pdf::role(c).as_str(), "TH" | "TD"))
        .collect()
}

fn tables(pdf: &Pdf) -> Vec<(ObjectId, &Dictionary)> {
    pdf.elements()
        .into_iter()
        .filter(|(_, d)| Pdf::role(d) == "Table")
        .collect()
}

/// UA1 7.2-15, 7.2-41, 7.2-42, 7.2-43 (Matterhorn 15-001…): a table is regular: every row
/// spans as many columns as the first (after `ColSpan` and the `RowSpan`s of rows above),
/// and no cell spans rows past the table's end.
pub fn irregular_tables(pdf: &Pdf) -> Vec<String> {
    let mut bad = Vec::new();
    for (id, table) in tables(pdf) {
        let rows = rows(pdf, table);
        // Columns taken in each row by cells from rows above (their RowSpan).
        let mut carried: Vec<usize> = vec![0; rows.len() + 1];
        let mut widths = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let mut width = carried[r];
            for cell in cells(pdf, row) {
                let cols = span(pdf, cell, b"ColSpan");
                width += cols;
                let down = span(pdf, cell, b"RowSpan");
                if r + down > rows.len() {
                    bad.push(format!(
                        "Table {id:?}: a cell in row {} spans {down} rows, past the table's end (7.2-41)",
                        r + 1
                    ));
                }
                for below in carried.iter_mut().skip(r + 1).take(down - 1) {
                    *below += cols;
                }
            }
            widths.push(width);
        }
        if let Some(&first) = widths.first() {
            for (r, w) in widths.iter().enumerate().skip(1) {
                if *w != first {
                    bad.push(format!(
                        "Table {id:?}: rows 1 and {} span different numbers of columns ({first} and {w}) (7.2-42/43)",
                        r + 1
                    ));
                }
            }
        }
    }
    bad
}

/// UA1 7.5-1 and 7.5-2 (Matterhorn 15-003, 15-005) and WCAG 1.3.1: a table has header
/// cells; when it does not tie cells to headers with `/Headers` and `/ID`, every `TH` has a
/// `/Scope`; every id a cell's `/Headers` lists is a `TH` of the same table.
pub fn table_headers(pdf: &Pdf) -> Vec<String> {
    let mut bad = Vec::new();
    for (id, table) in tables(pdf) {
        let all: Vec<&Dictionary> = rows(pdf, table)
            .into_iter()
            .flat_map(|r| cells(pdf, r))
            .collect();
        let ths: Vec<&Dictionary> = all
            .iter()
            .copied()
            .filter(|c| Pdf::role(c) == "TH")
            .collect();
        if ths.is_empty() && !all.is_empty() {
            bad.push(format!("Table {id:?} has no header cell (TH)"));
        }
        let th_ids: BTreeSet<Vec<u8>> = ths
            .iter()
            .filter_map(|c| c.get(b"ID").ok()?.as_str().ok().map(<[u8]>::to_vec))
            .collect();
        let uses_headers = all.iter().any(|c| attr(pdf, c, b"Headers").is_some());
        for cell in &all {
            if let Some(Object::Array(refs)) = attr(pdf, cell, b"Headers") {
                for r in refs {
                    let known = r.as_str().is_ok_and(|s| th_ids.contains(s));
                    if !known {
                        bad.push(format!(
                            "Table {id:?}: /Headers names {r:?}, which is no TH of this table (7.5-2)"
                        ));
                    }
                }
            }
        }
        if !uses_headers {
            let unscoped = ths
                .iter()
                .filter(|c| {
                    attr(pdf, c, b"Scope")
                        .and_then(|s| s.as_name().ok())
                        .is_none()
                })
                .count();
            if unscoped > 0 {
                bad.push(format!(
                    "Table {id:?}: {unscoped} TH without /Scope and no /Headers (7.5-1)"
                ));
            }
        }
    }
    bad
}

/// UA1 7.2-11 to 7.2-14, 7.2-16 and 7.2-39: a table has at most one `THead`, one `TFoot`
/// and one `Caption` (first or last), and a `TBody` whenever it has a `THead` or `TFoot`.
pub fn table_sections(pdf: &Pdf) -> Vec<String> {
    let mut bad = Vec::new();
    for (id, table) in tables(pdf) {
        let count = |ty: &str| {
            kids(pdf, table)
                .into_iter()
                .filter(|k| Pdf::role(k) == ty)
                .count()
        };
        let (head, foot, body) = (count("THead"), count("TFoot"), count("TBody"));
        if head > 1 || foot > 1 {
            bad.push(format!(
                "Table {id:?}: {head} THead and {foot} TFoot (7.2-11/12)"
            ));
        }
        if (head > 0 || foot > 0) && body == 0 {
            bad.push(format!(
                "Table {id:?}: a THead or TFoot but no TBody (7.2-13/14)"
            ));
        }
        let types: Vec<String> = kids(pdf, table).into_iter().map(Pdf::role).collect();
        let captions: Vec<usize> = (0..types.len())
            .filter(|&k| types[k] == "Caption")
            .collect();
        if captions.len() > 1 {
            bad.push(format!(
                "Table {id:?}: {} Captions (7.2-39)",
                captions.len()
            ));
        }
        if captions.iter().any(|&k| k != 0 && k + 1 != types.len()) {
            bad.push(format!(
                "Table {id:?}: a Caption neither first nor last (7.2-16)"
            ));
        }
    }
    bad
}

/// UA1 7.4.4-1 to 7.4.4-3: no element holds more than one `H`, and a document uses `H` or
/// `H1`…`H6`, not both.
pub fn heading_kinds(pdf: &Pdf) -> Vec<String> {
    let mut bad = Vec::new();
    let elements = pdf.elements();
    for (id, d) in &elements {
        let hs = kids(pdf, d)
            .into_iter()
            .filter(|k| Pdf::role(k) == "H")
            .count();
        if hs > 1 {
            bad.push(format!("{id:?} holds {hs} H elements (7.4.4-1)"));
        }
    }
    let strong = elements.iter().any(|(_, d)| Pdf::role(d) == "H");
    let weak = elements.iter().any(|(_, d)| {
        let r = Pdf::role(d);
        r.len() == 2 && r.starts_with('H') && r[1..].parse::<u8>().is_ok()
    });
    if strong && weak {
        bad.push("uses both H and H1…H6 (7.4.4-2/3)".into());
    }
    bad
}

/// UA1 7.1-5 to 7.1-7 and 7.1-12: every structure type is standard or mapped (through
/// `/RoleMap`, without a cycle) to a standard type, no standard type is remapped, and
/// every element names its parent (`/P`).
pub fn structure_types(pdf: &Pdf) -> Vec<String> {
    let role_map: BTreeMap<String, String> = pdf
        .catalog()
        .get(b"StructTreeRoot")
        .ok()
        .and_then(|r| pdf.doc.dereference(r).ok())
        .and_then(|(_, o)| o.as_dict().ok())
        .and_then(|root| root.get(b"RoleMap").ok())
        .and_then(|m| pdf.doc.dereference(m).ok())
        .and_then(|(_, o)| o.as_dict().ok())
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| {
                    Some((
                        String::from_utf8_lossy(k).into_owned(),
                        String::from_utf8_lossy(v.as_name().ok()?).into_owned(),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut bad: Vec<String> = role_map
        .keys()
        .filter(|k| STANDARD.contains(&k.as_str()))
        .map(|k| format!("the standard type {k} is remapped (7.1-7)"))
        .collect();
    let mut seen = BTreeSet::new();
    for (id, d) in pdf.elements() {
        if !d.has(b"P") {
            bad.push(format!("{id:?} has no /P (7.1-12)"));
        }
        let mut ty = Pdf::role(d);
        let mut hops = 0;
        while !STANDARD.contains(&ty.as_str()) {
            match role_map.get(&ty) {
                Some(next) if hops < 32 => {
                    ty = next.clone();
                    hops += 1;
                }
                _ => {
                    if seen.insert(Pdf::role(d)) {
                        bad.push(format!(
                            "{id:?}: type {} is not standard and maps to no standard type (7.1-5/6)",
                            Pdf::role(d)
                        ));
                    }
                    break;
                }
            }
        }
    }
    bad
}

/// UA1 7.2-26 to 7.2-28 and 7.2-40: a `TOCI` sits in a `TOC`; a `TOC` holds only `TOC`,
/// `TOCI` and a first `Caption`; a list's `Caption` comes first.
pub fn tocs_and_list_captions(pdf: &Pdf) -> Vec<String> {
    let mut bad = Vec::new();
    for (id, d) in pdf.elements() {
        let types: Vec<String> = kids(pdf, d).into_iter().map(Pdf::role).collect();
        let late_caption = types.iter().skip(1).any(|t| t == "Caption");
        match Pdf::role(d).as_str() {
            "TOC" => {
                if types
                    .iter()
                    .any(|t| !matches!(t.as_str(), "TOC" | "TOCI" | "Caption"))
                {
                    bad.push(format!("TOC {id:?} holds {types:?} (7.2-27)"));
                }
                if late_caption {
                    bad.push(format!("TOC {id:?}: a Caption not first (7.2-28)"));
                }
            }
            "L" if late_caption => {
                bad.push(format!("L {id:?}: a Caption not first (7.2-40)"));
            }
            _ => {}
        }
        for kid in kids(pdf, d) {
            if Pdf::role(kid) == "TOCI" && Pdf::role(d) != "TOC" {
                bad.push(format!("a TOCI inside {} {id:?} (7.2-26)", Pdf::role(d)));
            }
        }
    }
    bad
}

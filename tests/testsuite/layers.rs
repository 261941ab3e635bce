//! The house in stage order: no module of `src/` uses a module of a later stage (see the
//! table in `src/lib.rs`), so there are no cycles and the folders read in the order a paper
//! goes through them. Unit-test code (`tests.rs`, `tests/`, `*_tests.rs` and what follows
//! `#[cfg(test)]`) may reach anywhere.

use std::collections::BTreeSet;
use std::path::Path;

/// Each top-level module and its stage; a module may use its own stage and earlier ones.
/// The commands on top (cli, commands, report, scaffold, serve) share the last stage.
const STAGES: &[(&str, u8)] = &[
    ("alloc", 0),
    ("diag", 0),
    ("fsio", 0),
    ("yaml", 1),
    ("schema", 2),
    ("config", 2),
    ("project", 3),
    ("paper", 4),
    ("document", 5),
    ("meeting", 6),
    ("render", 7),
    ("output", 8),
    ("pipeline", 9),
    ("report", 10),
    ("progress", 10),
    ("cli", 10),
    ("scaffold", 10),
    ("import", 10),
    ("serve", 10),
    ("commands", 10),
];

fn stage(module: &str) -> Option<u8> {
    STAGES.iter().find(|(m, _)| *m == module).map(|(_, s)| *s)
}

/// The top-level modules named as `crate::NAME` in non-test code.
fn uses(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let name: String = code[at + "crate::".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        out.insert(name);
    }
    out
}

#[test]
fn no_module_uses_a_later_stage() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut upward = Vec::new();
    let mut unknown = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(&src).unwrap();
        let name = rel.to_string_lossy();
        let is_test = name.contains("tests") || name.ends_with("_tests.rs");
        if !name.ends_with(".rs") || is_test || name == "lib.rs" || name == "main.rs" {
            continue;
        }
        let top = name.split('/').next().unwrap().trim_end_matches(".rs");
        let Some(own) = stage(top) else {
            unknown.insert(top.to_string());
            continue;
        };
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for used in uses(&text) {
            match stage(&used) {
                Some(s) if s > own => upward.push(format!("src/{name} uses crate::{used}")),
                Some(_) => {}
                None => {
                    unknown.insert(used);
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "modules missing from STAGES (add them in stage order): {unknown:?}"
    );
    assert!(
        upward.is_empty(),
        "uses of a later stage:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_check_sees_an_upward_use() {
    let found = uses(
        "use crate::render::pdf;\nfn f() { crate::diag::x(); }\n#[cfg(test)]\nuse crate::serve;",
    );
    assert_eq!(
        found,
        BTreeSet::from(["diag".to_string(), "render".to_string()])
    );
}

//! A Markdown file another paper names as its appendix, found in `papers/` and read as a
//! paper of its own: its `no-metadata` error says what happened and how to put it right.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::output::PaperReport;
use crate::project::walk::fold;

/// Rewords the `no-metadata` error of each paper that another paper names as an appendix
/// `file:`: clerk reads every `.md` file in `papers/` as a paper unless its name starts
/// with `_`, and the way out is to rename it, not to give an appendix metadata.
pub fn explain_named_appendices(papers: &mut [PaperReport]) {
    let mut named: HashMap<PathBuf, (PathBuf, PathBuf)> = HashMap::new();
    for p in papers.iter() {
        let Some(meta) = &p.meta else { continue };
        let dir = p.source.display.parent().unwrap_or(Path::new(""));
        for file in meta.appendices.iter().filter_map(|a| a.file.as_ref()) {
            let at = fold(&dir.join(file));
            named
                .entry(at)
                .or_insert_with(|| (p.source.display.clone(), file.clone()));
        }
    }
    if named.is_empty() {
        return;
    }
    for p in papers.iter_mut() {
        let Some((by, file)) = named.get(&fold(&p.source.display)) else {
            continue;
        };
        let name = p.source.display.file_name().map(|n| n.to_string_lossy());
        let Some(name) = name else { continue };
        let renamed = format!("_{name}");
        let written = file.with_file_name(&renamed);
        for d in &mut p.diagnostics {
            if d.code != "no-metadata" {
                continue;
            }
            d.message = format!(
                "this file is an appendix of `{}`, but clerk reads every `.md` file in the papers folder as a paper unless its name starts with `_`",
                by.display()
            );
            d.help = Some(format!(
                "rename it `{renamed}` and write `file: {}` in `{}`, so it is read as that paper's appendix only",
                written.display(),
                by.display()
            ));
        }
    }
}

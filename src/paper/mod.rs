//! A paper: its source files, parsed and checked metadata, and Markdown body.
//!
//! `PaperSource` (found by the walk) → [`load`] → [`Paper`] (metadata checked, body not yet
//! parsed). The next stage, `document::compile`, numbers the body into a `Document`.

mod check;
mod date;
mod encoding;
mod fields;
mod meta;
pub mod placeholder;
mod source;
pub mod typed_date;
mod value_map;

use std::path::{Path, PathBuf};

pub(crate) use crate::config::{language_help, valid_language};
pub use check::{MetaContext, check_meta, check_meta_partly, curly_wrapped, shared_name};
pub use date::{DateProblem, MONTH_NAMES, month_number, parse_date};
pub use meta::{AppendixMeta, MetaSpan, MetaText, PaperMeta, Status};
pub use source::{SplitPaper, read_text};
pub use value_map::place;

use crate::config::HouseStyle;
use crate::diag::{Diagnostic, Sources};
use crate::project::PaperSource;
use crate::yaml;

/// A paper whose metadata has passed every check.
#[derive(Debug, Clone)]
pub struct Paper {
    /// Where it came from.
    pub source: PaperSource,
    /// Its text, split into metadata and body.
    pub split: SplitPaper,
    /// The checked metadata.
    pub meta: PaperMeta,
}

impl Paper {
    /// The Markdown body.
    pub fn body(&self) -> &str {
        &self.split.md_text[self.split.body_offset..]
    }

    /// The folder the paper is in.
    pub fn dir(&self) -> PathBuf {
        self.source
            .path
            .parent()
            .map_or_else(PathBuf::new, Path::to_path_buf)
    }
}

/// A paper as read, its metadata checked.
#[derive(Debug, Clone)]
pub enum Loaded {
    /// The metadata passed every check: the paper can be built.
    Checked(Paper),
    /// The metadata has errors (reported); it holds what could be read of it, with
    /// stand-ins for the rest, only so that the body is still checked. Never built.
    Flawed(Paper),
}

/// Reads a paper and checks its metadata. Returns the paper when the metadata has no error,
/// and every diagnostic found (all of them, not just the first).
/// The texts read go in `sources`, for the diagnostics.
pub fn load(
    source: &PaperSource,
    house: &HouseStyle,
    sources: &mut Sources,
) -> (Option<Paper>, Vec<Diagnostic>) {
    match read(source, house, sources) {
        (Some(Loaded::Checked(paper)), diags) => (Some(paper), diags),
        (_, diags) => (None, diags),
    }
}

/// [`load`], handing on a paper whose metadata has errors too (as [`Loaded::Flawed`]), so
/// its body can be checked in the same run; `None` only when its files cannot be read and
/// split. Metadata that is not YAML at all stands in as empty (its error is the one
/// reported about it).
pub fn read(
    source: &PaperSource,
    house: &HouseStyle,
    sources: &mut Sources,
) -> (Option<Loaded>, Vec<Diagnostic>) {
    let split = match source.read(house.limits.paper_bytes, sources) {
        Ok(split) => split,
        Err(d) => return (None, vec![d]),
    };
    let limits = yaml::YamlLimits {
        values: house.limits.metadata_values,
        depth: house.limits.metadata_depth,
    };
    let (root, mut diags) = yaml::to_node_lenient(&split.yaml, &split.meta_file, limits);
    let dir = source.path.parent().unwrap_or(Path::new("."));
    let cx = MetaContext {
        file: &split.meta_file,
        text: &split.yaml,
        paper_dir: dir,
        house,
    };
    let (meta, is_final) = match &root {
        Some(root) => {
            diags.extend(yaml::cut_by_comments(root, &split.yaml, &split.meta_file));
            let (meta, mut meta_diags) = check_meta_partly(root, &cx);
            // A value read with its `: ` eased (see `yaml::to_node_lenient`) is reported as
            // written already: what the checks say of the eased value would quote text the
            // author never typed.
            // So is a key whose entry was read as the key alone, past a line YAML could
            // not read: it is neither missing nor empty, only unread.
            let eased = eased_lines(&split.yaml, &diags);
            let unread: Vec<String> = (eased.iter())
                .flat_map(|r| yaml::keys_in(&split.yaml, r.clone()))
                .collect();
            meta_diags.retain(|d| match d.code {
                // Said at the file's first key, which may be in a blanked entry: kept
                // unless the key is one a blanked entry gave.
                "missing-key" => !unread
                    .iter()
                    .any(|k| d.message == format!("the required key `{k}` is missing")),
                _ => d
                    .span
                    .as_ref()
                    .is_none_or(|s| !eased.iter().any(|l| l.contains(&s.start))),
            });
            diags.extend(meta_diags);
            (meta, status_is_final(root))
        }
        None => {
            let empty = yaml::Node {
                pos: yaml::Pos::default(),
                value: yaml::Value::Map(Vec::new()),
            };
            (check_meta_partly(&empty, &cx).0, false)
        }
    };
    diags.extend(placeholder::check(
        &split.yaml,
        0..split.yaml.len(),
        &split.meta_file,
        true,
        is_final,
    ));
    diags.extend(placeholder::check(
        &split.md_text,
        split.body_offset..split.md_text.len(),
        &source.display,
        false,
        is_final,
    ));
    let checked = !diags.iter().any(Diagnostic::is_error);
    let paper = Paper {
        source: source.clone(),
        split,
        meta,
    };
    let loaded = if checked {
        Loaded::Checked(paper)
    } else {
        Loaded::Flawed(paper)
    };
    (Some(loaded), diags)
}

/// Does the metadata say `status: final` (read from the tree, so even metadata with other
/// errors counts)?
fn status_is_final(root: &yaml::Node) -> bool {
    match &root.value {
        yaml::Value::Map(entries) => entries
            .iter()
            .any(|(k, v)| k.name == "status" && v.as_text().is_some_and(|s| s.trim() == "final")),
        _ => false,
    }
}

/// The byte ranges of the entries of `text` that a `yaml-syntax` error in `diags` stands in
/// (a value with a `: ` in it, read again eased; an entry read as its key alone).
fn eased_lines(text: &str, diags: &[Diagnostic]) -> Vec<std::ops::Range<usize>> {
    diags
        .iter()
        .filter(|d| d.code == "yaml-syntax")
        .filter_map(|d| Some(yaml::entry_at(text, d.span.as_ref()?.start)))
        .collect()
}

#[cfg(test)]
mod tests;

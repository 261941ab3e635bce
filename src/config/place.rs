//! Where a value stands in `clerk.yaml`: a house style keeps its own text, so a problem
//! found later (a logo or font that cannot be read, a value out of range) can point at the
//! line and column of the value that names it.

use std::ops::Range;
use std::path::Path;

use super::{HOUSE_FILE, HouseStyle};
use crate::diag::Diagnostic;
use crate::yaml::{self, Node, Value};

impl HouseStyle {
    /// The bytes of `clerk.yaml` that hold the value at `path` (map keys, or list indexes
    /// written as numbers: `["implications", "2", "key"]`); `None` when the project's file
    /// does not set it (the default's value is in use) or there is no file.
    ///
    /// The text is read again into the spanned tree: only a diagnostic needs this.
    pub fn span_of(&self, path: &[&str]) -> Option<Range<usize>> {
        let text = self.text.as_deref()?;
        let root = yaml::to_node(text, Path::new(HOUSE_FILE)).ok()?;
        node_at(&root, path)?.pos.span()
    }

    /// The line (1-based) of the value at `path`, for a message that names another line.
    pub fn line_of(&self, path: &[&str]) -> Option<usize> {
        let text = self.text.as_deref()?;
        let root = yaml::to_node(text, Path::new(HOUSE_FILE)).ok()?;
        Some(node_at(&root, path)?.pos.line)
    }

    /// An error on `clerk.yaml`, pointing at the value at `path` when the file sets it.
    pub fn error_at(&self, code: &'static str, path: &[&str], message: String) -> Diagnostic {
        let d = Diagnostic::file_error(code, Path::new(HOUSE_FILE), message);
        match self.span_of(path) {
            Some(span) => d.with_span(span),
            None => d,
        }
    }
}

/// The bytes of `piece` (a `{field}`, or what follows an open `{`) in `text`, searched for
/// from the start of the value at `value` (its bytes in `text`) to the end of the line it
/// starts on, or of the value when it runs further; `None` when it is not found there.
pub(super) fn piece_in_value(text: &str, value: Range<usize>, piece: &str) -> Option<Range<usize>> {
    let end = text[value.start..]
        .find('\n')
        .map_or(text.len(), |e| value.start + e)
        .max(value.end.min(text.len()));
    let found = text.get(value.start..end)?.find(piece)?;
    Some(value.start + found..value.start + found + piece.len())
}

/// The node at `path` under `node`.
fn node_at<'n>(node: &'n Node, path: &[&str]) -> Option<&'n Node> {
    let Some((first, rest)) = path.split_first() else {
        return Some(node);
    };
    let next = match &node.value {
        Value::Map(_) => node.get(first)?,
        Value::Seq(items) => items.get(first.parse::<usize>().ok()?)?,
        Value::Scalar(_) => return None,
    };
    node_at(next, rest)
}

/// A file beside the one `rel` names (under `root`) whose name is close to it, to suggest
/// when `rel` cannot be read: `logo.PNG` when the file is `logo.png`.
pub fn near_file(root: &Path, rel: &Path) -> Option<std::path::PathBuf> {
    near_file_of(root, rel, &[])
}

/// [`near_file`] among files ending in one of `extensions` (`png`, any capitals), or among
/// all when it is empty: an image's slip is never answered with a text file.
pub fn near_file_of(root: &Path, rel: &Path, extensions: &[&str]) -> Option<std::path::PathBuf> {
    let name = rel.file_name()?.to_str()?;
    let dir = rel.parent().unwrap_or(Path::new(""));
    let kind = |n: &str| {
        let ext = Path::new(n).extension().and_then(|e| e.to_str());
        extensions.is_empty()
            || ext.is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
    };
    let names: Vec<String> = std::fs::read_dir(root.join(dir))
        .ok()?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n != name && kind(n))
        .collect();
    let best = crate::diag::did_you_mean(name, names.iter().map(String::as_str))?;
    Some(dir.join(best))
}

/// "did you mean `near`?", saying that capitals count when only they differ from `rel`.
pub fn did_you_mean_file(rel: &Path, near: &Path) -> String {
    let same_but_case = rel
        .to_string_lossy()
        .eq_ignore_ascii_case(&near.to_string_lossy());
    let tail = if same_but_case {
        " Capitals count in file names"
    } else {
        ""
    };
    // With `/` between folders, as a path in a paper or clerk.yaml is written on any
    // computer (Windows would show `img\\chart.png`).
    let near = near.to_string_lossy().replace('\\', "/");
    format!("did you mean `{near}`?{tail}")
}

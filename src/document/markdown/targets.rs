//! Links that would lead nowhere once the paper is published: to a file on someone's
//! computer or shared drive (`file:///S:/…`, `S:\…`), to a paper's Markdown source instead
//! of its page, to a page or PDF no paper makes, or to a file clerk does not publish (a
//! spreadsheet beside the paper). Each is a warning at the link; the paper still builds.

use std::ops::Range;
use std::path::Path;

use super::blocks::Builder;

/// What is wrong with a link's address, for a published paper.
enum Target {
    /// A file on a computer or shared drive.
    LocalFile,
    /// A paper's Markdown source: its page is `.html`.
    Source(String),
    /// A page or PDF no paper beside makes.
    NoPaper(String),
    /// A file clerk does not publish.
    NotPublished(String),
    /// A bare word, as a label is named: a cross-reference without its `#`.
    Label(String),
}

/// Is `url` a bare word as a label is named (`forecast`, `para-2`), which a link to a
/// paragraph gives after a `#`?
pub(super) fn bare_label(url: &str) -> bool {
    !url.is_empty()
        && url
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

impl Builder<'_, '_> {
    /// Warns about a link whose address (`url`, at `range`) leads nowhere once published.
    pub(super) fn lint_link_target(&mut self, url: &str, range: Range<usize>) {
        let Some(target) = target(url, self.ctx.images.paper_dir()) else {
            return;
        };
        let loc = self.loc(range);
        let (code, message, help) = match target {
            Target::LocalFile => (
                "link-local-file",
                format!("this link points at a file on a computer or shared drive (`{url}`): readers of the published paper cannot open it, and it shows where the secretariat keeps its files"),
                "publish the file and link its web address (https://…), or attach it as an appendix".to_string(),
            ),
            Target::Source(page) => (
                "link-to-source",
                "this link points at a paper's Markdown source, which is not published".to_string(),
                format!("link its page instead: `{page}`"),
            ),
            Target::NoPaper(path) => (
                "link-no-paper",
                format!("no paper makes `{path}` here, so this link would lead nowhere once published"),
                "check the name against the paper's file (`NAME.md` makes `NAME.html` and `NAME.pdf`, in the same folder)".to_string(),
            ),
            Target::Label(word) => (
                "link-no-hash",
                format!("this link points at `{word}`, which is no file: a link to a paragraph or section names its label after a `#`"),
                format!("write `[](#{word})` to cite the paragraph labelled `{{#{word}}}`"),
            ),
            Target::NotPublished(path) => (
                "link-not-published",
                format!("`{path}` is not published with the paper (clerk publishes papers' pages and PDFs), so this link would lead nowhere"),
                "publish the file and link its web address, or make it an appendix (`appendices:` with its `file:`, a PDF or Markdown file)".to_string(),
            ),
        };
        self.ctx.warn(code, &loc, message, Some(help));
    }
}

/// The `.md` of the paper whose page, PDF or source `url` (a link of a paper in `dir`)
/// names, folded as a browser resolves it; `None` for any other address.
pub(super) fn paper_source(url: &str, dir: &Path) -> Option<std::path::PathBuf> {
    let url = url.trim();
    if has_scheme(url) || url.starts_with(['#', '?', '/']) || url.contains('\\') {
        return None;
    }
    let (path, _, ext) = file_part(url);
    matches!(ext.as_deref(), Some("md" | "html" | "pdf"))
        .then(|| crate::project::walk::fold(&dir.join(&path)).with_extension("md"))
}

/// The file a relative `url` names, percent-decoded; what follows it (`#…`, `?…`); and its
/// extension in lower case.
fn file_part(url: &str) -> (String, &str, Option<String>) {
    let end = url.find(['#', '?']).unwrap_or(url.len());
    let written = &url[..end];
    let path = super::images::percent_decode(written).unwrap_or_else(|| written.to_string());
    let ext = Path::new(&path)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    (path, &url[end..], ext)
}

impl Builder<'_, '_> {
    /// Leaves out the link of `content` to `url` (at `range`) when it names a paper taken
    /// in private while this paper is public, with a warning (`link-private-paper`): the
    /// page is not published, and its file name says what is discussed in private. Its
    /// words stay. Notes any link to a paper (see [`super::Sections::links_papers`]).
    /// Whether the link was left out.
    pub(super) fn leave_out_private_link(&mut self, url: &str, range: Range<usize>) -> bool {
        let Some(source) = paper_source(url, self.ctx.images.paper_dir()) else {
            return false;
        };
        self.ctx.links_papers = true;
        if !self.ctx.private.holds(&source) {
            return false;
        }
        let loc = self.loc(range);
        self.ctx.warn(
            "link-private-paper",
            &loc,
            format!("this link points at `{url}`, a paper taken in private: its page is not published, and its file name would say what is discussed in private, so the link is left out (its words stay)"),
            Some("remove the link, or name the item by its agenda number; if the paper is to be public, take it out of private in the meeting file".into()),
        );
        true
    }
}

/// Does `url` start with a scheme (`https:`, `mailto:`, `tel:`)?
pub(crate) fn has_scheme(url: &str) -> bool {
    url.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    })
}

/// What is wrong with `url` as a link of a paper in `dir`, if anything.
fn target(url: &str, dir: &Path) -> Option<Target> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let drive = lower.as_bytes().get(1) == Some(&b':')
        && lower.starts_with(|c: char| c.is_ascii_alphabetic())
        && matches!(lower.as_bytes().get(2), Some(b'\\' | b'/'));
    // A backslash is a Windows path's (`S:\…`, `\\server\share`): no web address has one.
    if lower.starts_with("file:") || drive || url.contains('\\') {
        return Some(Target::LocalFile);
    }
    // Another scheme (https:, mailto:, tel:), a fragment, a query or a path from the site's
    // root: not a file beside the paper.
    if has_scheme(url) || url.is_empty() || url.starts_with(['#', '?', '/']) || url.ends_with('/') {
        return None;
    }
    if bare_label(url) {
        return Some(Target::Label(url.to_string()));
    }
    let (path, rest, ext) = file_part(url);
    match ext.as_deref() {
        Some("md") => {
            let page = Path::new(&path).with_extension("html");
            Some(Target::Source(format!("{}{rest}", page.display())))
        }
        Some("html" | "pdf") => {
            // Folded by name, as a browser resolves a link.
            let source = crate::project::walk::fold(&dir.join(&path)).with_extension("md");
            (!source.is_file()).then(|| Target::NoPaper(path.clone()))
        }
        _ => Some(Target::NotPublished(path)),
    }
}

//! Image checks and loading: a relative path inside the project, a PNG or JPEG file, alt text.
//! Nothing is ever fetched from the network.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Ctx, Loc};
use crate::diag::size_in_words;
use crate::document::{Image, picture};
use crate::fsio::{self, ReadError};

/// An image as read and checked once per paper, or why it cannot be used.
type Read = Result<(Arc<Vec<u8>>, &'static str), ImageProblem>;

/// A found image: its canonical path, bytes and MIME type.
type Found = (PathBuf, Arc<Vec<u8>>, &'static str);

/// Where images may come from, the files already read (each is read and checked once per
/// paper, however often it is shown) and the image bytes the paper embeds so far.
#[derive(Debug)]
pub(crate) struct Images {
    paper_dir: PathBuf,
    root: PathBuf,
    cache: HashMap<PathBuf, Read>,
    /// Image bytes embedded so far, each image counted at every place it is shown.
    embedded: u64,
    /// Whether the budget has been passed (reported once, at the place that passed it).
    over_budget: bool,
}

impl Images {
    /// Images relative to `paper_dir`, kept inside `project_root`.
    pub fn new(paper_dir: &Path, project_root: &Path) -> Self {
        let root =
            std::fs::canonicalize(project_root).unwrap_or_else(|_| project_root.to_path_buf());
        Images {
            paper_dir: paper_dir.to_path_buf(),
            root,
            cache: HashMap::new(),
            embedded: 0,
            over_budget: false,
        }
    }
}

impl Images {
    /// The paper's folder, which its images and links are read from.
    pub fn paper_dir(&self) -> &Path {
        &self.paper_dir
    }

    /// ` (papers/…)`: the paper's folder relative to the project root, when it is inside.
    fn folder_shown(&self) -> String {
        let dir = std::fs::canonicalize(&self.paper_dir).unwrap_or_else(|_| self.paper_dir.clone());
        match dir.strip_prefix(&self.root) {
            Ok(rel) if !rel.as_os_str().is_empty() => format!(" ({})", rel.display()),
            _ => String::new(),
        }
    }
}

/// `image/png` or `image/jpeg` from the file's first bytes; `Err` names what it looks like.
pub(crate) fn sniff(bytes: &[u8]) -> Result<&'static str, &'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Ok("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok("image/jpeg")
    } else if bytes.starts_with(b"GIF8") {
        Err("a GIF")
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Err("a WebP image")
    } else if bytes.starts_with(b"%PDF") {
        Err("a PDF")
    } else if String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).contains("<svg") {
        Err("an SVG drawing")
    } else {
        Err("neither a PNG nor a JPEG")
    }
}

/// Does `src` name a place on the network (`https:`, `data:`, `//host/…`)?
fn is_url(src: &str) -> bool {
    if src.starts_with("//") || src.starts_with("\\\\") {
        return true;
    }
    let Some(colon) = src.find(':') else {
        return false;
    };
    let scheme = &src[..colon];
    // `C:` is a Windows drive, not a scheme.
    scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn is_absolute(src: &str) -> bool {
    let b = src.as_bytes();
    src.starts_with('/')
        || src.starts_with('\\')
        || (b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':')
        || Path::new(src).is_absolute()
}

/// Decodes `%20`-style escapes (a `%` without two hex digits stays as written); `None`
/// when there are none or they are not valid UTF-8.
pub(super) fn percent_decode(src: &str) -> Option<String> {
    if !src.contains('%') {
        return None;
    }
    percent_encoding::percent_decode_str(src)
        .decode_utf8()
        .ok()
        .map(|decoded| decoded.into_owned())
}

impl Ctx<'_> {
    /// Checks and reads the image `src` written at `loc`; `None` (after an error) when it
    /// cannot be used.
    pub(crate) fn load_image(&mut self, src: &str, alt: &str, loc: &Loc) -> Option<Image> {
        let written = src.trim();
        if alt.is_empty() {
            self.warn(
                "image-alt",
                loc,
                "this image has no alternative text, so readers who cannot see it miss what it shows",
                Some(format!("describe the image between the brackets: `![A chart of …]({written})`")),
            );
        }
        let limit = self.limits.image_bytes;
        let budget = self.limits.embedded_image_bytes;
        let images = &mut self.images;
        let found = images
            .resolve(written)
            .and_then(|path| images.read(path, written, limit))
            .and_then(|found| images.count(found, written, budget));
        match found {
            Ok(None) => None,
            Ok(Some((path, data, mime))) => Some(Image {
                alt: alt.to_string(),
                src: src.to_string(),
                path,
                mime,
                data,
            }),
            Err(p) => {
                self.error(p.code, loc, p.message, Some(p.help));
                None
            }
        }
    }
}

/// Why an image cannot be used: a diagnostic code, a message and a way out.
#[derive(Debug, Clone)]
struct ImageProblem {
    code: &'static str,
    message: String,
    help: String,
}

/// The problem of an image `written` outside the project.
fn outside(written: &str) -> ImageProblem {
    problem(
        "image-outside-project",
        format!(
            "the image `{written}` is outside the project, so the paper would not build elsewhere"
        ),
        "copy the image into the project, next to the paper",
    )
}

fn problem(code: &'static str, message: String, help: impl Into<String>) -> ImageProblem {
    ImageProblem {
        code,
        message,
        help: help.into(),
    }
}

/// The path `written` (relative to `dir`) as it is on disk when it differs only in its
/// capitals (`images/Chart.PNG` for `images/chart.png`), each part matched in its folder.
fn same_but_case(dir: &Path, written: &str) -> Option<String> {
    let mut at = dir.to_path_buf();
    let mut found = Vec::new();
    for part in written
        .split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != ".")
    {
        let name = if part == ".." {
            part.to_string()
        } else {
            std::fs::read_dir(&at)
                .ok()?
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .find(|n| n.eq_ignore_ascii_case(part))?
        };
        at.push(&name);
        found.push(name);
    }
    let there = found.join("/");
    (there != written && at.exists()).then_some(there)
}

impl Images {
    /// The image's canonical path: a relative file name, inside the project.
    fn resolve(&self, written: &str) -> Result<PathBuf, ImageProblem> {
        if written.is_empty() {
            return Err(problem(
                "image-missing",
                "this image has no file name".into(),
                "write the path of a PNG or JPEG beside the paper: `![Alt text](chart.png)`",
            ));
        }
        if is_url(written) {
            return Err(problem(
                "remote-image",
                format!(
                    "the image `{written}` is not a file in the project; clerk never fetches images"
                ),
                "save the image beside the paper and write its relative path, e.g. `![Alt text](chart.png)`",
            ));
        }
        if is_absolute(written) {
            return Err(problem(
                "image-absolute",
                format!(
                    "the image path `{written}` is absolute, so the paper only builds on this computer"
                ),
                "write the path relative to the paper's folder, e.g. `images/chart.png`",
            ));
        }
        let canonical = |p: &str| std::fs::canonicalize(self.paper_dir.join(p)).ok();
        let path = canonical(written)
            .or_else(|| percent_decode(written).and_then(|d| canonical(&d)))
            .ok_or_else(|| {
                // Not there, but outside the project anyway (`../../../etc/chart.png`): said
                // as such, since copying it into the project is the way out.
                let dir = std::fs::canonicalize(&self.paper_dir)
                    .unwrap_or_else(|_| self.paper_dir.clone());
                let lexical = crate::project::walk::fold(&dir.join(written));
                if !lexical.starts_with(&self.root) {
                    return outside(written);
                }
                let help = match same_but_case(&self.paper_dir, written) {
                    // `img\chart.png`, as Windows writes paths: found with `/`.
                    Some(there) if written.contains('\\') => {
                        let capitals = if there == written.replace('\\', "/") {
                            ""
                        } else {
                            ", and the names with the same capitals"
                        };
                        format!(
                            "the file is `{there}`: write the path with `/` between its folders{capitals} (a backslash is Windows' own, and the paper must build on any computer)"
                        )
                    }
                    Some(there) => format!(
                        "the file is `{there}`: write the name with the same capitals (a file system that ignores them would build this paper and another would not)"
                    ),
                    None => match crate::config::near_file_of(
                        &self.paper_dir,
                        Path::new(written),
                        &["png", "jpg", "jpeg"],
                    ) {
                        Some(near) => crate::config::did_you_mean_file(
                            Path::new(written),
                            &near,
                        ),
                        None => format!(
                            "check the spelling; the path is read from the paper's folder{}",
                            self.folder_shown()
                        ),
                    },
                };
                problem(
                    "image-missing",
                    format!("there is no image `{written}` next to the paper"),
                    help,
                )
            })?;
        if !path.starts_with(&self.root) {
            return Err(outside(written));
        }
        Ok(path)
    }

    /// The image's bytes and MIME type, read and checked once per paper: at most `limit`
    /// bytes, a PNG or JPEG that [`picture::probe`] can draw (the same reader the PDF uses).
    fn read(&mut self, path: PathBuf, written: &str, limit: u64) -> Result<Found, ImageProblem> {
        let read = match self.cache.get(&path) {
            Some(read) => read.clone(),
            None => {
                let read = read_file(&path, written, limit);
                self.cache.insert(path.clone(), read.clone());
                read
            }
        };
        read.map(|(data, mime)| (path, data, mime))
    }

    /// Counts a found image against the paper's budget; `Ok(None)` once it is passed (the
    /// place that passed it is an error, those after it are left out silently).
    fn count(
        &mut self,
        found: Found,
        written: &str,
        budget: u64,
    ) -> Result<Option<Found>, ImageProblem> {
        if self.over_budget {
            return Ok(None);
        }
        self.embedded = self.embedded.saturating_add(found.1.len() as u64);
        if self.embedded <= budget {
            return Ok(Some(found));
        }
        self.over_budget = true;
        Err(problem(
            "image-budget",
            format!(
                "with `{written}` here, this paper's images come to {}, more than the limit of {} (each image counts at every place it is shown)",
                size_in_words(self.embedded),
                size_in_words(budget)
            ),
            "show the image fewer times, save smaller versions, or raise `limits.embedded_image_bytes` in clerk.yaml",
        ))
    }
}

/// Reads and checks one image file (see [`Images::read`]).
fn read_file(path: &Path, written: &str, limit: u64) -> Read {
    let bytes = fsio::read_limited(path, limit).map_err(|e| match e {
        ReadError::TooLarge(_) => {
            let size = std::fs::metadata(path).map_or(0, |m| m.len());
            problem(
                "image-too-large",
                format!(
                    "the image `{written}` is {}, more than the limit of {}",
                    size_in_words(size),
                    size_in_words(limit)
                ),
                "save a smaller version of it (a picture 2000 pixels wide is sharp on any page), or raise `limits.image_bytes` in clerk.yaml",
            )
        }
        e => problem(
            "image-missing",
            format!("the image `{written}` cannot be read ({e})"),
            "point at a PNG or JPEG file",
        ),
    })?;
    let mime = sniff(&bytes).map_err(|what| {
        problem(
            "image-format",
            format!("the image `{written}` is {what}; clerk takes PNG and JPEG only"),
            "save it as PNG (charts, diagrams) or JPEG (photographs)",
        )
    })?;
    picture::probe(&bytes).map_err(|why| {
        let help = if why.contains("pixels") {
            "make it smaller in an image editor (2000 pixels wide is sharp on any page) and save it again"
        } else {
            "open it in an image editor and save it again as PNG (charts, diagrams) or JPEG (photographs)"
        };
        problem(
            "image-unreadable",
            format!("the image `{written}` cannot be drawn: {why}"),
            help,
        )
    })?;
    Ok((Arc::new(bytes), mime))
}

#[cfg(test)]
mod tests {
    use super::percent_decode;

    #[test]
    fn escapes_in_an_image_path_are_decoded_and_a_stray_percent_is_kept() {
        assert_eq!(
            percent_decode("my%20chart.png").as_deref(),
            Some("my chart.png")
        );
        assert_eq!(percent_decode("caf%C3%A9.png").as_deref(), Some("café.png"));
        assert_eq!(percent_decode("100%.png").as_deref(), Some("100%.png"));
        assert_eq!(percent_decode("a%2g.png").as_deref(), Some("a%2g.png"));
        assert_eq!(percent_decode("chart.png"), None);
        assert_eq!(percent_decode("%ff.png"), None);
    }
}

//! Reading a paper's files: the `.md`, its front matter or sidecar `.yaml`, split into
//! metadata text and Markdown body with the offsets needed to point at lines.

use std::path::{Path, PathBuf};

use super::encoding;
use crate::diag::{Diagnostic, Sources};
use crate::fsio::{self, ReadError};
use crate::project::PaperSource;

/// A paper's text split into metadata and body.
#[derive(Debug, Clone)]
pub struct SplitPaper {
    /// The `.md` file's text (CRLF turned into LF, BOM removed).
    pub md_text: String,
    /// Where the metadata lives: the `.md` itself or a sidecar.
    pub meta_file: PathBuf,
    /// The YAML to parse, laid out so that its byte offsets are those of `meta_file`'s text.
    pub yaml: String,
    /// Byte offset of the Markdown body in `md_text`.
    pub body_offset: usize,
}

/// Reads a file of at most `max_bytes` as UTF-8 text, accepting a BOM and CRLF or lone-CR
/// (old Mac) line endings: both become LF, so YAML, Markdown and the line numbers in
/// diagnostics all count lines as the author's editor does. The text goes in `sources` as
/// `display`; for a file that is not UTF-8, the text as best it reads, so that the error
/// points at the line and column of the first wrong character.
pub fn read_text(
    path: &Path,
    display: &Path,
    max_bytes: u64,
    sources: &mut Sources,
) -> Result<String, Diagnostic> {
    let bytes = fsio::read_limited(path, max_bytes).map_err(|e| match e {
        ReadError::TooLarge(_) => {
            // A regular file's size is its own (special files are refused before this).
            let size = std::fs::metadata(path).map_or(0, |m| m.len());
            Diagnostic::file_error(
                "paper-too-large",
                display,
                format!(
                    "this file is {}, more than the limit of {}",
                    crate::diag::size_in_words(size),
                    crate::diag::size_in_words(max_bytes)
                ),
            )
            .with_help("split the paper, or raise `limits.paper_bytes` in clerk.yaml")
        }
        e => Diagnostic::file_error(
            "unreadable",
            display,
            format!("cannot read this file ({e})"),
        )
        .with_help("check that the file exists, is a file, and that you may read it"),
    })?;
    if let Some(d) = encoding::binary_file(&bytes, display) {
        return Err(d);
    }
    if let Some((d, shown)) = encoding::utf16_unmarked(&bytes, display) {
        sources.add(display, shown);
        return Err(d);
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            let text = encoding::normalise(&text);
            sources.add(display, text.as_str());
            Ok(text)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let (d, shown) = encoding::not_utf8(e.as_bytes(), valid, display);
            sources.add(display, shown);
            Err(d)
        }
    }
}

impl PaperSource {
    /// The sidecar metadata file `NAME.yaml` beside `NAME.md`.
    pub fn sidecar(&self) -> PathBuf {
        self.path.with_extension("yaml")
    }

    /// Reads the paper and splits metadata from body. A paper needs exactly one of front
    /// matter or a sidecar. The texts read go in `sources`, for the diagnostics.
    pub fn read(&self, max_bytes: u64, sources: &mut Sources) -> Result<SplitPaper, Diagnostic> {
        let md_text = read_text(&self.path, &self.display, max_bytes, sources)?;
        let sidecar = self.sidecar();
        let sidecar_display = self.display.with_extension("yaml");
        let front = front_matter(&md_text, &self.display)?;
        match (front, sidecar.is_file()) {
            (Some(_), true) => Err(Diagnostic::at(
                "both-metadata",
                &self.display,
                0..3,
                format!(
                    "this paper has front matter and also a sidecar `{}`",
                    sidecar_display.display()
                ),
            )
            .with_help(
                "keep the metadata in one place: delete the front matter or the sidecar file",
            )),
            (Some((yaml, body_offset)), false) => Ok(SplitPaper {
                meta_file: self.display.clone(),
                yaml,
                md_text,
                body_offset,
            }),
            (None, true) => {
                let yaml = read_text(&sidecar, &sidecar_display, max_bytes, sources)?;
                Ok(SplitPaper {
                    meta_file: sidecar_display,
                    yaml,
                    md_text,
                    body_offset: 0,
                })
            }
            (None, false) if md_text.trim().is_empty() => Err(Diagnostic::file_error(
                "no-metadata",
                &self.display,
                "this file is empty",
            )
            .with_help("write the paper in it: `clerk new` starts one with its metadata and sections, or copy a paper you have")),
            // Front matter that does not start on the first line (a blank line or spaces
            // before it) is said so: it looks right in an editor.
            (None, false) if md_text.trim_start().starts_with("---") => {
                let at = md_text.len() - md_text.trim_start().len();
                Err(Diagnostic::at(
                    "no-metadata",
                    &self.display,
                    at..at + 3,
                    "the metadata's `---` line is not the file's first line, so it is read as text",
                )
                .with_help("remove the blank lines or spaces before the first `---`"))
            }
            // Metadata written without its `---` lines: said at its first line.
            (None, false) if starts_like_metadata(&md_text) => {
                let first = md_text.lines().next().unwrap_or("");
                Err(Diagnostic::at(
                    "no-metadata",
                    &self.display,
                    0..first.trim_end().len().max(1),
                    "this looks like the paper's metadata, but it has no `---` line above it, so it is read as text",
                )
                .with_help(if md_text.lines().any(|l| l.trim_end() == "---") {
                    "add a line of three dashes, `---`, above it, as the file's first line (the one below the metadata is there)"
                } else {
                    "add a line of three dashes, `---`, above the metadata and another below it"
                }))
            }
            // A sidecar named `.yml` is not read: said so, rather than that there is none.
            (None, false) if self.path.with_extension("yml").is_file() => {
                Err(Diagnostic::file_error(
                    "no-metadata",
                    &self.display,
                    format!(
                        "this paper's metadata is not read: `{}` is not its sidecar's name",
                        self.display.with_extension("yml").display()
                    ),
                )
                .with_help(format!(
                    "rename the file `{}` (a sidecar ends in `.yaml`)",
                    sidecar_display.display()
                )))
            }
            (None, false) => Err(Diagnostic::file_error(
                "no-metadata",
                &self.display,
                "this paper has no metadata (meeting, date, title, …)",
            )
            .with_help(format!(
                "start the file with a `---` line, the YAML metadata, and another `---` line; \
                 or put the metadata in `{}`",
                sidecar_display.display()
            ))),
        }
    }
}

/// Does `text` open with a `key: value` line of a paper's metadata (`meeting: …`)?
fn starts_like_metadata(text: &str) -> bool {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    first.split_once(':').is_some_and(|(key, _)| {
        let key = key.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        crate::schema::Key::ALL.iter().any(|k| k.name() == key)
    })
}

/// Finds YAML front matter: `---` on the first line, closed by `---` or `...`. Returns the
/// YAML (the opening line blanked into a comment so lines and columns match the file) and
/// the body's byte offset.
fn front_matter(text: &str, display: &Path) -> Result<Option<(String, usize)>, Diagnostic> {
    let first_line = text.lines().next().unwrap_or("");
    if first_line.trim_end() != "---" {
        let after = text.get(first_line.len() + 1..).unwrap_or("");
        if dash_line(first_line) && starts_like_metadata(after) {
            return Err(Diagnostic::at(
                "no-metadata",
                display,
                0..first_line.trim_end().len(),
                format!(
                    "the metadata's first line is `{}`, not three hyphens `---`, so the metadata is read as text",
                    first_line.trim()
                ),
            )
            .with_help(dash_help(first_line)));
        }
        return Ok(None);
    }
    let mut offset = first_line.len() + 1;
    // A line of other dashes before the body's first heading: where the closing `---` was
    // meant to be.
    let mut meant: Option<(usize, &str)> = None;
    while offset <= text.len() {
        let rest = &text[offset..];
        let line = rest.lines().next().unwrap_or("");
        if line.starts_with('#') && !line.starts_with("#-") {
            meant.get_or_insert((usize::MAX, ""));
        } else if dash_line(line) {
            meant.get_or_insert((offset, line));
        }
        if matches!(line.trim_end(), "---" | "...") {
            let blank = format!("#{}", "-".repeat(first_line.len().saturating_sub(1)));
            let yaml = format!("{blank}{}", &text[first_line.len()..offset]);
            let body_offset = (offset + line.len() + 1).min(text.len());
            return Ok(Some((yaml, body_offset)));
        }
        if rest.is_empty() {
            break;
        }
        offset += line.len() + 1;
    }
    if let Some((at, line)) = meant.filter(|(at, _)| *at != usize::MAX) {
        return Err(Diagnostic::at(
            "unclosed-front-matter",
            display,
            at..at + line.trim_end().len(),
            format!(
                "the metadata is never closed: this line, `{}`, stands where the `---` that closes it belongs",
                line.trim()
            ),
        )
        .with_help(dash_help(line)));
    }
    Err(Diagnostic::at(
        "unclosed-front-matter",
        display,
        0..3,
        "the front matter starts here but is never closed",
    )
    .with_help("add a line with just `---` after the metadata, before the body"))
}

/// A line that stands where a `---` line belongs but is other dashes: `----`, `--`, or a
/// long dash (`—`, `–`) that Word or Outlook made of three hyphens.
fn dash_line(line: &str) -> bool {
    let t = line.trim();
    t != "---"
        && t.contains(['-', '–', '—', '―'])
        && t.chars().all(|c| matches!(c, '-' | '–' | '—' | '―' | ' '))
}

/// The way out of a [`dash_line`].
fn dash_help(line: &str) -> &'static str {
    if line.contains(['–', '—', '―']) {
        "a long dash stands where three hyphens belong (Word and Outlook turn `---` into one): type three hyphens, `---`, on this line"
    } else {
        "write exactly three hyphens, `---`"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_keeps_line_numbers() {
        let text = "---\ntitle: x\n---\n# Purpose\n";
        let (yaml, body) = front_matter(text, Path::new("p.md")).unwrap().unwrap();
        assert_eq!(yaml, "#--\ntitle: x\n");
        assert_eq!(&text[body..], "# Purpose\n");
    }

    /// A `---` line written as other dashes (`----`, or a long dash that Word or Outlook
    /// made of three hyphens) is said at that line, not as metadata that is missing or
    /// never closed.
    #[test]
    fn a_dash_line_that_is_not_three_hyphens_is_said_where_it_is() {
        let p = Path::new("p.md");
        let e = front_matter("----\ntitle: x\n---\n# Purpose\n", p).unwrap_err();
        assert_eq!((e.code, e.span.clone()), ("no-metadata", Some(0..4)));
        assert!(e.message.contains("`----`"), "{}", e.message);
        assert_eq!(
            e.help.as_deref(),
            Some("write exactly three hyphens, `---`")
        );
        let e = front_matter("—\ntitle: x\n—\n# Purpose\n", p).unwrap_err();
        assert_eq!(e.span, Some(0..3));
        assert!(e.help.as_deref().unwrap().contains("long dash"), "{e:?}");
        let text = "---\ntitle: x\n—\n# Purpose\n\nText.\n";
        let e = front_matter(text, p).unwrap_err();
        assert_eq!(e.code, "unclosed-front-matter");
        assert_eq!(e.span, Some(13..16), "the `—` line");
        assert!(e.help.as_deref().unwrap().contains("long dash"), "{e:?}");
        // A rule at the top of a body whose metadata is in a sidecar is no metadata.
        assert_eq!(front_matter("----\n\n# Purpose\n", p).unwrap(), None);
    }

    /// An empty file (or one of blank lines) is said to be empty, with how to start it, not
    /// to have no metadata.
    #[test]
    fn an_empty_file_is_said_to_be_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "\n \n").unwrap();
        let source = crate::project::PaperSource {
            display: "papers/a.md".into(),
            rel: "a.md".into(),
            path,
        };
        let e = source
            .read(1 << 20, &mut crate::diag::Sources::default())
            .unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            ("no-metadata", "this file is empty")
        );
        assert!(e.help.as_deref().unwrap().contains("clerk new"), "{e:?}");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let e = front_matter("---\ntitle: x\n# Purpose\n", Path::new("p.md")).unwrap_err();
        assert_eq!(e.code, "unclosed-front-matter");
        assert_eq!(e.span, Some(0..3));
    }

    #[test]
    fn no_front_matter() {
        assert!(
            front_matter("# Purpose\n", Path::new("p.md"))
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn front_matter_closed_at_end_of_file() {
        let (_, body) = front_matter("---\ntitle: x\n---", Path::new("p.md"))
            .unwrap()
            .unwrap();
        assert_eq!(body, 16);
    }
}

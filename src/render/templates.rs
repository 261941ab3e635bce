//! The templates and assets pages are built from: the embedded defaults, each replaced by
//! a file of the same name in the project's `templates/` folder, parsed once into a Tera
//! instance shared read-only by every render.

use std::path::{Path, PathBuf};

use tera::{Context, ErrorKind, Tera};

use crate::diag::{self, Diagnostic, Sources};

/// Name of the paper template.
pub(crate) const PAPER: &str = "paper.html";
/// Name of the index template.
pub(crate) const INDEX: &str = "index.html";
/// Name of the meeting page template.
pub(crate) const MEETING: &str = "meeting.html";
/// Name of the stylesheet inlined into every page.
pub(crate) const STYLE: &str = "style.css";

/// The folder, under the project root, whose files replace the embedded defaults.
pub const TEMPLATES_DIR: &str = "templates";

/// The default templates (and stylesheet), by file name, as `clerk init --templates` writes them.
pub const DEFAULT_TEMPLATES: [(&str, &str); 4] = [
    (PAPER, EMBEDDED[0].1),
    (INDEX, EMBEDDED[1].1),
    (MEETING, EMBEDDED[2].1),
    (STYLE, EMBEDDED_CSS),
];

const EMBEDDED: [(&str, &str); 3] = [
    (PAPER, include_str!("../../templates/paper.html")),
    (INDEX, include_str!("../../templates/index.html")),
    (MEETING, include_str!("../../templates/meeting.html")),
];

const EMBEDDED_CSS: &str = include_str!("../../assets/style.css");

/// A template's source and where it came from, kept to locate errors.
#[derive(Debug)]
struct Source {
    name: &'static str,
    /// `templates/paper.html` for a project file, `<built-in>/paper.html` otherwise.
    /// Only a project file's path starts with [`TEMPLATES_DIR`].
    file: PathBuf,
    text: String,
}

/// The parsed templates.
pub(crate) struct Templates {
    tera: Tera,
    sources: Vec<Source>,
    /// The same texts, for the diagnostics of a failed render.
    texts: Sources,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let files: Vec<_> = self.sources.iter().map(|s| &s.file).collect();
        f.debug_struct("Templates").field("files", &files).finish()
    }
}

impl Templates {
    /// Loads and parses every template, the project's `templates/` file where there is one,
    /// else the built-in one; every template that fails is reported, naming its file. The
    /// templates' texts go in `texts`, for the diagnostics.
    pub(crate) fn load(
        project_root: &Path,
        texts: &mut Sources,
    ) -> Result<Templates, Vec<Diagnostic>> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        let mut sources = Vec::new();
        let mut own = Sources::default();
        let mut diags = Vec::new();
        for (name, embedded) in EMBEDDED {
            let source = match read_override(project_root, name) {
                Ok(Some((file, text))) => Source { name, file, text },
                Ok(None) => Source {
                    name,
                    file: built_in(name),
                    text: embedded.to_string(),
                },
                Err(d) => {
                    diags.push(d);
                    continue;
                }
            };
            own.add(&source.file, source.text.as_str());
            // One at a time, so that an error is pinned on the file that caused it.
            match tera.add_raw_template(name, &source.text) {
                Ok(()) => sources.push(source),
                Err(e) => diags.push(tera_diagnostic(
                    &e,
                    &source,
                    format!("cannot parse the template `{}`", source.file.display()),
                )),
            }
        }
        texts.extend(&own);
        if diags.is_empty() {
            Ok(Templates {
                tera,
                sources,
                texts: own,
            })
        } else {
            Err(diags)
        }
    }

    /// The templates' texts, for the diagnostics of [`Templates::render`].
    pub(crate) fn texts(&self) -> &Sources {
        &self.texts
    }

    /// Renders template `name` with `view`; `what` names the page for the message.
    pub(crate) fn render(
        &self,
        name: &str,
        view: &impl serde::Serialize,
        what: &str,
    ) -> Result<String, Diagnostic> {
        let source = self
            .sources
            .iter()
            .find(|s| s.name == name)
            .expect("every template name used is one of EMBEDDED");
        let context = Context::from_serialize(view).map_err(|e| {
            Diagnostic::file_error(
                "template",
                &source.file,
                format!(
                    "cannot prepare {what} for `{}` ({e})",
                    source.file.display()
                ),
            )
        })?;
        self.tera.render(name, &context).map_err(|e| {
            tera_diagnostic(
                &e,
                source,
                format!("the template `{}` failed on {what}", source.file.display()),
            )
        })
    }
}

fn built_in(name: &str) -> PathBuf {
    PathBuf::from(format!("<built-in>/{name}"))
}

/// The project's own `templates/<name>`, if there is one.
fn read_override(root: &Path, name: &str) -> Result<Option<(PathBuf, String)>, Diagnostic> {
    let rel = Path::new(TEMPLATES_DIR).join(name);
    // A template is a page of HTML; a megabyte is far more than any needs.
    match crate::fsio::read_text_limited(&root.join(&rel), 1 << 20) {
        Ok(Some(text)) => Ok(Some((rel, text))),
        Err(crate::fsio::ReadError::NotFound) => Ok(None),
        Ok(None) => Err(Diagnostic::file_error(
            "template",
            &rel,
            format!("`{}` is not UTF-8 text", rel.display()),
        )),
        Err(e) => Err(Diagnostic::file_error(
            "template",
            &rel,
            format!("cannot read `{}` ({e})", rel.display()),
        )),
    }
}

/// Turns a Tera error into a diagnostic on the template's file, at the line and column
/// Tera points to when it gives one.
fn tera_diagnostic(err: &tera::Error, source: &Source, context: String) -> Diagnostic {
    let mut cause = match err.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            report.message().to_string()
        }
        other => other.to_string(),
    };
    let mut next = std::error::Error::source(err);
    while let Some(e) = next {
        cause.push_str(&format!(": {e}"));
        next = e.source();
    }
    let mut d = Diagnostic::file_error("template", &source.file, format!("{context} ({cause})"));
    if let ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) = err.kind() {
        // Only when the error is in this template's own text (not an included one).
        if report.filename() == source.name || report.filename().is_empty() {
            let span = report.span();
            let width = if span.end_line == span.start_line {
                span.end_col.saturating_sub(span.start_col).max(1)
            } else {
                1
            };
            // Tera's lines are 1-based, its columns 0-based (in characters).
            let (line, column) = (span.start_line, span.start_col + 1);
            if let (Some(start), Some(end)) = (
                diag::offset_of(&source.text, line, column),
                diag::offset_of(&source.text, line, column + width),
            ) {
                d.span = Some(start..end.max(start + 1));
            }
        }
    }
    if source.file.starts_with(TEMPLATES_DIR) {
        d.with_help(format!(
            "fix the template, or delete `{}` to use the built-in one",
            source.file.display()
        ))
    } else {
        d.with_help("the built-in template failed: this is a bug in clerk, please report it")
    }
}

/// The stylesheet: the project's `templates/style.css`, else the embedded one.
pub(crate) fn load_css(project_root: &Path) -> Result<String, Diagnostic> {
    Ok(read_override(project_root, STYLE)?.map_or_else(|| EMBEDDED_CSS.to_string(), |(_, t)| t))
}

//! The house's PDF page style: paper size, margins, type size and font files, the running
//! footer and whom the metadata names as author.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// The PDF page style: paper, margins, type and running footer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PdfStyle {
    /// Paper size.
    pub page_size: PageSize,
    /// Margins in millimetres.
    pub margins_mm: Margins,
    /// Body text size in points.
    pub font_size: f32,
    /// TTF files (relative to the project root) that replace the embedded Noto Sans faces.
    pub fonts: FontFiles,
    /// The footer's identity of the paper: the first line whose `{fields}` the paper all
    /// fills wins, the last whatever it leaves empty (fields: see `footer::fields`).
    pub footer: Vec<String>,
    /// Who the PDF names as its author.
    pub author: AuthorChoice,
    /// Justify paragraphs (ragged right when false).
    pub justify: bool,
    /// Set the paper's title as its heading (`H1`) above the header table; when false the
    /// sections are the top-level headings.
    pub title: bool,
}

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageSize {
    /// 210 × 297 mm.
    A4,
    /// 8.5 × 11 in.
    Letter,
}

impl PageSize {
    /// Width and height in points.
    pub fn points(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (595.276, 841.89),
            PageSize::Letter => (612.0, 792.0),
        }
    }
}

/// Page margins in millimetres.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Margins {
    /// Top.
    pub top: f32,
    /// Right.
    pub right: f32,
    /// Bottom.
    pub bottom: f32,
    /// Left.
    pub left: f32,
}

/// Optional font files replacing the embedded faces (TrueType outlines).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FontFiles {
    /// Upright text.
    pub regular: Option<PathBuf>,
    /// Bold text and headings.
    pub bold: Option<PathBuf>,
    /// Emphasis.
    pub italic: Option<PathBuf>,
    /// Bold emphasis.
    pub bold_italic: Option<PathBuf>,
    /// Code.
    pub mono: Option<PathBuf>,
    /// Fonts tried, in order, for a character none of the five faces has (CJK, emoji…).
    #[serde(default)]
    pub fallback: Vec<PathBuf>,
}

/// Whom the PDF metadata names as author.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthorChoice {
    /// The paper's `presented_by`.
    Presenter,
    /// The house organisation's name.
    Organisation,
}

impl super::HouseStyle {
    /// A warning when the house names some of its four text faces (`regular`, `bold`,
    /// `italic`, `bold_italic`) but not all: the others are Noto Sans, so its papers would
    /// mix two typefaces, a bold heading in one beside text in the other. At `pdf.fonts`.
    pub fn mixed_fonts(&self) -> Option<crate::diag::Diagnostic> {
        let f = &self.pdf.fonts;
        let faces = [
            ("regular", &f.regular),
            ("bold", &f.bold),
            ("italic", &f.italic),
            ("bold_italic", &f.bold_italic),
        ];
        let (named, left): (Vec<_>, Vec<_>) = faces.iter().partition(|(_, file)| file.is_some());
        if named.is_empty() || left.is_empty() {
            return None;
        }
        let keys = |faces: &[&(&str, &Option<PathBuf>)], and: &str| {
            let keys: Vec<String> = faces.iter().map(|(k, _)| format!("`{k}`")).collect();
            match keys.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
                None => String::new(),
            }
        };
        let (named, left, either) = (keys(&named, "and"), keys(&left, "or"), keys(&left, "and"));
        let first = faces.iter().find_map(|(_, file)| file.as_ref())?;
        Some(
            self.error_at(
                "mixed-fonts",
                &["pdf", "fonts"],
                format!(
                    "`pdf.fonts` names {named} but not {left}, so the PDFs set those in Noto Sans beside `{}`",
                    first.display()
                ),
            )
            .with_help(format!(
                "name the house's files for {either} too, or remove {named} to set every paper in Noto Sans"
            ))
            .warning(),
        )
    }
}

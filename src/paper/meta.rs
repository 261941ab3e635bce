//! The checked metadata of a paper, read key by key from the spanned YAML tree.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// A paper's metadata after every check has passed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PaperMeta {
    /// Committee name.
    pub meeting: String,
    /// Meeting date.
    #[serde(serialize_with = "ser_date", deserialize_with = "de_date")]
    pub date: jiff::civil::Date,
    /// The date in the house format, e.g. `1 September 2021`.
    pub date_display: String,
    /// Title of Paper.
    pub title: String,
    /// Name, role.
    pub presented_by: String,
    /// Recommendation to Members, e.g. `For Discussion`.
    pub recommendation: String,
    /// The closing RECOMMENDATIONS section, Markdown.
    pub recommendations: MetaText,
    /// Where the meeting is held.
    pub location: Option<String>,
    /// Agenda item, e.g. `4.2`.
    pub agenda_item: Option<String>,
    /// Protective marking, in capitals.
    pub classification: Option<String>,
    /// Draft or final; `None` when not given (build treats it as final, serve as draft).
    pub status: Option<Status>,
    /// Appendices in order.
    pub appendices: Vec<AppendixMeta>,
    /// Implications the paper fills in: house key → Markdown.
    pub implications: Vec<(String, MetaText)>,
    /// BCP 47 language tag.
    pub language: String,
    /// Keywords for the HTML and PDF metadata.
    pub keywords: Vec<String>,
    /// The house's own keys (`extra_fields`), in house order, with their text.
    pub extra: Vec<(String, String)>,
}

fn ser_date<S: serde::Serializer>(d: &jiff::civil::Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.to_string())
}

fn de_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<jiff::civil::Date, D::Error> {
    let text = String::deserialize(d)?;
    text.parse().map_err(serde::de::Error::custom)
}

/// Markdown held in a metadata value, with the line where the value starts in its file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MetaText {
    /// The Markdown.
    pub text: String,
    /// 1-based line of the value in the metadata file (for diagnostics).
    pub line: usize,
    /// Byte offset of the start of that line in the metadata file's text (diagnostics in
    /// the value point there).
    #[serde(skip)]
    pub line_start: usize,
    /// Where the Markdown's bytes stand in the metadata file, piece by piece (empty when
    /// not known: diagnostics then point at `line_start`).
    #[serde(skip)]
    pub spans: Vec<MetaSpan>,
}

/// A run of a metadata value's Markdown that stands in its file as written: bytes
/// `value..value + len` of the Markdown are bytes `file..file + len` of the file, on 1-based
/// `line`. A byte past the run (`len` 0: a quoted value, whose escapes change the
/// bytes) is placed at the run's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MetaSpan {
    /// Byte offset in the Markdown.
    pub value: usize,
    /// Byte offset in the file's text.
    pub file: usize,
    /// Bytes the run covers.
    pub len: usize,
    /// The file's 1-based line the run is on.
    pub line: usize,
}

/// Whether a paper is a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Marked DRAFT on every page.
    Draft,
    /// Ready to publish.
    Final,
}

impl Status {
    /// The value as written in the metadata: `draft` or `final`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Final => "final",
        }
    }

    /// As the header table shows it: `Draft` or `Final`.
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::Final => "Final",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// An appendix as the metadata lists it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AppendixMeta {
    /// Title.
    pub title: String,
    /// A PDF or Markdown file beside the paper (read when the paper is compiled).
    pub file: Option<PathBuf>,
    /// Where the `file:` value stands in the metadata, so a problem reading the file
    /// is reported there.
    #[serde(skip)]
    pub file_pos: crate::yaml::Pos,
}

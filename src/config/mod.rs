//! The house style: `clerk.yaml` at the project root laid over the embedded SPA default.

mod case;
mod dates;
mod footer;
mod language;
mod pdf;
mod place;
pub use place::{did_you_mean_file, near_file, near_file_of};
mod validate;
mod words;

pub use case::{title_case, upper};
pub use footer::{Filled, fields as footer_fields, fill as fill_footer};
pub(crate) use language::{language_help, other_language, valid_language};
pub use pdf::{AuthorChoice, FontFiles, Margins, PageSize, PdfStyle};
pub use words::Words;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diag::{Diagnostic, Sources};
use crate::fsio::{self, ReadError};
use crate::yaml;

/// The embedded default house style (SPA), commented; `clerk init` writes it out.
pub const DEFAULT_HOUSE_YAML: &str = include_str!("../../assets/clerk.yaml");

/// The same as JSON, written by `build.rs` at build time: read at every start, as JSON it
/// costs ~5 µs, as YAML ~0.3 ms of a one-paper build's ~9 ms.
const DEFAULT_HOUSE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/clerk.json"));

/// Where a footer line stands in clerk.yaml, when known.
type FooterAt = Option<std::ops::Range<usize>>;

/// The file name of a project's house style.
pub const HOUSE_FILE: &str = "clerk.yaml";

/// The largest `clerk.yaml` read: a house style is a page or two of settings.
const HOUSE_FILE_BYTES: u64 = 1 << 20;

/// A house style: everything the templates and checks take from the house, never from code.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseStyle {
    /// The organisation that owns the papers.
    pub organisation: Organisation,
    /// Default language of papers (BCP 47).
    pub language: String,
    /// Folder of papers, relative to the project root.
    pub papers_dir: PathBuf,
    /// Folder of outputs, relative to the project root.
    pub output_dir: PathBuf,
    /// How headings are cased.
    pub heading_case: HeadingCase,
    /// strftime format of displayed dates.
    pub date_format: String,
    /// Body section names that take no number.
    pub unnumbered_sections: Vec<String>,
    /// Heading of the closing recommendations section.
    pub recommendations_heading: String,
    /// Metadata keys the house adds to the standard ones.
    pub extra_fields: Vec<ExtraField>,
    /// Rows of the header table.
    pub header_rows: Vec<HeaderRowStyle>,
    /// The implications, in order.
    pub implications: Vec<ImplicationStyle>,
    /// The usual recommendations to members (others give a warning).
    pub recommendation_vocabulary: Vec<String>,
    /// Allowed protective markings.
    pub classifications: Vec<String>,
    /// Safety limits on papers.
    pub limits: Limits,
    /// How the archival PDF is set.
    pub pdf: PdfStyle,
    /// Folder of meeting files (`*.yaml`), relative to the project root.
    pub meetings_dir: PathBuf,
    /// Heading of the agenda's private part, e.g. `Items to be taken in private`.
    pub private_heading: String,
    /// Protective marking of papers taken in private.
    pub private_classification: String,
    /// IANA time zone of meeting times, e.g. `Europe/London`.
    pub time_zone: String,
    /// How long a meeting lasts when its file gives no `end`, e.g. `2h` or `1h 30m`: where
    /// the calendar ends a meeting that has a start time.
    pub meeting_length: String,
    /// strftime format of a meeting's date with its weekday, e.g. `Tuesday 19 May 2026`.
    pub weekday_date_format: String,
    /// strftime format of a meeting's time, e.g. `14:30` or `2.30 pm`.
    pub time_format: String,
    /// Where `out/` is published (`https://…/`), for links in the calendar; `None` for none.
    pub base_url: Option<String>,
    /// clerk's own words on the page (page number, appendix row), as the house words them.
    pub words: Words,
    /// The project's `clerk.yaml` as written, for diagnostics that point into it; `None`
    /// for the default.
    #[serde(skip)]
    pub text: Option<std::sync::Arc<str>>,
}

/// Safety limits: past one, a paper is refused with a message naming the limit.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Size of a paper's file in bytes.
    pub paper_bytes: u64,
    /// Values in the metadata, aliases expanded.
    pub metadata_values: usize,
    /// Nesting depth of the metadata.
    pub metadata_depth: usize,
    /// Nesting depth of lists, quotes and emphasis in the body.
    pub nesting_depth: usize,
    /// Columns of one table.
    pub table_columns: usize,
    /// Size of one image file in bytes.
    pub image_bytes: u64,
    /// Size of one PDF appendix file in bytes.
    pub appendix_bytes: u64,
    /// Image bytes one paper may embed, each image counted at every place it is shown.
    pub embedded_image_bytes: u64,
}

/// The organisation's name and logo.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Shown at the top of each paper.
    pub name: String,
    /// A PNG or JPEG relative to the project root.
    #[serde(default)]
    pub logo: Option<PathBuf>,
}

/// How headings are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HeadingCase {
    /// `FURTHER DETAIL ON THE REPORT`
    Upper,
    /// `Further Detail On The Report`
    Title,
    /// As the author wrote it.
    AsWritten,
}

/// A metadata key the house adds (plain text).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraField {
    /// The key, e.g. `wards_affected`.
    pub key: String,
    /// Must every paper have it?
    #[serde(default)]
    pub required: bool,
}

/// A header table row: label and the metadata key that fills it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderRowStyle {
    /// Row header, e.g. `Title of Paper`.
    pub label: String,
    /// Metadata key, e.g. `title`; `appendices` is derived.
    pub key: String,
}

/// One implication: key, heading and the default sentence.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImplicationStyle {
    /// Key in a paper's `implications` map.
    pub key: String,
    /// Heading as written (cased by `heading_case`).
    pub heading: String,
    /// Sentence shown when the paper leaves the implication out.
    pub default: String,
}

/// Markings refused whatever the house says: too high for committee papers, or retired.
pub const REFUSED_CLASSIFICATIONS: &[&str] = &[
    "SECRET",
    "TOP SECRET",
    "RESTRICTED",
    "PROTECT",
    "NOT PROTECTIVELY MARKED",
];

/// Why clerk refuses `marking` whatever the house says (as a paper's marking or a house's
/// allowed one), after "it": `None` when it does not. Capitals do not matter.
pub fn why_refused(marking: &str) -> Option<&'static str> {
    let upper = marking.trim().to_uppercase();
    if !REFUSED_CLASSIFICATIONS.contains(&upper.as_str()) {
        None
    } else if upper.contains("SECRET") {
        Some("is too high a marking for a committee paper published with clerk")
    } else {
        Some("is a retired marking (the Government Security Classifications replaced it in 2014)")
    }
}

impl Default for HouseStyle {
    /// The embedded default, read straight into the struct from its JSON form: it is
    /// valid (a test reads the YAML through the spanned tree too and compares), so none of
    /// the tree's positions, kept for a project's diagnostics, are needed.
    fn default() -> Self {
        serde_json::from_str::<HouseStyle>(DEFAULT_HOUSE_JSON)
            .expect("the embedded default house style is valid")
    }
}

impl HouseStyle {
    /// Loads `clerk.yaml` from `root` laid over the default; the default when there is none.
    /// Its text is kept in `sources`, for the diagnostics that point into it.
    pub fn load(root: &Path, sources: &mut Sources) -> Result<HouseStyle, Vec<Diagnostic>> {
        let path = root.join(HOUSE_FILE);
        match fsio::read_text_limited(&path, HOUSE_FILE_BYTES) {
            Ok(Some(text)) => {
                let house = HouseStyle::from_yaml(&text, Path::new(HOUSE_FILE));
                sources.add(Path::new(HOUSE_FILE), text);
                house
            }
            Err(ReadError::NotFound) => Ok(HouseStyle::default()),
            Ok(None) => Err(vec![
                Diagnostic::file_error(
                    "unreadable",
                    Path::new(HOUSE_FILE),
                    "the house style is not UTF-8 text",
                )
                .with_help("save clerk.yaml as UTF-8 in your editor"),
            ]),
            Err(e) => Err(vec![Diagnostic::file_error(
                "unreadable",
                Path::new(HOUSE_FILE),
                format!("cannot read the house style ({e})"),
            )]),
        }
    }

    /// Parses a house style; keys it leaves out keep the default's values.
    pub fn from_yaml(text: &str, file: &Path) -> Result<HouseStyle, Vec<Diagnostic>> {
        let default =
            yaml::from_json(DEFAULT_HOUSE_JSON).expect("the embedded default house style is JSON");
        // `own` laid over the default, read and checked.
        // Every problem at once: those of reading, then the checks' of what could be read.
        let laid_over = |default: yaml::Node, own: yaml::Node| {
            let footer_at = footer::positions(&own);
            let own_private = own.get("private_classification").is_some();
            let (mut diags, read) = match yaml::from_overlay::<HouseStyle>(&default, own, file) {
                Ok(house) => (Vec::new(), Some(house)),
                Err((diags, rest)) => (diags, rest),
            };
            let Some(mut house) = read else {
                return Err(diags);
            };
            house.text = Some(text.into());
            if !own_private {
                house.private_classification_from_list();
            }
            if let Err(more) = house.validate(text, file, &footer_at) {
                diags.extend(more);
            }
            if diags.is_empty() {
                Ok(house)
            } else {
                crate::diag::sort(&mut diags);
                Err(diags)
            }
        };
        // Read first without positions, which only a diagnostic needs: a file with a
        // problem is read again, with them (~0.5 ms of a one-paper build saved otherwise).
        if let Some(own) = yaml::from_yaml_plain(text, yaml::YamlLimits::default())
            && let Ok(house) = laid_over(default.clone(), own)
        {
            return Ok(house);
        }
        laid_over(default, yaml::to_node(text, file)?)
    }

    /// A house that lists its own `classifications` without naming its private one marks
    /// private papers with the most protected it lists (the last), when the default
    /// (`OFFICIAL-SENSITIVE`) is not among them: a house of `PUBLIC` and `EXEMPT` marks them
    /// `EXEMPT`, not a marking it does not use. A house of one marking keeps the default:
    /// its one marking is its public papers', and private pages need more.
    fn private_classification_from_list(&mut self) {
        // Not one refused outright: that is said at its place in the list.
        if self.classifications.len() >= 2
            && !self.classifications.contains(&self.private_classification)
            && let Some(last) = self
                .classifications
                .iter()
                .rev()
                .find(|c| why_refused(c).is_none())
        {
            self.private_classification = last.clone();
        }
    }

    /// Applies the house heading case to `text`.
    pub fn case_heading(&self, text: &str) -> String {
        match self.heading_case {
            HeadingCase::Upper => upper(text),
            HeadingCase::AsWritten => text.to_string(),
            HeadingCase::Title => title_case(text, &self.language),
        }
    }

    /// Is `heading` one of the house's unnumbered sections?
    pub fn is_unnumbered(&self, heading: &str) -> bool {
        let h = heading.trim();
        self.unnumbered_sections
            .iter()
            .any(|u| u.trim().eq_ignore_ascii_case(h))
    }

    /// How long a meeting lasts when its file gives no `end`: `meeting_length` read, when it
    /// is a length between a minute and a day (as [`HouseStyle::validate`] checks).
    pub fn meeting_duration(&self) -> Option<jiff::SignedDuration> {
        let length: jiff::SignedDuration = self.meeting_length.trim().parse().ok()?;
        let minute = jiff::SignedDuration::from_mins(1);
        (minute..=jiff::SignedDuration::from_hours(24))
            .contains(&length)
            .then_some(length)
    }
}

#[cfg(test)]
mod tests;

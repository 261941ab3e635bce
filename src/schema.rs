//! The paper metadata schema: every key a paper's metadata may have, with its type, whether
//! it is required and what it holds. The metadata checks (`paper`), the header table
//! (`config`, `document::compile`), `clerk new`'s comments and the README's key table all
//! read it, so a new key is added here once.

/// A key of a paper's metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// `meeting`
    Meeting,
    /// `date`
    Date,
    /// `title`
    Title,
    /// `presented_by`
    PresentedBy,
    /// `recommendation`
    Recommendation,
    /// `recommendations`
    Recommendations,
    /// `location`
    Location,
    /// `agenda_item`
    AgendaItem,
    /// `classification`
    Classification,
    /// `status`
    Status,
    /// `appendices`
    Appendices,
    /// `implications`
    Implications,
    /// `language`
    Language,
    /// `keywords`
    Keywords,
}

/// What a key's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text (a number is taken as written).
    Text,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// Markdown text, usually a `|` block.
    Markdown,
    /// One of a few words.
    Choice,
    /// A BCP 47 language tag.
    Language,
    /// A list of texts.
    List,
    /// A list of `title:` (and `file:`) entries.
    Appendices,
    /// `key: Markdown` lines, one per house implication.
    Implications,
}

impl Kind {
    /// As the README's key table names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Date => "date",
            Kind::Markdown => "Markdown",
            Kind::Choice => "choice",
            Kind::Language => "language tag",
            Kind::List => "list of text",
            Kind::Appendices => "list of appendices",
            Kind::Implications => "implication: Markdown",
        }
    }
}

impl Key {
    /// Every key, in the order the keys are listed to authors.
    pub const ALL: [Key; 14] = [
        Key::Meeting,
        Key::Date,
        Key::Title,
        Key::PresentedBy,
        Key::Recommendation,
        Key::Recommendations,
        Key::Location,
        Key::AgendaItem,
        Key::Classification,
        Key::Status,
        Key::Appendices,
        Key::Implications,
        Key::Language,
        Key::Keywords,
    ];

    /// The keys a header row may name, in the order of the default header table.
    pub const HEADER: [Key; 10] = [
        Key::Meeting,
        Key::Date,
        Key::Location,
        Key::Title,
        Key::PresentedBy,
        Key::Recommendation,
        Key::Appendices,
        Key::AgendaItem,
        Key::Classification,
        Key::Status,
    ];

    /// The key as written in the metadata.
    pub fn name(self) -> &'static str {
        match self {
            Key::Meeting => "meeting",
            Key::Date => "date",
            Key::Title => "title",
            Key::PresentedBy => "presented_by",
            Key::Recommendation => "recommendation",
            Key::Recommendations => "recommendations",
            Key::Location => "location",
            Key::AgendaItem => "agenda_item",
            Key::Classification => "classification",
            Key::Status => "status",
            Key::Appendices => "appendices",
            Key::Implications => "implications",
            Key::Language => "language",
            Key::Keywords => "keywords",
        }
    }

    /// The key named `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.name() == name)
    }

    /// What its value is.
    pub fn kind(self) -> Kind {
        match self {
            Key::Date => Kind::Date,
            Key::Recommendations => Kind::Markdown,
            Key::Classification | Key::Status => Kind::Choice,
            Key::Language => Kind::Language,
            Key::Keywords => Kind::List,
            Key::Appendices => Kind::Appendices,
            Key::Implications => Kind::Implications,
            _ => Kind::Text,
        }
    }

    /// Must every paper have it?
    pub fn required(self) -> bool {
        matches!(
            self,
            Key::Meeting
                | Key::Date
                | Key::Title
                | Key::PresentedBy
                | Key::Recommendation
                | Key::Recommendations
        )
    }

    /// What the value is, as a message names it ("write the {noun} after `key:`").
    pub fn noun(self) -> &'static str {
        match self {
            Key::Meeting => "committee's name",
            Key::Date => "meeting date (YYYY-MM-DD)",
            Key::Title => "title of the paper",
            Key::PresentedBy => "presenter's name and role",
            Key::Recommendation => "recommendation to members (e.g. For Discussion)",
            Key::Recommendations => "recommendations section",
            _ => "value",
        }
    }

    /// What it holds, for the README's key table and `clerk new`'s comments.
    pub fn about(self) -> &'static str {
        match self {
            Key::Meeting => "The committee that meets",
            Key::Date => "The meeting date, YYYY-MM-DD",
            Key::Title => "The title of the paper",
            Key::PresentedBy => "Name, role",
            Key::Recommendation => "Recommendation to Members",
            Key::Recommendations => "The closing RECOMMENDATIONS section (Markdown)",
            Key::Location => "Where the meeting is held",
            Key::AgendaItem => "Orders papers in an agenda pack",
            Key::Classification => "Protective marking",
            Key::Status => "draft (marked DRAFT on every page) or final",
            Key::Appendices => {
                "Each a `title`, optionally with a PDF or Markdown `file` beside the paper"
            }
            Key::Implications => {
                "`key: text` for any of the house's implications; the others show its default sentence"
            }
            Key::Language => "The paper's language, a BCP 47 tag (the house's by default)",
            Key::Keywords => "Keywords, written into the outputs' metadata",
        }
    }
}

/// Words secretariats write for a key, which no edit distance finds (`committee:` for
/// `meeting`), each as written after lower-casing with `_` and `-` read as spaces.
const SYNONYMS: &[(&str, Key)] = &[
    ("committee", Key::Meeting),
    ("committee name", Key::Meeting),
    ("board", Key::Meeting),
    ("meeting name", Key::Meeting),
    ("forum", Key::Meeting),
    ("meeting date", Key::Date),
    ("date of meeting", Key::Date),
    ("when", Key::Date),
    ("subject", Key::Title),
    ("paper title", Key::Title),
    ("heading", Key::Title),
    ("author", Key::PresentedBy),
    ("authors", Key::PresentedBy),
    ("presenter", Key::PresentedBy),
    ("presented", Key::PresentedBy),
    ("lead officer", Key::PresentedBy),
    ("report by", Key::PresentedBy),
    ("report author", Key::PresentedBy),
    ("submitted by", Key::PresentedBy),
    ("officer", Key::PresentedBy),
    ("from", Key::PresentedBy),
    ("recommendation to members", Key::Recommendation),
    ("purpose", Key::Recommendation),
    ("decision required", Key::Recommendation),
    ("recommended", Key::Recommendations),
    ("venue", Key::Location),
    ("place", Key::Location),
    ("where", Key::Location),
    ("item", Key::AgendaItem),
    ("item number", Key::AgendaItem),
    ("agenda number", Key::AgendaItem),
    ("marking", Key::Classification),
    ("protective marking", Key::Classification),
    ("security classification", Key::Classification),
    ("appendix", Key::Appendices),
    ("attachments", Key::Appendices),
    ("lang", Key::Language),
    ("tags", Key::Keywords),
];

/// The key `word` is the secretariat's word for, if the table knows it: `committee` →
/// `meeting`, `Lead officer` → `presented_by`.
pub fn synonym(word: &str) -> Option<Key> {
    let norm = word.trim().to_lowercase().replace(['_', '-'], " ");
    let norm = norm.split_whitespace().collect::<Vec<_>>().join(" ");
    SYNONYMS.iter().find(|(w, _)| *w == norm).map(|(_, k)| *k)
}

/// The README's table of metadata keys, as the schema gives it.
pub fn readme_table() -> String {
    let mut out = String::from("| key | type | required | what it holds |\n|---|---|---|---|\n");
    for k in Key::ALL {
        let required = if k.required() { "yes" } else { "no" };
        out.push_str(&format!(
            "| `{}` | {} | {required} | {} |\n",
            k.name(),
            k.kind().as_str(),
            k.about()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in Key::ALL {
            assert_eq!(Key::from_name(k.name()), Some(k));
        }
        assert_eq!(Key::from_name("Title"), None);
        assert!(Key::HEADER.iter().all(|k| Key::ALL.contains(k)));
    }

    #[test]
    fn secretariat_words_name_keys() {
        assert_eq!(synonym("committee"), Some(Key::Meeting));
        assert_eq!(synonym("Meeting_Date"), Some(Key::Date));
        assert_eq!(synonym("Lead  officer"), Some(Key::PresentedBy));
        assert_eq!(synonym("author"), Some(Key::PresentedBy));
        assert_eq!(synonym("titel"), None);
        // A synonym is never a key's own name, which would hide the key.
        for (w, _) in SYNONYMS {
            assert_eq!(Key::from_name(w), None, "{w}");
        }
    }

    #[test]
    fn the_readme_key_table_is_the_schema() {
        let readme = include_str!("../README.md");
        let table = readme_table();
        assert!(
            readme.contains(&table),
            "README.md's key table differs from the schema; it should read:\n{table}"
        );
    }
}

//! Headings: which lines are headings, how an all-capitals heading is written, and which
//! part of the paper (body, implication, recommendations) a heading names.

use std::collections::HashSet;

use crate::config::{HeadingCase, HouseStyle};

use super::Note;
use super::body::{Kind, Section};
use super::header::{normalise, short};

/// The heading level a line reads as (1 for capitals, 2 for bold), if it reads as one.
pub(super) fn heading_like(text: &str, bold: bool) -> Option<u8> {
    let t = text.trim();
    let words = t.split_whitespace().count();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || words > 12 || t.ends_with(['.', ',', ';']) {
        return None;
    }
    let upper = t
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    match (upper, bold) {
        (true, _) => Some(1),
        // A bold lead-in to a list ("The systems reviewed were:") is part of the text.
        (false, true) if !t.ends_with(':') => Some(2),
        _ => None,
    }
}

/// Is this a style Word gives list items (`List Bullet`, `List Number 2`)? Not `List
/// Paragraph`, which Word gives any paragraph its Numbering button numbers, headings and
/// numbered paragraphs too: such a paragraph is an item by its number (a bullet, a letter),
/// not its style.
pub(super) fn list_style(style: &str) -> bool {
    let s: String = style.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.to_ascii_lowercase();
    s.starts_with("list") && s != "listparagraph"
}

/// Acronyms the public sector writes often, kept in capitals in a tidied heading.
const ACRONYMS: &[&str] = &[
    "ANPR", "CCTV", "COVID", "GDPR", "HMICS", "HMICFRS", "HMRC", "HR", "ICT", "IT", "NHS", "PSNI",
    "SPA", "UK", "EU", "EHRC", "ICO", "MSP", "MP", "KPI", "KPIS", "NDPB", "SOP", "FOI", "FOISA",
];

/// The words written in capitals inside ordinary text (`HMICS` in "the HMICS framework"):
/// acronyms, to keep in capitals when a heading in capitals is tidied.
pub(super) fn acronyms_in(text: &str) -> impl Iterator<Item = String> + '_ {
    let lower = text.chars().any(char::is_lowercase);
    text.split(|c: char| !c.is_alphanumeric())
        .filter(move |w| {
            lower
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
        })
        .map(str::to_string)
}

/// Does `word` of a heading in capitals look like an acronym: one the text uses, a known
/// one, or one without a vowel (`CCTV`)?
fn acronym(word: &str, known: &HashSet<String>) -> bool {
    let w: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && (known.contains(&w)
            || ACRONYMS.contains(&w.as_str())
            || (letters <= 5 && !w.chars().any(|c| "AEIOUY".contains(c))))
}

/// An all-capitals heading in natural case (`FURTHER DETAIL ON THE REPORT` → `Further Detail
/// on the Report`) when the house shows headings in capitals anyway, so the source reads
/// well and the paper looks the same. Acronyms (`HMICS`, those in `known`) stay in capitals.
pub fn tidy_heading(text: &str, house: &HouseStyle, known: &HashSet<String>) -> String {
    let letters = || text.chars().filter(|c| c.is_alphabetic());
    if house.heading_case != HeadingCase::Upper
        || letters().count() < 2
        || !letters().all(char::is_uppercase)
    {
        return text.to_string();
    }
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
    ];
    // Words a letter or numeral labels (`APPENDIX A`, `OPTION B`): the label stays as it is.
    const LABELLED: &[&str] = &[
        "appendix", "annex", "annexe", "schedule", "part", "option", "phase", "section", "table",
        "figure", "chart",
    ];
    let words: Vec<&str> = text.split(' ').collect();
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if acronym(w, known) {
                return w.to_string();
            }
            let labelled = i > 0 && LABELLED.contains(&words[i - 1].to_lowercase().as_str());
            if labelled && w.chars().count() == 1 {
                return w.to_string();
            }
            let lower = w.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                return lower;
            }
            let mut c = lower.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words that close an implication's heading (`Financial Implications`).
const CLOSING: &[&str] = &["implication", "implications", "impact", "impacts"];

/// Does `heading` end as an implication's does (`Risk Implications`, `Community Impact`)?
pub(super) fn closes_as_implication(heading: &str) -> bool {
    keyword(&normalise(heading)).1
}

/// A normalised heading without its closing `implications`/`impact`, and whether it had one.
fn keyword(h: &str) -> (String, bool) {
    let words: Vec<&str> = h.split_whitespace().collect();
    match words.split_last() {
        Some((last, rest)) if CLOSING.contains(last) && !rest.is_empty() => (rest.join(" "), true),
        _ => (h.to_string(), false),
    }
}

/// What a section heading names, in this house; with the house's heading when the match is
/// only near, so it can be said.
pub(super) fn kind_of(heading: &str, house: &HouseStyle) -> (Kind, Option<String>) {
    let h = normalise(heading);
    if h == normalise(&house.recommendations_heading) || h == "recommendation" {
        return (Kind::Recommendations, None);
    }
    if let Some(i) = house
        .implications
        .iter()
        .find(|i| normalise(&i.heading) == h)
    {
        return (Kind::Implication(i.key.clone()), None);
    }
    let (kw, closed) = keyword(&h);
    if closed {
        // The leading words name the kind: "Financial and Resource Implications" is financial.
        let leading = house.implications.iter().find(|i| {
            let (ikw, _) = keyword(&normalise(&i.heading));
            kw == ikw || kw.starts_with(&format!("{ikw} "))
        });
        if let Some(i) = leading {
            return (Kind::Implication(i.key.clone()), None);
        }
        let first = kw.split(' ').next().unwrap_or_default();
        let loose = house.implications.iter().find(|i| {
            let (ikw, _) = keyword(&normalise(&i.heading));
            let ifirst = ikw.split(' ').next().unwrap_or_default();
            crate::diag::near_word(first, ifirst) && kw.split(' ').count() == ikw.split(' ').count()
        });
        if let Some(i) = loose {
            return (Kind::Implication(i.key.clone()), Some(i.heading.clone()));
        }
    }
    (Kind::Body(house.is_unnumbered(heading)), None)
}

/// The note for a heading taken as the house's implication by a near match.
pub(super) fn near_match(heading: &str, house_heading: &str, key: &str) -> Note {
    Note::warning(
        "import-implication-match",
        format!("the section “{}” is taken as the house's “{house_heading}”", short(heading)),
    )
    .help(format!("if it is not, move its text into the body and give the “{house_heading}” its own text in `implications:`"))
    .at(format!("{key}:"))
}

/// Warns of each body section headed as an implication (`Local Implications`) while house
/// implications keep their default sentence, which may then contradict it.
pub(super) fn check_implications(sections: &[Section], house: &HouseStyle, notes: &mut Vec<Note>) {
    let defaulted: Vec<&str> = house
        .implications
        .iter()
        .filter(|i| {
            !sections
                .iter()
                .any(|s| s.kind == Kind::Implication(i.key.clone()))
        })
        .map(|i| i.heading.as_str())
        .collect();
    if defaulted.is_empty() {
        return;
    }
    for s in sections {
        if matches!(s.kind, Kind::Body(_)) && keyword(&normalise(&s.heading)).1 {
            notes.push(
                Note::warning(
                    "import-implication-body",
                    format!(
                        "the section “{}” reads as an implication but is none of the house's, so it stays in the body, while {} keep{} the house's default sentence",
                        short(&s.heading),
                        defaulted.iter().map(|h| format!("“{h}”")).collect::<Vec<_>>().join(", "),
                        if defaulted.len() == 1 { "s" } else { "" },
                    ),
                )
                .help("check that the paper does not contradict itself; if the section is one of those, move its text under that key in `implications:`")
                .at(format!("# {}", s.heading)),
            );
        }
    }
}

/// An `import-order` warning for each body section after the implications.
pub(super) fn check_order(sections: &[Section], notes: &mut Vec<Note>) {
    let mut seen_implication = false;
    for s in sections {
        match s.kind {
            Kind::Implication(_) | Kind::Recommendations => seen_implication = true,
            Kind::Body(_) if seen_implication => notes.push(
                Note::warning(
                    "import-order",
                    format!("the section “{}” comes after the implications or the recommendations; clerk sets every body section before them", short(&s.heading)),
                )
                .help("check that it belongs to the body; move it in the Markdown if not")
                .at(format!("# {}", s.heading)),
            ),
            _ => {}
        }
    }
}

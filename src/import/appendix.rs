//! Appendices written at the end of the Word document under a heading such as "Appendix A –
//! Data tables" or "Annex 1: Costs": each becomes a Markdown appendix file beside the paper,
//! listed under `appendices:` with its title and file, instead of sections of its body.

use super::Note;
use super::body::{Kind, Section, Unit};
use super::header::{Header, Value, untitled, untitled_note};

/// One appendix found in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The word before the label, as the heading has it (`Appendix`, `ANNEX`).
    pub word: String,
    /// Its label as written (`A`, `1`, `II`).
    pub label: String,
    /// The title its heading gives; empty when it gives none.
    pub title: String,
}

/// The label and title of an appendix heading: `Appendix A – Data` → `A`, `Data`.
pub fn heading(text: &str) -> Option<Found> {
    let t = text.trim();
    let word = ["appendix", "annexe", "annex"]
        .into_iter()
        .find(|w| t.get(..w.len()).is_some_and(|s| s.eq_ignore_ascii_case(w)))?;
    let rest = t[word.len()..]
        .strip_prefix(char::is_whitespace)?
        .trim_start();
    let label: String = rest
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    let letter = label.len() == 1 && label.chars().all(|c| c.is_ascii_alphabetic());
    let number = (1..=2).contains(&label.len()) && label.chars().all(|c| c.is_ascii_digit());
    let roman = !label.is_empty()
        && label.len() <= 4
        && label.chars().all(|c| "ivxIVX".contains(c))
        && (label.chars().all(char::is_uppercase) || label.chars().all(char::is_lowercase));
    if !(letter || number || roman) {
        return None;
    }
    let title = rest[label.len()..]
        .trim_start_matches(|c: char| c.is_whitespace() || "-–—:.".contains(c))
        .trim();
    Some(Found {
        word: t[..word.len()].to_string(),
        label: label.to_uppercase(),
        title: title.to_string(),
    })
}

/// Where the first appendix starts: the heading of section `i`, or its `j`th unit, a
/// sub-heading (a bold line under the recommendations, say).
fn start(sections: &[Section]) -> Option<(usize, Option<usize>)> {
    sections.iter().enumerate().find_map(|(i, s)| {
        if matches!(s.kind, Kind::Body(_)) && heading(&s.heading).is_some() {
            return Some((i, None));
        }
        let j = s.units.iter().position(|u| sub_heading(u).is_some())?;
        Some((i, Some(j)))
    })
}

/// The appendix a unit's sub-heading starts, if it does.
fn sub_heading(unit: &Unit) -> Option<Found> {
    match unit {
        Unit::SubHeading(p) => heading(&p.text()),
        _ => None,
    }
}

/// A piece of what the appendices are made of: a section's heading (with the number the
/// document gave it) or a unit.
enum Part {
    Heading(String, Option<String>),
    Unit(Unit),
}

/// Moves into appendices what stands from the first appendix heading on, when every section
/// after it is a body section (an appendix heading before the implications or the
/// recommendations is left where it is): the `i`th appendix's heading makes a section
/// `Kind::Appendix(i, true)`, the headings under it `Kind::Appendix(i, false)`.
pub fn mark(sections: &mut Vec<Section>) -> Vec<Found> {
    let Some((i, j)) = start(sections) else {
        return Vec::new();
    };
    if sections[i + 1..]
        .iter()
        .any(|s| !matches!(s.kind, Kind::Body(_)))
    {
        return Vec::new();
    }
    let mut tail = sections.split_off(i + 1);
    let units = match j {
        Some(j) => sections[i].units.split_off(j),
        None => {
            tail.splice(0..0, sections.pop());
            Vec::new()
        }
    };
    let mut found: Vec<Found> = Vec::new();
    let mut out: Vec<Section> = Vec::new();
    // What stands after the start, in order: the units of the section it is in (its
    // sub-headings among them), then each later section's heading and units.
    let later = tail.into_iter().flat_map(|s| {
        let head = Part::Heading(s.heading, s.number);
        std::iter::once(head).chain(s.units.into_iter().map(Part::Unit))
    });
    for part in units.into_iter().map(Part::Unit).chain(later) {
        let (text, number) = match part {
            Part::Heading(text, number) => (text, number),
            Part::Unit(Unit::SubHeading(p)) if heading(&p.text()).is_some() => (p.text(), None),
            Part::Unit(unit) => {
                if let Some(s) = out.last_mut() {
                    s.units.push(unit);
                }
                continue;
            }
        };
        let head = heading(&text);
        let new = head.is_some();
        found.extend(head);
        out.push(Section {
            kind: Kind::Appendix(found.len().saturating_sub(1), new),
            heading: text,
            number,
            units: Vec::new(),
        });
    }
    title_from_next_line(&mut out, &mut found);
    sections.extend(out);
    found
}

/// An appendix heading without a title (`ANNEX A` alone on its line) takes the line under
/// it as its title, as Word documents often set them: a short line (a bold one, or a
/// paragraph of a few words with no full stop), or a heading of its own with nothing
/// between the two. Without it the appendix would be listed as plain `Appendix A`.
fn title_from_next_line(out: &mut Vec<Section>, found: &mut [Found]) {
    let mut k = 0;
    while k < out.len() {
        let Kind::Appendix(i, true) = out[k].kind else {
            k += 1;
            continue;
        };
        if found[i].title.is_empty() {
            if let Some(first) = out[k].units.first() {
                if let Some(title) = title_line(first) {
                    found[i].title = title;
                    out[k].units.remove(0);
                }
            } else if out
                .get(k + 1)
                .is_some_and(|s| s.kind == Kind::Appendix(i, false))
            {
                let next = out.remove(k + 1);
                found[i].title = next.heading.trim().to_string();
                out[k].units = next.units;
            }
        }
        k += 1;
    }
}

/// The text of a unit that reads as a title: a bold line or a short paragraph (at most
/// twelve words) that does not end as a sentence or a lead-in does.
fn title_line(unit: &Unit) -> Option<String> {
    let para = match unit {
        Unit::SubHeading(p) | Unit::Para(p, None) if !unit.is_lone_image() => p,
        _ => return None,
    };
    let text = para.text();
    let text = text.trim();
    let words = text.split_whitespace().count();
    let short = (1..=12).contains(&words);
    (short && !text.ends_with(['.', ':', ';', ','])).then(|| text.to_string())
}

/// The paper's appendices' titles, the header table's (`titles`) with the body's `found`:
/// the header's where it gives one, else the heading's, else the placeholder `Appendix A`.
pub fn titles(titles: &[String], found: &[Found]) -> Vec<String> {
    (0..titles.len().max(found.len()))
        .map(|i| {
            let given = titles.get(i).filter(|t| !untitled(t));
            let headed = found.get(i).filter(|f| !f.title.is_empty());
            match (given, headed) {
                (Some(t), _) => t.clone(),
                (None, Some(f)) => f.title.clone(),
                (None, None) => titles.get(i).cloned().unwrap_or_else(|| {
                    format!(
                        "Appendix {}",
                        found.get(i).map_or("A", |f| f.label.as_str())
                    )
                }),
            }
        })
        .collect()
}

/// The file of the appendix labelled `label` of the paper `stem`: `_stem-appendix-a.md`
/// (a name starting `_` is no paper of its own).
pub fn file_name(stem: &str, label: &str) -> String {
    format!("_{stem}-appendix-{}.md", label.to_lowercase())
}

/// Sets the paper's appendices from the header table's and those `found` in the body, whose
/// Markdown is `texts`: returns each found one's file, with its text, for the front matter
/// to list and the import to write. The header's note on an appendix without a title goes
/// when the body gives every one its title.
pub fn settle(
    header: &mut Header,
    found: &[Found],
    texts: Vec<String>,
    stem: &str,
    notes: &mut Vec<Note>,
) -> Vec<(String, String)> {
    if found.is_empty() {
        return Vec::new();
    }
    let given = match header.get("appendices") {
        Some(Value::Appendices(t)) => t.clone(),
        _ => Vec::new(),
    };
    let all = titles(&given, found);
    header.fields.retain(|(k, _)| k != "appendices");
    // clerk letters appendices A, B, … in order: one the document numbered or lettered
    // otherwise (`Annex 1`, or `Appendix C` after `Appendix A`) is cited by another name
    // now, which the text may still use.
    for (i, f) in found.iter().enumerate() {
        let letter = crate::document::compile::appendix_letter(i);
        let same = f.word.eq_ignore_ascii_case("appendix") && f.label == letter;
        if !same {
            let was = format!("{} {}", f.word, f.label);
            notes.push(
                Note::warning(
                    "import-appendix-letter",
                    format!("the Word document's “{was}” is the paper's Appendix {letter}: clerk letters a paper's appendices A, B, … in order"),
                )
                .help(format!("check the text's references to “{was}”: they now mean Appendix {letter}")),
            );
        }
    }
    // The header's note on an untitled appendix goes when the body titles every one.
    notes.retain(|n| n.code != "import-appendix-title");
    notes.extend(untitled_note("the Word document", &all));
    let files: Vec<(String, String)> = found
        .iter()
        .zip(texts)
        .map(|(f, text)| (file_name(stem, &f.label), format!("{}\n", text.trim())))
        .collect();
    let names: Vec<String> = files.iter().map(|(n, _)| format!("`{n}`")).collect();
    let which = match names.as_slice() {
        [one] => format!("an appendix: it is a Markdown file of its own beside the paper, {one}"),
        _ => format!(
            "{} appendices: each is a Markdown file of its own beside the paper, {}",
            names.len(),
            names.join(", ")
        ),
    };
    notes.push(
        Note::warning(
            "import-appendix",
            format!("the Word document ends with {which}, listed under `appendices:`, which the PDF sets after the paper"),
        )
        .help("check each appendix file; its headings are the appendix's own, not the paper's numbered sections")
        .at("appendices:"),
    );
    header.set("appendices", Value::Appendices(all));
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appendix_headings_are_read_for_label_and_title() {
        let h = |t: &str| heading(t).map(|f| (f.label, f.title));
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(h("Appendix A – Data tables"), pair("A", "Data tables"));
        assert_eq!(h("APPENDIX B"), pair("B", ""));
        assert_eq!(h("Annex 1: Costs"), pair("1", "Costs"));
        assert_eq!(h("Annexe ii. Terms"), pair("II", "Terms"));
        assert_eq!(h("Appendices"), None);
        assert_eq!(h("Appendix about the estate"), None);
        assert_eq!(h("Background"), None);
    }

    fn para(text: &str) -> crate::import::docx::Para {
        crate::import::docx::Para {
            runs: vec![crate::import::docx::Run::Text {
                text: text.into(),
                bold: false,
                italic: false,
                strike: false,
            }],
            ..Default::default()
        }
    }

    fn section(heading: &str, units: Vec<Unit>) -> Section {
        Section {
            kind: Kind::Body(false),
            heading: heading.into(),
            number: None,
            units,
        }
    }

    /// `ANNEX A` alone, its title on the next line (a short paragraph, or a heading of its
    /// own), takes that line as its title; a sentence under it stays the appendix's text.
    #[test]
    fn an_untitled_appendix_heading_takes_the_line_under_it_as_its_title() {
        let mut sections = vec![
            section("Background", vec![Unit::Para(para("Text."), None)]),
            section(
                "ANNEX A",
                vec![
                    Unit::Para(para("Terms of Reference"), None),
                    Unit::Para(para("The review shall consider the estate."), None),
                ],
            ),
            section("ANNEX B", Vec::new()),
            section("Glossary of Terms", vec![Unit::Para(para("Words."), None)]),
            section(
                "ANNEX C",
                vec![Unit::Para(para("The figures below are for 2025."), None)],
            ),
        ];
        let found = mark(&mut sections);
        let titles: Vec<&str> = found.iter().map(|f| f.title.as_str()).collect();
        assert_eq!(titles, ["Terms of Reference", "Glossary of Terms", ""]);
        let a = &sections[1];
        assert_eq!(a.kind, Kind::Appendix(0, true));
        assert!(
            matches!(a.units.as_slice(), [Unit::Para(p, None)] if p.text().starts_with("The review"))
        );
        let b = &sections[2];
        assert_eq!(b.kind, Kind::Appendix(1, true));
        assert!(matches!(b.units.as_slice(), [Unit::Para(p, None)] if p.text() == "Words."));
        assert_eq!(
            sections[3].kind,
            Kind::Appendix(2, true),
            "no section left over"
        );
        assert_eq!(sections.len(), 4);
    }
}

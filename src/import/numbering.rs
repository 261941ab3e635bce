//! The document's own numbers against clerk's: each paragraph's number as the text cites
//! it, the sections and paragraphs whose numbers disagree, and a steady offset (Word
//! numbering PURPOSE) said once.

use super::Note;
use super::body::{Kind, Section, Unit};
use super::emit::place;
use super::header::short;

/// Compares the document's numbers with clerk's and records, for every paragraph, the number
/// it is cited by (the document's, else clerk's). Reports the first disagreement per section.
pub fn check_numbers(sections: &[Section], notes: &mut Vec<Note>) -> Vec<Vec<Option<String>>> {
    let mut cited = Vec::new();
    // Word's section numbers all one (or more) ahead of clerk's, as when Word numbers
    // PURPOSE: said once, and Word's numbers compared as they run, so a real skip shows.
    let ahead = match steady_offset(sections) {
        Some((k, heading)) => {
            notes.push(offset_note(k, heading));
            k
        }
        None => 0,
    };
    let mut section_no = 0u32;
    for s in sections {
        let mut numbers = vec![None; s.units.len()];
        // Implications are not compared: clerk sets every one of the house's, so a paper
        // that leaves one out is numbered differently without anything being out of place.
        let expected_heading = match &s.kind {
            Kind::Body(false) => {
                section_no += 1;
                Some(section_no)
            }
            _ => None,
        };
        if let (Some(want), Some(got)) = (expected_heading, &s.number)
            && got.parse::<i64>().ok() != Some(i64::from(want) + ahead)
        {
            notes.push(
                Note::warning(
                    "import-numbering",
                    format!("the Word document numbers the section “{}” {got}, but clerk numbers it {want}", short(&s.heading)),
                )
                .help("a section number was skipped or repeated in Word, or a section is out of place; check the order")
                .at(format!("# {}", s.heading)),
            );
        }
        if s.kind == Kind::Body(false) {
            let mut para_no = 0u32;
            let mut reported = false;
            let mut after_para = false;
            for (i, u) in s.units.iter().enumerate() {
                match u {
                    Unit::Para(p, number) if !u.is_lone_image() => {
                        para_no += 1;
                        after_para = true;
                        // As Word would number it: clerk's section, `ahead` on.
                        let want = format!("{}.{para_no}", i64::from(section_no) + ahead);
                        if let Some(got) = number
                            && *got != want
                            && !reported
                        {
                            reported = true;
                            notes.push(
                                Note::warning(
                                    "import-numbering",
                                    match ahead {
                                        0 => format!("the Word document numbers {} {got}, but clerk numbers it {want}", place(p)),
                                        _ => format!("the Word document numbers {} {got}, where its own numbering has {want} next", place(p)),
                                    },
                                )
                                .help("a number was skipped or repeated in Word, which usually means a paragraph is in the wrong place; check the order (clerk numbers the paragraphs as they now stand)")
                                .at(short(&p.text()).trim_end_matches('…').to_string()),
                            );
                        }
                        numbers[i] = Some(number.clone().unwrap_or(want));
                    }
                    Unit::SubHeading(_) => {}
                    _ => {
                        if !after_para {
                            para_no += 1;
                            after_para = true;
                        }
                    }
                }
            }
        }
        cited.push(numbers);
    }
    cited
}

/// How far ahead of clerk's the Word document numbers every numbered body section that has
/// a number, with the first such section's heading, when it is one steady amount and not
/// none; `None` when the numbers differ otherwise (each said where it is).
fn steady_offset(sections: &[Section]) -> Option<(i64, (&str, i64))> {
    let mut section_no = 0i64;
    let mut found: Option<(i64, (&str, i64))> = None;
    for s in sections.iter().filter(|s| s.kind == Kind::Body(false)) {
        section_no += 1;
        let Some(got) = s.number.as_ref().and_then(|n| n.parse::<i64>().ok()) else {
            continue;
        };
        match found {
            None => found = Some((got - section_no, (&s.heading, section_no))),
            Some((k, _)) if k != got - section_no => return None,
            Some(_) => {}
        }
    }
    found.filter(|(k, _)| *k != 0)
}

/// The note for sections numbered `k` ahead of clerk's: the first numbered one is
/// `heading`, clerk's section `clerk`.
fn offset_note(k: i64, (heading, clerk): (&str, i64)) -> Note {
    let by = match k {
        1 => "one ahead of".to_string(),
        -1 => "one behind".to_string(),
        k if k > 0 => format!("{k} ahead of"),
        k => format!("{} behind", -k),
    };
    Note::warning(
        "import-numbering",
        format!(
            "the Word document numbers its sections {by} clerk's (it numbers “{}” {}, clerk {}), as when Word numbers Purpose, which clerk leaves unnumbered: every section and paragraph number in the paper differs from Word's by as much, and the citations of them (“paragraph 2.1”, “section 3”) follow",
            short(heading),
            clerk + k,
            clerk
        ),
    )
    .help("nothing to do, unless a number is written where a citation cannot follow it (in a table or a picture): correct those by hand")
    .at(format!("# {heading}"))
}

//! Body headings that name what clerk adds after the body from the metadata — one of the
//! house's implications, or its recommendations — exactly (an error: the paper would have
//! the section twice, the second saying the opposite) or nearly (a warning: `Financial
//! Implication`, `Equality Impact Assessment`, `Recommendations and Next Steps`, a bare
//! `Implications`, whose text the house's default sentence would then contradict); and the
//! slips of headings written in Word: a number typed before a section's heading, and
//! punctuation after an unnumbered one (`Purpose:`), or a misspelling of it (`Purpsoe`),
//! which would number it.

use super::{Ctx, Loc};
use crate::config::HouseStyle;
use crate::diag::near_word;

/// A body heading that names a section the house adds after the body itself (one of its
/// implications, or its recommendations) is an error: the paper would have that section
/// twice, the second saying the opposite (the house's "no implications" sentence). Compared
/// without regard to case or spacing, against the house style's own headings.
pub(super) fn check_closing_heading(ctx: &mut Ctx, heading: &str, loc: &Loc, house: &HouseStyle) {
    // Word by word without regard to case, allocating nothing: every body heading is asked.
    let same = |a: &str, b: &str| {
        let (mut x, mut y) = (a.split_whitespace(), b.split_whitespace());
        loop {
            match (x.next(), y.next()) {
                (None, None) => return true,
                (Some(p), Some(q)) if p.eq_ignore_ascii_case(q) || same_word(p, q) => {}
                _ => return false,
            }
        }
    };
    let shown = heading.trim();
    if let Some(style) = house
        .implications
        .iter()
        .find(|i| same(&i.heading, heading))
    {
        ctx.error(
            "closing-heading-in-body",
            loc,
            format!(
                "“{shown}” is a section clerk adds after the body, from the metadata: written here, the paper would have it twice"
            ),
            Some(format!(
                "remove this heading and move its text into the metadata, under `implications:` as `{}: |` with the text indented below it",
                style.key
            )),
        );
    } else if same(&house.recommendations_heading, heading) {
        ctx.error(
            "closing-heading-in-body",
            loc,
            format!(
                "“{shown}” is the section clerk closes the paper with, from the metadata: written here, the paper would have it twice"
            ),
            Some("remove this heading and move its text into the metadata, as `recommendations: |` with the text indented below it".into()),
        );
    } else {
        check_near_closing(ctx, heading, loc, house);
    }
}

/// A body heading that reads nearly as one of the closing sections (see the module's note):
/// a warning, since a body section may well be about finance or equality.
fn check_near_closing(ctx: &mut Ctx, heading: &str, loc: &Loc, house: &HouseStyle) {
    let words: Vec<String> = heading
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let Some(first) = words.first() else {
        return;
    };
    let closing = |w: &String| w.starts_with("implication") || w.starts_with("impact");
    let shown = heading.trim();
    let implication = house.implications.iter().find(|i| {
        let own = i
            .heading
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        words.iter().any(closing) && near(first, &own)
    });
    let (named, help) = if let Some(i) = implication {
        (
            format!("the house's “{}”", i.heading),
            format!(
                "if this is that implication, remove the heading and move its text into the metadata, under `implications:` as `{}: |` with the text indented below it; if it is part of the body, give it a heading that does not read as one",
                i.key
            ),
        )
    } else if words.len() == 1 && closing(first) {
        (
            "the house's implications".to_string(),
            "remove the heading and move each implication's text into the metadata, under `implications:` (`financial: |`, `equalities: |`, …)".to_string(),
        )
    } else if house
        .recommendations_heading
        .split_whitespace()
        .next()
        .is_some_and(|r| near(first, &r.to_lowercase()))
        // `Recommendation`, `Recommendations and Next Steps`; not `Recommendation Tracking`,
        // a body section about the recommendations of an audit.
        && (words.len() == 1 || words[1] == "and")
    {
        (
            format!("the house's “{}”", house.recommendations_heading),
            "if this is what members are asked to do, move it into the metadata as `recommendations: |` with the text indented below it; if it is part of the body, give it a heading that does not read as the recommendations".to_string(),
        )
    } else {
        return;
    };
    ctx.warn(
        "closing-like-heading",
        loc,
        format!(
            "“{shown}” reads like {named}, which clerk adds after the body from the metadata: the paper may say the same thing twice, or contradict itself (an implication left out of the metadata gets the house's “no implications” sentence)"
        ),
        Some(help),
    );
}

/// [`near_word`], for words of four letters or more: a short word (`hr`, `it`) is near
/// too many others.
fn near(a: &str, b: &str) -> bool {
    a.chars().count().min(b.chars().count()) >= 4 && near_word(a, b)
}

/// `p` and `q` are the same word without regard to case (beyond ASCII).
fn same_word(p: &str, q: &str) -> bool {
    p.chars()
        .flat_map(char::to_lowercase)
        .eq(q.chars().flat_map(char::to_lowercase))
}

/// Warns about a section heading with a number typed before it (`1. Background`, `2.0
/// Current position`, `A. Background`), which clerk's own number would stand beside
/// (`heading-typed-number`), and about one that is an unnumbered section's name but for
/// punctuation after it (`Purpose:`), which would number it and every section after it
/// (`heading-punctuation`).
pub(super) fn check_heading_slips(ctx: &mut Ctx, heading: &str, loc: &Loc, house: &HouseStyle) {
    let shown = heading.trim();
    if let Some((number, rest)) = typed_heading_number(shown) {
        ctx.warn(
            "heading-typed-number",
            loc,
            format!("this heading starts with `{number}` typed by hand, but clerk numbers sections itself, so the number would show twice"),
            Some(format!("remove it: `# {rest}`")),
        );
        return;
    }
    let bare = shown.trim_end_matches([':', '.', ';', ',', '-', '–', '—']);
    if bare.len() < shown.len() && !bare.is_empty() && house.is_unnumbered(bare) {
        let mark = &shown[bare.trim_end().len()..].trim();
        ctx.warn(
            "heading-punctuation",
            loc,
            format!("“{shown}” is numbered as a section of the body, and every section after it one higher: clerk leaves “{bare}” unnumbered only when it is written without the `{mark}`"),
            Some(format!("write `# {bare}`")),
        );
    } else if !house.is_unnumbered(bare)
        && let Some(name) = misspelt_unnumbered(bare, house)
    {
        ctx.warn(
            "heading-misspelt",
            loc,
            format!("“{shown}” is numbered as a section of the body, and every section after it one higher: if it is meant to be “{name}”, which clerk leaves unnumbered, it is misspelt"),
            Some(format!("write `# {name}`")),
        );
    }
}

/// The house's unnumbered section (`Purpose`) that `heading` nearly is, a slip out (a
/// letter left out, doubled, changed or two swapped; two such in a name of seven letters or
/// more): one word of five letters or more.
fn misspelt_unnumbered<'h>(heading: &str, house: &'h HouseStyle) -> Option<&'h str> {
    let h = heading.trim().to_lowercase();
    if h.chars().count() < 5 || h.contains(char::is_whitespace) {
        return None;
    }
    house
        .unnumbered_sections
        .iter()
        .map(|u| u.trim())
        .find(|u| {
            let u = u.to_lowercase();
            let letters = u.chars().count();
            let slips = if letters >= 7 { 2 } else { 1 };
            letters >= 5 && h != u && strsim::damerau_levenshtein(&h, &u) <= slips
        })
}

/// A number typed at the start of a heading, with the words after it: one or two digits
/// followed by `.` or `)` (`1.`, `12)`), a dotted number (`2.0`, `3.1.`), or a capital
/// letter followed by `.` or `)` (`A.`), before a space and a word. `24 Hours` and
/// `2026 Budget` are headings, not numbers.
fn typed_heading_number(heading: &str) -> Option<(&str, &str)> {
    let (first, rest) = heading.split_once(' ')?;
    let rest = rest.trim_start();
    if !rest.starts_with(char::is_alphanumeric) {
        return None;
    }
    let digits = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    let marked = first.strip_suffix(['.', ')']);
    let bare = marked.unwrap_or(first);
    let parts: Vec<&str> = bare.split('.').collect();
    let number = parts.iter().all(|p| digits(p)) && (marked.is_some() || parts.len() > 1);
    let letter = marked.is_some_and(|m| m.len() == 1 && m.bytes().all(|b| b.is_ascii_uppercase()));
    (number || letter).then_some((first, rest))
}

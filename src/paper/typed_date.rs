//! Dates as people type them, in a Word header table or a paper's `date:` (`1 September
//! 2021`, `01/09/2021`, `1st Sept 2021`, `Wednesday 1 September 2021`) → an ISO date:
//! `clerk import` writes it, and a paper's `bad-date` error offers it.

use jiff::civil::Date;

/// A date read from text, with a note when the reading was a guess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadDate {
    /// The date.
    pub date: Date,
    /// Set when `02/03/2021` was taken as UK day/month.
    pub ambiguous: bool,
}

fn month(word: &str) -> Option<i8> {
    crate::paper::month_number(word.trim_end_matches('.'), true)
}

fn day(word: &str) -> Option<i8> {
    let w = word.to_lowercase();
    let digits = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(&w);
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<i16> {
    let y: i16 = word.parse().ok()?;
    match word.len() {
        4 => Some(y),
        2 => Some(2000 + y),
        _ => None,
    }
}

/// Is `word` a weekday, written out or short (`Wednesday`, `Wed`, `Thurs.`)?
fn weekday(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',']).to_lowercase();
    w.ends_with("day")
        || [
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        ]
        .contains(&w.as_str())
}

/// The weekday `text` opens with (`Wednesday 19 May 2026`), as written, when it does.
pub fn weekday_named(text: &str) -> Option<&str> {
    let first = text.split_whitespace().next()?.trim_end_matches([',', '.']);
    weekday(first).then_some(first)
}

/// Is `word` (part of) a time of day (`10:00`, `10.30am`, `pm`, `a.m.`)?
fn time(word: &str) -> bool {
    let w = word
        .to_lowercase()
        .replace("a.m.", "am")
        .replace("p.m.", "pm");
    let bare = w.trim_end_matches("am").trim_end_matches("pm");
    w == "at"
        || bare.is_empty()
        || (bare.contains([':', '.']) || bare.len() < w.len())
            && bare
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.'))
}

/// The day, month and year `text` names, not yet checked to be a real date.
fn parts(text: &str) -> Option<(i16, i8, i8, bool)> {
    // A remark in brackets after the date (`(rescheduled from 7 May)`, `[provisional]`).
    let t = match text.trim().find(['(', '[']) {
        Some(at) if at > 0 && text.trim().ends_with([')', ']']) => text.trim()[..at].trim(),
        _ => text.trim(),
    };
    if let Ok(d) = t.parse::<Date>() {
        return Some((d.year(), d.month(), d.day(), false));
    }
    let numeric: Vec<&str> = t.split(['/', '.', '-']).map(str::trim).collect();
    if numeric.len() == 3
        && numeric
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    {
        if numeric[0].len() == 4 {
            // 2021/09/01: year first, then month and day, as in ISO.
            let y = year(numeric[0])?;
            return Some((y, numeric[1].parse().ok()?, numeric[2].parse().ok()?, false));
        }
        let (a, b) = (
            numeric[0].parse::<i8>().ok()?,
            numeric[1].parse::<i8>().ok()?,
        );
        let y = year(numeric[2])?;
        // UK day/month, unless only the US month/day reading is a date (09/13/2021).
        if b > 12 && a <= 12 {
            return Some((y, a, b, false));
        }
        return Some((y, b, a, a != b && a <= 12 && b <= 12));
    }
    // Words apart by spaces, commas, the hyphens of `1-Sep-21` (as Excel writes it), or a
    // dash before a time (`14 May 2026 – 10.00am`).
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '-' | '–' | '—'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut words: Vec<&str> = words
        .into_iter()
        .enumerate()
        .filter(|(i, w)| !(w.eq_ignore_ascii_case("of") || (*i == 0 && weekday(w))))
        .map(|(_, w)| w)
        .collect();
    // A time after the date ("1 Sep 2021 10:00", "1 September 2021; 10:00 am").
    while let Some(w) = words.last().copied().filter(|w| words.len() > 3 && time(w)) {
        words.pop();
        // `2 pm`: the hour before its `pm` goes with it.
        let meridiem = matches!(w.to_lowercase().replace('.', "").as_str(), "am" | "pm");
        let hour = |h: &&str| h.parse::<u8>().is_ok_and(|h| (1..=12).contains(&h));
        if meridiem && words.len() > 3 && words.last().is_some_and(hour) {
            words.pop();
        }
    }
    match words.as_slice() {
        [a, b, c] => match (day(a), month(b)) {
            (Some(d), Some(m)) => Some((year(c)?, m, d, false)),
            _ => Some((year(c)?, month(a)?, day(b)?, false)),
        },
        _ => None,
    }
}

/// Reads a date; `None` when the text is not one.
pub fn parse(text: &str) -> Option<ReadDate> {
    let (y, m, d, ambiguous) = parts(text)?;
    Some(ReadDate {
        date: Date::new(y, m, d).ok()?,
        ambiguous,
    })
}

/// Why a text that names a day, month and year is not a date ("June has 30 days").
pub fn problem(text: &str) -> Option<String> {
    let (y, m, d, _) = parts(text)?;
    let first = Date::new(y, m, 1).ok()?;
    let name = first.strftime("%B").to_string();
    (Date::new(y, m, d).is_err()).then(|| format!("{name} {y} has {} days", first.days_in_month()))
}

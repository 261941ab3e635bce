//! Dates as people type them in a header table (`1 September 2021`, `01/09/2021`,
//! `1st Sept 2021`, `Wednesday 1 September 2021`) → an ISO date.

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

/// Reads a date; `None` when the text is not one.
pub fn parse(text: &str) -> Option<ReadDate> {
    let t = text.trim();
    if let Ok(d) = t.parse::<Date>() {
        return Some(ReadDate {
            date: d,
            ambiguous: false,
        });
    }
    let numeric: Vec<&str> = t.split(['/', '.', '-']).map(str::trim).collect();
    if numeric.len() == 3
        && numeric
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_digit()))
    {
        let (d, m) = (
            numeric[0].parse::<i8>().ok()?,
            numeric[1].parse::<i8>().ok()?,
        );
        let y = year(numeric[2])?;
        let date = Date::new(y, m, d).ok()?;
        return Some(ReadDate {
            date,
            ambiguous: d != m && d <= 12 && m <= 12,
        });
    }
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // Drop a weekday in front ("Wednesday 1 September 2021").
    let words: Vec<&str> = match words.first() {
        Some(w) if w.to_lowercase().ends_with("day") || w.to_lowercase().ends_with("day,") => {
            words[1..].to_vec()
        }
        _ => words,
    };
    let (d, m, y) = match words.as_slice() {
        [a, b, c] => match (day(a), month(b)) {
            (Some(d), Some(m)) => (d, m, year(c)?),
            _ => (day(b)?, month(a)?, year(c)?),
        },
        _ => return None,
    };
    Some(ReadDate {
        date: Date::new(y, m, d).ok()?,
        ambiguous: false,
    })
}

//! Meeting dates: strictly `YYYY-MM-DD` and real, with a message that says what is wrong
//! (the shape, the month, or the day past the month's end). Papers, meeting files and
//! `clerk new --date` all read dates with this, so they all say the same.

/// Why a text is not a meeting date: the message and a way out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateProblem {
    /// What is wrong, naming the text.
    pub message: String,
    /// How to put it right.
    pub help: String,
}

fn problem(message: String, help: &str) -> DateProblem {
    DateProblem {
        message,
        help: help.to_string(),
    }
}

/// Reads `s` as a `YYYY-MM-DD` date that exists.
pub fn parse_date(s: &str) -> Result<jiff::civil::Date, DateProblem> {
    let bytes = s.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let not_a_date = || match super::typed_date::parse(s) {
        // A date as people type it (`15th December 2026`): the way out is that date.
        Some(read) => {
            let iso = read.date.to_string();
            let shown = jiff::fmt::strtime::format("%-d %B %Y", read.date).unwrap_or_default();
            // A two-figure year (`26-03-12`) could be read otherwise too: said as a guess.
            let short_year = s.chars().all(|c| c.is_ascii_digit() || "/.- ".contains(c))
                && !s.split(['/', '.', '-', ' ']).any(|part| part.len() == 4);
            let mut help = if read.ambiguous || short_year {
                format!("write `{iso}` (year, month, day), if `{s}` means {shown}")
            } else {
                format!("write it as `{iso}` (year, month, day)")
            };
            // `Wednesday 19 May 2026`, a Tuesday: one of the two is wrong.
            let day = jiff::fmt::strtime::format("%A", read.date).unwrap_or_default();
            let short = |w: &str| w.to_lowercase().chars().take(3).collect::<String>();
            if let Some(named) = super::typed_date::weekday_named(s)
                && short(&day) != short(named)
            {
                help.push_str(&format!(
                    ", but check the day first: {shown} is a {day}, not a {named}"
                ));
            }
            problem(format!("`{s}` is not a date in the form YYYY-MM-DD"), &help)
        }
        // A day the month does not have (`31/02/2026`): said, before the form.
        None => match super::typed_date::problem(s) {
            Some(why) => problem(
                format!("`{s}` is not a date in the form YYYY-MM-DD, nor a real one: {why}"),
                "check the day, and write the date like `2021-09-01` (year, month, day)",
            ),
            None => problem(
                format!("`{s}` is not a date in the form YYYY-MM-DD"),
                "write the meeting date like `2021-09-01` (year, month, day)",
            ),
        },
    };
    if s == super::placeholder::ELLIPSIS {
        // Left by `clerk import` for a date the document does not give.
        return Err(problem(
            "the meeting date is still the placeholder `…`".to_string(),
            "write the meeting date like `2021-09-01` (year, month, day)",
        ));
    }
    if !shape_ok {
        return Err(not_a_date());
    }
    let (Ok(y), Ok(m), Ok(d)) = (
        s[0..4].parse::<i16>(),
        s[5..7].parse::<i8>(),
        s[8..10].parse::<i8>(),
    ) else {
        return Err(not_a_date());
    };
    if !(1..=12).contains(&m) {
        return Err(problem(
            format!("`{s}` has no month {m}"),
            "months run from 01 to 12",
        ));
    }
    jiff::civil::Date::new(y, m, d).map_err(|_| {
        let last = jiff::civil::Date::new(y, m, 1)
            .map(|f| f.days_in_month())
            .unwrap_or(31);
        let month = jiff::fmt::strtime::format("%B %Y", jiff::civil::date(y.max(1), m, 1))
            .unwrap_or_default();
        problem(
            format!("`{s}` is not a real date: {month} has {last} days"),
            "check the day of the month",
        )
    })
}

/// The months' names, lower case, January first: for reading dates people type
/// (`clerk import`) and for the ties that keep `1 September` together.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1–12) `word` names: a month's name or its usual abbreviation (`sep`,
/// `sept`), in any case; with `any_prefix`, any first three or more letters of a name too
/// (`Septem`), as people type dates.
pub fn month_number(word: &str, any_prefix: bool) -> Option<i8> {
    let w = word.to_lowercase();
    MONTH_NAMES
        .iter()
        .position(|m| {
            w == *m
                || w == m[..3]
                || (*m == "september" && w == "sept")
                || (any_prefix && w.len() >= 3 && m.starts_with(w.as_str()))
        })
        .map(|i| i as i8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_by_name_and_abbreviation() {
        assert_eq!(month_number("September", false), Some(9));
        assert_eq!(month_number("sept", false), Some(9));
        assert_eq!(month_number("Sep", false), Some(9));
        assert_eq!(month_number("septem", false), None);
        assert_eq!(month_number("septem", true), Some(9));
        assert_eq!(month_number("ma", true), None);
        assert_eq!(month_number("may", false), Some(5));
        assert_eq!(month_number("maybe", true), None);
    }

    #[test]
    fn a_placeholder_date_is_said_to_be_one() {
        assert_eq!(
            parse_date("…").unwrap_err().message,
            "the meeting date is still the placeholder `…`"
        );
    }

    #[test]
    fn dates_are_strict_and_real() {
        assert_eq!(parse_date("2021-09-01").unwrap().to_string(), "2021-09-01");
        assert_eq!(
            parse_date("2026-02-30").unwrap_err().message,
            "`2026-02-30` is not a real date: February 2026 has 28 days"
        );
        assert!(
            parse_date("2021-13-01")
                .unwrap_err()
                .message
                .contains("no month 13")
        );
        assert!(
            parse_date("1/9/2021")
                .unwrap_err()
                .message
                .contains("form YYYY-MM-DD")
        );
    }
}

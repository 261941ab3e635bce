//! Dates and times as the house shows them: its strftime formats (`date_format`,
//! `weekday_date_format`, `time_format`), with the months and weekdays in its own words
//! (`words.months`, `words.weekdays`), and the checks on them at their lines in clerk.yaml.

use jiff::civil::{Date, Time};

use super::HouseStyle;
use crate::diag::Diagnostic;

impl HouseStyle {
    /// Formats a date in the house format.
    pub fn format_date(&self, date: Date) -> String {
        self.strtime(&self.date_format, date)
    }

    /// A deferred item's note: `Deferred to 16 February 2027` (`words.deferred_to` and
    /// the date of the meeting its paper is put off to).
    pub fn deferred_note(&self, to: Date) -> String {
        format!("{} {}", self.words.deferred_to, self.format_date(to))
    }

    /// Formats a meeting date with its weekday, in the house format.
    pub fn format_weekday_date(&self, date: Date) -> String {
        self.strtime(&self.weekday_date_format, date)
    }

    /// Formats a meeting's time in the house format (`10:00`, `10.00 am`).
    pub fn format_time(&self, time: Time) -> String {
        jiff::fmt::strtime::format(&self.time_format, time)
            .unwrap_or_else(|_| time.strftime("%H:%M").to_string())
    }

    /// `date` in `format`, its month's and weekday's names the house's.
    fn strtime(&self, format: &str, date: Date) -> String {
        let month = name(&self.words.months, date.month().unsigned_abs() - 1);
        let weekday = name(
            &self.words.weekdays,
            date.weekday().to_monday_zero_offset().unsigned_abs(),
        );
        jiff::fmt::strtime::format(named(format, month, weekday), date)
            .unwrap_or_else(|_| date.to_string())
    }

    /// Problems with the date and time formats and the names of months and weekdays, each
    /// at its value in clerk.yaml.
    pub(super) fn validate_dates(&self) -> Vec<Diagnostic> {
        let formats = [
            (
                "date_format",
                &self.date_format,
                "%-d %B %Y",
                "1 September 2021",
            ),
            (
                "weekday_date_format",
                &self.weekday_date_format,
                "%A %-d %B %Y",
                "Tuesday 1 September 2021",
            ),
        ];
        let mut diags = Vec::new();
        for (key, format, default, example) in formats {
            let shown = |y, m, d| jiff::fmt::strtime::format(format, jiff::civil::date(y, m, d));
            let problem = match shown(2021, 9, 1) {
                Err(_) => Some("is not a date format clerk can use".to_string()),
                // A format with no codes (Word's `dd MMMM yyyy`) prints itself for every date.
                Ok(first) => {
                    // A week on for the day, so that a weekday alone is no day.
                    let missing: Vec<&str> = [
                        ("day", shown(2021, 9, 8)),
                        ("month", shown(2021, 10, 1)),
                        ("year", shown(2022, 9, 1)),
                    ]
                    .into_iter()
                    .filter(|(_, other)| other.as_ref().ok() == Some(&first))
                    .map(|(part, _)| part)
                    .collect();
                    (!missing.is_empty()).then(|| {
                        format!(
                            "shows no {}, so every date would read “{first}”",
                            missing.join(" nor ")
                        )
                    })
                }
            };
            if let Some(problem) = problem {
                diags.push(
                    self.error_at(
                        "house-style",
                        &[key],
                        format!("`{key}` `{format}` {problem}"),
                    )
                    .with_help(format!(
                        "the default style uses \"{default}\" ({example}): `%-d` is the day, `%B` the month's name, `%m` its number, `%Y` the year, `%A` the weekday"
                    )),
                );
            }
        }
        diags.extend(self.validate_time_format());
        for (key, names, count, example) in [
            ("months", &self.words.months, 12, "January"),
            ("weekdays", &self.words.weekdays, 7, "Monday"),
        ] {
            let problem = if names.len() != count {
                Some(format!("names {} of the {count}", names.len()))
            } else {
                names
                    .iter()
                    .position(|n| n.trim().is_empty())
                    .map(|i| format!("leaves the {} empty", ordinal(i + 1)))
            };
            if let Some(problem) = problem {
                diags.push(
                    self.error_at(
                        "house-style",
                        &["words", key],
                        format!("`words.{key}` {problem}"),
                    )
                    .with_help(format!(
                        "list all {count} in order, from {example}, as the house writes them, or remove the line to keep clerk's English"
                    )),
                );
            }
        }
        diags
    }

    /// A `time_format` that is not a time format, or would show two times alike.
    fn validate_time_format(&self) -> Option<Diagnostic> {
        let format = &self.time_format;
        let shown = |h, m| jiff::fmt::strtime::format(format, jiff::civil::time(h, m, 0, 0));
        let problem = match [shown(10, 0), shown(10, 30), shown(11, 0), shown(22, 0)] {
            [Ok(ten), Ok(half), Ok(eleven), Ok(night)] => {
                let missing: Vec<&str> =
                    [("minutes", &half), ("hour", &eleven), ("am or pm", &night)]
                        .into_iter()
                        .filter(|(_, other)| **other == ten)
                        .map(|(part, _)| part)
                        .collect();
                (!missing.is_empty()).then(|| {
                    format!(
                        "shows no {}, so 10:00, 10:30, 11:00 and 22:00 would not all read apart",
                        missing.join(" nor ")
                    )
                })
            }
            _ => Some("is not a time format clerk can use".to_string()),
        }?;
        Some(
            self.error_at(
                "house-style",
                &["time_format"],
                format!("`time_format` `{format}` {problem}"),
            )
            .with_help(
                "the default style uses \"%H:%M\" (14:30); \"%-I.%M %P\" gives 2.30 pm: `%H` is the hour of 24, `%-I` of 12, `%M` the minutes, `%P` am or pm",
            ),
        )
    }
}

/// `format` with its `%B` (the month's name) and `%A` (the weekday's) written out as
/// `month` and `weekday` (upper-cased for `%^B`, `%^A`), so that strftime, which knows them
/// in English only, prints the house's; every other code is left as it is.
fn named(format: &str, month: &str, weekday: &str) -> String {
    let mut out = String::with_capacity(format.len() + 16);
    let mut rest = format;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let spec = &rest[at + 1..];
        let flags = spec
            .find(|c: char| !matches!(c, '-' | '_' | '0' | '^' | '#'))
            .unwrap_or(spec.len());
        let head = flags
            + spec[flags..]
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(spec.len() - flags);
        match spec[head..].chars().next() {
            Some(c @ ('A' | 'B')) => {
                let name = if c == 'A' { weekday } else { month };
                let name = if spec[..flags].contains('^') {
                    name.to_uppercase()
                } else {
                    name.to_string()
                };
                out.push_str(&name.replace('%', "%%"));
                rest = &spec[head + 1..];
            }
            Some(c) => {
                out.push('%');
                out.push_str(&spec[..head + c.len_utf8()]);
                rest = &spec[head + c.len_utf8()..];
            }
            None => {
                out.push('%');
                out.push_str(spec);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `i`th of `names` (none when the house lists too few, which it is told of).
fn name(names: &[String], i: u8) -> &str {
    names.get(usize::from(i)).map_or("", String::as_str)
}

/// `1st`, `2nd`, … for a message.
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::named;
    use crate::config::HouseStyle;

    #[test]
    fn month_and_weekday_codes_take_the_given_names_and_others_stay() {
        assert_eq!(
            named("%A %-d %B %Y", "Mai", "Dydd Mawrth"),
            "Dydd Mawrth %-d Mai %Y"
        );
        assert_eq!(named("%^B %%B %b", "Mai", "x"), "MAI %%B %b");
        assert_eq!(named("100% %", "50%", "x"), "100% %");
        assert_eq!(named("%B", "50%", "x"), "50%%");
    }

    #[test]
    fn the_house_months_and_weekdays_are_shown_and_the_time_in_its_format() {
        let mut house = HouseStyle::default();
        let date = jiff::civil::date(2026, 5, 19);
        assert_eq!(house.format_weekday_date(date), "Tuesday 19 May 2026");
        assert_eq!(house.format_date(date), "19 May 2026");
        house.words.months = [
            "Ionawr",
            "Chwefror",
            "Mawrth",
            "Ebrill",
            "Mai",
            "Mehefin",
            "Gorffennaf",
            "Awst",
            "Medi",
            "Hydref",
            "Tachwedd",
            "Rhagfyr",
        ]
        .map(String::from)
        .to_vec();
        house.words.weekdays = [
            "Dydd Llun",
            "Dydd Mawrth",
            "Dydd Mercher",
            "Dydd Iau",
            "Dydd Gwener",
            "Dydd Sadwrn",
            "Dydd Sul",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(house.format_weekday_date(date), "Dydd Mawrth 19 Mai 2026");
        assert_eq!(
            house.format_date(jiff::civil::date(2026, 12, 6)),
            "6 Rhagfyr 2026"
        );
        let t = jiff::civil::time(14, 30, 0, 0);
        assert_eq!(house.format_time(t), "14:30");
        house.time_format = "%-I.%M %P".into();
        assert_eq!(house.format_time(t), "2.30 pm");
    }

    #[test]
    fn a_time_format_that_hides_the_minutes_or_is_none_is_refused() {
        let mut house = HouseStyle::default();
        assert!(house.validate_time_format().is_none());
        house.time_format = "%-I%P".into();
        let d = house.validate_time_format().expect("minutes missing");
        assert!(d.message.contains("shows no minutes"), "{}", d.message);
        house.time_format = "%-d %B".into();
        let d = house.validate_time_format().expect("a date format");
        assert!(d.message.contains("not a time format"), "{}", d.message);
        house.time_format = "%-I.%M".into();
        let d = house.validate_time_format().expect("am or pm missing");
        assert!(d.message.contains("am or pm"), "{}", d.message);
    }

    #[test]
    fn months_and_weekdays_must_be_whole() {
        let mut house = HouseStyle::default();
        assert!(house.validate_dates().is_empty());
        house.words.months.pop();
        house.words.weekdays[2] = " ".into();
        let messages: Vec<String> = house
            .validate_dates()
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert_eq!(
            messages,
            [
                "`words.months` names 11 of the 12",
                "`words.weekdays` leaves the 3rd empty"
            ]
        );
    }
}

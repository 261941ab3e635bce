//! The values of a meeting file read one by one: text, flags, the date (read as a paper's
//! is), the start and end times, each problem reported at its place.

use super::Reader;
use crate::yaml::{Node, Scalar, Value};

impl Reader<'_> {
    pub(super) fn text_of(&mut self, key: &str, n: &Node) -> Option<String> {
        let s = match &n.value {
            Value::Scalar(Scalar::Str(s)) => s.clone(),
            Value::Scalar(Scalar::Null) => String::new(),
            Value::Scalar(_) => n
                .pos
                .offset
                .and_then(|o| self.text.get(o..o + n.pos.len))
                .map(str::to_string)
                .or_else(|| n.as_text())
                .unwrap_or_default(),
            _ => {
                let m = format!("`{key}` must be text, but here it is {}", n.kind());
                self.error(
                    n.pos,
                    "wrong-type",
                    m,
                    &format!("write it as text after `{key}:`"),
                );
                return None;
            }
        };
        let s = self.curly_quotes(key, n, s.trim());
        if s.is_empty() {
            let m = format!("`{key}` is empty");
            self.error(
                n.pos,
                "empty-value",
                m,
                &format!("write a value after `{key}:`, or remove the line"),
            );
            return None;
        }
        Some(s)
    }

    /// `value` with a `curly-quotes` warning when a word processor wrapped it in curly
    /// quotes, which YAML keeps as part of the text: read without them for the keys that
    /// must match something (`committee: “Resources Committee”` is the papers' committee,
    /// `number: “3.1”` their item, `time: “10:00”` a time), kept and said for the words
    /// shown as written (a title may open or close with a quote of its own).
    fn curly_quotes(&mut self, key: &str, n: &Node, value: &str) -> String {
        const MATCHED: [&str; 7] = [
            "committee",
            "date",
            "time",
            "end",
            "number",
            "paper",
            "status",
        ];
        let matched = MATCHED.contains(&key);
        let Some((plain, lone)) = crate::paper::curly_wrapped(value, matched) else {
            return value.to_string();
        };
        let plain = plain.trim();
        let reads = if matched {
            format!("it is read as {plain}")
        } else {
            format!("it reads {value}")
        };
        let wrapped = if lone { "marked with" } else { "wrapped in" };
        let d = self
            .at(
                n.pos,
                "curly-quotes",
                format!("the value of `{key}` is {wrapped} curly quotes, which YAML keeps as part of the text: {reads}"),
            )
            .with_help(format!("YAML quotes with straight quotes only (a word processor may have curled them): write `{key}: \"{plain}\"`"))
            .warning();
        self.diags.push(d);
        if matched {
            plain.to_string()
        } else {
            value.to_string()
        }
    }

    pub(super) fn flag(&mut self, key: &str, n: &Node) -> bool {
        match n.value {
            Value::Scalar(Scalar::Bool(b)) => b,
            Value::Scalar(Scalar::Null) => false,
            _ => {
                let m = format!("`{key}` must be `true` or `false`");
                self.error(
                    n.pos,
                    "wrong-type",
                    m,
                    &format!("write `{key}: true`, or leave the line out"),
                );
                false
            }
        }
    }

    pub(super) fn date(&mut self, n: &Node) -> Option<jiff::civil::Date> {
        self.date_of("date", n)
    }

    /// The date `key` gives (`date`, an item's `deferred`), read as a paper's date is.
    pub(super) fn date_of(&mut self, key: &str, n: &Node) -> Option<jiff::civil::Date> {
        let s = self.text_of(key, n)?;
        // The same reading, and the same words, as a paper's date.
        match crate::paper::parse_date(&s) {
            Ok(d) => Some(d),
            Err(p) => {
                self.error(n.pos, "bad-date", p.message, &p.help);
                None
            }
        }
    }

    /// The time `key` (`time`, the start, or `end`) gives, on the 24-hour clock as HH:MM.
    pub(super) fn time(&mut self, key: &str, n: &Node) -> Option<jiff::civil::Time> {
        let s = self.text_of(key, n)?;
        let b = s.as_bytes();
        let shape =
            b.len() == 5 && b[2] == b':' && [0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit());
        let parsed = shape
            .then(|| Some((s[..2].parse::<i8>().ok()?, s[3..].parse::<i8>().ok()?)))
            .flatten()
            .and_then(|(h, m)| jiff::civil::Time::new(h, m, 0, 0).ok());
        if parsed.is_none() {
            let (what, example) = match key {
                "end" => ("end", "`end: \"12:30\"` or `\"16:00\"`"),
                _ => ("start", "`time: \"10:00\"` or `\"14:30\"`"),
            };
            let help = match guess_time(&s) {
                Some(t) => format!("write it on the 24-hour clock, in quotes: `{key}: \"{t}\"`"),
                None => {
                    format!("write the {what} time on the 24-hour clock, in quotes, like {example}")
                }
            };
            // `25:00` is in the form, but no time of day: said as what it is.
            let message = if shape {
                format!(
                    "`{s}` is not a time of day: the hours go from 00 to 23, the minutes from 00 to 59"
                )
            } else {
                format!("`{s}` is not a time in the form HH:MM")
            };
            self.error(n.pos, "bad-time", message, &help);
        }
        parsed
    }

    /// Checks the `end` at `n` against the start: a meeting ends after it starts, and an
    /// end needs a start (`has_time`: the file has a `time` key, read or not).
    pub(super) fn end_after_start(&mut self, m: &super::MeetingFile, has_time: bool, n: &Node) {
        let Some(end) = m.end else { return };
        let Some(start) = m.time else {
            if !has_time {
                self.error(
                    n.pos,
                    "end-without-time",
                    "`end` says when the meeting ends, but the file gives no `time` for it to start".into(),
                    "add the start time on the 24-hour clock, like `time: \"10:00\"`, or remove `end`",
                );
            }
            return;
        };
        if end > start {
            return;
        }
        let hm = |t: jiff::civil::Time| t.strftime("%H:%M").to_string();
        // `end: "01:30"` after `time: "10:00"`: most likely 13:30 on a 12-hour clock; an
        // end that would be evening so (`09:00` after `10:00`) more likely a slip.
        let later = end
            .checked_add(jiff::SignedDuration::from_hours(12))
            .ok()
            .filter(|l| end.hour() < 12 && *l > start && l.hour() < 18);
        let help = match later {
            Some(l) => format!(
                "write the end time on the 24-hour clock: `end: \"{}\"` if the meeting ends at {} in the afternoon",
                hm(l),
                l.strftime("%-I:%M")
            ),
            None if end < start => format!(
                "give the time the meeting ends, after its start at {}; if the two are the wrong way round, write `time: \"{}\"` and `end: \"{}\"`; or remove `end`",
                hm(start),
                hm(end),
                hm(start)
            ),
            None => "give the time the meeting ends, after its start, or remove `end`".to_string(),
        };
        self.error(
            n.pos,
            "end-before-start",
            format!(
                "the meeting ends at {} but starts at {}",
                hm(end),
                hm(start)
            ),
            &help,
        );
    }
}

/// The time a secretary most likely meant by `text` (`2pm`, `9:30`, `10.00 am`), as HH:MM.
fn guess_time(text: &str) -> Option<String> {
    let t = text.trim().to_ascii_lowercase().replace(' ', "");
    let (t, pm, am) = match (t.strip_suffix("pm"), t.strip_suffix("am")) {
        (Some(rest), _) => (rest.to_string(), true, false),
        (_, Some(rest)) => (rest.to_string(), false, true),
        _ => (t, false, false),
    };
    let (h, m) = match t.split_once([':', '.']) {
        Some((h, m)) => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
        None => (t.parse::<u32>().ok()?, 0),
    };
    let h = match (pm, am, h) {
        (true, _, 1..=11) => h + 12,
        (_, true, 12) => 0,
        (false, false, h) | (true, _, h) | (_, true, h) => h,
    };
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

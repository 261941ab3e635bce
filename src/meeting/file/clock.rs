//! A meeting's start time against the house time zone: a time the clocks skip when they go
//! forward, or pass twice when they go back, is a warning at the file's `time:` value that
//! says which moment clerk took for the calendar and how to say the one meant.

use jiff::Zoned;
use jiff::civil::{Date, Time};
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};

use super::MeetingFile;
use crate::diag::Diagnostic;

/// The warning for `file`'s `time` on its `date` in the time zone `zone` (the house
/// `time_zone`), if that time is skipped or repeated that day; none for an ordinary time,
/// or when the file gives no time or date, or the zone is unknown (reported elsewhere).
pub(crate) fn warning(file: &MeetingFile, zone: &str) -> Option<Diagnostic> {
    let (date, time) = (file.date?, file.time?);
    let tz = TimeZone::get(zone).ok()?;
    let ambiguous = tz.to_ambiguous_zoned(date.to_datetime(time));
    let (message, help) = match ambiguous.offset() {
        AmbiguousOffset::Unambiguous { .. } => return None,
        AmbiguousOffset::Gap { before, after } => {
            let used = ambiguous.clone().compatible().ok()?;
            (
                format!(
                    "{} does not exist on {} in {zone}: the clocks go forward {} that night, skipping it",
                    hm(time),
                    day(date),
                    shift(before, after),
                ),
                format!(
                    "clerk has put the meeting at {} in the calendar (the page and agenda show {} as written); give the time the meeting really starts, e.g. `time: \"{}\"`",
                    moment(&used),
                    hm(time),
                    hm(used.time()),
                ),
            )
        }
        AmbiguousOffset::Fold { before, after } => {
            let first = ambiguous.clone().earlier().ok()?;
            let second = ambiguous.clone().later().ok()?;
            (
                format!(
                    "{} happens twice on {} in {zone}: the clocks go back {} that night",
                    hm(time),
                    day(date),
                    shift(after, before),
                ),
                format!(
                    "clerk has taken the first, {}, for the calendar; a meeting file's time cannot name the second, {}, so if that is the one meant, start the meeting outside the repeated hour",
                    moment(&first),
                    moment(&second),
                ),
            )
        }
    };
    let d = Diagnostic::file_error("ambiguous-time", &file.file, message)
        .with_help(help)
        .warning();
    Some(match file.time_pos.span_in(&file.text) {
        Some(span) => d.with_span(span),
        None => d,
    })
}

/// `01:30`.
fn hm(t: Time) -> String {
    t.strftime("%H:%M").to_string()
}

/// `Sunday 29 March 2026`.
fn day(d: Date) -> String {
    d.strftime("%A %-d %B %Y").to_string()
}

/// `an hour`, `30 minutes`: how far the clocks move from `from` to `to`.
fn shift(from: Offset, to: Offset) -> String {
    let minutes = (to.seconds() - from.seconds()).abs() / 60;
    match minutes {
        60 => "an hour".into(),
        m if m % 60 == 0 => format!("{} hours", m / 60),
        m => format!("{m} minutes"),
    }
}

/// `02:30 BST (01:30 UTC)`.
fn moment(z: &Zoned) -> String {
    let abbreviation = z
        .time_zone()
        .to_offset_info(z.timestamp())
        .abbreviation()
        .to_string();
    let utc = z.timestamp().to_zoned(TimeZone::UTC);
    format!("{} {abbreviation} ({} UTC)", hm(z.time()), hm(utc.time()))
}

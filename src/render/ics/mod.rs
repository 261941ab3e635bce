//! `out/meetings.ics`: every meeting as an iCalendar event (RFC 5545), written by hand:
//! CRLF line ends, lines folded at 75 octets, text escaped; the same meetings give the
//! same bytes (no clock is read).

mod kept;

use crate::config::HouseStyle;
use crate::diag::Diagnostic;
use crate::meeting::{ItemKind, Meeting};

/// The length of a meeting with a start and no end, should the house give none it can use.
const DEFAULT_LENGTH: jiff::SignedDuration = jiff::SignedDuration::from_hours(2);

/// The calendar of `meetings`: times in UTC, computed from the house `time_zone` (so no
/// `VTIMEZONE` is needed); a meeting with no time is an all-day event, and one with a time
/// ends at its `end`, else after the house's `meeting_length`. `draft_default`
/// says whether a meeting that does not give its status is a draft (tentative). A failed
/// meeting (its file has an error, or it clashes with another) is not written from what its
/// file reads now: it keeps its event in `earlier` (the calendar the last build wrote), as
/// written, when it has one there, and is left out otherwise. The caller passes a failed
/// meeting only while its last good page stands (one that showed a paper withheld now is
/// withdrawn, and its event goes with it).
pub fn calendar<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    house: &HouseStyle,
    draft_default: bool,
    earlier: &str,
) -> Result<String, Diagnostic> {
    let tz = jiff::tz::TimeZone::get(&house.time_zone).map_err(|e| {
        Diagnostic::file_error(
            "house-style",
            std::path::Path::new(crate::config::HOUSE_FILE),
            format!(
                "`time_zone` `{}` is not a known time zone ({e})",
                house.time_zone
            ),
        )
    })?;
    let mut out = String::new();
    let org = &house.organisation.name;
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(
        &mut out,
        &format!("PRODID:-//clerk//clerk {}//EN", env!("CARGO_PKG_VERSION")),
    );
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(
        &mut out,
        &format!(
            "X-WR-CALNAME:{}",
            escape(&format!("{org} – {}", house.words.calendar))
        ),
    );
    line(
        &mut out,
        &format!("X-WR-TIMEZONE:{}", escape(&house.time_zone)),
    );
    let domain = slug::slugify(org);
    let domain = if domain.is_empty() {
        "committee"
    } else {
        &domain
    };
    let kept = kept::events_by_uid(earlier);
    // Two meetings whose names clash share a folder and a `UID`: both failed, they keep
    // the one event the last calendar had, once.
    let mut written = std::collections::BTreeSet::new();
    for m in meetings {
        let uid = format!("{}@{domain}.clerk", m.slug());
        if !written.insert(uid.clone()) {
            continue;
        }
        if m.failed {
            if let Some(event) = kept.get(&uid) {
                out.push_str(event);
            }
            continue;
        }
        // Its words as its page and agenda show them.
        let m = &m.shown();
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{uid}"));
        // DTSTAMP must be a UTC date-time; the meeting's date keeps rebuilds identical.
        line(
            &mut out,
            &format!("DTSTAMP:{}T000000Z", m.date.strftime("%Y%m%d")),
        );
        match m.time {
            Some(t) => {
                let bad = |at: jiff::civil::Time, e: jiff::Error| {
                    Diagnostic::file_error(
                        "bad-time",
                        m.file
                            .as_deref()
                            .unwrap_or(std::path::Path::new("meetings")),
                        format!(
                            "{} on {} at {} is not a time in {} ({e})",
                            m.committee, m.date, at, house.time_zone
                        ),
                    )
                };
                // Each moment as the instant it is in the house's zone, written in UTC.
                let instant = |at: jiff::civil::Time| {
                    let zoned = m.date.to_datetime(at).to_zoned(tz.clone());
                    zoned.map(|z| z.timestamp()).map_err(|e| bad(at, e))
                };
                let utc = |ts: jiff::Timestamp| ts.strftime("%Y%m%dT%H%M%SZ").to_string();
                let start = instant(t)?;
                line(&mut out, &format!("DTSTART:{}", utc(start)));
                // Its own end, else the house's usual length: a calendar shows an event with
                // no end as lasting no time at all (RFC 5545 3.6.1).
                let end = match m.end {
                    Some(end) => instant(end)?,
                    None => {
                        let length = house.meeting_duration().unwrap_or(DEFAULT_LENGTH);
                        start.checked_add(length).map_err(|e| bad(t, e))?
                    }
                };
                let end = utc(end);
                line(&mut out, &format!("DTEND:{end}"));
            }
            None => {
                line(
                    &mut out,
                    &format!("DTSTART;VALUE=DATE:{}", m.date.strftime("%Y%m%d")),
                );
                let next = m.date.tomorrow().unwrap_or(m.date);
                line(
                    &mut out,
                    &format!("DTEND;VALUE=DATE:{}", next.strftime("%Y%m%d")),
                );
            }
        }
        // Calendars that show no status still show the title.
        let summary = if m.cancelled {
            format!("{}: {}", house.words.cancelled, m.committee)
        } else {
            m.committee.clone()
        };
        line(&mut out, &format!("SUMMARY:{}", escape(&summary)));
        if let Some(l) = &m.location {
            line(&mut out, &format!("LOCATION:{}", escape(l)));
        }
        let mut description: Vec<String> = m
            .public_agenda()
            .into_iter()
            .map(|i| {
                let title = match i.kind {
                    ItemKind::Deferred { to, .. } => {
                        format!("{} ({})", i.title, house.deferred_note(to))
                    }
                    _ => i.title.clone(),
                };
                match &i.number {
                    Some(n) => format!("{n} {title}"),
                    None => title,
                }
            })
            .collect();
        // By their numbers, never their titles (the calendar travels further than the
        // meeting page): a bare count (`… in private: 1`) read as item 1.
        let private: Vec<&str> = m
            .private_items()
            .filter_map(|i| i.number.as_deref())
            .collect();
        if m.private_items().next().is_some() {
            description.push(
                format!("{}: {}", house.private_heading, private.join(", "))
                    .trim_end()
                    .to_string(),
            );
        }
        if !description.is_empty() {
            line(
                &mut out,
                &format!("DESCRIPTION:{}", escape(&description.join("\n"))),
            );
        }
        if let Some(base) = &house.base_url {
            let base = base.trim_end_matches('/');
            line(&mut out, &format!("URL:{base}/meetings/{}/", m.slug()));
        }
        // A cancelled meeting stays in the calendar, so that subscribers' copies of it are
        // marked off rather than left standing.
        let status = if m.cancelled {
            "CANCELLED"
        } else if m.is_draft(draft_default) {
            "TENTATIVE"
        } else {
            "CONFIRMED"
        };
        line(&mut out, &format!("STATUS:{status}"));
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    Ok(out)
}

/// A TEXT value escaped (RFC 5545 3.3.11): `\`, `;`, `,` and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (never inside a character), CRLF-ended.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::{AgendaItem, ItemKind};

    fn meeting(time: Option<&str>) -> Meeting {
        Meeting {
            committee: "Resources Committee".into(),
            date: jiff::civil::date(2026, 5, 19),
            time: time.map(|t| t.parse().unwrap()),
            end: None,
            location: Some("Room 1, Tower Block; Dundee".into()),
            chair: None,
            contact: None,
            status: None,
            items: vec![AgendaItem {
                number: Some("4".into()),
                title: "Cyber".into(),
                kind: ItemKind::Verbal,
                presenter: None,
                purpose: None,
                private: Some("Standing Orders 20(d)".into()),
                late: false,
                language: None,
                depth: 0,
            }],
            file: None,
            failed: false,
            cancelled: false,
        }
    }

    /// The calendar's name and an event's private items are in the house's words: their
    /// numbers after its `private_heading`, never a count that would read as an item's.
    #[test]
    fn the_calendar_is_named_and_its_private_items_counted_in_the_houses_words() {
        let mut house = HouseStyle::default();
        house.organisation.name = "Comhairle nan Eilean Siar".into();
        house.words.calendar = "coinneamhan comataidh".into();
        house.private_heading = "Gnothaichean dìomhair".into();
        let ics = calendar(&[meeting(None)], &house, false, "").unwrap();
        assert!(
            ics.contains("X-WR-CALNAME:Comhairle nan Eilean Siar – coinneamhan comataidh\r\n"),
            "{ics}"
        );
        assert!(
            ics.contains("DESCRIPTION:Gnothaichean dìomhair: 4\r\n"),
            "{ics}"
        );
    }

    #[test]
    fn times_are_utc_from_the_house_zone_and_lines_are_folded() {
        let house = HouseStyle {
            base_url: Some("https://papers.example.org/".into()),
            ..HouseStyle::default()
        };
        let mut long = meeting(Some("10:00"));
        long.committee = "A committee with a very long name that goes on and on past seventy-five octets – ünïcode".into();
        // A meeting of the same committee with no time, on another day (one a day has one UID).
        let mut untimed = meeting(None);
        untimed.date = jiff::civil::date(2026, 6, 2);
        let ics = calendar(&[meeting(Some("10:00")), untimed, long], &house, false, "").unwrap();
        assert!(
            ics.contains("DTSTART:20260519T090000Z\r\n"),
            "BST is UTC+1: {ics}"
        );
        assert!(ics.contains("DTSTART;VALUE=DATE:20260602\r\nDTEND;VALUE=DATE:20260603\r\n"));
        assert!(ics.contains("LOCATION:Room 1\\, Tower Block\\; Dundee\r\n"));
        assert!(ics.contains(
            "URL:https://papers.example.org/meetings/2026-05-19-resources-committee/\r\n"
        ));
        assert!(
            ics.contains("UID:2026-05-19-resources-committee@scottish-police-authority.clerk\r\n")
        );
        assert!(
            !ics.contains("Cyber"),
            "a private item's title stays off the calendar"
        );
        for l in ics.split("\r\n") {
            assert!(l.len() <= 75, "{l:?} is longer than 75 octets");
            assert!(!l.contains('\n'));
        }
        assert!(ics.contains("\r\n "), "the long summary is folded");
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("goes on and on past seventy-five octets – ünïcode"));
        let winter = Meeting {
            date: jiff::civil::date(2026, 1, 13),
            ..meeting(Some("10:00"))
        };
        assert!(
            calendar(&[winter], &house, false, "")
                .unwrap()
                .contains("DTSTART:20260113T100000Z")
        );
    }

    /// A meeting with a start time ends: at its own `end`, else after the house's usual
    /// length, counted in real time across a change of the clocks; never a zero-length event.
    #[test]
    fn a_timed_meeting_ends_at_its_end_or_after_the_house_length() {
        let house = HouseStyle::default();
        let ics = calendar(&[meeting(Some("10:00"))], &house, false, "").unwrap();
        assert!(
            ics.contains("DTSTART:20260519T090000Z\r\nDTEND:20260519T110000Z\r\n"),
            "two hours by default: {ics}"
        );
        let own = Meeting {
            end: Some("12:30".parse().unwrap()),
            ..meeting(Some("10:00"))
        };
        let ics = calendar(&[own], &house, false, "").unwrap();
        assert!(ics.contains("DTEND:20260519T113000Z\r\n"), "{ics}");
        let short = HouseStyle {
            meeting_length: "1h 30m".into(),
            ..HouseStyle::default()
        };
        // The clocks go back at 02:00 on 25 October 2026: 00:30 BST + 90 minutes is 01:00 GMT.
        let night = Meeting {
            date: jiff::civil::date(2026, 10, 25),
            ..meeting(Some("00:30"))
        };
        let ics = calendar(&[night], &short, false, "").unwrap();
        assert!(
            ics.contains("DTSTART:20261024T233000Z\r\nDTEND:20261025T010000Z\r\n"),
            "{ics}"
        );
    }

    /// A cancelled meeting stays in the calendar under its own UID, marked cancelled in its
    /// status and its title, so that a subscriber's copy is marked off, not left standing.
    #[test]
    fn a_cancelled_meeting_is_marked_off_not_dropped() {
        let house = HouseStyle::default();
        let off = Meeting {
            cancelled: true,
            ..meeting(Some("10:00"))
        };
        let ics = calendar(&[off], &house, false, "").unwrap();
        assert!(ics.contains("STATUS:CANCELLED\r\n"), "{ics}");
        assert!(
            ics.contains("SUMMARY:Cancelled: Resources Committee\r\n"),
            "{ics}"
        );
        assert!(ics.contains("UID:2026-05-19-resources-committee@"), "{ics}");
        let on = calendar(&[meeting(Some("10:00"))], &house, false, "").unwrap();
        assert!(on.contains("STATUS:CONFIRMED\r\n") && !on.contains("Cancelled"));
    }
}

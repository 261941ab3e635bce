//! The events of the calendar an earlier build wrote, by `UID`: a meeting whose file has an
//! error keeps its last good page, and so keeps its last good event, as written, rather than
//! vanishing from subscribers' calendars two days before it is held.

use std::collections::BTreeMap;

/// Each `VEVENT` of `ics` (a calendar clerk wrote: CRLF line ends, folded lines) by its
/// `UID`, as written from `BEGIN:VEVENT` to `END:VEVENT` and its line end.
pub fn events_by_uid(ics: &str) -> BTreeMap<String, &str> {
    let mut out = BTreeMap::new();
    let mut rest = ics;
    while let Some(start) = rest.find("BEGIN:VEVENT\r\n") {
        let from = &rest[start..];
        let Some(end) = from.find("END:VEVENT\r\n") else {
            break;
        };
        let event = &from[..end + "END:VEVENT\r\n".len()];
        // A folded line continues after CRLF and one space.
        let unfolded = event.replace("\r\n ", "");
        if let Some(uid) = unfolded.split("\r\n").find_map(|l| l.strip_prefix("UID:")) {
            out.insert(uid.to_string(), event);
        }
        rest = &from[event.len()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_event_is_found_by_its_unfolded_uid_and_kept_as_written() {
        let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:2026-05-19-a-committee-with-a-long-\r\n name@org.clerk\r\nSUMMARY:A\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:2026-06-01-b@org.clerk\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let events = events_by_uid(ics);
        assert_eq!(events.len(), 2);
        assert_eq!(
            events["2026-05-19-a-committee-with-a-long-name@org.clerk"],
            "BEGIN:VEVENT\r\nUID:2026-05-19-a-committee-with-a-long-\r\n name@org.clerk\r\nSUMMARY:A\r\nEND:VEVENT\r\n"
        );
        assert!(events.contains_key("2026-06-01-b@org.clerk"));
        assert!(events_by_uid("not a calendar").is_empty());
    }
}

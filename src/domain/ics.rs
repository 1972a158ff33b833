//! A calendar file (RFC 5545) with daily practice reminders.
//!
//! A web app can't wake itself while it is closed, but the phone's calendar can, so the
//! reminders go there as a file the owner imports once.
//!
//! - Each reminder is a daily event at a *floating* local time (no `Z`, no time zone),
//!   so it rings at 18:30 wherever the phone is.
//! - Its UID names the reminder's slot (first or second practice time of the day),
//!   never the time, the rats or the date, so importing a new file after moving 18:30
//!   to 19:00 updates the event instead of adding a second one. `SEQUENCE`
//!   counts minutes from 2020 to the file's `DTSTAMP`, so a newer file always wins.
//! - Text is escaped (`\\`, `\;`, `\,`, `\n`) and lines are folded at 75 octets
//!   between characters, never inside one, and never right after a space (some
//!   readers trim line ends, which would lose it). Lines end with CRLF.

use super::date::LocalDate;
use serde::{Deserialize, Serialize};
use std::fmt;

pub const FILE_NAME: &str = "ratbond-practice.ics";
pub const MIME_TYPE: &str = "text/calendar;charset=utf-8";
pub const PRODID: &str = "-//Ratbond//Practice reminders//EN";
/// Octets per physical line, CRLF not counted (RFC 5545, 3.1).
pub const LINE_MAX: usize = 75;
/// How long each reminder event lasts in the calendar.
pub const EVENT_MINUTES: u8 = 15;

/// A daily practice time, in the owner's local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Reminder {
    pub hour: u8,
    pub minute: u8,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IcsError {
    NoReminders,
    /// The time text couldn't be read as hours and minutes.
    TimeFormat,
    Hour {
        hour: u8,
    },
    Minute {
        minute: u8,
    },
    /// The `now` stamp isn't `YYYYMMDDTHHMMSSZ`.
    Stamp,
}

impl fmt::Display for IcsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::text::calendar as t;
        match self {
            IcsError::NoReminders => f.write_str(t::NO_REMINDERS),
            IcsError::TimeFormat => f.write_str(t::TIME_FORMAT),
            IcsError::Hour { hour } => f.write_str(&t::bad_hour(*hour)),
            IcsError::Minute { minute } => f.write_str(&t::bad_minute(*minute)),
            IcsError::Stamp => f.write_str(t::STAMP),
        }
    }
}

impl Reminder {
    pub fn new(hour: u8, minute: u8) -> Result<Self, IcsError> {
        let r = Reminder { hour, minute };
        r.validate()?;
        Ok(r)
    }

    pub fn validate(&self) -> Result<(), IcsError> {
        if self.hour > 23 {
            return Err(IcsError::Hour { hour: self.hour });
        }
        if self.minute > 59 {
            return Err(IcsError::Minute {
                minute: self.minute,
            });
        }
        Ok(())
    }

    /// Reads `HH:MM` (as a time input gives it), also `H:MM` and `HH:MM:SS`.
    pub fn parse(text: &str) -> Result<Self, IcsError> {
        let mut parts = text.trim().split(':');
        let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
            return Err(IcsError::TimeFormat);
        };
        let rest: Vec<&str> = parts.collect();
        let number = |s: &str, len: std::ops::RangeInclusive<usize>| {
            (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u8>().ok())
                .flatten()
        };
        let seconds_ok = match rest.as_slice() {
            [] => true,
            [s] => number(s, 2..=2).is_some_and(|s| s <= 59),
            _ => false,
        };
        match (number(h, 1..=2), number(m, 2..=2), seconds_ok) {
            (Some(hour), Some(minute), true) => Reminder::new(hour, minute),
            _ => Err(IcsError::TimeFormat),
        }
    }

    /// `18:30`
    pub fn label(&self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }

    /// The UID of the `slot`-th practice time of the day (1 or 2), whatever its time.
    pub fn slot_uid(slot: usize) -> String {
        format!("ratbond-practice-{slot}@ratbond.local")
    }
}

/// Escapes a TEXT value (RFC 5545, 3.3.11). Line breaks become `\n`; other control
/// characters, which TEXT can't hold, are left out.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded to [`LINE_MAX`] octets per physical line, each ending in
/// CRLF. Continuation lines start with one space, which counts toward the limit.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3 + 2);
    let mut rest = line;
    let mut room = LINE_MAX;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // Don't leave a space or tab at the end of a physical line, unless the whole
        // piece is blank.
        let trimmed = rest[..cut].trim_end_matches([' ', '\t']).len();
        if trimmed > 0 {
            cut = trimmed;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = LINE_MAX - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
    out
}

/// "Pip", "Pip and Squeak", "Pip, Squeak and Nibbles", "Pip, Squeak and 3 more"; "your
/// rats" for none. A calendar shows only the start of a long title.
pub fn names_phrase(names: &[&str]) -> String {
    crate::text::common::few_names(names)
}

/// Reads `YYYYMMDDTHHMMSSZ`; gives the minutes since 2020-01-01 00:00 UTC (0 before).
fn stamp_minutes(stamp: &str) -> Option<i64> {
    let b = stamp.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| stamp[r].parse::<i64>().ok())
            .flatten()
    };
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    let month = u8::try_from(digits(4..6)?).ok()?;
    let day = u8::try_from(digits(6..8)?).ok()?;
    let (hour, minute, second) = (digits(9..11)?, digits(11..13)?, digits(13..15)?);
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let date = LocalDate::new(year, month, day).ok()?;
    let since = LocalDate::new(2020, 1, 1).ok()?;
    Some((date.days_since(since) * 1440 + hour * 60 + minute).max(0))
}

/// `YYYYMMDDTHHMMSSZ` for a time in milliseconds since the Unix epoch (UTC).
pub fn utc_stamp(epoch_ms: f64) -> Option<String> {
    if !epoch_ms.is_finite() {
        return None;
    }
    let secs = (epoch_ms / 1000.0).floor() as i64;
    let date = LocalDate::from_days(secs.div_euclid(86_400))?;
    let s = secs.rem_euclid(86_400);
    Some(format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        date.year(),
        date.month(),
        date.day(),
        s / 3600,
        s % 3600 / 60,
        s % 60
    ))
}

/// The calendar file with one daily event per reminder time (duplicates once), from
/// `first_day` on. `now_utc_stamp` is the current time as `YYYYMMDDTHHMMSSZ`.
pub fn practice_calendar(
    reminders: &[Reminder],
    rat_names: &[&str],
    first_day: LocalDate,
    now_utc_stamp: &str,
) -> Result<String, IcsError> {
    if reminders.is_empty() {
        return Err(IcsError::NoReminders);
    }
    for r in reminders {
        r.validate()?;
    }
    let sequence = stamp_minutes(now_utc_stamp).ok_or(IcsError::Stamp)?;
    let mut times = reminders.to_vec();
    crate::domain::order::sort_by(&mut times, &|a, b| a.cmp(b));
    times.dedup();

    let who = names_phrase(rat_names);
    let summary = crate::text::calendar::summary(&who);
    // The event's details have room for every name; title and alarm show only a line.
    let description = crate::text::calendar::description(&crate::text::common::names(rat_names));
    let alarm = crate::text::calendar::alarm(&who);

    let mut out = String::new();
    let mut line = |name: &str, value: &str| {
        out.push_str(&fold_line(&format!("{name}:{value}")));
    };
    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", PRODID);
    line("CALSCALE", "GREGORIAN");
    line("METHOD", "PUBLISH");
    for (i, r) in times.iter().enumerate() {
        line("BEGIN", "VEVENT");
        line("UID", &Reminder::slot_uid(i + 1));
        line("DTSTAMP", now_utc_stamp);
        line("SEQUENCE", &sequence.to_string());
        line(
            "DTSTART",
            &format!(
                "{:04}{:02}{:02}T{:02}{:02}00",
                first_day.year(),
                first_day.month(),
                first_day.day(),
                r.hour,
                r.minute
            ),
        );
        line("DURATION", &format!("PT{EVENT_MINUTES}M"));
        line("RRULE", "FREQ=DAILY");
        line("SUMMARY", &escape_text(&summary));
        line("DESCRIPTION", &escape_text(&description));
        line("TRANSP", "TRANSPARENT");
        line("BEGIN", "VALARM");
        line("ACTION", "DISPLAY");
        line("TRIGGER", "PT0S");
        line("DESCRIPTION", &escape_text(&alarm));
        line("END", "VALARM");
        line("END", "VEVENT");
    }
    line("END", "VCALENDAR");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ical::parser::ical::component::{IcalAlarm, IcalCalendar, IcalEvent};
    use ical::property::Property;
    use std::io::BufReader;

    const STAMP: &str = "20260310T171500Z";

    fn day() -> LocalDate {
        LocalDate::new(2026, 3, 10).unwrap()
    }

    fn at(hour: u8, minute: u8) -> Reminder {
        Reminder::new(hour, minute).unwrap()
    }

    /// Parses with the `ical` crate and expects exactly one calendar.
    fn parse(text: &str) -> IcalCalendar {
        let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
        let cal = parser.next().expect("a calendar").expect("it parses");
        assert!(parser.next().is_none(), "one calendar only");
        cal
    }

    /// RFC 5545 TEXT unescaping, written independently of `escape_text`.
    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("dangling backslash in {value:?}"),
            }
        }
        out
    }

    fn props<'a>(list: &'a [Property], name: &str) -> Vec<&'a Property> {
        list.iter().filter(|p| p.name == name).collect()
    }

    /// The one value of `name`, checking it has no parameters.
    fn value(list: &[Property], name: &str) -> String {
        let found = props(list, name);
        assert_eq!(found.len(), 1, "exactly one {name}");
        assert!(found[0].params.is_none(), "{name} has no parameters");
        found[0].value.clone().unwrap_or_default()
    }

    fn event_value(e: &IcalEvent, name: &str) -> String {
        value(&e.properties, name)
    }

    fn alarm_value(a: &IcalAlarm, name: &str) -> String {
        value(&a.properties, name)
    }

    #[test]
    fn a_parser_reads_the_calendar_and_its_events() {
        let text =
            practice_calendar(&[at(18, 30), at(7, 5)], &["Pip", "Squeak"], day(), STAMP).unwrap();
        let cal = parse(&text);
        assert_eq!(value(&cal.properties, "VERSION"), "2.0");
        assert_eq!(value(&cal.properties, "PRODID"), PRODID);
        assert_eq!(value(&cal.properties, "CALSCALE"), "GREGORIAN");
        assert_eq!(value(&cal.properties, "METHOD"), "PUBLISH");
        assert!(cal.alarms.is_empty() && cal.todos.is_empty() && cal.timezones.is_empty());
        assert_eq!(cal.events.len(), 2);

        // Earliest time first.
        let cases = [
            (&cal.events[0], "070500", "ratbond-practice-1@ratbond.local"),
            (&cal.events[1], "183000", "ratbond-practice-2@ratbond.local"),
        ];
        for (e, time, uid) in cases {
            assert_eq!(event_value(e, "UID"), uid);
            // Floating local time: no Z and no TZID, so it follows the phone.
            assert_eq!(event_value(e, "DTSTART"), format!("20260310T{time}"));
            assert_eq!(event_value(e, "DTSTAMP"), STAMP);
            assert_eq!(event_value(e, "DURATION"), "PT15M");
            assert_eq!(event_value(e, "RRULE"), "FREQ=DAILY");
            assert_eq!(event_value(e, "TRANSP"), "TRANSPARENT");
            // Minutes from 2020-01-01 to the stamp: 2260 days, 17 h 15 min.
            assert_eq!(
                event_value(e, "SEQUENCE"),
                (2260 * 1440 + 17 * 60 + 15).to_string()
            );
            assert_eq!(
                unescape(&event_value(e, "SUMMARY")),
                "Ratbond: time with Pip and Squeak"
            );
            assert_eq!(
                unescape(&event_value(e, "DESCRIPTION")),
                "A short, calm session with Pip and Squeak. Open Ratbond to start it, \
                 then log how it went.\nOne session a day is the goal; a second one is a bonus."
            );
            assert_eq!(e.alarms.len(), 1);
            let a = &e.alarms[0];
            assert_eq!(alarm_value(a, "ACTION"), "DISPLAY");
            assert_eq!(alarm_value(a, "TRIGGER"), "PT0S");
            assert_eq!(
                unescape(&alarm_value(a, "DESCRIPTION")),
                "Time for a short, calm session with Pip and Squeak."
            );
        }
    }

    const TRICKY: [&str; 3] = [
        "Pip, the brave; 🐀",
        "Back\\slash 👩‍👧‍👦",
        "🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭 Nibbles",
    ];

    #[test]
    fn tricky_names_round_trip_through_escaping() {
        let text = practice_calendar(&[at(18, 30)], &TRICKY, day(), STAMP).unwrap();
        let cal = parse(&text);
        let e = &cal.events[0];
        let who = "Pip, the brave; 🐀, Back\\slash 👩‍👧‍👦 and \
                   🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭🐭 Nibbles";
        let summary = event_value(e, "SUMMARY");
        assert_eq!(unescape(&summary), format!("Ratbond: time with {who}"));
        // The raw value really is escaped, not just passed through.
        assert!(summary.contains("Pip\\, the brave\\; 🐀\\, Back\\\\slash"));
        assert!(unescape(&event_value(e, "DESCRIPTION")).contains(who));
        assert_eq!(
            unescape(&alarm_value(&e.alarms[0], "DESCRIPTION")),
            format!("Time for a short, calm session with {who}.")
        );
        // The UID doesn't change with the names.
        assert_eq!(event_value(e, "UID"), "ratbond-practice-1@ratbond.local");
    }

    #[test]
    fn many_rats_keep_the_title_short_and_the_details_whole() {
        let names = ["Ada", "Bo", "Cleo", "Dot", "Eve"];
        let cal = parse(&practice_calendar(&[at(18, 30)], &names, day(), STAMP).unwrap());
        let e = &cal.events[0];
        assert_eq!(
            unescape(&event_value(e, "SUMMARY")),
            "Ratbond: time with Ada, Bo and 3 more"
        );
        assert!(unescape(&event_value(e, "DESCRIPTION")).contains("Ada, Bo, Cleo, Dot and Eve"));
        assert_eq!(
            unescape(&alarm_value(&e.alarms[0], "DESCRIPTION")),
            "Time for a short, calm session with Ada, Bo and 3 more."
        );
    }

    #[test]
    fn every_line_fits_and_ends_with_crlf() {
        let many: Vec<String> = (0..12).map(|i| format!("Rat 🐀 number {i}, ok;")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let sets: [&[&str]; 4] = [&TRICKY, &many, &[], &["Pip"]];
        for names in sets {
            let text = practice_calendar(&[at(6, 0), at(21, 45)], names, day(), STAMP).unwrap();
            let bytes = text.as_bytes();
            assert!(bytes.ends_with(b"END:VCALENDAR\r\n"));
            let mut lines: Vec<&[u8]> = Vec::new();
            let mut start = 0;
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'\n' {
                    assert!(i > 0 && bytes[i - 1] == b'\r', "LF without CR at {i}");
                    lines.push(&bytes[start..i - 1]);
                    start = i + 1;
                }
            }
            assert_eq!(start, bytes.len(), "the last line ends with CRLF");
            for line in &lines {
                assert!(line.len() <= 75, "{} octets: {:?}", line.len(), line);
                assert!(!line.contains(&b'\r'), "stray CR");
                // Folding never splits a character.
                let line = std::str::from_utf8(line).expect("each line is whole UTF-8");
                assert!(!line.ends_with(' '), "no space before a fold: {line:?}");
                assert!(!line.is_empty());
            }
            if names.len() > 1 {
                assert!(lines.iter().any(|l| l.starts_with(b" ")), "long lines fold");
            }
            // And it still parses to the same two events.
            assert_eq!(parse(&text).events.len(), 2);
        }
    }

    #[test]
    fn uid_names_the_slot_so_a_new_time_updates_the_event() {
        let uids = |text: &str| -> Vec<String> {
            parse(text)
                .events
                .iter()
                .map(|e| event_value(e, "UID"))
                .collect()
        };
        let a = practice_calendar(&[at(18, 30)], &["Pip"], day(), STAMP).unwrap();
        let b = practice_calendar(
            &[at(18, 30)],
            &["Squeak", "Nibbles"],
            day().add_days(40).unwrap(),
            "20260419T080000Z",
        )
        .unwrap();
        assert_eq!(uids(&a), uids(&b));
        assert_eq!(uids(&a), ["ratbond-practice-1@ratbond.local"]);
        // Moving the time keeps the UID: the calendar updates the event in place.
        let moved = practice_calendar(&[at(19, 0)], &["Pip"], day(), "20260420T080000Z").unwrap();
        assert_eq!(uids(&moved), uids(&a));
        let c = practice_calendar(&[at(18, 31), at(0, 0)], &["Pip"], day(), STAMP).unwrap();
        assert_eq!(
            uids(&c),
            [
                "ratbond-practice-1@ratbond.local",
                "ratbond-practice-2@ratbond.local"
            ]
        );
        // The same time twice is one event.
        let d = practice_calendar(&[at(9, 0), at(9, 0)], &["Pip"], day(), STAMP).unwrap();
        assert_eq!(uids(&d).len(), 1);
        // A later file has a higher SEQUENCE, so it updates the earlier one.
        let seq = |text: &str| event_value(&parse(text).events[0], "SEQUENCE").parse::<i64>();
        assert!(seq(&b).unwrap() > seq(&a).unwrap());
    }

    #[test]
    fn invalid_input_gives_plain_errors() {
        let cases: Vec<(Vec<Reminder>, &str, IcsError)> = vec![
            (vec![], STAMP, IcsError::NoReminders),
            (
                vec![
                    at(8, 0),
                    Reminder {
                        hour: 24,
                        minute: 0,
                    },
                ],
                STAMP,
                IcsError::Hour { hour: 24 },
            ),
            (
                vec![Reminder {
                    hour: 7,
                    minute: 60,
                }],
                STAMP,
                IcsError::Minute { minute: 60 },
            ),
            (vec![at(8, 0)], "2026-03-10T17:15:00Z", IcsError::Stamp),
            (vec![at(8, 0)], "20260310T171500", IcsError::Stamp),
            (vec![at(8, 0)], "20260230T171500Z", IcsError::Stamp),
            (vec![at(8, 0)], "20260310T241500Z", IcsError::Stamp),
            (vec![at(8, 0)], "2026031OT171500Z", IcsError::Stamp),
            (vec![at(8, 0)], "", IcsError::Stamp),
            (vec![at(8, 0)], "20260310T17150éZ", IcsError::Stamp),
            (vec![at(8, 0)], "202603é0T17150Z", IcsError::Stamp), // 16 octets
        ];
        for (reminders, stamp, want) in cases {
            let got = practice_calendar(&reminders, &["Pip"], day(), stamp).unwrap_err();
            assert_eq!(got, want, "{reminders:?} {stamp:?}");
            assert!(got.to_string().ends_with('.'), "{got}");
        }
        assert_eq!(
            Reminder::new(24, 0).unwrap_err().to_string(),
            "Hours go from 0 to 23. This time says 24."
        );
        assert!(Reminder::new(23, 59).is_ok());
    }

    #[test]
    fn reminder_times_parse_and_label() {
        let cases = [
            ("18:30", Ok((18, 30))),
            (" 7:05 ", Ok((7, 5))),
            ("07:05:00", Ok((7, 5))),
            ("00:00", Ok((0, 0))),
            ("23:59", Ok((23, 59))),
            ("24:00", Err(IcsError::Hour { hour: 24 })),
            ("12:60", Err(IcsError::Minute { minute: 60 })),
            ("12:5", Err(IcsError::TimeFormat)),
            ("1230", Err(IcsError::TimeFormat)),
            ("12:30:99", Err(IcsError::TimeFormat)),
            ("12:30:00:00", Err(IcsError::TimeFormat)),
            ("+1:30", Err(IcsError::TimeFormat)),
            ("", Err(IcsError::TimeFormat)),
        ];
        for (text, want) in cases {
            let got = Reminder::parse(text).map(|r| (r.hour, r.minute));
            assert_eq!(got, want, "{text:?}");
        }
        assert_eq!(at(7, 5).label(), "07:05");
        let json = serde_json::to_string(&at(18, 30)).unwrap();
        assert_eq!(json, r#"{"hour":18,"minute":30}"#);
    }

    #[test]
    fn text_escaping() {
        let cases = [
            ("plain", "plain"),
            ("a,b;c\\d", "a\\,b\\;c\\\\d"),
            ("one\ntwo\r\nthree\rfour", "one\\ntwo\\nthree\\nfour"),
            ("tab\tand\u{7}bell\u{0}", "tab\tandbell"),
            ("🐀 ok: yes", "🐀 ok: yes"),
        ];
        for (text, want) in cases {
            assert_eq!(escape_text(text), want, "{text:?}");
            assert_eq!(
                unescape(&escape_text(text)),
                text.replace("\r\n", "\n")
                    .replace('\r', "\n")
                    .replace(['\u{7}', '\u{0}'], "")
            );
        }
    }

    #[test]
    fn folding_at_75_octets() {
        let a75 = "a".repeat(75);
        let a76 = "a".repeat(76);
        let emoji = format!("{}🐀🐀", "a".repeat(73)); // the first rat would end at octet 77
        let spaced = format!("{} {}", "a".repeat(74), "b".repeat(3));
        let blank = format!("X{}Y", " ".repeat(160));
        let s74 = " ".repeat(74);
        let cases: Vec<(&str, String)> = vec![
            ("", "\r\n".into()),
            (&a75, format!("{a75}\r\n")),
            (&a76, format!("{a75}\r\n a\r\n")),
            (&emoji, format!("{}\r\n 🐀🐀\r\n", "a".repeat(73))),
            // Octet 75 is a space: fold before it, so no line ends with a space.
            (&spaced, format!("{}\r\n  bbb\r\n", "a".repeat(74))),
            // 160 spaces: a blank piece can't avoid ending in a space.
            (
                &blank,
                format!("X\r\n {s74}\r\n {s74}\r\n {}Y\r\n", " ".repeat(12)),
            ),
        ];
        for (line, want) in &cases {
            let got = fold_line(line);
            assert_eq!(&got, want, "{line:?}");
            // Unfolding (remove CRLF and one space) gives the line back.
            let unfolded = got.trim_end_matches("\r\n").replace("\r\n ", "");
            assert_eq!(&unfolded, line);
        }
        // Long runs of multi-octet characters: every piece is whole and fits.
        let long = "🐀é".repeat(60);
        let folded = fold_line(&long);
        for piece in folded.split("\r\n") {
            assert!(piece.len() <= 75);
        }
        assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), long);
    }

    #[test]
    fn names_read_naturally() {
        let cases: [(&[&str], &str); 6] = [
            (&[], "your rats"),
            (&["  ", ""], "your rats"),
            (&["Pip"], "Pip"),
            (&[" Pip ", "Squeak"], "Pip and Squeak"),
            (&["Pip", "", "Squeak", "Nibbles"], "Pip, Squeak and Nibbles"),
            (
                &["Pip", "Squeak", "Nibbles", " ", "Ada"],
                "Pip, Squeak and 2 more",
            ),
        ];
        for (names, want) in cases {
            assert_eq!(names_phrase(names), want, "{names:?}");
        }
    }

    #[test]
    fn utc_stamps_from_milliseconds() {
        let cases = [
            (0.0, Some("19700101T000000Z")),
            (1_773_162_900_000.0, Some("20260310T171500Z")),
            (1_773_162_900_999.0, Some("20260310T171500Z")),
            (-1000.0, Some("19691231T235959Z")),
            (f64::NAN, None),
            (f64::INFINITY, None),
        ];
        for (ms, want) in cases {
            assert_eq!(utc_stamp(ms).as_deref(), want, "{ms}");
        }
        assert_eq!(stamp_minutes("20200101T000000Z"), Some(0));
        assert_eq!(stamp_minutes("20191231T235959Z"), Some(0));
        assert_eq!(stamp_minutes(STAMP), Some(2260 * 1440 + 17 * 60 + 15));
    }
}

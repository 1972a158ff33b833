//! Calendar days in the owner's local time, with no dependency on the browser.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A local calendar day (proleptic Gregorian), stored as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDate {
    year: i32,
    month: u8,
    day: u8,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    Format,
    OutOfRange,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format => f.write_str(crate::text::date::FORMAT),
            DateError::OutOfRange => f.write_str(crate::text::date::OUT_OF_RANGE),
        }
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl LocalDate {
    /// Years before this are treated as typos rather than real dates.
    pub const MIN_YEAR: i32 = 1900;
    pub const MAX_YEAR: i32 = 9999;
    /// Only for a clock so broken that no real day can be read from it.
    pub const EPOCH: LocalDate = LocalDate {
        year: 1970,
        month: 1,
        day: 1,
    };

    pub fn new(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        if !(Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return Err(DateError::OutOfRange);
        }
        Ok(LocalDate { year, month, day })
    }

    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(DateError::Format);
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(DateError::Format);
        }
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return Err(DateError::Format);
        }
        let year: i32 = y.parse().map_err(|_| DateError::Format)?;
        let month: u8 = m.parse().map_err(|_| DateError::Format)?;
        let day: u8 = d.parse().map_err(|_| DateError::Format)?;
        Self::new(year, month, day)
    }

    pub fn year(&self) -> i32 {
        self.year
    }
    pub fn month(&self) -> u8 {
        self.month
    }
    pub fn day(&self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    pub fn to_days(&self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`to_days`]; `None` outside the supported years.
    pub fn from_days(days: i64) -> Option<Self> {
        // Checked: a stored day number may be anything.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        LocalDate::new(i32::try_from(year).ok()?, month, day).ok()
    }

    /// Whole days from `earlier` to `self` (negative when `self` is before it).
    pub fn days_since(&self, earlier: LocalDate) -> i64 {
        self.to_days() - earlier.to_days()
    }

    pub fn add_days(&self, n: i64) -> Option<Self> {
        Self::from_days(self.to_days().checked_add(n)?)
    }

    /// "December": the month's name in English.
    pub fn month_name(&self) -> &'static str {
        crate::text::date::MONTHS
            .get(usize::from(self.month()).saturating_sub(1))
            .copied()
            .unwrap_or_default()
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u8
    }
}

impl fmt::Display for LocalDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for LocalDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for LocalDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        LocalDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_day_number_gives_a_date_or_none_never_a_panic() {
        let day = LocalDate::new(2026, 12, 4).unwrap();
        for n in [i64::MAX, i64::MIN, i64::MAX - 719_467, i64::MIN + 1] {
            assert_eq!(LocalDate::from_days(n), None, "{n}");
            assert_eq!(day.add_days(n), None, "{n}");
        }
        assert_eq!(day.add_days(0), Some(day));
    }

    #[test]
    fn parses_valid_and_rejects_invalid() {
        type Ymd = (i32, u8, u8);
        let cases: &[(&str, Option<Ymd>)] = &[
            ("2026-03-14", Some((2026, 3, 14))),
            (" 2024-02-29 ", Some((2024, 2, 29))),
            ("2023-02-29", None),
            ("1900-02-29", None),
            ("2000-02-29", Some((2000, 2, 29))),
            ("2026-13-01", None),
            ("2026-00-10", None),
            ("2026-04-31", None),
            ("2026-4-3", None),
            ("26-04-03", None),
            ("2026/04/03", None),
            ("", None),
            ("abcd-ef-gh", None),
            ("1899-12-31", None),
            ("+026-01-01", None),
        ];
        for (text, want) in cases {
            let got = LocalDate::parse(text)
                .ok()
                .map(|d| (d.year(), d.month(), d.day()));
            assert_eq!(got, *want, "parsing {text:?}");
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        let start = LocalDate::new(1960, 1, 1).unwrap();
        let mut date = start;
        for n in 0..40_000 {
            assert_eq!(date.to_days(), start.to_days() + n);
            assert_eq!(LocalDate::from_days(date.to_days()), Some(date));
            date = date.add_days(1).unwrap();
        }
        assert_eq!(LocalDate::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(LocalDate::new(2026, 12, 1).unwrap().weekday(), 1); // a Tuesday
    }

    #[test]
    fn serde_uses_iso_text() {
        let d = LocalDate::new(2026, 3, 4).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-03-04\"");
        assert_eq!(
            serde_json::from_str::<LocalDate>("\"2026-03-04\"").unwrap(),
            d
        );
        assert!(serde_json::from_str::<LocalDate>("\"2026-02-30\"").is_err());
    }

    #[test]
    fn weekday_and_month_names_in_headings() {
        // (date, text): 2026-12-01 is a Tuesday.
        let table = [
            ("2026-12-01", "Tuesday 1 December"),
            ("2026-11-30", "Monday 30 November"),
            ("2027-01-03", "Sunday 3 January"),
            ("2024-02-29", "Thursday 29 February"),
        ];
        for (date, text) in table {
            let day = LocalDate::parse(date).unwrap();
            // Screens write it through intl; natively that is these English names.
            assert_eq!(
                crate::intl::date(day, crate::intl::DateStyle::WeekdayDayMonth),
                text
            );
        }
    }
}

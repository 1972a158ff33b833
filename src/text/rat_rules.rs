//! Words of the rules for a rat's profile (`domain::rat`): what is wrong with a field, and
//! how long a rat has been alive or with you.

pub const NAME_MISSING: &str = "Please give your rat a name.";
pub const NAME_CONTROL: &str = "The name has characters that can't be shown.";
pub const TEMPERAMENT_MISSING: &str =
    "Pick the one closest to how your rat acts now. It helps choose a gentle start.";
pub const DATE_FORMAT: &str = "That date doesn't look right. Pick it from the calendar.";
pub const DATE_IN_FUTURE: &str = "This date is in the future. Pick today or earlier.";

pub fn name_too_long(max: usize, chars: usize) -> String {
    format!("Names can be up to {max} characters. This one has {chars}.")
}

pub fn group_too_long(max: usize, chars: usize) -> String {
    format!("Cage group names can be up to {max} characters. This one has {chars}.")
}

pub fn notes_too_long(max: usize, chars: usize) -> String {
    format!("Notes can be up to {max} characters. These have {chars}.")
}

use super::common::counted as plural;

/// A span of time as short words: "2 years", "2 years 3 months" (`months` 0 leaves them out).
pub fn years(years: i64, months: i64) -> String {
    if months == 0 {
        plural(years, "year", "years")
    } else {
        format!(
            "{} {}",
            plural(years, "year", "years"),
            plural(months, "month", "months")
        )
    }
}

pub fn months(n: i64) -> String {
    plural(n, "month", "months")
}

pub fn weeks(n: i64) -> String {
    plural(n, "week", "weeks")
}

pub fn days(n: i64) -> String {
    plural(n, "day", "days")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans() {
        let cases = [
            (years(1, 0), "1 year"),
            (years(2, 0), "2 years"),
            (years(1, 1), "1 year 1 month"),
            (years(2, 3), "2 years 3 months"),
            (months(2), "2 months"),
            (weeks(1), "1 week"),
            (weeks(3), "3 weeks"),
            (days(0), "0 days"),
            (days(1), "1 day"),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }
}

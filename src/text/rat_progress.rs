//! Words of a rat's consistency section: streaks, the calendar and rest days.

use super::common::counted;
use crate::intl::number;

/// "Wed 4 Nov": a weekday and a short day, both already written for the locale.
pub fn weekday_and_day(weekday: &str, day: &str) -> String {
    format!("{weekday} {day}")
}

/// "1 day", "12 days"
pub fn days(n: u32) -> String {
    counted(i64::from(n), "day", "days")
}

// What a square of the calendar stands for, after its day: "Wed 4 Nov: 1 session".
/// "1 session", "2 sessions"
pub fn sessions(n: u32) -> String {
    counted(i64::from(n), "session", "sessions")
}

pub const SQUARE_REST: &str = "rest day";
pub const SQUARE_MISSED: &str = "no session";
pub const SQUARE_OPEN: &str = "no session yet";
pub const SQUARE_FUTURE: &str = "still to come";
pub const SQUARE_BEFORE: &str = "before the first session";
pub const TODAY: &str = "Today";

/// A square's title: "Wed 4 Nov: 1 session".
pub fn square(when: &str, what: &str) -> String {
    format!("{when}: {what}")
}

/// The calendar for a screen reader.
pub fn calendar_label(weeks: u32, trained: u32, rested: u32, missed: u32) -> String {
    format!(
        "Last {} weeks: {} with sessions, {} of rest, {} missed.",
        number(i64::from(weeks)),
        days(trained),
        days(rested),
        days(missed)
    )
}

pub const FIRST_STREAK: &str = "Your first session starts a streak.";
pub const DONE_TODAY: &str = "Today's session is done. Lovely, steady work.";
pub const RESTING: &str = "Today is a rest day. The streak waits for you.";
pub const NEW_STREAK: &str =
    "A new streak starts with your next session. Short and calm is plenty.";
pub const KEEP_IT_GOING: &str = "Today's session keeps it going.";

pub const TRAINING_DAY_AGAIN: &str = "Today is a training day again.";

pub fn rest_today(name: &str) -> String {
    format!("Today is a rest day. {name}'s streak is paused, not broken.")
}

pub const PICK_FIRST_DAY: &str = "Pick the first rest day.";
pub const PICK_LAST_DAY: &str = "Pick the last rest day, or leave it empty for one day.";

/// `day` is already written for the locale.
pub fn marked_day(day: &str) -> String {
    format!("{day} is marked as rest.")
}

pub fn marked_days(first: &str, last: &str) -> String {
    format!("{first} to {last} are marked as rest.")
}

pub const REST_REMOVED: &str = "The rest days were removed.";

/// A rest period: "Sat 21 Nov – Sun 22 Nov".
pub fn span(first: &str, last: &str) -> String {
    format!("{first} – {last}")
}

pub fn remove_rest(span: &str) -> String {
    format!("Remove rest {span}")
}

pub const REMOVE: &str = "Remove";
/// Instead of a nudge to train, on an archived rat's page.
pub const ARCHIVED: &str = "Archived: no sessions are expected now, and the best streak is kept.";
pub const TITLE: &str = "Consistency";

/// The words after the current streak's number.
pub fn in_a_row(days: u32) -> &'static str {
    if days == 1 {
        "day in a row"
    } else {
        "days in a row"
    }
}

pub const BEST: &str = "Best";

/// The word after the best streak's number.
pub fn day_word(days: u32) -> &'static str {
    if days == 1 {
        "day"
    } else {
        "days"
    }
}

pub const REST_PAUSES: &str = "Rest days pause a streak. They don't break it.";

pub fn last_weeks(weeks: u32) -> String {
    format!("The last {} weeks", number(i64::from(weeks)))
}

pub const LEGEND_LABEL: &str = "What the squares mean";
pub const LEGEND_NONE: &str = "No session";
pub const LEGEND_ONE: &str = "1 session";
pub const LEGEND_MORE: &str = "2 or more";
pub const LEGEND_REST: &str = "Rest day";
pub const LEGEND_FUTURE: &str = "Not counted yet";

pub const REST_DAYS: &str = "Rest days";
pub const REST_HINT: &str =
    "Poorly rat, or you're away? Mark the days off. A rested rat learns better.";
pub const NOT_RESTING_TODAY: &str = "Not resting today";
pub const REST_TODAY: &str = "Rest today";
pub const MARK_DAYS_OFF: &str = "Mark days off";
pub const FIRST_DAY: &str = "First day";
pub const LAST_DAY: &str = "Last day";
pub const LAST_DAY_HINT: &str = "The last day is optional: leave it empty for a single day.";
pub const REASON: &str = "Reason ";
pub const OPTIONAL: &str = "(optional)";
pub const REASON_PLACEHOLDER: &str = "At the vet, away for the weekend…";
pub const SAVE_REST_DAYS: &str = "Save rest days";
pub const RECENT_REST: &str = "Recent and planned rest";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_sessions_agree_with_their_count() {
        for (n, d, s, row, word) in [
            (0, "0 days", "0 sessions", "days in a row", "days"),
            (1, "1 day", "1 session", "day in a row", "day"),
            (2, "2 days", "2 sessions", "days in a row", "days"),
            (
                1000,
                "1,000 days",
                "1,000 sessions",
                "days in a row",
                "days",
            ),
        ] {
            assert_eq!(days(n), d);
            assert_eq!(sessions(n), s);
            assert_eq!(in_a_row(n), row);
            assert_eq!(day_word(n), word);
        }
        assert_eq!(
            calendar_label(12, 1, 2, 0),
            "Last 12 weeks: 1 day with sessions, 2 days of rest, 0 days missed."
        );
        assert_eq!(
            marked_days("Sat 21 Nov", "Sun 22 Nov"),
            "Sat 21 Nov to Sun 22 Nov are marked as rest."
        );
        assert_eq!(
            remove_rest(&span("Sat 21 Nov", "Sun 22 Nov")),
            "Remove rest Sat 21 Nov – Sun 22 Nov"
        );
        assert_eq!(
            rest_today("Pip"),
            "Today is a rest day. Pip's streak is paused, not broken."
        );
    }
}

//! Words of a technique step's guide: goal, how-to, success, warnings, safety.

use crate::intl::number;

/// How long a session on the step lasts: "About 5 minutes", "3–5 minutes".
pub fn minutes(min: u8, max: u8) -> String {
    if min == max {
        format!("About {} minutes", number(i64::from(min)))
    } else {
        format!(
            "{}–{} minutes",
            number(i64::from(min)),
            number(i64::from(max))
        )
    }
}

/// The fewest days on the step: "At least one day", "At least 3 days".
pub fn min_days(days: u8) -> String {
    match days {
        0 | 1 => "At least one day".to_string(),
        n => format!("At least {} days", number(i64::from(n))),
    }
}

/// "About 5 minutes a session · At least 3 days on this step"
pub fn meta(minutes: &str, days: &str) -> String {
    format!("{minutes} a session · {days} on this step")
}

/// "About 5 minutes a session", once the technique is mastered.
pub fn meta_practice(minutes: &str) -> String {
    format!("{minutes} a session")
}

/// The section's label: "Scent: step 2 of 5: Your scent in the cage".
pub fn label(position: &str, title: &str) -> String {
    format!("{position}: {title}")
}

pub fn how_it_works(technique: &str) -> String {
    format!("How {technique} works, in the guide (opens a new tab)")
}

pub const GOAL: &str = "Goal: ";
pub const HOW_TO: &str = "How to do it";
pub const WORKING_WHEN: &str = "You'll know it's working when";
pub const SAFETY: &str = "Safety";
pub const WARNINGS: &str = "Warning signs and what to do";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_and_days() {
        for (min, max, want) in [(5, 5, "About 5 minutes"), (3, 5, "3–5 minutes")] {
            assert_eq!(minutes(min, max), want);
        }
        for (n, want) in [
            (0, "At least one day"),
            (1, "At least one day"),
            (2, "At least 2 days"),
        ] {
            assert_eq!(min_days(n), want);
        }
        assert_eq!(
            meta(&minutes(5, 5), &min_days(3)),
            "About 5 minutes a session · At least 3 days on this step"
        );
        assert_eq!(meta_practice(&minutes(5, 5)), "About 5 minutes a session");
    }
}

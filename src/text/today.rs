//! Words of Today, the home screen.

use crate::intl::number;
use crate::text::common::{few_names, names};

pub const TITLE: &str = "Today";
pub const GOAL: &str = "The goal: one calm session a day for each rat. Two is even better.";

/// "Pip and Squeak still need a session today. It's past your 18:30 practice time."
/// `past_time` is the practice time already written for the locale.
pub fn still_due(who: &[&str], past_time: Option<&str>) -> String {
    let verb = if who.len() == 1 { "needs" } else { "need" };
    let late = past_time
        .map(|t| format!(" It's past your {t} practice time."))
        .unwrap_or_default();
    format!("{} still {verb} a session today.{late}", few_names(who))
}

pub const ALL_DONE: &str = "All done for today. Thank you for being so patient with them. A second short session is a bonus, never a must.";
pub const NOTHING_DUE: &str =
    "Nothing is due today. Choose a technique for a rat to start training.";

// The first run, or only archived rats.
pub const NO_ACTIVE_RATS: &str = "No active rats";
pub const WELCOME: &str = "Welcome to Ratbond";
pub const FIRST_RUN_INTRO: &str =
    "A gentle coach for earning your rat's trust, one short, calm session at a time.";
pub const FIRST_STEP_ADD: &str = "Add your rat.";
pub const FIRST_STEP_PICK: &str = "Answer a few questions to pick a technique.";
pub const FIRST_STEP_START: &str = "Start your first short session.";
pub const SEE_YOUR_RATS: &str = "See your rats";
pub const ADD_FIRST_RAT: &str = "Add your first rat";

/// The card's button, when no session was logged yet today.
pub fn start_with(who: &[&str]) -> String {
    format!("Start a session with {}", names(who))
}

/// The card's button after one session today.
pub fn start_second_with(who: &[&str]) -> String {
    format!("Start a second session with {}", names(who))
}

/// The card's button after two or more sessions today.
pub fn start_another_with(who: &[&str]) -> String {
    format!("Start another session with {}", names(who))
}

/// "Scent: mastered"
pub fn mastered(technique: &str) -> String {
    format!("{technique}: mastered")
}

/// "Scent · Step 2 of 5: Your scent in the cage"
pub fn doing_step(technique: &str, step: u8, count: usize, title: &str) -> String {
    format!(
        "{technique} · Step {} of {}: {title}",
        number(i64::from(step)),
        number(count as i64)
    )
}

pub const NO_TECHNIQUE_YET: &str = "No technique yet";
pub const PLAN_UNREADABLE: &str =
    "Its training plan couldn't be read. Restoring a backup brings it back.";
pub const NO_SESSION_YET_TODAY: &str = "No session yet today";
pub const ONE_SESSION_TODAY: &str = "1 session today · a second is even better";
pub const RESTING_TODAY: &str = "Resting today";
pub const QUIET_DAYS: &str = "A few quiet days for health · start again gently when well";
pub const REST_AFTER_HARD: &str = "A hard session today · let this rat rest until tomorrow";

/// Two or more sessions today.
pub fn sessions_today_done(n: u32) -> String {
    format!("{} sessions today · lovely work", number(i64::from(n)))
}

/// "1 day in a row", "6 days in a row"
pub fn streak(days: u32) -> String {
    let word = if days == 1 { "day" } else { "days" };
    format!("{} {word} in a row", number(i64::from(days)))
}

pub fn find_technique_for(name: &str) -> String {
    format!("Find a technique for {name}")
}

// The backup nudge.
pub const NUDGE_TITLE: &str = "Keep their history safe";
pub const BACKUP_DOWNLOADING: &str = "The backup is downloading. Keep it somewhere safe.";

pub fn backup_failed(error: &str) -> String {
    format!("The backup didn't download ({error}).")
}

/// `since` is the sentence about the last backup, e.g. "Your last backup was 16 days ago."
pub fn nudge_text(since: &str, sessions: usize) -> String {
    format!(
        "{since} A backup file keeps all {} sessions safe if this browser loses them.",
        number(sessions as i64)
    )
}

pub const DOWNLOAD_BACKUP: &str = "Download backup";
pub const NOT_NOW: &str = "Not now";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn still_due_agrees_with_the_names() {
        let cases: [(&[&str], Option<&str>, &str); 5] = [
            (&["Pip"], None, "Pip still needs a session today."),
            (&["Pip", "Squeak"], None, "Pip and Squeak still need a session today."),
            (
                &["Pip", "Squeak", "Nibbles"],
                Some("18:30"),
                "Pip, Squeak and Nibbles still need a session today. It's past your 18:30 practice time.",
            ),
            (&["Pip"], Some("7:05 AM"), "Pip still needs a session today. It's past your 7:05 AM practice time."),
            // Many rats: the cards below name them all, so the summary stays one short line.
            (
                &["Pip", "Squeak", "Nibbles", "Ada", "Bo", "Cleo"],
                None,
                "Pip, Squeak and 4 more still need a session today.",
            ),
        ];
        for (who, time, want) in cases {
            assert_eq!(still_due(who, time), want, "{who:?}");
        }
    }

    #[test]
    fn counts_and_names() {
        for (n, want) in [
            (1, "1 day in a row"),
            (2, "2 days in a row"),
            (1200, "1,200 days in a row"),
        ] {
            assert_eq!(streak(n), want);
        }
        assert_eq!(sessions_today_done(3), "3 sessions today · lovely work");
        assert_eq!(
            nudge_text("Hi.", 35964),
            "Hi. A backup file keeps all 35,964 sessions safe if this browser loses them."
        );
        let names: [(&[&str], &str); 5] = [
            (&[], "your rats"),
            (&["Pip"], "Pip"),
            (&["Pip", " "], "Pip"),
            (&["Pip", "Squeak"], "Pip and Squeak"),
            (&["Pip", "Squeak", "Nibbles"], "Pip, Squeak and Nibbles"),
        ];
        for (who, want) in names {
            assert_eq!(crate::text::common::names(who), want, "{who:?}");
        }
        assert_eq!(
            start_with(&["Pip", "Squeak"]),
            "Start a session with Pip and Squeak"
        );
        assert_eq!(
            doing_step("Scent", 2, 5, "Your scent"),
            "Scent · Step 2 of 5: Your scent"
        );
        assert_eq!(
            crate::text::common::characters_of(12, 500),
            "12 of 500 characters"
        );
    }
}

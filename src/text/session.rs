//! Words of the guided session: the timer, logging each rat, and the results.

use crate::intl::number;

// No session running.
pub const NO_SESSION_TITLE: &str = "No session is running";
pub const NO_SESSION_HINT: &str = "Start a session from your rat's page when you're both ready.";

pub const MINUTES_RANGE_ERROR: &str = "Enter the minutes as a number from 1 to 240.";

pub fn choose_response_of(name: &str) -> String {
    format!("Choose how {name} responded.")
}

pub const NOT_LOGGED: &str = "The session was not logged.";

/// "Suggested: about 5 min", "Suggested: 3–5 min"
pub fn suggested(min: u8, max: u8) -> String {
    if min == max {
        format!("Suggested: about {} min", number(i64::from(min)))
    } else {
        format!(
            "Suggested: {}–{} min",
            number(i64::from(min)),
            number(i64::from(max))
        )
    }
}

pub const EYEBROW: &str = "Session";

/// The heading: "Training Pip and Squeak".
pub fn training(who: &[&str]) -> String {
    format!("Training {}", crate::text::common::names(who))
}

pub const TIMER_LABEL: &str = "Session timer";
pub const PAUSED: &str = "Paused.";
pub const TIME_IS_UP: &str =
    "That's the suggested time. End whenever your rat is ready, on a calm note.";
pub const RESUME: &str = "Resume";
pub const PAUSE: &str = "Pause";

/// " · Pip and Bo" after a guide's position; nothing when `who` is empty.
fn whose(who: &[&str]) -> String {
    if who.is_empty() {
        String::new()
    } else {
        format!(" · {}", crate::text::common::names(who))
    }
}

/// Above a step's guide: "Scent: step 2 of 5", with the rats on it (`who`; empty when the
/// session shows only this guide).
pub fn step_position(technique: &str, step: u8, count: usize, who: &[&str]) -> String {
    format!(
        "{technique}: step {} of {}{}",
        number(i64::from(step)),
        number(count as i64),
        whose(who)
    )
}

/// For rats who mastered the technique: "Scent mastered · practising step 4", with `who`
/// as in [`step_position`].
pub fn practice_position(technique: &str, step: u8, who: &[&str]) -> String {
    format!(
        "{technique} mastered · practising step {}{}",
        number(i64::from(step)),
        whose(who)
    )
}

pub const WHEN_YOU_FINISH: &str = "When you finish";
pub const EXTRAS: &str = "Treats and a note (optional)";

// Asked when the timer ran for hours.
pub const STALE_TITLE: &str = "Did the session end earlier?";

/// `clock` is the timer's reading, e.g. "3:12:05".
pub fn stale_text(clock: &str) -> String {
    format!(
        "The timer ran for {clock}. That's longer than a session usually lasts. How many minutes was it really?"
    )
}

pub const MINUTES: &str = "Minutes";
pub const CHOOSE_EACH: &str = "Choose how each rat responded, then save.";
pub const SAVE_WITH_MINUTES: &str = "Save with these minutes";
pub const SAVE_SESSION: &str = "Save session";
pub const CANCEL_SESSION: &str = "Cancel session";
pub const DISCARD_TITLE: &str = "Cancel this session?";
pub const DISCARD_TEXT: &str = "Nothing from it will be saved.";
/// The confirm button: not the same name as the button that opened it.
pub const DISCARD: &str = "Yes, cancel it";
pub const KEEP_GOING: &str = "Keep going";

// The results.
pub fn back_to(name: &str) -> String {
    format!("Back to {name}")
}

pub const SAVED: &str = "Session saved";
pub const WELL_DONE: &str = "Well done, both of you";
pub const WELL_DONE_ALL: &str = "Well done, all of you";
/// After a session where a rat was scared or stressed: no praise for a hard day.
pub const WENT_GENTLY: &str = "Thank you for going gently";

/// `clock` is the session's length, e.g. "5:02".
pub fn logged(clock: &str) -> String {
    format!("{clock} logged.")
}

pub const COACH_SUGGESTS: &str = "What the coach suggests";
pub const EDIT_THIS_SESSION: &str = "Edit this session";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_minutes() {
        for (min, max, want) in [
            (5, 5, "Suggested: about 5 min"),
            (3, 5, "Suggested: 3–5 min"),
        ] {
            assert_eq!(suggested(min, max), want);
        }
        let cases: [(&[&str], &str, &str); 3] = [
            (&["Pip"], "Training Pip", "Scent: step 2 of 5 · Pip"),
            (
                &["Pip", "Squeak"],
                "Training Pip and Squeak",
                "Scent: step 2 of 5 · Pip and Squeak",
            ),
            (
                &["Pip", "Squeak", "Nibbles"],
                "Training Pip, Squeak and Nibbles",
                "Scent: step 2 of 5 · Pip, Squeak and Nibbles",
            ),
        ];
        for (who, heading, position) in cases {
            assert_eq!(training(who), heading);
            assert_eq!(step_position("Scent", 2, 5, who), position);
        }
        // No names when the session has only the one guide.
        assert_eq!(step_position("Scent", 2, 5, &[]), "Scent: step 2 of 5");
        assert_eq!(
            practice_position("Scent", 4, &[]),
            "Scent mastered · practising step 4"
        );
        assert_eq!(
            practice_position("Scent", 4, &["Pip", "Bo"]),
            "Scent mastered · practising step 4 · Pip and Bo"
        );
    }
}

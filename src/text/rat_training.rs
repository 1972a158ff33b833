//! Words of a rat's training section: its technique, the next session, the ladder and history.

use crate::intl::number;

pub const TITLE: &str = "Training";

pub fn no_technique(name: &str) -> String {
    format!("{name} doesn't have a technique yet. A few questions help pick one that suits.")
}

pub const FIND_TECHNIQUE: &str = "Find a technique";

/// On an archived rat's page, instead of the coach's advice.
pub fn archived(name: &str) -> String {
    format!(
        "{name} is archived, so training is paused. Everything is kept. Bring {name} back from the archive to train again."
    )
}

/// `day` is already written for the locale.
pub fn ready_on(day: &str) -> String {
    format!("Ready to move on from {day} at the earliest.")
}

/// "Scent mastered"
pub fn mastered(technique: &str) -> String {
    format!("{technique} mastered")
}

/// "Step 2 of 5: Your scent in the cage"
pub fn current_step(step: u8, count: usize, title: &str) -> String {
    format!(
        "Step {} of {}: {title}",
        number(i64::from(step)),
        number(count as i64)
    )
}

/// "2 of 3 good sessions · 1 of 2 days"
pub fn tally(good_sessions: u8, need_sessions: u8, good_days: u8, need_days: u8) -> String {
    format!(
        "{} of {} good sessions · {} of {} days",
        number(i64::from(good_sessions)),
        number(i64::from(need_sessions)),
        number(i64::from(good_days)),
        number(i64::from(need_days))
    )
}

pub fn go_on_with(technique: &str) -> String {
    format!("Go on with {technique}")
}

pub const WELFARE_PAUSE: &str =
    "Take a few quiet days first. Start again gently when your rat seems well.";
pub const SWITCH_TECHNIQUE: &str = "Switch technique";
pub const TOGETHER: &str = "Train cage mates together";

/// A cage mate's checkbox: "Also Squeak".
pub fn also(name: &str) -> String {
    format!("Also {name}")
}

pub const START_SESSION: &str = "Start a session";

// The ladder.
/// Its label: "Scent steps".
pub fn ladder(technique: &str) -> String {
    format!("{technique} steps")
}

pub const STEP_DONE: &str = "Done";
pub const STEP_NOW: &str = "Now";
pub const STEP_AHEAD: &str = "Ahead";

// Changing the step by hand.
/// The toast: "Pip moved up to step 3.", "Pip moved back to step 1."
pub fn moved(name: &str, up: bool, step: u8) -> String {
    let word = if up { "up" } else { "back" };
    format!("{name} moved {word} to step {}.", number(i64::from(step)))
}

pub const OVERRIDE_SUMMARY: &str = "Change the step by hand";
pub const OVERRIDE_HINT: &str = "You know your rat best. This is kept in the history.";

pub fn move_up_to(step: u8) -> String {
    format!("Move up to step {}", number(i64::from(step)))
}

pub fn step_back_to(step: u8) -> String {
    format!("Step back to step {}", number(i64::from(step)))
}

// History.
/// A session's line: "Scent, step 1 · Hid or fled".
pub fn session_line(technique: &str, step: u8, response: &str) -> String {
    format!("{technique}, step {} · {response}", number(i64::from(step)))
}

/// A step change by hand: "You moved up to step 3 of Scent".
pub fn override_line(up: bool, step: u8, technique: &str) -> String {
    let (verb, way) = if up {
        ("moved", "up")
    } else {
        ("stepped", "back")
    };
    format!(
        "You {verb} {way} to step {} of {technique}",
        number(i64::from(step))
    )
}

pub const BY_HAND: &str = " (by hand)";
pub const HISTORY: &str = "History";
pub const NO_HISTORY: &str = "No sessions yet. The first one is the hardest, and it can be short.";
pub const SHOW: &str = "Show";
pub const ALL_TECHNIQUES: &str = "All techniques";

pub fn show_older(left: usize) -> String {
    format!("Show older entries ({} more)", number(left as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_changes_read_both_ways() {
        for (up, toast, line) in [
            (
                true,
                "Pip moved up to step 3.",
                "You moved up to step 3 of Scent",
            ),
            (
                false,
                "Pip moved back to step 3.",
                "You stepped back to step 3 of Scent",
            ),
        ] {
            assert_eq!(moved("Pip", up, 3), toast);
            assert_eq!(override_line(up, 3, "Scent"), line);
        }
        for (left, want) in [
            (1, "Show older entries (1 more)"),
            (40, "Show older entries (40 more)"),
            (1500, "Show older entries (1,500 more)"),
        ] {
            assert_eq!(show_older(left), want);
        }
        assert_eq!(tally(2, 3, 1, 2), "2 of 3 good sessions · 1 of 2 days");
        assert_eq!(current_step(2, 5, "Come"), "Step 2 of 5: Come");
    }
}

//! Words for logging how a rat responded, and for the coach's advice.

use crate::intl::number;

pub fn how_did_respond(name: &str) -> String {
    format!("How did {name} respond?")
}

/// The signs' fold: "Signs you saw (optional)" when none is ticked, else "Signs you saw (2)".
pub fn signs_seen(ticked: usize) -> String {
    match ticked {
        0 => "Signs you saw (optional)".to_string(),
        n => format!("Signs you saw ({})", number(n as i64)),
    }
}

/// Under the sign a step counts by: "This step counts a session when Pip takes a treat."
pub fn goal_hint(name: &str, goal: &str) -> String {
    format!("This step counts a session when {name} {goal}.")
}

/// The "?" link beside a sign.
pub fn about_sign(sign: &str) -> String {
    format!("About {sign}, in a new tab")
}

pub const ABOUT_MARK: &str = "?";

// The coach's decision, as a headline.
/// "Move up: step 3, “Come to your hand”"
pub fn move_up(step: u8, title: &str) -> String {
    format!("Move up: step {}, “{title}”", number(i64::from(step)))
}

pub const STAY: &str = "Stay on this step";
/// After mastery there is no step to stay on.
pub const KEEP_PRACTISING: &str = "Keep practising gently";

/// "Step back to step 1, “Sit by the cage”", with "for 2 days" when it is for a while.
pub fn step_back(step: u8, title: &str, days: u8) -> String {
    let step = number(i64::from(step));
    match days {
        0 => format!("Step back to step {step}, “{title}”"),
        1 => format!("Step back to step {step}, “{title}”, for 1 day"),
        n => format!(
            "Step back to step {step}, “{title}”, for {} days",
            number(i64::from(n))
        ),
    }
}

pub const PAUSE_AND_CHECK: &str = "Pause and check on your rat";

/// "Scent mastered!"
pub fn mastered(technique: &str) -> String {
    format!("{technique} mastered!")
}

pub fn advice_for(name: &str) -> String {
    format!("Advice for {name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_back_and_signs_agree_with_their_count() {
        for (days, want) in [
            (0, "Step back to step 1, “Sit”"),
            (1, "Step back to step 1, “Sit”, for 1 day"),
            (2, "Step back to step 1, “Sit”, for 2 days"),
        ] {
            assert_eq!(step_back(1, "Sit", days), want);
        }
        for (n, want) in [
            (0, "Signs you saw (optional)"),
            (1, "Signs you saw (1)"),
            (3, "Signs you saw (3)"),
        ] {
            assert_eq!(signs_seen(n), want);
        }
        assert_eq!(move_up(3, "Come"), "Move up: step 3, “Come”");
        assert_eq!(mastered("Scent"), "Scent mastered!");
    }
}

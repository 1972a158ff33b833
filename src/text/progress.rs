//! Words of progress over the weeks, as the domain writes them: rest periods and the day's
//! goal (`domain::streak`), milestones (`domain::milestone`) and the marks on the trust chart
//! (`domain::trust`).

// Rest periods.
pub const REST_END_BEFORE_START: &str =
    "The last rest day comes before the first. Swap them round.";

pub fn rest_too_long(max: i64, days: i64) -> String {
    format!("A rest period can be up to {max} days. This one is {days}.")
}

pub fn rest_reason_too_long(max: usize, chars: usize) -> String {
    format!("The reason can be up to {max} characters. This one has {chars}.")
}

// Today's goal.
pub const GOAL_OPEN: &str = "No session yet today. A short one is plenty.";
pub const GOAL_MET: &str = "Today's session is done. A second one is a lovely bonus.";

/// Two or more sessions today.
pub fn goal_better_met(done: u32) -> String {
    format!("{done} sessions today. Lovely work.")
}

// Milestones. `name` is the rat's name, or `YOUR_RAT` when it has none.
pub const YOUR_RAT: &str = "Your rat";

pub fn first_session(name: &str) -> String {
    format!("{name}'s first session with you. Every bond starts here.")
}

pub fn first_treat_from_hand(name: &str) -> String {
    format!("{name} took a treat from your hand for the first time.")
}

pub fn first_climb_on(name: &str) -> String {
    format!("{name} climbed onto you for the first time.")
}

pub fn first_pick_up(name: &str) -> String {
    format!("First calm pick-up: {name} stayed relaxed in your hands.")
}

pub fn first_full_week(name: &str) -> String {
    format!("Seven days in a row with {name}. That steady rhythm is what builds trust.")
}

pub fn mastered(name: &str, technique: &str) -> String {
    format!("{name} mastered {technique}. Well done, both of you.")
}

// Marks on the trust chart.
pub fn mark_mastered(technique: &str) -> String {
    format!("Mastered {technique}")
}

pub fn mark_moved_up(step: &str) -> String {
    format!("Moved up: {step}")
}

pub fn mark_easier(step: &str) -> String {
    format!("Easier step: {step}")
}

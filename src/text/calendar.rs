//! Words of practice reminders in the calendar file (`domain::ics`): what is wrong with a
//! practice time, lists of names, and the event's own text.

pub const NO_REMINDERS: &str = "Pick at least one practice time.";
pub const TIME_FORMAT: &str = "Use hours and minutes, like 18:30.";
pub const STAMP: &str =
    "The clock couldn't be read, so the calendar file wasn't made. Please try again.";

pub fn bad_hour(hour: u8) -> String {
    format!("Hours go from 0 to 23. This time says {hour}.")
}

pub fn bad_minute(minute: u8) -> String {
    format!("Minutes go from 0 to 59. This time says {minute}.")
}

/// The event's title, description and alarm; `who` from `names`.
pub fn summary(who: &str) -> String {
    format!("Ratbond: time with {who}")
}

pub fn description(who: &str) -> String {
    format!(
        "A short, calm session with {who}. Open Ratbond to start it, then log how it went.\n\
         One session a day is the goal; a second one is a bonus."
    )
}

pub fn alarm(who: &str) -> String {
    format!("Time for a short, calm session with {who}.")
}

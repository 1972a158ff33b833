//! Words of settings_reminders: practice times, the calendar file and notifications.
//!
//! Times come in already written for the owner's locale (`crate::intl::time`).

pub const TITLE: &str = "Practice reminders";
pub const INTRO: &str = "Pick one or two times a day that suit you. Rats are most awake in the evening, so that often works well.";
pub const PRACTICE_TIME: &str = "Practice time";
pub const SECOND_TIME: &str = "Second time (optional)";
pub const SAVE_TIMES: &str = "Save times";
pub const ADD_TO_CALENDAR: &str = "Add to my calendar";
pub const CALENDAR_NOTE: &str = "Ratbond can't wake itself while it's closed, so it makes a calendar file: your phone's calendar then reminds you every day. Import it again after changing a time, and the event updates.";
pub const NOTIFY_CHOICE: &str = "Also notify me at practice time while Ratbond is open";
pub const CALENDAR_DOWNLOADING: &str =
    "The calendar file is downloading. Open it to add the reminder to your calendar.";

pub const PERMISSION_GRANTED: &str = "Notifications are allowed.";
pub const PERMISSION_DENIED: &str =
    "Notifications are blocked for Ratbond. You can allow them in your browser's site settings.";
pub const PERMISSION_DEFAULT: &str = "Ratbond will ask your browser for permission.";
pub const PERMISSION_UNSUPPORTED: &str =
    "This browser can't show notifications. On an iPhone, add Ratbond to your home screen first.";

/// "Saved. Practice time: 18:30 and 20:00."
pub fn saved(times: &[String]) -> String {
    format!("Saved. Practice time: {}.", times.join(" and "))
}

pub fn calendar_failed(why: &str) -> String {
    format!("The calendar file wasn't made: {why}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_times() {
        let cases: [(&[&str], &str); 3] = [
            (&[], "Saved. Practice time: ."),
            (&["18:30"], "Saved. Practice time: 18:30."),
            (
                &["07:00", "18:30"],
                "Saved. Practice time: 07:00 and 18:30.",
            ),
        ];
        for (times, want) in cases {
            let times: Vec<String> = times.iter().map(|s| s.to_string()).collect();
            assert_eq!(saved(&times), want);
        }
    }
}

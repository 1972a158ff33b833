//! Words of the session editor: correcting or deleting a logged session.

pub const GONE_TITLE: &str = "This session isn't here";
pub const GONE_TEXT: &str = "It may have been deleted.";
pub const DELETED_RAT: &str = "A deleted rat";

/// What a rat practised: "Scent, step 2: Your scent in the cage".
pub fn practised(technique: &str, step: u8, title: &str) -> String {
    format!(
        "{technique}, step {}: {title}",
        crate::intl::number(i64::from(step))
    )
}

pub const CHANGES_SAVED: &str = "Changes saved.";
pub const BACK: &str = "‹ Back";
pub const TITLE: &str = "Edit session";

/// `day` is already written for the locale.
pub fn logged_for(day: &str) -> String {
    format!("Logged for {day}")
}

pub const DAY_LABEL: &str = "Day of the session";
pub const DAY_ERROR: &str = "Pick the day of the session.";
pub const LENGTH_LABEL: &str = "Length in minutes";
pub const LENGTH_ERROR: &str = "Enter the length in whole minutes, from 1 to 240.";
pub const ADVICE_NOW: &str = "The coach's advice now";
pub const SAVE_CHANGES: &str = "Save changes";
pub const DELETE_SESSION: &str = "Delete session";
pub const DELETE_TITLE: &str = "Delete this session?";
pub const DELETE_TEXT: &str =
    "The coach's advice is worked out again without it. You can undo for a few seconds.";

/// The delete warning; a shared session leaves every cage mate's history, so it says who.
pub fn delete_text(names: &[&str]) -> String {
    if names.len() < 2 {
        return DELETE_TEXT.to_string();
    }
    format!(
        "{} trained together, so this removes it from each of their histories. {DELETE_TEXT}",
        crate::text::common::names(names)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delete_text_names_every_rat_of_a_shared_session() {
        assert_eq!(delete_text(&["Pip"]), DELETE_TEXT);
        let shared = delete_text(&["Pip", "Bo"]);
        assert!(
            shared.starts_with("Pip and Bo trained together"),
            "{shared}"
        );
        assert!(shared.ends_with(DELETE_TEXT), "{shared}");
    }
}

//! Words of rat_form: adding a rat and editing a profile.

pub const BACK: &str = "‹ Back";
pub const ADD_TITLE: &str = "Add a rat";
pub const EDIT_TITLE: &str = "Edit profile";
pub const NAME: &str = "Name";
pub const SEX: &str = "Sex";
/// The "unknown" sex, as a choice.
pub const SEX_NOT_SURE: &str = "Not sure";
pub const TEMPERAMENT: &str = "Temperament";
pub const TEMPERAMENT_HINT: &str =
    "How your rat usually acts around you right now. You can change it later.";
/// Followed by `OPTIONAL` in its own span.
pub const DATE_LEGEND: &str = "Birthday or adoption day ";
pub const OPTIONAL: &str = "(optional)";
pub const BIRTHDAY: &str = "Birthday";
pub const ADOPTION_DAY: &str = "Adoption day";
pub const DATE: &str = "Date";
pub const CAGE_GROUP: &str = "Cage group ";
pub const CAGE_GROUP_HINT: &str =
    "Rats who live together. Give them the same group name to train them together later.";
pub const NOTES: &str = "Notes ";
pub const SAVE_NEW: &str = "Save rat";
pub const SAVE_EDIT: &str = "Save changes";

/// Shown when another rat already has this name.
pub fn namesake(name: &str) -> String {
    format!(
        "You already have a rat called {name}. That's fine: a note or a cage group helps tell them apart."
    )
}

/// "12 of 2,000 characters" (numbers already written).
pub fn notes_count(used: &str, max: &str) -> String {
    format!("{used} of {max} characters")
}

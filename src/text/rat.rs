//! Words of a rat's page: its profile and what you can do with it.

pub const FEMALE: &str = "Female";
pub const MALE: &str = "Male";
pub const SEX_UNKNOWN: &str = "Sex not known";

pub const CONFIDENT: &str = "Confident";
pub const CURIOUS: &str = "Curious";
pub const SHY: &str = "Shy";
pub const NERVOUS: &str = "Nervous";

pub const CONFIDENT_HINT: &str = "Comes out to see you and explores boldly.";
pub const CURIOUS_HINT: &str = "Interested in you, but checks things out first.";
pub const SHY_HINT: &str = "Watches from a distance and takes a while to come closer.";
pub const NERVOUS_HINT: &str = "Hides, freezes or runs when your hand comes near.";

// A rat that isn't there.
pub const MISSING_TITLE: &str = "We couldn't find this rat";
pub const MISSING_TEXT: &str = "It may have been deleted, or the link is from another device.";
pub const BACK_TO_YOUR_RATS: &str = "Back to your rats";

// The facts.
pub const BIRTHDAY: &str = "Birthday";
pub const ADOPTED: &str = "Adopted";
pub const TEMPERAMENT: &str = "Temperament";
pub const SEX: &str = "Sex";
pub const CAGE_GROUP: &str = "Cage group";

/// After a birthday: `span` is e.g. "3 months"; gives " (3 months old)".
pub fn age(span: &str) -> String {
    format!(" ({span} old)")
}

/// After an adoption day: " (3 months ago)".
pub fn since(span: &str) -> String {
    format!(" ({span} ago)")
}

/// After the cage group's name: " — with Squeak, Nibbles".
pub fn with_mates(mates: &[&str]) -> String {
    if mates.is_empty() {
        String::new()
    } else {
        format!(" — with {}", mates.join(", "))
    }
}

pub fn unarchived(name: &str) -> String {
    format!("{name} is back on your list.")
}

pub fn archived(name: &str) -> String {
    format!("{name} is archived. All of their history is kept.")
}

pub const YOUR_RATS_LINK: &str = "‹ Your rats";
pub const ARCHIVED_TAG: &str = "Archived";
pub const NOTES: &str = "Notes";
pub const EDIT_PROFILE: &str = "Edit profile";
pub const UNARCHIVE: &str = "Bring back from archive";
pub const ARCHIVE: &str = "Archive";
pub const DELETE: &str = "Delete";

pub fn delete_title(name: &str) -> String {
    format!("Delete {name}?")
}

pub const DELETE_TEXT: &str = "This removes the profile from Ratbond. You can undo it for a few seconds. To keep the history, archive instead.";

pub fn delete_button(name: &str) -> String {
    format!("Delete {name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mates_are_listed() {
        let cases: [(&[&str], &str); 3] = [
            (&[], ""),
            (&["Squeak"], " — with Squeak"),
            (&["Squeak", "Nibbles"], " — with Squeak, Nibbles"),
        ];
        for (mates, want) in cases {
            assert_eq!(with_mates(mates), want, "{mates:?}");
        }
    }
}

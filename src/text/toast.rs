//! Words of the toast: the short note at the bottom of the screen.

pub const UNDO: &str = "Undo";
pub const DISMISS: &str = "Dismiss";
/// The dismiss button's visible mark; its name is `DISMISS`.
pub const DISMISS_MARK: &str = "×";
pub const SESSION_DELETED: &str = "The session was deleted.";
pub const SESSION_BACK: &str = "The session is back.";
pub const FROM_OTHER_TAB: &str = "Updated from another tab.";

pub fn rat_deleted(name: &str) -> String {
    format!("{name} was deleted.")
}

pub fn rat_back(name: &str) -> String {
    format!("{name} is back.")
}

//! Words of banners: messages that stay on screen until dealt with.

pub const SESSION_RUNNING: &str = "A session is running.";
pub const BACK_TO_IT: &str = "Back to it";
pub const UPDATE_READY: &str = "A new version of Ratbond is ready.";
pub const RELOAD: &str = "Reload";
pub const MEMORY_ONLY: &str = "This browser won't let Ratbond save anything. You can use it now, but everything is gone when you close it.";
pub const STORAGE_FULL: &str = "Your change was not saved: this browser's storage for Ratbond is full. Everything else is as it was. Download a backup, then make room in Settings.";
pub const SEE_DETAILS: &str = "See details";
pub const DOWNLOAD_BACKUP: &str = "Download backup";
pub const MAKE_ROOM: &str = "Make room";
pub const OK: &str = "OK";
pub const RESTORE_BACKUP: &str = "Restore from a backup";
pub const RATS_UNREADABLE_TITLE: &str = "Your rats couldn't be read";
pub const RATS_UNREADABLE_TEXT: &str = "Ratbond kept the saved data aside, untouched. If you have a backup file, restore it and your rats come back.";
pub const RATS_ADD_AGAIN: &str = "You can also add them again.";
pub const ADD_A_RAT: &str = "Add a rat";

pub fn backup_failed(why: &str) -> String {
    format!("The backup didn't download ({why}).")
}

//! Words of settings.

pub const TITLE: &str = "Settings";
pub const DATA_TITLE: &str = "Your data";
pub const WHERE_IT_LIVES: &str = "Where it lives";
pub const STORAGE_MEMORY: &str = "Only in memory. This browser doesn't let Ratbond save, so everything is lost when you close it.";
pub const STORAGE_READ_ONLY: &str =
    "In this browser, read-only: the data was saved by a newer Ratbond.";
pub const STORAGE_LOCAL: &str =
    "Saved in this browser, on this device only. Nothing is sent anywhere.";
pub const RATS: &str = "Rats";
pub const SESSIONS: &str = "Sessions";
pub const KEPT_TITLE: &str = "Data kept aside";
pub const KEPT_TEXT: &str = "Ratbond found saved data it could not read. It has not been deleted. Download it to keep a copy. A backup file restored with Merge brings your records back.";
pub const ABOUT_TITLE: &str = "About Ratbond";
pub const APP_VERSION: &str = "App version";
pub const DATA_FORMAT: &str = "Data format";
pub const ABOUT_TEXT: &str =
    "Ratbond works offline and keeps no accounts. It makes no requests to any other site.";
pub const DOWNLOAD_RAW: &str = "Download raw text";
pub const DELETE_COPY: &str = "Delete copy";
pub const DELETE_COPY_LABEL: &str = "Delete the kept copy?";
pub const DELETE_COPY_TEXT: &str =
    "Delete this copy for good? Download it first if you might need it.";
pub const KEEP_IT: &str = "Keep it";
pub const COPY_DELETED: &str = "The kept copy was deleted.";

/// "2 active, 1 archived" (counts already in the owner's number format).
pub fn rat_counts(active: &str, archived: &str) -> String {
    format!("{active} active, {archived} archived")
}

/// "Version 3".
pub fn data_format(version: &str) -> String {
    format!("Version {version}")
}

pub fn download_failed(why: &str) -> String {
    format!("The download did not start ({why}).")
}

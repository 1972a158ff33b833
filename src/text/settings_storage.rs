//! Words of settings_storage: how full storage is, archiving old sessions, deleting all.
//!
//! Numbers and dates come in already written for the owner's locale (`crate::intl`); a
//! plain count alongside picks the grammar.

use super::common::counted_as;

pub const SPACE_TITLE: &str = "Space";
pub const STORAGE_USED_LABEL: &str = "Storage used";
pub const NEARLY_FULL: &str = "Storage is nearly full.";
pub const NEARLY_FULL_TEXT: &str = "Download a backup now. To make room, archive old sessions if Ratbond offers it below, or delete rats you no longer need.";
pub const UNMEASURED: &str = "Can't be measured right now.";
pub const ARCHIVE_TITLE: &str = "Archive old sessions";
pub const ARCHIVE_BUTTON: &str = "Download the archive file";
pub const ARCHIVE_CHECK_TITLE: &str = "Is the file saved?";
pub const ARCHIVE_KEEP: &str = "Keep them here";
pub const ARCHIVE_CHANGED: &str =
    "Your records changed since the file was made, so nothing was moved. Download the archive file again.";
pub const ARCHIVE_KEPT: &str = "Nothing was moved. The old sessions are still here.";

pub const NOT_KEPT: &str = "Nothing is kept: this browser gives Ratbond no storage.";
pub const IOS: &str = "On iPhone and iPad, Safari clears a website's data after 7 days without a visit. Add Ratbond to your Home Screen (Share, then Add to Home Screen) to keep it safe, and make backups.";
pub const PROTECTED: &str =
    "Protected: the browser has promised not to clear Ratbond's data on its own.";
pub const NOT_PROTECTED: &str = "Not protected: the browser may clear Ratbond's data when the device runs low on space. Installing the app helps; backups keep it safe.";
pub const UNKNOWN_PROTECTION: &str =
    "The browser hasn't said whether it keeps Ratbond's data. Backups keep it safe.";

pub const DELETE_TITLE: &str = "Delete all data";
pub const DELETE_TEXT: &str = "Removes every rat, session and setting from this browser. Backup files you saved are not touched.";
pub const DELETE_OPEN: &str = "Delete all data…";
pub const DELETE_CONFIRM_TITLE: &str = "Delete everything?";
pub const DOWNLOAD_FIRST: &str = "Download backup first";
pub const DELETE_EVERYTHING: &str = "Delete everything";
pub const KEEP_MY_DATA: &str = "Keep my data";
pub const DELETED: &str = "All data was deleted from this browser.";

/// "Ratbond's data fills 82.0 % of the space this browser gives it."
pub fn used(percent: &str) -> String {
    format!("Ratbond's data fills {percent} of the space this browser gives it.")
}

/// "Room for about 84,000 more sessions." `n` is already an estimate (two figures).
pub fn room_for(n: usize, shown: &str) -> String {
    if n == 0 {
        return "There is no room for more sessions.".into();
    }
    format!(
        "Room for about {}.",
        counted_as(n as i64, shown, "more session", "more sessions")
    )
}

pub const DATA_ROW: &str = "Ratbond's data";
pub const SITE_ROW: &str = "Whole site, as the browser counts it";

/// "1,230,000 of about 5,000,000 characters": what localStorage counts.
pub fn characters(chars: &str, budget: &str) -> String {
    format!("{chars} of about {budget} characters")
}

/// "2.4 MB of 300 GB allowed"
pub fn site(used: &str, quota: &str) -> String {
    format!("{used} of {quota} allowed")
}

pub const ASK_AGAIN: &str = "Ask the browser again";
pub const DOWNLOAD_BACKUP: &str = "Download a backup";
pub const STILL_NOT_PROTECTED: &str = "The browser still says no. Browsers often agree once Ratbond is installed or used for a while. Until then, backups keep your rats' history safe.";

/// "82.0 %", from the whole and tenth parts already written.
pub fn percent(number: &str) -> String {
    format!("{number} %")
}

/// "under 0.1 %"
pub fn under(percent: &str) -> String {
    format!("under {percent}")
}

/// A size in decimal units, as storage is sold: `number` is already written.
pub fn gigabytes(number: &str) -> String {
    format!("{number} GB")
}

pub fn megabytes(number: &str) -> String {
    format!("{number} MB")
}

pub fn kilobytes(number: &str) -> String {
    format!("{number} KB")
}

/// "8 sessions from before 1 December 2026 can move into an archive file…"
pub fn archivable(n: usize, shown: &str, day: &str) -> String {
    let sessions = counted_as(n as i64, shown, "session", "sessions");
    format!(
        "{sessions} from before {day} can move into an archive file to make room. Current steps and this year's history stay here."
    )
}

pub fn archive_failed(why: &str) -> String {
    format!("The archive file didn't download ({why}), so nothing was moved.")
}

/// Between downloading the archive file and taking the sessions off this device.
pub fn archive_check(n: usize, shown: &str, file: &str) -> String {
    let sessions = counted_as(n as i64, shown, "old session", "old sessions");
    format!(
        "Check that {file} is in your downloads. Only then take the {sessions} off this device."
    )
}

pub fn archive_remove(n: usize, shown: &str) -> String {
    let sessions = counted_as(n as i64, shown, "session", "sessions");
    format!("Remove {sessions} from this device")
}

/// After archiving `n` sessions into the file `name`.
pub fn archived(n: usize, shown: &str, file: &str) -> String {
    let sessions = counted_as(n as i64, shown, "older session is", "older sessions are");
    format!("{sessions} now only in {file}. To see them again, restore that file with Merge.")
}

pub fn will_delete(rats: usize, rats_shown: &str, sessions: usize, sessions_shown: &str) -> String {
    let rats = counted_as(rats as i64, rats_shown, "rat", "rats");
    let sessions = counted_as(sessions as i64, sessions_shown, "session", "sessions");
    format!(
        "This deletes {rats} and {sessions}. It can't be undone. Download a backup first if you might want them back."
    )
}

/// "Type delete to confirm".
pub fn type_to_confirm(word: &str) -> String {
    format!("Type {word} to confirm")
}

pub fn backup_failed(why: &str) -> String {
    format!("The backup didn't download ({why}).")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_left() {
        for (n, shown, want) in [
            (0, "0", "There is no room for more sessions."),
            (1, "1", "Room for about 1 more session."),
            (84_000, "84,000", "Room for about 84,000 more sessions."),
        ] {
            assert_eq!(room_for(n, shown), want);
        }
    }

    #[test]
    fn counted_sentences() {
        let cases = [
            (1, "1 session from before 1 Dec", "1 older session is now"),
            (
                8,
                "8 sessions from before 1 Dec",
                "8 older sessions are now",
            ),
            (
                1200,
                "1,200 sessions from before 1 Dec",
                "1,200 older sessions are now",
            ),
        ];
        for (n, archivable_start, archived_start) in cases {
            let shown = crate::intl::fallback::number(n as i64);
            assert!(archivable(n, &shown, "1 Dec").starts_with(archivable_start));
            assert!(archived(n, &shown, "a.json").starts_with(archived_start));
        }
        let cases = [
            (0, 0, "This deletes 0 rats and 0 sessions."),
            (1, 1, "This deletes 1 rat and 1 session."),
            (2, 1500, "This deletes 2 rats and 1,500 sessions."),
        ];
        for (rats, sessions, start) in cases {
            let (r, s) = (
                crate::intl::fallback::number(rats as i64),
                crate::intl::fallback::number(sessions as i64),
            );
            assert!(will_delete(rats, &r, sessions, &s).starts_with(start));
        }
    }
}

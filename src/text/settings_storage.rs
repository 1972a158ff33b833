//! Words of settings_storage: how full storage is, archiving old sessions, deleting all.
//!
//! Numbers and dates come in already written for the owner's locale (`crate::intl`); a
//! plain count alongside picks the grammar.

pub const SPACE_TITLE: &str = "Space";
pub const STORAGE_USED_LABEL: &str = "Storage used";
pub const NEARLY_FULL: &str = "Storage is nearly full.";
pub const NEARLY_FULL_TEXT: &str = "Download a backup now. To make room, archive old sessions if Ratbond offers it below, or delete rats you no longer need.";
pub const UNMEASURED: &str = "Can't be measured right now.";
pub const ARCHIVE_TITLE: &str = "Archive old sessions";
pub const ARCHIVE_BUTTON: &str = "Archive old sessions";

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

/// "4,100,000 of about 5,000,000 characters used (82.0 %)."
pub fn used(chars: &str, budget: &str, percent: &str) -> String {
    format!("{chars} of about {budget} characters used ({percent}).")
}

/// "82.0 %", from the whole and tenth parts already written.
pub fn percent(number: &str) -> String {
    format!("{number} %")
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

pub fn estimate(used: &str, quota: &str) -> String {
    format!(
        "The browser reports {used} used by this site (app files included), of {quota} it allows."
    )
}

/// "8 sessions from before 1 December 2026 can move into an archive file…"
pub fn archivable(n: usize, shown: &str, day: &str) -> String {
    let sessions = if n == 1 {
        format!("{shown} session")
    } else {
        format!("{shown} sessions")
    };
    format!(
        "{sessions} from before {day} can move into an archive file to make room. Current steps and this year's history stay here."
    )
}

pub fn archive_failed(why: &str) -> String {
    format!("The archive file didn't download ({why}), so nothing was moved.")
}

/// After archiving `n` sessions into the file `name`.
pub fn archived(n: usize, shown: &str, file: &str) -> String {
    let sessions = if n == 1 {
        format!("{shown} older session is")
    } else {
        format!("{shown} older sessions are")
    };
    format!("{sessions} now only in {file}. To see them again, restore that file with Merge.")
}

pub fn will_delete(rats: usize, rats_shown: &str, sessions: usize, sessions_shown: &str) -> String {
    let rats = if rats == 1 {
        format!("{rats_shown} rat")
    } else {
        format!("{rats_shown} rats")
    };
    let sessions = if sessions == 1 {
        format!("{sessions_shown} session")
    } else {
        format!("{sessions_shown} sessions")
    };
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

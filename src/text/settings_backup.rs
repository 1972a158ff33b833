//! Words of settings_backup: the backup and restore sections of Settings.
//!
//! Dates come in already written for the owner's locale (`crate::intl`), and so do
//! counts that can grow past a thousand (`*_shown`); the plain count picks the grammar.

pub const BACKUP_TITLE: &str = "Backup";
pub const BACKUP_TEXT: &str = "Browsers sometimes clear their storage, and phones get lost. A backup file keeps your rats' history safe.";
pub const NO_BACKUP: &str = "No backup yet.";
pub const DOWNLOAD: &str = "Download backup";
pub const SHARE: &str = "Share backup";
pub const DOWNLOADING: &str =
    "The backup is downloading. Keep it somewhere safe, like your email or a cloud drive.";
pub const SHARED: &str = "Backup shared.";
pub const SHARE_FAILED: &str = "Sharing didn't work here. Use Download backup instead.";

pub const RESTORE_TITLE: &str = "Restore";
pub const RESTORE_TEXT: &str = "Bring back rats and sessions from a backup file. The file is checked completely first; nothing changes until you choose.";
pub const CHOOSE_FILE: &str = "Choose a backup file";
pub const CHECKING: &str = "Checking the file…";
pub const REJECTED: &str = "This file can't be restored.";
/// After a refused file: what is safe, then what to try.
pub const NOTHING_CHANGED: &str = "Nothing was changed. Try another backup file, or make a fresh one with Download backup on the device that has your rats.";
pub const FILE_FINE: &str = "The file is fine";
pub const MERGE_OR_REPLACE: &str = "Merge adds what is new and keeps the newer version of anything in both. Replace makes this device exactly like the file.";
pub const MERGE: &str = "Merge";
pub const REPLACE: &str = "Replace";
pub const REPLACE_TITLE: &str = "Replace everything here?";
pub const BACK: &str = "Back";
pub const UNDO: &str = "Undo restore";
pub const UNDONE: &str = "Your data is back as it was before the restore.";
/// Undo tapped after something else changed: going back would lose that change.
pub const UNDO_TOO_LATE: &str = "Undo isn't possible any more, because something changed after the restore. Your data stays as it is now.";
pub const NOTHING_NEW: &str = "Nothing to merge: everything in the file is already here.";

/// "Last backup: 20 November 2026."
pub fn last_backup(day: &str) -> String {
    format!("Last backup: {day}.")
}

pub fn download_failed(why: &str) -> String {
    format!("The backup didn't download ({why}). Please try again.")
}

pub fn unreadable(why: &str) -> String {
    format!("The file could not be read ({why}).")
}

/// "Saved on 20 November 2026."
pub fn saved_on(day: &str) -> String {
    format!("Saved on {day}.")
}

/// Which days a backup's sessions span, written for the owner's locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Days<'a> {
    Unknown,
    On(&'a str),
    FromTo(&'a str, &'a str),
}

fn count(n: usize, shown: &str, one: &str, many: &str) -> String {
    match n {
        0 => format!("no {many}"),
        1 => format!("1 {one}"),
        _ => format!("{shown} {many}"),
    }
}

/// What a backup (or this device) holds: "3 rats, 412 sessions, from 2 March 2026 to
/// 1 December 2026".
pub fn preview(rats: usize, sessions: usize, sessions_shown: &str, days: Days) -> String {
    let rats = count(rats, &rats.to_string(), "rat", "rats");
    let counted = count(sessions, sessions_shown, "session", "sessions");
    let sessions = match (sessions, days) {
        (0, _) => "no sessions yet".to_string(),
        (_, Days::On(day)) => format!("{counted}, on {day}"),
        (_, Days::FromTo(first, last)) => format!("{counted}, from {first} to {last}"),
        (_, Days::Unknown) => counted,
    };
    let text = format!("{rats}, {sessions}");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// "Merged: 2 added and 5 updated from the file. The rest was already here." Counts are of
/// records (rats, sessions, plans), so the unchanged ones, which match nothing the preview
/// said, are not counted out.
pub fn merged(added: &str, updated: &str) -> String {
    format!("Merged: {added} added and {updated} updated from the file. The rest was already here.")
}

/// "Replaced with the backup: 3 rats, ….", from `preview`.
pub fn replaced(preview: &str) -> String {
    format!("Replaced with the backup: {preview}.")
}

/// The confirmation before a replace; `here` is this device's `preview`.
pub fn replace_text(here: &str) -> String {
    format!(
        "This device's data ({}) is swapped for the file's. You can undo right after, until something else changes or you close Ratbond.",
        here.to_lowercase()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews() {
        let cases = [
            (0, 0, Days::Unknown, "No rats, no sessions yet"),
            (1, 0, Days::On("2 March 2026"), "1 rat, no sessions yet"),
            (
                1,
                1,
                Days::On("2 March 2026"),
                "1 rat, 1 session, on 2 March 2026",
            ),
            (
                3,
                1412,
                Days::FromTo("2 March 2026", "1 December 2026"),
                "3 rats, 1,412 sessions, from 2 March 2026 to 1 December 2026",
            ),
            (2, 5, Days::Unknown, "2 rats, 5 sessions"),
        ];
        for (rats, sessions, days, want) in cases {
            let shown = crate::intl::fallback::number(sessions as i64);
            assert_eq!(preview(rats, sessions, &shown, days), want);
        }
    }

    #[test]
    fn sentences() {
        assert_eq!(
            last_backup("20 November 2026"),
            "Last backup: 20 November 2026."
        );
        assert_eq!(
            merged("2", "5"),
            "Merged: 2 added and 5 updated from the file. The rest was already here."
        );
        assert_eq!(
            replace_text("2 rats, no sessions yet"),
            "This device's data (2 rats, no sessions yet) is swapped for the file's. You can undo right after, until something else changes or you close Ratbond."
        );
    }
}

//! Words of store: why a change was not saved, what opening storage found, and why a backup
//! file was refused. The store hands them out as its errors' `Display` text.
//!
//! Numbers in these sentences are the store's own limits and positions, written plainly;
//! `day` and `merge_counts` are the English texts that code without a browser (tests)
//! still writes. Screens write dates and counts through `crate::intl` instead.

// A change that was not saved (`StoreError`).

pub const NOT_SAVED_READ_ONLY: &str = "Your change was not saved: Ratbond is only showing your data right now, so nothing can be lost. See the message at the top.";
pub const NOT_SAVED_MISSING: &str =
    "Your change was not saved: this rat or session is gone, maybe deleted in another window.";
pub const NOT_SAVED_FULL: &str =
    "Your change was not saved: the browser's storage for Ratbond is full.";
pub const NOT_SAVED_NOT_LOADED: &str =
    "Your change was not saved: older history is still loading. Try again in a moment.";

/// "Your change was not saved: the browser refused to store it (…)."
pub fn not_saved(why: &str) -> String {
    format!("Your change was not saved: {why}.")
}

/// `what` is one of the kinds of record below ("session history").
pub fn not_saved_damaged(what: &str) -> String {
    format!(
        "Your change was not saved: saved {what} could not be read. Reload Ratbond: it keeps that data safe and lets you go on."
    )
}

// Why storage threw (`BackendError`), after "Your change was not saved: ".

pub const STORAGE_FULL: &str = "the browser's storage for Ratbond is full";

pub fn storage_refused(why: &str) -> String {
    format!("the browser refused to store it ({why})")
}

// What opening storage found (`LoadIssue`).

/// `what` is one of the kinds of record below.
pub fn quarantined(what: &str) -> String {
    format!(
        "Some saved data ({what}) could not be read. It is kept safe, untouched, and you can download it."
    )
}

pub fn newer_schema(stored: u32) -> String {
    format!(
        "This data comes from a newer Ratbond (format {stored}). It is shown read-only so nothing is overwritten. Reload to get the update."
    )
}

pub fn migration_failed(why: &str) -> String {
    format!(
        "Your data could not be brought up to date ({why}). It is shown read-only so nothing is lost."
    )
}

pub fn read_failed(why: &str) -> String {
    format!("Saved data could not be read ({why}).")
}

/// Why a migration failed (`MigrationError`).
pub fn no_migration(from: u32) -> String {
    format!("no way to update data from format {from}")
}

/// Why a month of sessions could not be read (`DecodeError`); `why` is the technical detail.
pub fn damaged_history(why: &str) -> String {
    format!("damaged session history: {why}")
}

// The kinds of record kept aside, in `quarantined`.

pub const APP_SETTINGS: &str = "app settings";
pub const RAT_PROFILES: &str = "rat profiles";
pub const TRAINING_PROGRAMS: &str = "training programs";
pub const SESSION_HISTORY: &str = "session history";
pub const SESSION_TIMER: &str = "session timer";
pub const SAVED_DATA: &str = "saved data";

/// Read-only (a newer format, maybe): `what` is one of the nouns above.
pub fn left_untouched(what: &str) -> String {
    format!("{what} could not be read by this version, and were left untouched")
}

pub fn not_set_aside(what: &str, why: &str) -> String {
    format!("{what} could not be set aside: {why}")
}

pub const OTHER_WINDOW_SETTINGS: &str =
    "another window changed the app settings in a way this one cannot read";

// Why a backup file was refused (`BackupError`): one short, plain sentence.

pub const TOO_LARGE: &str = "The file is larger than 10 MB.";
pub const EMPTY: &str = "This file is empty.";
pub const TRUNCATED: &str = "This file is cut short. Maybe it didn't finish downloading.";
pub const NOT_RATBOND: &str = "This isn't a Ratbond backup.";
pub const TOO_DEEP: &str = "This isn't a Ratbond backup: it is nested far too deeply.";
pub const NEWER: &str =
    "This backup is from a newer version of Ratbond. Update the app, then try again.";
pub const OLDER: &str = "This backup is from an older version of Ratbond that this one can't read.";

/// `why` says how ("its checksum doesn't match").
pub fn damaged(why: &str) -> String {
    format!("This file is damaged: {why}.")
}

pub fn too_many_practice_times(n: usize, max: usize) -> String {
    format!("This backup has {n} practice times. Ratbond keeps up to {max}.")
}

pub fn bad_practice_time(n: usize) -> String {
    format!("Practice time {n} isn't a real time.")
}

/// "Rat 2 (Pip) has no name.": a record (`rat_named` …) and what is wrong with it.
pub fn item(subject: &str, problem: &str) -> String {
    format!("{subject} {problem}.")
}

// Which record (`Subject`). Positions count from 1, in file order.

pub fn rat_named(n: usize, name: &str) -> String {
    format!("Rat {n} ({name})")
}

pub fn rat(n: usize) -> String {
    format!("Rat {n}")
}

pub fn session(n: usize) -> String {
    format!("Session {n}")
}

/// A training plan whose rat is known: its position and name.
pub fn plan_for_rat(rat: usize, name: &str) -> String {
    format!("The plan for rat {rat} ({name})")
}

pub fn plan(n: usize) -> String {
    format!("Training plan {n}")
}

// What is wrong with a record (`Problem`), after the record. `what` is a noun ("name",
// "notes", "a cage group") chosen by the check.

pub const CANT_BE_READ: &str = "can't be read";
pub const NOTES_UNREADABLE: &str = "has notes that can't be read";
pub const NO_RATS: &str = "has no rats";
pub const SAME_RAT_TWICE: &str = "lists the same rat twice";
pub const REST_BACKWARDS: &str = "has a rest period that ends before it starts";
pub const REST_TOO_FAR: &str = "has rest days too far in the future";

pub fn missing(what: &str) -> String {
    format!("has no {what}")
}

pub fn bad(what: &str) -> String {
    format!("has a bad {what}")
}

pub fn name_too_long(max: usize) -> String {
    format!("has a name longer than {max} characters")
}

pub fn hidden(what: &str) -> String {
    format!("has characters in its {what} that can't be shown")
}

/// `what` carries its article ("a note").
pub fn too_long(what: &str, max: usize) -> String {
    format!("has {what} longer than {max} characters")
}

pub fn after_export(what: &str) -> String {
    format!("has a {what} after the backup was made")
}

pub fn session_too_long(hours: u32) -> String {
    format!("is longer than {hours} hours")
}

pub fn too_many_treats(n: u64, max: u16) -> String {
    format!("has {n} treats. The most is {max}")
}

pub fn unknown(what: &str) -> String {
    format!("has a {what} Ratbond doesn't know")
}

/// `technique` is the technique's name.
pub fn step_not_in_ladder(technique: &str) -> String {
    format!("has a step that isn't part of {technique}")
}

pub fn same_id_as_rat(first: usize) -> String {
    format!("is marked as the same rat as rat {first}")
}

pub fn same_id_as_session(first: usize) -> String {
    format!("is marked as the same session as session {first}")
}

pub fn same_rat_as_plan(first: usize) -> String {
    format!("has the same rat as training plan {first}")
}

pub fn rest_too_long(days: i64, max: i64) -> String {
    format!("has a rest period of {days} days. The most is {max}")
}

// English texts for code without a browser.

/// "2 March 2026"; `month` is the month's name.
pub fn day(day: u8, month: &str, year: i32) -> String {
    format!("{day} {month} {year}")
}

/// "2 added, 5 updated, 400 unchanged" (numbers already written).
pub fn merge_counts(added: &str, updated: &str, unchanged: &str) -> String {
    format!("{added} added, {updated} updated, {unchanged} unchanged")
}

pub fn other_window_unreadable(why: &str) -> String {
    format!("Another window saved data this one cannot read ({why}). Reload to see it")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences() {
        assert_eq!(not_saved(STORAGE_FULL), NOT_SAVED_FULL);
        assert_eq!(
            item(&rat_named(2, "Pip"), &too_long("a note", 500)),
            "Rat 2 (Pip) has a note longer than 500 characters."
        );
        assert_eq!(day(2, "March", 2026), "2 March 2026");
        assert_eq!(
            merge_counts("2", "5", "400"),
            "2 added, 5 updated, 400 unchanged"
        );
    }
}

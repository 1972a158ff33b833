//! Rules that keep the owner's data safe: when to nudge for a backup, how full storage is,
//! which sessions may leave the browser when it is full, and the typed "delete" check.

use super::date::LocalDate;
use super::program::Programs;
use super::rat::Rat;
use super::session::Session;

/// Days without a backup before Today shows a gentle reminder (and after a "Not now").
pub const BACKUP_EVERY_DAYS: i64 = 14;
/// Fewer sessions than this are not yet worth a reminder.
pub const WORTH_KEEPING_SESSIONS: usize = 5;
/// Storage use, in per mille of the budget, from which Settings warns.
pub const NEARLY_FULL_PER_MILLE: u64 = 800;
/// Archiving keeps at least this many days of recent history in the browser.
pub const ARCHIVE_KEEP_DAYS: i64 = 365;
/// The word typed to confirm deleting everything.
pub const DELETE_WORD: &str = "delete";

/// Why Today reminds the owner to make a backup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupNudge {
    /// No backup yet; the first session was this many days ago.
    Never { days: i64 },
    /// The last backup was this many days ago.
    Since { days: i64 },
}

impl BackupNudge {
    pub fn sentence(self) -> String {
        match self {
            BackupNudge::Never { .. } => crate::text::safety::NEVER_BACKED_UP.to_string(),
            BackupNudge::Since { days } => crate::text::safety::last_backup_days_ago(days),
        }
    }
}

/// The reminder to show on Today, if any.
pub fn backup_nudge(
    today: LocalDate,
    last_backup: Option<LocalDate>,
    snoozed: Option<LocalDate>,
    sessions: &[Session],
) -> Option<BackupNudge> {
    if sessions.len() < WORTH_KEEPING_SESSIONS {
        return None;
    }
    if snoozed.is_some_and(|day| today.days_since(day) < BACKUP_EVERY_DAYS) {
        return None;
    }
    let nudge = match last_backup {
        Some(day) => BackupNudge::Since {
            days: today.days_since(day),
        },
        None => BackupNudge::Never {
            days: today.days_since(sessions.iter().map(|s| s.day).min()?),
        },
    };
    let days = match nudge {
        BackupNudge::Never { days } | BackupNudge::Since { days } => days,
    };
    (days >= BACKUP_EVERY_DAYS).then_some(nudge)
}

/// Storage use in tenths of a percent of `budget` (may pass 1000 when over).
pub fn used_per_mille(used: usize, budget: usize) -> u64 {
    if budget == 0 {
        return 1000;
    }
    (used as u64).saturating_mul(1000) / budget as u64
}

pub fn nearly_full(used: usize, budget: usize) -> bool {
    used_per_mille(used, budget) >= NEARLY_FULL_PER_MILLE
}

/// What one session takes in storage while there are too few to measure (a short note
/// included; the five-year data set averages about 42 characters).
pub const TYPICAL_SESSION_CHARS: usize = 60;
/// From this many sessions their own average size is used.
const MEASURED_FROM_SESSIONS: usize = 50;

/// About how many more sessions fit in the space left, rounded down to two figures so it
/// reads as the estimate it is ("84,000", not "84,213").
pub fn sessions_that_fit(
    used: usize,
    budget: usize,
    session_chars: usize,
    sessions: usize,
) -> usize {
    let each = if sessions >= MEASURED_FROM_SESSIONS {
        // Rounded up: better to promise a little less room than there is.
        session_chars.div_ceil(sessions).max(1)
    } else {
        TYPICAL_SESSION_CHARS
    };
    two_figures(budget.saturating_sub(used) / each)
}

fn two_figures(n: usize) -> usize {
    let mut unit = 1;
    while n / unit >= 100 {
        unit *= 10;
    }
    n / unit * unit
}

/// Sessions before this day may be archived: older than a year, and older than the start
/// of every active technique of a rat still in training, so no current step changes.
pub fn archive_before(today: LocalDate, rats: &[Rat], programs: &Programs) -> LocalDate {
    let year_ago = today.add_days(-ARCHIVE_KEEP_DAYS).unwrap_or(today);
    rats.iter()
        .filter(|rat| !rat.archived)
        .filter_map(|rat| {
            let program = programs.of(&rat.id)?;
            let active = program.active?;
            program
                .started
                .iter()
                .find(|(t, _)| *t == active)
                .map(|(_, day)| *day)
        })
        .fold(year_ago, |cutoff, day| cutoff.min(day))
}

/// How many sessions an archive would take out of the browser.
pub fn archivable(sessions: &[Session], before: LocalDate) -> usize {
    sessions.iter().filter(|s| s.day < before).count()
}

/// True when the owner typed the confirmation word (any case, spaces around allowed).
pub fn delete_confirmed(typed: &str) -> bool {
    typed.trim().eq_ignore_ascii_case(DELETE_WORD)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rat::{RatDraft, RatId, Sex, Temperament};
    use crate::domain::session::SessionId;
    use crate::domain::technique::TechniqueId;

    fn day(y: i32, m: u8, d: u8) -> LocalDate {
        LocalDate::new(y, m, d).expect("valid date")
    }

    fn sessions_on(days: &[LocalDate]) -> Vec<Session> {
        days.iter()
            .enumerate()
            .map(|(i, d)| Session {
                id: SessionId(format!("s{i}")),
                day: *d,
                started_at: 0.0,
                duration_secs: 300,
                outcomes: Vec::new(),
                treats: 0,
                note: String::new(),
                updated_at: 0.0,
            })
            .collect()
    }

    fn five_from(first: LocalDate) -> Vec<Session> {
        let days: Vec<LocalDate> = (0..5).filter_map(|i| first.add_days(i)).collect();
        sessions_on(&days)
    }

    #[test]
    fn backup_nudge_rules() {
        let today = day(2026, 12, 1);
        let history = five_from(day(2026, 11, 1));
        let few = sessions_on(&[day(2026, 1, 1), day(2026, 1, 2)]);
        let recent = five_from(day(2026, 11, 21));
        let two_weeks = five_from(day(2026, 11, 17));
        // (case, last backup, snoozed, sessions, expected)
        type Case<'a> = (
            &'a str,
            Option<LocalDate>,
            Option<LocalDate>,
            &'a [Session],
            Option<BackupNudge>,
        );
        let table: Vec<Case> = vec![
            ("too little history", None, None, &few, None),
            (
                "never, first session 30 days ago",
                None,
                None,
                &history,
                Some(BackupNudge::Never { days: 30 }),
            ),
            (
                "never, but history only 10 days old",
                None,
                None,
                &recent,
                None,
            ),
            (
                "never, exactly 14 days",
                None,
                None,
                &two_weeks,
                Some(BackupNudge::Never { days: 14 }),
            ),
            (
                "backup 13 days ago",
                Some(day(2026, 11, 18)),
                None,
                &history,
                None,
            ),
            (
                "backup 14 days ago",
                Some(day(2026, 11, 17)),
                None,
                &history,
                Some(BackupNudge::Since { days: 14 }),
            ),
            (
                "backup 40 days ago",
                Some(day(2026, 10, 22)),
                None,
                &history,
                Some(BackupNudge::Since { days: 40 }),
            ),
            (
                "snoozed 3 days ago",
                Some(day(2026, 10, 22)),
                Some(day(2026, 11, 28)),
                &history,
                None,
            ),
            (
                "snoozed 14 days ago comes back",
                Some(day(2026, 10, 22)),
                Some(day(2026, 11, 17)),
                &history,
                Some(BackupNudge::Since { days: 40 }),
            ),
            ("backup today", Some(today), None, &history, None),
        ];
        for (case, last, snoozed, sessions, expected) in table {
            assert_eq!(
                backup_nudge(today, last, snoozed, sessions),
                expected,
                "{case}"
            );
        }
        assert_eq!(
            BackupNudge::Since { days: 20 }.sentence(),
            "Your last backup was 20 days ago."
        );
        assert_eq!(
            BackupNudge::Never { days: 20 }.sentence(),
            "You haven't made a backup yet."
        );
    }

    #[test]
    fn storage_fullness() {
        let table = [
            (0, 5_000_000, 0, false),
            (1_234_567, 5_000_000, 246, false),
            (3_999_999, 5_000_000, 799, false),
            (4_000_000, 5_000_000, 800, true),
            (5_500_000, 5_000_000, 1100, true),
            (10, 0, 1000, true),
        ];
        for (used, budget, per_mille, nearly) in table {
            assert_eq!(used_per_mille(used, budget), per_mille, "{used}/{budget}");
            assert_eq!(nearly_full(used, budget), nearly, "{used}/{budget}");
        }
    }

    #[test]
    fn room_left_in_sessions() {
        let table = [
            // used, budget, session chars, sessions, fit
            (0, 5_000_000, 0, 0, 83_000), // 83,333 at the typical 60 each
            (1_000, 5_000_000, 600, 10, 83_000), // few: still the typical size
            (1_540_000, 5_000_000, 1_500_000, 36_000, 82_000), // 41.7, so 42 each: 82,380
            (1_000_000, 5_000_000, 900_000, 3_000, 13_000), // notes-heavy, 300 each
            (4_999_950, 5_000_000, 6_000, 100, 0),
            (5_500_000, 5_000_000, 6_000, 100, 0),
            (4_999_000, 5_000_000, 0, 0, 16),
        ];
        for (used, budget, chars, sessions, fit) in table {
            assert_eq!(
                sessions_that_fit(used, budget, chars, sessions),
                fit,
                "{used} {chars} {sessions}"
            );
        }
        for (n, want) in [
            (0, 0),
            (7, 7),
            (99, 99),
            (100, 100),
            (987, 980),
            (84_390, 84_000),
        ] {
            assert_eq!(two_figures(n), want);
        }
    }

    fn rat(id: &str, archived: bool) -> Rat {
        let valid = RatDraft {
            name: id.into(),
            sex: Sex::Female,
            temperament: Some(Temperament::Shy),
            ..RatDraft::default()
        }
        .validate(day(2026, 12, 1))
        .expect("valid rat");
        let mut rat = Rat::new(RatId(id.into()), valid, 0.0);
        rat.archived = archived;
        rat
    }

    #[test]
    fn archive_keeps_a_year_and_every_current_technique() {
        let today = day(2026, 12, 1);
        let rats = vec![rat("a", false), rat("b", false), rat("c", true)];
        let mut programs = Programs::default();
        assert_eq!(archive_before(today, &rats, &programs), day(2025, 12, 1));
        // b's active technique started two years ago: its sessions since then stay.
        programs
            .entry(&RatId("b".into()))
            .choose(TechniqueId::Scent, day(2024, 6, 3), 0.0);
        programs.entry(&RatId("a".into())).choose(
            TechniqueId::OfferingTreats,
            day(2026, 3, 1),
            0.0,
        );
        assert_eq!(archive_before(today, &rats, &programs), day(2024, 6, 3));
        // An archived rat's old technique doesn't hold history back.
        programs
            .entry(&RatId("c".into()))
            .choose(TechniqueId::Scent, day(2020, 1, 1), 0.0);
        assert_eq!(archive_before(today, &rats, &programs), day(2024, 6, 3));
        // Switching b to a newer technique frees the older sessions.
        programs
            .entry(&RatId("b".into()))
            .choose(TechniqueId::Bonding, day(2026, 5, 1), 0.0);
        assert_eq!(archive_before(today, &rats, &programs), day(2025, 12, 1));
        let sessions = sessions_on(&[day(2024, 1, 1), day(2025, 11, 30), day(2025, 12, 1)]);
        assert_eq!(archivable(&sessions, day(2025, 12, 1)), 2);
        assert_eq!(archivable(&sessions, day(2024, 1, 1)), 0);
    }

    #[test]
    fn delete_needs_the_word() {
        for (typed, ok) in [
            ("delete", true),
            (" DELETE ", true),
            ("Delete", true),
            ("", false),
            ("delet", false),
            ("delete all", false),
            ("yes", false),
        ] {
            assert_eq!(delete_confirmed(typed), ok, "{typed:?}");
        }
    }
}

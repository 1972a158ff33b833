//! Consistency: streaks of training days, rest days, the calendar heat map and the
//! daily goal.
//!
//! A day is always the owner's local calendar day stored with each session
//! ([`Session::day`]), never one worked out again from a clock. So a change of time
//! zone, or a clock set wrong, never moves a session to another day.
//!
//! How rest days count: a rest day *pauses* a streak. It doesn't break it and doesn't
//! add to it, so a streak is always an honest count of days with a session, and caring
//! for an ill rat or being away never costs the owner their streak. A session logged on
//! a rest day still counts as a session day.
//!
//! Today is still open: until the day is over, a day without a session yet doesn't
//! break the current streak.

use super::date::LocalDate;
use super::rat::RatId;
use super::session::Session;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A rest reason is a short note, like "Pip is at the vet" or "away for the weekend".
pub const REST_REASON_MAX: usize = 80;
/// One rest period covers at most this many days, counting both ends.
pub const REST_RANGE_MAX_DAYS: i64 = 60;
/// The heat map shows at least this many weeks.
pub const HEAT_MAP_MIN_WEEKS: u32 = 12;
/// And at most this many (ten years), so a wild argument can't build a huge list.
pub const HEAT_MAP_MAX_WEEKS: u32 = 520;
/// At least one session a day.
pub const DAILY_GOAL: u32 = 1;
/// A second session a day is better.
pub const DAILY_BETTER: u32 = 2;

/// Days the owner marked as rest: the rat is ill, the owner is away.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestPeriod {
    /// First rest day.
    pub from: LocalDate,
    /// Last rest day, included; the same as `from` for a single day.
    pub to: LocalDate,
    #[serde(default)]
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestError {
    EndBeforeStart,
    TooLong { days: i64 },
    ReasonTooLong { chars: usize },
}

impl fmt::Display for RestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::text::progress as t;
        match self {
            RestError::EndBeforeStart => f.write_str(t::REST_END_BEFORE_START),
            RestError::TooLong { days } => {
                f.write_str(&t::rest_too_long(REST_RANGE_MAX_DAYS, *days))
            }
            RestError::ReasonTooLong { chars } => {
                f.write_str(&t::rest_reason_too_long(REST_REASON_MAX, *chars))
            }
        }
    }
}

impl RestPeriod {
    /// A checked period; the reason is trimmed.
    pub fn new(from: LocalDate, to: LocalDate, reason: &str) -> Result<Self, RestError> {
        if to < from {
            return Err(RestError::EndBeforeStart);
        }
        let days = to.days_since(from) + 1;
        if days > REST_RANGE_MAX_DAYS {
            return Err(RestError::TooLong { days });
        }
        let reason = reason.trim();
        let chars = reason.chars().count();
        if chars > REST_REASON_MAX {
            return Err(RestError::ReasonTooLong { chars });
        }
        Ok(RestPeriod {
            from,
            to,
            reason: reason.to_string(),
        })
    }

    /// Whether `day` is one of the rest days (a period stored back to front has none).
    pub fn contains(&self, day: LocalDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// How many days the period covers, both ends included.
    pub fn days(&self) -> i64 {
        (self.to.days_since(self.from) + 1).max(0)
    }
}

/// All rest periods of one rat (or of one owner, if the app shares them), oldest first.
/// Periods may overlap; each keeps its own reason. Stored as a JSON list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RestDays {
    periods: Vec<RestPeriod>,
}

impl RestDays {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn periods(&self) -> &[RestPeriod] {
        &self.periods
    }

    pub fn is_empty(&self) -> bool {
        self.periods.is_empty()
    }

    /// Marks one day as rest.
    pub fn add_day(&mut self, day: LocalDate, reason: &str) -> Result<(), RestError> {
        self.add_range(day, day, reason)
    }

    /// Marks `from..=to` as rest. Marking the same range again only changes its reason.
    pub fn add_range(
        &mut self,
        from: LocalDate,
        to: LocalDate,
        reason: &str,
    ) -> Result<(), RestError> {
        let period = RestPeriod::new(from, to, reason)?;
        match self
            .periods
            .iter_mut()
            .find(|p| p.from == period.from && p.to == period.to)
        {
            Some(same) => same.reason = period.reason,
            None => {
                self.periods.push(period);
                crate::domain::order::sort_by_key(&mut self.periods, |p| (p.from, p.to));
            }
        }
        Ok(())
    }

    /// Removes the period that starts and ends on these days; false if there is none.
    pub fn remove(&mut self, from: LocalDate, to: LocalDate) -> bool {
        let before = self.periods.len();
        self.periods.retain(|p| !(p.from == from && p.to == to));
        self.periods.len() != before
    }

    /// Makes `day` an ordinary day again. A period around it is split in two and both
    /// halves keep the reason. False if the day wasn't a rest day.
    pub fn remove_day(&mut self, day: LocalDate) -> bool {
        if !self.is_rest(day) {
            return false;
        }
        let mut kept = Vec::with_capacity(self.periods.len() + 1);
        for p in self.periods.drain(..) {
            if !p.contains(day) {
                kept.push(p);
                continue;
            }
            if let Some(before) = day.add_days(-1).filter(|d| *d >= p.from) {
                kept.push(RestPeriod {
                    to: before,
                    ..p.clone()
                });
            }
            if let Some(after) = day.add_days(1).filter(|d| *d <= p.to) {
                kept.push(RestPeriod { from: after, ..p });
            }
        }
        crate::domain::order::sort_by_key(&mut kept, |p| (p.from, p.to));
        self.periods = kept;
        true
    }

    pub fn is_rest(&self, day: LocalDate) -> bool {
        self.periods.iter().any(|p| p.contains(day))
    }

    /// The first period that covers `day`, to show its reason.
    pub fn covering(&self, day: LocalDate) -> Option<&RestPeriod> {
        self.periods.iter().find(|p| p.contains(day))
    }
}

/// The days of one rat's sessions, one item per session (group sessions included).
pub fn session_days<'a>(
    sessions: &'a [Session],
    rat: &'a RatId,
) -> impl Iterator<Item = LocalDate> + 'a {
    sessions
        .iter()
        .filter(move |s| s.outcome_for(rat).is_some())
        .map(|s| s.day)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Streaks {
    /// Days with a session in the streak that is still going (0 if it broke).
    pub current: u32,
    /// The longest streak ever, the current one included.
    pub best: u32,
    pub sessions_today: u32,
    pub last_session_day: Option<LocalDate>,
}

fn count_by_day(days: impl IntoIterator<Item = LocalDate>) -> BTreeMap<LocalDate, u32> {
    let mut counts = BTreeMap::new();
    for day in days {
        let n: &mut u32 = counts.entry(day).or_default();
        *n = n.saturating_add(1);
    }
    counts
}

/// Whether every day strictly between `a` and `b` is a rest day.
fn rested_between(a: LocalDate, b: LocalDate, rest: &RestDays) -> bool {
    // Next days in one month have nothing between them: no day-number maths needed.
    if a.year() == b.year() && a.month() == b.month() && b.day() <= a.day().saturating_add(1) {
        return true;
    }
    (1..b.days_since(a)).all(|n| a.add_days(n).is_some_and(|d| rest.is_rest(d)))
}

/// Streaks from the days of a rat's sessions (one item per session, any order).
///
/// A day with several sessions counts once. Rest days neither break nor count. Today
/// without a session yet keeps the streak open. A session stored on a day after
/// `today` (the clock or time zone moved back since) stays on its day and still counts.
pub fn streaks(
    session_days: impl IntoIterator<Item = LocalDate>,
    rest: &RestDays,
    today: LocalDate,
) -> Streaks {
    // A sorted list rather than a map: days mostly arrive in order, and this runs for every
    // rat on every change to the history.
    let mut days: Vec<LocalDate> = session_days.into_iter().collect();
    if !days.is_sorted() {
        crate::domain::order::sort_by(&mut days, &|a, b| a.cmp(b));
    }
    let sessions_today = days.iter().filter(|d| **d == today).count();
    days.dedup();
    let mut run = 0u32;
    let mut best = 0u32;
    let mut previous: Option<LocalDate> = None;
    for &day in &days {
        if previous.is_some_and(|p| !rested_between(p, day, rest)) {
            run = 0;
        }
        run = run.saturating_add(1);
        best = best.max(run);
        previous = Some(day);
    }
    let current = match previous {
        Some(last) if last >= today || rested_between(last, today, rest) => run,
        _ => 0,
    };
    Streaks {
        current,
        best,
        sessions_today: u32::try_from(sessions_today).unwrap_or(u32::MAX),
        last_session_day: previous,
    }
}

/// One square of the calendar heat map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayStatus {
    /// This many sessions (at least one).
    Session(u32),
    /// A rest day without a session.
    Rest,
    /// A past day without a session or rest.
    Missed,
    /// Today, without a session yet: still open, not missed.
    Open,
    /// After today.
    Future,
    /// Before the rat's first session.
    BeforeStart,
}

/// The Monday of the week that `day` is in.
pub fn week_start(day: LocalDate) -> LocalDate {
    day.add_days(-i64::from(day.weekday())).unwrap_or(day)
}

/// The last `weeks` weeks (at least [`HEAT_MAP_MIN_WEEKS`], at most
/// [`HEAT_MAP_MAX_WEEKS`]), Monday to Sunday, oldest
/// first, ending with the week that holds today. Always a multiple of 7 days, except
/// at the very edges of the supported years.
pub fn heat_map(
    session_days: impl IntoIterator<Item = LocalDate>,
    rest: &RestDays,
    today: LocalDate,
    weeks: u32,
) -> Vec<(LocalDate, DayStatus)> {
    let counts = count_by_day(session_days);
    let first = counts.keys().next().copied();
    let weeks = i64::from(weeks.clamp(HEAT_MAP_MIN_WEEKS, HEAT_MAP_MAX_WEEKS));
    let start = week_start(today).to_days() - (weeks - 1) * 7;
    (start..start + weeks * 7)
        .filter_map(LocalDate::from_days)
        .map(|day| {
            let status = match counts.get(&day) {
                Some(&n) => DayStatus::Session(n),
                None if rest.is_rest(day) => DayStatus::Rest,
                None if day > today => DayStatus::Future,
                None if first.is_none_or(|f| day < f) => DayStatus::BeforeStart,
                None if day == today => DayStatus::Open,
                None => DayStatus::Missed,
            };
            (day, status)
        })
        .collect()
}

/// Today's sessions against the daily goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DailyProgress {
    pub done: u32,
    /// [`DAILY_GOAL`]
    pub goal: u32,
    /// [`DAILY_BETTER`]
    pub better: u32,
}

impl DailyProgress {
    pub fn new(done: u32) -> Self {
        DailyProgress {
            done,
            goal: DAILY_GOAL,
            better: DAILY_BETTER,
        }
    }

    /// At least the one session a day.
    pub fn is_met(&self) -> bool {
        self.done >= self.goal
    }

    /// The better goal of a second session is reached too.
    pub fn is_better_met(&self) -> bool {
        self.done >= self.better
    }

    /// One short, kind line for the Today screen.
    pub fn message(&self) -> String {
        use crate::text::progress as t;
        if !self.is_met() {
            t::GOAL_OPEN.to_string()
        } else if !self.is_better_met() {
            t::GOAL_MET.to_string()
        } else {
            t::goal_better_met(self.done)
        }
    }
}

/// How many sessions a rat has had today, against the goal.
pub fn daily_goal(
    session_days: impl IntoIterator<Item = LocalDate>,
    today: LocalDate,
) -> DailyProgress {
    let done = session_days.into_iter().filter(|d| *d == today).count();
    DailyProgress::new(u32::try_from(done).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::{RatOutcome, Response, SessionId};
    use crate::domain::technique::TechniqueId;

    /// Day `n` after Monday 2026-03-02.
    fn d(n: i64) -> LocalDate {
        LocalDate::new(2026, 3, 2).unwrap().add_days(n).unwrap()
    }

    fn rest(ranges: &[(i64, i64)]) -> RestDays {
        let mut r = RestDays::new();
        for &(from, to) in ranges {
            r.add_range(d(from), d(to), "").unwrap();
        }
        r
    }

    #[test]
    fn monday_is_day_zero() {
        assert_eq!(d(0).weekday(), 0);
        assert_eq!(week_start(d(0)), d(0));
        assert_eq!(week_start(d(6)), d(0));
        assert_eq!(week_start(d(9)), d(7));
    }

    #[test]
    fn streak_rules() {
        struct Case {
            name: &'static str,
            days: &'static [i64],
            rest: &'static [(i64, i64)],
            today: i64,
            want: (u32, u32, u32), // current, best, sessions today
        }
        let cases = [
            Case {
                name: "no sessions",
                days: &[],
                rest: &[],
                today: 5,
                want: (0, 0, 0),
            },
            Case {
                name: "a full week",
                days: &[0, 1, 2, 3, 4, 5, 6],
                rest: &[],
                today: 6,
                want: (7, 7, 1),
            },
            Case {
                name: "rest day in the middle keeps the streak, and doesn't count",
                days: &[0, 1, 2, 4, 5, 6],
                rest: &[(3, 3)],
                today: 6,
                want: (6, 6, 1),
            },
            Case {
                name: "a gap breaks it",
                days: &[0, 1, 2, 4, 5, 6],
                rest: &[],
                today: 6,
                want: (3, 3, 1),
            },
            Case {
                name: "best is an old streak, current a shorter one",
                days: &[0, 1, 2, 3, 4, 7, 8],
                rest: &[],
                today: 8,
                want: (2, 5, 1),
            },
            Case {
                name: "several sessions a day count once",
                days: &[0, 0, 0, 1, 2, 2],
                rest: &[],
                today: 2,
                want: (3, 3, 2),
            },
            Case {
                name: "today not done yet keeps it open",
                days: &[0, 1, 2],
                rest: &[],
                today: 3,
                want: (3, 3, 0),
            },
            Case {
                name: "yesterday missed breaks it",
                days: &[0, 1, 2],
                rest: &[],
                today: 4,
                want: (0, 3, 0),
            },
            Case {
                name: "rest range at the end keeps it",
                days: &[0, 1, 2],
                rest: &[(3, 9)],
                today: 10,
                want: (3, 3, 0),
            },
            Case {
                name: "rest range ending too early",
                days: &[0, 1, 2],
                rest: &[(3, 8)],
                today: 10,
                want: (0, 3, 0),
            },
            Case {
                name: "rest today, no session: open",
                days: &[0, 1],
                rest: &[(2, 2)],
                today: 2,
                want: (2, 2, 0),
            },
            Case {
                name: "session on a rest day counts",
                days: &[0, 1, 2],
                rest: &[(1, 1)],
                today: 2,
                want: (3, 3, 1),
            },
            Case {
                name: "a long rest range bridges two runs",
                days: &[0, 1, 30, 31],
                rest: &[(2, 29)],
                today: 31,
                want: (4, 4, 1),
            },
            Case {
                name: "overlapping rest periods bridge together",
                days: &[0, 10],
                rest: &[(1, 6), (4, 9)],
                today: 10,
                want: (2, 2, 1),
            },
            Case {
                name: "rest before the first session changes nothing",
                days: &[5, 6],
                rest: &[(0, 4)],
                today: 6,
                want: (2, 2, 1),
            },
        ];
        for c in cases {
            let got = streaks(c.days.iter().map(|&n| d(n)), &rest(c.rest), d(c.today));
            assert_eq!(
                (got.current, got.best, got.sessions_today),
                c.want,
                "{}",
                c.name
            );
            assert!(got.best >= got.current, "{}", c.name);
            assert_eq!(
                got.last_session_day,
                c.days.iter().max().map(|&n| d(n)),
                "{}",
                c.name
            );
        }
    }

    #[test]
    fn stored_days_stay_put_when_the_time_zone_changes() {
        // Sessions stored as days 0, 1, 2 (the owner's local day when logged). The owner
        // then flies west, so the clock now says it is day 1; or east, so it is day 3.
        let days = [d(0), d(1), d(2)];
        let cases = [
            // today, current, sessions today
            (1, 3, 1), // day 2's session stays on day 2 and still counts
            (2, 3, 1),
            (3, 3, 0), // day 3 is open
        ];
        for (today, current, sessions_today) in cases {
            let got = streaks(days, &RestDays::new(), d(today));
            assert_eq!(
                (got.current, got.sessions_today, got.last_session_day),
                (current, sessions_today, Some(d(2))),
                "today = day {today}"
            );
        }
        // The heat map also keeps day 2 as a session day, even before "today".
        let map = heat_map(days, &RestDays::new(), d(1), 12);
        let status = |n| map.iter().find(|(day, _)| *day == d(n)).unwrap().1;
        assert_eq!(status(2), DayStatus::Session(1));
        assert_eq!(status(3), DayStatus::Future);
    }

    #[test]
    fn rest_periods_validate() {
        let long_reason = "é".repeat(81);
        let cases: Vec<(i64, i64, &str, Result<(), RestError>)> = vec![
            (0, 0, "Pip is at the vet", Ok(())),
            (0, 59, "away", Ok(())),
            (0, 60, "away", Err(RestError::TooLong { days: 61 })),
            (3, 2, "", Err(RestError::EndBeforeStart)),
            (0, 1, &long_reason[..160], Ok(())), // 80 characters
            (
                0,
                1,
                &long_reason,
                Err(RestError::ReasonTooLong { chars: 81 }),
            ),
        ];
        for (from, to, reason, want) in cases {
            let got = RestPeriod::new(d(from), d(to), reason).map(|_| ());
            assert_eq!(got, want, "{from}..{to} {reason:?}");
            if let Err(e) = got {
                assert!(e.to_string().ends_with('.'), "{e}");
            }
        }
        let p = RestPeriod::new(d(1), d(3), "  ill  ").unwrap();
        assert_eq!((p.reason.as_str(), p.days()), ("ill", 3));
        assert!(!p.contains(d(0)) && p.contains(d(1)) && p.contains(d(3)) && !p.contains(d(4)));
    }

    #[test]
    fn rest_days_add_remove_and_serde() {
        let mut r = RestDays::new();
        assert!(r.is_empty());
        r.add_range(d(10), d(14), "away").unwrap();
        r.add_day(d(2), "ill").unwrap();
        r.add_day(d(2), "at the vet").unwrap(); // same day again: new reason, no copy
        assert!(r.add_range(d(5), d(4), "").is_err());
        let spans: Vec<_> = r.periods().iter().map(|p| (p.from, p.to)).collect();
        assert_eq!(spans, [(d(2), d(2)), (d(10), d(14))]);
        assert_eq!(r.covering(d(2)).unwrap().reason, "at the vet");
        let is_rest: Vec<bool> = (0..16).map(|n| r.is_rest(d(n))).collect();
        let want: Vec<bool> = (0..16).map(|n| n == 2 || (10..=14).contains(&n)).collect();
        assert_eq!(is_rest, want);

        // Un-marking a day in the middle splits the range.
        assert!(r.remove_day(d(12)));
        assert!(!r.remove_day(d(12)));
        let spans: Vec<_> = r.periods().iter().map(|p| (p.from, p.to)).collect();
        assert_eq!(spans, [(d(2), d(2)), (d(10), d(11)), (d(13), d(14))]);
        assert!(r.periods().iter().skip(1).all(|p| p.reason == "away"));
        // Ends of a range and a single day.
        assert!(r.remove_day(d(10)) && r.remove_day(d(14)) && r.remove_day(d(2)));
        let spans: Vec<_> = r.periods().iter().map(|p| (p.from, p.to)).collect();
        assert_eq!(spans, [(d(11), d(11)), (d(13), d(13))]);

        assert!(r.remove(d(11), d(11)));
        assert!(!r.remove(d(11), d(11)));

        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(
            json,
            r#"[{"from":"2026-03-15","to":"2026-03-15","reason":"away"}]"#
        );
        let back: RestDays = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
        let no_reason: RestDays =
            serde_json::from_str(r#"[{"from":"2026-03-02","to":"2026-03-03"}]"#).unwrap();
        assert!(no_reason.is_rest(d(1)) && no_reason.periods()[0].reason.is_empty());
    }

    #[test]
    fn heat_map_covers_whole_weeks_ending_with_today() {
        // Today is Wednesday of week 3 (day 16). First session on day 2.
        let today = d(16);
        let days = [d(2), d(3), d(3), d(5), d(15), d(16)];
        let r = rest(&[(4, 4), (18, 19)]);
        for (weeks, want_weeks) in [(0, 12), (12, 12), (20, 20), (u32::MAX, 520)] {
            let map = heat_map(days, &r, today, weeks);
            assert_eq!(map.len(), want_weeks * 7, "{weeks} weeks");
            assert_eq!(map[0].0.weekday(), 0, "starts on a Monday");
            assert_eq!(map.last().unwrap().0, d(20), "ends on Sunday of this week");
            assert!(map.windows(2).all(|w| w[1].0.days_since(w[0].0) == 1));
        }
        let map = heat_map(days, &r, today, 12);
        let status = |n: i64| map.iter().find(|(day, _)| *day == d(n)).unwrap().1;
        use DayStatus::*;
        let cases = [
            (-30, BeforeStart),
            (1, BeforeStart),
            (2, Session(1)),
            (3, Session(2)),
            (4, Rest),
            (5, Session(1)),
            (6, Missed),
            (14, Missed),
            (15, Session(1)),
            (16, Session(1)),
            (17, Future),
            (18, Rest), // a planned rest day ahead
            (20, Future),
        ];
        for (n, want) in cases {
            assert_eq!(status(n), want, "day {n}");
        }
        // Today with nothing logged yet is open, not missed.
        let map = heat_map([d(2)], &RestDays::new(), today, 12);
        assert_eq!(map.iter().find(|(day, _)| *day == today).unwrap().1, Open);
        // No sessions at all: everything up to today is before the start.
        let map = heat_map([], &RestDays::new(), today, 12);
        assert!(map
            .iter()
            .all(|(day, s)| *s == if *day > today { Future } else { BeforeStart }));
    }

    #[test]
    fn daily_goal_counts_today_only() {
        let days = [d(0), d(1), d(1), d(2), d(2), d(2)];
        let cases = [
            (
                3,
                0,
                false,
                false,
                "No session yet today. A short one is plenty.",
            ),
            (
                0,
                1,
                true,
                false,
                "Today's session is done. A second one is a lovely bonus.",
            ),
            (1, 2, true, true, "2 sessions today. Lovely work."),
            (2, 3, true, true, "3 sessions today. Lovely work."),
        ];
        for (today, done, met, better, message) in cases {
            let p = daily_goal(days, d(today));
            assert_eq!((p.done, p.goal, p.better), (done, 1, 2), "day {today}");
            assert_eq!(
                (p.is_met(), p.is_better_met()),
                (met, better),
                "day {today}"
            );
            assert_eq!(p.message(), message);
        }
    }

    #[test]
    fn session_days_are_this_rats_only() {
        let outcome = |rat: &str| RatOutcome {
            rat: RatId(rat.into()),
            technique: TechniqueId::OfferingTreats,
            step: 0,
            response: Response::Relaxed,
            signs: vec![],
        };
        let session = |id: &str, day: LocalDate, rats: &[&str]| Session {
            id: SessionId(id.into()),
            day,
            started_at: 0.0,
            duration_secs: 600,
            outcomes: rats.iter().map(|r| outcome(r)).collect(),
            treats: 0,
            note: String::new(),
            updated_at: 0.0,
        };
        let sessions = [
            session("a", d(0), &["pip"]),
            session("b", d(1), &["pip", "squeak"]),
            session("c", d(2), &["squeak"]),
        ];
        let pip = RatId("pip".into());
        let got: Vec<_> = session_days(&sessions, &pip).collect();
        assert_eq!(got, [d(0), d(1)]);
        let s = streaks(session_days(&sessions, &pip), &RestDays::new(), d(2));
        assert_eq!((s.current, s.sessions_today), (2, 0));
    }
}

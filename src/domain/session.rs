//! What a training session records, and the owner's manual step changes.

use super::date::LocalDate;
use super::rat::RatId;
use super::technique::{technique, TechniqueId};
use crate::text::session_rules as t;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// How the rat took the session overall, worst to best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Response {
    HidOrFled,
    FrozeOrTense,
    Cautious,
    Relaxed,
    CameToYou,
}

impl Response {
    pub const ALL: [Response; 5] = [
        Response::HidOrFled,
        Response::FrozeOrTense,
        Response::Cautious,
        Response::Relaxed,
        Response::CameToYou,
    ];

    /// 1 (hid or fled) to 5 (came to you).
    pub fn score(self) -> u8 {
        self as u8 + 1
    }
    pub fn key(self) -> &'static str {
        match self {
            Response::HidOrFled => "hid-or-fled",
            Response::FrozeOrTense => "froze-or-tense",
            Response::Cautious => "cautious",
            Response::Relaxed => "relaxed",
            Response::CameToYou => "came-to-you",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }
    pub fn label(self) -> &'static str {
        match self {
            Response::HidOrFled => t::HID_OR_FLED,
            Response::FrozeOrTense => t::FROZE_OR_TENSE,
            Response::Cautious => t::CAUTIOUS,
            Response::Relaxed => t::RELAXED,
            Response::CameToYou => t::CAME_TO_YOU,
        }
    }
    pub fn is_good(self) -> bool {
        self >= Response::Relaxed
    }
    pub fn is_fear(self) -> bool {
        self <= Response::FrozeOrTense
    }
}

/// Something the owner noticed during a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sign {
    TookTreat,
    SniffedOrLicked,
    ClimbedOn,
    Bruxing,
    Boggling,
    Popcorning,
    Froze,
    Hid,
    Squeaked,
    NippedOrBit,
    RedTears,
}

impl Sign {
    pub const ALL: [Sign; 11] = [
        Sign::TookTreat,
        Sign::SniffedOrLicked,
        Sign::ClimbedOn,
        Sign::Bruxing,
        Sign::Boggling,
        Sign::Popcorning,
        Sign::Froze,
        Sign::Hid,
        Sign::Squeaked,
        Sign::NippedOrBit,
        Sign::RedTears,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Sign::TookTreat => "took-treat",
            Sign::SniffedOrLicked => "sniffed-or-licked",
            Sign::ClimbedOn => "climbed-on",
            Sign::Bruxing => "bruxing",
            Sign::Boggling => "boggling",
            Sign::Popcorning => "popcorning",
            Sign::Froze => "froze",
            Sign::Hid => "hid",
            Sign::Squeaked => "squeaked",
            Sign::NippedOrBit => "nipped-or-bit",
            Sign::RedTears => "red-tears",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
    pub fn label(self) -> &'static str {
        self.words().0
    }
    /// What the sign usually means, in one line.
    pub fn meaning(self) -> &'static str {
        self.words().1
    }
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Sign::TookTreat => t::TOOK_TREAT,
            Sign::SniffedOrLicked => t::SNIFFED_OR_LICKED,
            Sign::ClimbedOn => t::CLIMBED_ON,
            Sign::Bruxing => t::BRUXING,
            Sign::Boggling => t::BOGGLING,
            Sign::Popcorning => t::POPCORNING,
            Sign::Froze => t::FROZE,
            Sign::Hid => t::HID,
            Sign::Squeaked => t::SQUEAKED,
            Sign::NippedOrBit => t::NIPPED_OR_BIT,
            Sign::RedTears => t::RED_TEARS,
        }
    }
    pub fn is_comfort(self) -> bool {
        matches!(
            self,
            Sign::TookTreat
                | Sign::SniffedOrLicked
                | Sign::ClimbedOn
                | Sign::Bruxing
                | Sign::Boggling
                | Sign::Popcorning
        )
    }
    pub fn is_stress(self) -> bool {
        !self.is_comfort()
    }
    /// Freezing, hiding and squeaking are fear itself, whatever response was picked: a
    /// "cautious" rat that hid was scared.
    pub fn is_fear(self) -> bool {
        matches!(self, Sign::Froze | Sign::Hid | Sign::Squeaked)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SessionId(pub String);

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How one rat did in a session. Each rat in a group session has its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatOutcome {
    pub rat: RatId,
    pub technique: TechniqueId,
    /// Index of the step practised, as shown to the owner when logging.
    pub step: u8,
    pub response: Response,
    #[serde(default)]
    pub signs: Vec<Sign>,
}

impl RatOutcome {
    pub fn has(&self, sign: Sign) -> bool {
        self.signs.contains(&sign)
    }

    /// Scared, a nip or bite, or red tears: enough for one day.
    /// A fearful response, or a fear sign seen with a milder one.
    pub fn was_scared(&self) -> bool {
        self.response.is_fear() || self.signs.iter().any(|s| s.is_fear())
    }

    pub fn was_hard(&self) -> bool {
        self.was_scared() || self.has(Sign::NippedOrBit) || self.has(Sign::RedTears)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: SessionId,
    /// The owner's local day when the session was logged.
    pub day: LocalDate,
    /// Milliseconds since the Unix epoch.
    pub started_at: f64,
    #[serde(default)]
    pub duration_secs: u32,
    pub outcomes: Vec<RatOutcome>,
    #[serde(default)]
    pub treats: u16,
    #[serde(default)]
    pub note: String,
    pub updated_at: f64,
}

/// How a saved session went, to thank the owner in the right words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HowItWent {
    /// Every rat was at ease: one rat.
    WellOne,
    /// Every rat was at ease: cage mates together.
    WellMany,
    /// A rat was scared or showed a sign of stress.
    Hard,
}

/// How long after Save the session screen still shows that session's results (after a
/// reload, or Back from the rat's page) rather than "No session is running".
pub const RESULTS_STAY_MS: f64 = 60.0 * 60_000.0;

/// Today's session saved last, if that was less than `RESULTS_STAY_MS` ago. A minute's
/// leeway covers another tab's clock being a little ahead.
pub fn just_saved(sessions: &[Session], today: LocalDate, now_ms: f64) -> Option<&Session> {
    sessions
        .iter()
        .filter(|s| {
            s.day == today && (-60_000.0..RESULTS_STAY_MS).contains(&(now_ms - s.updated_at))
        })
        .max_by(|a, b| a.updated_at.total_cmp(&b.updated_at))
}

impl Session {
    pub fn outcome_for(&self, rat: &RatId) -> Option<&RatOutcome> {
        self.outcomes.iter().find(|o| same_id(&o.rat.0, &rat.0))
    }

    pub fn how_it_went(&self) -> HowItWent {
        let hard = self
            .outcomes
            .iter()
            .any(|o| o.response.is_fear() || o.signs.iter().any(|s| s.is_stress()));
        match (hard, self.outcomes.len()) {
            (true, _) => HowItWent::Hard,
            (false, 0 | 1) => HowItWent::WellOne,
            (false, _) => HowItWent::WellMany,
        }
    }

    pub fn new(id: SessionId, valid: ValidSession, now_ms: f64) -> Self {
        Session {
            id,
            day: valid.day,
            started_at: valid.started_at,
            duration_secs: valid.duration_secs,
            outcomes: valid.outcomes,
            treats: valid.treats,
            note: valid.note,
            updated_at: now_ms,
        }
    }

    pub fn apply(&mut self, valid: ValidSession, now_ms: f64) {
        let id = self.id.clone();
        *self = Session::new(id, valid, now_ms);
    }
}

/// `a == b`, quicker for ids: they share a long time prefix and end in random digits, so
/// the last byte tells most of them apart without a full compare (run over every session).
#[inline]
pub fn same_id(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().last() == b.as_bytes().last() && a == b
}

/// Where the sessions of one (year, month) are in `all`: sorted by day, so one run.
fn month_run(all: &[Session], key: (i32, u8)) -> std::ops::Range<usize> {
    let month_of = |s: &Session| (s.day.year(), s.day.month());
    let lo = all.partition_point(|s| month_of(s) < key);
    lo..lo + all[lo..].partition_point(|s| month_of(s) == key)
}

/// The day the session with `id` is kept under in `all` (sorted), looked for only in the
/// months of `days`: five years of sessions are too many to scan on every save.
pub fn stored_day(all: &[Session], id: &SessionId, days: &[LocalDate]) -> Option<LocalDate> {
    days.iter().find_map(|d| {
        all[month_run(all, (d.year(), d.month()))]
            .iter()
            .find(|s| same_id(&s.id.0, &id.0))
            .map(|s| s.day)
    })
}

/// Oldest first: by day, then start time, then id so equal times still sort the same way.
pub fn sort_sessions(sessions: &mut [Session]) {
    crate::domain::order::sort_by(sessions, &session_order);
}

/// Drops the sessions of `months` (year, month) from the sorted list `all`, adds `fresh` and
/// keeps `all` sorted: the same as `retain`, `extend` and [`sort_sessions`] over everything,
/// without touching (or comparing) the sessions of the other months.
pub fn replace_months(all: &mut Vec<Session>, months: &[(i32, u8)], mut fresh: Vec<Session>) {
    let month_of = |s: &Session| (s.day.year(), s.day.month());
    sort_sessions(&mut fresh);
    let mut keys = months.to_vec();
    crate::domain::order::sort_by(&mut keys, &|a, b| a.cmp(b));
    keys.dedup();
    let mut stray = Vec::new();
    let mut fresh = fresh.into_iter().peekable();
    for key in keys {
        // Sorted by day, so a month is one run of `all`.
        let run = month_run(all, key);
        let mut these = Vec::new();
        while let Some(s) = fresh.next_if(|s| month_of(s) <= key) {
            if month_of(&s) == key {
                these.push(s);
            } else {
                stray.push(s);
            }
        }
        all.splice(run, these);
    }
    // Sessions outside `months` (a month value may hold any day): after their equals, as a
    // stable sort would put them.
    for s in stray.into_iter().chain(fresh) {
        let at = all.partition_point(|x| session_order(x, &s) != std::cmp::Ordering::Greater);
        all.insert(at, s);
    }
}

/// The order [`sort_sessions`] sorts by.
pub fn session_order(a: &Session, b: &Session) -> std::cmp::Ordering {
    a.day
        .cmp(&b.day)
        .then_with(|| a.started_at.total_cmp(&b.started_at))
        .then_with(|| a.id.cmp(&b.id))
}

pub const NOTE_MAX: usize = 500;
pub const DURATION_MAX_SECS: u32 = 4 * 60 * 60;

/// Minutes the owner typed for a session's length: a whole number from 1 to 240 (a session
/// of nothing can't be logged by hand, and four hours is the longest kept).
pub fn typed_minutes(text: &str) -> Option<u32> {
    let minutes = text.trim().parse::<u32>().ok()?;
    (1..=DURATION_MAX_SECS / 60)
        .contains(&minutes)
        .then_some(minutes)
}
pub const TREATS_MAX: u16 = 100;

/// The session form as filled in.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionDraft {
    pub day: LocalDate,
    pub started_at: f64,
    pub duration_secs: u32,
    pub outcomes: Vec<RatOutcome>,
    pub treats: u16,
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionField {
    Day,
    Rats,
    Duration,
    Treats,
    Note,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionError {
    DayInFuture,
    NoRats,
    DuplicateRat { rat: RatId },
    UnknownStep { technique: TechniqueId, step: u8 },
    TooLong { secs: u32 },
    TooManyTreats { treats: u16 },
    NoteTooLong { chars: usize },
}

impl SessionError {
    pub fn field(&self) -> SessionField {
        match self {
            SessionError::DayInFuture => SessionField::Day,
            SessionError::NoRats
            | SessionError::DuplicateRat { .. }
            | SessionError::UnknownStep { .. } => SessionField::Rats,
            SessionError::TooLong { .. } => SessionField::Duration,
            SessionError::TooManyTreats { .. } => SessionField::Treats,
            SessionError::NoteTooLong { .. } => SessionField::Note,
        }
    }
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionError::DayInFuture => f.write_str(t::DAY_IN_FUTURE),
            SessionError::NoRats => f.write_str(t::NO_RATS),
            SessionError::DuplicateRat { .. } => f.write_str(t::DUPLICATE_RAT),
            SessionError::UnknownStep { technique, .. } => {
                f.write_str(&t::unknown_step(technique.name()))
            }
            SessionError::TooLong { secs } => {
                f.write_str(&t::too_long(secs / 3600, secs % 3600 / 60))
            }
            SessionError::TooManyTreats { treats } => {
                f.write_str(&t::too_many_treats(TREATS_MAX, *treats))
            }
            SessionError::NoteTooLong { chars } => f.write_str(&t::note_too_long(NOTE_MAX, *chars)),
        }
    }
}

/// The checked, cleaned fields of a draft.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidSession {
    pub day: LocalDate,
    pub started_at: f64,
    pub duration_secs: u32,
    pub outcomes: Vec<RatOutcome>,
    pub treats: u16,
    pub note: String,
}

impl SessionDraft {
    pub fn new(day: LocalDate, started_at: f64) -> Self {
        SessionDraft {
            day,
            started_at,
            duration_secs: 0,
            outcomes: Vec::new(),
            treats: 0,
            note: String::new(),
        }
    }

    pub fn from_session(session: &Session) -> Self {
        SessionDraft {
            day: session.day,
            started_at: session.started_at,
            duration_secs: session.duration_secs,
            outcomes: session.outcomes.clone(),
            treats: session.treats,
            note: session.note.clone(),
        }
    }

    /// Checks every field; returns all problems at once so each shows by its field.
    pub fn validate(&self, today: LocalDate) -> Result<ValidSession, Vec<SessionError>> {
        let mut errors = Vec::new();
        if self.day > today {
            errors.push(SessionError::DayInFuture);
        }
        if self.outcomes.is_empty() {
            errors.push(SessionError::NoRats);
        }
        let mut seen = BTreeSet::new();
        for o in &self.outcomes {
            if !seen.insert(&o.rat) {
                errors.push(SessionError::DuplicateRat { rat: o.rat.clone() });
            }
            if technique(o.technique).step(o.step).is_none() {
                errors.push(SessionError::UnknownStep {
                    technique: o.technique,
                    step: o.step,
                });
            }
        }
        if self.duration_secs > DURATION_MAX_SECS {
            errors.push(SessionError::TooLong {
                secs: self.duration_secs,
            });
        }
        if self.treats > TREATS_MAX {
            errors.push(SessionError::TooManyTreats {
                treats: self.treats,
            });
        }
        let note = self.note.trim().to_string();
        let chars = note.chars().count();
        if chars > NOTE_MAX {
            errors.push(SessionError::NoteTooLong { chars });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let outcomes = self
            .outcomes
            .iter()
            .map(|o| {
                let mut signs = o.signs.clone();
                crate::domain::order::sort_by(&mut signs, &|a, b| a.cmp(b));
                signs.dedup();
                RatOutcome { signs, ..o.clone() }
            })
            .collect();
        Ok(ValidSession {
            day: self.day,
            started_at: self.started_at,
            duration_secs: self.duration_secs,
            outcomes,
            treats: self.treats,
            note,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OverrideKind {
    MoveUp,
    StepBack,
}

impl OverrideKind {
    pub fn key(self) -> &'static str {
        match self {
            OverrideKind::MoveUp => "move-up",
            OverrideKind::StepBack => "step-back",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        [OverrideKind::MoveUp, OverrideKind::StepBack]
            .into_iter()
            .find(|k| k.key() == key)
    }
    pub fn label(self) -> &'static str {
        match self {
            OverrideKind::MoveUp => t::MOVED_UP,
            OverrideKind::StepBack => t::STEPPED_BACK,
        }
    }
}

/// The owner moved a rat to another step by hand. Kept in history and honoured on replay.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Override {
    pub rat: RatId,
    pub technique: TechniqueId,
    pub from_step: u8,
    pub to_step: u8,
    pub day: LocalDate,
    /// Milliseconds since the Unix epoch.
    pub at: f64,
    pub reason: OverrideKind,
}

impl Override {
    /// `None` when nothing would change or `to_step` isn't a step of the technique.
    pub fn new(
        rat: RatId,
        technique_id: TechniqueId,
        from_step: u8,
        to_step: u8,
        day: LocalDate,
        at: f64,
    ) -> Option<Self> {
        technique(technique_id).step(to_step)?;
        let reason = match to_step.cmp(&from_step) {
            std::cmp::Ordering::Greater => OverrideKind::MoveUp,
            std::cmp::Ordering::Less => OverrideKind::StepBack,
            std::cmp::Ordering::Equal => return None,
        };
        Some(Override {
            rat,
            technique: technique_id,
            from_step,
            to_step,
            day,
            at,
            reason,
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn typed_minutes_are_whole_and_in_range() {
        for (text, want) in [
            ("1", Some(1)),
            (" 25 ", Some(25)),
            ("240", Some(240)),
            ("0", None),
            ("241", None),
            ("-5", None),
            ("2.5", None),
            ("", None),
            ("ten", None),
        ] {
            assert_eq!(typed_minutes(text), want, "{text:?}");
        }
    }

    /// A session with no rats, for tests of ordering and lookup.
    fn bare(id: &str, on: LocalDate, at: f64) -> Session {
        Session {
            id: SessionId(id.into()),
            day: on,
            started_at: at,
            duration_secs: 60,
            outcomes: vec![],
            treats: 0,
            note: String::new(),
            updated_at: 1.0,
        }
    }

    #[test]
    fn a_stored_session_is_found_in_the_months_asked_only() {
        let day = |m: u8, d: u8| LocalDate::new(2026, m, d).unwrap();
        let make = |id: &str, on: LocalDate| bare(id, on, 1.0);
        let mut all = vec![
            make("a", day(9, 30)),
            make("b", day(10, 1)),
            make("c", day(10, 31)),
            make("d", day(11, 2)),
        ];
        sort_sessions(&mut all);
        let id = |s: &str| SessionId(s.into());
        let cases: [(&str, Vec<LocalDate>, Option<LocalDate>); 7] = [
            // Saved twice on its day: found in its own month.
            ("c", vec![day(10, 31)], Some(day(10, 31))),
            ("c", vec![day(10, 2)], Some(day(10, 31))),
            // An edit moved it to November: found under the day it was stored on.
            ("c", vec![day(11, 5), day(10, 31)], Some(day(10, 31))),
            ("a", vec![day(10, 1), day(9, 30)], Some(day(9, 30))),
            // Not in the months asked, or new.
            ("a", vec![day(10, 1)], None),
            ("z", vec![day(10, 1), day(11, 2)], None),
            ("d", vec![], None),
        ];
        for (who, days, want) in cases {
            assert_eq!(stored_day(&all, &id(who), &days), want, "{who} in {days:?}");
        }
    }

    #[test]
    fn replacing_months_equals_dropping_them_and_sorting_again() {
        let day = |m: u8, d: u8| LocalDate::new(2026, m, d).unwrap();
        let make = bare;
        let mut all = vec![
            make("a", day(9, 30), 1.0),
            make("b", day(10, 1), 1.0),
            make("c", day(10, 5), 2.0),
            make("d", day(10, 5), 3.0),
            make("e", day(11, 2), 1.0),
            make("f", day(12, 1), 1.0),
        ];
        sort_sessions(&mut all);
        type Case = (Vec<(i32, u8)>, Vec<Session>);
        let cases: Vec<Case> = vec![
            // One month rewritten, one session added at its end.
            (
                vec![(2026, 10)],
                vec![
                    make("d", day(10, 5), 3.0),
                    make("b", day(10, 1), 1.0),
                    make("c", day(10, 5), 2.0),
                    make("g", day(10, 31), 9.0),
                ],
            ),
            // A session moved from October to November: October loses it.
            (
                vec![(2026, 10), (2026, 11)],
                vec![
                    make("b", day(10, 1), 1.0),
                    make("d", day(10, 5), 3.0),
                    make("e", day(11, 2), 1.0),
                    make("c", day(11, 3), 2.0),
                ],
            ),
            // A month emptied; a session of another month is added (and a copy of one).
            (
                vec![(2026, 11)],
                vec![make("h", day(8, 1), 1.0), make("f", day(12, 1), 1.0)],
            ),
            (vec![(2027, 1)], vec![]),
        ];
        for (months, fresh) in cases {
            let mut expected = all.clone();
            // What commit_sessions did before: drop the months, add, sort everything.
            expected.retain(|s| !months.contains(&(s.day.year(), s.day.month())));
            expected.extend(fresh.clone());
            sort_sessions(&mut expected);
            let mut got = all.clone();
            replace_months(&mut got, &months, fresh);
            assert_eq!(got, expected, "{months:?}");
        }
    }
    use super::*;

    fn day(text: &str) -> LocalDate {
        LocalDate::parse(text).unwrap()
    }

    fn outcome(rat: &str, step: u8) -> RatOutcome {
        RatOutcome {
            rat: RatId(rat.into()),
            technique: TechniqueId::OfferingTreats,
            step,
            response: Response::Relaxed,
            signs: vec![],
        }
    }

    #[test]
    fn how_it_went_thanks_without_praising_a_hard_day() {
        let with = |response, signs: Vec<Sign>| RatOutcome {
            response,
            signs,
            ..outcome("a", 0)
        };
        let cases: &[(Vec<RatOutcome>, HowItWent)] = &[
            (vec![outcome("a", 0)], HowItWent::WellOne),
            (
                vec![with(Response::Cautious, vec![Sign::TookTreat])],
                HowItWent::WellOne,
            ),
            (vec![outcome("a", 0), outcome("b", 0)], HowItWent::WellMany),
            (vec![with(Response::FrozeOrTense, vec![])], HowItWent::Hard),
            (vec![with(Response::HidOrFled, vec![])], HowItWent::Hard),
            (
                vec![with(Response::CameToYou, vec![Sign::NippedOrBit])],
                HowItWent::Hard,
            ),
            (
                vec![
                    outcome("a", 0),
                    with(Response::Relaxed, vec![Sign::RedTears]),
                ],
                HowItWent::Hard,
            ),
        ];
        for (outcomes, want) in cases {
            let session = Session {
                id: SessionId("s".into()),
                day: day("2026-03-10"),
                started_at: 1.0,
                duration_secs: 60,
                outcomes: outcomes.clone(),
                treats: 0,
                note: String::new(),
                updated_at: 1.0,
            };
            assert_eq!(session.how_it_went(), *want, "{outcomes:?}");
        }
    }

    #[test]
    fn just_saved_is_todays_latest_save_within_the_hour() {
        let now = 1.0e12;
        let min = 60_000.0;
        let saved = |id: &str, on: &str, ago_min: f64| Session {
            id: SessionId(id.into()),
            day: day(on),
            started_at: 1.0,
            duration_secs: 60,
            outcomes: vec![outcome("a", 0)],
            treats: 0,
            note: String::new(),
            updated_at: now - ago_min * min,
        };
        let today = day("2026-03-10");
        let cases: &[(&str, Vec<Session>, Option<&str>)] = &[
            ("nothing saved", vec![], None),
            (
                "saved just now",
                vec![saved("a", "2026-03-10", 0.0)],
                Some("a"),
            ),
            (
                "59 minutes ago",
                vec![saved("a", "2026-03-10", 59.0)],
                Some("a"),
            ),
            (
                "an hour ago is too long",
                vec![saved("a", "2026-03-10", 60.0)],
                None,
            ),
            (
                "the later of two saves",
                vec![
                    saved("b", "2026-03-10", 2.0),
                    saved("a", "2026-03-10", 20.0),
                ],
                Some("b"),
            ),
            (
                "yesterday's session edited just now is not today's",
                vec![saved("a", "2026-03-09", 0.0)],
                None,
            ),
            (
                "a clock slightly ahead",
                vec![saved("a", "2026-03-10", -0.5)],
                Some("a"),
            ),
            (
                "a clock far ahead",
                vec![saved("a", "2026-03-10", -5.0)],
                None,
            ),
        ];
        for (what, sessions, want) in cases {
            let got = just_saved(sessions, today, now).map(|s| s.id.0.as_str());
            assert_eq!(got, *want, "{what}");
        }
    }

    fn draft() -> SessionDraft {
        let mut d = SessionDraft::new(day("2026-03-10"), 1.0);
        d.outcomes.push(outcome("a", 0));
        d
    }

    #[test]
    fn responses_score_and_classify() {
        let cases = [
            (Response::HidOrFled, 1, "hid-or-fled", false, true),
            (Response::FrozeOrTense, 2, "froze-or-tense", false, true),
            (Response::Cautious, 3, "cautious", false, false),
            (Response::Relaxed, 4, "relaxed", true, false),
            (Response::CameToYou, 5, "came-to-you", true, false),
        ];
        for (r, score, key, good, fear) in cases {
            assert_eq!(r.score(), score, "{r:?}");
            assert_eq!(r.key(), key);
            assert_eq!(Response::from_key(key), Some(r));
            assert_eq!(serde_json::to_string(&r).unwrap(), format!("\"{key}\""));
            assert_eq!((r.is_good(), r.is_fear()), (good, fear), "{r:?}");
        }
        assert_eq!(Response::CameToYou.label(), "Came to you");
    }

    #[test]
    fn signs_have_keys_labels_and_meanings() {
        let stress = [
            Sign::Froze,
            Sign::Hid,
            Sign::Squeaked,
            Sign::NippedOrBit,
            Sign::RedTears,
        ];
        for s in Sign::ALL {
            assert_eq!(Sign::from_key(s.key()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.key())
            );
            assert!(!s.label().is_empty() && !s.meaning().is_empty());
            assert_ne!(s.is_comfort(), s.is_stress());
            assert_eq!(s.is_stress(), stress.contains(&s), "{s:?}");
            // Fear signs are stress signs; a bite and red tears have rules of their own.
            assert_eq!(s.is_fear(), stress[..3].contains(&s), "{s:?}");
        }
        assert_eq!(Sign::RedTears.label(), "Red tears (porphyrin)");
        assert!(Sign::Bruxing.meaning().contains("pain"));
    }

    #[test]
    fn validation_rules() {
        type Edit = fn(&mut SessionDraft);
        let cases: Vec<(&str, Edit, Vec<SessionError>)> = vec![
            ("fine", |_| {}, vec![]),
            (
                "future",
                |d| d.day = day("2026-03-11"),
                vec![SessionError::DayInFuture],
            ),
            (
                "no rats",
                |d| d.outcomes.clear(),
                vec![SessionError::NoRats],
            ),
            (
                "duplicate",
                |d| d.outcomes.push(outcome("a", 1)),
                vec![SessionError::DuplicateRat {
                    rat: RatId("a".into()),
                }],
            ),
            ("group", |d| d.outcomes.push(outcome("b", 1)), vec![]),
            (
                "bad step",
                |d| d.outcomes[0].step = 5,
                vec![SessionError::UnknownStep {
                    technique: TechniqueId::OfferingTreats,
                    step: 5,
                }],
            ),
            ("4 h", |d| d.duration_secs = 4 * 3600, vec![]),
            (
                "over 4 h",
                |d| d.duration_secs = 4 * 3600 + 1,
                vec![SessionError::TooLong { secs: 14_401 }],
            ),
            ("100 treats", |d| d.treats = 100, vec![]),
            (
                "101 treats",
                |d| d.treats = 101,
                vec![SessionError::TooManyTreats { treats: 101 }],
            ),
            ("500 chars", |d| d.note = "é".repeat(500), vec![]),
            (
                "500 + spaces",
                |d| d.note = format!("  {}  ", "a".repeat(500)),
                vec![],
            ),
            (
                "501 chars",
                |d| d.note = "é".repeat(501),
                vec![SessionError::NoteTooLong { chars: 501 }],
            ),
        ];
        for (name, edit, want) in cases {
            let mut d = draft();
            edit(&mut d);
            let got = d.validate(day("2026-03-10")).err().unwrap_or_default();
            assert_eq!(got, want, "{name}");
            for e in &got {
                assert!(e.to_string().ends_with('.'), "{name}: {e}");
            }
        }
    }

    #[test]
    fn errors_name_their_fields() {
        let mut d = draft();
        d.day = day("2027-01-01");
        d.outcomes.clear();
        d.duration_secs = 20_000;
        d.treats = 500;
        d.note = "x".repeat(600);
        let errors = d.validate(day("2026-03-10")).unwrap_err();
        let fields: Vec<_> = errors.iter().map(SessionError::field).collect();
        use SessionField::*;
        assert_eq!(fields, [Day, Rats, Duration, Treats, Note]);
        assert_eq!(
            errors[2].to_string(),
            "A session can be up to 4 hours. This one is 5 h 33 min."
        );
    }

    #[test]
    fn validation_cleans_signs_and_note() {
        let mut d = draft();
        d.outcomes[0].signs = vec![Sign::Hid, Sign::TookTreat, Sign::Hid];
        d.note = "  calm evening \n".into();
        let valid = d.validate(day("2026-03-10")).unwrap();
        assert_eq!(valid.outcomes[0].signs, [Sign::TookTreat, Sign::Hid]);
        assert_eq!(valid.note, "calm evening");
        let s = Session::new(SessionId("s1".into()), valid, 9.0);
        assert_eq!(s.updated_at, 9.0);
        assert!(s.outcome_for(&RatId("a".into())).unwrap().has(Sign::Hid));
        assert_eq!(SessionDraft::from_session(&s).note, "calm evening");
    }

    #[test]
    fn serde_fills_defaults() {
        let json = r#"{"id":"s1","day":"2026-03-10","started_at":5,
            "outcomes":[{"rat":"a","technique":"scent","step":0,"response":"cautious"}],
            "updated_at":6}"#;
        let s: Session = serde_json::from_str(json).unwrap();
        assert_eq!(s.id, SessionId("s1".into()));
        assert_eq!((s.duration_secs, s.treats, s.note.as_str()), (0, 0, ""));
        assert!(s.outcomes[0].signs.is_empty());
        let back: Session = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn sessions_sort_by_day_then_time_then_id() {
        let make = |id: &str, d: &str, at: f64| {
            let mut s = Session::new(
                SessionId(id.into()),
                draft().validate(day("2026-03-10")).unwrap(),
                0.0,
            );
            s.day = day(d);
            s.started_at = at;
            s
        };
        let mut list = vec![
            make("c", "2026-03-02", 1.0),
            make("b", "2026-03-01", 9.0),
            make("a", "2026-03-02", 1.0),
            make("d", "2026-03-01", 2.0),
        ];
        sort_sessions(&mut list);
        let ids: Vec<_> = list.iter().map(|s| s.id.0.as_str()).collect();
        assert_eq!(ids, ["d", "b", "a", "c"]);
    }

    #[test]
    fn overrides_know_their_direction() {
        let rat = RatId("a".into());
        let d = day("2026-03-10");
        let t = TechniqueId::Bonding;
        let cases = [
            (0, 2, Some(OverrideKind::MoveUp)),
            (3, 1, Some(OverrideKind::StepBack)),
            (1, 1, None),
            (1, 4, None), // Bonding has 4 steps: 0..=3
        ];
        for (from, to, want) in cases {
            let got = Override::new(rat.clone(), t, from, to, d, 1.0).map(|o| o.reason);
            assert_eq!(got, want, "{from} -> {to}");
        }
        for k in [OverrideKind::MoveUp, OverrideKind::StepBack] {
            assert_eq!(OverrideKind::from_key(k.key()), Some(k));
        }
        let o = Override::new(rat, t, 0, 1, d, 1.0).unwrap();
        let json = serde_json::to_string(&o).unwrap();
        assert!(json.contains("\"reason\":\"move-up\""));
    }
}

//! The coach's engine: judges each session for each rat, and replays a rat's whole
//! history into its current step.
//!
//! Nothing here is stored. The app keeps sessions and overrides and calls [`replay`]
//! whenever they change, so editing or deleting a session always gives a consistent
//! result.
//!
//! How the rules work (thresholds per step are in `technique`):
//! - A session is *good* when the response is Relaxed or better, no stress sign was
//!   seen, the step's needed sign (if any) was seen, and it wasn't a warm-up at an
//!   easier step than the rat's current one.
//! - Move up after `good_sessions` good sessions on `good_days` different days, and
//!   no earlier than `min_days` calendar days on the step. The session that moves a
//!   rat up must itself be good.
//! - Fear is the response (Hid/Fled or Froze/Tense), or a sign of fear (froze, hid,
//!   squeaked) seen with a milder response. `fear_sessions_to_step_back` of
//!   the last `fear_window` sessions at the step steps back to the rule's `back_to`.
//!   A nip or bite steps back at once on steps with `bite_steps_back`.
//! - After a step back, the rat stays on the easier step until `back_until`; then,
//!   once it has had good sessions on `return_good_days` different days there since
//!   stepping back, a good session takes it back to the step it came from.
//! - After a break of [`LONG_GAP_DAYS`] or more, the count at the step starts again
//!   from that session, and that session itself stays.
//! - Red tears or biting in [`WELFARE_REPEATS`] of the rat's last [`WELFARE_WINDOW`]
//!   sessions (any technique) pauses with a welfare note; the step doesn't change.
//! - Once the last step's rule is met, the technique is mastered. A later step back
//!   undoes that.
//! - An owner's override sets the step at its time; the count starts again there.

use super::date::LocalDate;
use super::rat::{RatId, Temperament};
use super::session::{Override, OverrideKind, RatOutcome, Response, Session, SessionId, Sign};
use super::technique::{next_after_mastery, technique, Step, Technique, TechniqueId};
use crate::text::coach as t;
use std::cmp::Ordering;

/// Two weeks without a session at a step is long enough for a rat to lose some ease.
pub const LONG_GAP_DAYS: i64 = 14;
/// How many of the rat's latest sessions the welfare check looks at.
pub const WELFARE_WINDOW: usize = 5;
/// Red tears or bites this many times in the window means pause and check.
pub const WELFARE_REPEATS: usize = 2;
/// Three weeks on a first step, still practising: a gentler technique may suit the rat.
pub const FIRST_STEP_WEEKS: i64 = 3;
/// After such a pause, Today doesn't ask for a session for this many days.
pub const QUIET_DAYS_AFTER_PAUSE: i64 = 3;

/// Which signs were seen, as a small set so an [`Attempt`] can be `Copy`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SignSet(u16);

impl SignSet {
    pub fn of(signs: &[Sign]) -> Self {
        SignSet(signs.iter().fold(0, |bits, s| bits | Self::bit(*s)))
    }
    pub fn contains(self, sign: Sign) -> bool {
        self.0 & Self::bit(sign) != 0
    }
    pub fn first_fear(self) -> Option<Sign> {
        Sign::ALL
            .into_iter()
            .find(|s| s.is_fear() && self.contains(*s))
    }
    pub fn first_stress(self) -> Option<Sign> {
        Sign::ALL
            .into_iter()
            .find(|s| s.is_stress() && self.contains(*s))
    }
    fn bit(sign: Sign) -> u16 {
        1 << (sign as u16)
    }
}

/// One rat's part of one session, as the engine sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Attempt {
    pub day: LocalDate,
    pub technique: TechniqueId,
    pub step: u8,
    pub response: Response,
    pub signs: SignSet,
}

impl Attempt {
    pub fn from_outcome(day: LocalDate, outcome: &RatOutcome) -> Self {
        Attempt {
            day,
            technique: outcome.technique,
            step: outcome.step,
            response: outcome.response,
            signs: SignSet::of(&outcome.signs),
        }
    }
    /// Same as [`RatOutcome::was_scared`].
    fn is_fear(&self) -> bool {
        self.response.is_fear() || self.signs.first_fear().is_some()
    }
}

/// The rat being coached, with what the suggestions depend on.
#[derive(Clone, Copy, Debug)]
pub struct Trainee<'a> {
    pub rat: &'a RatId,
    pub name: &'a str,
    pub temperament: Temperament,
    pub has_safe_space: bool,
}

/// A step back in force: the rat practises an easier step for a while.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SteppedBack {
    /// The first day the rat may go back up.
    pub until: LocalDate,
    /// The step it came from and returns to.
    pub return_to: u8,
}

/// A rat's state in one technique.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub technique: TechniqueId,
    pub step: u8,
    /// The day the rat reached this step.
    pub since: LocalDate,
    pub back: Option<SteppedBack>,
    pub mastered_on: Option<LocalDate>,
}

impl Progress {
    pub fn start(technique: TechniqueId, day: LocalDate) -> Self {
        Progress {
            technique,
            step: 0,
            since: day,
            back: None,
            mastered_on: None,
        }
    }
    pub fn back_until(&self) -> Option<LocalDate> {
        self.back.map(|b| b.until)
    }
    pub fn is_mastered(&self) -> bool {
        self.mastered_on.is_some()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Concern {
    RedTears,
    Biting,
}

impl Concern {
    pub fn key(self) -> &'static str {
        match self {
            Concern::RedTears => "red-tears",
            Concern::Biting => "biting",
        }
    }
    /// A welfare note with a gentle vet hint.
    pub fn note(self) -> &'static str {
        match self {
            Concern::RedTears => t::NOTE_RED_TEARS,
            Concern::Biting => t::NOTE_BITING,
        }
    }
    fn sign(self) -> Sign {
        match self {
            Concern::RedTears => Sign::RedTears,
            Concern::Biting => Sign::NippedOrBit,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    MoveUp {
        to: u8,
    },
    Stay,
    /// What would be Stay once the technique is mastered: nothing is left to climb.
    KeepPractising,
    /// `days` is 0 when the owner stepped back by hand: no waiting time then.
    StepBack {
        to: u8,
        days: u8,
    },
    PauseAndCheck {
        concern: Concern,
    },
    Mastered {
        next: Option<TechniqueId>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advice {
    pub decision: Decision,
    /// One or two short, kind sentences for the owner.
    pub reason: String,
}

impl Advice {
    fn stay(reason: String) -> Self {
        Advice {
            decision: Decision::Stay,
            reason,
        }
    }
}

/// What the engine has seen before the session it judges.
#[derive(Clone, Copy, Debug, Default)]
pub struct History<'a> {
    /// Earlier sessions in this technique since the rat reached its current step, oldest first.
    pub at_step: &'a [Attempt],
    /// The rat's earlier sessions in every technique, oldest first; only the last few matter.
    pub recent: &'a [Attempt],
}

/// Counts toward the next step, for progress bars and the reason text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tally {
    pub good_sessions: u8,
    pub need_sessions: u8,
    pub good_days: u8,
    pub need_days: u8,
    /// The earliest day the rat may move on (minimum days, or the end of a step back).
    pub ready_on: LocalDate,
    pub needs_sign: Option<Sign>,
}

impl Tally {
    pub fn is_met(&self) -> bool {
        self.good_sessions >= self.need_sessions && self.good_days >= self.need_days
    }
}

/// Judges one session (`attempt`) for one rat at its current step.
pub fn advise(who: &Trainee, progress: &Progress, history: History, attempt: &Attempt) -> Advice {
    judge(who, progress, history, attempt, Words::Written)
}

/// Whether a replay writes the coach's words for every session it judges (the rat's history
/// shows them) or only works out where the rat stands (Today, the session screen). Writing
/// thousands of sentences only to drop them was a good part of a long replay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Words {
    Written,
    Skipped,
}

impl Words {
    /// `text()`, or nothing when words are skipped.
    fn say(self, text: &dyn Fn() -> String) -> String {
        match self {
            Words::Written => text(),
            Words::Skipped => String::new(),
        }
    }
}

/// [`advise`], with or without the words.
fn judge(
    who: &Trainee,
    progress: &Progress,
    history: History,
    attempt: &Attempt,
    words: Words,
) -> Advice {
    let mut advice = judge_step(who, progress, history, attempt, words);
    // After mastery there is no step to stay on: the same advice, told as more practice.
    if progress.is_mastered() && advice.decision == Decision::Stay {
        advice.decision = Decision::KeepPractising;
    }
    // Red tears can mean illness, so the owner hears it the first time, whatever the step says.
    let paused = matches!(advice.decision, Decision::PauseAndCheck { .. });
    if attempt.signs.contains(Sign::RedTears) && !paused && words == Words::Written {
        advice.reason = t::then(&advice.reason, t::NOTE_RED_TEARS);
    }
    advice
}

fn judge_step(
    who: &Trainee,
    progress: &Progress,
    history: History,
    attempt: &Attempt,
    words: Words,
) -> Advice {
    let tech = technique(progress.technique);
    let index = progress.step.min(tech.last_step());
    let step = &tech.steps[usize::from(index)];
    let rule = step.rule;
    let name = who.name;

    if let Some(advice) = welfare(name, history.recent, attempt, words) {
        return advice;
    }

    // Only the last few sessions matter until the tally: a rat that mastered a step long ago
    // has years of sessions there, and copying them all for each one made replays quadratic.
    let (fear_tail, after_gap) = counted_tail(
        progress.since,
        history.at_step,
        attempt,
        usize::from(rule.fear_window),
    );

    if attempt.signs.contains(Sign::NippedOrBit) {
        // A calm rat that nips at a treat in your fingers is often just grabbing it. Anywhere
        // else, or from a scared rat, a nip means the step asked too much.
        let treat_grab = step.treats_from_hand() && !attempt.is_fear();
        if rule.bite_steps_back || !treat_grab {
            return step_back(tech, index, &|| t::nipped_too_much(name), name, words);
        }
        return Advice::stay(words.say(&|| t::nipped_grab(name)));
    }

    if attempt.is_fear() {
        let looked_at = fear_tail.len();
        let scared = fear_tail.iter().filter(|a| a.is_fear()).count();
        if scared >= usize::from(rule.fear_sessions_to_step_back) {
            let what = || t::scared(name, scared, looked_at);
            return step_back(tech, index, &what, name, words);
        }
        return Advice::stay(words.say(&|| match attempt.signs.first_fear() {
            Some(sign) if !attempt.response.is_fear() => {
                t::fear_sign_once(name, &sign.label().to_lowercase())
            }
            _ => t::scared_once(name),
        }));
    }

    if after_gap {
        return Advice::stay(words.say(&|| t::long_gap(name)));
    }

    if progress.is_mastered() {
        return Advice::stay(words.say(&|| t::mastered_stay(name, tech.name)));
    }

    if attempt.step < index {
        return Advice::stay(words.say(&|| t::WARM_UP.into()));
    }

    let (window, _) = counted(progress.since, history.at_step, attempt);
    let tally = tally(tech, progress, window, Some(attempt));
    let good = counts(step, index, attempt);

    if let Some(back) = progress.back {
        let title = tech.steps[usize::from(back.return_to)].title;
        if good && tally.is_met() && attempt.day >= back.until {
            return Advice {
                decision: Decision::MoveUp { to: back.return_to },
                reason: words.say(&|| t::calm_again(name, title)),
            };
        }
        return Advice::stay(words.say(&|| {
            let first = if good {
                t::calm_today(name)
            } else {
                not_good_reason(name, step, attempt)
            };
            // Whichever of the two waits is longer, so the count only goes down.
            let wait = back.until.days_since(attempt.day);
            let more = tally.need_days.saturating_sub(tally.good_days);
            let then = if wait > i64::from(more) {
                t::stay_easier_for(wait, title)
            } else {
                t::more_calm_days_then(more.max(1), title)
            };
            t::then(&first, &then)
        }));
    }

    if !good {
        return Advice::stay(words.say(&|| not_good_reason(name, step, attempt)));
    }
    if !tally.is_met() {
        return Advice::stay(words.say(&|| {
            t::good_so_far(
                name,
                tally.good_sessions,
                tally.need_sessions,
                tally.good_days,
                tally.need_days,
            )
        }));
    }
    if attempt.day < tally.ready_on {
        return Advice::stay(
            words.say(&|| t::settle(name, tally.ready_on.days_since(attempt.day))),
        );
    }
    if index == tech.last_step() {
        let next = next_after_mastery(tech.id, who.temperament, who.has_safe_space);
        return Advice {
            decision: Decision::Mastered { next },
            reason: words.say(&|| mastered_reason(name, tech, next)),
        };
    }
    let next = &tech.steps[usize::from(index) + 1];
    Advice {
        decision: Decision::MoveUp { to: index + 1 },
        reason: words.say(&|| t::ready_for_next(name, tally.good_days, next.title)),
    }
}

/// One line of a rat's history in a technique: a session or an override, and its result.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub day: LocalDate,
    /// Start of the session, or time of the override (ms).
    pub at: f64,
    pub source: Source,
    pub from_step: u8,
    pub to_step: u8,
    pub advice: Advice,
}

impl Entry {
    /// Whether the step or mastery changed here.
    pub fn is_transition(&self) -> bool {
        self.from_step != self.to_step || matches!(self.advice.decision, Decision::Mastered { .. })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Session(SessionId),
    Override(OverrideKind),
}

/// The result of replaying one rat's history in one technique.
#[derive(Clone, Debug, PartialEq)]
pub struct Replay {
    pub progress: Progress,
    /// Every session and override for this rat and technique, oldest first. Their advice has
    /// no reason text when `words` is [`Words::Skipped`].
    pub entries: Vec<Entry>,
    pub words: Words,
    pub tally: Tally,
    /// Day of the last session or override in this technique.
    pub last_active: Option<LocalDate>,
    /// Where the replay ended, so one more session can be judged without replaying it all.
    pub tail: Tail,
}

/// The engine's state after the last replayed event (see [`Replay::advise_next`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tail {
    at_step: Vec<Attempt>,
    recent: Vec<Attempt>,
    /// Day and start of the last event of any kind (sessions in other techniques too).
    end: Option<(LocalDate, f64)>,
}

impl Replay {
    pub fn transitions(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.is_transition())
    }

    pub fn entry_for(&self, session: &SessionId) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| matches!(&e.source, Source::Session(id) if id == session))
    }

    /// The advice a full replay would give `session` if it were added after everything
    /// replayed here: the running-session screen judges a new session this way instead of
    /// replaying years of history again. `None` when the session isn't strictly later than
    /// every replayed event or has no outcome for this rat in this technique (replay instead).
    pub fn advise_next(&self, who: &Trainee, session: &Session) -> Option<Advice> {
        let outcome = session.outcome_for(who.rat)?;
        if outcome.technique != self.progress.technique || self.entries.is_empty() {
            // The first session in a technique also sets the day the technique started.
            return None;
        }
        let (day, at) = self.tail.end?;
        let later = session.day > day || (session.day == day && session.started_at > at);
        if !later {
            return None;
        }
        let history = History {
            at_step: &self.tail.at_step,
            recent: &self.tail.recent,
        };
        let attempt = Attempt::from_outcome(session.day, outcome);
        Some(advise(who, &self.progress, history, &attempt))
    }

    /// What the coach says today, before a session is logged (from a replay with words: a
    /// pause repeats the reason given for it).
    /// The day of the last session, when it paused training for the rat's health.
    pub fn paused_on(&self) -> Option<LocalDate> {
        self.entries
            .iter()
            .rev()
            .find(|e| matches!(e.source, Source::Session(_)))
            .filter(|e| matches!(e.advice.decision, Decision::PauseAndCheck { .. }))
            .map(|e| e.day)
    }

    pub fn outlook(&self, who: &Trainee, today: LocalDate) -> Advice {
        debug_assert_eq!(
            self.words,
            Words::Written,
            "outlook needs the replay's words"
        );
        let name = who.name;
        let tech = technique(self.progress.technique);
        let step = &tech.steps[usize::from(self.progress.step.min(tech.last_step()))];

        let last_session = self
            .entries
            .iter()
            .rev()
            .find(|e| matches!(e.source, Source::Session(_)));
        if let Some(e) = last_session {
            if matches!(e.advice.decision, Decision::PauseAndCheck { .. }) {
                return Advice {
                    decision: e.advice.decision,
                    reason: t::after_pause(&e.advice.reason, name),
                };
            }
        }
        if self.progress.is_mastered() {
            let next = next_after_mastery(tech.id, who.temperament, who.has_safe_space);
            return Advice {
                decision: Decision::Mastered { next },
                reason: mastered_reason(name, tech, next),
            };
        }
        let Some(last) = self.last_active else {
            return Advice::stay(t::start_with(step.title));
        };
        if today.days_since(last) >= LONG_GAP_DAYS {
            return Advice::stay(t::long_gap(name));
        }
        if let Some(back) = self.progress.back {
            let wait = back.until.days_since(today);
            if wait > 0 {
                return Advice::stay(t::on_easier_step(name, wait));
            }
        }
        let tally = self.tally;
        let count = t::tally(
            name,
            tally.good_sessions,
            tally.need_sessions,
            tally.good_days,
            tally.need_days,
        );
        // Weeks of sessions on a first step: the rat may need a start without hands.
        let weeks = today.days_since(self.progress.since) / 7;
        let sessions_here = self
            .entries
            .iter()
            .filter(|e| matches!(e.source, Source::Session(_)) && e.day >= self.progress.since)
            .count();
        if self.progress.step == 0
            && tech.id != TechniqueId::Scent
            && weeks >= FIRST_STEP_WEEKS
            && sessions_here >= 5
        {
            let gentler = t::gentler_start(name, weeks, TechniqueId::Scent.name());
            return Advice::stay(t::then(&count, &gentler));
        }
        Advice::stay(count)
    }
}

/// Replays one rat's sessions and overrides in one technique, in time order.
///
/// `sessions` may hold every session of every rat: only this rat's outcomes are used,
/// and its outcomes in other techniques feed the welfare check. The order of the input
/// doesn't matter.
pub fn replay(
    technique_id: TechniqueId,
    who: &Trainee,
    sessions: &[Session],
    overrides: &[Override],
    today: LocalDate,
) -> Replay {
    let mine: Vec<&Session> = sessions
        .iter()
        .filter(|s| s.outcome_for(who.rat).is_some())
        .collect();
    replay_mine(technique_id, who, &mine, overrides, today)
}

/// [`replay`] over sessions already picked for this rat (any order; others are skipped),
/// so a caller working on every rat can sort the history into rats once.
pub fn replay_mine(
    technique_id: TechniqueId,
    who: &Trainee,
    sessions: &[&Session],
    overrides: &[Override],
    today: LocalDate,
) -> Replay {
    replay_mine_with(
        technique_id,
        who,
        sessions,
        overrides,
        today,
        Words::Written,
    )
}

/// [`replay_mine`], with the coach's words for each entry or without them.
pub fn replay_mine_with(
    technique_id: TechniqueId,
    who: &Trainee,
    sessions: &[&Session],
    overrides: &[Override],
    today: LocalDate,
    words: Words,
) -> Replay {
    enum Event<'a> {
        Session(&'a Session, &'a RatOutcome),
        Elsewhere(&'a Session, &'a RatOutcome),
        Override(&'a Override),
    }
    struct Keyed<'a> {
        day: LocalDate,
        at: f64,
        id: &'a str,
        event: Event<'a>,
    }

    let order = |a: &Keyed, b: &Keyed| {
        a.day
            .cmp(&b.day)
            .then_with(|| a.at.total_cmp(&b.at))
            .then_with(|| a.id.cmp(b.id))
    };
    let mut events: Vec<Keyed> = Vec::with_capacity(sessions.len());
    events.extend(sessions.iter().copied().filter_map(|s| {
        let o = s.outcome_for(who.rat)?;
        let event = if o.technique == technique_id {
            Event::Session(s, o)
        } else {
            Event::Elsewhere(s, o)
        };
        Some(Keyed {
            day: s.day,
            at: s.started_at,
            id: &s.id.0,
            event,
        })
    }));
    let mut changes: Vec<Keyed> = overrides
        .iter()
        .filter(|o| &o.rat == who.rat && o.technique == technique_id)
        .map(|o| Keyed {
            day: o.day,
            at: o.at,
            id: "",
            event: Event::Override(o),
        })
        .collect();
    if events.is_sorted_by(|a, b| order(a, b).is_le()) {
        // The usual case (the app keeps sessions sorted): merge the few overrides in, as a
        // stable sort of sessions-then-overrides would, instead of sorting thousands again.
        crate::domain::order::sort_by(&mut changes, &order);
        let mut merged = Vec::with_capacity(events.len() + changes.len());
        let mut changes = changes.into_iter().peekable();
        for e in events {
            while let Some(c) = changes.next_if(|c| order(c, &e).is_lt()) {
                merged.push(c);
            }
            merged.push(e);
        }
        merged.extend(changes);
        events = merged;
    } else {
        events.extend(changes);
        crate::domain::order::sort_by(&mut events, &order);
    }

    let tech = technique(technique_id);
    let first_day = events
        .iter()
        .find(|k| !matches!(k.event, Event::Elsewhere(..)))
        .map_or(today, |k| k.day);
    let mut progress = Progress::start(technique_id, first_day);
    let mut at_step: Vec<Attempt> = Vec::new();
    let mut recent: Vec<Attempt> = Vec::new();
    let mut entries = Vec::new();
    let mut last_active = None;
    let mut end = None;

    for Keyed { day, at, event, .. } in events {
        end = Some((day, at));
        let from_step = progress.step;
        let (source, advice) = match event {
            Event::Elsewhere(s, o) => {
                recent.push(Attempt::from_outcome(s.day, o));
                continue;
            }
            Event::Session(s, o) => {
                let attempt = Attempt::from_outcome(s.day, o);
                let history = History {
                    at_step: &at_step,
                    recent: &recent,
                };
                let advice = judge(who, &progress, history, &attempt, words);
                at_step.push(attempt);
                recent.push(attempt);
                (Source::Session(s.id.clone()), advice)
            }
            Event::Override(o) => (
                Source::Override(o.reason),
                override_advice(tech, &progress, o, who.name, words),
            ),
        };
        if apply(&mut progress, advice.decision, day) {
            at_step.clear();
        }
        last_active = Some(day);
        entries.push(Entry {
            day,
            at,
            source,
            from_step,
            to_step: progress.step,
            advice,
        });
    }

    let window = counted_window(progress.since, &at_step);
    Replay {
        tally: tally(tech, &progress, window, None),
        progress,
        entries,
        words,
        last_active,
        tail: Tail {
            at_step,
            recent,
            end,
        },
    }
}

/// Changes `progress` by a decision; true when the rat is on a new step.
fn apply(progress: &mut Progress, decision: Decision, day: LocalDate) -> bool {
    match decision {
        Decision::MoveUp { to } => {
            *progress = Progress {
                step: to,
                since: day,
                back: None,
                mastered_on: None,
                ..*progress
            };
            true
        }
        Decision::StepBack { to, days } => {
            let back = (days > 0).then(|| SteppedBack {
                until: day.add_days(i64::from(days)).unwrap_or(day),
                return_to: progress.step,
            });
            *progress = Progress {
                step: to,
                since: day,
                back,
                mastered_on: None,
                ..*progress
            };
            true
        }
        Decision::Mastered { .. } => {
            progress.mastered_on = Some(day);
            false
        }
        Decision::Stay | Decision::KeepPractising | Decision::PauseAndCheck { .. } => false,
    }
}

fn override_advice(
    tech: &Technique,
    progress: &Progress,
    o: &Override,
    name: &str,
    words: Words,
) -> Advice {
    let to = o.to_step.min(tech.last_step());
    let title = tech.steps[usize::from(to)].title;
    match to.cmp(&progress.step) {
        Ordering::Greater => Advice {
            decision: Decision::MoveUp { to },
            reason: words.say(&|| t::moved_up(name, title)),
        },
        Ordering::Less => Advice {
            decision: Decision::StepBack { to, days: 0 },
            reason: words.say(&|| t::moved_back(name, title)),
        },
        Ordering::Equal => Advice::stay(words.say(&|| t::already_on(name, title))),
    }
}

/// The earlier sessions that count at the step along with `attempt` (those after the last
/// long gap; none when the gap came just before `attempt`), and whether it did. A slice, not
/// a copy: a replay asks this for every session.
fn counted<'a>(
    since: LocalDate,
    earlier: &'a [Attempt],
    attempt: &Attempt,
) -> (&'a [Attempt], bool) {
    let last_day = earlier.last().map_or(since, |a| a.day.max(since));
    let after_gap = attempt.day.days_since(last_day) >= LONG_GAP_DAYS;
    let window = if after_gap {
        &earlier[earlier.len()..]
    } else {
        counted_window(since, earlier)
    };
    (window, after_gap)
}

/// The last `len` sessions (at most) of what [`counted`] gives, without copying the rest:
/// walks back from the end and stops at `len` or at the long gap that starts the window.
fn counted_tail(
    since: LocalDate,
    earlier: &[Attempt],
    attempt: &Attempt,
    len: usize,
) -> (Vec<Attempt>, bool) {
    let last_day = earlier.last().map_or(since, |a| a.day.max(since));
    let after_gap = attempt.day.days_since(last_day) >= LONG_GAP_DAYS;
    let mut tail = Vec::new();
    if !after_gap {
        let mut i = earlier.len();
        while i > 0 && tail.len() + 1 < len {
            i -= 1;
            tail.push(earlier[i]);
            let previous = if i == 0 { since } else { earlier[i - 1].day };
            if earlier[i].day.days_since(previous) >= LONG_GAP_DAYS {
                break;
            }
        }
        tail.reverse();
    }
    if len > 0 {
        tail.push(*attempt);
    }
    (tail, after_gap)
}

/// `attempts` from the last long gap on (walked from the end: the gap is usually recent).
fn counted_window(since: LocalDate, attempts: &[Attempt]) -> &[Attempt] {
    let mut i = attempts.len();
    while i > 0 {
        i -= 1;
        let previous = if i == 0 { since } else { attempts[i - 1].day };
        if attempts[i].day.days_since(previous) >= LONG_GAP_DAYS {
            return &attempts[i..];
        }
    }
    attempts
}

/// Whether a session counts as good at this step.
fn counts(step: &Step, index: u8, a: &Attempt) -> bool {
    a.step >= index
        && a.response.is_good()
        && a.signs.first_stress().is_none()
        && step.rule.needs_sign.is_none_or(|s| a.signs.contains(s))
}

/// Counts over `window`, then `then` (the session being judged, if any).
fn tally(
    tech: &Technique,
    progress: &Progress,
    window: &[Attempt],
    then: Option<&Attempt>,
) -> Tally {
    let index = progress.step.min(tech.last_step());
    let step = &tech.steps[usize::from(index)];
    let mut good_days: Vec<LocalDate> = Vec::new();
    let mut good_sessions = 0usize;
    for a in window.iter().chain(then).filter(|a| counts(step, index, a)) {
        good_sessions += 1;
        if !good_days.contains(&a.day) {
            good_days.push(a.day);
        }
    }
    let clamp = |n: usize| u8::try_from(n).unwrap_or(u8::MAX);
    let (need_sessions, need_days, ready_on) = match progress.back {
        Some(back) => {
            let target = tech.step(back.return_to).unwrap_or(step);
            let days = target.rule.return_good_days;
            (days, days, back.until)
        }
        None => {
            let settle = i64::from(step.min_days.saturating_sub(1));
            let ready_on = progress.since.add_days(settle).unwrap_or(progress.since);
            (step.rule.good_sessions, step.rule.good_days, ready_on)
        }
    };
    Tally {
        good_sessions: clamp(good_sessions),
        need_sessions,
        good_days: clamp(good_days.len()),
        need_days,
        ready_on,
        needs_sign: step.rule.needs_sign,
    }
}

fn welfare(name: &str, recent: &[Attempt], attempt: &Attempt, words: Words) -> Option<Advice> {
    let earlier = &recent[recent.len().saturating_sub(WELFARE_WINDOW - 1)..];
    let looked_at = earlier.len() + 1;
    [Concern::RedTears, Concern::Biting]
        .into_iter()
        .find_map(|concern| {
            let sign = concern.sign();
            if !attempt.signs.contains(sign) {
                return None;
            }
            let seen = 1 + earlier.iter().filter(|a| a.signs.contains(sign)).count();
            if seen < WELFARE_REPEATS {
                return None;
            }
            let what = match concern {
                Concern::RedTears => t::HAD_RED_TEARS,
                Concern::Biting => t::NIPPED_OR_BIT,
            };
            Some(Advice {
                decision: Decision::PauseAndCheck { concern },
                reason: words.say(&|| t::pause_and_check(name, what, seen, looked_at)),
            })
        })
}

fn step_back(
    tech: &Technique,
    index: u8,
    what: &dyn Fn() -> String,
    name: &str,
    words: Words,
) -> Advice {
    let Some(to) = tech.back_target(index) else {
        return Advice::stay(words.say(&|| t::first_step_stay(&what(), name)));
    };
    let days_back = tech.steps[usize::from(index)].rule.back_days;
    let title = tech.steps[usize::from(to)].title;
    Advice {
        decision: Decision::StepBack {
            to,
            days: days_back,
        },
        reason: words.say(&|| t::go_back(&what(), title, days_back)),
    }
}

fn not_good_reason(name: &str, step: &Step, a: &Attempt) -> String {
    if let Some(sign) = a.signs.first_stress() {
        return t::stress_sign(name, &sign.label().to_lowercase());
    }
    if a.response.is_good() {
        if let Some(sign) = step.rule.needs_sign {
            return t::needs_sign(name, sign_goal(sign));
        }
    }
    t::needs_time(name, &a.response.label().to_lowercase())
}

/// What a step's goal sign means, in the owner's words: "takes a treat".
pub fn sign_goal(sign: Sign) -> &'static str {
    match sign {
        Sign::TookTreat => t::GOAL_TREAT,
        Sign::ClimbedOn => t::GOAL_CLIMB,
        Sign::SniffedOrLicked => t::GOAL_SNIFF,
        _ => t::GOAL_OTHER,
    }
}

fn mastered_reason(name: &str, tech: &Technique, next: Option<TechniqueId>) -> String {
    match next {
        Some(next) => t::mastered_next(name, tech.name, next.name()),
        None => t::mastered_done(name, tech.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fear_tail_is_the_end_of_the_counted_window() {
        // Days with short and long gaps; every tail length, every prefix.
        let since = LocalDate::new(2026, 1, 1).expect("valid date");
        let steps = [0i64, 1, 1, 0, 3, 20, 1, 2, 14, 13, 1, 30, 0, 2, 1, 15, 1, 1];
        let mut day = since;
        let mut all = Vec::new();
        for gap in steps {
            day = day.add_days(gap).expect("in range");
            all.push(Attempt {
                day,
                technique: TechniqueId::Scent,
                step: 0,
                response: Response::Relaxed,
                signs: SignSet::default(),
            });
        }
        for k in 0..all.len() {
            let (earlier, attempt) = (&all[..k], &all[k]);
            let (window, gap) = counted(since, earlier, attempt);
            let mut window = window.to_vec();
            window.push(*attempt);
            for len in 0..8 {
                let (tail, tail_gap) = counted_tail(since, earlier, attempt, len);
                let n = window.len().min(len);
                assert_eq!(tail, window[window.len() - n..], "prefix {k}, len {len}");
                assert_eq!(tail_gap, gap);
            }
        }
    }
    use crate::domain::session::{Override, RatOutcome};
    use Response::{Cautious as CAU, FrozeOrTense as FRZ, HidOrFled as HID, Relaxed as OK};
    use TechniqueId::{Bonding, NeutralSpace, OfferingTreats, Scent};

    const NO: &[Sign] = &[];
    const TT: &[Sign] = &[Sign::TookTreat];
    const CLIMB: &[Sign] = &[Sign::ClimbedOn];
    const NIP: &[Sign] = &[Sign::NippedOrBit];
    const RED: &[Sign] = &[Sign::RedTears];

    fn d(n: i64) -> LocalDate {
        LocalDate::new(2026, 3, 1).unwrap().add_days(n).unwrap()
    }

    fn pip() -> RatId {
        RatId("pip".into())
    }

    fn trainee<'a>(rat: &'a RatId, name: &'a str) -> Trainee<'a> {
        Trainee {
            rat,
            name,
            temperament: Temperament::Nervous,
            has_safe_space: false,
        }
    }

    /// One thing that happens, in time order.
    #[derive(Clone, Copy, Debug)]
    enum Ev {
        /// A session on day n, logged at the step the app shows at that moment.
        S(i64, Response, &'static [Sign]),
        /// A session logged at a given step (warm-ups, or stale records).
        At(i64, u8, Response, &'static [Sign]),
        /// The owner moves the rat to a step on day n.
        O(i64, u8),
    }
    use Ev::{At, O, S};

    fn session(id: usize, day: LocalDate, outcomes: Vec<RatOutcome>) -> Session {
        Session {
            id: SessionId(format!("s{id:03}")),
            day,
            started_at: (id as f64 + 1.0) * 10.0,
            duration_secs: 600,
            outcomes,
            treats: 3,
            note: String::new(),
            updated_at: 0.0,
        }
    }

    fn outcome(
        rat: &RatId,
        t: TechniqueId,
        step: u8,
        response: Response,
        signs: &[Sign],
    ) -> RatOutcome {
        RatOutcome {
            rat: rat.clone(),
            technique: t,
            step,
            response,
            signs: signs.to_vec(),
        }
    }

    /// Logs events one by one as the app would: each session at the step replay shows.
    fn simulate(t: TechniqueId, events: &[Ev]) -> (Vec<Session>, Vec<Override>) {
        let rat = pip();
        let who = trainee(&rat, "Pip");
        let (mut sessions, mut overrides) = (Vec::new(), Vec::new());
        for (i, ev) in events.iter().enumerate() {
            let now = replay(t, &who, &sessions, &overrides, d(0)).progress.step;
            match *ev {
                S(n, r, signs) => {
                    sessions.push(session(i, d(n), vec![outcome(&rat, t, now, r, signs)]))
                }
                At(n, step, r, signs) => {
                    sessions.push(session(i, d(n), vec![outcome(&rat, t, step, r, signs)]))
                }
                O(n, to) => overrides.push(
                    Override::new(rat.clone(), t, now, to, d(n), (i as f64 + 1.0) * 10.0).unwrap(),
                ),
            }
        }
        (sessions, overrides)
    }

    fn code(decision: Decision) -> String {
        match decision {
            Decision::MoveUp { to } => format!("up{to}"),
            Decision::Stay => "stay".into(),
            Decision::KeepPractising => "keep".into(),
            Decision::StepBack { to, days } => format!("back{to}/{days}"),
            Decision::PauseAndCheck { concern } => format!("pause:{}", concern.key()),
            Decision::Mastered { next } => {
                format!("mastered:{}", next.map_or("none", TechniqueId::key))
            }
        }
    }

    fn run(t: TechniqueId, events: &[Ev]) -> Replay {
        let rat = pip();
        let who = trainee(&rat, "Pip");
        let (sessions, overrides) = simulate(t, events);
        let result = replay(t, &who, &sessions, &overrides, d(0));
        // The input order never matters.
        let mut shuffled = sessions.clone();
        shuffled.reverse();
        shuffled.rotate_left(sessions.len() / 3);
        let mut overrides_rev = overrides.clone();
        overrides_rev.reverse();
        assert_eq!(replay(t, &who, &shuffled, &overrides_rev, d(0)), result);
        // Sorted as the app keeps them: overrides are merged in rather than sorted with them.
        let mut sorted = sessions.clone();
        crate::domain::session::sort_sessions(&mut sorted);
        assert_eq!(replay(t, &who, &sorted, &overrides_rev, d(0)), result);
        // Without words it stands in the same place, with the same decisions: only the
        // reasons are left out.
        let mine: Vec<&Session> = sessions.iter().collect();
        let quiet = replay_mine_with(t, &who, &mine, &overrides, d(0), Words::Skipped);
        let mut unsaid = result.clone();
        unsaid.words = Words::Skipped;
        for e in &mut unsaid.entries {
            e.advice.reason.clear();
        }
        assert_eq!(quiet, unsaid);
        assert!(result.entries.iter().all(|e| !e.advice.reason.is_empty()));
        // Each session judged from the replay of what came before it gives the full
        // replay's advice (the running-session screen relies on this).
        let key = |day: LocalDate, at: f64| (day, at);
        let mut judged = 0;
        for s in &sessions {
            let before: Vec<Session> = sessions
                .iter()
                .filter(|e| key(e.day, e.started_at) < key(s.day, s.started_at))
                .cloned()
                .collect();
            let earlier: Vec<Override> = overrides
                .iter()
                .filter(|o| key(o.day, o.at) < key(s.day, s.started_at))
                .cloned()
                .collect();
            let later_change = overrides
                .iter()
                .any(|o| key(o.day, o.at) >= key(s.day, s.started_at));
            let prefix = replay(t, &who, &before, &earlier, d(0));
            match prefix.advise_next(&who, s) {
                Some(advice) => {
                    // Only what is replayed later could change it; here nothing differs.
                    let full = replay(
                        t,
                        &who,
                        &[before.clone(), vec![s.clone()]].concat(),
                        &earlier,
                        d(0),
                    );
                    let entry = full.entry_for(&s.id).expect("judged");
                    assert_eq!(advice, entry.advice, "session {}", s.id.0);
                    if !later_change
                        && sessions
                            .iter()
                            .all(|e| key(e.day, e.started_at) <= key(s.day, s.started_at))
                    {
                        assert_eq!(&advice, &result.entry_for(&s.id).expect("in result").advice);
                    }
                    judged += 1;
                }
                None => assert!(
                    prefix.entries.is_empty()
                        || before
                            .iter()
                            .any(|e| key(e.day, e.started_at) >= key(s.day, s.started_at)),
                    "session {} after {} entries should be judged incrementally",
                    s.id.0,
                    prefix.entries.len()
                ),
            }
        }
        if sessions.len() >= 2 {
            assert!(judged > 0, "no session was judged incrementally");
        }
        for e in &result.entries {
            let r = &e.advice.reason;
            assert!(r.ends_with('.') || r.ends_with('!'), "{r}");
            for word in ["fail", "bad", "wrong", "should have"] {
                assert!(!r.to_lowercase().contains(word), "{r}");
            }
        }
        result
    }

    fn codes(r: &Replay) -> Vec<String> {
        r.entries.iter().map(|e| code(e.advice.decision)).collect()
    }

    #[test]
    fn rules_table() {
        type Case = (
            &'static str,
            TechniqueId,
            &'static [Ev],
            &'static [&'static str],
            u8,
        );
        let cases: &[Case] = &[
            (
                "3 good sessions over 2 days moves up",
                Bonding,
                &[S(0, OK, NO), S(0, OK, NO), S(1, OK, NO)],
                &["stay", "stay", "up1"],
                1,
            ),
            (
                "many sessions on one day count as one day",
                Bonding,
                &[
                    S(0, OK, NO),
                    S(0, OK, NO),
                    S(0, OK, NO),
                    S(0, OK, NO),
                    S(1, OK, NO),
                ],
                &["stay", "stay", "stay", "stay", "up1"],
                1,
            ),
            (
                "2 good days but only 2 sessions is not enough",
                Bonding,
                &[S(0, OK, NO), S(1, OK, NO), S(1, Response::CameToYou, NO)],
                &["stay", "stay", "up1"],
                1,
            ),
            (
                "cautious sessions don't count",
                Bonding,
                &[
                    S(0, OK, NO),
                    S(0, CAU, NO),
                    S(1, CAU, NO),
                    S(1, OK, NO),
                    S(2, OK, NO),
                ],
                &["stay", "stay", "stay", "stay", "up1"],
                1,
            ),
            (
                "a stress sign spoils a relaxed session",
                Bonding,
                &[
                    S(0, OK, NO),
                    S(0, OK, &[Sign::Squeaked]),
                    S(1, OK, NO),
                    S(1, OK, NO),
                ],
                &["stay", "stay", "stay", "up1"],
                1,
            ),
            (
                "a treat step only counts taken treats",
                OfferingTreats,
                &[
                    S(0, OK, NO),
                    S(0, OK, TT),
                    S(1, OK, NO),
                    S(1, OK, TT),
                    S(1, OK, TT),
                ],
                &["stay", "stay", "stay", "stay", "up1"],
                1,
            ),
            (
                "holding steps wait for the minimum days",
                OfferingTreats,
                &[
                    O(0, 3),
                    S(0, OK, NO),
                    S(0, OK, NO),
                    S(1, OK, NO),
                    S(1, OK, NO),
                    S(2, OK, NO),
                    S(3, OK, NO),
                ],
                &["up3", "stay", "stay", "stay", "stay", "stay", "up4"],
                4,
            ),
            (
                "the minimum days block a session that alone is not good",
                OfferingTreats,
                &[
                    O(0, 3),
                    S(0, OK, NO),
                    S(0, OK, NO),
                    S(1, OK, NO),
                    S(1, OK, NO),
                    S(2, OK, NO),
                    S(3, CAU, NO),
                    S(3, OK, NO),
                ],
                &["up3", "stay", "stay", "stay", "stay", "stay", "stay", "up4"],
                4,
            ),
            (
                "fear in 2 of the last 3 steps back",
                OfferingTreats,
                &[O(0, 1), S(0, FRZ, NO), S(1, HID, NO)],
                &["up1", "stay", "back0/2"],
                0,
            ),
            (
                "fear spread out does not step back",
                OfferingTreats,
                &[
                    O(0, 1),
                    S(0, FRZ, NO),
                    S(0, OK, NO),
                    S(1, OK, NO),
                    S(1, FRZ, NO),
                ],
                &["up1", "stay", "stay", "stay", "stay"],
                1,
            ),
            (
                "the first step can't go below 0",
                Bonding,
                &[S(0, HID, NO), S(0, HID, NO), S(1, FRZ, NO)],
                &["stay", "stay", "stay"],
                0,
            ),
            (
                "a bite on a handling step steps back at once",
                OfferingTreats,
                &[O(0, 2), S(0, CAU, NIP)],
                &["up2", "back1/2"],
                1,
            ),
            (
                "a bite while taking treats doesn't step back",
                OfferingTreats,
                &[O(0, 1), S(0, OK, NIP)],
                &["up1", "stay"],
                1,
            ),
            (
                "a nip from a scared rat at a treat steps back",
                OfferingTreats,
                &[O(0, 1), S(0, HID, NIP)],
                &["up1", "back0/2"],
                0,
            ),
            (
                "a nip where no treat is offered from the hand steps back",
                Scent,
                &[O(0, 1), S(0, OK, NIP)],
                &["up1", "back0/2"],
                0,
            ),
            (
                "a nip in the safe space, on the first step, stays there",
                Bonding,
                &[S(0, OK, NIP)],
                &["stay"],
                0,
            ),
            (
                "biting twice pauses without moving",
                OfferingTreats,
                &[O(0, 2), S(0, CAU, NIP), S(1, CAU, NIP)],
                &["up2", "back1/2", "pause:biting"],
                1,
            ),
            (
                "red tears twice pauses, then training goes on",
                Bonding,
                &[
                    S(0, OK, RED),
                    S(1, OK, RED),
                    S(2, OK, NO),
                    S(2, OK, NO),
                    S(3, OK, NO),
                ],
                &["stay", "pause:red-tears", "stay", "stay", "up1"],
                1,
            ),
            (
                "red tears far apart don't pause",
                Bonding,
                &[
                    S(0, OK, RED),
                    S(0, CAU, NO),
                    S(0, CAU, NO),
                    S(1, CAU, NO),
                    S(1, CAU, NO),
                    S(2, CAU, RED),
                ],
                &["stay", "stay", "stay", "stay", "stay", "stay"],
                0,
            ),
            (
                "a cautious rat that hid or froze was scared: twice in 3 steps back",
                OfferingTreats,
                &[O(0, 1), S(0, CAU, &[Sign::Hid]), S(1, CAU, &[Sign::Froze])],
                &["up1", "stay", "back0/2"],
                0,
            ),
            (
                "Bonding hands: one uncomfortable session goes back to the treats step for 3 days",
                Bonding,
                &[
                    O(0, 2),
                    S(0, FRZ, NO),
                    S(1, OK, TT),
                    S(2, OK, TT),
                    S(3, OK, TT),
                ],
                &["up2", "back1/3", "stay", "stay", "up2"],
                2,
            ),
            (
                "Bonding hands: squeaking at the hand is enough to go back",
                Bonding,
                &[O(0, 2), S(0, OK, &[Sign::Squeaked])],
                &["up2", "back1/3"],
                1,
            ),
            (
                "after the step back, a calm day is still needed",
                Bonding,
                &[
                    O(0, 2),
                    S(0, HID, NO),
                    S(3, OK, TT),
                    S(3, OK, TT),
                    S(4, OK, TT),
                ],
                &["up2", "back1/3", "stay", "stay", "up2"],
                2,
            ),
            (
                "Scent petting backs off to hands near for a day",
                Scent,
                &[O(0, 3), S(0, FRZ, NO), S(0, OK, NO), S(1, OK, NO)],
                &["up3", "back1/1", "stay", "up3"],
                3,
            ),
            (
                "fear at the easier step steps back again",
                Scent,
                &[O(0, 3), S(0, HID, NO), S(1, FRZ, NO), S(1, FRZ, NO)],
                &["up3", "back1/1", "stay", "back0/2"],
                0,
            ),
            (
                "a long gap restarts the count",
                Bonding,
                &[
                    S(0, OK, NO),
                    S(1, OK, NO),
                    S(20, OK, NO),
                    S(20, OK, NO),
                    S(21, OK, NO),
                ],
                &["stay", "stay", "stay", "stay", "up1"],
                1,
            ),
            (
                "13 days is not yet a long gap",
                Bonding,
                &[S(0, OK, NO), S(1, OK, NO), S(14, OK, NO)],
                &["stay", "stay", "up1"],
                1,
            ),
            (
                "14 days is a long gap",
                Bonding,
                &[S(0, OK, NO), S(1, OK, NO), S(15, OK, NO)],
                &["stay", "stay", "stay"],
                0,
            ),
            (
                "a long gap right after moving up",
                Bonding,
                &[
                    S(0, OK, NO),
                    S(0, OK, NO),
                    S(1, OK, NO),
                    S(30, OK, TT),
                    S(30, OK, TT),
                    S(31, OK, TT),
                ],
                &["stay", "stay", "up1", "stay", "stay", "up2"],
                2,
            ),
            (
                "mastering Scent suggests a handling technique",
                Scent,
                &[
                    O(0, 3),
                    S(0, OK, NO),
                    S(1, OK, NO),
                    S(2, OK, NO),
                    S(2, OK, NO),
                    S(3, OK, NO),
                ],
                &[
                    "up3",
                    "stay",
                    "stay",
                    "stay",
                    "mastered:offering-treats",
                    "keep",
                ],
                3,
            ),
            (
                "after mastery, a wary session or a long gap is more practice, not a stay",
                Scent,
                &[
                    O(0, 3),
                    S(0, OK, NO),
                    S(1, OK, NO),
                    S(2, OK, NO),
                    S(2, OK, NO),
                    S(3, OK, NO),
                    S(4, CAU, NO),
                    S(40, OK, NO),
                ],
                &[
                    "up3",
                    "stay",
                    "stay",
                    "stay",
                    "mastered:offering-treats",
                    "keep",
                    "keep",
                    "keep",
                ],
                3,
            ),
            (
                "fear after mastery steps back and undoes it",
                Scent,
                &[
                    O(0, 3),
                    S(0, OK, NO),
                    S(1, OK, NO),
                    S(2, OK, NO),
                    S(2, OK, NO),
                    S(3, HID, NO),
                ],
                &[
                    "up3",
                    "stay",
                    "stay",
                    "stay",
                    "mastered:offering-treats",
                    "back1/1",
                ],
                1,
            ),
            (
                "mastering Offering treats needs no next technique",
                OfferingTreats,
                &[
                    O(0, 4),
                    S(0, OK, NO),
                    S(0, OK, NO),
                    S(1, OK, NO),
                    S(2, OK, NO),
                    S(2, OK, NO),
                    S(3, OK, NO),
                ],
                &[
                    "up4",
                    "stay",
                    "stay",
                    "stay",
                    "stay",
                    "stay",
                    "mastered:none",
                ],
                4,
            ),
            (
                "the owner moves up and back",
                OfferingTreats,
                &[
                    O(0, 3),
                    S(0, OK, NO),
                    O(1, 1),
                    S(1, OK, NO),
                    S(1, OK, NO),
                    S(2, OK, NO),
                ],
                &["up3", "stay", "back1/0", "stay", "stay", "up2"],
                2,
            ),
            (
                "an override counts from its own time of day",
                OfferingTreats,
                &[S(0, OK, TT), O(0, 2), S(0, OK, CLIMB)],
                &["stay", "up2", "stay"],
                2,
            ),
            (
                "an override back clears a step back",
                Bonding,
                &[
                    O(0, 2),
                    S(0, FRZ, NO),
                    O(0, 0),
                    S(1, OK, NO),
                    S(1, OK, NO),
                    S(2, OK, NO),
                ],
                &["up2", "back1/3", "back0/0", "stay", "stay", "up1"],
                1,
            ),
            (
                "a warm-up at an easier step doesn't count",
                OfferingTreats,
                &[
                    O(0, 2),
                    At(0, 0, OK, TT),
                    At(0, 1, OK, NO),
                    At(1, 0, OK, TT),
                    S(1, OK, CLIMB),
                ],
                &["up2", "stay", "stay", "stay", "stay"],
                2,
            ),
            (
                "a session logged ahead still counts at the real step",
                Bonding,
                &[At(0, 2, OK, NO), At(0, 2, OK, NO), At(1, 2, OK, NO)],
                &["stay", "stay", "up1"],
                1,
            ),
            (
                "Neutral space waits for the rat to climb on",
                NeutralSpace,
                &[
                    S(0, Response::CameToYou, NO),
                    S(1, OK, CLIMB),
                    S(2, OK, CLIMB),
                    S(3, OK, CLIMB),
                ],
                &["stay", "stay", "stay", "up1"],
                1,
            ),
        ];
        for (name, t, events, want, step) in cases {
            let r = run(*t, events);
            assert_eq!(codes(&r), *want, "{name}");
            assert_eq!(r.progress.step, *step, "{name}: final step");
        }
    }

    #[test]
    fn step_back_sets_the_return() {
        let r = run(Bonding, &[O(0, 2), S(0, FRZ, NO)]);
        assert_eq!(
            r.progress.back,
            Some(SteppedBack {
                until: d(3),
                return_to: 2
            })
        );
        assert_eq!(r.progress.back_until(), Some(d(3)));
        assert_eq!(r.progress.since, d(0));
        let last = r.entries.last().unwrap();
        assert_eq!((last.from_step, last.to_step), (2, 1));
        assert!(
            last.advice.reason.contains("Treats in the safe space"),
            "{}",
            last.advice.reason
        );
        assert!(last.advice.reason.contains("3 days"));
        assert_eq!(r.tally.need_days, 2);
        assert_eq!(r.tally.ready_on, d(3));

        let r = run(Scent, &[O(0, 3), S(0, FRZ, NO), S(0, OK, NO)]);
        let reason = &r.entries[2].advice.reason;
        assert!(
            reason.contains("1 more day") && reason.contains("Gentle petting"),
            "{reason}"
        );
    }

    #[test]
    fn the_wait_after_a_step_back_only_counts_down() {
        // Bitten on a step that needs a sign, then relaxed days without it, then with it.
        let events = [
            O(0, 1),
            S(0, OK, NIP),
            S(1, OK, NO),
            S(2, OK, NO),
            S(3, OK, NO),
            S(4, OK, CLIMB),
            S(5, OK, CLIMB),
            S(6, OK, CLIMB),
        ];
        let r = run(NeutralSpace, &events);
        let left = |reason: &str| -> Option<i64> {
            let then = reason.split(". ").last()?;
            if then.contains("One more calm day") {
                return Some(1);
            }
            then.split_whitespace()
                .zip(then.split_whitespace().skip(1))
                .find(|(_, next)| *next == "more")
                .and_then(|(n, _)| n.parse().ok())
        };
        let mut last = i64::MAX;
        let mut seen = 0;
        for e in r.entries.iter().skip(2) {
            let reason = &e.advice.reason;
            assert!(!reason.contains("more here"), "{reason}");
            if e.advice.decision != Decision::Stay {
                break;
            }
            let n = left(reason).unwrap_or_else(|| panic!("no count in {reason:?}"));
            assert!(n <= last, "went up from {last} to {n}: {reason}");
            last = n;
            seen += 1;
        }
        assert!(
            seen >= 3,
            "{:#?}",
            r.entries
                .iter()
                .map(|e| &e.advice.reason)
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn reasons_are_kind_and_specific() {
        let cases: &[(TechniqueId, &[Ev], &[&str])] = &[
            (
                Bonding,
                &[S(0, OK, NO), S(0, OK, NO), S(1, OK, NO)],
                &[
                    "Pip was relaxed on 2 different days",
                    "Treats in the safe space",
                ],
            ),
            (
                Bonding,
                &[S(0, OK, NO)],
                &["Good session for Pip: 1 of 3", "1 of 2 different days"],
            ),
            (
                Bonding,
                &[S(0, CAU, NO)],
                &["cautious", "needs more time, and that is normal"],
            ),
            (
                Bonding,
                &[S(0, HID, NO), S(0, HID, NO)],
                &["first step", "needs more time"],
            ),
            (
                Bonding,
                &[S(0, OK, &[Sign::Hid])],
                &["Pip showed a sign of fear: hid.", "short and easy"],
            ),
            (
                Bonding,
                &[S(0, OK, &[Sign::Boggling, Sign::RedTears])],
                &["sign of stress: red tears", "doesn't count yet"],
            ),
            (OfferingTreats, &[S(0, OK, NO)], &["takes a treat"]),
            (
                Bonding,
                &[S(0, OK, NIP)],
                &["too much, too soon", "first step", "more distance"],
            ),
            (Bonding, &[O(0, 1), S(0, OK, NIP)], &["grab for the treat"]),
            (
                Bonding,
                &[S(0, OK, RED)],
                &["sign of stress: red tears", "stress or illness", "vet"],
            ),
            (
                OfferingTreats,
                &[O(0, 2), S(0, CAU, &[Sign::NippedOrBit, Sign::RedTears])],
                &["too much, too soon", "stress or illness"],
            ),
            (
                OfferingTreats,
                &[O(0, 1), S(0, OK, NIP)],
                &["grab for the treat"],
            ),
            (
                OfferingTreats,
                &[O(0, 2), S(0, OK, NIP)],
                &["too much, too soon", "Come to your hand", "2 days"],
            ),
            (
                OfferingTreats,
                &[O(0, 1), S(0, FRZ, NO), S(0, HID, NO)],
                &["scared in the last 2 sessions"],
            ),
            (
                OfferingTreats,
                &[O(0, 1), S(0, FRZ, NO), S(0, OK, NO), S(0, HID, NO)],
                &["scared in 2 of the last 3 sessions"],
            ),
            (
                OfferingTreats,
                &[O(0, 1), S(0, FRZ, NO)],
                &["scared today", "short and easy"],
            ),
            (
                OfferingTreats,
                &[
                    O(0, 3),
                    S(0, OK, NO),
                    S(0, OK, NO),
                    S(1, OK, NO),
                    S(1, OK, NO),
                    S(2, OK, NO),
                ],
                &["doing well", "1 more day"],
            ),
            (
                Bonding,
                &[S(0, OK, NO), S(20, OK, NO)],
                &["It's been a while", "couple of days"],
            ),
            (
                Bonding,
                &[S(0, OK, RED), S(0, OK, RED)],
                &["red tears in 2 of the last 2", "health"],
            ),
            (OfferingTreats, &[O(0, 1), At(0, 0, OK, TT)], &["warm-up"]),
            (
                OfferingTreats,
                &[O(0, 2)],
                &["You moved Pip up to “Treat in your open palm”"],
            ),
            (
                OfferingTreats,
                &[O(0, 2), O(0, 0)],
                &["You moved Pip back to “Treat from your fingers”"],
            ),
            (
                Scent,
                &[
                    O(0, 3),
                    S(0, OK, NO),
                    S(1, OK, NO),
                    S(2, OK, NO),
                    S(2, OK, NO),
                ],
                &["Pip has mastered Scent!", "Offering treats"],
            ),
        ];
        for (t, events, words) in cases {
            let r = run(*t, events);
            let reason = &r.entries.last().unwrap().advice.reason;
            for w in *words {
                assert!(reason.contains(w), "{reason:?} lacks {w:?}");
            }
        }
    }

    #[test]
    fn group_rats_progress_on_their_own() {
        let (pip, bo) = (pip(), RatId("bo".into()));
        let t = OfferingTreats;
        let both = |i: usize, n: i64, pip_r, bo_step, bo_r| {
            session(
                i,
                d(n),
                vec![
                    outcome(&pip, t, 1, pip_r, NO),
                    outcome(&bo, t, bo_step, bo_r, NO),
                ],
            )
        };
        let sessions = vec![
            both(0, 0, OK, 1, HID),
            both(1, 0, OK, 1, FRZ),
            both(2, 1, OK, 0, OK),
        ];
        let overrides: Vec<_> = [&pip, &bo]
            .into_iter()
            .map(|r| Override::new(r.clone(), t, 0, 1, d(0), 0.0).unwrap())
            .collect();

        let p = replay(t, &trainee(&pip, "Pip"), &sessions, &overrides, d(1));
        assert_eq!(codes(&p), ["up1", "stay", "stay", "up2"]);
        let b = replay(t, &trainee(&bo, "Bo"), &sessions, &overrides, d(1));
        assert_eq!(codes(&b), ["up1", "stay", "back0/2", "stay"]);
        assert_eq!((p.progress.step, b.progress.step), (2, 0));
        assert!(b.entries[2].advice.reason.starts_with("Bo "));
        assert!(b.entries[3].advice.reason.contains("takes a treat"));
    }

    #[test]
    fn welfare_looks_across_techniques() {
        let rat = pip();
        let sessions = vec![
            session(0, d(0), vec![outcome(&rat, Scent, 0, CAU, RED)]),
            session(1, d(1), vec![outcome(&rat, OfferingTreats, 0, CAU, RED)]),
        ];
        let r = replay(OfferingTreats, &trainee(&rat, "Pip"), &sessions, &[], d(1));
        assert_eq!(codes(&r), ["pause:red-tears"]);
        assert_eq!(
            r.progress.since,
            d(1),
            "other techniques don't start this one"
        );
    }

    #[test]
    fn replay_after_deleting_or_editing_a_session() {
        let rat = pip();
        let who = trainee(&rat, "Pip");
        let events = [
            S(0, OK, NO),
            S(0, OK, NO),
            S(1, OK, NO),
            S(1, OK, TT),
            S(2, OK, TT),
            S(2, OK, TT),
        ];
        let (mut sessions, _) = simulate(Bonding, &events);
        let full = replay(Bonding, &who, &sessions, &[], d(3));
        assert_eq!(codes(&full), ["stay", "stay", "up1", "stay", "stay", "up2"]);

        // Deleting the second session: the fourth (logged at step 1) now completes step 0.
        let removed = sessions.remove(1);
        let fewer = replay(Bonding, &who, &sessions, &[], d(3));
        assert_eq!(codes(&fewer), ["stay", "stay", "up1", "stay", "stay"]);
        assert_eq!(fewer.progress.step, 1);
        assert!(fewer.entry_for(&removed.id).is_none());
        assert_eq!(fewer.transitions().count(), 1);

        // Putting it back gives the first result again.
        sessions.insert(1, removed);
        assert_eq!(replay(Bonding, &who, &sessions, &[], d(3)), full);

        // Editing one response to fear: the next good session completes step 0 instead.
        sessions[2].outcomes[0].response = HID;
        let edited = replay(Bonding, &who, &sessions, &[], d(3));
        assert_eq!(
            codes(&edited),
            ["stay", "stay", "stay", "up1", "stay", "stay"]
        );
        assert_eq!(edited.progress.step, 1);
    }

    #[test]
    fn outlook_for_today() {
        let rat = pip();
        let who = trainee(&rat, "Pip");
        let cases: &[(TechniqueId, &[Ev], i64, &str, &str)] = &[
            (
                OfferingTreats,
                &[],
                0,
                "stay",
                "Start with “Treat from your fingers”",
            ),
            (
                Bonding,
                &[S(0, OK, NO)],
                1,
                "stay",
                "Pip needs 2 more good sessions here, spread over 1 more day.",
            ),
            (Bonding, &[S(0, OK, NO)], 14, "stay", "It's been a while"),
            (
                OfferingTreats,
                &[
                    S(0, OK, NO),
                    S(3, CAU, NO),
                    S(6, OK, NO),
                    S(9, CAU, NO),
                    S(12, OK, NO),
                    S(15, OK, NO),
                    S(18, CAU, NO),
                ],
                21,
                "stay",
                "Pip has been on this first step for 3 weeks. Some rats need an even gentler start: Scent",
            ),
            (
                Bonding,
                &[O(0, 2), S(0, HID, NO), S(0, HID, NO)],
                1,
                "stay",
                "easier step for 2 more days",
            ),
            (
                Bonding,
                &[O(0, 2), S(0, HID, NO), S(0, HID, NO)],
                3,
                "stay",
                "needs 2 more good sessions here, spread over 2 more days",
            ),
            (
                Bonding,
                &[S(0, OK, RED), S(1, OK, RED)],
                5,
                "pause:red-tears",
                "When Pip seems well again",
            ),
            (
                Scent,
                &[
                    O(0, 3),
                    S(0, OK, NO),
                    S(1, OK, NO),
                    S(2, OK, NO),
                    S(2, OK, NO),
                ],
                4,
                "mastered:offering-treats",
                "mastered Scent",
            ),
        ];
        for (t, events, today, want, words) in cases {
            let (sessions, overrides) = simulate(*t, events);
            let r = replay(*t, &who, &sessions, &overrides, d(0));
            let advice = r.outlook(&who, d(*today));
            assert_eq!(code(advice.decision), *want, "{words}");
            assert!(
                advice.reason.contains(words),
                "{:?} lacks {words:?}",
                advice.reason
            );
        }
        // Not after two weeks, not with few sessions, not on Scent, and not past step 1.
        let slow: &[Ev] = &[
            S(0, OK, NO),
            S(3, CAU, NO),
            S(6, OK, NO),
            S(9, CAU, NO),
            S(12, OK, NO),
        ];
        let few: &[Ev] = &[S(0, OK, NO), S(10, CAU, NO), S(18, OK, NO)];
        let on_step_2: &[Ev] = &[
            O(0, 1),
            S(0, CAU, NO),
            S(4, CAU, NO),
            S(8, CAU, NO),
            S(12, CAU, NO),
            S(16, CAU, NO),
        ];
        for (t, events, today) in [
            (OfferingTreats, slow, 14),
            (OfferingTreats, few, 21),
            (Scent, slow, 21),
            (OfferingTreats, on_step_2, 21),
        ] {
            let (sessions, overrides) = simulate(t, events);
            let r = replay(t, &who, &sessions, &overrides, d(0));
            let reason = r.outlook(&who, d(today)).reason;
            assert!(!reason.contains("gentler start"), "{t:?} {today}: {reason}");
        }
    }

    #[test]
    fn empty_history_starts_today() {
        let rat = pip();
        let r = replay(Scent, &trainee(&rat, "Pip"), &[], &[], d(5));
        assert_eq!(r.progress, Progress::start(Scent, d(5)));
        assert!(r.entries.is_empty() && r.last_active.is_none());
        assert_eq!(
            (
                r.tally.good_sessions,
                r.tally.need_sessions,
                r.tally.need_days
            ),
            (0, 3, 3)
        );
        assert_eq!(
            r.tally.ready_on,
            d(7),
            "3 days on the step, counting the first"
        );
    }

    #[test]
    fn tally_counts_sessions_and_days() {
        let r = run(OfferingTreats, &[S(0, OK, TT), S(0, OK, TT), S(0, CAU, TT)]);
        assert_eq!(
            r.tally,
            Tally {
                good_sessions: 2,
                need_sessions: 3,
                good_days: 1,
                need_days: 2,
                ready_on: d(1),
                needs_sign: Some(Sign::TookTreat),
            }
        );
        assert!(!r.tally.is_met());
    }

    #[test]
    fn mastery_suggestion_follows_the_rat() {
        let rat = pip();
        let events = [
            O(0, 3),
            S(0, OK, NO),
            S(1, OK, NO),
            S(2, OK, NO),
            S(2, OK, NO),
        ];
        let (sessions, overrides) = simulate(Scent, &events);
        let cases = [
            (Temperament::Nervous, false, Some(OfferingTreats)),
            (Temperament::Nervous, true, Some(Bonding)),
            (Temperament::Curious, true, Some(NeutralSpace)),
        ];
        for (temperament, has_safe_space, next) in cases {
            let who = Trainee {
                temperament,
                has_safe_space,
                ..trainee(&rat, "Pip")
            };
            let r = replay(Scent, &who, &sessions, &overrides, d(3));
            assert_eq!(
                r.entries.last().unwrap().advice.decision,
                Decision::Mastered { next }
            );
            assert_eq!(r.progress.mastered_on, Some(d(2)));
        }
    }

    #[test]
    fn advise_directly() {
        let rat = pip();
        let who = trainee(&rat, "Pip");
        let at = |n, r, signs: &[Sign]| Attempt {
            day: d(n),
            technique: Bonding,
            step: 0,
            response: r,
            signs: SignSet::of(signs),
        };
        let progress = Progress::start(Bonding, d(0));
        let earlier = [at(0, OK, NO), at(0, OK, NO)];
        let history = History {
            at_step: &earlier,
            recent: &earlier,
        };
        let cases = [
            (at(0, OK, NO), "stay"),
            (at(1, OK, NO), "up1"),
            (at(1, CAU, NO), "stay"),
            (at(1, OK, RED), "stay"),
            (at(1, HID, NO), "stay"),
        ];
        for (attempt, want) in cases {
            assert_eq!(
                code(advise(&who, &progress, history, &attempt).decision),
                want,
                "{attempt:?}"
            );
        }
        let first = advise(&who, &progress, History::default(), &at(0, OK, NO));
        assert_eq!(first.decision, Decision::Stay);
    }

    #[test]
    fn sign_sets() {
        let set = SignSet::of(&[Sign::Bruxing, Sign::RedTears]);
        assert!(set.contains(Sign::RedTears) && set.contains(Sign::Bruxing));
        assert!(!set.contains(Sign::TookTreat));
        assert_eq!(set.first_stress(), Some(Sign::RedTears));
        assert_eq!(SignSet::of(&[Sign::Boggling]).first_stress(), None);
        for s in Sign::ALL {
            assert!(SignSet::of(&[s]).contains(s));
        }
    }
}

//! Milestones found in a rat's history, each with the day it first happened.
//!
//! Nothing here is stored: milestones are found again from the sessions and replays,
//! so editing or deleting a session always gives a consistent list.
//!
//! How each is found (sessions are read in the order they happened):
//! - First session: the rat's first session, alone or in a group.
//! - First treat from the hand: the Took a treat sign on a step where the treat comes
//!   from your hand. That is every step of Offering treats, and in the other
//!   techniques the step where hand treats begin and every step after it (Bonding's
//!   "treats-in-safe-space", Neutral space's "petting", Scent's "treats"), since those
//!   later steps all have your hands on or by the rat. Before that, a treat may have
//!   been set down, so it doesn't count.
//! - First climb on: the Climbed on sign at any step (onto a hand, or onto you).
//! - First pick-up: a good session (Relaxed or better, no stress sign) on a step whose
//!   key says it is about picking up ("pick-up…", "picking-up").
//! - A technique mastered: the first entry with [`Decision::Mastered`] in its replay. A
//!   later step back doesn't take the milestone away: it happened.
//! - First full week: the seventh day in a row with a session (any seven days, not a
//!   calendar week, so starting on a Thursday doesn't delay it).

use super::date::LocalDate;
use super::progression::{Decision, Replay};
use super::rat::RatId;
use super::session::{RatOutcome, Session, Sign};
use super::technique::{technique, TechniqueId};

/// Days in a row with a session for the full-week milestone.
pub const FULL_WEEK_DAYS: i64 = 7;

/// In the order they are shown when several fall on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MilestoneKind {
    FirstSession,
    FirstTreatFromHand,
    FirstClimbOn,
    FirstPickUp,
    FirstFullWeek,
    Mastered(TechniqueId),
}

impl MilestoneKind {
    /// Stable text for element ids and tests.
    pub fn key(self) -> String {
        match self {
            MilestoneKind::FirstSession => "first-session".into(),
            MilestoneKind::FirstTreatFromHand => "first-treat-from-hand".into(),
            MilestoneKind::FirstClimbOn => "first-climb-on".into(),
            MilestoneKind::FirstPickUp => "first-pick-up".into(),
            MilestoneKind::FirstFullWeek => "first-full-week".into(),
            MilestoneKind::Mastered(t) => format!("mastered-{}", t.key()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Milestone {
    pub kind: MilestoneKind,
    pub day: LocalDate,
    /// One warm sentence with the rat's name.
    pub text: String,
}

/// Key of the first step of each technique where treats come from your hand.
fn first_hand_treat_step(id: TechniqueId) -> &'static str {
    match id {
        TechniqueId::OfferingTreats => "treat-from-fingers",
        TechniqueId::Bonding => "treats-in-safe-space",
        TechniqueId::NeutralSpace => "petting",
        TechniqueId::Scent => "treats",
    }
}

/// Whether a treat taken at this step was taken from the owner's hand.
pub fn is_hand_treat_step(id: TechniqueId, step: u8) -> bool {
    let tech = technique(id);
    tech.step(step).is_some()
        && tech
            .step_index(first_hand_treat_step(id))
            .is_some_and(|first| step >= first)
}

/// Whether this step is about picking the rat up.
pub fn is_pick_up_step(id: TechniqueId, step: u8) -> bool {
    technique(id)
        .step(step)
        .is_some_and(|s| s.key.contains("pick-up") || s.key.contains("picking-up"))
}

fn is_good(o: &RatOutcome) -> bool {
    o.response.is_good() && o.signs.iter().all(|s| s.is_comfort())
}

fn text(kind: MilestoneKind, name: &str) -> String {
    use crate::text::progress as t;
    match kind {
        MilestoneKind::FirstSession => t::first_session(name),
        MilestoneKind::FirstTreatFromHand => t::first_treat_from_hand(name),
        MilestoneKind::FirstClimbOn => t::first_climb_on(name),
        MilestoneKind::FirstPickUp => t::first_pick_up(name),
        MilestoneKind::FirstFullWeek => t::first_full_week(name),
        MilestoneKind::Mastered(id) => t::mastered(name, id.name()),
    }
}

/// The milestones of one rat, oldest first.
///
/// `sessions` may hold every rat's sessions; only `rat`'s outcomes are read. `replays`
/// are this rat's replays, one per technique it has practised.
pub fn milestones(
    name: &str,
    rat: &RatId,
    sessions: &[Session],
    replays: &[Replay],
) -> Vec<Milestone> {
    let mut mine: Vec<(&Session, &RatOutcome)> = sessions
        .iter()
        .filter_map(|s| Some((s, s.outcome_for(rat)?)))
        .collect();
    crate::domain::order::sort_by(&mut mine, &|(a, _), (b, _)| {
        a.day
            .cmp(&b.day)
            .then_with(|| a.started_at.total_cmp(&b.started_at))
            .then_with(|| a.id.cmp(&b.id))
    });
    let first_day = |found: &dyn Fn(&RatOutcome) -> bool| {
        mine.iter().find(|(_, o)| found(o)).map(|(s, _)| s.day)
    };

    let mut found: Vec<(MilestoneKind, LocalDate)> = Vec::new();
    let mut add = |kind, day: Option<LocalDate>| {
        if let Some(day) = day {
            found.push((kind, day));
        }
    };
    add(MilestoneKind::FirstSession, first_day(&|_| true));
    add(
        MilestoneKind::FirstTreatFromHand,
        first_day(&|o| o.has(Sign::TookTreat) && is_hand_treat_step(o.technique, o.step)),
    );
    add(
        MilestoneKind::FirstClimbOn,
        first_day(&|o| o.has(Sign::ClimbedOn)),
    );
    add(
        MilestoneKind::FirstPickUp,
        first_day(&|o| is_good(o) && is_pick_up_step(o.technique, o.step)),
    );
    add(
        MilestoneKind::FirstFullWeek,
        full_week(mine.iter().map(|(s, _)| s.day)),
    );
    for replay in replays {
        let mastered = replay
            .entries
            .iter()
            .find(|e| matches!(e.advice.decision, Decision::Mastered { .. }))
            .map(|e| e.day);
        add(MilestoneKind::Mastered(replay.progress.technique), mastered);
    }

    crate::domain::order::sort_by_key(&mut found, |&(kind, day)| (day, kind));
    // The same technique twice among the replays: keep its first mastery.
    let mut seen = Vec::new();
    found.retain(|(kind, _)| {
        let new = !seen.contains(kind);
        seen.push(*kind);
        new
    });

    let name = match name.trim() {
        "" => crate::text::progress::YOUR_RAT,
        n => n,
    };
    found
        .into_iter()
        .map(|(kind, day)| Milestone {
            kind,
            day,
            text: text(kind, name),
        })
        .collect()
}

/// The day that completes the first run of [`FULL_WEEK_DAYS`] days in a row; `days`
/// must be in order.
fn full_week(days: impl Iterator<Item = LocalDate>) -> Option<LocalDate> {
    let mut run = 0;
    let mut previous: Option<LocalDate> = None;
    for day in days {
        match previous.map(|p| day.days_since(p)) {
            Some(0) => continue,
            Some(1) => run += 1,
            _ => run = 1,
        }
        previous = Some(day);
        if run == FULL_WEEK_DAYS {
            return Some(day);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::progression::{Advice, Entry, Progress, Source, Tally, Words};
    use crate::domain::session::{Response, SessionId};
    use Response::{Cautious as CAU, HidOrFled as HID, Relaxed as OK};
    use TechniqueId::{Bonding, NeutralSpace, OfferingTreats, Scent};

    fn d(n: i64) -> LocalDate {
        LocalDate::new(2026, 3, 2).unwrap().add_days(n).unwrap()
    }

    /// A session of Pip's: day, technique, step, response, signs.
    type S = (i64, TechniqueId, u8, Response, &'static [Sign]);

    fn sessions(list: &[S]) -> Vec<Session> {
        list.iter()
            .enumerate()
            .map(|(i, &(day, technique, step, response, signs))| Session {
                id: SessionId(format!("s{i:03}")),
                day: d(day),
                started_at: i as f64,
                duration_secs: 600,
                outcomes: vec![RatOutcome {
                    rat: RatId("pip".into()),
                    technique,
                    step,
                    response,
                    signs: signs.to_vec(),
                }],
                treats: 2,
                note: String::new(),
                updated_at: 0.0,
            })
            .collect()
    }

    fn found(list: &[S], replays: &[Replay]) -> Vec<(MilestoneKind, LocalDate)> {
        milestones("Pip", &RatId("pip".into()), &sessions(list), replays)
            .into_iter()
            .map(|m| (m.kind, m.day))
            .collect()
    }

    const NO: &[Sign] = &[];
    const TT: &[Sign] = &[Sign::TookTreat];
    const CLIMB: &[Sign] = &[Sign::ClimbedOn];
    const SQUEAK: &[Sign] = &[Sign::Squeaked];
    use MilestoneKind::*;

    #[test]
    fn hand_treat_steps_by_key() {
        let cases = [
            (OfferingTreats, [true, true, true, true, true].as_slice()),
            (Bonding, &[false, true, true, true]),
            (NeutralSpace, &[false, true, true]),
            (Scent, &[false, false, true, true]),
        ];
        for (t, want) in cases {
            let got: Vec<bool> = (0..want.len() as u8)
                .map(|s| is_hand_treat_step(t, s))
                .collect();
            assert_eq!(got, want, "{t:?}");
            assert_eq!(usize::from(technique(t).last_step()) + 1, want.len());
            assert!(
                !is_hand_treat_step(t, want.len() as u8),
                "{t:?}: no such step"
            );
        }
    }

    #[test]
    fn pick_up_steps_by_key() {
        let cases = [
            (
                OfferingTreats,
                [false, false, false, false, true].as_slice(),
            ),
            (Bonding, &[false, false, false, true]),
            (NeutralSpace, &[false, false, true]),
            (Scent, &[false, false, false, false]),
        ];
        for (t, want) in cases {
            let got: Vec<bool> = (0..want.len() as u8)
                .map(|s| is_pick_up_step(t, s))
                .collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn session_milestones() {
        type Found = Vec<(MilestoneKind, LocalDate)>;
        let cases: Vec<(&str, Vec<S>, Found)> = vec![
            ("nothing yet", vec![], vec![]),
            (
                "first session, in any input order",
                vec![(3, Scent, 0, CAU, NO), (1, Scent, 0, HID, NO)],
                vec![(FirstSession, d(1))],
            ),
            (
                "treat from the fingers",
                vec![
                    (0, OfferingTreats, 0, CAU, NO),
                    (2, OfferingTreats, 0, CAU, TT),
                ],
                vec![(FirstSession, d(0)), (FirstTreatFromHand, d(2))],
            ),
            (
                "a treat before hand treats begin doesn't count",
                vec![(0, Scent, 1, OK, TT), (4, Scent, 2, CAU, TT)],
                vec![(FirstSession, d(0)), (FirstTreatFromHand, d(4))],
            ),
            (
                "bonding: treats in the safe space count",
                vec![(0, Bonding, 0, OK, TT), (1, Bonding, 1, OK, TT)],
                vec![(FirstSession, d(0)), (FirstTreatFromHand, d(1))],
            ),
            (
                "climbed on, at any step, the first time only",
                vec![
                    (0, NeutralSpace, 0, OK, CLIMB),
                    (5, OfferingTreats, 2, OK, CLIMB),
                ],
                vec![(FirstSession, d(0)), (FirstClimbOn, d(0))],
            ),
            (
                "pick-up needs a good session",
                vec![
                    (0, OfferingTreats, 4, CAU, NO),
                    (1, OfferingTreats, 4, OK, SQUEAK),
                    (2, OfferingTreats, 3, OK, NO), // short holds: not a pick-up step
                    (3, OfferingTreats, 4, OK, NO),
                ],
                vec![(FirstSession, d(0)), (FirstPickUp, d(3))],
            ),
            (
                "picking up in a neutral space",
                vec![(6, NeutralSpace, 2, OK, NO)],
                vec![(FirstSession, d(6)), (FirstPickUp, d(6))],
            ),
            (
                "seven days in a row, after a shorter run",
                vec![
                    (0, Scent, 0, OK, NO),
                    (1, Scent, 0, OK, NO),
                    (2, Scent, 0, OK, NO),
                    (4, Scent, 0, OK, NO),
                    (5, Scent, 0, OK, NO),
                    (5, Scent, 0, OK, NO),
                    (6, Scent, 0, OK, NO),
                    (7, Scent, 0, OK, NO),
                    (8, Scent, 0, OK, NO),
                    (9, Scent, 0, OK, NO),
                    (10, Scent, 0, OK, NO),
                    (11, Scent, 0, OK, NO),
                ],
                vec![(FirstSession, d(0)), (FirstFullWeek, d(10))],
            ),
            (
                "six days and many sessions are not a week",
                vec![
                    (0, Scent, 0, OK, NO),
                    (0, Scent, 0, OK, NO),
                    (1, Scent, 0, OK, NO),
                    (2, Scent, 0, OK, NO),
                    (3, Scent, 0, OK, NO),
                    (4, Scent, 0, OK, NO),
                    (5, Scent, 0, OK, NO),
                    (5, Scent, 0, OK, NO),
                    (7, Scent, 0, OK, NO),
                ],
                vec![(FirstSession, d(0))],
            ),
        ];
        for (name, list, want) in cases {
            assert_eq!(found(&list, &[]), want, "{name}");
        }
    }

    #[test]
    fn only_this_rats_outcomes_count() {
        let mut list = sessions(&[(0, OfferingTreats, 0, OK, TT)]);
        list[0].outcomes[0].rat = RatId("squeak".into());
        list.extend(sessions(&[(2, OfferingTreats, 0, CAU, NO)]));
        // A group session: Squeak climbed on, Pip took a treat.
        let mut group = sessions(&[(3, OfferingTreats, 2, OK, TT)]);
        group[0].id = SessionId("group".into());
        group[0].outcomes.push(RatOutcome {
            rat: RatId("squeak".into()),
            technique: OfferingTreats,
            step: 2,
            response: OK,
            signs: vec![Sign::ClimbedOn],
        });
        list.extend(group);
        let got: Vec<_> = milestones("Pip", &RatId("pip".into()), &list, &[])
            .into_iter()
            .map(|m| (m.kind, m.day))
            .collect();
        assert_eq!(got, [(FirstSession, d(2)), (FirstTreatFromHand, d(3))]);
    }

    fn replay(technique: TechniqueId, mastered_on: &[i64]) -> Replay {
        let entry = |day: i64, decision| Entry {
            day: d(day),
            at: 0.0,
            source: Source::Session(SessionId(format!("m{day}"))),
            from_step: 0,
            to_step: 0,
            advice: Advice {
                decision,
                reason: String::new(),
            },
        };
        let mut entries = vec![entry(0, Decision::Stay)];
        entries.extend(
            mastered_on
                .iter()
                .map(|&day| entry(day, Decision::Mastered { next: None })),
        );
        Replay {
            progress: Progress::start(technique, d(0)),
            entries,
            words: Words::Written,
            tally: Tally {
                good_sessions: 0,
                need_sessions: 3,
                good_days: 0,
                need_days: 2,
                ready_on: d(0),
                needs_sign: None,
            },
            last_active: None,
            tail: Default::default(),
        }
    }

    #[test]
    fn each_technique_mastered_once() {
        let list = [(0, Scent, 0, OK, NO)];
        let cases = [
            (vec![replay(Scent, &[])], vec![(FirstSession, d(0))]),
            (
                vec![replay(Scent, &[20, 40])], // mastered again after a step back
                vec![(FirstSession, d(0)), (Mastered(Scent), d(20))],
            ),
            (
                vec![replay(Bonding, &[50]), replay(Scent, &[20])],
                vec![
                    (FirstSession, d(0)),
                    (Mastered(Scent), d(20)),
                    (Mastered(Bonding), d(50)),
                ],
            ),
            (
                vec![replay(Scent, &[30]), replay(Scent, &[20])],
                vec![(FirstSession, d(0)), (Mastered(Scent), d(20))],
            ),
        ];
        for (replays, want) in cases {
            assert_eq!(found(&list, &replays), want);
        }
    }

    #[test]
    fn same_day_milestones_keep_their_order_and_texts_are_warm() {
        const BOTH: &[Sign] = &[Sign::TookTreat, Sign::ClimbedOn];
        let list = [(0, OfferingTreats, 2, OK, BOTH)];
        let got = milestones(
            "Pip",
            &RatId("pip".into()),
            &sessions(&list),
            &[replay(OfferingTreats, &[0])],
        );
        let kinds: Vec<_> = got.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            [
                FirstSession,
                FirstTreatFromHand,
                FirstClimbOn,
                Mastered(OfferingTreats)
            ]
        );
        let texts: Vec<_> = got.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Pip's first session with you. Every bond starts here.",
                "Pip took a treat from your hand for the first time.",
                "Pip climbed onto you for the first time.",
                "Pip mastered Offering treats. Well done, both of you.",
            ]
        );
        let all = [
            FirstSession,
            FirstTreatFromHand,
            FirstClimbOn,
            FirstPickUp,
            FirstFullWeek,
            Mastered(Scent),
        ];
        for kind in all {
            let t = text(kind, "Pip");
            assert!(t.contains("Pip") && t.ends_with('.'), "{t}");
        }
        let keys: Vec<_> = all.iter().map(|k| k.key()).collect();
        assert_eq!(
            keys,
            [
                "first-session",
                "first-treat-from-hand",
                "first-climb-on",
                "first-pick-up",
                "first-full-week",
                "mastered-scent"
            ]
        );
        // A missing name still reads well.
        let got = milestones(" ", &RatId("pip".into()), &sessions(&list[..1]), &[]);
        assert_eq!(
            got[0].text,
            "Your rat's first session with you. Every bond starts here."
        );
    }
}

//! Today's plan: one card per rat, or per cage group trained together, with what is due.
//!
//! Rats sharing a cage group get one card, because the session screen can train them
//! together. Cards that still need a session today come first.

use super::date::LocalDate;
use super::ics::Reminder;
use super::program::{rat_replay_mine, Programs, RatProgram};
use super::progression::{Words, QUIET_DAYS_AFTER_PAUSE};
use super::rat::{Rat, RatId};
use super::session::{same_id, RatOutcome, Session};
use super::streak::streaks;
use super::technique::{technique, TechniqueId};

/// Where a rat stands today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Due {
    /// No session yet today.
    Now,
    /// No technique chosen: the owner has to pick one first.
    NoTechnique,
    /// One session done; a second is better.
    Better,
    /// A session today was hard (fear, a bite, red tears): no second one today.
    RestAfterHard,
    /// Two or more sessions today.
    Done,
    /// A rest day, with no session.
    Resting,
    /// Quiet days after the coach paused training for the rat's health.
    Paused,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlanRat {
    pub id: RatId,
    pub name: String,
    pub technique: Option<TechniqueId>,
    /// Step number as shown (1-based), steps in the ladder, the step's title.
    pub step: Option<(u8, usize, &'static str)>,
    pub mastered: bool,
    pub done_today: u32,
    pub streak: u32,
    pub due: Due,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlanCard {
    /// The cage group's name, when the card holds a group.
    pub group: Option<String>,
    pub rats: Vec<PlanRat>,
    /// The most pressing state of the card's rats.
    pub due: Due,
}

impl PlanCard {
    /// The rats a "Start session" button trains: those with a technique, not resting.
    pub fn trainable(&self) -> Vec<RatId> {
        self.rats
            .iter()
            .filter(|r| {
                r.technique.is_some()
                    && !matches!(r.due, Due::Resting | Due::RestAfterHard | Due::Paused)
            })
            .map(|r| r.id.clone())
            .collect()
    }

    /// Still needs a session today.
    pub fn is_due(&self) -> bool {
        self.due == Due::Now
    }

    /// A stable key for the view: the group's name or the rat's id.
    pub fn key(&self) -> String {
        match &self.group {
            Some(group) => format!(
                "group:{group}:{}",
                self.rats
                    .first()
                    .and_then(|r| r.technique)
                    .map_or("none", TechniqueId::key)
            ),
            None => self
                .rats
                .first()
                .map(|r| r.id.0.clone())
                .unwrap_or_default(),
        }
    }
}

/// Everything one rat's card is worked out from, in short: its record, its plan, the day,
/// and a stamp of its sessions (any save, edit, delete or merge changes a session's times).
#[derive(Clone, Debug, PartialEq)]
struct RatInputs {
    rat: Rat,
    program: Option<RatProgram>,
    today: LocalDate,
    sessions: usize,
    stamp: u64,
}

impl RatInputs {
    fn of(rat: &Rat, programs: &Programs, mine: &[&Session], today: LocalDate) -> Self {
        let stamp = mine.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, s| {
            let mixed = s.updated_at.to_bits() ^ s.started_at.to_bits().rotate_left(21);
            (h ^ mixed ^ s.day.to_days() as u64).wrapping_mul(0x0100_0000_01b3)
        });
        RatInputs {
            rat: rat.clone(),
            program: programs.of(&rat.id).cloned(),
            today,
            sessions: mine.len(),
            stamp,
        }
    }
}

/// Cards worked out before, one per rat, so the plan after a save replays only the rats
/// whose history changed (a replay of years of sessions is what the plan spends its time on).
#[derive(Default)]
pub struct PlanCache {
    rats: Vec<(RatInputs, PlanRat)>,
    reused: usize,
}

impl PlanCache {
    /// How many cards the last [`plan_with`] took from the cache.
    pub fn reused(&self) -> usize {
        self.reused
    }
}

/// Today's cards for the active rats, most pressing first (then by name).
pub fn plan(
    rats: &[Rat],
    programs: &Programs,
    sessions: &[Session],
    today: LocalDate,
) -> Vec<PlanCard> {
    plan_with(rats, programs, sessions, today, &mut PlanCache::default())
}

/// [`plan`], reusing the cards of rats whose inputs are as they were last time.
pub fn plan_with(
    rats: &[Rat],
    programs: &Programs,
    sessions: &[Session],
    today: LocalDate,
    cache: &mut PlanCache,
) -> Vec<PlanCard> {
    // One pass sorts the history into rats; each rat's card then reads only its own. A short
    // list of the active rats' ids, searched with `same_id`, beats a map of string keys here.
    let mut by_rat: Vec<(&RatId, Vec<&Session>)> = Vec::new();
    for rat in rats.iter().filter(|r| !r.archived) {
        if !by_rat.iter().any(|(id, _)| *id == &rat.id) {
            by_rat.push((&rat.id, Vec::new()));
        }
    }
    for s in sessions {
        for o in &s.outcomes {
            let Some((_, mine)) = by_rat.iter_mut().find(|(id, _)| same_id(&id.0, &o.rat.0)) else {
                continue;
            };
            if !mine.last().is_some_and(|last| std::ptr::eq(*last, s)) {
                mine.push(s);
            }
        }
    }
    let mut cards: Vec<PlanCard> = Vec::new();
    let mut kept = Vec::new();
    cache.reused = 0;
    for rat in rats.iter().filter(|r| !r.archived) {
        let mine = by_rat
            .iter()
            .find(|(id, _)| *id == &rat.id)
            .map_or(&[][..], |(_, mine)| mine.as_slice());
        let inputs = RatInputs::of(rat, programs, mine, today);
        let entry = match cache.rats.iter().position(|(seen, _)| *seen == inputs) {
            Some(i) => {
                cache.reused += 1;
                cache.rats.swap_remove(i).1
            }
            None => plan_rat(rat, programs, mine, today),
        };
        kept.push((inputs, entry.clone()));
        let group = rat.cage_group.clone();
        // Cage mates share a card, and so one session, only on the same technique: two
        // different exercises at once would shortchange both rats.
        let existing = group.as_ref().and_then(|g| {
            cards.iter_mut().find(|c| {
                c.group
                    .as_ref()
                    .is_some_and(|cg| cg.to_lowercase() == g.to_lowercase())
                    && c.rats.first().map(|r| r.technique) == Some(entry.technique)
            })
        });
        match existing {
            Some(card) => card.rats.push(entry),
            None => cards.push(PlanCard {
                group,
                rats: vec![entry],
                due: Due::Now,
            }),
        }
    }
    for card in &mut cards {
        crate::domain::order::sort_by(&mut card.rats, &|a, b| {
            a.due
                .cmp(&b.due)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        card.due = card.rats.iter().map(|r| r.due).min().unwrap_or(Due::Done);
    }
    crate::domain::order::sort_by(&mut cards, &|a, b| {
        a.due
            .cmp(&b.due)
            .then_with(|| title_key(a).cmp(&title_key(b)))
    });
    cache.rats = kept;
    cards
}

fn title_key(card: &PlanCard) -> String {
    card.group
        .clone()
        .or_else(|| card.rats.first().map(|r| r.name.clone()))
        .unwrap_or_default()
        .to_lowercase()
}

/// `mine`: this rat's sessions.
fn plan_rat(rat: &Rat, programs: &Programs, mine: &[&Session], today: LocalDate) -> PlanRat {
    let rest = programs.rest(&rat.id);
    let counts = streaks(mine.iter().map(|s| s.day), &rest, today);
    let replay = rat_replay_mine(rat, programs, mine, None, today, Words::Skipped);
    let technique_id = replay.as_ref().map(|r| r.progress.technique);
    let step = replay.as_ref().and_then(|r| {
        let t = technique(r.progress.technique);
        t.step(r.progress.step)
            .map(|s| (r.progress.step.saturating_add(1), t.steps.len(), s.title))
    });
    let done = counts.sessions_today;
    let hard_today = mine
        .iter()
        .filter(|s| s.day == today)
        .filter_map(|s| s.outcome_for(&rat.id))
        .any(RatOutcome::was_hard);
    let quiet_after_pause = replay
        .as_ref()
        .and_then(|r| r.paused_on())
        .is_some_and(|day| today.days_since(day) < QUIET_DAYS_AFTER_PAUSE);
    let due = match (technique_id, done) {
        (None, _) => Due::NoTechnique,
        (_, 0) if rest.is_rest(today) => Due::Resting,
        (_, 0) if quiet_after_pause => Due::Paused,
        (_, 0) => Due::Now,
        _ if hard_today => Due::RestAfterHard,
        (_, 1) => Due::Better,
        _ => Due::Done,
    };
    PlanRat {
        id: rat.id.clone(),
        name: rat.name.clone(),
        technique: technique_id,
        step,
        mastered: replay.as_ref().is_some_and(|r| r.progress.is_mastered()),
        done_today: done,
        streak: counts.current,
        due,
    }
}

/// The latest practice time that has already passed today, if any: rats still due after
/// it are "due since" that time.
pub fn passed_practice_time(times: &[Reminder], minutes_now: u32) -> Option<Reminder> {
    times
        .iter()
        .filter(|t| u32::from(t.hour) * 60 + u32::from(t.minute) <= minutes_now)
        .max()
        .copied()
}

/// The next practice time still to come today, and how many minutes until it.
pub fn next_practice_time(times: &[Reminder], minutes_now: u32) -> Option<(Reminder, u32)> {
    times
        .iter()
        .map(|t| (*t, u32::from(t.hour) * 60 + u32::from(t.minute)))
        .filter(|(_, at)| *at > minutes_now)
        .min_by_key(|(_, at)| *at)
        .map(|(t, at)| (t, at - minutes_now))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rat::{RatDraft, Temperament};
    use crate::domain::session::{Response, SessionId, Sign};

    fn day(d: u8) -> LocalDate {
        LocalDate::new(2026, 11, d).unwrap()
    }

    fn rat(id: &str, name: &str, group: Option<&str>) -> Rat {
        let draft = RatDraft {
            name: name.into(),
            temperament: Some(Temperament::Curious),
            cage_group: group.unwrap_or_default().into(),
            ..RatDraft::default()
        };
        Rat::new(RatId(id.into()), draft.validate(day(20)).unwrap(), 1.0)
    }

    fn session(id: &str, on: LocalDate, rats: &[&str]) -> Session {
        Session {
            id: SessionId(id.into()),
            day: on,
            started_at: f64::from(on.days_since(day(1)) as i32) * 86_400_000.0,
            duration_secs: 300,
            outcomes: rats
                .iter()
                .map(|r| RatOutcome {
                    rat: RatId((*r).into()),
                    technique: TechniqueId::OfferingTreats,
                    step: 0,
                    response: Response::Relaxed,
                    signs: vec![],
                })
                .collect(),
            treats: 0,
            note: String::new(),
            updated_at: 1.0,
        }
    }

    fn programs(active: &[&str]) -> Programs {
        let mut p = Programs::default();
        for id in active {
            p.entry(&RatId((*id).into()))
                .choose(TechniqueId::OfferingTreats, day(1), 1.0);
        }
        p
    }

    #[test]
    fn the_cached_plan_is_always_the_fresh_plan() {
        let mut rats = vec![
            rat("a", "Ada", None),
            rat("b", "Bean", Some("Big cage")),
            rat("c", "Cleo", Some("big cage")),
            rat("d", "Dot", None),
        ];
        let mut progs = programs(&["a", "b", "c"]);
        let mut sessions = vec![
            session("s1", day(18), &["a"]),
            session("s2", day(19), &["b", "c"]),
        ];
        let mut today = day(20);
        let mut cache = PlanCache::default();
        let mut check =
            |rats: &[Rat], progs: &Programs, sessions: &[Session], today, reused, what: &str| {
                let cached = plan_with(rats, progs, sessions, today, &mut cache);
                assert_eq!(cached, plan(rats, progs, sessions, today), "{what}");
                assert_eq!(cache.reused(), reused, "cards reused after: {what}");
            };
        // (change, how many of the four rats keep their card)
        check(&rats, &progs, &sessions, today, 0, "first plan");
        check(&rats, &progs, &sessions, today, 4, "nothing changed");
        sessions.push(session("s3", day(20), &["a"]));
        check(&rats, &progs, &sessions, today, 3, "a session for Ada");
        sessions[1].outcomes[0].response = Response::HidOrFled;
        sessions[1].updated_at = 2.0;
        check(
            &rats,
            &progs,
            &sessions,
            today,
            2,
            "an older session of Bean and Cleo edited",
        );
        sessions.remove(0);
        check(
            &rats,
            &progs,
            &sessions,
            today,
            3,
            "one of Ada's sessions deleted",
        );
        progs
            .entry(&RatId("d".into()))
            .choose(TechniqueId::Scent, today, 2.0);
        check(&rats, &progs, &sessions, today, 3, "Dot starts a technique");
        rats[2].name = "Clementine".into();
        check(&rats, &progs, &sessions, today, 3, "Cleo renamed");
        rats[0].archived = true;
        check(
            &rats,
            &progs,
            &sessions,
            today,
            3,
            "Ada archived (three rats left)",
        );
        today = day(21);
        check(&rats, &progs, &sessions, today, 0, "a new day");
    }

    #[test]
    fn due_rats_come_first_and_cage_mates_share_a_card() {
        let rats = vec![
            rat("a", "Ada", None),
            rat("b", "Bean", Some("Big cage")),
            rat("c", "Cleo", Some("big cage")),
            rat("d", "Dot", None),
            rat("e", "Eve", None),
        ];
        let progs = programs(&["a", "b", "c", "d"]);
        let sessions = vec![
            session("s1", day(20), &["a"]),
            session("s2", day(20), &["a"]),
            session("s3", day(20), &["b"]),
        ];
        let cards = plan(&rats, &progs, &sessions, day(20));
        let shape: Vec<(Vec<&str>, Due)> = cards
            .iter()
            .map(|c| (c.rats.iter().map(|r| r.name.as_str()).collect(), c.due))
            .collect();
        assert_eq!(
            shape,
            vec![
                (vec!["Cleo", "Bean"], Due::Now),
                (vec!["Dot"], Due::Now),
                (vec!["Eve"], Due::NoTechnique),
                (vec!["Ada"], Due::Done),
            ]
        );
        assert_eq!(cards[0].group.as_deref(), Some("Big cage"));
        assert_eq!(
            cards[0].trainable(),
            vec![RatId("c".into()), RatId("b".into())]
        );
        assert!(cards[2].trainable().is_empty());
        assert_eq!(cards[0].rats[1].due, Due::Better);
    }

    #[test]
    fn cage_mates_on_different_techniques_get_a_card_each() {
        let rats = vec![
            rat("b", "Bean", Some("Big cage")),
            rat("c", "Cleo", Some("Big cage")),
            rat("d", "Dot", Some("Big cage")),
            rat("e", "Eve", Some("Big cage")),
        ];
        let mut progs = programs(&["b", "c", "d"]);
        progs
            .entry(&RatId("d".into()))
            .choose(TechniqueId::Scent, day(2), 2.0);
        let cards = plan(&rats, &progs, &[], day(20));
        let shape: Vec<Vec<&str>> = cards
            .iter()
            .map(|c| c.rats.iter().map(|r| r.name.as_str()).collect())
            .collect();
        assert_eq!(shape, [vec!["Bean", "Cleo"], vec!["Dot"], vec!["Eve"]]);
        assert!(cards.iter().all(|c| c.group.as_deref() == Some("Big cage")));
        assert_eq!(cards[1].trainable(), [RatId("d".into())]);
        // Each card has its own key, for the view and the heading's id.
        let mut keys: Vec<String> = cards.iter().map(PlanCard::key).collect();
        keys.dedup();
        assert_eq!(keys.len(), 3, "{keys:?}");
    }

    #[test]
    fn reordering_follows_logged_sessions() {
        let rats = vec![rat("a", "Ada", None), rat("b", "Bean", None)];
        let progs = programs(&["a", "b"]);
        let mut sessions = Vec::new();
        let order = |s: &[Session]| -> Vec<String> {
            plan(&rats, &progs, s, day(20))
                .iter()
                .map(|c| c.rats[0].name.clone())
                .collect()
        };
        assert_eq!(order(&sessions), ["Ada", "Bean"]);
        sessions.push(session("s1", day(20), &["a"]));
        assert_eq!(order(&sessions), ["Bean", "Ada"]);
        sessions.push(session("s2", day(20), &["b"]));
        assert_eq!(order(&sessions), ["Ada", "Bean"]);
        // A session yesterday doesn't count for today.
        let yesterday = vec![session("s0", day(19), &["a"])];
        assert_eq!(
            plan(&rats, &progs, &yesterday, day(20))[0].rats[0].due,
            Due::Now
        );
    }

    #[test]
    fn a_hard_session_today_means_rest_not_a_second_session() {
        let rats = vec![
            rat("a", "Ada", Some("Big cage")),
            rat("b", "Bean", Some("Big cage")),
        ];
        let progs = programs(&["a", "b"]);
        let hard = |id: &str, response: Response, signs: Vec<Sign>| {
            let mut s = session(id, day(20), &["a"]);
            s.outcomes[0].response = response;
            s.outcomes[0].signs = signs;
            s
        };
        // (Ada's session today, Ada's due, the card's trainable rats)
        let cases = [
            (hard("s", Response::Relaxed, vec![]), Due::Better, vec!["b"]),
            (
                hard("s", Response::Cautious, vec![]),
                Due::Better,
                vec!["b"],
            ),
            (
                hard("s", Response::HidOrFled, vec![]),
                Due::RestAfterHard,
                vec!["b"],
            ),
            (
                hard("s", Response::FrozeOrTense, vec![]),
                Due::RestAfterHard,
                vec!["b"],
            ),
            (
                hard("s", Response::Cautious, vec![Sign::Hid]),
                Due::RestAfterHard,
                vec!["b"],
            ),
            (
                hard("s", Response::Cautious, vec![Sign::TookTreat]),
                Due::Better,
                vec!["b"],
            ),
            (
                hard("s", Response::Relaxed, vec![Sign::RedTears]),
                Due::RestAfterHard,
                vec!["b"],
            ),
            (
                hard("s", Response::Relaxed, vec![Sign::NippedOrBit]),
                Due::RestAfterHard,
                vec!["b"],
            ),
        ];
        for (ada_today, want, trainable) in cases {
            let cards = plan(&rats, &progs, std::slice::from_ref(&ada_today), day(20));
            let ada = cards[0].rats.iter().find(|r| r.name == "Ada").unwrap();
            assert_eq!(ada.due, want, "{:?}", ada_today.outcomes[0]);
            let mut got: Vec<String> = cards[0].trainable().into_iter().map(|r| r.0).collect();
            got.sort();
            let mut all = trainable.clone();
            if want == Due::Better {
                all.insert(0, "a");
            }
            assert_eq!(got, all, "{:?}", ada_today.outcomes[0]);
        }
        // Once both had a hard session, nobody is offered another today.
        let mut both = hard("s", Response::HidOrFled, vec![]);
        both.outcomes.push(RatOutcome {
            rat: RatId("b".into()),
            ..both.outcomes[0].clone()
        });
        let cards = plan(&rats, &progs, std::slice::from_ref(&both), day(20));
        assert_eq!(cards[0].due, Due::RestAfterHard);
        assert!(cards[0].trainable().is_empty());
        // A hard day yesterday doesn't stop today's session.
        both.day = day(19);
        assert_eq!(plan(&rats, &progs, &[both], day(20))[0].due, Due::Now);
    }

    #[test]
    fn a_health_pause_gives_quiet_days_then_due_again() {
        let rats = vec![rat("a", "Ada", None), rat("b", "Bean", None)];
        let progs = programs(&["a", "b"]);
        let red = |id: &str, on: LocalDate| {
            let mut s = session(id, on, &["a"]);
            s.outcomes[0].signs = vec![Sign::RedTears];
            s
        };
        // Red tears twice in a row pause Ada's training (the coach's welfare check).
        let sessions = vec![
            red("s1", day(18)),
            red("s2", day(19)),
            session("s3", day(19), &["b"]),
        ];
        let due_of = |today: LocalDate, name: &str| {
            plan(&rats, &progs, &sessions, today)
                .iter()
                .flat_map(|c| c.rats.clone())
                .find(|r| r.name == name)
                .map(|r| r.due)
        };
        let cases = [
            (20, Due::Paused),
            (21, Due::Paused),
            (22, Due::Now),
            (30, Due::Now),
        ];
        for (n, want) in cases {
            assert_eq!(due_of(day(n), "Ada"), Some(want), "day {n}");
            assert_eq!(due_of(day(n), "Bean"), Some(Due::Now), "day {n}");
        }
        let cards = plan(&rats, &progs, &sessions, day(20));
        let ada = cards.iter().find(|c| c.rats[0].name == "Ada").unwrap();
        assert!(ada.trainable().is_empty());
        assert!(!ada.is_due());
        // One red-tears session alone doesn't pause.
        let once = vec![red("s2", day(19))];
        assert_eq!(plan(&rats, &progs, &once, day(20))[0].due, Due::Now);
    }

    #[test]
    fn a_rest_day_is_not_due_and_archived_rats_are_left_out() {
        let mut rats = vec![rat("a", "Ada", None), rat("b", "Bean", None)];
        rats[1].archived = true;
        let mut progs = programs(&["a", "b"]);
        progs
            .entry(&RatId("a".into()))
            .rest
            .add_day(day(20), "vet")
            .unwrap();
        let cards = plan(&rats, &progs, &[], day(20));
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].due, Due::Resting);
        assert!(cards[0].trainable().is_empty());
        assert!(!cards[0].is_due());
        // A session on a rest day still counts as done.
        let cards = plan(&rats, &progs, &[session("s", day(20), &["a"])], day(20));
        assert_eq!(cards[0].due, Due::Better);
    }

    #[test]
    fn step_and_streak_are_shown() {
        let rats = vec![rat("a", "Ada", None)];
        let progs = programs(&["a"]);
        let sessions = vec![
            session("s1", day(18), &["a"]),
            session("s2", day(19), &["a"]),
        ];
        let card = &plan(&rats, &progs, &sessions, day(20))[0];
        let r = &card.rats[0];
        assert_eq!(r.streak, 2);
        let (number, count, title) = r.step.unwrap();
        assert_eq!(number, 1);
        assert_eq!(count, technique(TechniqueId::OfferingTreats).steps.len());
        assert!(!title.is_empty());
        assert_eq!(r.technique, Some(TechniqueId::OfferingTreats));
    }

    #[test]
    fn practice_times_before_and_after_now() {
        let times = [Reminder::new(8, 30).unwrap(), Reminder::new(18, 0).unwrap()];
        // (minutes now, passed, next)
        let table = [
            (0, None, Some((8, 30, 510))),
            (510, Some((8, 30)), Some((18, 0, 570))),
            (1079, Some((8, 30)), Some((18, 0, 1))),
            (1080, Some((18, 0)), None),
            (1439, Some((18, 0)), None),
        ];
        for (now, passed, next) in table {
            assert_eq!(
                passed_practice_time(&times, now).map(|r| (r.hour, r.minute)),
                passed,
                "{now}"
            );
            assert_eq!(
                next_practice_time(&times, now).map(|(r, m)| (r.hour, r.minute, m)),
                next,
                "{now}"
            );
        }
        assert_eq!(passed_practice_time(&[], 900), None);
    }
}

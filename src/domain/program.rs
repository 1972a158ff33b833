//! Which technique each rat is on, the chooser's answers, and the owner's overrides.
//! The step itself is never stored: it is replayed from sessions and overrides.

use super::chooser::Answers;
use super::date::LocalDate;
use super::ics::Reminder;
use super::progression::{replay_mine_with, Replay, Trainee, Words};
use super::rat::{Rat, RatId};
use super::session::{Override, Session};
use super::streak::RestDays;
use super::technique::TechniqueId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RatProgram {
    /// One active program at a time; others keep their progress for a switch back.
    #[serde(default)]
    pub active: Option<TechniqueId>,
    /// Every technique started, with the day it was first chosen.
    #[serde(default)]
    pub started: Vec<(TechniqueId, LocalDate)>,
    #[serde(default)]
    pub answers: Option<Answers>,
    #[serde(default)]
    pub overrides: Vec<Override>,
    #[serde(default)]
    pub updated_at: f64,
    /// Days off training (ill, owner away): they pause the rat's streak.
    #[serde(default, skip_serializing_if = "RestDays::is_empty")]
    pub rest: RestDays,
}

impl RatProgram {
    pub fn choose(&mut self, technique: TechniqueId, today: LocalDate, now_ms: f64) {
        self.active = Some(technique);
        if !self.started.iter().any(|(t, _)| *t == technique) {
            self.started.push((technique, today));
        }
        self.updated_at = now_ms;
    }

    /// Records a step the owner set by hand. The plan counts as edited, so a merge with an
    /// older copy of it keeps the change.
    pub fn add_override(&mut self, change: Override, now_ms: f64) {
        self.overrides.push(change);
        self.updated_at = now_ms;
    }

    /// Adds what `other` holds of the history that only grows (steps set by hand, techniques
    /// started), so two copies of a plan changed apart lose none of it when they meet. The
    /// rest (active technique, answers, rest days) stays as it is here. True if anything was
    /// added. Overrides are added at the end: replay orders them by time itself.
    pub fn add_history_of(&mut self, other: &RatProgram) -> bool {
        let mut added = false;
        for change in &other.overrides {
            if !self.overrides.contains(change) {
                self.overrides.push(change.clone());
                added = true;
            }
        }
        for &(technique, day) in &other.started {
            match self.started.iter_mut().find(|(t, _)| *t == technique) {
                Some((_, since)) if day < *since => {
                    *since = day;
                    added = true;
                }
                Some(_) => {}
                None => {
                    self.started.push((technique, day));
                    added = true;
                }
            }
        }
        added
    }

    pub fn has_safe_space(&self) -> bool {
        self.answers.and_then(|a| a.safe_space).unwrap_or(false)
    }

    pub fn has_started(&self, technique: TechniqueId) -> bool {
        self.started.iter().any(|(t, _)| *t == technique)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Programs {
    #[serde(default)]
    pub rats: BTreeMap<RatId, RatProgram>,
    /// The owner's daily practice times (at most [`PRACTICE_TIMES_MAX`]), for reminders.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub practice_times: Vec<Reminder>,
    /// The owner asked for a notification at practice time while the app is open.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub notify: bool,
    /// The day of the last "Download backup", shown in Settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_backup: Option<LocalDate>,
    /// The day the owner said "Not now" to the backup reminder on Today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_snoozed: Option<LocalDate>,
}

pub const PRACTICE_TIMES_MAX: usize = 2;

impl Programs {
    pub fn of(&self, rat: &RatId) -> Option<&RatProgram> {
        self.rats.get(rat)
    }

    pub fn entry(&mut self, rat: &RatId) -> &mut RatProgram {
        self.rats.entry(rat.clone()).or_default()
    }

    pub fn active(&self, rat: &RatId) -> Option<TechniqueId> {
        self.of(rat).and_then(|p| p.active)
    }

    /// The rat's rest days (none when it has no program yet).
    pub fn rest(&self, rat: &RatId) -> RestDays {
        self.of(rat).map(|p| p.rest.clone()).unwrap_or_default()
    }

    /// Sets the practice times: sorted, duplicates dropped, at most two kept.
    pub fn set_practice_times(&mut self, mut times: Vec<Reminder>) {
        crate::domain::order::sort_by(&mut times, &|a, b| a.cmp(b));
        times.dedup();
        times.truncate(PRACTICE_TIMES_MAX);
        self.practice_times = times;
    }
}

/// Replays a rat's history in one technique (its active one when `technique` is None).
pub fn rat_replay(
    rat: &Rat,
    programs: &Programs,
    sessions: &[Session],
    technique: Option<TechniqueId>,
    today: LocalDate,
    words: Words,
) -> Option<Replay> {
    let mine: Vec<&Session> = sessions
        .iter()
        .filter(|s| s.outcome_for(&rat.id).is_some())
        .collect();
    rat_replay_mine(rat, programs, &mine, technique, today, words)
}

/// [`rat_replay`] over this rat's sessions, already picked out.
pub fn rat_replay_mine(
    rat: &Rat,
    programs: &Programs,
    sessions: &[&Session],
    technique: Option<TechniqueId>,
    today: LocalDate,
    words: Words,
) -> Option<Replay> {
    let program = programs.of(&rat.id);
    let technique = technique.or_else(|| program.and_then(|p| p.active))?;
    let who = Trainee {
        rat: &rat.id,
        name: &rat.name,
        temperament: rat.temperament,
        has_safe_space: program.is_some_and(RatProgram::has_safe_space),
    };
    let overrides = program.map(|p| p.overrides.as_slice()).unwrap_or(&[]);
    Some(replay_mine_with(
        technique, &who, sessions, overrides, today, words,
    ))
}

pub fn trainee<'a>(rat: &'a Rat, programs: &Programs) -> Trainee<'a> {
    Trainee {
        rat: &rat.id,
        name: &rat.name,
        temperament: rat.temperament,
        has_safe_space: programs.of(&rat.id).is_some_and(RatProgram::has_safe_space),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choosing_keeps_every_started_technique() {
        let d1 = LocalDate::new(2026, 11, 1).unwrap();
        let d2 = LocalDate::new(2026, 11, 20).unwrap();
        let mut p = RatProgram::default();
        p.choose(TechniqueId::Scent, d1, 1.0);
        p.choose(TechniqueId::OfferingTreats, d2, 2.0);
        p.choose(TechniqueId::Scent, d2, 3.0);
        assert_eq!(p.active, Some(TechniqueId::Scent));
        assert_eq!(
            p.started,
            vec![(TechniqueId::Scent, d1), (TechniqueId::OfferingTreats, d2)]
        );
        assert!(p.has_started(TechniqueId::OfferingTreats));
        assert!(!p.has_started(TechniqueId::Bonding));
    }

    #[test]
    fn two_copies_of_a_plan_keep_each_others_history() {
        use crate::domain::session::{Override, OverrideKind};
        let day = |n: u8| LocalDate::new(2026, 11, n).unwrap();
        let rat = RatId("a".into());
        let set = |to: u8, n: u8, at: f64| Override {
            rat: rat.clone(),
            technique: TechniqueId::Scent,
            from_step: 0,
            to_step: to,
            day: day(n),
            at,
            reason: OverrideKind::MoveUp,
        };
        let mut phone = RatProgram::default();
        phone.choose(TechniqueId::Scent, day(1), 1.0);
        let mut laptop = phone.clone();
        // The phone moves the rat on by hand; the laptop later starts Bonding as well.
        phone.add_override(set(2, 5, 50.0), 50.0);
        assert_eq!(phone.updated_at, 50.0);
        laptop.add_override(set(1, 3, 30.0), 30.0);
        laptop.choose(TechniqueId::Bonding, day(6), 60.0);
        laptop.started[0].1 = day(2);

        let mut merged = laptop.clone();
        assert!(merged.add_history_of(&phone));
        assert_eq!(merged.active, Some(TechniqueId::Bonding));
        let steps: Vec<u8> = merged.overrides.iter().map(|o| o.to_step).collect();
        assert_eq!(steps, [1, 2], "both changes");
        assert_eq!(
            merged.started,
            [(TechniqueId::Scent, day(1)), (TechniqueId::Bonding, day(6))],
            "the earlier start is kept"
        );
        // Meeting again adds nothing, in either direction.
        assert!(!merged.clone().add_history_of(&phone));
        assert!(!merged.clone().add_history_of(&merged));
        let mut back = phone.clone();
        assert!(back.add_history_of(&merged));
        assert_eq!((back.overrides.len(), back.started.len()), (2, 2));
        assert_eq!(back.active, Some(TechniqueId::Scent));
    }

    #[test]
    fn programs_serialize_by_rat_id() {
        let mut programs = Programs::default();
        programs.entry(&RatId("a".into())).choose(
            TechniqueId::Bonding,
            LocalDate::new(2026, 1, 2).unwrap(),
            5.0,
        );
        let text = serde_json::to_string(&programs).unwrap();
        assert!(text.contains("\"a\":{\"active\":\"bonding\""), "{text}");
        assert!(!text.contains("rest") && !text.contains("practice") && !text.contains("notify"));
        let back: Programs = serde_json::from_str(&text).unwrap();
        assert_eq!(back, programs);
        assert_eq!(back.active(&RatId("a".into())), Some(TechniqueId::Bonding));
    }

    #[test]
    fn rest_days_and_practice_times_round_trip_and_old_data_still_reads() {
        let day = LocalDate::new(2026, 11, 3).unwrap();
        let mut programs = Programs::default();
        let mut rest = RestDays::new();
        rest.add_day(day, "vet").unwrap();
        programs.entry(&RatId("a".into())).rest = rest.clone();
        programs.set_practice_times(vec![
            Reminder::new(19, 0).unwrap(),
            Reminder::new(8, 30).unwrap(),
            Reminder::new(19, 0).unwrap(),
            Reminder::new(21, 0).unwrap(),
        ]);
        assert_eq!(
            programs.practice_times,
            vec![Reminder::new(8, 30).unwrap(), Reminder::new(19, 0).unwrap()]
        );
        programs.notify = true;
        let text = serde_json::to_string(&programs).unwrap();
        let back: Programs = serde_json::from_str(&text).unwrap();
        assert_eq!(back, programs);
        assert_eq!(back.rest(&RatId("a".into())), rest);
        assert!(back.rest(&RatId("b".into())).is_empty());
        // Written by the first release, before rest days and practice times existed.
        let old: Programs = serde_json::from_str(
            r#"{"rats":{"a":{"active":"scent","started":[],"overrides":[],"updated_at":1}}}"#,
        )
        .unwrap();
        assert!(
            old.practice_times.is_empty() && !old.notify && old.rest(&RatId("a".into())).is_empty()
        );
    }
}

//! Which technique each rat is on, the chooser's answers, and the owner's overrides.
//! The step itself is never stored: it is replayed from sessions and overrides.

use super::chooser::Answers;
use super::date::LocalDate;
use super::progression::{replay, Replay, Trainee};
use super::rat::{Rat, RatId};
use super::session::{Override, Session};
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
}

impl RatProgram {
    pub fn choose(&mut self, technique: TechniqueId, today: LocalDate, now_ms: f64) {
        self.active = Some(technique);
        if !self.started.iter().any(|(t, _)| *t == technique) {
            self.started.push((technique, today));
        }
        self.updated_at = now_ms;
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
}

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
}

/// Replays a rat's history in one technique (its active one when `technique` is None).
pub fn rat_replay(
    rat: &Rat,
    programs: &Programs,
    sessions: &[Session],
    technique: Option<TechniqueId>,
    today: LocalDate,
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
    Some(replay(technique, &who, sessions, overrides, today))
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
    fn programs_serialize_by_rat_id() {
        let mut programs = Programs::default();
        programs.entry(&RatId("a".into())).choose(
            TechniqueId::Bonding,
            LocalDate::new(2026, 1, 2).unwrap(),
            5.0,
        );
        let text = serde_json::to_string(&programs).unwrap();
        assert!(text.contains("\"a\":{\"active\":\"bonding\""), "{text}");
        let back: Programs = serde_json::from_str(&text).unwrap();
        assert_eq!(back, programs);
        assert_eq!(back.active(&RatId("a".into())), Some(TechniqueId::Bonding));
    }
}

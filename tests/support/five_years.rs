//! A deterministic five-year history for storage tests and the storage benchmark.
//!
//! Shared by `tests/storage_five_years.rs` and `examples/storage_bench.rs` through
//! `#[path = ...] mod five_years;`. No clock, no randomness from outside: the same seed
//! always gives the same rats, sessions and programs, byte for byte.
//!
//! The shape: 10 rats in three cages, two sessions a day per rat for five years
//! (2021-01-01 to 2025-12-31), a few rest days a year per rat (no sessions on them),
//! one session in ten with a cage mate or two joining in, a note on one session in ten,
//! a manual step change now and then, and each technique taken once, the current one
//! started in the last months (for one rat over a year ago).
#![allow(dead_code)]

use ratbond::domain::chooser::{Answers, HandReaction, Handled, TakesFood};
use ratbond::domain::date::LocalDate;
use ratbond::domain::ics::Reminder;
use ratbond::domain::program::{Programs, RatProgram};
use ratbond::domain::rat::{DateKind, Rat, RatDraft, RatId, Sex, Temperament};
use ratbond::domain::session::{
    sort_sessions, Override, RatOutcome, Response, Session, SessionDraft, SessionId, Sign,
};
use ratbond::domain::streak::RestDays;
use ratbond::domain::technique::{technique, TechniqueId};
use ratbond::store::backend::{Backend, BackendError, MemoryBackend};
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Clone, Debug)]
pub struct Config {
    pub rats: usize,
    pub first_day: LocalDate,
    pub days: i64,
    /// Sessions each rat gets on a day that is not a rest day.
    pub sessions_per_rat_per_day: u32,
    /// Out of 1000 sessions, how many have cage mates joining in.
    pub group_per_mille: u64,
    /// One session in this many has a note.
    pub note_every: u64,
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Self {
        let first_day = LocalDate::new(2021, 1, 1).expect("valid date");
        let last_day = LocalDate::new(2025, 12, 31).expect("valid date");
        Config {
            rats: 10,
            first_day,
            days: last_day.days_since(first_day) + 1,
            sessions_per_rat_per_day: 2,
            group_per_mille: 100,
            note_every: 10,
            seed: 0x5eed_f00d_5a75,
        }
    }
}

pub struct Dataset {
    pub rats: Vec<Rat>,
    /// Oldest first, as `Store::open` returns them.
    pub sessions: Vec<Session>,
    pub programs: Programs,
    pub first_day: LocalDate,
    pub last_day: LocalDate,
}

impl Dataset {
    /// Every month that has sessions, oldest first, with its sessions.
    pub fn months(&self) -> Vec<(LocalDate, Vec<&Session>)> {
        let mut months: Vec<(LocalDate, Vec<&Session>)> = Vec::new();
        for s in &self.sessions {
            match months.last_mut() {
                Some((day, list)) if day.year() == s.day.year() && day.month() == s.day.month() => {
                    list.push(s)
                }
                _ => months.push((s.day, vec![s])),
            }
        }
        months
    }

    pub fn outcomes(&self) -> usize {
        self.sessions.iter().map(|s| s.outcomes.len()).sum()
    }
}

/// Ten rats, five years, two sessions a day each.
pub fn five_years() -> Dataset {
    generate(&Config::default())
}

/// SplitMix64: tiny, fast and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }
    /// 0..n
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    pub fn range(&mut self, lo: u64, hi_inclusive: u64) -> u64 {
        lo + self.below(hi_inclusive - lo + 1)
    }
    pub fn per_mille(&mut self, p: u64) -> bool {
        self.below(1000) < p
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// Like `platform::new_id`: prefix, the time in hex, 8 random hex digits.
pub fn new_id(prefix: &str, now_ms: f64, rng: &mut Rng) -> String {
    format!("{prefix}{:x}{:08x}", now_ms as u64, rng.next_u32())
}

/// Milliseconds since the epoch for `secs` into `day` (local time taken as UTC here).
pub fn ms_at(day: LocalDate, secs: u64) -> f64 {
    (day.to_days() as f64 * 86_400.0 + secs as f64) * 1000.0
}

const NAMES: [&str; 10] = [
    "Pip", "Squeak", "Hazel", "Biscuit", "Nutmeg", "Pepper", "Juniper", "Clover", "Mochi", "Ziggy",
];
const CAGES: [&str; 3] = ["Big cage", "Corner cage", "Upstairs"];
const RAT_NOTES: [&str; 4] = [
    "",
    "Came from the shelter with her sister. Startles at loud noises.",
    "Loves peas. Hates the nail clippers.",
    "Dumbo ears, very food-driven, will climb anything.",
];
const NOTE_PARTS: [&str; 16] = [
    "Took the treat from my fingers straight away.",
    "Hid in the hammock when the vacuum started next door.",
    "Sniffed my sleeve for a long time, then walked off.",
    "Bruxing on my lap! 🐀",
    "A bit jumpy today, maybe the new bedding.",
    "Climbed onto my shoulder twice without being asked.",
    "Porphyrin around the eyes again — keep an eye on it.",
    "Shared the session with her cage mate, both calm.",
    "Only wanted the yoghurt drop, ignored the pea.",
    "Popcorned around the play area after the session.",
    "Froze when I moved my hand too fast. Slower next time.",
    "Groomed my thumb for a minute. Très mignon.",
    "Short one, the neighbour's dog was barking.",
    "Let me scoop him up with both hands for the first time.",
    "Came to the door of the cage as soon as I sat down.",
    "Nipped once, I think it was a grab for the treat.",
];
const REST_REASONS: [&str; 4] = ["vet", "owner away", "ill", ""];

/// One rat's training path: how long it spends on each step, then the next technique.
struct Path {
    /// (first day, technique, step), in order.
    plan: Vec<(LocalDate, TechniqueId, u8)>,
}

impl Path {
    /// Each technique once, in order from `start`: the first three spread over most of the
    /// five years, the last (the active one) started recently, as owners move on once a
    /// rat is ready. Rat 0 has been on its current technique for over a year, so start-up
    /// has to reach back further than the last two months for it.
    fn make(first_day: LocalDate, days: i64, start: usize, rng: &mut Rng) -> Path {
        let technique_order: Vec<TechniqueId> = (0..TechniqueId::ALL.len())
            .map(|i| TechniqueId::ALL[(start + i) % TechniqueId::ALL.len()])
            .collect();
        let end = first_day.add_days(days).expect("in range");
        let recent = if start == 0 {
            rng.range(400, 430)
        } else {
            rng.range(20, 170)
        };
        let last_start = end.add_days(-(recent as i64)).expect("in range");
        let (current, earlier) = technique_order.split_last().expect("four techniques");
        let earlier_steps: Vec<(TechniqueId, u8)> = earlier
            .iter()
            .flat_map(|&id| (0..=technique(id).last_step()).map(move |step| (id, step)))
            .collect();
        let spacing = last_start.days_since(first_day) / earlier_steps.len() as i64;
        let mut plan = Vec::new();
        for (i, &(id, step)) in earlier_steps.iter().enumerate() {
            // Jitter under half the spacing keeps the plan in order.
            let jitter = if i == 0 {
                0
            } else {
                rng.range(0, spacing as u64 * 2 / 3) as i64 - spacing / 3
            };
            let day = first_day
                .add_days(spacing * i as i64 + jitter)
                .expect("in range");
            plan.push((day, id, step));
        }
        let mut day = last_start;
        for step in 0..=technique(*current).last_step() {
            if day >= end {
                break;
            }
            plan.push((day, *current, step));
            day = day.add_days(rng.range(30, 90) as i64).expect("in range");
        }
        Path { plan }
    }

    fn at(&self, day: LocalDate) -> (TechniqueId, u8) {
        let i = self.plan.partition_point(|(d, _, _)| *d <= day);
        let (_, t, s) = self.plan[i.saturating_sub(1)];
        (t, s)
    }
}

fn response(rng: &mut Rng) -> Response {
    match rng.below(100) {
        0..=2 => Response::HidOrFled,
        3..=9 => Response::FrozeOrTense,
        10..=34 => Response::Cautious,
        35..=74 => Response::Relaxed,
        _ => Response::CameToYou,
    }
}

fn signs(response: Response, rng: &mut Rng) -> Vec<Sign> {
    let comfort: Vec<Sign> = Sign::ALL.into_iter().filter(|s| s.is_comfort()).collect();
    let stress: Vec<Sign> = Sign::ALL.into_iter().filter(|s| s.is_stress()).collect();
    let count = rng.below(4);
    (0..count)
        .map(|_| {
            let from_comfort = if response.is_good() {
                rng.per_mille(900)
            } else {
                rng.per_mille(300)
            };
            rng.pick(if from_comfort { &comfort } else { &stress })
        })
        .collect()
}

fn note(rng: &mut Rng) -> String {
    let target = rng.range(60, 120) as usize;
    let mut text = String::new();
    while text.chars().count() < target {
        if !text.is_empty() {
            text.push(' ');
        }
        let part: &str = rng.pick(&NOTE_PARTS);
        text.push_str(part);
    }
    let cut: String = text.chars().take(120).collect();
    cut.trim().to_string()
}

pub fn generate(cfg: &Config) -> Dataset {
    let mut rng = Rng::new(cfg.seed);
    let first_day = cfg.first_day;
    let last_day = first_day.add_days(cfg.days - 1).expect("in range");
    let created = ms_at(first_day, 9 * 3600);

    let mut rats = Vec::new();
    let mut programs = Programs::default();
    programs.set_practice_times(vec![
        Reminder::new(8, 30).expect("valid time"),
        Reminder::new(19, 0).expect("valid time"),
    ]);
    programs.notify = true;
    let mut paths = Vec::new();
    let mut rests = Vec::new();
    for i in 0..cfg.rats {
        let born = first_day
            .add_days(-(rng.range(40, 200) as i64))
            .expect("in range");
        let draft = RatDraft {
            name: NAMES[i % NAMES.len()].to_string(),
            sex: if i % 2 == 0 { Sex::Female } else { Sex::Male },
            date_kind: if i % 3 == 0 {
                DateKind::Adopted
            } else {
                DateKind::Birthday
            },
            date: born.to_string(),
            temperament: Some(Temperament::ALL[i % Temperament::ALL.len()]),
            cage_group: CAGES[i * CAGES.len() / cfg.rats.max(1)].to_string(),
            notes: RAT_NOTES[i % RAT_NOTES.len()].to_string(),
        };
        let at = created + i as f64 * 60_000.0;
        let valid = draft.validate(first_day).expect("valid rat");
        let rat = Rat::new(RatId(new_id("r", at, &mut rng)), valid, at);

        let path = Path::make(first_day, cfg.days, i, &mut rng);
        let mut rest = RestDays::new();
        for year in 0..(cfg.days / 365).max(1) {
            for _ in 0..rng.range(2, 4) {
                let from = first_day
                    .add_days(year * 365 + rng.below(365) as i64)
                    .expect("in range");
                let len = if rng.per_mille(250) {
                    rng.range(2, 6)
                } else {
                    0
                };
                let to = from.add_days(len as i64).expect("in range");
                rest.add_range(from, to, rng.pick(&REST_REASONS))
                    .expect("valid rest period");
            }
        }
        let program = programs.entry(&rat.id);
        program.answers = Some(Answers {
            hand: Some(rng.pick(&[
                HandReaction::ComesToSniff,
                HandReaction::Watches,
                HandReaction::HidesOrFreezes,
            ])),
            food: Some(rng.pick(&[TakesFood::Yes, TakesFood::Sometimes, TakesFood::NotYet])),
            handled: Some(rng.pick(&[Handled::Often, Handled::ALittle, Handled::NoOrUnknown])),
            safe_space: Some(rng.per_mille(700)),
            temperament: None,
        });
        for &(day, t, _) in &path.plan {
            program.choose(t, day, ms_at(day, 20 * 3600));
        }
        // A manual step change about every four months.
        let mut day = first_day.add_days(rng.range(30, 120) as i64);
        while let Some(d) = day.filter(|d| *d <= last_day) {
            let (t, step) = path.at(d);
            let to = if step > 0 && rng.per_mille(500) {
                step - 1
            } else {
                (step + 1).min(technique(t).last_step())
            };
            let at = ms_at(d, 20 * 3600 + 1800);
            if let Some(o) = Override::new(rat.id.clone(), t, step, to, d, at) {
                program.overrides.push(o);
            }
            day = d.add_days(rng.range(90, 150) as i64);
        }
        program.rest = rest.clone();
        program.updated_at = ms_at(last_day, 21 * 3600);
        rats.push(rat);
        paths.push(path);
        rests.push(rest);
    }

    let cage_of = |i: usize| i * CAGES.len() / cfg.rats.max(1);
    let mut sessions = Vec::new();
    let mut n: u64 = 0;
    for offset in 0..cfg.days {
        let day = first_day.add_days(offset).expect("in range");
        for slot in 0..cfg.sessions_per_rat_per_day {
            let base = if slot % 2 == 0 { 8 * 3600 } else { 19 * 3600 };
            for i in 0..rats.len() {
                if rests[i].is_rest(day) {
                    continue;
                }
                n += 1;
                let start_secs =
                    base + slot as u64 / 2 * 3 * 3600 + i as u64 * 900 + rng.below(600);
                let started_at = ms_at(day, start_secs);
                let mut who = vec![i];
                if rng.per_mille(cfg.group_per_mille) {
                    let mates: Vec<usize> = (0..rats.len())
                        .filter(|&j| j != i && cage_of(j) == cage_of(i) && !rests[j].is_rest(day))
                        .collect();
                    for _ in 0..rng.range(1, 2) {
                        if !mates.is_empty() {
                            let j = rng.pick(&mates);
                            if !who.contains(&j) {
                                who.push(j);
                            }
                        }
                    }
                }
                let outcomes = who
                    .iter()
                    .map(|&j| {
                        let (t, step) = paths[j].at(day);
                        let response = response(&mut rng);
                        RatOutcome {
                            rat: rats[j].id.clone(),
                            technique: t,
                            step,
                            response,
                            signs: signs(response, &mut rng),
                        }
                    })
                    .collect();
                let mut draft = SessionDraft::new(day, started_at);
                draft.duration_secs = rng.range(180, 1500) as u32;
                draft.outcomes = outcomes;
                draft.treats = rng.below(9) as u16;
                if n.is_multiple_of(cfg.note_every) {
                    draft.note = note(&mut rng);
                }
                let valid = draft.validate(last_day).expect("valid session");
                let id = SessionId(new_id("s", started_at, &mut rng));
                let mut saved_at = started_at + f64::from(draft.duration_secs) * 1000.0;
                saved_at += rng.range(5, 90) as f64 * 1000.0;
                if rng.per_mille(20) {
                    // Edited later (a typo fixed, a sign added).
                    saved_at += rng.range(1, 10) as f64 * 86_400_000.0;
                }
                sessions.push(Session::new(id, valid, saved_at));
            }
        }
    }
    sort_sessions(&mut sessions);
    Dataset {
        rats,
        sessions,
        programs,
        first_day,
        last_day,
    }
}

/// The program the generator made for `rat`.
pub fn program_of<'a>(data: &'a Dataset, rat: &RatId) -> &'a RatProgram {
    data.programs.of(rat).expect("every rat has a program")
}

/// What the store did to its backend, in order.
#[derive(Debug, Default)]
pub struct Log {
    pub gets: Vec<String>,
    /// Key and the length of the value in UTF-16 units (as localStorage counts).
    pub sets: Vec<(String, usize)>,
    pub removes: Vec<String>,
    pub keys_calls: usize,
    /// UTF-16 units of the keys and values `get` found.
    pub chars_read: usize,
}

impl Log {
    pub fn clear(&mut self) {
        *self = Log::default();
    }
}

/// A backend the test keeps a handle on: every call is logged, the data sits in memory.
#[derive(Clone, Default)]
pub struct Spy {
    pub mem: Rc<MemoryBackend>,
    pub log: Rc<RefCell<Log>>,
}

impl Spy {
    pub fn with_quota(chars: usize) -> Self {
        Spy {
            mem: Rc::new(MemoryBackend::with_quota(chars)),
            log: Rc::default(),
        }
    }
}

impl Backend for Spy {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        let value = self.mem.get(key)?;
        let mut log = self.log.borrow_mut();
        log.gets.push(key.to_string());
        if let Some(v) = &value {
            log.chars_read += key.encode_utf16().count() + v.encode_utf16().count();
        }
        Ok(value)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        self.log
            .borrow_mut()
            .sets
            .push((key.to_string(), value.encode_utf16().count()));
        self.mem.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.log.borrow_mut().removes.push(key.to_string());
        self.mem.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        self.log.borrow_mut().keys_calls += 1;
        self.mem.keys()
    }
    fn is_persistent(&self) -> bool {
        false
    }
}

//! Data saved by schema v1 must always open. `tests/fixtures/v1-store.json` is what
//! localStorage held (key -> stored text) when v1 was current; never regenerate it from new
//! code. A schema change that can no longer read it, or whose migration loses something,
//! fails here. (`the_real_migration_path_covers_every_version` in `src/store/tests.rs`
//! separately fails when SCHEMA_VERSION moves without a migration step.)
//!
//! The fixture was written by the v1 `Store` (months stored unsorted, as an edit can leave
//! them), with one hand-made change: session `s19ad0e5f8000a1b2c3d` leaves out every field
//! v1 reads with a default (`duration_secs`, `treats`, `note`, `signs`), and Squeak's
//! program has no `rest`, as the first release wrote it.

use ratbond::domain::chooser::{Answers, HandReaction, Handled, TakesFood};
use ratbond::domain::date::LocalDate;
use ratbond::domain::ics::Reminder;
use ratbond::domain::program::{Programs, RatProgram};
use ratbond::domain::rat::{DateKind, KnownDate, Rat, RatId, Sex, Temperament};
use ratbond::domain::session::{
    Override, OverrideKind, RatOutcome, Response, Session, SessionId, Sign,
};
use ratbond::domain::streak::RestDays;
use ratbond::domain::technique::TechniqueId;
use ratbond::domain::timer::SessionTimer;
use ratbond::store::backend::{Backend, BackendError, MemoryBackend};
use ratbond::store::codec::{decode_month_with_format, MonthFormat};
use ratbond::store::schema::{Meta, META_KEY, SCHEMA_VERSION, SESSIONS_PREFIX};
use ratbond::store::{LoadIssue, Store};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;

const FIXTURE: &str = include_str!("fixtures/v1-store.json");

const PIP: &str = "r19a3c5e1d0012ab34cd";
const SQUEAK: &str = "r19a3c5e2b8089f0e1a2";
const HAZEL: &str = "r18f1d2c3b4a5c6d7e8f";

fn day(text: &str) -> LocalDate {
    LocalDate::parse(text).unwrap()
}

fn rat_id(id: &str) -> RatId {
    RatId(id.into())
}

fn expected_rats() -> Vec<Rat> {
    vec![
        Rat {
            id: rat_id(PIP),
            name: "Pip".into(),
            sex: Sex::Female,
            known_date: Some(KnownDate {
                kind: DateKind::Birthday,
                date: day("2025-06-01"),
            }),
            temperament: Temperament::Shy,
            cage_group: Some("Big cage".into()),
            notes: "Hides under the \"igloo\" 🐀 when the door opens.".into(),
            archived: false,
            created_at: 1_761_984_000_000.0,
            updated_at: 1_762_000_000_000.0,
        },
        Rat {
            id: rat_id(SQUEAK),
            name: "Squeak".into(),
            sex: Sex::Male,
            known_date: Some(KnownDate {
                kind: DateKind::Adopted,
                date: day("2025-10-20"),
            }),
            temperament: Temperament::Nervous,
            cage_group: Some("Big cage".into()),
            notes: String::new(),
            archived: false,
            created_at: 1_761_984_060_000.0,
            updated_at: 1_761_984_060_000.0,
        },
        Rat {
            id: rat_id(HAZEL),
            name: "Hazel".into(),
            sex: Sex::Unknown,
            known_date: None,
            temperament: Temperament::Curious,
            cage_group: None,
            notes: String::new(),
            archived: true,
            created_at: 1_735_689_600_000.0,
            updated_at: 1_763_500_000_000.0,
        },
    ]
}

fn outcome(rat: &str, technique: TechniqueId, step: u8, response: Response) -> RatOutcome {
    RatOutcome {
        rat: rat_id(rat),
        technique,
        step,
        response,
        signs: vec![],
    }
}

/// Oldest first, as `Store::open` returns them.
fn expected_sessions() -> Vec<Session> {
    vec![
        Session {
            id: SessionId("s19a4b2f6c0012345678".into()),
            day: day("2025-11-03"),
            started_at: 1_762_156_800_000.0,
            duration_secs: 600,
            outcomes: vec![RatOutcome {
                signs: vec![Sign::TookTreat, Sign::SniffedOrLicked],
                ..outcome(PIP, TechniqueId::OfferingTreats, 0, Response::Cautious)
            }],
            treats: 4,
            note: "Took a pea from my fingers, then ran to the hammock. Café corner was quiet."
                .into(),
            updated_at: 1_762_157_460_000.0,
        },
        Session {
            id: SessionId("s19a5e1a2b00abcdef01".into()),
            day: day("2025-11-30"),
            started_at: 1_764_525_600_000.0,
            duration_secs: 900,
            outcomes: vec![
                RatOutcome {
                    signs: vec![Sign::Bruxing, Sign::Boggling],
                    ..outcome(PIP, TechniqueId::OfferingTreats, 1, Response::Relaxed)
                },
                RatOutcome {
                    signs: vec![Sign::Froze],
                    ..outcome(SQUEAK, TechniqueId::Scent, 0, Response::FrozeOrTense)
                },
            ],
            treats: 6,
            note: String::new(),
            updated_at: 1_764_700_000_000.0,
        },
        Session {
            id: SessionId("s19ad0e5f8000a1b2c3d".into()),
            day: day("2025-12-01"),
            started_at: 1_764_576_000_000.0,
            duration_secs: 0,
            outcomes: vec![outcome(SQUEAK, TechniqueId::Scent, 1, Response::CameToYou)],
            treats: 0,
            note: String::new(),
            updated_at: 1_764_576_300_000.0,
        },
        Session {
            id: SessionId("s19ad0e5f8000a1b2c3e".into()),
            day: day("2025-12-01"),
            started_at: 1_764_576_000_000.0,
            duration_secs: 240,
            outcomes: vec![RatOutcome {
                signs: vec![Sign::Hid, Sign::NippedOrBit, Sign::RedTears],
                ..outcome(PIP, TechniqueId::OfferingTreats, 1, Response::HidOrFled)
            }],
            treats: 1,
            note: "Neighbours drilling. Stopped early.".into(),
            updated_at: 1_764_576_400_000.0,
        },
    ]
}

fn expected_programs() -> Programs {
    let mut rest = RestDays::new();
    rest.add_day(day("2025-11-15"), "vet").unwrap();
    rest.add_range(day("2025-11-20"), day("2025-11-23"), "owner away")
        .unwrap();
    let mut rats = BTreeMap::new();
    rats.insert(
        rat_id(PIP),
        RatProgram {
            active: Some(TechniqueId::OfferingTreats),
            started: vec![
                (TechniqueId::Scent, day("2025-11-01")),
                (TechniqueId::OfferingTreats, day("2025-11-02")),
            ],
            answers: Some(Answers {
                hand: Some(HandReaction::HidesOrFreezes),
                food: Some(TakesFood::Sometimes),
                handled: Some(Handled::NoOrUnknown),
                safe_space: Some(true),
                temperament: None,
            }),
            overrides: vec![Override {
                rat: rat_id(PIP),
                technique: TechniqueId::OfferingTreats,
                from_step: 0,
                to_step: 1,
                day: day("2025-11-28"),
                at: 1_764_350_000_000.0,
                reason: OverrideKind::MoveUp,
            }],
            updated_at: 1_764_350_000_000.0,
            rest,
        },
    );
    // Written before rest days existed: no `rest` field at all.
    rats.insert(
        rat_id(SQUEAK),
        RatProgram {
            active: Some(TechniqueId::Scent),
            started: vec![(TechniqueId::Scent, day("2025-11-30"))],
            answers: None,
            overrides: vec![],
            updated_at: 1_764_525_000_000.0,
            rest: RestDays::new(),
        },
    );
    // Field by field, so fields added after v1 keep their defaults here.
    let mut programs = Programs::default();
    programs.set_practice_times(vec![
        Reminder::new(8, 30).unwrap(),
        Reminder::new(19, 0).unwrap(),
    ]);
    programs.notify = true;
    programs.rats = rats;
    programs
}

fn expected_timer() -> SessionTimer {
    SessionTimer {
        session_id: "s19ad2a1c4007f3e2d1c".into(),
        rats: vec![rat_id(PIP), rat_id(SQUEAK)],
        started_at: 1_764_600_000_000.0,
        paused_at: Some(1_764_600_120_000.0),
        paused_ms: 15_000.0,
    }
}

fn fixture_backend() -> Rc<MemoryBackend> {
    let items: BTreeMap<String, String> = serde_json::from_str(FIXTURE).unwrap();
    let backend = Rc::new(MemoryBackend::new());
    for (key, value) in &items {
        backend.set(key, value).unwrap();
    }
    backend
}

/// The backend, shared with the test; `sets_left` acts out storage filling up.
struct Handle(Rc<MemoryBackend>, Option<Rc<Cell<usize>>>);

impl Handle {
    fn new(backend: Rc<MemoryBackend>) -> Self {
        Handle(backend, None)
    }
}

impl Backend for Handle {
    fn get(&self, key: &str) -> Result<Option<String>, ratbond::store::backend::BackendError> {
        self.0.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), ratbond::store::backend::BackendError> {
        if let Some(left) = &self.1 {
            if left.get() == 0 {
                return Err(BackendError::Quota);
            }
            left.set(left.get() - 1);
        }
        self.0.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), ratbond::store::backend::BackendError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, ratbond::store::backend::BackendError> {
        self.0.keys()
    }
    fn is_persistent(&self) -> bool {
        false
    }
}

#[test]
fn the_fixture_is_a_v1_store() {
    let items: BTreeMap<String, String> = serde_json::from_str(FIXTURE).unwrap();
    let keys: Vec<&str> = items.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "ratbond/meta",
            "ratbond/programs",
            "ratbond/rats",
            "ratbond/sessions/2025-11",
            "ratbond/sessions/2025-12",
            "ratbond/timer",
        ]
    );
    let meta: Meta = serde_json::from_str(&items[META_KEY]).unwrap();
    assert_eq!(meta.schema_version, 1);
}

#[test]
fn a_v1_store_opens_with_everything_in_it() {
    let backend = fixture_backend();
    let opened = Store::open(Box::new(Handle::new(backend.clone())), "9.9.9", 1.8e12);
    assert!(opened.issues.is_empty(), "{:?}", opened.issues);
    assert!(!opened.store.is_read_only());
    assert_eq!(opened.rats, expected_rats());
    assert_eq!(opened.sessions, expected_sessions());
    assert_eq!(opened.programs, expected_programs());
    assert_eq!(opened.timer, Some(expected_timer()));
    assert!(opened.store.quarantined().is_empty());
    // After opening (and any migration) the store is at this build's schema,
    // and keeps the day it was first created.
    let meta: Meta = serde_json::from_str(&backend.get(META_KEY).unwrap().unwrap()).unwrap();
    assert_eq!(meta.schema_version, SCHEMA_VERSION);
    assert_eq!(meta.created_at, 1_735_689_600_000.0);
    assert_eq!(month_formats(&backend), [MonthFormat::V2, MonthFormat::V2]);
    // And it opens the same way a second time.
    let again = Store::open(Box::new(Handle::new(backend)), "9.9.9", 1.9e12);
    assert!(again.issues.is_empty(), "{:?}", again.issues);
    assert_eq!(again.rats, expected_rats());
    assert_eq!(again.sessions, expected_sessions());
    assert_eq!(again.programs, expected_programs());
}

fn month_formats(backend: &MemoryBackend) -> Vec<MonthFormat> {
    backend
        .keys()
        .unwrap()
        .iter()
        .filter(|k| k.starts_with(SESSIONS_PREFIX))
        .map(|k| {
            decode_month_with_format(&backend.get(k).unwrap().unwrap())
                .unwrap()
                .0
        })
        .collect()
}

fn stored_version(backend: &MemoryBackend) -> u32 {
    serde_json::from_str::<Meta>(&backend.get(META_KEY).unwrap().unwrap())
        .unwrap()
        .schema_version
}

/// Schema 2 stores months compactly; the migration rewrites each month key once.
#[test]
fn migration_to_v2_rewrites_the_months_and_nothing_else() {
    assert_eq!(SCHEMA_VERSION, 2);
    let backend = fixture_backend();
    let before: BTreeMap<String, String> = serde_json::from_str(FIXTURE).unwrap();
    Store::open(Box::new(Handle::new(backend.clone())), "9.9.9", 1.8e12);
    for (key, old) in &before {
        let new = backend.get(key).unwrap().unwrap();
        if key.starts_with(SESSIONS_PREFIX) {
            eprintln!(
                "{key}: {} chars in v1, {} in v2:\n{new}",
                old.len(),
                new.len()
            );
            assert!(new.starts_with("{\"v\":2,"), "{key}: {new}");
            assert!(new.len() * 2 < old.len(), "{key} is smaller");
        } else if key != META_KEY {
            assert_eq!(&new, old, "{key} is untouched");
        }
    }
    assert_eq!(backend.keys().unwrap().len(), before.len());
}

/// Storage fills up after the first month is rewritten: every month still reads (each key
/// is wholly v1 or wholly v2), the store stays read-only (so no v2 write lands while meta
/// still says v1, and nothing half-done is built on), and the next start finishes the job.
#[test]
fn a_migration_cut_short_by_full_storage_loses_nothing() {
    let backend = fixture_backend();
    let left = Rc::new(Cell::new(1));
    let opened = Store::open(
        Box::new(Handle(backend.clone(), Some(left.clone()))),
        "9.9.9",
        1.8e12,
    );
    assert!(opened.store.is_read_only());
    assert!(
        matches!(opened.issues.as_slice(), [LoadIssue::MigrationFailed(e)] if e.contains("full")),
        "{:?}",
        opened.issues
    );
    assert_eq!(opened.rats, expected_rats());
    assert_eq!(opened.sessions, expected_sessions());
    assert_eq!(opened.programs, expected_programs());
    assert_eq!(opened.timer, Some(expected_timer()));
    assert_eq!(month_formats(&backend), [MonthFormat::V2, MonthFormat::V1]);
    assert_eq!(stored_version(&backend), 1);
    assert!(opened.store.quarantined().is_empty());
    // Room again: the next start converts the rest and moves meta on.
    let again = Store::open(Box::new(Handle::new(backend.clone())), "9.9.9", 1.9e12);
    assert!(again.issues.is_empty(), "{:?}", again.issues);
    assert!(!again.store.is_read_only());
    assert_eq!(again.sessions, expected_sessions());
    assert_eq!(month_formats(&backend), [MonthFormat::V2, MonthFormat::V2]);
    assert_eq!(stored_version(&backend), 2);
}

#[test]
fn a_v1_store_accepts_new_writes() {
    let backend = fixture_backend();
    let opened = Store::open(Box::new(Handle::new(backend.clone())), "9.9.9", 1.8e12);
    let mut rats = opened.rats;
    rats[1].name = "Squeaky".into();
    opened.store.save_rats(&rats).unwrap();
    let again = Store::open(Box::new(Handle::new(backend)), "9.9.9", 1.9e12);
    assert_eq!(again.rats[1].name, "Squeaky");
    assert_eq!(again.sessions, expected_sessions());
}

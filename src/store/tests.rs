use super::backend::{Backend, BackendError, MemoryBackend};
use super::schema::{self, Migration, MigrationError, SCHEMA_VERSION};
use super::*;
use crate::domain::date::LocalDate;
use crate::domain::rat::{Rat, RatDraft, RatId, Temperament};
use std::cell::RefCell;
use std::rc::Rc;

/// Lets a test keep a handle on the backend the store owns, see which keys were written,
/// and make reads of one key throw (as a corrupted browser profile can).
#[derive(Clone, Default)]
struct Shared(
    Rc<MemoryBackend>,
    Rc<RefCell<Vec<String>>>,
    Option<&'static str>,
);

impl Shared {
    fn failing_reads_of(key: &'static str) -> Self {
        Shared(Rc::default(), Rc::default(), Some(key))
    }
}

impl Backend for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        if self.2 == Some(key) {
            return Err(BackendError::Failed("NS_ERROR_FILE_CORRUPTED".into()));
        }
        self.0.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        self.1.borrow_mut().push(key.to_string());
        self.0.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, BackendError> {
        self.0.keys()
    }
    fn is_persistent(&self) -> bool {
        false
    }
}

fn rat(id: &str, name: &str) -> Rat {
    let today = LocalDate::new(2026, 12, 1).unwrap();
    let draft = RatDraft {
        name: name.into(),
        temperament: Some(Temperament::Curious),
        ..RatDraft::default()
    };
    Rat::new(RatId(id.into()), draft.validate(today).unwrap(), 1.0e12)
}

fn open(b: &Shared) -> Opened {
    Store::open(Box::new(b.clone()), "0.1.0", 1.7e12)
}

#[test]
fn fresh_storage_gets_a_meta_record() {
    let b = Shared::default();
    let opened = open(&b);
    assert!(opened.rats.is_empty());
    assert!(opened.issues.is_empty());
    assert!(!opened.store.is_read_only());
    let meta: schema::Meta = serde_json::from_str(&b.get(META_KEY).unwrap().unwrap()).unwrap();
    assert_eq!(meta.schema_version, SCHEMA_VERSION);
    assert_eq!(meta.app_version, "0.1.0");
}

#[test]
fn rats_round_trip_through_storage() {
    let b = Shared::default();
    let rats = vec![rat("a", "Pip"), rat("b", "Squeak 🐀 \"quoted\"")];
    open(&b).store.save_rats(&rats).unwrap();
    let again = open(&b);
    assert_eq!(again.rats, rats);
    assert!(again.issues.is_empty());
    assert!(b.keys().unwrap().iter().all(|k| k.starts_with(PREFIX)));
}

#[test]
fn a_full_storage_refuses_and_keeps_what_was_there() {
    let b = Shared(Rc::new(MemoryBackend::with_quota(600)), Rc::default(), None);
    let store = open(&b).store;
    let one = vec![rat("a", "Pip")];
    store.save_rats(&one).unwrap();
    let many: Vec<Rat> = (0..20).map(|i| rat(&format!("r{i}"), "Squeak")).collect();
    assert_eq!(
        store.save_rats(&many),
        Err(StoreError::Backend(BackendError::Quota))
    );
    assert_eq!(store.reload_rats().unwrap(), one);
    assert!(StoreError::Backend(BackendError::Quota)
        .to_string()
        .contains("full"));
}

#[test]
fn storage_that_throws_does_not_panic() {
    let b = Shared::default();
    b.0.set_broken(true);
    let opened = open(&b);
    assert!(opened.rats.is_empty());
    assert!(matches!(opened.issues[0], LoadIssue::ReadFailed(_)));
    assert!(opened.store.save_rats(&[rat("a", "Pip")]).is_err());
}

#[test]
fn unreadable_rats_are_quarantined_not_lost() {
    let cases = [
        "{not json",
        "",
        "[1,2,3]",
        "{\"rats\":[{\"id\":\"a\"}]}",
        "{\"rats\":[{\"id\":\"a\",\"name\":\"Pip\",\"created_at\":1,\"updated_at\":1,\"known_date\":{\"kind\":\"birthday\",\"date\":\"2026-02-30\"}}]}",
    ];
    for raw in cases {
        let b = Shared::default();
        open(&b);
        b.set(RATS_KEY, raw).unwrap();
        let opened = open(&b);
        assert!(opened.rats.is_empty(), "{raw:?}");
        let [LoadIssue::Quarantined {
            quarantine_key,
            what,
        }] = opened.issues.as_slice()
        else {
            panic!(
                "expected one quarantine for {raw:?}, got {:?}",
                opened.issues
            );
        };
        assert_eq!(*what, "rat profiles");
        assert_eq!(b.get(quarantine_key).unwrap().as_deref(), Some(raw));
        assert_eq!(opened.store.raw(quarantine_key).as_deref(), Some(raw));
        // The app keeps working, and the kept copy survives new saves and reopening.
        opened.store.save_rats(&[rat("n", "New")]).unwrap();
        let again = open(&b);
        assert_eq!(again.rats.len(), 1);
        assert_eq!(again.issues.len(), 1, "still reported after a reload");
        assert_eq!(b.get(quarantine_key).unwrap().as_deref(), Some(raw));
        // Only the owner's explicit choice removes it.
        again.store.forget_quarantined(quarantine_key).unwrap();
        assert!(open(&b).issues.is_empty());
    }
}

#[test]
fn unreadable_meta_is_quarantined_and_rewritten() {
    let b = Shared::default();
    b.set(META_KEY, "garbage").unwrap();
    b.set(
        RATS_KEY,
        &serde_json::to_string(&RatsRecordRef {
            rats: &[rat("a", "Pip")],
        })
        .unwrap(),
    )
    .unwrap();
    let opened = open(&b);
    assert_eq!(opened.rats.len(), 1);
    assert!(matches!(
        opened.issues.as_slice(),
        [LoadIssue::Quarantined {
            what: "app settings",
            ..
        }]
    ));
    assert!(!opened.store.is_read_only());
}

#[test]
fn newer_schema_opens_read_only_and_never_writes() {
    let b = Shared::default();
    let newer = format!(
        "{{\"schema_version\":{},\"app_version\":\"9.0.0\",\"created_at\":1}}",
        SCHEMA_VERSION + 1
    );
    b.set(META_KEY, &newer).unwrap();
    let rats_text = "{\"rats\":[],\"future_field\":true}";
    b.set(RATS_KEY, rats_text).unwrap();
    let opened = open(&b);
    assert!(opened.store.is_read_only());
    assert!(matches!(opened.issues[0], LoadIssue::NewerSchema { .. }));
    assert_eq!(
        opened.store.save_rats(&[rat("a", "Pip")]),
        Err(StoreError::ReadOnly)
    );
    assert_eq!(b.get(META_KEY).unwrap().unwrap(), newer);
    assert_eq!(b.get(RATS_KEY).unwrap().unwrap(), rats_text);
}

#[test]
fn usage_counts_only_our_keys_in_utf16_units() {
    let b = Shared::default();
    let store = open(&b).store;
    b.set("other-app", &"x".repeat(1000)).unwrap();
    let before = store.usage().unwrap();
    store.save_rats(&[rat("a", "🐀")]).unwrap();
    let after = store.usage().unwrap();
    assert_eq!(after.keys, before.keys + 1);
    let text = b.get(RATS_KEY).unwrap().unwrap();
    assert_eq!(
        after.chars - before.chars,
        RATS_KEY.len() + text.encode_utf16().count()
    );
    assert_eq!(after.session_chars, 0);
}

#[test]
fn the_real_migration_path_covers_every_version() {
    // A schema bump without its migration step makes this fail.
    const { assert!(SCHEMA_VERSION >= 2) };
    for from in 1..SCHEMA_VERSION {
        assert!(
            schema::MIGRATIONS.iter().any(|m| m.from == from),
            "no migration from v{from}"
        );
    }
    assert!(schema::MIGRATIONS.iter().all(|m| m.from < SCHEMA_VERSION));
    let b = Shared::default();
    assert_eq!(
        schema::migrate(&b, schema::MIGRATIONS, SCHEMA_VERSION, SCHEMA_VERSION),
        Ok(vec![])
    );
}

fn v1_to_v2(b: &dyn Backend) -> Result<(), MigrationError> {
    let raw = b.get("ratbond/test")?.unwrap_or_default();
    b.set("ratbond/test", &format!("{raw}+v2"))?;
    Ok(())
}
fn v2_to_v3(b: &dyn Backend) -> Result<(), MigrationError> {
    let raw = b.get("ratbond/test")?.unwrap_or_default();
    if raw.is_empty() {
        return Err(MigrationError::Data("nothing to migrate".into()));
    }
    b.set("ratbond/test", &format!("{raw}+v3"))?;
    Ok(())
}

#[test]
fn migrations_run_in_order_and_stop_on_a_gap() {
    let steps = [
        Migration {
            from: 2,
            describe: "two to three",
            run: v2_to_v3,
        },
        Migration {
            from: 1,
            describe: "one to two",
            run: v1_to_v2,
        },
    ];
    let b = Shared::default();
    b.set("ratbond/test", "v1").unwrap();
    assert_eq!(
        schema::migrate(&b, &steps, 1, 3),
        Ok(vec!["one to two", "two to three"])
    );
    assert_eq!(b.get("ratbond/test").unwrap().unwrap(), "v1+v2+v3");
    assert_eq!(
        schema::migrate(&b, &steps, 1, 4),
        Err(MigrationError::Missing { from: 3 })
    );
    let empty = Shared::default();
    assert!(matches!(
        schema::migrate(&empty, &steps[..1], 2, 3),
        Err(MigrationError::Data(_))
    ));
}

mod history {
    use super::*;
    use crate::domain::program::Programs;
    use crate::domain::session::{RatOutcome, Response, Session, SessionId};
    use crate::domain::technique::TechniqueId;
    use crate::domain::timer::SessionTimer;
    use crate::store::schema::{month_key, PROGRAMS_KEY, SESSIONS_PREFIX, TIMER_KEY};

    fn session(id: &str, day: &str) -> Session {
        Session {
            id: SessionId(id.into()),
            day: LocalDate::parse(day).unwrap(),
            started_at: 1.0e12,
            duration_secs: 600,
            outcomes: vec![RatOutcome {
                rat: RatId("a".into()),
                technique: TechniqueId::Scent,
                step: 0,
                response: Response::Relaxed,
                signs: vec![],
            }],
            treats: 3,
            note: "calm".into(),
            updated_at: 1.0e12,
        }
    }

    #[test]
    fn usage_tells_the_sessions_part_apart() {
        let b = Shared::default();
        let store = open(&b).store;
        let before = store.usage().unwrap();
        let s = session("s1", "2026-11-02");
        store.save_month(s.day, &[&s]).unwrap();
        let after = store.usage().unwrap();
        let key = month_key(s.day);
        let month = key.len() + b.get(&key).unwrap().unwrap().encode_utf16().count();
        assert_eq!(before.session_chars, 0);
        assert_eq!(after.session_chars, month);
        assert_eq!(after.chars - before.chars, month);
    }

    #[test]
    fn sessions_are_sharded_by_month_and_load_sorted() {
        let b = Shared::default();
        let store = open(&b).store;
        let nov = [session("s2", "2026-11-30"), session("s1", "2026-11-02")];
        let dec = [session("s3", "2026-12-01")];
        store
            .save_month(nov[0].day, &nov.iter().collect::<Vec<_>>())
            .unwrap();
        store
            .save_month(dec[0].day, &dec.iter().collect::<Vec<_>>())
            .unwrap();
        let keys: Vec<String> = b
            .keys()
            .unwrap()
            .into_iter()
            .filter(|k| k.starts_with(SESSIONS_PREFIX))
            .collect();
        assert_eq!(
            keys,
            ["ratbond/sessions/2026-11", "ratbond/sessions/2026-12"]
        );
        let ids: Vec<String> = open(&b).sessions.into_iter().map(|s| s.id.0).collect();
        assert_eq!(ids, ["s1", "s2", "s3"]);
        // An emptied month disappears.
        store.save_month(dec[0].day, &[]).unwrap();
        assert_eq!(b.get(&month_key(dec[0].day)).unwrap(), None);
    }

    #[test]
    fn logging_a_session_writes_one_key() {
        let c = Shared::default();
        let store = Store::open(Box::new(c.clone()), "t", 1.0).store;
        c.1.borrow_mut().clear();
        let s = session("s1", "2026-12-01");
        store.save_month(s.day, &[&s]).unwrap();
        assert_eq!(*c.1.borrow(), ["ratbond/sessions/2026-12"]);
    }

    #[test]
    fn a_damaged_month_is_kept_aside_and_other_months_still_load() {
        let b = Shared::default();
        let store = open(&b).store;
        let good = session("s1", "2026-11-02");
        store.save_month(good.day, &[&good]).unwrap();
        b.set("ratbond/sessions/2026-12", "{\"sessions\":[{\"id\":1}]}")
            .unwrap();
        let opened = open(&b);
        assert_eq!(opened.sessions, vec![good]);
        assert!(matches!(
            opened.issues.as_slice(),
            [LoadIssue::Quarantined {
                what: "session history",
                ..
            }]
        ));
    }

    #[test]
    fn a_session_caught_in_two_months_counts_once_with_its_newest_edit() {
        let b = Shared::default();
        let store = open(&b).store;
        let old = session("s1", "2026-11-30");
        let mut moved = session("s1", "2026-12-01");
        moved.updated_at += 5.0;
        store.save_month(old.day, &[&old]).unwrap();
        store.save_month(moved.day, &[&moved]).unwrap();
        assert_eq!(open(&b).sessions, vec![moved.clone()]);
        assert_eq!(store.reread_history().unwrap().0, vec![moved]);
    }

    #[test]
    fn programs_and_timer_round_trip() {
        let b = Shared::default();
        let store = open(&b).store;
        let mut programs = Programs::default();
        programs.entry(&RatId("a".into())).choose(
            TechniqueId::Scent,
            LocalDate::new(2026, 12, 1).unwrap(),
            1.0,
        );
        store.save_programs(&programs).unwrap();
        let timer = SessionTimer::start("s9".into(), vec![RatId("a".into())], 5.0);
        store.save_timer(Some(&timer)).unwrap();
        let opened = open(&b);
        assert_eq!(opened.programs, programs);
        assert_eq!(opened.timer, Some(timer));
        store.save_timer(None).unwrap();
        assert_eq!(b.get(TIMER_KEY).unwrap(), None);
        b.set(PROGRAMS_KEY, "][").unwrap();
        let opened = open(&b);
        assert_eq!(opened.programs, Programs::default());
        assert_eq!(opened.issues.len(), 1);
    }
}

mod safety {
    use super::*;
    use crate::store::schema::{PROGRAMS_KEY, SESSIONS_PREFIX};

    #[test]
    fn a_newer_schema_leaves_unreadable_records_untouched() {
        let b = Shared::default();
        b.set(
            META_KEY,
            &format!(
                "{{\"schema_version\":{},\"app_version\":\"9\"}}",
                SCHEMA_VERSION + 1
            ),
        )
        .unwrap();
        let future_month = "{\"sessions\":[{\"id\":\"s1\",\"shape\":\"from the future\"}]}";
        b.set("ratbond/sessions/2026-05", future_month).unwrap();
        b.set(PROGRAMS_KEY, "[\"new format\"]").unwrap();
        let before: Vec<String> = b.keys().unwrap();
        let opened = open(&b);
        assert!(opened.store.is_read_only());
        assert_eq!(b.keys().unwrap(), before, "no key added or removed");
        assert_eq!(
            b.get("ratbond/sessions/2026-05").unwrap().as_deref(),
            Some(future_month)
        );
        assert!(opened
            .issues
            .iter()
            .any(|i| matches!(i, LoadIssue::NewerSchema { .. })));
        assert!(opened
            .store
            .forget_quarantined("ratbond/quarantine/x")
            .is_err());
    }

    #[test]
    fn a_read_that_throws_makes_the_store_read_only() {
        let b = Shared::failing_reads_of("ratbond/sessions/2026-12");
        let store = Store::open(Box::new(b.clone()), "t", 1.0).store;
        assert!(!store.is_read_only());
        b.0.set("ratbond/sessions/2026-12", "{\"sessions\":[]}")
            .unwrap();
        let opened = Store::open(Box::new(b.clone()), "t", 2.0);
        assert!(opened.store.is_read_only());
        assert!(matches!(
            opened.issues.as_slice(),
            [LoadIssue::ReadFailed(_)]
        ));
        assert_eq!(opened.store.save_rats(&[]), Err(StoreError::ReadOnly));
        let keys: Vec<String> = b
            .keys()
            .unwrap()
            .into_iter()
            .filter(|k| k.starts_with(SESSIONS_PREFIX))
            .collect();
        assert_eq!(keys, ["ratbond/sessions/2026-12"]);
    }

    #[test]
    fn another_tab_with_a_newer_schema_makes_this_one_read_only() {
        let b = Shared::default();
        let mut store = open(&b).store;
        assert_eq!(store.recheck_schema(), None);
        b.set(
            META_KEY,
            &format!(
                "{{\"schema_version\":{},\"app_version\":\"9\"}}",
                SCHEMA_VERSION + 1
            ),
        )
        .unwrap();
        assert!(matches!(
            store.recheck_schema(),
            Some(LoadIssue::NewerSchema { .. })
        ));
        assert_eq!(store.save_rats(&[]), Err(StoreError::ReadOnly));
    }
}

mod codec_round_trip {
    use super::*;
    use crate::domain::session::{RatOutcome, Response, Session, SessionId, Sign};
    use crate::domain::technique::TechniqueId;
    use crate::store::codec::{decode_month, decode_month_with_format, encode_month, MonthFormat};

    /// SplitMix64, so every run checks the same cases.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n.max(1)
        }
        fn pick<T: Clone>(&mut self, items: &[T]) -> T {
            items[self.below(items.len() as u64) as usize].clone()
        }
    }

    const CHARS: &[char] = &[
        'a', 'Z', '0', '9', ',', '.', '~', '!', '\'', '"', '\\', '|', '\n', '\r', '\t', ' ', '-',
        '🐀', 'é', '\u{0}', '\u{7f}', '\u{2028}', '{', '}', '[', ']', ':',
    ];

    fn text(rng: &mut Rng, max: u64) -> String {
        let len = rng.below(max + 1);
        (0..len).map(|_| rng.pick(CHARS)).collect()
    }

    fn time(rng: &mut Rng, near: f64) -> f64 {
        match rng.below(14) {
            0 => near + 0.5,
            1 => near + 1e-3,
            2 => 1e300,
            3 => -1.7e12 - rng.below(1000) as f64,
            4 => -0.0,
            5 => 0.0,
            6 => f64::MAX,
            7 => 5e-324,
            8 => f64::from_bits(rng.next()),
            9 => f64::INFINITY,
            10 => near + rng.below(10_000_000_000) as f64,
            11 => near - rng.below(10_000_000) as f64 * 1000.0,
            _ => near + rng.below(86_400) as f64 * 1000.0,
        }
    }

    fn id(rng: &mut Rng, started: f64) -> String {
        let t = started as u64;
        match rng.below(10) {
            0 => text(rng, 100),
            1 => format!(
                "s{:x}{:08x}",
                t.wrapping_add(rng.below(1 << 40)),
                rng.next() as u32
            ),
            2 => format!("s{:x}{:08x}", u64::MAX, u32::MAX),
            3 => format!("s0{:x}{:08x}", t, rng.next() as u32),
            4 => format!("s{:X}{:08X}", t, rng.next() as u32),
            5 => format!("r{:x}{:08x}", t, rng.next() as u32),
            6 => rng
                .pick(&[
                    "",
                    "s",
                    "s0",
                    "s000000000",
                    "'",
                    "'3'abc",
                    ",,",
                    "s12345678,",
                ])
                .into(),
            _ => format!("s{:x}{:08x}", t, rng.next() as u32),
        }
    }

    fn session(rng: &mut Rng, month: LocalDate, rats: &[RatId]) -> Session {
        let day = match rng.below(12) {
            0 => LocalDate::new(1900, 1, 1).unwrap(),
            1 => LocalDate::new(9999, 12, 31).unwrap(),
            2 => month.add_days(-1).unwrap(),
            _ => month.add_days(rng.below(28) as i64).unwrap(),
        };
        let midnight = day.to_days() as f64 * 86_400_000.0;
        let started_at = time(rng, midnight + 8.0 * 3_600_000.0);
        let updated_at = if rng.below(3) == 0 {
            time(rng, started_at)
        } else {
            started_at + rng.below(2_000_000) as f64
        };
        let outcomes = (0..rng.below(6))
            .map(|_| {
                let signs = if rng.below(2) == 0 {
                    Sign::ALL
                        .into_iter()
                        .filter(|_| rng.below(3) == 0)
                        .collect()
                } else {
                    (0..rng.below(5)).map(|_| rng.pick(&Sign::ALL)).collect()
                };
                RatOutcome {
                    rat: rng.pick(rats),
                    technique: rng.pick(&TechniqueId::ALL),
                    step: rng.pick(&[0, 1, 5, 254, 255]),
                    response: rng.pick(&Response::ALL),
                    signs,
                }
            })
            .collect();
        Session {
            id: SessionId(id(rng, started_at)),
            day,
            started_at,
            duration_secs: rng.pick(&[0, 1, 600, 14_400, u32::MAX]),
            outcomes,
            treats: rng.pick(&[0, 3, 100, u16::MAX]),
            note: match rng.below(4) {
                0 => text(rng, 500),
                1 => "Bruxing | \"quoted\", then 🐀\nnext line, ~.!' \\ end".repeat(10),
                _ => String::new(),
            },
            updated_at,
        }
    }

    /// Equal with f64s compared bit for bit (-0.0, NaN and all).
    fn exact(a: &Session, b: &Session) -> bool {
        a.id == b.id
            && a.day == b.day
            && a.started_at.to_bits() == b.started_at.to_bits()
            && a.updated_at.to_bits() == b.updated_at.to_bits()
            && a.duration_secs == b.duration_secs
            && a.outcomes == b.outcomes
            && a.treats == b.treats
            && a.note == b.note
    }

    fn round_trip(month: LocalDate, sessions: &[Session]) -> String {
        let refs: Vec<&Session> = sessions.iter().collect();
        let text = encode_month(month, &refs).unwrap();
        let (format, back) = decode_month_with_format(&text).unwrap();
        assert_eq!(format, MonthFormat::V2);
        assert_eq!(back.len(), sessions.len());
        for (a, b) in sessions.iter().zip(&back) {
            assert!(exact(a, b), "\n{a:?}\n{b:?}\n{text}");
        }
        text
    }

    #[test]
    fn thousands_of_odd_sessions_round_trip_exactly() {
        let mut rng = Rng(42);
        let weird: Vec<RatId> = (0..40).map(|i| RatId(format!("r{i},\"'~{i}"))).collect();
        for round in 0..400 {
            let month = LocalDate::new(2020 + round % 8, 1 + (round % 12) as u8, 1).unwrap();
            let rats: Vec<RatId> = weird[..1 + rng.below(40) as usize].to_vec();
            let sessions: Vec<Session> = (0..rng.below(30))
                .map(|_| session(&mut rng, month, &rats))
                .collect();
            round_trip(month, &sessions);
        }
    }

    #[test]
    fn edge_sessions_round_trip_exactly() {
        let month = LocalDate::new(2025, 12, 1).unwrap();
        let rats: Vec<RatId> = ["a", "b", "c", "d", "e"]
            .iter()
            .map(|r| RatId((*r).into()))
            .collect();
        let outcome = |rat: usize, step: u8, signs: Vec<Sign>| RatOutcome {
            rat: rats[rat].clone(),
            technique: TechniqueId::Scent,
            step,
            response: Response::CameToYou,
            signs,
        };
        let base = Session {
            id: SessionId("s19b5a8c0e00fa12bc34".into()),
            day: LocalDate::new(2025, 12, 31).unwrap(),
            started_at: 1_767_168_000_000.0,
            duration_secs: 0,
            outcomes: vec![outcome(0, 0, vec![])],
            treats: 0,
            note: String::new(),
            updated_at: 1_767_168_000_000.0,
        };
        let note: String = "|\"\n🐀,~'.!\\".chars().cycle().take(500).collect();
        let cases = vec![
            base.clone(),
            Session {
                note: note.clone(),
                ..base.clone()
            },
            Session {
                note: ",".into(),
                outcomes: vec![],
                ..base.clone()
            },
            Session {
                duration_secs: u32::MAX,
                treats: u16::MAX,
                ..base.clone()
            },
            Session {
                outcomes: vec![outcome(0, 255, Sign::ALL.to_vec())],
                ..base.clone()
            },
            Session {
                outcomes: (0..5)
                    .map(|i| outcome(4 - i, i as u8, vec![Sign::Hid]))
                    .collect(),
                ..base.clone()
            },
            Session {
                outcomes: vec![
                    outcome(2, 1, vec![]),
                    outcome(2, 1, vec![Sign::Froze, Sign::TookTreat, Sign::Froze]),
                ],
                ..base.clone()
            },
            Session {
                id: SessionId("s0".repeat(50)),
                ..base.clone()
            },
            Session {
                id: SessionId(note.chars().take(100).collect()),
                ..base.clone()
            },
            Session {
                id: SessionId(String::new()),
                ..base.clone()
            },
            Session {
                id: SessionId("s100000000000000000000fa12bc34".into()),
                ..base.clone()
            },
            Session {
                id: SessionId("s1fa12bc34".into()),
                ..base.clone()
            },
            Session {
                started_at: 1_767_168_000_000.5,
                updated_at: -3.0,
                ..base.clone()
            },
            Session {
                started_at: -1.0e15,
                updated_at: 1.0e300,
                ..base.clone()
            },
            Session {
                started_at: f64::MIN,
                updated_at: f64::MAX,
                ..base.clone()
            },
            Session {
                started_at: -0.0,
                updated_at: 0.1 + 0.2,
                ..base.clone()
            },
            Session {
                started_at: 1_767_168_000_123.0,
                updated_at: 1_767_168_000_123.0 + 86_400_000.0 * 400.0,
                ..base.clone()
            },
            Session {
                day: LocalDate::new(1900, 1, 1).unwrap(),
                ..base.clone()
            },
        ];
        let text = round_trip(month, &cases);
        assert!(
            text.starts_with("{\"v\":2,\"m\":\"2025-12\",\"r\":[\"a\""),
            "{text}"
        );
    }

    #[test]
    fn an_app_session_is_short() {
        let s = Session {
            id: SessionId("s19b5a8c0e00fa12bc34".into()),
            day: LocalDate::new(2025, 12, 31).unwrap(),
            started_at: f64::from_bits(0),
            duration_secs: 420,
            outcomes: vec![RatOutcome {
                rat: RatId("r1".into()),
                technique: TechniqueId::Bonding,
                step: 1,
                response: Response::Relaxed,
                signs: vec![Sign::TookTreat, Sign::Bruxing],
            }],
            treats: 2,
            note: String::new(),
            updated_at: 0.0,
        };
        let t = s.day.to_days() as f64 * 86_400_000.0 + 8.5 * 3_600_000.0;
        let id = SessionId(format!("s{:x}fa12bc34", t as u64));
        let s = Session {
            id,
            started_at: t,
            updated_at: t + 480_000.0,
            ..s
        };
        let month = LocalDate::new(2025, 12, 1).unwrap();
        let text = round_trip(month, std::slice::from_ref(&s));
        let one = text.split("\"s\":[").nth(1).unwrap();
        assert!(one.len() <= 32, "{text}");
    }

    #[test]
    fn damaged_months_are_errors_never_panics() {
        for raw in [
            "",
            "{}",
            "{\"v\":3,\"m\":\"2025-12\",\"r\":[],\"s\":[]}",
            "{\"v\":2,\"m\":\"2025-13\",\"r\":[],\"s\":[]}",
            "{\"v\":2,\"m\":\"2025-12\",\"r\":[],\"s\":[\"1\"]}",
            "{\"v\":2,\"m\":\"2025-12\",\"r\":[],\"s\":[\"10,0,0000000,0,0,0\"]}",
            "{\"v\":2,\"m\":\"2025-12\",\"r\":[\"a\"],\"s\":[\"10,0,0000000,0,0,0~z\"]}",
            "{\"v\":2,\"m\":\"2025-12\",\"r\":[\"a\"],\"s\":[\"w0,0,0000000,0,0,0\"]}",
            "{\"v\":2,\"m\":\"2025-12\",\"r\":[\"a\"],\"s\":[\"10,0,'9'ab,0,0,0\"]}",
            "{\"v\":2,\"m\":\"2025-12\",\"r\":[\"a\"],\"s\":[\"10,0,0000000,zzzzzzzzzzzzz,0,0\"]}",
            "{\"v\":2,\"m\":\"2025-12\",\"r\":[\"a\"],\"s\":[\"1!x,0,0000000,0,0,0\"]}",
            "{\"sessions\":[{\"id\":1}]}",
            // Day numbers far outside the calendar, in any base the codec might read.
            "{\"v\":2,\"m\":\"2025-12\",\"r\":[\"a\"],\"s\":[\"~9223372036854775807,0,0,0000000,0,0,0\"]}",
            "{\"v\":2,\"m\":\"2025-12\",\"r\":[\"a\"],\"s\":[\"~9223372036854775000,0,0,0000000,0,0,0\"]}",
            "{\"v\":2,\"m\":\"2025-12\",\"r\":[\"a\"],\"s\":[\"~-9223372036854775808,0,0,0000000,0,0,0\"]}",
            "{\"v\":2,\"m\":\"2025-12\",\"r\":[\"a\"],\"s\":[\"~1y2p0ij32e8e7,0,0,0000000,0,0,0\"]}",
            "{\"v\":2,\"m\":\"2025-12\",\"r\":[\"a\"],\"s\":[\"~1y2p0ij32e8e0,0,0,0000000,0,0,0\"]}",
        ] {
            assert!(decode_month(raw).is_err(), "{raw}");
        }
        // Every cut and many single-character changes of a real month: Ok or Err, no panic.
        let mut rng = Rng(7);
        let month = LocalDate::new(2025, 12, 1).unwrap();
        let rats = vec![RatId("a".into()), RatId("b".into())];
        let sessions: Vec<Session> = (0..6).map(|_| session(&mut rng, month, &rats)).collect();
        let refs: Vec<&Session> = sessions.iter().collect();
        let text = encode_month(month, &refs).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for cut in 0..chars.len() {
            let _ = decode_month(&chars[..cut].iter().collect::<String>());
        }
        for _ in 0..5000 {
            let mut damaged = chars.clone();
            let at = rng.below(damaged.len() as u64) as usize;
            damaged[at] = rng.pick(CHARS);
            let _ = decode_month(&damaged.iter().collect::<String>());
        }
    }
}

mod merging {
    use super::*;
    use crate::domain::ics::Reminder;
    use crate::domain::program::{Programs, RatProgram};
    use crate::domain::session::{RatOutcome, Response, Session, SessionId};
    use crate::domain::technique::TechniqueId;
    use crate::domain::timer::SessionTimer;
    use crate::store::backup::BackupData;
    use crate::store::codec;
    use crate::store::schema::{month_key, PROGRAMS_KEY, SESSIONS_PREFIX, TIMER_KEY};
    use std::collections::BTreeMap;

    fn day(text: &str) -> LocalDate {
        LocalDate::parse(text).unwrap()
    }

    fn session(id: &str, on: &str, note: &str) -> Session {
        let d = day(on);
        let at = d.to_days() as f64 * 86_400_000.0 + 8.0 * 3_600_000.0;
        Session {
            id: SessionId(id.into()),
            day: d,
            started_at: at,
            duration_secs: 600,
            outcomes: vec![RatOutcome {
                rat: RatId("a".into()),
                technique: TechniqueId::Scent,
                step: 0,
                response: Response::Relaxed,
                signs: vec![],
            }],
            treats: 1,
            note: note.into(),
            updated_at: at + 700_000.0,
        }
    }

    /// Every key and value, to check that a refused write changed nothing.
    fn snapshot(b: &Shared) -> BTreeMap<String, String> {
        b.keys()
            .unwrap()
            .into_iter()
            .map(|k| {
                let v = b.get(&k).unwrap().unwrap();
                (k, v)
            })
            .collect()
    }

    fn month_ids(b: &Shared, on: &str) -> Vec<String> {
        match b.get(&month_key(day(on))).unwrap() {
            None => vec![],
            Some(raw) => {
                assert!(raw.starts_with("{\"v\":2"), "{raw}");
                codec::decode_month(&raw)
                    .unwrap()
                    .into_iter()
                    .map(|s| format!("{}:{}", s.id, s.note))
                    .collect()
            }
        }
    }

    fn store_month(b: &Shared, sessions: &[Session]) {
        let refs: Vec<&Session> = sessions.iter().collect();
        b.set(
            &month_key(sessions[0].day),
            &codec::encode_month(sessions[0].day, &refs).unwrap(),
        )
        .unwrap();
    }

    struct Case {
        name: &'static str,
        /// What another tab left in storage.
        stored: Vec<Session>,
        upserts: Vec<Session>,
        removals: Vec<(&'static str, &'static str)>,
        /// Month ("2026-11-01" for November) -> "id:note" after the write.
        expect: Vec<(&'static str, Vec<&'static str>)>,
        returned: Vec<&'static str>,
    }

    #[test]
    fn write_sessions_merges_with_what_another_tab_stored() {
        let nov = "2026-11-01";
        let dec = "2026-12-01";
        let cases = vec![
            Case {
                name: "log into an empty month",
                stored: vec![],
                upserts: vec![session("s1", "2026-12-03", "")],
                removals: vec![],
                expect: vec![(dec, vec!["s1:"])],
                returned: vec!["s1:"],
            },
            Case {
                name: "another tab's new session survives ours",
                stored: vec![session("s2", "2026-12-05", "theirs")],
                upserts: vec![session("s1", "2026-12-03", "ours")],
                removals: vec![],
                expect: vec![(dec, vec!["s1:ours", "s2:theirs"])],
                returned: vec!["s1:ours", "s2:theirs"],
            },
            Case {
                name: "the same id edited in both tabs: ours is the later write",
                stored: vec![session("s1", "2026-12-03", "theirs")],
                upserts: vec![session("s1", "2026-12-03", "ours")],
                removals: vec![],
                expect: vec![(dec, vec!["s1:ours"])],
                returned: vec!["s1:ours"],
            },
            Case {
                name: "a delete keeps the other tab's sessions",
                stored: vec![
                    session("s1", "2026-12-03", ""),
                    session("s2", "2026-12-05", "theirs"),
                ],
                upserts: vec![],
                removals: vec![("s1", "2026-12-03")],
                expect: vec![(dec, vec!["s2:theirs"])],
                returned: vec!["s2:theirs"],
            },
            Case {
                name: "deleting the last session removes the key",
                stored: vec![session("s1", "2026-12-03", "")],
                upserts: vec![],
                removals: vec![("s1", "2026-12-03")],
                expect: vec![(dec, vec![])],
                returned: vec![],
            },
            Case {
                name: "a session moved to another month leaves the old one",
                stored: vec![
                    session("s1", "2026-11-30", "old day"),
                    session("s3", "2026-11-02", ""),
                ],
                upserts: vec![session("s1", "2026-12-01", "new day")],
                removals: vec![("s1", "2026-11-30")],
                expect: vec![(nov, vec!["s3:"]), (dec, vec!["s1:new day"])],
                returned: vec!["s3:", "s1:new day"],
            },
            Case {
                name: "a removal names the month it was stored in; other months are left",
                stored: vec![session("s1", "2026-12-03", "")],
                upserts: vec![],
                removals: vec![("s1", "2026-11-03")],
                expect: vec![(nov, vec![]), (dec, vec!["s1:"])],
                returned: vec![],
            },
            Case {
                name: "the last copy of an id in one call wins",
                stored: vec![],
                upserts: vec![
                    session("s1", "2026-12-03", "first"),
                    session("s1", "2026-12-04", "second"),
                ],
                removals: vec![],
                expect: vec![(dec, vec!["s1:second"])],
                returned: vec!["s1:second"],
            },
        ];
        for case in cases {
            let b = Shared::default();
            let store = open(&b).store;
            let mut by_month: BTreeMap<String, Vec<Session>> = BTreeMap::new();
            for s in &case.stored {
                by_month
                    .entry(month_key(s.day))
                    .or_default()
                    .push(s.clone());
            }
            for month in by_month.values() {
                store_month(&b, month);
            }
            let removals: Vec<(SessionId, LocalDate)> = case
                .removals
                .iter()
                .map(|(id, on)| (SessionId((*id).into()), day(on)))
                .collect();
            let merged = store.write_sessions(&case.upserts, &removals).unwrap();
            let merged: Vec<String> = merged
                .into_iter()
                .map(|s| format!("{}:{}", s.id, s.note))
                .collect();
            assert_eq!(merged, case.returned, "{}", case.name);
            for (month, ids) in &case.expect {
                assert_eq!(month_ids(&b, month), *ids, "{}: {month}", case.name);
            }
        }
    }

    #[test]
    fn the_month_kept_from_the_last_save_notices_another_tabs_write() {
        let b = Shared::default();
        let store = open(&b).store;
        let other = open(&b).store;
        let names = |list: Vec<Session>| -> Vec<String> {
            list.into_iter()
                .map(|s| format!("{}:{}", s.id, s.note))
                .collect()
        };
        store
            .write_sessions(&[session("s1", "2026-12-03", "a")], &[])
            .unwrap();
        let kept = store.last_month.borrow().clone().unwrap();
        assert_eq!(kept.key, month_key(day("2026-12-01")));
        assert_eq!(Some(&kept.text), b.get(&kept.key).unwrap().as_ref());
        assert_eq!(codec::decode_month(&kept.text).unwrap(), kept.sessions);
        // Unchanged since: the kept sessions are used, and the result is the same.
        let merged = store
            .write_sessions(&[session("s2", "2026-12-04", "b")], &[])
            .unwrap();
        assert_eq!(names(merged), ["s1:a", "s2:b"]);
        // Reused session texts give exactly what encoding it all again gives.
        let key = month_key(day("2026-12-01"));
        let text = b.get(&key).unwrap().unwrap();
        let stored = codec::decode_month(&text).unwrap();
        let refs: Vec<&Session> = stored.iter().collect();
        assert_eq!(codec::encode_month(day("2026-12-01"), &refs).unwrap(), text);
        // Another tab adds one, edits one and deletes one: the next save sees all three.
        other
            .write_sessions(
                &[
                    session("s3", "2026-12-05", "theirs"),
                    session("s2", "2026-12-04", "edited"),
                ],
                &[(SessionId("s1".into()), day("2026-12-03"))],
            )
            .unwrap();
        let merged = store
            .write_sessions(&[session("s4", "2026-12-06", "ours")], &[])
            .unwrap();
        assert_eq!(names(merged), ["s2:edited", "s3:theirs", "s4:ours"]);
        assert_eq!(
            month_ids(&b, "2026-12-01"),
            ["s2:edited", "s3:theirs", "s4:ours"]
        );
        // The key removed elsewhere (delete all): nothing old comes back.
        b.remove(&month_key(day("2026-12-01"))).unwrap();
        let merged = store
            .write_sessions(&[session("s5", "2026-12-07", "")], &[])
            .unwrap();
        assert_eq!(names(merged), ["s5:"]);
        // Damaged text written elsewhere is still refused, not papered over by the copy.
        b.set(&month_key(day("2026-12-01")), "{\"v\":2,\"m\":")
            .unwrap();
        assert_eq!(
            store.write_sessions(&[session("s6", "2026-12-08", "")], &[]),
            Err(StoreError::Damaged("session history".into()))
        );
        // A failed write keeps nothing: the next save reads the key again.
        assert!(store.last_month.borrow().is_none());
    }

    #[test]
    fn write_sessions_reads_a_v1_month_and_writes_it_as_v2() {
        let b = Shared::default();
        let store = open(&b).store;
        let theirs = session("s2", "2026-12-05", "v1");
        b.set(
            "ratbond/sessions/2026-12",
            &serde_json::to_string(&serde_json::json!({ "sessions": [theirs] })).unwrap(),
        )
        .unwrap();
        let ours = session("s1", "2026-12-03", "");
        let merged = store
            .write_sessions(std::slice::from_ref(&ours), &[])
            .unwrap();
        assert_eq!(merged, vec![ours, theirs]);
        assert_eq!(month_ids(&b, "2026-12-01"), ["s1:", "s2:v1"]);
    }

    #[test]
    fn a_damaged_month_is_never_written_over() {
        let b = Shared::default();
        let store = open(&b).store;
        b.set("ratbond/sessions/2026-12", "{\"v\":2,\"m\":\"bad\"}")
            .unwrap();
        let before = snapshot(&b);
        let e = store
            .write_sessions(&[session("s1", "2026-12-03", "")], &[])
            .unwrap_err();
        assert!(matches!(e, StoreError::Damaged(_)));
        assert!(e.to_string().contains("Reload"));
        assert_eq!(snapshot(&b), before);
    }

    #[test]
    fn a_full_storage_rolls_back_every_month_of_a_write() {
        let b0 = Shared::default();
        open(&b0);
        store_month(&b0, &[session("s1", "2026-11-03", "")]);
        store_month(&b0, &[session("s2", "2026-12-03", "")]);
        let used: usize = snapshot(&b0)
            .iter()
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum();
        // Room for a small session in November, not for the long note in December.
        let b = Shared(
            Rc::new(MemoryBackend::with_quota(used + 60)),
            Rc::default(),
            None,
        );
        for (k, v) in snapshot(&b0) {
            b.set(&k, &v).unwrap();
        }
        let store = open(&b).store;
        let before = snapshot(&b);
        b.1.borrow_mut().clear();
        let e = store.write_sessions(
            &[
                session("s3", "2026-11-04", ""),
                session("s4", "2026-12-04", &"long ".repeat(40)),
            ],
            &[],
        );
        assert_eq!(e, Err(StoreError::Backend(BackendError::Quota)));
        // November was written, then put back.
        assert_eq!(
            *b.1.borrow(),
            [
                "ratbond/sessions/2026-11",
                "ratbond/sessions/2026-12",
                "ratbond/sessions/2026-11"
            ]
        );
        assert_eq!(snapshot(&b), before);
        // A smaller change still fits.
        store
            .write_sessions(&[session("s3", "2026-11-04", "")], &[])
            .unwrap();
        assert_eq!(month_ids(&b, "2026-11-01"), ["s1:", "s3:"]);
    }

    fn rat_named(id: &str, name: &str) -> Rat {
        Rat {
            name: name.into(),
            ..rat(id, "x")
        }
    }

    fn names(rats: &[Rat]) -> Vec<String> {
        rats.iter()
            .map(|r| format!("{}={}", r.id, r.name))
            .collect()
    }

    #[test]
    fn write_rats_keeps_what_another_tab_did_to_other_rats() {
        let a = rat_named("a", "Pip");
        let a2 = rat_named("a", "Pip (ours)");
        let a3 = rat_named("a", "Pip (theirs)");
        let b = rat_named("b", "Squeak");
        let c = rat_named("c", "Hazel");
        // (name, stored by the other tab, our before, our after, expected)
        type Case<'a> = (
            &'a str,
            Vec<&'a Rat>,
            Vec<&'a Rat>,
            Vec<&'a Rat>,
            Vec<&'a str>,
        );
        let cases: Vec<Case> = vec![
            (
                "we edit, they added",
                vec![&a, &b],
                vec![&a],
                vec![&a2],
                vec!["a=Pip (ours)", "b=Squeak"],
            ),
            (
                "they edit, we add",
                vec![&a3],
                vec![&a],
                vec![&a, &c],
                vec!["a=Pip (theirs)", "c=Hazel"],
            ),
            (
                "we remove what they edited",
                vec![&a3, &b],
                vec![&a, &b],
                vec![&b],
                vec!["b=Squeak"],
            ),
            (
                "they removed, we left it",
                vec![&b],
                vec![&a, &b],
                vec![&a, &b],
                vec!["b=Squeak"],
            ),
            (
                "they removed, we edited",
                vec![&b],
                vec![&a, &b],
                vec![&a2, &b],
                vec!["b=Squeak", "a=Pip (ours)"],
            ),
            (
                "both add the same id: ours",
                vec![&a3],
                vec![],
                vec![&a2],
                vec!["a=Pip (ours)"],
            ),
            (
                "nothing stored yet",
                vec![],
                vec![],
                vec![&a],
                vec!["a=Pip"],
            ),
        ];
        for (name, stored, before, after, expect) in cases {
            let backend = Shared::default();
            let store = open(&backend).store;
            let owned = |v: &[&Rat]| v.iter().map(|r| (*r).clone()).collect::<Vec<Rat>>();
            if !stored.is_empty() {
                store.save_rats(&owned(&stored)).unwrap();
            }
            let merged = store.write_rats(&owned(&before), &owned(&after)).unwrap();
            assert_eq!(names(&merged), expect, "{name}");
            assert_eq!(
                names(&store.reload_rats().unwrap()),
                expect,
                "{name}: stored"
            );
        }
    }

    fn program(technique: TechniqueId, at: f64) -> RatProgram {
        let mut p = RatProgram::default();
        p.choose(technique, day("2026-11-01"), at);
        p
    }

    #[test]
    fn write_programs_merges_each_rat_and_each_field() {
        let id = |s: &str| RatId(s.into());
        let mut base = Programs::default();
        base.rats.insert(id("a"), program(TechniqueId::Scent, 1.0));
        base.rats
            .insert(id("b"), program(TechniqueId::Bonding, 1.0));
        type Edit = fn(&mut Programs);
        let edits: Vec<(&str, Edit)> = vec![
            ("rat a", |p| p.entry(&RatId("a".into())).updated_at = 9.0),
            ("rat b removed", |p| {
                p.rats.remove(&RatId("b".into()));
            }),
            ("rat c added", |p| {
                p.rats.insert(RatId("c".into()), RatProgram::default());
            }),
            ("practice times", |p| {
                p.set_practice_times(vec![Reminder::new(7, 15).unwrap()])
            }),
            ("notify", |p| p.notify = true),
            ("last backup", |p| {
                p.last_backup = Some(LocalDate::new(2026, 11, 20).unwrap())
            }),
        ];
        // Every pair of different edits: the other tab makes one, we make the other; both
        // survive.
        for (theirs_name, theirs) in &edits {
            for (ours_name, ours) in &edits {
                if theirs_name == ours_name {
                    continue;
                }
                let b = Shared::default();
                let store = open(&b).store;
                let mut stored = base.clone();
                theirs(&mut stored);
                store.save_programs(&stored).unwrap();
                let mut after = base.clone();
                ours(&mut after);
                let merged = store.write_programs(&base, &after).unwrap();
                let mut expect = stored.clone();
                ours(&mut expect);
                assert_eq!(merged, expect, "theirs: {theirs_name}, ours: {ours_name}");
                assert_eq!(open(&b).programs, expect);
            }
        }
        // The same field changed in both tabs: ours is the later write.
        let conflicts: Vec<(&str, Edit, Edit)> = vec![
            (
                "rat a",
                |p| p.entry(&RatId("a".into())).updated_at = 5.0,
                |p| p.entry(&RatId("a".into())).updated_at = 9.0,
            ),
            (
                "practice times",
                |p| p.set_practice_times(vec![Reminder::new(6, 0).unwrap()]),
                |p| p.set_practice_times(vec![Reminder::new(7, 15).unwrap()]),
            ),
            (
                "last backup",
                |p| p.last_backup = Some(LocalDate::new(2026, 11, 20).unwrap()),
                |p| p.last_backup = Some(LocalDate::new(2026, 11, 25).unwrap()),
            ),
        ];
        for (name, theirs, ours) in conflicts {
            let b = Shared::default();
            let store = open(&b).store;
            let mut stored = base.clone();
            theirs(&mut stored);
            stored.notify = true; // and one more change of theirs, which stays
            store.save_programs(&stored).unwrap();
            let mut after = base.clone();
            ours(&mut after);
            let merged = store.write_programs(&base, &after).unwrap();
            let mut expect = after.clone();
            expect.notify = true;
            assert_eq!(merged, expect, "{name}");
        }
        // The other tab set rat a's step by hand; this tab then chose another technique for
        // a. This tab's plan wins, and the step set by hand is still there.
        let b = Shared::default();
        let store = open(&b).store;
        let mut stored = base.clone();
        let by_hand = crate::domain::session::Override {
            rat: id("a"),
            technique: TechniqueId::Scent,
            from_step: 0,
            to_step: 2,
            day: LocalDate::new(2026, 11, 20).unwrap(),
            at: 5.0,
            reason: crate::domain::session::OverrideKind::MoveUp,
        };
        stored.entry(&id("a")).add_override(by_hand.clone(), 5.0);
        store.save_programs(&stored).unwrap();
        let mut after = base.clone();
        let day = LocalDate::new(2026, 11, 21).unwrap();
        after.entry(&id("a")).choose(TechniqueId::Bonding, day, 9.0);
        let merged = store.write_programs(&base, &after).unwrap();
        let a = merged.of(&id("a")).unwrap();
        assert_eq!(a.active, Some(TechniqueId::Bonding));
        assert_eq!(a.overrides, [by_hand]);
        assert_eq!(open(&b).programs, merged);
    }

    fn backup_of(rats: Vec<Rat>, sessions: Vec<Session>) -> BackupData {
        let programs = Programs {
            notify: !rats.is_empty(),
            ..Programs::default()
        };
        BackupData {
            rats,
            sessions,
            programs,
        }
    }

    #[test]
    fn replace_all_writes_exactly_next_and_leaves_the_timer() {
        let b = Shared::default();
        let store = open(&b).store;
        let previous = backup_of(
            vec![rat("a", "Pip")],
            vec![
                session("s1", "2026-10-03", ""),
                session("s2", "2026-11-03", ""),
            ],
        );
        store
            .replace_all(&previous, &BackupData::default())
            .unwrap();
        let timer = SessionTimer::start("s9".into(), vec![RatId("a".into())], 5.0);
        store.save_timer(Some(&timer)).unwrap();
        let next = backup_of(
            vec![rat("b", "Squeak")],
            vec![
                session("s3", "2026-11-05", "x"),
                session("s4", "2026-12-01", ""),
            ],
        );
        store.replace_all(&next, &previous).unwrap();
        let opened = open(&b);
        assert_eq!(opened.rats, next.rats);
        assert_eq!(opened.programs, next.programs);
        assert_eq!(opened.sessions, next.sessions);
        assert_eq!(opened.timer, Some(timer));
        assert_eq!(b.get("ratbond/sessions/2026-10").unwrap(), None);
        // What a restore's Undo checks against: storage itself, read afresh.
        assert!(crate::store::backup::same_records(
            &store.read_all().unwrap(),
            &next
        ));
        // And back (the undo of a restore).
        store.replace_all(&previous, &next).unwrap();
        let opened = open(&b);
        assert_eq!(opened.rats, previous.rats);
        assert_eq!(opened.sessions, previous.sessions);
        assert!(b.get(TIMER_KEY).unwrap().is_some());
        // Another tab's write shows at once in a fresh read.
        let other = open(&b).store;
        other.save_rats(&[rat("c", "Nib")]).unwrap();
        let now = store.read_all().unwrap();
        assert!(!crate::store::backup::same_records(&now, &previous));
        assert_eq!(now.rats, vec![rat("c", "Nib")]);
    }

    #[test]
    fn replace_all_on_a_full_storage_puts_every_key_back() {
        let b0 = Shared::default();
        let store = open(&b0).store;
        let previous = backup_of(
            vec![rat("a", "Pip")],
            vec![
                session("s1", "2026-10-03", ""),
                session("s2", "2026-11-03", ""),
            ],
        );
        store
            .replace_all(&previous, &BackupData::default())
            .unwrap();
        let used: usize = snapshot(&b0)
            .iter()
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum();
        let b = Shared(
            Rc::new(MemoryBackend::with_quota(used + 200)),
            Rc::default(),
            None,
        );
        for (k, v) in snapshot(&b0) {
            b.set(&k, &v).unwrap();
        }
        let store = open(&b).store;
        let before = snapshot(&b);
        let next = backup_of(
            vec![rat("a", "Pip"), rat("b", "Squeak")],
            (0..40)
                .map(|i| session(&format!("s{i}"), "2026-12-01", "a note that takes room"))
                .collect(),
        );
        b.1.borrow_mut().clear();
        assert_eq!(
            store.replace_all(&next, &previous),
            Err(StoreError::Backend(BackendError::Quota))
        );
        assert!(!b.1.borrow().is_empty(), "something was written first");
        assert_eq!(snapshot(&b), before);
    }

    #[test]
    fn clear_all_removes_every_key_of_ours_and_starts_fresh() {
        let b = Shared::default();
        let store = open(&b).store;
        store.save_rats(&[rat("a", "Pip")]).unwrap();
        store
            .write_sessions(&[session("s1", "2026-12-03", "")], &[])
            .unwrap();
        b.set("ratbond/quarantine/rats-1", "junk").unwrap();
        b.set("other-app", "theirs").unwrap();
        store.clear_all(4.0e12).unwrap();
        let keys = b.keys().unwrap();
        assert_eq!(keys, ["other-app", "ratbond/meta"]);
        let meta: schema::Meta = serde_json::from_str(&b.get(META_KEY).unwrap().unwrap()).unwrap();
        assert_eq!(meta.schema_version, SCHEMA_VERSION);
        assert_eq!(meta.created_at, 4.0e12);
        let opened = open(&b);
        assert!(opened.rats.is_empty() && opened.sessions.is_empty() && opened.issues.is_empty());
    }

    #[test]
    fn a_read_only_store_refuses_every_write_and_writes_nothing() {
        let b = Shared::default();
        let store = open(&b).store;
        store.save_rats(&[rat("a", "Pip")]).unwrap();
        store
            .write_sessions(&[session("s1", "2026-12-03", "")], &[])
            .unwrap();
        b.set(
            META_KEY,
            &format!(
                "{{\"schema_version\":{},\"app_version\":\"9\"}}",
                SCHEMA_VERSION + 1
            ),
        )
        .unwrap();
        let store = open(&b).store;
        assert!(store.is_read_only());
        let before = snapshot(&b);
        let s = session("s2", "2026-12-04", "");
        let data = backup_of(vec![], vec![]);
        let ro = Err(StoreError::ReadOnly);
        assert_eq!(
            store
                .write_sessions(std::slice::from_ref(&s), &[])
                .map(|_| ()),
            ro
        );
        assert_eq!(
            store
                .write_sessions(&[], &[(s.id.clone(), s.day)])
                .map(|_| ()),
            ro
        );
        assert_eq!(store.write_rats(&[], &[rat("b", "B")]).map(|_| ()), ro);
        assert_eq!(
            store
                .write_programs(&Programs::default(), &data.programs)
                .map(|_| ()),
            ro
        );
        assert_eq!(store.replace_all(&data, &data), ro);
        assert_eq!(store.clear_all(1.0), ro);
        assert_eq!(store.save_month(s.day, &[&s]), ro);
        assert_eq!(snapshot(&b), before);
    }

    #[test]
    fn a_month_not_loaded_yet_cannot_be_overwritten_whole() {
        let b = Shared::default();
        let store = open(&b).store;
        let old = session("s1", "2020-01-03", "");
        store
            .write_sessions(std::slice::from_ref(&old), &[])
            .unwrap();
        let mut opened = Store::open(Box::new(b.clone()), "0.1.0", 1.8e12);
        assert_eq!(opened.pending_months, ["ratbond/sessions/2020-01"]);
        assert!(opened.sessions.is_empty());
        let other = session("s2", "2020-01-04", "");
        assert_eq!(
            opened.store.save_month(other.day, &[&other]),
            Err(StoreError::NotLoaded)
        );
        // Merging writes are fine: they read the month first.
        let merged = opened
            .store
            .write_sessions(std::slice::from_ref(&other), &[])
            .unwrap();
        assert_eq!(merged, vec![old.clone(), other.clone()]);
        let (more, issues) = opened.store.load_pending(1.8e12);
        assert!(issues.is_empty());
        assert_eq!(more, vec![old, other]);
    }

    #[test]
    fn load_pending_quarantines_a_damaged_month_like_open() {
        let b = Shared::default();
        let store = open(&b).store;
        store
            .write_sessions(&[session("s1", "2020-01-03", "")], &[])
            .unwrap();
        b.set("ratbond/sessions/2019-05", "{\"v\":2,broken")
            .unwrap();
        let mut opened = Store::open(Box::new(b.clone()), "0.1.0", 1.8e12);
        assert!(
            opened.issues.is_empty(),
            "not read yet: {:?}",
            opened.issues
        );
        assert_eq!(
            opened.pending_months,
            ["ratbond/sessions/2020-01", "ratbond/sessions/2019-05"]
        );
        let (more, issues) = opened.store.load_pending(1.8e12);
        assert_eq!(more.len(), 1);
        let [LoadIssue::Quarantined {
            what: "session history",
            quarantine_key,
        }] = issues.as_slice()
        else {
            panic!("{issues:?}");
        };
        assert_eq!(
            b.get(quarantine_key).unwrap().as_deref(),
            Some("{\"v\":2,broken")
        );
        assert_eq!(b.get("ratbond/sessions/2019-05").unwrap(), None);
        // Reported once: a second call has nothing new.
        let (more, issues) = opened.store.load_pending(1.8e12);
        assert!(more.is_empty() && issues.is_empty());
        let keys: Vec<String> = b
            .keys()
            .unwrap()
            .into_iter()
            .filter(|k| k.starts_with(SESSIONS_PREFIX))
            .collect();
        assert_eq!(keys, ["ratbond/sessions/2020-01"]);
        let _ = PROGRAMS_KEY;
    }

    #[test]
    fn open_reaches_back_to_each_active_technique_start() {
        let b = Shared::default();
        let store = open(&b).store;
        let rats = vec![
            rat("a", "Pip"),
            Rat {
                archived: true,
                ..rat("z", "Gone")
            },
        ];
        store.save_rats(&rats).unwrap();
        for on in [
            "2024-01-10",
            "2025-03-10",
            "2025-05-10",
            "2025-06-10",
            "2025-07-01",
        ] {
            store
                .write_sessions(&[session(&format!("s{on}"), on, "")], &[])
                .unwrap();
        }
        let now = day("2025-07-02").to_days() as f64 * 86_400_000.0;
        let mut programs = Programs::default();
        // Archived rats do not count, nor do techniques other than the active one.
        programs
            .entry(&RatId("z".into()))
            .choose(TechniqueId::Scent, day("2024-01-01"), 1.0);
        let a = programs.entry(&RatId("a".into()));
        a.choose(TechniqueId::Bonding, day("2024-01-01"), 1.0);
        a.choose(TechniqueId::Scent, day("2025-03-31"), 1.0);
        store.save_programs(&programs).unwrap();
        let opened = Store::open(Box::new(b.clone()), "0.1.0", now);
        assert_eq!(
            opened.pending_months,
            ["ratbond/sessions/2024-01"],
            "back to March 2025"
        );
        // No active technique: this month and the one before.
        programs.entry(&RatId("a".into())).active = None;
        store.save_programs(&programs).unwrap();
        let opened = Store::open(Box::new(b.clone()), "0.1.0", now);
        assert_eq!(
            opened.pending_months,
            [
                "ratbond/sessions/2025-05",
                "ratbond/sessions/2025-03",
                "ratbond/sessions/2024-01"
            ]
        );
    }
}

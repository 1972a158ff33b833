use super::backend::{Backend, BackendError, MemoryBackend};
use super::schema::{self, Migration, MigrationError, SCHEMA_VERSION};
use super::*;
use crate::domain::date::LocalDate;
use crate::domain::rat::{Rat, RatDraft, RatId};
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
}

#[test]
fn the_real_migration_path_covers_every_version() {
    // A schema bump without its migration step makes this fail.
    // An empty range while v1 is the only schema; it fills as versions are added.
    #[allow(clippy::reversed_empty_ranges)]
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

//! The localStorage backend in a real browser (headless Chromium via wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use ratbond::domain::date::LocalDate;
use ratbond::domain::rat::{Rat, RatDraft, RatId, Temperament};
use ratbond::store::backend::{Backend, BackendError};
use ratbond::store::local::LocalStorageBackend;
use ratbond::store::schema::{QUARANTINE_PREFIX, RATS_KEY};
use ratbond::store::{LoadIssue, Store, StoreError};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
let saved = null;
export function block_storage() {
  saved = Object.getOwnPropertyDescriptor(window, 'localStorage')
       || Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage');
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
  });
}
export function unblock_storage() {
  if (saved) { Object.defineProperty(window, 'localStorage', saved); }
}
export function storage_item(key) { return window.localStorage.getItem(key); }
export function clear_storage() { window.localStorage.clear(); }
let originals = null;
export function make_storage_throw() {
  originals = {
    get: Storage.prototype.getItem,
    set: Storage.prototype.setItem,
    key: Storage.prototype.key,
  };
  const boom = () => { throw new DOMException('The storage went away.', 'InvalidStateError'); };
  Storage.prototype.getItem = boom;
  Storage.prototype.setItem = boom;
  Storage.prototype.key = boom;
}
export function stop_storage_throwing() {
  if (originals) {
    Storage.prototype.getItem = originals.get;
    Storage.prototype.setItem = originals.set;
    Storage.prototype.key = originals.key;
  }
}
"#)]
extern "C" {
    fn block_storage();
    fn unblock_storage();
    fn storage_item(key: &str) -> Option<String>;
    fn clear_storage();
    fn make_storage_throw();
    fn stop_storage_throwing();
}

fn rat(id: &str, name: &str) -> Rat {
    let draft = RatDraft {
        name: name.into(),
        temperament: Some(Temperament::Curious),
        ..RatDraft::default()
    };
    let today = LocalDate::new(2026, 12, 1).expect("valid date");
    Rat::new(
        RatId(id.into()),
        draft.validate(today).expect("valid draft"),
        1.0e12,
    )
}

fn fresh() -> LocalStorageBackend {
    clear_storage();
    LocalStorageBackend::open().expect("Chromium has localStorage")
}

#[wasm_bindgen_test]
fn raw_round_trip() {
    let b = fresh();
    b.set("ratbond/x", "hello 🐀").unwrap();
    assert_eq!(b.get("ratbond/x").unwrap().as_deref(), Some("hello 🐀"));
    assert_eq!(storage_item("ratbond/x").as_deref(), Some("hello 🐀"));
    assert!(b.keys().unwrap().contains(&"ratbond/x".to_string()));
    b.remove("ratbond/x").unwrap();
    assert_eq!(b.get("ratbond/x").unwrap(), None);
    assert!(b.is_persistent());
}

#[wasm_bindgen_test]
fn store_round_trip_survives_reopening() {
    fresh();
    let rats = vec![rat("a", "Pip"), rat("b", "<b>Squeak</b>")];
    let opened = Store::open(Box::new(fresh()), "test", 1.0);
    opened.store.save_rats(&rats).unwrap();
    let again = Store::open(Box::new(LocalStorageBackend::open().unwrap()), "test", 2.0);
    assert_eq!(again.rats, rats);
    assert!(again.issues.is_empty());
}

#[wasm_bindgen_test]
fn blocked_storage_gives_none_instead_of_panicking() {
    clear_storage();
    block_storage();
    let opened = LocalStorageBackend::open();
    unblock_storage();
    assert!(opened.is_none());
    // And it works again once unblocked.
    assert!(LocalStorageBackend::open().is_some());
}

#[wasm_bindgen_test]
fn a_really_full_storage_reports_quota_and_keeps_old_data() {
    let b = fresh();
    let store = Store::open(Box::new(fresh()), "test", 1.0).store;
    let before = vec![rat("a", "Pip")];
    store.save_rats(&before).unwrap();

    // Fill localStorage for real until the browser refuses.
    let chunk = "x".repeat(512 * 1024);
    let mut filled = 0;
    let mut refused = None;
    for i in 0..64 {
        match b.set(&format!("filler/{i}"), &chunk) {
            Ok(()) => filled += 1,
            Err(e) => {
                refused = Some(e);
                break;
            }
        }
    }
    assert_eq!(refused, Some(BackendError::Quota), "after {filled} chunks");
    // Top up with small pieces so even a small write no longer fits.
    let small = "y".repeat(1024);
    for i in 0..10_000 {
        if b.set(&format!("filler/small/{i}"), &small).is_err() {
            break;
        }
    }

    let many: Vec<Rat> = (0..200).map(|i| rat(&format!("r{i}"), "Squeak")).collect();
    assert_eq!(
        store.save_rats(&many),
        Err(StoreError::Backend(BackendError::Quota))
    );
    assert_eq!(store.reload_rats().unwrap(), before);
    clear_storage();
}

#[wasm_bindgen_test]
fn corrupt_record_in_real_storage_is_quarantined() {
    let b = fresh();
    Store::open(Box::new(fresh()), "test", 1.0);
    b.set(RATS_KEY, "{\"rats\": [oops").unwrap();
    let opened = Store::open(Box::new(LocalStorageBackend::open().unwrap()), "test", 5.0);
    assert!(opened.rats.is_empty());
    let Some(LoadIssue::Quarantined { quarantine_key, .. }) = opened.issues.first() else {
        panic!("expected quarantine, got {:?}", opened.issues);
    };
    assert!(quarantine_key.starts_with(QUARANTINE_PREFIX));
    assert_eq!(
        storage_item(quarantine_key).as_deref(),
        Some("{\"rats\": [oops")
    );
    clear_storage();
}

#[wasm_bindgen_test]
fn storage_that_throws_on_every_call_never_panics_and_loses_nothing() {
    let b = fresh();
    let store = Store::open(Box::new(fresh()), "test", 1.0).store;
    let before = vec![rat("a", "Pip")];
    store.save_rats(&before).unwrap();

    make_storage_throw();
    // A write fails with the browser's reason, not as "full".
    let failed = store.save_rats(&[rat("b", "Squeak")]);
    let get = b.get(RATS_KEY);
    let keys = b.keys();
    // Opening while every read throws: an empty, read-only store with the reason.
    let opened = Store::open(Box::new(LocalStorageBackend::open_raw()), "test", 2.0);
    stop_storage_throwing();

    match failed {
        Err(StoreError::Backend(BackendError::Failed(why))) => {
            assert!(why.contains("InvalidStateError"), "{why}")
        }
        other => panic!("expected a failed write, got {other:?}"),
    }
    assert!(matches!(get, Err(BackendError::Failed(_))), "{get:?}");
    assert!(matches!(keys, Err(BackendError::Failed(_))), "{keys:?}");
    assert!(opened.store.is_read_only());
    assert!(
        opened
            .issues
            .iter()
            .any(|i| matches!(i, LoadIssue::ReadFailed(_))),
        "{:?}",
        opened.issues
    );
    assert!(opened.rats.is_empty());
    // Nothing was lost: once storage works again, the old data is all there.
    let again = Store::open(Box::new(LocalStorageBackend::open().unwrap()), "test", 3.0);
    assert_eq!(again.rats, before);
    assert!(again.issues.is_empty(), "{:?}", again.issues);
    clear_storage();
}

/// A session is filed on the local day it began, never on a day still to come.
#[wasm_bindgen_test]
fn a_time_belongs_to_its_local_day_and_never_to_a_later_one() {
    use ratbond::platform::{day_of, now_ms, today};
    let now = now_ms();
    assert_eq!(day_of(now), today());
    // Local noon yesterday, through the browser's own calendar (time zone included).
    let noon = js_sys::Date::new_0();
    noon.set_hours(12);
    noon.set_date(noon.get_date() - 1);
    assert_eq!(Some(day_of(noon.get_time())), today().add_days(-1));
    assert_eq!(day_of(now + 3.0 * 86_400_000.0), today(), "a clock ahead");
    assert_eq!(day_of(f64::NAN), today());
    // Without the cap (a backup's "made on" day).
    use ratbond::platform::local_day;
    assert_eq!(
        local_day(noon.get_time() + 4.0 * 86_400_000.0),
        today().add_days(3)
    );
    assert_eq!(local_day(noon.get_time()), today().add_days(-1));
    assert_eq!(local_day(f64::NAN), None);
}

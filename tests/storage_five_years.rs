//! Five years of heavy use (10 rats, two sessions a day each) through the real `Store`.

#[path = "support/five_years.rs"]
mod five_years;

use five_years::{five_years, ms_at, Dataset, Spy};
use ratbond::domain::date::LocalDate;
use ratbond::domain::program::rat_replay;
use ratbond::domain::progression::Words;
use ratbond::domain::safety::sessions_that_fit;
use ratbond::domain::session::{RatOutcome, Response, Session, SessionId, Sign};
use ratbond::domain::technique::TechniqueId;
use ratbond::store::backend::BackendError;
use ratbond::store::schema::{
    month_key, META_KEY, PREFIX, PROGRAMS_KEY, RATS_KEY, SESSIONS_PREFIX, TIMER_KEY,
};
use ratbond::store::{merge_sessions, Opened, Store, StoreError, BUDGET_CHARS};
use std::sync::OnceLock;

const APP_VERSION: &str = "0.1.0";

/// The evening of the data set's last day: what "today" is for the first screen.
fn now(data: &Dataset) -> f64 {
    ms_at(data.last_day, 21 * 3600)
}

/// Opens and then reads the months open left for later, as the app does after first paint.
fn open_all(spy: &Spy, now_ms: f64) -> Opened {
    let mut opened = Store::open(Box::new(spy.clone()), APP_VERSION, now_ms);
    let (more, issues) = opened.store.load_pending(now_ms);
    assert!(issues.is_empty(), "{issues:?}");
    opened.sessions = merge_sessions(std::mem::take(&mut opened.sessions), more);
    opened.pending_months.clear();
    opened
}

fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(five_years)
}

/// Writes the data set the way the app does: rats, programs, then each month's key.
fn write_through_store(data: &Dataset) -> Spy {
    let spy = Spy::default();
    let opened = Store::open(Box::new(spy.clone()), APP_VERSION, 1.6e12);
    assert!(opened.issues.is_empty(), "{:?}", opened.issues);
    let store = opened.store;
    store.save_rats(&data.rats).unwrap();
    store.save_programs(&data.programs).unwrap();
    for (day, month) in data.months() {
        store.save_month(day, &month).unwrap();
    }
    spy
}

/// A fresh backend holding what [`write_through_store`] wrote (written once, then copied,
/// to keep the debug-build test time down), with an empty log.
fn stored(data: &'static Dataset) -> Spy {
    use ratbond::store::backend::Backend;
    static ITEMS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let items = ITEMS.get_or_init(|| {
        let spy = write_through_store(data);
        let keys = spy.mem.keys().unwrap();
        keys.into_iter()
            .map(|k| {
                let v = spy.mem.get(&k).unwrap().unwrap();
                (k, v)
            })
            .collect()
    });
    let spy = Spy::default();
    for (k, v) in items {
        spy.mem.set(k, v).unwrap();
    }
    spy
}

fn our_keys(spy: &Spy) -> Vec<String> {
    use ratbond::store::backend::Backend;
    spy.mem
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with(PREFIX))
        .collect()
}

fn size_of(spy: &Spy, key: &str) -> usize {
    use ratbond::store::backend::Backend;
    key.encode_utf16().count()
        + spy
            .mem
            .get(key)
            .unwrap()
            .map_or(0, |v| v.encode_utf16().count())
}

#[test]
fn the_generator_makes_what_it_says() {
    let data = data();
    assert_eq!(data.rats.len(), 10);
    let days = data.last_day.days_since(data.first_day) + 1;
    assert_eq!(days, 1826);
    // Two a day for each rat, minus a few rest days a year.
    assert!(
        (35_000..=36_520).contains(&data.sessions.len()),
        "{}",
        data.sessions.len()
    );
    let group = data
        .sessions
        .iter()
        .filter(|s| s.outcomes.len() > 1)
        .count();
    let noted: Vec<&Session> = data
        .sessions
        .iter()
        .filter(|s| !s.note.is_empty())
        .collect();
    assert!((2_500..=5_000).contains(&group), "{group} group sessions");
    assert!(
        (3_400..=3_700).contains(&noted.len()),
        "{} notes",
        noted.len()
    );
    assert!(noted
        .iter()
        .all(|s| (60..=120).contains(&s.note.chars().count())));
    let ids: std::collections::HashSet<&SessionId> = data.sessions.iter().map(|s| &s.id).collect();
    assert_eq!(ids.len(), data.sessions.len(), "session ids are unique");
    for rat in &data.rats {
        let p = five_years::program_of(data, &rat.id);
        assert!(!p.rest.is_empty() && !p.overrides.is_empty() && p.active.is_some());
    }
    // Same seed, same data.
    let again = five_years();
    assert_eq!(again.sessions[..50], data.sessions[..50]);
    assert_eq!(again.programs, data.programs);
    eprintln!(
        "five years: {} rats, {} sessions ({} outcomes, {group} group, {} notes), {} months",
        data.rats.len(),
        data.sessions.len(),
        data.outcomes(),
        noted.len(),
        data.months().len()
    );
}

/// The whole set as the browser would count it: (chars, keys, largest month and its size).
fn measure(spy: &Spy) -> (usize, usize, String, usize) {
    let store = Store::open(Box::new(spy.clone()), APP_VERSION, 1.8e12).store;
    let usage = store.usage().unwrap();
    let keys = our_keys(spy);
    assert_eq!(usage.keys, keys.len());
    let (largest, key) = keys
        .iter()
        .filter(|k| k.starts_with(SESSIONS_PREFIX))
        .map(|k| (size_of(spy, k), k))
        .max()
        .unwrap();
    eprintln!(
        "five years stored: {} chars (UTF-16 units) in {} keys, {:.1}% of BUDGET_CHARS; \
         largest month {key} = {largest} chars; rats {} chars, programs {} chars",
        usage.chars,
        usage.keys,
        usage.chars as f64 * 100.0 / BUDGET_CHARS as f64,
        size_of(spy, RATS_KEY),
        size_of(spy, PROGRAMS_KEY),
    );
    (usage.chars, usage.keys, key.clone(), largest)
}

/// Logs one more session on the last day, as the app does; returns the writes it made.
fn log_one_more(data: &Dataset, spy: &Spy) -> (String, Vec<(String, usize)>, usize) {
    let opened = Store::open(Box::new(spy.clone()), APP_VERSION, now(data));
    let last = data.sessions.last().unwrap();
    let day = last.day;
    let new = Session {
        id: SessionId("s19b5a8c0e00fa12bc34".into()),
        day,
        started_at: last.started_at + 600_000.0,
        duration_secs: 420,
        outcomes: vec![RatOutcome {
            rat: data.rats[0].id.clone(),
            technique: TechniqueId::Bonding,
            step: 1,
            response: Response::Relaxed,
            signs: vec![Sign::TookTreat, Sign::Bruxing],
        }],
        treats: 2,
        note: String::new(),
        updated_at: last.started_at + 1_100_000.0,
    };
    spy.log.borrow_mut().clear();
    let month = opened.store.write_sessions(&[new], &[]).unwrap();
    let log = spy.log.borrow();
    assert!(log.removes.is_empty());
    let key = month_key(day);
    eprintln!(
        "logging one session rewrites {key}: {} chars ({} sessions in that month)",
        size_of(spy, &key),
        month.len()
    );
    (key, log.sets.clone(), month.len())
}

#[test]
fn storage_figures_are_what_the_format_gives() {
    // Not a target: the figures for the report, and a check that they are measured right.
    let data = data();
    let spy = stored(data);
    let (chars, keys, largest_key, largest) = measure(&spy);
    assert_eq!(
        keys,
        2 + 1 + data.months().len(),
        "meta, rats, programs, months"
    );
    assert!(largest_key.starts_with(SESSIONS_PREFIX));
    assert!(
        size_of(&spy, PROGRAMS_KEY) < 40_000,
        "programs stay v1 JSON, and small"
    );
    let months: usize = data
        .months()
        .iter()
        .map(|(day, _)| size_of(&spy, &month_key(*day)))
        .sum();
    assert!(months <= chars && largest <= months);
    eprintln!(
        "{:.0} chars per session on average, {:.0} per outcome",
        months as f64 / data.sessions.len() as f64,
        months as f64 / data.outcomes() as f64
    );
}

/// The target: five years of heavy use in half the browser's budget.
/// The v1 format needed ~10.9 M chars (218% of BUDGET_CHARS), about 300 chars a session.
#[test]
fn five_years_fit_in_half_the_browser_budget() {
    let spy = stored(data());
    let (chars, ..) = measure(&spy);
    assert!(
        chars < 2_500_000,
        "five years take {chars} chars, over the 2,500,000 target (half of BUDGET_CHARS)"
    );
}

/// Settings' "Room for about N more sessions", on the five-year set: N must be what is left
/// at this set's own size per session, and still years of this (heavy) use.
#[test]
fn room_left_is_told_in_sessions_of_this_size() {
    let data = data();
    let spy = stored(data);
    let store = Store::open(Box::new(spy.clone()), APP_VERSION, now(data)).store;
    let usage = store.usage().unwrap();
    let fit = sessions_that_fit(
        usage.chars,
        BUDGET_CHARS,
        usage.session_chars,
        data.sessions.len(),
    );
    let each = usage.session_chars as f64 / data.sessions.len() as f64;
    let exact = (BUDGET_CHARS - usage.chars) as f64 / each;
    eprintln!(
        "five years: {each:.1} chars a session, room for about {fit} more (exactly {exact:.0})"
    );
    assert!(usage.session_chars < usage.chars && usage.session_chars > usage.chars * 9 / 10);
    assert!(
        fit as f64 <= exact && fit as f64 > exact * 0.97,
        "{fit} vs {exact}"
    );
    // Ten rats, two sessions a day each: 7,300 sessions a year.
    assert!(fit > 7_300 * 10, "only {fit} more sessions");
}

#[test]
fn logging_one_more_session_rewrites_only_its_month() {
    let data = data();
    let spy = stored(data);
    let (key, sets, _) = log_one_more(data, &spy);
    let written: Vec<&str> = sets.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(written, [key.as_str()]);
    let again = open_all(&spy, 1.9e12);
    assert_eq!(again.sessions.len(), data.sessions.len() + 1);
    assert_eq!(again.sessions.last().unwrap().id.0, "s19b5a8c0e00fa12bc34");
}

/// The target: logging a session rewrites a small key.
/// In v1 a month of ten rats twice a day was ~620 sessions, ~186,000 chars.
#[test]
fn logging_one_session_rewrites_under_40_000_chars() {
    let data = data();
    let spy = stored(data);
    let (key, sets, _) = log_one_more(data, &spy);
    let size = key.encode_utf16().count() + sets[0].1;
    assert!(
        size < 40_000,
        "logging one session rewrites {size} chars, over the 40,000 target"
    );
}

/// When the browser's storage fills up, the save that does not fit fails with a clear error
/// and every month saved before it still reads back. Five years now fit in BUDGET_CHARS, so
/// the storage here is a fifth of it (other sites' data, or a stingier browser).
#[test]
fn a_full_browser_refuses_cleanly_and_keeps_earlier_months() {
    let data = data();
    const QUOTA: usize = BUDGET_CHARS / 5;
    let spy = Spy::with_quota(QUOTA);
    let store = Store::open(Box::new(spy.clone()), APP_VERSION, 1.6e12).store;
    store.save_rats(&data.rats).unwrap();
    store.save_programs(&data.programs).unwrap();
    let months = data.months();
    let mut saved = 0;
    let mut kept = 0;
    for (day, month) in &months {
        match store.save_month(*day, month) {
            Ok(()) => {
                saved += 1;
                kept += month.len();
            }
            Err(e) => {
                assert_eq!(e, StoreError::Backend(BackendError::Quota));
                assert!(e.to_string().contains("full"));
                break;
            }
        }
    }
    eprintln!(
        "with a {QUOTA}-char storage, {saved} of {} months fit ({kept} sessions, {:.1} years)",
        months.len(),
        saved as f64 / 12.0
    );
    assert!(saved < months.len(), "the quota was reached");
    let opened = open_all(&spy, 1.8e12);
    assert!(opened.issues.is_empty(), "{:?}", opened.issues);
    assert_eq!(opened.rats, data.rats);
    assert_eq!(opened.programs, data.programs);
    assert!(opened.sessions == data.sessions[..kept]);
}

#[test]
fn reopening_reads_five_years_back_exactly() {
    let data = data();
    let spy = stored(data);
    let opened = open_all(&spy, 1.8e12);
    assert!(opened.issues.is_empty(), "{:?}", opened.issues);
    assert!(!opened.store.is_read_only());
    assert_eq!(opened.rats, data.rats);
    assert_eq!(opened.programs, data.programs);
    assert_eq!(opened.timer, None);
    assert_eq!(opened.sessions.len(), data.sessions.len());
    assert_eq!(opened.sessions.first(), data.sessions.first());
    assert_eq!(opened.sessions.last(), data.sessions.last());
    for i in (0..data.sessions.len()).step_by(997) {
        assert_eq!(opened.sessions[i], data.sessions[i], "session {i}");
    }
    assert!(opened.sessions == data.sessions);
    // Opening wrote nothing: the data was already at this schema.
    assert!(spy.log.borrow().sets.is_empty());
}

/// The oldest month the first screen needs, worked out here independently of the store:
/// this month and the one before, and the month each active rat's technique started in.
fn oldest_needed(data: &Dataset) -> LocalDate {
    let first = |d: LocalDate| LocalDate::new(d.year(), d.month(), 1).unwrap();
    let mut oldest = first(first(data.last_day).add_days(-1).unwrap());
    for rat in data.rats.iter().filter(|r| !r.archived) {
        let p = five_years::program_of(data, &rat.id);
        let active = p.active.unwrap();
        let (_, day) = p.started.iter().find(|(t, _)| *t == active).unwrap();
        oldest = oldest.min(first(*day));
    }
    oldest
}

/// Start-up reads meta, rats, programs, timer, then months newest first down to the oldest
/// one the first screen needs; the rest waits for `load_pending`, and together they give
/// back the whole five years exactly.
#[test]
fn start_up_reads_only_the_months_the_first_screen_needs() {
    let data = data();
    let spy = stored(data);
    let now = now(data);
    let oldest = oldest_needed(data);
    let mut opened = Store::open(Box::new(spy.clone()), APP_VERSION, now);
    assert!(opened.issues.is_empty(), "{:?}", opened.issues);
    let mut months: Vec<String> = data.months().iter().map(|(d, _)| month_key(*d)).collect();
    months.reverse();
    let (needed, later): (Vec<String>, Vec<String>) = months
        .iter()
        .cloned()
        .partition(|k| *k >= month_key(oldest));
    assert!(
        needed.len() >= 2 && !later.is_empty(),
        "{} months needed",
        needed.len()
    );
    let total: usize = our_keys(&spy).iter().map(|k| size_of(&spy, k)).sum();
    {
        let log = spy.log.borrow();
        let mut expected = vec![
            META_KEY.to_string(),
            RATS_KEY.to_string(),
            PROGRAMS_KEY.to_string(),
            TIMER_KEY.to_string(),
        ];
        expected.extend(needed.iter().cloned());
        assert_eq!(log.gets, expected);
        // Once to find the months, once to list quarantined records.
        assert_eq!(log.keys_calls, 2);
        eprintln!(
            "start-up: {} gets ({} of {} months, back to {oldest}), {} chars read of {total} stored ({:.0}%)",
            log.gets.len(),
            needed.len(),
            months.len(),
            log.chars_read,
            log.chars_read as f64 * 100.0 / total as f64
        );
        assert!(
            log.chars_read < total / 2,
            "start-up reads most of the data"
        );
    }
    assert_eq!(opened.pending_months, later);
    assert_eq!(opened.store.pending_months(), later.as_slice());
    let recent: Vec<Session> = data
        .sessions
        .iter()
        .filter(|s| s.day >= oldest)
        .cloned()
        .collect();
    assert!(opened.sessions == recent);
    // What the first screen shows is the same as with everything loaded.
    for rat in &data.rats {
        let lazy = rat_replay(
            rat,
            &data.programs,
            &opened.sessions,
            None,
            data.last_day,
            Words::Skipped,
        );
        let full = rat_replay(
            rat,
            &data.programs,
            &data.sessions,
            None,
            data.last_day,
            Words::Skipped,
        );
        assert_eq!(
            lazy.map(|r| r.progress),
            full.map(|r| r.progress),
            "{}",
            rat.name
        );
    }
    // The rest, on demand: only the pending keys, and then everything, exactly.
    spy.log.borrow_mut().clear();
    let (more, issues) = opened.store.load_pending(now);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(spy.log.borrow().gets, later);
    assert!(opened.store.pending_months().is_empty());
    let all = merge_sessions(opened.sessions, more);
    assert!(all == data.sessions);
}

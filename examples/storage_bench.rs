//! Storage figures for five years of heavy use (10 rats, two sessions a day each).
//!
//!     cargo run --release --example storage_bench
//!
//! Prints sizes and timings; asserts nothing about time. Native code, so browser (wasm)
//! timings will be slower; the sizes are exact.

#[path = "../tests/support/five_years.rs"]
mod five_years;

use five_years::{five_years, ms_at, Dataset, Spy};
use ratbond::domain::program::rat_replay;
use ratbond::domain::progression::Words;
use ratbond::domain::session::{Session, SessionId};
use ratbond::store::backend::{Backend, MemoryBackend};
use ratbond::store::codec::{decode_month, encode_month};
use ratbond::store::schema::{month_key, PREFIX};
use ratbond::store::{merge_sessions, Store, BUDGET_CHARS};
use serde::Serialize;
use std::hint::black_box;
use std::time::{Duration, Instant};

const APP_VERSION: &str = "bench";

/// Runs `f` `runs` times; returns (min, median) and the last result.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = black_box(f());
        times.push(start.elapsed());
        last = Some(out);
    }
    times.sort();
    (times[0], times[times.len() / 2], last.unwrap())
}

fn ms(d: Duration) -> String {
    format!("{:>9.3} ms", d.as_secs_f64() * 1000.0)
}

fn row(what: &str, runs: usize, min: Duration, median: Duration) {
    println!(
        "{what:<50} min {} median {}  ({runs} runs)",
        ms(min),
        ms(median)
    );
}

fn write_all(data: &Dataset, backend: Box<dyn Backend>) -> Store {
    let store = Store::open(backend, APP_VERSION, 1.6e12).store;
    store.save_rats(&data.rats).unwrap();
    store.save_programs(&data.programs).unwrap();
    for (day, month) in data.months() {
        store.save_month(day, &month).unwrap();
    }
    store
}

#[derive(Serialize)]
struct MonthRef<'a> {
    sessions: &'a [&'a Session],
}

fn main() {
    println!("Ratbond storage bench: 10 rats x 5 years x 2 sessions a day");
    println!();

    let (min, median, data) = time(3, five_years);
    row("generate the data set", 3, min, median);

    let spy = Spy::default();
    let store = write_all(&data, Box::new(spy.clone()));
    let usage = store.usage().unwrap();
    let mut sizes: Vec<(usize, usize, String)> = spy
        .mem
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with(PREFIX))
        .map(|k| {
            let v = spy.mem.get(&k).unwrap().unwrap_or_default();
            (
                k.encode_utf16().count() + v.encode_utf16().count(),
                k.len() + v.len(),
                k,
            )
        })
        .collect();
    sizes.sort();
    let bytes: usize = sizes.iter().map(|(_, b, _)| b).sum();
    let (largest, largest_bytes, largest_key) = sizes.last().cloned().unwrap();
    let months = data.months();
    let month_chars: usize = months
        .iter()
        .map(|(day, _)| {
            sizes
                .iter()
                .find(|(_, _, k)| *k == month_key(*day))
                .map_or(0, |(c, _, _)| *c)
        })
        .sum();

    println!();
    println!(
        "rats {}, sessions {}, outcomes {}, months {}",
        data.rats.len(),
        data.sessions.len(),
        data.outcomes(),
        months.len()
    );
    println!(
        "stored: {} chars (UTF-16 units), {} bytes (UTF-8), {} keys",
        usage.chars, bytes, usage.keys
    );
    println!(
        "  = {:.1}% of BUDGET_CHARS ({BUDGET_CHARS}); target < 2,500,000: {}",
        usage.chars as f64 * 100.0 / BUDGET_CHARS as f64,
        if usage.chars < 2_500_000 {
            "met"
        } else {
            "NOT met"
        }
    );
    println!(
        "largest key: {largest_key} = {largest} chars ({largest_bytes} bytes); smallest: {} = {} chars",
        sizes[0].2, sizes[0].0
    );
    let last_month = spy
        .mem
        .get(&month_key(data.last_day))
        .unwrap()
        .unwrap_or_default();
    let example: String = last_month.chars().take(360).collect();
    println!("a month value starts: {example}...");
    println!(
        "per session: {:.0} chars on average; per month: {:.0} chars on average",
        month_chars as f64 / data.sessions.len() as f64,
        month_chars as f64 / months.len() as f64
    );
    let per_year = usage.chars as f64 / 5.0;
    println!(
        "at this rate: {:.1} years fit in BUDGET_CHARS, {:.1} years in 2,500,000 chars",
        BUDGET_CHARS as f64 / per_year,
        2_500_000.0 / per_year
    );

    // Filling a browser-sized store month by month: where does the quota stop it?
    let quota = Spy::with_quota(BUDGET_CHARS);
    let store_q = Store::open(Box::new(quota.clone()), APP_VERSION, 1.6e12).store;
    store_q.save_rats(&data.rats).unwrap();
    store_q.save_programs(&data.programs).unwrap();
    let fit = months
        .iter()
        .take_while(|(day, m)| store_q.save_month(*day, m).is_ok())
        .count();
    if fit == months.len() {
        println!(
            "with a {BUDGET_CHARS}-char quota: all {fit} months save, {} chars to spare",
            BUDGET_CHARS - store_q.usage().unwrap().chars
        );
    } else {
        println!(
            "with a {BUDGET_CHARS}-char quota: {fit} of {} months save, the next one fails with Quota",
            months.len()
        );
    }

    println!();
    let (min, median, total) = time(5, || {
        let mut chars = 0;
        chars += serde_json::to_string(&data.rats).unwrap().len();
        chars += serde_json::to_string(&data.programs).unwrap().len();
        for (_, month) in &months {
            chars += serde_json::to_string(&MonthRef { sessions: month })
                .unwrap()
                .len();
        }
        chars
    });
    row(
        "serialize everything as v1 JSON (serde_json)",
        5,
        min,
        median,
    );
    println!("  v1 would take {total} bytes");
    let (min, median, encoded) = time(5, || {
        months
            .iter()
            .map(|(day, month)| encode_month(*day, month).unwrap())
            .collect::<Vec<String>>()
    });
    row("encode all months (v2)", 5, min, median);
    let (min, median, decoded) = time(5, || {
        encoded
            .iter()
            .map(|text| decode_month(text).unwrap().len())
            .sum::<usize>()
    });
    row("decode all months (v2)", 5, min, median);
    assert_eq!(decoded, data.sessions.len());
    let (min, median, _) = time(3, || write_all(&data, Box::new(MemoryBackend::new())));
    row("write everything through Store (memory)", 3, min, median);

    // Start-up on the evening of the last day, as the first screen sees it.
    let now = ms_at(data.last_day, 21 * 3600);
    let (min, median, opened) = time(5, || Store::open(Box::new(spy.clone()), APP_VERSION, now));
    row(
        "Store::open (lazy: months the first screen needs)",
        5,
        min,
        median,
    );
    let loaded = opened.sessions.len();
    spy.log.borrow_mut().clear();
    let mut opened = Store::open(Box::new(spy.clone()), APP_VERSION, now);
    {
        let log = spy.log.borrow();
        println!(
            "  Store::open reads {} keys ({} of {} months, {} sessions) = {} of {} chars ({:.0}%)",
            log.gets.len(),
            months.len() - opened.pending_months.len(),
            months.len(),
            loaded,
            log.chars_read,
            usage.chars,
            log.chars_read as f64 * 100.0 / usage.chars as f64
        );
    }
    let (min, median, _) = time(5, || {
        let mut o = Store::open(Box::new(spy.clone()), APP_VERSION, now);
        let (more, _) = o.store.load_pending(now);
        merge_sessions(o.sessions, more).len()
    });
    row("Store::open + load_pending (everything)", 5, min, median);
    let (more, _) = opened.store.load_pending(now);
    let all = merge_sessions(std::mem::take(&mut opened.sessions), more);
    assert!(all == data.sessions);

    // Logging one session on the last day: re-read that month, merge, write it.
    let last = data.sessions.last().unwrap().clone();
    let mut one = last.clone();
    one.id = SessionId("s19b5a8c0e00fa12bc34".into());
    one.started_at += 600_000.0;
    spy.log.borrow_mut().clear();
    let (min, median, month) = time(20, || {
        opened
            .store
            .write_sessions(std::slice::from_ref(&one), &[])
            .unwrap()
    });
    row("log one session (write_sessions)", 20, min, median);
    {
        let log = spy.log.borrow();
        let (key, chars) = &log.sets[0];
        let keys: std::collections::BTreeSet<&String> = log.sets.iter().map(|(k, _)| k).collect();
        println!(
            "  writes {} key(s) per save: {key} = {} chars ({} sessions)",
            keys.len(),
            key.encode_utf16().count() + chars,
            month.len()
        );
    }
    // Replaying one rat's progression over the five years.
    let rat = &data.rats[0];
    let (min, median, replay) = time(10, || {
        rat_replay(
            rat,
            &data.programs,
            &data.sessions,
            None,
            data.last_day,
            Words::Written,
        )
    });
    row("replay one rat, active technique, 5 years", 10, min, median);
    if let Some(r) = replay {
        println!(
            "  {} entries for {} ({:?})",
            r.entries.len(),
            rat.name,
            data.programs.active(&rat.id)
        );
    }
    let (min, median, _) = time(5, || {
        data.rats
            .iter()
            .filter_map(|r| {
                rat_replay(
                    r,
                    &data.programs,
                    &data.sessions,
                    None,
                    data.last_day,
                    Words::Written,
                )
            })
            .count()
    });
    row("replay all 10 rats, active technique", 5, min, median);
}

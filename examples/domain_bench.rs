//! Timings of the pure domain code over five years of heavy use (10 rats, two sessions a day):
//! what Today and a rat's page compute from the whole history.
//!
//!     cargo run --release --example domain_bench
//!
//! Prints min, median and max of several runs; asserts nothing about time. Native code: the
//! browser (wasm) is slower, so compare runs with each other, not with a frame budget.

#[path = "../tests/support/five_years.rs"]
mod five_years;

use five_years::five_years;
use ratbond::domain::milestone::milestones;
use ratbond::domain::program::rat_replay;
use ratbond::domain::progression::Words;
use ratbond::domain::streak::{heat_map, session_days, streaks};
use ratbond::domain::today::plan;
use ratbond::domain::trust::rat_trust;
use std::hint::black_box;
use std::time::{Duration, Instant};

const RUNS: usize = 21;

fn bench<T>(what: &str, mut f: impl FnMut() -> T) {
    // DOMAIN_BENCH=replay runs only the figures whose name holds "replay" (for profiling).
    if std::env::var("DOMAIN_BENCH").is_ok_and(|only| !what.contains(only.as_str())) {
        return;
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what:<58} min {:>8.3} ms  median {:>8.3} ms  max {:>8.3} ms",
        ms(times[0]),
        ms(times[RUNS / 2]),
        ms(times[RUNS - 1])
    );
}

fn main() {
    let data = five_years();
    let today = data.last_day;
    let sessions = &data.sessions;
    // The rat with the longest history is what a rat page has to work hardest for.
    let rat = data
        .rats
        .iter()
        .max_by_key(|r| session_days(sessions, &r.id).count())
        .expect("ten rats");
    let rest = data.programs.rest(&rat.id);
    println!(
        "five years: {} rats, {} sessions; {} has {} sessions\n",
        data.rats.len(),
        sessions.len(),
        rat.name,
        session_days(sessions, &rat.id).count()
    );

    bench("Today: plan for every rat (steps, streaks, today)", || {
        plan(&data.rats, &data.programs, sessions, today)
    });
    for (words, what) in [(Words::Written, "with"), (Words::Skipped, "without")] {
        bench(
            &format!("progression: replay one rat's active technique, {what} words"),
            || rat_replay(rat, &data.programs, sessions, None, today, words),
        );
        bench(
            &format!("progression: replay all ten rats, {what} words"),
            || {
                data.rats
                    .iter()
                    .filter_map(|r| rat_replay(r, &data.programs, sessions, None, today, words))
                    .count()
            },
        );
    }
    bench("streaks: one rat, five years", || {
        streaks(session_days(sessions, &rat.id), &rest, today)
    });
    bench("heat map: one rat, 12 weeks", || {
        heat_map(session_days(sessions, &rat.id), &rest, today, 12)
    });
    bench("trust level: one rat, five years", || {
        rat_trust(sessions, &rat.id, None)
    });
    let replays: Vec<_> = rat_replay(rat, &data.programs, sessions, None, today, Words::Skipped)
        .into_iter()
        .collect();
    bench("milestones: one rat, five years", || {
        milestones(&rat.name, &rat.id, sessions, &replays)
    });
    bench(
        "clone the whole session list (what a careless render costs)",
        || sessions.clone(),
    );
}

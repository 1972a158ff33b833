//! Writes the five-year data set (10 rats, two sessions a day) as localStorage entries, exactly
//! as `ratbond::store::Store` stores them, for the browser benchmark (`bash scripts/bench.sh`).
//!
//!     cargo run --release --example five_years_dump -- OUT.json [INFO.json]
//!
//! OUT.json:  `{key: value}`, every key the store wrote (values are the raw stored strings).
//! INFO.json: the rats (id, name, cage group, sessions), so the benchmark knows whom to tap.

#[path = "../tests/support/five_years.rs"]
mod five_years;

use five_years::{generate, ms_at, Config, Spy};
use ratbond::domain::date::LocalDate;
use ratbond::store::backend::Backend;
use ratbond::store::Store;
use serde_json::{json, Map, Value};
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let out = args
        .next()
        .expect("usage: five_years_dump OUT.json [INFO.json]");
    let info = args.next();

    // Five years ending yesterday (UTC), so the app sees a living history, not an old one.
    let today = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| (d.as_secs() / 86_400) as i64)
        .unwrap_or(0);
    let last_day = LocalDate::from_days(today - 1).expect("a day in range");
    let days = Config::default().days;
    let first_day = last_day.add_days(1 - days).expect("a day in range");
    let data = generate(&Config {
        first_day,
        days,
        ..Config::default()
    });
    let spy = Spy::default();
    // Opened "the evening of the last day", like storage_bench: the meta key gets that date.
    let now = ms_at(data.last_day, 21 * 3600);
    let store = Store::open(Box::new(spy.clone()), ratbond::state::APP_VERSION, now).store;
    store.save_rats(&data.rats).expect("save rats");
    store.save_programs(&data.programs).expect("save programs");
    for (day, month) in data.months() {
        store.save_month(day, &month).expect("save month");
    }

    let mut entries = Map::new();
    let mut keys = spy.mem.keys().expect("keys");
    keys.sort();
    for key in keys {
        let value = spy.mem.get(&key).expect("get").unwrap_or_default();
        entries.insert(key, Value::String(value));
    }
    let chars: usize = entries
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.as_str().map_or(0, |s| s.encode_utf16().count()))
        .sum();
    write(&out, &Value::Object(entries.clone()));
    println!(
        "wrote {}: {} keys, {} chars, {} sessions, {} to {}",
        out.display(),
        entries.len(),
        chars,
        data.sessions.len(),
        data.first_day,
        data.last_day
    );

    if let Some(info) = info {
        let rats: Vec<Value> = data
            .rats
            .iter()
            .map(|rat| {
                let sessions = data
                    .sessions
                    .iter()
                    .filter(|s| s.outcomes.iter().any(|o| o.rat == rat.id))
                    .count();
                json!({
                    "id": rat.id.0,
                    "name": rat.name,
                    "cage_group": rat.cage_group,
                    "archived": rat.archived,
                    "technique": data.programs.active(&rat.id).map(|t| t.key()),
                    "sessions": sessions,
                })
            })
            .collect();
        let summary = json!({
            "first_day": data.first_day.to_string(),
            "last_day": data.last_day.to_string(),
            "sessions": data.sessions.len(),
            "keys": entries.len(),
            "chars": chars,
            "rats": rats,
        });
        write(&info, &summary);
        println!("wrote {}", info.display());
    }
}

fn write(path: &PathBuf, value: &Value) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).expect("create output dir");
    }
    std::fs::write(path, serde_json::to_string(value).expect("json")).expect("write output");
}

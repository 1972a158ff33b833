//! Backup and restore: the file format, its complete validation, a preview, and merging.
//!
//! A backup is one JSON object:
//!
//! ```text
//! {
//!   "format": "ratbond-backup",
//!   "schema_version": 1,
//!   "app_version": "0.1.0",
//!   "exported_at": 1764590400000.0,
//!   "checksum": "fnv1a64:…",
//!   "data": {"rats":[…],"sessions":[…],"programs":{…}}
//! }
//! ```
//!
//! The checksum is FNV-1a (64 bit) over the UTF-8 bytes of the canonical JSON of `data`
//! (`serde_json::to_string` of [`BackupData`], compact, fields in declaration order), written
//! as `fnv1a64:` and 16 lower-case hex digits. It catches damage and casual edits, not an
//! attacker: anyone can recompute it, so every value is still checked on its own.
//!
//! [`export`] writes `data` exactly as that canonical text, so [`read`] first hashes the
//! bytes of `data` as they sit in the file. If those don't match (the file was re-indented
//! by some tool, say), it hashes the canonical JSON of the checked data instead, so a
//! reformatted but otherwise untouched file still reads.
//!
//! [`read`] is pure: it returns a [`Backup`] only when every check passed, so nothing the
//! app holds can change on a rejection.

use crate::domain::chooser::Answers;
use crate::domain::date::LocalDate;
use crate::domain::ics::Reminder;
use crate::domain::program::{Programs, RatProgram, PRACTICE_TIMES_MAX};
use crate::domain::rat::{DateKind, Rat, Sex, Temperament, GROUP_MAX, NAME_MAX, NOTES_MAX};
use crate::domain::session::{
    sort_sessions, Override, Response, Session, Sign, DURATION_MAX_SECS, NOTE_MAX, TREATS_MAX,
};
use crate::domain::streak::{RestPeriod, REST_RANGE_MAX_DAYS, REST_REASON_MAX};
use crate::domain::technique::{technique, TechniqueId};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The `format` name every Ratbond backup carries.
pub const FORMAT: &str = "ratbond-backup";
/// The version of the backup file format. It is separate from the storage schema: storage
/// may be packed differently while backup files stay readable by older and newer apps.
pub const BACKUP_VERSION: u32 = 1;
/// Files larger than this are refused before parsing (10 MiB, counted in UTF-8 bytes).
pub const SIZE_MAX_BYTES: usize = 10 * 1024 * 1024;
/// Nesting deeper than this is refused before parsing; a real backup nests about 7 deep.
pub const DEPTH_MAX: usize = 64;
/// Ids are made by the app ("r" + time + random, about 20 characters).
pub const ID_MAX: usize = 100;
pub const APP_VERSION_MAX: usize = 100;
/// How far ahead of the export day a rest period may end (rest can be planned ahead).
pub const REST_AHEAD_DAYS: i64 = 366;
/// Local days run up to 14 hours ahead of UTC, and a clock may be a little off: a day up to
/// this many days after the export time's UTC day still counts as "not after the export".
const FUTURE_SLACK_DAYS: i64 = 2;
const MS_PER_DAY: f64 = 86_400_000.0;
/// 10000-01-01T00:00:00Z: no time stamp can be after the last day Ratbond supports.
const TIME_MAX_MS: f64 = 253_402_300_800_000.0;

/// Everything a backup holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BackupData {
    pub rats: Vec<Rat>,
    pub sessions: Vec<Session>,
    pub programs: Programs,
}

/// A backup file that passed every check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub schema_version: u32,
    pub app_version: String,
    /// Milliseconds since the Unix epoch.
    pub exported_at: f64,
    pub data: BackupData,
    pub checksum: String,
}

/// 64-bit FNV-1a.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The checksum text of some canonical JSON: `fnv1a64:` and 16 hex digits.
pub fn checksum_of(json: &str) -> String {
    format!("fnv1a64:{:016x}", fnv1a64(json.as_bytes()))
}

/// The canonical JSON of `data`, the text the checksum covers.
pub fn canonical_json(data: &BackupData) -> String {
    // These types always serialize (string map keys, no custom failures).
    serde_json::to_string(data).unwrap_or_default()
}

/// The checksum of `data`.
pub fn checksum(data: &BackupData) -> String {
    checksum_of(&canonical_json(data))
}

/// The backup file's text. `data` is written as its canonical JSON on one line.
pub fn export(data: &BackupData, app_version: &str, now_ms: f64) -> String {
    let data_json = canonical_json(data);
    let exported_at = if valid_time(now_ms) { now_ms } else { 0.0 };
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let at = serde_json::to_string(&exported_at).unwrap_or_else(|_| "0".into());
    format!(
        "{{\n  \"format\": {},\n  \"schema_version\": {BACKUP_VERSION},\n  \"app_version\": {},\n  \"exported_at\": {at},\n  \"checksum\": {},\n  \"data\": {data_json}\n}}\n",
        quote(FORMAT),
        quote(app_version),
        quote(&checksum_of(&data_json)),
    )
}

/// `ratbond-backup-2026-12-01.json`.
pub fn file_name(day: LocalDate) -> String {
    format!("ratbond-backup-{day}.json")
}

/// Which record a problem is in. Positions count from 1, in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// `name` once the name itself passed its checks.
    Rat {
        n: usize,
        name: Option<String>,
    },
    Session {
        n: usize,
    },
    /// A training plan, by its position among the plans; `rat` is the position and name of
    /// its rat once that is known.
    Plan {
        n: usize,
        rat: Option<(usize, String)>,
    },
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::text::store as t;
        match self {
            Subject::Rat {
                n,
                name: Some(name),
            } => f.write_str(&t::rat_named(*n, name)),
            Subject::Rat { n, name: None } => f.write_str(&t::rat(*n)),
            Subject::Session { n } => f.write_str(&t::session(*n)),
            Subject::Plan {
                rat: Some((n, name)),
                ..
            } => f.write_str(&t::plan_for_rat(*n, name)),
            Subject::Plan { n, rat: None } => f.write_str(&t::plan(*n)),
        }
    }
}

/// What is wrong with one record. Nouns are the words shown to the owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The record isn't an object with the expected fields.
    Unreadable,
    /// "has no name".
    Missing(&'static str),
    /// "has a bad date".
    Bad(&'static str),
    NameTooLong,
    /// "has characters in its name that can't be shown".
    Hidden(&'static str),
    /// "has notes longer than 500 characters" (the noun carries its article).
    TooLong(&'static str, usize),
    /// "has a date after the backup was made".
    AfterExport(&'static str),
    SessionTooLong,
    TooManyTreats(u64),
    NoRats,
    SameRatTwice,
    /// "has a technique Ratbond doesn't know".
    Unknown(&'static str),
    StepNotInLadder(TechniqueId),
    /// The same id as the record at this position (of the same kind).
    SameIdAs(usize),
    RestBackwards,
    RestTooLong(i64),
    RestTooFar,
}

impl Problem {
    fn phrase(&self, subject: &Subject) -> String {
        use crate::text::store as t;
        match self {
            Problem::Unreadable => t::CANT_BE_READ.into(),
            Problem::Missing(what) => t::missing(what),
            Problem::Bad("notes") => t::NOTES_UNREADABLE.into(),
            Problem::Bad(what) => t::bad(what),
            Problem::NameTooLong => t::name_too_long(NAME_MAX),
            Problem::Hidden(what) => t::hidden(what),
            Problem::TooLong(what, max) => t::too_long(what, *max),
            Problem::AfterExport(what) => t::after_export(what),
            Problem::SessionTooLong => t::session_too_long(DURATION_MAX_SECS / 3600),
            Problem::TooManyTreats(n) => t::too_many_treats(*n, TREATS_MAX),
            Problem::NoRats => t::NO_RATS.into(),
            Problem::SameRatTwice => t::SAME_RAT_TWICE.into(),
            Problem::Unknown(what) => t::unknown(what),
            Problem::StepNotInLadder(tech) => t::step_not_in_ladder(tech.name()),
            Problem::SameIdAs(first) => match subject {
                Subject::Rat { .. } => t::same_id_as_rat(*first),
                Subject::Session { .. } => t::same_id_as_session(*first),
                Subject::Plan { .. } => t::same_rat_as_plan(*first),
            },
            Problem::RestBackwards => t::REST_BACKWARDS.into(),
            Problem::RestTooLong(days) => t::rest_too_long(*days, REST_RANGE_MAX_DAYS),
            Problem::RestTooFar => t::REST_TOO_FAR.into(),
        }
    }
}

/// Why a file was refused. `Display` gives the owner one short, plain sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum BackupError {
    TooLarge,
    Empty,
    /// The JSON stops part-way (an unfinished download, say).
    Truncated,
    NotJson,
    TooDeep,
    NotRatbond,
    Newer {
        version: u64,
    },
    /// A version before this app's schema, with no way to bring it up to date.
    Older {
        version: u64,
    },
    /// The envelope is broken; the words say how ("its checksum doesn't match").
    Damaged(&'static str),
    TooManyPracticeTimes(usize),
    BadPracticeTime(usize),
    Item {
        subject: Subject,
        problem: Problem,
    },
}

/// The words after "This file is damaged: " when the checksum is wrong.
pub const CHECKSUM_MISMATCH: &str = "its checksum doesn't match";

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::text::store as t;
        match self {
            BackupError::TooLarge => f.write_str(t::TOO_LARGE),
            BackupError::Empty => f.write_str(t::EMPTY),
            BackupError::Truncated => f.write_str(t::TRUNCATED),
            BackupError::NotJson | BackupError::NotRatbond => f.write_str(t::NOT_RATBOND),
            BackupError::TooDeep => f.write_str(t::TOO_DEEP),
            BackupError::Newer { .. } => f.write_str(t::NEWER),
            BackupError::Older { .. } => f.write_str(t::OLDER),
            BackupError::Damaged(why) => f.write_str(&t::damaged(why)),
            BackupError::TooManyPracticeTimes(n) => {
                f.write_str(&t::too_many_practice_times(*n, PRACTICE_TIMES_MAX))
            }
            BackupError::BadPracticeTime(n) => f.write_str(&t::bad_practice_time(*n)),
            BackupError::Item { subject, problem } => {
                f.write_str(&t::item(&subject.to_string(), &problem.phrase(subject)))
            }
        }
    }
}

impl std::error::Error for BackupError {}

/// Reads and checks a backup file completely; `Ok` only when every check passed.
///
/// A UTF-8 byte order mark at the start is skipped. Dates may not be after the export day
/// (plus [`FUTURE_SLACK_DAYS`] for time zones); rest periods may end up to
/// [`REST_AHEAD_DAYS`] after it.
pub fn read(text: &str) -> Result<Backup, BackupError> {
    if text.len() > SIZE_MAX_BYTES {
        return Err(BackupError::TooLarge);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    let data_span = scan(text)?;
    let root: Value = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => BackupError::Truncated,
        _ => BackupError::NotJson,
    })?;
    let Value::Object(root) = root else {
        return Err(BackupError::NotRatbond);
    };
    if root.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(BackupError::NotRatbond);
    }
    let schema_version = match root.get("schema_version").and_then(Value::as_u64) {
        None | Some(0) => return Err(BackupError::NotRatbond),
        Some(v) if v > u64::from(BACKUP_VERSION) => return Err(BackupError::Newer { version: v }),
        Some(v) if v < u64::from(BACKUP_VERSION) => return Err(BackupError::Older { version: v }),
        Some(_) => BACKUP_VERSION,
    };
    let app_version = root
        .get("app_version")
        .and_then(Value::as_str)
        .filter(|v| v.chars().count() <= APP_VERSION_MAX && !has_control(v, false))
        .ok_or(BackupError::Damaged("its app version can't be read"))?
        .to_string();
    let exported_at = root
        .get("exported_at")
        .and_then(Value::as_f64)
        .filter(|t| valid_time(*t))
        .ok_or(BackupError::Damaged("its export time can't be read"))?;
    let export_day = LocalDate::from_days((exported_at / MS_PER_DAY).floor() as i64)
        .ok_or(BackupError::Damaged("its export time can't be read"))?;
    let checksum = root
        .get("checksum")
        .and_then(Value::as_str)
        .ok_or(BackupError::Damaged("it has no checksum"))?
        .to_string();
    let data_value = root
        .get("data")
        .ok_or(BackupError::Damaged("it has no data"))?;

    let raw_matches = data_span
        .and_then(|(start, end)| text.get(start..end))
        .is_some_and(|raw| checksum_of(raw) == checksum);
    // A device whose clock ran ahead saved its records with those later days and times, and
    // its own backup must still restore: dates count as "after the export" only past the
    // latest time stamp in the file too.
    let as_of = LocalDate::from_days((latest_stamp(data_value) / MS_PER_DAY).floor() as i64)
        .map_or(export_day, |day| day.max(export_day));
    let data = match check_data(data_value, as_of) {
        Ok(data) => data,
        // A file that was changed says so first; its contents are then not to be trusted.
        Err(_) if !raw_matches => return Err(BackupError::Damaged(CHECKSUM_MISMATCH)),
        Err(e) => return Err(e),
    };
    if !raw_matches && self::checksum(&data) != checksum {
        return Err(BackupError::Damaged(CHECKSUM_MISMATCH));
    }
    Ok(Backup {
        format: FORMAT.to_string(),
        schema_version,
        app_version,
        exported_at,
        data,
        checksum,
    })
}

/// One pass over the text before parsing: refuses deep nesting, and finds the byte range of
/// the top-level `"data"` value (the last one, as the parser keeps the last of duplicates).
fn scan(text: &str) -> Result<Option<(usize, usize)>, BackupError> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0usize;
    let mut last_string_is_data = false;
    let mut value_next = false;
    let mut start: Option<usize> = None;
    let mut span = None;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                value_next = false;
                let from = i + 1;
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    match c {
                        b'"' => break,
                        b'\\' => i += 2,
                        _ => i += 1,
                    }
                }
                if depth == 1 {
                    last_string_is_data = bytes.get(from..i) == Some(b"data".as_slice());
                }
            }
            b':' if depth == 1 => value_next = last_string_is_data,
            b'{' | b'[' => {
                if value_next {
                    start = Some(i);
                    value_next = false;
                }
                depth += 1;
                if depth > DEPTH_MAX {
                    return Err(BackupError::TooDeep);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    if let Some(s) = start.take() {
                        span = Some((s, i + 1));
                    }
                }
            }
            b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => value_next = false,
        }
        i += 1;
    }
    Ok(span)
}

/// The latest valid time stamp of a rat, session or plan in `data` (0 when none).
fn latest_stamp(data: &Value) -> f64 {
    let stamp = |item: &Value, key: &str| {
        item.get(key)
            .and_then(Value::as_f64)
            .filter(|t| valid_time(*t))
            .unwrap_or(0.0)
    };
    let latest = |list: Option<&Value>, keys: &[&str]| {
        list.and_then(Value::as_array).map_or(0.0, |items| {
            items
                .iter()
                .flat_map(|item| keys.iter().map(move |key| stamp(item, key)))
                .fold(0.0, f64::max)
        })
    };
    let plans = data
        .get("programs")
        .and_then(|p| p.get("rats"))
        .and_then(Value::as_object)
        .map_or(0.0, |plans| {
            plans
                .values()
                .map(|plan| stamp(plan, "updated_at"))
                .fold(0.0, f64::max)
        });
    latest(data.get("rats"), &["created_at", "updated_at"])
        .max(latest(data.get("sessions"), &["started_at", "updated_at"]))
        .max(plans)
}

fn valid_time(t: f64) -> bool {
    t.is_finite() && (0.0..TIME_MAX_MS).contains(&t)
}

/// Control characters can't be shown; notes may still hold line breaks and tabs.
fn has_control(text: &str, allow_lines: bool) -> bool {
    text.chars()
        .any(|c| c.is_control() && !(allow_lines && (c == '\n' || c == '\t')))
}

fn fits<T: DeserializeOwned>(v: &Value) -> bool {
    typed::<T>(v).is_ok()
}

/// A present, non-null field.
fn present<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    obj.get(key).filter(|v| !v.is_null())
}

fn valid_id(s: &str) -> bool {
    !s.trim().is_empty() && s.chars().count() <= ID_MAX && !has_control(s, false)
}

fn id_of(obj: &Map<String, Value>) -> Result<String, Problem> {
    let v = present(obj, "id").ok_or(Problem::Missing("id"))?;
    v.as_str()
        .filter(|s| valid_id(s))
        .map(str::to_string)
        .ok_or(Problem::Bad("id"))
}

fn time_of(obj: &Map<String, Value>, key: &str, noun: &'static str) -> Result<f64, Problem> {
    present(obj, key)
        .ok_or(Problem::Missing(noun))?
        .as_f64()
        .filter(|t| valid_time(*t))
        .ok_or(Problem::Bad(noun))
}

/// An optional text field: its length in characters and its control characters.
fn text_field(
    obj: &Map<String, Value>,
    key: &str,
    noun: &'static str,
    with_article: &'static str,
    max: usize,
    allow_lines: bool,
) -> Result<(), Problem> {
    let Some(v) = present(obj, key) else {
        return Ok(());
    };
    let text = v.as_str().ok_or(Problem::Bad(noun))?;
    if text.chars().count() > max {
        return Err(Problem::TooLong(with_article, max));
    }
    if has_control(text, allow_lines) {
        return Err(Problem::Hidden(noun));
    }
    Ok(())
}

/// Reads a piece of the file through the same JSON reader storage uses. Deserialising
/// straight from a `Value` would build a second reader for every type into the app.
fn typed<T: DeserializeOwned>(v: &Value) -> Result<T, serde_json::Error> {
    serde_json::from_str(&v.to_string())
}

/// An optional field that only has to have the right type.
fn typed_field<T: DeserializeOwned>(
    obj: &Map<String, Value>,
    key: &str,
    noun: &'static str,
) -> Result<(), Problem> {
    match obj.get(key) {
        Some(v) if !fits::<T>(v) => Err(Problem::Bad(noun)),
        _ => Ok(()),
    }
}

/// A key field (technique, response, sign): an unknown word reads differently from a wrong type.
fn key_field<T>(
    v: Option<&Value>,
    noun: &'static str,
    from_key: fn(&str) -> Option<T>,
) -> Result<T, Problem> {
    match v {
        None | Some(Value::Null) => Err(Problem::Missing(noun)),
        Some(Value::String(s)) => from_key(s).ok_or(Problem::Unknown(noun)),
        Some(_) => Err(Problem::Bad(noun)),
    }
}

fn step_in(t: TechniqueId, step: u8) -> Result<(), Problem> {
    technique(t)
        .step(step)
        .map(|_| ())
        .ok_or(Problem::StepNotInLadder(t))
}

fn check_data(v: &Value, export_day: LocalDate) -> Result<BackupData, BackupError> {
    let horizon = export_day.add_days(FUTURE_SLACK_DAYS).unwrap_or(export_day);
    let data = v
        .as_object()
        .ok_or(BackupError::Damaged("its data can't be read"))?;
    let list = |key: &str, missing: &'static str, bad: &'static str| match data.get(key) {
        None => Err(BackupError::Damaged(missing)),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(BackupError::Damaged(bad)),
    };
    let rat_values = list(
        "rats",
        "it has no list of rats",
        "its list of rats can't be read",
    )?;
    let session_values = list(
        "sessions",
        "it has no list of sessions",
        "its list of sessions can't be read",
    )?;

    let mut rats = Vec::with_capacity(rat_values.len());
    let mut rat_index: BTreeMap<String, usize> = BTreeMap::new();
    for (i, v) in rat_values.iter().enumerate() {
        let n = i + 1;
        let rat = check_rat(n, v, horizon)?;
        if let Some(first) = rat_index.get(&rat.id.0) {
            return Err(BackupError::Item {
                subject: Subject::Rat {
                    n,
                    name: Some(rat.name.trim().to_string()),
                },
                problem: Problem::SameIdAs(*first),
            });
        }
        rat_index.insert(rat.id.0.clone(), n);
        rats.push(rat);
    }

    let mut sessions = Vec::with_capacity(session_values.len());
    let mut session_index: BTreeMap<String, usize> = BTreeMap::new();
    for (i, v) in session_values.iter().enumerate() {
        let n = i + 1;
        let fail = |problem| BackupError::Item {
            subject: Subject::Session { n },
            problem,
        };
        let session = check_session(v, horizon).map_err(fail)?;
        if let Some(first) = session_index.get(&session.id.0) {
            return Err(fail(Problem::SameIdAs(*first)));
        }
        session_index.insert(session.id.0.clone(), n);
        sessions.push(session);
    }

    let programs = check_programs(data.get("programs"), &rats, &rat_index, horizon)?;
    Ok(BackupData {
        rats,
        sessions,
        programs,
    })
}

fn check_rat(n: usize, v: &Value, horizon: LocalDate) -> Result<Rat, BackupError> {
    let fail = |name: Option<&str>, problem| BackupError::Item {
        subject: Subject::Rat {
            n,
            name: name.map(str::to_string),
        },
        problem,
    };
    let obj = v.as_object().ok_or(fail(None, Problem::Unreadable))?;
    let name = match present(obj, "name") {
        None => return Err(fail(None, Problem::Missing("name"))),
        Some(v) => v.as_str().ok_or(fail(None, Problem::Bad("name")))?,
    };
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(fail(None, Problem::Missing("name")));
    }
    if trimmed.chars().count() > NAME_MAX {
        return Err(fail(None, Problem::NameTooLong));
    }
    if has_control(name, false) {
        return Err(fail(None, Problem::Hidden("name")));
    }
    rat_fields(v, obj, horizon).map_err(|p| fail(Some(trimmed), p))
}

fn rat_fields(v: &Value, obj: &Map<String, Value>, horizon: LocalDate) -> Result<Rat, Problem> {
    id_of(obj)?;
    typed_field::<Sex>(obj, "sex", "entry for sex")?;
    typed_field::<Temperament>(obj, "temperament", "temperament")?;
    if let Some(known) = present(obj, "known_date") {
        const NOUN: &str = "birthday or adoption date";
        let known = known.as_object().ok_or(Problem::Bad(NOUN))?;
        typed_field::<DateKind>(known, "kind", NOUN)?;
        let date = present(known, "date")
            .and_then(|d| typed::<LocalDate>(d).ok())
            .ok_or(Problem::Bad(NOUN))?;
        if date > horizon {
            return Err(Problem::AfterExport(NOUN));
        }
    }
    text_field(
        obj,
        "cage_group",
        "cage group",
        "a cage group",
        GROUP_MAX,
        false,
    )?;
    text_field(obj, "notes", "notes", "notes", NOTES_MAX, true)?;
    typed_field::<bool>(obj, "archived", "archived mark")?;
    time_of(obj, "created_at", "time stamp")?;
    time_of(obj, "updated_at", "time stamp")?;
    typed::<Rat>(v).map_err(|_| Problem::Unreadable)
}

fn check_session(v: &Value, horizon: LocalDate) -> Result<Session, Problem> {
    let obj = v.as_object().ok_or(Problem::Unreadable)?;
    id_of(obj)?;
    let day = present(obj, "day").ok_or(Problem::Missing("date"))?;
    let day = typed::<LocalDate>(day).map_err(|_| Problem::Bad("date"))?;
    if day > horizon {
        return Err(Problem::AfterExport("date"));
    }
    time_of(obj, "started_at", "start time")?;
    if let Some(d) = obj.get("duration_secs") {
        let secs = typed::<u32>(d).map_err(|_| Problem::Bad("duration"))?;
        if secs > DURATION_MAX_SECS {
            return Err(Problem::SessionTooLong);
        }
    }
    if let Some(t) = obj.get("treats") {
        let n = t.as_u64().ok_or(Problem::Bad("number of treats"))?;
        if n > u64::from(TREATS_MAX) {
            return Err(Problem::TooManyTreats(n));
        }
    }
    text_field(obj, "note", "note", "a note", NOTE_MAX, true)?;
    let outcomes = match present(obj, "outcomes") {
        None => return Err(Problem::NoRats),
        Some(Value::Array(list)) => list,
        Some(_) => return Err(Problem::Bad("list of rats")),
    };
    if outcomes.is_empty() {
        return Err(Problem::NoRats);
    }
    let mut seen = BTreeSet::new();
    for o in outcomes {
        let o = o.as_object().ok_or(Problem::Bad("list of rats"))?;
        let rat = present(o, "rat")
            .ok_or(Problem::Missing("rat"))?
            .as_str()
            .ok_or(Problem::Bad("rat"))?;
        // A rat deleted from the app keeps its history, so it needn't be in the file.
        if !valid_id(rat) {
            return Err(Problem::Bad("rat id"));
        }
        if !seen.insert(rat) {
            return Err(Problem::SameRatTwice);
        }
        let t = key_field(o.get("technique"), "technique", TechniqueId::from_key)?;
        let step = present(o, "step").ok_or(Problem::Missing("step"))?;
        let step = typed::<u8>(step).map_err(|_| Problem::Bad("step"))?;
        step_in(t, step)?;
        key_field(o.get("response"), "response", Response::from_key)?;
        if let Some(signs) = o.get("signs") {
            let signs = signs.as_array().ok_or(Problem::Bad("list of signs"))?;
            for s in signs {
                key_field(Some(s), "sign", Sign::from_key)?;
            }
        }
    }
    time_of(obj, "updated_at", "time stamp")?;
    typed::<Session>(v).map_err(|_| Problem::Unreadable)
}

fn check_programs(
    v: Option<&Value>,
    rats: &[Rat],
    rat_index: &BTreeMap<String, usize>,
    horizon: LocalDate,
) -> Result<Programs, BackupError> {
    const UNREADABLE: BackupError = BackupError::Damaged("its training plans can't be read");
    let v = v.ok_or(BackupError::Damaged("it has no training plans"))?;
    let obj = v.as_object().ok_or(UNREADABLE)?;
    if let Some(plans) = obj.get("rats") {
        let plans = plans.as_object().ok_or(UNREADABLE)?;
        for (i, (rat_id, plan)) in plans.iter().enumerate() {
            let n = i + 1;
            // A deleted rat's plan stays with its history, like its sessions.
            let rat = rat_index.get(rat_id).map(|&rat_n| {
                let name = rats
                    .get(rat_n - 1)
                    .map(|r| r.name.trim().to_string())
                    .unwrap_or_default();
                (rat_n, name)
            });
            let checked = if valid_id(rat_id) {
                check_plan(plan, rat_id, horizon)
            } else {
                Err(Problem::Bad("rat id"))
            };
            checked.map_err(|problem| BackupError::Item {
                subject: Subject::Plan { n, rat },
                problem,
            })?;
        }
    }
    if let Some(times) = obj.get("practice_times") {
        let times = times
            .as_array()
            .ok_or(BackupError::Damaged("its practice times can't be read"))?;
        if times.len() > PRACTICE_TIMES_MAX {
            return Err(BackupError::TooManyPracticeTimes(times.len()));
        }
        for (i, t) in times.iter().enumerate() {
            let ok = typed::<Reminder>(t).is_ok_and(|r| r.validate().is_ok());
            if !ok {
                return Err(BackupError::BadPracticeTime(i + 1));
            }
        }
    }
    if obj.get("notify").is_some_and(|n| !n.is_boolean()) {
        return Err(BackupError::Damaged("its reminder setting can't be read"));
    }
    typed::<Programs>(v).map_err(|_| UNREADABLE)
}

fn check_plan(v: &Value, rat_id: &str, horizon: LocalDate) -> Result<(), Problem> {
    let obj = v.as_object().ok_or(Problem::Unreadable)?;
    if let Some(active) = present(obj, "active") {
        key_field(Some(active), "technique", TechniqueId::from_key)?;
    }
    if let Some(started) = obj.get("started") {
        const NOUN: &str = "technique start date";
        let started = started.as_array().ok_or(Problem::Bad(NOUN))?;
        for s in started {
            let (_, day) = typed::<(TechniqueId, LocalDate)>(s).map_err(|_| Problem::Bad(NOUN))?;
            if day > horizon {
                return Err(Problem::AfterExport(NOUN));
            }
        }
    }
    typed_field::<Option<Answers>>(obj, "answers", "set of answers to the chooser")?;
    if let Some(overrides) = obj.get("overrides") {
        const NOUN: &str = "step change";
        let overrides = overrides.as_array().ok_or(Problem::Bad(NOUN))?;
        for o in overrides {
            let o = typed::<Override>(o).map_err(|_| Problem::Bad(NOUN))?;
            if o.rat.0 != rat_id || !valid_time(o.at) {
                return Err(Problem::Bad(NOUN));
            }
            step_in(o.technique, o.from_step)?;
            step_in(o.technique, o.to_step)?;
            if o.day > horizon {
                return Err(Problem::AfterExport(NOUN));
            }
        }
    }
    if obj.get("updated_at").is_some() {
        time_of(obj, "updated_at", "time stamp")?;
    }
    if let Some(rest) = obj.get("rest") {
        const NOUN: &str = "rest period";
        let rest = rest.as_array().ok_or(Problem::Bad(NOUN))?;
        let latest = horizon.add_days(REST_AHEAD_DAYS).unwrap_or(horizon);
        for p in rest {
            let p = typed::<RestPeriod>(p).map_err(|_| Problem::Bad(NOUN))?;
            if p.to < p.from {
                return Err(Problem::RestBackwards);
            }
            if p.days() > REST_RANGE_MAX_DAYS {
                return Err(Problem::RestTooLong(p.days()));
            }
            if p.to > latest {
                return Err(Problem::RestTooFar);
            }
            if p.reason.chars().count() > REST_REASON_MAX {
                return Err(Problem::TooLong("a rest reason", REST_REASON_MAX));
            }
            if has_control(&p.reason, false) {
                return Err(Problem::Hidden("rest reason"));
            }
        }
    }
    typed::<RatProgram>(v).map_err(|_| Problem::Unreadable)?;
    Ok(())
}

/// What a backup holds, shown before the owner chooses Merge or Replace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preview {
    pub rats: usize,
    pub sessions: usize,
    pub first_day: Option<LocalDate>,
    pub last_day: Option<LocalDate>,
}

pub fn preview(backup: &Backup) -> Preview {
    let days = backup.data.sessions.iter().map(|s| s.day);
    Preview {
        rats: backup.data.rats.len(),
        sessions: backup.data.sessions.len(),
        first_day: days.clone().min(),
        last_day: days.max(),
    }
}

/// "2 March 2026".
pub fn day_text(day: LocalDate) -> String {
    crate::text::store::day(day.day(), day.month_name(), day.year())
}

impl Preview {
    /// "3 rats, 412 sessions, from 2 March 2026 to 1 December 2026".
    pub fn sentence(&self) -> String {
        use crate::text::settings_backup::{preview, Days};
        let first = self.first_day.map(day_text);
        let last = self.last_day.map(day_text);
        let days = match (&first, &last) {
            (Some(first), Some(last)) if first == last => Days::On(first),
            (Some(first), Some(last)) => Days::FromTo(first, last),
            _ => Days::Unknown,
        };
        preview(self.rats, self.sessions, &self.sessions.to_string(), days)
    }
}

/// What a merge did, over rats, sessions and training plans together. Records only on
/// this device are not counted: the file didn't touch them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeCounts {
    /// In the file, not here: now added.
    pub added: usize,
    /// In both, and the file's edit was newer: the file's version now.
    pub updated: usize,
    /// In both, and this device's edit was as new or newer: kept.
    pub unchanged: usize,
}

impl MergeCounts {
    /// "2 added, 5 updated, 400 unchanged".
    pub fn sentence(&self) -> String {
        crate::text::store::merge_counts(
            &self.added.to_string(),
            &self.updated.to_string(),
            &self.unchanged.to_string(),
        )
    }
}

fn merge_by_id<T: Clone, K: Clone + Ord>(
    current: &[T],
    incoming: &[T],
    id: impl Fn(&T) -> &K,
    edited: impl Fn(&T) -> f64,
    counts: &mut MergeCounts,
) -> Vec<T> {
    let mut out = current.to_vec();
    // Ordered maps and `insert`, not a `HashMap` or `collect`: the app's other maps are
    // `BTreeMap`s, so this adds no hashing code and no extra stable sort to the wasm.
    let mut index: BTreeMap<K, usize> = BTreeMap::new();
    for (i, item) in current.iter().enumerate() {
        index.insert(id(item).clone(), i);
    }
    for item in incoming {
        match index.get(id(item)).and_then(|&i| out.get_mut(i)) {
            Some(slot) if edited(item) > edited(slot) => {
                *slot = item.clone();
                counts.updated += 1;
            }
            Some(_) => counts.unchanged += 1,
            None => {
                index.insert(id(item).clone(), out.len());
                out.push(item.clone());
                counts.added += 1;
            }
        }
    }
    out
}

/// Merges a backup into what is here, record by record (by id): a record only in the file is
/// added; in both, the one with the later `updated_at` wins, and a tie keeps this device's.
/// Training plans merge per rat the same way, except that both copies' steps set by hand
/// and techniques started are kept. Practice times and the notification setting
/// stay as they are here, unless no practice times are set here yet.
///
/// A record deleted here but still in the file comes back: the file can't say it was deleted.
pub fn merge(current: &BackupData, incoming: &BackupData) -> (BackupData, MergeCounts) {
    let mut counts = MergeCounts::default();
    let rats = merge_by_id(
        &current.rats,
        &incoming.rats,
        |r| &r.id,
        |r| r.updated_at,
        &mut counts,
    );
    let mut sessions = merge_by_id(
        &current.sessions,
        &incoming.sessions,
        |s| &s.id,
        |s| s.updated_at,
        &mut counts,
    );
    sort_sessions(&mut sessions);
    let mut programs = current.programs.clone();
    for (rat, plan) in &incoming.programs.rats {
        match programs.rats.get_mut(rat) {
            Some(here) => {
                // The newer plan wins, but steps set by hand and techniques started on
                // either device are all kept.
                let newer = plan.updated_at > here.updated_at;
                let added = if newer {
                    let mut next = plan.clone();
                    next.add_history_of(here);
                    *here = next;
                    false
                } else {
                    here.add_history_of(plan)
                };
                if newer || added {
                    counts.updated += 1;
                } else {
                    counts.unchanged += 1;
                }
            }
            None => {
                programs.rats.insert(rat.clone(), plan.clone());
                counts.added += 1;
            }
        }
    }
    if current.programs.practice_times.is_empty() && !incoming.programs.practice_times.is_empty() {
        programs.practice_times = incoming.programs.practice_times.clone();
        programs.notify = incoming.programs.notify;
        // Counted (as one record added), so a merge that brings only the times is not
        // "nothing new".
        counts.added += 1;
    }
    (
        BackupData {
            rats,
            sessions,
            programs,
        },
        counts,
    )
}

/// True when `a` and `b` hold the same rats, sessions, plans and practice times. Both must be
/// in the order the app shows them (rats as listed, sessions as `sort_sessions` leaves
/// them). When a backup was last made or its reminder put off is left out: that is
/// bookkeeping, not the owner's records, so it never makes a restore's Undo "too late".
pub fn same_records(a: &BackupData, b: &BackupData) -> bool {
    let plans = |d: &BackupData| Programs {
        last_backup: None,
        backup_snoozed: None,
        ..d.programs.clone()
    };
    a.rats == b.rats && a.sessions == b.sessions && plans(a) == plans(b)
}

/// Replace: the file's data, as it is (sessions in their usual order).
pub fn replace(incoming: &BackupData) -> BackupData {
    let mut data = incoming.clone();
    sort_sessions(&mut data.sessions);
    data
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rat::{KnownDate, RatId};
    use crate::domain::session::{OverrideKind, RatOutcome, SessionId};
    use crate::domain::streak::RestDays;
    use serde_json::json;

    fn day(text: &str) -> LocalDate {
        LocalDate::parse(text).unwrap()
    }

    fn ms(text: &str) -> f64 {
        day(text).to_days() as f64 * MS_PER_DAY
    }

    /// Noon UTC on 1 December 2026.
    fn now() -> f64 {
        ms("2026-12-01") + 43_200_000.0
    }

    fn rat(id: &str, name: &str) -> Rat {
        Rat {
            id: RatId(id.into()),
            name: name.into(),
            sex: Sex::Female,
            known_date: None,
            temperament: Temperament::Shy,
            cage_group: None,
            notes: String::new(),
            archived: false,
            created_at: ms("2026-03-01"),
            updated_at: ms("2026-03-01"),
        }
    }

    fn outcome(rat: &str, t: TechniqueId, step: u8) -> RatOutcome {
        RatOutcome {
            rat: RatId(rat.into()),
            technique: t,
            step,
            response: Response::Relaxed,
            signs: vec![Sign::TookTreat],
        }
    }

    fn session(id: &str, d: &str, outcomes: Vec<RatOutcome>) -> Session {
        Session {
            id: SessionId(id.into()),
            day: day(d),
            started_at: ms(d) + 3_600_000.0,
            duration_secs: 600,
            outcomes,
            treats: 4,
            note: String::new(),
            updated_at: ms(d) + 4_200_000.0,
        }
    }

    fn fixture() -> BackupData {
        let pip = rat("r1", "Pip");
        let mut squeak = rat("r2", "Squeak");
        squeak.known_date = Some(KnownDate {
            kind: DateKind::Adopted,
            date: day("2025-06-01"),
        });
        squeak.cage_group = Some("Big cage".into());
        squeak.notes = "Likes peas\nand oats.\tShy at first.".into();
        let mut group = session(
            "s2",
            "2026-06-10",
            vec![
                outcome("r1", TechniqueId::OfferingTreats, 1),
                outcome("r2", TechniqueId::Scent, 0),
            ],
        );
        group.note = "Calm evening.\nBoth ate.".into();
        let sessions = vec![
            session(
                "s1",
                "2026-03-02",
                vec![outcome("r1", TechniqueId::OfferingTreats, 0)],
            ),
            group,
            session(
                "s3",
                "2026-12-01",
                vec![outcome("r2", TechniqueId::Scent, 1)],
            ),
        ];
        let mut programs = Programs::default();
        let p1 = programs.entry(&RatId("r1".into()));
        p1.choose(
            TechniqueId::OfferingTreats,
            day("2026-03-02"),
            ms("2026-03-02"),
        );
        p1.overrides.push(Override {
            rat: RatId("r1".into()),
            technique: TechniqueId::OfferingTreats,
            from_step: 0,
            to_step: 1,
            day: day("2026-06-01"),
            at: ms("2026-06-01"),
            reason: OverrideKind::MoveUp,
        });
        let mut rest = RestDays::new();
        rest.add_range(day("2026-07-01"), day("2026-07-05"), "Away")
            .unwrap();
        p1.rest = rest;
        programs.entry(&RatId("r2".into())).choose(
            TechniqueId::Scent,
            day("2026-06-10"),
            ms("2026-06-10"),
        );
        programs.set_practice_times(vec![Reminder::new(8, 30).unwrap()]);
        programs.notify = true;
        BackupData {
            rats: vec![pip, squeak],
            sessions,
            programs,
        }
    }

    /// A file around this exact `data` text, with a checksum that matches it.
    fn wrap(data_text: &str) -> String {
        format!(
            r#"{{"format":"ratbond-backup","schema_version":1,"app_version":"0.1.0","exported_at":{},"checksum":"{}","data":{data_text}}}"#,
            now(),
            checksum_of(data_text)
        )
    }

    /// The fixture with one edit to its data, in a file whose checksum matches the edit.
    fn with_data(edit: impl FnOnce(&mut Value)) -> String {
        let mut v = serde_json::to_value(fixture()).unwrap();
        edit(&mut v);
        wrap(&serde_json::to_string(&v).unwrap())
    }

    /// The fixture's export with one edit to the envelope.
    fn with_envelope(edit: impl FnOnce(&mut Map<String, Value>)) -> String {
        let mut v: Value = serde_json::from_str(&export(&fixture(), "0.1.0", now())).unwrap();
        edit(v.as_object_mut().unwrap());
        serde_json::to_string(&v).unwrap()
    }

    fn good() -> String {
        export(&fixture(), "0.1.0", now())
    }

    #[test]
    fn fnv1a64_matches_the_published_test_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(checksum_of("a"), "fnv1a64:af63dc4c8601ec8c");
    }

    #[test]
    fn the_fixture_itself_reads() {
        // Every bad case below is this file with one thing broken.
        let backup = read(&good()).unwrap();
        assert_eq!(backup.data, fixture());
        assert!(read(&with_data(|_| {})).is_ok());
        assert!(read(&with_envelope(|_| {})).is_ok());
    }

    #[test]
    fn bad_backups_are_refused_with_plain_words() {
        let good = good();
        let truncated = good[..good.len() / 2].to_string();
        let tampered = good.replacen("\"name\":\"Squeak\"", "\"name\":\"Squeek\"", 1);
        assert_ne!(tampered, good);
        let mut oversize = good.clone();
        oversize.push_str(&" ".repeat(20 * 1024 * 1024));
        let big_name = "a".repeat(10_000);
        let long_notes = "n".repeat(NOTES_MAX + 1);
        let long_note = "é".repeat(NOTE_MAX + 1);
        let long_reason = "r".repeat(REST_REASON_MAX + 1);

        let cases: Vec<(&str, String, &str)> = vec![
            ("empty", String::new(), "This file is empty."),
            ("whitespace", " \n\t\r ".into(), "This file is empty."),
            ("BOM only", "\u{feff}".into(), "This file is empty."),
            (
                "not JSON",
                "hello rats".into(),
                "This isn't a Ratbond backup.",
            ),
            (
                "truncated",
                truncated,
                "This file is cut short. Maybe it didn't finish downloading.",
            ),
            (
                "another app",
                r#"{"name":"x"}"#.into(),
                "This isn't a Ratbond backup.",
            ),
            ("an array", "[1,2,3]".into(), "This isn't a Ratbond backup."),
            (
                "a string",
                r#""ratbond-backup""#.into(),
                "This isn't a Ratbond backup.",
            ),
            (
                "trailing junk",
                format!("{good} x"),
                "This isn't a Ratbond backup.",
            ),
            (
                "wrong format name",
                with_envelope(|e| {
                    e.insert("format".into(), json!("ratbond"));
                }),
                "This isn't a Ratbond backup.",
            ),
            (
                "schema 0",
                with_envelope(|e| {
                    e.insert("schema_version".into(), json!(0));
                }),
                "This isn't a Ratbond backup.",
            ),
            (
                "schema missing",
                with_envelope(|e| {
                    e.remove("schema_version");
                }),
                "This isn't a Ratbond backup.",
            ),
            (
                "schema as text",
                with_envelope(|e| {
                    e.insert("schema_version".into(), json!("1"));
                }),
                "This isn't a Ratbond backup.",
            ),
            (
                "newer schema",
                with_envelope(|e| {
                    e.insert("schema_version".into(), json!(2));
                }),
                "This backup is from a newer version of Ratbond. Update the app, then try again.",
            ),
            (
                "tampered",
                tampered,
                "This file is damaged: its checksum doesn't match.",
            ),
            (
                "wrong checksum",
                with_envelope(|e| {
                    e.insert("checksum".into(), json!("fnv1a64:0000000000000000"));
                }),
                "This file is damaged: its checksum doesn't match.",
            ),
            (
                "no checksum",
                with_envelope(|e| {
                    e.remove("checksum");
                }),
                "This file is damaged: it has no checksum.",
            ),
            (
                "export time as text",
                with_envelope(|e| {
                    e.insert("exported_at".into(), json!("yesterday"));
                }),
                "This file is damaged: its export time can't be read.",
            ),
            (
                "no data",
                with_envelope(|e| {
                    e.remove("data");
                }),
                "This file is damaged: it has no data.",
            ),
            (
                "no rats list",
                with_data(|d| {
                    d.as_object_mut().unwrap().remove("rats");
                }),
                "This file is damaged: it has no list of rats.",
            ),
            (
                "rat not an object",
                with_data(|d| d["rats"][0] = json!(1)),
                "Rat 1 can't be read.",
            ),
            (
                "name is a number",
                with_data(|d| d["rats"][0]["name"] = json!(5)),
                "Rat 1 has a bad name.",
            ),
            (
                "name missing",
                with_data(|d| {
                    d["rats"][1].as_object_mut().unwrap().remove("name");
                }),
                "Rat 2 has no name.",
            ),
            (
                "empty name",
                with_data(|d| d["rats"][1]["name"] = json!("")),
                "Rat 2 has no name.",
            ),
            (
                "whitespace name",
                with_data(|d| d["rats"][1]["name"] = json!("  \t ")),
                "Rat 2 has no name.",
            ),
            (
                "10,000-character name",
                with_data(|d| d["rats"][0]["name"] = json!(big_name)),
                "Rat 1 has a name longer than 40 characters.",
            ),
            (
                "41-character name",
                with_data(|d| d["rats"][0]["name"] = json!("b".repeat(41))),
                "Rat 1 has a name longer than 40 characters.",
            ),
            (
                "bell in a name",
                with_data(|d| d["rats"][0]["name"] = json!("Pi\u{7}p")),
                "Rat 1 has characters in its name that can't be shown.",
            ),
            (
                "newline in a name",
                with_data(|d| d["rats"][0]["name"] = json!("Pip\nSqueak")),
                "Rat 1 has characters in its name that can't be shown.",
            ),
            (
                "notes too long",
                with_data(|d| d["rats"][0]["notes"] = json!(long_notes)),
                "Rat 1 (Pip) has notes longer than 500 characters.",
            ),
            (
                "NUL in notes",
                with_data(|d| d["rats"][0]["notes"] = json!("a\u{0}b")),
                "Rat 1 (Pip) has characters in its notes that can't be shown.",
            ),
            (
                "cage group too long",
                with_data(|d| d["rats"][1]["cage_group"] = json!("g".repeat(41))),
                "Rat 2 (Squeak) has a cage group longer than 40 characters.",
            ),
            (
                "unknown sex",
                with_data(|d| d["rats"][0]["sex"] = json!("both")),
                "Rat 1 (Pip) has a bad entry for sex.",
            ),
            (
                "birthday in the future",
                with_data(|d| d["rats"][1]["known_date"]["date"] = json!("2027-06-01")),
                "Rat 2 (Squeak) has a birthday or adoption date after the backup was made.",
            ),
            (
                "time stamp as text",
                with_data(|d| d["rats"][0]["created_at"] = json!("March")),
                "Rat 1 (Pip) has a bad time stamp.",
            ),
            (
                "negative time stamp",
                with_data(|d| d["rats"][0]["updated_at"] = json!(-1)),
                "Rat 1 (Pip) has a bad time stamp.",
            ),
            (
                "duplicate rat ids",
                with_data(|d| d["rats"][1]["id"] = json!("r1")),
                "Rat 2 (Squeak) is marked as the same rat as rat 1.",
            ),
            (
                "empty rat id",
                with_data(|d| d["rats"][1]["id"] = json!(" ")),
                "Rat 2 (Squeak) has a bad id.",
            ),
            (
                "duplicate session ids",
                with_data(|d| d["sessions"][2]["id"] = json!("s1")),
                "Session 3 is marked as the same session as session 1.",
            ),
            (
                "blank rat id",
                with_data(|d| d["sessions"][1]["outcomes"][1]["rat"] = json!(" ")),
                "Session 2 has a bad rat id.",
            ),
            (
                "date 0000-01-01",
                with_data(|d| d["sessions"][0]["day"] = json!("0000-01-01")),
                "Session 1 has a bad date.",
            ),
            (
                "date 99999-01-01",
                with_data(|d| d["sessions"][0]["day"] = json!("99999-01-01")),
                "Session 1 has a bad date.",
            ),
            (
                "30 February",
                with_data(|d| d["sessions"][0]["day"] = json!("2026-02-30")),
                "Session 1 has a bad date.",
            ),
            (
                "date as a number",
                with_data(|d| d["sessions"][0]["day"] = json!(20260302)),
                "Session 1 has a bad date.",
            ),
            (
                "date far in the future",
                with_data(|d| d["sessions"][0]["day"] = json!("2999-01-01")),
                "Session 1 has a date after the backup was made.",
            ),
            (
                "negative duration",
                with_data(|d| d["sessions"][0]["duration_secs"] = json!(-5)),
                "Session 1 has a bad duration.",
            ),
            (
                "five-hour session",
                with_data(|d| d["sessions"][0]["duration_secs"] = json!(5 * 3600)),
                "Session 1 is longer than 4 hours.",
            ),
            (
                "huge treats",
                with_data(|d| d["sessions"][0]["treats"] = json!(5000)),
                "Session 1 has 5000 treats. The most is 100.",
            ),
            (
                "negative treats",
                with_data(|d| d["sessions"][0]["treats"] = json!(-1)),
                "Session 1 has a bad number of treats.",
            ),
            (
                "session note too long",
                with_data(|d| d["sessions"][1]["note"] = json!(long_note)),
                "Session 2 has a note longer than 500 characters.",
            ),
            (
                "start time missing",
                with_data(|d| {
                    d["sessions"][0]
                        .as_object_mut()
                        .unwrap()
                        .remove("started_at");
                }),
                "Session 1 has no start time.",
            ),
            (
                "no rats in a session",
                with_data(|d| d["sessions"][0]["outcomes"] = json!([])),
                "Session 1 has no rats.",
            ),
            (
                "same rat twice",
                with_data(|d| d["sessions"][1]["outcomes"][1]["rat"] = json!("r1")),
                "Session 2 lists the same rat twice.",
            ),
            (
                "step beyond the ladder",
                with_data(|d| d["sessions"][0]["outcomes"][0]["step"] = json!(9)),
                "Session 1 has a step that isn't part of Offering treats.",
            ),
            (
                "step not a small number",
                with_data(|d| d["sessions"][0]["outcomes"][0]["step"] = json!(300)),
                "Session 1 has a bad step.",
            ),
            (
                "unknown technique",
                with_data(|d| d["sessions"][0]["outcomes"][0]["technique"] = json!("juggling")),
                "Session 1 has a technique Ratbond doesn't know.",
            ),
            (
                "unknown response",
                with_data(|d| d["sessions"][0]["outcomes"][0]["response"] = json!("ecstatic")),
                "Session 1 has a response Ratbond doesn't know.",
            ),
            (
                "unknown sign",
                with_data(|d| d["sessions"][0]["outcomes"][0]["signs"] = json!(["sang"])),
                "Session 1 has a sign Ratbond doesn't know.",
            ),
            (
                "plan for a blank rat id",
                with_data(|d| d["programs"]["rats"][" "] = json!({})),
                "Training plan 1 has a bad rat id.",
            ),
            (
                "plan with unknown technique",
                with_data(|d| d["programs"]["rats"]["r2"]["active"] = json!("juggling")),
                "The plan for rat 2 (Squeak) has a technique Ratbond doesn't know.",
            ),
            (
                "step change beyond the ladder",
                with_data(|d| d["programs"]["rats"]["r1"]["overrides"][0]["to_step"] = json!(9)),
                "The plan for rat 1 (Pip) has a step that isn't part of Offering treats.",
            ),
            (
                "rest backwards",
                with_data(|d| d["programs"]["rats"]["r1"]["rest"][0]["to"] = json!("2026-06-01")),
                "The plan for rat 1 (Pip) has a rest period that ends before it starts.",
            ),
            (
                "rest too long",
                with_data(|d| d["programs"]["rats"]["r1"]["rest"][0]["to"] = json!("2026-09-30")),
                "The plan for rat 1 (Pip) has a rest period of 92 days. The most is 60.",
            ),
            (
                "rest reason too long",
                with_data(|d| {
                    d["programs"]["rats"]["r1"]["rest"][0]["reason"] = json!(long_reason)
                }),
                "The plan for rat 1 (Pip) has a rest reason longer than 80 characters.",
            ),
            (
                "three practice times",
                with_data(|d| {
                    d["programs"]["practice_times"] = json!([
                        {"hour": 8, "minute": 0}, {"hour": 12, "minute": 0}, {"hour": 18, "minute": 0}
                    ])
                }),
                "This backup has 3 practice times. Ratbond keeps up to 2.",
            ),
            (
                "practice time 25:00",
                with_data(|d| d["programs"]["practice_times"][0]["hour"] = json!(25)),
                "Practice time 1 isn't a real time.",
            ),
            (
                "deeply nested",
                "[".repeat(10_000),
                "This isn't a Ratbond backup: it is nested far too deeply.",
            ),
            (
                "too deep inside the data",
                with_data(|d| {
                    d["rats"][0]["notes"] =
                        serde_json::from_str(&format!("{}{}", "[".repeat(62), "]".repeat(62)))
                            .unwrap()
                }),
                "This isn't a Ratbond backup: it is nested far too deeply.",
            ),
            ("20 MB", oversize, "The file is larger than 10 MB."),
        ];
        assert!(cases.len() >= 25, "{}", cases.len());

        let before = fixture();
        let mut held = fixture();
        let mut wrong = Vec::new();
        for (what, text, want) in &cases {
            let got = read(text);
            // The app applies a backup only on Ok, so a refusal changes nothing.
            if let Ok(backup) = &got {
                held = backup.data.clone();
            }
            let got = got.as_ref().map(|_| ()).map_err(ToString::to_string);
            if got != Err(want.to_string()) {
                wrong.push(format!("{what}: got {got:?}, want {want:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        assert_eq!(held, before);
    }

    #[test]
    fn size_limit_is_exactly_ten_mebibytes() {
        let good = good();
        let mut at_limit = good.clone();
        at_limit.push_str(&" ".repeat(SIZE_MAX_BYTES - good.len()));
        assert_eq!(at_limit.len(), SIZE_MAX_BYTES);
        assert!(read(&at_limit).is_ok());
        at_limit.push(' ');
        assert_eq!(read(&at_limit), Err(BackupError::TooLarge));
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let text = format!("\u{feff}{}", good());
        assert_eq!(read(&text).unwrap().data, fixture());
    }

    #[test]
    fn export_then_read_is_exact() {
        let data = fixture();
        let text = export(&data, "0.1.0", now());
        let backup = read(&text).unwrap();
        assert_eq!(backup.data, data);
        assert_eq!(backup.format, "ratbond-backup");
        assert_eq!(backup.schema_version, BACKUP_VERSION);
        assert_eq!(backup.app_version, "0.1.0");
        assert_eq!(backup.exported_at, now());
        assert_eq!(backup.checksum, checksum(&data));
        // And again: reading what was read and exporting it gives the same file.
        assert_eq!(export(&backup.data, "0.1.0", now()), text);
        // Empty data too.
        let empty = read(&export(&BackupData::default(), "0.1.0", now())).unwrap();
        assert_eq!(empty.data, BackupData::default());
    }

    #[test]
    fn a_deleted_rats_history_is_kept_and_restorable() {
        // Deleting a rat keeps its sessions (shared ones too) and its plan.
        let mut data = fixture();
        let gone = data.rats.remove(1);
        assert!(data
            .sessions
            .iter()
            .any(|s| s.outcome_for(&gone.id).is_some()));
        assert!(data.programs.of(&gone.id).is_some());
        let back = read(&export(&data, "0.1.0", now())).unwrap();
        assert_eq!(back.data, data);
        // Even with no rats left at all.
        data.rats.clear();
        assert_eq!(read(&export(&data, "0.1.0", now())).unwrap().data, data);
    }

    #[test]
    fn markup_in_a_name_is_kept_as_text() {
        let mut data = fixture();
        let markup = "<img src=x onerror=alert(1)>";
        data.rats[0].name = markup.into();
        data.rats[1].notes = "<script>alert(\"hi\")</script> & \"quotes\"".into();
        let back = read(&export(&data, "0.1.0", now())).unwrap();
        assert_eq!(back.data.rats[0].name, markup);
        assert_eq!(back.data, data);
    }

    #[test]
    fn checksum_catches_one_changed_character() {
        let data = fixture();
        let mut changed = fixture();
        changed.sessions[1].note = changed.sessions[1].note.replacen('C', "c", 1);
        assert_ne!(changed, data);
        assert_ne!(checksum(&changed), checksum(&data));

        // The same one-character change made in the file is caught.
        let text = export(&data, "0.1.0", now());
        assert!(read(&text).is_ok());
        let tampered = text.replacen("Calm evening", "calm evening", 1);
        assert_ne!(tampered, text);
        assert_eq!(
            read(&tampered),
            Err(BackupError::Damaged(CHECKSUM_MISMATCH))
        );
        // Even when the change leaves a valid, different backup behind.
        let tampered = text.replacen("\"treats\":4", "\"treats\":9", 1);
        assert_ne!(tampered, text);
        assert_eq!(
            read(&tampered),
            Err(BackupError::Damaged(CHECKSUM_MISMATCH))
        );
    }

    #[test]
    fn a_reformatted_file_still_reads_but_an_edited_one_does_not() {
        let v: Value = serde_json::from_str(&good()).unwrap();
        let pretty = serde_json::to_string_pretty(&v).unwrap();
        assert_ne!(pretty, good());
        assert_eq!(read(&pretty).unwrap().data, fixture());
        let edited = pretty.replacen("\"Pip\"", "\"Pop\"", 1);
        assert_ne!(edited, pretty);
        assert_eq!(read(&edited), Err(BackupError::Damaged(CHECKSUM_MISMATCH)));
    }

    #[test]
    fn file_name_carries_the_day() {
        assert_eq!(
            file_name(day("2026-03-02")),
            "ratbond-backup-2026-03-02.json"
        );
    }

    #[test]
    fn preview_sentences() {
        let p = |rats, sessions, first: Option<&str>, last: Option<&str>| Preview {
            rats,
            sessions,
            first_day: first.map(day),
            last_day: last.map(day),
        };
        let cases = [
            (
                p(3, 412, Some("2026-03-02"), Some("2026-12-01")),
                "3 rats, 412 sessions, from 2 March 2026 to 1 December 2026",
            ),
            (
                p(1, 1, Some("2026-03-02"), Some("2026-03-02")),
                "1 rat, 1 session, on 2 March 2026",
            ),
            (
                p(2, 3, Some("2025-12-31"), Some("2025-12-31")),
                "2 rats, 3 sessions, on 31 December 2025",
            ),
            (p(2, 0, None, None), "2 rats, no sessions yet"),
            (p(0, 0, None, None), "No rats, no sessions yet"),
        ];
        for (preview, want) in cases {
            assert_eq!(preview.sentence(), want);
        }
        let backup = read(&good()).unwrap();
        let got = preview(&backup);
        assert_eq!(got, p(2, 3, Some("2026-03-02"), Some("2026-12-01")));
        assert_eq!(
            got.sentence(),
            "2 rats, 3 sessions, from 2 March 2026 to 1 December 2026"
        );
    }

    #[test]
    fn merge_counts() {
        type Edit = fn(&mut BackupData);
        // (what, edit to this device's data, edit to the file's, added, updated, unchanged)
        let cases: Vec<(&str, Edit, Edit, [usize; 3])> = vec![
            // 2 rats + 3 sessions + 2 plans, all the same.
            ("identical", |_| {}, |_| {}, [0, 0, 7]),
            (
                "a new rat in the file",
                |_| {},
                |d| d.rats.push(rat("r3", "Nib")),
                [1, 0, 7],
            ),
            (
                "a newer session in the file",
                |_| {},
                |d| {
                    d.sessions[0].treats = 9;
                    d.sessions[0].updated_at += 1.0;
                },
                [0, 1, 6],
            ),
            (
                "an older session in the file",
                |d| d.sessions[0].updated_at += 1.0,
                |d| d.sessions[0].treats = 9,
                [0, 0, 7],
            ),
            (
                "same time, different content",
                |_| {},
                |d| d.rats[0].name = "Pop".into(),
                [0, 0, 7],
            ),
            (
                "sessions only here",
                |d| d.sessions.push(session("s9", "2026-11-01", vec![])),
                |d| d.sessions.truncate(1),
                [0, 0, 5],
            ),
            (
                "empty file",
                |_| {},
                |d| *d = BackupData::default(),
                [0, 0, 0],
            ),
            (
                "empty device",
                |d| *d = BackupData::default(),
                |_| {},
                // 2 rats, 3 sessions, 2 plans and the practice times.
                [8, 0, 0],
            ),
            (
                "a newer plan in the file",
                |_| {},
                |d| {
                    let p = d.programs.entry(&RatId("r2".into()));
                    p.choose(TechniqueId::Bonding, day("2026-11-01"), ms("2026-11-02"));
                },
                [0, 1, 6],
            ),
        ];
        for (what, here_edit, file_edit, [added, updated, unchanged]) in cases {
            let mut here = fixture();
            here_edit(&mut here);
            let mut file = fixture();
            file_edit(&mut file);
            let (merged, counts) = merge(&here, &file);
            assert_eq!(
                counts,
                MergeCounts {
                    added,
                    updated,
                    unchanged
                },
                "{what}"
            );
            // Every record of both sides is there once.
            let mut ids: Vec<&str> = merged.sessions.iter().map(|s| s.id.0.as_str()).collect();
            let all = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), all, "{what}");
        }
    }

    #[test]
    fn merge_takes_the_newer_edit_and_keeps_ties() {
        let here = fixture();
        let mut file = fixture();
        file.sessions[0].treats = 9;
        file.sessions[0].updated_at += 1.0;
        file.rats[1].name = "Squeaky".into(); // same updated_at: a tie keeps this device's
        file.rats.push(rat("r3", "Nib"));
        let (merged, counts) = merge(&here, &file);
        assert_eq!(counts.sentence(), "1 added, 1 updated, 6 unchanged");
        assert_eq!(merged.sessions[0].treats, 9);
        assert_eq!(merged.rats[1].name, "Squeak");
        assert_eq!(merged.rats[2].name, "Nib");
        // A merged result is itself a valid backup.
        assert!(read(&export(&merged, "0.1.0", now())).is_ok());
    }

    #[test]
    fn a_backup_from_a_device_whose_clock_ran_ahead_still_restores() {
        // Sessions logged while the clock said 12 December, exported after it was put right.
        let mut data = fixture();
        let ahead = ms("2026-12-12") + 3_600_000.0;
        data.sessions[2].day = day("2026-12-12");
        data.sessions[2].started_at = ahead;
        data.sessions[2].updated_at = ahead;
        let text = export(&data, "0.1.0", now());
        let back = read(&text).expect("the app's own backup restores");
        assert_eq!(back.data.sessions[2].day, day("2026-12-12"));
        // A date past every time stamp in the file is still refused.
        data.sessions[2].day = day("2026-12-20");
        let err = read(&export(&data, "0.1.0", now())).unwrap_err();
        assert!(
            err.to_string().contains("after the backup was made"),
            "{err}"
        );
    }

    #[test]
    fn merge_keeps_steps_set_by_hand_on_either_device() {
        let r1 = RatId("r1".into());
        let by_hand = |to_step: u8, on: &str| Override {
            rat: r1.clone(),
            technique: TechniqueId::OfferingTreats,
            from_step: 1,
            to_step,
            day: day(on),
            at: ms(on),
            reason: OverrideKind::MoveUp,
        };
        // The other phone moved r1 up by hand after this one last changed the plan.
        let here = fixture();
        let mut file = fixture();
        file.programs
            .entry(&r1)
            .add_override(by_hand(2, "2026-11-20"), ms("2026-11-20"));
        let (merged, counts) = merge(&here, &file);
        assert_eq!(merged.programs.of(&r1), file.programs.of(&r1));
        assert_eq!(counts.updated, 1, "{}", counts.sentence());

        // This phone's plan is newer (it started Scent), the file's step change is older:
        // the plan here stays, and the step set by hand comes in with it.
        let mut here = fixture();
        here.programs
            .entry(&r1)
            .choose(TechniqueId::Scent, day("2026-11-25"), ms("2026-11-25"));
        let (merged, counts) = merge(&here, &file);
        let plan = merged.programs.of(&r1).unwrap();
        assert_eq!(plan.active, Some(TechniqueId::Scent));
        let steps: Vec<u8> = plan.overrides.iter().map(|o| o.to_step).collect();
        assert_eq!(steps, [1, 2]);
        assert_eq!(counts.updated, 1, "{}", counts.sentence());
        // Merging the same file again brings nothing new.
        let (_, again) = merge(&merged, &file);
        assert_eq!(again.updated + again.added, 0, "{}", again.sentence());
    }

    #[test]
    fn merge_keeps_practice_times_unless_none_are_set_here() {
        let mut file = fixture();
        file.programs
            .set_practice_times(vec![Reminder::new(20, 0).unwrap()]);
        file.programs.notify = false;

        let here = fixture();
        let (merged, counts) = merge(&here, &file);
        assert_eq!(merged.programs.practice_times, here.programs.practice_times);
        assert!(merged.programs.notify);
        assert_eq!(counts.updated, 0);

        let mut bare = fixture();
        bare.programs.practice_times.clear();
        bare.programs.notify = false;
        file.programs.notify = true;
        let (merged, counts) = merge(&bare, &file);
        assert_eq!(merged.programs.practice_times, file.programs.practice_times);
        assert!(merged.programs.notify);
        // The times alone are something new: the merge must not be skipped as "nothing new".
        assert_eq!((counts.added, counts.updated), (1, 0));

        // Neither side has times: nothing to count.
        file.programs.practice_times.clear();
        let (_, counts) = merge(&bare, &file);
        assert_eq!((counts.added, counts.updated), (0, 0));
    }

    #[test]
    fn same_records_ignores_backup_bookkeeping() {
        let a = fixture();
        let mut b = fixture();
        b.programs.last_backup = Some(day("2026-11-30"));
        b.programs.backup_snoozed = Some(day("2026-11-29"));
        assert!(same_records(&a, &b));

        type Edit = fn(&mut BackupData);
        let changes: [(&str, Edit); 5] = [
            ("a rat renamed", |d| d.rats[0].name = "Pop".into()),
            ("a rat added", |d| d.rats.push(rat("r3", "Nib"))),
            ("a session removed", |d| {
                d.sessions.pop();
            }),
            ("a session edited", |d| d.sessions[0].treats += 1),
            ("practice times changed", |d| {
                d.programs.practice_times.clear()
            }),
        ];
        for (what, change) in changes {
            let mut c = fixture();
            change(&mut c);
            assert!(!same_records(&a, &c), "{what}");
        }
    }

    #[test]
    fn replace_is_the_file() {
        let mut file = fixture();
        file.sessions.reverse();
        let replaced = replace(&file);
        assert_eq!(replaced, fixture());
        assert_eq!(
            BackupError::Damaged(CHECKSUM_MISMATCH).to_string(),
            "This file is damaged: its checksum doesn't match."
        );
    }
}

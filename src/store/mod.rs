//! The only code that knows about storage: keys, schema versions, migrations, quarantine.

pub mod backend;
pub mod backup;
pub mod local;
pub mod schema;

use crate::domain::date::LocalDate;
use crate::domain::program::Programs;
use crate::domain::rat::Rat;
use crate::domain::session::{sort_sessions, Session};
use crate::domain::timer::SessionTimer;
use backend::{Backend, BackendError};
pub use schema::RATS_KEY as RATS_KEY_PUBLIC;
use schema::{
    month_key, Meta, META_KEY, PREFIX, PROGRAMS_KEY, QUARANTINE_PREFIX, RATS_KEY, SCHEMA_VERSION,
    SESSIONS_PREFIX, TIMER_KEY,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;

/// About what localStorage gives one site (5 M characters in Chromium, Firefox and Safari).
pub const BUDGET_CHARS: usize = 5_000_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
struct RatsRecord {
    rats: Vec<Rat>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
struct MonthRecord {
    sessions: Vec<Session>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// Data from a newer version of Ratbond is kept safe by refusing to write.
    ReadOnly,
    /// The record to change is no longer there.
    Missing,
    Backend(BackendError),
    Encode(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::ReadOnly => write!(
                f,
                "Your change was not saved: Ratbond is only showing your data right now, so nothing can be lost. See the message at the top."
            ),
            StoreError::Missing => write!(
                f,
                "Your change was not saved: this rat or session is gone, maybe deleted in another window."
            ),
            StoreError::Backend(BackendError::Quota) => write!(
                f,
                "Your change was not saved: the browser's storage for Ratbond is full."
            ),
            StoreError::Backend(e) => write!(f, "Your change was not saved: {e}."),
            StoreError::Encode(e) => write!(f, "Your change was not saved: {e}."),
        }
    }
}

impl From<BackendError> for StoreError {
    fn from(e: BackendError) -> Self {
        StoreError::Backend(e)
    }
}

/// Something found while opening storage that the owner should hear about.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadIssue {
    /// A record could not be read; its raw text sits, untouched, under `quarantine_key`.
    Quarantined {
        what: &'static str,
        quarantine_key: String,
    },
    /// Stored by a newer schema: the app will not write.
    NewerSchema { stored: u32 },
    /// A migration failed: the app will not write, so nothing is lost.
    MigrationFailed(String),
    /// Reading failed outright (storage threw).
    ReadFailed(String),
}

impl fmt::Display for LoadIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadIssue::Quarantined { what, .. } => write!(
                f,
                "Some saved data ({what}) could not be read. It is kept safe, untouched, and you can download it."
            ),
            LoadIssue::NewerSchema { stored } => write!(
                f,
                "This data comes from a newer Ratbond (format {stored}). It is shown read-only so nothing is overwritten. Reload to get the update."
            ),
            LoadIssue::MigrationFailed(e) => write!(
                f,
                "Your data could not be brought up to date ({e}). It is shown read-only so nothing is lost."
            ),
            LoadIssue::ReadFailed(e) => write!(f, "Saved data could not be read ({e})."),
        }
    }
}

/// What storage holds right now, for the Settings screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Usage {
    pub keys: usize,
    pub chars: usize,
}

pub struct Store {
    backend: Box<dyn Backend>,
    app_version: String,
    read_only: bool,
}

/// What [`Store::open`] found.
pub struct Opened {
    pub store: Store,
    pub rats: Vec<Rat>,
    /// Every session, oldest first.
    pub sessions: Vec<Session>,
    pub programs: Programs,
    pub timer: Option<SessionTimer>,
    pub issues: Vec<LoadIssue>,
}

impl Store {
    /// Opens storage, migrating or quarantining as needed. Never fails: the worst case is an
    /// empty, read-only store with the reasons in `issues`.
    pub fn open(backend: Box<dyn Backend>, app_version: &str, now_ms: f64) -> Opened {
        let mut store = Store {
            backend,
            app_version: app_version.to_string(),
            read_only: false,
        };
        let mut issues = Vec::new();

        match store.read_meta(now_ms) {
            Ok(MetaState::Current) => {}
            Ok(MetaState::Fresh) => {
                // A failed first write is reported by the next real save.
                let _ = store.write_meta(now_ms);
            }
            Ok(MetaState::Older(stored)) => {
                match schema::migrate(&*store.backend, schema::MIGRATIONS, stored, SCHEMA_VERSION) {
                    Ok(_) => {
                        let _ = store.write_meta(now_ms);
                    }
                    Err(e) => {
                        store.read_only = true;
                        issues.push(LoadIssue::MigrationFailed(e.to_string()));
                    }
                }
            }
            Ok(MetaState::Newer(stored)) => {
                store.read_only = true;
                issues.push(LoadIssue::NewerSchema { stored });
            }
            Ok(MetaState::Unreadable(raw)) => {
                // Unknown version: keep it, and never write over data we cannot date.
                issues.extend(store.quarantine("app settings", META_KEY, &raw, now_ms));
                let _ = store.write_meta(now_ms);
            }
            Err(e) => {
                store.read_only = true;
                issues.push(LoadIssue::ReadFailed(e.to_string()));
            }
        }

        let rats = store
            .load::<RatsRecord>(RATS_KEY, "rat profiles", now_ms, &mut issues)
            .map(|r| r.rats)
            .unwrap_or_default();
        let programs = store
            .load::<Programs>(PROGRAMS_KEY, "training programs", now_ms, &mut issues)
            .unwrap_or_default();
        let timer = store.load::<SessionTimer>(TIMER_KEY, "session timer", now_ms, &mut issues);
        let mut month_keys: Vec<String> = match store.backend.keys() {
            Ok(keys) => keys
                .into_iter()
                .filter(|k| k.starts_with(SESSIONS_PREFIX))
                .collect(),
            Err(e) => {
                store.read_only = true;
                issues.push(LoadIssue::ReadFailed(e.to_string()));
                Vec::new()
            }
        };
        crate::domain::order::sort_by(&mut month_keys, &|a, b| a.cmp(b));
        let mut sessions = Vec::new();
        for key in month_keys {
            if let Some(month) =
                store.load::<MonthRecord>(&key, "session history", now_ms, &mut issues)
            {
                sessions.extend(month.sessions);
            }
        }
        let sessions = dedupe_sessions(sessions);

        issues.extend(store.quarantined());
        Opened {
            store,
            rats,
            sessions,
            programs,
            timer,
            issues,
        }
    }

    /// Reads one record; an unreadable one is quarantined and reported, never dropped.
    fn load<T: DeserializeOwned>(
        &mut self,
        key: &str,
        what: &'static str,
        now_ms: f64,
        issues: &mut Vec<LoadIssue>,
    ) -> Option<T> {
        match self.backend.get(key) {
            Ok(None) => None,
            Ok(Some(raw)) => match serde_json::from_str::<T>(&raw) {
                Ok(value) => Some(value),
                Err(_) => {
                    issues.extend(self.quarantine(what, key, &raw, now_ms));
                    None
                }
            },
            Err(e) => {
                // Saving now could overwrite what we could not read.
                self.read_only = true;
                issues.push(LoadIssue::ReadFailed(e.to_string()));
                None
            }
        }
    }

    fn read_meta(&self, _now_ms: f64) -> Result<MetaState, BackendError> {
        let Some(raw) = self.backend.get(META_KEY)? else {
            return Ok(MetaState::Fresh);
        };
        Ok(match serde_json::from_str::<Meta>(&raw) {
            Ok(meta) if meta.schema_version == SCHEMA_VERSION => MetaState::Current,
            Ok(meta) if meta.schema_version > SCHEMA_VERSION => {
                MetaState::Newer(meta.schema_version)
            }
            Ok(meta) => MetaState::Older(meta.schema_version),
            Err(_) => MetaState::Unreadable(raw),
        })
    }

    fn write_meta(&self, now_ms: f64) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let created_at = self
            .backend
            .get(META_KEY)
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str::<Meta>(&raw).ok())
            .map(|m| m.created_at)
            .unwrap_or(now_ms);
        let meta = Meta {
            schema_version: SCHEMA_VERSION,
            app_version: self.app_version.clone(),
            created_at,
        };
        let text = serde_json::to_string(&meta).map_err(|e| StoreError::Encode(e.to_string()))?;
        self.backend.set(META_KEY, &text)?;
        Ok(())
    }

    /// Moves unreadable text aside under a new key, so the original key can be written again.
    /// When the copy fails, or the store may not write, the original stays put untouched.
    fn quarantine(
        &mut self,
        what: &'static str,
        key: &str,
        raw: &str,
        now_ms: f64,
    ) -> Option<LoadIssue> {
        if self.read_only {
            // Maybe a newer format we cannot read: leave every byte where it is.
            return Some(LoadIssue::ReadFailed(format!(
                "{what} could not be read by this version, and were left untouched"
            )));
        }
        let name = key.trim_start_matches(PREFIX).replace('/', "-");
        let quarantine_key = format!("{QUARANTINE_PREFIX}{name}-{}", now_ms as u64);
        match self.backend.set(&quarantine_key, raw) {
            Ok(()) => {
                let _ = self.backend.remove(key);
                None
            }
            Err(e) => {
                self.read_only = true;
                Some(LoadIssue::ReadFailed(format!(
                    "{what} could not be set aside: {e}"
                )))
            }
        }
    }

    /// Every record kept aside so far, oldest first.
    pub fn quarantined(&self) -> Vec<LoadIssue> {
        let mut keys: Vec<String> = self
            .backend
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .collect();
        crate::domain::order::sort_by(&mut keys, &|a, b| a.cmp(b));
        keys.into_iter()
            .map(|quarantine_key| {
                let name = quarantine_key.trim_start_matches(QUARANTINE_PREFIX);
                let what = if name.starts_with("meta") {
                    "app settings"
                } else if name.starts_with("rats") {
                    "rat profiles"
                } else if name.starts_with("programs") {
                    "training programs"
                } else if name.starts_with("sessions") {
                    "session history"
                } else if name.starts_with("timer") {
                    "session timer"
                } else {
                    "saved data"
                };
                LoadIssue::Quarantined {
                    what,
                    quarantine_key,
                }
            })
            .collect()
    }

    /// Deletes a record kept aside, only when the owner asks.
    pub fn forget_quarantined(&self, key: &str) -> Result<(), StoreError> {
        if !key.starts_with(QUARANTINE_PREFIX) {
            return Ok(());
        }
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        self.backend.remove(key)?;
        Ok(())
    }

    /// Another tab wrote the meta record: a newer schema there makes this tab read-only.
    pub fn recheck_schema(&mut self) -> Option<LoadIssue> {
        if self.read_only {
            return None;
        }
        match self.read_meta(0.0) {
            Ok(MetaState::Newer(stored)) => {
                self.read_only = true;
                Some(LoadIssue::NewerSchema { stored })
            }
            Ok(MetaState::Unreadable(_)) | Err(_) => {
                self.read_only = true;
                Some(LoadIssue::ReadFailed(
                    "another window changed the app settings in a way this one cannot read".into(),
                ))
            }
            _ => None,
        }
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn is_persistent(&self) -> bool {
        self.backend.is_persistent()
    }

    /// Writes the whole list of rats (one small key). On error nothing has changed.
    pub fn save_rats(&self, rats: &[Rat]) -> Result<(), StoreError> {
        self.write_json(RATS_KEY, &RatsRecordRef { rats })
    }

    fn write_json<T: Serialize + ?Sized>(&self, key: &str, value: &T) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let text = serde_json::to_string(value).map_err(|e| StoreError::Encode(e.to_string()))?;
        self.backend.set(key, &text)?;
        Ok(())
    }

    pub fn save_programs(&self, programs: &Programs) -> Result<(), StoreError> {
        self.write_json(PROGRAMS_KEY, programs)
    }

    pub fn save_timer(&self, timer: Option<&SessionTimer>) -> Result<(), StoreError> {
        match timer {
            Some(timer) => self.write_json(TIMER_KEY, timer),
            None if self.read_only => Err(StoreError::ReadOnly),
            None => Ok(self.backend.remove(TIMER_KEY)?),
        }
    }

    /// Rewrites the one month that `day` falls in, from that month's sessions.
    pub fn save_month(&self, day: LocalDate, sessions: &[&Session]) -> Result<(), StoreError> {
        let key = month_key(day);
        if sessions.is_empty() {
            if self.read_only {
                return Err(StoreError::ReadOnly);
            }
            return Ok(self.backend.remove(&key)?);
        }
        #[derive(Serialize)]
        struct MonthRef<'a> {
            sessions: &'a [&'a Session],
        }
        self.write_json(&key, &MonthRef { sessions })
    }

    /// Reads sessions, programs and the timer again (another tab wrote them).
    #[allow(clippy::type_complexity)]
    pub fn reread_history(&self) -> Result<(Vec<Session>, Programs, Option<SessionTimer>), String> {
        fn read<T: DeserializeOwned>(
            backend: &dyn Backend,
            key: &str,
        ) -> Result<Option<T>, String> {
            match backend.get(key).map_err(|e| e.to_string())? {
                Some(raw) => serde_json::from_str(&raw)
                    .map(Some)
                    .map_err(|e| e.to_string()),
                None => Ok(None),
            }
        }
        let backend = &*self.backend;
        let programs = read::<Programs>(backend, PROGRAMS_KEY)?.unwrap_or_default();
        let timer = read::<SessionTimer>(backend, TIMER_KEY)?;
        let mut sessions = Vec::new();
        let keys = backend.keys().map_err(|e| e.to_string())?;
        for key in keys.iter().filter(|k| k.starts_with(SESSIONS_PREFIX)) {
            if let Some(month) = read::<MonthRecord>(backend, key)? {
                sessions.extend(month.sessions);
            }
        }
        Ok((dedupe_sessions(sessions), programs, timer))
    }

    /// Reads the rats again, e.g. after another tab changed them.
    pub fn reload_rats(&self) -> Result<Vec<Rat>, String> {
        match self.backend.get(RATS_KEY) {
            Ok(None) => Ok(Vec::new()),
            Ok(Some(raw)) => serde_json::from_str::<RatsRecord>(&raw)
                .map(|r| r.rats)
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        }
    }

    pub fn usage(&self) -> Result<Usage, BackendError> {
        let mut usage = Usage { keys: 0, chars: 0 };
        for key in self.backend.keys()? {
            if !key.starts_with(PREFIX) {
                continue;
            }
            let value = self.backend.get(&key)?.unwrap_or_default();
            usage.keys += 1;
            // localStorage counts UTF-16 code units.
            usage.chars += key.encode_utf16().count() + value.encode_utf16().count();
        }
        Ok(usage)
    }

    /// Raw text of a quarantined record, for the owner to download.
    pub fn raw(&self, key: &str) -> Option<String> {
        self.backend.get(key).ok().flatten()
    }
}

#[derive(Serialize)]
struct RatsRecordRef<'a> {
    rats: &'a [Rat],
}

/// Sorted, one per id: a session caught in two months by a half-finished move counts once,
/// and its newest edit wins.
fn dedupe_sessions(mut sessions: Vec<Session>) -> Vec<Session> {
    crate::domain::order::sort_by(&mut sessions, &|a, b| {
        a.id.cmp(&b.id).then(b.updated_at.total_cmp(&a.updated_at))
    });
    sessions.dedup_by(|later, kept| later.id == kept.id);
    sort_sessions(&mut sessions);
    sessions
}

enum MetaState {
    Fresh,
    Current,
    Older(u32),
    Newer(u32),
    Unreadable(String),
}

#[cfg(test)]
mod tests;

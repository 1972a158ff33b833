//! The only code that knows about storage: keys, schema versions, migrations, quarantine.

pub mod backend;
pub mod backup;
pub mod codec;
pub mod device;
pub mod local;
pub mod reread;
pub mod schema;

use crate::domain::date::LocalDate;
use crate::domain::program::Programs;
use crate::domain::rat::{Rat, RatId};
use crate::domain::session::SessionId;
use crate::domain::session::{session_order, sort_sessions, Session};
use crate::domain::timer::SessionTimer;
use crate::text::store as words;
use backend::{Backend, BackendError};
pub use schema::RATS_KEY as RATS_KEY_PUBLIC;
use schema::{
    month_key, Meta, META_KEY, PREFIX, PROGRAMS_KEY, QUARANTINE_PREFIX, RATS_KEY, SCHEMA_VERSION,
    SESSIONS_PREFIX, TIMER_KEY,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// About what localStorage gives one site (5 M characters in Chromium, Firefox and Safari).
pub const BUDGET_CHARS: usize = 5_000_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
struct RatsRecord {
    rats: Vec<Rat>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// Data from a newer version of Ratbond is kept safe by refusing to write.
    ReadOnly,
    /// The record to change is no longer there.
    Missing,
    Backend(BackendError),
    Encode(String),
    /// The stored record to merge with could not be read; reopening sets it aside safely.
    Damaged(String),
    /// The month is still waiting for [`Store::load_pending`]; rewriting it now would drop it.
    NotLoaded,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::text::store as t;
        match self {
            StoreError::ReadOnly => f.write_str(t::NOT_SAVED_READ_ONLY),
            StoreError::Missing => f.write_str(t::NOT_SAVED_MISSING),
            StoreError::Backend(BackendError::Quota) => f.write_str(t::NOT_SAVED_FULL),
            StoreError::Backend(e) => f.write_str(&t::not_saved(&e.to_string())),
            StoreError::Encode(e) => f.write_str(&t::not_saved(e)),
            StoreError::Damaged(what) => f.write_str(&t::not_saved_damaged(what)),
            StoreError::NotLoaded => f.write_str(t::NOT_SAVED_NOT_LOADED),
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
        use crate::text::store as t;
        match self {
            LoadIssue::Quarantined { what, .. } => f.write_str(&t::quarantined(what)),
            LoadIssue::NewerSchema { stored } => f.write_str(&t::newer_schema(*stored)),
            LoadIssue::MigrationFailed(e) => f.write_str(&t::migration_failed(e)),
            LoadIssue::ReadFailed(e) => f.write_str(&t::read_failed(e)),
        }
    }
}

/// What storage holds right now, for the Settings screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Usage {
    pub keys: usize,
    pub chars: usize,
    /// The part of `chars` that session months take.
    pub session_chars: usize,
}

pub struct Store {
    backend: Box<dyn Backend>,
    app_version: String,
    read_only: bool,
    /// Month keys read so far (by open or load_pending).
    loaded: BTreeSet<String>,
    /// Month keys open left for [`Store::load_pending`], newest first.
    pending: Vec<String>,
    /// The month this store wrote last: its key, the text written and the sessions that text
    /// holds. The next save re-reads the key and, when the text is still the same (no other
    /// tab wrote it), skips decoding it again; any other text is decoded as before.
    last_month: std::cell::RefCell<Option<LastMonth>>,
}

/// See `Store::last_month`; `parts` lets the next write re-encode only what changed.
#[derive(Clone)]
struct LastMonth {
    key: String,
    text: String,
    sessions: Vec<Session>,
    parts: codec::Parts,
}

/// What [`Store::open`] found.
pub struct Opened {
    pub store: Store,
    pub rats: Vec<Rat>,
    /// The sessions of the months the first screen needs, oldest first; the rest come from
    /// [`Store::load_pending`].
    pub sessions: Vec<Session>,
    /// Month keys not read yet, newest first.
    pub pending_months: Vec<String>,
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
            loaded: BTreeSet::new(),
            pending: Vec::new(),
            last_month: Default::default(),
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
                issues.extend(store.quarantine(words::APP_SETTINGS, META_KEY, &raw, now_ms));
                let _ = store.write_meta(now_ms);
            }
            Err(e) => {
                store.read_only = true;
                issues.push(LoadIssue::ReadFailed(e.to_string()));
            }
        }

        let rats = store
            .load::<RatsRecord>(RATS_KEY, words::RAT_PROFILES, now_ms, &mut issues)
            .map(|r| r.rats)
            .unwrap_or_default();
        let programs = store
            .load::<Programs>(PROGRAMS_KEY, words::TRAINING_PROGRAMS, now_ms, &mut issues)
            .unwrap_or_default();
        let timer =
            store.load::<SessionTimer>(TIMER_KEY, words::SESSION_TIMER, now_ms, &mut issues);
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
        // Newest first: the first screen needs recent months and each rat's active technique.
        crate::domain::order::sort_by(&mut month_keys, &|a, b| b.cmp(a));
        let oldest_needed = first_month_needed(&rats, &programs, now_ms).map(month_key);
        let mut months = Vec::new();
        for key in month_keys {
            if oldest_needed.as_ref().is_some_and(|oldest| key < *oldest) {
                store.pending.push(key);
                continue;
            }
            if let Some(month) = store.load_month(&key, now_ms, &mut issues) {
                months.push(month);
            }
        }
        let sessions = dedupe_sessions(oldest_first(months));

        issues.extend(store.quarantined());
        let pending_months = store.pending.clone();
        Opened {
            store,
            rats,
            sessions,
            pending_months,
            programs,
            timer,
            issues,
        }
    }

    /// Reads one month key (v1 or v2); an unreadable one is quarantined like any record.
    fn load_month(
        &mut self,
        key: &str,
        now_ms: f64,
        issues: &mut Vec<LoadIssue>,
    ) -> Option<Vec<Session>> {
        match self.backend.get(key) {
            Ok(None) => None,
            Ok(Some(raw)) => match codec::decode_month(&raw) {
                Ok(sessions) => {
                    self.loaded.insert(key.to_string());
                    Some(sessions)
                }
                Err(_) => {
                    issues.extend(self.quarantine(words::SESSION_HISTORY, key, &raw, now_ms));
                    None
                }
            },
            Err(e) => {
                self.read_only = true;
                issues.push(LoadIssue::ReadFailed(e.to_string()));
                None
            }
        }
    }

    /// Month keys open did not read yet, newest first.
    pub fn pending_months(&self) -> &[String] {
        &self.pending
    }

    /// Reads every month open left out (and any another tab added since), quarantining bad
    /// ones as open does. Merge the result into what open gave with [`merge_sessions`].
    pub fn load_pending(&mut self, now_ms: f64) -> (Vec<Session>, Vec<LoadIssue>) {
        let mut issues = Vec::new();
        let mut keys: Vec<String> = match self.backend.keys() {
            Ok(keys) => keys
                .into_iter()
                .filter(|k| k.starts_with(SESSIONS_PREFIX) && !self.loaded.contains(k))
                .collect(),
            Err(e) => {
                self.read_only = true;
                issues.push(LoadIssue::ReadFailed(e.to_string()));
                return (Vec::new(), issues);
            }
        };
        crate::domain::order::sort_by(&mut keys, &|a, b| b.cmp(a));
        let before: Vec<String> = self.quarantine_keys();
        let mut months = Vec::new();
        for key in keys {
            if let Some(month) = self.load_month(&key, now_ms, &mut issues) {
                months.push(month);
            }
        }
        let sessions = oldest_first(months);
        self.pending.clear();
        // Report only what this call set aside; open already reported the rest.
        issues.extend(self.quarantined().into_iter().filter(|i| {
            !matches!(i, LoadIssue::Quarantined { quarantine_key, .. } if before.contains(quarantine_key))
        }));
        (dedupe_sessions(sessions), issues)
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
            return Some(LoadIssue::ReadFailed(words::left_untouched(what)));
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
                Some(LoadIssue::ReadFailed(words::not_set_aside(
                    what,
                    &e.to_string(),
                )))
            }
        }
    }

    fn quarantine_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .backend
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .collect();
        crate::domain::order::sort_by(&mut keys, &|a, b| a.cmp(b));
        keys
    }

    /// Every record kept aside so far, oldest first.
    pub fn quarantined(&self) -> Vec<LoadIssue> {
        self.quarantine_keys()
            .into_iter()
            .map(|quarantine_key| {
                let name = quarantine_key.trim_start_matches(QUARANTINE_PREFIX);
                let what = if name.starts_with("meta") {
                    crate::text::store::APP_SETTINGS
                } else if name.starts_with("rats") {
                    crate::text::store::RAT_PROFILES
                } else if name.starts_with("programs") {
                    crate::text::store::TRAINING_PROGRAMS
                } else if name.starts_with("sessions") {
                    crate::text::store::SESSION_HISTORY
                } else if name.starts_with("timer") {
                    crate::text::store::SESSION_TIMER
                } else {
                    crate::text::store::SAVED_DATA
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
                Some(LoadIssue::ReadFailed(words::OTHER_WINDOW_SETTINGS.into()))
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

    /// Rewrites the one month that `day` falls in, from that month's sessions (the caller's
    /// whole view of it). Prefer [`Store::write_sessions`], which merges with other tabs.
    pub fn save_month(&self, day: LocalDate, sessions: &[&Session]) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let key = month_key(day);
        // Still there and unread: the caller's view of it is empty, not the month.
        if self.pending.contains(&key) && self.backend.get(&key)?.is_some() {
            return Err(StoreError::NotLoaded);
        }
        if sessions.is_empty() {
            return Ok(self.backend.remove(&key)?);
        }
        let text = codec::encode_month(day, sessions).map_err(StoreError::Encode)?;
        self.backend.set(&key, &text)?;
        Ok(())
    }

    /// Logs, edits, moves and deletes sessions, merged with what another tab stored: each
    /// touched month is read again, `removals` (id and the day it was stored under) and
    /// older copies of each upsert are dropped, upserts go in. Returns the merged sessions
    /// of every touched month, sorted. On error nothing has changed.
    pub fn write_sessions(
        &self,
        upserts: &[Session],
        removals: &[(SessionId, LocalDate)],
    ) -> Result<Vec<Session>, StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let mut months: BTreeMap<String, LocalDate> = BTreeMap::new();
        for day in upserts
            .iter()
            .map(|s| s.day)
            .chain(removals.iter().map(|r| r.1))
        {
            months.entry(month_key(day)).or_insert(day);
        }
        // The last copy of an id in `upserts` wins.
        let mut latest: BTreeMap<&SessionId, &Session> = BTreeMap::new();
        for s in upserts {
            latest.insert(&s.id, s);
        }
        let mut plan = Vec::new();
        let mut merged = Vec::new();
        // Taken out for this call: put back only once the new text is stored.
        let mut cached = self.last_month.take();
        let mut keep = None;
        for (key, day) in &months {
            let old = self.backend.get(key)?;
            let unchanged = cached
                .as_ref()
                .is_some_and(|c| c.key == *key && old.as_ref() == Some(&c.text));
            // Each session with its text when it comes unchanged from the kept month.
            let (mut pairs, old_rats): (Vec<(Session, Option<String>)>, Vec<RatId>) =
                match (&old, cached.take_if(|_| unchanged)) {
                    (_, Some(c)) => (
                        c.sessions
                            .into_iter()
                            .zip(c.parts.sessions.into_iter().map(Some))
                            .collect(),
                        c.parts.rats,
                    ),
                    (Some(raw), None) => (
                        codec::decode_month(raw)
                            .map_err(|_| StoreError::Damaged(words::SESSION_HISTORY.into()))?
                            .into_iter()
                            .map(|s| (s, None))
                            .collect(),
                        Vec::new(),
                    ),
                    (None, None) => (Vec::new(), Vec::new()),
                };
            pairs.retain(|(s, _)| {
                !latest.contains_key(&s.id)
                    && !removals
                        .iter()
                        .any(|(id, d)| *id == s.id && month_key(*d) == *key)
            });
            pairs.extend(
                latest
                    .values()
                    .filter(|s| month_key(s.day) == *key)
                    .map(|s| ((*s).clone(), None)),
            );
            // As `sort_sessions` would sort the sessions alone.
            crate::domain::order::sort_by(&mut pairs, &|a, b| session_order(&a.0, &b.0));
            let (list, hints): (Vec<Session>, Vec<Option<String>>) = pairs.into_iter().unzip();
            let new = if list.is_empty() {
                None
            } else {
                let refs: Vec<&Session> = list.iter().collect();
                Some(
                    codec::encode_month_reusing(*day, &refs, Some((&old_rats, hints)))
                        .map_err(StoreError::Encode)?,
                )
            };
            merged.extend(list.iter().cloned());
            // The latest month is the one the next save most likely touches.
            let new = new.map(|(text, parts)| {
                keep = Some(LastMonth {
                    key: key.clone(),
                    text: text.clone(),
                    sessions: list,
                    parts,
                });
                text
            });
            plan.push(Change {
                key: key.clone(),
                old,
                new,
            });
        }
        self.apply(plan)?;
        *self.last_month.borrow_mut() = keep;
        sort_sessions(&mut merged);
        Ok(merged)
    }

    /// Writes the rats, merged by id with what another tab stored: a rat we added, changed
    /// or removed (`before` and `after` differ for its id) takes our version; every other
    /// rat keeps the stored one. Returns the merged list.
    pub fn write_rats(&self, before: &[Rat], after: &[Rat]) -> Result<Vec<Rat>, StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let stored = match self.backend.get(RATS_KEY)? {
            Some(raw) => {
                serde_json::from_str::<RatsRecord>(&raw)
                    .map_err(|_| StoreError::Damaged(words::RAT_PROFILES.into()))?
                    .rats
            }
            None => Vec::new(),
        };
        let merged = merge_by_id(stored, before, after, |r: &Rat| r.id.clone());
        self.save_rats(&merged)?;
        Ok(merged)
    }

    /// Writes the programs, merged with what another tab stored: per rat entry and per
    /// top-level field, ours wins where `before` and `after` differ, the stored one elsewhere.
    pub fn write_programs(
        &self,
        before: &Programs,
        after: &Programs,
    ) -> Result<Programs, StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let stored = match self.backend.get(PROGRAMS_KEY)? {
            Some(raw) => serde_json::from_str::<Programs>(&raw)
                .map_err(|_| StoreError::Damaged(words::TRAINING_PROGRAMS.into()))?,
            None => Programs::default(),
        };
        let merged = merge_programs(stored, before, after);
        self.save_programs(&merged)?;
        Ok(merged)
    }

    /// Makes storage hold exactly `next`: rats, programs and every month (month keys `next`
    /// has no sessions for are removed; the timer stays). If a write fails, every key changed
    /// so far gets back the exact text it had, and the error is returned.
    ///
    /// `_previous` (what the caller showed before) is not needed for that: the rollback uses
    /// the stored text itself, which also covers months the caller never loaded.
    pub fn replace_all(
        &self,
        next: &backup::BackupData,
        _previous: &backup::BackupData,
    ) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let json =
            |r: Result<String, serde_json::Error>| r.map_err(|e| StoreError::Encode(e.to_string()));
        let mut wanted: BTreeMap<String, Option<String>> = BTreeMap::new();
        wanted.insert(
            RATS_KEY.into(),
            Some(json(serde_json::to_string(&RatsRecordRef {
                rats: &next.rats,
            }))?),
        );
        wanted.insert(
            PROGRAMS_KEY.into(),
            Some(json(serde_json::to_string(&next.programs))?),
        );
        let mut by_month: BTreeMap<String, Vec<Session>> = BTreeMap::new();
        for s in &next.sessions {
            by_month
                .entry(month_key(s.day))
                .or_default()
                .push(s.clone());
        }
        for (key, mut list) in by_month {
            sort_sessions(&mut list);
            let Some(day) = list.first().map(|s| s.day) else {
                continue;
            };
            let refs: Vec<&Session> = list.iter().collect();
            let text = codec::encode_month(day, &refs).map_err(StoreError::Encode)?;
            wanted.insert(key, Some(text));
        }
        for key in self.backend.keys()? {
            if key.starts_with(SESSIONS_PREFIX) && !wanted.contains_key(&key) {
                wanted.insert(key, None);
            }
        }
        let mut plan = Vec::new();
        for (key, new) in wanted {
            let old = self.backend.get(&key)?;
            plan.push(Change { key, old, new });
        }
        self.apply(plan)
    }

    /// Removes every Ratbond key (quarantined records too) and starts a fresh meta record.
    pub fn clear_all(&self, now_ms: f64) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        // Meta last, so a failure part-way still leaves storage dated.
        for key in self.backend.keys()? {
            if key.starts_with(PREFIX) && key != META_KEY {
                self.backend.remove(&key)?;
            }
        }
        self.backend.remove(META_KEY)?;
        self.write_meta(now_ms)
    }

    /// Writes a set of key changes; on the first failure puts back the old text of every
    /// key already changed. Shrinking changes go first, so a full storage fails early and
    /// the rollback always has the room it had before.
    fn apply(&self, mut plan: Vec<Change>) -> Result<(), StoreError> {
        plan.retain(|c| c.old != c.new);
        let size = |t: &Option<String>| t.as_ref().map_or(0, |t| t.encode_utf16().count() as i64);
        crate::domain::order::sort_by(&mut plan, &|a, b| {
            (size(&a.new) - size(&a.old)).cmp(&(size(&b.new) - size(&b.old)))
        });
        for (i, change) in plan.iter().enumerate() {
            let done = match &change.new {
                Some(text) => self.backend.set(&change.key, text),
                None => self.backend.remove(&change.key),
            };
            if let Err(e) = done {
                // In reverse: the biggest growths go first, making room for shrinks to grow back.
                for undo in plan[..i].iter().rev() {
                    let _ = match &undo.old {
                        Some(text) => self.backend.set(&undo.key, text),
                        None => self.backend.remove(&undo.key),
                    };
                }
                return Err(e.into());
            }
        }
        Ok(())
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
            if let Some(raw) = backend.get(key).map_err(|e| e.to_string())? {
                sessions.extend(codec::decode_month(&raw).map_err(|e| e.to_string())?);
            }
        }
        Ok((dedupe_sessions(sessions), programs, timer))
    }

    /// Everything stored now, read afresh (another tab may have written since), in the
    /// order the app shows it.
    pub fn read_all(&self) -> Result<backup::BackupData, String> {
        let mut rats = self.reload_rats()?;
        crate::domain::rat::sort_for_list(&mut rats);
        let (sessions, programs, _) = self.reread_history()?;
        Ok(backup::BackupData {
            rats,
            sessions,
            programs,
        })
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
        let mut usage = Usage {
            keys: 0,
            chars: 0,
            session_chars: 0,
        };
        for key in self.backend.keys()? {
            if !key.starts_with(PREFIX) {
                continue;
            }
            let value = self.backend.get(&key)?.unwrap_or_default();
            usage.keys += 1;
            // localStorage counts UTF-16 code units.
            let chars = key.encode_utf16().count() + value.encode_utf16().count();
            usage.chars += chars;
            if key.starts_with(SESSIONS_PREFIX) {
                usage.session_chars += chars;
            }
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

/// Joins what open gave with what [`Store::load_pending`] gave: sorted, one per id.
pub fn merge_sessions(loaded: Vec<Session>, more: Vec<Session>) -> Vec<Session> {
    // `more` is mostly the older months: put them first and the list is nearly sorted.
    let mut all = more;
    all.extend(loaded);
    dedupe_sessions(all)
}

/// One key's planned change for [`Store::apply`]; `None` means no key.
struct Change {
    key: String,
    old: Option<String>,
    new: Option<String>,
}

/// The oldest month the first screen needs: this month and the one before (a day of slack
/// either way, as the owner's local day may differ from UTC), and the month each active
/// rat's current technique started in (its step is replayed from there).
fn first_month_needed(rats: &[Rat], programs: &Programs, now_ms: f64) -> Option<LocalDate> {
    let first_of = |d: LocalDate| LocalDate::new(d.year(), d.month(), 1).ok();
    let yesterday = LocalDate::from_days((now_ms / 86_400_000.0).floor() as i64 - 1)?;
    let mut oldest = first_of(first_of(yesterday)?.add_days(-1)?)?;
    for rat in rats.iter().filter(|r| !r.archived) {
        let Some(program) = programs.of(&rat.id) else {
            continue;
        };
        let Some(active) = program.active else {
            continue;
        };
        for (_, day) in program.started.iter().filter(|(t, _)| *t == active) {
            oldest = oldest.min(first_of(*day)?);
        }
    }
    Some(oldest)
}

/// Three-way merge of lists by id: ours where `before` and `after` differ, stored elsewhere.
fn merge_by_id<T: Clone + PartialEq, K: Ord>(
    stored: Vec<T>,
    before: &[T],
    after: &[T],
    id: impl Fn(&T) -> K,
) -> Vec<T> {
    // Filled by `insert` rather than `collect`: `BTreeMap::from_iter` compiles a whole stable
    // sort per key type (the last item per id wins either way).
    let mut before_by: BTreeMap<K, &T> = BTreeMap::new();
    for t in before {
        before_by.insert(id(t), t);
    }
    let before = before_by;
    let mut after_by: BTreeMap<K, &T> = BTreeMap::new();
    for t in after {
        after_by.insert(id(t), t);
    }
    let ours = |k: &K| before.get(k) != after_by.get(k);
    let mut seen = BTreeSet::new();
    let mut merged = Vec::new();
    for item in stored {
        let k = id(&item);
        if ours(&k) {
            if let Some(mine) = after_by.get(&k) {
                if seen.insert(id(mine)) {
                    merged.push((*mine).clone());
                }
            }
        } else {
            seen.insert(id(&item));
            merged.push(item);
        }
    }
    for mine in after {
        let k = id(mine);
        if ours(&k) && !seen.contains(&k) {
            seen.insert(id(mine));
            merged.push(mine.clone());
        }
    }
    merged
}

fn pick<T: PartialEq + Clone>(before: &T, after: &T, stored: T) -> T {
    if before != after {
        after.clone()
    } else {
        stored
    }
}

/// Field by field (destructured, so a new field does not compile until it is merged here).
fn merge_programs(stored: Programs, before: &Programs, after: &Programs) -> Programs {
    let Programs {
        rats,
        practice_times,
        notify,
        last_backup,
        backup_snoozed,
    } = stored;
    let Programs {
        rats: b_rats,
        practice_times: b_times,
        notify: b_notify,
        last_backup: b_backup,
        backup_snoozed: b_snoozed,
    } = before;
    let Programs {
        rats: a_rats,
        practice_times: a_times,
        notify: a_notify,
        last_backup: a_backup,
        backup_snoozed: a_snoozed,
    } = after;
    let mut merged_rats = rats;
    // Every id in either map, once (no `collect` into a set: that compiles a stable sort).
    let ids = b_rats
        .keys()
        .chain(a_rats.keys().filter(|id| !b_rats.contains_key(*id)));
    for id in ids {
        let (b, a) = (b_rats.get(id), a_rats.get(id));
        if b != a {
            match a {
                Some(program) => {
                    // This tab's plan, with any step another tab set by hand meanwhile.
                    let mut program = program.clone();
                    if let Some(theirs) = merged_rats.get(id) {
                        program.add_history_of(theirs);
                    }
                    merged_rats.insert(id.clone(), program);
                }
                None => {
                    merged_rats.remove(id);
                }
            }
        }
    }
    Programs {
        rats: merged_rats,
        practice_times: pick(b_times, a_times, practice_times),
        notify: pick(b_notify, a_notify, notify),
        last_backup: pick(b_backup, a_backup, last_backup),
        backup_snoozed: pick(b_snoozed, a_snoozed, backup_snoozed),
    }
}

/// Sorted, one per id: a session caught in two months by a half-finished move counts once,
/// and its newest edit wins.
/// Months read newest first, joined oldest first in one allocation: each month is stored
/// sorted, so the sort that follows finds the whole list already in order.
fn oldest_first(months: Vec<Vec<Session>>) -> Vec<Session> {
    let mut sessions = Vec::with_capacity(months.iter().map(Vec::len).sum());
    for month in months.into_iter().rev() {
        sessions.extend(month);
    }
    sessions
}

fn dedupe_sessions(mut sessions: Vec<Session>) -> Vec<Session> {
    sort_sessions(&mut sessions);
    // Two copies of one session (a move between months that a write left half done) are
    // rare: look for one by id first, and only then sort by id to keep the newest copy.
    let has_copies = {
        let mut ids: Vec<&str> = sessions.iter().map(|s| s.id.0.as_str()).collect();
        crate::domain::order::sort_by(&mut ids, &|a, b| a.cmp(b));
        ids.windows(2).any(|pair| pair[0] == pair[1])
    };
    if !has_copies {
        return sessions;
    }
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

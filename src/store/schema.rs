//! Key names, the meta record and the migration path between schema versions.

use super::backend::{Backend, BackendError};
use serde::{Deserialize, Serialize};

/// Every key Ratbond writes starts with this, so other apps on the same origin are left alone.
pub const PREFIX: &str = "ratbond/";
pub const META_KEY: &str = "ratbond/meta";
pub const RATS_KEY: &str = "ratbond/rats";
pub const PROGRAMS_KEY: &str = "ratbond/programs";
pub const TIMER_KEY: &str = "ratbond/timer";
/// Session history, one key per calendar month (`ratbond/sessions/2026-12`), so logging a
/// session rewrites one small key, never the whole history. Since schema 2 each value is
/// the compact encoding in `codec.rs` (v1 values still read).
pub const SESSIONS_PREFIX: &str = "ratbond/sessions/";

/// The key holding the sessions of the month `day` falls in.
pub fn month_key(day: crate::domain::date::LocalDate) -> String {
    format!("{SESSIONS_PREFIX}{:04}-{:02}", day.year(), day.month())
}
/// Unreadable records are moved here untouched, never deleted automatically.
pub const QUARANTINE_PREFIX: &str = "ratbond/quarantine/";

/// The schema this build reads and writes.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub schema_version: u32,
    /// The app version that last wrote the data.
    pub app_version: String,
    /// Milliseconds since the Unix epoch.
    #[serde(default)]
    pub created_at: f64,
}

/// One step of the path `from -> from + 1`. It rewrites keys in place.
pub struct Migration {
    pub from: u32,
    pub describe: &'static str,
    pub run: fn(&dyn Backend) -> Result<(), MigrationError>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum MigrationError {
    /// No step leads on from this version.
    Missing {
        from: u32,
    },
    Backend(BackendError),
    Data(String),
}

impl std::fmt::Display for MigrationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MigrationError::Missing { from } => {
                f.write_str(&crate::text::store::no_migration(*from))
            }
            MigrationError::Backend(e) => write!(f, "{e}"),
            MigrationError::Data(e) => write!(f, "{e}"),
        }
    }
}

impl From<BackendError> for MigrationError {
    fn from(e: BackendError) -> Self {
        MigrationError::Backend(e)
    }
}

/// The real path; each schema change adds its step here (a test fails if SCHEMA_VERSION
/// moves without one).
pub const MIGRATIONS: &[Migration] = &[Migration {
    from: 1,
    describe: "session months to the compact v2 encoding",
    run: sessions_v1_to_v2,
}];

/// Rewrites each v1 month key as v2, one key at a time: every key is wholly v1 or wholly v2
/// at any moment, and the month decoder reads both, so a run cut short (storage full) loses
/// nothing and the next start finishes it. Months that are not valid v1 (damaged, or already
/// v2) are left as they are; open quarantines the damaged ones.
fn sessions_v1_to_v2(backend: &dyn Backend) -> Result<(), MigrationError> {
    let mut keys: Vec<String> = backend
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(SESSIONS_PREFIX))
        .collect();
    crate::domain::order::sort_by(&mut keys, &|a, b| a.cmp(b));
    for key in keys {
        let Some(month) = super::codec::parse_month(&key[SESSIONS_PREFIX.len()..]) else {
            continue;
        };
        let Some(raw) = backend.get(&key)? else {
            continue;
        };
        let Ok((super::codec::MonthFormat::V1, sessions)) =
            super::codec::decode_month_with_format(&raw)
        else {
            continue;
        };
        let refs: Vec<&crate::domain::session::Session> = sessions.iter().collect();
        let text = super::codec::encode_month(month, &refs).map_err(MigrationError::Data)?;
        backend.set(&key, &text)?;
    }
    Ok(())
}

/// Runs every step from `stored` up to `target`, in order.
pub fn migrate(
    backend: &dyn Backend,
    steps: &[Migration],
    stored: u32,
    target: u32,
) -> Result<Vec<&'static str>, MigrationError> {
    let mut done = Vec::new();
    let mut version = stored;
    while version < target {
        let step = steps
            .iter()
            .find(|m| m.from == version)
            .ok_or(MigrationError::Missing { from: version })?;
        (step.run)(backend)?;
        done.push(step.describe);
        version += 1;
    }
    Ok(done)
}

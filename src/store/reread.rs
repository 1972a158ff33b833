//! Reading one key again after another tab wrote it, instead of the whole history.

use super::codec;
use super::schema::{PROGRAMS_KEY, SESSIONS_PREFIX, TIMER_KEY};
use super::Store;
use crate::domain::date::LocalDate;
use crate::domain::program::Programs;
use crate::domain::session::Session;
use crate::domain::timer::SessionTimer;

/// What another tab changed, read back.
#[derive(Clone, Debug, PartialEq)]
pub enum Changed {
    /// One month of sessions: every session of the month `month` falls in, as stored now.
    Month {
        month: LocalDate,
        sessions: Vec<Session>,
    },
    Programs(Programs),
    Timer(Option<SessionTimer>),
    /// A key this reader doesn't handle one by one: read everything again.
    Other,
}

impl Store {
    /// Reads `key` again. `Err` when the stored text can't be read (the caller says so).
    pub fn reread(&self, key: &str) -> Result<Changed, String> {
        let raw = self.backend.get(key).map_err(|e| e.to_string())?;
        if let Some(month) = key.strip_prefix(SESSIONS_PREFIX) {
            let Some(month) = codec::parse_month(month) else {
                return Ok(Changed::Other);
            };
            let sessions = match raw {
                Some(raw) => codec::decode_month(&raw).map_err(|e| e.to_string())?,
                None => Vec::new(),
            };
            return Ok(Changed::Month { month, sessions });
        }
        match key {
            PROGRAMS_KEY => Ok(Changed::Programs(parse(raw)?.unwrap_or_default())),
            TIMER_KEY => Ok(Changed::Timer(parse(raw)?)),
            _ => Ok(Changed::Other),
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(raw: Option<String>) -> Result<Option<T>, String> {
    raw.map(|raw| serde_json::from_str(&raw).map_err(|e| e.to_string()))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::backend::{Backend, MemoryBackend};
    use crate::store::schema::month_key;

    #[test]
    fn one_key_is_read_back_as_what_it_holds() {
        let backend = MemoryBackend::new();
        backend.set(PROGRAMS_KEY, "{\"notify\":true}").unwrap();
        let opened = Store::open(Box::new(backend), "test", 1.0);
        let store = opened.store;
        let Changed::Programs(p) = store.reread(PROGRAMS_KEY).unwrap() else {
            panic!("programs expected");
        };
        assert!(p.notify);
        assert_eq!(store.reread(TIMER_KEY).unwrap(), Changed::Timer(None));
        let day = LocalDate::new(2026, 11, 3).unwrap();
        assert_eq!(
            store.reread(&month_key(day)).unwrap(),
            Changed::Month {
                month: LocalDate::new(2026, 11, 1).unwrap(),
                sessions: Vec::new()
            }
        );
        assert_eq!(store.reread("ratbond/meta").unwrap(), Changed::Other);
        assert_eq!(
            store.reread("ratbond/sessions/not-a-month").unwrap(),
            Changed::Other
        );
    }

    #[test]
    fn damaged_text_is_an_error_not_a_panic() {
        let backend = MemoryBackend::new();
        let opened = Store::open(Box::new(backend), "test", 1.0);
        let store = opened.store;
        let day = LocalDate::new(2026, 11, 3).unwrap();
        store
            .backend
            .set(&month_key(day), "{\"v\":2,\"m\":")
            .unwrap();
        store.backend.set(PROGRAMS_KEY, "[").unwrap();
        assert!(store.reread(&month_key(day)).is_err());
        assert!(store.reread(PROGRAMS_KEY).is_err());
    }
}

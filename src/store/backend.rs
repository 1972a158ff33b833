//! Where the bytes go: a small key-value interface with an in-memory twin.

use std::cell::RefCell;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackendError {
    /// The browser refused the write because storage is full.
    Quota,
    /// Storage went away or threw for another reason.
    Failed(String),
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackendError::Quota => f.write_str(crate::text::store::STORAGE_FULL),
            BackendError::Failed(why) => f.write_str(&crate::text::store::storage_refused(why)),
        }
    }
}

/// Raw text storage. `&self` because the browser's storage is shared anyway.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError>;
    fn remove(&self, key: &str) -> Result<(), BackendError>;
    /// Every key, in no particular order.
    fn keys(&self) -> Result<Vec<String>, BackendError>;
    /// True when data outlives the page (false for the in-memory fallback).
    fn is_persistent(&self) -> bool;
}

/// Keeps everything in memory: native tests, and the fallback when the browser gives no storage.
#[derive(Default)]
pub struct MemoryBackend {
    /// Sorted by key, one entry per key (a sorted `Vec` rather than a `BTreeMap`: no second
    /// copy of the B-tree insert/remove code in the wasm, where this is only the fallback).
    items: RefCell<Vec<(String, String)>>,
    /// Total characters of keys and values allowed, to act out a full storage.
    quota: Option<usize>,
    /// Makes every call fail, to act out storage that throws.
    broken: RefCell<bool>,
}

impl MemoryBackend {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_quota(chars: usize) -> Self {
        MemoryBackend {
            quota: Some(chars),
            ..Self::default()
        }
    }

    pub fn set_broken(&self, broken: bool) {
        *self.broken.borrow_mut() = broken;
    }

    fn check(&self) -> Result<(), BackendError> {
        if *self.broken.borrow() {
            Err(BackendError::Failed("storage is switched off".into()))
        } else {
            Ok(())
        }
    }

    /// Where `key` is (`Ok`) or would go (`Err`) in the sorted `items`.
    fn find(items: &[(String, String)], key: &str) -> Result<usize, usize> {
        items.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    fn used_without(&self, key: &str) -> usize {
        self.items
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.check()?;
        let items = self.items.borrow();
        Ok(Self::find(&items, key).ok().map(|i| items[i].1.clone()))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        self.check()?;
        if let Some(quota) = self.quota {
            let needed = self.used_without(key) + key.chars().count() + value.chars().count();
            if needed > quota {
                return Err(BackendError::Quota);
            }
        }
        let mut items = self.items.borrow_mut();
        match Self::find(&items, key) {
            Ok(i) => items[i].1 = value.to_string(),
            Err(i) => items.insert(i, (key.to_string(), value.to_string())),
        }
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.check()?;
        let mut items = self.items.borrow_mut();
        if let Ok(i) = Self::find(&items, key) {
            items.remove(i);
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        self.check()?;
        Ok(self.items.borrow().iter().map(|(k, _)| k.clone()).collect())
    }

    fn is_persistent(&self) -> bool {
        false
    }
}

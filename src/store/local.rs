//! The browser's localStorage, reached through gloo-storage once it is known to exist.

use super::backend::{Backend, BackendError};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

const PROBE_KEY: &str = "ratbond/probe";

pub struct LocalStorageBackend {
    storage: web_sys::Storage,
}

impl LocalStorageBackend {
    /// `None` when the browser has no usable localStorage (blocked, some private modes).
    /// gloo-storage panics when `window.localStorage` throws, so check through web-sys first.
    pub fn open() -> Option<Self> {
        let window = web_sys::window()?;
        let probe = window.local_storage().ok()??;
        // A full storage refuses the probe write but still holds the owner's data: keep it,
        // so the data shows and the next save reports "full" instead of hiding everything.
        match probe.set_item(PROBE_KEY, "1") {
            Ok(()) => {
                let _ = probe.remove_item(PROBE_KEY);
            }
            Err(e) if to_error(e.clone()) == BackendError::Quota => {}
            Err(_) => return None,
        }
        probe.get_item(PROBE_KEY).ok()?;
        Some(LocalStorageBackend {
            storage: LocalStorage::raw(),
        })
    }
}

impl LocalStorageBackend {
    /// The browser's storage without the probe, for tests that make it misbehave afterwards.
    #[doc(hidden)]
    pub fn open_raw() -> Self {
        LocalStorageBackend {
            storage: LocalStorage::raw(),
        }
    }
}

fn to_error(err: JsValue) -> BackendError {
    if let Some(dom) = err.dyn_ref::<web_sys::DomException>() {
        let name = dom.name();
        // Chrome and Safari say QuotaExceededError; old Firefox said NS_ERROR_DOM_QUOTA_REACHED.
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || dom.code() == 22
        {
            return BackendError::Quota;
        }
        return BackendError::Failed(format!("{name}: {}", dom.message()));
    }
    BackendError::Failed(err.as_string().unwrap_or_else(|| "unknown error".into()))
}

impl Backend for LocalStorageBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.storage.get_item(key).map_err(to_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        self.storage.set_item(key, value).map_err(to_error)
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.storage.remove_item(key).map_err(to_error)
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let count = self.storage.length().map_err(to_error)?;
        let mut keys = Vec::with_capacity(count as usize);
        for i in 0..count {
            if let Some(key) = self.storage.key(i).map_err(to_error)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    fn is_persistent(&self) -> bool {
        true
    }
}

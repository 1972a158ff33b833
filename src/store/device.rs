//! This device's own choices (colour theme, install card put away). They are not rat data:
//! not in backups, not in the schema, and a bad value just means the default.
//!
//! `public/boot.js` reads `theme` from the same key before the app starts, so the first paint
//! already has the owner's colours.

use super::{Store, StoreError};
use serde::{Deserialize, Serialize};

pub const DEVICE_KEY: &str = "ratbond/device";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the phone's light or dark setting.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The stored word, which `public/boot.js` also reads.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DevicePrefs {
    #[serde(default, deserialize_with = "lenient")]
    pub theme: Theme,
    /// "Not now" on the Today install card.
    #[serde(default)]
    pub install_dismissed: bool,
}

/// An unknown theme (from a newer version, or edited by hand) reads as the default.
fn lenient<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Theme, D::Error> {
    // By hand, not `serde_json::from_value`: that would add a second JSON reader to the wasm.
    let value = serde_json::Value::deserialize(d)?;
    Ok(Theme::ALL
        .into_iter()
        .find(|t| value.as_str() == Some(t.as_str()))
        .unwrap_or_default())
}

impl Store {
    /// What this device chose; the defaults when nothing (or nothing readable) is stored.
    pub fn device_prefs(&self) -> DevicePrefs {
        self.backend
            .get(DEVICE_KEY)
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str(&raw).ok())
            .unwrap_or_default()
    }

    pub fn save_device_prefs(&self, prefs: &DevicePrefs) -> Result<(), StoreError> {
        let text = serde_json::to_string(prefs).map_err(|e| StoreError::Encode(e.to_string()))?;
        Ok(self.backend.set(DEVICE_KEY, &text)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::backend::{Backend, MemoryBackend};

    fn store_with(raw: Option<&str>) -> Store {
        let backend = MemoryBackend::new();
        if let Some(raw) = raw {
            backend.set(DEVICE_KEY, raw).unwrap();
        }
        Store::open(Box::new(backend), "test", 0.0).store
    }

    #[test]
    fn reads_what_was_saved_and_defaults_otherwise() {
        let cases: [(Option<&str>, DevicePrefs); 7] = [
            (None, DevicePrefs::default()),
            (Some("not json"), DevicePrefs::default()),
            (Some("[1,2]"), DevicePrefs::default()),
            (
                Some(r#"{"theme":"dark"}"#),
                DevicePrefs {
                    theme: Theme::Dark,
                    install_dismissed: false,
                },
            ),
            (
                Some(r#"{"theme":"light","install_dismissed":true}"#),
                DevicePrefs {
                    theme: Theme::Light,
                    install_dismissed: true,
                },
            ),
            // A theme this version doesn't know keeps the other choices.
            (
                Some(r#"{"theme":"sepia","install_dismissed":true}"#),
                DevicePrefs {
                    theme: Theme::System,
                    install_dismissed: true,
                },
            ),
            (Some(r#"{"theme":7,"later":"x"}"#), DevicePrefs::default()),
        ];
        for (raw, want) in cases {
            assert_eq!(store_with(raw).device_prefs(), want, "{raw:?}");
        }
    }

    #[test]
    fn round_trip_in_the_form_boot_js_reads() {
        let store = store_with(None);
        let prefs = DevicePrefs {
            theme: Theme::Dark,
            install_dismissed: true,
        };
        store.save_device_prefs(&prefs).unwrap();
        assert_eq!(store.device_prefs(), prefs);
        let raw = store.backend.get(DEVICE_KEY).unwrap().unwrap();
        assert!(raw.contains(r#""theme":"dark""#), "{raw}");
    }
}

//! Words of settings_storage.

//! Words of settings_backup.

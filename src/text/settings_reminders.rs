//! Words of settings_reminders.

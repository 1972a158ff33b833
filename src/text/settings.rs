//! Words of settings.

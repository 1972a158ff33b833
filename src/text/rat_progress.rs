//! Words of rat_progress.

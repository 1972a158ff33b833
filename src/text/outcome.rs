//! Words of outcome.

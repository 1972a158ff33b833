//! Words of rats.

//! Words of rat.

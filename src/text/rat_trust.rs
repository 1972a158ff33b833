//! Words of rat_trust.

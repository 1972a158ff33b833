//! Words of nav.

//! Words of choose.

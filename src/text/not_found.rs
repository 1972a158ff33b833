//! Words of not_found.

//! Words of guide.

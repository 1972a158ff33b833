//! Words of techniques.

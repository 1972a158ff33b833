//! Words of session.

//! Words of session_edit.

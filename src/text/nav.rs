//! Words of the main navigation.

/// The navigation's name for screen readers.
pub const LABEL: &str = "Main";
pub const TODAY: &str = "Today";
pub const RATS: &str = "Rats";
pub const GUIDE: &str = "Guide";
pub const SETTINGS: &str = "Settings";

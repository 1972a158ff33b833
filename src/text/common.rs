//! Words many screens share.

pub const SAVE: &str = "Save";
pub const CANCEL: &str = "Cancel";

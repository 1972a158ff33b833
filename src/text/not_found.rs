//! Words of not_found: any address the app does not know.

pub const TITLE: &str = "This page isn't here";
pub const TEXT: &str = "The link may be old, or the page was moved. Your rats are safe.";
pub const TO_RATS: &str = "Go to your rats";

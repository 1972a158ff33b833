//! Words of Today, the home screen.

pub const TITLE: &str = "Today";

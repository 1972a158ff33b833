//! Words of app: the shell around every screen.

pub const SKIP_LINK: &str = "Skip to content";

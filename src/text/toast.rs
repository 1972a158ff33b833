//! Words of the toast: the short note at the bottom of the screen.

pub const UNDO: &str = "Undo";
pub const DISMISS: &str = "Dismiss";
/// The dismiss button's visible mark; its name is `DISMISS`.
pub const DISMISS_MARK: &str = "×";

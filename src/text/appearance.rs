//! Words of Settings → Appearance.

use crate::store::device::Theme;

pub const TITLE: &str = "Appearance";
pub const LEGEND: &str = "Colours";
pub const HINT: &str = "Dark is easier on the eyes in a dim room, like by the cage in the evening.";

pub fn theme_label(theme: Theme) -> &'static str {
    match theme {
        Theme::System => "Match this phone",
        Theme::Light => "Light",
        Theme::Dark => "Dark",
    }
}

pub fn theme_detail(theme: Theme) -> &'static str {
    match theme {
        Theme::System => "Light or dark, as your phone is set.",
        Theme::Light => "Warm cream, always.",
        Theme::Dark => "Soft brown on dark, always.",
    }
}

//! Words for putting Ratbond on the home screen.

pub const TITLE: &str = "Install Ratbond";
pub const WHY: &str = "Keep Ratbond on your home screen. It opens like an app and works without a connection, right beside the cage.";
pub const BUTTON: &str = "Install Ratbond";
pub const INSTALLED: &str = "Ratbond is installed on this device. Open it from your home screen.";
pub const IOS_INTRO: &str = "In Safari:";
pub const IOS_STEP_1: &str = "Tap the Share button.";
pub const IOS_STEP_2: &str = "Choose Add to Home Screen.";
pub const IOS_STEP_3: &str = "Tap Add.";
pub const BROWSER_MENU: &str = "Your browser's menu may have Install app or Add to Home screen. On an iPhone, open Ratbond in Safari.";
pub const CARD_TITLE: &str = "Ratbond on your home screen";
pub const CARD_WHY: &str =
    "Add it once and it opens like an app, even with no connection, right beside the cage.";
pub const NOT_NOW: &str = "Not now";
pub const SHARE_ICON_LABEL: &str = "the Share button";

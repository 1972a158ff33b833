//! This device's choices as app-wide state: the colour theme and the install offer.

use crate::platform;
use crate::state::AppState;
use crate::store::device::{DevicePrefs, Theme};
use leptos::prelude::*;

/// How Ratbond can get onto this phone's home screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstallOffer {
    /// Already running from the home screen.
    Installed,
    /// The browser offered to install (`beforeinstallprompt`): one button does it.
    Prompt,
    /// iPhone or iPad Safari: Share, then Add to Home Screen.
    IosSteps,
    /// No offer from this browser (yet): its menu may still have one.
    BrowserMenu,
}

impl InstallOffer {
    pub fn now() -> Self {
        if platform::is_standalone() {
            InstallOffer::Installed
        } else if platform::install::offered() {
            InstallOffer::Prompt
        } else if platform::is_ios() {
            InstallOffer::IosSteps
        } else {
            InstallOffer::BrowserMenu
        }
    }
}

#[derive(Clone, Copy)]
pub struct Device {
    pub prefs: RwSignal<DevicePrefs>,
    pub install: RwSignal<InstallOffer>,
}

impl Device {
    pub fn provide(app: AppState) -> Self {
        let device = Device {
            prefs: RwSignal::new(app.device_prefs()),
            install: RwSignal::new(InstallOffer::now()),
        };
        platform::install::on_change(move || device.install.set(InstallOffer::now()));
        provide_context(device);
        device
    }

    /// Keeps the theme for next time and paints it now. The new colours show even when
    /// storage refuses (the banner says the choice wasn't kept).
    pub fn set_theme(&self, app: AppState, theme: Theme) {
        let mut prefs = self.prefs.get_untracked();
        prefs.theme = theme;
        let _ = app.save_device_prefs(&prefs);
        self.prefs.set(prefs);
        platform::apply_theme(theme.as_str());
    }

    pub fn dismiss_install(&self, app: AppState) {
        let mut prefs = self.prefs.get_untracked();
        prefs.install_dismissed = true;
        let _ = app.save_device_prefs(&prefs);
        self.prefs.set(prefs);
    }

    /// Shows the browser's install dialog.
    pub fn install(&self) {
        let device = *self;
        wasm_bindgen_futures::spawn_local(async move {
            let _ = platform::install::prompt().await;
            device.install.set(InstallOffer::now());
        });
    }
}

pub fn use_device() -> Device {
    expect_context::<Device>()
}

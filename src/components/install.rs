//! Getting Ratbond onto the home screen: the browser's own install dialog where it offers
//! one, the Safari steps on an iPhone, nothing once it runs installed.

use crate::device::{use_device, InstallOffer};
use crate::state::use_app;
use crate::text::install as t;
use leptos::prelude::*;

/// What to do on this phone. In Settings it also says when Ratbond is already installed.
#[component]
pub fn InstallHelp(#[prop(optional)] in_settings: bool) -> impl IntoView {
    let device = use_device();
    move || match device.install.get() {
        InstallOffer::Installed => in_settings
            .then(|| view! { <p data-testid="install-state">{t::INSTALLED}</p> })
            .into_any(),
        InstallOffer::Prompt => view! {
            <button class="button button-primary button-wide" on:click=move |_| device.install()>
                {t::BUTTON}
            </button>
        }
        .into_any(),
        InstallOffer::IosSteps => view! {
            <div class="install-steps">
                <p>{t::IOS_INTRO}</p>
                <ol>
                    <li>
                        {t::IOS_STEP_1}
                        " "
                        <ShareIcon/>
                    </li>
                    <li>{t::IOS_STEP_2}</li>
                    <li>{t::IOS_STEP_3}</li>
                </ol>
            </div>
        }
        .into_any(),
        InstallOffer::BrowserMenu => in_settings
            .then(|| view! { <p class="muted">{t::BROWSER_MENU}</p> })
            .into_any(),
    }
}

/// Settings section.
#[component]
pub fn InstallSection() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="install-title" id="install">
            <h2 id="install-title">{t::TITLE}</h2>
            <p>{t::WHY}</p>
            <InstallHelp in_settings=true/>
        </section>
    }
}

/// Today's card, once the owner has logged a session, until installed or put away.
#[component]
pub fn InstallCard() -> impl IntoView {
    let app = use_app();
    let device = use_device();
    let show = move || {
        matches!(
            device.install.get(),
            InstallOffer::Prompt | InstallOffer::IosSteps
        ) && !device.prefs.with(|p| p.install_dismissed)
            && app.sessions.with(|s| !s.is_empty())
    };
    view! {
        <Show when=show>
            <section class="card install-card" aria-labelledby="install-card-title">
                <h2 id="install-card-title">{t::CARD_TITLE}</h2>
                <p>{t::CARD_WHY}</p>
                <InstallHelp/>
                <button class="button button-quiet button-wide" on:click=move |_| device.dismiss_install(app)>
                    {t::NOT_NOW}
                </button>
            </section>
        </Show>
    }
}

/// Safari's Share symbol, so the owner knows which button is meant.
#[component]
fn ShareIcon() -> impl IntoView {
    view! {
        <svg class="inline-icon" viewBox="0 0 24 24" width="22" height="22" role="img" aria-label=t::SHARE_ICON_LABEL>
            <path d="M12 3v12M8 7l4-4 4 4" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>
            <path d="M6 11H5v10h14V11h-1" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
    }
}

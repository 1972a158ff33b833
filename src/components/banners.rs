//! Messages that stay on screen until dealt with: storage problems and app updates.

use crate::platform::service_worker;
use crate::routes;
use crate::state::{use_app, Banner};
use crate::store::LoadIssue;
use crate::text::banners as t;
use leptos::prelude::*;

#[component]
pub fn Banners() -> impl IntoView {
    let app = use_app();
    let session_elsewhere =
        move || app.timer.with(Option::is_some) && !crate::router::is_within(routes::SESSION);
    view! {
        <div class="banners">
            <Show when=session_elsewhere>
                <div class="banner banner-info" role="status">
                    <p>{t::SESSION_RUNNING}</p>
                    <a href=crate::router::href(routes::SESSION) class="button button-small">{t::BACK_TO_IT}</a>
                </div>
            </Show>
            // Never while a session runs: the offer waits until the session is saved or ended.
            <Show when=move || app.update_ready.get() && app.timer.with(Option::is_none)>
                <div class="banner banner-info" role="status">
                    <p>{t::UPDATE_READY}</p>
                    <button class="button button-small" on:click=move |_| service_worker::apply_update()>
                        {t::RELOAD}
                    </button>
                </div>
            </Show>
            <For
                each=move || app.banners.get()
                key=Banner::key
                children=move |banner| view! { <BannerView banner/> }
            />
        </div>
    }
}

#[component]
fn BannerView(banner: Banner) -> impl IntoView {
    let app = use_app();
    let (class, role) = match &banner {
        Banner::MemoryOnly | Banner::Load(LoadIssue::NewerSchema { .. }) => {
            ("banner banner-warn", "status")
        }
        _ => ("banner banner-error", "alert"),
    };
    let text = match &banner {
        Banner::MemoryOnly => t::MEMORY_ONLY.to_string(),
        Banner::SaveFailed(why) => why.clone(),
        Banner::StorageFull => t::STORAGE_FULL.to_string(),
        Banner::Load(issue) => issue.to_string(),
    };
    let action = match &banner {
        Banner::Load(LoadIssue::Quarantined { .. }) => Some(
            view! {
                <div class="button-row">
                    <a href=crate::router::href(routes::SETTINGS) class="button button-small">{t::SEE_DETAILS}</a>
                    <a href=crate::router::href(RESTORE) class="button button-small">{t::RESTORE_BACKUP}</a>
                </div>
            }
            .into_any(),
        ),
        Banner::StorageFull => Some(
            view! {
                <div class="button-row">
                    <button class="button button-small" on:click=move |_| {
                        if let Err(e) = app.download_backup() {
                            app.show_toast(t::backup_failed(&e), None);
                        }
                    }>{t::DOWNLOAD_BACKUP}</button>
                    <a href=crate::router::href("/settings#space") class="button button-small">{t::MAKE_ROOM}</a>
                </div>
            }
            .into_any(),
        ),
        Banner::SaveFailed(_) => {
            let dismissed = banner.clone();
            Some(
                view! {
                    <button class="button button-small" on:click=move |_| app.dismiss_banner(&dismissed)>
                        {t::OK}
                    </button>
                }
                .into_any(),
            )
        }
        _ => None,
    };
    view! {
        <div class=class role=role>
            <p>{text}</p>
            {action}
        </div>
    }
}

/// Settings' restore section.
pub const RESTORE: &str = "/settings#restore";

/// In place of the first-run welcome when the rats couldn't be read: they aren't gone.
#[component]
pub fn RatsUnreadable() -> impl IntoView {
    view! {
        <section class="page empty-state" aria-labelledby="unreadable-title">
            <h1 id="unreadable-title">{t::RATS_UNREADABLE_TITLE}</h1>
            <p>{t::RATS_UNREADABLE_TEXT}</p>
            <p>{t::RATS_ADD_AGAIN}</p>
            <div class="first-actions">
                <a href=crate::router::href(RESTORE) class="button button-primary button-wide">{t::RESTORE_BACKUP}</a>
                <a href=crate::router::href(routes::NEW_RAT) class="button button-wide">{t::ADD_A_RAT}</a>
            </div>
        </section>
    }
}

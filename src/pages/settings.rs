//! Settings: where your data lives, how much room it takes, and the app's version.

use crate::intl;
use crate::platform;
use crate::state::{use_app, APP_VERSION};
use crate::store::{schema::SCHEMA_VERSION, LoadIssue};
use crate::text::settings as t;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    let counts = move || {
        app.rats.with(|rats| {
            let archived = rats.iter().filter(|r| r.archived).count();
            (rats.len() - archived, archived)
        })
    };
    let quarantined = move || {
        app.banners.with(|banners| {
            banners
                .iter()
                .filter_map(|b| match b {
                    crate::state::Banner::Load(LoadIssue::Quarantined {
                        what,
                        quarantine_key,
                    }) => Some((*what, quarantine_key.clone())),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    };

    let storage_text = if !app.persistent {
        t::STORAGE_MEMORY
    } else if app.read_only {
        t::STORAGE_READ_ONLY
    } else {
        t::STORAGE_LOCAL
    };

    view! {
        <div class="page">
            <header class="page-header">
                <h1>{t::TITLE}</h1>
            </header>

            <section class="card" aria-labelledby="data-title">
                <h2 id="data-title">{t::DATA_TITLE}</h2>
                <dl class="facts">
                    <div class="fact">
                        <dt>{t::WHERE_IT_LIVES}</dt>
                        <dd data-testid="storage-mode">{storage_text}</dd>
                    </div>
                    <div class="fact">
                        <dt>{t::RATS}</dt>
                        <dd data-testid="rat-count">
                            {move || {
                                let (active, archived) = counts();
                                t::rat_counts(&intl::number(active as i64), &intl::number(archived as i64))
                            }}
                        </dd>
                    </div>
                    <div class="fact">
                        <dt>{t::SESSIONS}</dt>
                        <dd data-testid="session-count">{move || intl::number(app.sessions.with(Vec::len) as i64)}</dd>
                    </div>
                </dl>
            </section>

            <crate::components::install::InstallSection/>

            <crate::pages::settings_backup::BackupSection/>

            <crate::pages::settings_reminders::PracticeReminders/>

            <crate::pages::settings_appearance::AppearanceSection/>

            <crate::pages::settings_storage::SpaceSection/>

            <Show when=move || !quarantined().is_empty()>
                <section class="card" aria-labelledby="kept-title">
                    <h2 id="kept-title">{t::KEPT_TITLE}</h2>
                    <p>{t::KEPT_TEXT}</p>
                    <ul class="plain-list">
                        <For each=quarantined key=|(_, key)| key.clone() let:item>
                            <QuarantinedItem what=item.0 key=item.1/>
                        </For>
                    </ul>
                </section>
            </Show>

            <crate::pages::settings_storage::DeleteAllSection/>

            <section class="card" aria-labelledby="about-title">
                <h2 id="about-title">{t::ABOUT_TITLE}</h2>
                <dl class="facts">
                    <div class="fact">
                        <dt>{t::APP_VERSION}</dt>
                        <dd data-testid="app-version">{APP_VERSION}</dd>
                    </div>
                    <div class="fact">
                        <dt>{t::DATA_FORMAT}</dt>
                        <dd>{t::data_format(&intl::number(i64::from(SCHEMA_VERSION)))}</dd>
                    </div>
                </dl>
                <p class="muted">{t::ABOUT_TEXT}</p>
            </section>
        </div>
    }
}

#[component]
fn QuarantinedItem(what: &'static str, key: String) -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let download = {
        let key = key.clone();
        move |_| {
            let text = app.raw_text(&key).unwrap_or_default();
            let file = format!("ratbond-{}.txt", key.replace('/', "-"));
            if let Err(e) = platform::download_text(&file, "text/plain", &text) {
                app.show_toast(t::download_failed(&e), None);
            }
        }
    };
    let forget = {
        let key = key.clone();
        move |_| {
            if app.forget_quarantined(&key).is_ok() {
                app.show_toast(t::COPY_DELETED.into(), None);
            }
        }
    };
    view! {
        <li class="kept-item">
            <p><strong>{what}</strong></p>
            <div class="button-row">
                <button class="button" on:click=download>{t::DOWNLOAD_RAW}</button>
                <button class="button button-danger-quiet" on:click=move |_| confirming.set(true)>{t::DELETE_COPY}</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-label=t::DELETE_COPY_LABEL>
                    <p>{t::DELETE_COPY_TEXT}</p>
                    <div class="button-row">
                        <button class="button button-danger" on:click=forget.clone()>{t::DELETE_COPY}</button>
                        <button class="button" on:click=move |_| confirming.set(false)>{t::KEEP_IT}</button>
                    </div>
                </div>
            </Show>
        </li>
    }
}

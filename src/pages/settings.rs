//! Settings: where your data lives, how much room it takes, and the app's version.

use crate::platform;
use crate::state::{use_app, APP_VERSION};
use crate::store::{schema::SCHEMA_VERSION, LoadIssue};
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
        "Only in memory. This browser doesn't let Ratbond save, so everything is lost when you close it."
    } else if app.read_only {
        "In this browser, read-only: the data was saved by a newer Ratbond."
    } else {
        "Saved in this browser, on this device only. Nothing is sent anywhere."
    };

    view! {
        <div class="page">
            <header class="page-header">
                <h1>"Settings"</h1>
            </header>

            <section class="card" aria-labelledby="data-title">
                <h2 id="data-title">"Your data"</h2>
                <dl class="facts">
                    <div class="fact">
                        <dt>"Where it lives"</dt>
                        <dd data-testid="storage-mode">{storage_text}</dd>
                    </div>
                    <div class="fact">
                        <dt>"Rats"</dt>
                        <dd data-testid="rat-count">
                            {move || {
                                let (active, archived) = counts();
                                format!("{active} active, {archived} archived")
                            }}
                        </dd>
                    </div>
                    <div class="fact">
                        <dt>"Sessions"</dt>
                        <dd data-testid="session-count">{move || app.sessions.with(Vec::len).to_string()}</dd>
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
                    <h2 id="kept-title">"Data kept aside"</h2>
                    <p>
                        "Ratbond found saved data it could not read. It has not been deleted. Download it to keep a copy, or to send it to us so we can help."
                    </p>
                    <ul class="plain-list">
                        <For each=quarantined key=|(_, key)| key.clone() let:item>
                            <QuarantinedItem what=item.0 key=item.1/>
                        </For>
                    </ul>
                </section>
            </Show>

            <crate::pages::settings_storage::DeleteAllSection/>

            <section class="card" aria-labelledby="about-title">
                <h2 id="about-title">"About Ratbond"</h2>
                <dl class="facts">
                    <div class="fact">
                        <dt>"App version"</dt>
                        <dd data-testid="app-version">{APP_VERSION}</dd>
                    </div>
                    <div class="fact">
                        <dt>"Data format"</dt>
                        <dd>{format!("Version {SCHEMA_VERSION}")}</dd>
                    </div>
                </dl>
                <p class="muted">
                    "Ratbond works offline and keeps no accounts. It makes no requests to any other site."
                </p>
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
                app.show_toast(format!("The download did not start ({e})."), None);
            }
        }
    };
    let forget = {
        let key = key.clone();
        move |_| {
            if app.forget_quarantined(&key).is_ok() {
                app.show_toast("The kept copy was deleted.".into(), None);
            }
        }
    };
    view! {
        <li class="kept-item">
            <p><strong>{what}</strong></p>
            <div class="button-row">
                <button class="button" on:click=download>"Download raw text"</button>
                <button class="button button-danger-quiet" on:click=move |_| confirming.set(true)>"Delete copy"</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-label="Delete the kept copy?">
                    <p>"Delete this copy for good? Download it first if you might need it."</p>
                    <div class="button-row">
                        <button class="button button-danger" on:click=forget.clone()>"Delete copy"</button>
                        <button class="button" on:click=move |_| confirming.set(false)>"Keep it"</button>
                    </div>
                </div>
            </Show>
        </li>
    }
}

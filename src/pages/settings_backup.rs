//! Settings → backup and restore: one file with everything, kept somewhere other than this
//! browser, and the way back in (checked completely, previewed, merged or replaced, undoable).

use crate::platform;
use crate::state::use_app;
use crate::store::backup::{self, Backup};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where a restore stands. Every step keeps the file text out of markup: it is only ever
/// rendered as text nodes.
#[derive(Clone, Debug, PartialEq)]
enum Restore {
    Idle,
    Reading,
    /// The file passed every check; waiting for Merge, Replace or Cancel.
    Ready {
        backup: Box<Backup>,
        name: String,
    },
    ConfirmReplace {
        backup: Box<Backup>,
        name: String,
    },
    Rejected(String),
}

#[component]
pub fn BackupSection() -> impl IntoView {
    let app = use_app();
    let note = RwSignal::new(String::new());
    let can_share = platform::can_share_files();
    let last = move || {
        app.programs.with(|p| match p.last_backup {
            Some(day) => format!("Last backup: {}.", backup::day_text(day)),
            None => "No backup yet.".to_string(),
        })
    };
    let download = move |_| match app.download_backup() {
        Ok(()) => note.set(
            "The backup is downloading. Keep it somewhere safe, like your email or a cloud drive."
                .into(),
        ),
        Err(e) => note.set(format!(
            "The backup didn't download ({e}). Please try again."
        )),
    };
    let share = move |_| {
        let today = platform::today();
        let text = app.backup_text();
        leptos::task::spawn_local(async move {
            let name = backup::file_name(today);
            match platform::share_file(&name, "application/json", &text).await {
                Some(true) => {
                    app.note_backup(today);
                    note.set("Backup shared.".into());
                }
                Some(false) => note.set(String::new()),
                None => note.set("Sharing didn't work here. Use Download backup instead.".into()),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="backup-title">
            <h2 id="backup-title">"Backup"</h2>
            <p>"Browsers sometimes clear their storage, and phones get lost. A backup file keeps your rats' history safe."</p>
            <p data-testid="last-backup"><strong>{last}</strong></p>
            <div class="button-column">
                <button class="button button-primary button-wide" on:click=download>"Download backup"</button>
                {can_share.then(|| view! {
                    <button class="button button-wide" on:click=share>"Share backup"</button>
                })}
            </div>
            <p class="saved-note" role="status">{move || note.get()}</p>
        </section>
        <RestoreSection/>
    }
}

#[component]
fn RestoreSection() -> impl IntoView {
    let app = use_app();
    let state = RwSignal::new(Restore::Idle);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some((bytes, file)) = platform::chosen_file(&input) else {
            return;
        };
        let name = file.name();
        // Let the same file be picked again after a Cancel.
        input.set_value("");
        if bytes > backup::SIZE_MAX_BYTES as f64 {
            state.set(Restore::Rejected(backup::BackupError::TooLarge.to_string()));
            return;
        }
        state.set(Restore::Reading);
        leptos::task::spawn_local(async move {
            let next = match platform::read_text(&file).await {
                Ok(text) => match backup::read(&text) {
                    Ok(backup) => Restore::Ready {
                        backup: Box::new(backup),
                        name,
                    },
                    Err(e) => Restore::Rejected(e.to_string()),
                },
                Err(e) => Restore::Rejected(format!("The file could not be read ({e}).")),
            };
            state.set(next);
        });
    };
    let merge = move |backup: Box<Backup>| {
        let (merged, counts) = backup::merge(&app.data(), &backup.data);
        let done = format!("Merged: {}.", counts.sentence());
        if app.restore(merged, done).is_ok() {
            state.set(Restore::Idle);
        }
    };
    let replace = move |backup: Box<Backup>| {
        let done = format!(
            "Replaced with the backup: {}.",
            backup::preview(&backup).sentence()
        );
        if app.restore(backup::replace(&backup.data), done).is_ok() {
            state.set(Restore::Idle);
        }
    };
    let undo = move |_| {
        if app.undo_restore().is_ok() {
            app.show_toast(
                "Your data is back as it was before the restore.".into(),
                None,
            );
        }
    };
    let here = move || {
        let (rats, sessions) = (app.rats.with(Vec::len), app.sessions.with(Vec::len));
        backup::Preview {
            rats,
            sessions,
            first_day: None,
            last_day: None,
        }
    };

    let body = move || match state.get() {
        Restore::Idle => ().into_any(),
        Restore::Reading => view! { <p role="status">"Checking the file…"</p> }.into_any(),
        Restore::Rejected(why) => view! {
            <div class="restore-problem" role="alert">
                <p><strong>"This file can't be restored."</strong></p>
                <p data-testid="restore-error">{why}</p>
                <p>"Nothing was changed."</p>
            </div>
        }
        .into_any(),
        Restore::Ready { backup, name } => {
            let sentence = backup::preview(&backup).sentence();
            let exported = backup::day_text(exported_day(backup.exported_at));
            let for_merge = backup.clone();
            let for_replace = backup.clone();
            let file_name = name.clone();
            view! {
                <div class="restore-preview" role="group" aria-labelledby="restore-preview-title">
                    <h3 id="restore-preview-title">"The file is fine"</h3>
                    <p class="muted">{name}</p>
                    <p data-testid="restore-preview"><strong>{sentence}</strong></p>
                    <p class="muted">{format!("Saved on {exported}.")}</p>
                    <p>"Merge adds what is new and keeps the newer version of anything in both. Replace makes this device exactly like the file."</p>
                    <div class="button-column">
                        <button class="button button-primary button-wide" on:click=move |_| merge(for_merge.clone())>"Merge"</button>
                        <button class="button button-wide" on:click=move |_| state.set(Restore::ConfirmReplace { backup: for_replace.clone(), name: file_name.clone() })>"Replace"</button>
                        <button class="button button-quiet button-wide" on:click=move |_| state.set(Restore::Idle)>"Cancel"</button>
                    </div>
                </div>
            }
            .into_any()
        }
        Restore::ConfirmReplace { backup, name } => {
            let mine = here().sentence();
            let for_replace = backup.clone();
            let back = backup.clone();
            view! {
                <div class="confirm" role="alertdialog" aria-labelledby="replace-title" aria-describedby="replace-text">
                    <h3 id="replace-title">"Replace everything here?"</h3>
                    <p id="replace-text">
                        {format!("This device's data ({}) is swapped for the file's. You can undo right after, until you close Ratbond.", mine.to_lowercase())}
                    </p>
                    <div class="button-row">
                        <button class="button button-danger" on:click=move |_| replace(for_replace.clone())>"Replace"</button>
                        <button class="button" on:click=move |_| state.set(Restore::Ready { backup: back.clone(), name: name.clone() })>"Back"</button>
                    </div>
                </div>
            }
            .into_any()
        }
    };

    view! {
        <section class="card" aria-labelledby="restore-title">
            <h2 id="restore-title">"Restore"</h2>
            <p>"Bring back rats and sessions from a backup file. The file is checked completely first; nothing changes until you choose."</p>
            <label class="button button-wide file-button">
                "Choose a backup file"
                <input
                    node_ref=input_ref
                    type="file"
                    class="visually-hidden"
                    accept=".json,application/json"
                    data-testid="restore-file"
                    on:change=on_pick
                />
            </label>
            {body}
            <Show when=move || app.restored.with(Option::is_some)>
                <div class="restore-done" role="status">
                    <p data-testid="restore-done">{move || app.restored.get().unwrap_or_default()}</p>
                    <button class="button button-wide" on:click=undo>"Undo restore"</button>
                </div>
            </Show>
        </section>
    }
}

/// The local day of an export time (the preview only needs the day).
fn exported_day(ms: f64) -> crate::domain::date::LocalDate {
    crate::domain::date::LocalDate::from_days((ms / 86_400_000.0).floor() as i64)
        .unwrap_or_else(platform::today)
}

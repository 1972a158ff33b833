//! Settings → backup and restore: one file with everything, kept somewhere other than this
//! browser, and the way back in (checked completely, previewed, merged or replaced, undoable).

use crate::domain::date::LocalDate;
use crate::intl::{self, DateStyle};
use crate::platform;
use crate::state::use_app;
use crate::store::backup::{self, Backup};
use crate::text::settings_backup as t;
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
            Some(day) => t::last_backup(&long_day(day)),
            None => t::NO_BACKUP.to_string(),
        })
    };
    let download = move |_| match app.download_backup() {
        Ok(()) => note.set(t::DOWNLOADING.into()),
        Err(e) => note.set(t::download_failed(&e)),
    };
    let share = move |_| {
        let today = platform::today();
        let text = app.backup_text();
        leptos::task::spawn_local(async move {
            let name = backup::file_name(today);
            match platform::share_file(&name, "application/json", &text).await {
                Some(true) => {
                    app.note_backup(today);
                    note.set(t::SHARED.into());
                }
                Some(false) => note.set(String::new()),
                None => note.set(t::SHARE_FAILED.into()),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="backup-title">
            <h2 id="backup-title">{t::BACKUP_TITLE}</h2>
            <p>{t::BACKUP_TEXT}</p>
            <p data-testid="last-backup"><strong>{last}</strong></p>
            <div class="button-column">
                <button class="button button-primary button-wide" on:click=download>{t::DOWNLOAD}</button>
                {can_share.then(|| view! {
                    <button class="button button-wide" on:click=share>{t::SHARE}</button>
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
                Err(e) => Restore::Rejected(t::unreadable(&e)),
            };
            state.set(next);
        });
    };
    let merge = move |backup: Box<Backup>| {
        // With what is stored now, not only what this tab shows: another tab may have just
        // saved something.
        let (merged, counts) = backup::merge(&app.stored_data(), &backup.data);
        if counts.added + counts.updated == 0 {
            // Nothing to write, and nothing to undo.
            state.set(Restore::Idle);
            app.show_toast(t::NOTHING_NEW.into(), None);
            return;
        }
        let done = t::merged(&count(counts.added), &count(counts.updated));
        if app.restore(merged, done).is_ok() {
            state.set(Restore::Idle);
        }
    };
    let replace = move |backup: Box<Backup>| {
        let done = t::replaced(&preview_text(&backup::preview(&backup)));
        if app.restore(backup::replace(&backup.data), done).is_ok() {
            state.set(Restore::Idle);
        }
    };
    let undo = move |_| match app.undo_restore() {
        Ok(true) => app.show_toast(t::UNDONE.into(), None),
        Ok(false) => app.show_toast(t::UNDO_TOO_LATE.into(), None),
        Err(_) => {}
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
        Restore::Reading => view! { <p role="status">{t::CHECKING}</p> }.into_any(),
        Restore::Rejected(why) => view! {
            <div class="restore-problem" role="alert">
                <p><strong>{t::REJECTED}</strong></p>
                <p data-testid="restore-error">{why}</p>
                <p>{t::NOTHING_CHANGED}</p>
            </div>
        }
        .into_any(),
        Restore::Ready { backup, name } => {
            let sentence = preview_text(&backup::preview(&backup));
            let exported = long_day(exported_day(backup.exported_at));
            let for_merge = backup.clone();
            let for_replace = backup.clone();
            let file_name = name.clone();
            view! {
                <div class="restore-preview" role="group" aria-labelledby="restore-preview-title">
                    <h3 id="restore-preview-title">{t::FILE_FINE}</h3>
                    <p class="muted">{name}</p>
                    <p data-testid="restore-preview"><strong>{sentence}</strong></p>
                    <p class="muted">{t::saved_on(&exported)}</p>
                    <p>{t::MERGE_OR_REPLACE}</p>
                    <div class="button-column">
                        <button class="button button-primary button-wide" on:click=move |_| merge(for_merge.clone())>{t::MERGE}</button>
                        <button class="button button-wide" on:click=move |_| state.set(Restore::ConfirmReplace { backup: for_replace.clone(), name: file_name.clone() })>{t::REPLACE}</button>
                        <button class="button button-quiet button-wide" on:click=move |_| state.set(Restore::Idle)>{crate::text::common::CANCEL}</button>
                    </div>
                </div>
            }
            .into_any()
        }
        Restore::ConfirmReplace { backup, name } => {
            let mine = preview_text(&here());
            let for_replace = backup.clone();
            let back = backup.clone();
            view! {
                <div class="confirm" role="alertdialog" aria-labelledby="replace-title" aria-describedby="replace-text">
                    <h3 id="replace-title">{t::REPLACE_TITLE}</h3>
                    <p id="replace-text">
                        {t::replace_text(&mine)}
                    </p>
                    <div class="button-row">
                        <button class="button button-danger" on:click=move |_| replace(for_replace.clone())>{t::REPLACE}</button>
                        <button class="button" on:click=move |_| state.set(Restore::Ready { backup: back.clone(), name: name.clone() })>{t::BACK}</button>
                    </div>
                </div>
            }
            .into_any()
        }
    };

    view! {
        <section class="card" id="restore" tabindex="-1" aria-labelledby="restore-title">
            <h2 id="restore-title">{t::RESTORE_TITLE}</h2>
            <p>{t::RESTORE_TEXT}</p>
            <label class="button button-wide file-button">
                {t::CHOOSE_FILE}
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
                    <button class="button button-wide" on:click=undo>{t::UNDO}</button>
                </div>
            </Show>
        </section>
    }
}

/// A day as records and backups write it: "20 November 2026" in en-GB.
fn long_day(day: LocalDate) -> String {
    intl::date(day, DateStyle::DayMonthYear)
}

fn count(n: usize) -> String {
    intl::number(n as i64)
}

/// What a backup (or this device) holds, with dates and counts in the owner's locale.
fn preview_text(p: &backup::Preview) -> String {
    let (first, last) = (p.first_day.map(long_day), p.last_day.map(long_day));
    let days = match (&first, &last) {
        (Some(a), Some(_)) if p.first_day == p.last_day => t::Days::On(a),
        (Some(a), Some(b)) => t::Days::FromTo(a, b),
        _ => t::Days::Unknown,
    };
    t::preview(p.rats, p.sessions, &count(p.sessions), days)
}

/// The local day of an export time (the preview only needs the day).
/// The owner's local day, not UTC's: a backup made at 00:30 was made "today".
fn exported_day(ms: f64) -> LocalDate {
    platform::local_day(ms).unwrap_or_else(platform::today)
}

//! Settings → space and safety: how full storage is, whether the browser keeps it, making room
//! by archiving old sessions into a file, and deleting everything (typed confirmation).

use crate::domain::safety::{
    archivable, archive_before, bytes_text, delete_confirmed, group_digits, nearly_full,
    percent_text, used_per_mille, DELETE_WORD,
};
use crate::platform;
use crate::state::use_app;
use crate::store::{backup, BUDGET_CHARS};
use leptos::prelude::*;

#[component]
pub fn SpaceSection() -> impl IntoView {
    let app = use_app();
    // Re-measure after each change that reaches storage.
    let usage = Memo::new(move |_| {
        app.rats.track();
        app.sessions.track();
        app.programs.track();
        app.usage()
    });
    let estimate = RwSignal::new(None::<(f64, f64)>);
    leptos::task::spawn_local(async move {
        estimate.set(platform::storage_estimate().await);
    });
    // Start-up asked already when there was history; ask here only if nobody has yet.
    if app.protected.get_untracked().is_none() {
        app.protect_storage();
    }
    let note = RwSignal::new(String::new());
    let today = platform::today();
    let before = Memo::new(move |_| {
        app.rats
            .with(|rats| app.programs.with(|p| archive_before(today, rats, p)))
    });
    let movable = Memo::new(move |_| app.sessions.with(|s| archivable(s, before.get())));
    let archive = move |_| {
        let cutoff = before.get_untracked();
        // The file holds everything, so it can be restored (Merge) later as it is.
        let name = format!("ratbond-archive-{}.json", today);
        if let Err(e) = platform::download_text(&name, "application/json", &app.backup_text()) {
            note.set(format!(
                "The archive file didn't download ({e}), so nothing was moved."
            ));
            return;
        }
        match app.archive_before(cutoff) {
            Ok(n) => note.set(format!(
                "{n} older sessions are now only in {name}. To see them again, restore that file with Merge."
            )),
            Err(e) => note.set(e.to_string()),
        }
    };

    let protection = move || {
        if !app.persistent {
            return "Nothing is kept: this browser gives Ratbond no storage.".to_string();
        }
        let ios = platform::is_ios() && !platform::is_standalone();
        match (app.protected.get(), ios) {
            (_, true) => "On iPhone and iPad, Safari clears a website's data after 7 days without a visit. Add Ratbond to your Home Screen (Share, then Add to Home Screen) to keep it safe, and make backups.".to_string(),
            (Some(true), _) => "Protected: the browser has promised not to clear Ratbond's data on its own.".to_string(),
            (Some(false), _) => "Not protected: the browser may clear Ratbond's data when the device runs low on space. Installing the app helps; backups keep it safe.".to_string(),
            (None, _) => "The browser hasn't said whether it keeps Ratbond's data. Backups keep it safe.".to_string(),
        }
    };

    view! {
        <section class="card" id="space" tabindex="-1" aria-labelledby="space-title">
            <h2 id="space-title">"Space"</h2>
            {move || match usage.get() {
                Some(u) => {
                    let per_mille = used_per_mille(u.chars, BUDGET_CHARS);
                    let full = nearly_full(u.chars, BUDGET_CHARS);
                    view! {
                        <p data-testid="storage-used">
                            {format!(
                                "{} of about {} characters used ({}).",
                                group_digits(u.chars),
                                group_digits(BUDGET_CHARS),
                                percent_text(per_mille),
                            )}
                        </p>
                        <meter
                            class="storage-meter"
                            min="0"
                            max=BUDGET_CHARS.to_string()
                            low=(BUDGET_CHARS * 6 / 10).to_string()
                            high=(BUDGET_CHARS * 8 / 10).to_string()
                            optimum="0"
                            value=u.chars.to_string()
                            aria-label="Storage used"
                        ></meter>
                        {full.then(|| view! {
                            <div class="storage-warning" role="alert" data-testid="storage-warning">
                                <p><strong>"Storage is nearly full."</strong></p>
                                <p>"Download a backup now. To make room, archive old sessions if Ratbond offers it below, or delete rats you no longer need."</p>
                            </div>
                        })}
                    }
                    .into_any()
                }
                None => view! { <p data-testid="storage-used">"Can't be measured right now."</p> }.into_any(),
            }}
            {move || estimate.get().map(|(used, quota)| view! {
                <p class="muted" data-testid="storage-estimate">
                    {format!("The browser reports {} used by this site (app files included), of {} it allows.", bytes_text(used), bytes_text(quota))}
                </p>
            })}
            <p data-testid="storage-protection">{protection}</p>

            <Show when=move || movable.get() != 0>
                <h3>"Archive old sessions"</h3>
                <p>
                    {move || format!(
                        "{} sessions from before {} can move into an archive file to make room. Current steps and this year's history stay here.",
                        movable.get(),
                        backup::day_text(before.get()),
                    )}
                </p>
                <button class="button button-wide" on:click=archive disabled=move || app.read_only>
                    "Archive old sessions"
                </button>
            </Show>
            <p class="saved-note" role="status">{move || note.get()}</p>
        </section>
    }
}

#[component]
pub fn DeleteAllSection() -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let delete = move |_| {
        if !delete_confirmed(&typed.get_untracked()) {
            return;
        }
        if app.delete_everything().is_ok() {
            open.set(false);
            typed.set(String::new());
            note.set("All data was deleted from this browser.".into());
        }
    };
    let download = move |_| {
        if let Err(e) = app.download_backup() {
            note.set(format!("The backup didn't download ({e})."));
        }
    };
    view! {
        <section class="card" aria-labelledby="delete-all-title">
            <h2 id="delete-all-title">"Delete all data"</h2>
            <p>"Removes every rat, session and setting from this browser. Backup files you saved are not touched."</p>
            <Show
                when=move || open.get()
                fallback=move || view! {
                    <button class="button button-danger-quiet button-wide" on:click=move |_| open.set(true)>
                        "Delete all data…"
                    </button>
                }
            >
                <div class="delete-all" role="group" aria-labelledby="delete-all-confirm">
                    <h3 id="delete-all-confirm">"Delete everything?"</h3>
                    <p>
                        {move || format!(
                            "This deletes {} rats and {} sessions. It can't be undone. Download a backup first if you might want them back.",
                            app.rats.with(Vec::len),
                            app.sessions.with(Vec::len),
                        )}
                    </p>
                    <button class="button button-wide" on:click=download>"Download backup first"</button>
                    <div class="field">
                        <label for="delete-word">{format!("Type {DELETE_WORD} to confirm")}</label>
                        <input
                            id="delete-word"
                            type="text"
                            autocomplete="off"
                            autocapitalize="none"
                            spellcheck="false"
                            prop:value=move || typed.get()
                            on:input=move |ev| typed.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="button-row">
                        <button
                            class="button button-danger"
                            disabled=move || !delete_confirmed(&typed.get())
                            on:click=delete
                        >
                            "Delete everything"
                        </button>
                        <button class="button" on:click=move |_| { open.set(false); typed.set(String::new()); }>"Keep my data"</button>
                    </div>
                </div>
            </Show>
            <p class="saved-note" role="status">{move || note.get()}</p>
        </section>
    }
}

//! Settings → backup: one file with everything, to keep somewhere other than this browser.

use crate::platform;
use crate::state::use_app;
use crate::store::backup;
use leptos::prelude::*;

#[component]
pub fn BackupSection() -> impl IntoView {
    let app = use_app();
    let note = RwSignal::new(String::new());
    let last = move || {
        app.programs.with(|p| match p.last_backup {
            Some(day) => format!("Last backup: {}.", backup::day_text(day)),
            None => "No backup yet.".to_string(),
        })
    };
    let download = move |_| {
        let today = platform::today();
        let text = app.backup_text();
        match platform::download_text(&backup::file_name(today), "application/json", &text) {
            Ok(()) => {
                app.note_backup(today);
                note.set("The backup is downloading. Keep it somewhere safe, like your email or a cloud drive.".into());
            }
            Err(e) => note.set(format!(
                "The backup didn't download ({e}). Please try again."
            )),
        }
    };
    view! {
        <section class="card" aria-labelledby="backup-title">
            <h2 id="backup-title">"Backup"</h2>
            <p>"Browsers sometimes clear their storage, and phones get lost. A backup file keeps your rats' history safe."</p>
            <p data-testid="last-backup"><strong>{last}</strong></p>
            <button class="button button-primary button-wide" on:click=download>"Download backup"</button>
            <p class="saved-note" role="status">{move || note.get()}</p>
        </section>
    }
}

//! Settings → space and safety: how full storage is, whether the browser keeps it, making room
//! by archiving old sessions into a file, and deleting everything (typed confirmation).

use crate::domain::safety::{
    archivable, archive_before, delete_confirmed, nearly_full, sessions_that_fit, used_per_mille,
    DELETE_WORD,
};
use crate::intl::{self, DateStyle};
use crate::platform;
use crate::state::use_app;
use crate::store::BUDGET_CHARS;
use crate::text::settings_storage as t;
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
    // Start-up asked already when there was history; this asks only if nobody has yet.
    app.protect_storage();
    let note = RwSignal::new(String::new());
    let today = platform::today();
    let before = Memo::new(move |_| {
        app.rats
            .with(|rats| app.programs.with(|p| archive_before(today, rats, p)))
    });
    let movable = Memo::new(move |_| app.sessions.with(|s| archivable(s, before.get())));
    // The file is downloaded first; the sessions leave only once the owner says it is saved.
    // `pending` is the file's name meanwhile, and `made_at` the history's revision then.
    // (Kept to types the app already has signals of: each new one costs the wasm.)
    let pending = RwSignal::new(None::<String>);
    let made_at = StoredValue::new(0u64);
    let archive = move |_| {
        // The file holds everything, so it can be restored (Merge) later as it is.
        let file = format!("ratbond-archive-{}.json", today);
        if let Err(e) = platform::download_text(&file, "application/json", &app.backup_text()) {
            note.set(t::archive_failed(&e));
            return;
        }
        note.set(String::new());
        made_at.set_value(app.history_rev());
        pending.set(Some(file));
    };
    let remove = move |_| {
        let Some(file) = pending.get_untracked() else {
            return;
        };
        pending.set(None);
        // A session logged, edited or deleted since may not be in the file as it is here.
        // Unchanged, the file holds every session, so any cutoff takes only what it has.
        if app.history_rev() != made_at.get_value() {
            note.set(t::ARCHIVE_CHANGED.into());
            return;
        }
        match app.archive_before(before.get_untracked()) {
            Ok(Some(n)) => note.set(t::archived(n, &count(n), &file)),
            Ok(None) => note.set(t::ARCHIVE_CHANGED.into()),
            Err(e) => note.set(e.to_string()),
        }
    };
    let keep = move |_| {
        pending.set(None);
        note.set(t::ARCHIVE_KEPT.into());
    };

    // Safari outside the home screen clears data after a week whatever the answer.
    let ios_browser = platform::is_ios() && !platform::is_standalone();
    let protection = move || {
        if !app.persistent {
            return t::NOT_KEPT;
        }
        match (app.protected.get(), ios_browser) {
            (_, true) => t::IOS,
            (Some(true), _) => t::PROTECTED,
            (Some(false), _) => t::NOT_PROTECTED,
            (None, _) => t::UNKNOWN_PROTECTION,
        }
    };
    // Only where asking can change the answer.
    let can_ask = move || app.persistent && !ios_browser && app.protected.get() == Some(false);
    let protection_note = RwSignal::new("");
    let ask_again = move |_| {
        protection_note.set("");
        leptos::task::spawn_local(async move {
            if app.ask_protection().await != Some(true) {
                protection_note.set(t::STILL_NOT_PROTECTED);
            }
        });
    };
    let download = move |_| {
        if let Err(e) = app.download_backup() {
            note.set(t::backup_failed(&e));
        }
    };

    view! {
        <section class="card" id="space" tabindex="-1" aria-labelledby="space-title">
            <h2 id="space-title">{t::SPACE_TITLE}</h2>
            {move || match usage.get() {
                Some(u) => {
                    let per_mille = used_per_mille(u.chars, BUDGET_CHARS);
                    let full = nearly_full(u.chars, BUDGET_CHARS);
                    let sessions = app.sessions.with(Vec::len);
                    let fit = sessions_that_fit(u.chars, BUDGET_CHARS, u.session_chars, sessions);
                    view! {
                        <p data-testid="storage-used">{t::used(&shown_percent(u.chars, per_mille))}</p>
                        <meter
                            class="storage-meter"
                            min="0"
                            max=BUDGET_CHARS.to_string()
                            low=(BUDGET_CHARS * 6 / 10).to_string()
                            high=(BUDGET_CHARS * 8 / 10).to_string()
                            optimum="0"
                            value=u.chars.to_string()
                            aria-label=t::STORAGE_USED_LABEL
                        ></meter>
                        <p data-testid="storage-room">{t::room_for(fit, &count(fit))}</p>
                        {full.then(|| view! {
                            <div class="storage-warning" role="alert" data-testid="storage-warning">
                                <p><strong>{t::NEARLY_FULL}</strong></p>
                                <p>{t::NEARLY_FULL_TEXT}</p>
                            </div>
                        })}
                        <dl class="facts space-facts">
                            <div class="fact">
                                <dt>{t::DATA_ROW}</dt>
                                <dd data-testid="storage-chars">{t::characters(&count(u.chars), &count(BUDGET_CHARS))}</dd>
                            </div>
                            {move || estimate.get().map(|(used, quota)| view! {
                                <div class="fact">
                                    <dt>{t::SITE_ROW}</dt>
                                    <dd data-testid="storage-estimate">{t::site(&size(used), &size(quota))}</dd>
                                </div>
                            })}
                        </dl>
                    }
                    .into_any()
                }
                None => view! { <p data-testid="storage-used">{t::UNMEASURED}</p> }.into_any(),
            }}
            <p data-testid="storage-protection">{protection}</p>
            <Show when=can_ask>
                <div class="button-row">
                    <button class="button" on:click=ask_again>{t::ASK_AGAIN}</button>
                    <button class="button" on:click=download>{t::DOWNLOAD_BACKUP}</button>
                </div>
            </Show>
            <p class="saved-note" role="status">{move || protection_note.get()}</p>

            <Show when=move || movable.get() != 0>
                <h3>{t::ARCHIVE_TITLE}</h3>
                <p>
                    {move || {
                        let n = movable.get();
                        t::archivable(n, &count(n), &intl::date(before.get(), DateStyle::DayMonthYear))
                    }}
                </p>
                // Both are always there, one hidden: cheaper in the wasm than two views.
                <button
                    class="button button-wide"
                    on:click=archive
                    disabled=move || app.read_only
                    hidden=move || pending.with(Option::is_some)
                >
                    {t::ARCHIVE_BUTTON}
                </button>
                <div
                    class="archive-check"
                    role="group"
                    aria-labelledby="archive-check-title"
                    hidden=move || pending.with(Option::is_none)
                >
                    <h4 id="archive-check-title">{t::ARCHIVE_CHECK_TITLE}</h4>
                    <p>
                        {move || pending.get().map(|file| {
                            let n = movable.get();
                            t::archive_check(n, &count(n), &file)
                        })}
                    </p>
                    <div class="button-row">
                        <button class="button button-danger" on:click=remove>
                            {move || {
                                let n = movable.get();
                                t::archive_remove(n, &count(n))
                            }}
                        </button>
                        <button class="button" on:click=keep>{t::ARCHIVE_KEEP}</button>
                    </div>
                </div>
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
            note.set(t::DELETED.into());
        }
    };
    let download = move |_| {
        if let Err(e) = app.download_backup() {
            note.set(t::backup_failed(&e));
        }
    };
    view! {
        <section class="card" aria-labelledby="delete-all-title">
            <h2 id="delete-all-title">{t::DELETE_TITLE}</h2>
            <p>{t::DELETE_TEXT}</p>
            <Show
                when=move || open.get()
                fallback=move || view! {
                    <button class="button button-danger-quiet button-wide" on:click=move |_| open.set(true)>
                        {t::DELETE_OPEN}
                    </button>
                }
            >
                <div class="delete-all" role="group" aria-labelledby="delete-all-confirm">
                    <h3 id="delete-all-confirm">{t::DELETE_CONFIRM_TITLE}</h3>
                    <p>
                        {move || {
                            let (rats, sessions) = (app.rats.with(Vec::len), app.sessions.with(Vec::len));
                            t::will_delete(rats, &count(rats), sessions, &count(sessions))
                        }}
                    </p>
                    <button class="button button-wide" on:click=download>{t::DOWNLOAD_FIRST}</button>
                    <div class="field">
                        <label for="delete-word">{t::type_to_confirm(DELETE_WORD)}</label>
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
                            {t::DELETE_EVERYTHING}
                        </button>
                        <button class="button" on:click=move |_| { open.set(false); typed.set(String::new()); }>{t::KEEP_MY_DATA}</button>
                    </div>
                </div>
            </Show>
            <p class="saved-note" role="status">{move || note.get()}</p>
        </section>
    }
}

/// "24.6 %", or "under 0.1 %" for a little data: never "0.0 %" while something is kept.
fn shown_percent(chars: usize, per_mille: u64) -> String {
    if chars > 0 && per_mille == 0 {
        t::under(&t::percent(&tenths(1)))
    } else {
        t::percent(&tenths(per_mille))
    }
}

fn count(n: usize) -> String {
    intl::number(n as i64)
}

/// "82.3" from tenths of a percent, in the owner's number format.
fn tenths(per_mille: u64) -> String {
    intl::tenths(per_mille as i64)
}

/// "2.4 MB", "512 KB" (decimal units, as storage is sold).
fn size(bytes: f64) -> String {
    let b = bytes.max(0.0) as u64;
    let whole_and_tenth = |unit: u64| intl::tenths((b / (unit / 10)) as i64);
    if b >= 1_000_000_000 {
        t::gigabytes(&whole_and_tenth(1_000_000_000))
    } else if b >= 1_000_000 {
        t::megabytes(&whole_and_tenth(1_000_000))
    } else {
        t::kilobytes(&intl::number(b.div_ceil(1000) as i64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Natively `intl` writes en-GB forms, so these are the shapes an English phone shows.
    #[test]
    fn sizes_and_percentages_for_people() {
        for (per_mille, text) in [(0, "0.0"), (246, "24.6"), (800, "80.0"), (1100, "110.0")] {
            assert_eq!(tenths(per_mille), text);
        }
        for (chars, per_mille, text) in [
            (0, 0, "0.0 %"),
            (2_709, 0, "under 0.1 %"),
            (5_000, 1, "0.1 %"),
        ] {
            assert_eq!(shown_percent(chars, per_mille), text);
        }
        for (b, text) in [
            (0.0, "0 KB"),
            (1.0, "1 KB"),
            (512_000.0, "512 KB"),
            (2_450_000.0, "2.4 MB"),
            (1_999_999_999.0, "1.9 GB"),
            (300_000_000_000.0, "300.0 GB"),
            (-5.0, "0 KB"),
        ] {
            assert_eq!(size(b), text, "{b}");
        }
    }
}

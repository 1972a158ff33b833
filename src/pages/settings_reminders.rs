//! Settings → practice reminders: one or two daily times, a calendar file, and a
//! notification while the app is open.

use crate::domain::ics::{self, practice_calendar, utc_stamp, Reminder};
use crate::platform;
use crate::reminders::{self, Permission};
use crate::state::use_app;
use crate::text::settings_reminders as t;
use leptos::prelude::*;

fn permission_text(p: Permission) -> &'static str {
    match p {
        Permission::Granted => t::PERMISSION_GRANTED,
        Permission::Denied => t::PERMISSION_DENIED,
        Permission::Default => t::PERMISSION_DEFAULT,
        Permission::Unsupported => t::PERMISSION_UNSUPPORTED,
    }
}

/// Reads a time field: empty is "no time", anything else must be a valid time.
fn read_time(text: &str) -> Result<Option<Reminder>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    Reminder::parse(text).map(Some).map_err(|e| e.to_string())
}

#[component]
pub fn PracticeReminders() -> impl IntoView {
    let app = use_app();
    let saved_times = app.programs.with_untracked(|p| p.practice_times.clone());
    let first = RwSignal::new(
        saved_times
            .first()
            .map(Reminder::label)
            .unwrap_or_else(|| "18:30".into()),
    );
    let second = RwSignal::new(saved_times.get(1).map(Reminder::label).unwrap_or_default());
    let errors = RwSignal::new((None::<String>, None::<String>));
    let permission = RwSignal::new(reminders::permission());
    let saved_note = RwSignal::new(String::new());

    // Validates both fields; shows errors next to them. None when one is wrong.
    let times = move || -> Option<Vec<Reminder>> {
        let a = read_time(&first.get_untracked());
        let b = read_time(&second.get_untracked());
        // Only the second filled in is one time all the same; neither is the error.
        let a = match (a, &b) {
            (Ok(None), Ok(None)) => Err(ics::IcsError::NoReminders.to_string()),
            (other, _) => other,
        };
        errors.set((a.clone().err(), b.clone().err()));
        match (a, b) {
            (Ok(a), Ok(b)) => Some(a.into_iter().chain(b).collect()),
            _ => None,
        }
    };
    let save = move |notify: bool| -> bool {
        let Some(list) = times() else {
            // An earlier "Saved …" would read as if this had worked.
            saved_note.set(String::new());
            platform::focus(if errors.get_untracked().0.is_some() {
                "practice-1"
            } else {
                "practice-2"
            });
            return false;
        };
        app.set_practice(list, notify).is_ok()
    };
    let notify_on = move || app.programs.with(|p| p.notify);

    let on_save = move |_| {
        if save(notify_on_untracked(app)) {
            let times = app.programs.with_untracked(|p| {
                p.practice_times
                    .iter()
                    .map(|r| crate::intl::time(r.hour, r.minute))
                    .collect::<Vec<_>>()
            });
            saved_note.set(t::saved(&times));
        }
    };
    let on_calendar = move |_| {
        if !save(notify_on_untracked(app)) {
            return;
        }
        let names: Vec<String> = app.rats.with_untracked(|rats| {
            rats.iter()
                .filter(|r| !r.archived)
                .map(|r| r.name.clone())
                .collect()
        });
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let times = app.programs.with_untracked(|p| p.practice_times.clone());
        let made = utc_stamp(platform::now_ms())
            .ok_or_else(|| ics::IcsError::Stamp.to_string())
            .and_then(|stamp| {
                practice_calendar(&times, &names, platform::today(), &stamp)
                    .map_err(|e| e.to_string())
            });
        match made.and_then(|text| platform::download_text(ics::FILE_NAME, ics::MIME_TYPE, &text)) {
            Ok(()) => saved_note.set(t::CALENDAR_DOWNLOADING.into()),
            Err(e) => saved_note.set(t::calendar_failed(&e)),
        }
    };
    let on_notify = move |ev: leptos::ev::Event| {
        let wanted = event_target_checked(&ev);
        if !wanted {
            save(false);
            return;
        }
        reminders::ask_permission(move |answer| {
            permission.set(answer);
            save(answer == Permission::Granted);
        });
    };

    view! {
        <section class="card" aria-labelledby="reminders-title">
            <h2 id="reminders-title">{t::TITLE}</h2>
            <p>{t::INTRO}</p>
            <div class="field">
                <label for="practice-1">{t::PRACTICE_TIME}</label>
                <input id="practice-1" type="time" required=true
                    prop:value=move || first.get()
                    on:input=move |ev| first.set(event_target_value(&ev))
                    aria-invalid=move || errors.with(|e| e.0.is_some()).then_some("true")
                    aria-describedby="practice-1-error"/>
                <p id="practice-1-error" class="field-error">{move || errors.with(|e| e.0.clone())}</p>
            </div>
            <div class="field">
                <label for="practice-2">{t::SECOND_TIME}</label>
                <input id="practice-2" type="time"
                    prop:value=move || second.get()
                    on:input=move |ev| second.set(event_target_value(&ev))
                    aria-invalid=move || errors.with(|e| e.1.is_some()).then_some("true")
                    aria-describedby="practice-2-error"/>
                <p id="practice-2-error" class="field-error">{move || errors.with(|e| e.1.clone())}</p>
            </div>
            <div class="button-row">
                <button class="button button-primary" on:click=on_save>{t::SAVE_TIMES}</button>
                <button class="button" on:click=on_calendar>{t::ADD_TO_CALENDAR}</button>
            </div>
            <p class="muted">{t::CALENDAR_NOTE}</p>
            <label class="choice notify-choice">
                <input type="checkbox" prop:checked=notify_on on:change=on_notify/>
                <span>{t::NOTIFY_CHOICE}</span>
            </label>
            <p class="muted" data-testid="notify-permission">{move || permission_text(permission.get())}</p>
            <p class="saved-note" role="status">{move || saved_note.get()}</p>
        </section>
    }
}

fn notify_on_untracked(app: crate::state::AppState) -> bool {
    app.programs.with_untracked(|p| p.notify) && reminders::permission() == Permission::Granted
}

#[cfg(test)]
mod tests {
    use super::read_time;

    #[test]
    fn time_fields_read_like_the_owner_typed_them() {
        assert_eq!(read_time(""), Ok(None));
        assert_eq!(
            read_time(" 18:30 ").unwrap().map(|r| r.label()),
            Some("18:30".into())
        );
        assert!(read_time("25:00").is_err());
        assert!(read_time("soon").is_err());
    }
}

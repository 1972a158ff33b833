//! The browser side of practice reminders: the local time of day, notification
//! permission, and a notification at practice time while the app is open.
//!
//! A closed web app cannot wake itself; the calendar file (`domain::ics`) covers that.

use crate::domain::ics::Reminder;
use crate::domain::today::{passed_practice_time, plan, Due};
use crate::platform;
use crate::state::AppState;
use leptos::prelude::*;
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Minutes since local midnight, as the device's clock says now.
pub fn minutes_now() -> u32 {
    let now = js_sys::Date::new_0();
    now.get_hours() * 60 + now.get_minutes()
}

/// What the browser allows for notifications.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    Granted,
    Denied,
    /// Not asked yet.
    Default,
    /// This browser has no notifications (iOS Safari outside an installed app, for one).
    Unsupported,
}

fn notification_class() -> Option<JsValue> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &"Notification".into())
        .ok()
        .filter(|n| n.is_function())
}

pub fn permission() -> Permission {
    let Some(class) = notification_class() else {
        return Permission::Unsupported;
    };
    match js_sys::Reflect::get(&class, &"permission".into())
        .ok()
        .and_then(|p| p.as_string())
        .as_deref()
    {
        Some("granted") => Permission::Granted,
        Some("denied") => Permission::Denied,
        _ => Permission::Default,
    }
}

/// Asks for permission; `done` gets the answer.
pub fn ask_permission(done: impl FnOnce(Permission) + 'static) {
    let Some(class) = notification_class() else {
        done(Permission::Unsupported);
        return;
    };
    let promise = js_sys::Reflect::get(&class, &"requestPermission".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&class).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else {
        done(permission());
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        done(permission());
    });
}

/// Shows a notification through the service worker (needed on Android), else directly.
pub fn notify(title: &str, body: &str) {
    if permission() != Permission::Granted {
        return;
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"body".into(), &body.into());
    let _ = js_sys::Reflect::set(&options, &"tag".into(), &"ratbond-practice".into());
    let _ = js_sys::Reflect::set(&options, &"icon".into(), &"icons/icon-192.png".into());
    let title = title.to_string();
    let registration = web_sys::window()
        .map(|w| w.navigator().service_worker())
        .filter(|sw| sw.controller().is_some())
        .map(|sw| sw.get_registration());
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(promise) = registration {
            if let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await {
                let shown = js_sys::Reflect::get(&reg, &"showNotification".into())
                    .ok()
                    .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                    .and_then(|f| f.call2(&reg, &title.clone().into(), &options).ok());
                if shown.is_some() {
                    return;
                }
            }
        }
        if let Some(class) =
            notification_class().and_then(|c| c.dyn_into::<js_sys::Function>().ok())
        {
            let args = js_sys::Array::of2(&title.into(), &options);
            let _ = js_sys::Reflect::construct(&class, &args);
        }
    });
}

thread_local! {
    /// Practice times already announced, as (day, time), so each fires once.
    static ANNOUNCED: RefCell<Vec<(crate::domain::date::LocalDate, Reminder)>> = const { RefCell::new(Vec::new()) };
}

/// Keeps `app.minute` current and, when the owner asked for it, notifies at practice time
/// if rats still need a session. Runs while the app is open.
pub fn start_ticker(app: AppState) {
    let tick = move || {
        let minutes = minutes_now();
        app.minute.set(minutes);
        let today = platform::today();
        app.set_today(today);
        let (times, notify_on) = app
            .programs
            .with_untracked(|p| (p.practice_times.clone(), p.notify));
        if !notify_on {
            return;
        }
        let Some(time) = passed_practice_time(&times, minutes) else {
            return;
        };
        // Only within a few minutes of the time: opening the app at 23:00 shouldn't ping.
        let at = u32::from(time.hour) * 60 + u32::from(time.minute);
        if minutes > at + 5 || ANNOUNCED.with(|a| a.borrow().contains(&(today, time))) {
            return;
        }
        ANNOUNCED.with(|a| a.borrow_mut().push((today, time)));
        let due: Vec<String> = app.rats.with_untracked(|rats| {
            app.programs.with_untracked(|programs| {
                app.sessions.with_untracked(|sessions| {
                    plan(rats, programs, sessions, today)
                        .iter()
                        .flat_map(|c| c.rats.iter())
                        .filter(|r| r.due == Due::Now)
                        .map(|r| r.name.clone())
                        .collect()
                })
            })
        });
        if due.is_empty() {
            return;
        }
        let names: Vec<&str> = due.iter().map(String::as_str).collect();
        notify(
            crate::text::reminders::TITLE,
            &crate::text::reminders::ready(&crate::domain::ics::names_phrase(&names), names.len()),
        );
    };
    tick();
    let _ = set_interval_with_handle(tick, Duration::from_secs(20));
}

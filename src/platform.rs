//! Thin wrappers over browser APIs the views need: clock, ids, downloads, the service worker.

use crate::domain::date::LocalDate;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The owner's local calendar day, as the device's clock and time zone say now.
pub fn today() -> LocalDate {
    local_date(&js_sys::Date::new_0())
}

/// The local day of a time (ms since the epoch), but never after today.
pub fn day_of(ms: f64) -> LocalDate {
    local_day(ms).map_or_else(today, |day| day.min(today()))
}

/// The local day of a time (ms since the epoch); `None` for no valid time.
pub fn local_day(ms: f64) -> Option<LocalDate> {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    (!date.get_time().is_nan()).then(|| local_date(&date))
}

fn local_date(date: &js_sys::Date) -> LocalDate {
    let year = (date.get_full_year() as i32).clamp(LocalDate::MIN_YEAR, LocalDate::MAX_YEAR);
    LocalDate::new(year, date.get_month() as u8 + 1, date.get_date() as u8)
        .unwrap_or(LocalDate::EPOCH)
}

/// A fresh id: time plus randomness, so two tabs never pick the same one.
pub fn new_id(prefix: &str) -> String {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{prefix}{:x}{random:08x}", now_ms() as u64)
}

/// The path the app is served under, without a trailing slash: "" or "/ratbond".
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// Offers `text` to the owner as a file download.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "the browser refused".into())
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Some browsers start the download after this returns: free the URL a little later.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Hides index.html's start-up screen (`#boot`, shown while the wasm loads); public/boot.js
/// removes it once the browser has timed the paint the owner saw first, this a second later at
/// the latest. Removed at once, Chromium dropped that timing (it arrives after the start-up
/// task) and Largest Contentful Paint moved to the app's copy of the same words.
pub fn retire_start_screen() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        let _ = boot.set_attribute("data-leaving", "");
        leptos::prelude::set_timeout(move || boot.remove(), std::time::Duration::from_secs(1));
    }
}

/// Marks the page as showing real data (benchmarks and tests wait for this).
pub fn mark_ready() {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.set_attribute("data-ready", "true");
    }
}

/// Calls `on_change(key)` when another tab changes localStorage.
pub fn on_storage_change(on_change: impl Fn(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            on_change(ev.key());
        });
    let _ = window.add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref());
    // Lives as long as the page.
    handler.forget();
}

pub fn reload_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// The service worker: registers it (release builds only) and reports a waiting update.
pub mod service_worker {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;
    use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

    thread_local! {
        static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    }

    /// `on_update` runs once a new version is installed and waiting.
    pub fn register(on_update: impl Fn() + 'static) {
        if cfg!(debug_assertions) {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let navigator = window.navigator();
        if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
            return;
        }
        let container = navigator.service_worker();
        let url = format!("{}/sw.js", base_path());
        let on_update = Rc::new(on_update);

        // A reload happens only after the owner asked for the new version.
        let reload = Closure::<dyn Fn()>::new(|| {
            if RELOAD_ASKED.with(|asked| *asked.borrow()) {
                reload_page();
            }
        });
        container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
        reload.forget();

        let promise = container.register(&url);
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(value) = wasm_bindgen_futures::JsFuture::from(promise).await else {
                return;
            };
            let registration: ServiceWorkerRegistration = value.unchecked_into();
            let has_controller = || {
                web_sys::window()
                    .map(|w| w.navigator().service_worker().controller().is_some())
                    .unwrap_or(false)
            };
            if registration.waiting().is_some() && has_controller() {
                on_update();
            }
            let reg = registration.clone();
            let found = Closure::<dyn Fn()>::new(move || {
                let Some(installing) = reg.installing() else {
                    return;
                };
                let worker = installing.clone();
                let on_update = on_update.clone();
                let changed = Closure::<dyn Fn()>::new(move || {
                    if worker.state() == ServiceWorkerState::Installed && has_controller() {
                        on_update();
                    }
                });
                installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
                changed.forget();
            });
            registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
            found.forget();
            REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
            // An installed app can stay open for days: look for a new version when it comes back.
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                let visible = Closure::<dyn Fn()>::new(move || {
                    let shown = web_sys::window()
                        .and_then(|w| w.document())
                        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
                    if shown {
                        check_for_update();
                    }
                });
                let _ = document.add_event_listener_with_callback(
                    "visibilitychange",
                    visible.as_ref().unchecked_ref(),
                );
                visible.forget();
            }
        });
    }

    thread_local! {
        static RELOAD_ASKED: RefCell<bool> = const { RefCell::new(false) };
    }

    /// Asks the waiting worker to take over; the page reloads when it does.
    pub fn apply_update() {
        RELOAD_ASKED.with(|asked| *asked.borrow_mut() = true);
        let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|reg| reg.waiting()));
        match waiting {
            Some(worker) => {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
                let _ = worker.post_message(&message);
            }
            None => reload_page(),
        }
    }

    /// Looks for a new version (on start and when the app comes back to the front).
    pub fn check_for_update() {
        REGISTRATION.with(|r| {
            if let Some(reg) = r.borrow().as_ref() {
                let _ = reg.update();
            }
        });
    }
}

/// Moves keyboard focus, e.g. to the first field with a problem.
pub fn focus(element_id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(element_id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// A gentle buzz where the device supports it (most Android phones; not iOS).
pub fn vibrate(ms: u32) {
    if let Some(window) = web_sys::window() {
        let navigator = window.navigator();
        if let Ok(f) = js_sys::Reflect::get(&navigator, &"vibrate".into()) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call1(&navigator, &JsValue::from(ms));
            }
        }
    }
}

/// Keeps the screen on during a session (Screen Wake Lock API, where supported).
pub mod wake_lock {
    use super::*;
    use std::cell::RefCell;

    thread_local! {
        static SENTINEL: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    }

    pub fn request() {
        let Some(window) = web_sys::window() else {
            return;
        };
        let navigator = window.navigator();
        let Ok(lock) = js_sys::Reflect::get(&navigator, &"wakeLock".into()) else {
            return;
        };
        if lock.is_undefined() {
            return;
        }
        let Ok(request) = js_sys::Reflect::get(&lock, &"request".into()) else {
            return;
        };
        let Some(request) = request.dyn_ref::<js_sys::Function>() else {
            return;
        };
        let Ok(promise) = request.call1(&lock, &"screen".into()) else {
            return;
        };
        let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            // Refused (battery saver, page hidden): the session works without it.
            if let Ok(sentinel) = wasm_bindgen_futures::JsFuture::from(promise).await {
                SENTINEL.with(|s| *s.borrow_mut() = Some(sentinel));
            }
        });
    }

    pub fn release() {
        let sentinel = SENTINEL.with(|s| s.borrow_mut().take());
        if let Some(sentinel) = sentinel {
            if let Ok(f) = js_sys::Reflect::get(&sentinel, &"release".into()) {
                if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                    let _ = f.call0(&sentinel);
                }
            }
        }
    }
}

pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Focuses an element that is about to appear (a confirmation just opened).
pub fn focus_soon(element_id: &'static str) {
    leptos::prelude::set_timeout(
        move || focus(element_id),
        std::time::Duration::from_millis(0),
    );
}

/// Whether keyboard focus is inside, or the pointer rests on, the element matching `selector`.
pub fn is_engaged(selector: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(Some(element)) = document.query_selector(selector) else {
        return false;
    };
    let focused = document
        .active_element()
        .is_some_and(|active| element.contains(Some(&active)));
    focused || element.matches(":hover").unwrap_or(false)
}

/// Opens the device's share sheet with `title` and `text` (Web Share API).
/// `Some(true)`: shared. `Some(false)`: the owner closed the sheet. `None`: there is no
/// Web Share here or it failed, so offer another way (copying).
pub async fn share_text(title: &str, text: &str) -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let share = js_sys::Reflect::get(&navigator, &"share".into()).ok()?;
    let share = share.dyn_ref::<js_sys::Function>()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"title".into(), &title.into()).ok()?;
    js_sys::Reflect::set(&data, &"text".into(), &text.into()).ok()?;
    let promise: js_sys::Promise = share.call1(&navigator, &data).ok()?.dyn_into().ok()?;
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Some(true),
        Err(e) => {
            let name = js_sys::Reflect::get(&e, &"name".into()).ok()?.as_string();
            (name.as_deref() == Some("AbortError")).then_some(false)
        }
    }
}

/// Puts `text` on the clipboard; `false` when the browser has no clipboard or refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else {
        return false;
    };
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) else {
        return false;
    };
    let Some(write) = write.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    let Ok(promise) = write.call1(&clipboard, &text.into()) else {
        return false;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Opens the browser's print dialog; `false` when it can't.
pub fn print_page() -> bool {
    web_sys::window().is_some_and(|w| w.print().is_ok())
}

fn js_error_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser refused".into())
}

fn text_file(name: &str, mime: &str, text: &str) -> Option<web_sys::File> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    web_sys::File::new_with_str_sequence_and_options(&parts, name, &options).ok()
}

fn share_data_with(file: &web_sys::File, title: &str) -> Option<js_sys::Object> {
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(file)).ok()?;
    js_sys::Reflect::set(&data, &"title".into(), &title.into()).ok()?;
    Some(data)
}

/// True where the share sheet takes files (most phones; few desktops).
pub fn can_share_files() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let Ok(can) = js_sys::Reflect::get(&navigator, &"canShare".into()) else {
        return false;
    };
    let Some(can) = can.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    let Some(file) = text_file("ratbond.json", "application/json", "{}") else {
        return false;
    };
    let Some(data) = share_data_with(&file, "Ratbond") else {
        return false;
    };
    can.call1(&navigator, &data)
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Shares `text` as a file through the share sheet. Like [`share_text`]: `Some(true)` shared,
/// `Some(false)` closed by the owner, `None` not possible here.
pub async fn share_file(name: &str, mime: &str, text: &str) -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    let share = js_sys::Reflect::get(&navigator, &"share".into()).ok()?;
    let share = share.dyn_ref::<js_sys::Function>()?;
    let file = text_file(name, mime, text)?;
    let data = share_data_with(&file, name)?;
    let promise: js_sys::Promise = share.call1(&navigator, &data).ok()?.dyn_into().ok()?;
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Some(true),
        Err(e) => {
            let name = js_sys::Reflect::get(&e, &"name".into()).ok()?.as_string();
            (name.as_deref() == Some("AbortError")).then_some(false)
        }
    }
}

/// The first file chosen in a file input: its size in bytes and the file itself.
pub fn chosen_file(input: &web_sys::HtmlInputElement) -> Option<(f64, web_sys::File)> {
    let file = input.files()?.get(0)?;
    Some((file.size(), file))
}

/// Reads a chosen file as text (UTF-8).
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|e| js_error_text(&e))?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_string())
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Missing on old browsers and on insecure (http) pages.
    let storage = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    if storage.is_undefined() || storage.is_null() {
        return None;
    }
    Some(navigator.storage())
}

async fn bool_promise(promise: Result<js_sys::Promise, JsValue>) -> Option<bool> {
    let value = wasm_bindgen_futures::JsFuture::from(promise.ok()?)
        .await
        .ok()?;
    value.as_bool()
}

/// Whether the browser promised not to clear Ratbond's storage on its own.
pub async fn storage_persisted() -> Option<bool> {
    bool_promise(storage_manager()?.persisted()).await
}

/// Asks the browser to keep Ratbond's storage (it may grant without asking the owner).
pub async fn storage_persist() -> Option<bool> {
    bool_promise(storage_manager()?.persist()).await
}

/// (bytes used, bytes allowed) for this site, as the browser reports them.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let promise = storage_manager()?.estimate().ok()?;
    let estimate = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let number = |name: &str| {
        js_sys::Reflect::get(&estimate, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((number("usage")?, number("quota")?))
}

/// iPhone or iPad (iPadOS says "Macintosh" but has touch).
pub fn is_ios() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let agent = navigator.user_agent().unwrap_or_default();
    agent.contains("iPhone")
        || agent.contains("iPad")
        || (agent.contains("Macintosh") && navigator.max_touch_points() > 1)
}

/// Running from the home screen (installed), not in a browser tab.
pub fn is_standalone() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let installed_ios = js_sys::Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let display = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    installed_ios || display
}

/// Paints `choice` ("light", "dark" or "system") now; `public/boot.js` did at start-up.
pub fn apply_theme(choice: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(apply) = js_sys::Reflect::get(&window, &"ratbondApplyTheme".into()) {
        if let Some(apply) = apply.dyn_ref::<js_sys::Function>() {
            let _ = apply.call1(&JsValue::NULL, &JsValue::from_str(choice));
        }
    }
}

/// The browser's own install offer, kept by `public/boot.js` when `beforeinstallprompt` fired.
pub mod install {
    use super::*;

    fn offer() -> Option<JsValue> {
        let window = web_sys::window()?;
        let offer = js_sys::Reflect::get(&window, &"ratbondInstall".into()).ok()?;
        offer.is_object().then_some(offer)
    }

    /// Whether the browser offers to install Ratbond right now.
    pub fn offered() -> bool {
        offer().is_some()
    }

    /// Shows the browser's install dialog. `Some(true)` when the owner accepted.
    pub async fn prompt() -> Option<bool> {
        let offer = offer()?;
        let window = web_sys::window()?;
        // The offer can be used once: forget it whatever the answer.
        let _ = js_sys::Reflect::set(&window, &"ratbondInstall".into(), &JsValue::NULL);
        let prompt = js_sys::Reflect::get(&offer, &"prompt".into()).ok()?;
        let prompt = prompt.dyn_ref::<js_sys::Function>()?;
        let shown = prompt.call0(&offer).ok()?;
        if let Ok(shown) = shown.dyn_into::<js_sys::Promise>() {
            wasm_bindgen_futures::JsFuture::from(shown).await.ok()?;
        }
        let choice = js_sys::Reflect::get(&offer, &"userChoice".into()).ok()?;
        let choice =
            wasm_bindgen_futures::JsFuture::from(choice.dyn_into::<js_sys::Promise>().ok()?)
                .await
                .ok()?;
        let outcome = js_sys::Reflect::get(&choice, &"outcome".into()).ok()?;
        Some(outcome.as_string().as_deref() == Some("accepted"))
    }

    /// Calls `on_change` when the offer comes or goes, or the app starts running installed.
    pub fn on_change(on_change: impl Fn() + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let on_change = std::rc::Rc::new(on_change);
        let call = on_change.clone();
        let handler = Closure::<dyn Fn()>::new(move || call());
        let _ = window
            .add_event_listener_with_callback("ratbond-install", handler.as_ref().unchecked_ref());
        if let Ok(Some(query)) = window.match_media("(display-mode: standalone)") {
            let _ =
                query.add_event_listener_with_callback("change", handler.as_ref().unchecked_ref());
        }
        // Lives as long as the page.
        handler.forget();
    }
}

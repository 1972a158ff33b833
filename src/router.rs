//! The browser side of routing: the current address as a signal, link clicks turned into
//! history entries, and the back button. `routes` owns the addresses themselves.
//!
//! A few dozen lines instead of leptos_router: this app has flat routes and no async
//! loading, and the router's generic code was about a tenth of the wasm.

use crate::platform;
use crate::routes::{self, Match};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static CURRENT: RefCell<Option<(String, RwSignal<String>)>> = const { RefCell::new(None) };
}

/// Reads the address, starts following link clicks and the back button. Call once.
pub fn start() {
    let base = platform::base_path();
    let path = RwSignal::new(path_in_app(&base, &current_pathname()));
    CURRENT.with(|c| *c.borrow_mut() = Some((base, path)));
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_pop = Closure::<dyn Fn()>::new(move || {
        let base = base_path();
        path.set(path_in_app(&base, &current_pathname()));
    });
    let _ = window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    on_pop.forget();
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(on_link_click);
    if let Some(document) = window.document() {
        let _ =
            document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    }
    on_click.forget();
}

/// The address inside the app, e.g. "/rats/abc": tracked, so views follow it.
pub fn path() -> String {
    signal().map(|s| s.get()).unwrap_or_default()
}

/// What the address shows. A memo, so views re-render only when the screen or its ids change.
pub fn current() -> Memo<Match> {
    Memo::new(move |_| routes::match_path(&path()))
}

/// One `:name` segment of the current address.
pub fn param(name: &'static str) -> Memo<String> {
    let here = current();
    Memo::new(move |_| here.with(|m| m.param(name)))
}

/// A link's `href`: the app path under the base the app is served from.
pub fn href(path: &str) -> String {
    format!("{}{path}", base_path())
}

/// True while the address is `prefix` or below it (tracked).
pub fn is_within(prefix: &'static str) -> bool {
    let here = path();
    here == prefix
        || here
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Goes to `path` as a new history entry, scrolled to the top.
pub fn navigate(path: &str) {
    go(path, false);
}

/// Goes to `path` in place of the current history entry.
pub fn replace(path: &str) {
    go(path, true);
}

fn go(path: &str, replace: bool) {
    let url = href(path);
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
    if let Some(signal) = signal() {
        signal.set(path.to_string());
    }
    if !replace {
        platform::scroll_to_top();
    }
}

fn signal() -> Option<RwSignal<String>> {
    CURRENT.with(|c| c.borrow().as_ref().map(|(_, s)| *s))
}

fn base_path() -> String {
    CURRENT
        .with(|c| c.borrow().as_ref().map(|(b, _)| b.clone()))
        .unwrap_or_default()
}

fn current_pathname() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

fn path_in_app(base: &str, pathname: &str) -> String {
    match pathname.strip_prefix(base) {
        Some("") => "/".to_string(),
        Some(rest) if rest.starts_with('/') => rest.to_string(),
        _ => pathname.to_string(),
    }
}

/// Plain clicks on links inside the app become history entries; everything else (new tab,
/// downloads, other sites) is left to the browser.
fn on_link_click(event: web_sys::MouseEvent) {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.ctrl_key()
        || event.shift_key()
        || event.alt_key()
    {
        return;
    }
    let Some(anchor) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    if anchor.has_attribute("download") || !matches!(anchor.target().as_str(), "" | "_self") {
        return;
    }
    let Ok(url) = web_sys::Url::new(&anchor.href()) else {
        return;
    };
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    if location.origin().ok().as_deref() != Some(url.origin().as_str()) {
        return;
    }
    let hash = url.hash();
    let target = hash.trim_start_matches('#').to_string();
    if anchor
        .get_attribute("href")
        .is_some_and(|h| h.starts_with('#'))
    {
        // An in-page link such as "Skip to content": with a <base> it would load the home page.
        event.prevent_default();
        platform::focus(&target);
        return;
    }
    let base = base_path();
    let pathname = url.pathname();
    let Some(path) = pathname
        .strip_prefix(&base)
        .filter(|p| p.is_empty() || p.starts_with('/'))
    else {
        return;
    };
    event.prevent_default();
    let path = if path.is_empty() { "/" } else { path };
    if path != signal().map(|s| s.get_untracked()).unwrap_or_default() {
        navigate(path);
    }
    if !target.is_empty() {
        // "/settings#space": once the page is drawn, move to that section.
        leptos::prelude::request_animation_frame(move || platform::focus(&target));
    }
}

#[cfg(test)]
mod tests {
    use super::path_in_app;

    #[test]
    fn paths_are_read_below_the_base() {
        let table = [
            ("", "/rats", "/rats"),
            ("", "/", "/"),
            ("/ratbond", "/ratbond/", "/"),
            ("/ratbond", "/ratbond", "/"),
            ("/ratbond", "/ratbond/rats/a", "/rats/a"),
            ("/ratbond", "/ratbondx/rats", "/ratbondx/rats"),
            ("/ratbond", "/elsewhere", "/elsewhere"),
        ];
        for (base, pathname, want) in table {
            assert_eq!(path_in_app(base, pathname), want, "{base} {pathname}");
        }
    }
}

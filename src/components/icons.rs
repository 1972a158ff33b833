//! Inline SVG drawings: the rat mark and the navigation icons.

use leptos::prelude::*;

/// Ratbond's friendly rat (the app icon's drawing), for empty states.
#[component]
pub fn RatMark(#[prop(default = 96)] size: u32) -> impl IntoView {
    view! { <img class="rat-mark" src="icons/ratbond.svg" alt="" width=size height=size/> }
}

#[component]
pub fn IconRats() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="7.5" cy="7.5" r="3.5"/>
            <circle cx="16.5" cy="7.5" r="3.5"/>
            <path d="M4 14c0-3.5 3.6-5.5 8-5.5s8 2 8 5.5c0 2.5-2 4.5-5 5.5l-2 .8a3 3 0 0 1-2 0l-2-.8c-3-1-5-3-5-5.5z"/>
        </svg>
    }
}

#[component]
pub fn IconSettings() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 7h10M18 7h2M4 17h2M10 17h10"/>
            <circle cx="16" cy="7" r="2.5"/>
            <circle cx="8" cy="17" r="2.5"/>
        </svg>
    }
}

#[component]
pub fn IconToday() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <rect x="4" y="5" width="16" height="15" rx="2"/>
            <path d="M4 10h16M9 3v4M15 3v4M9 15l2 2 4-4"/>
        </svg>
    }
}

#[component]
pub fn IconGuide() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 6c-2-1.5-5-2-8-1.5v14c3-.5 6 0 8 1.5 2-1.5 5-2 8-1.5v-14c-3-.5-6 0-8 1.5zM12 6v14"/>
        </svg>
    }
}

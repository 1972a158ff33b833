//! Inline SVG drawings: the rat mark and the navigation icons.

use leptos::prelude::*;

/// Ratbond's friendly rat, for empty states and the header.
#[component]
pub fn RatMark(#[prop(default = 96)] size: u32) -> impl IntoView {
    view! {
        <svg class="rat-mark" width=size height=size viewBox="0 0 96 96" aria-hidden="true" focusable="false">
            <ellipse cx="30" cy="30" rx="15" ry="15" class="rat-ear"/>
            <ellipse cx="30" cy="30" rx="8" ry="8" class="rat-ear-inner"/>
            <ellipse cx="64" cy="28" rx="15" ry="15" class="rat-ear"/>
            <ellipse cx="64" cy="28" rx="8" ry="8" class="rat-ear-inner"/>
            <path d="M18 56c0-16 13-26 30-26s30 10 30 26c0 8-5 14-14 18l-12 6c-3 1.5-5 1.5-8 0l-12-6c-9-4-14-10-14-18z" class="rat-head"/>
            <circle cx="37" cy="52" r="4" class="rat-eye"/>
            <circle cx="59" cy="52" r="4" class="rat-eye"/>
            <circle cx="38.5" cy="50.5" r="1.3" class="rat-eye-shine"/>
            <circle cx="60.5" cy="50.5" r="1.3" class="rat-eye-shine"/>
            <ellipse cx="48" cy="70" rx="5" ry="3.6" class="rat-nose"/>
            <path d="M40 68l-16-3M40 72l-15 4M56 68l16-3M56 72l15 4" class="rat-whisker"/>
        </svg>
    }
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

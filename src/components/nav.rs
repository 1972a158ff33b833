//! The app's navigation: a bottom bar on phones, a side rail on wide screens.

use super::icons::{IconRats, IconSettings, IconTechniques};
use crate::routes;
use leptos::prelude::*;

#[component]
pub fn MainNav() -> impl IntoView {
    view! {
        <nav class="main-nav" aria-label="Main">
            <a href=crate::router::href(routes::RATS) aria-current=move || crate::router::is_within(routes::RATS).then_some("page")>
                <IconRats/>
                <span>"Rats"</span>
            </a>
            <a href=crate::router::href(routes::TECHNIQUES) aria-current=move || crate::router::is_within(routes::TECHNIQUES).then_some("page")>
                <IconTechniques/>
                <span>"Techniques"</span>
            </a>
            <a href=crate::router::href(routes::SETTINGS) aria-current=move || crate::router::is_within(routes::SETTINGS).then_some("page")>
                <IconSettings/>
                <span>"Settings"</span>
            </a>
        </nav>
    }
}

//! The app's navigation: a bottom bar on phones, a side rail on wide screens.

use super::icons::{IconRats, IconSettings, IconTechniques};
use crate::routes;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn MainNav() -> impl IntoView {
    view! {
        <nav class="main-nav" aria-label="Main">
            <A href=routes::RATS>
                <IconRats/>
                <span>"Rats"</span>
            </A>
            <A href=routes::TECHNIQUES>
                <IconTechniques/>
                <span>"Techniques"</span>
            </A>
            <A href=routes::SETTINGS>
                <IconSettings/>
                <span>"Settings"</span>
            </A>
        </nav>
    }
}

//! The app's navigation: a bottom bar on phones, a side rail on wide screens.

use super::icons::{IconGuide, IconRats, IconSettings, IconToday};
use crate::router;
use crate::routes;
use crate::text::nav as t;
use leptos::prelude::*;

#[component]
pub fn MainNav() -> impl IntoView {
    // Today is "/", so it is current only on "/" itself.
    let today = move || (router::path() == routes::HOME).then_some("page");
    // The techniques are part of the guide: their pages keep the Guide tab lit.
    let guide = move || {
        (router::is_within(routes::GUIDE) || router::is_within(routes::TECHNIQUES))
            .then_some("page")
    };
    view! {
        <nav class="main-nav" aria-label=t::LABEL>
            <a href=router::href(routes::HOME) aria-current=today>
                <IconToday/>
                <span>{t::TODAY}</span>
            </a>
            <a href=router::href(routes::RATS) aria-current=move || router::is_within(routes::RATS).then_some("page")>
                <IconRats/>
                <span>{t::RATS}</span>
            </a>
            <a href=router::href(routes::GUIDE) aria-current=guide>
                <IconGuide/>
                <span>{t::GUIDE}</span>
            </a>
            <a href=router::href(routes::SETTINGS) aria-current=move || router::is_within(routes::SETTINGS).then_some("page")>
                <IconSettings/>
                <span>{t::SETTINGS}</span>
            </a>
        </nav>
    }
}

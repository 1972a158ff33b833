//! Shown for any address the app does not know.

use crate::components::icons::RatMark;
use crate::routes;
use crate::text::not_found as t;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page empty-state" aria-labelledby="nf-title">
            <RatMark size=96/>
            <h1 id="nf-title">{t::TITLE}</h1>
            <p>{t::TEXT}</p>
            <a href=crate::router::href(routes::RATS) class="button button-primary button-wide">{t::TO_RATS}</a>
        </section>
    }
}

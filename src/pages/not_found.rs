//! Shown for any address the app does not know.

use crate::components::icons::RatMark;
use crate::routes;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page empty-state" aria-labelledby="nf-title">
            <RatMark size=96/>
            <h1 id="nf-title">"This page isn't here"</h1>
            <p>"The link may be old, or the page was moved. Your rats are safe."</p>
            <a href=crate::router::href(routes::RATS) class="button button-primary button-wide">"Go to your rats"</a>
        </section>
    }
}

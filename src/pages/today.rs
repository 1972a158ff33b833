//! Today, the home screen: which rats still need a session, and one tap to start it.

use leptos::prelude::*;

#[component]
pub fn TodayPage() -> impl IntoView {
    view! { <article class="page"><h1>"Today"</h1></article> }
}

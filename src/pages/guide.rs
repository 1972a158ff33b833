//! The guide: body language, treats, handling, session tips and the techniques, offline.
// TODO(helper): the Guide screen.

use leptos::prelude::*;

#[component]
pub fn GuidePage() -> impl IntoView {
    view! { <article class="page"><h1>"Guide"</h1></article> }
}

//! The four techniques and their ladders of steps, for browsing before or during training.

use crate::components::step::StepGuide;
use crate::domain::technique::{all, technique, TechniqueId, BASICS};
use crate::routes;
use crate::text::techniques as words;
use leptos::prelude::*;

#[component]
pub fn TechniquesPage() -> impl IntoView {
    view! {
        <div class="page">
            <header class="page-header">
                <h1>{words::TITLE}</h1>
                <p class="muted">{words::INTRO}</p>
            </header>
            <ul class="card-list">
                {all()
                    .iter()
                    .map(|t| view! {
                        <li>
                            <a href=crate::router::href(&routes::technique(t.id)) class="card technique-card">
                                <span class="rat-card-name">{t.name}</span>
                                <span>{t.idea}</span>
                                <span class="muted">{words::card_facts(t.steps.len(), t.suits)}</span>
                            </a>
                        </li>
                    })
                    .collect_view()}
            </ul>
            <section class="card" aria-labelledby="basics-title">
                <h2 id="basics-title">{words::BASICS_TITLE}</h2>
                <ul class="basics">
                    {BASICS.iter().map(|b| view! { <li>{*b}</li> }).collect_view()}
                </ul>
            </section>
        </div>
    }
}

#[component]
pub fn TechniquePage() -> impl IntoView {
    let key = crate::router::param("technique");
    move || {
        let key = key.get();
        match TechniqueId::from_key(&key) {
            Some(id) => view! { <TechniqueDetail id/> }.into_any(),
            None => view! { <crate::pages::not_found::NotFoundPage/> }.into_any(),
        }
    }
}

#[component]
fn TechniqueDetail(id: TechniqueId) -> impl IntoView {
    let t = technique(id);
    let count = t.steps.len();
    view! {
        <article class="page" aria-labelledby="technique-title">
            <header class="page-header">
                <a href=crate::router::href(routes::TECHNIQUES) class="back-link">{words::BACK}</a>
                <h1 id="technique-title">{t.name}</h1>
                <p>{t.idea}</p>
                <p class="muted">{t.suits}</p>
                <p class="muted">{t.rhythm}</p>
            </header>
            {t.steps
                .iter()
                .enumerate()
                .map(|(i, step)| {
                    view! { <StepGuide step position=words::step_of(i + 1, count) open=false/> }
                })
                .collect_view()}
        </article>
    }
}

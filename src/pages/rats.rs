//! The Rats screen: everyone you train, active first, archived folded away.

use crate::components::icons::RatMark;
use crate::domain::rat::{describe_span, DateKind, Rat};
use crate::pages::rat::{sex_label, temperament_label};
use crate::platform;
use crate::routes;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn RatsPage() -> impl IntoView {
    let app = use_app();
    let active = Memo::new(move |_| {
        app.rats.with(|rats| {
            rats.iter()
                .filter(|r| !r.archived)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let archived = Memo::new(move |_| {
        app.rats.with(|rats| {
            rats.iter()
                .filter(|r| r.archived)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let is_empty = move || app.rats.with(Vec::is_empty);

    view! {
        <div class="page">
            <Show
                when=move || !is_empty()
                fallback=|| view! { <EmptyRats/> }
            >
                <header class="page-header">
                    <h1>"Your rats"</h1>
                </header>
                <Show
                    when=move || !active.with(Vec::is_empty)
                    fallback=|| view! { <p class="muted">"All your rats are archived. Add a rat or bring one back from the archive below."</p> }
                >
                    <ul class="card-list" aria-label="Active rats">
                        <For each=move || active.get() key=|r| (r.id.clone(), r.updated_at.to_bits()) let:rat>
                            <RatCard rat/>
                        </For>
                    </ul>
                </Show>
                <Show when=move || !archived.with(Vec::is_empty)>
                    <details class="archived">
                        <summary>
                            {move || format!("Archived ({})", archived.with(Vec::len))}
                        </summary>
                        <ul class="card-list" aria-label="Archived rats">
                            <For each=move || archived.get() key=|r| (r.id.clone(), r.updated_at.to_bits()) let:rat>
                                <RatCard rat/>
                            </For>
                        </ul>
                    </details>
                </Show>
                <div class="action-bar">
                    <a href=crate::router::href(routes::NEW_RAT) class="button button-primary button-wide">"Add a rat"</a>
                </div>
            </Show>
        </div>
    }
}

#[component]
fn EmptyRats() -> impl IntoView {
    view! {
        <section class="empty-state" aria-labelledby="empty-title">
            <RatMark size=120/>
            <h1 id="empty-title">"Welcome to Ratbond"</h1>
            <p>"Ratbond helps you build trust with your rats, one small, calm session a day."</p>
            <p>"Start by telling us about your first rat."</p>
            <a href=crate::router::href(routes::NEW_RAT) class="button button-primary button-wide">"Add your first rat"</a>
        </section>
    }
}

#[component]
fn RatCard(rat: Rat) -> impl IntoView {
    let href = routes::rat(&rat.id);
    let mut facts = vec![
        temperament_label(rat.temperament).to_string(),
        sex_label(rat.sex).to_string(),
    ];
    if let Some(known) = rat.known_date {
        let span = describe_span(known.date, platform::today());
        if !span.is_empty() {
            facts.push(match known.kind {
                DateKind::Birthday => format!("{span} old"),
                DateKind::Adopted => format!("with you {span}"),
            });
        }
    }
    let group = rat.cage_group.clone();
    view! {
        <li>
            <a href=crate::router::href(&href) class="card rat-card">
                <span class="rat-card-name">{rat.name.clone()}</span>
                <span class="rat-card-facts">{facts.join(" · ")}</span>
                {group.map(|g| view! { <span class="rat-card-group">{format!("Cage: {g}")}</span> })}
            </a>
        </li>
    }
}

//! The Rats screen: everyone you train, active first, archived folded away.

use crate::components::icons::RatMark;
use crate::domain::rat::{describe_span, DateKind, Rat};
use crate::pages::rat::{sex_label, temperament_label};
use crate::platform;
use crate::routes;
use crate::state::use_app;
use crate::text::rats as t;
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
                fallback=move || if app.rats_unreadable() {
                    view! { <crate::components::banners::RatsUnreadable/> }.into_any()
                } else {
                    view! { <EmptyRats/> }.into_any()
                }
            >
                <header class="page-header">
                    <h1>{t::TITLE}</h1>
                </header>
                <Show
                    when=move || !active.with(Vec::is_empty)
                    fallback=|| view! { <p class="muted">{t::ALL_ARCHIVED}</p> }
                >
                    <ul class="card-list" aria-label=t::ACTIVE_LABEL>
                        <For each=move || active.get() key=|r| (r.id.clone(), r.updated_at.to_bits()) let:rat>
                            <RatCard rat/>
                        </For>
                    </ul>
                </Show>
                <Show when=move || !archived.with(Vec::is_empty)>
                    <details class="archived">
                        <summary>
                            {move || t::archived(archived.with(Vec::len))}
                        </summary>
                        <ul class="card-list" aria-label=t::ARCHIVED_LABEL>
                            <For each=move || archived.get() key=|r| (r.id.clone(), r.updated_at.to_bits()) let:rat>
                                <RatCard rat/>
                            </For>
                        </ul>
                    </details>
                </Show>
                <div class="action-bar">
                    <a href=crate::router::href(routes::NEW_RAT) class="button button-primary button-wide">{t::ADD}</a>
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
            <h1 id="empty-title">{t::WELCOME}</h1>
            <p>{t::WELCOME_TEXT}</p>
            <p>{t::WELCOME_START}</p>
            <a href=crate::router::href(routes::NEW_RAT) class="button button-primary button-wide">{t::ADD_FIRST}</a>
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
                DateKind::Birthday => t::age(&span),
                DateKind::Adopted => t::with_you(&span),
            });
        }
    }
    let group = rat.cage_group.clone();
    view! {
        <li>
            <a href=crate::router::href(&href) class="card rat-card">
                <span class="rat-card-name">{rat.name.clone()}</span>
                <span class="rat-card-facts">{facts.join(t::FACT_SEPARATOR)}</span>
                {group.map(|g| view! { <span class="rat-card-group">{t::cage(&g)}</span> })}
            </a>
        </li>
    }
}

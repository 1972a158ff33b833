//! Three short cards about how Ratbond works, offered (never forced) on the welcome screen.

use crate::platform;
use crate::router;
use crate::routes;
use crate::text::intro as t;
use leptos::prelude::*;

#[component]
pub fn IntroCards(on_close: Callback<()>) -> impl IntoView {
    let at = RwSignal::new(0usize);
    let last = t::CARDS.len() - 1;
    // Moving to another card takes focus to its title, so a screen reader reads it next.
    let go = move |to: usize| {
        at.set(to);
        platform::focus_soon("intro-title");
    };
    view! {
        <section class="intro card" aria-label=t::REGION data-testid="intro">
            {move || {
                let i = at.get();
                let card = &t::CARDS[i.min(last)];
                view! {
                    <div class="intro-art" aria-hidden="true">
                        {match i {
                            0 => view! { <ClockArt/> }.into_any(),
                            1 => view! { <StepsArt/> }.into_any(),
                            _ => view! { <HeartArt/> }.into_any(),
                        }}
                    </div>
                    <p class="intro-count muted">{t::position(i + 1, last + 1)}</p>
                    <h2 id="intro-title" tabindex="-1">{card.title}</h2>
                    <p class="intro-body">{card.body}</p>
                }
            }}
            <div class="intro-dots" aria-hidden="true">
                {(0..=last)
                    .map(|i| view! { <span class="intro-dot" class:current=move || at.get() == i></span> })
                    .collect_view()}
            </div>
            <div class="intro-actions">
                {move || {
                    let i = at.get();
                    let back = if i == 0 {
                        view! {
                            <button class="button button-quiet" on:click=move |_| on_close.run(())>{t::SKIP}</button>
                        }
                        .into_any()
                    } else {
                        view! {
                            <button class="button button-quiet" on:click=move |_| go(i - 1)>{t::BACK}</button>
                        }
                        .into_any()
                    };
                    let forward = if i < last {
                        view! {
                            <button class="button button-primary" on:click=move |_| go(i + 1)>{t::NEXT}</button>
                        }
                        .into_any()
                    } else {
                        view! {
                            <a class="button button-primary" href=router::href(routes::NEW_RAT)>{t::DONE}</a>
                        }
                        .into_any()
                    };
                    view! { {back} {forward} }
                }}
            </div>
        </section>
    }
}

/// A small clock: a few calm minutes a day.
#[component]
fn ClockArt() -> impl IntoView {
    view! {
        <svg viewBox="0 0 96 96" width="88" height="88" class="intro-svg">
            <circle cx="48" cy="50" r="34" class="art-soft"/>
            <circle cx="48" cy="50" r="34" fill="none" class="art-line"/>
            <path d="M48 30v20l13 8" fill="none" class="art-line art-hand"/>
            <path d="M38 10h20" fill="none" class="art-line"/>
        </svg>
    }
}

/// Three rising steps: a plan, one step at a time.
#[component]
fn StepsArt() -> impl IntoView {
    view! {
        <svg viewBox="0 0 96 96" width="88" height="88" class="intro-svg">
            <rect x="10" y="62" width="24" height="20" rx="4" class="art-soft"/>
            <rect x="36" y="46" width="24" height="36" rx="4" class="art-mid"/>
            <rect x="62" y="28" width="24" height="54" rx="4" class="art-strong"/>
            <circle cx="74" cy="16" r="6" class="art-strong"/>
        </svg>
    }
}

/// A heart held in an open hand: at the rat's pace.
#[component]
fn HeartArt() -> impl IntoView {
    view! {
        <svg viewBox="0 0 96 96" width="88" height="88" class="intro-svg">
            <path d="M48 46c-8-10-24-4-18 9 3 6 10 11 18 16 8-5 15-10 18-16 6-13-10-19-18-9z" class="art-strong"/>
            <path d="M12 70c10 0 18 4 26 8h26c4 0 4-6 0-6H50M12 70v14h6l18 4h30l18-14c3-3-1-7-4-5l-16 9" fill="none" class="art-line"/>
        </svg>
    }
}

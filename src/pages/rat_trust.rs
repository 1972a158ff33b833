//! A rat's trust chart, milestones and the shareable progress summary.

use crate::domain::rat::{describe_span, DateKind, Rat};
use crate::domain::summary::{progress_html, progress_text, rat_progress, RatProgress};
use crate::pages::rat::{sex_label, temperament_label};
use crate::platform;
use crate::state::{use_app, AppState};
use crate::text::rat as r;
use crate::text::rat_trust as t;
use leptos::prelude::*;

/// The profile in words, for the summary and its printout.
fn profile_facts(rat: &Rat) -> Vec<(&'static str, String)> {
    let mut facts = vec![
        (
            r::TEMPERAMENT,
            temperament_label(rat.temperament).to_string(),
        ),
        (r::SEX, sex_label(rat.sex).to_string()),
    ];
    if let Some(known) = rat.known_date {
        let span = describe_span(known.date, platform::today());
        let (label, extra) = match known.kind {
            DateKind::Birthday => (r::BIRTHDAY, r::age(&span)),
            DateKind::Adopted => (r::ADOPTED, r::since(&span)),
        };
        let extra = if span.is_empty() { "" } else { &extra };
        let day = crate::intl::date(known.date, crate::intl::DateStyle::DayMonthYear);
        facts.push((label, format!("{day}{extra}")));
    }
    if let Some(group) = &rat.cage_group {
        facts.push((r::CAGE_GROUP, group.clone()));
    }
    facts
}

/// The rat's progress now; tracks sessions and programs when called in a reactive closure.
fn progress_now(app: AppState, rat: &Rat) -> RatProgress {
    let progress = app.programs.with(|p| {
        app.sessions
            .with(|s| rat_progress(rat, p, s, platform::today()))
    });
    RatProgress {
        day_text: |day| crate::intl::date(day, crate::intl::DateStyle::DayMonthYear),
        short_day_text: |day| crate::intl::date(day, crate::intl::DateStyle::DayMonthYearShort),
        ..progress
    }
}

#[component]
pub fn TrustAndMilestones(rat: Rat) -> impl IntoView {
    let app = use_app();
    let name = rat.name.clone();
    let facts = profile_facts(&rat);
    let status = RwSignal::new("");

    let share = {
        let rat = rat.clone();
        let name = name.clone();
        let facts = facts.clone();
        move |_| {
            let text = untrack(|| progress_text(&name, &facts, &progress_now(app, &rat)));
            let title = t::share_title(&name);
            leptos::task::spawn_local(async move {
                let said = match platform::share_text(&title, &text).await {
                    Some(true) => t::SHARED,
                    Some(false) => "",
                    None if platform::copy_text(&text).await => t::COPIED,
                    None => t::CANNOT_COPY,
                };
                status.try_set(said);
            });
        }
    };
    let print = move |_| {
        if !platform::print_page() {
            status.set(t::CANNOT_PRINT);
        }
    };

    // Worked out again, and the HTML set once, on each change of sessions or programs.
    let body = move || progress_html(&name, &facts, &progress_now(app, &rat));
    view! {
        <div class="trust">
            <div class="trust-body" inner_html=body></div>
            <section class="card share-card" aria-labelledby="share-title">
                <h2 id="share-title">{t::SHARE_PROGRESS}</h2>
                <p>{t::SHARE_TEXT}</p>
                <div class="button-row">
                    <button class="button button-primary" on:click=share>{t::SHARE_PROGRESS}</button>
                    <button class="button" on:click=print>{t::PRINT}</button>
                </div>
                <p class="share-status" role="status">{move || status.get()}</p>
            </section>
        </div>
    }
}

//! A rat's trust chart, milestones and the shareable progress summary.

use crate::domain::rat::{describe_span, DateKind, Rat};
use crate::domain::summary::{progress_html, progress_text, rat_progress, RatProgress};
use crate::pages::rat::{sex_label, temperament_label};
use crate::platform;
use crate::state::{use_app, AppState};
use leptos::prelude::*;

/// The profile in words, for the summary and its printout.
fn profile_facts(rat: &Rat) -> Vec<(&'static str, String)> {
    let mut facts = vec![
        (
            "Temperament",
            temperament_label(rat.temperament).to_string(),
        ),
        ("Sex", sex_label(rat.sex).to_string()),
    ];
    if let Some(known) = rat.known_date {
        let span = describe_span(known.date, platform::today());
        let (label, extra) = match known.kind {
            DateKind::Birthday => ("Birthday", format!(" ({span} old)")),
            DateKind::Adopted => ("Adopted", format!(" ({span} ago)")),
        };
        let extra = if span.is_empty() { "" } else { &extra };
        facts.push((label, format!("{}{extra}", known.date)));
    }
    if let Some(group) = &rat.cage_group {
        facts.push(("Cage group", group.clone()));
    }
    facts
}

/// The rat's progress now; tracks sessions and programs when called in a reactive closure.
fn progress_now(app: AppState, rat: &Rat) -> RatProgress {
    app.programs.with(|p| {
        app.sessions
            .with(|s| rat_progress(rat, p, s, platform::today()))
    })
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
            let title = format!("{name}'s trust training");
            leptos::task::spawn_local(async move {
                let said = match platform::share_text(&title, &text).await {
                    Some(true) => "Shared. Thank you for keeping everyone in the loop.",
                    Some(false) => "",
                    None if platform::copy_text(&text).await => {
                        "Copied. Paste it into a message or an email."
                    }
                    None => "Copying isn't possible here. Print the summary instead.",
                };
                status.try_set(said);
            });
        }
    };
    let print = move |_| {
        if !platform::print_page() {
            status.set("Printing isn't possible here. Try your browser's menu.");
        }
    };

    // Worked out again, and the HTML set once, on each change of sessions or programs.
    let body = move || progress_html(&name, &facts, &progress_now(app, &rat));
    view! {
        <div class="trust">
            <div class="trust-body" inner_html=body></div>
            <section class="card share-card" aria-labelledby="share-title">
                <h2 id="share-title">"Share progress"</h2>
                <p>"A short summary for your vet, a rescue or a friend. Nothing leaves this device until you share it."</p>
                <div class="button-row">
                    <button class="button button-primary" on:click=share>"Share progress"</button>
                    <button class="button" on:click=print>"Print"</button>
                </div>
                <p class="share-status" role="status">{move || status.get()}</p>
            </section>
        </div>
    }
}

//! One step of a technique, rendered from its data: goal, how-to, success, warnings, safety.

use crate::domain::guide;
use crate::domain::technique::{all, Step};
use crate::routes;
use crate::text::step as t;
use leptos::prelude::*;

#[component]
pub fn StepGuide(
    step: &'static Step,
    /// "Step 2 of 5" or similar.
    position: String,
    /// Open the how-to and warnings (the session screen) or fold them (browsing).
    #[prop(default = true)]
    open: bool,
    /// Practice after mastery: the fewest days on the step no longer apply.
    #[prop(optional)]
    mastered: bool,
) -> impl IntoView {
    let (min, max) = step.session_minutes;
    let minutes = t::minutes(min, max);
    let meta = if mastered {
        t::meta_practice(&minutes)
    } else {
        t::meta(&minutes, &t::min_days(step.min_days))
    };
    let label = t::label(&position, step.title);
    // The technique this step belongs to, for a link to its overview in the guide.
    // Only during a session, and in a new tab: leaving the session screen would lose the
    // answers not saved yet. On the technique pages the guide is one tap away anyway.
    let in_session = crate::router::is_within(routes::SESSION);
    let about = all()
        .iter()
        .find(|t| in_session && t.steps.iter().any(|s| std::ptr::eq(s, step)))
        .map(|tech| {
            let href = crate::router::href(&routes::guide_entry(guide::overview(tech.id).id));
            view! {
                <p class="step-about">
                    <a href=href target="_blank" rel="noopener">{t::how_it_works(tech.name)}</a>
                </p>
            }
        });
    view! {
        <section class="card step-guide" aria-label=label>
            <p class="eyebrow">{position}</p>
            <h2>{step.title}</h2>
            <p class="step-goal"><strong>{t::GOAL}</strong>{step.goal}</p>
            <p class="step-meta">{meta}</p>
            <details class="step-part" open=open>
                <summary>{t::HOW_TO}</summary>
                <ol class="how-to">
                    {step.how_to.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}
                </ol>
            </details>
            <div class="step-success">
                <h3>{t::WORKING_WHEN}</h3>
                <p>{step.success}</p>
            </div>
            {step.safety.map(|text| view! {
                <div class="step-safety" role="note">
                    <h3>{t::SAFETY}</h3>
                    <p>{text}</p>
                </div>
            })}
            <details class="step-part" open=open>
                <summary>{t::WARNINGS}</summary>
                <ul class="warnings">
                    {step
                        .warnings
                        .iter()
                        .map(|w| view! {
                            <li>
                                <strong>{w.sign}</strong>
                                " "
                                {w.what_to_do}
                            </li>
                        })
                        .collect_view()}
                </ul>
            </details>
            {about}
        </section>
    }
}

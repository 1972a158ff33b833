//! One step of a technique, rendered from its data: goal, how-to, success, warnings, safety.

use crate::domain::guide;
use crate::domain::technique::{all, Step};
use crate::routes;
use leptos::prelude::*;

#[component]
pub fn StepGuide(
    step: &'static Step,
    /// "Step 2 of 5" or similar.
    position: String,
    /// Open the how-to and warnings (the session screen) or fold them (browsing).
    #[prop(default = true)]
    open: bool,
) -> impl IntoView {
    let (min, max) = step.session_minutes;
    let minutes = if min == max {
        format!("About {min} minutes")
    } else {
        format!("{min}–{max} minutes")
    };
    let days = match step.min_days {
        0 | 1 => "At least one day".to_string(),
        n => format!("At least {n} days"),
    };
    let label = format!("{position}: {}", step.title);
    // The technique this step belongs to, for a link to its overview in the guide.
    // Only during a session, and in a new tab: leaving the session screen would lose the
    // answers not saved yet. On the technique pages the guide is one tap away anyway.
    let in_session = crate::router::is_within(routes::SESSION);
    let about = all()
        .iter()
        .find(|t| in_session && t.steps.iter().any(|s| std::ptr::eq(s, step)))
        .map(|t| {
            let href = crate::router::href(&routes::guide_entry(guide::overview(t.id).id));
            view! {
                <p class="step-about">
                    <a href=href target="_blank" rel="noopener">{format!("How {} works, in the guide (opens a new tab)", t.name)}</a>
                </p>
            }
        });
    view! {
        <section class="card step-guide" aria-label=label>
            <p class="eyebrow">{position}</p>
            <h2>{step.title}</h2>
            <p class="step-goal"><strong>"Goal: "</strong>{step.goal}</p>
            <p class="step-meta">{format!("{minutes} a session · {days} on this step")}</p>
            <details class="step-part" open=open>
                <summary>"How to do it"</summary>
                <ol class="how-to">
                    {step.how_to.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}
                </ol>
            </details>
            <div class="step-success">
                <h3>"You'll know it's working when"</h3>
                <p>{step.success}</p>
            </div>
            {step.safety.map(|text| view! {
                <div class="step-safety" role="note">
                    <h3>"Safety"</h3>
                    <p>{text}</p>
                </div>
            })}
            <details class="step-part" open=open>
                <summary>"Warning signs and what to do"</summary>
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

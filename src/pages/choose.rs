//! The technique chooser: a few plain questions, a recommendation with its reason, and a choice.

use crate::domain::chooser::{questions, recommend, Answers};
use crate::domain::rat::Rat;
use crate::domain::technique::{technique, TechniqueId};
use crate::pages::rat::for_rat_in_address;
use crate::routes;
use crate::state::use_app;
use crate::text::choose as t;
use leptos::prelude::*;

#[component]
pub fn ChoosePage() -> impl IntoView {
    for_rat_in_address(|rat| view! { <Chooser rat/> }.into_any())
}

#[component]
fn Chooser(rat: Rat) -> impl IntoView {
    let app = use_app();
    let stored = app
        .programs
        .with_untracked(|p| p.of(&rat.id).and_then(|p| p.answers));
    let answers = RwSignal::new(stored.unwrap_or_else(|| Answers::prefilled(rat.temperament)));
    let active = app.programs.with_untracked(|p| p.active(&rat.id));
    let name = rat.name.clone();
    let temperament = rat.temperament;
    let recommendation = Memo::new({
        let name = name.clone();
        move |_| answers.with(|a| a.is_complete().then(|| recommend(a, &name, temperament)))
    });

    let choose = {
        let rat_id = rat.id.clone();
        move |technique_id: TechniqueId| {
            let chosen = answers.get_untracked();
            if app
                .choose_technique(&rat_id, technique_id, Some(chosen))
                .is_ok()
            {
                app.show_toast(
                    t::chosen(
                        &app.rat(&rat_id).map(|r| r.name).unwrap_or_default(),
                        technique(technique_id).name,
                    ),
                    None,
                );
                crate::router::navigate(&routes::rat(&rat_id));
            }
        }
    };

    view! {
        <div class="page">
            <header class="page-header">
                <a href=crate::router::href(&routes::rat(&rat.id)) class="back-link">{t::back(&rat.name)}</a>
                <h1>{t::title(&rat.name)}</h1>
                <p class="muted">{t::INTRO}</p>
            </header>
            <div class="form">
                {questions()
                    .iter()
                    .map(|q| {
                        let question = q.key;
                        view! {
                            <fieldset class="field">
                                <legend>{q.text.replace(t::YOUR_RAT, &name)}</legend>
                                <div class="choices">
                                    {q
                                        .answers
                                        .iter()
                                        .map(|a| {
                                            let answer = a.key;
                                            view! {
                                                <label class="choice">
                                                    <input
                                                        type="radio"
                                                        name=question
                                                        value=answer
                                                        prop:checked=move || answers.with(|s| s.get(question) == Some(answer))
                                                        on:change=move |_| answers.update(|s| {
                                                            let _ = s.set(question, answer);
                                                        })
                                                    />
                                                    <span>{a.text}</span>
                                                </label>
                                            }
                                        })
                                        .collect_view()}
                                </div>
                            </fieldset>
                        }
                    })
                    .collect_view()}
            </div>
            <div aria-live="polite">
                {move || {
                    let choose = choose.clone();
                    match recommendation.get() {
                        None => view! {
                            <p class="hint recommend-wait">{t::WAIT}</p>
                        }
                        .into_any(),
                        Some(rec) => {
                            let pick = rec.technique;
                            let choose_main = choose.clone();
                            view! {
                                <section class="card recommendation" aria-labelledby="rec-title">
                                    <p class="eyebrow">{t::SUGGESTION}</p>
                                    <h2 id="rec-title">{technique(pick).name}</h2>
                                    <p class="rec-reason">{rec.reason.clone()}</p>
                                    <p class="muted">{technique(pick).idea}</p>
                                    <button class="button button-primary button-wide" on:click=move |_| choose_main(pick)>
                                        {if active == Some(pick) { t::keep(technique(pick).name) } else { t::start(technique(pick).name) }}
                                    </button>
                                </section>
                                <section aria-labelledby="others-title">
                                    <h2 id="others-title">{t::OTHERS_TITLE}</h2>
                                    <ul class="card-list">
                                        {rec
                                            .others
                                            .iter()
                                            .map(|(other, why)| {
                                                let other = *other;
                                                let choose = choose.clone();
                                                view! {
                                                    <li class="card other-technique">
                                                        <h3>{technique(other).name}</h3>
                                                        <p>{why.clone()}</p>
                                                        <button class="button button-wide" on:click=move |_| choose(other)>
                                                            {t::choose(technique(other).name)}
                                                        </button>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </section>
                            }
                            .into_any()
                        }
                    }
                }}
            </div>
        </div>
    }
}

//! Logging how one rat responded: a five-point scale in words, and the signs seen.

use crate::domain::progression::{sign_goal, Advice, Decision};
use crate::domain::session::{Response, Sign};
use crate::domain::technique::{technique, TechniqueId};
use crate::text::outcome as t;
use leptos::prelude::*;

#[component]
pub fn OutcomeInput(
    /// Used in ids, so several rats can be logged on one screen.
    key: String,
    name: String,
    response: RwSignal<Option<Response>>,
    signs: RwSignal<Vec<Sign>>,
    /// The sign this step counts a session by ("Took a treat"): asked in the open, not folded
    /// away, so a good session isn't lost to an unticked box.
    goal: Option<Sign>,
) -> impl IntoView {
    let group = format!("response-{key}");
    let goal_box = goal.map(|sign| {
        let hint_id = format!("goal-{key}");
        view! {
            <div class="goal-sign">
                <SignPick sign signs described_by=hint_id.clone()/>
                <p class="hint" id=hint_id>{t::goal_hint(&name, sign_goal(sign))}</p>
            </div>
        }
    });
    let others = move || signs.with(|s| s.iter().filter(|x| Some(**x) != goal).count());
    view! {
        <fieldset class="field outcome" id=format!("outcome-{key}") tabindex="-1">
            <legend class="outcome-title">{t::how_did_respond(&name)}</legend>
            <div class="choices responses">
                {Response::ALL
                    .into_iter()
                    .rev()
                    .map(|r| {
                        let group = group.clone();
                        view! {
                            <label class=format!("choice response response-{}", r.key())>
                                <input
                                    type="radio"
                                    name=group
                                    value=r.key()
                                    prop:checked=move || response.get() == Some(r)
                                    on:change=move |_| response.set(Some(r))
                                />
                                <span>{r.label()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            {goal_box}
            <details class="signs-box">
                <summary>
                    {move || t::signs_seen(others())}
                </summary>
                <div class="chips">
                    {Sign::ALL
                        .into_iter()
                        .filter(|sign| Some(*sign) != goal)
                        .map(|sign| view! { <SignPick sign signs/> })
                        .collect_view()}
                </div>
            </details>
        </fieldset>
    }
}

/// One sign to tick, with a link to its guide entry beside it (not inside the label).
#[component]
fn SignPick(
    sign: Sign,
    signs: RwSignal<Vec<Sign>>,
    #[prop(optional)] described_by: Option<String>,
) -> impl IntoView {
    let about = crate::router::href(&crate::routes::guide_entry(sign.key()));
    view! {
        <span class="sign-pick">
            <label class="chip" title=sign.meaning()>
                <input
                    type="checkbox"
                    value=sign.key()
                    aria-describedby=described_by
                    prop:checked=move || signs.with(|s| s.contains(&sign))
                    on:change=move |_| signs.update(|s| {
                        if let Some(i) = s.iter().position(|x| *x == sign) {
                            s.remove(i);
                        } else {
                            s.push(sign);
                        }
                    })
                />
                <span>{sign.label()}</span>
            </label>
            <a class="sign-about" href=about target="_blank" rel="noopener" aria-label=t::about_sign(sign.label())>{t::ABOUT_MARK}</a>
        </span>
    }
}

/// A short headline for the coach's decision, e.g. "Ready for the next step".
pub fn decision_title(decision: &Decision, technique_id: TechniqueId) -> String {
    let tech = technique(technique_id);
    let step_title = |i: u8| tech.step(i).map(|s| s.title).unwrap_or_default();
    match decision {
        Decision::MoveUp { to } => t::move_up(to + 1, step_title(*to)),
        Decision::Stay => t::STAY.to_string(),
        Decision::KeepPractising => t::KEEP_PRACTISING.to_string(),
        Decision::StepBack { to, days } => t::step_back(to + 1, step_title(*to), *days),
        Decision::PauseAndCheck { .. } => t::PAUSE_AND_CHECK.to_string(),
        Decision::Mastered { .. } => t::mastered(tech.name),
    }
}

/// The coach's advice for one rat, as a card.
#[component]
pub fn AdviceCard(name: String, technique_id: TechniqueId, advice: Advice) -> impl IntoView {
    let class = match advice.decision {
        Decision::MoveUp { .. } | Decision::Mastered { .. } => "card advice advice-up",
        Decision::StepBack { .. } => "card advice advice-back",
        Decision::PauseAndCheck { .. } => "card advice advice-pause",
        Decision::Stay | Decision::KeepPractising => "card advice",
    };
    let note = match advice.decision {
        Decision::PauseAndCheck { concern } => Some(concern.note()),
        _ => None,
    };
    let label = t::advice_for(&name);
    view! {
        <section class=class aria-label=label>
            <p class="eyebrow">{name}</p>
            <h3>{decision_title(&advice.decision, technique_id)}</h3>
            <p>{advice.reason}</p>
            {note.map(|n| view! { <p class="welfare-note">{n}</p> })}
        </section>
    }
}

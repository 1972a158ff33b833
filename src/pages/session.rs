//! The guided session: the step to practise, a timer, then logging each rat and the advice.

use crate::components::outcome::{AdviceCard, OutcomeInput};
use crate::components::step::StepGuide;
use crate::domain::program::{rat_replay, trainee};
use crate::domain::progression::{Advice, Replay, Words};
use crate::domain::rat::{Rat, RatId};
use crate::domain::session::{
    just_saved, HowItWent, RatOutcome, Response, Session, SessionDraft, SessionId, Sign, NOTE_MAX,
    TREATS_MAX,
};
use crate::domain::technique::{technique, TechniqueId};
use crate::domain::timer::{clock_text, SessionTimer};
use crate::platform::{self, wake_lock};
use crate::routes;
use crate::state::use_app;
use crate::text::common as c;
use crate::text::session as t;
use leptos::prelude::*;
use std::time::Duration;

/// One rat in the running session, with what it practises and the answers being filled in.
#[derive(Clone)]
struct Trainee {
    rat: Rat,
    technique: TechniqueId,
    step: u8,
    response: RwSignal<Option<Response>>,
    signs: RwSignal<Vec<Sign>>,
    /// The rat's history so far, to judge this session on Save without replaying it again.
    replay: std::rc::Rc<Replay>,
}

/// A saved session, with each rat's advice when it could be worked out without a replay.
#[derive(Clone)]
struct Saved {
    session: Session,
    advice: Vec<(RatId, Advice)>,
}

#[component]
pub fn SessionPage() -> impl IntoView {
    let app = use_app();
    let saved = RwSignal::new(None::<Saved>);
    let running = Memo::new(move |_| app.timer.with(|t| t.as_ref().map(|t| t.session_id.clone())));
    // Once saved, the screen under the results stays what it was (the save clears the timer),
    // so the results show at once and the long running screen goes after the next frame.
    let live =
        Memo::new(
            move |before: Option<&bool>| match (saved.with(Option::is_some), before) {
                (true, Some(&was)) => was,
                _ => running.with(Option::is_some),
            },
        );
    let retired = RwSignal::new(false);
    Effect::new(move |_| {
        if saved.with(Option::is_some) {
            request_animation_frame(move || {
                set_timeout(move || _ = retired.try_set(true), Duration::ZERO);
            });
        }
    });
    view! {
        {move || saved.get().map(|Saved { session, advice }| view! { <SessionResults session advice/> })}
        {move || {
            if retired.get() {
                None
            } else if live.get() {
                Some(view! { <RunningSession saved/> }.into_any())
            } else {
                Some(view! { <NoSession/> }.into_any())
            }
        }}
    }
}

#[component]
fn NoSession() -> impl IntoView {
    let app = use_app();
    // A reload right after Save, or Back from the rat's page, finds the results again.
    let recent = app
        .sessions
        .with_untracked(|all| just_saved(all, platform::today(), platform::now_ms()).cloned());
    if let Some(session) = recent {
        return view! { <SessionResults session advice=Vec::new()/> }.into_any();
    }
    view! {
        <section class="page empty-state" aria-labelledby="no-session">
            <h1 id="no-session">{t::NO_SESSION_TITLE}</h1>
            <p>{t::NO_SESSION_HINT}</p>
            <a href=crate::router::href(routes::RATS) class="button button-primary button-wide">{c::GO_TO_YOUR_RATS}</a>
        </section>
    }
    .into_any()
}

#[component]
fn RunningSession(saved: RwSignal<Option<Saved>>) -> impl IntoView {
    let app = use_app();
    let Some(timer) = app.timer.get_untracked() else {
        return view! { <NoSession/> }.into_any();
    };
    let today = platform::today();
    let trainees: Vec<Trainee> = timer
        .rats
        .iter()
        .filter_map(|id| {
            let rat = app.rat(id)?;
            let replay = app.programs.with_untracked(|p| {
                app.sessions
                    .with_untracked(|s| rat_replay(&rat, p, s, None, today, Words::Skipped))
            })?;
            Some(Trainee {
                technique: replay.progress.technique,
                step: replay.progress.step,
                rat,
                response: RwSignal::new(None),
                signs: RwSignal::new(Vec::new()),
                replay: std::rc::Rc::new(replay),
            })
        })
        .collect();
    if trainees.is_empty() {
        // The rats were deleted or have no technique: nothing to log, and the timer is left
        // alone in case their data comes back (a quarantined record, another tab).
        return view! { <NoSession/> }.into_any();
    }
    // Unchanged at Save means the replays above are still the rats' whole story.
    let history_rev = app.history_rev();

    // Steps to show: one per distinct technique and step among the rats.
    // A rat who mastered the technique practises its last step: no days left to wait there.
    let mut guides: Vec<(TechniqueId, u8, bool, Vec<String>)> = Vec::new();
    for t in &trainees {
        let mastered = t.replay.progress.is_mastered();
        match guides.iter_mut().find(|(tech, step, done, _)| {
            *tech == t.technique && *step == t.step && *done == mastered
        }) {
            Some((_, _, _, names)) => names.push(t.rat.name.clone()),
            None => guides.push((t.technique, t.step, mastered, vec![t.rat.name.clone()])),
        }
    }
    let (min_minutes, max_minutes) = trainees
        .iter()
        .filter_map(|t| technique(t.technique).step(t.step))
        .map(|s| s.session_minutes)
        .fold((u8::MAX, 0), |(lo, hi), (a, b)| (lo.min(a), hi.max(b)));
    let heading = t::training(
        &trainees
            .iter()
            .map(|t| t.rat.name.as_str())
            .collect::<Vec<_>>(),
    );

    // The clock ticks once a second while this screen is open.
    let now = RwSignal::new(platform::now_ms());
    if let Ok(handle) = set_interval_with_handle(
        move || now.set(platform::now_ms()),
        Duration::from_millis(1000),
    ) {
        on_cleanup(move || handle.clear());
    }
    if !timer.is_paused() {
        wake_lock::request();
    }
    on_cleanup(wake_lock::release);

    let elapsed_ms = move || {
        app.timer
            .with(|t| t.as_ref().map(|t| t.elapsed_ms(now.get())))
            .unwrap_or(0.0)
    };
    let paused = move || {
        app.timer
            .with(|t| t.as_ref().is_some_and(SessionTimer::is_paused))
    };
    let cue_ms = f64::from(min_minutes) * 60_000.0;
    let cued = RwSignal::new(elapsed_ms() >= cue_ms);
    Effect::new(move |_| {
        if !cued.get_untracked() && elapsed_ms() >= cue_ms {
            cued.set(true);
            platform::vibrate(300);
        }
    });

    let toggle_pause = move |_| {
        let Some(mut t) = app.timer.get_untracked() else {
            return;
        };
        let at = platform::now_ms();
        if t.is_paused() {
            t.resume(at);
            wake_lock::request();
        } else {
            t.pause(at);
            wake_lock::release();
        }
        let _ = app.set_timer(Some(t));
    };

    let treats = RwSignal::new(0u16);
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let saving = RwSignal::new(false);
    // Asked only when the timer was left running for hours.
    let stale_minutes = RwSignal::new(None::<String>);
    let all_answered = Memo::new({
        let responses: Vec<RwSignal<Option<Response>>> =
            trainees.iter().map(|t| t.response).collect();
        move |_| responses.iter().all(|r| r.get().is_some())
    });

    let save = {
        let trainees = trainees.clone();
        move || {
            if saving.get_untracked() {
                return;
            }
            let Some(timer) = app.timer.get_untracked() else {
                return;
            };
            let at = platform::now_ms();
            let duration_secs = if timer.is_stale(at) {
                match stale_minutes.get_untracked() {
                    None => {
                        let guess = u32::from(max_minutes).max(1);
                        stale_minutes.set(Some(guess.to_string()));
                        platform::focus_soon("stale-minutes");
                        return;
                    }
                    Some(text) => match crate::domain::session::typed_minutes(&text) {
                        Some(m) => m * 60,
                        None => {
                            errors.set(vec![t::MINUTES_RANGE_ERROR.into()]);
                            return;
                        }
                    },
                }
            } else {
                (timer.elapsed_ms(at) / 1000.0).round() as u32
            };
            let mut outcomes = Vec::new();
            for t in &trainees {
                let Some(response) = t.response.get_untracked() else {
                    // Save is never disabled for this: a tap shows which rat is left, there.
                    errors.set(vec![t::choose_response_of(&t.rat.name)]);
                    platform::focus(&format!("outcome-{}", t.rat.id.0));
                    return;
                };
                outcomes.push(RatOutcome {
                    rat: t.rat.id.clone(),
                    technique: t.technique,
                    step: t.step,
                    response,
                    signs: t.signs.get_untracked(),
                });
            }
            let draft = SessionDraft {
                // The day it began: a session from 23:50 to 00:10 belongs to the evening.
                day: platform::day_of(timer.started_at),
                started_at: timer.started_at,
                duration_secs,
                outcomes,
                treats: treats.get_untracked(),
                note: note.get_untracked(),
            };
            let valid = match draft.validate(platform::today()) {
                Ok(valid) => valid,
                Err(found) => {
                    errors.set(found.iter().map(ToString::to_string).collect());
                    return;
                }
            };
            saving.set(true);
            let session = Session::new(SessionId(timer.session_id.clone()), valid, at);
            // Judged before saving: the save itself changes `history_rev`.
            let advice = if app.history_rev() == history_rev {
                app.programs.with_untracked(|programs| {
                    trainees
                        .iter()
                        .filter_map(|t| {
                            let who = trainee(&t.rat, programs);
                            Some((t.rat.id.clone(), t.replay.advise_next(&who, &session)?))
                        })
                        .collect()
                })
            } else {
                Vec::new()
            };
            if app.save_session(session.clone(), None).is_ok() {
                let _ = app.set_timer(None);
                wake_lock::release();
                saved.set(Some(Saved { session, advice }));
                platform::scroll_to_top();
            } else {
                saving.set(false);
            }
        }
    };
    let save_click = {
        let save = save.clone();
        move |_| save()
    };

    let discarding = RwSignal::new(false);
    let first_rat = trainees[0].rat.id.clone();
    let discard = move |_| {
        if app.set_timer(None).is_ok() {
            app.show_toast(t::NOT_LOGGED.into(), None);
            crate::router::navigate(&routes::rat(&first_rat));
        }
    };

    let suggested = t::suggested(min_minutes, max_minutes);

    view! {
        <div class="page session-page" hidden=move || saved.with(Option::is_some)>
            <header class="page-header">
                <p class="eyebrow">{t::EYEBROW}</p>
                <h1>{heading}</h1>
            </header>

            <section class="card timer" aria-label=t::TIMER_LABEL>
                <p class="timer-clock" role="timer" aria-live="off">
                    {move || clock_text((elapsed_ms() / 1000.0) as u64)}
                </p>
                <p class="timer-target">{suggested}</p>
                <p class="timer-cue" aria-live="polite">
                    {move || {
                        if paused() {
                            t::PAUSED.to_string()
                        } else if cued.get() {
                            t::TIME_IS_UP.to_string()
                        } else {
                            String::new()
                        }
                    }}
                </p>
                <button class="button" on:click=toggle_pause>
                    {move || if paused() { t::RESUME } else { t::PAUSE }}
                </button>
            </section>

            {let several = guides.len() > 1;
            guides
                .into_iter()
                .map(|(tech, step_index, mastered, who)| {
                    let tech = technique(tech);
                    // With more than one guide, each says whose it is, even for one rat.
                    let who: Vec<&str> = who.iter().map(String::as_str).collect();
                    let who = if several || who.len() > 1 { who } else { Vec::new() };
                    let position = if mastered {
                        t::practice_position(tech.name, step_index + 1, &who)
                    } else {
                        t::step_position(tech.name, step_index + 1, tech.steps.len(), &who)
                    };
                    tech.step(step_index).map(|step| view! { <StepGuide step position mastered/> })
                })
                .collect_view()}

            <section class="log" aria-labelledby="log-title">
                <h2 id="log-title">{t::WHEN_YOU_FINISH}</h2>
                {trainees
                    .iter()
                    .map(|t| view! {
                        <OutcomeInput key=t.rat.id.0.clone() name=t.rat.name.clone() response=t.response signs=t.signs goal=technique(t.technique).goal_sign(t.step)/>
                    })
                    .collect_view()}
                <details class="field extras">
                    <summary>{t::EXTRAS}</summary>
                    <div class="stepper" role="group" aria-label=c::TREATS_GIVEN>
                        <span class="stepper-label" id="treats-label">{c::TREATS_GIVEN}</span>
                        <button class="button" aria-label=c::ONE_TREAT_FEWER on:click=move |_| treats.update(|n| *n = n.saturating_sub(1))>"−"</button>
                        <output class="stepper-value" aria-labelledby="treats-label" aria-live="polite">{move || crate::intl::number(i64::from(treats.get()))}</output>
                        <button class="button" aria-label=c::ONE_TREAT_MORE on:click=move |_| treats.update(|n| *n = (*n + 1).min(TREATS_MAX))>"+"</button>
                    </div>
                    <label for="session-note" class="sub-label">{c::NOTE}</label>
                    <textarea
                        id="session-note"
                        rows="3"
                        aria-describedby="session-note-count"
                        prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev))
                    ></textarea>
                    <p class="hint" id="session-note-count">{move || c::characters_of(note.with(|n| n.trim().chars().count()), NOTE_MAX)}</p>
                </details>
                <Show when=move || stale_minutes.with(Option::is_some)>
                    <div class="card confirm stale" role="alertdialog" aria-labelledby="stale-title">
                        <h3 id="stale-title">{t::STALE_TITLE}</h3>
                        <p>
                            {move || t::stale_text(&clock_text((elapsed_ms() / 1000.0) as u64))}
                        </p>
                        <label for="stale-minutes" class="sub-label">{t::MINUTES}</label>
                        <input
                            id="stale-minutes"
                            type="text"
                            inputmode="numeric"
                            prop:value=move || stale_minutes.get().unwrap_or_default()
                            on:input=move |ev| stale_minutes.set(Some(event_target_value(&ev)))
                        />
                    </div>
                </Show>
                <Show when=move || !all_answered.get()>
                    <p class="hint">{t::CHOOSE_EACH}</p>
                </Show>
                <div class="field-error-list" role="alert">
                    {move || errors.get().into_iter().map(|e| view! { <p class="field-error">{e}</p> }).collect_view()}
                </div>
            </section>

            <div class="action-bar">
                <button
                    class="button button-primary button-wide"
                    class:button-waiting=move || !all_answered.get()
                    disabled=move || saving.get()
                    on:click=save_click
                >
                    {move || {
                        if stale_minutes.with(Option::is_some) { t::SAVE_WITH_MINUTES } else { t::SAVE_SESSION }
                    }}
                </button>
            </div>

            <div class="button-row">
                <button class="button button-quiet" on:click=move |_| { discarding.set(true); platform::focus_soon("confirm-discard"); }>{t::CANCEL_SESSION}</button>
            </div>
            <Show when=move || discarding.get()>
                <section class="card confirm" role="alertdialog" aria-labelledby="discard-title" aria-describedby="discard-text">
                    <h2 id="discard-title">{t::DISCARD_TITLE}</h2>
                    <p id="discard-text">{t::DISCARD_TEXT}</p>
                    <div class="button-row">
                        <button id="confirm-discard" class="button button-danger" on:click=discard.clone()>{t::DISCARD}</button>
                        <button class="button" on:click=move |_| discarding.set(false)>{t::KEEP_GOING}</button>
                    </div>
                </section>
            </Show>
        </div>
    }
    .into_any()
}

#[component]
fn SessionResults(session: Session, advice: Vec<(RatId, Advice)>) -> impl IntoView {
    let app = use_app();
    let today = platform::today();
    let heading = match session.how_it_went() {
        HowItWent::WellOne => t::WELL_DONE,
        HowItWent::WellMany => t::WELL_DONE_ALL,
        HowItWent::Hard => t::WENT_GENTLY,
    };
    let cards = session
        .outcomes
        .iter()
        .filter_map(|o| {
            let rat = app.rat(&o.rat)?;
            let known = advice
                .iter()
                .find(|(id, _)| *id == o.rat)
                .map(|(_, a)| a.clone());
            let advice = match known {
                Some(advice) => advice,
                None => {
                    let replay = app.programs.with_untracked(|p| {
                        app.sessions.with_untracked(|s| {
                            rat_replay(&rat, p, s, Some(o.technique), today, Words::Written)
                        })
                    })?;
                    replay.entry_for(&session.id)?.advice.clone()
                }
            };
            Some(view! { <AdviceCard name=rat.name.clone() technique_id=o.technique advice/> })
        })
        .collect_view();
    // A way back to each rat trained, the first one foremost.
    let back = session
        .outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let name = app.rat(&o.rat).map(|r| r.name).unwrap_or_default();
            let class = if i == 0 { "button button-primary button-wide" } else { "button button-wide" };
            view! { <a href=crate::router::href(&routes::rat(&o.rat)) class=class>{t::back_to(&name)}</a> }
        })
        .collect_view();
    view! {
        <div class="page">
            <header class="page-header">
                <p class="eyebrow">{t::SAVED}</p>
                <h1>{heading}</h1>
                <p class="muted">{t::logged(&clock_text(u64::from(session.duration_secs)))}</p>
            </header>
            <h2>{t::COACH_SUGGESTS}</h2>
            <div aria-live="polite">{cards}</div>
            <div class="action-bar">
                {back}
                <a href=crate::router::href(&routes::session_entry(&session.id)) class="button button-wide">{t::EDIT_THIS_SESSION}</a>
            </div>
        </div>
    }
}

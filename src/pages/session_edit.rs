//! A logged session, to correct or delete. Every change re-runs the coach's advice.

use crate::components::outcome::{AdviceCard, OutcomeInput};
use crate::domain::program::rat_replay;
use crate::domain::progression::{Advice, Words};
use crate::domain::session::{
    typed_minutes, Response, Session, SessionDraft, SessionId, Sign, NOTE_MAX, TREATS_MAX,
};
use crate::domain::technique::{technique, TechniqueId};
use crate::platform;
use crate::routes;
use crate::state::use_app;
use crate::text::common as c;
use crate::text::session_edit as t;
use leptos::prelude::*;

#[component]
pub fn SessionEntryPage() -> impl IntoView {
    let app = use_app();
    let param = crate::router::param("id");
    let id = Memo::new(move |_| SessionId(param.get()));
    let found = Memo::new(move |_| {
        app.sessions
            .with(|all| all.iter().any(|s| s.id == id.get()))
    });
    // The coach's new advice lives here, so it outlasts a re-render of the editor.
    let advice = RwSignal::new(Vec::new());
    // Re-render only when the session appears or goes, not on each save (that would reset the form).
    move || {
        let id = id.get();
        match found.get().then(|| untrack(|| app.session(&id))).flatten() {
        Some(session) => view! { <SessionEditor session advice/> }.into_any(),
        None => view! {
            <section class="page empty-state" aria-labelledby="gone-title">
                <h1 id="gone-title">{t::GONE_TITLE}</h1>
                <p>{t::GONE_TEXT}</p>
                <a href=crate::router::href(routes::RATS) class="button button-primary button-wide">{c::GO_TO_YOUR_RATS}</a>
            </section>
        }
        .into_any(),
    }
    }
}

/// One rat's line in the editor: id, name, response, signs, and what it practised.
type OutcomeRow = (
    String,
    String,
    RwSignal<Option<Response>>,
    RwSignal<Vec<Sign>>,
    String,
);

#[component]
fn SessionEditor(
    session: Session,
    advice: RwSignal<Vec<(String, TechniqueId, Advice)>>,
) -> impl IntoView {
    let app = use_app();
    let rows: Vec<OutcomeRow> = session
        .outcomes
        .iter()
        .map(|o| {
            let name = app
                .rat(&o.rat)
                .map(|r| r.name)
                .unwrap_or_else(|| t::DELETED_RAT.into());
            let tech = technique(o.technique);
            let practised = t::practised(
                tech.name,
                o.step.saturating_add(1),
                tech.step(o.step).map(|s| s.title).unwrap_or_default(),
            );
            (
                o.rat.0.clone(),
                name,
                RwSignal::new(Some(o.response)),
                RwSignal::new(o.signs.clone()),
                practised,
            )
        })
        .collect();
    let goals: Vec<_> = session
        .outcomes
        .iter()
        .map(|o| technique(o.technique).goal_sign(o.step))
        .collect();
    let shown_minutes = (session.duration_secs.saturating_add(30) / 60).to_string();
    let minutes = RwSignal::new(shown_minutes.clone());
    // The length as stored (under a minute shows as 0) is fine; a typed one is 1 to 240.
    let stored_minutes = session.duration_secs.saturating_add(30) / 60;
    let minutes_invalid = move || {
        minutes.with(|m| m.trim().parse() != Ok(stored_minutes) && typed_minutes(m).is_none())
    };
    let treats = RwSignal::new(session.treats);
    let note = RwSignal::new(session.note.clone());
    // The day can change too: a session logged late, or one from last night.
    let day_text = RwSignal::new(session.day.to_string());
    let errors = RwSignal::new(Vec::<String>::new());
    let confirming = RwSignal::new(false);
    let original = session.clone();

    let save = {
        let rows = rows.clone();
        let original = original.clone();
        move |_| {
            let typed = minutes.get_untracked();
            let mut draft = SessionDraft::from_session(&original);
            // Keep the exact length unless the owner changed the minutes (the same test as
            // `minutes_invalid`, so "00" for a stored 0 is unchanged, not a silent refusal).
            if typed.trim().parse() != Ok(stored_minutes) {
                let Some(mins) = typed_minutes(&typed) else {
                    platform::focus("edit-minutes");
                    return;
                };
                draft.duration_secs = mins * 60;
            }
            let Ok(day) = crate::domain::date::LocalDate::parse(&day_text.get_untracked()) else {
                errors.set(vec![t::DAY_ERROR.into()]);
                platform::focus("edit-day");
                return;
            };
            // A stored day after today may stay as it is; a new one must not be later.
            let today = platform::today();
            let latest = if day == original.day {
                day.max(today)
            } else {
                today
            };
            if day != original.day {
                // The same time of day on the new day, so the order of the day's sessions holds.
                draft.started_at += day.days_since(original.day) as f64 * 86_400_000.0;
                draft.day = day;
            }
            draft.treats = treats.get_untracked();
            draft.note = note.get_untracked();
            for (outcome, (_, _, response, signs, _)) in draft.outcomes.iter_mut().zip(&rows) {
                if let Some(r) = response.get_untracked() {
                    outcome.response = r;
                }
                outcome.signs = signs.get_untracked();
            }
            let valid = match draft.validate(latest) {
                Ok(v) => v,
                Err(found) => {
                    errors.set(found.iter().map(ToString::to_string).collect());
                    return;
                }
            };
            errors.set(Vec::new());
            let mut updated = original.clone();
            updated.apply(valid, platform::now_ms());
            if app
                .save_session(updated.clone(), Some(original.day))
                .is_ok()
            {
                let cards: Vec<_> = updated
                    .outcomes
                    .iter()
                    .filter_map(|o| {
                        let rat = app.rat(&o.rat)?;
                        let replay = app.programs.with_untracked(|p| {
                            app.sessions.with_untracked(|s| {
                                rat_replay(&rat, p, s, Some(o.technique), today, Words::Written)
                            })
                        })?;
                        Some((
                            rat.name.clone(),
                            o.technique,
                            replay.entry_for(&updated.id)?.advice.clone(),
                        ))
                    })
                    .collect();
                advice.set(cards);
                app.show_toast(t::CHANGES_SAVED.into(), None);
            }
        }
    };
    let delete = {
        let id = session.id.clone();
        let back = session
            .outcomes
            .first()
            .map(|o| routes::rat(&o.rat))
            .unwrap_or_else(|| routes::RATS.into());
        move |_| {
            if app.delete_session(&id).is_ok() {
                crate::router::navigate(&back);
            }
        }
    };
    // Only rats still here: a deleted cage mate has no history to lose.
    let delete_text = {
        let names: Vec<String> = session
            .outcomes
            .iter()
            .filter_map(|o| app.rat(&o.rat).map(|r| r.name))
            .collect();
        t::delete_text(&names.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let back_href = session
        .outcomes
        .first()
        .map(|o| routes::rat(&o.rat))
        .unwrap_or_else(|| routes::RATS.into());

    view! {
        <div class="page">
            <header class="page-header">
                <a href=crate::router::href(&back_href) class="back-link">{t::BACK}</a>
                <h1>{t::TITLE}</h1>
                <p class="muted">{t::logged_for(&crate::intl::date(session.day, crate::intl::DateStyle::DayMonthYear))}</p>
            </header>
            {rows
                .iter()
                .zip(goals)
                .map(|((key, name, response, signs, practised), goal)| view! {
                    <p class="practised">{practised.clone()}</p>
                    <OutcomeInput key=key.clone() name=name.clone() response=*response signs=*signs goal/>
                })
                .collect_view()}
            <div class="field">
                <label for="edit-day">{t::DAY_LABEL}</label>
                <input
                    id="edit-day"
                    type="date"
                    max=platform::today().to_string()
                    prop:value=move || day_text.get()
                    on:input=move |ev| day_text.set(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="edit-minutes">{t::LENGTH_LABEL}</label>
                <input
                    id="edit-minutes"
                    type="text"
                    inputmode="numeric"
                    aria-invalid=move || minutes_invalid().to_string()
                    aria-describedby="edit-minutes-error"
                    prop:value=move || minutes.get()
                    on:input=move |ev| minutes.set(event_target_value(&ev))
                />
                <p class="field-error" id="edit-minutes-error">
                    {move || minutes_invalid().then_some(t::LENGTH_ERROR)}
                </p>
            </div>
            <div class="stepper field" role="group" aria-label=c::TREATS_GIVEN>
                <span class="stepper-label" id="edit-treats-label">{c::TREATS_GIVEN}</span>
                <button class="button" aria-label=c::ONE_TREAT_FEWER on:click=move |_| treats.update(|n| *n = n.saturating_sub(1))>"−"</button>
                <output class="stepper-value" aria-labelledby="edit-treats-label">{move || crate::intl::number(i64::from(treats.get()))}</output>
                <button class="button" aria-label=c::ONE_TREAT_MORE on:click=move |_| treats.update(|n| *n = (*n + 1).min(TREATS_MAX))>"+"</button>
            </div>
            <div class="field">
                <label for="edit-note">{c::NOTE}</label>
                <textarea
                    id="edit-note"
                    rows="3"
                    aria-describedby="edit-note-count"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
                <p class="hint" id="edit-note-count">{move || c::characters_of(note.with(|n| n.trim().chars().count()), NOTE_MAX)}</p>
            </div>
            <div role="alert">
                {move || errors.get().into_iter().map(|e| view! { <p class="field-error">{e}</p> }).collect_view()}
            </div>
            <div aria-live="polite">
                <Show when=move || !advice.with(Vec::is_empty)>
                    <h2>{t::ADVICE_NOW}</h2>
                </Show>
                {move || advice.get().into_iter().map(|(name, technique_id, advice)| view! {
                    <AdviceCard name technique_id advice/>
                }).collect_view()}
            </div>
            <div class="action-bar">
                <button class="button button-primary button-wide" on:click=save>{t::SAVE_CHANGES}</button>
            </div>
            <div class="button-row">
                <button class="button button-danger-quiet" on:click=move |_| { confirming.set(true); platform::focus_soon("confirm-delete-session"); }>{t::DELETE_SESSION}</button>
            </div>
            <Show when=move || confirming.get()>
                <section class="card confirm" role="alertdialog" aria-labelledby="del-title">
                    <h2 id="del-title">{t::DELETE_TITLE}</h2>
                    <p>{delete_text.clone()}</p>
                    <div class="button-row">
                        <button id="confirm-delete-session" class="button button-danger" on:click=delete.clone()>{t::DELETE_SESSION}</button>
                        <button class="button" on:click=move |_| confirming.set(false)>{c::KEEP}</button>
                    </div>
                </section>
            </Show>
        </div>
    }
}

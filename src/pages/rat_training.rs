//! The training part of a rat's page: its program, the next session, the ladder and history.

use crate::components::outcome::decision_title;
use crate::domain::date::LocalDate;
use crate::domain::program::{rat_replay, trainee};
use crate::domain::progression::{Decision, Source, Words};
use crate::domain::rat::Rat;
use crate::domain::session::{Override, OverrideKind, SessionId};
use crate::domain::technique::{next_after_mastery, technique};
use crate::platform;
use crate::routes;
use crate::state::use_app;
use crate::text::rat_training as t;
use leptos::prelude::*;

#[component]
pub fn Training(rat: Rat) -> impl IntoView {
    let app = use_app();
    let today = platform::today();
    let replay = Memo::new({
        let rat = rat.clone();
        move |_| {
            app.programs.with(|p| {
                app.sessions
                    .with(|s| rat_replay(&rat, p, s, None, platform::today(), Words::Written))
            })
        }
    });
    let outlook = Memo::new({
        let rat = rat.clone();
        move |_| {
            replay.with(|r| {
                r.as_ref().map(|r| {
                    let who = app.programs.with(|p| trainee(&rat, p).has_safe_space);
                    let t = crate::domain::progression::Trainee {
                        rat: &rat.id,
                        name: &rat.name,
                        temperament: rat.temperament,
                        has_safe_space: who,
                    };
                    r.outlook(&t, platform::today())
                })
            })
        }
    });

    // Cage mates who can join: same group, not archived, with a technique of their own.
    let mates = Memo::new({
        let rat = rat.clone();
        move |_| {
            let Some(group) = rat.cage_group.clone() else {
                return Vec::new();
            };
            app.rats.with(|rats| {
                app.programs.with(|p| {
                    rats.iter()
                        .filter(|r| {
                            r.id != rat.id
                                && !r.archived
                                && r.cage_group.as_ref() == Some(&group)
                                && p.active(&r.id).is_some()
                        })
                        .map(|r| (r.id.clone(), r.name.clone()))
                        .collect::<Vec<_>>()
                })
            })
        }
    });
    let together = RwSignal::new(Vec::<crate::domain::rat::RatId>::new());
    let timer_running = move || app.timer.with(Option::is_some);

    let start = {
        let id = rat.id.clone();
        move |_| {
            if app.timer.with_untracked(Option::is_some) {
                crate::router::navigate(routes::SESSION);
                return;
            }
            let mut rats = vec![id.clone()];
            rats.extend(together.get_untracked());
            if app.start_timer(rats).is_ok() {
                crate::router::navigate(routes::SESSION);
            }
        }
    };

    let rat_for_view = rat.clone();
    view! {
        <section class="card training" aria-labelledby="training-title">
            <h2 id="training-title">{t::TITLE}</h2>
            {move || {
                let rat = rat_for_view.clone();
                let archived = rat.archived;
                let archived_note = archived.then(|| view! { <p class="hint" data-testid="archived-training">{t::archived(&rat.name)}</p> });
                let Some(r) = replay.get() else {
                    if archived {
                        return archived_note.into_any();
                    }
                    return view! {
                        <p>{t::no_technique(&rat.name)}</p>
                        <a href=crate::router::href(&routes::choose(&rat.id)) class="button button-primary button-wide">{t::FIND_TECHNIQUE}</a>
                    }
                    .into_any();
                };
                let tech = technique(r.progress.technique);
                let step_index = r.progress.step;
                let step = tech.step(step_index);
                // No coaching for a rat who is not in training.
                let advice = outlook.get().filter(|_| !archived);
                let tally = r.tally;
                let mastered = r.progress.is_mastered();
                let paused = advice.as_ref().is_some_and(|a| matches!(a.decision, Decision::PauseAndCheck { .. }));
                let ready_note = (tally.ready_on > today && !mastered && !archived).then(|| {
                    t::ready_on(&crate::intl::date(tally.ready_on, crate::intl::DateStyle::DayMonthYear))
                });
                let next = next_after_mastery(tech.id, rat.temperament, app.programs.with_untracked(|p| trainee(&rat, p).has_safe_space));
                view! {
                    <p class="eyebrow">
                        <a href=crate::router::href(&routes::technique(tech.id))>{tech.name}</a>
                    </p>
                    {if mastered {
                        view! { <h3>{t::mastered(tech.name)}</h3> }.into_any()
                    } else {
                        view! {
                            <h3 class="current-step">
                                {t::current_step(step_index + 1, tech.steps.len(), step.map(|s| s.title).unwrap_or_default())}
                            </h3>
                        }
                        .into_any()
                    }}
                    {advice.map(|a| view! { <p class="outlook" data-testid="outlook">{a.reason}</p> })}
                    {archived_note}
                    {(!mastered && !archived).then(|| view! {
                        <p class="tally" data-testid="tally">
                            {t::tally(
                                tally.good_sessions.min(tally.need_sessions), tally.need_sessions,
                                tally.good_days.min(tally.need_days), tally.need_days
                            )}
                        </p>
                    })}
                    {ready_note.map(|n| view! { <p class="hint">{n}</p> })}
                    {(mastered && next.is_some() && !archived).then(|| {
                        let next = next.unwrap_or(tech.id);
                        let id = rat.id.clone();
                        view! {
                            <button class="button button-wide" on:click=move |_| { let _ = app.choose_technique(&id, next, None); }>
                                {t::go_on_with(technique(next).name)}
                            </button>
                        }
                    })}
                    {paused.then(|| view! { <p class="welfare-note">{t::WELFARE_PAUSE}</p> })}
                    <Ladder technique_id=tech.id current=step_index mastered/>
                    {(!archived).then(|| view! {
                        <StepOverride rat=rat.clone() technique_id=tech.id current=step_index/>
                        <p>
                            <a href=crate::router::href(&routes::choose(&rat.id)) class="link-line">{t::SWITCH_TECHNIQUE}</a>
                        </p>
                    })}
                }
                .into_any()
            }}
            <Show when=move || replay.with(Option::is_some) && !rat.archived>
                <Show when=move || !mates.with(Vec::is_empty) && !timer_running()>
                    <fieldset class="field together">
                        <legend>{t::TOGETHER}</legend>
                        <div class="chips">
                            <For each=move || mates.get() key=|(id, _)| id.clone() let:mate>
                                {
                                    let id = mate.0.clone();
                                    let id2 = id.clone();
                                    view! {
                                        <label class="chip">
                                            <input
                                                type="checkbox"
                                                prop:checked=move || together.with(|t| t.contains(&id))
                                                on:change=move |_| together.update(|t| {
                                                    if let Some(i) = t.iter().position(|x| *x == id2) { t.remove(i); } else { t.push(id2.clone()); }
                                                })
                                            />
                                            <span>{t::also(&mate.1)}</span>
                                        </label>
                                    }
                                }
                            </For>
                        </div>
                    </fieldset>
                </Show>
                <div class="action-bar">
                    <button class="button button-primary button-wide" on:click=start.clone()>
                        {move || if timer_running() { crate::text::common::BACK_TO_RUNNING_SESSION } else { t::START_SESSION }}
                    </button>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn Ladder(
    technique_id: crate::domain::technique::TechniqueId,
    current: u8,
    mastered: bool,
) -> impl IntoView {
    let tech = technique(technique_id);
    view! {
        <ol class="ladder" aria-label=t::ladder(tech.name)>
            {tech.steps
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let i = i as u8;
                    let (class, status) = if mastered || i < current {
                        ("ladder-step done", t::STEP_DONE)
                    } else if i == current {
                        ("ladder-step current", t::STEP_NOW)
                    } else {
                        ("ladder-step ahead", t::STEP_AHEAD)
                    };
                    view! {
                        <li class=class aria-current=(i == current && !mastered).then_some("step")>
                            <span class="ladder-status">{status}</span>
                            <span>{s.title}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// The owner may move a rat up or back by hand; it is recorded in history.
#[component]
fn StepOverride(
    rat: Rat,
    technique_id: crate::domain::technique::TechniqueId,
    current: u8,
) -> impl IntoView {
    let app = use_app();
    let last = technique(technique_id).last_step();
    let apply = move |to: u8| {
        let today = platform::today();
        if let Some(change) = Override::new(
            rat.id.clone(),
            technique_id,
            current,
            to,
            today,
            platform::now_ms(),
        ) {
            if app.add_override(&rat.id, change).is_ok() {
                app.show_toast(t::moved(&rat.name, to > current, to + 1), None);
            }
        }
    };
    let up = apply.clone();
    view! {
        <details class="override">
            <summary>{t::OVERRIDE_SUMMARY}</summary>
            <p class="hint">{t::OVERRIDE_HINT}</p>
            <div class="button-row">
                {(current < last).then(|| view! {
                    <button class="button" on:click=move |_| up(current + 1)>{t::move_up_to(current + 2)}</button>
                })}
                {(current > 0).then(|| view! {
                    <button class="button" on:click=move |_| apply(current - 1)>{t::step_back_to(current)}</button>
                })}
            </div>
        </details>
    }
}

/// History rows shown at first, and added by each "Show older entries".
const HISTORY_PAGE: usize = 30;

/// Sessions and overrides for this rat, newest first.
#[component]
pub fn History(rat: Rat) -> impl IntoView {
    use crate::domain::technique::TechniqueId as Tid;
    let app = use_app();
    // Each row with the technique it belongs to, for the filter.
    let rows = Memo::new({
        let rat = rat.clone();
        move |_| {
            let today = platform::today();
            let mut rows: Vec<(Tid, HistoryRow)> = app.sessions.with(|all| {
                all.iter()
                    .filter_map(|s| s.outcome_for(&rat.id).map(|o| (s, o)))
                    .map(|(s, o)| {
                        (
                            o.technique,
                            HistoryRow::Session {
                                id: s.id.clone(),
                                day: s.day,
                                at: s.started_at,
                                note: s.note.clone(),
                                line: {
                                    t::session_line(
                                        technique(o.technique).name,
                                        o.step.saturating_add(1),
                                        o.response.label(),
                                    )
                                },
                                signs: o
                                    .signs
                                    .iter()
                                    .map(|s| s.label())
                                    .collect::<Vec<_>>()
                                    .join(", "),
                            },
                        )
                    })
                    .collect()
            });
            if let Some(program) = app.programs.with(|p| p.of(&rat.id).cloned()) {
                rows.extend(program.overrides.iter().map(|o| {
                    (
                        o.technique,
                        HistoryRow::Override {
                            day: o.day,
                            at: o.at,
                            text: t::override_line(
                                o.reason == OverrideKind::MoveUp,
                                o.to_step.saturating_add(1),
                                technique(o.technique).name,
                            ),
                        },
                    )
                }));
            }
            // The coach's step changes, replayed for every technique this rat has started.
            let started: Vec<_> = app.programs.with(|p| {
                p.of(&rat.id)
                    .map(|p| p.started.iter().map(|(t, _)| *t).collect())
                    .unwrap_or_default()
            });
            for technique_id in started {
                let replayed = app.programs.with(|p| {
                    app.sessions
                        .with(|s| rat_replay(&rat, p, s, Some(technique_id), today, Words::Skipped))
                });
                for e in replayed.iter().flat_map(|r| r.transitions()) {
                    if let Source::Session(_) = e.source {
                        rows.push((
                            technique_id,
                            HistoryRow::Change {
                                day: e.day,
                                at: e.at + 1.0,
                                text: decision_title(&e.advice.decision, technique_id),
                            },
                        ));
                    }
                }
            }
            crate::domain::order::sort_by(&mut rows, &|a, b| b.1.at().total_cmp(&a.1.at()));
            rows
        }
    });
    // Only when there is history in more than one technique.
    let filter = RwSignal::new(None::<Tid>);
    let techniques = Memo::new(move |_| {
        rows.with(|rows| {
            Tid::ALL
                .into_iter()
                .filter(|t| rows.iter().any(|(x, _)| x == t))
                .collect::<Vec<_>>()
        })
    });
    // Years of history would be thousands of rows: show the newest, then more on request.
    let limit = RwSignal::new(HISTORY_PAGE);
    let choose = move |ev: leptos::ev::Event| {
        filter.set(Tid::from_key(&event_target_value(&ev)));
        limit.set(HISTORY_PAGE);
    };
    let matching = Memo::new(move |_| {
        let only = filter
            .get()
            .filter(|t| techniques.with(|ts| ts.contains(t)));
        rows.with(|rows| {
            rows.iter()
                .filter(|(t, _)| only.is_none_or(|o| o == *t))
                .count()
        })
    });
    view! {
        <section class="card history" aria-labelledby="history-title">
            <h2 id="history-title">{t::HISTORY}</h2>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=|| view! { <p class="muted">{t::NO_HISTORY}</p> }
            >
                {move || {
                    let shown = techniques.get();
                    (shown.len() > 1).then(|| {
                        let now = filter.get_untracked().filter(|t| shown.contains(t));
                        view! {
                            <fieldset class="field history-filter">
                                <legend class="sub-label">{t::SHOW}</legend>
                                <div class="chips" on:change=choose>
                                    <label class="chip">
                                        <input type="radio" name="history-technique" value="all" checked=now.is_none()/>
                                        <span>{t::ALL_TECHNIQUES}</span>
                                    </label>
                                    {shown.into_iter().map(|t| view! {
                                        <label class="chip">
                                            <input type="radio" name="history-technique" value=t.key() checked=now == Some(t)/>
                                            <span>{t.name()}</span>
                                        </label>
                                    }).collect_view()}
                                </div>
                            </fieldset>
                        }
                    })
                }}
                <ul class="plain-list history-list">
                    {move || {
                        let only = filter.get().filter(|t| techniques.with(|ts| ts.contains(t)));
                        let limit = limit.get();
                        rows.with(|rows| {
                            rows.iter()
                                .filter(|(t, _)| only.is_none_or(|o| o == *t))
                                .take(limit)
                                .map(|(_, row)| row.clone().view())
                                .collect_view()
                        })
                    }}
                </ul>
                {move || {
                    let left = matching.get().saturating_sub(limit.get());
                    (left > 0).then(|| view! {
                        <button class="button button-wide" on:click=move |_| limit.update(|n| *n += HISTORY_PAGE)>
                            {t::show_older(left)}
                        </button>
                    })
                }}
            </Show>
        </section>
    }
}

/// A history row's day, "4 Nov 2026" in the owner's locale.
fn history_day(day: LocalDate) -> String {
    crate::intl::date(day, crate::intl::DateStyle::DayMonthYearShort)
}

#[derive(Clone, PartialEq)]
enum HistoryRow {
    Session {
        id: SessionId,
        day: LocalDate,
        at: f64,
        note: String,
        line: String,
        signs: String,
    },
    Override {
        day: LocalDate,
        at: f64,
        text: String,
    },
    Change {
        day: LocalDate,
        at: f64,
        text: String,
    },
}

impl HistoryRow {
    fn at(&self) -> f64 {
        match self {
            HistoryRow::Session { at, .. }
            | HistoryRow::Override { at, .. }
            | HistoryRow::Change { at, .. } => *at,
        }
    }

    fn view(self) -> AnyView {
        match self {
            HistoryRow::Session {
                id,
                day,
                note,
                line,
                signs,
                ..
            } => {
                let note = (!note.is_empty()).then_some(note);
                view! {
                    <li class="history-session">
                        <a href=crate::router::href(&routes::session_entry(&id)) class="history-link">
                            <span class="history-day">{history_day(day)}</span>
                            <span>{line}</span>
                            {(!signs.is_empty()).then(|| view! { <span class="muted">{signs}</span> })}
                            {note.map(|n| view! { <span class="history-note">{n}</span> })}
                        </a>
                    </li>
                }
                .into_any()
            }
            HistoryRow::Override { day, text, .. } => view! {
                <li class="history-event">
                    <span class="history-day">{history_day(day)}</span>
                    <span>{text}{t::BY_HAND}</span>
                </li>
            }
            .into_any(),
            HistoryRow::Change { day, text, .. } => view! {
                <li class="history-event">
                    <span class="history-day">{history_day(day)}</span>
                    <span>{text}</span>
                </li>
            }
            .into_any(),
        }
    }
}

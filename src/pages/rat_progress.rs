//! A rat's consistency: streaks, the calendar heat map and rest days.

use crate::domain::date::LocalDate;
use crate::domain::rat::Rat;
use crate::domain::streak::{
    heat_map, session_days, streaks, DayStatus, RestDays, RestError, RestPeriod, Streaks,
    HEAT_MAP_MIN_WEEKS, REST_REASON_MAX,
};
use crate::intl::{self, DateStyle};
use crate::platform;
use crate::state::use_app;
use crate::text::rat_progress as t;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// "Wed 4 Nov", in the owner's locale.
fn short_day(d: LocalDate) -> String {
    t::weekday_and_day(
        &intl::date(d, DateStyle::WeekdayShort),
        &intl::date(d, DateStyle::DayMonthShort),
    )
}

/// Words the heat map's markup takes from the locale and the text module, made safe for
/// an attribute or an element's text.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Everything the section shows, worked out once per change of sessions or programs.
#[derive(Clone, PartialEq)]
struct Summary {
    streaks: Streaks,
    rest: RestDays,
    today: LocalDate,
    /// The heat map's squares as markup: only dates and fixed words, nothing typed by
    /// the owner, so one string is far lighter than 84 views.
    grid: String,
    label: String,
    /// Rest periods that ended in the last four weeks or are still to come.
    recent: Vec<RestPeriod>,
}

fn summarize(rat: &Rat, sessions: &[crate::domain::session::Session], rest: RestDays) -> Summary {
    let today = platform::today();
    let s = streaks(session_days(sessions, &rat.id), &rest, today);
    let map = heat_map(
        session_days(sessions, &rat.id),
        &rest,
        today,
        HEAT_MAP_MIN_WEEKS,
    );
    let (mut trained, mut rested, mut missed) = (0, 0, 0);
    let mut grid = String::with_capacity(map.len() * 64);
    for (day, status) in map {
        let (class, text) = match status {
            DayStatus::Session(1) => ("s1", t::sessions(1)),
            DayStatus::Session(n) => ("s2", t::sessions(n)),
            DayStatus::Rest => ("rest", t::SQUARE_REST.into()),
            DayStatus::Missed => ("miss", t::SQUARE_MISSED.into()),
            DayStatus::Open => ("open", t::SQUARE_OPEN.into()),
            DayStatus::Future => ("future", t::SQUARE_FUTURE.into()),
            DayStatus::BeforeStart => ("before", t::SQUARE_BEFORE.into()),
        };
        match status {
            DayStatus::Session(_) => trained += 1,
            DayStatus::Rest => rested += 1,
            DayStatus::Missed => missed += 1,
            _ => {}
        }
        if day.weekday() == 0 {
            grid.push_str(&format!(
                "<span class=\"heat-week\">{}</span>",
                escape(&intl::date(day, DateStyle::DayMonthShort))
            ));
        }
        let now = if day == today { " today" } else { "" };
        let when = if day == today {
            t::TODAY.to_string()
        } else {
            short_day(day)
        };
        let title = escape(&t::square(&when, &text));
        grid.push_str(&format!(
            "<span class=\"heat-day {class}{now}\" data-day=\"{day}\" \
             data-status=\"{class}\" title=\"{title}\"></span>"
        ));
    }
    let label = t::calendar_label(HEAT_MAP_MIN_WEEKS, trained, rested, missed);
    let since = today.add_days(-28).unwrap_or(today);
    let recent = rest
        .periods()
        .iter()
        .filter(|p| p.to >= since)
        .cloned()
        .collect();
    Summary {
        streaks: s,
        recent,
        rest,
        today,
        grid,
        label,
    }
}

fn message(s: &Summary) -> &'static str {
    let st = s.streaks;
    if st.best == 0 {
        t::FIRST_STREAK
    } else if st.sessions_today > 0 {
        t::DONE_TODAY
    } else if s.rest.is_rest(s.today) {
        t::RESTING
    } else if st.current == 0 {
        t::NEW_STREAK
    } else {
        t::KEEP_IT_GOING
    }
}

/// The calendar's column heads, Monday first: the first letter of each weekday's short name.
fn week_heads() -> Vec<String> {
    let today = platform::today();
    let monday = today.add_days(-i64::from(today.weekday())).unwrap_or(today);
    (0..7)
        .map(|i| {
            let day = monday.add_days(i).unwrap_or(monday);
            intl::date(day, DateStyle::WeekdayShort)
                .chars()
                .take(1)
                .collect()
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum FormField {
    From,
    To,
    Reason,
}

#[component]
pub fn Consistency(rat: Rat) -> impl IntoView {
    let app = use_app();
    let id = rat.id.clone();
    let archived = rat.archived;
    let summary = Memo::new({
        let rat = rat.clone();
        move |_| {
            let rest = app.programs.with(|p| p.rest(&rat.id));
            app.sessions.with(|s| summarize(&rat, s, rest))
        }
    });

    let save_rest = {
        let id = id.clone();
        move |rest: RestDays, text: String| {
            if app.set_rest(&id, rest).is_ok() {
                app.show_toast(text, None);
                true
            } else {
                false
            }
        }
    };

    let toggle_today = {
        let save_rest = save_rest.clone();
        let name = rat.name.clone();
        move |_| {
            let today = platform::today();
            let mut rest = summary.with_untracked(|s| s.rest.clone());
            let text = if rest.remove_day(today) {
                t::TRAINING_DAY_AGAIN.to_string()
            } else {
                if rest.add_day(today, "").is_err() {
                    return;
                }
                t::rest_today(&name)
            };
            save_rest(rest, text);
        }
    };

    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<(FormField, String)>);
    let error_for = move |f: FormField| {
        error.with(|e| e.as_ref().filter(|(x, _)| *x == f).map(|(_, t)| t.clone()))
    };
    let invalid = move |f: FormField| error.with(|e| e.as_ref().is_some_and(|(x, _)| *x == f));
    let reason_count = move || reason.with(|r| r.trim().chars().count());

    let submit = {
        let save_rest = save_rest.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let fail = |f: FormField, text: String| {
                error.set(Some((f, text)));
                platform::focus(match f {
                    FormField::From => "rest-from",
                    FormField::To => "rest-to",
                    FormField::Reason => "rest-reason",
                });
            };
            let Ok(first) = LocalDate::parse(&from.get_untracked()) else {
                return fail(FormField::From, t::PICK_FIRST_DAY.into());
            };
            let last_text = to.get_untracked();
            let last = if last_text.trim().is_empty() {
                first
            } else {
                match LocalDate::parse(&last_text) {
                    Ok(d) => d,
                    Err(_) => return fail(FormField::To, t::PICK_LAST_DAY.into()),
                }
            };
            let mut rest = summary.with_untracked(|s| s.rest.clone());
            if let Err(e) = rest.add_range(first, last, &reason.get_untracked()) {
                let field = match e {
                    RestError::ReasonTooLong { .. } => FormField::Reason,
                    _ => FormField::To,
                };
                return fail(field, e.to_string());
            }
            error.set(None);
            let text = if first == last {
                t::marked_day(&short_day(first))
            } else {
                t::marked_days(&short_day(first), &short_day(last))
            };
            if save_rest(rest, text) {
                from.set(String::new());
                to.set(String::new());
                reason.set(String::new());
            }
        }
    };

    // One handler for every Remove button: each says which period it is for.
    let remove = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let day = |name| {
            button
                .get_attribute(name)
                .and_then(|d| LocalDate::parse(&d).ok())
        };
        let (Some(first), Some(last)) = (day("data-from"), day("data-to")) else {
            return;
        };
        let mut rest = summary.with_untracked(|s| s.rest.clone());
        if rest.remove(first, last) {
            save_rest(rest, t::REST_REMOVED.into());
        }
    };

    let periods = move || {
        summary.with(|s| {
            s.recent
                .iter()
                .map(|p| {
                    let span = if p.from == p.to {
                        short_day(p.from)
                    } else {
                        t::span(&short_day(p.from), &short_day(p.to))
                    };
                    let label = t::remove_rest(&span);
                    let reason = (!p.reason.is_empty()).then(|| p.reason.clone());
                    view! {
                        <li class="rest-period">
                            <span class="rest-span">
                                <strong>{span}</strong>
                                {reason.map(|r| view! { <span class="muted">{r}</span> })}
                            </span>
                            <button
                                type="button"
                                class="button button-small"
                                data-from=p.from.to_string()
                                data-to=p.to.to_string()
                                aria-label=label
                                disabled=app.read_only
                            >
                                {t::REMOVE}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };

    let resting_today = move || summary.with(|s| s.rest.is_rest(s.today));

    view! {
        <section class="card consistency" aria-labelledby="consistency-title">
            <h2 id="consistency-title">{t::TITLE}</h2>
            {move || summary.with(|s| {
                let st = s.streaks;
                view! {
                    <div class="streaks">
                        <p class="streak" data-testid="streak-current">
                            <span class="streak-number">{intl::number(i64::from(st.current))}</span>
                            <span class="streak-words">{t::in_a_row(st.current)}</span>
                        </p>
                        <p class="streak streak-best" data-testid="streak-best">
                            <span class="streak-words">{t::BEST}</span>
                            <span class="streak-number">{intl::number(i64::from(st.best))}</span>
                            <span class="streak-words">{t::day_word(st.best)}</span>
                        </p>
                    </div>
                    <p class="streak-message">{if archived { t::ARCHIVED } else { message(s) }}</p>
                }
            })}
            <p class="hint">{t::REST_PAUSES}</p>

            <h3 id="heat-title">{t::last_weeks(HEAT_MAP_MIN_WEEKS)}</h3>
            <div class="heat-head" aria-hidden="true">
                <span></span>
                {week_heads().into_iter().map(|d| view! { <span>{d}</span> }).collect_view()}
            </div>
            <div
                class="heat"
                role="img"
                data-testid="heat-map"
                aria-label=move || summary.with(|s| s.label.clone())
                inner_html=move || summary.with(|s| s.grid.clone())
            ></div>
            <ul class="heat-legend" aria-label=t::LEGEND_LABEL>
                <li><span class="heat-day miss" aria-hidden="true"></span>{t::LEGEND_NONE}</li>
                <li><span class="heat-day s1" aria-hidden="true"></span>{t::LEGEND_ONE}</li>
                <li><span class="heat-day s2" aria-hidden="true"></span>{t::LEGEND_MORE}</li>
                <li><span class="heat-day rest" aria-hidden="true"></span>{t::LEGEND_REST}</li>
                <li><span class="heat-day open today" aria-hidden="true"></span>{t::TODAY}</li>
                <li><span class="heat-day future" aria-hidden="true"></span>{t::LEGEND_FUTURE}</li>
            </ul>

            // An archived rat is not in training: no rest days to plan.
            <div class="rest-days" hidden=archived>
            <h3 id="rest-title">{t::REST_DAYS}</h3>
            <p class="hint">{t::REST_HINT}</p>
            <button
                type="button"
                class="button button-wide"
                data-testid="rest-today"
                on:click=toggle_today
                disabled=app.read_only
            >
                {move || if resting_today() { t::NOT_RESTING_TODAY } else { t::REST_TODAY }}
            </button>
            <details class="rest-form-box">
                <summary>{t::MARK_DAYS_OFF}</summary>
                <form class="form rest-form" novalidate on:submit=submit>
                    <div class="rest-dates">
                        <div class="field">
                            <label for="rest-from">{t::FIRST_DAY}</label>
                            <input
                                id="rest-from"
                                type="date"
                                aria-invalid=move || invalid(FormField::From).to_string()
                                aria-describedby="rest-from-error"
                                prop:value=move || from.get()
                                on:input=move |ev| from.set(event_target_value(&ev))
                            />
                        </div>
                        <div class="field">
                            <label for="rest-to">{t::LAST_DAY}</label>
                            <input
                                id="rest-to"
                                type="date"
                                aria-invalid=move || invalid(FormField::To).to_string()
                                aria-describedby="rest-to-hint rest-to-error"
                                prop:value=move || to.get()
                                on:input=move |ev| to.set(event_target_value(&ev))
                            />
                        </div>
                    </div>
                    <p class="hint" id="rest-to-hint">{t::LAST_DAY_HINT}</p>
                    <p class="field-error" id="rest-from-error">{move || error_for(FormField::From)}</p>
                    <p class="field-error" id="rest-to-error">{move || error_for(FormField::To)}</p>
                    <div class="field">
                        <label for="rest-reason">{t::REASON} <span class="optional">{t::OPTIONAL}</span></label>
                        <input
                            id="rest-reason"
                            type="text"
                            autocomplete="off"
                            placeholder=t::REASON_PLACEHOLDER
                            aria-invalid=move || invalid(FormField::Reason).to_string()
                            aria-describedby="rest-reason-count rest-reason-error"
                            prop:value=move || reason.get()
                            on:input=move |ev| reason.set(event_target_value(&ev))
                        />
                        <p
                            id="rest-reason-count"
                            class=move || { if reason_count() > REST_REASON_MAX { "hint counter over" } else { "hint counter" } }
                        >
                            {move || crate::text::common::characters_of(reason_count(), REST_REASON_MAX)}
                        </p>
                        <p class="field-error" id="rest-reason-error">{move || error_for(FormField::Reason)}</p>
                    </div>
                    <button type="submit" class="button button-primary button-wide" disabled=app.read_only>
                        {t::SAVE_REST_DAYS}
                    </button>
                </form>
            </details>
            <Show when=move || summary.with(|s| !s.recent.is_empty())>
                <h4 class="sub-label" id="rest-list-title">{t::RECENT_REST}</h4>
                <ul class="plain-list rest-list" aria-labelledby="rest-list-title" on:click=remove.clone()>
                    {periods}
                </ul>
            </Show>
            </div>
        </section>
    }
}

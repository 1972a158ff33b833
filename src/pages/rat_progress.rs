//! A rat's consistency: streaks, the calendar heat map and rest days.

use crate::domain::date::LocalDate;
use crate::domain::rat::Rat;
use crate::domain::streak::{
    heat_map, session_days, streaks, DayStatus, RestDays, RestError, RestPeriod, Streaks,
    HEAT_MAP_MIN_WEEKS, REST_REASON_MAX,
};
use crate::platform;
use crate::state::use_app;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Wed 4 Nov"
fn short_day(d: LocalDate) -> String {
    format!(
        "{} {} {}",
        WEEKDAYS[usize::from(d.weekday() % 7)],
        d.day(),
        MONTHS[usize::from(d.month().clamp(1, 12) - 1)]
    )
}

fn days(n: u32) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
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
            DayStatus::Session(1) => ("s1", "1 session".to_string()),
            DayStatus::Session(n) => ("s2", format!("{n} sessions")),
            DayStatus::Rest => ("rest", "rest day".into()),
            DayStatus::Missed => ("miss", "no session".into()),
            DayStatus::Open => ("open", "no session yet".into()),
            DayStatus::Future => ("future", "still to come".into()),
            DayStatus::BeforeStart => ("before", "before the first session".into()),
        };
        match status {
            DayStatus::Session(_) => trained += 1,
            DayStatus::Rest => rested += 1,
            DayStatus::Missed => missed += 1,
            _ => {}
        }
        if day.weekday() == 0 {
            grid.push_str(&format!(
                "<span class=\"heat-week\">{} {}</span>",
                day.day(),
                MONTHS[usize::from(day.month().clamp(1, 12) - 1)]
            ));
        }
        let now = if day == today { " today" } else { "" };
        let when = if day == today {
            "Today".to_string()
        } else {
            short_day(day)
        };
        grid.push_str(&format!(
            "<span class=\"heat-day {class}{now}\" data-day=\"{day}\" \
             data-status=\"{class}\" title=\"{when}: {text}\"></span>"
        ));
    }
    let label = format!(
        "Last {HEAT_MAP_MIN_WEEKS} weeks: {} with sessions, {} of rest, {} missed.",
        days(trained),
        days(rested),
        days(missed)
    );
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
        "Your first session starts a streak."
    } else if st.sessions_today > 0 {
        "Today's session is done. Lovely, steady work."
    } else if s.rest.is_rest(s.today) {
        "Today is a rest day. The streak waits for you."
    } else if st.current == 0 {
        "A new streak starts with your next session. Short and calm is plenty."
    } else {
        "Today's session keeps it going."
    }
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
                "Today is a training day again.".to_string()
            } else {
                if rest.add_day(today, "").is_err() {
                    return;
                }
                format!(
                    "Today is a rest day. {}'s streak is paused, not broken.",
                    name
                )
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
                return fail(FormField::From, "Pick the first rest day.".into());
            };
            let last_text = to.get_untracked();
            let last = if last_text.trim().is_empty() {
                first
            } else {
                match LocalDate::parse(&last_text) {
                    Ok(d) => d,
                    Err(_) => {
                        return fail(
                            FormField::To,
                            "Pick the last rest day, or leave it empty for one day.".into(),
                        )
                    }
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
                format!("{} is marked as rest.", short_day(first))
            } else {
                format!(
                    "{} to {} are marked as rest.",
                    short_day(first),
                    short_day(last)
                )
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
            save_rest(rest, "The rest days were removed.".into());
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
                        format!("{} – {}", short_day(p.from), short_day(p.to))
                    };
                    let label = format!("Remove rest {span}");
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
                                "Remove"
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
            <h2 id="consistency-title">"Consistency"</h2>
            {move || summary.with(|s| {
                let st = s.streaks;
                view! {
                    <div class="streaks">
                        <p class="streak" data-testid="streak-current">
                            <span class="streak-number">{st.current}</span>
                            <span class="streak-words">{if st.current == 1 { "day in a row" } else { "days in a row" }}</span>
                        </p>
                        <p class="streak streak-best" data-testid="streak-best">
                            <span class="streak-words">"Best"</span>
                            <span class="streak-number">{st.best}</span>
                            <span class="streak-words">{if st.best == 1 { "day" } else { "days" }}</span>
                        </p>
                    </div>
                    <p class="streak-message">{message(s)}</p>
                }
            })}
            <p class="hint">"Rest days pause a streak. They don't break it."</p>

            <h3 id="heat-title">{format!("The last {HEAT_MAP_MIN_WEEKS} weeks")}</h3>
            <div class="heat-head" aria-hidden="true">
                <span></span>
                {WEEKDAYS.iter().map(|d| view! { <span>{&d[..1]}</span> }).collect_view()}
            </div>
            <div
                class="heat"
                role="img"
                data-testid="heat-map"
                aria-label=move || summary.with(|s| s.label.clone())
                inner_html=move || summary.with(|s| s.grid.clone())
            ></div>
            <ul class="heat-legend" aria-label="What the squares mean">
                <li><span class="heat-day miss" aria-hidden="true"></span>"No session"</li>
                <li><span class="heat-day s1" aria-hidden="true"></span>"1 session"</li>
                <li><span class="heat-day s2" aria-hidden="true"></span>"2 or more"</li>
                <li><span class="heat-day rest" aria-hidden="true"></span>"Rest day"</li>
                <li><span class="heat-day open today" aria-hidden="true"></span>"Today"</li>
                <li><span class="heat-day future" aria-hidden="true"></span>"Not counted yet"</li>
            </ul>

            <h3 id="rest-title">"Rest days"</h3>
            <p class="hint">"Poorly rat, or you're away? Mark the days off. A rested rat learns better."</p>
            <button
                type="button"
                class="button button-wide"
                data-testid="rest-today"
                on:click=toggle_today
                disabled=app.read_only
            >
                {move || if resting_today() { "Not resting today" } else { "Rest today" }}
            </button>
            <details class="rest-form-box">
                <summary>"Mark days off"</summary>
                <form class="form rest-form" novalidate on:submit=submit>
                    <div class="rest-dates">
                        <div class="field">
                            <label for="rest-from">"First day"</label>
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
                            <label for="rest-to">"Last day"</label>
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
                    <p class="hint" id="rest-to-hint">"The last day is optional: leave it empty for a single day."</p>
                    <p class="field-error" id="rest-from-error">{move || error_for(FormField::From)}</p>
                    <p class="field-error" id="rest-to-error">{move || error_for(FormField::To)}</p>
                    <div class="field">
                        <label for="rest-reason">"Reason " <span class="optional">"(optional)"</span></label>
                        <input
                            id="rest-reason"
                            type="text"
                            autocomplete="off"
                            placeholder="At the vet, away for the weekend…"
                            aria-invalid=move || invalid(FormField::Reason).to_string()
                            aria-describedby="rest-reason-count rest-reason-error"
                            prop:value=move || reason.get()
                            on:input=move |ev| reason.set(event_target_value(&ev))
                        />
                        <p
                            id="rest-reason-count"
                            class=move || { if reason_count() > REST_REASON_MAX { "hint counter over" } else { "hint counter" } }
                        >
                            {move || format!("{} of {REST_REASON_MAX} characters", reason_count())}
                        </p>
                        <p class="field-error" id="rest-reason-error">{move || error_for(FormField::Reason)}</p>
                    </div>
                    <button type="submit" class="button button-primary button-wide" disabled=app.read_only>
                        "Save rest days"
                    </button>
                </form>
            </details>
            <Show when=move || summary.with(|s| !s.recent.is_empty())>
                <h4 class="sub-label" id="rest-list-title">"Recent and planned rest"</h4>
                <ul class="plain-list rest-list" aria-labelledby="rest-list-title" on:click=remove.clone()>
                    {periods}
                </ul>
            </Show>
        </section>
    }
}

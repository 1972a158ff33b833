//! Today, the home screen: which rats still need a session, and one tap to start it.

use crate::components::icons::RatMark;
use crate::domain::technique::technique;
use crate::domain::today::{passed_practice_time, Due, PlanCard, PlanRat};
use crate::platform;
use crate::router;
use crate::routes;
use crate::state::use_app;
use crate::text::common::names;
use crate::text::today as t;
use leptos::prelude::*;

#[component]
pub fn TodayPage() -> impl IntoView {
    let app = use_app();
    let cards = Memo::new(move |_| app.plan(app.today()));
    // "Due since 18:30" once a practice time has passed and rats still wait.
    let due_since = Memo::new(move |_| {
        app.programs
            .with(|p| passed_practice_time(&p.practice_times, app.minute.get()))
            .map(|t| crate::intl::time(t.hour, t.minute))
    });

    move || {
        let cards = cards.get();
        if cards.is_empty() {
            let has_archived = app.rats.with(|r| !r.is_empty());
            if !has_archived && app.rats_unreadable() {
                return view! { <crate::components::banners::RatsUnreadable/> }.into_any();
            }
            return view! { <FirstRun has_archived/> }.into_any();
        }
        let due_names: Vec<String> = cards
            .iter()
            .flat_map(|c| c.rats.iter())
            .filter(|r| r.due == Due::Now)
            .map(|r| r.name.clone())
            .collect();
        let trainable_any = cards.iter().any(|c| !c.trainable().is_empty());
        let summary = if !due_names.is_empty() {
            let who: Vec<&str> = due_names.iter().map(String::as_str).collect();
            t::still_due(&who, due_since.get().as_deref())
        } else if trainable_any {
            t::ALL_DONE.to_string()
        } else {
            t::NOTHING_DUE.to_string()
        };
        let all_done = due_names.is_empty() && trainable_any;
        let lead = cards
            .iter()
            .position(|c| c.due == Due::Now && !c.trainable().is_empty());
        let lead_card = lead.and_then(|i| cards.get(i).cloned());
        view! {
            <article class="page today" aria-labelledby="today-title">
                <header class="page-header">
                    <h1 id="today-title">{t::TITLE}</h1>
                    <p class="muted">{crate::intl::date(app.today(), crate::intl::DateStyle::WeekdayDayMonth)}</p>
                    <p class="muted">{t::GOAL}</p>
                </header>
                <p class=if all_done { "today-summary card all-done" } else { "today-summary" } role="status">
                    {summary}
                </p>
                <ul class="plan" role="list">
                    {cards
                        .into_iter()
                        .enumerate()
                        .map(|(i, card)| view! { <PlanCardView card button_below=Some(i) == lead/> })
                        .collect_view()}
                </ul>
                <BackupNudgeCard/>
                <crate::components::install::InstallCard/>
                {lead_card.map(|card| view! { <div class="action-bar"><StartButton card/></div> })}
            </article>
        }
        .into_any()
    }
}

#[component]
fn FirstRun(has_archived: bool) -> impl IntoView {
    // The intro cards are offered, never in the way: "Add your first rat" is right there too.
    let intro = RwSignal::new(false);
    let close = Callback::new(move |()| {
        intro.set(false);
        platform::focus_soon("intro-open");
    });
    let start = move || {
        view! {
            <ol class="first-steps">
                <li>{t::FIRST_STEP_ADD}</li>
                <li>{t::FIRST_STEP_PICK}</li>
                <li>{t::FIRST_STEP_START}</li>
            </ol>
            <div class="first-actions">
                <a href=router::href(if has_archived { routes::RATS } else { routes::NEW_RAT }) class="button button-primary button-wide">
                    {if has_archived { t::SEE_YOUR_RATS } else { t::ADD_FIRST_RAT }}
                </a>
                {(!has_archived).then(|| view! {
                    <button id="intro-open" class="button button-quiet button-wide" on:click=move |_| intro.set(true)>
                        {crate::text::intro::OPEN}
                    </button>
                })}
            </div>
        }
    };
    view! {
        <section class="page empty-state" aria-labelledby="first-title">
            <RatMark size=120/>
            <h1 id="first-title">{if has_archived { t::NO_ACTIVE_RATS } else { t::WELCOME }}</h1>
            <p class="tagline">{t::FIRST_RUN_INTRO}</p>
            {move || if intro.get() {
                view! { <crate::components::intro::IntroCards on_close=close/> }.into_any()
            } else {
                start().into_any()
            }}
        </section>
    }
}

#[component]
fn PlanCardView(card: PlanCard, #[prop(optional)] button_below: bool) -> impl IntoView {
    let who_all: Vec<&str> = card.rats.iter().map(|r| r.name.as_str()).collect();
    let title = names(&who_all);
    let heading_id = format!(
        "plan-{}",
        card.key()
            .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );
    let due_attr = match card.due {
        Due::Now => "now",
        Due::NoTechnique => "no-technique",
        Due::Better => "better",
        Due::RestAfterHard => "rest-after-hard",
        Due::Done => "done",
        Due::Resting => "resting",
        Due::Paused => "paused",
    };
    // The first due card's button sits in the bar at the bottom, within thumb reach.
    let button = (!button_below).then(|| view! { <StartButton card=card.clone()/> });
    let labelled_by = heading_id.clone();
    // One rat (alone, or the only one left in its cage group): the heading is its name and
    // links to it, so the line below doesn't repeat it.
    let single = card.rats.len() == 1;
    let title = match (single, card.rats.first()) {
        (true, Some(rat)) => {
            view! { <a href=router::href(&routes::rat(&rat.id))>{title}</a> }.into_any()
        }
        _ => title.into_any(),
    };
    view! {
        <li class="card plan-card" data-due=due_attr aria-labelledby=labelled_by>
            <h2 id=heading_id class="plan-title">{title}</h2>
            {card.group.clone().map(|g| view! { <p class="muted plan-group">{g}</p> })}
            <ul class="plan-rats" role="list">
                {card.rats.into_iter().map(|rat| view! { <PlanRatLine rat show_name=!single/> }).collect_view()}
            </ul>
            {button}
        </li>
    }
}

/// "Start a session with Pip": starts the timer for the card's rats, or goes back to the
/// session already running.
#[component]
fn StartButton(card: PlanCard) -> impl IntoView {
    let app = use_app();
    let trainable = card.trainable();
    (!trainable.is_empty()).then(|| {
        let who: Vec<&str> = card
            .rats
            .iter()
            .filter(|r| trainable.contains(&r.id))
            .map(|r| r.name.as_str())
            .collect();
        let label = match card.due {
            Due::Now => t::start_with(&who),
            Due::Better => t::start_second_with(&who),
            _ => t::start_another_with(&who),
        };
        let class = if card.due == Due::Now {
            "button button-primary button-wide"
        } else {
            "button button-wide"
        };
        let start = move |_| {
            // A running session is finished first; otherwise this one starts.
            let running = app.timer.with_untracked(Option::is_some);
            if running || app.start_timer(trainable.clone()).is_ok() {
                router::navigate(routes::SESSION);
            }
        };
        let running = move || app.timer.with(Option::is_some);
        view! {
            <button class=class on:click=start>
                {move || if running() { crate::text::common::BACK_TO_RUNNING_SESSION.to_string() } else { label.clone() }}
            </button>
        }
    })
}

#[component]
fn PlanRatLine(rat: PlanRat, show_name: bool) -> impl IntoView {
    let doing = match (rat.technique, rat.step) {
        (Some(id), _) if rat.mastered => t::mastered(technique(id).name),
        (Some(id), Some((number, count, title))) => {
            t::doing_step(technique(id).name, number, count, title)
        }
        (Some(id), None) => technique(id).name.to_string(),
        (None, _) => t::NO_TECHNIQUE_YET.to_string(),
    };
    let status = match rat.due {
        Due::Now => t::NO_SESSION_YET_TODAY.to_string(),
        Due::Better => t::ONE_SESSION_TODAY.to_string(),
        Due::RestAfterHard => t::REST_AFTER_HARD.to_string(),
        Due::Done => t::sessions_today_done(rat.done_today),
        Due::Resting => t::RESTING_TODAY.to_string(),
        Due::Paused => t::QUIET_DAYS.to_string(),
        // The plan was there but couldn't be read: a backup brings it back.
        Due::NoTechnique if use_app().plans_unreadable() => t::PLAN_UNREADABLE.to_string(),
        Due::NoTechnique => String::new(),
    };
    let streak = (rat.streak > 0).then(|| t::streak(rat.streak));
    let choose = (rat.due == Due::NoTechnique).then(|| {
        view! {
            <a href=router::href(&routes::choose(&rat.id)) class="button button-small">
                {t::find_technique_for(&rat.name)}
            </a>
        }
    });
    view! {
        <li class="plan-rat" data-due=if rat.due == Due::Now { "now" } else { "" }>
            {show_name.then(|| view! { <a href=router::href(&routes::rat(&rat.id)) class="plan-rat-name">{rat.name.clone()}</a> })}
            <span class="plan-doing">{doing}</span>
            {(!status.is_empty()).then(|| view! { <span class="plan-status">{status}</span> })}
            {streak.map(|s| view! { <span class="plan-streak">{s}</span> })}
            {choose}
        </li>
    }
}

/// "Your last backup was 16 days ago": shown after two weeks without one, until "Not now".
#[component]
fn BackupNudgeCard() -> impl IntoView {
    let app = use_app();
    let nudge = Memo::new(move |_| {
        app.programs.with(|p| {
            app.sessions.with(|sessions| {
                crate::domain::safety::backup_nudge(
                    app.today(),
                    p.last_backup,
                    p.backup_snoozed,
                    sessions,
                )
            })
        })
    });
    let download = move |_| match app.download_backup() {
        Ok(()) => app.show_toast(t::BACKUP_DOWNLOADING.into(), None),
        Err(e) => app.show_toast(t::backup_failed(&e.to_string()), None),
    };
    move || {
        nudge.get().map(|nudge| {
            let sessions = app.sessions.with(Vec::len);
            view! {
                <section class="card backup-nudge" aria-labelledby="nudge-title" data-testid="backup-nudge">
                    <h2 id="nudge-title">{t::NUDGE_TITLE}</h2>
                    <p>{t::nudge_text(&nudge.sentence(), sessions)}</p>
                    <div class="button-row">
                        <button class="button button-primary" on:click=download>{t::DOWNLOAD_BACKUP}</button>
                        <button class="button" on:click=move |_| app.snooze_backup(platform::today())>{t::NOT_NOW}</button>
                    </div>
                </section>
            }
        })
    }
}

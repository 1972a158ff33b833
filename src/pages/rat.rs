//! One rat's page: its profile and what you can do with it.

use crate::domain::rat::{describe_span, DateKind, Rat, RatId, Sex, Temperament};
use crate::platform;
use crate::routes;
use crate::state::use_app;
use crate::text::rat as t;
use leptos::prelude::*;

pub fn sex_label(sex: Sex) -> &'static str {
    match sex {
        Sex::Female => t::FEMALE,
        Sex::Male => t::MALE,
        Sex::Unknown => t::SEX_UNKNOWN,
    }
}

pub fn temperament_label(t: Temperament) -> &'static str {
    match t {
        Temperament::Confident => t::CONFIDENT,
        Temperament::Curious => t::CURIOUS,
        Temperament::Shy => t::SHY,
        Temperament::Nervous => t::NERVOUS,
    }
}

pub fn temperament_hint(t: Temperament) -> &'static str {
    match t {
        Temperament::Confident => t::CONFIDENT_HINT,
        Temperament::Curious => t::CURIOUS_HINT,
        Temperament::Shy => t::SHY_HINT,
        Temperament::Nervous => t::NERVOUS_HINT,
    }
}

/// The id from the address, e.g. `/rats/:id`.
pub fn rat_id_param() -> Memo<RatId> {
    let id = crate::router::param("id");
    Memo::new(move |_| RatId(id.get()))
}

/// Renders `page` for the rat in the address, or a friendly "not found".
/// It re-renders when the address changes, not on each save (that would reset a form).
pub fn for_rat_in_address(page: impl Fn(Rat) -> AnyView + Send + Sync + 'static) -> impl IntoView {
    let app = use_app();
    let id = rat_id_param();
    move || {
        let id = id.get();
        match untrack(|| app.rat(&id)) {
            Some(rat) => page(rat),
            None => view! { <MissingRat/> }.into_any(),
        }
    }
}

#[component]
pub fn RatPage() -> impl IntoView {
    let app = use_app();
    let id = rat_id_param();
    let rat = Memo::new(move |_| app.rats.with(|_| app.rat(&id.get())));
    move || match rat.get() {
        Some(rat) => view! { <RatProfile rat/> }.into_any(),
        None => view! { <MissingRat/> }.into_any(),
    }
}

#[component]
pub fn MissingRat() -> impl IntoView {
    use crate::text::banners as b;
    // When the rats couldn't be read, this one isn't gone: say so and offer the restore.
    // (The same view with other words: a second view would cost the wasm more.)
    let (title, text, href, action) = if use_app().rats_unreadable() {
        let restore = crate::components::banners::RESTORE;
        (
            b::RATS_UNREADABLE_TITLE,
            b::RATS_UNREADABLE_TEXT,
            restore,
            b::RESTORE_BACKUP,
        )
    } else {
        (
            t::MISSING_TITLE,
            t::MISSING_TEXT,
            routes::RATS,
            t::BACK_TO_YOUR_RATS,
        )
    };
    view! {
        <section class="page empty-state" aria-labelledby="missing-title">
            <h1 id="missing-title">{title}</h1>
            <p>{text}</p>
            <a href=crate::router::href(href) class="button button-primary button-wide">{action}</a>
        </section>
    }
}

#[component]
fn RatProfile(rat: Rat) -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let id = rat.id.clone();
    let name = rat.name.clone();

    let date_row = rat.known_date.map(|known| {
        let label = match known.kind {
            DateKind::Birthday => t::BIRTHDAY,
            DateKind::Adopted => t::ADOPTED,
        };
        let span = describe_span(known.date, platform::today());
        let extra = match known.kind {
            DateKind::Birthday if !span.is_empty() => t::age(&span),
            DateKind::Adopted if !span.is_empty() => t::since(&span),
            _ => String::new(),
        };
        view! {
            <div class="fact">
                <dt>{label}</dt>
                <dd>{format!("{}{extra}", crate::intl::date(known.date, crate::intl::DateStyle::DayMonthYear))}</dd>
            </div>
        }
    });
    let mates: Vec<String> = rat
        .cage_group
        .as_ref()
        .map(|group| {
            app.rats.with_untracked(|rats| {
                rats.iter()
                    .filter(|r| r.id != rat.id && r.cage_group.as_ref() == Some(group))
                    .map(|r| r.name.clone())
                    .collect()
            })
        })
        .unwrap_or_default();
    let group_row = rat.cage_group.clone().map(|group| {
        let mates: Vec<&str> = mates.iter().map(String::as_str).collect();
        let mates_text = t::with_mates(&mates);
        view! {
            <div class="fact">
                <dt>{t::CAGE_GROUP}</dt>
                <dd>{format!("{group}{mates_text}")}</dd>
            </div>
        }
    });
    let notes = (!rat.notes.is_empty()).then(|| rat.notes.clone());

    let archive = {
        let id = id.clone();
        let name = name.clone();
        let archived = rat.archived;
        move |_| {
            if app.set_archived(&id, !archived).is_ok() {
                let text = if archived {
                    t::unarchived(&name)
                } else {
                    t::archived(&name)
                };
                let undo = crate::state::Undo::SetArchived {
                    rat: id.clone(),
                    archived,
                };
                app.show_toast(text, Some(undo));
            }
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            if app.delete_rat(&id).is_ok() {
                crate::router::navigate(routes::RATS);
            }
        }
    };

    view! {
        <article class="page" aria-labelledby="rat-name">
            <header class="page-header">
                <a href=crate::router::href(routes::RATS) class="back-link">{t::YOUR_RATS_LINK}</a>
                <h1 id="rat-name">{rat.name.clone()}</h1>
                {rat.archived.then(|| view! { <p class="tag">{t::ARCHIVED_TAG}</p> })}
            </header>
            <dl class="facts card">
                <div class="fact">
                    <dt>{t::TEMPERAMENT}</dt>
                    <dd>{temperament_label(rat.temperament)}</dd>
                </div>
                <div class="fact">
                    <dt>{t::SEX}</dt>
                    <dd>{sex_label(rat.sex)}</dd>
                </div>
                {date_row}
                {group_row}
            </dl>
            <crate::pages::rat_training::Training rat=rat.clone()/>
            <crate::pages::rat_progress::Consistency rat=rat.clone()/>
            <crate::pages::rat_trust::TrustAndMilestones rat=rat.clone()/>
            // The full log last: it grows every day, the summaries above it don't.
            <crate::pages::rat_training::History rat=rat.clone()/>
            {notes.map(|n| view! {
                <section class="card" aria-labelledby="notes-title">
                    <h2 id="notes-title">{t::NOTES}</h2>
                    <p class="notes">{n}</p>
                </section>
            })}
            <div class="button-row">
                <a href=crate::router::href(&routes::edit_rat(&rat.id)) class="button">{t::EDIT_PROFILE}</a>
                <button class="button" on:click=archive>
                    {if rat.archived { t::UNARCHIVE } else { t::ARCHIVE }}
                </button>
                <button class="button button-danger-quiet" on:click=move |_| { confirming.set(true); platform::focus_soon("confirm-delete-rat"); }>
                    {t::DELETE}
                </button>
            </div>
            <Show when=move || confirming.get()>
                <section class="card confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
                    <h2 id="confirm-title">{t::delete_title(&name)}</h2>
                    <p id="confirm-text">
                        {t::DELETE_TEXT}
                    </p>
                    <div class="button-row">
                        <button id="confirm-delete-rat" class="button button-danger" on:click=delete.clone()>{t::delete_button(&name)}</button>
                        <button class="button" on:click=move |_| confirming.set(false)>{crate::text::common::KEEP}</button>
                    </div>
                </section>
            </Show>
        </article>
    }
}

//! The guide: body language, treats, handling, session tips and the techniques, offline.
//!
//! Every entry is rendered once, in guide order, as plain markup. One effect follows the
//! search and the topic chips and toggles `hidden` (and the chips' `aria-pressed`) on that
//! markup, so typing never rebuilds the list and the page adds little to the wasm: a
//! reactive attribute on each of the ~40 entries cost several KB more. `/guide/<id>` opens
//! that entry, scrolls to it and focuses its summary.

use crate::domain::guide::{self, Entry, Mood, Topic, ENTRIES};
use crate::domain::technique::technique;
use crate::router;
use crate::routes;
use crate::text::guide as words;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

const SEARCH_ID: &str = "guide-search";
const CLEAR_ID: &str = "guide-clear";
const MISSING_ID: &str = "guide-missing";
const ALL_CHIP_ID: &str = "guide-chip-all";

#[component]
pub fn GuidePage() -> impl IntoView {
    let wanted = router::param("entry");
    let query = RwSignal::new(String::new());
    let topic = RwSignal::new(None::<Topic>);
    // How many entries the filters let through (for the status line).
    let found = RwSignal::new(ENTRIES.len());

    Effect::new(move |_| {
        let t = topic.get();
        let shown = query.with(|q| guide::search(q));
        let mut count = 0;
        for e in ENTRIES {
            let show = t.is_none_or(|t| e.topic == t) && shown.iter().any(|s| std::ptr::eq(*s, e));
            count += usize::from(show);
            set_hidden(e.id, !show);
        }
        for each in Topic::ALL {
            let any = shown.iter().any(|e| e.topic == each) && t.is_none_or(|t| t == each);
            set_hidden(&topic_id(each), !any);
            set_pressed(&chip_id(Some(each)), t == Some(each));
        }
        set_pressed(ALL_CHIP_ID, t.is_none());
        set_hidden(CLEAR_ID, count > 0);
        found.set(count);
    });

    // A deep link opens its entry, even when a filter was hiding it.
    Effect::new(move |_| {
        let id = wanted.get();
        let known = guide::entry(&id).is_some();
        set_hidden(MISSING_ID, id.is_empty() || known);
        if known {
            if element(&id).is_some_and(|el| el.has_attribute("hidden")) {
                clear_filters(query, topic);
            }
            set_timeout(move || open_entry(&id), Duration::from_millis(0));
        }
    });

    let status = move || {
        let n = found.get();
        let q = query.with(|q| q.trim().to_string());
        let t = topic.get();
        if n == 0 {
            words::no_match(&q, t.map(Topic::title))
        } else if t.is_some() || !q.is_empty() {
            words::showing(n, ENTRIES.len())
        } else {
            String::new()
        }
    };

    let chip = move |label: &'static str, value: Option<Topic>| {
        view! {
            <button
                type="button"
                class="guide-chip"
                id=chip_id(value)
                aria-pressed=if value.is_none() { "true" } else { "false" }
                on:click=move |_| topic.set(value)
            >
                {label}
            </button>
        }
    };

    view! {
        <article class="page guide" aria-labelledby="guide-title">
            <header class="page-header">
                <h1 id="guide-title">{words::TITLE}</h1>
                <p class="muted">{words::INTRO}</p>
            </header>
            <p id=MISSING_ID class="guide-missing" role="note" hidden>
                {words::MISSING}
            </p>
            <div class="guide-tools">
                <label for=SEARCH_ID class="guide-search-label">{words::SEARCH_LABEL}</label>
                <input
                    type="search"
                    id=SEARCH_ID
                    class="guide-search"
                    autocomplete="off"
                    placeholder=words::SEARCH_PLACEHOLDER
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
                <div class="guide-chips" role="group" aria-label=words::TOPICS_LABEL>
                    {chip(words::ALL, None)}
                    {Topic::ALL.into_iter().map(|t| chip(t.title(), Some(t))).collect_view()}
                </div>
            </div>
            <div class="guide-status">
                <p role="status">{status}</p>
                <button
                    type="button"
                    id=CLEAR_ID
                    class="button button-small"
                    hidden
                    on:click=move |_| {
                        clear_filters(query, topic);
                        crate::platform::focus(SEARCH_ID);
                    }
                >
                    {words::CLEAR}
                </button>
            </div>
            {Topic::ALL
                .into_iter()
                .map(|t| {
                    let heading = format!("{}-title", topic_id(t));
                    let labelled_by = heading.clone();
                    view! {
                        <section class="guide-topic" id=topic_id(t) aria-labelledby=labelled_by>
                            <h2 id=heading>{t.title()}</h2>
                            {guide::in_topic(t).map(entry_card).collect_view()}
                        </section>
                    }
                })
                .collect_view()}
        </article>
    }
}

/// One entry as a folded card: the title and one line, then its paragraphs.
fn entry_card(e: &'static Entry) -> impl IntoView {
    let mood = e.mood.map(|m| {
        let class = match m {
            Mood::Comfort => "tag mood mood-comfort",
            Mood::Stress => "tag mood mood-stress",
        };
        view! { <span class=class>{m.label()}</span> }
    });
    let steps = e.technique.map(|id| {
        let t = technique(id);
        let href = router::href(&routes::technique(id));
        view! {
            <h3 class="guide-steps-title">{words::steps_title(t.steps.len())}</h3>
            <ol class="guide-steps">
                {t.steps
                    .iter()
                    .map(|s| view! { <li><a href=href.clone()>{s.title}</a></li> })
                    .collect_view()}
            </ol>
            <a href=href.clone() class="button button-small">{words::open_technique(t.name)}</a>
        }
    });
    view! {
        <details class="card guide-entry" id=e.id>
            <summary>
                <span class="guide-entry-head">
                    <span class="guide-entry-title">{e.title}</span>
                    {mood}
                    <span class="guide-entry-summary">{e.summary}</span>
                </span>
            </summary>
            <div class="guide-entry-body">
                {e.body.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
                {steps}
            </div>
        </details>
    }
}

fn topic_id(t: Topic) -> String {
    format!("topic-{}", t.key())
}

fn chip_id(t: Option<Topic>) -> String {
    match t {
        Some(t) => format!("guide-chip-{}", t.key()),
        None => ALL_CHIP_ID.to_string(),
    }
}

/// Empties the search field and shows every topic.
fn clear_filters(query: RwSignal<String>, topic: RwSignal<Option<Topic>>) {
    if let Some(input) =
        element(SEARCH_ID).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value("");
    }
    query.set(String::new());
    topic.set(None);
}

fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
}

fn set_hidden(id: &str, hidden: bool) {
    if let Some(el) = element(id) {
        let _ = el.toggle_attribute_with_force("hidden", hidden);
    }
}

fn set_pressed(id: &str, pressed: bool) {
    if let Some(el) = element(id) {
        let _ = el.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
    }
}

/// Opens the entry with this id, scrolls to it and puts keyboard focus on its summary.
fn open_entry(id: &str) {
    let Some(details) = element(id) else {
        return;
    };
    let _ = details.set_attribute("open", "");
    if let Some(summary) = details
        .query_selector("summary")
        .ok()
        .flatten()
        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
    {
        summary.scroll_into_view();
        let _ = summary.focus();
    }
}

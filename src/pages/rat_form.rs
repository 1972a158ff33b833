//! Adding a rat and editing a profile share one form.

use crate::domain::rat::{
    cage_groups, namesakes, DateKind, Field, RatDraft, RatError, RatId, Sex, Temperament, NOTES_MAX,
};
use crate::pages::rat::{for_rat_in_address, sex_label, temperament_hint, temperament_label};
use crate::platform;
use crate::routes;
use crate::state::use_app;
use crate::text::rat_form as t;
use leptos::prelude::*;

#[component]
pub fn NewRatPage() -> impl IntoView {
    view! { <RatForm editing=None initial=RatDraft::default()/> }
}

#[component]
pub fn EditRatPage() -> impl IntoView {
    for_rat_in_address(|rat| {
        view! { <RatForm editing=Some(rat.id.clone()) initial=RatDraft::from_rat(&rat)/> }
            .into_any()
    })
}

fn field_id(field: Field) -> &'static str {
    match field {
        Field::Name => "rat-name",
        Field::Temperament => "temperament-confident",
        Field::Date => "rat-date",
        Field::CageGroup => "rat-group",
        Field::Notes => "rat-notes",
    }
}

#[component]
fn RatForm(editing: Option<RatId>, initial: RatDraft) -> impl IntoView {
    let app = use_app();
    let draft = RwSignal::new(initial);
    let errors = RwSignal::new(Vec::<RatError>::new());
    let today = platform::today();
    let is_new = editing.is_none();
    let cancel_href = editing
        .as_ref()
        .map(routes::rat)
        .unwrap_or_else(|| routes::RATS.to_string());
    let editing_for_twins = editing.clone();

    let error_for = move |field: Field| {
        errors.with(|es| {
            es.iter()
                .find(|e| e.field() == field)
                .map(ToString::to_string)
        })
    };
    let twin_warning = move || {
        let name = draft.with(|d| d.name.clone());
        let twins = app
            .rats
            .with(|rats| namesakes(rats, &name, editing_for_twins.as_ref()).len());
        (twins > 0).then(|| t::namesake(&crate::domain::rat::clean_line(&name)))
    };
    let groups = move || app.rats.with(|rats| cage_groups(rats));
    let notes_count = move || draft.with(|d| d.notes.trim().chars().count());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let valid = match draft.with(|d| d.validate(platform::today())) {
            Ok(valid) => valid,
            Err(found) => {
                let first = found[0].field();
                errors.set(found);
                platform::focus(field_id(first));
                return;
            }
        };
        errors.set(Vec::new());
        let saved = match &editing {
            Some(id) => app.update_rat(id, valid).map(|_| id.clone()),
            None => app.add_rat(valid),
        };
        if let Ok(id) = saved {
            crate::router::navigate(&routes::rat(&id));
        }
    };

    let described = |field: Field, extra: &str| {
        let id = field_id(field);
        format!("{id}-error {extra}").trim().to_string()
    };

    view! {
        <div class="page">
            <header class="page-header">
                <a href=crate::router::href(&cancel_href) class="back-link">{t::BACK}</a>
                <h1>{if is_new { t::ADD_TITLE } else { t::EDIT_TITLE }}</h1>
            </header>
            <form class="form" novalidate on:submit=submit>
                <div class="field">
                    <label for="rat-name">{t::NAME}</label>
                    <input
                        id="rat-name"
                        name="name"
                        type="text"
                        autocomplete="off"
                        autocapitalize="words"
                        enterkeyhint="next"
                        aria-required="true"
                        aria-invalid=move || error_for(Field::Name).is_some().to_string()
                        aria-describedby=described(Field::Name, "rat-name-warning")
                        prop:value=move || draft.with(|d| d.name.clone())
                        on:input=move |ev| draft.update(|d| d.name = event_target_value(&ev))
                    />
                    <p class="field-error" id="rat-name-error">{move || error_for(Field::Name)}</p>
                    <p class="field-warning" id="rat-name-warning">{twin_warning}</p>
                </div>

                <fieldset class="field">
                    <legend>{t::SEX}</legend>
                    <div class="choices choices-row">
                        {Sex::ALL
                            .into_iter()
                            .map(|sex| {
                                let id = format!("sex-{}", sex.key());
                                view! {
                                    <label class="choice">
                                        <input
                                            type="radio"
                                            name="sex"
                                            id=id
                                            value=sex.key()
                                            prop:checked=move || draft.with(|d| d.sex == sex)
                                            on:change=move |_| draft.update(|d| d.sex = sex)
                                        />
                                        <span>{match sex { Sex::Unknown => t::SEX_NOT_SURE, s => sex_label(s) }}</span>
                                    </label>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>

                <fieldset class="field" aria-describedby="temperament-hint temperament-error">
                    <legend>{t::TEMPERAMENT}</legend>
                    <p class="hint" id="temperament-hint">{t::TEMPERAMENT_HINT}</p>
                    <p class="field-error" id="temperament-error">{move || error_for(Field::Temperament)}</p>
                    <div class="choices">
                        {Temperament::ALL
                            .into_iter()
                            .map(|t| {
                                let id = format!("temperament-{}", t.key());
                                view! {
                                    <label class="choice choice-block">
                                        <input
                                            type="radio"
                                            name="temperament"
                                            id=id
                                            value=t.key()
                                            prop:checked=move || draft.with(|d| d.temperament == Some(t))
                                            on:change=move |_| {
                                                draft.update(|d| d.temperament = Some(t));
                                                errors.update(|es| es.retain(|e| e.field() != Field::Temperament));
                                            }
                                        />
                                        <span>
                                            <strong>{temperament_label(t)}</strong>
                                            <small>{temperament_hint(t)}</small>
                                        </span>
                                    </label>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>

                <fieldset class="field">
                    <legend>{t::DATE_LEGEND} <span class="optional">{t::OPTIONAL}</span></legend>
                    <div class="choices choices-row">
                        {[(DateKind::Birthday, t::BIRTHDAY), (DateKind::Adopted, t::ADOPTION_DAY)]
                            .into_iter()
                            .map(|(kind, label)| {
                                let id = format!("date-kind-{}", kind.key());
                                view! {
                                    <label class="choice">
                                        <input
                                            type="radio"
                                            name="date-kind"
                                            id=id
                                            value=kind.key()
                                            prop:checked=move || draft.with(|d| d.date_kind == kind)
                                            on:change=move |_| draft.update(|d| d.date_kind = kind)
                                        />
                                        <span>{label}</span>
                                    </label>
                                }
                            })
                            .collect_view()}
                    </div>
                    <label for="rat-date" class="sub-label">{t::DATE}</label>
                    <input
                        id="rat-date"
                        name="date"
                        type="date"
                        max=today.to_string()
                        aria-invalid=move || error_for(Field::Date).is_some().to_string()
                        aria-describedby=described(Field::Date, "")
                        prop:value=move || draft.with(|d| d.date.clone())
                        on:input=move |ev| draft.update(|d| d.date = event_target_value(&ev))
                    />
                    <p class="field-error" id="rat-date-error">{move || error_for(Field::Date)}</p>
                </fieldset>

                <div class="field">
                    <label for="rat-group">{t::CAGE_GROUP} <span class="optional">{t::OPTIONAL}</span></label>
                    <p class="hint" id="rat-group-hint">{t::CAGE_GROUP_HINT}</p>
                    <input
                        id="rat-group"
                        name="cage_group"
                        type="text"
                        list="cage-groups"
                        autocomplete="off"
                        aria-invalid=move || error_for(Field::CageGroup).is_some().to_string()
                        aria-describedby=described(Field::CageGroup, "rat-group-hint")
                        prop:value=move || draft.with(|d| d.cage_group.clone())
                        on:input=move |ev| draft.update(|d| d.cage_group = event_target_value(&ev))
                    />
                    <datalist id="cage-groups">
                        {move || groups().into_iter().map(|g| view! { <option value=g/> }).collect_view()}
                    </datalist>
                    <p class="field-error" id="rat-group-error">{move || error_for(Field::CageGroup)}</p>
                </div>

                <div class="field">
                    <label for="rat-notes">{t::NOTES} <span class="optional">{t::OPTIONAL}</span></label>
                    <textarea
                        id="rat-notes"
                        name="notes"
                        rows="4"
                        aria-invalid=move || error_for(Field::Notes).is_some().to_string()
                        aria-describedby=described(Field::Notes, "rat-notes-count")
                        prop:value=move || draft.with(|d| d.notes.clone())
                        on:input=move |ev| draft.update(|d| d.notes = event_target_value(&ev))
                    ></textarea>
                    <p
                        id="rat-notes-count"
                        class=move || { if notes_count() > NOTES_MAX { "hint counter over" } else { "hint counter" } }
                    >
                        {move || t::notes_count(&crate::intl::number(notes_count() as i64), &crate::intl::number(NOTES_MAX as i64))}
                    </p>
                    <p class="field-error" id="rat-notes-error">{move || error_for(Field::Notes)}</p>
                </div>

                <div class="action-bar">
                    <button type="submit" class="button button-primary button-wide" disabled=app.read_only>
                        {if is_new { t::SAVE_NEW } else { t::SAVE_EDIT }}
                    </button>
                </div>
            </form>
        </div>
    }
}

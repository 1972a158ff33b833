//! Settings → Appearance: light, dark, or as the phone is set, kept on this device.

use crate::device::use_device;
use crate::state::use_app;
use crate::store::device::Theme;
use crate::text::appearance as t;
use leptos::prelude::*;

#[component]
pub fn AppearanceSection() -> impl IntoView {
    let app = use_app();
    let device = use_device();
    view! {
        <section class="card" aria-labelledby="appearance-title">
            <h2 id="appearance-title">{t::TITLE}</h2>
            <fieldset class="field">
                <legend>{t::LEGEND}</legend>
                <p class="hint" id="theme-hint">{t::HINT}</p>
                <div class="choices">
                    {Theme::ALL
                        .into_iter()
                        .map(|theme| {
                            view! {
                                <label class="choice choice-block">
                                    <input
                                        type="radio"
                                        name="theme"
                                        value=theme.as_str()
                                        aria-describedby="theme-hint"
                                        prop:checked=move || device.prefs.with(|p| p.theme == theme)
                                        on:change=move |_| device.set_theme(app, theme)
                                    />
                                    <span>
                                        {t::theme_label(theme)}
                                        <small>{t::theme_detail(theme)}</small>
                                    </span>
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </section>
    }
}

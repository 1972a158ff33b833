//! A short note at the bottom of the screen, with an undo when one is offered.

use crate::state::use_app;
use crate::text::toast as t;
use leptos::prelude::*;

#[component]
pub fn ToastArea() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="toast-area" role="status" aria-live="polite">
            {move || {
                app.toast
                    .get()
                    .map(|toast| {
                        let undo = toast.undo.clone();
                        view! {
                            <div class="toast">
                                <p>{toast.text.clone()}</p>
                                {undo
                                    .map(|undo| {
                                        view! {
                                            <button class="button button-small button-light" on:click=move |_| app.undo(undo.clone())>
                                                {t::UNDO}
                                            </button>
                                        }
                                    })}
                                <button class="button button-small toast-close" aria-label=t::DISMISS on:click=move |_| app.toast.set(None)>
                                    {t::DISMISS_MARK}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

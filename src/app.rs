//! The shell: state, router, banners, navigation and the undo toast.

use crate::components::banners::Banners;
use crate::components::nav::MainNav;
use crate::components::toast::ToastArea;
use crate::pages::choose::ChoosePage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::rat::RatPage;
use crate::pages::rat_form::{EditRatPage, NewRatPage};
use crate::pages::rats::RatsPage;
use crate::pages::session::SessionPage;
use crate::pages::session_edit::SessionEntryPage;
use crate::pages::settings::SettingsPage;
use crate::pages::techniques::{TechniquePage, TechniquesPage};
use crate::platform;
use crate::routes;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::{path, NavigateOptions};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::open();
    provide_context(state);
    state.listen_to_other_tabs();
    let update_ready = state.update_ready;
    platform::service_worker::register(move || update_ready.set(true));

    let base = platform::base_path();
    view! {
        <Router base=base>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <div class="app">
                <Banners/>
                <main id="main" tabindex="-1">
                    <Routes fallback=|| view! { <NotFoundPage/> }>
                        <Route path=path!("/") view=|| view! { <Redirect path=routes::RATS options=NavigateOptions { replace: true, ..Default::default() }/> }/>
                        <Route path=path!("/rats") view=RatsPage/>
                        <Route path=path!("/rats/new") view=NewRatPage/>
                        <Route path=path!("/rats/:id") view=RatPage/>
                        <Route path=path!("/rats/:id/edit") view=EditRatPage/>
                        <Route path=path!("/rats/:id/choose") view=ChoosePage/>
                        <Route path=path!("/session") view=SessionPage/>
                        <Route path=path!("/sessions/:id") view=SessionEntryPage/>
                        <Route path=path!("/techniques") view=TechniquesPage/>
                        <Route path=path!("/techniques/:technique") view=TechniquePage/>
                        <Route path=path!("/settings") view=SettingsPage/>
                    </Routes>
                </main>
                <ToastArea/>
                <MainNav/>
            </div>
        </Router>
    }
}

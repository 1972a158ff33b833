//! The shell: state, router, banners, navigation and the undo toast.

use crate::components::banners::Banners;
use crate::components::nav::MainNav;
use crate::components::toast::ToastArea;
use crate::pages::choose::ChoosePage;
use crate::pages::guide::GuidePage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::rat::RatPage;
use crate::pages::rat_form::{EditRatPage, NewRatPage};
use crate::pages::rats::RatsPage;
use crate::pages::session::SessionPage;
use crate::pages::session_edit::SessionEntryPage;
use crate::pages::settings::SettingsPage;
use crate::pages::techniques::{TechniquePage, TechniquesPage};
use crate::pages::today::TodayPage;
use crate::platform;
use crate::router;
use crate::routes::Screen;
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::open();
    provide_context(state);
    crate::device::Device::provide(state);
    state.listen_to_other_tabs();
    state.protect_storage();
    // Start-up read only what Today needs; the older months follow once it is on screen.
    set_timeout(move || state.load_history(), std::time::Duration::ZERO);
    let update_ready = state.update_ready;
    // After the first screen: registering costs the start-up a few ms of main thread, and the
    // worker's precache would compete with it for the network and a slow phone's cores.
    set_timeout(
        move || platform::service_worker::register(move || update_ready.set(true)),
        std::time::Duration::ZERO,
    );
    router::start();
    crate::reminders::start_ticker(state);
    let here = router::current();
    let screen = Memo::new(move |_| here.with(|m| m.screen));

    view! {
        <a class="skip-link" href="#main">{crate::text::app::SKIP_LINK}</a>
        <div class="app">
            <Banners/>
            <main id="main" tabindex="-1">
                {move || match screen.get() {
                    Screen::Home => view! { <TodayPage/> }.into_any(),
                    Screen::Rats => view! { <RatsPage/> }.into_any(),
                    Screen::NewRat => view! { <NewRatPage/> }.into_any(),
                    Screen::Rat => view! { <RatPage/> }.into_any(),
                    Screen::EditRat => view! { <EditRatPage/> }.into_any(),
                    Screen::Choose => view! { <ChoosePage/> }.into_any(),
                    Screen::Session => view! { <SessionPage/> }.into_any(),
                    Screen::SessionEntry => view! { <SessionEntryPage/> }.into_any(),
                    Screen::Techniques => view! { <TechniquesPage/> }.into_any(),
                    Screen::Technique => view! { <TechniquePage/> }.into_any(),
                    Screen::Settings => view! { <SettingsPage/> }.into_any(),
                    Screen::Guide | Screen::GuideEntry => view! { <GuidePage/> }.into_any(),
                    Screen::NotFound => view! { <NotFoundPage/> }.into_any(),
                }}
            </main>
            <ToastArea/>
            <MainNav/>
        </div>
    }
}

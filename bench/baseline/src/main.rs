//! One small page, mounted like Ratbond's (`mount_to_body`), then `<body data-ready="true">`
//! as `ratbond::platform::mark_ready` does, so the benchmark measures both the same way.
use leptos::prelude::*;

#[component]
fn Page() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <main>
            <h1>"Baseline"</h1>
            <p>"A minimal Leptos 0.8 client-side app."</p>
            <button on:click=move |_| count.update(|n| *n += 1)>
                {move || format!("Tapped {} times", count.get())}
            </button>
        </main>
    }
}

fn main() {
    mount_to_body(Page);
    if let Some(body) = document().body() {
        let _ = body.set_attribute("data-ready", "true");
    }
}

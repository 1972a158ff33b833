use leptos::prelude::*;

fn main() {
    console_error_panic_hook_lite();
    mount_to_body(ratbond::app::App);
    ratbond::platform::mark_ready();
}

/// Panics abort in release builds; in debug builds they reach the console via Leptos.
fn console_error_panic_hook_lite() {}

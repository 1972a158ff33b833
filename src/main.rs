use leptos::prelude::*;

fn main() {
    console_error_panic_hook_lite();
    // Same task as the mount, so no frame shows neither the start-up screen nor the app.
    ratbond::platform::remove_start_screen();
    mount_to_body(ratbond::app::App);
    ratbond::platform::mark_ready();
}

/// Panics abort in release builds; in debug builds they reach the console via Leptos.
fn console_error_panic_hook_lite() {}

use leptos::prelude::*;

fn main() {
    console_error_panic_hook_lite();
    mount_to_body(ratbond::app::App);
    // After the mount, in the same task (no frame shows both): if the mount fails, the start-up
    // screen stays and public/boot.js tells the owner the app couldn't start.
    ratbond::platform::retire_start_screen();
    ratbond::platform::mark_ready();
}

/// Panics abort in release builds; in debug builds they reach the console via Leptos.
fn console_error_panic_hook_lite() {}

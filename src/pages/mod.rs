//! One module per screen. Pages read state, render it and dispatch; rules live in `domain`.

pub mod choose;
pub mod guide;
pub mod not_found;
pub mod rat;
pub mod rat_form;
pub mod rat_progress;
pub mod rat_training;
pub mod rat_trust;
pub mod rats;
pub mod session;
pub mod session_edit;
pub mod settings;
pub mod settings_appearance;
pub mod settings_backup;
pub mod settings_reminders;
pub mod settings_storage;
pub mod techniques;
pub mod today;

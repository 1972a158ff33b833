//! Every word the owner reads on a screen, so that a translation can be added later without
//! touching one: a translation is a sibling of these files.
//!
//! One submodule per screen or component, plus `common` for words many screens share. Fixed
//! words are `const`s; sentences with a name or a count in them are `fn`s that do the
//! grammar (plurals, lists of names) here, not in the view. Dates and numbers are not written
//! here: they go through `crate::intl`, in the owner's locale.
//!
//! Technique steps and the guide are content, kept as data tables in `domain::technique` and
//! `domain::guide`.

pub mod app;
pub mod appearance;
pub mod banners;
pub mod calendar;
pub mod choose;
pub mod coach;
pub mod common;
pub mod date;
pub mod guide;
pub mod install;
pub mod intro;
pub mod nav;
pub mod not_found;
pub mod outcome;
pub mod progress;
pub mod rat;
pub mod rat_form;
pub mod rat_progress;
pub mod rat_rules;
pub mod rat_training;
pub mod rat_trust;
pub mod rats;
pub mod reminders;
pub mod safety;
pub mod session;
pub mod session_edit;
pub mod session_rules;
pub mod settings;
pub mod settings_backup;
pub mod settings_reminders;
pub mod settings_storage;
pub mod step;
pub mod store;
pub mod summary;
pub mod techniques;
pub mod toast;
pub mod today;

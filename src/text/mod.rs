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

#[cfg(test)]
mod tests {
    /// Every file that holds the app's words (before its own tests).
    const SOURCES: &[(&str, &str)] = &[
        ("text/app.rs", include_str!("app.rs")),
        ("text/appearance.rs", include_str!("appearance.rs")),
        ("text/banners.rs", include_str!("banners.rs")),
        ("text/calendar.rs", include_str!("calendar.rs")),
        ("text/choose.rs", include_str!("choose.rs")),
        ("text/coach.rs", include_str!("coach.rs")),
        ("text/common.rs", include_str!("common.rs")),
        ("text/date.rs", include_str!("date.rs")),
        ("text/guide.rs", include_str!("guide.rs")),
        ("text/install.rs", include_str!("install.rs")),
        ("text/intro.rs", include_str!("intro.rs")),
        ("text/nav.rs", include_str!("nav.rs")),
        ("text/not_found.rs", include_str!("not_found.rs")),
        ("text/outcome.rs", include_str!("outcome.rs")),
        ("text/progress.rs", include_str!("progress.rs")),
        ("text/rat.rs", include_str!("rat.rs")),
        ("text/rat_form.rs", include_str!("rat_form.rs")),
        ("text/rat_progress.rs", include_str!("rat_progress.rs")),
        ("text/rat_rules.rs", include_str!("rat_rules.rs")),
        ("text/rat_training.rs", include_str!("rat_training.rs")),
        ("text/rat_trust.rs", include_str!("rat_trust.rs")),
        ("text/rats.rs", include_str!("rats.rs")),
        ("text/reminders.rs", include_str!("reminders.rs")),
        ("text/safety.rs", include_str!("safety.rs")),
        ("text/session.rs", include_str!("session.rs")),
        ("text/session_edit.rs", include_str!("session_edit.rs")),
        ("text/session_rules.rs", include_str!("session_rules.rs")),
        ("text/settings.rs", include_str!("settings.rs")),
        (
            "text/settings_backup.rs",
            include_str!("settings_backup.rs"),
        ),
        (
            "text/settings_reminders.rs",
            include_str!("settings_reminders.rs"),
        ),
        (
            "text/settings_storage.rs",
            include_str!("settings_storage.rs"),
        ),
        ("text/step.rs", include_str!("step.rs")),
        ("text/store.rs", include_str!("store.rs")),
        ("text/summary.rs", include_str!("summary.rs")),
        ("text/techniques.rs", include_str!("techniques.rs")),
        ("text/toast.rs", include_str!("toast.rs")),
        ("text/today.rs", include_str!("today.rs")),
        (
            "domain/technique.rs",
            include_str!("../domain/technique.rs"),
        ),
        ("domain/guide.rs", include_str!("../domain/guide.rs")),
    ];

    /// Welfare first: no sentence anywhere in the app tells an owner to force contact. A
    /// sentence may name a bad practice only to say no to it ("Never force contact").
    #[test]
    fn no_sentence_in_the_app_advises_forcing_contact() {
        let bad = [
            "force",
            "hold it down",
            "hold them down",
            "pin it",
            "scruff",
            "keep holding",
            "hold on tight",
            "grab it",
            "dangle",
            "make it stay",
            "make it come",
            "even if it struggles",
        ];
        let no = ["never", "don't", "do not", "not ", "no "];
        let mut seen = 0;
        for (file, source) in SOURCES {
            let words = source.split("#[cfg(test)]").next().unwrap_or_default();
            for line in words.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for sentence in line.to_lowercase().split(['.', '!', '?', ':']) {
                    seen += 1;
                    for b in bad {
                        let refused = no.iter().any(|n| sentence.contains(n));
                        assert!(
                            !sentence.contains(b) || refused,
                            "{file}: {b:?} in {sentence:?}"
                        );
                    }
                }
            }
        }
        assert!(seen > 2000, "only {seen} pieces read");
        // The check itself: it catches a bad sentence and lets a refusal through.
        let catches =
            |s: &str| bad.iter().any(|b| s.contains(b)) && !no.iter().any(|n| s.contains(n));
        assert!(catches("hold it down until it calms"));
        assert!(!catches("never force contact"));
    }
}

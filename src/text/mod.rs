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

/// Words that would advise forcing contact, for the tests that read the app's text.
#[cfg(test)]
pub(crate) const FORCING_CONTACT: &[&str] = &[
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

#[cfg(test)]
mod tests {
    use super::FORCING_CONTACT;

    /// Every file that holds the app's words: all of `src/text`, read from disk so a new one is
    /// never missed, plus the techniques and the guide.
    fn sources() -> Vec<(String, String)> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(format!("{root}/text"))
            .expect("src/text is readable")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "rs"))
            .collect();
        assert!(paths.len() > 30, "only {} files in src/text", paths.len());
        paths.push(format!("{root}/domain/technique.rs").into());
        paths.push(format!("{root}/domain/guide.rs").into());
        paths
            .into_iter()
            .map(|p| {
                let text = std::fs::read_to_string(&p).expect("a source file is readable");
                (p.display().to_string(), text)
            })
            .collect()
    }

    /// Welfare first: no sentence anywhere in the app tells an owner to force contact. A
    /// sentence may name a bad practice only to say no to it ("Never force contact").
    #[test]
    fn no_sentence_in_the_app_advises_forcing_contact() {
        let bad = FORCING_CONTACT;
        let no = ["never", "don't", "do not", "not ", "no "];
        let mut seen = 0;
        for (file, source) in sources() {
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

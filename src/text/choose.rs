//! Words of choose: the technique chooser (the questions are content, in
//! `domain::chooser`).

pub const INTRO: &str = "A few quick questions. Answer for how things are today.";
pub const WAIT: &str = "Answer every question to see what we suggest.";
pub const SUGGESTION: &str = "Our suggestion";
pub const OTHERS_TITLE: &str = "Or choose another";
/// What the questions call the rat, replaced by its name.
pub const YOUR_RAT: &str = "your rat";

/// "‹ Pip": back to the rat.
pub fn back(name: &str) -> String {
    format!("‹ {name}")
}

pub fn title(name: &str) -> String {
    format!("Find a technique for {name}")
}

/// The toast once a technique is chosen: "Pip is now on Offering treats."
pub fn chosen(name: &str, technique: &str) -> String {
    format!("{name} is now on {technique}.")
}

pub fn keep(technique: &str) -> String {
    format!("Keep {technique}")
}

pub fn start(technique: &str) -> String {
    format!("Start {technique}")
}

pub fn choose(technique: &str) -> String {
    format!("Choose {technique}")
}

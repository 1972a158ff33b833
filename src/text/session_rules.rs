//! Words of a session's record (`domain::session`): responses, signs and what they mean,
//! changes by hand, and what is wrong with a session being logged.

// Responses, worst to best.
pub const HID_OR_FLED: &str = "Hid or fled";
pub const FROZE_OR_TENSE: &str = "Froze or tense";
pub const CAUTIOUS: &str = "Cautious";
pub const RELAXED: &str = "Relaxed";
pub const CAME_TO_YOU: &str = "Came to you";

// Signs: (label, what it usually means).
pub const TOOK_TREAT: (&str, &str) = (
    "Took a treat",
    "Taking food from you is an early sign of trust.",
);
pub const SNIFFED_OR_LICKED: (&str, &str) = (
    "Sniffed or licked my hand",
    "Your rat is curious about your hand, not scared of it.",
);
pub const CLIMBED_ON: (&str, &str) = (
    "Climbed on",
    "Your rat chose to come to you. That is a big step.",
);
pub const BRUXING: (&str, &str) = (
    "Bruxing",
    "Soft teeth grinding usually means contentment. With a tense body it can mean stress or pain.",
);
pub const BOGGLING: (&str, &str) = (
    "Boggling",
    "Eyes flickering in and out while bruxing show strong pleasure.",
);
pub const POPCORNING: (&str, &str) = (
    "Popcorning",
    "Sudden hops and twists are play and joy, mostly in young rats.",
);
pub const FROZE: (&str, &str) = (
    "Froze",
    "Keeping very still is a way to hide. Your rat felt unsafe.",
);
pub const HID: (&str, &str) = (
    "Hid",
    "Your rat needed to feel safe. Let it hide, and go slower.",
);
pub const SQUEAKED: (&str, &str) = ("Squeaked", "A squeak when touched can mean fear or pain.");
pub const NIPPED_OR_BIT: (&str, &str) = (
    "Nipped or bit",
    "A nip means stop, too much. Sometimes it is a grab for food.",
);
pub const RED_TEARS: (&str, &str) = (
    "Red tears (porphyrin)",
    "Red-brown crust at the eyes or nose often means stress or illness. If it comes back, see a vet.",
);

// Changes by hand.
pub const MOVED_UP: &str = "You moved up a step";
pub const STEPPED_BACK: &str = "You went back a step";

// What is wrong with a session.
pub const DAY_IN_FUTURE: &str = "This day is in the future. Pick today or earlier.";
pub const NO_RATS: &str = "Pick at least one rat for this session.";
pub const DUPLICATE_RAT: &str = "A rat is in this session twice. Keep one entry for each rat.";

pub fn unknown_step(technique: &str) -> String {
    format!("That step isn't part of {technique}. Pick a step from the list.")
}

pub fn too_long(hours: u32, minutes: u32) -> String {
    format!("A session can be up to 4 hours. This one is {hours} h {minutes} min.")
}

pub fn too_many_treats(max: u16, treats: u16) -> String {
    format!("You can log up to {max} treats. This says {treats}.")
}

pub fn note_too_long(max: usize, chars: usize) -> String {
    format!("Notes can be up to {max} characters. This one has {chars}.")
}

//! Words of rats: the list of everyone you train.

pub const TITLE: &str = "Your rats";
pub const ALL_ARCHIVED: &str =
    "All your rats are archived. Add a rat or bring one back from the archive below.";
pub const ACTIVE_LABEL: &str = "Active rats";
pub const ARCHIVED_LABEL: &str = "Archived rats";
pub const ADD: &str = "Add a rat";
pub const WELCOME: &str = "Welcome to Ratbond";
pub const WELCOME_TEXT: &str =
    "Ratbond helps you build trust with your rats, one small, calm session a day.";
pub const WELCOME_START: &str = "Start by telling us about your first rat.";
pub const ADD_FIRST: &str = "Add your first rat";
/// Between the facts on a rat's card.
pub const FACT_SEPARATOR: &str = " · ";

/// "Archived (2)".
pub fn archived(count: usize) -> String {
    format!("Archived ({count})")
}

/// "1 year old", from the span `describe_span` writes.
pub fn age(span: &str) -> String {
    format!("{span} old")
}

/// "with you 3 months".
pub fn with_you(span: &str) -> String {
    format!("with you {span}")
}

/// "Cage: Left cage".
pub fn cage(group: &str) -> String {
    format!("Cage: {group}")
}

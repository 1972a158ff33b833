//! Words of guide: the page around the guide's entries (the entries are content, in
//! `domain::guide`).

pub const TITLE: &str = "Guide";
pub const INTRO: &str =
    "What your rat is telling you, safe treats and handling, and how each technique works.";
pub const MISSING: &str = "We couldn't find that entry. Here is the whole guide.";
pub const SEARCH_LABEL: &str = "Search the guide";
pub const SEARCH_PLACEHOLDER: &str = "e.g. teeth, treats, biting";
pub const TOPICS_LABEL: &str = "Topics";
pub const ALL: &str = "All";
pub const CLEAR: &str = "Clear search";

/// Nothing matched the search `query`, within the topic `topic` when one is chosen.
pub fn no_match(query: &str, topic: Option<&str>) -> String {
    match topic {
        Some(topic) => format!("No entries match “{query}” in {topic}."),
        None => format!("No entries match “{query}”."),
    }
}

/// "Showing 3 of 40 entries."
pub fn showing(n: usize, total: usize) -> String {
    format!("Showing {n} of {total} entries.")
}

/// "The 7 steps" of a technique.
pub fn steps_title(count: usize) -> String {
    if count == 1 {
        "The 1 step".to_string()
    } else {
        format!("The {count} steps")
    }
}

/// "Open Offering treats".
pub fn open_technique(name: &str) -> String {
    format!("Open {name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(no_match("zzz", None), "No entries match “zzz”.");
        assert_eq!(
            no_match("zzz", Some("Treats")),
            "No entries match “zzz” in Treats."
        );
        for (n, want) in [
            (1, "Showing 1 of 40 entries."),
            (3, "Showing 3 of 40 entries."),
        ] {
            assert_eq!(showing(n, 40), want);
        }
        for (n, want) in [(1, "The 1 step"), (7, "The 7 steps")] {
            assert_eq!(steps_title(n), want);
        }
    }
}

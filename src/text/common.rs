//! Words many screens share.

pub const SAVE: &str = "Save";
pub const CANCEL: &str = "Cancel";

/// "Pip", "Pip and Squeak", "Pip, Squeak and Nibbles"; "your rats" for none.
pub fn names(list: &[&str]) -> String {
    let list: Vec<&str> = list
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    match list.as_slice() {
        [] => "your rats".to_string(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "12 of 500 characters": a text field's counter.
pub fn characters_of(used: usize, max: usize) -> String {
    format!(
        "{} of {} characters",
        crate::intl::number(used as i64),
        crate::intl::number(max as i64)
    )
}

pub const BACK_TO_RUNNING_SESSION: &str = "Back to the running session";
pub const GO_TO_YOUR_RATS: &str = "Go to your rats";
pub const KEEP: &str = "Keep";
pub const NOTE: &str = "Note";
pub const TREATS_GIVEN: &str = "Treats given";
pub const ONE_TREAT_FEWER: &str = "One treat fewer";
pub const ONE_TREAT_MORE: &str = "One treat more";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_lists() {
        let cases: [(&[&str], &str); 4] = [
            (&[], "your rats"),
            (&["Pip"], "Pip"),
            (&["Pip", "Squeak"], "Pip and Squeak"),
            (&["Pip", "Squeak", "Nibbles"], "Pip, Squeak and Nibbles"),
        ];
        for (list, want) in cases {
            assert_eq!(names(list), want);
        }
    }
}

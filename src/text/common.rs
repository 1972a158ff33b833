//! Words many screens share.

pub const SAVE: &str = "Save";
pub const CANCEL: &str = "Cancel";

/// The names as they will be written: trimmed, blanks left out.
fn written(list: &[&str]) -> Vec<String> {
    list.iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

/// "Pip", "Pip and Squeak", "Pip, Squeak and Nibbles"; "your rats" for none.
pub fn names(list: &[&str]) -> String {
    match written(list).as_slice() {
        [] => "your rats".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Like [`names`], but past three names only the first two and a count: "Pip, Squeak and
/// 4 more". For one line that has to stay short (Today's summary, a calendar title).
pub fn few_names(list: &[&str]) -> String {
    match written(list).as_slice() {
        [first, second, rest @ ..] if rest.len() > 1 => format!(
            "{first}, {second} and {} more",
            crate::intl::number(rest.len() as i64)
        ),
        _ => names(list),
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

/// "1 session", "1,200 sessions": the count written for the owner's locale.
pub fn counted(n: i64, one: &str, many: &str) -> String {
    counted_as(n, &crate::intl::number(n), one, many)
}

/// The same with the number already written (`shown`); `n` picks the word.
pub fn counted_as(n: i64, shown: &str, one: &str, many: &str) -> String {
    format!("{shown} {}", if n == 1 { one } else { many })
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
    fn counts_pick_their_word() {
        for (n, want) in [
            (0, "0 rats"),
            (1, "1 rat"),
            (2, "2 rats"),
            (1200, "1,200 rats"),
        ] {
            assert_eq!(counted(n, "rat", "rats"), want);
        }
        assert_eq!(counted_as(1, "one", "rat", "rats"), "one rat");
    }

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

//! Words of reminders: the notification at practice time while the app is open.

pub const TITLE: &str = "Time for trust training";

/// "Pip and Nibbles are ready for a short, calm session."; `names` is already a list
/// ("Pip and Nibbles"), `count` how many rats it names.
pub fn ready(names: &str, count: usize) -> String {
    let waiting = if count == 1 { "is" } else { "are" };
    format!("{names} {waiting} ready for a short, calm session.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_or_many() {
        let cases = [
            ("Pip", 1, "Pip is ready for a short, calm session."),
            (
                "Pip and Nibbles",
                2,
                "Pip and Nibbles are ready for a short, calm session.",
            ),
        ];
        for (names, count, want) in cases {
            assert_eq!(ready(names, count), want);
        }
    }
}

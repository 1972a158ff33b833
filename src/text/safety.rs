//! Words of the data-safety rules (`domain::safety`): the gentle backup reminder.

pub const NEVER_BACKED_UP: &str = "You haven't made a backup yet.";

/// "Your last backup was 20 days ago."
pub fn last_backup_days_ago(days: i64) -> String {
    format!(
        "Your last backup was {} ago.",
        super::common::counted(days, "day", "days")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_ago() {
        for (days, want) in [
            (1, "Your last backup was 1 day ago."),
            (20, "Your last backup was 20 days ago."),
        ] {
            assert_eq!(last_backup_days_ago(days), want);
        }
    }
}

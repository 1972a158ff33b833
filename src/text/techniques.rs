//! Words of techniques: the list of techniques and each one's ladder of steps.

pub const TITLE: &str = "Techniques";
pub const INTRO: &str =
    "Four gentle ways to build trust. Each is a ladder of small steps. Let your rat set the pace.";
pub const BASICS_TITLE: &str = "Good habits for every technique";
pub const BACK: &str = "‹ Techniques";

/// "7 steps · Shy rats…": the step count, then who the technique suits.
pub fn card_facts(steps: usize, suits: &str) -> String {
    let steps = super::common::counted(steps as i64, "step", "steps");
    format!("{steps} · {suits}")
}

/// "Step 2 of 7".
pub fn step_of(n: usize, count: usize) -> String {
    format!("Step {n} of {count}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_counts() {
        for (steps, want) in [(1, "1 step · Any rat"), (7, "7 steps · Any rat")] {
            assert_eq!(card_facts(steps, "Any rat"), want);
        }
        assert_eq!(step_of(2, 7), "Step 2 of 7");
    }
}

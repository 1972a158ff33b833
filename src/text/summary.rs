//! Words of a rat's progress summary (`domain::summary`): the trust level in words, the
//! facts rows, the text to share and the trust and milestone cards.
//!
//! `day` arguments come in already written; the summary still writes them as YYYY-MM-DD.

pub const YOUR_RAT: &str = "Your rat";

fn plural(n: usize, one: &str, many: &str) -> String {
    super::common::counted(n as i64, one, many)
}

pub fn sessions(n: usize) -> String {
    plural(n, "session", "sessions")
}

pub fn days(n: usize) -> String {
    plural(n, "day", "days")
}

// The trust level.
pub const FOUR_WEEKS_AGO: &str = "four weeks ago";
pub const AT_THE_START_TODAY: &str = "at the start today";

/// "at the start, 3 weeks ago"; `span` from `describe_span`.
pub fn at_the_start(span: &str) -> String {
    format!("at the start, {span} ago")
}

pub fn up_from(then: i32, when: &str) -> String {
    format!("up from {then} {when}")
}

pub fn down_from(then: i32, when: &str) -> String {
    format!("down from {then} {when}")
}

pub fn same_as(when: &str) -> String {
    format!("the same as {when}")
}

/// "72 of 100, up from 50 four weeks ago".
pub fn level(now: i32, change: &str) -> String {
    format!("{now} of 100, {change}")
}

/// "Trust level 72 of 100, up from 50 four weeks ago. 18 sessions."
pub fn trust_sentence(phrase: &str, sessions: usize) -> String {
    format!("Trust level {phrase}. {}.", self::sessions(sessions))
}

pub const NO_SESSIONS: &str = "No sessions yet.";

// The facts rows.
pub const NO_TECHNIQUE: &str = "No technique chosen yet";

pub fn mastered(technique: &str) -> String {
    format!("{technique}, mastered")
}

/// "Scent, step 2 of 4: Hands near, no touching".
pub fn technique_step(technique: &str, step: u32, steps: usize, title: &str) -> String {
    format!("{technique}, step {step} of {steps}: {title}")
}

pub const NONE_YET: &str = "None yet";

pub fn streak_none_now(best: usize) -> String {
    format!("None right now (best {})", days(best))
}

pub fn streak_best(current: usize) -> String {
    format!("{} in a row, the best so far", days(current))
}

pub fn streak(current: usize, best: usize) -> String {
    format!("{} in a row (best {})", days(current), days(best))
}

pub fn sessions_on(n: usize, day: &str) -> String {
    format!("{n} on {day}")
}

pub fn sessions_from_to(n: usize, first: &str, last: &str) -> String {
    format!("{n}, from {first} to {last}")
}

pub const ROW_TECHNIQUE: &str = "Technique";
pub const ROW_SESSIONS: &str = "Sessions";
pub const ROW_STREAK: &str = "Streak";
pub const ROW_TRUST: &str = "Trust level";
/// What a vet asks about first.
pub const ROW_HEALTH: &str = "Red tears or bites";
pub const NONE_SEEN: &str = "None seen";

/// "Red tears (porphyrin) in 2 sessions, the last on 2026-11-30".
pub fn health_sign(sign: &str, sessions: usize, last: &str) -> String {
    format!("{sign} in {}, the last on {last}", self::sessions(sessions))
}

pub fn level_row(phrase: &str) -> String {
    format!("{phrase} (50 is neutral)")
}

pub const LEVEL_UNMEASURED: &str = "Not measured yet (50 is neutral)";

// The text to share.
pub fn text_title(name: &str) -> String {
    format!("{name}'s trust training")
}

pub fn text_row(label: &str, value: &str) -> String {
    format!("{label}: {value}")
}

pub const TEXT_NO_MILESTONES: &str = "Milestones: none yet";
pub const TEXT_MILESTONES: &str = "Milestones:";

pub fn text_milestone(day: &str, text: &str) -> String {
    format!("- {day}: {text}")
}

pub fn text_footer(name: &str, day: &str) -> String {
    format!("Short, calm sessions at {name}'s own pace. Summary from Ratbond, {day}.")
}

// The cards (HTML-escaped by the caller where they hold a name).
pub fn print_title(day: &str) -> String {
    format!("Trust training summary, {day}")
}

pub const TRUST_TITLE: &str = "Trust over time";

pub fn trust_empty(name: &str) -> String {
    format!("{name}'s trust chart starts with your first session. Each short, calm session adds a point.")
}

pub fn trust_explain(name: &str) -> String {
    format!(
        "The line is {name}'s trust level, from 0 to 100. Each session moves it part of the way toward how calm {name} was, so one hard day is only a small dip."
    )
}

pub const LEGEND_LINE: &str = "Trust level";
pub const LEGEND_DOT: &str = "One session (higher is calmer)";
pub const LEGEND_BASE: &str = "50: neutral";
pub const LEGEND_MARK: &str = "Step change, numbered below";
pub const STEP_CHANGES: &str = "Step changes";
pub const MILESTONES_TITLE: &str = "Milestones";

pub fn milestones_empty(name: &str) -> String {
    format!("Milestones will appear here as {name} makes progress.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        let cases = [
            (streak_none_now(1), "None right now (best 1 day)"),
            (streak_best(1), "1 day in a row, the best so far"),
            (streak(3, 8), "3 days in a row (best 8 days)"),
            (
                trust_sentence("50 of 100", 1),
                "Trust level 50 of 100. 1 session.",
            ),
            (
                trust_sentence("72 of 100", 18),
                "Trust level 72 of 100. 18 sessions.",
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }
}

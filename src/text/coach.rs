//! Words of the coach (`domain::progression`): why a rat moves up, stays or steps back.
//! `name` is always the rat's name; step titles and technique names come from the content
//! tables in `domain::technique`.

use super::common::counted;

// Welfare.
pub const NOTE_RED_TEARS: &str = "Red tears can mean stress or illness. Let your rat rest until tomorrow, then keep sessions short and easy for a few days. If they keep coming back, or your rat sneezes or seems unwell, see a rat-savvy vet.";
pub const NOTE_BITING: &str = "Biting is a rat's way of saying stop. Give a few quiet days without handling, then make the steps smaller. Sudden biting can also mean pain, so a vet check is a good idea.";
/// What the rat did, for `pause_and_check`.
pub const HAD_RED_TEARS: &str = "had red tears";
pub const NIPPED_OR_BIT: &str = "nipped or bit";

pub fn pause_and_check(name: &str, what: &str, seen: usize, looked_at: usize) -> String {
    format!(
        "{name} {what} in {seen} of the last {looked_at} sessions. Pause the training for now and check on {name}'s health."
    )
}

/// After a pause, on the rat's page: `reason` is the pause's own reason.
pub fn after_pause(reason: &str, name: &str) -> String {
    format!("{reason} When {name} seems well again, start with a short, easy session.")
}

// Nips and fear.
pub fn nipped_too_much(name: &str) -> String {
    format!("{name} nipped, which means “too much, too soon”.")
}

pub fn nipped_grab(name: &str) -> String {
    format!(
        "{name} nipped. At this step it is often a grab for the treat, so offer bigger pieces or use a spoon."
    )
}

/// How often the rat was scared, before stepping back.
pub fn scared(name: &str, scared: usize, looked_at: usize) -> String {
    if scared == 1 {
        format!("{name} was scared today.")
    } else if scared == looked_at {
        format!("{name} was scared in the last {scared} sessions.")
    } else {
        format!("{name} was scared in {scared} of the last {looked_at} sessions.")
    }
}

/// `sign` is a fear sign's label, lower case, seen with a milder response.
pub fn fear_sign_once(name: &str, sign: &str) -> String {
    format!(
        "{name} showed a sign of fear: {sign}. That happens. Keep the next session short and easy."
    )
}

pub fn scared_once(name: &str) -> String {
    format!("{name} was scared today. That happens. Keep the next session short and easy.")
}

/// `what` is one of the sentences above; the first step has nowhere easier to go.
pub fn first_step_stay(what: &str, name: &str) -> String {
    format!(
        "{what} This is the first step, so stay here and go gently: shorter sessions, more distance. {name} needs more time, and that is normal."
    )
}

pub fn go_back(what: &str, title: &str, days: u8) -> String {
    format!(
        "{what} Go back to “{title}” for {}, then try again.",
        day_count(i64::from(days))
    )
}

// Staying on the step.
pub fn long_gap(name: &str) -> String {
    format!(
        "It's been a while since {name}'s last session here. Take this step again for a couple of days."
    )
}

pub fn mastered_stay(name: &str, technique: &str) -> String {
    format!("{name} has mastered {technique}. Keep sessions short and fun.")
}

pub const WARM_UP: &str =
    "A warm-up at an easier step is fine. It doesn't count toward the next step.";

pub fn calm_again(name: &str, title: &str) -> String {
    format!("{name} was calm again on the easier step. Try “{title}” again.")
}

pub fn calm_today(name: &str) -> String {
    format!("{name} was calm today.")
}

pub fn stay_easier_for(days: i64, title: &str) -> String {
    format!(
        "Stay on this easier step for {}, then try “{title}” again.",
        more_days(days)
    )
}

pub fn more_calm_days_then(days: u8, title: &str) -> String {
    format!("{} here, then try “{title}” again.", calm_days(days))
}

/// Two sentences about the easier step, one after the other.
/// After weeks of sessions on a first step; `gentler` is Scent's name.
pub fn gentler_start(name: &str, weeks: i64, gentler: &str) -> String {
    format!(
        "{name} has been on this first step for {weeks} weeks. Some rats need an even gentler start: {gentler} begins with only your scent, no hands. You can switch at any time, and the progress here is kept."
    )
}

pub fn then(first: &str, then: &str) -> String {
    format!("{first} {then}")
}

pub fn good_so_far(name: &str, sessions: u8, need_sessions: u8, days: u8, need_days: u8) -> String {
    format!(
        "Good session for {name}: {sessions} of {need_sessions} so far, on {days} of {need_days} different days."
    )
}

pub fn settle(name: &str, days: i64) -> String {
    format!(
        "{name} is doing well. Stay on this step for {} so the trust can settle.",
        more_days(days)
    )
}

pub fn ready_for_next(name: &str, days: u8, next: &str) -> String {
    format!("{name} was relaxed on {days} different days. Ready for the next step: “{next}”.")
}

pub fn start_with(title: &str) -> String {
    format!("Start with “{title}”. Keep it short and calm, once a day or more.")
}

pub fn on_easier_step(name: &str, days: i64) -> String {
    format!(
        "{name} is on an easier step for {}. Keep it calm and fun.",
        more_days(days)
    )
}

/// What is left at this step, not what is done: the rat page already shows "1 of 3 good
/// sessions · 1 of 2 days" beside it.
pub fn tally(name: &str, sessions: u8, need_sessions: u8, days: u8, need_days: u8) -> String {
    let more_sessions = need_sessions.saturating_sub(sessions);
    let more_days_left = i64::from(need_days.saturating_sub(days));
    let good = counted(
        i64::from(more_sessions),
        "more good session",
        "more good sessions",
    );
    match (more_sessions, more_days_left) {
        (0, 0) => {
            format!("{name} has done what this step asks. Keep it calm until it's time to move up.")
        }
        (_, 0) => format!("{name} needs {good} here."),
        (0, d) => format!("{name} needs good sessions on {} here.", more_days(d)),
        (_, d) => format!("{name} needs {good} here, spread over {}.", more_days(d)),
    }
}

// Changes by hand.
pub fn moved_up(name: &str, title: &str) -> String {
    format!("You moved {name} up to “{title}”.")
}

pub fn moved_back(name: &str, title: &str) -> String {
    format!("You moved {name} back to “{title}”.")
}

pub fn already_on(name: &str, title: &str) -> String {
    format!("{name} was already on “{title}”.")
}

// A session that doesn't count.
/// `sign` is the sign's label, lower case.
pub fn stress_sign(name: &str, sign: &str) -> String {
    format!("{name} showed a sign of stress: {sign}. This session doesn't count yet. Go gently.")
}

/// `goal` is one of the `GOAL_*` words.
pub fn needs_sign(name: &str, goal: &str) -> String {
    format!("{name} was relaxed, which is lovely. A session counts here when {name} also {goal}.")
}

pub const GOAL_TREAT: &str = "takes a treat";
pub const GOAL_CLIMB: &str = "climbs on";
pub const GOAL_SNIFF: &str = "sniffs your hand";
pub const GOAL_OTHER: &str = "shows this sign";

/// `response` is the response's label, lower case.
pub fn needs_time(name: &str, response: &str) -> String {
    format!("{name} was {response} today. {name} needs more time, and that is normal.")
}

// Mastery.
pub fn mastered_next(name: &str, technique: &str, next: &str) -> String {
    format!("{name} has mastered {technique}! Next, try {next} for handling outside the cage.")
}

pub fn mastered_done(name: &str, technique: &str) -> String {
    format!("{name} has mastered {technique}! Enjoy your time together.")
}

// Counts of days.
pub fn day_count(n: i64) -> String {
    counted(n, "day", "days")
}

pub fn more_days(n: i64) -> String {
    counted(n, "more day", "more days")
}

/// At the start of a sentence.
pub fn calm_days(n: u8) -> String {
    if n == 1 {
        "One more calm day".into()
    } else {
        format!("{n} more calm days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_of_days() {
        let cases = [
            (day_count(1), "1 day"),
            (day_count(3), "3 days"),
            (more_days(1), "1 more day"),
            (more_days(4), "4 more days"),
            (calm_days(1), "One more calm day"),
            (calm_days(2), "2 more calm days"),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }

    #[test]
    fn tally_says_what_is_left() {
        let cases = [
            (
                (0, 3, 0, 2),
                "Pip needs 3 more good sessions here, spread over 2 more days.",
            ),
            (
                (2, 3, 1, 2),
                "Pip needs 1 more good session here, spread over 1 more day.",
            ),
            ((2, 3, 2, 2), "Pip needs 1 more good session here."),
            ((4, 3, 1, 2), "Pip needs good sessions on 1 more day here."),
            (
                (3, 3, 2, 2),
                "Pip has done what this step asks. Keep it calm until it's time to move up.",
            ),
        ];
        for ((s, ns, d, nd), want) in cases {
            assert_eq!(tally("Pip", s, ns, d, nd), want);
        }
    }

    #[test]
    fn scared_counts() {
        let cases = [
            (1, 3, "Pip was scared today."),
            (3, 3, "Pip was scared in the last 3 sessions."),
            (2, 3, "Pip was scared in 2 of the last 3 sessions."),
        ];
        for (n, of, want) in cases {
            assert_eq!(scared("Pip", n, of), want);
        }
    }
}

/// Why the chooser (`domain::chooser`) suggests a technique, and when the others fit.
pub mod chooser {
    pub const UNKNOWN_QUESTION: &str = "That question isn't part of the list.";
    pub const UNKNOWN_ANSWER: &str =
        "That answer isn't one of the choices. Pick one from the list.";

    pub fn scent_hides(name: &str) -> String {
        format!("Scent first: {name} hides or freezes when your hand comes near.")
    }

    pub fn scent_nervous(name: &str) -> String {
        format!("Scent first: {name} is nervous and not yet sure about food from your hand.")
    }

    /// `how` is `SOMETIMES_TAKES_FOOD` or `NO_FOOD_YET`.
    pub fn offering_no_food(name: &str, how: &str) -> String {
        format!(
            "Offering treats: {name} {how}, so start with treats from your fingers in the cage."
        )
    }

    pub const SOMETIMES_TAKES_FOOD: &str = "sometimes takes food from you";
    pub const NO_FOOD_YET: &str = "doesn't take food from you yet";

    pub fn neutral_space(name: &str) -> String {
        format!(
            "Neutral space: {name} already comes to you, so let it choose when in a safe space."
        )
    }

    pub fn bonding(name: &str) -> String {
        format!(
            "Bonding: {name} takes treats and has been handled, so time together in your safe space comes next."
        )
    }

    pub fn offering(name: &str) -> String {
        format!(
            "Offering treats: {name} takes food from you, so you can build up to your palm and holding."
        )
    }

    // When the others fit.
    pub fn other_scent(name: &str) -> String {
        format!("Scent: a gentle start if {name} ever hides from your hand.")
    }

    pub const OTHER_OFFERING: &str =
        "Offering treats: suits most rats and needs only treats and time.";
    pub const OTHER_BONDING_NO_SPACE: &str =
        "Bonding: once you have a safe space outside the cage, like a pen or a bed.";

    pub fn other_bonding_nervous(name: &str) -> String {
        format!(
            "Bonding: can be hard for a nervous rat, so try it once {name} takes treats calmly."
        )
    }

    pub const OTHER_BONDING: &str = "Bonding: time together in your safe space, with treats.";
    pub const OTHER_NEUTRAL_NO_SPACE: &str =
        "Neutral space: needs a safe area outside the cage, and patience from you.";

    pub fn other_neutral(name: &str) -> String {
        format!("Neutral space: let {name} come to you in the safe space, in its own time.")
    }
}

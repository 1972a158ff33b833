//! The four trust-training techniques, each a ladder of steps, as static data.
//!
//! Every threshold the coach uses lives here in a [`StepRule`], so the engine in
//! `progression` holds no magic numbers of its own about steps.

use super::rat::Temperament;
use super::session::Sign;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TechniqueId {
    OfferingTreats,
    Bonding,
    NeutralSpace,
    Scent,
}

impl TechniqueId {
    /// In the order the owner reads about them; also the order of [`all`].
    pub const ALL: [TechniqueId; 4] = [
        TechniqueId::OfferingTreats,
        TechniqueId::Bonding,
        TechniqueId::NeutralSpace,
        TechniqueId::Scent,
    ];

    pub fn key(self) -> &'static str {
        match self {
            TechniqueId::OfferingTreats => "offering-treats",
            TechniqueId::Bonding => "bonding",
            TechniqueId::NeutralSpace => "neutral-space",
            TechniqueId::Scent => "scent",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }
    pub fn name(self) -> &'static str {
        technique(self).name
    }
}

/// A sign of trouble to watch for at a step, and what to do when you see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Warning {
    pub sign: &'static str,
    pub what_to_do: &'static str,
}

/// Where a rat goes when it steps back from a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackTo {
    /// The step just below.
    Previous,
    /// A named step of the same technique (by its key), for rules the article spells out.
    Step(&'static str),
}

/// When a rat is ready to move on from a step, and when it should step back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepRule {
    /// Sessions that count as good (Relaxed or better, no stress signs) needed to move on.
    pub good_sessions: u8,
    /// Those good sessions must fall on at least this many different days.
    pub good_days: u8,
    /// A session only counts as good here if the owner also saw this sign.
    pub needs_sign: Option<Sign>,
    /// Step back when this many of the last `fear_window` sessions were fearful.
    pub fear_sessions_to_step_back: u8,
    pub fear_window: u8,
    pub back_to: BackTo,
    /// Days to stay on the easier step before trying this one again.
    pub back_days: u8,
    /// After `back_days`, good days at the easier step needed before coming back here.
    pub return_good_days: u8,
    /// A nip or bite steps back at once (steps where hands touch or hold the rat).
    pub bite_steps_back: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// Stable within its technique; stored nowhere, but used by [`BackTo::Step`].
    pub key: &'static str,
    pub title: &'static str,
    pub goal: &'static str,
    /// 3 to 6 actions, shown numbered.
    pub how_to: &'static [&'static str],
    pub success: &'static str,
    pub warnings: &'static [Warning],
    pub safety: Option<&'static str>,
    /// Suggested length of one session, in minutes (min, max).
    pub session_minutes: (u8, u8),
    /// Calendar days to stay on this step at least, counting the day it was reached.
    pub min_days: u8,
    pub rule: StepRule,
}

impl Step {
    /// Steps where a treat is offered from the hand: the ones that warn about nips for food.
    pub fn treats_from_hand(&self) -> bool {
        self.warnings.iter().any(|w| w.sign == NIPS_FOR_FOOD.sign)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Technique {
    pub id: TechniqueId,
    pub name: &'static str,
    /// The idea in one line.
    pub idea: &'static str,
    /// Who it suits, in one sentence.
    pub suits: &'static str,
    /// How often to practise.
    pub rhythm: &'static str,
    /// Whether it needs a safe space outside the cage from the first step.
    pub needs_safe_space: bool,
    pub steps: &'static [Step],
}

impl Technique {
    pub fn step(&self, index: u8) -> Option<&Step> {
        self.steps.get(usize::from(index))
    }
    /// The sign a step counts a session by, if any ("Took a treat").
    pub fn goal_sign(&self, index: u8) -> Option<Sign> {
        self.step(index).and_then(|s| s.rule.needs_sign)
    }
    pub fn step_index(&self, key: &str) -> Option<u8> {
        self.steps
            .iter()
            .position(|s| s.key == key)
            .and_then(|i| u8::try_from(i).ok())
    }
    pub fn last_step(&self) -> u8 {
        u8::try_from(self.steps.len().saturating_sub(1)).unwrap_or(u8::MAX)
    }
    /// Where a rat goes when it steps back from `from`; `None` on the first step.
    pub fn back_target(&self, from: u8) -> Option<u8> {
        let step = self.step(from)?;
        let below = from.checked_sub(1)?;
        let target = match step.rule.back_to {
            BackTo::Previous => below,
            BackTo::Step(key) => self.step_index(key).unwrap_or(below),
        };
        Some(target.min(below))
    }
}

pub fn technique(id: TechniqueId) -> &'static Technique {
    &TECHNIQUES[id as usize]
}

pub fn all() -> &'static [Technique] {
    &TECHNIQUES
}

/// Which technique to try once `done` is mastered, if any.
///
/// Only Scent needs a follow-up: it ends with petting inside the cage, and the article
/// says to move on to a technique for handling outside it. The other three already end
/// with picking up and time out of the cage.
pub fn next_after_mastery(
    done: TechniqueId,
    temperament: Temperament,
    has_safe_space: bool,
) -> Option<TechniqueId> {
    match done {
        TechniqueId::Scent if has_safe_space => Some(match temperament {
            // Bold rats do well choosing for themselves; others like the structure of treats.
            Temperament::Confident | Temperament::Curious => TechniqueId::NeutralSpace,
            Temperament::Shy | Temperament::Nervous => TechniqueId::Bonding,
        }),
        TechniqueId::Scent => Some(TechniqueId::OfferingTreats),
        _ => None,
    }
}

/// Habits that hold for every technique and step.
pub const BASICS: &[&str] = &[
    "Let your rat set the pace. Never force contact, and let it go when it wants to leave.",
    "Train when your rat is awake. Don't wake a sleeping rat for a session.",
    "Keep sessions short: each step says how long, never more than 10 to 20 minutes. Stop early if your rat gets frantic.",
    "Practise at least once a day, and more often if you can. Regular sessions matter most.",
    "Use tiny, low-fat treats your rat likes and can eat in a few seconds.",
    "Rats can't vomit. Skip sticky foods like peanut butter, or spread them very thin.",
    "Give treats through the open door, never through the cage bars.",
    "Lift a rat by scooping both hands under its body. Never lift it by the tail.",
];

// Thresholds. Each set is a starting point; a step may adjust one field.

/// Small first asks with no touching: a treat from the fingers, a hand further away,
/// time in a space, treats there.
/// 3 good sessions on 2 days: one good day could be luck, two show a pattern, and early
/// progress stays quick enough to keep owners going. Fear in 2 of the last 3 sessions
/// steps back: one off day is normal, two in a row is a message. 2 days back, then 2 good
/// days, is short enough not to feel like starting over.
const EASY: StepRule = StepRule {
    good_sessions: 3,
    good_days: 2,
    needs_sign: None,
    fear_sessions_to_step_back: 2,
    fear_window: 3,
    back_to: BackTo::Previous,
    back_days: 2,
    return_good_days: 2,
    bite_steps_back: false,
};

/// Steps where your hand touches the rat (open palm, petting).
/// 4 good sessions on 3 days: touch is a bigger ask, so calm should hold across more days.
/// A bite here steps back at once, because it means the hand came too soon.
const TOUCH: StepRule = StepRule {
    good_sessions: 4,
    good_days: 3,
    bite_steps_back: true,
    ..EASY
};

/// Holding and picking up: the biggest asks.
/// 5 good sessions on 3 days, and at least 4 days on the step (see `HOLD_DAYS`) so holds
/// can grow a little each day. Stepping back lasts 3 days, since fear of being held fades
/// slowly.
const HOLD: StepRule = StepRule {
    good_sessions: 5,
    good_days: 3,
    back_days: 3,
    bite_steps_back: true,
    ..EASY
};
const HOLD_DAYS: u8 = 4;

/// A treat step only counts sessions where the treat was taken: taking it is the goal.
const TAKE_TREAT: StepRule = StepRule {
    needs_sign: Some(Sign::TookTreat),
    ..EASY
};

/// The article asks for "a few days" of the scent tissue and of hands near, done every
/// day: 3 good sessions on 3 different days, and 3 days on the step.
const FEW_DAYS: StepRule = StepRule {
    good_sessions: 3,
    good_days: 3,
    ..EASY
};

/// Bonding's hands step: "if uncomfortable, go back to the treats step for a few more
/// days and try again". One uncomfortable session is enough, as the article says; 3 days
/// back, then 2 good days with treats.
const BONDING_HANDS: StepRule = StepRule {
    fear_sessions_to_step_back: 1,
    fear_window: 1,
    back_to: BackTo::Step("treats-in-safe-space"),
    back_days: 3,
    ..TOUCH
};

/// Scent's petting step: "if scared, back off and try again". One scared session is
/// enough, for a nervous rat. Backing off means hands near without touching, for a short
/// time: 1 day, then 1 good day, then petting again.
const SCENT_PETTING: StepRule = StepRule {
    fear_sessions_to_step_back: 1,
    fear_window: 1,
    back_to: BackTo::Step("hands-near"),
    back_days: 1,
    return_good_days: 1,
    ..TOUCH
};

/// Neutral space's first step ends when the rat climbs on you by itself, and it should
/// have done so on 3 different days before petting starts. The rat sets this pace.
const CLIMBS_ON_YOU: StepRule = StepRule {
    good_sessions: 3,
    good_days: 3,
    needs_sign: Some(Sign::ClimbedOn),
    ..EASY
};

const FREEZES: Warning = Warning {
    sign: "Freezes or goes stiff",
    what_to_do:
        "Stay still and quiet. If your hand is near, move it back a little. Give it time to relax.",
};
const HIDES: Warning = Warning {
    sign: "Hides or runs away",
    what_to_do: "Let it go. Don't chase it or pull it out. End calmly, and ask for less next time.",
};
const SQUEAKS: Warning = Warning {
    sign: "Squeaks when touched",
    what_to_do: "Stop touching. It may be scared or sore. If it happens again, ask a vet to check.",
};
const BITES: Warning = Warning {
    sign: "Nips, bites or lunges at your hand",
    what_to_do:
        "Stay calm and slowly take your hand away. Go back a step, and keep sessions short.",
};
const NIPS_FOR_FOOD: Warning = Warning {
    sign: "Nips your fingers while taking the treat",
    what_to_do:
        "It may think your fingers are food. Offer bigger pieces, or use a spoon for a while.",
};
const GRABS_AND_RUNS: Warning = Warning {
    sign: "Grabs the treat and runs off",
    what_to_do: "That's normal at first. Stay still; in time it will eat closer to you.",
};
const STRUGGLES: Warning = Warning {
    sign: "Wriggles or pushes to get free",
    what_to_do: "Set it down gently at once, low and safe. Hold it for less time next session.",
};
const FRANTIC: Warning = Warning {
    sign: "Gets frantic: scrambling, jumping or trying to escape",
    what_to_do: "End the session calmly and let it go back to its cage. Make the next one shorter.",
};
const STAYS_HIDDEN: Warning = Warning {
    sign: "Stays hidden the whole time",
    what_to_do: "That's fine at first. Sit quietly nearby. Short visits every day help it settle.",
};
const AVOIDS_SCENT: Warning = Warning {
    sign: "Avoids the tissue or seems upset by it",
    what_to_do:
        "Take it out and try again in a day or two. Check it has no perfume or lotion on it.",
};
const RED_TEARS: Warning = Warning {
    sign: "Red tears: a red-brown crust around the eyes or nose",
    what_to_do:
        "This often means stress or illness. Rest until tomorrow, then keep sessions short and easy. If you see it often, see a vet.",
};

const NO_BARS: &str = "Give treats through the open door, never through the bars. A rat fed through the bars learns that fingers poking in are food.";
const SCOOP: &str =
    "Scoop with both hands under the body. Never lift a rat by its tail; the skin can tear.";
const SAFE_ROAM: &str = "Scoop with both hands under the body, never by the tail. Check the space for gaps, cables and other dangers, keep it small, and add a box to hide in. Stay with your rat the whole time.";
const CARRIER: &str =
    "Let your rat walk into a box or carrier by itself. Don't chase or grab it to get it there.";
const STICKY: &str = "Rats can't vomit. Skip sticky treats like peanut butter or lumps of bread, or spread them very thin.";

static TECHNIQUES: [Technique; 4] = [
    Technique {
        id: TechniqueId::OfferingTreats,
        name: "Offering treats",
        idea: "Your rat comes to you for treats, and learns that your hand means good things.",
        suits: "It suits most rats, and it is the easiest place to start.",
        rhythm: "At least one session a day, more if you can. Keeping at it every day is what counts.",
        needs_safe_space: false,
        steps: &[
            Step {
                key: "treat-from-fingers",
                title: "Treat from your fingers",
                goal: "Your rat takes a treat from your fingers inside the cage.",
                how_to: &[
                    "Open the cage door while your rat is awake and calm.",
                    "Hold a tiny treat between your thumb and first finger.",
                    "Rest your hand inside the cage, near your rat but not in its way.",
                    "Stay still and let your rat come to the treat.",
                    "If it doesn't take it, that's fine. Try again later; there's no hurry.",
                ],
                success: "Your rat walks up and takes the treat from your fingers.",
                warnings: &[GRABS_AND_RUNS, NIPS_FOR_FOOD, FREEZES, HIDES, RED_TEARS],
                safety: Some(NO_BARS),
                session_minutes: (5, 10),
                min_days: 2,
                rule: TAKE_TREAT,
            },
            Step {
                key: "come-to-your-hand",
                title: "Come to your hand",
                goal: "Your rat walks over to your hand to get its treat.",
                how_to: &[
                    "Start where your rat already takes treats from you.",
                    "Each session, hold your hand a little further away.",
                    "Keep the treat still and wait. Your rat does the walking.",
                    "Give the treat as soon as it reaches you, and say its name softly.",
                ],
                success: "Your rat crosses the cage to you for a treat.",
                warnings: &[FREEZES, HIDES, NIPS_FOR_FOOD, RED_TEARS],
                safety: Some(NO_BARS),
                session_minutes: (5, 10),
                min_days: 2,
                rule: EASY,
            },
            Step {
                key: "treat-in-palm",
                title: "Treat in your open palm",
                goal: "Your rat climbs onto your open hand to eat.",
                how_to: &[
                    "Lay your hand flat in the cage, palm up, with a treat in the middle.",
                    "Keep your hand low and still, so it feels like a step, not a trap.",
                    "Let your rat put its front feet on first, then climb on when ready.",
                    "Don't close your fingers. It must be free to leave.",
                ],
                success: "Your rat climbs onto your palm and eats there without rushing off.",
                warnings: &[FREEZES, HIDES, BITES, RED_TEARS],
                safety: None,
                session_minutes: (5, 10),
                min_days: 3,
                rule: StepRule {
                    needs_sign: Some(Sign::ClimbedOn),
                    ..TOUCH
                },
            },
            Step {
                key: "short-holds",
                title: "Short holds",
                goal: "Your rat feels safe sitting in your hands for a little while.",
                how_to: &[
                    "When your rat is on your palm, cup your other hand loosely around it.",
                    "Lift it a few centimetres, still in the cage, then set it down.",
                    "Hold for a few seconds at first, and add a little each day.",
                    "Give a treat while it sits with you.",
                    "Let it go at once if it struggles.",
                ],
                success: "Your rat sits calmly in your hands for a minute or more.",
                warnings: &[STRUGGLES, SQUEAKS, BITES, FREEZES, RED_TEARS],
                safety: Some("Hold your rat low, over the cage floor or your lap, so a jump can't hurt it."),
                session_minutes: (5, 10),
                min_days: HOLD_DAYS,
                rule: HOLD,
            },
            Step {
                key: "pick-up-and-roam",
                title: "Pick up and roam",
                goal: "You lift your rat out, and it explores a safe space with you.",
                how_to: &[
                    "Get a small, safe space ready first, with a box to hide in.",
                    "Slide both hands under your rat's body and scoop it up.",
                    "Carry it close to you, and set it down gently in the space.",
                    "Stay with it. Sit low and let it come to you.",
                    "Have a few treats ready for when it visits you.",
                    "Take it back to the cage before it gets tired or frantic.",
                ],
                success: "Your rat lets you scoop it up, and keeps coming back to you as it explores.",
                warnings: &[STRUGGLES, FRANTIC, HIDES, BITES, RED_TEARS],
                safety: Some(SAFE_ROAM),
                session_minutes: (10, 20),
                min_days: HOLD_DAYS,
                rule: HOLD,
            },
        ],
    },
    Technique {
        id: TechniqueId::Bonding,
        name: "Bonding",
        idea: "Time together in a safe space outside the cage helps your rat get used to you.",
        suits: "It suits rats that cope well with a new place; very nervous rats may find it hard.",
        rhythm: "At least one session a day, more if you can. Keeping at it every day is what counts.",
        needs_safe_space: true,
        steps: &[
            Step {
                key: "time-in-safe-space",
                title: "Time in a safe space",
                goal: "Your rat settles in a small, safe space with you nearby.",
                how_to: &[
                    "Pick a secure spot outside the cage: a bed, an armchair or an exercise pen.",
                    "Make it safe: no gaps to escape through, nothing harmful to chew.",
                    "Bring your rat there in a box or carrier it walked into.",
                    "Sit with it quietly. Read, or talk softly.",
                    "Let it explore and hide as it likes.",
                ],
                success: "Your rat explores the space and doesn't stay hidden the whole time.",
                warnings: &[STAYS_HIDDEN, FREEZES, FRANTIC, RED_TEARS],
                safety: Some(CARRIER),
                session_minutes: (10, 20),
                min_days: 2,
                rule: EASY,
            },
            Step {
                key: "treats-in-safe-space",
                title: "Treats in the safe space",
                goal: "Your rat learns that you bring good things.",
                how_to: &[
                    "Bring a few tiny, healthy treats into the space.",
                    "Put one near you, then one nearer, then offer one from your fingers.",
                    "Let your rat come for them. Don't follow it.",
                    "Stop while it is still keen.",
                ],
                success: "Your rat comes close to take treats from you.",
                warnings: &[GRABS_AND_RUNS, NIPS_FOR_FOOD, STAYS_HIDDEN, RED_TEARS],
                safety: Some(STICKY),
                session_minutes: (10, 20),
                min_days: 2,
                rule: TAKE_TREAT,
            },
            Step {
                key: "hands",
                title: "Hands and petting",
                goal: "Your rat stays calm with your hands around it and being stroked.",
                how_to: &[
                    "Let your rat see and sniff your hand first.",
                    "Stroke its back gently, once or twice.",
                    "Rest your hands around it loosely, like a low wall, without closing in.",
                    "Stop, and give a treat, while it is still calm.",
                    "If it seems uneasy, go back to treats in the space for a few days.",
                ],
                success: "Your rat stays close, or leans in, while you stroke it.",
                warnings: &[FREEZES, HIDES, SQUEAKS, BITES, RED_TEARS],
                safety: None,
                session_minutes: (10, 20),
                min_days: 3,
                rule: BONDING_HANDS,
            },
            Step {
                key: "pick-up-and-roam",
                title: "Pick up and roam",
                goal: "Your rat lets you lift it, and runs about the space with you.",
                how_to: &[
                    "Slide both hands under your rat's body and scoop it up.",
                    "Hold it for a moment, then set it down again.",
                    "Let it run about the safe space, and pick it up now and then.",
                    "Give a treat each time you set it down.",
                ],
                success: "Your rat lets you pick it up and keeps exploring near you.",
                warnings: &[STRUGGLES, FRANTIC, SQUEAKS, BITES, RED_TEARS],
                safety: Some(SAFE_ROAM),
                session_minutes: (10, 20),
                min_days: HOLD_DAYS,
                rule: HOLD,
            },
        ],
    },
    Technique {
        id: TechniqueId::NeutralSpace,
        name: "Neutral space",
        idea: "Your rat roams a safe area while you are there, and comes to you when it chooses.",
        suits: "It suits curious or confident rats, and rats that guard their cage; it asks patience of you.",
        rhythm: "At least one session a day, more if you can. Keeping at it every day is what counts.",
        needs_safe_space: true,
        steps: &[
            Step {
                key: "just-be-there",
                title: "Just be there",
                goal: "Your rat gets used to you while it explores, and comes to you in its own time.",
                how_to: &[
                    "Set up a small, safe area outside the cage, with a box to hide in.",
                    "Bring your rat there in a box or carrier it walked into.",
                    "Sit or lie on the floor, quiet and calm.",
                    "Don't reach for it. Let it explore, sniff you and climb on you when it wants.",
                    "Stay for the whole session, even if it keeps away.",
                ],
                success: "Your rat comes over and climbs on you by itself.",
                warnings: &[STAYS_HIDDEN, FRANTIC, FREEZES, RED_TEARS],
                safety: Some(CARRIER),
                session_minutes: (10, 20),
                min_days: 3,
                rule: CLIMBS_ON_YOU,
            },
            Step {
                key: "petting",
                title: "Petting",
                goal: "Your rat enjoys a gentle stroke when it visits you.",
                how_to: &[
                    "Wait until your rat climbs on you.",
                    "Let it sniff your hand, then stroke its back gently.",
                    "Stop after a few strokes, before it wants to leave.",
                    "If it walks away, let it. Try again next time.",
                ],
                success: "Your rat stays on you while you stroke it, or comes back for more.",
                warnings: &[FREEZES, HIDES, SQUEAKS, BITES, RED_TEARS],
                safety: None,
                session_minutes: (10, 20),
                min_days: 3,
                rule: TOUCH,
            },
            Step {
                key: "picking-up",
                title: "Picking up",
                goal: "Your rat lets you pick it up and put it down again.",
                how_to: &[
                    "When your rat is on you and calm, slide both hands under its body.",
                    "Lift it a little, then put it straight back down.",
                    "If it pulls away or says no, that's fine. Try again another day.",
                    "Build up slowly to longer holds.",
                ],
                success: "Your rat stays relaxed when you lift it.",
                warnings: &[STRUGGLES, SQUEAKS, BITES, FRANTIC, RED_TEARS],
                safety: Some(SCOOP),
                session_minutes: (10, 20),
                min_days: HOLD_DAYS,
                rule: HOLD,
            },
        ],
    },
    Technique {
        id: TechniqueId::Scent,
        name: "Scent",
        idea: "Your rat gets to know your smell before it gets to know you.",
        suits: "It suits nervous or shy rats that need extra time.",
        rhythm: "Something every day: a fresh tissue, or a few calm minutes with your hand nearby.",
        needs_safe_space: false,
        steps: &[
            Step {
                key: "scent-tissue",
                title: "Your scent in the cage",
                goal: "Your rat gets used to how you smell.",
                how_to: &[
                    "Keep a tissue or paper towel on you for a few hours, in a pocket or sleeve.",
                    "Put it in the cage, near where your rat sleeps.",
                    "Swap in a fresh one each day, for a few days.",
                    "Watch what your rat does with it. Sniffing it, carrying it or nesting in it are good signs.",
                ],
                success: "Your rat sniffs the tissue, carries it off or sleeps on it.",
                warnings: &[AVOIDS_SCENT, RED_TEARS],
                safety: Some("Use plain tissue or paper towel, with no perfume, lotion or hand cream on it."),
                session_minutes: (2, 5),
                min_days: 3,
                rule: FEW_DAYS,
            },
            Step {
                key: "hands-near",
                title: "Hands near, no touching",
                goal: "Your rat stays calm with your hand close by.",
                how_to: &[
                    "Move slowly, and bring your hand in where your rat can see it.",
                    "Rest your hand near it, a little way off.",
                    "Don't touch. Just let your hand be there.",
                    "Take your hand away while your rat is still calm.",
                    "Do this every day for a few days.",
                ],
                success: "Your rat stays where it is, or comes to sniff your hand.",
                warnings: &[FREEZES, HIDES, RED_TEARS],
                safety: None,
                session_minutes: (5, 10),
                min_days: 3,
                rule: FEW_DAYS,
            },
            Step {
                key: "treats",
                title: "Treats from your hand",
                goal: "Your rat takes treats from your fingers, as in Offering treats.",
                how_to: &[
                    "Open the cage door and offer a tiny treat between your thumb and first finger.",
                    "Keep your hand where your rat can see it, and stay still.",
                    "Let it come to you. If it doesn't, try again later.",
                    "Offer treats this way every day.",
                ],
                success: "Your rat takes treats from you without running off.",
                warnings: &[GRABS_AND_RUNS, NIPS_FOR_FOOD, FREEZES, HIDES, RED_TEARS],
                safety: Some(NO_BARS),
                session_minutes: (5, 10),
                min_days: 2,
                rule: TAKE_TREAT,
            },
            Step {
                key: "petting",
                title: "Gentle petting",
                goal: "Your rat is happy to be touched.",
                how_to: &[
                    "Always let your rat see your hand before you touch it.",
                    "Offer a treat first, then stroke its back once, softly.",
                    "Add a stroke or two each session while it stays calm.",
                    "If it seems scared, take your hand back. Rest it nearby for a day, then try again.",
                ],
                success: "Your rat stays put, or leans in, while you stroke it.",
                warnings: &[FREEZES, HIDES, SQUEAKS, BITES, RED_TEARS],
                safety: None,
                session_minutes: (5, 10),
                min_days: 3,
                rule: SCENT_PETTING,
            },
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn goal_signs_are_asked_where_the_step_is_about_them() {
        let mut treat_goals = 0;
        for tech in all() {
            for (i, step) in tech.steps.iter().enumerate() {
                let goal = tech.goal_sign(i as u8);
                assert_eq!(goal, step.rule.needs_sign, "{} step {i}", tech.name);
                if goal == Some(Sign::TookTreat) {
                    treat_goals += 1;
                    assert!(step.treats_from_hand(), "{} step {i}", tech.name);
                }
            }
            assert_eq!(tech.goal_sign(tech.last_step() + 1), None);
        }
        assert_eq!(treat_goals, 3);
        assert_eq!(
            technique(TechniqueId::OfferingTreats).goal_sign(0),
            Some(Sign::TookTreat)
        );
        assert_eq!(technique(TechniqueId::Scent).goal_sign(0), None);
    }

    #[test]
    fn keys_round_trip_and_match_serde() {
        for id in TechniqueId::ALL {
            assert_eq!(TechniqueId::from_key(id.key()), Some(id));
            assert_eq!(
                serde_json::to_string(&id).unwrap(),
                format!("\"{}\"", id.key())
            );
            assert_eq!(technique(id).id, id);
        }
        assert_eq!(TechniqueId::from_key("Scent"), None);
        assert_eq!(all().len(), TechniqueId::ALL.len());
        let ids: Vec<_> = all().iter().map(|t| t.id).collect();
        assert_eq!(ids, TechniqueId::ALL);
    }

    #[test]
    fn ladders_have_the_article_steps() {
        let cases: &[(TechniqueId, &[&str])] = &[
            (
                TechniqueId::OfferingTreats,
                &[
                    "treat-from-fingers",
                    "come-to-your-hand",
                    "treat-in-palm",
                    "short-holds",
                    "pick-up-and-roam",
                ],
            ),
            (
                TechniqueId::Bonding,
                &[
                    "time-in-safe-space",
                    "treats-in-safe-space",
                    "hands",
                    "pick-up-and-roam",
                ],
            ),
            (
                TechniqueId::NeutralSpace,
                &["just-be-there", "petting", "picking-up"],
            ),
            (
                TechniqueId::Scent,
                &["scent-tissue", "hands-near", "treats", "petting"],
            ),
        ];
        for (id, keys) in cases {
            let got: Vec<_> = technique(*id).steps.iter().map(|s| s.key).collect();
            assert_eq!(&got, keys, "{id:?}");
        }
    }

    #[test]
    fn every_step_is_well_formed() {
        for t in all() {
            assert!(!t.steps.is_empty());
            let mut keys = HashSet::new();
            for (i, s) in t.steps.iter().enumerate() {
                let at = format!("{} / {}", t.name, s.key);
                assert!(keys.insert(s.key), "duplicate key {at}");
                assert!((3..=6).contains(&s.how_to.len()), "how_to count {at}");
                assert!(!s.warnings.is_empty(), "warnings {at}");
                let (lo, hi) = s.session_minutes;
                assert!(0 < lo && lo <= hi && hi <= 20, "minutes {at}");
                let r = s.rule;
                assert!(
                    r.good_sessions >= r.good_days && r.good_days >= 2,
                    "good {at}"
                );
                assert!(s.min_days >= 1, "min_days {at}");
                assert!(
                    (1..=r.fear_window).contains(&r.fear_sessions_to_step_back),
                    "fear {at}"
                );
                assert!(r.back_days >= 1 && r.return_good_days >= 1, "back {at}");
                if let BackTo::Step(key) = r.back_to {
                    let target = t.step_index(key).expect("back_to names a real step");
                    assert!(usize::from(target) < i, "back_to goes down {at}");
                }
                for text in [s.title, s.goal, s.success]
                    .into_iter()
                    .chain(s.how_to.iter().copied())
                    .chain(s.safety)
                    .chain(s.warnings.iter().flat_map(|w| [w.sign, w.what_to_do]))
                {
                    assert!(!text.trim().is_empty(), "empty text {at}");
                    assert!(text.len() <= 200, "long text {at}: {text}");
                }
            }
        }
    }

    #[test]
    fn back_targets_follow_the_article() {
        let cases: &[(TechniqueId, &str, Option<&str>)] = &[
            (TechniqueId::OfferingTreats, "treat-from-fingers", None),
            (
                TechniqueId::OfferingTreats,
                "short-holds",
                Some("treat-in-palm"),
            ),
            (TechniqueId::Bonding, "hands", Some("treats-in-safe-space")),
            (TechniqueId::Bonding, "pick-up-and-roam", Some("hands")),
            (TechniqueId::Scent, "petting", Some("hands-near")),
            (TechniqueId::Scent, "treats", Some("hands-near")),
            (TechniqueId::NeutralSpace, "petting", Some("just-be-there")),
        ];
        for (id, from, want) in cases {
            let t = technique(*id);
            let got = t.back_target(t.step_index(from).unwrap());
            let want = want.map(|k| t.step_index(k).unwrap());
            assert_eq!(got, want, "{id:?} {from}");
        }
        assert_eq!(technique(TechniqueId::Scent).back_target(9), None);
    }

    #[test]
    fn handling_steps_step_back_after_a_bite() {
        for t in all() {
            for s in t.steps {
                let touches = s.rule.good_sessions >= TOUCH.good_sessions;
                assert_eq!(s.rule.bite_steps_back, touches, "{} / {}", t.name, s.key);
            }
        }
    }

    #[test]
    fn safety_facts_are_present() {
        let text: String = all()
            .iter()
            .flat_map(|t| t.steps)
            .flat_map(|s| s.safety.into_iter().chain(s.how_to.iter().copied()))
            .chain(BASICS.iter().copied())
            .collect::<Vec<_>>()
            .join(" ");
        for needle in [
            "never through the bars",
            "both hands",
            "tail",
            "Never force",
            "sleeping",
            "vomit",
            "low-fat",
            "10 to 20 minutes",
            "frantic",
            "box to hide",
            "gaps",
        ] {
            assert!(text.contains(needle), "missing {needle:?}");
        }
    }

    #[test]
    fn next_after_mastery_only_follows_scent() {
        use Temperament::*;
        let cases = [
            (
                TechniqueId::Scent,
                Nervous,
                false,
                Some(TechniqueId::OfferingTreats),
            ),
            (
                TechniqueId::Scent,
                Confident,
                false,
                Some(TechniqueId::OfferingTreats),
            ),
            (
                TechniqueId::Scent,
                Nervous,
                true,
                Some(TechniqueId::Bonding),
            ),
            (TechniqueId::Scent, Shy, true, Some(TechniqueId::Bonding)),
            (
                TechniqueId::Scent,
                Curious,
                true,
                Some(TechniqueId::NeutralSpace),
            ),
            (TechniqueId::OfferingTreats, Curious, true, None),
            (TechniqueId::Bonding, Shy, true, None),
            (TechniqueId::NeutralSpace, Confident, false, None),
        ];
        for (done, temperament, space, want) in cases {
            assert_eq!(
                next_after_mastery(done, temperament, space),
                want,
                "{done:?} {temperament:?} {space}"
            );
        }
    }
}

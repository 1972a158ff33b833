//! A short questionnaire that suggests which technique to start with.

use super::rat::Temperament;
use super::technique::TechniqueId;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Answer {
    pub key: &'static str,
    pub text: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub key: &'static str,
    pub text: &'static str,
    pub answers: &'static [Answer],
}

pub const HAND: &str = "hand-in-cage";
pub const FOOD: &str = "takes-food";
pub const HANDLED: &str = "handled-before";
pub const SAFE_SPACE: &str = "safe-space";
pub const TEMPERAMENT: &str = "temperament";

static QUESTIONS: [Question; 5] = [
    Question {
        key: HAND,
        text: "When you put your hand in the cage, what does your rat do?",
        answers: &[
            Answer { key: "comes-to-sniff", text: "Comes over to sniff it" },
            Answer { key: "watches", text: "Watches from a distance" },
            Answer { key: "hides-or-freezes", text: "Hides or freezes" },
        ],
    },
    Question {
        key: FOOD,
        text: "Does your rat take food from your fingers?",
        answers: &[
            Answer { key: "yes", text: "Yes" },
            Answer { key: "sometimes", text: "Sometimes" },
            Answer { key: "not-yet", text: "Not yet" },
        ],
    },
    Question {
        key: HANDLED,
        text: "Has your rat been handled before?",
        answers: &[
            Answer { key: "often", text: "Yes, often" },
            Answer { key: "a-little", text: "A little" },
            Answer { key: "no-or-unknown", text: "No, or I don't know" },
        ],
    },
    Question {
        key: SAFE_SPACE,
        text: "Do you have a safe space outside the cage, like a bed, an armchair or an exercise pen, with no gaps to escape through?",
        answers: &[
            Answer { key: "yes", text: "Yes" },
            Answer { key: "no", text: "No" },
        ],
    },
    Question {
        key: TEMPERAMENT,
        text: "How would you describe your rat?",
        answers: &[
            Answer { key: "confident", text: "Confident" },
            Answer { key: "curious", text: "Curious" },
            Answer { key: "shy", text: "Shy" },
            Answer { key: "nervous", text: "Nervous" },
        ],
    },
];

pub fn questions() -> &'static [Question] {
    &QUESTIONS
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HandReaction {
    ComesToSniff,
    Watches,
    HidesOrFreezes,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TakesFood {
    Yes,
    Sometimes,
    NotYet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Handled {
    Often,
    ALittle,
    NoOrUnknown,
}

/// The owner's answers; unanswered questions count as the more careful answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    #[serde(default)]
    pub hand: Option<HandReaction>,
    #[serde(default)]
    pub food: Option<TakesFood>,
    #[serde(default)]
    pub handled: Option<Handled>,
    #[serde(default)]
    pub safe_space: Option<bool>,
    /// When unset, the temperament from the rat's profile is used.
    #[serde(default)]
    pub temperament: Option<Temperament>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChooserError {
    UnknownQuestion(String),
    UnknownAnswer {
        question: &'static str,
        answer: String,
    },
}

impl fmt::Display for ChooserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChooserError::UnknownQuestion(_) => {
                f.write_str(crate::text::coach::chooser::UNKNOWN_QUESTION)
            }
            ChooserError::UnknownAnswer { .. } => {
                f.write_str(crate::text::coach::chooser::UNKNOWN_ANSWER)
            }
        }
    }
}

impl Answers {
    /// Starts with the temperament from the rat's profile filled in.
    pub fn prefilled(temperament: Temperament) -> Self {
        Answers {
            temperament: Some(temperament),
            ..Answers::default()
        }
    }

    /// Sets an answer by the keys in [`questions`], as a form would.
    pub fn set(&mut self, question: &str, answer: &str) -> Result<(), ChooserError> {
        let q = QUESTIONS
            .iter()
            .find(|q| q.key == question)
            .ok_or_else(|| ChooserError::UnknownQuestion(question.to_string()))?;
        let bad = || ChooserError::UnknownAnswer {
            question: q.key,
            answer: answer.to_string(),
        };
        match (q.key, answer) {
            (HAND, "comes-to-sniff") => self.hand = Some(HandReaction::ComesToSniff),
            (HAND, "watches") => self.hand = Some(HandReaction::Watches),
            (HAND, "hides-or-freezes") => self.hand = Some(HandReaction::HidesOrFreezes),
            (FOOD, "yes") => self.food = Some(TakesFood::Yes),
            (FOOD, "sometimes") => self.food = Some(TakesFood::Sometimes),
            (FOOD, "not-yet") => self.food = Some(TakesFood::NotYet),
            (HANDLED, "often") => self.handled = Some(Handled::Often),
            (HANDLED, "a-little") => self.handled = Some(Handled::ALittle),
            (HANDLED, "no-or-unknown") => self.handled = Some(Handled::NoOrUnknown),
            (SAFE_SPACE, "yes") => self.safe_space = Some(true),
            (SAFE_SPACE, "no") => self.safe_space = Some(false),
            (TEMPERAMENT, key) => {
                self.temperament = Some(Temperament::from_key(key).ok_or_else(bad)?)
            }
            _ => return Err(bad()),
        }
        Ok(())
    }

    /// The chosen answer key for a question, for showing the form again.
    pub fn get(&self, question: &str) -> Option<&'static str> {
        match question {
            HAND => self.hand.map(|h| match h {
                HandReaction::ComesToSniff => "comes-to-sniff",
                HandReaction::Watches => "watches",
                HandReaction::HidesOrFreezes => "hides-or-freezes",
            }),
            FOOD => self.food.map(|f| match f {
                TakesFood::Yes => "yes",
                TakesFood::Sometimes => "sometimes",
                TakesFood::NotYet => "not-yet",
            }),
            HANDLED => self.handled.map(|h| match h {
                Handled::Often => "often",
                Handled::ALittle => "a-little",
                Handled::NoOrUnknown => "no-or-unknown",
            }),
            SAFE_SPACE => self.safe_space.map(|s| if s { "yes" } else { "no" }),
            TEMPERAMENT => self.temperament.map(Temperament::key),
            _ => None,
        }
    }

    pub fn is_complete(&self) -> bool {
        QUESTIONS.iter().all(|q| self.get(q.key).is_some())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    pub technique: TechniqueId,
    /// One sentence, naming the rat.
    pub reason: String,
    /// The other techniques, each with when it might fit.
    pub others: Vec<(TechniqueId, String)>,
}

/// Suggests a first technique. Fear decides first (Scent), then food from the hand
/// (Offering treats), then whether a safe space and a bold nature allow the
/// out-of-cage techniques.
pub fn recommend(answers: &Answers, name: &str, temperament: Temperament) -> Recommendation {
    use HandReaction::*;
    use Temperament::*;

    let temperament = answers.temperament.unwrap_or(temperament);
    let hand = answers.hand.unwrap_or(Watches);
    let food = answers.food.unwrap_or(TakesFood::NotYet);
    let handled = answers.handled.unwrap_or(Handled::NoOrUnknown);
    let space = answers.safe_space.unwrap_or(false);
    let bold = matches!(temperament, Confident | Curious);

    use crate::text::coach::chooser as t;
    let (technique, reason) = if hand == HidesOrFreezes {
        (TechniqueId::Scent, t::scent_hides(name))
    } else if temperament == Nervous && food != TakesFood::Yes {
        (TechniqueId::Scent, t::scent_nervous(name))
    } else if food != TakesFood::Yes {
        let how = if food == TakesFood::Sometimes {
            t::SOMETIMES_TAKES_FOOD
        } else {
            t::NO_FOOD_YET
        };
        (TechniqueId::OfferingTreats, t::offering_no_food(name, how))
    } else if space && hand == ComesToSniff && bold {
        (TechniqueId::NeutralSpace, t::neutral_space(name))
    } else if space && handled != Handled::NoOrUnknown && temperament != Nervous {
        (TechniqueId::Bonding, t::bonding(name))
    } else {
        (TechniqueId::OfferingTreats, t::offering(name))
    };

    let others = TechniqueId::ALL
        .into_iter()
        .filter(|t| *t != technique)
        .map(|t| (t, when_it_fits(t, name, temperament, space)))
        .collect();
    Recommendation {
        technique,
        reason,
        others,
    }
}

fn when_it_fits(id: TechniqueId, name: &str, temperament: Temperament, space: bool) -> String {
    use crate::text::coach::chooser as t;
    match id {
        TechniqueId::Scent => t::other_scent(name),
        TechniqueId::OfferingTreats => t::OTHER_OFFERING.to_string(),
        TechniqueId::Bonding if !space => t::OTHER_BONDING_NO_SPACE.to_string(),
        TechniqueId::Bonding if temperament == Temperament::Nervous => {
            t::other_bonding_nervous(name)
        }
        TechniqueId::Bonding => t::OTHER_BONDING.to_string(),
        TechniqueId::NeutralSpace if !space => t::OTHER_NEUTRAL_NO_SPACE.to_string(),
        TechniqueId::NeutralSpace => t::other_neutral(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_match_the_answer_keys() {
        assert_eq!(questions().len(), 5);
        for q in questions() {
            assert!(q.text.ends_with('?'), "{}", q.key);
            for a in q.answers {
                let mut answers = Answers::default();
                answers.set(q.key, a.key).unwrap();
                assert_eq!(answers.get(q.key), Some(a.key), "{} {}", q.key, a.key);
            }
        }
        let temperaments: Vec<_> = QUESTIONS[4].answers.iter().map(|a| a.key).collect();
        let keys: Vec<_> = Temperament::ALL.iter().map(|t| t.key()).collect();
        assert_eq!(temperaments, keys);
    }

    #[test]
    fn set_rejects_unknown_keys() {
        let mut a = Answers::default();
        assert_eq!(
            a.set("colour", "white"),
            Err(ChooserError::UnknownQuestion("colour".into()))
        );
        assert!(matches!(
            a.set(FOOD, "maybe"),
            Err(ChooserError::UnknownAnswer { question: FOOD, .. })
        ));
        assert!(a.set(TEMPERAMENT, "grumpy").is_err());
        assert_eq!(a, Answers::default());
        assert!(!a.is_complete());
    }

    #[test]
    fn prefilled_uses_the_profile_and_serde_round_trips() {
        let mut a = Answers::prefilled(Temperament::Shy);
        assert_eq!(a.get(TEMPERAMENT), Some("shy"));
        for (q, ans) in [
            (HAND, "watches"),
            (FOOD, "yes"),
            (HANDLED, "a-little"),
            (SAFE_SPACE, "no"),
        ] {
            a.set(q, ans).unwrap();
        }
        assert!(a.is_complete());
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), a);
        assert_eq!(
            serde_json::from_str::<Answers>("{}").unwrap(),
            Answers::default()
        );
    }

    #[test]
    fn recommendations() {
        // answers given, profile temperament -> technique, words in the reason
        type Case = (
            &'static [(&'static str, &'static str)],
            Temperament,
            TechniqueId,
            &'static [&'static str],
        );
        let cases: &[Case] = &[
            (
                &[
                    (HAND, "hides-or-freezes"),
                    (FOOD, "yes"),
                    (SAFE_SPACE, "yes"),
                ],
                Temperament::Confident,
                TechniqueId::Scent,
                &["Scent first", "Pip hides"],
            ),
            (
                &[(HAND, "watches"), (FOOD, "sometimes")],
                Temperament::Nervous,
                TechniqueId::Scent,
                &["Scent first", "nervous"],
            ),
            (
                &[
                    (HAND, "watches"),
                    (FOOD, "sometimes"),
                    (TEMPERAMENT, "nervous"),
                ],
                Temperament::Curious,
                TechniqueId::Scent,
                &["nervous"],
            ),
            (
                &[(HAND, "watches"), (FOOD, "sometimes")],
                Temperament::Shy,
                TechniqueId::OfferingTreats,
                &["sometimes takes food", "fingers"],
            ),
            (
                &[(HAND, "comes-to-sniff"), (FOOD, "not-yet")],
                Temperament::Curious,
                TechniqueId::OfferingTreats,
                &["doesn't take food"],
            ),
            (
                &[(HAND, "comes-to-sniff"), (FOOD, "yes"), (SAFE_SPACE, "yes")],
                Temperament::Curious,
                TechniqueId::NeutralSpace,
                &["Neutral space", "Pip already comes"],
            ),
            (
                &[(HAND, "comes-to-sniff"), (FOOD, "yes"), (SAFE_SPACE, "no")],
                Temperament::Confident,
                TechniqueId::OfferingTreats,
                &["palm"],
            ),
            (
                &[
                    (HAND, "watches"),
                    (FOOD, "yes"),
                    (HANDLED, "a-little"),
                    (SAFE_SPACE, "yes"),
                ],
                Temperament::Shy,
                TechniqueId::Bonding,
                &["Bonding", "safe space"],
            ),
            (
                &[
                    (HAND, "watches"),
                    (FOOD, "yes"),
                    (HANDLED, "no-or-unknown"),
                    (SAFE_SPACE, "yes"),
                ],
                Temperament::Shy,
                TechniqueId::OfferingTreats,
                &["takes food"],
            ),
            (
                &[
                    (HAND, "comes-to-sniff"),
                    (FOOD, "yes"),
                    (HANDLED, "often"),
                    (SAFE_SPACE, "yes"),
                ],
                Temperament::Nervous,
                TechniqueId::OfferingTreats,
                &["palm"],
            ),
            // Nothing answered: the careful path for a nervous rat, and treats otherwise.
            (
                &[],
                Temperament::Nervous,
                TechniqueId::Scent,
                &["Scent first"],
            ),
            (
                &[],
                Temperament::Confident,
                TechniqueId::OfferingTreats,
                &["doesn't take food"],
            ),
        ];
        for (set, profile, want, words) in cases {
            let mut answers = Answers::default();
            for (q, a) in *set {
                answers.set(q, a).unwrap();
            }
            let r = recommend(&answers, "Pip", *profile);
            assert_eq!(r.technique, *want, "{set:?} {profile:?}: {}", r.reason);
            for w in *words {
                assert!(r.reason.contains(w), "{:?} lacks {w:?}", r.reason);
            }
            assert!(r.reason.ends_with('.') && r.reason.contains("Pip"));
            let others: Vec<_> = r.others.iter().map(|(t, _)| *t).collect();
            assert_eq!(others.len(), 3);
            assert!(!others.contains(want));
            for (t, why) in &r.others {
                assert!(why.starts_with(t.name()), "{why}");
            }
        }
    }

    #[test]
    fn others_explain_what_is_missing() {
        let mut a = Answers::prefilled(Temperament::Nervous);
        a.set(HAND, "hides-or-freezes").unwrap();
        let r = recommend(&a, "Pip", Temperament::Curious);
        let why = |t| r.others.iter().find(|(o, _)| *o == t).unwrap().1.clone();
        assert!(why(TechniqueId::Bonding).contains("once you have a safe space"));
        assert!(why(TechniqueId::NeutralSpace).contains("needs a safe area"));
        a.set(SAFE_SPACE, "yes").unwrap();
        let r = recommend(&a, "Pip", Temperament::Curious);
        let bonding = &r
            .others
            .iter()
            .find(|(o, _)| *o == TechniqueId::Bonding)
            .unwrap()
            .1;
        assert!(bonding.contains("hard for a nervous rat"));
    }
}

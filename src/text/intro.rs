//! Words of the three optional intro cards on the welcome screen.

pub const OPEN: &str = "How it works, in 3 cards";
pub const SKIP: &str = "Skip";
pub const NEXT: &str = "Next";
pub const BACK: &str = "Back";
pub const DONE: &str = "Add your first rat";
pub const REGION: &str = "How Ratbond works";

pub struct Card {
    pub title: &'static str,
    pub body: &'static str,
}

pub const CARDS: [Card; 3] = [
    Card {
        title: "Small steps, every day",
        body: "Trust grows in short, calm sessions, once or twice a day. Each step says how long to keep it.",
    },
    Card {
        title: "A plan for your rat",
        body: "Answer a few questions and Ratbond picks a technique. Each session, it shows you the one step to practise.",
    },
    Card {
        title: "Always at your rat's pace",
        body: "After each session, tell Ratbond how it went. It says when to move on, stay or go back a step. Never force contact.",
    },
];

pub fn position(card: usize, of: usize) -> String {
    format!("Card {card} of {of}")
}

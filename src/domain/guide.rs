//! The Guide screen's content as static data: body language, treats, handling safety,
//! session tips and an overview of each technique.
//!
//! Facts come from `shared/research/rat-handling-facts.md` and the source article; the
//! wording is the app's own. Where sources disagree, the text takes the gentler path.
//!
//! Each logged [`Sign`] has an entry whose id is the sign's key, so a session's signs
//! link straight to their explanation ([`for_sign`]). Each technique has one overview
//! entry ([`overview`]); the page links it to the technique's steps.

use super::session::Sign;
use super::technique::TechniqueId;
use Mood::{Comfort, Stress};
use Topic::{Handling, SessionTips, Treats};

/// A section of the guide, in the order the screen shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    BodyLanguage,
    Treats,
    Handling,
    SessionTips,
    Techniques,
}

impl Topic {
    pub const ALL: [Topic; 5] = [
        Topic::BodyLanguage,
        Topic::Treats,
        Topic::Handling,
        Topic::SessionTips,
        Topic::Techniques,
    ];

    /// Kebab-case, for URL fragments.
    pub fn key(self) -> &'static str {
        match self {
            Topic::BodyLanguage => "body-language",
            Topic::Treats => "treats",
            Topic::Handling => "handling",
            Topic::SessionTips => "session-tips",
            Topic::Techniques => "techniques",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }
    pub fn title(self) -> &'static str {
        match self {
            Topic::BodyLanguage => "Body language",
            Topic::Treats => "Treats",
            Topic::Handling => "Handling safely",
            Topic::SessionTips => "Session tips",
            Topic::Techniques => "The four techniques",
        }
    }
}

/// Whether a body-language sign is good news or a reason to ease off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mood {
    Comfort,
    Stress,
}

impl Mood {
    pub fn label(self) -> &'static str {
        match self {
            Mood::Comfort => "Sign of comfort",
            Mood::Stress => "Sign of fear or stress",
        }
    }
}

/// One card of the guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Kebab-case and unique; used as the URL fragment. A sign's entry uses the sign's key.
    pub id: &'static str,
    pub topic: Topic,
    pub title: &'static str,
    /// One line, shown when the card is folded.
    pub summary: &'static str,
    /// Short paragraphs.
    pub body: &'static [&'static str],
    /// Set on body-language signs only.
    pub mood: Option<Mood>,
    /// Extra words that [`search`] matches but the card doesn't show.
    pub words: &'static str,
    /// Set on technique overviews only: the technique whose steps the card links to.
    pub technique: Option<TechniqueId>,
}

impl Entry {
    /// True when every word (already lower-case) appears somewhere in the entry.
    fn matches(&self, words: &[String]) -> bool {
        if words.is_empty() {
            return true;
        }
        let mut hay = format!("{} {} {}", self.title, self.summary, self.words);
        for p in self.body {
            hay.push(' ');
            hay.push_str(p);
        }
        let hay = hay.to_lowercase();
        // Another form of a word counts only at the start of a word: "ears" must not find "fear".
        let starts_word = |stem: &str| {
            // Not `is_alphanumeric`: its Unicode tables cost kilobytes of wasm.
            hay.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
                .any(|w| w.starts_with(stem))
        };
        words
            .iter()
            .all(|w| hay.contains(w.as_str()) || stem(w).is_some_and(starts_word))
    }
}

/// A word without its English ending, so "biting" finds "bite" and "nipping" finds "nip".
/// Rough on purpose: the search is over a few dozen short cards.
fn stem(word: &str) -> Option<&str> {
    let base = ["ing", "ed", "es", "s"]
        .iter()
        .filter_map(|end| word.strip_suffix(end))
        .find(|base| base.chars().count() >= 3)?;
    // "nipp" -> "nip", "scarr" -> "scar".
    let mut chars = base.chars().rev();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a == b && !"aeiou".contains(a) => {
            Some(&base[..base.len() - a.len_utf8()])
        }
        _ => Some(base),
    }
}

/// Entries of one topic, in guide order.
pub fn in_topic(topic: Topic) -> impl Iterator<Item = &'static Entry> {
    ENTRIES.iter().filter(move |e| e.topic == topic)
}

/// Entries containing every word of `query`, ignoring case and punctuation at the ends of
/// words, in guide order. An empty query returns every entry.
pub fn search(query: &str) -> Vec<&'static Entry> {
    let words: Vec<String> = query
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    ENTRIES.iter().filter(|e| e.matches(&words)).collect()
}

pub fn entry(id: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.id == id)
}

/// The entry explaining a sign the owner logged. Tests check every sign has one, so the
/// fallback (the first body-language entry) is never used.
pub fn for_sign(sign: Sign) -> &'static Entry {
    entry(sign.key()).unwrap_or(&ENTRIES[0])
}

/// The overview of a technique. Tests check each technique has exactly one.
pub fn overview(id: TechniqueId) -> &'static Entry {
    ENTRIES
        .iter()
        .find(|e| e.technique == Some(id))
        .unwrap_or(&ENTRIES[0])
}

const fn sign(
    id: &'static str,
    mood: Mood,
    title: &'static str,
    summary: &'static str,
    body: &'static [&'static str],
    words: &'static str,
) -> Entry {
    Entry {
        id,
        topic: Topic::BodyLanguage,
        title,
        summary,
        body,
        mood: Some(mood),
        words,
        technique: None,
    }
}

const fn tip(
    topic: Topic,
    id: &'static str,
    title: &'static str,
    summary: &'static str,
    body: &'static [&'static str],
    words: &'static str,
) -> Entry {
    Entry {
        id,
        topic,
        title,
        summary,
        body,
        mood: None,
        words,
        technique: None,
    }
}

/// `key` must be `id.key()`, which isn't a `const fn`; a test checks it.
const fn tech(
    id: TechniqueId,
    key: &'static str,
    title: &'static str,
    summary: &'static str,
    body: &'static [&'static str],
    words: &'static str,
) -> Entry {
    Entry {
        id: key,
        topic: Topic::Techniques,
        title,
        summary,
        body,
        mood: None,
        words,
        technique: Some(id),
    }
}

/// The whole guide, grouped by topic in [`Topic::ALL`] order.
pub static ENTRIES: &[Entry] = &[
    // Body language: comfort.
    sign(
        "took-treat",
        Comfort,
        "Takes a treat",
        "Taking food from you is an early sign of trust.",
        &[
            "At first your rat may grab the treat and dash off to eat it. That's normal.",
            "Keep still and calm. In time it will stay and eat beside you.",
        ],
        "food grabs",
    ),
    sign(
        "sniffed-or-licked",
        Comfort,
        "Sniffs or licks your hand",
        "Your rat is curious about your hand, not scared of it.",
        &["Sniffing is how a rat learns who you are, and a lick is a friendly sign. Keep your hand still and let it explore."],
        "nose smell tongue",
    ),
    sign(
        "climbed-on",
        Comfort,
        "Climbs onto you",
        "Your rat chose to come to you. That's a big step.",
        &["Keep still with your hands open, and let it decide how long to stay. A rat that knows it can leave comes back more often."],
        "climb arm lap shoulder",
    ),
    sign(
        "relaxed-body",
        Comfort,
        "Relaxed ears and body",
        "Soft, open ears and a loose body mean your rat feels at ease.",
        &["A content rat's ears look pinker, more open and set wider apart. Coming close, staying, or lying stretched out near you all say it feels safe."],
        "calm lying approach",
    ),
    sign(
        "settling",
        Comfort,
        "Settling down",
        "Small signs that a nervous rat is starting to relax.",
        &[
            "Looking away, lowering the head, or muscles going soft are signs of calm.",
            "Bring your hand only as close as your rat accepts, and wait for one. Then reward the calm by moving your hand back a little.",
        ],
        "nervous reward distance",
    ),
    sign(
        "bruxing",
        Comfort,
        "Bruxing (teeth grinding)",
        "Soft grinding of the front teeth usually means your rat is content.",
        &[
            "It sounds a bit like a cat's purr, and most often means happy and relaxed.",
            "But bruxing in a tense or frozen rat can mean stress or pain. Then stop and give it space, and ask a vet if it keeps happening. Loud, sharp chattering is a different sound, and goes with stress.",
        ],
        "purring clicking",
    ),
    sign(
        "boggling",
        Comfort,
        "Boggling (eyes flickering)",
        "Eyes popping in and out during strong bruxing show deep pleasure.",
        &["It looks odd but is normal: a jaw muscle runs behind the eye. Your rat is very happy, so carry on gently."],
        "bulging vibrating teeth",
    ),
    sign(
        "popcorning",
        Comfort,
        "Popcorning (joy jumps)",
        "Sudden hops and twists are play and joy.",
        &["Young rats do it most. Give it room: a rat that plays near you feels safe with you."],
        "jump bounce happy",
    ),
    Entry {
        id: "ultrasonic-calls",
        topic: Topic::BodyLanguage,
        title: "Calls you can't hear",
        summary: "Many rat calls are too high for us to hear.",
        body: &[
            "Calls near 50 kHz go with good feelings, like play. Calls near 22 kHz go with fear and wanting to get away.",
            "Gentle tickling can bring on the happy calls, but not every rat likes it. If yours pulls away, stop.",
        ],
        mood: None,
        words: "ultrasonic sound voice laughing",
        technique: None,
    },
    // Body language: fear or stress.
    sign(
        "froze",
        Stress,
        "Freezes",
        "Keeping very still is a way to hide. Your rat feels unsafe.",
        &["A frozen rat is afraid, not calm. Stay still and quiet, and move your hand back a little if it is near. When it moves again, end gently or ask for less."],
        "stiff tense scared",
    ),
    sign(
        "hid",
        Stress,
        "Hides or runs away",
        "It was too much, too soon. Let it hide, and go slower.",
        &["A hiding place is where your rat feels safe. Don't chase it or pull it out. Let it come out in its own time, and make the next step smaller."],
        "flee fled escape scared",
    ),
    sign(
        "squeaked",
        Stress,
        "Squeaks when touched",
        "A squeak when touched can mean fear or pain.",
        &["Take your hand away calmly. If it squeaks each time you touch the same spot, it may be sore: ask a vet to check."],
        "squeal noise cry",
    ),
    sign(
        "nipped-or-bit",
        Stress,
        "Nips or bites",
        "A nip usually means stop, that's too much. Sometimes it's a grab for food.",
        &[
            "A nip, bite or lunge is a rat's strongest way to say no.",
            "Stay calm and slowly take your hand away. Never punish: that only teaches fear. Go back a step and keep sessions short. If it nips at treats, offer them on a spoon for a while.",
        ],
        "biting teeth fingers",
    ),
    sign(
        "warning-posture",
        Stress,
        "Puffed fur, boxing or sidling",
        "Fur on end, boxing or sidling mean your rat feels threatened.",
        &["A flattened body is a warning too. Don't reach in. Move your hand away calmly and give it space. Try again another day, asking for less."],
        "puffed fluffed sideways flat aggression",
    ),
    sign(
        "red-tears",
        Stress,
        "Red tears (porphyrin)",
        "Red-brown crust at the eyes or nose often means stress or illness.",
        &[
            "It looks like dried blood, but isn't.",
            "Let your rat rest until tomorrow, then keep sessions short and easy for a few days. If you see it often, or your rat seems ill, see a vet.",
        ],
        "crust sick",
    ),
    // Treats.
    tip(
        Treats,
        "good-treats",
        "Good treats",
        "Small, healthy bites your rat really likes.",
        &[
            "Pick foods low in fat and sugar that your rat loves. A pea, plain cooked pasta or a crumb of cooked egg are easy to try.",
            "Soft food licked from a spoon keeps it close for longer. Too much fat makes rats overweight, which is linked to tumours.",
        ],
        "snack reward favourite",
    ),
    tip(
        Treats,
        "treat-size",
        "Size and how many",
        "Pea-sized pieces, with about 10 to 15 ready for a session.",
        &["Small enough to eat in under five seconds, so your rat comes back for another instead of wandering off. Count them as part of the day's food."],
        "tiny how many portion",
    ),
    tip(
        Treats,
        "sticky-foods",
        "Sticky foods and choking",
        "Rats can't vomit, so sticky food can choke them.",
        &["Peanut butter, lumps of bread or nori can lodge in the throat. Spread them very thin, or skip them."],
        "choke choking seaweed",
    ),
    tip(
        Treats,
        "unsafe-foods",
        "Foods to avoid",
        "These are unsafe or risky for rats. Leave them out.",
        &[
            "Raw dry beans, raw peanuts, raw sweet potato, green bananas, green potato skin or potato eyes, and anything mouldy.",
            "Wild-caught insects, carbonated drinks, blue cheese, liquorice and rhubarb.",
            "For male rats, also citrus peel and juice. Some say the risk is small; leaving it out is the safe choice.",
        ],
        "toxic poison dangerous fizzy orange lemon",
    ),
    // Handling safety.
    tip(
        Handling,
        "pick-up",
        "Picking up",
        "Scoop with both hands under the body. Never lift by the tail.",
        &[
            "Let your rat see your hand coming, then slide both hands under its belly and lift gently.",
            "Never pick a rat up by its tail: the skin can tear off.",
        ],
        "lift carry",
    ),
    tip(
        Handling,
        "hold-low",
        "Hold low and loose",
        "Hold low over something soft, and let go when it wants.",
        &["Keep your rat close and low, over your lap, a bed or the cage floor, so a jump can't hurt it. If it wriggles to get free, set it down gently at once."],
        "holding fall drop struggle",
    ),
    tip(
        Handling,
        "no-bars",
        "Not through the bars",
        "Give treats through the open door, never between the bars.",
        &["A rat fed through the bars learns that fingers poking in are food, and may bite them."],
        "cage",
    ),
    tip(
        Handling,
        "sleep-and-cage",
        "Sleep and the cage",
        "Let sleeping rats sleep. Train when yours is up and about.",
        &["Some rats guard their cage. For them, a safe spot outside it often goes better."],
        "asleep wake territorial neutral",
    ),
    tip(
        Handling,
        "safe-space",
        "A safe space to roam",
        "Keep free-roam space small, closed and checked.",
        &["Block gaps and move cables and anything harmful to chew. A small room works, or a bathtub with a towel and a box to hide in. Stay with your rat the whole time."],
        "playpen escape out of cage",
    ),
    tip(
        Handling,
        "pouches-and-tubs",
        "Pouches, shirts and tubs",
        "Useful tools, but only when your rat goes in on its own.",
        &["A bonding pouch, a loose shirt or a bathtub can help a rat feel close and safe. Never stuff it in or shut it in."],
        "hoodie carry",
    ),
    tip(
        Handling,
        "see-a-vet",
        "When to see a vet",
        "Some signs need a vet, not more training.",
        &[
            "See a vet for red tears that keep coming back, a squeak each time one spot is touched, or bruxing while tense or frozen.",
            "Choking is an emergency. Find a rat-savvy vet now, before you ever need one.",
        ],
        "doctor ill sick pain health",
    ),
    // Session tips.
    tip(
        SessionTips,
        "short-sessions",
        "Short and often",
        "Each step says how long. No session needs more than 10 to 20 minutes; short and often is best.",
        &["If your rat starts scrambling or trying to escape, it's frantic: end calmly, and make the next session shorter."],
        "length how long time",
    ),
    tip(
        SessionTips,
        "every-day",
        "Every day",
        "At least one session a day, more if you can.",
        &[
            "Skipped days slow taming down. The same time each day helps your rat know when to expect you.",
            "As it grows used to you, work up to at least 30 minutes a day out of the cage, ideally one to two hours.",
        ],
        "daily routine schedule streak",
    ),
    tip(
        SessionTips,
        "best-time",
        "Pick a good time",
        "Rats are liveliest at dusk and early morning.",
        &["That's a good time for treats and play. A drowsy rat may sit in your hands more easily, but only once it has woken by itself."],
        "evening awake sleepy when",
    ),
    tip(
        SessionTips,
        "quiet-and-calm",
        "Quiet and calm",
        "A quiet room, slow hands and a soft voice.",
        &[
            "Keep your hands where your rat can see them, and let it sniff before you touch.",
            "Skip perfume and hand cream, and wash food smells off your fingers, so your hand smells of you, not of a snack.",
        ],
        "noise scent lotion",
    ),
    tip(
        SessionTips,
        "good-note",
        "End on a good note",
        "Stop while your rat is still keen.",
        &["Finish after a small success, like a treat taken calmly, not after a scare. The next session then starts from a happy place."],
        "finish",
    ),
    tip(
        SessionTips,
        "step-back",
        "Step back when scared",
        "Going back a step is part of the plan, not a failure.",
        &[
            "Freezing, hiding or nipping means the step was too big. Go back to the last step your rat was happy with for a few days.",
            "Let your rat set the pace, and never push contact it doesn't want.",
        ],
        "setback regress slower fear patience",
    ),
    tip(
        SessionTips,
        "every-rat-differs",
        "Every rat is different",
        "Some rats take days, others months. Both are fine.",
        &[
            "Rats handled gently as babies often tame fastest. Rescues and older rats may need much longer.",
            "Males tend to be bigger, calmer lap rats, and leave tiny urine drops to scent-mark, which is normal. Females tend to be smaller and busier.",
        ],
        "age baby boy girl personality",
    ),
    // Technique overviews.
    tech(
        TechniqueId::OfferingTreats,
        "offering-treats",
        "Offering treats",
        "Your rat comes to your hand for treats. Most rats can start here.",
        &["First a treat from your fingers in the cage, then from further away, then on your open palm. Then short holds, and last, picking up and time out."],
        "food beginner",
    ),
    tech(
        TechniqueId::Bonding,
        "bonding",
        "Bonding",
        "Calm time together in a small, safe space outside the cage.",
        &[
            "First quiet time together in a bed, armchair or pen, then treats there, then gentle strokes. Last, picking up and roaming. If hands upset your rat, go back to treats for a few days.",
            "Very nervous rats may find a new place hard. Scent may suit them better.",
        ],
        "together",
    ),
    tech(
        TechniqueId::NeutralSpace,
        "neutral-space",
        "Neutral space",
        "Your rat roams a safe area and comes to you when it chooses.",
        &[
            "Sit quietly and don't reach for it. Once it climbs on you by itself, try gentle petting, then picking up.",
            "Good for curious or bold rats, and rats that guard their cage. It asks patience of you.",
        ],
        "roam explore floor territorial",
    ),
    tech(
        TechniqueId::Scent,
        "scent",
        "Scent",
        "Your rat learns your smell before your hands. Good for shy rats.",
        &[
            "Carry a plain tissue for a few hours, then put it in the cage. Use a fresh one each day for a few days.",
            "Next, rest your hand nearby, in sight, without touching. Then offer treats, then soft petting. If it's scared, back off and try again. Then move on to another technique for handling.",
        ],
        "smell nervous",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::technique::technique;
    use std::collections::HashSet;

    /// Every string an entry shows or searches.
    fn texts(e: &Entry) -> impl Iterator<Item = &'static str> {
        [e.title, e.summary, e.words]
            .into_iter()
            .chain(e.body.iter().copied())
    }

    fn topic_text(topic: Topic) -> String {
        in_topic(topic)
            .flat_map(|e| e.body.iter().copied().chain([e.title, e.summary]))
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }

    fn ids(entries: &[&Entry]) -> Vec<&'static str> {
        entries.iter().map(|e| e.id).collect()
    }

    fn is_kebab(s: &str) -> bool {
        !s.is_empty()
            && s.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            })
    }

    #[test]
    fn kebab_check_rejects_bad_ids() {
        for (id, ok) in [
            ("bruxing", true),
            ("red-tears", true),
            ("22-khz", true),
            ("", false),
            ("Red-tears", false),
            ("red_tears", false),
            ("red--tears", false),
            ("-red", false),
            ("red-", false),
            ("red tears", false),
        ] {
            assert_eq!(is_kebab(id), ok, "{id:?}");
        }
    }

    #[test]
    fn ids_are_unique_and_kebab_case() {
        let mut seen = HashSet::new();
        for e in ENTRIES {
            assert!(is_kebab(e.id), "{:?} is not kebab-case", e.id);
            assert!(seen.insert(e.id), "duplicate id {:?}", e.id);
        }
    }

    #[test]
    fn topics_have_keys_and_entries_in_order() {
        for t in Topic::ALL {
            assert!(is_kebab(t.key()));
            assert_eq!(Topic::from_key(t.key()), Some(t));
            assert!(!t.title().is_empty());
            assert!(in_topic(t).count() >= 3, "{t:?} has too few entries");
        }
        assert_eq!(Topic::from_key("nope"), None);
        // Grouped by topic, so search results read section by section.
        assert!(
            ENTRIES.windows(2).all(|w| w[0].topic <= w[1].topic),
            "ENTRIES must be grouped in Topic::ALL order"
        );
        assert_eq!(
            Topic::ALL.iter().copied().max(),
            ENTRIES.last().map(|e| e.topic)
        );
    }

    #[test]
    fn every_sign_has_an_entry_with_its_mood() {
        for s in Sign::ALL {
            let e = for_sign(s);
            assert_eq!(e.id, s.key(), "no entry for {s:?}");
            assert_eq!(e.topic, Topic::BodyLanguage, "{s:?}");
            let mood = if s.is_comfort() {
                Mood::Comfort
            } else {
                Mood::Stress
            };
            assert_eq!(e.mood, Some(mood), "{s:?}");
        }
    }

    #[test]
    fn moods_and_techniques_sit_in_their_topics() {
        for e in ENTRIES {
            if e.mood.is_some() {
                assert_eq!(e.topic, Topic::BodyLanguage, "{}", e.id);
            }
            assert_eq!(
                e.technique.is_some(),
                e.topic == Topic::Techniques,
                "{}: technique field and topic disagree",
                e.id
            );
        }
        for mood in [Mood::Comfort, Mood::Stress] {
            assert!(!mood.label().is_empty());
            let n = in_topic(Topic::BodyLanguage)
                .filter(|e| e.mood == Some(mood))
                .count();
            assert!(n >= 5, "{mood:?}: only {n} signs");
        }
    }

    #[test]
    fn each_technique_has_exactly_one_overview() {
        for id in TechniqueId::ALL {
            let all: Vec<_> = ENTRIES.iter().filter(|e| e.technique == Some(id)).collect();
            assert_eq!(all.len(), 1, "{id:?}");
            let e = overview(id);
            assert_eq!(e.technique, Some(id));
            assert_eq!(e.id, id.key());
            assert_eq!(e.title, technique(id).name);
        }
        assert_eq!(in_topic(Topic::Techniques).count(), TechniqueId::ALL.len());
    }

    #[test]
    fn entry_finds_by_id() {
        assert_eq!(
            entry("bruxing").map(|e| e.title),
            Some("Bruxing (teeth grinding)")
        );
        assert_eq!(entry("unsafe-foods").map(|e| e.topic), Some(Topic::Treats));
        assert!(entry("Bruxing").is_none());
        assert!(entry("").is_none());
        assert!(entry("no-such-entry").is_none());
    }

    #[test]
    fn empty_query_returns_everything_in_order() {
        for q in ["", "   ", "\t\n", "?!"] {
            assert_eq!(search(q).len(), ENTRIES.len(), "{q:?}");
            assert_eq!(
                ids(&search(q)),
                ENTRIES.iter().map(|e| e.id).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn search_matches_every_word_ignoring_case() {
        // (query, must find, must not find)
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "teeth",
                &["bruxing", "boggling", "nipped-or-bit"],
                &["unsafe-foods"],
            ),
            ("TEETH", &["bruxing"], &[]),
            (
                "Teeth purring",
                &["bruxing"],
                &["nipped-or-bit", "boggling"],
            ),
            (
                "bruxing?",
                &["bruxing", "boggling", "see-a-vet"],
                &["popcorning"],
            ),
            ("tail", &["pick-up"], &["bruxing"]),
            ("tail tear", &["pick-up"], &["hold-low"]),
            ("peanut butter", &["sticky-foods"], &[]),
            ("rhubarb", &["unsafe-foods"], &["good-treats"]),
            ("22 khz", &["ultrasonic-calls"], &[]),
            ("porphyrin", &["red-tears"], &["froze"]),
            ("tissue", &["scent"], &["bonding"]),
            // Another form of the word finds it too.
            ("lunging", &["nipped-or-bit"], &["unsafe-foods"]),
            ("freezing", &["froze"], &["popcorning"]),
            ("squeaking", &["squeaked"], &[]),
            ("running away", &["hid"], &["froze"]),
            // ...but only at the start of a word: "ears" is not "fear" or "near".
            ("ears", &["relaxed-body"], &["squeaked", "froze"]),
        ];
        for (q, yes, no) in cases {
            let found = ids(&search(q));
            for id in *yes {
                assert!(
                    found.contains(id),
                    "{q:?} should find {id}, found {found:?}"
                );
            }
            for id in *no {
                assert!(!found.contains(id), "{q:?} should not find {id}");
            }
        }
    }

    #[test]
    fn search_results_hold_every_word_and_keep_guide_order() {
        for q in ["teeth", "vet", "calm hand", "treat cage", "rat"] {
            let found = search(q);
            assert!(!found.is_empty(), "{q:?}");
            for e in &found {
                let hay = texts(e).collect::<Vec<_>>().join(" ").to_lowercase();
                for w in q.split_whitespace() {
                    assert!(hay.contains(w), "{} matched {q:?} without {w:?}", e.id);
                }
            }
            let pos: Vec<usize> = found
                .iter()
                .filter_map(|f| ENTRIES.iter().position(|e| e.id == f.id))
                .collect();
            assert!(pos.windows(2).all(|w| w[0] < w[1]), "{q:?} out of order");
        }
        // AND, not OR: each word alone finds something, together nothing.
        assert!(!search("rhubarb").is_empty() && !search("popcorning").is_empty());
        assert!(search("rhubarb popcorning").is_empty());
    }

    #[test]
    fn nonsense_finds_nothing() {
        for q in ["xyzzy", "zebra", "bruxing xyzzy", "qqq www"] {
            assert!(search(q).is_empty(), "{q:?}");
        }
    }

    #[test]
    fn every_unsafe_food_from_the_facts_is_listed() {
        let treats = topic_text(Topic::Treats);
        for food in [
            "raw dry beans",
            "raw peanuts",
            "raw sweet potato",
            "green bananas",
            "green potato skin",
            "potato eyes",
            "mouldy",
            "wild-caught insects",
            "carbonated",
            "blue cheese",
            "liquorice",
            "rhubarb",
            "citrus peel and juice",
            "male",
            // Sticky foods that can choke.
            "peanut butter",
            "bread",
            "nori",
        ] {
            assert!(treats.contains(food), "treats don't mention {food:?}");
        }
    }

    #[test]
    fn key_facts_are_present() {
        let cases: &[(Topic, &[&str])] = &[
            (
                Topic::BodyLanguage,
                &[
                    "tense or frozen",
                    "chattering",
                    "jaw muscle",
                    "ears",
                    "50 khz",
                    "22 khz",
                    "not every rat",
                    "porphyrin",
                    "see a vet",
                    "never punish",
                ],
            ),
            (
                Topic::Treats,
                &[
                    "pea",
                    "five seconds",
                    "10 to 15",
                    "fat and sugar",
                    "spoon",
                    "vomit",
                ],
            ),
            (
                Topic::Handling,
                &[
                    "both hands",
                    "never pick a rat up by its tail",
                    "tear",
                    "low",
                    "set it down gently",
                    "bars",
                    "sleeping",
                    "guard",
                    "gaps",
                    "box to hide",
                    "on its own",
                    "rat-savvy vet",
                ],
            ),
            (
                Topic::SessionTips,
                &[
                    "10 to 20 minutes",
                    "frantic",
                    "one session a day",
                    "same time",
                    "30 minutes",
                    "dusk",
                    "quiet",
                    "wash",
                    "perfume",
                    "small success",
                    "go back",
                    "set the pace",
                    "rescues",
                ],
            ),
        ];
        for (topic, needles) in cases {
            let text = topic_text(*topic);
            for n in *needles {
                assert!(text.contains(n), "{topic:?} is missing {n:?}");
            }
        }
    }

    #[test]
    fn stress_signs_say_what_to_do_gently() {
        for e in in_topic(Topic::BodyLanguage).filter(|e| e.mood == Some(Mood::Stress)) {
            let text = e.body.join(" ").to_lowercase();
            assert!(
                [
                    "calm",
                    "space",
                    "hand away",
                    "hand back",
                    "let it",
                    "quiet",
                    "rest"
                ]
                .iter()
                .any(|w| text.contains(w)),
                "{} doesn't say how to ease off",
                e.id
            );
        }
    }

    #[test]
    fn no_text_advises_forcing_contact() {
        for e in ENTRIES {
            for t in texts(e) {
                let t = t.to_lowercase();
                // Stricter than the whole-app check: not even a refusal names these here.
                for bad in crate::text::FORCING_CONTACT {
                    assert!(!t.contains(bad), "{}: {bad:?} in {t:?}", e.id);
                }
            }
        }
    }

    #[test]
    fn text_is_phone_sized() {
        for e in ENTRIES {
            assert!(!e.title.is_empty() && e.title.len() <= 40, "{} title", e.id);
            assert!(
                !e.summary.is_empty() && e.summary.len() <= 100,
                "{} summary",
                e.id
            );
            assert!(!e.body.is_empty() && e.body.len() <= 3, "{} body", e.id);
            for p in e.body {
                assert!(
                    !p.is_empty() && p.len() <= 320,
                    "{}: {} chars",
                    e.id,
                    p.len()
                );
            }
            for t in texts(e) {
                assert_eq!(t.trim(), t, "{}: stray whitespace", e.id);
                assert!(!t.contains('\n') && !t.contains("  "), "{}: {t:?}", e.id);
            }
            for t in e.body.iter().chain([&e.summary]) {
                assert!(
                    t.ends_with(['.', '!', '?']),
                    "{}: {t:?} has no full stop",
                    e.id
                );
            }
            assert_eq!(e.words, e.words.to_lowercase(), "{} words", e.id);
        }
    }

    #[test]
    fn whole_guide_stays_compact() {
        let bytes: usize = ENTRIES
            .iter()
            .map(|e| texts(e).chain([e.id]).map(str::len).sum::<usize>())
            .sum::<usize>()
            + Topic::ALL
                .iter()
                .map(|t| t.title().len() + t.key().len())
                .sum::<usize>();
        eprintln!("guide text: {bytes} bytes in {} entries", ENTRIES.len());
        assert!(
            (5_000..=10_500).contains(&bytes),
            "guide text is {bytes} bytes"
        );
    }
}

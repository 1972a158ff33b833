//! A rat's trust level over time, and the paths to draw it as an SVG chart.
//!
//! How the level is worked out:
//! - Each session's response becomes a score from 0 to 100: Hid or fled 0, Froze or
//!   tense 25, Cautious 50, Relaxed 75, Came to you 100.
//! - The level starts at the neutral [`BASELINE`] of 50 (we know nothing yet) and moves
//!   [`ALPHA`] = 30 % of the way to each session's score, in day order: an exponential
//!   moving average, as habit trackers compute a habit's strength. With 0.3, half of
//!   the level comes from the last two sessions and about 90 % from the last week of
//!   daily practice, so it follows real change within days, while one scared session
//!   moves it by at most 30 points of 100: a dip, not a crash.
//! - Breaks: up to [`GRACE_DAYS`] days without a session cost nothing. After that,
//!   the part of the level above neutral halves every [`HALF_LIFE_DAYS`] days (the
//!   coach's long gap, after which a rat takes a step again). A level at or below
//!   neutral isn't raised by a break: the chart only climbs after real sessions.

use super::date::LocalDate;
use super::progression::{Decision, Replay};
use super::rat::RatId;
use super::session::{Response, Session};
use super::technique::{technique, TechniqueId};

/// Share of the way the level moves toward each new session's score.
pub const ALPHA: f32 = 0.3;
/// The neutral level: a Cautious rat, or one we know nothing about yet.
pub const BASELINE: f32 = 50.0;
/// Days without a session that don't lower the level (a skipped weekend).
pub const GRACE_DAYS: i64 = 2;
/// After the grace days, the level's distance above neutral halves this often.
pub const HALF_LIFE_DAYS: f32 = 14.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrustPoint {
    pub day: LocalDate,
    /// This session's response, 0 to 100.
    pub session_score: u8,
    /// The smoothed level after this session, 0 to 100.
    pub level: f32,
}

/// A step change to mark on the chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepMark {
    pub day: LocalDate,
    pub label: String,
}

/// A response as 0 to 100, in steps of 25.
pub fn response_score(response: Response) -> u8 {
    (response.score() - 1) * 25
}

/// The level after `empty_days` days in a row without a session.
pub fn decayed(level: f32, empty_days: i64) -> f32 {
    let beyond_grace = empty_days - GRACE_DAYS;
    if level <= BASELINE || beyond_grace <= 0 {
        return level;
    }
    let kept = 0.5f32.powf(beyond_grace as f32 / HALF_LIFE_DAYS);
    BASELINE + (level - BASELINE) * kept
}

/// One point per session, oldest first. Sessions on the same day keep the order given.
pub fn trust_points(responses: impl IntoIterator<Item = (LocalDate, Response)>) -> Vec<TrustPoint> {
    let mut responses: Vec<_> = responses.into_iter().collect();
    crate::domain::order::sort_by_key(&mut responses, |(day, _)| *day);
    let mut points: Vec<TrustPoint> = Vec::with_capacity(responses.len());
    for (day, response) in responses {
        let before = match points.last() {
            Some(p) => decayed(p.level, day.days_since(p.day) - 1),
            None => BASELINE,
        };
        let score = response_score(response);
        let level = (before + ALPHA * (f32::from(score) - before)).clamp(0.0, 100.0);
        points.push(TrustPoint {
            day,
            session_score: score,
            level,
        });
    }
    points
}

/// The trust points of one rat, from all sessions (group sessions included), in the
/// order sessions happened; only one technique's when `only` is given.
pub fn rat_trust(sessions: &[Session], rat: &RatId, only: Option<TechniqueId>) -> Vec<TrustPoint> {
    let mut mine: Vec<_> = sessions
        .iter()
        .filter_map(|s| Some((s, s.outcome_for(rat)?)))
        .filter(|(_, o)| only.is_none_or(|t| o.technique == t))
        .collect();
    crate::domain::order::sort_by(&mut mine, &|(a, _), (b, _)| {
        a.day
            .cmp(&b.day)
            .then_with(|| a.started_at.total_cmp(&b.started_at))
            .then_with(|| a.id.cmp(&b.id))
    });
    trust_points(mine.into_iter().map(|(s, o)| (s.day, o.response)))
}

/// The level on `day`, with any break since the last session before or on it counted
/// (today itself is still open). `None` before the first session.
pub fn level_on(points: &[TrustPoint], day: LocalDate) -> Option<f32> {
    let last = points.iter().rev().find(|p| p.day <= day)?;
    let empty = (day.days_since(last.day) - 1).max(0);
    Some(decayed(last.level, empty))
}

/// Step changes and mastery from a replay of one technique, oldest first.
pub fn step_marks(replay: &Replay) -> Vec<StepMark> {
    let tech = technique(replay.progress.technique);
    let title = |step: u8| tech.step(step).map_or("", |s| s.title);
    replay
        .transitions()
        .map(|e| {
            let label = if matches!(e.advice.decision, Decision::Mastered { .. }) {
                crate::text::progress::mark_mastered(tech.name)
            } else if e.to_step > e.from_step {
                crate::text::progress::mark_moved_up(title(e.to_step))
            } else {
                crate::text::progress::mark_easier(title(e.to_step))
            };
            StepMark { day: e.day, label }
        })
        .collect()
}

/// The `d` attributes of the trust chart.
///
/// `line` joins the levels; `dots` has one zero-length segment per session score, drawn
/// as a dot with `stroke-linecap="round"` and a `stroke-width`. The chart fills
/// `0..=width` by `0..=height` (100 at the top); give the `viewBox` a margin so dots at
/// the edges show whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChartPaths {
    pub line: String,
    pub dots: String,
}

/// Places days and values on the chart, in tenths of a unit, with integer math only.
struct Scale {
    first: i64,
    span: i64,
    width10: i64,
    height10: i64,
}

impl Scale {
    fn new(points: &[TrustPoint], width: u32, height: u32) -> Option<Self> {
        let first = points.iter().map(|p| p.day.to_days()).min()?;
        let last = points.iter().map(|p| p.day.to_days()).max()?;
        Some(Scale {
            first,
            span: last - first,
            width10: i64::from(width) * 10,
            height10: i64::from(height) * 10,
        })
    }

    /// Days are spread over the width; a single day sits in the middle.
    fn x(&self, day: LocalDate) -> i64 {
        if self.span == 0 {
            return (self.width10 + 1) / 2;
        }
        let offset = (day.to_days() - self.first).clamp(0, self.span);
        (2 * self.width10 * offset + self.span) / (2 * self.span)
    }

    /// `value10` is the value in tenths, 0..=1000.
    fn y(&self, value10: i64) -> i64 {
        let from_top = 1000 - value10.clamp(0, 1000);
        (2 * self.height10 * from_top + 1000) / 2000
    }
}

fn level_tenths(level: f32) -> i64 {
    if level.is_nan() {
        return 500;
    }
    (level.clamp(0.0, 100.0) * 10.0).round() as i64
}

/// A number of tenths as text with at most one decimal: 35, 54.5.
fn tenths(n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    let n = n.abs();
    match n % 10 {
        0 => format!("{sign}{}", n / 10),
        d => format!("{sign}{}.{d}", n / 10),
    }
}

fn point(x: i64, y: i64) -> String {
    format!("{} {}", tenths(x), tenths(y))
}

/// The level line and session dots for `points` on a `width` by `height` chart.
/// Nothing to draw gives empty strings.
pub fn chart_paths(points: &[TrustPoint], width: u32, height: u32) -> ChartPaths {
    let Some(scale) = Scale::new(points, width, height) else {
        return ChartPaths::default();
    };
    let line = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let at = point(scale.x(p.day), scale.y(level_tenths(p.level)));
            format!("{}{at}", if i == 0 { "M" } else { "L" })
        })
        .collect::<Vec<_>>()
        .join(" ");
    let dots = points
        .iter()
        .map(|p| {
            let y = scale.y(i64::from(p.session_score.min(100)) * 10);
            format!("M{} h0", point(scale.x(p.day), y))
        })
        .collect::<Vec<_>>()
        .join(" ");
    ChartPaths { line, dots }
}

/// A vertical line from top to bottom for each mark on a day within the chart.
pub fn marks_path(points: &[TrustPoint], marks: &[StepMark], width: u32, height: u32) -> String {
    let Some(scale) = Scale::new(points, width, height) else {
        return String::new();
    };
    marks
        .iter()
        .filter(|m| {
            let n = m.day.to_days() - scale.first;
            (0..=scale.span).contains(&n)
        })
        .map(|m| format!("M{} 0 V{}", tenths(scale.x(m.day)), tenths(scale.height10)))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::progression::{Advice, Entry, Progress, Source, Tally, Words};
    use crate::domain::session::{RatOutcome, SessionId};
    use Response::{CameToYou, Cautious, FrozeOrTense, HidOrFled, Relaxed};

    fn d(n: i64) -> LocalDate {
        LocalDate::new(2026, 3, 2).unwrap().add_days(n).unwrap()
    }

    /// One session a day from day 0, with these responses.
    fn daily(responses: &[Response]) -> Vec<TrustPoint> {
        trust_points(responses.iter().enumerate().map(|(i, r)| (d(i as i64), *r)))
    }

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 0.01
    }

    #[test]
    fn responses_map_to_0_to_100() {
        let got: Vec<u8> = Response::ALL.into_iter().map(response_score).collect();
        assert_eq!(got, [0, 25, 50, 75, 100]);
    }

    #[test]
    fn first_sessions_move_from_neutral() {
        let cases = [
            (HidOrFled, 35.0),
            (FrozeOrTense, 42.5),
            (Cautious, 50.0),
            (Relaxed, 57.5),
            (CameToYou, 65.0),
        ];
        for (r, want) in cases {
            let p = daily(&[r]);
            assert_eq!(p.len(), 1);
            assert!(close(p[0].level, want), "{r:?}: {}", p[0].level);
            assert_eq!(p[0].session_score, response_score(r));
        }
        assert!(trust_points([]).is_empty());
    }

    #[test]
    fn constant_responses_converge() {
        for (r, target) in [(Relaxed, 75.0), (CameToYou, 100.0), (FrozeOrTense, 25.0)] {
            let p = daily(&[r; 20]);
            let levels: Vec<f32> = p.iter().map(|p| p.level).collect();
            // Always moving toward the target, never past it.
            assert!(levels
                .windows(2)
                .all(|w| (w[1] - target).abs() <= (w[0] - target).abs()));
            assert!((levels[19] - target).abs() < 0.1, "{r:?}: {}", levels[19]);
            // After a week of daily sessions the level is within a tenth of the way.
            let week_gap = (levels[6] - target).abs() / (BASELINE - target).abs();
            assert!(week_gap < 0.1, "{r:?}: {week_gap}");
        }
    }

    #[test]
    fn a_scared_session_dips_but_does_not_crash() {
        let mut responses = vec![CameToYou; 15];
        responses.push(HidOrFled);
        responses.extend([CameToYou; 3]);
        let p = daily(&responses);
        let before = p[14].level;
        let dip = p[15].level;
        assert!(before > 99.0);
        assert_eq!(p[15].session_score, 0);
        assert!(
            close(before - dip, 0.3 * before),
            "dips by 30 % of the level"
        );
        assert!(dip > 65.0, "still well above neutral: {dip}");
        assert!(p[18].level > 85.0, "recovers within a few sessions");
    }

    #[test]
    fn gaps_decay_toward_neutral() {
        // (empty days, level before, level after)
        let cases = [
            (0, 75.0, 75.0),
            (2, 75.0, 75.0),  // grace
            (16, 75.0, 62.5), // one half-life after the grace days
            (30, 75.0, 56.25),
            (16, 50.0, 50.0),
            (30, 25.0, 25.0), // a break doesn't raise a low level
            (-1, 90.0, 90.0),
        ];
        for (empty, level, want) in cases {
            let got = decayed(level, empty);
            assert!(close(got, want), "{empty} days from {level}: {got}");
        }
        // In a history: 10 relaxed days, then 16 empty days, then one more relaxed session.
        let mut input: Vec<_> = (0..10).map(|n| (d(n), Relaxed)).collect();
        input.push((d(26), Relaxed));
        let p = trust_points(input);
        let settled = p[9].level;
        let before_next = decayed(settled, 16);
        assert!(close(before_next - BASELINE, (settled - BASELINE) / 2.0));
        assert!(close(p[10].level, before_next + 0.3 * (75.0 - before_next)));
        // level_on counts the break up to today, and today itself is still open.
        assert_eq!(level_on(&p[..10], d(5)), Some(p[5].level));
        assert_eq!(level_on(&p[..10], d(12)), Some(settled));
        assert!(close(level_on(&p[..10], d(26)).unwrap(), before_next));
        assert_eq!(level_on(&p, d(-1)), None);
    }

    #[test]
    fn same_day_sessions_each_count_in_order() {
        let p = trust_points([(d(1), CameToYou), (d(0), HidOrFled), (d(1), Cautious)]);
        let got: Vec<_> = p.iter().map(|p| (p.day, p.session_score)).collect();
        assert_eq!(got, [(d(0), 0), (d(1), 100), (d(1), 50)]);
    }

    #[test]
    fn rat_trust_uses_this_rats_outcomes_in_time_order() {
        let session =
            |id: &str, day: i64, at: f64, outcomes: Vec<(&str, TechniqueId, Response)>| Session {
                id: SessionId(id.into()),
                day: d(day),
                started_at: at,
                duration_secs: 600,
                outcomes: outcomes
                    .into_iter()
                    .map(|(rat, technique, response)| RatOutcome {
                        rat: RatId(rat.into()),
                        technique,
                        step: 0,
                        response,
                        signs: vec![],
                    })
                    .collect(),
                treats: 0,
                note: String::new(),
                updated_at: 0.0,
            };
        use TechniqueId::{OfferingTreats as T, Scent as S};
        let sessions = [
            session("c", 1, 50.0, vec![("pip", T, Relaxed)]),
            session(
                "b",
                1,
                20.0,
                vec![("pip", S, HidOrFled), ("squeak", T, CameToYou)],
            ),
            session("a", 0, 90.0, vec![("pip", T, Cautious)]),
            session("d", 2, 10.0, vec![("squeak", T, Relaxed)]),
        ];
        let pip = RatId("pip".into());
        let scores = |p: Vec<TrustPoint>| p.iter().map(|p| p.session_score).collect::<Vec<_>>();
        assert_eq!(scores(rat_trust(&sessions, &pip, None)), [50, 0, 75]);
        assert_eq!(scores(rat_trust(&sessions, &pip, Some(T))), [50, 75]);
        assert!(rat_trust(&sessions, &RatId("nibbles".into()), None).is_empty());
    }

    fn entry(day: i64, from: u8, to: u8, decision: Decision) -> Entry {
        Entry {
            day: d(day),
            at: day as f64,
            source: Source::Session(SessionId(format!("s{day}"))),
            from_step: from,
            to_step: to,
            advice: Advice {
                decision,
                reason: String::new(),
            },
        }
    }

    fn replay_of(technique: TechniqueId, entries: Vec<Entry>) -> Replay {
        Replay {
            progress: Progress::start(technique, d(0)),
            entries,
            words: Words::Written,
            tally: Tally {
                good_sessions: 0,
                need_sessions: 3,
                good_days: 0,
                need_days: 2,
                ready_on: d(0),
                needs_sign: None,
            },
            last_active: None,
            tail: Default::default(),
        }
    }

    #[test]
    fn step_marks_come_from_transitions() {
        let replay = replay_of(
            TechniqueId::Bonding,
            vec![
                entry(0, 0, 0, Decision::Stay),
                entry(3, 0, 1, Decision::MoveUp { to: 1 }),
                entry(5, 1, 0, Decision::StepBack { to: 0, days: 2 }),
                entry(6, 0, 0, Decision::Stay),
                entry(9, 0, 1, Decision::MoveUp { to: 1 }),
                entry(20, 3, 3, Decision::Mastered { next: None }),
            ],
        );
        let got: Vec<_> = step_marks(&replay)
            .into_iter()
            .map(|m| (m.day, m.label))
            .collect();
        let want = [
            (d(3), "Moved up: Treats in the safe space"),
            (d(5), "Easier step: Time in a safe space"),
            (d(9), "Moved up: Treats in the safe space"),
            (d(20), "Mastered Bonding"),
        ];
        assert_eq!(got.len(), want.len());
        for ((gd, gl), (wd, wl)) in got.iter().zip(want) {
            assert_eq!((*gd, gl.as_str()), (wd, wl));
        }
    }

    fn pt(day: i64, score: u8, level: f32) -> TrustPoint {
        TrustPoint {
            day: d(day),
            session_score: score,
            level,
        }
    }

    #[test]
    fn chart_paths_are_exact() {
        struct Case {
            name: &'static str,
            points: Vec<TrustPoint>,
            size: (u32, u32),
            line: &'static str,
            dots: &'static str,
        }
        let cases = [
            Case {
                name: "empty",
                points: vec![],
                size: (200, 100),
                line: "",
                dots: "",
            },
            Case {
                name: "one point sits in the middle",
                points: vec![pt(4, 75, 57.5)],
                size: (200, 100),
                line: "M100 42.5",
                dots: "M100 25 h0",
            },
            Case {
                name: "one day, two sessions",
                points: vec![pt(4, 0, 35.0), pt(4, 100, 54.5)],
                size: (201, 100),
                line: "M100.5 65 L100.5 45.5",
                dots: "M100.5 100 h0 M100.5 0 h0",
            },
            Case {
                name: "three points",
                points: vec![pt(0, 50, 50.0), pt(2, 100, 65.0), pt(4, 0, 45.5)],
                size: (200, 100),
                line: "M0 50 L100 35 L200 54.5",
                dots: "M0 50 h0 M100 0 h0 M200 100 h0",
            },
            Case {
                name: "thirds round to a tenth",
                points: vec![pt(0, 25, 42.54), pt(1, 75, 57.46), pt(3, 100, 100.0)],
                size: (100, 60),
                line: "M0 34.5 L33.3 25.5 L100 0",
                dots: "M0 45 h0 M33.3 15 h0 M100 0 h0",
            },
            Case {
                name: "out of range values stay on the chart",
                points: vec![pt(0, 255, 120.0), pt(1, 0, -5.0), pt(2, 0, f32::NAN)],
                size: (10, 10),
                line: "M0 0 L5 10 L10 5",
                dots: "M0 0 h0 M5 10 h0 M10 10 h0",
            },
        ];
        for c in cases {
            let got = chart_paths(&c.points, c.size.0, c.size.1);
            assert_eq!(got.line, c.line, "{}: line", c.name);
            assert_eq!(got.dots, c.dots, "{}: dots", c.name);
        }
        // A chart of no size is flat but still well formed.
        let got = chart_paths(&[pt(0, 50, 50.0), pt(1, 50, 50.0)], 0, 0);
        assert_eq!(got.line, "M0 0 L0 0");
    }

    #[test]
    fn marks_are_vertical_lines_inside_the_chart() {
        let points = [pt(0, 50, 50.0), pt(4, 75, 60.0)];
        let marks = [
            StepMark {
                day: d(-1),
                label: "before".into(),
            },
            StepMark {
                day: d(1),
                label: "up".into(),
            },
            StepMark {
                day: d(4),
                label: "mastered".into(),
            },
            StepMark {
                day: d(5),
                label: "after".into(),
            },
        ];
        assert_eq!(marks_path(&points, &marks, 200, 80), "M50 0 V80 M200 0 V80");
        assert_eq!(marks_path(&[], &marks, 200, 80), "");
    }

    #[test]
    fn tenths_format_without_floats() {
        let cases = [
            (0, "0"),
            (5, "0.5"),
            (10, "1"),
            (345, "34.5"),
            (-15, "-1.5"),
        ];
        for (n, want) in cases {
            assert_eq!(tenths(n), want);
        }
    }
}

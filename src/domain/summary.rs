//! One rat's progress at a glance: trust level, step changes, milestones and streaks,
//! worked out once, and the plain-text summary to share with a vet, a rescue or a friend.
//!
//! Everything here is plain text (no markup), so a name like `<b>Pip</b>` is shown as typed.

use super::date::LocalDate;
use super::milestone::{milestones, Milestone};
use super::program::{rat_replay, Programs};
use super::progression::Words;
use super::rat::{describe_span, Rat};
use super::session::{Session, Sign};
use super::streak::{session_days, streaks, Streaks};
use super::technique::{technique, TechniqueId};
use super::trust::{
    chart_paths, level_on, marks_path, rat_trust, step_marks, StepMark, TrustPoint, BASELINE,
};
use crate::text::summary as t;

/// The signs a vet asks about, in the summary.
pub const HEALTH_SIGNS: [Sign; 2] = [Sign::RedTears, Sign::NippedOrBit];

/// How far back the trust sentence compares: four weeks.
pub const COMPARE_DAYS: i64 = 28;

/// Where a rat is in its active technique.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Current {
    pub technique: TechniqueId,
    pub step: u8,
    pub mastered: bool,
}

/// A rat's progress, for the chart, the milestones and the summary.
#[derive(Clone, Debug)]
pub struct RatProgress {
    pub today: LocalDate,
    /// One per session, oldest first (every technique).
    pub points: Vec<TrustPoint>,
    /// Step changes on days within the chart, oldest first (every technique).
    pub marks: Vec<StepMark>,
    pub milestones: Vec<Milestone>,
    pub streaks: Streaks,
    pub current: Option<Current>,
    /// Red tears and bites ([`HEALTH_SIGNS`]), for a vet: in how many sessions, the last day.
    /// (An array, not a `Vec`: a new `Vec` type costs the wasm more than this feature.)
    pub health: [(usize, Option<LocalDate>); 2],
    /// How a day is written: ISO here, the owner's locale once a page says so.
    pub day_text: fn(LocalDate) -> String,
    /// The same, short, for the dates under the chart ("30 Nov 2026").
    pub short_day_text: fn(LocalDate) -> String,
}

/// Works out a rat's progress from all sessions and programs.
pub fn rat_progress(
    rat: &Rat,
    programs: &Programs,
    sessions: &[Session],
    today: LocalDate,
) -> RatProgress {
    let points = rat_trust(sessions, &rat.id, None);
    let program = programs.of(&rat.id);
    let active = programs.active(&rat.id);
    let replays: Vec<_> = TechniqueId::ALL
        .into_iter()
        .filter(|&t| {
            active == Some(t)
                || program.is_some_and(|p| p.has_started(t))
                || sessions
                    .iter()
                    .any(|s| s.outcome_for(&rat.id).is_some_and(|o| o.technique == t))
        })
        .filter_map(|t| rat_replay(rat, programs, sessions, Some(t), today, Words::Skipped))
        .collect();
    let current = active.and_then(|t| {
        let r = replays.iter().find(|r| r.progress.technique == t)?;
        Some(Current {
            technique: t,
            step: r.progress.step,
            mastered: r.progress.is_mastered(),
        })
    });
    let span = points.first().map(|p| p.day)..=points.last().map(|p| p.day);
    let mut marks: Vec<StepMark> = replays
        .iter()
        .flat_map(step_marks)
        .filter(|m| Some(m.day) >= *span.start() && Some(m.day) <= *span.end())
        .collect();
    crate::domain::order::sort_by_key(&mut marks, |m| m.day);
    let mut health = [(0, None); 2];
    for s in sessions {
        let Some(o) = s.outcome_for(&rat.id) else {
            continue;
        };
        for (seen, sign) in health.iter_mut().zip(HEALTH_SIGNS) {
            if o.has(sign) {
                *seen = (seen.0 + 1, seen.1.max(Some(s.day)));
            }
        }
    }
    RatProgress {
        health,
        today,
        milestones: milestones(&rat.name, &rat.id, sessions, &replays),
        streaks: streaks(
            session_days(sessions, &rat.id),
            &programs.rest(&rat.id),
            today,
        ),
        points,
        marks,
        current,
        day_text: |day| day.to_string(),
        short_day_text: |day| day.to_string(),
    }
}

fn display_name(name: &str) -> &str {
    match name.trim() {
        "" => t::YOUR_RAT,
        n => n,
    }
}

fn whole(level: f32) -> i32 {
    if level.is_nan() {
        return BASELINE as i32;
    }
    level.clamp(0.0, 100.0).round() as i32
}

impl RatProgress {
    /// The level today, breaks counted; `None` before the first session.
    pub fn level(&self) -> Option<i32> {
        level_on(&self.points, self.today).map(whole)
    }

    /// "72 of 100, up from 50 four weeks ago"; `None` before the first session.
    pub fn level_phrase(&self) -> Option<String> {
        let now = self.level()?;
        let first = self.points.first()?.day;
        let earlier = self
            .today
            .add_days(-COMPARE_DAYS)
            .filter(|day| *day >= first)
            .and_then(|day| level_on(&self.points, day));
        let (then, when) = match earlier {
            Some(level) => (whole(level), t::FOUR_WEEKS_AGO.to_string()),
            None => {
                let span = describe_span(first, self.today);
                let when = if first >= self.today || span.is_empty() {
                    t::AT_THE_START_TODAY.to_string()
                } else {
                    t::at_the_start(&span)
                };
                (BASELINE as i32, when)
            }
        };
        let change = match now.cmp(&then) {
            std::cmp::Ordering::Greater => t::up_from(then, &when),
            std::cmp::Ordering::Less => t::down_from(then, &when),
            std::cmp::Ordering::Equal => t::same_as(&when),
        };
        Some(t::level(now, &change))
    }

    /// The chart's text summary: "Trust level 72 of 100, up from 50 four weeks ago. 18 sessions."
    pub fn trust_sentence(&self) -> String {
        match self.level_phrase() {
            Some(phrase) => t::trust_sentence(&phrase, self.points.len()),
            None => t::NO_SESSIONS.into(),
        }
    }

    /// "Scent, step 2 of 4: Hands near, no touching".
    pub fn technique_line(&self) -> String {
        let Some(c) = self.current else {
            return t::NO_TECHNIQUE.into();
        };
        let tech = technique(c.technique);
        if c.mastered {
            return t::mastered(tech.name);
        }
        let title = tech.step(c.step).map_or("", |s| s.title);
        t::technique_step(tech.name, u32::from(c.step) + 1, tech.steps.len(), title)
    }

    /// "5 days in a row (best 9 days)".
    pub fn streak_line(&self) -> String {
        let s = self.streaks;
        match (s.current, s.best) {
            (_, 0) => t::NONE_YET.into(),
            (0, b) => t::streak_none_now(b as usize),
            (c, b) if c == b => t::streak_best(c as usize),
            (c, b) => t::streak(c as usize, b as usize),
        }
    }

    /// "Red tears (porphyrin) in 2 sessions, the last on 2026-11-30", or "None seen".
    pub fn health_line(&self) -> String {
        let mut line = String::new();
        for (&(n, last), sign) in self.health.iter().zip(HEALTH_SIGNS) {
            if let Some(last) = last {
                if !line.is_empty() {
                    line.push_str("; ");
                }
                line.push_str(&t::health_sign(sign.label(), n, &(self.day_text)(last)));
            }
        }
        if line.is_empty() {
            line.push_str(t::NONE_SEEN);
        }
        line
    }

    /// "18, from 2026-11-02 to 2026-11-30", or "None yet".
    pub fn sessions_line(&self) -> String {
        match (self.points.first(), self.points.last()) {
            (Some(a), Some(b)) if a.day == b.day => {
                t::sessions_on(self.points.len(), &(self.day_text)(a.day))
            }
            (Some(a), Some(b)) => t::sessions_from_to(
                self.points.len(),
                &(self.day_text)(a.day),
                &(self.day_text)(b.day),
            ),
            _ => t::NONE_YET.into(),
        }
    }
}

impl RatProgress {
    /// The profile `facts`, then technique, sessions, streak and trust level, in words.
    pub fn rows<'a>(&self, facts: &[(&'a str, String)]) -> Vec<(&'a str, String)> {
        let mut rows = facts.to_vec();
        rows.push((t::ROW_TECHNIQUE, self.technique_line()));
        rows.push((t::ROW_SESSIONS, self.sessions_line()));
        rows.push((t::ROW_STREAK, self.streak_line()));
        rows.push((
            t::ROW_TRUST,
            match self.level_phrase() {
                Some(phrase) => t::level_row(&phrase),
                None => t::LEVEL_UNMEASURED.into(),
            },
        ));
        rows.push((t::ROW_HEALTH, self.health_line()));
        rows
    }
}

/// The summary to share, as plain text. `facts` are the profile's label and value pairs
/// (temperament, sex, birthday or adoption day, cage group), already in words.
pub fn progress_text(name: &str, facts: &[(&str, String)], p: &RatProgress) -> String {
    let name = display_name(name);
    let mut lines = vec![t::text_title(name), String::new()];
    for (label, value) in p.rows(facts) {
        lines.push(t::text_row(label, &value));
    }
    lines.push(String::new());
    if p.milestones.is_empty() {
        lines.push(t::TEXT_NO_MILESTONES.into());
    } else {
        lines.push(t::TEXT_MILESTONES.into());
        for m in &p.milestones {
            lines.push(t::text_milestone(&(p.day_text)(m.day), &m.text));
        }
    }
    lines.push(String::new());
    lines.push(t::text_footer(name, &(p.day_text)(p.today)));
    lines.join("\n")
}

/// `text` safe inside HTML elements and quoted attributes.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The part of a rat's page that follows its sessions, as HTML (one string keeps the app
/// small): the printout's facts, the trust chart card and the milestones card. Every
/// text from the owner (name, cage group) is escaped.
pub fn progress_html(name: &str, facts: &[(&str, String)], p: &RatProgress) -> String {
    let name = escape_html(display_name(name));
    let mut html = format!(
        r#"<section class="trust-print" aria-labelledby="trust-print-title"><h2 id="trust-print-title">{}</h2><dl class="facts">"#,
        escape_html(&t::print_title(&(p.day_text)(p.today)))
    );
    for (label, value) in p.rows(facts) {
        html.push_str(&format!(
            r#"<div class="fact"><dt>{}</dt><dd>{}</dd></div>"#,
            escape_html(label),
            escape_html(&value)
        ));
    }
    html.push_str(&format!(
        r#"</dl></section><section class="card trust-card" aria-labelledby="trust-title"><h2 id="trust-title">{}</h2>"#,
        t::TRUST_TITLE
    ));
    if p.points.is_empty() {
        html.push_str(&format!(
            r#"<p class="trust-empty">{}</p>"#,
            t::trust_empty(&name)
        ));
    } else {
        let first = p
            .points
            .first()
            .map(|point| (p.short_day_text)(point.day))
            .unwrap_or_default();
        let last = p
            .points
            .last()
            .map(|point| (p.short_day_text)(point.day))
            .unwrap_or_default();
        // All on one day the dots sit mid-chart, and so does that one date.
        let dates = if first == last {
            format!(
                r#"<figcaption class="trust-dates trust-dates-one"><span>{first}</span></figcaption>"#
            )
        } else {
            format!(
                r#"<figcaption class="trust-dates"><span>{first}</span><span>{last}</span></figcaption>"#
            )
        };
        html.push_str(&format!(
            r#"<p class="trust-explain">{}</p><figure class="trust-chart">{}{dates}</figure><p class="trust-summary" id="trust-summary">{}</p><ul class="trust-legend plain-list"><li><span class="swatch swatch-line"></span>{}</li><li><span class="swatch swatch-dot"></span>{}</li><li><span class="swatch swatch-base"></span>{}</li>"#,
            t::trust_explain(&name),
            chart_svg(&p.points, &p.marks),
            escape_html(&p.trust_sentence()),
            t::LEGEND_LINE,
            t::LEGEND_DOT,
            t::LEGEND_BASE,
        ));
        if p.marks.is_empty() {
            html.push_str("</ul>");
        } else {
            html.push_str(&format!(
                r#"<li><span class="swatch swatch-mark"></span>{}</li></ul><h3 class="trust-subtitle">{}</h3><ol class="trust-mark-list">"#,
                t::LEGEND_MARK,
                t::STEP_CHANGES
            ));
            for m in &p.marks {
                html.push_str(&format!(
                    r#"<li><span class="milestone-day">{}</span> {}</li>"#,
                    (p.day_text)(m.day),
                    escape_html(&m.label)
                ));
            }
            html.push_str("</ol>");
        }
    }
    html.push_str(&format!(
        r#"</section><section class="card milestones" aria-labelledby="milestones-title"><h2 id="milestones-title">{}</h2>"#,
        t::MILESTONES_TITLE
    ));
    if p.milestones.is_empty() {
        html.push_str(&format!(
            r#"<p class="milestones-empty">{}</p>"#,
            t::milestones_empty(&name)
        ));
    } else {
        html.push_str(r#"<ol class="milestone-list plain-list">"#);
        for m in &p.milestones {
            html.push_str(&format!(
                r#"<li class="milestone" id="milestone-{}"><span class="milestone-day">{}</span><span class="milestone-text">{}</span></li>"#,
                m.kind.key(),
                (p.day_text)(m.day),
                escape_html(&m.text)
            ));
        }
        html.push_str("</ol>");
    }
    html.push_str("</section>");
    html
}

/// The chart's drawing area; [`CHART_VIEW_BOX`] adds room for labels around it.
pub const CHART_W: u32 = 300;
pub const CHART_H: u32 = 120;
pub const CHART_VIEW_BOX: &str = "-30 -42 340 168";

/// The x positions in a [`marks_path`], one per mark, as written there.
fn mark_xs(marks_path: &str) -> Vec<&str> {
    marks_path
        .split('M')
        .filter_map(|segment| segment.split_whitespace().next())
        .collect()
}

/// The trust chart as SVG markup: a frame, the neutral baseline at 50, dashed step marks
/// with numbered labels (a label close to the one before moves up a row), a dot per
/// session and the level line. Only numbers and fixed words: nothing the owner typed.
pub fn chart_svg(points: &[TrustPoint], marks: &[StepMark]) -> String {
    let paths = chart_paths(points, CHART_W, CHART_H);
    let marks_d = marks_path(points, marks, CHART_W, CHART_H);
    let mut labels = String::new();
    let mut last = i64::MIN / 2;
    let mut row = 0;
    for (i, x) in mark_xs(&marks_d).into_iter().enumerate() {
        // Whole units are enough to tell labels apart: "54.5" counts as 54.
        let at = x
            .bytes()
            .take_while(u8::is_ascii_digit)
            .fold(0i64, |n, b| n * 10 + i64::from(b - b'0'));
        row = if at - last < 18 { 1 - row } else { 0 };
        last = at;
        let cy = if row == 0 { -14 } else { -32 };
        labels.push_str(&format!(
            r#"<circle class="trust-mark-dot" cx="{x}" cy="{cy}" r="8"/><text class="trust-mark-num" x="{x}" y="{}" text-anchor="middle">{}</text>"#,
            cy + 4,
            i + 1
        ));
    }
    let (w, h, mid) = (CHART_W, CHART_H, CHART_H / 2);
    let axis = |y: u32, label: &str| {
        format!(
            r#"<text class="trust-axis-label" x="-6" y="{}" text-anchor="end">{label}</text>"#,
            y + 4
        )
    };
    format!(
        r#"<svg viewBox="{CHART_VIEW_BOX}" role="img" aria-labelledby="trust-title" aria-describedby="trust-summary"><path class="trust-frame" d="M0 0 H{w} M0 {h} H{w}"/><path class="trust-baseline" d="M0 {mid} H{w}"/>{}{}{}<path class="trust-marks" d="{marks_d}"/>{labels}<path class="trust-dots" d="{}"/><path class="trust-line" d="{}"/></svg>"#,
        axis(0, "100"),
        axis(mid, "50"),
        axis(h, "0"),
        paths.dots,
        paths.line
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::milestone::MilestoneKind;
    use crate::domain::program::RatProgram;
    use crate::domain::rat::{RatId, Sex, Temperament};
    use crate::domain::session::{RatOutcome, Response, SessionId, Sign};

    fn d(n: i64) -> LocalDate {
        LocalDate::new(2026, 11, 2).unwrap().add_days(n).unwrap()
    }

    fn pip(name: &str) -> Rat {
        Rat {
            id: RatId("pip".into()),
            name: name.into(),
            sex: Sex::Female,
            known_date: None,
            temperament: Temperament::Nervous,
            cage_group: None,
            notes: String::new(),
            archived: false,
            created_at: 0.0,
            updated_at: 0.0,
        }
    }

    /// Pip's sessions in Offering treats: day, step, response, signs.
    fn sessions(list: &[(i64, u8, Response, &[Sign])]) -> Vec<Session> {
        list.iter()
            .enumerate()
            .map(|(i, &(day, step, response, signs))| Session {
                id: SessionId(format!("s{i:03}")),
                day: d(day),
                started_at: i as f64,
                duration_secs: 600,
                outcomes: vec![RatOutcome {
                    rat: RatId("pip".into()),
                    technique: TechniqueId::OfferingTreats,
                    step,
                    response,
                    signs: signs.to_vec(),
                }],
                treats: 2,
                note: String::new(),
                updated_at: 0.0,
            })
            .collect()
    }

    fn programs(active: Option<TechniqueId>) -> Programs {
        let mut p = Programs::default();
        if let Some(t) = active {
            p.rats.insert(
                RatId("pip".into()),
                RatProgram {
                    active: Some(t),
                    started: vec![(t, d(0))],
                    ..RatProgram::default()
                },
            );
        }
        p
    }

    const TT: &[Sign] = &[Sign::TookTreat];

    /// Ten relaxed days in a row with a treat from the fingers.
    fn ten_days() -> Vec<Session> {
        let list: Vec<(i64, u8, Response, &[Sign])> =
            (0..10).map(|n| (n, 0, Response::Relaxed, TT)).collect();
        sessions(&list)
    }

    fn facts() -> Vec<(&'static str, String)> {
        vec![("Temperament", "Nervous".into()), ("Sex", "Female".into())]
    }

    #[test]
    fn no_sessions_reads_kindly() {
        let p = rat_progress(&pip("Pip"), &programs(None), &[], d(5));
        assert!(p.points.is_empty() && p.marks.is_empty() && p.milestones.is_empty());
        assert_eq!(p.level(), None);
        assert_eq!(p.trust_sentence(), "No sessions yet.");
        let text = progress_text("Pip", &facts(), &p);
        assert_eq!(
            text,
            "Pip's trust training\n\nTemperament: Nervous\nSex: Female\n\
             Technique: No technique chosen yet\nSessions: None yet\nStreak: None yet\n\
             Trust level: Not measured yet (50 is neutral)\nRed tears or bites: None seen\n\nMilestones: none yet\n\n\
             Short, calm sessions at Pip's own pace. Summary from Ratbond, 2026-11-07."
        );
        // A technique chosen, nothing logged yet.
        let p = rat_progress(&pip("Pip"), &programs(Some(TechniqueId::Scent)), &[], d(5));
        assert_eq!(
            p.technique_line(),
            "Scent, step 1 of 4: Your scent in the cage"
        );
    }

    #[test]
    fn summary_has_name_technique_streak_and_milestone_dates() {
        let list = ten_days();
        let p = rat_progress(
            &pip("Pip"),
            &programs(Some(TechniqueId::OfferingTreats)),
            &list,
            d(9),
        );
        assert_eq!(p.points.len(), 10);
        assert_eq!(p.streaks.current, 10);
        let text = progress_text("Pip", &facts(), &p);
        assert!(text.starts_with("Pip's trust training\n"), "{text}");
        assert!(text.contains("\nTemperament: Nervous\n"), "{text}");
        let step = p.current.unwrap().step;
        assert!(step > 0, "moved up at least once: {step}");
        let tech = technique(TechniqueId::OfferingTreats);
        assert!(text.contains(&format!(
            "Technique: Offering treats, step {} of 5: {}",
            step + 1,
            tech.step(step).unwrap().title
        )));
        assert!(
            text.contains("Streak: 10 days in a row, the best so far"),
            "{text}"
        );
        assert!(
            text.contains("Sessions: 10, from 2026-11-02 to 2026-11-11"),
            "{text}"
        );
        assert!(
            text.contains("\nRed tears or bites: None seen\n\n"),
            "{text}"
        );
        let level = p.level().unwrap();
        assert!(text.contains(&format!(
            "Trust level: {level} of 100, up from 50 at the start, 9 days ago"
        )));
        assert!(
            text.contains("- 2026-11-02: Pip's first session with you."),
            "{text}"
        );
        assert!(text.contains("- 2026-11-02: Pip took a treat from your hand for the first time."));
        assert!(
            text.contains("- 2026-11-08: Seven days in a row with Pip."),
            "{text}"
        );
        // Step changes are marked, with the day they happened.
        assert!(!p.marks.is_empty());
        assert!(p.marks.iter().all(|m| m.label.starts_with("Moved up: ")));
        assert!(p.marks.windows(2).all(|w| w[0].day <= w[1].day));
        let kinds: Vec<_> = p.milestones.iter().map(|m| m.kind).collect();
        assert!(kinds.contains(&MilestoneKind::FirstFullWeek));
    }

    #[test]
    fn the_summary_tells_a_vet_about_red_tears_and_bites() {
        use Response::{Cautious, Relaxed};
        let list = sessions(&[
            (0, 0, Relaxed, &[Sign::RedTears]),
            (1, 0, Cautious, &[Sign::NippedOrBit, Sign::TookTreat]),
            (2, 0, Relaxed, &[]),
            (3, 0, Relaxed, &[Sign::RedTears, Sign::TookTreat]),
        ]);
        let p = rat_progress(&pip("Pip"), &programs(None), &list, d(4));
        let text = progress_text("Pip", &facts(), &p);
        assert!(
            text.contains(
                "\nRed tears or bites: Red tears (porphyrin) in 2 sessions, the last on 2026-11-05; Nipped or bit in 1 session, the last on 2026-11-03\n"
            ),
            "{text}"
        );
        // Another rat's red tears are not this rat's.
        let mut theirs = list.clone();
        for s in &mut theirs {
            s.outcomes[0].rat = RatId("bo".into());
        }
        let p = rat_progress(&pip("Pip"), &programs(None), &theirs, d(4));
        assert_eq!(p.health_line(), "None seen");
    }

    #[test]
    fn trust_sentence_compares_with_four_weeks_ago() {
        let list = ten_days();
        let rat = pip("Pip");
        let no_program = programs(None);
        // Relaxed sessions: up from neutral since the start.
        let p = rat_progress(&rat, &no_program, &list, d(9));
        let level = p.level().unwrap();
        assert!(level > 70 && level <= 75, "{level}");
        assert_eq!(
            p.trust_sentence(),
            format!(
                "Trust level {level} of 100, up from 50 at the start, 9 days ago. 10 sessions."
            )
        );
        // The first session today.
        let p = rat_progress(&rat, &no_program, &list[..1], d(0));
        assert_eq!(
            p.trust_sentence(),
            "Trust level 58 of 100, up from 50 at the start today. 1 session."
        );
        // Five weeks on: compared with the level four weeks ago, after the break's decay.
        let p = rat_progress(&rat, &no_program, &list, d(40));
        let then = whole(level_on(&p.points, d(12)).unwrap());
        let now = p.level().unwrap();
        assert!(now < then, "{now} {then}");
        assert_eq!(
            p.trust_sentence(),
            format!("Trust level {now} of 100, down from {then} four weeks ago. 10 sessions.")
        );
        // Cautious all along: the same as the start.
        let calm: Vec<_> = (0..3)
            .map(|n| (n, 0, Response::Cautious, &[][..]))
            .collect();
        let p = rat_progress(&rat, &no_program, &sessions(&calm), d(2));
        assert_eq!(
            p.trust_sentence(),
            "Trust level 50 of 100, the same as at the start, 2 days ago. 3 sessions."
        );
    }

    #[test]
    fn streak_and_session_lines() {
        let list = ten_days();
        let rat = pip("Pip");
        let p = rat_progress(&rat, &programs(None), &list, d(20));
        assert_eq!(p.streak_line(), "None right now (best 10 days)");
        let p = rat_progress(&rat, &programs(None), &list[..1], d(0));
        assert_eq!(p.streak_line(), "1 day in a row, the best so far");
        assert_eq!(p.sessions_line(), "1 on 2026-11-02");
        let mut gap = list.clone();
        gap.remove(8);
        let p = rat_progress(&rat, &programs(None), &gap, d(9));
        assert_eq!(p.streak_line(), "1 day in a row (best 8 days)");
    }

    #[test]
    fn names_are_kept_as_plain_text() {
        let p = rat_progress(&pip("<b>Pip</b> & co"), &programs(None), &ten_days(), d(9));
        let text = progress_text("<b>Pip</b> & co", &[], &p);
        assert!(text.starts_with("<b>Pip</b> & co's trust training"));
        let text = progress_text("  ", &[], &p);
        assert!(text.starts_with("Your rat's trust training"), "{text}");
    }

    #[test]
    fn html_escapes_what_the_owner_typed() {
        assert_eq!(
            escape_html(r#"<b>"Pip" & 'Co'</b>"#),
            "&lt;b&gt;&quot;Pip&quot; &amp; &#39;Co&#39;&lt;/b&gt;"
        );
        let name = "<img src=x onerror=alert(1)>";
        let facts = vec![("Cage group", "<script>".to_string())];
        let p = rat_progress(&pip(name), &programs(None), &ten_days(), d(9));
        let html = progress_html(name, &facts, &p);
        assert!(
            !html.contains("<img") && !html.contains("<script>"),
            "{html}"
        );
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; took a treat"));
        assert!(html.contains("<dd>&lt;script&gt;</dd>"));
        // Every element that opens is closed.
        for tag in [
            "section", "p", "ol", "ul", "li", "figure", "dl", "div", "svg",
        ] {
            let open = html.matches(&format!("<{tag}>")).count()
                + html.matches(&format!("<{tag} ")).count();
            assert_eq!(open, html.matches(&format!("</{tag}>")).count(), "{tag}");
        }
    }

    #[test]
    fn html_has_chart_milestones_and_empty_states() {
        let p = rat_progress(
            &pip("Pip"),
            &programs(Some(TechniqueId::OfferingTreats)),
            &ten_days(),
            d(9),
        );
        let html = progress_html("Pip", &facts(), &p);
        assert!(html.contains(
            r#"role="img" aria-labelledby="trust-title" aria-describedby="trust-summary""#
        ));
        assert!(html.contains(&format!(
            r#"<p class="trust-summary" id="trust-summary">{}</p>"#,
            p.trust_sentence()
        )));
        assert_eq!(html.matches("h0").count(), 10);
        assert!(html.contains(r#"<li class="milestone" id="milestone-first-treat-from-hand"><span class="milestone-day">2026-11-02</span>"#));
        assert!(html.contains("Step change, numbered below"));
        assert_eq!(html.matches("Moved up: ").count(), p.marks.len());
        assert!(!html.contains("trust-empty") && !html.contains("milestones-empty"));
        assert!(html.contains(
            r#"<figcaption class="trust-dates"><span>2026-11-02</span><span>2026-11-11</span></figcaption>"#
        ));

        // Sessions on one day only: one date, under the dots in the middle.
        let one_day = &ten_days()[..1];
        let p = rat_progress(&pip("Pip"), &programs(None), one_day, d(9));
        let html = progress_html("Pip", &facts(), &p);
        assert!(html.contains(
            r#"<figcaption class="trust-dates trust-dates-one"><span>2026-11-02</span></figcaption>"#
        ), "{html}");

        let p = rat_progress(&pip("Pip"), &programs(None), &[], d(9));
        let html = progress_html("Pip", &facts(), &p);
        assert!(html.contains("Pip's trust chart starts with your first session."));
        assert!(html.contains("Milestones will appear here as Pip makes progress."));
        assert!(!html.contains("<svg") && !html.contains("milestone-day"));
        assert!(html.contains("<dt>Trust level</dt><dd>Not measured yet (50 is neutral)</dd>"));
    }

    #[test]
    fn mark_positions_follow_the_path() {
        let points = [
            TrustPoint {
                day: d(0),
                session_score: 75,
                level: 57.5,
            },
            TrustPoint {
                day: d(3),
                session_score: 75,
                level: 60.0,
            },
        ];
        let marks = [
            StepMark {
                day: d(1),
                label: "a".into(),
            },
            StepMark {
                day: d(3),
                label: "b".into(),
            },
        ];
        let path = marks_path(&points, &marks, 300, 120);
        assert_eq!(mark_xs(&path), ["100", "300"]);
        assert!(mark_xs("").is_empty());
        let svg = chart_svg(&points, &marks);
        assert!(svg.starts_with(r#"<svg viewBox="-30 -42 340 168" role="img" aria-labelledby="trust-title" aria-describedby="trust-summary">"#));
        assert_eq!(svg.matches("h0").count(), 2, "a dot per session: {svg}");
        assert_eq!(svg.matches("trust-mark-num").count(), 2);
        assert!(
            svg.contains(r#"<path class="trust-marks" d="M100 0 V120 M300 0 V120"/>"#),
            "{svg}"
        );
        assert!(svg.contains(r#"cx="100" cy="-14""#) && svg.contains(r#"cx="300" cy="-14""#));
        assert!(svg.ends_with("</svg>"));
        // Labels close together take turns between two rows.
        let close = [
            marks[0].clone(),
            StepMark {
                day: d(1),
                label: "c".into(),
            },
        ];
        let svg = chart_svg(&points, &close);
        assert!(
            svg.contains(r#"cy="-14""#) && svg.contains(r#"cy="-32""#),
            "{svg}"
        );
        assert_eq!(chart_svg(&[], &marks).matches("h0").count(), 0);
    }
}

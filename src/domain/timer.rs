//! The session timer: its start is stored, so it survives moving between screens and a reload.

use super::rat::RatId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionTimer {
    /// The id the logged session will get, so a double tap on Save logs it once.
    pub session_id: String,
    pub rats: Vec<RatId>,
    /// Milliseconds since the Unix epoch.
    pub started_at: f64,
    #[serde(default)]
    pub paused_at: Option<f64>,
    /// Time spent paused before `paused_at`.
    #[serde(default)]
    pub paused_ms: f64,
}

/// A timer older than this was almost surely left running by accident.
pub const STALE_AFTER_MS: f64 = 90.0 * 60.0 * 1000.0;

impl SessionTimer {
    pub fn start(session_id: String, rats: Vec<RatId>, now_ms: f64) -> Self {
        SessionTimer {
            session_id,
            rats,
            started_at: now_ms,
            paused_at: None,
            paused_ms: 0.0,
        }
    }

    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some()
    }

    /// Running time, not counting pauses; never negative even if the clock went back.
    pub fn elapsed_ms(&self, now_ms: f64) -> f64 {
        let end = self.paused_at.unwrap_or(now_ms);
        (end - self.started_at - self.paused_ms).max(0.0)
    }

    pub fn pause(&mut self, now_ms: f64) {
        if self.paused_at.is_none() {
            self.paused_at = Some(now_ms);
        }
    }

    pub fn resume(&mut self, now_ms: f64) {
        if let Some(at) = self.paused_at.take() {
            self.paused_ms += (now_ms - at).max(0.0);
        }
    }

    /// Left running for hours: ask the owner how long it really was.
    pub fn is_stale(&self, now_ms: f64) -> bool {
        self.elapsed_ms(now_ms) > STALE_AFTER_MS
    }
}

/// 75 s → "1:15"; 3725 s → "1:02:05".
pub fn clock_text(total_secs: u64) -> String {
    let (h, m, s) = (total_secs / 3600, (total_secs / 60) % 60, total_secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: f64 = 60_000.0;

    #[test]
    fn pauses_are_not_counted() {
        let mut t = SessionTimer::start("s".into(), vec![], 0.0);
        assert_eq!(t.elapsed_ms(5.0 * MIN), 5.0 * MIN);
        t.pause(5.0 * MIN);
        t.pause(6.0 * MIN); // a second pause changes nothing
        assert_eq!(t.elapsed_ms(9.0 * MIN), 5.0 * MIN);
        t.resume(10.0 * MIN);
        t.resume(11.0 * MIN); // nor a second resume
        assert_eq!(t.elapsed_ms(12.0 * MIN), 7.0 * MIN);
        assert!(!t.is_paused());
    }

    #[test]
    fn clock_going_back_never_gives_negative_time() {
        let t = SessionTimer::start("s".into(), vec![], 10.0 * MIN);
        assert_eq!(t.elapsed_ms(2.0 * MIN), 0.0);
    }

    #[test]
    fn stale_after_ninety_minutes() {
        let t = SessionTimer::start("s".into(), vec![], 0.0);
        assert!(!t.is_stale(90.0 * MIN));
        assert!(t.is_stale(90.0 * MIN + 1.0));
        assert!(t.is_stale(10.0 * 60.0 * MIN));
    }

    #[test]
    fn clock_text_reads_like_a_stopwatch() {
        let cases = [
            (0, "0:00"),
            (9, "0:09"),
            (75, "1:15"),
            (600, "10:00"),
            (3725, "1:02:05"),
        ];
        for (secs, want) in cases {
            assert_eq!(clock_text(secs), want);
        }
    }
}

//! Schema v2 month values: one short string per session instead of full serde JSON.
//!
//! A month value is `{"v":2,"m":"2025-12","r":[rat ids],"s":[sessions]}`. Each session is
//!
//! ```text
//! <day><started>,<updated>,<id>,<duration>,<treats>,<outcomes>[,<note>]
//! ```
//!
//! - day: one base36 digit (day of month `m`), or `~<days since 1970>,` when it is not in `m`;
//! - started: relative to 00:00 UTC of the session's day; updated: relative to started.
//!   A time is whole seconds (`1ke4w`), whole ms (`.1ke4wa`), or any other f64 as its exact
//!   bits (`!#<hex>`);
//! - id: `platform::new_id` ids ("s" + hex ms + 8 hex) as `<id ms - started, base36><random,
//!   7 base36 digits>`; any other id as `'<char count>'<id>`;
//! - outcomes: `.`-separated, each one base36 number packing step, rat (index into `r`),
//!   technique, response and the signs bitmask; signs not in canonical order follow as
//!   `~` and one digit per sign;
//! - note: the rest of the string, unescaped (it is last, so it may hold any character).
//!
//! Every compact form is checked to decode to the same bits before it is used, so round
//! trips are exact for any `Session`; decoding damaged text returns an error, never panics.

use crate::domain::date::LocalDate;
use crate::domain::rat::RatId;
use crate::domain::session::{RatOutcome, Response, Session, SessionId, Sign};
use crate::domain::technique::TechniqueId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::fmt::Write as _;

pub const MONTH_VERSION: u32 = 2;

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
const DAY_MS: f64 = 86_400_000.0;
/// Deltas beyond this are not exact as f64 sums; they take the lossless path.
const MAX_DELTA_MS: i64 = 1 << 52;
const RANDOM_DIGITS: usize = 7;
const SIGN_BITS: u128 = 1 << Sign::ALL.len();

#[derive(Clone, Debug, PartialEq)]
pub struct DecodeError(pub String);

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::store::damaged_history(&self.0))
    }
}

fn bad<T>(why: impl Into<String>) -> Result<T, DecodeError> {
    Err(DecodeError(why.into()))
}

/// Which schema wrote a month value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthFormat {
    V1,
    V2,
}

#[derive(Serialize)]
struct MonthOut<'a> {
    v: u32,
    m: &'a str,
    r: &'a [&'a RatId],
    s: &'a [String],
}

#[derive(Deserialize)]
struct MonthIn<'a> {
    v: u32,
    m: String,
    r: Vec<RatId>,
    /// Borrowed where the text has no escapes: one allocation less per session.
    #[serde(borrow)]
    s: Vec<std::borrow::Cow<'a, str>>,
}

#[derive(Deserialize)]
struct MonthV1 {
    sessions: Vec<Session>,
}

/// "2025-12" for any day of December 2025.
pub fn month_text(day: LocalDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

/// The first day of the month named like "2025-12".
pub fn parse_month(text: &str) -> Option<LocalDate> {
    if text.len() != 7 {
        return None;
    }
    LocalDate::parse(&format!("{text}-01")).ok()
}

/// The v2 value for the month `in_month` falls in; sessions keep their order.
pub fn encode_month(in_month: LocalDate, sessions: &[&Session]) -> Result<String, String> {
    encode_month_reusing(in_month, sessions, None).map(|(text, _)| text)
}

/// How [`encode_month_reusing`] wrote each session, to be reused by the next write.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parts {
    pub rats: Vec<RatId>,
    /// One per session, in the order given.
    pub sessions: Vec<String>,
}

/// [`encode_month`], taking `hints[i]` as the text of `sessions[i]` where given: the caller
/// vouches that it encodes that very session against the rat table `rats`. Hints are used
/// only when this month's rat table is still `rats`. The text is what `encode_month` gives.
pub fn encode_month_reusing(
    in_month: LocalDate,
    sessions: &[&Session],
    hints: Option<(&[RatId], Vec<Option<String>>)>,
) -> Result<(String, Parts), String> {
    let mut rats: Vec<&RatId> = Vec::new();
    let mut index: BTreeMap<&RatId, usize> = BTreeMap::new();
    for o in sessions.iter().flat_map(|s| &s.outcomes) {
        index.entry(&o.rat).or_insert_with(|| {
            rats.push(&o.rat);
            rats.len() - 1
        });
    }
    let mut hints = hints
        .filter(|(old, texts)| {
            texts.len() == sessions.len()
                && old.len() == rats.len()
                && old.iter().zip(&rats).all(|(a, b)| a == *b)
        })
        .map(|(_, texts)| texts)
        .unwrap_or_default()
        .into_iter();
    let m = month_text(in_month);
    let encoded: Vec<String> = sessions
        .iter()
        .map(|s| {
            hints
                .next()
                .flatten()
                .unwrap_or_else(|| encode_session(s, in_month, &index))
        })
        .collect();
    let text = serde_json::to_string(&MonthOut {
        v: MONTH_VERSION,
        m: &m,
        r: &rats,
        s: &encoded,
    })
    .map_err(|e| e.to_string())?;
    let parts = Parts {
        rats: rats.into_iter().cloned().collect(),
        sessions: encoded,
    };
    Ok((text, parts))
}

/// Reads a month value written by schema v1 or v2.
pub fn decode_month(raw: &str) -> Result<Vec<Session>, DecodeError> {
    decode_month_with_format(raw).map(|(_, sessions)| sessions)
}

pub fn decode_month_with_format(raw: &str) -> Result<(MonthFormat, Vec<Session>), DecodeError> {
    if let Ok(month) = serde_json::from_str::<MonthIn>(raw) {
        if month.v != MONTH_VERSION {
            return bad(format!("month format {} is not known", month.v));
        }
        let Some(first) = parse_month(&month.m) else {
            return bad(format!("bad month {}", month.m));
        };
        // Sized up front: collecting a Result iterator grows the Vec step by step, and
        // each step copies every session decoded so far.
        let mut sessions = Vec::with_capacity(month.s.len());
        for s in &month.s {
            sessions.push(decode_session(s, first, &month.r)?);
        }
        return Ok((MonthFormat::V2, sessions));
    }
    match serde_json::from_str::<MonthV1>(raw) {
        Ok(month) => Ok((MonthFormat::V1, month.sessions)),
        Err(e) => bad(e.to_string()),
    }
}

fn push_int(out: &mut String, n: i128) {
    if n < 0 {
        out.push('-');
    }
    push_uint(out, n.unsigned_abs());
}

/// `(n / d, n % d)` from three 64-bit divisions: u128 `/` and `%` would link compiler-rt's
/// generic 128-bit division (and `i128` saturating maths its overflow-checked multiply).
fn div_small(n: u128, d: u32) -> (u128, u32) {
    let d = u64::from(d.max(1));
    let hi = (n >> 64) as u64;
    let lo = n as u64;
    let (q_hi, r) = (hi / d, hi % d);
    let mid = (r << 32) | (lo >> 32);
    let (q_mid, r) = (mid / d, mid % d);
    let low = (r << 32) | (lo & 0xffff_ffff);
    let (q_low, r) = (low / d, low % d);
    (
        (u128::from(q_hi) << 64) | (u128::from(q_mid) << 32) | u128::from(q_low),
        r as u32,
    )
}

fn push_uint(out: &mut String, mut n: u128) {
    // Nearly every number fits in 64 bits, where wasm divides natively.
    if let Ok(mut small) = u64::try_from(n) {
        let mut buf = [0u8; 16];
        let mut i = buf.len();
        loop {
            i -= 1;
            buf[i] = DIGITS[(small % 36) as usize];
            small /= 36;
            if small == 0 {
                break;
            }
        }
        out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
        return;
    }
    let mut buf = [0u8; 32];
    let mut i = buf.len();
    loop {
        i -= 1;
        let (q, r) = div_small(n, 36);
        buf[i] = DIGITS[r as usize];
        n = q;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(char::from(b));
    }
}

fn digit_value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some(u32::from(b - b'0')),
        b'a'..=b'z' => Some(u32::from(b - b'a') + 10),
        _ => None,
    }
}

fn parse_uint(text: &str) -> Result<u128, DecodeError> {
    if text.is_empty() || text.len() > 24 {
        return bad(format!("bad number {text}"));
    }
    // 12 base36 digits fit in a u64 (36^12 < 2^63): wasm has no native 128-bit multiply.
    if text.len() <= 12 {
        let mut n: u64 = 0;
        for b in text.bytes() {
            let Some(d) = digit_value(b) else {
                return bad(format!("bad number {text}"));
            };
            n = n * 36 + u64::from(d);
        }
        return Ok(u128::from(n));
    }
    let mut n: u128 = 0;
    for b in text.bytes() {
        let Some(d) = digit_value(b) else {
            return bad(format!("bad number {text}"));
        };
        n = n * 36 + u128::from(d);
    }
    Ok(n)
}

fn parse_int(text: &str) -> Result<i128, DecodeError> {
    match text.strip_prefix('-') {
        Some(rest) => Ok(-(parse_uint(rest)? as i128)),
        None => Ok(parse_uint(text)? as i128),
    }
}

fn day_ms(day: LocalDate) -> f64 {
    day.to_days() as f64 * DAY_MS
}

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits()
}

/// `value` as seconds or ms from `base` when that is exact, else the f64 itself.
fn push_time(out: &mut String, value: f64, base: f64) {
    let delta = value - base;
    if delta.is_finite() && delta.fract() == 0.0 && delta.abs() < MAX_DELTA_MS as f64 {
        let d = delta as i64;
        if same(base + d as f64, value) {
            if d % 1000 == 0 {
                push_int(out, i128::from(d / 1000));
            } else {
                out.push('.');
                push_int(out, i128::from(d));
            }
            return;
        }
    }
    // Anything else keeps its exact bits. (Not float text: formatting and parsing floats
    // would add ~30 KB of code to the app for a case real data never hits.)
    let _ = write!(out, "!#{:x}", value.to_bits());
}

fn parse_time(text: &str, base: f64) -> Result<f64, DecodeError> {
    if let Some(bits) = text.strip_prefix("!#") {
        return u64::from_str_radix(bits, 16)
            .map(f64::from_bits)
            .or_else(|_| bad(format!("bad time {text}")));
    }
    let ms = match text.strip_prefix('.') {
        Some(ms) => parse_int(ms)?,
        // Beyond this the product is out of range anyway (no overflow-checked i128 maths).
        None => match parse_int(text)? {
            secs if secs.unsigned_abs() > (MAX_DELTA_MS / 1000) as u128 => {
                return bad(format!("time out of range {text}"));
            }
            secs => secs * 1000,
        },
    };
    if ms.abs() >= i128::from(MAX_DELTA_MS) {
        return bad(format!("time out of range {text}"));
    }
    Ok(base + ms as f64)
}

/// The base an id's time is stored against (saturating, so any f64 gives the same answer).
fn id_base(started_at: f64) -> i128 {
    i128::from(started_at as i64)
}

fn app_id(time: u64, random: u32) -> String {
    // By hand: `format!` is several times slower, and every decoded session makes one.
    fn hex(out: &mut Vec<u8>, n: u64, min_digits: u32) {
        let digits = (64 - n.leading_zeros()).div_ceil(4).max(min_digits);
        for i in (0..digits).rev() {
            out.push(DIGITS[((n >> (i * 4)) & 0xf) as usize]);
        }
    }
    let mut id = Vec::with_capacity(25);
    id.push(b's');
    hex(&mut id, time, 1);
    hex(&mut id, u64::from(random), 8);
    String::from_utf8(id).unwrap_or_default()
}

/// (time, random) when `id` is exactly what `platform::new_id("s")` makes.
fn split_app_id(id: &str) -> Option<(u64, u32)> {
    let rest = id.strip_prefix('s')?;
    if rest.len() < 9 || rest.len() > 24 || !rest.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let (time, random) = rest.split_at(rest.len() - 8);
    let time = u64::from_str_radix(time, 16).ok()?;
    let random = u32::from_str_radix(random, 16).ok()?;
    (app_id(time, random) == id).then_some((time, random))
}

fn push_id(out: &mut String, id: &str, started_at: f64) {
    if let Some((time, random)) = split_app_id(id) {
        push_int(out, i128::from(time) - id_base(started_at));
        let mut digits = String::new();
        push_uint(&mut digits, u128::from(random));
        for _ in digits.len()..RANDOM_DIGITS {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        out.push('\'');
        push_uint(out, id.chars().count() as u128);
        out.push('\'');
        out.push_str(id);
    }
}

fn technique_index(t: TechniqueId) -> u128 {
    TechniqueId::ALL.iter().position(|x| *x == t).unwrap_or(0) as u128
}

fn response_index(r: Response) -> u128 {
    Response::ALL.iter().position(|x| *x == r).unwrap_or(0) as u128
}

fn sign_index(s: Sign) -> usize {
    Sign::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

fn push_outcome(out: &mut String, o: &RatOutcome, rat: usize, rats: usize) {
    let indices: Vec<usize> = o.signs.iter().map(|s| sign_index(*s)).collect();
    let canonical = indices.windows(2).all(|w| w[0] < w[1]);
    let mask: u128 = if canonical {
        indices.iter().map(|i| 1u128 << i).sum()
    } else {
        0
    };
    let n = (((u128::from(o.step) * rats as u128 + rat as u128) * 4
        + technique_index(o.technique))
        * 5
        + response_index(o.response))
        * SIGN_BITS
        + mask;
    push_uint(out, n);
    if !canonical {
        out.push('~');
        for i in indices {
            out.push(char::from(DIGITS[i]));
        }
    }
}

fn encode_session(s: &Session, first: LocalDate, rats: &BTreeMap<&RatId, usize>) -> String {
    let mut out = String::with_capacity(48);
    if s.day.year() == first.year() && s.day.month() == first.month() {
        out.push(char::from(DIGITS[usize::from(s.day.day())]));
    } else {
        out.push('~');
        push_int(&mut out, i128::from(s.day.to_days()));
        out.push(',');
    }
    push_time(&mut out, s.started_at, day_ms(s.day));
    out.push(',');
    push_time(&mut out, s.updated_at, s.started_at);
    out.push(',');
    push_id(&mut out, &s.id.0, s.started_at);
    out.push(',');
    push_uint(&mut out, u128::from(s.duration_secs));
    out.push(',');
    push_uint(&mut out, u128::from(s.treats));
    out.push(',');
    for (i, o) in s.outcomes.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        let rat = rats.get(&o.rat).copied().unwrap_or(0);
        push_outcome(&mut out, o, rat, rats.len());
    }
    if !s.note.is_empty() {
        out.push(',');
        out.push_str(&s.note);
    }
    out
}

/// Reads a session string left to right.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        self.text.get(self.at..).unwrap_or("")
    }

    /// Up to the next `,` (consumed), or an error when there is none.
    fn field(&mut self) -> Result<&'a str, DecodeError> {
        let rest = self.rest();
        match rest.find(',') {
            Some(i) => {
                self.at += i + 1;
                Ok(&rest[..i])
            }
            None => bad("a session ends early"),
        }
    }

    /// Up to the next `,` (consumed) or the end.
    fn last_field(&mut self) -> &'a str {
        let rest = self.rest();
        match rest.find(',') {
            Some(i) => {
                self.at += i + 1;
                &rest[..i]
            }
            None => {
                self.at = self.text.len();
                rest
            }
        }
    }

    fn next_char(&mut self) -> Option<char> {
        let c = self.rest().chars().next()?;
        self.at += c.len_utf8();
        Some(c)
    }
}

fn decode_day(cur: &mut Cursor, first: LocalDate) -> Result<LocalDate, DecodeError> {
    match cur.next_char() {
        Some('~') => {
            let days = parse_int(cur.field()?)?;
            i64::try_from(days)
                .ok()
                .and_then(LocalDate::from_days)
                .map_or_else(|| bad("bad day"), Ok)
        }
        Some(c) => {
            let d = u8::try_from(c)
                .ok()
                .and_then(digit_value)
                .and_then(|d| u8::try_from(d).ok());
            match d.map(|d| LocalDate::new(first.year(), first.month(), d)) {
                Some(Ok(day)) => Ok(day),
                _ => bad(format!("bad day {c}")),
            }
        }
        None => bad("empty session"),
    }
}

fn decode_id(cur: &mut Cursor, started_at: f64) -> Result<String, DecodeError> {
    if cur.rest().starts_with('\'') {
        cur.at += 1;
        let rest = cur.rest();
        let Some(end) = rest.find('\'') else {
            return bad("bad id");
        };
        let count = usize::try_from(parse_uint(&rest[..end])?).or_else(|_| bad("bad id"))?;
        cur.at += end + 1;
        let rest = cur.rest();
        let len = match rest.char_indices().nth(count) {
            Some((i, _)) => i,
            None if rest.chars().count() == count => rest.len(),
            None => return bad("id runs past the end"),
        };
        cur.at += len;
        let id = rest[..len].to_string();
        if cur.next_char() != Some(',') {
            return bad("bad id");
        }
        return Ok(id);
    }
    let token = cur.field()?;
    if token.len() <= RANDOM_DIGITS || !token.is_ascii() {
        return bad(format!("bad id {token}"));
    }
    let (delta, random) = token.split_at(token.len() - RANDOM_DIGITS);
    let time = id_base(started_at) + parse_int(delta)?;
    let random = u32::try_from(parse_uint(random)?);
    match (u64::try_from(time), random) {
        (Ok(time), Ok(random)) => Ok(app_id(time, random)),
        _ => bad(format!("bad id {token}")),
    }
}

fn decode_outcome(text: &str, rats: &[RatId]) -> Result<RatOutcome, DecodeError> {
    let (packed, listed) = match text.split_once('~') {
        Some((packed, listed)) => (packed, Some(listed)),
        None => (text, None),
    };
    let n = parse_uint(packed)?;
    let mask = n % SIGN_BITS;
    let n = n / SIGN_BITS;
    let (n, response) = div_small(n, 5);
    let response = Response::ALL[response as usize];
    let technique = TechniqueId::ALL[(n % 4) as usize];
    let n = n / 4;
    if rats.is_empty() {
        return bad("an outcome with no rat table");
    }
    let Ok(count) = u32::try_from(rats.len()) else {
        return bad("too many rats");
    };
    let (step, rat) = div_small(n, count);
    let rat = rats[rat as usize].clone();
    let Ok(step) = u8::try_from(step) else {
        return bad("bad step");
    };
    let signs = match listed {
        Some(listed) => {
            if mask != 0 {
                return bad("signs given twice");
            }
            listed
                .bytes()
                .map(
                    |b| match digit_value(b).map(|i| Sign::ALL.get(i as usize)) {
                        Some(Some(s)) => Ok(*s),
                        _ => bad("bad sign"),
                    },
                )
                .collect::<Result<Vec<_>, _>>()?
        }
        None => Sign::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, s)| *s)
            .collect(),
    };
    Ok(RatOutcome {
        rat,
        technique,
        step,
        response,
        signs,
    })
}

fn decode_session(text: &str, first: LocalDate, rats: &[RatId]) -> Result<Session, DecodeError> {
    let mut cur = Cursor { text, at: 0 };
    let day = decode_day(&mut cur, first)?;
    let started_at = parse_time(cur.field()?, day_ms(day))?;
    let updated_at = parse_time(cur.field()?, started_at)?;
    let id = decode_id(&mut cur, started_at)?;
    let duration_secs =
        u32::try_from(parse_uint(cur.field()?)?).or_else(|_| bad("bad duration"))?;
    let treats = u16::try_from(parse_uint(cur.field()?)?).or_else(|_| bad("bad treats"))?;
    let outcomes_text = cur.last_field();
    let outcomes = if outcomes_text.is_empty() {
        Vec::new()
    } else {
        outcomes_text
            .split('.')
            .map(|o| decode_outcome(o, rats))
            .collect::<Result<Vec<_>, _>>()?
    };
    let note = cur.rest().to_string();
    Ok(Session {
        id: SessionId(id),
        day,
        started_at,
        duration_secs,
        outcomes,
        treats,
        note,
        updated_at,
    })
}

#[cfg(test)]
mod tests {
    use super::div_small;

    #[test]
    fn div_small_matches_u128_division() {
        let values = [
            0u128,
            1,
            35,
            36,
            u128::from(u64::MAX),
            u128::from(u64::MAX) + 1,
            36u128.pow(24) - 1,
            u128::MAX,
            0x1234_5678_9abc_def0_0fed_cba9_8765_4321,
        ];
        for n in values {
            for d in [1u32, 4, 5, 36, 2048, 1_000_003, u32::MAX] {
                let (q, r) = div_small(n, d);
                assert_eq!((q, u128::from(r)), (n / u128::from(d), n % u128::from(d)));
            }
        }
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    #[test]
    fn app_ids_and_numbers_read_as_the_slow_forms_did() {
        for (time, random) in [
            (0, 0),
            (1, 1),
            (0xf, 0xffff_ffff),
            (0x19a2b3c4d5e, 0x0012_abcd),
        ] {
            assert_eq!(app_id(time, random), format!("s{time:x}{random:08x}"));
        }
        assert_eq!(app_id(u64::MAX, 7), format!("s{:x}{:08x}", u64::MAX, 7));
        for text in [
            "0",
            "z",
            "zzzzzzzzzzzz",
            "zzzzzzzzzzzzz",
            "1ke4w",
            "000000000001",
        ] {
            let slow = text
                .bytes()
                .fold(0u128, |n, b| n * 36 + u128::from(digit_value(b).unwrap()));
            assert_eq!(parse_uint(text).unwrap(), slow, "{text}");
        }
        assert!(parse_uint("A").is_err() && parse_uint("").is_err());
    }

    #[test]
    fn reused_session_texts_are_taken_only_with_the_same_rat_table() {
        let day = LocalDate::new(2026, 11, 3).unwrap();
        let session = |id: u32, rat: &str| Session {
            id: SessionId(app_id(u64::from(id) + 1_800_000_000_000, id)),
            day,
            started_at: day_ms(day) + f64::from(id) * 1000.0,
            duration_secs: 60,
            outcomes: vec![RatOutcome {
                rat: RatId(rat.into()),
                technique: TechniqueId::Scent,
                step: 1,
                response: Response::Relaxed,
                signs: vec![],
            }],
            treats: 0,
            note: String::new(),
            updated_at: day_ms(day) + f64::from(id) * 1000.0,
        };
        let (a, b) = (session(1, "ra"), session(2, "rb"));
        let (_, parts) = encode_month_reusing(day, &[&a, &b], None).unwrap();
        // Same table: the hints are used (a wrong one would show in the text).
        let hints = vec![Some("hint".to_string()), None];
        let (text, _) = encode_month_reusing(day, &[&a, &b], Some((&parts.rats, hints))).unwrap();
        assert!(text.contains("\"hint\""), "{text}");
        // A new first rat changes every index: the hints are ignored.
        let c = session(0, "rc");
        let hints = vec![None, Some("hint".to_string()), None];
        let (text, _) =
            encode_month_reusing(day, &[&c, &a, &b], Some((&parts.rats, hints))).unwrap();
        assert_eq!(text, encode_month(day, &[&c, &a, &b]).unwrap());
    }

    #[test]
    fn escaped_session_text_still_decodes() {
        let day = LocalDate::new(2026, 11, 3).unwrap();
        let started_at = day_ms(day) + 3_600_000.0;
        let s = Session {
            id: SessionId(app_id(started_at as u64 + 5, 77)),
            day,
            started_at,
            duration_secs: 300,
            outcomes: vec![],
            treats: 2,
            note: "a \"quoted\" note\\ with \n escapes".into(),
            updated_at: started_at + 100_000.0,
        };
        let text = encode_month(day, &[&s]).unwrap();
        assert!(text.contains("\\\""), "{text}");
        assert_eq!(decode_month(&text).unwrap(), vec![s]);
    }
}

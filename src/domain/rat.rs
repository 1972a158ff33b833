//! A rat's profile and the rules for a valid one.

use super::date::LocalDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Stable identifier of a rat; made once, never reused.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RatId(pub String);

impl fmt::Display for RatId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
    #[default]
    Unknown,
}

impl Sex {
    pub const ALL: [Sex; 3] = [Sex::Female, Sex::Male, Sex::Unknown];

    pub fn key(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
            Sex::Unknown => "unknown",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Temperament {
    Confident,
    #[default]
    Curious,
    Shy,
    Nervous,
}

impl Temperament {
    pub const ALL: [Temperament; 4] = [
        Temperament::Confident,
        Temperament::Curious,
        Temperament::Shy,
        Temperament::Nervous,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Temperament::Confident => "confident",
            Temperament::Curious => "curious",
            Temperament::Shy => "shy",
            Temperament::Nervous => "nervous",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// What the optional date on a profile means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    #[default]
    Birthday,
    Adopted,
}

impl DateKind {
    pub fn key(self) -> &'static str {
        match self {
            DateKind::Birthday => "birthday",
            DateKind::Adopted => "adopted",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        [DateKind::Birthday, DateKind::Adopted]
            .into_iter()
            .find(|k| k.key() == key)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownDate {
    pub kind: DateKind,
    pub date: LocalDate,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rat {
    pub id: RatId,
    pub name: String,
    #[serde(default)]
    pub sex: Sex,
    #[serde(default)]
    pub known_date: Option<KnownDate>,
    #[serde(default)]
    pub temperament: Temperament,
    #[serde(default)]
    pub cage_group: Option<String>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub archived: bool,
    /// Milliseconds since the Unix epoch.
    pub created_at: f64,
    pub updated_at: f64,
}

pub const NAME_MAX: usize = 40;
pub const NOTES_MAX: usize = 500;
pub const GROUP_MAX: usize = 40;

/// The form as the owner typed it; every field is raw text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RatDraft {
    pub name: String,
    pub sex: Sex,
    pub date_kind: DateKind,
    pub date: String,
    /// None until the owner picks one: a guess here would steer the technique choice.
    pub temperament: Option<Temperament>,
    pub cage_group: String,
    pub notes: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    Temperament,
    Date,
    CageGroup,
    Notes,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RatError {
    NameMissing,
    NameTooLong { chars: usize },
    NameControl,
    TemperamentMissing,
    DateFormat,
    DateInFuture,
    GroupTooLong { chars: usize },
    NotesTooLong { chars: usize },
}

impl RatError {
    pub fn field(&self) -> Field {
        match self {
            RatError::NameMissing | RatError::NameTooLong { .. } | RatError::NameControl => {
                Field::Name
            }
            RatError::TemperamentMissing => Field::Temperament,
            RatError::DateFormat | RatError::DateInFuture => Field::Date,
            RatError::GroupTooLong { .. } => Field::CageGroup,
            RatError::NotesTooLong { .. } => Field::Notes,
        }
    }
}

impl fmt::Display for RatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::text::rat_rules as t;
        match self {
            RatError::NameMissing => f.write_str(t::NAME_MISSING),
            RatError::NameTooLong { chars } => f.write_str(&t::name_too_long(NAME_MAX, *chars)),
            RatError::NameControl => f.write_str(t::NAME_CONTROL),
            RatError::TemperamentMissing => f.write_str(t::TEMPERAMENT_MISSING),
            RatError::DateFormat => f.write_str(t::DATE_FORMAT),
            RatError::DateInFuture => f.write_str(t::DATE_IN_FUTURE),
            RatError::GroupTooLong { chars } => f.write_str(&t::group_too_long(GROUP_MAX, *chars)),
            RatError::NotesTooLong { chars } => f.write_str(&t::notes_too_long(NOTES_MAX, *chars)),
        }
    }
}

/// The checked, cleaned fields of a draft.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidRat {
    pub name: String,
    pub sex: Sex,
    pub known_date: Option<KnownDate>,
    pub temperament: Temperament,
    pub cage_group: Option<String>,
    pub notes: String,
}

/// Collapses runs of white space so "  Pip   Squeak " and "Pip Squeak" are one name.
pub fn clean_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl RatDraft {
    pub fn from_rat(rat: &Rat) -> Self {
        RatDraft {
            name: rat.name.clone(),
            sex: rat.sex,
            date_kind: rat.known_date.map(|k| k.kind).unwrap_or_default(),
            date: rat
                .known_date
                .map(|k| k.date.to_string())
                .unwrap_or_default(),
            temperament: Some(rat.temperament),
            cage_group: rat.cage_group.clone().unwrap_or_default(),
            notes: rat.notes.clone(),
        }
    }

    /// Checks every field; returns all problems at once so each shows by its field.
    pub fn validate(&self, today: LocalDate) -> Result<ValidRat, Vec<RatError>> {
        let mut errors = Vec::new();

        let name = clean_line(&self.name);
        let name_chars = name.chars().count();
        if name_chars == 0 {
            errors.push(RatError::NameMissing);
        } else if name_chars > NAME_MAX {
            errors.push(RatError::NameTooLong { chars: name_chars });
        } else if name.chars().any(char::is_control) {
            errors.push(RatError::NameControl);
        }

        if self.temperament.is_none() {
            errors.push(RatError::TemperamentMissing);
        }

        let known_date = if self.date.trim().is_empty() {
            None
        } else {
            match LocalDate::parse(&self.date) {
                Ok(date) if date > today => {
                    errors.push(RatError::DateInFuture);
                    None
                }
                Ok(date) => Some(KnownDate {
                    kind: self.date_kind,
                    date,
                }),
                Err(_) => {
                    errors.push(RatError::DateFormat);
                    None
                }
            }
        };

        let group = clean_line(&self.cage_group);
        let group_chars = group.chars().count();
        if group_chars > GROUP_MAX {
            errors.push(RatError::GroupTooLong { chars: group_chars });
        }

        let notes = self.notes.trim().to_string();
        let notes_chars = notes.chars().count();
        if notes_chars > NOTES_MAX {
            errors.push(RatError::NotesTooLong { chars: notes_chars });
        }

        let Some(temperament) = self.temperament.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        Ok(ValidRat {
            name,
            sex: self.sex,
            known_date,
            temperament,
            cage_group: (!group.is_empty()).then_some(group),
            notes,
        })
    }
}

impl Rat {
    pub fn new(id: RatId, valid: ValidRat, now_ms: f64) -> Self {
        Rat {
            id,
            name: valid.name,
            sex: valid.sex,
            known_date: valid.known_date,
            temperament: valid.temperament,
            cage_group: valid.cage_group,
            notes: valid.notes,
            archived: false,
            created_at: now_ms,
            updated_at: now_ms,
        }
    }

    pub fn apply(&mut self, valid: ValidRat, now_ms: f64) {
        self.name = valid.name;
        self.sex = valid.sex;
        self.known_date = valid.known_date;
        self.temperament = valid.temperament;
        self.cage_group = valid.cage_group;
        self.notes = valid.notes;
        self.updated_at = now_ms;
    }
}

/// Names are compared without case or extra spaces when warning about twins.
pub fn same_name(a: &str, b: &str) -> bool {
    clean_line(a).to_lowercase() == clean_line(b).to_lowercase()
}

/// Other rats that already carry this name (a warning, not an error).
pub fn namesakes<'a>(rats: &'a [Rat], name: &str, except: Option<&RatId>) -> Vec<&'a Rat> {
    if clean_line(name).is_empty() {
        return Vec::new();
    }
    rats.iter()
        .filter(|r| Some(&r.id) != except && same_name(&r.name, name))
        .collect()
}

/// Active rats first (by name), then archived ones (by name).
pub fn sort_for_list(rats: &mut [Rat]) {
    crate::domain::order::sort_by(rats, &|a, b| {
        a.archived
            .cmp(&b.archived)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.created_at.total_cmp(&b.created_at))
    });
}

/// Existing cage group names, for suggestions in the form.
pub fn cage_groups(rats: &[Rat]) -> Vec<String> {
    let mut groups: Vec<String> = rats.iter().filter_map(|r| r.cage_group.clone()).collect();
    crate::domain::order::sort_by_key(&mut groups, |g| g.to_lowercase());
    groups.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    groups
}

/// Age or time with the owner, as short words: "2 years 3 months", "5 weeks".
pub fn describe_span(from: LocalDate, today: LocalDate) -> String {
    let days = today.days_since(from);
    if days < 0 {
        return String::new();
    }
    let mut months =
        (today.year() - from.year()) * 12 + i32::from(today.month()) - i32::from(from.month());
    if today.day() < from.day() {
        months -= 1;
    }
    use crate::text::rat_rules as t;
    if months >= 12 {
        t::years(i64::from(months / 12), i64::from(months % 12))
    } else if months >= 2 {
        t::months(i64::from(months))
    } else if days >= 14 {
        t::weeks(days / 7)
    } else {
        t::days(days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> LocalDate {
        LocalDate::new(2026, 12, 1).unwrap()
    }

    fn draft(name: &str) -> RatDraft {
        RatDraft {
            name: name.into(),
            temperament: Some(Temperament::Shy),
            ..RatDraft::default()
        }
    }

    #[test]
    fn name_rules() {
        let forty = "a".repeat(40);
        let forty_one = "a".repeat(41);
        let emoji40 = "🐀".repeat(40);
        let cases: Vec<(&str, Result<&str, RatError>)> = vec![
            ("Pip", Ok("Pip")),
            ("  Pip  ", Ok("Pip")),
            ("Pip   Squeak", Ok("Pip Squeak")),
            ("", Err(RatError::NameMissing)),
            ("    ", Err(RatError::NameMissing)),
            ("\t\n", Err(RatError::NameMissing)),
            (&forty, Ok(&forty)),
            (&forty_one, Err(RatError::NameTooLong { chars: 41 })),
            (&emoji40, Ok(&emoji40)),
            ("Pip\u{7}", Err(RatError::NameControl)),
            (
                "<img src=x onerror=alert(1)>",
                Ok("<img src=x onerror=alert(1)>"),
            ),
        ];
        for (input, want) in cases {
            let got = draft(input).validate(today());
            match want {
                Ok(name) => assert_eq!(got.map(|v| v.name), Ok(name.to_string()), "{input:?}"),
                Err(e) => assert_eq!(got.map(|v| v.name), Err(vec![e]), "{input:?}"),
            }
        }
    }

    #[test]
    fn date_rules() {
        let cases: &[(&str, Result<Option<&str>, RatError>)] = &[
            ("", Ok(None)),
            ("   ", Ok(None)),
            ("2026-12-01", Ok(Some("2026-12-01"))),
            ("2025-06-15", Ok(Some("2025-06-15"))),
            ("2026-12-02", Err(RatError::DateInFuture)),
            ("2030-01-01", Err(RatError::DateInFuture)),
            ("2026-02-30", Err(RatError::DateFormat)),
            ("yesterday", Err(RatError::DateFormat)),
        ];
        for (input, want) in cases {
            let mut d = draft("Pip");
            d.date = input.to_string();
            let got = d
                .validate(today())
                .map(|v| v.known_date.map(|k| k.date.to_string()));
            let want = want
                .clone()
                .map(|o| o.map(str::to_string))
                .map_err(|e| vec![e]);
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn temperament_is_asked_not_guessed() {
        let mut d = draft("Pip");
        d.temperament = None;
        assert_eq!(d.validate(today()), Err(vec![RatError::TemperamentMissing]));
        d.temperament = Some(Temperament::Nervous);
        assert_eq!(
            d.validate(today()).map(|v| v.temperament),
            Ok(Temperament::Nervous)
        );
    }

    #[test]
    fn all_errors_reported_together() {
        let d = RatDraft {
            name: String::new(),
            date: "2099-01-01".into(),
            cage_group: "g".repeat(41),
            notes: "n".repeat(501),
            ..RatDraft::default()
        };
        let errors = d.validate(today()).unwrap_err();
        let fields: Vec<Field> = errors.iter().map(RatError::field).collect();
        assert_eq!(
            fields,
            vec![
                Field::Name,
                Field::Temperament,
                Field::Date,
                Field::CageGroup,
                Field::Notes
            ]
        );
        assert!(errors[0].to_string().contains("name"));
    }

    #[test]
    fn notes_limit_counts_characters_not_bytes() {
        let mut d = draft("Pip");
        d.notes = "é".repeat(500);
        assert!(d.validate(today()).is_ok());
        d.notes.push('é');
        assert_eq!(
            d.validate(today()).unwrap_err(),
            vec![RatError::NotesTooLong { chars: 501 }]
        );
    }

    #[test]
    fn empty_group_is_none() {
        let mut d = draft("Pip");
        d.cage_group = "  ".into();
        assert_eq!(d.validate(today()).unwrap().cage_group, None);
        d.cage_group = " Big  cage ".into();
        assert_eq!(
            d.validate(today()).unwrap().cage_group.as_deref(),
            Some("Big cage")
        );
    }

    fn rat(id: &str, name: &str, archived: bool) -> Rat {
        let mut r = Rat::new(
            RatId(id.into()),
            draft(name).validate(today()).unwrap(),
            1.0,
        );
        r.archived = archived;
        r
    }

    #[test]
    fn namesakes_ignore_case_space_and_self() {
        let rats = vec![rat("a", "Pip", false), rat("b", "Squeak", true)];
        assert_eq!(namesakes(&rats, " pip ", None).len(), 1);
        assert_eq!(namesakes(&rats, "Pip", Some(&RatId("a".into()))).len(), 0);
        assert_eq!(namesakes(&rats, "SQUEAK", None).len(), 1);
        assert_eq!(namesakes(&rats, "", None).len(), 0);
    }

    #[test]
    fn list_order_puts_active_first() {
        let mut rats = vec![
            rat("a", "Zed", true),
            rat("b", "bea", false),
            rat("c", "Al", false),
        ];
        sort_for_list(&mut rats);
        let names: Vec<&str> = rats.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Al", "bea", "Zed"]);
    }

    #[test]
    fn spans_read_naturally() {
        let d = |s| LocalDate::parse(s).unwrap();
        let cases = [
            ("2026-12-01", "0 days"),
            ("2026-11-30", "1 day"),
            ("2026-11-20", "11 days"),
            ("2026-11-10", "3 weeks"),
            ("2026-09-15", "2 months"),
            ("2025-12-01", "1 year"),
            ("2024-10-01", "2 years 2 months"),
        ];
        for (from, want) in cases {
            assert_eq!(describe_span(d(from), today()), want, "{from}");
        }
    }

    #[test]
    fn draft_round_trips_a_rat() {
        let mut d = draft("Pip");
        d.date = "2025-01-02".into();
        d.date_kind = DateKind::Adopted;
        d.sex = Sex::Male;
        let r = Rat::new(RatId("x".into()), d.validate(today()).unwrap(), 5.0);
        assert_eq!(RatDraft::from_rat(&r), d);
    }
}

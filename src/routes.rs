//! Every URL of the app in one place. Paths are relative to the app's base (see `router`).

use crate::domain::rat::RatId;

pub const HOME: &str = "/";
pub const RATS: &str = "/rats";
pub const NEW_RAT: &str = "/rats/new";
pub const SETTINGS: &str = "/settings";
pub const TECHNIQUES: &str = "/techniques";
pub const SESSION: &str = "/session";
pub const GUIDE: &str = "/guide";

/// One guide entry, e.g. `/guide/bruxing`.
pub fn guide_entry(id: &str) -> String {
    format!("/guide/{id}")
}

pub fn rat(id: &RatId) -> String {
    format!("/rats/{}", id.0)
}

pub fn edit_rat(id: &RatId) -> String {
    format!("/rats/{}/edit", id.0)
}

pub fn technique(id: crate::domain::technique::TechniqueId) -> String {
    format!("/techniques/{}", id.key())
}

pub fn choose(id: &RatId) -> String {
    format!("/rats/{}/choose", id.0)
}

pub fn session_entry(id: &crate::domain::session::SessionId) -> String {
    format!("/sessions/{}", id.0)
}

/// The screens, one per kind of address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    Rats,
    NewRat,
    Rat,
    EditRat,
    Choose,
    Session,
    SessionEntry,
    Techniques,
    Technique,
    Settings,
    Guide,
    GuideEntry,
    NotFound,
}

/// Address patterns; `:name` takes one non-empty segment. First match wins.
const PATTERNS: &[(&str, Screen)] = &[
    ("/", Screen::Home),
    ("/rats", Screen::Rats),
    ("/rats/new", Screen::NewRat),
    ("/rats/:id", Screen::Rat),
    ("/rats/:id/edit", Screen::EditRat),
    ("/rats/:id/choose", Screen::Choose),
    ("/session", Screen::Session),
    ("/sessions/:id", Screen::SessionEntry),
    ("/techniques", Screen::Techniques),
    ("/techniques/:technique", Screen::Technique),
    ("/settings", Screen::Settings),
    ("/guide", Screen::Guide),
    ("/guide/:entry", Screen::GuideEntry),
];

/// What an address shows: the screen and the values of its `:name` segments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub screen: Screen,
    pub params: Vec<(&'static str, String)>,
}

impl Match {
    pub fn param(&self, name: &str) -> String {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// Matches a path (no query or fragment). A trailing slash is ignored; segments are
/// percent-decoded where they are valid UTF-8.
pub fn match_path(path: &str) -> Match {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    for (pattern, screen) in PATTERNS {
        let parts: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
        if parts.len() != segments.len() {
            continue;
        }
        let mut params = Vec::new();
        let fits = parts.iter().zip(&segments).all(|(part, segment)| {
            if let Some(name) = part.strip_prefix(':') {
                params.push((name, percent_decode(segment)));
                true
            } else {
                part == segment
            }
        });
        if fits {
            return Match {
                screen: *screen,
                params,
            };
        }
    }
    Match {
        screen: Screen::NotFound,
        params: Vec::new(),
    }
}

fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| segment.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_match_their_screens() {
        type Row = (
            &'static str,
            Screen,
            &'static [(&'static str, &'static str)],
        );
        let table: &[Row] = &[
            ("/", Screen::Home, &[]),
            ("", Screen::Home, &[]),
            ("/rats", Screen::Rats, &[]),
            ("/rats/", Screen::Rats, &[]),
            ("/rats/new", Screen::NewRat, &[]),
            ("/rats/r-1", Screen::Rat, &[("id", "r-1")]),
            ("/rats/r-1/edit", Screen::EditRat, &[("id", "r-1")]),
            ("/rats/r-1/choose", Screen::Choose, &[("id", "r-1")]),
            ("/session", Screen::Session, &[]),
            ("/sessions/s9", Screen::SessionEntry, &[("id", "s9")]),
            ("/techniques", Screen::Techniques, &[]),
            (
                "/techniques/scent",
                Screen::Technique,
                &[("technique", "scent")],
            ),
            ("/settings", Screen::Settings, &[]),
            ("/guide", Screen::Guide, &[]),
            (
                "/guide/bruxing",
                Screen::GuideEntry,
                &[("entry", "bruxing")],
            ),
            ("/rats/a%20b", Screen::Rat, &[("id", "a b")]),
            ("/rats/%zz", Screen::Rat, &[("id", "%zz")]),
            ("/rats/%", Screen::Rat, &[("id", "%")]),
            ("/rats/%F0%9F%90%80", Screen::Rat, &[("id", "🐀")]),
            ("/rats/%FF", Screen::Rat, &[("id", "%FF")]),
            ("/nope", Screen::NotFound, &[]),
            ("/rats/a/b/c", Screen::NotFound, &[]),
            ("/settings/x", Screen::NotFound, &[]),
        ];
        for (path, screen, params) in table {
            let found = match_path(path);
            assert_eq!(found.screen, *screen, "{path}");
            let want: Vec<(&str, String)> =
                params.iter().map(|(n, v)| (*n, v.to_string())).collect();
            assert_eq!(found.params, want, "{path}");
        }
    }

    #[test]
    fn built_paths_match_back() {
        let id = RatId("abc".into());
        assert_eq!(match_path(&rat(&id)).screen, Screen::Rat);
        assert_eq!(match_path(&edit_rat(&id)).param("id"), "abc");
        assert_eq!(match_path(&choose(&id)).screen, Screen::Choose);
        for t in crate::domain::technique::TechniqueId::ALL {
            assert_eq!(match_path(&technique(t)).param("technique"), t.key());
        }
        assert_eq!(match_path("/rats").param("id"), "");
    }
}

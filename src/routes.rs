//! Every URL of the app in one place. Paths are relative to the router's base.

use crate::domain::rat::RatId;

pub const HOME: &str = "/";
pub const RATS: &str = "/rats";
pub const NEW_RAT: &str = "/rats/new";
pub const SETTINGS: &str = "/settings";

pub fn rat(id: &RatId) -> String {
    format!("/rats/{}", id.0)
}

pub fn edit_rat(id: &RatId) -> String {
    format!("/rats/{}/edit", id.0)
}

pub const TECHNIQUES: &str = "/techniques";
pub const SESSION: &str = "/session";

pub fn technique(id: crate::domain::technique::TechniqueId) -> String {
    format!("/techniques/{}", id.key())
}

pub fn choose(id: &RatId) -> String {
    format!("/rats/{}/choose", id.0)
}

pub fn session_entry(id: &crate::domain::session::SessionId) -> String {
    format!("/sessions/{}", id.0)
}

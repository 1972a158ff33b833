//! Ratbond: a trust-training coach for pet rats.
//!
//! `domain` is pure logic, `store` alone knows storage, `pages` and `components` only render.

pub mod app;
pub mod components;
pub mod device;
pub mod domain;
pub mod intl;
pub mod pages;
pub mod platform;
pub mod reminders;
pub mod router;
pub mod routes;
pub mod state;
pub mod store;
pub mod text;

//! Pure domain logic: no browser APIs here, so all of it is tested natively.

pub mod chooser;
pub mod date;
pub mod guide;
pub mod ics;
pub mod milestone;
pub mod order;
pub mod program;
pub mod progression;
pub mod rat;
pub mod safety;
pub mod session;
pub mod streak;
pub mod summary;
pub mod technique;
pub mod timer;
pub mod today;
pub mod trust;

//! Small pieces shared by pages. They render and dispatch; no rules live here.

pub mod banners;
pub mod icons;
pub mod install;
pub mod intro;
pub mod nav;
pub mod outcome;
pub mod step;
pub mod toast;

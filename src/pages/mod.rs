//! One module per screen. Pages read state, render it and dispatch; rules live in `domain`.

pub mod not_found;
pub mod rat;
pub mod rat_form;
pub mod rats;
pub mod settings;

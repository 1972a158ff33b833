//! A rat's consistency: streaks, the calendar heat map and rest days.
// TODO(helper): streaks, heat map, rest days.

use crate::domain::rat::Rat;
use leptos::prelude::*;

#[component]
pub fn Consistency(rat: Rat) -> impl IntoView {
    let _ = rat;
}

//! A rat's trust chart, milestones and the shareable progress summary.
// TODO(helper): trust chart, milestones, summary.

use crate::domain::rat::Rat;
use leptos::prelude::*;

#[component]
pub fn TrustAndMilestones(rat: Rat) -> impl IntoView {
    let _ = rat;
}

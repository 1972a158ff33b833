//! Words of step.

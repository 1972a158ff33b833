//! Words of rat_training.

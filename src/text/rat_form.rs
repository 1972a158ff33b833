//! Words of rat_form.

//! Words of dates in `domain::date`: what is wrong with a typed date, and the English
//! month and day names that code without a browser (backup texts, tests) still writes.
//! Screens write dates through `crate::intl` instead.

pub const FORMAT: &str = "Use the form year-month-day, like 2026-03-14.";
pub const OUT_OF_RANGE: &str = "That date does not exist.";

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Monday first.
pub const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

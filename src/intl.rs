//! Dates and numbers in the owner's own locale, through the browser's `Intl`.
//!
//! Screens format every date and number here. In the browser the locale is the browser's
//! default; natively (tests, tools) an English fallback gives the same shapes.

use crate::domain::date::LocalDate;

/// How a calendar day is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateStyle {
    /// "Tuesday 1 December": page headings.
    WeekdayDayMonth,
    /// "1 December 2026": records, backups, summaries.
    DayMonthYear,
    /// "1 Dec": chart labels, lists.
    DayMonthShort,
    /// "1 Dec 2026": history lists.
    DayMonthYearShort,
    /// "December 2026".
    MonthYear,
    /// "Mon": calendar column heads.
    WeekdayShort,
    /// "Monday".
    Weekday,
}

#[cfg(target_arch = "wasm32")]
impl DateStyle {
    const ALL: [DateStyle; 7] = [
        DateStyle::WeekdayDayMonth,
        DateStyle::DayMonthYear,
        DateStyle::DayMonthShort,
        DateStyle::DayMonthYearShort,
        DateStyle::MonthYear,
        DateStyle::WeekdayShort,
        DateStyle::Weekday,
    ];

    fn index(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// `day` written for the owner's locale.
pub fn date(day: LocalDate, style: DateStyle) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(text) = browser::date(day, style) {
        return text;
    }
    fallback::date(day, style)
}

/// A whole number with the locale's digit grouping: "35,964", "35.964", "35 964".
pub fn number(n: i64) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(text) = browser::number(n as f64) {
        return text;
    }
    fallback::number(n)
}

/// A number given in tenths, with one decimal: `tenths(823)` is "82.3" (or "82,3").
pub fn tenths(tenths: i64) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(text) = browser::tenths(tenths as f64 / 10.0) {
        return text;
    }
    fallback::tenths(tenths)
}

/// A clock time, "18:30" or "6:30 PM" as the locale writes it.
pub fn time(hour: u8, minute: u8) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(text) = browser::time(hour, minute) {
        return text;
    }
    format!("{hour:02}:{minute:02}")
}

/// English forms, the same shapes the browser gives for en-GB.
pub mod fallback {
    use super::DateStyle;
    use crate::domain::date::LocalDate;

    // The same English names the rest of the app writes without a browser.
    use crate::text::date::{DAYS, MONTHS};

    pub fn date(day: LocalDate, style: DateStyle) -> String {
        let month = MONTHS
            .get(usize::from(day.month()).saturating_sub(1))
            .copied()
            .unwrap_or_default();
        let weekday = DAYS
            .get(usize::from(day.weekday()))
            .copied()
            .unwrap_or_default();
        let short = |s: &str| s.chars().take(3).collect::<String>();
        let (d, y) = (day.day(), day.year());
        match style {
            DateStyle::WeekdayDayMonth => format!("{weekday} {d} {month}"),
            DateStyle::DayMonthYear => format!("{d} {month} {y}"),
            DateStyle::DayMonthShort => format!("{d} {}", short(month)),
            DateStyle::DayMonthYearShort => format!("{d} {} {y}", short(month)),
            DateStyle::MonthYear => format!("{month} {y}"),
            DateStyle::WeekdayShort => short(weekday),
            DateStyle::Weekday => weekday.to_string(),
        }
    }

    pub fn tenths(tenths: i64) -> String {
        let sign = if tenths < 0 { "-" } else { "" };
        let t = tenths.unsigned_abs();
        format!("{sign}{}.{}", number((t / 10) as i64), t % 10)
    }

    pub fn number(n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if n < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::DateStyle;
    use crate::domain::date::LocalDate;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
        type DateTimeFormat;
        #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = DateTimeFormat)]
        fn new(locales: &JsValue, options: &JsValue) -> Result<DateTimeFormat, JsValue>;
        #[wasm_bindgen(catch, method, js_class = DateTimeFormat)]
        fn format(this: &DateTimeFormat, date: &js_sys::Date) -> Result<String, JsValue>;

        #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
        type NumberFormat;
        #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = NumberFormat)]
        fn new(locales: &JsValue, options: &JsValue) -> Result<NumberFormat, JsValue>;
        #[wasm_bindgen(catch, method, js_class = NumberFormat, js_name = format)]
        fn format_number(this: &NumberFormat, n: f64) -> Result<String, JsValue>;
    }

    // Building a formatter costs far more than using one: keep one per style.
    thread_local! {
        static DATES: RefCell<Vec<Option<DateTimeFormat>>> = const { RefCell::new(Vec::new()) };
        static NUMBERS: RefCell<Option<NumberFormat>> = const { RefCell::new(None) };
        static TIMES: RefCell<Option<DateTimeFormat>> = const { RefCell::new(None) };
        static TENTHS: RefCell<Option<NumberFormat>> = const { RefCell::new(None) };
    }

    fn options(pairs: &[(&str, &str)]) -> JsValue {
        let object = js_sys::Object::new();
        for (key, value) in pairs {
            let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
        }
        object.into()
    }

    fn date_options(style: DateStyle) -> JsValue {
        match style {
            DateStyle::WeekdayDayMonth => {
                options(&[("weekday", "long"), ("day", "numeric"), ("month", "long")])
            }
            DateStyle::DayMonthYear => {
                options(&[("day", "numeric"), ("month", "long"), ("year", "numeric")])
            }
            DateStyle::DayMonthShort => options(&[("day", "numeric"), ("month", "short")]),
            DateStyle::DayMonthYearShort => {
                options(&[("day", "numeric"), ("month", "short"), ("year", "numeric")])
            }
            DateStyle::MonthYear => options(&[("month", "long"), ("year", "numeric")]),
            DateStyle::WeekdayShort => options(&[("weekday", "short")]),
            DateStyle::Weekday => options(&[("weekday", "long")]),
        }
    }

    pub fn date(day: LocalDate, style: DateStyle) -> Option<String> {
        // Midday, so no daylight-saving jump can move it to another day.
        let js_date = js_sys::Date::new_with_year_month_day_hr(
            day.year() as u32,
            i32::from(day.month()) - 1,
            i32::from(day.day()),
            12,
        );
        DATES.with(|cell| {
            let mut cache = cell.borrow_mut();
            let i = style.index();
            if cache.len() <= i {
                cache.resize_with(DateStyle::ALL.len(), || None);
            }
            if cache[i].is_none() {
                cache[i] = DateTimeFormat::new(&JsValue::UNDEFINED, &date_options(style)).ok();
            }
            cache[i].as_ref()?.format(&js_date).ok()
        })
    }

    pub fn number(n: f64) -> Option<String> {
        NUMBERS.with(|cell| {
            let mut cached = cell.borrow_mut();
            if cached.is_none() {
                *cached = NumberFormat::new(&JsValue::UNDEFINED, &JsValue::UNDEFINED).ok();
            }
            cached.as_ref()?.format_number(n).ok()
        })
    }

    pub fn tenths(n: f64) -> Option<String> {
        TENTHS.with(|cell| {
            let mut cached = cell.borrow_mut();
            if cached.is_none() {
                let one = js_sys::Object::new();
                for key in ["minimumFractionDigits", "maximumFractionDigits"] {
                    let _ = js_sys::Reflect::set(&one, &key.into(), &1.into());
                }
                *cached = NumberFormat::new(&JsValue::UNDEFINED, &one).ok();
            }
            cached.as_ref()?.format_number(n).ok()
        })
    }

    pub fn time(hour: u8, minute: u8) -> Option<String> {
        let js_date = js_sys::Date::new_with_year_month_day_hr_min(
            2000,
            0,
            1,
            i32::from(hour),
            i32::from(minute),
        );
        TIMES.with(|cell| {
            let mut cached = cell.borrow_mut();
            if cached.is_none() {
                *cached = DateTimeFormat::new(
                    &JsValue::UNDEFINED,
                    &options(&[("hour", "numeric"), ("minute", "2-digit")]),
                )
                .ok();
            }
            cached.as_ref()?.format(&js_date).ok()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_shapes() {
        let d = LocalDate::new(2026, 12, 1).unwrap_or(LocalDate::EPOCH);
        let cases = [
            (DateStyle::WeekdayDayMonth, "Tuesday 1 December"),
            (DateStyle::DayMonthYear, "1 December 2026"),
            (DateStyle::DayMonthShort, "1 Dec"),
            (DateStyle::DayMonthYearShort, "1 Dec 2026"),
            (DateStyle::MonthYear, "December 2026"),
            (DateStyle::WeekdayShort, "Tue"),
            (DateStyle::Weekday, "Tuesday"),
        ];
        for (style, want) in cases {
            assert_eq!(date(d, style), want, "{style:?}");
        }
    }

    #[test]
    fn fallback_numbers() {
        for (n, want) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (35964, "35,964"),
            (1535179, "1,535,179"),
            (-1234, "-1,234"),
        ] {
            assert_eq!(number(n), want);
        }
        assert_eq!(time(6, 5), "06:05");
        for (n, want) in [
            (0, "0.0"),
            (823, "82.3"),
            (1000, "100.0"),
            (12345, "1,234.5"),
            (-5, "-0.5"),
        ] {
            assert_eq!(tenths(n), want);
        }
    }
}

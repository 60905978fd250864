//! Plain `YYYY-MM-DD` days and the short bounds of a range, as the command
//! line reads and writes them.

use super::{Day, from_day_number};
use chrono::NaiveDate;

/// `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it. Years 0 to 9999 are
/// written digit by digit: chrono's formatter reads its pattern again on
/// every call, a cost a large import pays once a row.
pub fn iso_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    let (year, month, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&year) {
        return d.format("%Y-%m-%d").to_string();
    }
    let digit = |n: u32| char::from(b'0' + n as u8);
    let y = year as u32;
    [
        digit(y / 1000),
        digit(y / 100 % 10),
        digit(y / 10 % 10),
        digit(y % 10),
        '-',
        digit(month / 10),
        digit(month % 10),
        '-',
        digit(day / 10),
        digit(day % 10),
    ]
    .into_iter()
    .collect()
}

/// A date read as chrono's `%Y-%m-%d` reads it; the common form of exactly
/// ten characters without chrono's parser (see [`iso_date`]).
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10))
    {
        return NaiveDate::from_ymd_opt(y as i32, m, d);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

pub fn format_day(day: Day) -> String {
    match from_day_number(day) {
        Some(d) => d.format("%Y-%m-%d").to_string(),
        None => String::from("?"),
    }
}

/// A range bound as short as it can be written and read back the same:
/// a start on 1 January as its year, on the 1st as its month; an end on
/// 31 December as its year, on a month's last day as its month.
pub fn format_bound(day: Day, end: bool) -> String {
    use chrono::Datelike;
    let Some(d) = from_day_number(day) else {
        return String::from("?");
    };
    let edge = if end { d.succ_opt() } else { d.pred_opt() };
    let (new_month, new_year) = match edge {
        Some(e) => (e.month() != d.month(), e.year() != d.year()),
        None => (false, false),
    };
    if new_year {
        d.format("%Y").to_string()
    } else if new_month {
        d.format("%Y-%m").to_string()
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

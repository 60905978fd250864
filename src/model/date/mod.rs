//! Dates at the precision their source gives: a day, a month, a year, an
//! interval, or an open-ended range, stored as EDTF (ISO 8601-2) text and as
//! inclusive day bounds for sorting and range filters.

mod human;
mod stored;

pub(crate) use stored::StoredDate;

use chrono::{Datelike, NaiveDate};

/// A calendar day as a count of days from 1 Jan of year 1 (chrono's CE count).
pub type Day = i32;

/// How precise one endpoint of a date is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    zerocopy::TryFromBytes,
    zerocopy::IntoBytes,
    zerocopy::Immutable,
    zerocopy::KnownLayout,
)]
#[repr(u8)]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// One endpoint as written: a day, a month or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Point {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub precision: Precision,
}

/// The shape of a date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateShape {
    /// A single day, month or year.
    Single(Point),
    /// From one point to another, both inclusive.
    Interval(Point, Point),
    /// Open start: on or before the point (EDTF `../X`).
    Until(Point),
    /// Open end: on or after the point (EDTF `X/..`).
    Since(Point),
}

/// A parsed date with its qualifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateValue {
    pub shape: DateShape,
    /// EDTF `~`: the value is approximate.
    pub approximate: bool,
    /// EDTF `?`: the value is uncertain.
    pub uncertain: bool,
}

/// The precision of a whole date value, as `list --json` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePrecision {
    Day,
    Month,
    Year,
    Interval,
    Before,
    Since,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Interval => "interval",
            DatePrecision::Before => "before",
            DatePrecision::Since => "since",
        }
    }
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("'{0}' is not an EDTF date (expected YYYY, YYYY-MM, YYYY-MM-DD, A/B, ../B or A/..)")]
    Syntax(String),
    #[error("'{0}' is not a real calendar date")]
    Impossible(String),
    #[error("year {0} is out of range (-9999 to 9999)")]
    YearRange(i32),
    #[error("'{0}': the interval ends before it starts")]
    Reversed(String),
}

/// The years a date may name: four EDTF digits, astronomical before 1.
pub const YEAR_MIN: i32 = -9999;
pub const YEAR_MAX: i32 = 9999;

pub const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Point {
    pub fn day(year: i32, month: u8, day: u8) -> Point {
        Point {
            year,
            month,
            day,
            precision: Precision::Day,
        }
    }
    pub fn month(year: i32, month: u8) -> Point {
        Point {
            year,
            month,
            day: 1,
            precision: Precision::Month,
        }
    }
    pub fn year(year: i32) -> Point {
        Point {
            year,
            month: 1,
            day: 1,
            precision: Precision::Year,
        }
    }

    pub fn from_naive(d: NaiveDate) -> Point {
        Point::day(d.year(), d.month() as u8, d.day() as u8)
    }

    fn parse(text: &str, whole: &str) -> Result<Point, DateError> {
        let syntax = || DateError::Syntax(whole.to_string());
        // Years before 1 are astronomical, as EDTF writes them: `0000` is
        // 1 BC, `-0043` is 44 BC; `-0000` is not a year.
        let (negative, text) = match text.strip_prefix('-') {
            Some(rest) if rest.starts_with("0000") => return Err(syntax()),
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| -> Result<u32, DateError> {
            if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(syntax());
            }
            s.parse::<u32>().map_err(|_| syntax())
        };
        let year = number(parts[0], 4)? as i32;
        let year = if negative { -year } else { year };
        if !(YEAR_MIN..=YEAR_MAX).contains(&year) {
            return Err(DateError::YearRange(year));
        }
        let point = match parts.len() {
            1 => Point::year(year),
            2 => Point::month(year, number(parts[1], 2)? as u8),
            3 => Point::day(year, number(parts[1], 2)? as u8, number(parts[2], 2)? as u8),
            _ => return Err(syntax()),
        };
        if !(1..=12).contains(&point.month) || point.first().is_none() {
            return Err(DateError::Impossible(whole.to_string()));
        }
        Ok(point)
    }

    /// The first day this point covers.
    pub fn first(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month as u32, self.day as u32)
    }

    /// The last day this point covers.
    pub fn last(&self) -> Option<NaiveDate> {
        match self.precision {
            Precision::Day => self.first(),
            Precision::Month => {
                let (y, m) = if self.month == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, self.month as u32 + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1).and_then(|d| d.pred_opt())
            }
            Precision::Year => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
    }

    /// The point one unit later ("before Apr 2022" is written `../2022-03`).
    fn next(&self) -> Option<Point> {
        match self.precision {
            Precision::Day => self.first()?.succ_opt().map(Point::from_naive),
            Precision::Month if self.month == 12 => Some(Point::month(self.year + 1, 1)),
            Precision::Month => Some(Point::month(self.year, self.month + 1)),
            Precision::Year => Some(Point::year(self.year + 1)),
        }
    }

    fn edtf(&self, out: &mut String) {
        use std::fmt::Write;
        if self.year < 0 {
            out.push('-');
        }
        let year = self.year.unsigned_abs();
        let _ = match self.precision {
            Precision::Year => write!(out, "{year:04}"),
            Precision::Month => write!(out, "{year:04}-{:02}", self.month),
            Precision::Day => write!(out, "{year:04}-{:02}-{:02}", self.month, self.day),
        };
    }
}

pub fn day_number(d: NaiveDate) -> Day {
    d.num_days_from_ce()
}

pub fn from_day_number(day: Day) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

impl DateValue {
    pub fn single(point: Point) -> DateValue {
        DateValue {
            shape: DateShape::Single(point),
            approximate: false,
            uncertain: false,
        }
    }

    pub fn with_shape(shape: DateShape) -> DateValue {
        DateValue {
            shape,
            approximate: false,
            uncertain: false,
        }
    }

    /// Parses the EDTF subset dateline stores.
    pub fn parse_edtf(text: &str) -> Result<DateValue, DateError> {
        let mut body = text.trim();
        let mut approximate = false;
        let mut uncertain = false;
        loop {
            if let Some(rest) = body.strip_suffix('~') {
                approximate = true;
                body = rest;
            } else if let Some(rest) = body.strip_suffix('?') {
                uncertain = true;
                body = rest;
            } else if let Some(rest) = body.strip_suffix('%') {
                approximate = true;
                uncertain = true;
                body = rest;
            } else {
                break;
            }
        }
        if body.is_empty() {
            return Err(DateError::Syntax(text.to_string()));
        }
        let shape = match body.split_once('/') {
            None => DateShape::Single(Point::parse(body, text)?),
            Some(("..", "..")) | Some(("", _)) | Some((_, "")) => {
                return Err(DateError::Syntax(text.to_string()));
            }
            Some(("..", end)) => DateShape::Until(Point::parse(end, text)?),
            Some((start, "..")) => DateShape::Since(Point::parse(start, text)?),
            Some((start, end)) => {
                let (a, b) = (Point::parse(start, text)?, Point::parse(end, text)?);
                if b.last() < a.first() {
                    return Err(DateError::Reversed(text.to_string()));
                }
                DateShape::Interval(a, b)
            }
        };
        Ok(DateValue {
            shape,
            approximate,
            uncertain,
        })
    }

    /// The EDTF text of this value.
    pub fn edtf(&self) -> String {
        let mut out = String::with_capacity(24);
        match &self.shape {
            DateShape::Single(p) => p.edtf(&mut out),
            DateShape::Interval(a, b) => {
                a.edtf(&mut out);
                out.push('/');
                b.edtf(&mut out);
            }
            DateShape::Until(p) => {
                out.push_str("../");
                p.edtf(&mut out);
            }
            DateShape::Since(p) => {
                p.edtf(&mut out);
                out.push_str("/..");
            }
        }
        match (self.approximate, self.uncertain) {
            (true, true) => out.push('%'),
            (true, false) => out.push('~'),
            (false, true) => out.push('?'),
            _ => {}
        }
        out
    }

    /// Inclusive earliest day, `None` when the start is open.
    pub fn earliest(&self) -> Option<Day> {
        match &self.shape {
            DateShape::Single(p) | DateShape::Interval(p, _) | DateShape::Since(p) => {
                p.first().map(day_number)
            }
            DateShape::Until(_) => None,
        }
    }

    /// Inclusive latest day, `None` when the end is open.
    pub fn latest(&self) -> Option<Day> {
        match &self.shape {
            DateShape::Single(p) | DateShape::Interval(_, p) | DateShape::Until(p) => {
                p.last().map(day_number)
            }
            DateShape::Since(_) => None,
        }
    }

    pub fn precision(&self) -> DatePrecision {
        match &self.shape {
            DateShape::Single(p) => match p.precision {
                Precision::Day => DatePrecision::Day,
                Precision::Month => DatePrecision::Month,
                Precision::Year => DatePrecision::Year,
            },
            DateShape::Interval(..) => DatePrecision::Interval,
            DateShape::Until(_) => DatePrecision::Before,
            DateShape::Since(_) => DatePrecision::Since,
        }
    }

    /// True for a single day that is neither approximate nor uncertain.
    pub fn is_exact_day(&self) -> bool {
        !self.approximate
            && !self.uncertain
            && matches!(self.shape, DateShape::Single(p) if p.precision == Precision::Day)
    }

    /// The chronological sort key: earliest bound, then exact before vague
    /// (narrower spans first, open ends last). Dates open at the start all
    /// share the earliest bound, so they go by their latest one: "before
    /// 2007" comes before "before 2010".
    pub fn sort_key(&self) -> (Day, u8, Day) {
        let earliest = self.earliest().unwrap_or(Day::MIN);
        let vague = u8::from(!self.is_exact_day());
        let then = match (self.earliest(), self.latest()) {
            (Some(a), Some(b)) => b - a,
            (None, Some(b)) => b,
            _ => Day::MAX,
        };
        (earliest, vague, then)
    }
}

/// A day, month or year typed by a user (`--from 2025-03`), as inclusive bounds.
pub fn parse_user_range(text: &str) -> Result<(Day, Day), DateError> {
    let value = DateValue::parse_edtf(text)?;
    match (value.earliest(), value.latest()) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(DateError::Syntax(text.to_string())),
    }
}

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

#[cfg(test)]
mod tests {
    #[test]
    fn iso_dates_read_and_write_as_chrono_does() {
        use chrono::NaiveDate;
        let chrono_read = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok();
        for text in [
            "2025-04-16",
            "0001-01-01",
            "9999-12-31",
            "2024-02-29",
            "2025-02-29",
            "2025-13-01",
            "2025-4-16",
            "20250416",
            "2025-04-1x",
            "+2025-04-16",
            "-0044-03-15",
            "",
            "2025-04-16 ",
        ] {
            assert_eq!(super::parse_iso_date(text), chrono_read(text), "{text:?}");
        }
        for (y, m, d) in [
            (2025, 4, 16),
            (1, 1, 1),
            (9999, 12, 31),
            (-44, 3, 15),
            (10000, 1, 2),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).expect("a date");
            assert_eq!(super::iso_date(date), date.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn bounds_are_written_short() {
        use super::{format_bound, parse_user_range};
        let day = |s: &str| parse_user_range(s).unwrap();
        assert_eq!(format_bound(day("2025-03").0, false), "2025-03");
        assert_eq!(format_bound(day("2025-04").1, true), "2025-04");
        assert_eq!(format_bound(day("2025").0, false), "2025");
        assert_eq!(format_bound(day("2024").1, true), "2024");
        assert_eq!(format_bound(day("2025-04-17").0, false), "2025-04-17");
        assert_eq!(format_bound(day("2025-04-17").1, true), "2025-04-17");
        // A month's first day as an end is a day, not the month.
        assert_eq!(format_bound(day("2025-04-01").1, true), "2025-04-01");
    }

    use super::*;

    fn parse(s: &str) -> DateValue {
        DateValue::parse_edtf(s).unwrap()
    }
    fn ymd(y: i32, m: u32, d: u32) -> Day {
        day_number(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn parses_each_precision_with_bounds() {
        let d = parse("2025-04-17");
        assert_eq!(
            (d.earliest(), d.latest()),
            (Some(ymd(2025, 4, 17)), Some(ymd(2025, 4, 17)))
        );
        assert_eq!(d.precision(), DatePrecision::Day);
        let m = parse("2024-02");
        assert_eq!(
            (m.earliest(), m.latest()),
            (Some(ymd(2024, 2, 1)), Some(ymd(2024, 2, 29)))
        );
        let y = parse("2025");
        assert_eq!(
            (y.earliest(), y.latest()),
            (Some(ymd(2025, 1, 1)), Some(ymd(2025, 12, 31)))
        );
        let dec = parse("2025-12");
        assert_eq!(dec.latest(), Some(ymd(2025, 12, 31)));
    }

    #[test]
    fn parses_open_and_closed_intervals() {
        let until = parse("../2022-04-15");
        assert_eq!(
            (until.earliest(), until.latest()),
            (None, Some(ymd(2022, 4, 15)))
        );
        assert_eq!(until.precision(), DatePrecision::Before);
        let since = parse("2025-03/..");
        assert_eq!(
            (since.earliest(), since.latest()),
            (Some(ymd(2025, 3, 1)), None)
        );
        let span = parse("2025-03/2025-04-16");
        assert_eq!(
            (span.earliest(), span.latest()),
            (Some(ymd(2025, 3, 1)), Some(ymd(2025, 4, 16)))
        );
    }

    #[test]
    fn qualifiers_round_trip() {
        for text in [
            "2022-02~",
            "2025?",
            "2025-04-12%",
            "../2025-04-15",
            "2025-04-12/2025-04-13",
        ] {
            assert_eq!(parse(text).edtf(), text);
        }
        assert!(parse("2022-02~").approximate);
        assert!(parse("2025?").uncertain);
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        assert!(matches!(
            DateValue::parse_edtf("2025-02-30"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            DateValue::parse_edtf("2025-13"),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            DateValue::parse_edtf("-0000-01-01"),
            Err(DateError::Syntax(_))
        ));
        assert!(matches!(
            DateValue::parse_edtf("2025-04-20/2025-04-17"),
            Err(DateError::Reversed(_))
        ));
        for bad in [
            "",
            "25-01-01",
            "2025-1-01",
            "2025/04/17",
            "../..",
            "abc",
            "2025-04-17/",
            "+2025",
        ] {
            assert!(DateValue::parse_edtf(bad).is_err(), "{bad} should fail");
        }
        assert!(DateValue::parse_edtf("2024-02-29").is_ok());
        assert!(DateValue::parse_edtf("2025-02-29").is_err());
    }

    #[test]
    fn sorts_by_earliest_then_exact_before_vague() {
        let mut dates = [
            parse("2025-04"),
            parse("2025-04-01/2025-04-02"),
            parse("2025-04-01"),
            parse("../2025-01"),
            parse("2025-04-01/.."),
            parse("../2007"),
        ];
        dates.sort_by_key(|d| d.sort_key());
        let order: Vec<String> = dates.iter().map(|d| d.edtf()).collect();
        assert_eq!(
            order,
            [
                "../2007",
                "../2025-01",
                "2025-04-01",
                "2025-04-01/2025-04-02",
                "2025-04",
                "2025-04-01/.."
            ]
        );
    }

    #[test]
    fn years_before_1_are_astronomical() {
        let caesar = parse("-0043-03-15");
        assert_eq!(caesar.earliest(), Some(ymd(-43, 3, 15)));
        assert_eq!(caesar.edtf(), "-0043-03-15");
        assert_eq!(parse("0000").edtf(), "0000");
        let span = parse("-0100/0050");
        assert_eq!(span.edtf(), "-0100/0050");
        assert!(span.earliest() < parse("0001").earliest());
        assert!(matches!(
            DateValue::parse_edtf("0050/-0100"),
            Err(DateError::Reversed(_))
        ));
        assert!(DateValue::parse_edtf("-10000").is_err());
        assert!(DateValue::parse_edtf("--0043").is_err());
    }

    #[test]
    fn user_ranges_cover_the_whole_unit() {
        assert_eq!(
            parse_user_range("2025-03").unwrap(),
            (ymd(2025, 3, 1), ymd(2025, 3, 31))
        );
        assert!(parse_user_range("../2025").is_err());
    }
}

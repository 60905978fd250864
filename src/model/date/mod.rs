//! Dates at the precision their source gives: a day, a month, a year, an
//! interval, or an open-ended range, stored as EDTF (ISO 8601-2) text and as
//! inclusive day bounds for sorting and range filters.

mod bounds;
mod edtf;
mod human;
mod iso;
mod stored;
#[cfg(test)]
mod tests;

pub use edtf::parse_user_range;
pub use iso::{format_bound, format_day, iso_date, parse_iso_date};
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

pub fn day_number(d: NaiveDate) -> Day {
    d.num_days_from_ce()
}

pub fn from_day_number(day: Day) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

//! Dates as people read them, at their stored precision: "Thu 17 Apr 2025",
//! "Mar 2025", "before 16 Apr 2022", "17–20 Apr 2025" — never
//! "2025-03-01" for a month.

use super::{DateShape, DateValue, MONTHS, Point, Precision};
use chrono::Datelike;
use std::fmt;

/// "2025"; years before 1 (astronomical) as "44 BC".
fn year_human(year: i32) -> String {
    if year < 1 {
        format!("{} BC", 1 - i64::from(year))
    } else {
        year.to_string()
    }
}

impl Point {
    /// "Thu 17 Apr 2025", "Mar 2025", "2025", "15 Mar 44 BC".
    pub fn human(&self, weekday: bool) -> String {
        let month = MONTHS[(self.month as usize).clamp(1, 12) - 1];
        let year = year_human(self.year);
        match self.precision {
            Precision::Year => year,
            Precision::Month => format!("{month} {year}"),
            Precision::Day => match (weekday, self.first()) {
                (true, Some(d)) => format!("{} {} {month} {year}", d.weekday(), self.day),
                _ => format!("{} {month} {year}", self.day),
            },
        }
    }
}

impl DateValue {
    /// A short form for one chronology row: "Thu 17 Apr 2025", "Mar 2025",
    /// "before 16 Apr 2022", "17–20 Apr 2025".
    pub fn human(&self) -> String {
        let text = match &self.shape {
            DateShape::Single(p) => p.human(true),
            DateShape::Interval(a, b) => interval_human(a, b),
            DateShape::Until(p) => match p.next() {
                Some(next) => format!("before {}", next.human(false)),
                None => format!("by {}", p.human(false)),
            },
            DateShape::Since(p) => format!("since {}", p.human(false)),
        };
        match (self.approximate, self.uncertain) {
            (true, true) => format!("c. {text}?"),
            (true, false) => format!("c. {text}"),
            (false, true) => format!("{text}?"),
            _ => text,
        }
    }
}

fn interval_human(a: &Point, b: &Point) -> String {
    let both_days = a.precision == Precision::Day && b.precision == Precision::Day;
    if both_days && a.year == b.year && a.month == b.month {
        return format!(
            "{}–{} {} {}",
            a.day,
            b.day,
            MONTHS[a.month as usize - 1],
            year_human(a.year)
        );
    }
    let neither_year = a.precision != Precision::Year && b.precision != Precision::Year;
    if neither_year && a.year == b.year {
        let start = match a.precision {
            Precision::Day => format!("{} {}", a.day, MONTHS[a.month as usize - 1]),
            _ => MONTHS[a.month as usize - 1].to_string(),
        };
        return format!("{start} – {}", b.human(false));
    }
    format!("{} – {}", a.human(false), b.human(false))
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.human())
    }
}

#[cfg(test)]
mod tests {
    use crate::model::date::DateValue;

    fn parse(s: &str) -> DateValue {
        DateValue::parse_edtf(s).unwrap()
    }

    #[test]
    fn displays_at_stored_precision() {
        assert_eq!(parse("2025-04-17").human(), "Thu 17 Apr 2025");
        assert_eq!(parse("2025-03").human(), "Mar 2025");
        assert_eq!(parse("2025").human(), "2025");
        assert_eq!(parse("../2022-03").human(), "before Apr 2022");
        assert_eq!(parse("../2022-04-15").human(), "before 16 Apr 2022");
        assert_eq!(parse("2025-04-17/2025-04-20").human(), "17–20 Apr 2025");
        assert_eq!(parse("2025-03/2025-04-16").human(), "Mar – 16 Apr 2025");
        assert_eq!(parse("2024-11/2025-02").human(), "Nov 2024 – Feb 2025");
        assert_eq!(parse("2025-04-12/..").human(), "since 12 Apr 2025");
        assert_eq!(parse("2022-02~").human(), "c. Feb 2022");
        assert_eq!(parse("-0043-03-15").human(), "Fri 15 Mar 44 BC");
        assert_eq!(parse("0000").human(), "1 BC");
        assert_eq!(parse("-0099/0050").human(), "100 BC – 50");
    }
}

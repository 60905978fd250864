//! Where a point and a value begin and end: the days they cover, and the
//! chronological sort key.

use super::{DatePrecision, DateShape, DateValue, Day, Point, Precision, day_number};
use chrono::{Datelike, NaiveDate};

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
    pub(super) fn next(&self) -> Option<Point> {
        match self.precision {
            Precision::Day => self.first()?.succ_opt().map(Point::from_naive),
            Precision::Month if self.month == 12 => Some(Point::month(self.year + 1, 1)),
            Precision::Month => Some(Point::month(self.year, self.month + 1)),
            Precision::Year => Some(Point::year(self.year + 1)),
        }
    }
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
